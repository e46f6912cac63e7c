// The report of `dcplan check` in its three forms: text (one line per finding,
// `file:line: Kind/name: rule-id: message`, then a summary per rule), JSON (the same findings and
// a count per rule) and SARIF 2.1.0 (for CI code-scanning views: every rule of the catalogue as a
// reportingDescriptor, every finding as a result located at its file and line). Pure: the same
// findings give the same bytes.
import { VERSION } from "../common/version.js";
import { CATALOGUE } from "./catalogue.js";
import { effectiveSeverity, type PolicyConfig } from "./evaluate.js";
import { levelsText, type Rule, type Severity } from "./model.js";

/** A finding placed in a file. */
export interface LocatedFinding {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Orders findings by file, line, rule (catalogue order), then message. */
export function sortLocated(findings: readonly LocatedFinding[]): LocatedFinding[] {
  const order = new Map(CATALOGUE.map((r, i) => [r.id, i]));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0) || cmp(a.message, b.message));
}

/** Counts per rule that has findings, in catalogue order. */
function perRule(findings: readonly LocatedFinding[]): { rule: string; severity: Severity; findings: number }[] {
  const counts = new Map<string, { severity: Severity; n: number }>();
  for (const f of findings) counts.set(f.rule, { severity: f.severity, n: (counts.get(f.rule)?.n ?? 0) + 1 });
  return CATALOGUE.filter((r) => counts.has(r.id)).map((r) => ({ rule: r.id, severity: counts.get(r.id)!.severity, findings: counts.get(r.id)!.n }));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the run covered, for the summary lines. */
export interface CheckScope {
  /** Objects checked. */
  readonly objects: number;
  /** Rules that ran (not disabled). */
  readonly rules: number;
}

/** The text report: findings, one per line, then a summary per rule and a total line. */
export function textReport(findings: readonly LocatedFinding[], scope: CheckScope): string {
  const sorted = sortLocated(findings);
  const lines = sorted.map((f) => `${f.file}:${f.line}: ${f.kind}/${f.name}: ${f.rule}: ${f.message}`);
  const rules = perRule(sorted);
  if (rules.length > 0) {
    lines.push("", "summary:");
    const width = Math.max(...rules.map((r) => r.rule.length));
    for (const r of rules) lines.push(`  ${r.rule.padEnd(width)}  ${r.severity.padEnd(9)}  ${plural(r.findings, "finding")}`);
  }
  const mandatory = rules.filter((r) => r.severity === "mandatory");
  const advisory = rules.filter((r) => r.severity === "advisory");
  const count = (rs: typeof rules) => rs.reduce((a, r) => a + r.findings, 0);
  const verdict =
    mandatory.length > 0 ? `FAILED: ${plural(mandatory.length, "mandatory rule")} violated (${plural(count(mandatory), "finding")})` : "passed: no mandatory rule violated";
  const notes = advisory.length > 0 ? `; ${plural(advisory.length, "advisory rule")} with ${plural(count(advisory), "finding")}` : "";
  lines.push(`${lines.length > 0 ? "\n" : ""}check: ${plural(scope.objects, "object")}, ${plural(scope.rules, "rule")}: ${verdict}${notes}`);
  return `${lines.join("\n")}\n`;
}

/** The JSON report. */
export function jsonReport(findings: readonly LocatedFinding[], scope: CheckScope): string {
  const sorted = sortLocated(findings);
  const summary = perRule(sorted);
  const report = {
    tool: "dcplan check",
    version: VERSION,
    result: summary.some((r) => r.severity === "mandatory") ? "fail" : "pass",
    objects: scope.objects,
    rules: scope.rules,
    findings: sorted.map((f) => ({ file: f.file, line: f.line, kind: f.kind, name: f.name, ...(f.namespace === undefined ? {} : { namespace: f.namespace }), rule: f.rule, severity: f.severity, message: f.message })),
    summary,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A relative or absolute path as a SARIF artifact URI. */
function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, "/");
  const encoded = slashed.split("/").map(encodeURIComponent).join("/");
  return slashed.startsWith("/") ? `file://${encoded}` : encoded;
}

/** `namespace-pod-security` → `NamespacePodSecurity` (SARIF's reportingDescriptor name). */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

const sarifLevel = (s: Severity | "disabled") => (s === "mandatory" ? "error" : s === "advisory" ? "warning" : "none");

function descriptor(rule: Rule, config: PolicyConfig) {
  const sources = rule.sources.map((s) => `${s.doc} ${s.ref}${s.title ? ` (${s.title})` : ""}`);
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: `${rule.title}. ${rule.why} Security levels: ${levelsText(rule.levels)}. Sources: ${sources.join("; ")}.` },
    defaultConfiguration: { level: sarifLevel(effectiveSeverity(rule, config)) },
    properties: { family: rule.family, levels: [...rule.levels], sources, tags: ["security", "kubernetes", rule.family] },
  };
}

/** The SARIF 2.1.0 log: one run, every catalogue rule, every finding. */
export function sarifReport(findings: readonly LocatedFinding[], config: PolicyConfig): string {
  const index = new Map(CATALOGUE.map((r, i) => [r.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "dcplan", semanticVersion: VERSION, version: VERSION, rules: CATALOGUE.map((r) => descriptor(r, config)) } },
        results: sortLocated(findings).map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule),
          level: sarifLevel(f.severity),
          message: { text: `${f.kind}/${f.name}: ${f.message}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: { startLine: f.line } },
              logicalLocations: [{ name: `${f.kind}/${f.name}`, fullyQualifiedName: f.namespace ? `${f.namespace}/${f.kind}/${f.name}` : `${f.kind}/${f.name}`, kind: "resource" }],
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
