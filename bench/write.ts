// Writes an inventory as a directory of YAML files, the way a real repository holds one: shared
// reference data in one file, servers and systems split into chunks of a few MB, some files with
// several documents. A small hand-rolled emitter for flat records: the `yaml` package's stringify
// takes seconds on 100k servers, and the records here are simple (scalars, flat mappings, lists).
// The output parses to the same values with js-yaml (CORE_SCHEMA, as the loader uses it) and with
// `yaml` (test/inventory/property.test.ts checks both).
import { join } from "node:path";
import { writeFileAtomic } from "../common/io.js";
import type { Inventory } from "../inventory/schema.js";

export interface WriteYamlOptions {
  /** Number of chunk files for servers and systems together [about one per 2 MB of YAML]. */
  readonly files?: number;
  /** Documents per chunk file (separated by `---`) [2]. */
  readonly docsPerFile?: number;
}

/** Plain (unquoted) scalars we emit: lowercase ids and ISO dates; anything else is JSON-quoted. */
const PLAIN = /^[a-z][a-z0-9-]*$|^\d{4}-\d{2}-\d{2}$/;
/** Words a YAML core schema (or a YAML 1.1 reader) would read as something other than a string. */
const RESERVED = new Set(["true", "false", "null", "y", "n", "yes", "no", "on", "off"]);
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Characters JSON leaves raw that the YAML spec does not allow raw (non-printable) or that YAML 1.1
 * reads as line breaks; js-yaml and `yaml` tolerate them, stricter readers do not.
 */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A YAML double-quoted scalar: JSON's escapes are YAML's, plus the characters above as \uXXXX. */
function quote(s: string): string {
  return JSON.stringify(s).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function scalar(v: unknown): string {
  if (typeof v === "string") return PLAIN.test(v) && !RESERVED.has(v) ? v : quote(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`cannot write the number ${v} as YAML`);
    return String(v);
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === null) return "null";
  throw new Error(`not a scalar: ${typeof v}`);
}

function key(k: string): string {
  return PLAIN_KEY.test(k) && !RESERVED.has(k.toLowerCase()) ? k : quote(k);
}

function isFlat(v: unknown): boolean {
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== "object");
  if (v && typeof v === "object") return Object.values(v).every((x) => x === null || typeof x !== "object");
  return true;
}

/** A flat mapping or list on one line (flow style). */
function flow(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `[${v.map(scalar).join(", ")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, x]) => `${key(k)}: ${scalar(x)}`).join(", ")} }`;
  }
  return scalar(v);
}

/** Emits the entries of a mapping at `indent`; the first line's indent is supplied by the caller. */
function mapping(obj: Record<string, unknown>, indent: string, out: string[], firstPrefix: string): void {
  let first = true;
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const lead = first ? firstPrefix : indent;
    first = false;
    if (v === null || typeof v !== "object" || isFlat(v)) {
      out.push(`${lead}${key(k)}: ${flow(v)}`);
    } else if (Array.isArray(v)) {
      out.push(`${lead}${key(k)}:`);
      sequence(v, `${indent}  `, out);
    } else {
      out.push(`${lead}${key(k)}:`);
      mapping(v as Record<string, unknown>, `${indent}  `, out, `${indent}  `);
    }
  }
  if (first) out.push(`${firstPrefix}{}`);
}

function sequence(items: readonly unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      if (isFlat(item)) out.push(`${indent}- ${flow(item)}`);
      else mapping(item as Record<string, unknown>, `${indent}  `, out, `${indent}- `);
    } else if (Array.isArray(item)) {
      if (isFlat(item)) out.push(`${indent}- ${flow(item)}`);
      else {
        out.push(`${indent}-`);
        sequence(item, `${indent}  `, out);
      }
    } else out.push(`${indent}- ${scalar(item)}`);
  }
}

/** One entity as YAML lines of a list entry under a top-level key ("  - id: …"). */
export function entityYaml(entity: object): string {
  const out: string[] = [];
  mapping(entity as Record<string, unknown>, "    ", out, "  - ");
  return out.join("\n") + "\n";
}

/** A whole document `{ key: entities }` as YAML text. */
export function documentYaml(lists: Partial<Record<keyof Inventory, readonly object[]>>): string {
  let text = "";
  for (const [k, items] of Object.entries(lists)) {
    if (!items) continue;
    text += items.length === 0 ? `${k}: []\n` : `${k}:\n${items.map(entityYaml).join("")}`;
  }
  return text;
}

const HEADER = "# Synthetic inventory written by bench/write.ts: fictional data for tests and benchmarks.\n";

/**
 * Writes `inventory` below `dir` as YAML: `00-reference.yaml` (sites, agencies, externals), then
 * `servers/NNNN.yaml` and `systems/NNNN.yaml` chunks, named so that sorted order is inventory order.
 * Returns the files written (absolute paths, sorted) and their total size in bytes.
 */
export function writeInventoryYaml(inventory: Inventory, dir: string, options: WriteYamlOptions = {}): { files: string[]; bytes: number } {
  const docsPerFile = Math.max(1, options.docsPerFile ?? 2);
  const files: string[] = [];
  let bytes = 0;
  const put = (path: string, text: string): void => {
    writeFileAtomic(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  };
  put(join(dir, "00-reference.yaml"), HEADER + documentYaml({ sites: inventory.sites, agencies: inventory.agencies }) + "---\n" + documentYaml({ externals: inventory.externals }));

  const serverTexts = inventory.servers.map(entityYaml);
  const systemTexts = inventory.systems.map(entityYaml);
  const total = serverTexts.reduce((n, t) => n + t.length, 0) + systemTexts.reduce((n, t) => n + t.length, 0);
  const chunkCount = Math.max(2, options.files ?? Math.ceil(total / 2_000_000));
  const target = Math.max(1, total / chunkCount);
  for (const [collection, texts] of [["servers", serverTexts], ["systems", systemTexts]] as const) {
    const chunks: string[][] = [];
    let current: string[] = [];
    let size = 0;
    for (const t of texts) {
      current.push(t);
      size += t.length;
      if (size >= target) {
        chunks.push(current);
        current = [];
        size = 0;
      }
    }
    if (current.length > 0 || chunks.length === 0) chunks.push(current);
    chunks.forEach((chunk, i) => {
      // Split the chunk into documents, each a mapping with the one collection key.
      const per = Math.max(1, Math.ceil(chunk.length / docsPerFile));
      const docs: string[] = [];
      for (let j = 0; j < chunk.length || docs.length === 0; j += per) {
        const part = chunk.slice(j, j + per);
        docs.push(part.length === 0 ? `${collection}: []\n` : `${collection}:\n${part.join("")}`);
      }
      put(join(dir, collection, `${String(i + 1).padStart(4, "0")}.yaml`), HEADER + docs.join("---\n"));
    });
  }
  return { files: files.sort(), bytes };
}

/** Writes the same inventory as one JSON file `inventory.json` in `dir` (the JSON.parse floor); returns its path and size. */
export function writeInventoryJson(inventory: Inventory, dir: string): { file: string; bytes: number } {
  const file = join(dir, "inventory.json");
  const text = JSON.stringify(inventory);
  writeFileAtomic(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}
