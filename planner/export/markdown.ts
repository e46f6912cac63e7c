// Markdown for pull requests: the verdict, the options to meet a missed deadline (options-markdown.ts),
// headline figures, waves, late systems and critical chain, the national connections due in 2026,
// decommission schedule (folded when long), the gantt as a Mermaid block, issues, the work of
// 2027–2030 by quarter (folded when long). GitHub-flavoured tables; every value is escaped so a
// `|`, `*` or `<` in a name cannot break the layout.
import { nfc } from "./nfc.js";
import { figureItems, headlineFigures, verdictText } from "./figures.js";
import { chainKindLabel, formatDate, formatNumber, type Lang, labels, ruleLabel } from "./i18n.js";
import { ganttDiagram } from "./mermaid.js";
import { optionsMarkdown } from "./options-markdown.js";
import { formatCell, SERVER_KEYS } from "./html.js";
import { cmp, decommissionTable, type ExportInput, namesOf, nationalTable, roadmapTable, serversTable, systemsTable, type Table, text, wavesTable } from "./tables.js";

/** Escapes text for a Markdown table cell or paragraph. */
export function escapeMd(s: string): string {
  return nfc(s)
    .replace(/\r?\n/g, " ")
    .replace(/([\\`*_[\]<>|#~])/g, "\\$1");
}

/** Options of renderMarkdown. */
export interface MarkdownOptions {
  /** Document title [the roadmap title]. */
  readonly title?: string;
  /** Paragraph under the title. */
  readonly intro?: string;
  /** Include the Mermaid gantt [true]. */
  readonly gantt?: boolean;
  /** Include the headline figures [true]; per-agency plans leave them out (they are province-wide). */
  readonly figures?: boolean;
  /** Include one table of systems and one of servers [false]; per-agency plans do. */
  readonly systemsAndServers?: boolean;
  /** The verdict to state instead of the plan's deadline verdict (per-agency plans state their own share). */
  readonly verdict?: { readonly text: string };
  /** Lines after the verdict [the plan's deadline options, options-markdown.ts; the per-agency plans give their agency view]. */
  readonly afterVerdict?: readonly string[];
}

/** Renders the plan as Markdown (NFC). */
export function renderMarkdown(input: ExportInput, options: MarkdownOptions = {}): string {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const f = headlineFigures(plan);
  const out: string[] = [];
  out.push(`# ${escapeMd(options.title ?? L.docTitle)}`, "");
  if (options.intro) out.push(escapeMd(options.intro), "");
  out.push(`${escapeMd(L.asOf)}: ${formatDate(plan.asOf, lang)} · ${escapeMd(L.targetSite)}: ${escapeMd(names.site(plan.targetSite))} · ${escapeMd(L.generator)}: ${escapeMd(plan.generator)}`, "");
  out.push(`## ${escapeMd(L.verdictTitle)}`, "", `**${escapeMd(options.verdict?.text ?? verdictText(f, lang))}**`, "");
  out.push(...(options.afterVerdict ?? optionsMarkdown(plan, lang)));
  if (options.figures ?? true) {
    out.push(`## ${escapeMd(L.figuresTitle)}`, "", `| ${escapeMd(L.indicator)} | ${escapeMd(L.value)} |`, "|---|---:|");
    for (const i of figureItems(f, lang)) {
      const unit = !i.unit ? "" : i.type === "text" ? ` (${i.unit})` : ` ${i.unit}`;
      out.push(`| ${escapeMd(i.label)} | ${escapeMd(`${i.text}${unit}`)} |`);
    }
    out.push("");
  }
  out.push(`## ${escapeMd(L.wavesTitle)}`, "", mdTable(wavesTable(input), lang, ["wave", "phase", "start", "end", "system-count", "systems", "owners", "max-security-level", "late"]), "");
  if (options.systemsAndServers) {
    out.push(`## ${escapeMd(L.tableSystems)}`, "", mdTable(systemsTable(input), lang, ["name", "function", "security-level", "disposition", "into", "wave", "cutover", "retire-on", "platform"]), "");
    out.push(`## ${escapeMd(L.tableServers)}`, "", mdTable(serversTable(input), lang, SERVER_KEYS), "");
  }
  out.push(`## ${escapeMd(L.lateTitle)}`, "");
  const late = [...plan.deadline.late].sort(cmp);
  if (late.length === 0) out.push(escapeMd(L.none), "");
  else out.push(...late.map((id) => `- ${escapeMd(names.system(id))}`), "");
  if (plan.deadline.criticalChain.length > 0) {
    out.push(`**${escapeMd(L.criticalChain)}:**`, "");
    plan.deadline.criticalChain.forEach((c, i) => out.push(`${i + 1}. ${escapeMd(`${chainKindLabel(c.kind, lang)}: ${text(plan, lang, c.message)}`)}`));
    out.push("");
  }
  const national = nationalTable(input);
  if (national.rows.length > 0) {
    out.push(`## ${escapeMd(L.nationalTitle)}`, "", escapeMd(L.nationalIntro), "", mdTable(national, lang, ["system", "connects-to", "due", "reached-on", "status", "note"]), "");
  }
  const dec = decommissionTable(input);
  out.push(`## ${escapeMd(L.decommissionTitle)}`, "");
  const decMd = mdTable(dec, lang, ["decommission-on", "server", "kind", "site", "owner", "freed-on", "power-w-saved", "rack-units-saved"]);
  if (dec.rows.length > 15) out.push(`<details><summary>${escapeMd(`${L.decommissionedServers}: ${formatNumber(dec.rows.length, lang)}`)}</summary>`, "", decMd, "", "</details>", "");
  else out.push(decMd, "");
  if (options.gantt ?? true) out.push(`## ${escapeMd(L.timelineTitle)}`, "", "```mermaid", ganttDiagram(plan, lang), "```", "");
  const issues = [...plan.violations.map((v) => [L.riskViolation, v, ruleLabel(v.rule, "violation", lang)] as const), ...plan.warnings.map((v) => [L.riskWarning, v, ruleLabel(v.rule, "warning", lang)] as const)].sort(
    (a, b) => cmp(a[0], b[0]) || cmp(a[1].rule, b[1].rule) || cmp(a[1].subject, b[1].subject),
  );
  out.push(`## ${escapeMd(L.issuesTitle)}`, "");
  if (issues.length === 0) out.push(escapeMd(L.none), "");
  else out.push(...issues.map(([k, v, rule]) => `- **${escapeMd(`${k}: ${rule}`)}** ${escapeMd(text(plan, lang, v.message))}`), "");
  if (plan.roadmap.length > 0) {
    out.push(`## ${escapeMd(L.roadmapTitle)}`, "");
    const lp = plan.laterPhases;
    if (lp) out.push(escapeMd(L.laterPhasesIntro(lp.effortPerQuarter, formatDate(lp.start, lang), lp.late, plan.roadmap.length)), "");
    const roadmapMd = mdTable(roadmapTable(input), lang, lp ? ["quarter", "by", "due", "status", "action", "subject"] : ["by", "phase", "action", "subject"]);
    if (plan.roadmap.length > 15) out.push(`<details><summary>${escapeMd(`${L.roadmapTitle}: ${formatNumber(plan.roadmap.length, lang)}`)}</summary>`, "", roadmapMd, "", "</details>", "");
    else out.push(roadmapMd, "");
  }
  return nfc(out.join("\n"));
}

/** A typed table as a GitHub-flavoured Markdown table, limited to the columns `keys` (all if omitted). */
export function mdTable(table: Table, lang: Lang, keys?: readonly string[]): string {
  const L = labels(lang);
  if (table.rows.length === 0) return escapeMd(L.none);
  const idx = keys ? keys.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0) : table.columns.map((_, i) => i);
  const numeric = (i: number) => ["int", "number", "percent"].includes(table.columns[i].type);
  const head = `| ${idx.map((i) => escapeMd(table.columns[i].header)).join(" | ")} |`;
  const sep = `|${idx.map((i) => (numeric(i) ? "---:" : "---")).join("|")}|`;
  const rows = table.rows.map((row, r) => {
    const cells = idx.map((i) => {
      const c = table.columns[i];
      const type = c.type === "mixed" ? (table.rowTypes?.[r] ?? "text") : c.type;
      return escapeMd(formatCell(row[i], type, lang));
    });
    return `| ${cells.join(" | ")} |`;
  });
  return [head, sep, ...rows].join("\n");
}
