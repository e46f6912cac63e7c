// Loads an inventory directory: every *.yaml / *.yml below it (files.ts: recursively, sorted by
// path, symbolic links followed while they stay inside), each document a mapping of entity lists.
// Files are read as UTF-8 (common/read-text.ts: a file that is not is a located error) and parsed
// by the fast reader of yaml-subset.ts, or by js-yaml when a file leaves that subset (anchors,
// block scalars…); js-yaml also reports syntax errors, and for files up to a few MiB the `yaml`
// package lists every syntax problem of the file instead. Findings are located afterwards with the
// subset's locator (`yaml` for small files outside the subset), so no file is parsed with
// positions unless it has a finding, and then in memory proportional to the file. Every problem
// of every file is collected before anything is thrown, so one run reports them all.
import { relative, sep } from "node:path";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import type jsYamlModule from "js-yaml";
import type { z } from "zod";
import { type Finding, InventoryError, type Place } from "../common/errors.js";
import { ioProblem, readText } from "../common/read-text.js";
import { inventoryFiles } from "./files.js";
import { claimReadAhead, startReadAhead } from "./parallel-read.js";
import { plainEntity } from "./plain-entities.js";
import { indexInventory, type InventoryIndex } from "./model.js";
import { crossRecordRules, type EntityOrigin, type RuleContext, warningOnlyRules } from "./rules.js";
import { type Collection, COLLECTIONS, ENTITY_NOUN, ENTITY_SCHEMAS, type Inventory, isCollectionKey, suggest, unknownFieldMessage } from "./schema.js";
import { locate, readYamlFile, forgetPositions } from "./yaml-source.js";
import { locateInSubset, type PathQuery, readYamlSubset } from "./yaml-subset.js";

/**
 * Largest file (in UTF-16 code units) parsed with the `yaml` package, to list every syntax problem
 * or to locate findings in a file outside the fast reader's subset: `yaml` holds about 60× the
 * file while it parses. Beyond it, js-yaml's first syntax error is reported, and findings in a file
 * outside the subset name the file, the entity and the field without a line.
 */
export const YAML_PACKAGE_MAX_CHARS = 4 * 2 ** 20;

/** js-yaml, loaded the first time a file leaves the fast reader's subset (start-up time). */
function jsYaml(): typeof jsYamlModule {
  return createRequire(import.meta.url)("js-yaml") as typeof jsYamlModule;
}

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
  /** Check and return the warnings [true]; false skips the rules that only warn and returns none (a command that never shows them: `dcplan plan`). */
  readonly warnings?: boolean;
  /** Read the last files on a second thread meanwhile (parallel-read.ts): "auto" for large inventories on a machine with two cores, "always" (tests), "never" ["auto"]. */
  readonly readAhead?: "auto" | "always" | "never";
}

/** An entry's verdict against its entity schema: zod's, or the same handed back by the read-ahead worker. */
type Checked = { readonly success: true; readonly data: unknown } | { readonly success: false; readonly error: { readonly issues: readonly ZodIssueLike[] } };

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

/** Lists the YAML files below `dir`, sorted by path (code-unit order, the same on every machine); see files.ts. */
export function listYamlFiles(dir: string): string[] {
  return inventoryFiles(dir).files;
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
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InventoryError([{ severity: "error", rule: "no-inventory", file: dir, message: code === "ENOENT" ? "inventory directory not found" : `inventory directory ${ioProblem(err)}` }]);
  }
  if (!stat.isDirectory()) throw new InventoryError([{ severity: "error", rule: "no-inventory", file: dir, message: "is not a directory (an inventory is a directory of YAML files)" }]);
  const listed = inventoryFiles(dir);
  for (const f of listed.findings) pending.push({ ...f, file: f.file ?? dir });
  const files = listed.files;
  if (files.length === 0 && listed.findings.length === 0) throw new InventoryError([{ severity: "error", rule: "no-inventory", file: dir, message: "no *.yaml or *.yml file in the inventory directory" }]);

  const lists: Record<Collection, unknown[]> = { sites: [], agencies: [], servers: [], systems: [], externals: [] };
  /** Valid entities plus what can be salvaged of invalid ones, so cross-record rules still see them. */
  const ruleLists: Record<Collection, unknown[]> = { sites: [], agencies: [], servers: [], systems: [], externals: [] };
  /** Where each entity of ruleLists is defined, at the same index (the map from entity to origin is made only when a rule reports one: lazyOriginOf). */
  const ruleOrigins: Record<Collection, EntityOrigin[]> = { sites: [], agencies: [], servers: [], systems: [], externals: [] };
  const origins = new Map<string, EntityOrigin>();
  const duplicates: { id: string; here: EntityOrigin; first: EntityOrigin }[] = [];
  /** Ids of entities that failed their schema, with their kind, so references to them are not also reported as dangling. */
  const invalidIds = new Map<string, Collection>();
  const texts = new Map<string, string>();

  let salvaged = false;
  /** Ids first defined (origins) and first found invalid in the file being read, to undo them if the fast reader gives up on it. */
  let newOrigins: string[] = [];
  let newInvalid: string[] = [];

  /** Validates one list entry (or takes the worker's verdict, `checked`) and files it (or its findings). */
  const accept = (file: string, d: number, key: string, i: number, raw: unknown, checked?: Checked): void => {
    const collection = key as Collection;
    const at = [key, i];
    const rawId = raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
    const origin: EntityOrigin = { file, doc: d, at, collection };
    if (rawId !== undefined) {
      const first = origins.get(rawId);
      if (first) duplicates.push({ id: rawId, here: origin, first });
      else {
        origins.set(rawId, origin);
        newOrigins.push(rawId);
      }
    }
    const plain = checked === undefined ? plainEntity(collection, raw) : undefined;
    const result: Checked = checked ?? (plain !== undefined ? { success: true, data: plain } : (ENTITY_SCHEMAS[collection] as z.ZodType).safeParse(raw));
    if (result.success) {
      lists[collection].push(result.data);
      ruleLists[collection].push(result.data);
      ruleOrigins[collection].push(origin);
      return;
    }
    if (rawId !== undefined && !invalidIds.has(rawId)) {
      invalidIds.set(rawId, collection);
      newInvalid.push(rawId);
    }
    const partial = salvage(raw, result.error.issues);
    if (partial) {
      ruleLists[collection].push(partial);
      ruleOrigins[collection].push(origin);
      salvaged = true;
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
  };
  /** Files the top-level keys of a file's documents (entries the fast reader streamed are in already). */
  const fileDocuments = (file: string, docs: readonly unknown[]): void => {
    docs.forEach((doc, d) => {
      if (doc === null || doc === undefined) return; // an empty document (only comments) is fine
      if (typeof doc !== "object" || Array.isArray(doc)) {
        pending.push({ severity: "error", rule: "document-shape", file, doc: d, at: [], message: `document ${d + 1} is ${Array.isArray(doc) ? "a list" : `a ${typeof doc}`}; each document must be a mapping with any of the keys ${COLLECTIONS.join(", ")}` });
        return;
      }
      for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
        if (key.startsWith("x-")) continue;
        if (!isCollectionKey(key)) {
          const merge = key === "<<";
          pending.push({ severity: "error", rule: merge ? "merge-key" : "unknown-field", file, doc: d, at: [key], message: merge ? unknownFieldMessage(key, COLLECTIONS) : `unknown top-level key "${key}"${suggest(key, COLLECTIONS)}; expected ${COLLECTIONS.join(", ")}` });
          continue;
        }
        if (value === null) continue;
        if (!Array.isArray(value)) {
          pending.push({ severity: "error", rule: "wrong-type", file, doc: d, at: [key], message: `"${key}" must be a list of ${key}` });
          continue;
        }
        // Entries the fast reader streamed are in already (their list came back empty).
        value.forEach((raw, i) => accept(file, d, key, i, raw));
      }
    });
  };

  // Large inventories: a second thread reads the last files meanwhile (parallel-read.ts).
  // (Started already when the command asked for it early: claimReadAhead.)
  const early = claimReadAhead(dir, files);
  // Texts come back only where findings are expected to be located (warnings shown): without them
  // a file with an error is read again to place it (locateAll).
  const ahead = early !== undefined && options.readAhead !== "never" ? early : startReadAhead(files, options.readAhead, { texts: options.warnings !== false || options.locateWarnings !== false });
  if (ahead !== early) early?.close();
  try {
    for (const file of files) {
      const got = ahead?.take(file);
      if (got?.finding) {
        pending.push({ ...got.finding, file });
        continue;
      }
      if (got?.read) {
        if (got.read.text !== undefined) texts.set(file, got.read.text);
        for (const e of got.read.entries) {
          if (e.invalid) accept(file, e.doc, e.key, e.index, e.invalid.raw, { success: false, error: { issues: e.invalid.issues } });
          else accept(file, e.doc, e.key, e.index, e.data, { success: true, data: e.data });
        }
        fileDocuments(file, got.read.docs);
        continue;
      }
      readOnMainThread(file);
    }
  } finally {
    ahead?.close();
  }

  /** Reads, parses and validates one file on this thread. */
  function readOnMainThread(file: string): void {
    const read = readText(file);
    if (read.finding) {
      pending.push({ ...read.finding, file });
      return;
    }
    const text = read.text;
    texts.set(file, text);
    // The fast reader hands over each entry of a top-level list as soon as it is read, so it is
    // validated while young (less garbage collection, never held twice). If it gives up on the
    // file, what it handed over is undone and js-yaml reads the file whole.
    const mark: { lists: number[]; ruleLists: number[]; pending: number; duplicates: number; salvaged: boolean } = { lists: COLLECTIONS.map((c) => lists[c].length), ruleLists: COLLECTIONS.map((c) => ruleLists[c].length), pending: pending.length, duplicates: duplicates.length, salvaged };
    newOrigins = [];
    newInvalid = [];
    let docs = readYamlSubset(text, (d, key, i, raw) => {
      if (isCollectionKey(key)) accept(file, d, key, i, raw);
    });
    if (docs === undefined) {
      COLLECTIONS.forEach((c, k) => {
        lists[c].splice(mark.lists[k]);
        ruleLists[c].splice(mark.ruleLists[k]);
        ruleOrigins[c].splice(mark.ruleLists[k]);
      });
      pending.length = mark.pending;
      duplicates.length = mark.duplicates;
      for (const id of newOrigins) origins.delete(id);
      for (const id of newInvalid) invalidIds.delete(id);
      salvaged = mark.salvaged;
      try {
        const { loadAll, CORE_SCHEMA } = jsYaml();
        docs = loadAll(text, undefined, { schema: CORE_SCHEMA, filename: file, json: false }) as unknown[];
      } catch (err) {
        pending.push(...syntaxFindings(file, text, err));
        return;
      }
    }
    fileDocuments(file, docs);
  }

  const inventory = lists as unknown as Inventory;
  if (inventory.sites.length === 0 && !pending.some((f) => f.severity === "error" && f.rule !== "unknown-field") && invalidIds.size === 0) {
    pending.push({ severity: "error", rule: "no-sites", file: dir, message: "the inventory has no sites (at least one `sites:` entry is required)" });
  }
  const index = indexInventory(inventory);
  // The rules see what could be salvaged of invalid entities too; without any, that is the inventory itself.
  const ruleInventory = salvaged ? (ruleLists as unknown as Inventory) : inventory;
  const ctx: RuleContext = {
    inventory: ruleInventory,
    index: salvaged ? indexInventory(ruleInventory) : index,
    origins,
    originOf: lazyOriginOf(ruleLists, ruleOrigins),
    invalidIds,
    duplicates,
    asOf: options.asOf ?? new Date().toISOString().slice(0, 10),
    push: (f) => pending.push(f),
  };
  const wantWarnings = options.warnings !== false;
  for (const rule of crossRecordRules) if (wantWarnings || !warningOnlyRules.has(rule)) rule(ctx);

  const errors = pending.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    const located = locateAll(errors, texts);
    forgetPositions();
    throw new InventoryError(located);
  }
  const warnings = wantWarnings ? pending.filter((f) => f.severity === "warning") : [];
  const locatedWarnings = options.locateWarnings === false ? warnings : locateAll(warnings, texts);
  forgetPositions();
  return { inventory, index, warnings: locatedWarnings, files, origins };
}

/**
 * Entity → origin over `entities` and `origins` (the same index in each collection), made on the
 * first question: rules ask only when they report a finding, and a good inventory of 120k entities
 * has none to report (a map made up front cost 40 ms).
 */
function lazyOriginOf(entities: Record<Collection, unknown[]>, origins: Record<Collection, EntityOrigin[]>): RuleContext["originOf"] {
  let made: Map<object, EntityOrigin> | undefined;
  return {
    get(entity) {
      if (made === undefined) {
        made = new Map();
        for (const c of COLLECTIONS) entities[c].forEach((e, i) => made!.set(e as object, origins[c][i]));
      }
      return made.get(entity);
    },
  };
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

/** Gives every pending finding its line and column (reading each involved file once, from `texts` when there). */
export function locateAll(findings: readonly PendingFinding[], texts: ReadonlyMap<string, string> = new Map()): Finding[] {
  // One scan per file for all its findings (and the `related` places that point into it).
  const queries = new Map<string, PathQuery[]>();
  const ask = (file: string, doc: number, at: readonly (string | number)[], atKey: boolean): { file: string; i: number } => {
    let list = queries.get(file);
    if (!list) queries.set(file, (list = []));
    list.push({ doc, path: at, atKey });
    return { file, i: list.length - 1 };
  };
  const asked = findings.map((f) => ({
    main: f.line === undefined && f.doc !== undefined && f.at ? ask(f.file, f.doc, f.at, f.rule === "unknown-field" || f.rule === "merge-key") : undefined,
    related: f.related ? ask(f.related.file, f.related.doc, f.related.at, false) : undefined,
  }));
  const places = new Map<string, Place[]>();
  for (const [file, list] of queries) places.set(file, placesIn(file, list, texts.get(file)));
  return findings.map((f, k) => {
    const { main, related } = asked[k];
    const place = main ? places.get(main.file)![main.i] : { file: f.file, line: f.line, col: f.col };
    let message = f.message;
    if (f.related && related) {
      const other = places.get(related.file)![related.i];
      message = `${message} ${f.related.text} ${other.file}${other.line !== undefined ? `:${other.line}:${other.col}` : ""}`;
    }
    return { ...stripPending(f), ...place, message };
  });
}

/**
 * Line and column of each query in `file`: the fast reader's locator over the text; for a file
 * outside its subset, the `yaml` package when the file is small enough, else the file alone.
 */
function placesIn(file: string, queries: readonly PathQuery[], text?: string): Place[] {
  if (text === undefined) {
    const read = readText(file);
    if (read.finding) return queries.map(() => ({ file }));
    text = read.text;
  }
  const offsets = locateInSubset(text, queries);
  if (offsets) return linesAndColumns(text, offsets).map((p) => ({ file, ...p }));
  if (text.length > YAML_PACKAGE_MAX_CHARS) return queries.map(() => ({ file }));
  const out = queries.map((q, i) => locate(file, q.doc, q.path, i === 0 ? text : undefined, { atKey: q.atKey }));
  forgetPositions(file);
  return out;
}

/** 1-based line and column (UTF-16 code units, as the `yaml` package counts) of each offset, in one pass over the text. */
function linesAndColumns(text: string, offsets: readonly (number | undefined)[]): { line?: number; col?: number }[] {
  const order = offsets.map((_, i) => i).filter((i) => offsets[i] !== undefined).sort((a, b) => offsets[a]! - offsets[b]!);
  const out: { line?: number; col?: number }[] = offsets.map(() => ({}));
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const i of order) {
    const offset = offsets[i]!;
    for (let nl = text.indexOf("\n", scanned); nl !== -1 && nl < offset; nl = text.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    scanned = Math.max(scanned, lineStart);
    out[i] = { line, col: offset - lineStart + 1 };
  }
  return out;
}

/** Syntax problems of a file neither reader accepts: every one from `yaml` when the file is small enough, else js-yaml's first. */
function syntaxFindings(file: string, text: string, err: unknown): PendingFinding[] {
  if (text.length <= YAML_PACKAGE_MAX_CHARS) {
    const { findings } = readYamlFile(file, text);
    forgetPositions(file);
    if (findings.length > 0) return findings.map((f) => ({ ...f, file }));
  }
  const e = err as jsYamlModule.YAMLException;
  const mark = e.mark;
  return [{ severity: "error", rule: "yaml-syntax", file, line: mark ? mark.line + 1 : undefined, col: mark ? mark.column + 1 : undefined, message: `YAML syntax error: ${e.reason ?? (err as Error).message}` }];
}

function issueRule(code: string, message: string): string {
  if (message.startsWith("unknown field")) return "unknown-field";
  if (message.startsWith("YAML merge keys")) return "merge-key";
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
  if (issue.code === "invalid_value" && issue.values) {
    const choices = issue.values.map((v) => JSON.stringify(v)).join(", ");
    return issue.path.length > 0 && value === undefined ? `is required: one of ${choices}` : `must be one of ${choices} (got ${JSON.stringify(value)})`;
  }
  if (issue.path.length === 0 && issue.code === "invalid_type") return `must be a mapping (got ${Array.isArray(raw) ? "a list" : raw === null ? "nothing" : typeof raw})`;
  const shown = value !== undefined && typeof value !== "object" ? ` (got ${JSON.stringify(value)})` : "";
  return `${issue.message}${issue.message.startsWith("unknown field") || issue.message.startsWith("YAML merge keys") || issue.message.startsWith("is ") ? "" : shown}`;
}

/** Path of `file` relative to `dir`, with forward slashes (for messages and docs). */
export function relativeFile(dir: string, file: string): string {
  return relative(dir, file).split(sep).join("/");
}
