// Reading YAML with positions through the `yaml` package: line and column for any node and every
// syntax problem (duplicate keys included). It holds about 60× the file while parsing (see
// docs/inventory.md, "Loading large inventories"), so the inventory loader uses it only for small
// files: to list syntax errors and to locate findings in files outside the fast reader's subset
// (yaml-subset.ts). Small inputs — the planning profile, stack files — are read with it whole.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Document, LineCounter, Node } from "yaml";
import type { Finding, Place } from "../common/errors.js";
import { readText } from "../common/read-text.js";

/** The `yaml` package, loaded on first use: most runs never need it, and loading it costs start-up time. */
function yamlPackage(): typeof import("yaml") {
  return createRequire(import.meta.url)("yaml") as typeof import("yaml");
}

/** A parsed file kept for locating nodes. */
interface ParsedFile {
  readonly docs: Document.Parsed[];
  readonly lineCounter: LineCounter;
}

const cache = new Map<string, ParsedFile>();

function parseWithPositions(file: string, text?: string): ParsedFile {
  const cached = cache.get(file);
  if (cached && text === undefined) return cached;
  let src = text;
  if (src === undefined) {
    const read = readText(file);
    if (read.finding) throw new Error(read.finding.message);
    src = read.text;
  }
  const { LineCounter, parseAllDocuments } = yamlPackage();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(src, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const parsed: ParsedFile = { docs: Array.isArray(docs) ? docs : [], lineCounter };
  cache.set(file, parsed);
  return parsed;
}

/** Forgets the positions kept for `file` (or for every file), e.g. after the loader is done. */
export function forgetPositions(file?: string): void {
  if (file === undefined) cache.clear();
  else cache.delete(file);
}

/**
 * Parses a YAML file (all its documents) with the `yaml` package and returns plain values plus
 * every syntax problem as a finding with its line and column. Duplicate keys are problems.
 */
export function readYamlFile(file: string, text?: string): { docs: unknown[]; findings: Finding[] } {
  let src: string;
  if (text !== undefined) src = text;
  else {
    const read = readText(file);
    if (read.finding) return { docs: [], findings: [read.finding] };
    src = read.text;
  }
  const { docs, lineCounter } = parseWithPositions(file, src);
  const findings: Finding[] = [];
  for (const doc of docs) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      if (doc.warnings.includes(e as never) && e.code !== "DUPLICATE_KEY") continue;
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      findings.push({ severity: "error", rule: "yaml-syntax", file, line: pos.line, col: pos.col, message: yamlMessage(e.code, e.message) });
    }
  }
  const values = findings.length > 0 ? [] : docs.map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown);
  return { docs: values, findings };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY") return `duplicate key in a mapping: ${first.replace(/^Map keys must be unique;?\s*/, "") || "the same key appears twice"}`.replace(/: $/, "");
  return `YAML syntax error: ${first}`;
}

/** How `locate` picks the position. */
export interface LocateOptions {
  /** Point at the key of the last mapping entry rather than its value (for unknown fields) [false]. */
  readonly atKey?: boolean;
}

/**
 * Line and column (1-based) of the node at `path` inside document `docIndex` of `file`; when the
 * path does not exist (a missing field), the deepest existing parent. Falls back to the file alone.
 */
export function locate(file: string, docIndex: number, path: readonly (string | number)[], text?: string, options: LocateOptions = {}): Place {
  let parsed: ParsedFile;
  try {
    parsed = parseWithPositions(file, text);
  } catch {
    return { file };
  }
  const doc = parsed.docs[docIndex];
  if (!doc || !doc.contents) return { file };
  const { isCollection, isMap, isScalar, isSeq } = yamlPackage();
  let node: Node = doc.contents as Node;
  let keyNode: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) break;
      keyNode = isScalar(pair.key) ? (pair.key as Node) : undefined;
      if (!pair.value || !isCollection(pair.value) && !isScalar(pair.value)) {
        node = (pair.key as Node) ?? node;
        break;
      }
      node = pair.value as Node;
    } else if (isSeq(node) && typeof step === "number") {
      const item = node.items[step];
      if (!item || !(isCollection(item) || isScalar(item))) break;
      keyNode = undefined;
      node = item as Node;
    } else {
      break;
    }
  }
  // A scalar value is reported at its own position; a mapping or list at its key when it has one,
  // so "servers[3]" points at the "- id:" line and "usage" at the "usage:" key.
  const target = keyNode && (isCollection(node) || options.atKey) ? keyNode : node;
  const offset = target.range?.[0];
  if (offset === undefined) return { file };
  const pos = parsed.lineCounter.linePos(offset);
  return { file, line: pos.line, col: pos.col };
}
