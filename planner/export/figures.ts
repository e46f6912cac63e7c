// The headline figures leadership reads first, computed once from the plan so every export (HTML,
// XLSX, Markdown, report) and the browser test show the same numbers. Footprints come from the
// plan's summary (they need the inventory's power and rack data); counts come from the lists.
import type { Disposition } from "../../inventory/schema.js";
import type { Plan } from "../plan-schema.js";
import { DISPOSITION_ORDER, dispositionLabel, formatDate, formatNumber, formatPercent, type Lang, labels } from "./i18n.js";

/** The headline figures of a plan, raw (unformatted). */
export interface HeadlineFigures {
  readonly serversBefore: number;
  readonly serversAfter: number;
  readonly physicalBefore: number;
  readonly physicalAfter: number;
  readonly racksBefore: number;
  readonly racksAfter: number;
  /** Rack units freed (U). */
  readonly rackUnitsSaved: number;
  /** Power saved, kW. */
  readonly powerSavedKw: number;
  /** Energy saved, kWh per year. */
  readonly kwhPerYear: number;
  readonly systemsTotal: number;
  /** Systems per disposition, in DISPOSITION_ORDER, zeros included. */
  readonly systemsByDisposition: readonly (readonly [Disposition, number])[];
  /** Share 0–1 of running systems on the shared platform after the merger. */
  readonly sharedPlatformShare: number;
  readonly deadline: string;
  readonly deadlineMet: boolean;
  readonly projectedCompletion?: string;
  readonly lateSystems: number;
  readonly waves: number;
  readonly serversDecommissioned: number;
  readonly standaloneRemaining: number;
  readonly unscheduled: number;
  readonly violations: number;
}

/** Computes the headline figures of a plan. */
export function headlineFigures(plan: Plan): HeadlineFigures {
  const counts = new Map<Disposition, number>(DISPOSITION_ORDER.map((d) => [d, 0]));
  for (const s of plan.systems) counts.set(s.disposition, (counts.get(s.disposition) ?? 0) + 1);
  const s = plan.summary;
  return {
    serversBefore: s.before.servers,
    serversAfter: s.after.servers,
    physicalBefore: s.before.physicalServers,
    physicalAfter: s.after.physicalServers,
    racksBefore: s.before.racks,
    racksAfter: s.after.racks,
    rackUnitsSaved: s.savings.rackUnits,
    powerSavedKw: s.savings.watts / 1000,
    kwhPerYear: s.savings.kwhPerYear,
    systemsTotal: plan.systems.length,
    systemsByDisposition: DISPOSITION_ORDER.map((d) => [d, counts.get(d) ?? 0] as const),
    sharedPlatformShare: s.sharedPlatformShare,
    deadline: plan.deadline.date,
    deadlineMet: plan.deadline.met,
    projectedCompletion: plan.deadline.projectedCompletion,
    lateSystems: plan.deadline.late.length,
    waves: plan.waves.length,
    serversDecommissioned: plan.servers.filter((x) => x.fate === "decommission").length,
    standaloneRemaining: s.standaloneServersRemaining,
    unscheduled: plan.unscheduled.length,
    violations: plan.violations.length,
  };
}

/** What kind of value a figure is, so XLSX can write a typed cell. */
export type FigureType = "int" | "number" | "percent" | "date" | "text";

/** One figure ready to print: a stable key (used as `data-figure` in HTML), label, display text, raw value. */
export interface FigureItem {
  readonly key: string;
  readonly label: string;
  /** The text shown to people, formatted for the language. */
  readonly text: string;
  /** The value behind it (ISO date for dates; the "after" value for before → after pairs). */
  readonly value: number | string;
  readonly type: FigureType;
  readonly unit: string;
  /** True for figures that signal a problem (shown in red). */
  readonly bad?: boolean;
  /** For before → after figures: the "before" value and the label without "(before → after)". */
  readonly pair?: { readonly before: number; readonly label: string };
}

/** The headline figures as printable items, in display order. */
export function figureItems(f: HeadlineFigures, lang: Lang): FigureItem[] {
  const L = labels(lang);
  const n = (x: number, digits = 0) => formatNumber(x, lang, digits);
  const arrow = (a: number, b: number) => `${n(a)} → ${n(b)}`;
  const items: FigureItem[] = [
    {
      key: "deadline-verdict",
      label: L.deadlineVerdict,
      text: f.deadlineMet ? L.met : L.notMet,
      value: f.deadlineMet ? L.met : L.notMet,
      type: "text",
      unit: `${L.deadline.toLowerCase()} ${formatDate(f.deadline, lang)}`,
      bad: !f.deadlineMet,
    },
    {
      key: "projected-completion",
      label: L.projectedCompletion,
      text: f.projectedCompletion ? formatDate(f.projectedCompletion, lang) : L.unknown,
      value: f.projectedCompletion ?? "",
      type: f.projectedCompletion ? "date" : "text",
      unit: "",
      bad: !f.deadlineMet,
    },
    { key: "late-systems", label: L.lateSystems, text: n(f.lateSystems), value: f.lateSystems, type: "int", unit: L.unitSystems, bad: f.lateSystems > 0 },
    { key: "waves", label: L.waveCount, text: n(f.waves), value: f.waves, type: "int", unit: "" },
    { key: "servers", label: L.serversBeforeAfter, text: arrow(f.serversBefore, f.serversAfter), value: f.serversAfter, type: "int", unit: L.unitServers, pair: { before: f.serversBefore, label: L.servers } },
    { key: "physical-servers", label: L.physicalBeforeAfter, text: arrow(f.physicalBefore, f.physicalAfter), value: f.physicalAfter, type: "int", unit: L.unitServers, pair: { before: f.physicalBefore, label: L.physicalServers } },
    { key: "racks", label: L.racksBeforeAfter, text: arrow(f.racksBefore, f.racksAfter), value: f.racksAfter, type: "number", unit: L.unitRacks, pair: { before: f.racksBefore, label: L.racks } },
    { key: "rack-units-saved", label: L.rackUnitsSaved, text: n(f.rackUnitsSaved), value: f.rackUnitsSaved, type: "number", unit: L.unitU },
    { key: "power-saved", label: L.powerSaved, text: n(f.powerSavedKw, 1), value: round(f.powerSavedKw, 1), type: "number", unit: L.unitKw },
    { key: "energy-saved", label: L.energySaved, text: n(f.kwhPerYear), value: Math.round(f.kwhPerYear), type: "int", unit: L.unitKwhYear },
    { key: "decommissioned", label: L.decommissionedServers, text: n(f.serversDecommissioned), value: f.serversDecommissioned, type: "int", unit: L.unitServers },
    { key: "shared-share", label: L.sharedShare, text: formatPercent(f.sharedPlatformShare, lang), value: f.sharedPlatformShare, type: "percent", unit: "" },
    { key: "systems", label: L.systemsTotal, text: n(f.systemsTotal), value: f.systemsTotal, type: "int", unit: L.unitSystems },
    ...f.systemsByDisposition.map(([d, c]): FigureItem => ({ key: `disposition-${d}`, label: `${L.byDisposition}: ${dispositionLabel(d, lang)}`, text: n(c), value: c, type: "int", unit: L.unitSystems })),
    { key: "standalone-remaining", label: L.standaloneRemaining, text: n(f.standaloneRemaining), value: f.standaloneRemaining, type: "int", unit: L.unitServers },
    { key: "unscheduled", label: L.unscheduledCount, text: n(f.unscheduled), value: f.unscheduled, type: "int", unit: L.unitSystems, bad: f.unscheduled > 0 },
    { key: "violations", label: L.violationCount, text: n(f.violations), value: f.violations, type: "int", unit: "", bad: f.violations > 0 },
  ];
  return items;
}

/** The plain-words deadline verdict (met / not met, projected completion, number of late systems). */
export function verdictText(f: HeadlineFigures, lang: Lang): string {
  const L = labels(lang);
  const deadline = formatDate(f.deadline, lang);
  if (f.deadlineMet) return f.projectedCompletion ? L.verdictMet(deadline, formatDate(f.projectedCompletion, lang)) : L.verdictMetNoWaves(deadline);
  return L.verdictNotMet(deadline, f.projectedCompletion ? formatDate(f.projectedCompletion, lang) : undefined, f.lateSystems);
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
