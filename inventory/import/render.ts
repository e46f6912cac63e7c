// Writes imported entities as inventory YAML: one file per source and site, entities sorted by id
// within each list, fields in the contract's order, small nested values (usage, os, tags,
// x-source, dependencies) on one line in flow style, and above every entity the comment naming
// where it came from (`# source: vcenter-bn.xlsx vInfo row 12`). Also renders single entities and
// values for the merge, which splices them into existing files (merge.ts).
import { type Collection, COLLECTIONS } from "../schema.js";
import { cmp } from "./assemble.js";
import { type Origin, originComment, type SourceFacts, type SourceKind } from "./types.js";

/** Field order per entity kind (the contract's), then dcplan's additions; unknown keys keep their order after these. */
const FIELD_ORDER: Record<Collection, readonly string[]> = {
  sites: ["id", "name", "kind", "racks", "powerKw", "pue", "wan"],
  agencies: ["id", "name", "kind"],
  servers: ["id", "site", "kind", "hostedOn", "cpuCores", "memoryGiB", "storageGiB", "usage", "powerWatts", "rackUnits", "model", "purchased", "supportEnds", "os", "owner", "tags", "vmName"],
  systems: ["id", "name", "owner", "function", "securityLevel", "servers", "dependsOn", "users", "dataGiB", "rpoHours", "rtoHours", "containerReady", "lifecycle", "disposition", "consolidateInto"],
  externals: ["id", "name", "endpoint"],
};

const NESTED_ORDER: Record<string, readonly string[]> = {
  usage: ["cpuPct", "memoryPct", "storageUsedPct"],
  os: ["name", "version", "endOfSupport"],
  wan: ["tslcdMbps", "internetMbps"],
  dependsOn: ["target", "coupling", "port", "protocol"],
};

/** A copy of `value` with keys in contract order (`x-` keys last, sorted), undefined values dropped. */
export function ordered(collection: Collection, value: Record<string, unknown>): Record<string, unknown> {
  const order = FIELD_ORDER[collection];
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k) && !k.startsWith("x-"));
  const x = keys.filter((k) => k.startsWith("x-")).sort(cmp);
  for (const k of [...known, ...rest, ...x]) out[k] = orderNested(k, value[k]);
  return out;
}

function orderNested(key: string, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((item) => (item && typeof item === "object" && !Array.isArray(item) ? orderKeys(item as Record<string, unknown>, NESTED_ORDER[key]) : item));
  if (v && typeof v === "object") return orderKeys(v as Record<string, unknown>, NESTED_ORDER[key]);
  return v;
}

function orderKeys(obj: Record<string, unknown>, order: readonly string[] | undefined): Record<string, unknown> {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const first = (order ?? []).filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !first.includes(k)).sort(cmp);
  const out: Record<string, unknown> = {};
  for (const k of [...first, ...rest]) out[k] = obj[k];
  return out;
}

/** What the importer records under `x-source` for a server (sorted keys, empty parts left out). */
export function sourceRecord(facts: SourceFacts, vmName: string | undefined, id?: string): Record<string, unknown> | undefined {
  const rec: Record<string, unknown> = {
    cluster: facts.cluster,
    datacenter: facts.datacenter,
    folder: facts.folder,
    ips: facts.ips && facts.ips.length > 0 ? facts.ips : undefined,
    name: facts.name !== vmName && facts.name !== id ? facts.name : undefined,
    networks: facts.networks && facts.networks.length > 0 ? facts.networks : undefined,
    power: facts.powerState,
    role: facts.role,
    tenant: facts.tenant,
    uuid: facts.uuid,
    vcenter: facts.vcenter,
  };
  const keys = Object.keys(rec).filter((k) => rec[k] !== undefined);
  if (keys.length === 0) return undefined;
  return Object.fromEntries(keys.sort(cmp).map((k) => [k, rec[k]]));
}

/** One entity to write: its kind, its fields (x-source included) and where it came from. */
export interface RenderEntity {
  readonly collection: Collection;
  readonly value: Record<string, unknown>;
  readonly origin: Origin;
}

/** The header comment of an import file (without `#`, one string per line). */
export function fileHeader(source: SourceKind, site: string): string[] {
  return [
    ` Imported by \`dcplan import --from ${source}\` for site ${site}; see docs/import.md.`,
    " Importing again updates only measured facts (sizes, usage, OS, host, VM name, x-source) and adds",
    " new entities; systems, dependencies, dispositions, x- keys and comments are yours and are kept.",
    ' The "source:" line above each entity is the importer\'s: it is rewritten on every import.',
  ];
}

/** A whole import file: header comment, then each list sorted by id (deterministic bytes). */
export function renderFile(source: SourceKind, site: string, entities: readonly RenderEntity[]): string {
  const out: string[] = fileHeader(source, site).map((l) => `#${l}\n`);
  for (const collection of COLLECTIONS) {
    const list = entities.filter((e) => e.collection === collection).sort((a, b) => cmp(String(a.value.id), String(b.value.id)));
    if (list.length === 0) continue;
    out.push(`\n${collection}:\n`);
    for (const e of list) out.push(renderItem(e, 2));
  }
  return out.join("").normalize("NFC");
}

/**
 * One entity as it appears in a block list: the origin comment and `- id: …` lines, with the dash
 * at column `dashColumn` (each line ends with a newline). Nested maps and lists of scalars are
 * written on one line in flow style; a list of maps (dependsOn) one map per line.
 */
export function renderItem(entity: RenderEntity, dashColumn: number): string {
  const pad = " ".repeat(dashColumn);
  const value = ordered(entity.collection, entity.value);
  const lines: string[] = [`${pad}# ${originComment(entity.origin)}`];
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    const lead = first ? `${pad}- ` : `${pad}  `;
    first = false;
    if (Array.isArray(v) && v.some((x) => x !== null && typeof x === "object")) {
      lines.push(`${lead}${plainKey(key)}:`);
      for (const item of v) lines.push(`${pad}    - ${renderValue(item, true)}`);
    } else lines.push(`${lead}${plainKey(key)}: ${renderValue(v)}`);
  }
  return `${lines.join("\n")}\n`;
}

function plainKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const PLAIN_BLOCK = /^[^\s\-?:,[\]{}#&*!|>'"%@`0-9+.~][^#:\n\t]*$/u;
const FLOW_UNSAFE = /[,[\]{}]/;

/**
 * A value on one line: a scalar as plain text when YAML reads it back as the same string, else
 * double-quoted (JSON, which YAML reads); maps as `{ k: v, … }` and lists as `[a, b]`. Inside a
 * flow collection (`inFlow`) `,[]{}` also need quotes.
 */
export function renderValue(value: unknown, inFlow = false): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") {
    const s = value.normalize("NFC");
    const plain = s !== "" && PLAIN_BLOCK.test(s) && !RESERVED.test(s) && !/\s$/.test(s) && !(inFlow && FLOW_UNSAFE.test(s));
    return plain ? s : JSON.stringify(s);
  }
  if (Array.isArray(value)) return `[${value.map((v) => renderValue(v, true)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${plainKey(k)}: ${renderValue(v, true)}`).join(", ")} }`;
}
