// Loads an inventory directory: every *.yaml / *.yml below it, recursively, sorted by path; each
// document a mapping of entity lists. Bulk parsing uses js-yaml (fast); only files that produce a
// finding are parsed again with `yaml` to give line and column (see yaml-source.ts). Every problem
// of every file is collected before anything is thrown, so one run reports them all.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import jsYaml from "js-yaml";
import type { z } from "zod";
import { type Finding, InventoryError } from "../common/errors.js";
import { indexInventory, type InventoryIndex } from "./model.js";
import { crossRecordRules, type EntityOrigin, type RuleContext } from "./rules.js";
import { type Collection, COLLECTIONS, ENTITY_NOUN, ENTITY_SCHEMAS, type Inventory, suggest } from "./schema.js";
import { locate, readYamlFile, forgetPositions } from "./yaml-source.js";

/** A loaded, valid inventory with what the later stages need. */
export interface LoadedInventory {
  readonly inventory: Inventory;
  readonly index: InventoryIndex;
  /** Things a planner should see that are not errors, located. */
  readonly warnings: Finding[];
  /** Files read, in the order read. */
  readonly files: string[];
  /** Where each entity was defined (first definition), for messages of later stages. */
  readonly origins: ReadonlyMap<string, EntityOrigin>;
}

export interface LoadOptions {
  /** Day against which support dates are judged for warnings, `YYYY-MM-DD` [today]. */
  readonly asOf?: string;
  /**
   * Locate warnings too (costs a `yaml` parse of each file with a warning) [true]. When false,
   * warnings keep where they are as document and path, and `locateAll` can locate the few shown.
   */
  readonly locateWarnings?: boolean;
}

/** A finding not yet located: where it is, as document index and path inside the file. */
export interface PendingFinding extends Omit<Finding, "line" | "col"> {
  readonly file: string;
  readonly doc?: number;
  /** Path inside the document, e.g. ["servers", 3, "usage", "cpuPct"]. */
  readonly at?: readonly (string | number)[];
  /** A second place the message refers to ("also defined at …"). */
  readonly related?: { readonly file: string; readonly doc: number; readonly at: readonly (string | number)[]; readonly text: string };
  readonly line?: number;
  readonly col?: number;
}

/** Lists the YAML files below `dir`, sorted by path (code-unit order, the same on every machine). */
export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.split(sep).join("/") < b.split(sep).join("/") ? -1 : 1));
}

/** Loads and validates the inventory in `dir`; throws InventoryError with every problem. */
export async function loadInventory(dir: string, options: LoadOptions = {}): Promise<LoadedInventory> {
  return loadInventorySync(dir, options);
}

/** Synchronous form of loadInventory (the work is CPU-bound anyway). */
export function loadInventorySync(dir: string, options: LoadOptions = {}): LoadedInventory {
  const pending: PendingFinding[] = [];
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InventoryError([{ severity: "error", rule: "no-inventory", file: dir, message: "inventory directory not found" }]);
  }
  if (!stat.isDirectory()) throw new InventoryError([{ severity: "error", rule: "no-inventory", file: dir, message: "is not a directory (an inventory is a directory of YAML files)" }]);
  const files = listYamlFiles(dir);
  if (files.length === 0) throw new InventoryError([{ severity: "error", rule: "no-inventory", file: dir, message: "no *.yaml or *.yml file in the inventory directory" }]);

  const lists: Record<Collection, unknown[]> = { sites: [], agencies: [], servers: [], systems: [], externals: [] };
  /** Valid entities plus what can be salvaged of invalid ones, so cross-record rules still see them. */
  const ruleLists: Record<Collection, unknown[]> = { sites: [], agencies: [], servers: [], systems: [], externals: [] };
  const originOf = new WeakMap<object, EntityOrigin>();
  const origins = new Map<string, EntityOrigin>();
  const duplicates: { id: string; here: EntityOrigin; first: EntityOrigin }[] = [];
  /** Ids of entities that failed their schema, with their kind, so references to them are not also reported as dangling. */
  const invalidIds = new Map<string, Collection>();
  const texts = new Map<string, string>();

  for (const file of files) {
    const text = readFileSync(file, "utf8");
    let docs: unknown[];
    try {
      docs = jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA, filename: file, json: false }) as unknown[];
    } catch (err) {
      // Parse again with `yaml` for every syntax problem with its place; keep js-yaml's if `yaml` sees none.
      texts.set(file, text);
      const { findings } = readYamlFile(file, text);
      if (findings.length > 0) pending.push(...findings.map((f) => ({ ...f, file })));
      else {
        const mark = (err as jsYaml.YAMLException).mark;
        pending.push({ severity: "error", rule: "yaml-syntax", file, line: mark ? mark.line + 1 : undefined, col: mark ? mark.column + 1 : undefined, message: `YAML syntax error: ${(err as jsYaml.YAMLException).reason ?? (err as Error).message}` });
      }
      continue;
    }
    docs.forEach((doc, d) => {
      if (doc === null || doc === undefined) return; // an empty document (only comments) is fine
      if (typeof doc !== "object" || Array.isArray(doc)) {
        pending.push({ severity: "error", rule: "document-shape", file, doc: d, at: [], message: `document ${d + 1} is ${Array.isArray(doc) ? "a list" : `a ${typeof doc}`}; each document must be a mapping with any of the keys ${COLLECTIONS.join(", ")}` });
        return;
      }
      for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
        if (key.startsWith("x-")) continue;
        if (!(COLLECTIONS as readonly string[]).includes(key)) {
          pending.push({ severity: "error", rule: "unknown-field", file, doc: d, at: [key], message: `unknown top-level key "${key}"${suggest(key, COLLECTIONS)}; expected ${COLLECTIONS.join(", ")}` });
          continue;
        }
        const collection = key as Collection;
        if (value === null) continue;
        if (!Array.isArray(value)) {
          pending.push({ severity: "error", rule: "wrong-type", file, doc: d, at: [key], message: `"${key}" must be a list of ${collection}` });
          continue;
        }
        const schema = ENTITY_SCHEMAS[collection] as z.ZodType;
        value.forEach((raw, i) => {
          const at = [key, i];
          const rawId = raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
          const origin: EntityOrigin = { file, doc: d, at, collection };
          if (rawId !== undefined) {
            const first = origins.get(rawId);
            if (first) duplicates.push({ id: rawId, here: origin, first });
            else origins.set(rawId, origin);
          }
          const result = schema.safeParse(raw);
          if (!result.success) {
            if (rawId !== undefined && !invalidIds.has(rawId)) invalidIds.set(rawId, collection);
            const partial = salvage(raw, result.error.issues);
            if (partial) {
              ruleLists[collection].push(partial);
              originOf.set(partial, origin);
            }
            for (const issue of result.error.issues) {
              pending.push({
                severity: "error",
                rule: issueRule(issue.code, issue.message),
                file,
                doc: d,
                at: [...at, ...(issue.path as (string | number)[])],
                entity: rawId ?? `${ENTITY_NOUN[collection]} #${i + 1}`,
                path: issue.path as (string | number)[],
                message: issueMessage(issue, raw),
              });
            }
          } else {
            lists[collection].push(result.data);
            ruleLists[collection].push(result.data);
            originOf.set(result.data as object, origin);
          }
        });
      }
    });
  }

  const inventory = lists as unknown as Inventory;
  if (inventory.sites.length === 0 && !pending.some((f) => f.severity === "error" && f.rule !== "unknown-field") && invalidIds.size === 0) {
    pending.push({ severity: "error", rule: "no-sites", file: dir, message: "the inventory has no sites (at least one `sites:` entry is required)" });
  }
  const index = indexInventory(inventory);
  const ruleInventory = ruleLists as unknown as Inventory;
  const ctx: RuleContext = {
    inventory: ruleInventory,
    index: ruleInventory === inventory ? index : indexInventory(ruleInventory),
    origins,
    originOf,
    invalidIds,
    duplicates,
    asOf: options.asOf ?? new Date().toISOString().slice(0, 10),
    push: (f) => pending.push(f),
  };
  for (const rule of crossRecordRules) rule(ctx);

  const errors = pending.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    const located = locateAll(errors, texts);
    forgetPositions();
    throw new InventoryError(located);
  }
  const warnings = pending.filter((f) => f.severity === "warning");
  const locatedWarnings = options.locateWarnings === false ? warnings : locateAll(warnings, texts);
  forgetPositions();
  return { inventory, index, warnings: locatedWarnings, files, origins };
}

/**
 * What the cross-record rules may still use of an entity that failed its schema: the raw object
 * without the fields that had problems (without just the bad entries of `servers` / `dependsOn`).
 */
function salvage(raw: unknown, issues: readonly { path: readonly PropertyKey[] }[]): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || typeof (raw as { id?: unknown }).id !== "string") return undefined;
  const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const dropItems = new Map<string, Set<number>>();
  for (const issue of issues) {
    const [key, item, field] = issue.path;
    if (typeof key !== "string") continue;
    if (key === "dependsOn" && typeof item === "number" && typeof field === "string" && field !== "target" && Array.isArray(copy.dependsOn)) {
      const deps = [...(copy.dependsOn as unknown[])];
      const dep = deps[item];
      if (dep && typeof dep === "object") {
        const { [field]: _dropped, ...rest } = dep as Record<string, unknown>;
        deps[item] = rest;
        copy.dependsOn = deps;
        continue;
      }
    }
    if ((key === "servers" || key === "dependsOn") && typeof item === "number" && Array.isArray(copy[key])) {
      if (!dropItems.has(key)) dropItems.set(key, new Set());
      dropItems.get(key)!.add(item);
    } else delete copy[key];
  }
  for (const [key, items] of dropItems) {
    if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).filter((_, i) => !items.has(i));
  }
  for (const key of ["servers", "dependsOn"]) if (key in copy && !Array.isArray(copy[key])) delete copy[key];
  if (copy.servers === undefined && "owner" in copy && "function" in copy) copy.servers = [];
  return copy;
}

function stripPending(f: PendingFinding): Finding {
  const { doc: _d, at: _a, related: _r, ...rest } = f;
  return rest;
}

/** Gives every pending finding its line and column (parsing each involved file once). */
export function locateAll(findings: readonly PendingFinding[], texts: ReadonlyMap<string, string> = new Map()): Finding[] {
  // File by file, dropping each file's parse once its findings are located: a `yaml` parse holds
  // ≈ 60× the file's size, so keeping every file of a large inventory exceeded 2 GiB (bench/, 100k
  // servers with a warning in every file). Files named by a `related` place are kept to the end.
  const byFile = new Map<string, number[]>();
  const relatedFiles = new Set<string>();
  findings.forEach((f, i) => {
    const list = byFile.get(f.file);
    if (list) list.push(i);
    else byFile.set(f.file, [i]);
    if (f.related) relatedFiles.add(f.related.file);
  });
  const out: Finding[] = new Array<Finding>(findings.length);
  for (const [file, indices] of byFile) {
    for (const i of indices) out[i] = locateOne(findings[i], texts);
    if (!relatedFiles.has(file)) forgetPositions(file);
  }
  return out;
}

function locateOne(f: PendingFinding, texts: ReadonlyMap<string, string>): Finding {
  const base = stripPending(f);
  const place = f.line === undefined && f.doc !== undefined && f.at ? locate(f.file, f.doc, f.at, texts.get(f.file), { atKey: f.rule === "unknown-field" }) : { file: f.file, line: f.line, col: f.col };
  let message = f.message;
  if (f.related) {
    const other = locate(f.related.file, f.related.doc, f.related.at, texts.get(f.related.file));
    message = `${message} ${f.related.text} ${other.file}${other.line !== undefined ? `:${other.line}:${other.col}` : ""}`;
  }
  return { ...base, ...place, message };
}

function issueRule(code: string, message: string): string {
  if (message.startsWith("unknown field")) return "unknown-field";
  if (code === "invalid_type" || code === "invalid_union") return "wrong-type";
  if (code === "too_small" || code === "too_big") return "out-of-range";
  if (code === "invalid_value") return "invalid-value";
  return "invalid-field";
}

interface ZodIssueLike {
  readonly code: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
  readonly input?: unknown;
  readonly values?: readonly unknown[];
}

/** zod's message, made concrete: "is required" for a missing field, allowed values for an enum. */
function issueMessage(issue: ZodIssueLike, raw: unknown): string {
  let value: unknown = raw;
  for (const step of issue.path) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  if (issue.path.length > 0 && value === undefined && issue.code === "invalid_type") return "is required";
  if (issue.code === "invalid_value" && issue.values) return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")} (got ${JSON.stringify(value)})`;
  if (issue.path.length === 0 && issue.code === "invalid_type") return `must be a mapping (got ${Array.isArray(raw) ? "a list" : raw === null ? "nothing" : typeof raw})`;
  const shown = value !== undefined && typeof value !== "object" ? ` (got ${JSON.stringify(value)})` : "";
  return `${issue.message}${issue.message.startsWith("unknown field") || issue.message.startsWith("is ") ? "" : shown}`;
}

/** Path of `file` relative to `dir`, with forward slashes (for messages and docs). */
export function relativeFile(dir: string, file: string): string {
  return relative(dir, file).split(sep).join("/");
}
