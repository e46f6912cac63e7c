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
import { type Collection, ID_PATTERN } from "./schema.js";

type Raw = Record<string, unknown>;

const SERVER_KINDS = new Set(["physical", "virtual", "storage", "network", "appliance"]);
const COUPLINGS = new Set(["tight", "loose"]);
const PROTOCOLS = new Set(["tcp", "udp"]);
const LIFECYCLES = new Set(["active", "legacy", "retiring"]);
const DISPOSITIONS = new Set(["retain", "rehost", "replatform", "relocate", "consolidate", "retire"]);

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isId = (v: unknown): v is string => typeof v === "string" && ID_PATTERN.test(v);
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

const any = (): boolean => true;

const USAGE = { cpuPct: isPercent, memoryPct: isPercent, storageUsedPct: isPercent };
const OS = { name: isName, version: any, endOfSupport: isDate };
const OS_CONVERT = {
  version: (v: unknown): unknown => (typeof v === "string" ? v : isNumber(v) ? String(v) : undefined),
};
const SERVER = {
  id: isId,
  site: isId,
  kind: (v: unknown) => typeof v === "string" && SERVER_KINDS.has(v),
  hostedOn: isId,
  cpuCores: (v: unknown) => isWhole(v) && v > 0,
  memoryGiB: (v: unknown) => isNumber(v) && v > 0,
  storageGiB: isNonNegative,
  usage: any,
  powerWatts: isNonNegative,
  rackUnits: isNonNegativeWhole,
  model: isText,
  purchased: isDate,
  supportEnds: isDate,
  os: any,
  owner: isId,
  tags: any,
  vmName: isName,
};
const SERVER_CONVERT = {
  usage: (v: unknown): unknown => (isRecord(v) ? copyRecord(v, USAGE, []) : undefined),
  os: (v: unknown): unknown => (isRecord(v) ? copyRecord(v, OS, ["name"], OS_CONVERT) : undefined),
  tags: (v: unknown): unknown => (Array.isArray(v) && v.every(isText) ? v.slice() : undefined),
};

/** A plainly valid server as zod outputs it (see file header), or undefined. */
export function plainServer(raw: unknown): Raw | undefined {
  if (!isRecord(raw)) return undefined;
  const s = copyRecord(raw, SERVER, ["id", "site", "kind"], SERVER_CONVERT);
  if (s === undefined) return undefined;
  // The schema's cross-field rules (schema.ts Server.superRefine): any of them broken → zod.
  const virtual = s.kind === "virtual";
  const compute = virtual || s.kind === "physical";
  if (compute && (s.cpuCores === undefined || s.memoryGiB === undefined)) return undefined;
  if (virtual ? s.hostedOn === undefined || s.powerWatts !== undefined || s.rackUnits !== undefined : s.hostedOn !== undefined || s.vmName !== undefined) return undefined;
  return s;
}

const DEPENDENCY = {
  target: isId,
  coupling: (v: unknown) => typeof v === "string" && COUPLINGS.has(v),
  port: (v: unknown) => isWhole(v) && v >= 1 && v <= 65535,
  protocol: (v: unknown) => typeof v === "string" && PROTOCOLS.has(v),
};
const SYSTEM = {
  id: isId,
  name: isName,
  owner: isId,
  function: isId,
  securityLevel: (v: unknown) => isWhole(v) && v >= 1 && v <= 5,
  servers: any,
  dependsOn: any,
  users: isNonNegativeWhole,
  dataGiB: isNonNegative,
  rpoHours: isNonNegative,
  rtoHours: isNonNegative,
  containerReady: (v: unknown) => typeof v === "boolean",
  lifecycle: (v: unknown) => typeof v === "string" && LIFECYCLES.has(v),
  disposition: (v: unknown) => typeof v === "string" && DISPOSITIONS.has(v),
  consolidateInto: isId,
};
const SYSTEM_CONVERT = {
  servers: (v: unknown): unknown => (Array.isArray(v) && v.every(isId) ? v.slice() : undefined),
  dependsOn: (v: unknown): unknown => {
    if (!Array.isArray(v)) return undefined;
    const out: Raw[] = [];
    for (const d of v) {
      const dep = isRecord(d) ? copyRecord(d, DEPENDENCY, ["target", "coupling"]) : undefined;
      if (dep === undefined) return undefined;
      out.push(dep);
    }
    return out;
  },
};

/** A plainly valid system as zod outputs it (see file header), or undefined. */
export function plainSystem(raw: unknown): Raw | undefined {
  if (!isRecord(raw)) return undefined;
  const s = copyRecord(raw, SYSTEM, ["id", "name", "owner", "function", "securityLevel", "servers"], SYSTEM_CONVERT);
  if (s === undefined) return undefined;
  // schema.ts System.superRefine
  if (s.consolidateInto !== undefined && s.disposition !== undefined && s.disposition !== "consolidate") return undefined;
  return s;
}

/** A plainly valid entry of `collection` as zod outputs it, or undefined (zod decides; always for the small collections). */
export function plainEntity(collection: Collection, raw: unknown): unknown {
  return collection === "servers" ? plainServer(raw) : collection === "systems" ? plainSystem(raw) : undefined;
}
