// What the exports may call *done*: only what the progress file records, as the plan carries it
// (done waves with their done and failed systems, system and server history; see docs/progress.md).
// Everything else in a plan is *planned*, whatever its date. `recordedOf` reads those facts back
// from a plan; `sameFacts` tells whether a progress file's facts are the ones a plan was made from
// (`dcplan export --progress FILE` refuses a plan made from other facts).
import type { Plan, PlanServer, PlanSystem } from "../plan-schema.js";
import type { ProgressFacts } from "../progress/facts.js";

/** The facts a plan carries, looked up the way the exports need them. */
export interface Recorded {
  /** Something was recorded (a plan made without a progress file, or from an empty one, has nothing). */
  readonly any: boolean;
  /** The latest date recorded. */
  readonly lastRecorded?: string;
  /** Done cutovers, in date order: wave number, window, done and failed systems. */
  readonly cutovers: readonly { readonly wave: number; readonly start: string; readonly end: string; readonly done: readonly string[]; readonly failed: readonly string[] }[];
  /** Day each system moved for good (the end of its done wave). */
  readonly doneOn: ReadonlyMap<string, string>;
  /** Recorded failures of each system, oldest first. */
  readonly failures: ReadonlyMap<string, readonly { readonly wave: number; readonly date: string; readonly reason?: string }[]>;
  /** Day each system was recorded switched off. */
  readonly retiredOn: ReadonlyMap<string, string>;
  /** Day each server was recorded decommissioned. */
  readonly decommissionedOn: ReadonlyMap<string, string>;
  /** Day each server was recorded moved to the target site. */
  readonly relocatedOn: ReadonlyMap<string, string>;
}

const CACHE = new WeakMap<Plan, Recorded>();

/** The facts of `plan` (cached per plan object). */
export function recordedOf(plan: Plan): Recorded {
  const cached = CACHE.get(plan);
  if (cached) return cached;
  const cutovers = plan.waves
    .filter((w) => w.status === "done")
    .map((w) => ({ wave: w.number, start: w.start, end: w.end, done: [...w.systems].sort(), failed: [...(w.failed ?? [])].sort() }));
  const doneOn = new Map<string, string>();
  for (const c of cutovers) for (const id of c.done) doneOn.set(id, c.end);
  const failures = new Map<string, { wave: number; date: string; reason?: string }[]>();
  const retiredOn = new Map<string, string>();
  for (const s of plan.systems) {
    for (const h of s.history ?? []) {
      if (h.event === "failed") (failures.get(s.id) ?? failures.set(s.id, []).get(s.id)!).push({ wave: h.wave!, date: h.date, ...(h.reason !== undefined ? { reason: h.reason } : {}) });
      if (h.event === "retired") retiredOn.set(s.id, h.date);
    }
  }
  const decommissionedOn = new Map<string, string>();
  const relocatedOn = new Map<string, string>();
  for (const s of plan.servers) {
    for (const h of s.history ?? []) (h.event === "decommissioned" ? decommissionedOn : relocatedOn).set(s.id, h.date);
  }
  const any = cutovers.length + retiredOn.size + decommissionedOn.size + relocatedOn.size > 0;
  const r: Recorded = { any, ...(plan.progress?.lastRecorded !== undefined ? { lastRecorded: plan.progress.lastRecorded } : {}), cutovers, doneOn, failures, retiredOn, decommissionedOn, relocatedOn };
  CACHE.set(plan, r);
  return r;
}

/** Whether a system's move is a recorded fact. */
export function movedDone(r: Recorded, s: PlanSystem): boolean {
  return r.doneOn.has(s.id);
}

/**
 * Whether a server's move to the target site (fate reuse or relocate) is a recorded fact: recorded
 * relocated, or every system on it moved in a done wave.
 */
export function serverMovedDone(r: Recorded, s: PlanServer): boolean {
  if (r.relocatedOn.has(s.id)) return true;
  return s.systems.length > 0 && s.systems.every((id) => r.doneOn.has(id));
}

/** Whether a server's decommissioning is a recorded fact. */
export function decommissionDone(r: Recorded, s: PlanServer): boolean {
  return r.decommissionedOn.has(s.id);
}

/** Whether the facts of a progress file are exactly those `plan` was made from. */
export function sameFacts(plan: Plan, facts: ProgressFacts): boolean {
  const r = recordedOf(plan);
  const mine = facts.cutovers.map((c) => ({ start: c.start, end: c.end, done: [...c.done], failed: c.failed.map((f) => f.system) }));
  const theirs = r.cutovers.map((c) => ({ start: c.start, end: c.end, done: [...c.done], failed: [...c.failed] }));
  const sorted = (m: ReadonlyMap<string, string>): string => JSON.stringify([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return (
    JSON.stringify(mine) === JSON.stringify(theirs) &&
    sorted(facts.retired) === sorted(r.retiredOn) &&
    sorted(facts.decommissioned) === sorted(r.decommissionedOn) &&
    sorted(facts.relocated) === sorted(r.relocatedOn)
  );
}
