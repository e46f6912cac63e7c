// Reads a plan file for `dcplan export`: read, JSON-parse, validate against the plan schema (in
// place, with the compiled check of schema-check.ts; zod itself only explains a failure), then the
// references between its lists. Every problem becomes a finding with the JSON path of the field
// and, where the text allows, its line and column in the file (found by a small scanner that walks
// the JSON text along the path). Reading costs little more than JSON.parse, time and memory.
import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import type { Finding } from "../common/errors.js";
import { PlanFileError } from "../common/errors.js";
import { Plan } from "./plan-schema.js";
import { compileCheck } from "./schema-check.js";

/** Reads, parses and validates the plan at `file`; throws PlanFileError listing every problem. */
export function readPlan(file: string): Plan {
  const held: { text?: string } = {};
  try {
    const bytes = readFileSync(file);
    // dcplan writes UTF-8; other bytes would turn into U+FFFD silently, so say where they are
    if (!isUtf8(bytes)) throw new PlanFileError([{ severity: "error", rule: "not-utf8", file, ...lineCol(bytes.toString("latin1"), firstNonUtf8(bytes)), message: "is not UTF-8 text (a plan file written by dcplan plan is UTF-8): the byte here is not" }]);
    held.text = bytes.toString("utf8");
  } catch (err) {
    if (err instanceof PlanFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a plan file" : code === "EACCES" ? "cannot read it: permission denied" : `cannot read: ${(err as Error).message}`;
    throw new PlanFileError([{ severity: "error", rule: "unreadable", file, message: why }]);
  }
  // The text is dropped once parsed (a 20,000-system plan is 250 MB of string); errors read it again.
  return parseHeld(held, file, () => readFileSync(file, "utf8"));
}

/** Parses and validates plan JSON `text` read from `file` (used in messages only). */
export function parsePlanText(text: string, file: string): Plan {
  return parseHeld({ text }, file, () => text);
}

function parseHeld(held: { text?: string }, file: string, reread: () => string): Plan {
  let text = held.text ?? "";
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new PlanFileError([{ severity: "error", rule: "invalid-json", file, message: "is empty: not a plan file (write one with dcplan plan --out FILE)" }]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = jsonErrorOffset(message, text);
    const at = pos === undefined ? {} : lineCol(text, pos);
    throw new PlanFileError([{ severity: "error", rule: "invalid-json", file, ...at, message: `not valid JSON: ${stripPosition(message)}` }]);
  }
  held.text = undefined;
  text = "";
  // Fast path: the compiled check validates in place (no copy); zod runs only to explain a failure.
  const check = compileCheck(Plan);
  if (check?.(json)) {
    const plan = json as Plan;
    const broken = referenceFindings(plan, file);
    if (broken.length === 0) return plan;
    throw new PlanFileError(locate(broken, reread()));
  }
  const result = Plan.safeParse(json);
  if (result.success) {
    const broken = referenceFindings(result.data, file);
    if (broken.length === 0) return result.data;
    throw new PlanFileError(locate(broken, reread()));
  }
  const source = stripBom(reread());
  const findings: Finding[] = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const offset = locateJsonPath(source, path);
    return {
      severity: "error",
      rule: "plan-schema",
      file,
      ...(offset === undefined ? {} : lineCol(source, offset)),
      entity: entityOf(json, path),
      path,
      message: issue.message,
    };
  });
  throw new PlanFileError(findings);
}

/** Offset of the first byte of `bytes` that does not start or continue a valid UTF-8 sequence. */
function firstNonUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    if (!isUtf8(bytes.subarray(i, i + n))) return i;
    i += n;
  }
  return bytes.length;
}

const stripBom = (t: string): string => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);

/** Findings of references the plan's lists must keep (a wave's systems, a system's wave and survivor, servers' hosts…), unlocated. */
function referenceFindings(plan: Plan, file: string): Finding[] {
  const out: Finding[] = [];
  const systems = new Set<string>();
  const waves = new Set<number>();
  const servers = new Set<string>();
  const bad = (path: (string | number)[], entity: string | undefined, message: string) => out.push({ severity: "error", rule: "plan-reference", file, path, ...(entity ? { entity } : {}), message });
  plan.systems.forEach((s, i) => {
    if (systems.has(s.id)) bad(["systems", i, "id"], s.id, "is listed twice");
    systems.add(s.id);
  });
  plan.servers.forEach((s, i) => {
    if (servers.has(s.id)) bad(["servers", i, "id"], s.id, "is listed twice");
    servers.add(s.id);
  });
  plan.waves.forEach((w, i) => {
    if (waves.has(w.number)) bad(["waves", i, "number"], undefined, `wave ${w.number} is listed twice`);
    waves.add(w.number);
    w.systems.forEach((id, j) => {
      if (!systems.has(id)) bad(["waves", i, "systems", j], undefined, `wave ${w.number} lists "${id}", which is not in systems`);
    });
  });
  plan.systems.forEach((s, i) => {
    if (s.wave !== undefined && !waves.has(s.wave)) bad(["systems", i, "wave"], s.id, `wave ${s.wave} is not in waves`);
    if (s.into !== undefined && !systems.has(s.into)) bad(["systems", i, "into"], s.id, `"${s.into}" is not in systems`);
  });
  plan.servers.forEach((s, i) => {
    if (s.hostedOn !== undefined && !servers.has(s.hostedOn)) bad(["servers", i, "hostedOn"], s.id, `"${s.hostedOn}" is not in servers`);
    s.systems.forEach((id, j) => {
      if (!systems.has(id)) bad(["servers", i, "systems", j], s.id, `"${id}" is not in systems`);
    });
  });
  plan.deadline.late.forEach((id, j) => {
    if (!systems.has(id)) bad(["deadline", "late", j], undefined, `"${id}" is not in systems`);
  });
  plan.unscheduled.forEach((u, j) => {
    if (!systems.has(u.system)) bad(["unscheduled", j, "system"], undefined, `"${u.system}" is not in systems`);
  });
  return out;
}

/** The findings with their line and column in `text`. */
function locate(findings: readonly Finding[], text: string): Finding[] {
  const source = stripBom(text);
  return findings.map((f) => {
    const offset = f.path ? locateJsonPath(source, f.path) : undefined;
    return offset === undefined ? f : { ...f, ...lineCol(source, offset) };
  });
}

/** The id of the list entry a path points into (`systems[3]` → that system's id), for messages. */
function entityOf(json: unknown, path: readonly (string | number)[]): string | undefined {
  if (path.length < 2 || typeof path[1] !== "number") return undefined;
  const list = (json as Record<string, unknown> | null)?.[path[0] as string];
  const item = Array.isArray(list) ? list[path[1]] : undefined;
  const id = (item as { id?: unknown; system?: unknown } | undefined)?.id ?? (item as { system?: unknown } | undefined)?.system;
  return typeof id === "string" ? id : undefined;
}

/** 1-based line and column of a character offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/** Where a JSON.parse error `message` points in `text` (line and column), and the message without V8's position. */
export function jsonSyntaxError(message: string, text: string): { line?: number; col?: number; message: string } {
  const pos = jsonErrorOffset(message, text);
  return { ...(pos === undefined ? {} : lineCol(text, pos)), message: `not valid JSON: ${stripPosition(message)}` };
}

// V8 says "... in JSON at position 12" and, in newer releases, "(line 2 column 5)".
function jsonErrorOffset(message: string, text: string): number | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    let line = 1;
    let i = 0;
    for (; i < text.length && line < Number(lc[1]); i++) if (text.charCodeAt(i) === 10) line++;
    return i + Number(lc[2]) - 1;
  }
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  // `Unexpected token 's', "schemaVers"... is not valid JSON`: V8 quotes the text around the token
  const around = /Unexpected token '(.)', "(?:\.\.\.)?(.*?)"(?:\.\.\.)? is not valid JSON/s.exec(message);
  if (around) {
    const at = text.indexOf(around[2]);
    if (at >= 0 && around[2].includes(around[1])) return at + around[2].indexOf(around[1]);
  }
  return undefined;
}

function stripPosition(message: string): string {
  return message.replace(/\s*(in JSON )?at position \d+( \(line \d+ column \d+\))?/, "").replace(/\s*\(line \d+ column \d+\)/, "");
}

/**
 * Offset of the value at `path` in JSON `text` (which must be valid JSON), or of the deepest
 * existing node on the path when the rest is missing; undefined if the text cannot be scanned.
 */
export function locateJsonPath(text: string, path: readonly (string | number)[]): number | undefined {
  try {
    let pos = skipWs(text, 0);
    for (const key of path) {
      const c = text[pos];
      if (c === "{" && typeof key === "string") {
        const found = findMember(text, pos, key);
        if (found === undefined) return pos;
        pos = found;
      } else if (c === "[" && typeof key === "number") {
        const found = findElement(text, pos, key);
        if (found === undefined) return pos;
        pos = found;
      } else {
        return pos;
      }
    }
    return pos;
  } catch {
    return undefined;
  }
}

function skipWs(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === " " || text[pos] === "\n" || text[pos] === "\r" || text[pos] === "\t")) pos++;
  return pos;
}

function stringEnd(text: string, pos: number): number {
  // pos is at the opening quote; returns the offset after the closing quote.
  for (let i = pos + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error("unterminated string");
}

function valueEnd(text: string, pos: number): number {
  const c = text[pos];
  if (c === '"') return stringEnd(text, pos);
  if (c === "{" || c === "[") {
    let depth = 0;
    for (let i = pos; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') i = stringEnd(text, i) - 1;
      else if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new Error("unterminated container");
  }
  let i = pos;
  while (i < text.length && !",}] \n\r\t".includes(text[i])) i++;
  return i;
}

function findMember(text: string, pos: number, key: string): number | undefined {
  let i = skipWs(text, pos + 1);
  while (text[i] === '"') {
    const end = stringEnd(text, i);
    const name = JSON.parse(text.slice(i, end)) as string;
    i = skipWs(text, end);
    i = skipWs(text, i + 1); // past ':'
    if (name === key) return i;
    i = skipWs(text, valueEnd(text, i));
    if (text[i] === ",") i = skipWs(text, i + 1);
  }
  return undefined;
}

function findElement(text: string, pos: number, index: number): number | undefined {
  let i = skipWs(text, pos + 1);
  for (let n = 0; i < text.length && text[i] !== "]"; n++) {
    if (n === index) return i;
    i = skipWs(text, valueEnd(text, i));
    if (text[i] === ",") i = skipWs(text, i + 1);
  }
  return undefined;
}
