// Loads a progress file: YAML syntax (duplicate keys included) and the per-entry schema, with the
// inventory's machinery (yaml-source.ts): every problem becomes a finding at file:line:col, all
// of them collected before anything is thrown. An entry that fails its schema is left out of the
// cross-record rules (rules.ts), which still run over the valid ones, so one run reports every
// problem. As for the inventory, js-yaml reads the file (a progress file recording thousands of
// systems parses in milliseconds) and the `yaml` package parses it again, once, only when a
// finding needs its line and column (`LoadedProgress.locate`).
import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";
import { type Finding, type Place, ProgressError } from "../../common/errors.js";
import { suggest } from "../../inventory/schema.js";
import { locate, readYamlFile } from "../../inventory/yaml-source.js";
import { Cutover, CutoverSystem, PROGRESS_LISTS, Progress, Retirement, ServerFact } from "./schema.js";

/** A path inside the progress document, e.g. `["cutovers", 0, "systems", 2, "reason"]`. */
export type ProgressPath = readonly (string | number)[];

/** A valid entry and where it is. */
export interface Located<T> {
  readonly value: T;
  readonly at: ProgressPath;
}

/** A valid cutover window with its valid system entries. */
export interface LocatedCutover extends Located<Cutover> {
  readonly systems: readonly Located<CutoverSystem>[];
}

/** The entries of a progress file that passed their schema, each with its place. */
export interface ProgressEntries {
  readonly cutovers: readonly LocatedCutover[];
  readonly retirements: readonly Located<Retirement>[];
  readonly servers: readonly Located<ServerFact>[];
}

/** A read progress file. */
export interface LoadedProgress {
  /** Path as the user gave it; undefined for an in-memory progress. */
  readonly file?: string;
  readonly text?: string;
  /** Line and column of a path in the file (parses the file with `yaml` on first use); nothing for an in-memory progress. */
  readonly locate: (path: ProgressPath, atKey?: boolean) => Place;
  readonly entries: ProgressEntries;
  /** Schema problems (already located); the rules add theirs before anything is thrown. */
  readonly findings: readonly Finding[];
}

const TOP_KEYS = ["schemaVersion", ...PROGRESS_LISTS];

/** Reads a progress file and checks its syntax and schema; throws ProgressError on a syntax or document-shape error (schema problems are kept in `findings` for checkProgress to report with the rules'). */
export function loadProgress(file: string, text?: string): LoadedProgress {
  let src: string;
  try {
    src = text ?? readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ProgressError([{ severity: "error", rule: "unreadable-file", file, message: code === "ENOENT" ? "progress file not found (dcplan record creates it)" : `cannot read file: ${(err as Error).message}` }]);
  }
  let docs: unknown[];
  try {
    docs = jsYaml.loadAll(src, undefined, { schema: jsYaml.CORE_SCHEMA, filename: file, json: false }) as unknown[];
  } catch (err) {
    // Every syntax problem with its place from `yaml`; js-yaml's own when `yaml` sees none.
    const { findings } = readYamlFile(file, src);
    if (findings.length > 0) throw new ProgressError(findings);
    const mark = (err as jsYaml.YAMLException).mark;
    throw new ProgressError([{ severity: "error", rule: "yaml-syntax", file, ...(mark ? { line: mark.line + 1, col: mark.column + 1 } : {}), message: `YAML syntax error: ${(err as jsYaml.YAMLException).reason ?? (err as Error).message}` }]);
  }
  const at = locator(file, src);
  if (docs.length > 1) throw new ProgressError([{ severity: "error", rule: "document-shape", ...locate(file, 1, [], src), file, message: "a progress file is one YAML document; found more than one" }]);
  const raw = docs[0];
  if (raw === null || raw === undefined) {
    throw new ProgressError([{ severity: "error", rule: "document-shape", file, line: 1, col: 1, message: "the progress file is empty: it needs at least `schemaVersion: 1`" }]);
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ProgressError([{ severity: "error", rule: "document-shape", ...at([]), file, message: `a progress file must be a mapping with schemaVersion, ${PROGRESS_LISTS.join(", ")} (got ${Array.isArray(raw) ? "a list" : `a ${typeof raw}`})` }]);
  }
  return progressEntries(raw as Record<string, unknown>, at, file, src);
}

/** Locates paths of `text` (read from `file`), parsing it with `yaml` once, on first use. */
function locator(file: string, text: string): (path: ProgressPath, atKey?: boolean) => Place {
  let parsed = false;
  return (path, atKey = false) => {
    // The first call parses `text` and keeps the parse under `file`; later calls reuse it.
    const place = locate(file, 0, path, parsed ? undefined : text, { atKey });
    parsed = true;
    return place;
  };
}

/** A progress given in memory (tests, the property runs): schema-checked, findings without places. */
export function progressFrom(progress: unknown): LoadedProgress {
  if (progress === null || typeof progress !== "object" || Array.isArray(progress)) {
    throw new ProgressError([{ severity: "error", rule: "document-shape", message: "a progress must be a mapping" }]);
  }
  return progressEntries(progress as Record<string, unknown>, () => ({}));
}

function progressEntries(raw: Record<string, unknown>, place: (path: ProgressPath, atKey?: boolean) => Place, file?: string, text?: string): LoadedProgress {
  const findings: Finding[] = [];
  const issue = (path: ProgressPath, message: string, rule: string, entity?: string, field?: ProgressPath): void => {
    findings.push({ severity: "error", rule, ...place(path, rule === "unknown-field"), ...(file !== undefined ? { file } : {}), ...(entity !== undefined ? { entity } : {}), ...(field && field.length > 0 ? { path: field } : {}), message });
  };
  // Top level: schemaVersion and the known lists (an empty `cutovers:` is an empty list).
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key) && !key.startsWith("x-")) issue([key], `unknown top-level key "${key}"${suggest(key, TOP_KEYS)}; expected ${TOP_KEYS.join(", ")}`, "unknown-field");
  }
  const version = Progress.shape.schemaVersion.safeParse(raw.schemaVersion);
  if (!version.success) issue(["schemaVersion"], raw.schemaVersion === undefined ? "schemaVersion is required (schemaVersion: 1)" : `schemaVersion must be 1 (got ${JSON.stringify(raw.schemaVersion)})`, raw.schemaVersion === undefined ? "missing-field" : "invalid-value");
  const list = (key: (typeof PROGRESS_LISTS)[number], noun: string): unknown[] => {
    const value = raw[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      issue([key], `"${key}" must be a list of ${noun}`, "wrong-type");
      return [];
    }
    return value;
  };

  const cutovers: LocatedCutover[] = [];
  list("cutovers", "cutover windows").forEach((c, i) => {
    const at = ["cutovers", i];
    const entity = cutoverName(c, i);
    const result = Cutover.safeParse(c);
    if (result.success) {
      cutovers.push({ value: result.data, at, systems: result.data.systems.map((s, j) => ({ value: s, at: [...at, "systems", j] })) });
      return;
    }
    // Problems inside one system entry drop that entry only; others drop the window from the rules.
    let windowOk = true;
    const badSystems = new Set<number>();
    for (const iss of result.error.issues) {
      const path = iss.path.filter((p): p is string | number => typeof p !== "symbol");
      const systems = (c as { systems?: unknown[] }).systems;
      if (path[0] === "systems" && typeof path[1] === "number") {
        badSystems.add(path[1]);
        const s = Array.isArray(systems) ? systems[path[1]] : undefined;
        issue([...at, ...path], zodMessage(iss, c, path), ruleOf(iss), systemName(s) ?? entity, path.slice(2));
      } else {
        windowOk = false;
        issue([...at, ...path], zodMessage(iss, c, path), ruleOf(iss), entity, path);
      }
    }
    if (!windowOk) return;
    const value = c as Cutover;
    const systems: Located<CutoverSystem>[] = [];
    (Array.isArray(value.systems) ? value.systems : []).forEach((s, j) => {
      if (!badSystems.has(j)) systems.push({ value: CutoverSystem.parse(s), at: [...at, "systems", j] });
    });
    cutovers.push({ value: { ...value, systems: systems.map((s) => s.value) }, at, systems });
  });

  const retirements: Located<Retirement>[] = [];
  list("retirements", "{ system, on }").forEach((r, i) => {
    const result = Retirement.safeParse(r);
    if (result.success) retirements.push({ value: result.data, at: ["retirements", i] });
    else for (const iss of result.error.issues) reportIssue(iss, r, ["retirements", i], systemName(r) ?? `retirement #${i + 1}`);
  });

  const servers: Located<ServerFact>[] = [];
  list("servers", "{ server, decommissionedOn | relocatedOn }").forEach((s, i) => {
    const result = ServerFact.safeParse(s);
    if (result.success) servers.push({ value: result.data, at: ["servers", i] });
    else for (const iss of result.error.issues) reportIssue(iss, s, ["servers", i], serverName(s) ?? `server fact #${i + 1}`);
  });

  function reportIssue(iss: ZodIssueLike, rawEntry: unknown, at: ProgressPath, entity: string): void {
    const path = iss.path.filter((p): p is string | number => typeof p !== "symbol");
    issue([...at, ...path], zodMessage(iss, rawEntry, path), ruleOf(iss), entity, path);
  }

  return { ...(file !== undefined ? { file } : {}), ...(text !== undefined ? { text } : {}), locate: place, entries: { cutovers, retirements, servers }, findings };
}

/** How a cutover is named in messages: `cutover 2026-12-05..2026-12-06` (or its position when its dates are bad). */
export function cutoverName(c: unknown, i: number): string {
  const start = (c as { start?: unknown } | null)?.start;
  const end = (c as { end?: unknown } | null)?.end ?? start;
  return typeof start === "string" && typeof end === "string" ? `cutover ${start}..${end}` : `cutover #${i + 1}`;
}

function systemName(x: unknown): string | undefined {
  const id = (x as { system?: unknown } | null)?.system;
  return typeof id === "string" ? id : undefined;
}

function serverName(x: unknown): string | undefined {
  const id = (x as { server?: unknown } | null)?.server;
  return typeof id === "string" ? id : undefined;
}

interface ZodIssueLike {
  readonly code: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
  readonly values?: readonly unknown[];
}

function ruleOf(iss: ZodIssueLike): string {
  if (iss.message.startsWith("unknown field")) return "unknown-field";
  if (iss.code === "invalid_type") return "wrong-type";
  if (iss.code === "invalid_value") return "invalid-value";
  return "invalid-field";
}

/** zod's message made concrete: "is required" for a missing field, the allowed values of an enum. */
function zodMessage(iss: ZodIssueLike, raw: unknown, path: readonly (string | number)[]): string {
  let value: unknown = raw;
  for (const step of path) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  if (path.length > 0 && value === undefined && iss.code === "invalid_type") return "is required";
  if (iss.code === "invalid_value" && iss.values) return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(", ")} (got ${JSON.stringify(value)})`;
  if (iss.code === "invalid_type" && (value === null || typeof value !== "object") && path.length === 0) return `must be a mapping (got ${raw === null ? "nothing" : Array.isArray(raw) ? "a list" : typeof raw})`;
  const shown = value !== undefined && typeof value !== "object" && !iss.message.startsWith("unknown field") ? ` (got ${JSON.stringify(value)})` : "";
  return `${iss.message}${shown}`;
}
