// The comparison of scenarios in Markdown (for the pull request that changes a profile): each
// scenario's verdict, the measures side by side, the systems placed differently.
import { type Comparison, COMPARE_WORDS, comparisonTables, type Scenario, scenarioTitle, scenarioVerdict } from "./compare.js";
import { formatCell } from "./html.js";
import { dispositionLabel, formatDate, type Lang } from "./i18n.js";
import { namesOf } from "./tables.js";

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The comparison as Markdown in `lang`. */
export function renderCompareMarkdown(scenarios: readonly Scenario[], comparison: Comparison, lang: Lang): string {
  const W = COMPARE_WORDS[lang];
  const names = namesOf(scenarios[0].plan);
  const [side] = comparisonTables(comparison, lang, names);
  const out: string[] = [`# ${W.title}`, "", `## ${W.verdict}`, ""];
  for (const s of scenarios) out.push(`- **${cell(scenarioTitle(s))}** (${cell(s.profile)}): ${scenarioVerdict(s.plan, lang)}`);
  out.push("", `## ${W.scenarios}`, "", `| ${side.columns.map((c) => cell(c.header)).join(" | ")} |`, `|---|${side.columns.slice(1).map(() => "---:").join("|")}|`);
  side.rows.slice(1).forEach((row, r) => out.push(`| ${row.map((v, i) => cell(i === 0 ? String(v) : formatCell(v, side.rowTypes![r + 1], lang))).join(" | ")} |`));
  out.push("", `## ${W.differences}`, "");
  if (comparison.differences.length === 0) out.push(W.noDifferences);
  else {
    out.push(`| ${[W.system, ...scenarios.map((s) => scenarioTitle(s))].map(cell).join(" | ")} |`, `|${["---", ...scenarios.map(() => "---")].join("|")}|`);
    for (const d of comparison.differences) {
      const per = d.in.map((x) => `${dispositionLabel(x.disposition, lang)}; ${x.wave !== undefined ? W.waveOn(x.wave, x.start ? formatDate(x.start, lang) : "") : W.noWave}${x.late ? ` (${W.lateMark})` : ""}`);
      out.push(`| ${[d.name, ...per].map(cell).join(" | ")} |`);
    }
  }
  return `${out.join("\n")}\n`;
}
