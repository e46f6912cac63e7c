// The semi-annual consolidation report (`--format report --period 2026-H2`), HTML and XLSX. The
// province reports consolidation results to the ministry every six months on the template of
// Appendix 01 to official letter 5199/BKHCN-CĐSQG (Phụ lục 01, Công văn 5199/BKHCN-CĐSQG); we do
// not have the form itself, so the report carries the content the provincial letter asks for, in the
// usual shape of such reports: a table of indicators (done / planned / total in the period), then
// sections I–VI with the details. Only what the progress file records counts as done (recorded.ts:
// done waves, servers recorded decommissioned or moved); everything else in the period is planned,
// whatever its date, and without recorded progress the report says so. See docs/exports.md for
// the mapping and docs/progress.md for the progress file.
import { UsageError } from "../../common/errors.js";
import type { PlanServer } from "../plan-schema.js";
import { htmlDocument, sectionHtml, tableHtml } from "./html.js";
import { actionLabel, chainKindLabel, fateLabel, formatDate, type Lang, labels, ruleLabel, serverKindLabel } from "./i18n.js";
import { measure, type MeasureValue, type Period, standaloneIds } from "./report-measures.js";
import { bundledRows, type IndicatorRow } from "./report-rows.js";
import { escapeXml as esc } from "./svg-timeline.js";
import { byRuleThenSubject, type CellValue, cmp, type ColumnType, type ExportInput, joinTexts, namesOf, sortedWaves, subjectLabel, systemsById, type Table, text, waveEnds } from "./tables.js";
import { tablesToXlsx } from "./xlsx.js";
import { progressLabels } from "./progress-labels.js";
import { progressSummaryText, progressTable } from "./progress-section.js";
import { decommissionDone, movedDone, recordedOf, serverMovedDone } from "./recorded.js";

export type { Period } from "./report-measures.js";

/** Parses `YYYY` (a year), `YYYY-H1` or `YYYY-H2` (a half-year); throws UsageError otherwise. */
export function parsePeriod(s: string): Period {
  const m = /^(\d{4})(?:-H([12]))?$/.exec(s);
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 2000 || year > 2100) {
    throw new UsageError(`--period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "${s}"`);
  }
  return m[2] ? makeHalf(year, Number(m[2]) as 1 | 2) : makeYear(year);
}

/** The half-year that contains an ISO date. */
export function periodOf(iso: string): Period {
  return makeHalf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) <= 6 ? 1 : 2);
}

/** The period after `p`: the next half-year, or the next year. */
export function nextPeriod(p: Period): Period {
  if (p.half === undefined) return makeYear(p.year + 1);
  return p.half === 1 ? makeHalf(p.year, 2) : makeHalf(p.year + 1, 1);
}

/** How a period reads: "6 tháng cuối năm 2026", "Năm 2026". */
export function periodLabel(p: Period, lang: Lang): string {
  const L = labels(lang);
  return p.half === undefined ? L.periodYear(p.year) : L.periodLabel(p.year, p.half);
}

function makeHalf(year: number, half: 1 | 2): Period {
  return { id: `${year}-H${half}`, year, half, from: half === 1 ? `${year}-01-01` : `${year}-07-01`, to: half === 1 ? `${year}-06-30` : `${year}-12-31` };
}

function makeYear(year: number): Period {
  return { id: String(year), year, from: `${year}-01-01`, to: `${year}-12-31` };
}

const inPeriod = (iso: string | undefined, p: Period) => iso !== undefined && iso >= p.from && iso <= p.to;

/** The report's tables: the indicators (one row per row of `rows`), sections I–VI, then the details behind every indicator. */
export function reportTables(input: ExportInput, period: Period, rows: readonly IndicatorRow[] = bundledRows()): Table[] {
  const { plan, lang, inventory } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  // Done only when the progress file records it (recorded.ts); planned otherwise, whatever the date.
  const facts = recordedOf(plan);
  const status = (done: boolean) => (done ? L.reportStatusDone : L.reportStatusPlanned);
  const waveEnd = waveEnds(plan);
  const byId = systemsById(plan);
  const next = nextPeriod(period);

  // I. servers moved to the target site (freed and kept: reuse/relocate) or decommissioned in the period.
  const moved = plan.servers.filter((s) => (s.fate === "reuse" || s.fate === "relocate") && inPeriod(s.freedOn, period));
  const decommissioned = plan.servers.filter((s) => inPeriod(s.decommissionOn, period));
  const serverRows: { s: PlanServer; what: string; date: string; done: boolean }[] = [
    ...moved.map((s) => ({ s, what: L.reportConsolidated, date: s.freedOn!, done: serverMovedDone(facts, s) })),
    ...decommissioned.map((s) => ({ s, what: L.reportDecommissioned, date: s.decommissionOn!, done: decommissionDone(facts, s) })),
  ].sort((a, b) => cmp(a.date, b.date) || cmp(a.s.id, b.s.id));
  const t1: Table = {
    id: "consolidated",
    title: L.reportSection1,
    columns: [
      { key: "server", header: L.id, type: "text", width: 18 },
      { key: "kind", header: L.kind, type: "text", width: 16 },
      { key: "site", header: L.site, type: "text", width: 30 },
      { key: "owner", header: L.owner, type: "text", width: 30 },
      { key: "action", header: L.fate, type: "text", width: 30 },
      { key: "date", header: L.date, type: "date", width: 12 },
      { key: "status", header: L.status, type: "text", width: 14 },
    ],
    rows: serverRows.map(({ s, what, date, done }) => [s.id, serverKindLabel(s.kind, lang), names.site(s.site), names.agency(s.owner), what, date, status(done)]),
  };

  // II. systems that land on the shared platform in a wave of the period.
  const shared = plan.systems
    .filter((s) => s.platform === "shared-kubernetes" && s.wave !== undefined && inPeriod(waveEnd.get(s.wave), period))
    .sort((a, b) => cmp(waveEnd.get(a.wave!)!, waveEnd.get(b.wave!)!) || cmp(a.id, b.id));
  const t2: Table = {
    id: "shared-platform",
    title: L.reportSection2,
    columns: [
      { key: "system", header: L.name, type: "text", width: 44 },
      { key: "owner", header: L.owner, type: "text", width: 30 },
      { key: "wave", header: L.wave, type: "int", width: 7 },
      { key: "date", header: L.cutover, type: "date", width: 12 },
      { key: "status", header: L.status, type: "text", width: 14 },
    ],
    rows: shared.map((s) => [s.name, names.agency(s.owner), s.wave!, waveEnd.get(s.wave!)!, status(movedDone(facts, s))]),
  };

  // III. systems connected to NDXP/NDOP: connected already (externals), or planned in the period (roadmap).
  const national = new Set(plan.externals.filter((e) => /ndxp|ndop/i.test(`${e.id} ${e.name}`)).map((e) => e.id));
  const t3rows: CellValue[][] = [];
  for (const s of [...plan.systems].sort((a, b) => cmp(a.id, b.id))) {
    const ext = s.externals.filter((e) => national.has(e)).sort(cmp);
    if (ext.length > 0 && s.disposition !== "retire" && s.disposition !== "consolidate") {
      // Connected today, as the inventory says: existing, not work recorded in the progress file.
      t3rows.push([s.name, names.agency(s.owner), ext.map((e) => names.external(e)).join("; "), null, progressLabels(lang).existing]);
    }
  }
  for (const r of plan.roadmap.filter((r) => r.action === "connect-national-platform" && inPeriod(r.by, period)).sort((a, b) => cmp(a.by, b.by) || cmp(a.subject, b.subject))) {
    t3rows.push([names.system(r.subject), names.agency(byId.get(r.subject)?.owner), "NDXP/NDOP", r.by, status(false)]);
  }
  const t3: Table = {
    id: "national-platforms",
    title: L.reportSection3,
    columns: [
      { key: "system", header: L.name, type: "text", width: 44 },
      { key: "owner", header: L.owner, type: "text", width: 30 },
      { key: "platform", header: L.externals, type: "text", width: 20 },
      { key: "by", header: L.by, type: "date", width: 12 },
      { key: "status", header: L.status, type: "text", width: 14 },
    ],
    rows: t3rows,
  };

  // IV. stand-alone servers still running at the end of the period.
  const standalone = standaloneIds(plan, inventory);
  const remainingStandalone = standalone
    ? plan.servers.filter((s) => standalone.has(s.id) && !(s.decommissionOn !== undefined && s.decommissionOn <= period.to)).sort((a, b) => cmp(a.id, b.id))
    : [];
  const t4: Table = {
    id: "standalone",
    title: L.reportSection4,
    columns: [
      { key: "server", header: L.id, type: "text", width: 18 },
      { key: "owner", header: L.owner, type: "text", width: 30 },
      { key: "site", header: L.site, type: "text", width: 30 },
      { key: "fate", header: L.fate, type: "text", width: 16 },
      { key: "decommission-on", header: L.decommissionOn, type: "date", width: 12 },
    ],
    rows: remainingStandalone.map((s) => [s.id, names.agency(s.owner), names.site(s.site), fateLabel(s.fate, lang), s.decommissionOn ?? null]),
  };

  // V. problems: late and unscheduled systems, violations.
  const t5rows: CellValue[][] = [];
  const unscheduled = new Map(plan.unscheduled.map((u) => [u.system, text(plan, lang, u.reason)]));
  for (const id of [...plan.deadline.late].sort(cmp)) {
    t5rows.push([unscheduled.has(id) ? L.riskUnscheduled : L.riskLate, names.system(id), unscheduled.get(id) ?? joinTexts(plan, lang, byId.get(id)?.reasons ?? [])]);
  }
  for (const c of plan.deadline.criticalChain) t5rows.push([`${L.riskChain}: ${chainKindLabel(c.kind, lang)}`, subjectLabel(plan, lang, c.subject), text(plan, lang, c.message)]);
  for (const v of byRuleThenSubject(plan.violations)) t5rows.push([`${L.riskViolation}: ${ruleLabel(v.rule, "violation", lang)}`, subjectLabel(plan, lang, v.subject), text(plan, lang, v.message)]);
  const t5: Table = {
    id: "problems",
    title: L.reportSection5,
    columns: [
      { key: "kind", header: L.riskKind, type: "text", width: 22 },
      { key: "subject", header: L.subject, type: "text", width: 40 },
      { key: "message", header: L.message, type: "text", width: 80 },
    ],
    rows: t5rows,
  };

  // VI. next period: waves, decommissions, roadmap work.
  const t6rows: CellValue[][] = [];
  for (const w of sortedWaves(plan).filter((w) => inPeriod(w.start, next))) {
    t6rows.push([L.reportNextWaves, L.waveN(w.number), w.start, w.systems.map((id) => names.system(id)).sort(cmp).join("; ")]);
  }
  for (const s of plan.servers.filter((s) => inPeriod(s.decommissionOn, next)).sort((a, b) => cmp(a.decommissionOn!, b.decommissionOn!) || cmp(a.id, b.id))) {
    t6rows.push([L.reportNextDecommission, s.id, s.decommissionOn!, serverKindLabel(s.kind, lang)]);
  }
  for (const r of plan.roadmap.filter((r) => inPeriod(r.by, next)).sort((a, b) => cmp(a.by, b.by) || cmp(a.subject, b.subject))) {
    t6rows.push([L.reportNextRoadmap, r.subjectKind === "system" ? names.system(r.subject) : r.subject, r.by, `${actionLabel(r.action, lang)}: ${text(plan, lang, r.reason)}`]);
  }
  const t6: Table = {
    id: "next-period",
    title: `${L.reportSection6} (${periodLabel(next, lang)})`,
    columns: [
      { key: "kind", header: L.kind, type: "text", width: 30 },
      { key: "subject", header: L.subject, type: "text", width: 40 },
      { key: "date", header: L.date, type: "date", width: 12 },
      { key: "details", header: L.notes, type: "text", width: 70 },
    ],
    rows: t6rows,
  };

  // Indicators: the rows of the template, each with its measure.
  // a measure without data (the cost rows of a plan without a cost) leaves its row out
  const values = rows.flatMap((r) => {
    const value = measure(r.measure, input, period);
    return value ? [{ row: r, value }] : [];
  });
  const indicators = indicatorTable(values, lang, period);
  const trace = traceTable(values, lang);
  return [indicators, t1, t2, t3, t4, t5, t6, progressTable(input, period, progressLabels(lang).reportAnnex), trace];
}

/** The indicator table: number, words, unit, start of period, done and planned in it, end of period, note. */
function indicatorTable(values: readonly { row: IndicatorRow; value: MeasureValue }[], lang: Lang, period: Period): Table {
  const L = labels(lang);
  const cells: CellValue[][] = [];
  const types: Exclude<ColumnType, "mixed">[] = [];
  for (const { row, value: v } of values) {
    cells.push([row.no, lang === "vi" ? row.vi : row.en, (lang === "vi" ? row.unitVi : row.unitEn) ?? "", v.start, v.done, v.planned, v.end, v.note]);
    types.push(v.percent ? "percent" : typeof v.end === "string" ? "text" : "int");
  }
  return {
    id: "indicators",
    title: `${L.reportPeriod}: ${periodLabel(period, lang)}`,
    columns: [
      { key: "no", header: "STT", type: "text", width: 6 },
      { key: "indicator", header: L.indicator, type: "text", width: 50 },
      { key: "unit", header: L.unit, type: "text", width: 11 },
      { key: "start", header: L.reportStart, type: "mixed", width: 11 },
      { key: "done", header: L.reportDoneInPeriod, type: "int", width: 13 },
      { key: "planned", header: L.reportPlannedInPeriod, type: "int", width: 13 },
      { key: "end", header: L.reportEnd, type: "mixed", width: 24 },
      { key: "note", header: L.notes, type: "text", width: 40 },
    ],
    rows: cells,
    rowTypes: types,
  };
}

/** What each indicator is made of: one row per system, server, centre, connection or agency behind it. */
function traceTable(values: readonly { row: IndicatorRow; value: MeasureValue }[], lang: Lang): Table {
  const L = labels(lang);
  const rows: CellValue[][] = [];
  for (const { row, value } of values) {
    for (const t of value.trace) rows.push([row.no, lang === "vi" ? row.vi : row.en, L.traceKinds(t.kind), t.id, t.name, t.date ?? null, t.status, t.counted, t.note ?? ""]);
  }
  return {
    id: "indicator-details",
    title: L.reportTrace,
    columns: [
      { key: "no", header: "STT", type: "text", width: 6 },
      { key: "indicator", header: L.indicator, type: "text", width: 36 },
      { key: "kind", header: L.reportTraceKind, type: "text", width: 12 },
      { key: "id", header: L.id, type: "text", width: 22, technical: true },
      { key: "name", header: L.name, type: "text", width: 44 },
      { key: "date", header: L.date, type: "date", width: 12 },
      { key: "status", header: L.status, type: "text", width: 18 },
      { key: "counted", header: L.reportCounted, type: "bool", width: 10 },
      { key: "note", header: L.notes, type: "text", width: 40 },
    ],
    rows,
  };
}

/** Sheet names of the report's tables per language (the machine names are the table ids). */
export const REPORT_SHEETS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: {
    indicators: "Báo cáo",
    consolidated: "I. Máy chủ",
    "shared-platform": "II. Nền tảng dùng chung",
    "national-platforms": "III. Kết nối quốc gia",
    standalone: "IV. Máy chủ riêng lẻ",
    problems: "V. Khó khăn, vướng mắc",
    "next-period": "VI. Kế hoạch kỳ tới",
    progress: "Phụ lục tiến độ",
    "indicator-details": "Chi tiết chỉ tiêu",
  },
  en: {
    indicators: "Report",
    consolidated: "I. Servers",
    "shared-platform": "II. Shared platform",
    "national-platforms": "III. National links",
    standalone: "IV. Stand-alone servers",
    problems: "V. Problems",
    "next-period": "VI. Next period",
    progress: "Progress",
    "indicator-details": "Indicator details",
  },
};

/** Renders the consolidation report for `period` (a half-year or a year) as HTML (NFC) and XLSX; `rows` are the indicator rows [appendix-01.json]. */
export async function renderReport(input: ExportInput, period: Period, rows?: readonly IndicatorRow[]): Promise<{ html: string; xlsx: Uint8Array }> {
  const { plan, lang } = input;
  const L = labels(lang);
  const tables = reportTables(input, period, rows);
  const html = reportHtml(input, period, tables);
  const title = L.reportTitle(periodLabel(period, lang));
  const meta = `${L.reportPeriod}: ${formatDate(period.from, lang)} – ${formatDate(period.to, lang)} · ${L.asOf}: ${formatDate(plan.asOf, lang)} · ${L.targetSite}: ${namesOf(plan).site(plan.targetSite)}`;
  const xlsx = await tablesToXlsx(tables, {
    lang,
    date: plan.asOf,
    title,
    sheetName: (t) => REPORT_SHEETS[lang][t.id] ?? t.title,
    titleBlock: (t) => (t.id === "indicators" ? [title, L.reportBasis, meta] : [title, t.title, meta]),
  });
  return { html, xlsx };
}

function reportHtml(input: ExportInput, period: Period, tables: readonly Table[]): string {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const title = L.reportTitle(periodLabel(period, lang));
  const indicators = tables[0];
  const sections = tables.slice(1).filter((t) => t.id !== "indicator-details");
  const body = sections.map((t) => sectionHtml(t.id, t.title, t.rows.length === 0 ? `<p>${esc(L.reportNoItems)}</p>` : tableHtml(t, lang, { rowHeader: 0, hideCaption: true }))).join("\n");
  const progressNote = progressSummaryText(plan, lang).map((s) => `<p class="sub">${esc(s)}</p>`).join("\n");
  return htmlDocument({
    plan,
    lang,
    title,
    subtitle: L.reportBasis,
    meta: [
      [L.reportPeriod, `${formatDate(period.from, lang)} – ${formatDate(period.to, lang)}`],
      [L.asOf, formatDate(plan.asOf, lang)],
      [L.targetSite, names.site(plan.targetSite)],
    ],
    body: `<main>
${sectionHtml("indicators", indicators.title, `${tableHtml(indicators, lang, { rowHeader: 1, hideCaption: true })}\n${progressNote}`)}
${body}
</main>`,
  });
}
