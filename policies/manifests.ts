// Reading Kubernetes manifests for `dcplan check`: any YAML (or JSON) a cluster would accept from
// `kubectl apply -f` — multi-document files, `List` objects (and typed lists such as
// `DeploymentList`), an agency's `helm template` output with its `# Source:` comments and empty
// documents. Each object keeps its file and its document's text, so a finding can name the line of
// the object, or of the very field that fails. Every problem (syntax, a document that is no object,
// an object without kind, apiVersion or name) is collected with its line and column; the reader
// throws one ManifestError listing them all. A directory `dcplan render` wrote Helm releases into
// (install.sh and values files) gives Release objects (helm-releases.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { type Finding, ManifestError } from "../common/errors.js";
import { isHelmDir, readRenderedReleases, VALUES_SUFFIX } from "./helm-releases.js";
import type { KObject } from "./model.js";

/** An object read from a file, with what is needed to locate its fields. */
export interface LocatedObject {
  readonly object: KObject;
  /** File as the user named it (relative paths stay relative). */
  readonly file: string;
  /** 1-based line where the object starts. */
  readonly line: number;
  /** 1-based line of the field at `path` inside the object (its deepest existing ancestor when missing). */
  lineOf(path: readonly (string | number)[]): number;
}

/**
 * What kubectl reads: YAML 1.2 core values (an unquoted date stays a string, `on` is no boolean)
 * plus `<<` merge keys, which manifests written with anchors use.
 */
const SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [(jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge] }); // `types` is missing from @types/js-yaml

/** File name endings read as manifests. */
const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];

/** Type of a parsed value, for messages. */
function typeName(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a mapping" : `a ${typeof v}`;
}

/** One YAML document of a file: its text, and the 0-based line it starts on. */
interface Chunk {
  readonly text: string;
  readonly firstLine: number;
}

/** A line that is a document marker (`---`, possibly followed by content, or `...`). */
const MARKER = /^(---|\.\.\.)(?:[ \t]|$)/;

/**
 * Splits a YAML stream into its documents at the `---` / `...` markers that start a line (YAML
 * forbids such a line inside any scalar, so the split is exact). A marker line stays with the
 * document it opens, so content written after it (`--- {a: 1}`) is kept.
 */
function splitDocuments(text: string): Chunk[] {
  const lines = text.split("\n");
  const out: Chunk[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end > start) out.push({ text: lines.slice(start, end).join("\n"), firstLine: start });
  };
  for (let i = 0; i < lines.length; i++) {
    if (i > start && MARKER.test(lines[i])) {
      push(i);
      start = i;
    }
  }
  push(lines.length);
  return out;
}

/** 0-based line, inside a chunk, of its first line of content (not blank, comment or bare marker). */
function contentLine(chunk: Chunk): number {
  const lines = chunk.text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === "" || t.startsWith("#") || /^(---|\.\.\.)$/.test(t) || t.startsWith("%")) continue;
    return i;
  }
  return 0;
}

/** Parses `chunk` with `yaml` (positions), once: for located errors and for the lines of fields. */
function positioned(chunk: Chunk): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(chunk.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  return { doc: list[0], lineCounter };
}

/**
 * Parses the text of one manifest file; `findings` lists every problem (the objects are then
 * partial). Bulk parsing is js-yaml's (several times faster than `yaml` on large helm output);
 * a document that js-yaml rejects is parsed again with `yaml` for every problem with its line and
 * column, and the lines of fields named by findings come from a `yaml` parse of their document
 * alone, done only when asked.
 */
export function parseManifestText(text: string, file: string): { objects: LocatedObject[]; findings: Finding[] } {
  const objects: LocatedObject[] = [];
  const findings: Finding[] = [];
  splitDocuments(text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n")).forEach((chunk, d) => {
    let value: unknown;
    try {
      value = jsYaml.load(chunk.text, { schema: SCHEMA });
    } catch (err) {
      const { doc, lineCounter } = positioned(chunk);
      const errors = doc?.errors ?? [];
      if (errors.length === 0) {
        const mark = (err as { mark?: { line: number; column: number } }).mark;
        findings.push({ severity: "error", rule: "yaml-syntax", file, line: chunk.firstLine + (mark?.line ?? 0) + 1, col: (mark?.column ?? 0) + 1, message: `YAML syntax error: ${(err as Error).message.split("\n")[0]}` });
      }
      for (const e of errors) {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        findings.push({ severity: "error", rule: "yaml-syntax", file, line: chunk.firstLine + pos.line, col: pos.col, message: `YAML syntax error: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}` });
      }
      return;
    }
    if (value === null || value === undefined) return; // an empty document (`---` alone, a comment)
    let parsed: ReturnType<typeof positioned> | undefined;
    const posIn = (path: readonly (string | number)[]): { line: number; col: number } | undefined => {
      parsed ??= positioned(chunk);
      for (let n = path.length; n >= 0; n--) {
        const node = parsed.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === "object" && node.range) {
          const at = parsed.lineCounter.linePos(node.range[0]);
          return { line: chunk.firstLine + at.line, col: at.col };
        }
      }
      return undefined;
    };
    const lineIn = (path: readonly (string | number)[]) => posIn(path)?.line;
    const startLine = chunk.firstLine + contentLine(chunk) + 1;
    const problem = (at: { line: number; col: number }, message: string) => {
      findings.push({ severity: "error", rule: "invalid-manifest", file, line: at.line, col: at.col, message });
    };
    const start = { line: startLine, col: 1 };
    const add = (base: readonly (string | number)[], o: Record<string, unknown>, what: string) => {
      const at = () => (base.length === 0 ? start : (posIn(base) ?? start));
      const line = () => at().line;
      const meta = o.metadata as Record<string, unknown> | undefined;
      const missing = [typeof o.kind === "string" && o.kind !== "" ? "" : "kind", typeof o.apiVersion === "string" && o.apiVersion !== "" ? "" : "apiVersion"].filter(Boolean);
      if (missing.length > 0) return problem(at(), `${what} has no ${missing.join(" and no ")}: it is not a Kubernetes object (kubectl would reject it)`);
      if (meta === null || typeof meta !== "object" || (typeof meta.name !== "string" && typeof meta.generateName !== "string")) return problem(at(), `${what} (${String(o.kind)}) has no metadata.name`);
      const object = o as KObject;
      if (typeof object.metadata.name !== "string") object.metadata.name = `${String(object.metadata.generateName)}…`;
      let first: number | undefined;
      objects.push({
        object,
        file,
        get line() {
          first ??= line();
          return first;
        },
        lineOf: (path) => lineIn([...base, ...path]) ?? line(),
      });
    };
    if (typeof value !== "object" || Array.isArray(value)) return problem(start, `document ${d + 1} is ${typeName(value)}, not a Kubernetes object`);
    const root = value as Record<string, unknown>;
    if (typeof root.kind === "string" && root.kind.endsWith("List") && Array.isArray(root.items)) {
      root.items.forEach((item, i) => {
        if (item === null || typeof item !== "object" || Array.isArray(item)) problem(posIn(["items", i]) ?? start, `item ${i + 1} of ${root.kind} is ${typeName(item)}, not a Kubernetes object`);
        else add(["items", i], item as Record<string, unknown>, `item ${i + 1} of ${root.kind}`);
      });
      return;
    }
    add([], root, `document ${d + 1}`);
  });
  return { objects, findings };
}

/**
 * Manifest files under `path` (a file, or a directory searched recursively), sorted; hidden entries
 * skipped, and so are the values files of a directory `dcplan render` wrote Helm releases into
 * (one holding install.sh): those are read as releases (`helmDirs`).
 */
export function listManifestFiles(path: string, helmDirs: string[] = []): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  const entries = readdirSync(path).sort();
  const helm = isHelmDir(entries);
  if (helm) helmDirs.push(path);
  for (const name of entries) {
    if (name.startsWith(".")) continue;
    const full = join(path, name);
    if (statSync(full).isDirectory()) out.push(...listManifestFiles(full, helmDirs));
    else if (helm && name.endsWith(VALUES_SUFFIX)) continue;
    else if (MANIFEST_EXTENSIONS.some((e) => name.endsWith(e))) out.push(full);
  }
  return out;
}

/** Reads every manifest under `path`; throws ManifestError listing every problem. */
export function readManifests(path: string): LocatedObject[] {
  let files: string[];
  const helmDirs: string[] = [];
  try {
    files = listManifestFiles(path, helmDirs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ManifestError([{ severity: "error", rule: "unreadable", file: path, message: code === "ENOENT" ? "no such file or directory" : `cannot read: ${(err as Error).message}` }]);
  }
  if (files.length === 0 && helmDirs.length === 0) throw new ManifestError([{ severity: "error", rule: "no-manifests", file: path, message: `no manifest files (${MANIFEST_EXTENSIONS.join(", ")}) in this directory` }]);
  const objects: LocatedObject[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      findings.push({ severity: "error", rule: "unreadable", file, message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const parsed = parseManifestText(text, file);
    objects.push(...parsed.objects);
    findings.push(...parsed.findings);
  }
  for (const dir of helmDirs) objects.push(...readRenderedReleases(dir, dir, findings));
  if (findings.length > 0) throw new ManifestError(findings);
  return objects;
}
