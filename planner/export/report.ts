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
import type { Inventory } from "../../inventory/schema.js";
import type { Plan, PlanServer } from "../plan-schema.js";
import { isStandaloneServer } from "../summary.js";
import { costIndicatorRows } from "./cost-section.js";
import { htmlDocument, sectionHtml, tableHtml } from "./html.js";
import { actionLabel, fateLabel, formatDate, labels, serverKindLabel, text } from "./i18n.js";
import { escapeXml as esc } from "./svg-timeline.js";
import { byRuleThenSubject, type CellValue, cmp, type ExportInput, joinTexts, namesOf, sortedWaves, systemsById, type Table, waveEnds } from "./tables.js";
import { tablesToXlsx } from "./xlsx.js";
import { progressLabels } from "./progress-labels.js";
import { progressSummaryText, progressTable } from "./progress-section.js";
import { decommissionDone, movedDone, recordedOf, serverMovedDone } from "./recorded.js";

/** A half-year reporting period. */
export interface Period {
  /** `YYYY-H1` or `YYYY-H2`. */
  readonly id: string;
  readonly year: number;
  readonly half: 1 | 2;
  /** First day, ISO. */
  readonly from: string;
  /** Last day, ISO. */
  readonly to: string;
}

/** Parses `YYYY-H1` / `YYYY-H2`; throws UsageError otherwise. */
export function parsePeriod(s: string): Period {
  const m = /^(\d{4})-H([12])$/.exec(s);
  if (!m) throw new UsageError(`--period must be a half-year YYYY-H1 or YYYY-H2, e.g. 2026-H2, got "${s}"`);
  return makePeriod(Number(m[1]), Number(m[2]) as 1 | 2);
}

/** The half-year that contains an ISO date. */
export function periodOf(iso: string): Period {
  return makePeriod(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) <= 6 ? 1 : 2);
}

/** The half-year after `p`. */
export function nextPeriod(p: Period): Period {
  return p.half === 1 ? makePeriod(p.year, 2) : makePeriod(p.year + 1, 1);
}

function makePeriod(year: number, half: 1 | 2): Period {
  return { id: `${year}-H${half}`, year, half, from: half === 1 ? `${year}-01-01` : `${year}-07-01`, to: half === 1 ? `${year}-06-30` : `${year}-12-31` };
}

const inPeriod = (iso: string | undefined, p: Period) => iso !== undefined && iso >= p.from && iso <= p.to;

/**
 * Servers counted as stand-alone (summary.ts `isStandaloneServer`): from the inventory when given,
 * otherwise from the plan's `standalone` flags; undefined for a plan older than those flags read
 * without the inventory.
 */
function standaloneIds(plan: Plan, inventory: Inventory | undefined): Set<string> | undefined {
  if (inventory) {
    const sites = new Map(inventory.sites.map((s) => [s.id, s]));
    return new Set(inventory.servers.filter((s) => isStandaloneServer(s, sites.get(s.site))).map((s) => s.id));
  }
  if (plan.servers.some((s) => s.standalone === undefined)) return undefined;
  return new Set(plan.servers.filter((s) => s.standalone).map((s) => s.id));
}

/** The report's tables: indicators first, then sections I–VI. */
export function reportTables(input: ExportInput, period: Period): Table[] {
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
  for (const c of plan.deadline.criticalChain) t5rows.push([L.riskChain, c.subject, text(plan, lang, c.message)]);
  for (const v of byRuleThenSubject(plan.violations)) t5rows.push([L.riskViolation, v.subject, text(plan, lang, v.message)]);
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
    title: `${L.reportSection6} (${L.periodLabel(next.year, next.half)})`,
    columns: [
      { key: "kind", header: L.kind, type: "text", width: 30 },
      { key: "subject", header: L.subject, type: "text", width: 40 },
      { key: "date", header: L.date, type: "date", width: 12 },
      { key: "details", header: L.notes, type: "text", width: 70 },
    ],
    rows: t6rows,
  };

  // Indicators: done / planned / total in the period.
  const split = (done: readonly boolean[]): [number, number, number] => {
    const n = done.filter((d) => d).length;
    return [n, done.length - n, done.length];
  };
  const indicator = (n: string, label: string, unit: string, counts: [number, number, number] | [null, null, number]): CellValue[] => [n, label, unit, ...counts];
  const storage = decommissioned.filter((s) => s.kind === "storage");
  const indicators: Table = {
    id: "indicators",
    title: `${L.reportPeriod}: ${L.periodLabel(period.year, period.half)}`,
    columns: [
      { key: "no", header: "STT", type: "text", width: 6 },
      { key: "indicator", header: L.indicator, type: "text", width: 56 },
      { key: "unit", header: L.unit, type: "text", width: 12 },
      { key: "done", header: L.reportStatusDone, type: "int", width: 14 },
      { key: "planned", header: L.reportStatusPlanned, type: "int", width: 14 },
      { key: "total", header: L.reportCount, type: "int", width: 12 },
    ],
    rows: [
      indicator("1", L.reportConsolidated, L.unitServers, split(moved.map((s) => serverMovedDone(facts, s)))),
      indicator("2", L.reportDecommissioned, L.unitServers, split(decommissioned.map((s) => decommissionDone(facts, s)))),
      indicator("2.1", L.reportStorage, L.unitServers, split(storage.map((s) => decommissionDone(facts, s)))),
      indicator("3", L.reportMovedShared, L.unitSystems, split(shared.map((s) => movedDone(facts, s)))),
      indicator("4", L.reportConnected, L.unitSystems, [null, null, t3rows.length]),
      indicator("5", L.reportStandalone, L.unitServers, [null, null, standalone ? remainingStandalone.length : plan.summary.standaloneServersRemaining]),
      indicator("6", L.lateSystems, L.unitSystems, [null, null, plan.deadline.late.length]),
      ...costIndicatorRows(plan, lang, period.from, period.to, 7),
    ],
  };
  return [indicators, t1, t2, t3, t4, t5, t6, progressTable(input, period, progressLabels(lang).reportAnnex)];
}

const REPORT_SHEETS: Record<string, string> = {
  indicators: "Report",
  consolidated: "I Servers",
  "shared-platform": "II Shared platform",
  "national-platforms": "III NDXP-NDOP",
  standalone: "IV Stand-alone",
  problems: "V Problems",
  "next-period": "VI Next period",
  progress: "Progress",
};

/** Renders the semi-annual report for `period` as HTML (NFC) and XLSX. */
export async function renderReport(input: ExportInput, period: Period): Promise<{ html: string; xlsx: Uint8Array }> {
  const tables = reportTables(input, period);
  const html = reportHtml(input, period, tables);
  const xlsx = await tablesToXlsx(tables, { lang: input.lang, date: input.plan.asOf, title: labels(input.lang).reportTitle(period.id), sheetName: (t) => REPORT_SHEETS[t.id] ?? t.title });
  return { html, xlsx };
}

function reportHtml(input: ExportInput, period: Period, tables: readonly Table[]): string {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const title = L.reportTitle(L.periodLabel(period.year, period.half));
  const [indicators, ...sections] = tables;
  const body = sections.map((t) => sectionHtml(t.id, t.title, t.rows.length === 0 ? `<p>${esc(L.reportNoItems)}</p>` : tableHtml(t, lang, { rowHeader: 0, hideCaption: true }))).join("\n");
  const standaloneNote = standaloneIds(plan, input.inventory) ? "" : `<p class="sub">${esc(L.reportNeedsInventory)}</p>`;
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
${sectionHtml("indicators", indicators.title, `${tableHtml(indicators, lang, { rowHeader: 1, hideCaption: true })}\n${progressNote}\n${standaloneNote}`)}
${body}
</main>`,
  });
}
