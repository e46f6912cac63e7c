// Lever `pins` (deferral): move some systems after the deadline so that every other system finishes
// on time. The deferred systems are pinned `{ system, notBefore: the day after the deadline }`;
// the option does not meet the deadline (they are late, and named) but says what can be finished.
//
// What may be deferred: a move group (scheduling unit) together with everything that depends on it
// — its consumers and the systems consolidated into it, transitively (the unit's successors in the
// scheduler's ordering graph) — so a deferred system is never a dependency of a system that must
// finish. Groups people pinned to a date by the deadline are never deferred.
//
// The search (bounded by the re-plan budget) looks for the fewest systems; where several sets are
// as good, it defers what matters least to citizens (lowest security level, then fewest users):
//   1. Order: candidates (a group with its dependants) by how much of the missing room they free
//      per system deferred — a group too big for one wave frees a whole wave; otherwise its share
//      of the wave limit that binds (systems or data, whichever the moving systems overflow) —,
//      then lowest security level, fewest users, fewest systems, id.
//   2. Take the shortest prefix of that order after which the bound (bounds.ts) says the rest could
//      fit before the deadline, and re-plan; while the re-plan still makes other systems late,
//      defer those too (with their dependants) and re-plan again.
//   3. The systems the plan itself makes late are tried as a deferral too; the smaller of the two
//      sets is kept.
//   4. Each deferred group is brought back in turn, the most important first, when nothing it
//      depends on stays deferred; it stays back if a re-plan still finishes everything else on
//      time. A group of the same shape (systems, data, capacity, level, dependencies) as one that
//      could not come back is not tried again. Within the budget, the result is minimal in that no
//      single deferred group of a new shape can be brought back.
import type { Pin } from "../profile-schema.js";
import type { Unit } from "../schedule.js";
import { wavesNeeded } from "./bounds.js";
import type { Json } from "./merge-patch.js";
import { dayAfter, type Outcome } from "./replan.js";
import type { Found, SearchContext } from "./types.js";

interface Candidate {
  /** Unit indexes: the unit and its dependants. */
  readonly units: readonly number[];
  /** Share of a wave it frees per system deferred. */
  readonly perSystem: number;
  /** Security level, users, systems, id: what matters least first. */
  readonly key: readonly [number, number, number, string];
}

/** The smallest deferral found that finishes every other system on time (see file header). */
export function searchDeferral(ctx: SearchContext): Found | undefined {
  const { index } = ctx.replanner.input.planner;
  const units = ctx.base.schedule.units;
  const { maxSystems, maxDataGiB, deadline } = ctx.profile;
  const notBefore = dayAfter(deadline);
  const windows = ctx.cutover.windows;
  if (windows === 0) return undefined;
  const users = (u: Unit): number => u.systems.reduce((n, s) => n + (index.systems.get(s)?.users ?? 0), 0);
  const alone = (u: Unit): boolean => u.systems.length > maxSystems || u.dataGiB > maxDataGiB;

  // Which wave limits the moving systems overflow (the room a deferral must free).
  let sys = 0;
  let data = 0;
  let big = 0;
  for (const u of units) {
    if (alone(u)) big++;
    else {
      sys += u.systems.length;
      data += u.dataGiB;
    }
  }
  const room = Math.max(0, windows - big);
  const sysBinds = sys > room * maxSystems;
  const dataBinds = data > room * maxDataGiB;

  // 1. Candidates, best first.
  const candidates: Candidate[] = [];
  for (const u of units) {
    const closure = dependantsOf(units, u.index);
    if (closure.some((i) => units[i].pinDate !== undefined && units[i].pinDate! <= deadline)) continue;
    let frees = 0;
    let systems = 0;
    for (const i of closure) {
      const c = units[i];
      systems += c.systems.length;
      if (alone(c)) frees += 1;
      else frees += Math.max(sysBinds ? c.systems.length / maxSystems : 0, dataBinds ? c.dataGiB / maxDataGiB : 0);
    }
    const level = Math.max(...closure.map((i) => units[i].maxSecurityLevel));
    candidates.push({ units: closure, perSystem: frees / systems, key: [level, closure.reduce((n, i) => n + users(units[i]), 0), systems, u.id] });
  }
  candidates.sort((a, b) => b.perSystem - a.perSystem || byKey(a.key, b.key));
  if (candidates.length === 0) return undefined;

  const fitsBound = (deferred: ReadonlySet<number>): boolean =>
    wavesNeeded(
      units.filter((u) => !deferred.has(u.index)),
      maxSystems,
      maxDataGiB,
    ) <= windows;
  const prefix = (n: number): Set<number> => {
    const set = new Set<number>();
    for (let i = 0; i < n; i++) for (const x of candidates[i].units) set.add(x);
    return set;
  };
  /** The verdict of a re-plan deferring `set` (undefined: invalid or over budget), and whether it finishes everything else on time. */
  const attempt = (set: ReadonlySet<number>): { outcome: Outcome; ok: boolean } | undefined => {
    const systems = systemsOf(units, set);
    const t = ctx.replanner.trial(deferralPatch(ctx, systems, notBefore));
    if (t.status !== "planned") return undefined;
    const deferred = new Set(systems);
    return { outcome: t.outcome, ok: t.outcome.late.every((x) => deferred.has(x)) };
  };
  const deferrable = (set: ReadonlySet<number>): boolean => ![...set].some((i) => units[i].pinDate !== undefined && units[i].pinDate! <= deadline);

  // 2. The shortest prefix the bound allows, then what the re-plans still make late, until nothing else is.
  let best: { set: Set<number>; outcome: Outcome } | undefined;
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fitsBound(prefix(mid))) hi = mid;
    else lo = mid + 1;
  }
  const grown = prefix(Math.max(1, lo));
  for (;;) {
    const r = attempt(grown);
    if (!r) break;
    if (r.ok) {
      best = { set: grown, outcome: r.outcome };
      break;
    }
    const before = grown.size;
    for (const x of r.outcome.late) {
      const ui = ctx.base.schedule.unitOfSystem.get(x);
      if (ui !== undefined && !grown.has(ui)) for (const d of dependantsOf(units, ui)) grown.add(d);
    }
    if (grown.size === before || !deferrable(grown)) break;
  }
  // 3. What the plan makes late, with its dependants.
  const lateUnits = new Set<number>();
  for (const s of ctx.base.plan.deadline.late) {
    const ui = ctx.base.schedule.unitOfSystem.get(s);
    if (ui !== undefined) for (const x of dependantsOf(units, ui)) lateUnits.add(x);
  }
  if (lateUnits.size > 0 && (!best || count(units, lateUnits) < count(units, best.set)) && deferrable(lateUnits)) {
    const r = attempt(lateUnits);
    if (r?.ok) best = { set: lateUnits, outcome: r.outcome };
  }
  // Deferring everything finishes nothing: not an option.
  if (!best || best.set.size >= units.length) return undefined;
  // 4. Bring groups back, the most important first.
  const deferred = new Set(best.set);
  let outcome = best.outcome;
  const back = [...deferred].map((i) => units[i]);
  back.sort((a, b) => b.maxSecurityLevel - a.maxSecurityLevel || users(b) - users(a) || b.systems.length - a.systems.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A group of the same shape as one that could not come back is not tried again.
  const shape = (u: Unit): string => `${u.systems.length}|${u.dataGiB}|${u.demand.cpuCores}|${u.demand.memoryGiB}|${u.demand.storageGiB}|${u.maxSecurityLevel}|${u.preds.length}|${u.succs.length}`;
  const failed = new Set<string>();
  for (const u of back) {
    if (ctx.replanner.left <= 0) break;
    if (u.preds.some((p) => deferred.has(p)) || failed.has(shape(u))) continue;
    deferred.delete(u.index);
    if (deferred.size === 0 || !fitsBound(deferred)) {
      deferred.add(u.index);
      continue;
    }
    const r = attempt(deferred);
    if (r?.ok) outcome = r.outcome;
    else {
      deferred.add(u.index);
      failed.add(shape(u));
    }
  }
  const systems = systemsOf(units, deferred);
  return { levers: [{ kind: "deferral", systems, notBefore }], patch: deferralPatch(ctx, systems, notBefore), outcome };
}

function byKey(a: Candidate["key"], b: Candidate["key"]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

function count(units: readonly Unit[], set: ReadonlySet<number>): number {
  let n = 0;
  for (const i of set) n += units[i].systems.length;
  return n;
}

/** Unit `start` and every unit that depends on it, directly or not (successors), sorted. */
function dependantsOf(units: readonly Unit[], start: number): number[] {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const u = units[stack.pop()!];
    for (const v of u.succs) {
      if (!seen.has(v)) {
        seen.add(v);
        stack.push(v);
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}

function systemsOf(units: readonly Unit[], set: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (const i of set) out.push(...units[i].systems);
  return out.sort();
}

/** The profile's pins, those of the deferred systems replaced by `{ system, notBefore }`, sorted by system. */
function deferralPatch(ctx: SearchContext, systems: readonly string[], notBefore: string): Json {
  const deferred = new Set(systems);
  const kept: Pin[] = (ctx.replanner.input.profile.pins ?? []).filter((p) => !deferred.has(p.system));
  const pins = [...kept, ...systems.map((system) => ({ system, notBefore }))].sort((a, b) => (a.system < b.system ? -1 : a.system > b.system ? 1 : 0));
  return { pins: pins as unknown as Json };
}
