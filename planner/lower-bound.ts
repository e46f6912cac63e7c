// A lower bound on the number of waves any plan obeying the same rules needs, to judge the
// schedule by. Every wave holds at most maxSystems systems and maxDataGiB of data, except that a
// unit larger than a limit fills a wave alone; units pinned to different dates need different
// waves; the ordering constraints are all "no earlier than" (same wave allowed), so a chain of
// them alone forces only one wave. Capacity never forces an extra wave, since shortages are bought
// (it delays waves instead; that shows in `earliestCompletion`). The bound is the largest of:
//   systems: (units over a limit) + ⌈systems of the other units ÷ maxSystems⌉
//   data:    (units over a limit) + ⌈data of the other units ÷ maxDataGiB⌉
//   pilot:   the pilot waves certain to hold only low-risk units (1, or 2 when the low-risk
//            units ready at the start cannot share one wave) + the waves that the security
//            level ≥ 4 units and everything that must wait for them (their consumers, …) need
//            after them; counted only without pins and when a low-risk unit with no
//            provider and no hold-back fits the target site in the first window a wave can use
//   pins:    distinct pinned windows
//   chain:   the chain bound (chainBound below): providers no later than consumers, strictly
//            earlier when one of the two is too big to share a wave.
// earliestCompletion is the end of the window in which that many waves could finish at the
// earliest, moved later by hold-backs (notBefore) and by the day procured hardware can arrive when
// the moves need more than the target site has before then.
import type { Window } from "./calendar.js";
import type { LowerBound } from "./plan-schema.js";
import type { PlanningProfile } from "./profile.js";
import type { Unit } from "./schedule.js";
import { firstWindowFrom, HIGH_SECURITY_LEVEL } from "./schedule.js";
import { addDays } from "./dates.js";
import { addSize, fitsIn, ZERO_SIZE } from "./sizing.js";
import type { Size } from "./plan-schema.js";

export interface LowerBoundDetail extends LowerBound {
  components: { chain: number; systems: number; data: number; pilot: number; pins: number; capacity: number };
  earliestCompletion?: string;
}

/** Lower bound on waves for `units` (see file header); `planned` is the number of waves planned. */
export function waveLowerBound(units: readonly Unit[], profile: PlanningProfile, windows: readonly Window[], planned: number, asOf: string, initialFree: { usable: Size; used: Size }, firstWave?: { capacity: Size; used: Size; canProcure: boolean }): LowerBoundDetail {
  let bigSys = 0;
  let restSys = 0;
  let bigData = 0;
  let restData = 0;
  const pinWindows = new Set<number>();
  let release = 0;
  let demand = ZERO_SIZE;
  for (const u of units) {
    // A unit over either limit fills a wave alone, so it counts as a whole wave in both sums.
    if (u.systems.length > profile.maxSystems || u.dataGiB > profile.maxDataGiB) {
      bigSys++;
      bigData++;
    } else {
      restSys += u.systems.length;
      restData += u.dataGiB;
    }
    if (u.pinWindow >= 0) pinWindows.add(u.pinWindow);
    release = Math.max(release, u.release);
    demand = addSize(demand, u.demand);
  }
  const over = (u: Unit): boolean => u.systems.length > profile.maxSystems || u.dataGiB > profile.maxDataGiB;
  // Pilot rule: security level ≥ 4 stays out of the pilot waves whenever a lower-risk unit is ready
  // for them. That is certain when, without pins, some low-risk unit has no provider, no hold-back
  // and fits the target site in the first window a wave can use (capacity only grows before it).
  const fitsFirst = (u: Unit): boolean => firstWave !== undefined && (firstWave.canProcure || fitsIn(addSize(firstWave.used, u.demand), firstWave.capacity));
  const high = units.filter((u) => u.maxSecurityLevel >= HIGH_SECURITY_LEVEL);
  const starters = units.filter((u) => u.maxSecurityLevel < HIGH_SECURITY_LEVEL && u.preds.length === 0 && u.release === 0 && fitsFirst(u));
  let pilotWaves = 0;
  if (high.length > 0 && starters.length > 0 && pinWindows.size === 0) {
    // The second pilot wave is low-risk too when the starters cannot all share the first wave and
    // still fit the site together.
    const together = starters.reduce((acc, u) => addSize(acc, u.demand), firstWave!.used);
    const sysSum = starters.reduce((n, u) => n + u.systems.length, 0);
    const dataSum = starters.reduce((n, u) => n + u.dataGiB, 0);
    const split = starters.length >= 2 && (starters.some(over) || sysSum > profile.maxSystems || dataSum > profile.maxDataGiB);
    pilotWaves = split && (firstWave!.canProcure || fitsIn(together, firstWave!.capacity)) ? 2 : 1;
  }
  const chain = chainBound(units, profile, over, new Set());
  const pilot = pilotWaves > 0 ? chainBound(units, profile, over, new Set(high.map((u) => u.index)), pilotWaves + 1) : 0;
  const components = {
    pilot,
    chain,
    systems: bigSys + Math.ceil(restSys / profile.maxSystems),
    data: bigData + Math.ceil(restData / profile.maxDataGiB - 1e-9),
    pins: pinWindows.size,
    capacity: units.length > 0 ? 1 : 0,
  };
  const order: (keyof typeof components)[] = ["systems", "data", "pilot", "pins", "chain", "capacity"];
  let waves = 0;
  let binding = "none";
  for (const k of order) {
    if (components[k] > waves) {
      waves = components[k];
      binding = k;
    }
  }
  let earliestCompletion: string | undefined;
  if (waves > 0 && windows.length > 0) {
    let wi = Math.min(windows.length - 1, Math.max(waves - 1, release));
    if (!fitsIn(addSize(initialFree.used, demand), initialFree.usable)) {
      // Some of the moves must wait for procured hardware.
      const procured = firstWindowFrom(windows, addDays(addDays(asOf, profile.procurementLeadDays), 1));
      wi = Math.max(wi, Math.min(windows.length - 1, procured));
    }
    earliestCompletion = windows[wi].end;
  }
  return { waves, binding, gap: planned - waves, components, ...(earliestCompletion ? { earliestCompletion } : {}) };
}

/**
 * Chain bound: the earliest wave of every unit — 1, or `highStart` for the units in `late`; no
 * earlier than its providers, and strictly after a provider when either of the two is too big to
 * share a wave — then, for every k, (k − 1) + the waves the units that cannot start before k need.
 */
function chainBound(units: readonly Unit[], profile: PlanningProfile, over: (u: Unit) => boolean, late: ReadonlySet<number>, highStart = 1): number {
  if (units.length === 0) return 0;
  const earliest = new Int32Array(units.length).fill(1);
  for (const i of late) earliest[i] = highStart;
  const indegree = new Int32Array(units.length);
  for (const u of units) for (const p of u.preds) if (units[p].comp !== u.comp) indegree[u.index]++;
  const queue = units.filter((u) => indegree[u.index] === 0).map((u) => u.index);
  for (let i = 0; i < queue.length; i++) {
    const u = units[queue[i]];
    for (const v of u.succs) {
      if (units[v].comp === u.comp) continue;
      earliest[v] = Math.max(earliest[v], earliest[u.index] + (over(u) || over(units[v]) ? 1 : 0));
      if (--indegree[v] === 0) queue.push(v);
    }
  }
  // Sweep k from the largest earliest wave down, accumulating the units that start at k or later.
  const order = units.map((u) => u.index).sort((a, b) => earliest[b] - earliest[a]);
  let best = 0;
  let big = 0;
  let sys = 0;
  let data = 0;
  for (let i = 0; i < order.length; i++) {
    const u = units[order[i]];
    if (over(u)) big++;
    else {
      sys += u.systems.length;
      data += u.dataGiB;
    }
    const k = earliest[order[i]];
    if (i + 1 < order.length && earliest[order[i + 1]] === k) continue;
    best = Math.max(best, k - 1 + big + Math.max(Math.ceil(sys / profile.maxSystems), Math.ceil(data / profile.maxDataGiB - 1e-9)));
  }
  return best;
}
