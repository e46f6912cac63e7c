// The figures of the consolidation report (report.ts), one measure per indicator the provincial
// letter asks for (seed 003: merge the 2 integration centres into 1, connect the survivors to the
// National Data Centre and NDXP/NDOP, centralised backup, security monitoring linked to the
// national platform, stand-alone servers removed, each agency's server plan sent), computed from
// the plan for a period. Each measure returns its values (at the start of the period, done and
// planned in it, at its end) and the trace: the systems, servers, centres, connections or
// agencies behind the figure, so the XLSX can show what every number is made of.
//
// "Done" is only what the progress file records, as the plan made from it carries it (recorded.ts:
// systems moved in done waves, servers recorded decommissioned or moved, a server whose systems all
// moved in done waves); everything else in the period is "planned", whatever its date. States at the
// start and end of a period (centres in operation, backup coverage, monitoring centres) follow the
// plan. Money (funding, savings) is split by date as the cost model does (docs/cost.md).
import type { Inventory } from "../../inventory/schema.js";
import { costInPeriod } from "../cost/index.js";
import type { Plan, PlanServer, PlanSystem } from "../plan-schema.js";
import { isStandaloneServer } from "../summary.js";
import { formatDate, type Lang, labels } from "./i18n.js";
import { decommissionDone, movedDone, recordedOf, serverMovedDone } from "./recorded.js";
import { cmp, namesOf, waveEnds } from "./tables.js";

/** A reporting period: a half-year or a year. */
export interface Period {
  /** `YYYY-H1`, `YYYY-H2` or `YYYY`. */
  readonly id: string;
  readonly year: number;
  /** 1 or 2 for a half-year; absent for a year. */
  readonly half?: 1 | 2;
  /** First day, ISO. */
  readonly from: string;
  /** Last day, ISO. */
  readonly to: string;
}

/** The measures an indicator row can show (the `measure` of a row of appendix-01.json). */
export const MEASURES = [
  "integration-centres",
  "merger-complete",
  "servers-consolidated",
  "servers-decommissioned",
  "storage-decommissioned",
  "systems-shared-platform",
  "national-connections",
  "national-milestones",
  "backup-coverage",
  "security-monitoring-centres",
  "security-monitoring-national",
  "standalone-remaining",
  "agency-server-plans",
  "late-systems",
  "funding",
  "savings",
] as const;
export type MeasureId = (typeof MEASURES)[number];

/** One item behind a figure. */
export interface TraceRow {
  readonly kind: "system" | "server" | "centre" | "connection" | "agency";
  /** Its id (a technical column). */
  readonly id: string;
  /** Its name as people read it. */
  readonly name: string;
  /** The day that counts for it, ISO, if any. */
  readonly date?: string;
  /** Done or planned in the period, or a state ("covered", "not covered"…). */
  readonly status: string;
  /** Counted in the figure (false: shown for context, e.g. a system not covered by backup). */
  readonly counted: boolean;
  readonly note?: string;
}

/** The value of a measure in a period. Numbers are counts unless `percent`. */
export interface MeasureValue {
  readonly start: number | null;
  readonly done: number | null;
  readonly planned: number | null;
  /** At the end of the period (a stock), or the total in it (a flow); a text for a state. */
  readonly end: number | string | null;
  /** The values are shares 0–1. */
  readonly percent?: boolean;
  readonly note: string;
  readonly trace: readonly TraceRow[];
}

/** What the measures read. */
export interface MeasureInput {
  readonly plan: Plan;
  readonly lang: Lang;
  readonly inventory?: Inventory;
}

const inPeriod = (iso: string | undefined, p: Period): iso is string => iso !== undefined && iso >= p.from && iso <= p.to;
const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Where a system runs at the end of day `iso`: its site until it moves or is switched off, then its target site; undefined once gone. */
export function siteOn(s: PlanSystem, iso: string, waveEnd: ReadonlyMap<number, string>): string | undefined {
  if (s.disposition === "retire") return s.retireOn !== undefined && s.retireOn <= iso ? undefined : s.site;
  if (s.wave === undefined) return s.disposition === "retain" ? (s.targetSite ?? s.site) : s.site;
  const end = waveEnd.get(s.wave);
  if (end === undefined || end > iso) return s.site;
  return s.disposition === "consolidate" ? undefined : (s.targetSite ?? s.site);
}

/** Data integration centres of the plan: the sites holding servers that are not stand-alone (or every site holding servers, for a plan without stand-alone flags). */
export function integrationCentres(plan: Plan, inventory?: Inventory): string[] {
  if (inventory) return inventory.sites.filter((s) => s.kind === "datacenter").map((s) => s.id).sort(cmp);
  const withFlags = plan.servers.every((s) => s.standalone !== undefined);
  const ids = new Set(plan.servers.filter((s) => !withFlags || s.standalone === false).map((s) => s.site));
  ids.add(plan.targetSite);
  return [...ids].sort(cmp);
}

/** The externals that are national platforms or databases (NDXP, NDOP, the National Data Centre, national databases). */
export function nationalExternals(plan: Plan): Set<string> {
  return new Set(plan.externals.filter((e) => /ndxp|ndop|quốc gia|national/i.test(`${e.id} ${e.name}`)).map((e) => e.id));
}

/** The national cybersecurity operations platform(s) among the externals. */
function cyberPlatforms(plan: Plan): Set<string> {
  return new Set(plan.externals.filter((e) => /an ninh mạng|cyber/i.test(e.name)).map((e) => e.id));
}

/** Servers counted as stand-alone: from the inventory when given, else the plan's flags; undefined for an older plan without them. */
export function standaloneIds(plan: Plan, inventory: Inventory | undefined): Set<string> | undefined {
  if (inventory) {
    const sites = new Map(inventory.sites.map((s) => [s.id, s]));
    return new Set(inventory.servers.filter((s) => isStandaloneServer(s, sites.get(s.site))).map((s) => s.id));
  }
  if (plan.servers.some((s) => s.standalone === undefined)) return undefined;
  return new Set(plan.servers.filter((s) => s.standalone).map((s) => s.id));
}

/** Inventory key on an agency holding the day its server plan reached the Department of Science and Technology. */
export const SERVER_PLAN_RECEIVED = "x-server-plan-received";

/** Computes measure `id` for `period`; undefined when the plan has no data for it (a plan without a cost has no funding row). */
export function measure(id: MeasureId, input: MeasureInput, period: Period): MeasureValue | undefined {
  const { plan, lang, inventory } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const waveEnd = waveEnds(plan);
  // done only when the progress file records it (recorded.ts), planned otherwise
  const facts = recordedOf(plan);
  const status = (done: boolean) => (done ? L.reportStatusDone : L.reportStatusPlanned);
  const split = (rows: readonly TraceRow[]): Pick<MeasureValue, "done" | "planned" | "end"> => {
    const counted = rows.filter((r) => r.counted);
    const done = counted.filter((r) => r.status === L.reportStatusDone).length;
    return { done, planned: counted.length - done, end: counted.length };
  };
  const serverRow = (s: PlanServer, date: string, done: boolean): TraceRow => ({ kind: "server", id: s.id, name: s.id, date, status: status(done), counted: true, note: `${names.agency(s.owner)}${s.owner ? " · " : ""}${names.site(s.site)}` });
  const start = dayBefore(period.from);
  const running = (iso: string) => plan.systems.filter((s) => siteOn(s, iso, waveEnd) !== undefined && s.platform !== "saas");

  switch (id) {
    case "integration-centres": {
      const centres = integrationCentres(plan, inventory);
      const runsAt = (iso: string) => new Set(running(iso).map((s) => siteOn(s, iso, waveEnd)!));
      const atStart = runsAt(start);
      const atEnd = runsAt(period.to);
      const trace = centres.map((c): TraceRow => {
        const open = c === plan.targetSite || atEnd.has(c);
        const staying = running(period.to).filter((s) => siteOn(s, period.to, waveEnd) === c);
        const note = c === plan.targetSite ? L.reportSurvivingCentre : open ? L.reportCentreStillRuns(staying.length, staying.slice(0, 3).map((s) => s.name)) : L.reportCentreEmptied;
        return { kind: "centre", id: c, name: names.site(c), status: open ? L.reportOpen : L.reportClosed, counted: open, note };
      });
      const count = (set: Set<string>) => centres.filter((c) => c === plan.targetSite || set.has(c)).length;
      return { start: count(atStart), done: null, planned: null, end: count(atEnd), note: L.reportCentresBefore(centres.length), trace };
    }
    case "merger-complete": {
      const d = plan.deadline;
      const done = d.projectedCompletion;
      const complete = done !== undefined && plan.unscheduled.length === 0 && done <= period.to;
      // complete as a fact only when every wave is recorded done
      const recorded = plan.waves.length > 0 && plan.waves.every((w) => w.status === "done");
      const text = complete ? (recorded ? L.reportMergerDone(formatDate(done, lang)) : L.reportMergerPlanned(formatDate(done, lang))) : L.reportMergerNotDone(done ? formatDate(done, lang) : undefined);
      const trace: TraceRow[] = complete
        ? []
        : plan.systems
            .filter((s) => d.late.includes(s.id) || (s.wave !== undefined && (waveEnd.get(s.wave) ?? "") > period.to))
            .sort((a, b) => cmp(a.id, b.id))
            .map((s) => ({ kind: "system", id: s.id, name: s.name, date: s.wave !== undefined ? waveEnd.get(s.wave) : undefined, status: s.wave !== undefined ? L.waveN(s.wave) : L.riskUnscheduled, counted: true }));
      return { start: null, done: null, planned: null, end: text, note: `${L.deadline} ${formatDate(d.date, lang)}`, trace };
    }
    case "servers-consolidated": {
      const rows = plan.servers.filter((s) => (s.fate === "reuse" || s.fate === "relocate") && inPeriod(s.freedOn, period)).sort((a, b) => cmp(a.freedOn!, b.freedOn!) || cmp(a.id, b.id)).map((s) => serverRow(s, s.freedOn!, serverMovedDone(facts, s)));
      return { start: null, ...split(rows), note: "", trace: rows };
    }
    case "servers-decommissioned":
    case "storage-decommissioned": {
      const rows = plan.servers
        .filter((s) => inPeriod(s.decommissionOn, period) && (id === "servers-decommissioned" || s.kind === "storage"))
        .sort((a, b) => cmp(a.decommissionOn!, b.decommissionOn!) || cmp(a.id, b.id))
        .map((s) => serverRow(s, s.decommissionOn!, decommissionDone(facts, s)));
      return { start: null, ...split(rows), note: "", trace: rows };
    }
    case "systems-shared-platform": {
      const rows = plan.systems
        .filter((s) => s.platform === "shared-kubernetes" && s.wave !== undefined && inPeriod(waveEnd.get(s.wave), period))
        .sort((a, b) => cmp(waveEnd.get(a.wave!)!, waveEnd.get(b.wave!)!) || cmp(a.id, b.id))
        .map((s): TraceRow => ({ kind: "system", id: s.id, name: s.name, date: waveEnd.get(s.wave!)!, status: status(movedDone(facts, s)), counted: true, note: names.agency(s.owner) }));
      return { start: null, ...split(rows), note: "", trace: rows };
    }
    case "national-connections": {
      const national = nationalExternals(plan);
      const pairs = (iso: string) => running(iso).filter((s) => siteOn(s, iso, waveEnd) === plan.targetSite).flatMap((s) => s.externals.filter((e) => national.has(e)).map((e) => ({ s, e })));
      const atEnd = pairs(period.to).sort((a, b) => cmp(a.s.id, b.s.id) || cmp(a.e, b.e));
      const arrived = (s: PlanSystem) => (s.wave !== undefined ? waveEnd.get(s.wave) : undefined);
      // a connection moves with its system: done or planned in the period when the system arrives in it
      const trace = atEnd.map(({ s, e }): TraceRow => {
        const date = arrived(s);
        const moved = date !== undefined && inPeriod(date, period);
        return { kind: "connection", id: `${s.id} → ${e}`, name: `${s.name} → ${names.external(e)}`, date, status: moved ? status(movedDone(facts, s)) : L.reportBeforePeriod, counted: true };
      });
      const done = trace.filter((r) => r.status === L.reportStatusDone).length;
      const planned = trace.filter((r) => r.status === L.reportStatusPlanned).length;
      return { start: pairs(start).length, done, planned, end: trace.length, note: L.reportNationalNote, trace };
    }
    case "national-milestones": {
      // the merged centre's integration platforms connected to the national data platforms: the
      // plan's 2026 milestones (deadline.nationalConnections); absent from plans made before them
      const milestones = plan.deadline.nationalConnections;
      if (!milestones) return undefined;
      const byId = new Map(plan.systems.map((s) => [s.id, s]));
      const trace = [...milestones]
        .sort((a, b) => cmp(a.system, b.system))
        .map((c): TraceRow => {
          const before = c.on !== undefined && c.on < period.from;
          const inside = inPeriod(c.on, period);
          // reached in the period: done when the moves it waits for (its platform's, and those of the
          // platforms merged into it) are recorded; one that needed no move is in place already
          const moves = [c.system, ...c.takesOver].map((id) => byId.get(id)).filter((s): s is PlanSystem => s !== undefined && s.wave !== undefined);
          const done = inside && moves.every((s) => movedDone(facts, s));
          const state = c.on === undefined || c.on > period.to ? L.milestoneNotReached : before ? L.reportBeforePeriod : status(done);
          return { kind: "connection", id: `${c.system} → ${c.externals.join(", ")}`, name: `${names.system(c.system)} → ${c.externals.map((e) => names.external(e)).join("; ")}`, date: c.on, status: state, counted: c.on !== undefined && c.on <= period.to, note: `${L.dueDate} ${formatDate(c.due, lang)}${c.on !== undefined && !c.met ? ` · ${L.milestoneLate}` : ""}` };
        });
      const startCount = milestones.filter((c) => c.on !== undefined && c.on < period.from).length;
      const done = trace.filter((r) => r.status === L.reportStatusDone).length;
      const planned = trace.filter((r) => r.status === L.reportStatusPlanned).length;
      const end = trace.filter((r) => r.counted).length;
      return { start: startCount, done, planned, end, note: L.reportMilestones(end, milestones.length, formatDate(plan.deadline.date, lang)), trace };
    }
    case "backup-coverage":
    case "security-monitoring-centres":
    case "security-monitoring-national": {
      if (id === "backup-coverage") {
        // Covered: running at the surviving site, whose centralised backup protects it (Velero for the shared
        // platform's namespaces, the centre's backup system for virtual and physical servers); systems
        // still running anywhere else are not.
        const covered = (s: PlanSystem, iso: string) => siteOn(s, iso, waveEnd) === plan.targetSite;
        const share = (iso: string) => {
          const all = running(iso);
          return all.length === 0 ? 0 : all.filter((s) => covered(s, iso)).length / all.length;
        };
        const all = running(period.to).sort((a, b) => cmp(a.id, b.id));
        const trace = all.map((s): TraceRow => ({ kind: "system", id: s.id, name: s.name, status: covered(s, period.to) ? L.reportCovered : L.reportNotCovered, counted: covered(s, period.to), note: names.site(siteOn(s, period.to, waveEnd)) }));
        const n = trace.filter((r) => r.counted).length;
        return { start: share(start), done: null, planned: null, end: share(period.to), percent: true, note: L.reportOfSystems(n, all.length), trace };
      }
      const socs = (iso: string) => running(iso).filter((s) => s.function === "security-monitoring");
      if (id === "security-monitoring-centres") {
        const atEnd = socs(period.to);
        const ever = plan.systems.filter((s) => s.function === "security-monitoring").sort((a, b) => cmp(a.id, b.id));
        const trace = ever.map((s): TraceRow => {
          const on = atEnd.includes(s);
          const date = s.wave !== undefined ? waveEnd.get(s.wave) : s.retireOn;
          return { kind: "system", id: s.id, name: s.name, date: on ? undefined : date, status: on ? L.reportOpen : L.reportClosed, counted: on, note: names.site(siteOn(s, period.to, waveEnd) ?? s.site) };
        });
        return { start: socs(start).length, done: null, planned: null, end: atEnd.length, note: "", trace };
      }
      const cyber = cyberPlatforms(plan);
      const atEnd = socs(period.to).sort((a, b) => cmp(a.id, b.id));
      const trace = atEnd.map((s): TraceRow => {
        const linked = s.externals.filter((e) => cyber.has(e));
        return { kind: "system", id: s.id, name: s.name, status: linked.length > 0 ? L.reportLinked : L.reportNotLinked, counted: linked.length > 0, note: linked.map((e) => names.external(e)).join("; ") };
      });
      return { start: null, done: null, planned: null, end: trace.filter((r) => r.counted).length, note: L.reportOfSystems(trace.filter((r) => r.counted).length, atEnd.length), trace };
    }
    case "standalone-remaining": {
      const standalone = standaloneIds(plan, inventory);
      if (!standalone) return { start: null, done: null, planned: null, end: plan.summary.standaloneServersRemaining, note: L.reportNeedsInventory, trace: [] };
      const left = (iso: string) => plan.servers.filter((s) => standalone.has(s.id) && !(s.decommissionOn !== undefined && s.decommissionOn <= iso));
      const trace = left(period.to)
        .sort((a, b) => cmp(a.id, b.id))
        .map((s): TraceRow => ({ kind: "server", id: s.id, name: s.id, date: s.decommissionOn, status: s.decommissionOn ? L.reportDecommissionLater : L.reportKept, counted: true, note: `${names.agency(s.owner)}${s.owner ? " · " : ""}${names.site(s.site)}` }));
      return { start: left(start).length, done: null, planned: null, end: trace.length, note: "", trace };
    }
    case "agency-server-plans": {
      const standalone = standaloneIds(plan, inventory);
      const owing = [...new Set(plan.servers.filter((s) => standalone?.has(s.id) && s.owner !== undefined).map((s) => s.owner!))].sort(cmp);
      if (!inventory) return { start: null, done: null, planned: null, end: null, note: L.reportPlansNeedInventory(owing.length), trace: owing.map((a) => ({ kind: "agency", id: a, name: names.agency(a), status: L.unknown, counted: false })) };
      const received = new Map(inventory.agencies.map((a) => [a.id, (a as Record<string, unknown>)[SERVER_PLAN_RECEIVED]]));
      const trace = owing.map((a): TraceRow => {
        const r = received.get(a);
        const date = typeof r === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r) ? r : r instanceof Date ? r.toISOString().slice(0, 10) : undefined;
        const got = date !== undefined && date <= period.to;
        return { kind: "agency", id: a, name: names.agency(a), date, status: got ? L.reportReceived : L.reportNotReceived, counted: got };
      });
      const n = trace.filter((r) => r.counted).length;
      return { start: null, done: null, planned: null, end: n, note: L.reportOfAgencies(n, owing.length), trace };
    }
    case "funding":
    case "savings": {
      // money in whole đồng, from the plan's cost (planner/cost): spending or savings dated in the period
      if (!plan.cost) return undefined;
      const p = costInPeriod(plan.cost, period.from, period.to, plan.asOf);
      const part = id === "funding" ? p.spending : p.savings;
      return { start: null, done: part.done, planned: part.planned, end: part.done + part.planned, note: "", trace: [] };
    }
    case "late-systems": {
      const trace = [...plan.deadline.late].sort(cmp).map((sid): TraceRow => {
        const s = plan.systems.find((x) => x.id === sid);
        const end = s?.wave !== undefined ? waveEnd.get(s.wave) : undefined;
        return { kind: "system", id: sid, name: names.system(sid), date: end, status: end ? L.riskLate : L.riskUnscheduled, counted: true };
      });
      return { start: null, done: null, planned: null, end: trace.length, note: "", trace };
    }
  }
}
