// Helm releases as `dcplan render` writes them, read back for `dcplan check`: DIR/helm/install.sh
// (one `helm upgrade --install NAME CHART [--repo URL] --version V --namespace NS --values
// "$HERE/NAME.values.yaml"` line per release, in install order) and the values files it names.
// Each release becomes the same `helm.sh/v3` Release object the CrossGuard pack sees for Pulumi's
// `kubernetes:helm.sh/v3:Release` (chart, version, namespace and values under `spec`), located in
// its values file, so a finding about a value names the line of that value. Every problem (an
// unreadable or unparseable file, a command without its chart or values, a values file no command
// installs) is collected with its line; the caller throws them as one ManifestError.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { Finding } from "../common/errors.js";
import type { LocatedObject } from "./manifests.js";
import type { KObject } from "./model.js";

/** Name of the install script render writes next to the values files. */
export const INSTALL_SCRIPT = "install.sh";

/** Ending of a release's values file. */
export const VALUES_SUFFIX = ".values.yaml";

/** One `helm upgrade --install` command of the script. */
export interface HelmCommand {
  readonly release: string;
  readonly chart: string;
  readonly repository?: string;
  readonly version?: string;
  readonly namespace?: string;
  /** Values file names (the part after `$HERE/`). */
  readonly values: readonly string[];
  /** 1-based line in the script. */
  readonly line: number;
}

/** Splits a POSIX shell command line into words (single and double quotes; no expansion but `$HERE` kept literally). */
export function shellWords(line: string): string[] {
  const out: string[] = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && j + 1 < line.length) j++;
        word += line[j];
      }
      i = j;
      inWord = true;
    } else if (c === " " || c === "\t") {
      if (inWord) out.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) out.push(word);
  return out;
}

/** The `helm upgrade --install` commands of an install script, with their lines. */
export function helmCommands(script: string): { commands: HelmCommand[]; problems: { line: number; message: string }[] } {
  const commands: HelmCommand[] = [];
  const problems: { line: number; message: string }[] = [];
  script.split("\n").forEach((text, i) => {
    const words = shellWords(text.trim());
    if (words[0] !== "helm" || words[1] !== "upgrade" || !words.includes("--install")) return;
    const positional: string[] = [];
    const flags = new Map<string, string[]>();
    for (let w = 2; w < words.length; w++) {
      const word = words[w];
      if (word === "--install" || word === "--wait" || word === "--atomic" || word === "--create-namespace") continue;
      if (word.startsWith("--")) {
        const [flag, inline] = word.split("=", 2);
        const value = inline ?? words[++w];
        flags.set(flag, [...(flags.get(flag) ?? []), value ?? ""]);
      } else positional.push(word);
    }
    const [release, chart] = positional;
    if (release === undefined || chart === undefined) {
      problems.push({ line: i + 1, message: "helm upgrade --install names no release and chart" });
      return;
    }
    const values = [...(flags.get("--values") ?? []), ...(flags.get("-f") ?? [])].map((v) => v.replace(/^\$HERE\//, "").replace(/^\$\{HERE\}\//, ""));
    commands.push({ release, chart, repository: flags.get("--repo")?.[0], version: flags.get("--version")?.[0], namespace: flags.get("--namespace")?.[0], values, line: i + 1 });
  });
  return { commands, problems };
}

/** A values file parsed with positions: its value and the 1-based line of a path inside it. */
function locatedValues(text: string, file: string, findings: Finding[]): { values: Record<string, unknown>; first: number; lineOf(path: readonly (string | number)[]): number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      findings.push({ severity: "error", rule: "yaml-syntax", file, line: pos.line, col: pos.col, message: `YAML syntax error: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}` });
    }
    return undefined;
  }
  const values = doc.toJS() as unknown;
  if (values !== null && (typeof values !== "object" || Array.isArray(values))) {
    findings.push({ severity: "error", rule: "invalid-manifest", file, line: 1, col: 1, message: "Helm values must be a mapping" });
    return undefined;
  }
  const lineAt = (path: readonly (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const first = lineAt([]) ?? 1;
  return { values: (values ?? {}) as Record<string, unknown>, first, lineOf: (path) => lineAt(path) ?? first };
}

/**
 * The releases of a render's Helm directory (`dir`, holding install.sh) as located Release objects,
 * in install order; files are named `display/<name>`. Problems are appended to `findings`.
 */
export function readRenderedReleases(dir: string, display: string, findings: Finding[]): LocatedObject[] {
  const scriptFile = `${display}/${INSTALL_SCRIPT}`;
  let script: string;
  try {
    script = readFileSync(join(dir, INSTALL_SCRIPT), "utf8");
  } catch (err) {
    findings.push({ severity: "error", rule: "unreadable", file: scriptFile, message: `cannot read: ${(err as Error).message}` });
    return [];
  }
  const { commands, problems } = helmCommands(script);
  for (const p of problems) findings.push({ severity: "error", rule: "invalid-manifest", file: scriptFile, line: p.line, col: 1, message: p.message });
  const out: LocatedObject[] = [];
  for (const c of commands) {
    if (c.values.length === 0) {
      findings.push({ severity: "error", rule: "invalid-manifest", file: scriptFile, line: c.line, col: 1, message: `release ${c.release} is installed without a --values file, so its values cannot be checked` });
      continue;
    }
    const name = c.values[c.values.length - 1];
    const file = `${display}/${name}`;
    let text: string;
    try {
      text = readFileSync(join(dir, name), "utf8");
    } catch (err) {
      findings.push({ severity: "error", rule: "unreadable", file, message: `cannot read the values of release ${c.release} (${scriptFile}:${c.line}): ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}` });
      continue;
    }
    const located = locatedValues(text, file, findings);
    if (!located) continue;
    const spec: Record<string, unknown> = { chart: c.chart, values: located.values };
    if (c.version !== undefined) spec.version = c.version;
    if (c.namespace !== undefined) spec.namespace = c.namespace;
    if (c.repository !== undefined) spec.repositoryOpts = { repo: c.repository };
    const object: KObject = { apiVersion: "helm.sh/v3", kind: "Release", metadata: { name: c.release, ...(c.namespace === undefined ? {} : { namespace: c.namespace }) }, spec };
    out.push({
      object,
      file,
      line: located.first,
      lineOf: (path) => (path[0] === "spec" && path[1] === "values" ? located.lineOf(path.slice(2)) : located.first),
    });
  }
  const installed = new Set(commands.flatMap((c) => c.values));
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(VALUES_SUFFIX) && !installed.has(name)) findings.push({ severity: "error", rule: "invalid-manifest", file: `${display}/${name}`, message: `Helm values that no command of ${scriptFile} installs: remove the file or install it there` });
  }
  return out;
}

/** True for a directory render wrote Helm releases into (it holds install.sh). */
export function isHelmDir(entries: readonly string[]): boolean {
  return entries.includes(INSTALL_SCRIPT);
}
