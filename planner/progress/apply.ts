// What a plan made with a progress file takes from the facts, around the scheduler (which places
// the done waves itself, planner/schedule/done-waves.ts):
//  - decisions: a system recorded done has moved — it keeps the moving disposition the planner
//    gives it, or, where the planner would have kept or retired it (never pinned: the rules refuse
//    that), the disposition its servers call for (relocate, replatform, rehost); a system recorded
//    retired is retired, on its recorded day;
//  - the first planned window: the day after the last recorded cutover at the earliest;
//  - systems: their history (done, failed with the reason, retired) and the reasons that say it;
//  - servers: a recorded decommission or relocation is the server's fate and date, whatever the
//    plan would have said, with its savings when switched off;
//  - the done waves as the plan lists them (status "done", `failed`).
// Pure functions over the planner's working data.
import { getOrMake } from "../../common/maps.js";
import type { InventoryIndex } from "../../inventory/model.js";
import { addDays, maxDate, minDate } from "../dates.js";
import { denseIndex } from "../dense.js";
import { DEFAULT_PUE, kwhPerYear, planServerEntry } from "../decommission.js";
import { isHardwareBound, MOVING, type SystemDecision } from "../dispositions.js";
import type { Message } from "../messages.js";
import type { PlanServer, SystemEvent, Wave } from "../plan-schema.js";
import type { DraftWave } from "../schedule.js";
import type { ProgressFacts } from "./facts.js";
import { PROGRESS_MSG } from "./messages.js";

/**
 * Adjusts `decisions` to the facts (see file header), and `decisionAt` (the same decisions by
 * system position, dispositions.ts) with them when given; returns the recorded retire day of each
 * retired system.
 */
export function applyRecordedDecisions(decisions: Map<string, SystemDecision>, facts: ProgressFacts, index: InventoryIndex, say: (m: Message) => string, decisionAt?: SystemDecision[]): Map<string, string> {
  const decide = (id: string, d: SystemDecision): void => {
    decisions.set(id, d);
    if (decisionAt) decisionAt[denseIndex(index).systemAt.get(id)!] = d;
  };
  for (const id of [...facts.doneIn.keys()].sort()) {
    const d = decisions.get(id);
    if (!d || MOVING.has(d.disposition)) continue;
    const sys = index.systems.get(id)!;
    const now = isHardwareBound(index, sys) ? "relocate" : sys.containerReady ? "replatform" : "rehost";
    decide(id, { disposition: now, reasons: [...d.reasons, say(PROGRESS_MSG.movedAgainstPlan({ planned: d.disposition, now }))], pinned: false });
  }
  const retiredOn = new Map<string, string>();
  for (const [id, on] of [...facts.retired].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const d = decisions.get(id);
    if (!d) continue;
    retiredOn.set(id, on);
    if (d.disposition !== "retire") decide(id, { disposition: "retire", reasons: [say(PROGRESS_MSG.retiredAgainstPlan({ planned: d.disposition }))], pinned: d.pinned });
  }
  return retiredOn;
}

/** First day a planned wave may use: the profile's start, or the day after the last recorded cutover when that is later. */
export function planningStart(startDate: string, facts: ProgressFacts | undefined): string {
  const last = facts?.cutovers.at(-1);
  return last ? maxDate(startDate, addDays(last.end, 1)) : startDate;
}

/** The done waves' systems with their wave (to join the scheduler's waves). */
export function doneWaveOf(waves: readonly DraftWave[]): Map<string, { number: number; start: string; end: string }> {
  const out = new Map<string, { number: number; start: string; end: string }>();
  for (const w of waves) for (const id of w.recorded?.done ?? []) out.set(id, { number: w.number, start: w.window.start, end: w.window.end });
  return out;
}

/** Number of each done wave by its recorded window `start..end`. */
export function doneWaveNumbers(waves: readonly DraftWave[]): Map<string, number> {
  const numberOf = new Map<string, number>();
  for (const w of waves) if (w.recorded) numberOf.set(`${w.window.start}..${w.window.end}`, w.number);
  return numberOf;
}

/** A system's recorded history and the reasons that tell it, given the done waves' numbers (doneWaveNumbers). */
export function recordedHistory(id: string, facts: ProgressFacts, numberOf: ReadonlyMap<string, number>, replanned: boolean, say: (m: Message) => string): { history: SystemEvent[]; reasons: string[] } | undefined {
  if (!facts.failures.has(id) && !facts.doneIn.has(id) && !facts.retired.has(id)) return undefined;
  const events: SystemEvent[] = [];
  const reasons: string[] = [];
  for (const f of facts.failures.get(id) ?? []) {
    const wave = numberOf.get(`${f.cutover.start}..${f.cutover.end}`)!;
    events.push({ date: f.cutover.end, event: "failed", wave, reason: f.reason });
    reasons.push(say(PROGRESS_MSG.failedAttempt({ wave, start: f.cutover.start, end: f.cutover.end, reason: f.reason, replanned: replanned && !facts.doneIn.has(id) })));
  }
  const done = facts.doneIn.get(id);
  if (done) {
    const wave = numberOf.get(`${done.start}..${done.end}`)!;
    events.push({ date: done.end, event: "done", wave });
    reasons.push(say(PROGRESS_MSG.recordedDone({ wave, start: done.start, end: done.end })));
  }
  const retired = facts.retired.get(id);
  if (retired !== undefined) {
    events.push({ date: retired, event: "retired" });
    reasons.push(say(PROGRESS_MSG.recordedRetired({ date: retired })));
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { history: events, reasons };
}

/** A done wave as the plan lists it: its done systems, its failed ones, the servers they left. */
export function doneWaveEntry(w: DraftWave, index: InventoryIndex, target: string, phase: Wave["phase"]): Wave {
  const rec = w.recorded!;
  const failed = rec.failed.map((f) => f.system);
  const servers = new Set<string>();
  for (const id of rec.done) {
    for (const sid of index.systems.get(id)!.servers) {
      const server = index.servers.get(sid);
      if (server && server.site !== target) servers.add(sid);
    }
  }
  const shown = rec.done.length > 0 ? rec.done : failed;
  return {
    number: w.number,
    start: w.window.start,
    end: w.window.end,
    systems: [...rec.done],
    phase,
    status: "done",
    ...(failed.length > 0 ? { failed } : {}),
    dataGiB: w.dataGiB,
    servers: [...servers].sort(),
    maxSecurityLevel: Math.max(...shown.map((id) => index.systems.get(id)!.securityLevel)),
    notes: w.notes,
  };
}

/**
 * Servers with their recorded facts applied: decommissioned on its day (freed on the day its last
 * system left, at the latest that day) with its savings, or relocated to the target on its day.
 */
export function applyServerFacts<S extends PlanServer & { relocateOn?: string }>(servers: S[], facts: ProgressFacts, index: InventoryIndex, target: string, say: (m: Message) => string): S[] {
  if (facts.decommissioned.size === 0 && facts.relocated.size === 0) return servers;
  // One sentence per day, said once (a plan may record thousands of servers switched off on a few days).
  const offReason = new Map<string, string>();
  const movedReason = new Map<string, string>();
  const out = servers.slice();
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    const off = facts.decommissioned.get(s.id);
    const moved = off === undefined ? facts.relocated.get(s.id) : undefined;
    if (off === undefined && moved === undefined) continue;
    // planServerEntry leaves out what is undefined and puts the fields in the contract's order.
    const next: PlanServer & { relocateOn?: string } = { id: s.id, fate: s.fate, site: s.site, kind: s.kind, owner: s.owner, hostedOn: s.hostedOn, systems: s.systems, savings: s.savings, reasons: s.reasons, standalone: s.standalone };
    if (off !== undefined) {
      const reason = getOrMake(offReason, off, () => say(PROGRESS_MSG.serverDecommissioned({ date: off })));
      next.fate = "decommission";
      next.freedOn = s.freedOn !== undefined ? minDate(s.freedOn, off) : off;
      next.decommissionOn = off;
      next.savings = savingsOf(index, s.id);
      next.reasons = [reason];
      next.history = [{ date: off, event: "decommissioned" }];
    } else {
      const reason = getOrMake(movedReason, moved!, () => say(PROGRESS_MSG.serverRelocated({ date: moved!, target })));
      next.fate = "relocate";
      next.freedOn = s.freedOn;
      next.target = s.target;
      next.relocateOn = moved;
      next.targetSite = target;
      next.savings = { watts: 0, kwhPerYear: 0, rackUnits: 0 };
      next.reasons = [reason];
      next.history = [{ date: moved!, event: "relocated" }];
    }
    out[i] = planServerEntry(next) as S;
  }
  return out;
}

/** What switching a server off saves: a physical device's watts, kWh/year at its site's PUE and rack units (the rule of decommission.ts); nothing for a VM. */
function savingsOf(index: InventoryIndex, id: string): PlanServer["savings"] {
  const s = index.servers.get(id)!;
  if (s.kind === "virtual") return { watts: 0, kwhPerYear: 0, rackUnits: 0 };
  const watts = s.powerWatts ?? 0;
  return { watts, kwhPerYear: kwhPerYear(watts, index.sites.get(s.site)?.pue ?? DEFAULT_PUE), rackUnits: s.rackUnits ?? 0 };
}
