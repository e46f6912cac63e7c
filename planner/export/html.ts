// The HTML roadmap for leadership: one self-contained file (inline CSS and SVG, no script, no
// external URL of any kind) that opens from disk and prints on A4 landscape. Sections follow the
// issue: verdict and headline figures, the 2026–2030 timeline, waves, late list and critical chain,
// the national connections due in 2026 (milestones),
// decommission schedule, dependencies per wave, capacity and procurement, issues, later-phase work,
// glossary. Everything is escaped and the output is NFC so Vietnamese diacritics survive intact.
import type { Plan, PlanSystem } from "../plan-schema.js";
import { costLabels } from "./cost-labels.js";
import { costSectionHtml, type CostView } from "./cost-section.js";
import { optionsSectionHtml, optionsTitle, type OptionsView } from "./options-section.js";
import { figureItems, headlineFigures, verdictText } from "./figures.js";
import {
  chainKindLabel,
  dispositionLabel,
  formatDate,
  formatNumber,
  formatPercent,
  glossary,
  type Lang,
  labels,
  phaseLabel,
  ruleLabel,
} from "./i18n.js";
import { nfc } from "./nfc.js";
import { progressLabels } from "./progress-labels.js";
import { progressHtml, replannedBadge, waveStatusCell } from "./progress-section.js";
import { waveDependencySvg } from "./svg-dependencies.js";
import { COLORS, escapeXml as esc, timelineSvg } from "./svg-timeline.js";
import {
  byRuleThenSubject,
  type CellValue,
  type Column,
  cmp,
  decommissionTable,
  functionLabel,
  serversTable,
  type ExportInput,
  joinTexts,
  namesOf,
  nationalTable,
  roadmapTable,
  sortedWaves,
  subjectLabel,
  systemsById,
  type Table,
  text,
  waveEnds,
} from "./tables.js";

/** The sections of the roadmap, in document order. */
export const HTML_SECTIONS = [
  "verdict",
  "options",
  "figures",
  "cost",
  "timeline",
  "progress",
  "waves",
  "late",
  "national",
  "decommission",
  "dependencies",
  "systems",
  "servers",
  "capacity",
  "issues",
  "roadmap",
  "glossary",
] as const;
export type HtmlSection = (typeof HTML_SECTIONS)[number];

/** Options of renderHtml; defaults give the full roadmap. */
export interface HtmlOptions {
  /** Title of the document [the roadmap title]. */
  readonly title?: string;
  /** A paragraph under the title [the roadmap subtitle]. */
  readonly intro?: string;
  /** Sections to include [all except `systems` and `servers`, which the per-agency plans use]. */
  readonly sections?: readonly HtmlSection[];
  /** The verdict to state instead of the plan's deadline verdict (per-agency plans state their own share). */
  readonly verdict?: { readonly tone: "met" | "not-met" | "none"; readonly text: string };
  /** Whose cost the "cost" section shows (only when the plan has one): the province's, or one agency's own share [province]. */
  readonly costView?: CostView;
  /** What the "options" section shows (only when the plan carries deadline options): the province's options, or the deferrals touching one agency [province]. */
  readonly optionsView?: OptionsView;
}

/** Renders the self-contained HTML roadmap of a plan (a string, NFC). */
export function renderHtml(input: ExportInput, options: HtmlOptions = {}): string {
  const { plan, lang } = input;
  const L = labels(lang);
  const sections = new Set(options.sections ?? HTML_SECTIONS.filter((s) => s !== "systems" && s !== "servers"));
  const title = options.title ?? L.docTitle;
  const parts: string[] = [];
  const toc: [string, string][] = [];
  // A section's body is built only when the section is wanted (the servers table of 100,000 servers is not cheap).
  const add = (id: HtmlSection, heading: string, body: () => string) => {
    if (!sections.has(id)) return;
    toc.push([id, heading]);
    parts.push(sectionHtml(id, heading, body()));
  };
  add("verdict", L.verdictTitle, () => verdictSection(plan, lang, options.verdict));
  if (plan.deadline.options) add("options", optionsTitle(lang), () => optionsSectionHtml(plan, lang, options.optionsView));
  add("figures", L.figuresTitle, () => figuresSection(plan, lang));
  if (plan.cost) add("cost", options.costView === "agency" ? costLabels(lang).ownShare : costLabels(lang).costTitle, () => costSectionHtml(plan, lang, options.costView));
  add("timeline", L.timelineTitle, () => `<figure class="timeline">\n${timelineSvg(plan, lang)}\n<figcaption>${esc(L.timelineDesc)}</figcaption>\n</figure>`);
  add("progress", progressLabels(lang).progressTitle, () => progressHtml(input, (t) => tableHtml(t, lang, { hideCaption: true }), input.baseline));
  add("waves", L.wavesTitle, () => wavesSection(plan, lang));
  add("late", L.lateTitle, () => lateSection(plan, lang));
  add("national", L.nationalTitle, () => nationalSection(input));
  add("decommission", L.decommissionTitle, () => tableHtml(decommissionTable(input), lang, { caption: L.decommissionTitle, rowHeader: 1, hideCaption: true }));
  add("dependencies", L.dependencyTitle, () => dependencySection(plan, lang));
  add("systems", L.tableSystems, () => systemsSection(plan, lang));
  add("servers", L.tableServers, () => tableHtml(serversTable(input), lang, { hideCaption: true, keys: SERVER_KEYS }));
  add("capacity", L.procurementTitle, () => capacitySection(plan, lang));
  add("issues", L.issuesTitle, () => issuesSection(plan, lang));
  add("roadmap", L.roadmapTitle, () => roadmapSection(plan, lang));
  add("glossary", L.glossaryTitle, () => glossarySection(lang));

  const names = namesOf(plan);
  return htmlDocument({
    plan,
    lang,
    title,
    generatorMeta: true,
    subtitle: options.intro ?? L.docSubtitle,
    meta: [
      [L.asOf, formatDate(plan.asOf, lang)],
      [L.targetSite, names.site(plan.targetSite)],
      [L.deadline, formatDate(plan.deadline.date, lang)],
      [L.generator, plan.generator],
    ],
    body: `<nav aria-label="${esc(L.contents)}">
<ol>
${toc.map(([id, h]) => `<li><a href="#${id}">${esc(h)}</a></li>`).join("\n")}
</ol>
</nav>
<main>
${parts.join("\n")}
</main>`,
  });
}

/** What htmlDocument puts around a document's body. */
export interface HtmlDocument {
  /** The plan, for the generator and the as-of date in the footer. */
  readonly plan: Plan;
  readonly lang: Lang;
  /** Document title and the page's h1. */
  readonly title: string;
  /** Paragraph under the title. */
  readonly subtitle: string;
  /** Term/value pairs under the subtitle, in order (plain text, escaped here). */
  readonly meta: readonly (readonly [string, string])[];
  /** Add `<meta name="generator">` with the plan's generator [no]. */
  readonly generatorMeta?: boolean;
  /** HTML between the header and the footer, as it is. */
  readonly body: string;
}

/** A complete self-contained HTML document with the shared stylesheet, header and footer (a string, NFC). */
export function htmlDocument(d: HtmlDocument): string {
  const { plan, lang } = d;
  const L = labels(lang);
  const generator = d.generatorMeta ? `<meta name="generator" content="${esc(plan.generator)}">\n` : "";
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${generator}<title>${esc(d.title)}</title>
<style>
${CSS}
</style>
</head>
<body>
<header>
<h1>${esc(d.title)}</h1>
<p class="sub">${esc(d.subtitle)}</p>
<dl class="meta">
${d.meta.map(([dt, dd]) => `<div><dt>${esc(dt)}</dt><dd>${esc(dd)}</dd></div>`).join("\n")}
</dl>
</header>
${d.body}
<footer><p>${esc(L.generator)} ${esc(plan.generator)} · ${esc(L.asOf)} ${esc(formatDate(plan.asOf, lang))}</p></footer>
</body>
</html>
`;
  return nfc(html);
}

/** One `<section>` with its h2 heading (escaped here) and `body` (HTML, as it is). */
export function sectionHtml(id: string, heading: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${esc(heading)}</h2>\n${body}\n</section>`;
}

/** The stylesheet shared by the roadmap, the report and the per-agency plans (screen and A4 landscape print). */
export const CSS = `@page { size: A4 landscape; margin: 12mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: ${COLORS.ink}; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; color: #0f2e55; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #0f2e55; color: #0f2e55; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub { margin: 0 0 10px; color: ${COLORS.muted}; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0; }
.meta div { display: flex; gap: 6px; }
.meta dt { color: ${COLORS.muted}; }
.meta dt::after { content: ":"; }
.meta dd { margin: 0; font-weight: 600; }
nav ol { columns: 3; margin: 14px 0 0; padding-left: 22px; }
nav a { color: ${COLORS.onTime}; }
.verdict { font-size: 17px; font-weight: 700; padding: 12px 16px; border-radius: 6px; border-left: 8px solid; margin: 0 0 10px; }
.verdict.met { background: #e8f5e9; border-color: #1b5e20; color: #1b5e20; }
.verdict.not-met { background: #fdecea; border-color: ${COLORS.late}; color: ${COLORS.late}; }
.verdict.none { background: #f3f6fa; border-color: #0f2e55; color: #0f2e55; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(205px, 1fr)); gap: 10px; }
.card { border: 1px solid #cbd5e1; border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.card .label { font-size: 12.5px; color: ${COLORS.muted}; }
.card .value { font-size: 22px; font-weight: 700; color: #0f2e55; }
.card.bad .value { color: ${COLORS.late}; }
.card .unit { font-size: 12.5px; color: ${COLORS.muted}; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: ${COLORS.muted}; }
th, td { border: 1px solid #cbd5e1; padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: #0f2e55; color: #fff; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: #f3f6fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.late td, tr.late th { color: ${COLORS.late}; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.badge.late { color: ${COLORS.late}; }
.badge.ok { color: #1b5e20; }
ul.plain { margin: 0; padding-left: 18px; }
figure { margin: 0; }
figcaption { color: ${COLORS.muted}; font-size: 12.5px; }
.timeline svg, .deps svg { display: block; max-width: 100%; height: auto; }
table.narrow { max-width: 640px; }
td.bar { width: 45%; }
td.bar span { display: block; height: 12px; background: ${COLORS.onTime}; border-radius: 2px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
dl.glossary { display: grid; grid-template-columns: 160px 1fr; gap: 4px 14px; }
dl.glossary dt { font-weight: 700; }
dl.glossary dd { margin: 0; }
footer { margin-top: 28px; color: ${COLORS.muted}; font-size: 12px; border-top: 1px solid #cbd5e1; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  .cards { grid-template-columns: repeat(6, 1fr); gap: 6px; }
  .card { padding: 6px 8px; }
  .card .value { font-size: 16px; }
  .verdict { font-size: 14px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 10.5px; }
  thead { display: table-header-group; }
  tr, .card, figure, .verdict { break-inside: avoid; page-break-inside: avoid; }
  #timeline, #waves, #decommission, #dependencies { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}`;

function verdictSection(plan: Plan, lang: Lang, verdict: HtmlOptions["verdict"]): string {
  const L = labels(lang);
  const f = headlineFigures(plan);
  const tone = verdict?.tone ?? (f.deadlineMet ? "met" : "not-met");
  const out = [`<p class="verdict ${tone}" data-figure="verdict">${esc(verdict?.text ?? verdictText(f, lang))}</p>`];
  if (!f.deadlineMet) {
    const names = namesOf(plan);
    const late = [...plan.deadline.late].sort(cmp).map((id) => names.system(id));
    if (late.length > 0) out.push(`<p><strong>${esc(L.lateSystems)}:</strong> ${esc(late.join("; "))}.</p>`);
    if (plan.deadline.criticalChain.length > 0) {
      out.push(`<p><strong>${esc(L.criticalChain)}:</strong></p>`);
      out.push(`<ol>${plan.deadline.criticalChain.map((c) => `<li>${esc(`${chainKindLabel(c.kind, lang)}: ${text(plan, lang, c.message)}`)}</li>`).join("")}</ol>`);
    }
  }
  return out.join("\n");
}

function figuresSection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const items = figureItems(headlineFigures(plan), lang);
  const cards = items
    .filter((i) => !i.key.startsWith("disposition-"))
    .map(
      (i) =>
        `<div class="card${i.bad ? " bad" : ""}"><div class="label">${esc(i.label)}</div><div class="value" data-figure="${i.key}">${esc(i.text)}</div><div class="unit">${esc(i.unit)}</div></div>`,
    );
  const disp = items.filter((i) => i.key.startsWith("disposition-"));
  const most = Math.max(1, ...disp.map((i) => Number(i.value)));
  // The bar is decoration (aria-hidden): the number beside it carries the value.
  const rows = disp
    .map(
      (i) =>
        `<tr><th scope="row">${esc(i.label.replace(`${L.byDisposition}: `, ""))}</th><td class="num" data-figure="${i.key}">${esc(i.text)}</td><td class="bar"><span aria-hidden="true" style="width:${Math.round((Number(i.value) / most) * 100)}%"></span></td></tr>`,
    )
    .join("\n");
  return `<div class="cards">\n${cards.join("\n")}\n</div>
<table class="narrow">
<caption>${esc(L.byDisposition)}</caption>
<thead><tr><th scope="col">${esc(L.disposition)}</th><th scope="col" class="num">${esc(L.systemCount)}</th><th scope="col"><span class="sr-only">${esc(L.systemCount)}</span></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function wavesSection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const names = namesOf(plan);
  const byId = systemsById(plan);
  const rows = sortedWaves(plan).map((w) => {
    const late = w.end > plan.deadline.date;
    const systems = [...w.systems].sort(cmp).map((id) => byId.get(id)).filter((s): s is PlanSystem => s !== undefined);
    const owners = [...new Set(systems.map((s) => names.agency(s.owner)))].sort(cmp);
    return `<tr${late ? ' class="late"' : ""} data-wave="${w.number}">
<th scope="row" class="num">${w.number}</th>
<td>${esc(phaseLabel(w.phase, lang))}</td>
<td class="date">${esc(formatDate(w.start, lang))}</td>
<td class="date">${esc(formatDate(w.end, lang))}</td>
<td><ul class="plain">${systems.map((s) => `<li>${esc(s.name)} <span class="badge">${esc(dispositionLabel(s.disposition, lang))}</span>${replannedBadge(plan, s, lang)}</li>`).join("")}</ul>${waveStatusCell(plan, w, lang).failed}</td>
<td>${esc(owners.join("; "))}</td>
<td class="num">${systems.map((s) => s.securityLevel).join(", ")}</td>
<td class="num">${esc(formatNumber(w.dataGiB, lang))}</td>
<td>${waveStatusCell(plan, w, lang).status}${late ? `<span class="badge late">${esc(L.late)}</span>` : `<span class="badge ok">${esc(L.onTime)}</span>`}</td>
</tr>`;
  });
  if (rows.length === 0) return `<p>${esc(L.none)}</p>`;
  return `<table>
<caption>${esc(L.wavesTitle)}</caption>
<thead><tr><th scope="col" class="num">${esc(L.wave)}</th><th scope="col">${esc(L.phase)}</th><th scope="col">${esc(L.start)}</th><th scope="col">${esc(L.end)}</th><th scope="col">${esc(L.systems)}</th><th scope="col">${esc(L.owners)}</th><th scope="col" class="num">${esc(L.securityLevel)}</th><th scope="col" class="num">${esc(L.dataGiB)}</th><th scope="col">${esc(L.deadline)}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function lateSection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const names = namesOf(plan);
  const byId = systemsById(plan);
  const waveEnd = waveEnds(plan);
  const unscheduled = new Map(plan.unscheduled.map((u) => [u.system, text(plan, lang, u.reason)]));
  const late = [...plan.deadline.late].sort(cmp);
  const out: string[] = [];
  if (late.length === 0) out.push(`<p>${esc(L.none)}</p>`);
  else {
    out.push(`<table>
<caption>${esc(L.lateSystems)}</caption>
<thead><tr><th scope="col">${esc(L.name)}</th><th scope="col">${esc(L.owner)}</th><th scope="col">${esc(L.wave)}</th><th scope="col">${esc(L.end)}</th><th scope="col">${esc(L.reasons)}</th></tr></thead>
<tbody>
${late
  .map((id) => {
    const s = byId.get(id);
    const end = s?.wave !== undefined ? waveEnd.get(s.wave) : undefined;
    const why = unscheduled.get(id) ?? joinTexts(plan, lang, s?.reasons ?? []);
    return `<tr><th scope="row">${esc(names.system(id))}</th><td>${esc(names.agency(s?.owner))}</td><td>${s?.wave !== undefined ? esc(L.waveN(s.wave)) : esc(L.riskUnscheduled)}</td><td class="date">${end ? esc(formatDate(end, lang)) : ""}</td><td>${esc(why)}</td></tr>`;
  })
  .join("\n")}
</tbody>
</table>`);
  }
  if (plan.deadline.criticalChain.length > 0) {
    out.push(`<h3>${esc(L.criticalChain)}</h3>`);
    out.push(`<table>
<caption>${esc(L.criticalChain)}</caption>
<thead><tr><th scope="col" class="num">#</th><th scope="col">${esc(L.kind)}</th><th scope="col">${esc(L.subject)}</th><th scope="col">${esc(L.message)}</th></tr></thead>
<tbody>
${plan.deadline.criticalChain.map((c, i) => `<tr><th scope="row" class="num">${i + 1}</th><td>${esc(chainKindLabel(c.kind, lang))}</td><td>${esc(subjectLabel(plan, lang, c.subject))}</td><td>${esc(text(plan, lang, c.message))}</td></tr>`).join("\n")}
</tbody>
</table>`);
  }
  return out.join("\n");
}

function dependencySection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const names = namesOf(plan);
  const byId = systemsById(plan);
  const out: string[] = [];
  for (const w of sortedWaves(plan)) {
    out.push(`<h3 id="deps-wave-${w.number}">${esc(`${L.waveN(w.number)} · ${formatDate(w.start, lang)} – ${formatDate(w.end, lang)}`)}</h3>`);
    out.push(`<figure class="deps">\n${waveDependencySvg(plan, w.number, lang)}\n</figure>`);
    const rows: string[] = [];
    for (const id of [...w.systems].sort(cmp)) {
      const s = byId.get(id);
      const deps = [...(s?.dependsOn ?? [])].sort(cmp);
      if (deps.length === 0) {
        rows.push(`<tr><th scope="row">${esc(names.system(id))}</th><td colspan="2">${esc(L.noDeps)}</td></tr>`);
        continue;
      }
      deps.forEach((dep, i) => {
        const d = byId.get(dep);
        let where: string;
        if (!d) where = dep;
        else if (d.disposition === "retire") where = L.retiredDep;
        else if (d.wave === w.number) where = L.sameWave;
        else if (d.wave !== undefined) where = d.wave < w.number ? L.earlierWave(d.wave) : L.laterWave(d.wave);
        else where = L.staysAt(names.site(d.targetSite ?? d.site));
        const bad = d !== undefined && (d.disposition === "retire" || (d.wave !== undefined && d.wave > w.number));
        rows.push(
          `<tr${bad ? ' class="late"' : ""}>${i === 0 ? `<th scope="row" rowspan="${deps.length}">${esc(names.system(id))}</th>` : ""}<td>${esc(names.system(dep))}</td><td>${esc(where)}</td></tr>`,
        );
      });
    }
    out.push(`<table>
<caption>${esc(`${L.dependencyTitle}: ${L.waveN(w.number)}`)}</caption>
<thead><tr><th scope="col">${esc(L.systems)}</th><th scope="col">${esc(L.dependsOn)}</th><th scope="col">${esc(L.dependsOnWave)}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`);
  }
  return out.length > 0 ? out.join("\n") : `<p>${esc(L.none)}</p>`;
}

function systemsSection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const names = namesOf(plan);
  const waveEnd = waveEnds(plan);
  const rows = [...plan.systems]
    .sort((a, b) => cmp(a.id, b.id))
    .map(
      (s) =>
        `<tr${s.late ? ' class="late"' : ""}><th scope="row">${esc(s.name)}</th><td>${esc(functionLabel(s.function, lang))}</td><td class="num">${s.securityLevel}</td><td>${esc(dispositionLabel(s.disposition, lang))}${s.into ? ` → ${esc(names.system(s.into))}` : ""}</td><td>${s.wave !== undefined ? esc(L.waveN(s.wave)) : ""}</td><td class="date">${esc(s.wave !== undefined ? formatDate(waveEnd.get(s.wave) ?? "", lang) : s.retireOn ? formatDate(s.retireOn, lang) : "")}</td><td>${esc(joinTexts(plan, lang, s.reasons))}</td></tr>`,
    );
  return `<table>
<caption>${esc(L.tableSystems)}</caption>
<thead><tr><th scope="col">${esc(L.name)}</th><th scope="col">${esc(L.function)}</th><th scope="col" class="num">${esc(L.securityLevel)}</th><th scope="col">${esc(L.disposition)}</th><th scope="col">${esc(L.wave)}</th><th scope="col">${esc(L.date)}</th><th scope="col">${esc(L.reasons)}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function capacitySection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const n = (x: number) => esc(formatNumber(x, lang));
  const out: string[] = [];
  out.push(`<table>
<caption>${esc(L.capacityTitle)}</caption>
<thead><tr><th scope="col">${esc(L.from)}</th><th scope="col" class="num">${esc(L.cpuCores)}</th><th scope="col" class="num">${esc(L.memoryGiB)}</th><th scope="col" class="num">${esc(L.storageGiB)}</th><th scope="col">${esc(L.reason)}</th></tr></thead>
<tbody>
${[...plan.capacity]
  .sort((a, b) => cmp(a.from, b.from))
  .map((c) => `<tr><th scope="row" class="date">${esc(formatDate(c.from, lang))}</th><td class="num">${n(c.cpuCores)}</td><td class="num">${n(c.memoryGiB)}</td><td class="num">${n(c.storageGiB)}</td><td>${esc(text(plan, lang, c.reason))}</td></tr>`)
  .join("\n")}
</tbody>
</table>`);
  if (plan.procurement.length > 0) {
    out.push(`<table>
<caption>${esc(L.riskProcurement)}</caption>
<thead><tr><th scope="col">${esc(L.by)}</th><th scope="col" class="num">${esc(L.physCores)}</th><th scope="col" class="num">${esc(L.memoryGiB)}</th><th scope="col" class="num">${esc(L.storageGiB)}</th><th scope="col">${esc(L.reason)}</th></tr></thead>
<tbody>
${[...plan.procurement]
  .sort((a, b) => cmp(a.by, b.by))
  .map((p) => `<tr><th scope="row" class="date">${esc(formatDate(p.by, lang))}</th><td class="num">${n(p.cpuCores)}</td><td class="num">${n(p.memoryGiB)}</td><td class="num">${n(p.storageGiB)}</td><td>${esc(text(plan, lang, p.reason))}</td></tr>`)
  .join("\n")}
</tbody>
</table>`);
  }
  return out.join("\n");
}

function issuesSection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const rows = [
    ...byRuleThenSubject(plan.violations).map((v) => [L.riskViolation, v, ruleLabel(v.rule, "violation", lang)] as const),
    ...byRuleThenSubject(plan.warnings).map((v) => [L.riskWarning, v, ruleLabel(v.rule, "warning", lang)] as const),
  ];
  if (rows.length === 0) return `<p>${esc(L.none)}</p>`;
  return `<table>
<caption>${esc(L.issuesTitle)}</caption>
<thead><tr><th scope="col">${esc(L.kind)}</th><th scope="col">${esc(L.rule)}</th><th scope="col">${esc(L.subject)}</th><th scope="col">${esc(L.message)}</th></tr></thead>
<tbody>
${rows.map(([kind, v, rule]) => `<tr${kind === L.riskViolation ? ' class="late"' : ""}><th scope="row">${esc(kind)}</th><td>${esc(rule)}</td><td>${esc(subjectLabel(plan, lang, v.subject))}</td><td>${esc(text(plan, lang, v.message))}</td></tr>`).join("\n")}
</tbody>
</table>`;
}

function roadmapSection(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const names = namesOf(plan);
  const out: string[] = [];
  if (plan.remaining.length > 0) {
    out.push(`<p><strong>${esc(L.remainingTitle)}:</strong> ${esc([...plan.remaining].sort(cmp).map((id) => names.system(id)).join("; "))}.</p>`);
  }
  const lp = plan.laterPhases;
  if (lp && plan.roadmap.length > 0) out.push(`<p>${esc(L.laterPhasesIntro(lp.effortPerQuarter, formatDate(lp.start, lang), lp.late, plan.roadmap.length))}</p>`);
  const table = roadmapTable({ plan, lang });
  // plans before the later phases were levelled have no quarter, due date or status
  const keys = lp ? ROADMAP_KEYS : ROADMAP_KEYS.filter((k) => k !== "quarter" && k !== "due" && k !== "status");
  out.push(tableHtml(table, lang, { caption: L.roadmapTitle, rowHeader: lp ? 0 : 1, hideCaption: true, keys }));
  return out.join("\n");
}

const ROADMAP_KEYS = ["quarter", "by", "due", "status", "phase", "action", "subject", "reason"] as const;

/** The 2026 milestones: the merged centre's connections to the national data platforms. */
function nationalSection(input: ExportInput): string {
  const L = labels(input.lang);
  const table = nationalTable(input);
  if (table.rows.length === 0) return `<p>${esc(L.nationalNone)}</p>`;
  return `<p>${esc(L.nationalIntro)}</p>\n${tableHtml(table, input.lang, { caption: L.nationalTitle, hideCaption: true, keys: ["system", "connects-to", "takes-over", "due", "reached-on", "status", "note"] })}`;
}

function glossarySection(lang: Lang): string {
  return `<dl class="glossary">\n${glossary(lang)
    .map((g) => `<dt>${esc(g.term)}</dt><dd>${esc(g.meaning)}</dd>`)
    .join("\n")}\n</dl>`;
}

/** The server columns worth printing (the XLSX has them all). */
export const SERVER_KEYS = ["id", "kind", "site", "owner", "systems", "fate", "freed-on", "decommission-on", "target-site", "model", "os"] as const;

/** Formats one cell of a typed table for people (dates and numbers in the language's format). */
export function formatCell(value: CellValue, type: Column["type"], lang: Lang): string {
  if (value === null || value === "") return "";
  const L = labels(lang);
  if (typeof value === "boolean") return value ? L.yes : L.no;
  if (typeof value === "number") {
    if (type === "percent") return formatPercent(value, lang);
    return formatNumber(value, lang, Number.isInteger(value) ? 0 : 1);
  }
  if (type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
  return value;
}

/** A typed table as an accessible HTML table (caption, `th scope`); `rowHeader` is the column used as row header. */
export function tableHtml(
  table: Table,
  lang: Lang,
  opts: { caption?: string; rowHeader?: number; hideCaption?: boolean; keys?: readonly string[] } = {},
): string {
  const L = labels(lang);
  if (table.rows.length === 0) return `<p>${esc(L.none)}</p>`;
  const numeric = (c: Column) => c.type === "int" || c.type === "number" || c.type === "percent";
  const keys = opts.keys;
  const idx = keys ? keys.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0) : table.columns.map((_, i) => i);
  const head = idx.map((i) => table.columns[i]).map((c) => `<th scope="col"${numeric(c) ? ' class="num"' : ""}>${esc(c.header)}</th>`).join("");
  const rh = opts.rowHeader ?? 0;
  const body = table.rows
    .map((row, r) => {
      const cells = idx.map((i, pos) => {
        const v = row[i];
        const c = table.columns[i];
        const type = c.type === "mixed" ? (table.rowTypes?.[r] ?? "text") : c.type;
        const cls = numeric(c) || (c.type === "mixed" && typeof v === "number") ? ' class="num"' : type === "date" ? ' class="date"' : "";
        const text = esc(formatCell(v, type, lang));
        return pos === rh ? `<th scope="row"${cls}>${text}</th>` : `<td${cls}>${text}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table>
<caption${opts.hideCaption ? ' class="sr-only"' : ""}>${esc(opts.caption ?? table.title)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}
