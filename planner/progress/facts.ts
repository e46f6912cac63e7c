// The facts of a checked progress file in the form the planner and the reports use: cutover
// windows that took place (one per distinct window with at least one system, entries of the same
// window merged, in date order), each system's state (done in which window, failed when and why,
// retired on which day), and the server facts. Pure: from the valid entries (load.ts) that passed
// the rules (rules.ts).
import type { ProgressEntries } from "./load.js";

/** A cutover window that took place: the planner makes it a done wave. */
export interface RecordedCutover {
  readonly start: string;
  readonly end: string;
  /** Systems moved for good in it, sorted. */
  readonly done: readonly string[];
  /** Systems that failed in it and were rolled back, sorted by system. */
  readonly failed: readonly { readonly system: string; readonly reason: string }[];
}

/** What has happened, as recorded. */
export interface ProgressFacts {
  /** Windows with at least one system, by start then end. */
  readonly cutovers: readonly RecordedCutover[];
  /** The window each system was moved in (the first, when the rules let a later failure through). */
  readonly doneIn: ReadonlyMap<string, RecordedCutover>;
  /** Failed attempts of each system, in date order (systems done later included). */
  readonly failures: ReadonlyMap<string, readonly { readonly cutover: RecordedCutover; readonly reason: string }[]>;
  /** Day each recorded-retired system was switched off. */
  readonly retired: ReadonlyMap<string, string>;
  /** Day each server was decommissioned. */
  readonly decommissioned: ReadonlyMap<string, string>;
  /** Day each server was physically moved to the target site. */
  readonly relocated: ReadonlyMap<string, string>;
  /** The latest date recorded anywhere; undefined when nothing is. */
  readonly lastRecorded?: string;
  /** The earliest date recorded anywhere; undefined when nothing is. */
  readonly firstRecorded?: string;
}

/** No progress recorded (what a plan without --progress starts from). */
export const NO_FACTS: ProgressFacts = { cutovers: [], doneIn: new Map(), failures: new Map(), retired: new Map(), decommissioned: new Map(), relocated: new Map() };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Facts from entries that passed every error rule (see file header). */
export function factsOf(entries: ProgressEntries): ProgressFacts {
  const byWindow = new Map<string, { start: string; end: string; done: Set<string>; failed: Map<string, string> }>();
  let last: string | undefined;
  let first: string | undefined;
  const seen = (d: string | undefined): void => {
    if (d !== undefined && (last === undefined || d > last)) last = d;
    if (d !== undefined && (first === undefined || d < first)) first = d;
  };
  for (const c of entries.cutovers) {
    const start = c.value.start;
    const end = c.value.end ?? start;
    if (c.systems.length === 0) continue;
    const key = `${start}..${end}`;
    const w = byWindow.get(key) ?? byWindow.set(key, { start, end, done: new Set(), failed: new Map() }).get(key)!;
    for (const s of c.systems) {
      if (s.value.result === "done") w.done.add(s.value.system);
      else if (!w.failed.has(s.value.system)) w.failed.set(s.value.system, s.value.reason ?? "");
    }
    seen(start);
    seen(end);
  }
  const cutovers: RecordedCutover[] = [...byWindow.values()]
    .sort((a, b) => cmp(a.start, b.start) || cmp(a.end, b.end))
    .map((w) => ({
      start: w.start,
      end: w.end,
      done: [...w.done].sort(cmp),
      failed: [...w.failed].sort((a, b) => cmp(a[0], b[0])).map(([system, reason]) => ({ system, reason })),
    }));
  const doneIn = new Map<string, RecordedCutover>();
  const failures = new Map<string, { cutover: RecordedCutover; reason: string }[]>();
  for (const c of cutovers) {
    for (const id of c.done) if (!doneIn.has(id)) doneIn.set(id, c);
    for (const f of c.failed) (failures.get(f.system) ?? failures.set(f.system, []).get(f.system)!).push({ cutover: c, reason: f.reason });
  }
  const retired = new Map<string, string>();
  for (const r of entries.retirements) {
    if (!retired.has(r.value.system)) retired.set(r.value.system, r.value.on);
    seen(r.value.on);
  }
  const decommissioned = new Map<string, string>();
  const relocated = new Map<string, string>();
  for (const s of entries.servers) {
    if (s.value.decommissionedOn !== undefined && !decommissioned.has(s.value.server) && !relocated.has(s.value.server)) decommissioned.set(s.value.server, s.value.decommissionedOn);
    if (s.value.relocatedOn !== undefined && !decommissioned.has(s.value.server) && !relocated.has(s.value.server)) relocated.set(s.value.server, s.value.relocatedOn);
    seen(s.value.decommissionedOn ?? s.value.relocatedOn);
  }
  return { cutovers, doneIn, failures, retired, decommissioned, relocated, ...(last !== undefined ? { lastRecorded: last } : {}), ...(first !== undefined ? { firstRecorded: first } : {}) };
}

/** A system's state in the facts: moved, failed and not moved since, retired, or nothing recorded. */
export function recordedState(facts: ProgressFacts, system: string): "done" | "failed" | "retired" | undefined {
  if (facts.doneIn.has(system)) return "done";
  if (facts.retired.has(system)) return "retired";
  if (facts.failures.has(system)) return "failed";
  return undefined;
}

/** The plan's `progress` summary (contract field names first, dcplan's additions after). */
export function progressSummary(facts: ProgressFacts): {
  cutoversDone: number;
  systemsDone: number;
  systemsFailed: number;
  serversDecommissioned: number;
  lastRecorded?: string;
  systemsRetired: number;
  serversRelocated: number;
} {
  let failed = 0;
  for (const id of facts.failures.keys()) if (!facts.doneIn.has(id) && !facts.retired.has(id)) failed++;
  return {
    cutoversDone: facts.cutovers.length,
    systemsDone: facts.doneIn.size,
    systemsFailed: failed,
    serversDecommissioned: facts.decommissioned.size,
    ...(facts.lastRecorded !== undefined ? { lastRecorded: facts.lastRecorded } : {}),
    systemsRetired: facts.retired.size,
    serversRelocated: facts.relocated.size,
  };
}
