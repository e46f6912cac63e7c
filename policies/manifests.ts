// Reading Kubernetes manifests for `dcplan check`: any YAML (or JSON) a cluster would accept from
// `kubectl apply -f` — multi-document files, `List` objects (and typed lists such as
// `DeploymentList`), an agency's `helm template` output with its `# Source:` comments and empty
// documents. Each object keeps its file and the parsed document, so a finding can name the line of
// the object, or of the very field that fails. Every problem (syntax, a document that is no object,
// an object without kind, apiVersion or name) is collected with its line and column; the reader
// throws one ManifestError listing them all.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Document, isMap, isSeq, LineCounter, parseAllDocuments } from "yaml";
import { type Finding, ManifestError } from "../common/errors.js";
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

/** File name endings read as manifests. */
const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];

/** Type of a parsed value, for messages. */
function typeName(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a mapping" : `a ${typeof v}`;
}

/** Parses the text of one manifest file; `findings` lists every problem (the objects are then partial). */
export function parseManifestText(text: string, file: string): { objects: LocatedObject[]; findings: Finding[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const objects: LocatedObject[] = [];
  const findings: Finding[] = [];
  const at = (offset: number) => lineCounter.linePos(offset);
  const problem = (offset: number, message: string) => findings.push({ severity: "error", rule: "invalid-manifest", file, ...at(offset), message });
  const list = Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  list.forEach((doc, d) => {
    const errors = doc.errors;
    if (errors.length > 0) {
      for (const e of errors) {
        const pos = e.linePos?.[0] ?? at(e.pos[0]);
        findings.push({ severity: "error", rule: "yaml-syntax", file, line: pos.line, col: pos.col, message: `YAML syntax error: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}` });
      }
      return;
    }
    const value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    if (value === null || value === undefined) return; // an empty document (`---` alone, a comment)
    const locatedIn = (base: readonly (string | number)[], offset: number, o: Record<string, unknown>, what: string) => {
      const kind = o.kind;
      const apiVersion = o.apiVersion;
      const meta = o.metadata as Record<string, unknown> | undefined;
      const missing: string[] = [];
      if (typeof kind !== "string" || kind === "") missing.push("kind");
      if (typeof apiVersion !== "string" || apiVersion === "") missing.push("apiVersion");
      const named = meta !== null && typeof meta === "object" && (typeof meta.name === "string" || typeof meta.generateName === "string");
      if (missing.length > 0) {
        problem(offset, `${what} has no ${missing.join(" and no ")}: it is not a Kubernetes object (kubectl would reject it)`);
        return;
      }
      if (!named) {
        problem(offset, `${what} (${String(kind)}) has no metadata.name`);
        return;
      }
      const object = o as KObject;
      if (typeof object.metadata.name !== "string") object.metadata.name = `${String(object.metadata.generateName)}…`;
      objects.push({
        object,
        file,
        line: at(offset).line,
        lineOf(path) {
          const full = [...base, ...path];
          for (let n = full.length; n >= base.length; n--) {
            const node = doc.getIn(full.slice(0, n), true) as { range?: [number, number, number] } | undefined;
            if (node && typeof node === "object" && node.range) return at(node.range[0]).line;
          }
          return at(offset).line;
        },
      });
    };
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problem(start, `document ${d + 1} is ${typeName(value)}, not a Kubernetes object`);
      return;
    }
    const root = value as Record<string, unknown>;
    if (typeof root.kind === "string" && root.kind.endsWith("List") && Array.isArray(root.items)) {
      const itemsNode = doc.get("items", true);
      root.items.forEach((item, i) => {
        const node = isSeq(itemsNode) ? itemsNode.items[i] : undefined;
        const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? start;
        if (item === null || typeof item !== "object" || Array.isArray(item)) problem(offset, `item ${i + 1} of ${root.kind} is ${typeName(item)}, not a Kubernetes object`);
        else locatedIn(["items", i], offset, item as Record<string, unknown>, `item ${i + 1} of ${root.kind}`);
      });
      return;
    }
    if (!isMap(doc.contents)) {
      problem(start, `document ${d + 1} is not a mapping`);
      return;
    }
    locatedIn([], start, root, `document ${d + 1}`);
  });
  return { objects, findings };
}

/** Manifest files under `path` (a file, or a directory searched recursively), sorted; hidden entries skipped. */
export function listManifestFiles(path: string): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith(".")) continue;
    const full = join(path, name);
    if (statSync(full).isDirectory()) out.push(...listManifestFiles(full));
    else if (MANIFEST_EXTENSIONS.some((e) => name.endsWith(e))) out.push(full);
  }
  return out;
}

/** Reads every manifest under `path`; throws ManifestError listing every problem. */
export function readManifests(path: string): LocatedObject[] {
  let files: string[];
  try {
    files = listManifestFiles(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ManifestError([{ severity: "error", rule: "unreadable", file: path, message: code === "ENOENT" ? "no such file or directory" : `cannot read: ${(err as Error).message}` }]);
  }
  if (files.length === 0) throw new ManifestError([{ severity: "error", rule: "no-manifests", file: path, message: `no manifest files (${MANIFEST_EXTENSIONS.join(", ")}) in this directory` }]);
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
  if (findings.length > 0) throw new ManifestError(findings);
  return objects;
}
