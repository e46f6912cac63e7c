// The catalogue as Markdown for docs/policies.md: one table per family (id, what, why, source,
// levels, severity) and a table of the rules' parameters. scripts/policies-doc.ts writes it between
// the markers of the document, and a test fails when the document and the code drift apart.
import { CATALOGUE } from "./catalogue.js";
import { FAMILIES, type Family, levelsText, type Rule, type Source } from "./model.js";

/** First line of the generated part of docs/policies.md. */
export const DOC_BEGIN = "<!-- BEGIN GENERATED: rule catalogue, from policies/ by `npx tsx scripts/policies-doc.ts`; do not edit by hand -->";
/** Last line of the generated part. */
export const DOC_END = "<!-- END GENERATED: rule catalogue -->";

const FAMILY_TITLES: Readonly<Record<Family, string>> = {
  tenancy: "Tenancy",
  protection: "Protection by security level",
  workloads: "Workloads (what agencies deploy)",
  platform: "Platform objects",
};

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
/** Sources grouped by document: `CIS Kubernetes Benchmark v1.10 5.2.3, 5.2.4; Pod Security Standards Baseline: Host Namespaces`. */
function sourcesText(sources: readonly Source[]): string {
  const byDoc = new Map<string, string[]>();
  for (const s of sources) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s.ref]);
  return [...byDoc].map(([doc, refs]) => `${doc} ${refs.join(", ")}`).join("; ");
}

function row(r: Rule): string {
  return `| \`${r.id}\` | ${cell(r.title)} | ${cell(r.why)} | ${cell(sourcesText(r.sources))} | ${levelsText(r.levels)} | ${r.severity} |`;
}

/** The generated Markdown (without the markers). */
export function catalogueMarkdown(rules: readonly Rule[] = CATALOGUE): string {
  const out: string[] = [`${rules.length} rules. Severity is the default; a stack's policy configuration may change it (see above).`, ""];
  for (const family of FAMILIES) {
    const mine = rules.filter((r) => r.family === family);
    if (mine.length === 0) continue;
    out.push(`### ${FAMILY_TITLES[family]} (${mine.length})`, "", "| id | what | why | source | levels | severity |", "|---|---|---|---|---|---|", ...mine.map(row), "");
  }
  const params = rules.flatMap((r) => Object.entries(r.params ?? {}).map(([name, spec]) => ({ rule: r.id, name, spec })));
  out.push("### Parameters", "", "| rule | parameter | default | meaning |", "|---|---|---|---|");
  for (const p of params) out.push(`| \`${p.rule}\` | \`${p.name}\` | \`${cell(JSON.stringify(p.spec.default))}\` | ${cell(p.spec.description)} |`);
  return `${out.join("\n")}\n`;
}

/** `doc` with its generated part replaced by `generated`; throws when the markers are missing. */
export function replaceGenerated(doc: string, generated: string): string {
  const begin = doc.indexOf(DOC_BEGIN);
  const end = doc.indexOf(DOC_END);
  if (begin < 0 || end < begin) throw new Error(`docs/policies.md has no generated part: put ${DOC_BEGIN} and ${DOC_END} where the catalogue goes`);
  return `${doc.slice(0, begin)}${DOC_BEGIN}\n${generated}${doc.slice(end)}`;
}
