// A fast path past zod for the two large collections (servers and systems: 97 % of a province's
// entries). For an entry that is plainly valid it returns what `ENTITY_SCHEMAS[…].safeParse(raw)`
// returns as `data`, field for field and key for key: the known fields in the schema's order, then
// the `x-` fields in the order written, lists and nested records copied, an OS version given as a
// number turned into a string. Anything it is not sure of (a wrong type, a value at a limit, an
// unknown field, -0, an `x-` field holding more than a string, number or boolean) gives undefined,
// and zod gives the verdict and the findings as before. So it accepts a subset of what zod
// accepts, and what it returns is always the same as JSON text and back (the read-ahead worker
// relies on that). A property test (test/inventory/plain-entities.test.ts) holds the two side by side.
import { isCalendarDate } from "./calendar-date.js";
import type { Collection } from "./schema.js";

type Raw = Record<string, unknown>;

const SERVER_KINDS = new Set(["physical", "virtual", "storage", "network", "appliance"]);
const COUPLINGS = new Set(["tight", "loose"]);
const PROTOCOLS = new Set(["tcp", "udp"]);
const LIFECYCLES = new Set(["active", "legacy", "retiring"]);
const DISPOSITIONS = new Set(["retain", "rehost", "replatform", "relocate", "consolidate", "retire"]);

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
/** A lowercase letter or a digit (character code). */
const alnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** ID_PATTERN (a DNS-1123 label) by hand: 1–63 characters, lowercase letters, digits and '-', a letter or digit at both ends (test: the same answer as the pattern). */
export function isIdText(v: string): boolean {
  const n = v.length;
  if (n === 0 || n > 63 || !alnum(v.charCodeAt(0)) || !alnum(v.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = v.charCodeAt(i);
    if (!alnum(c) && c !== 45) return false;
  }
  return true;
}

const isId = (v: unknown): v is string => typeof v === "string" && isIdText(v);
const isText = (v: unknown): v is string => typeof v === "string";
const isName = (v: unknown): v is string => typeof v === "string" && v.length > 0;
/** A finite number that is not -0 (zod keeps -0; JSON does not). */
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && !Object.is(v, -0);
const isNonNegative = (v: unknown): v is number => isNumber(v) && v >= 0;
const isWhole = (v: unknown): v is number => isNumber(v) && Number.isSafeInteger(v);
const isNonNegativeWhole = (v: unknown): v is number => isWhole(v) && v >= 0;
const isPercent = (v: unknown): v is number => isNumber(v) && v >= 0 && v <= 100;
const isDate = (v: unknown): v is string => typeof v === "string" && isCalendarDate(v);
/** An `x-` field's value kept as it is: a string, a finite number (not -0), a boolean or null. */
const isPlainExtra = (v: unknown): boolean => v === null || typeof v === "string" || typeof v === "boolean" || isNumber(v);

/**
 * Copies `raw`'s fields in the order of `fields` (each present one checked by its test, undefined
 * when one fails), then its `x-` fields in their order; undefined on an unknown field. `convert`
 * gives a field's value as zod outputs it (nested records, lists), undefined when it is not valid.
 */
function copyRecord(raw: Raw, fields: Readonly<Record<string, (v: unknown) => boolean>>, required: readonly string[], convert?: Readonly<Record<string, (v: unknown) => unknown>>): Raw | undefined {
  for (const key of required) if (!(key in raw)) return undefined;
  let extras: string[] | undefined;
  for (const key in raw) {
    if (key in fields && Object.prototype.hasOwnProperty.call(fields, key)) continue;
    if (!key.startsWith("x-") || !isPlainExtra(raw[key])) return undefined;
    (extras ??= []).push(key);
  }
  const out: Raw = {};
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(raw, key)) continue;
    const value = raw[key];
    if (value === undefined) return undefined;
    const make = convert?.[key];
    if (make !== undefined) {
      const made = make(value);
      if (made === undefined) return undefined;
      out[key] = made;
    } else {
      if (!fields[key](value)) return undefined;
      out[key] = value;
    }
  }
  if (extras !== undefined) for (const key of extras) out[key] = raw[key];
  return out;
}

const USAGE = { cpuPct: isPercent, memoryPct: isPercent, storageUsedPct: isPercent };
const OS = { name: isName, version: (): boolean => true, endOfSupport: isDate };
const OS_CONVERT = {
  version: (v: unknown): unknown => (typeof v === "string" ? v : isNumber(v) ? String(v) : undefined),
};
const DEPENDENCY = {
  target: isId,
  coupling: (v: unknown) => typeof v === "string" && COUPLINGS.has(v),
  port: (v: unknown) => isWhole(v) && v >= 1 && v <= 65535,
  protocol: (v: unknown) => typeof v === "string" && PROTOCOLS.has(v),
};

// Servers and systems are checked field by field in a switch and built in the schema's order by
// hand (they are 97 % of the entries; the generic copyRecord serves the small nested records). The
// two builders look alike on purpose: a loop over a list of field names with keyed stores took
// 190 ms instead of 120 ms for the 120k entries of a 20k-system inventory.

/** A plainly valid server as zod outputs it (see file header), or undefined. */
export function plainServer(raw: unknown): Raw | undefined {
  if (!isRecord(raw)) return undefined;
  let usage: Raw | undefined;
  let os: Raw | undefined;
  let tags: unknown[] | undefined;
  let extras: string[] | undefined;
  // Every field checked (a value of undefined fails each check, so "present" is "not undefined" below).
  for (const key in raw) {
    const v = raw[key];
    switch (key) {
      case "id":
      case "site":
      case "hostedOn":
      case "owner":
        if (!isId(v)) return undefined;
        break;
      case "kind":
        if (typeof v !== "string" || !SERVER_KINDS.has(v)) return undefined;
        break;
      case "cpuCores":
        if (!isWhole(v) || v <= 0) return undefined;
        break;
      case "memoryGiB":
        if (!isNumber(v) || v <= 0) return undefined;
        break;
      case "storageGiB":
      case "powerWatts":
        if (!isNonNegative(v)) return undefined;
        break;
      case "rackUnits":
        if (!isNonNegativeWhole(v)) return undefined;
        break;
      case "model":
        if (!isText(v)) return undefined;
        break;
      case "purchased":
      case "supportEnds":
        if (!isDate(v)) return undefined;
        break;
      case "vmName":
        if (!isName(v)) return undefined;
        break;
      case "usage":
        if (!isRecord(v) || (usage = copyRecord(v, USAGE, [])) === undefined) return undefined;
        break;
      case "os":
        if (!isRecord(v) || (os = copyRecord(v, OS, ["name"], OS_CONVERT)) === undefined) return undefined;
        break;
      case "tags":
        if (!Array.isArray(v) || !v.every(isText)) return undefined;
        tags = v.slice();
        break;
      default:
        if (!key.startsWith("x-") || !isPlainExtra(v)) return undefined;
        (extras ??= []).push(key);
    }
  }
  if (raw.id === undefined || raw.site === undefined || raw.kind === undefined) return undefined;
  const s: Raw = { id: raw.id, site: raw.site, kind: raw.kind };
  if (raw.hostedOn !== undefined) s.hostedOn = raw.hostedOn;
  if (raw.cpuCores !== undefined) s.cpuCores = raw.cpuCores;
  if (raw.memoryGiB !== undefined) s.memoryGiB = raw.memoryGiB;
  if (raw.storageGiB !== undefined) s.storageGiB = raw.storageGiB;
  if (usage !== undefined) s.usage = usage;
  if (raw.powerWatts !== undefined) s.powerWatts = raw.powerWatts;
  if (raw.rackUnits !== undefined) s.rackUnits = raw.rackUnits;
  if (raw.model !== undefined) s.model = raw.model;
  if (raw.purchased !== undefined) s.purchased = raw.purchased;
  if (raw.supportEnds !== undefined) s.supportEnds = raw.supportEnds;
  if (os !== undefined) s.os = os;
  if (raw.owner !== undefined) s.owner = raw.owner;
  if (tags !== undefined) s.tags = tags;
  if (raw.vmName !== undefined) s.vmName = raw.vmName;
  if (extras !== undefined) for (const key of extras) s[key] = raw[key];
  // The schema's cross-field rules (schema.ts Server.superRefine): any of them broken → zod.
  const virtual = s.kind === "virtual";
  const compute = virtual || s.kind === "physical";
  if (compute && (s.cpuCores === undefined || s.memoryGiB === undefined)) return undefined;
  if (virtual ? s.hostedOn === undefined || s.powerWatts !== undefined || s.rackUnits !== undefined : s.hostedOn !== undefined || s.vmName !== undefined) return undefined;
  return s;
}

/** A system's dependencies as zod outputs them, or undefined. */
function plainDependencies(v: unknown): Raw[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Raw[] = [];
  for (const d of v) {
    const dep = isRecord(d) ? copyRecord(d, DEPENDENCY, ["target", "coupling"]) : undefined;
    if (dep === undefined) return undefined;
    out.push(dep);
  }
  return out;
}

/** A plainly valid system as zod outputs it (see file header), or undefined. */
export function plainSystem(raw: unknown): Raw | undefined {
  if (!isRecord(raw)) return undefined;
  let servers: unknown[] | undefined;
  let dependsOn: Raw[] | undefined;
  let extras: string[] | undefined;
  for (const key in raw) {
    const v = raw[key];
    switch (key) {
      case "id":
      case "owner":
      case "function":
      case "consolidateInto":
        if (!isId(v)) return undefined;
        break;
      case "name":
        if (!isName(v)) return undefined;
        break;
      case "securityLevel":
        if (!isWhole(v) || v < 1 || v > 5) return undefined;
        break;
      case "servers":
        if (!Array.isArray(v) || !v.every(isId)) return undefined;
        servers = v.slice();
        break;
      case "dependsOn":
        if ((dependsOn = plainDependencies(v)) === undefined) return undefined;
        break;
      case "users":
        if (!isNonNegativeWhole(v)) return undefined;
        break;
      case "dataGiB":
      case "rpoHours":
      case "rtoHours":
        if (!isNonNegative(v)) return undefined;
        break;
      case "containerReady":
        if (typeof v !== "boolean") return undefined;
        break;
      case "lifecycle":
        if (typeof v !== "string" || !LIFECYCLES.has(v)) return undefined;
        break;
      case "disposition":
        if (typeof v !== "string" || !DISPOSITIONS.has(v)) return undefined;
        break;
      default:
        if (!key.startsWith("x-") || !isPlainExtra(v)) return undefined;
        (extras ??= []).push(key);
    }
  }
  if (raw.id === undefined || raw.name === undefined || raw.owner === undefined || raw.function === undefined || raw.securityLevel === undefined || servers === undefined) return undefined;
  const s: Raw = { id: raw.id, name: raw.name, owner: raw.owner, function: raw.function, securityLevel: raw.securityLevel, servers };
  if (dependsOn !== undefined) s.dependsOn = dependsOn;
  if (raw.users !== undefined) s.users = raw.users;
  if (raw.dataGiB !== undefined) s.dataGiB = raw.dataGiB;
  if (raw.rpoHours !== undefined) s.rpoHours = raw.rpoHours;
  if (raw.rtoHours !== undefined) s.rtoHours = raw.rtoHours;
  if (raw.containerReady !== undefined) s.containerReady = raw.containerReady;
  if (raw.lifecycle !== undefined) s.lifecycle = raw.lifecycle;
  if (raw.disposition !== undefined) s.disposition = raw.disposition;
  if (raw.consolidateInto !== undefined) s.consolidateInto = raw.consolidateInto;
  if (extras !== undefined) for (const key of extras) s[key] = raw[key];
  // schema.ts System.superRefine
  if (s.consolidateInto !== undefined && s.disposition !== undefined && s.disposition !== "consolidate") return undefined;
  return s;
}

/** A plainly valid entry of `collection` as zod outputs it, or undefined (zod decides; always for the small collections). */
export function plainEntity(collection: Collection, raw: unknown): unknown {
  return collection === "servers" ? plainServer(raw) : collection === "systems" ? plainSystem(raw) : undefined;
}
