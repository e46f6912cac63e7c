// A lower bound on the number of waves any plan obeying the same rules needs, to judge the
// schedule by. Every wave holds at most maxSystems systems and maxDataGiB of data, except that a
// unit larger than a limit fills a wave alone; units pinned to different dates need different
// waves; the ordering constraints are all "no earlier than" (same wave allowed), so a chain of
// them alone forces only one wave. Capacity never forces an extra wave, since shortages are bought
// (it delays waves instead; that shows in `earliestCompletion`). The bound is the largest of:
//   systems: (units over a limit) + the bin-packing bound of the other units' systems in waves of
//            maxSystems: at least ⌈systems ÷ maxSystems⌉, more when many units take over half a wave
//            (Martello & Toth's L2, binPackingBound below)
//   data:    the same with data and maxDataGiB
//   pilot:   the pilot waves certain to hold only low-risk units (1, or 2 when the low-risk
//            units ready at the start cannot share one wave) + the waves that the security
//            level ≥ 4 units and everything that must wait for them (their consumers, …) need
//            after them; counted only without pins and when a low-risk unit with no
//            provider and no hold-back fits the target site in the first window a wave can use
//   pins:    distinct pinned windows
//   chain:   the chain bound (chainBound below): providers no later than consumers, strictly
//            earlier when the two cannot share a wave (one of them, or both together, over a
//            limit); the groups that cannot start
//            before wave k need (k − 1) + their own bin-packing bound.
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
  let bigData = 0;
  const restSys: number[] = [];
  const restData: number[] = [];
  const pinWindows = new Set<number>();
  let release = 0;
  let demand = ZERO_SIZE;
  for (const u of units) {
    // A unit over either limit fills a wave alone, so it counts as a whole wave in both sums.
    if (u.systems.length > profile.maxSystems || u.dataGiB > profile.maxDataGiB) {
      bigSys++;
      bigData++;
    } else {
      restSys.push(u.systems.length);
      restData.push(u.dataGiB);
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
    systems: bigSys + binPackingBound(restSys, profile.maxSystems),
    data: bigData + binPackingBound(restData, profile.maxDataGiB),
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
 * earlier than its providers, and strictly after a provider when the two cannot share a wave
 * (either over a limit, or both together) — then, for every k, (k − 1) + the waves the units that
 * cannot start before k need (their bin-packing bound in systems and in data).
 */
function chainBound(units: readonly Unit[], profile: PlanningProfile, over: (u: Unit) => boolean, late: ReadonlySet<number>, highStart = 1): number {
  if (units.length === 0) return 0;
  // Two groups that cannot share a wave — either is over a limit, or together they are — put the
  // consumer strictly after its provider.
  const apart = (a: Unit, b: Unit): boolean => over(a) || over(b) || a.systems.length + b.systems.length > profile.maxSystems || a.dataGiB + b.dataGiB > profile.maxDataGiB + 1e-9;
  const earliest = new Int32Array(units.length).fill(1);
  for (const i of late) earliest[i] = highStart;
  const indegree = new Int32Array(units.length);
  for (const u of units) for (const p of u.preds) if (units[p].comp !== u.comp) indegree[u.index]++;
  const queue = units.filter((u) => indegree[u.index] === 0).map((u) => u.index);
  for (let i = 0; i < queue.length; i++) {
    const u = units[queue[i]];
    for (const v of u.succs) {
      if (units[v].comp === u.comp) continue;
      earliest[v] = Math.max(earliest[v], earliest[u.index] + (apart(u, units[v]) ? 1 : 0));
      if (--indegree[v] === 0) queue.push(v);
    }
  }
  // Sweep k from the largest earliest wave down, accumulating the units that start at k or later;
  // they need at least the bin-packing bound (L2) of their systems and of their data after k − 1.
  // Distinct earliest waves are few (the longest provider chain), so the L2 per k stays cheap.
  const order = units.map((u) => u.index).sort((a, b) => earliest[b] - earliest[a]);
  let best = 0;
  let big = 0;
  const sys: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const u = units[order[i]];
    if (over(u)) big++;
    else {
      sys.push(u.systems.length);
      data.push(u.dataGiB);
    }
    const k = earliest[order[i]];
    if (i + 1 < order.length && earliest[order[i + 1]] === k) continue;
    best = Math.max(best, k - 1 + big + Math.max(binPackingBound(sys, profile.maxSystems), binPackingBound(data, profile.maxDataGiB)));
  }
  return best;
}

/**
 * Martello & Toth's L2 lower bound on the bins of capacity `c` that items of `sizes` (each ≤ c)
 * need: for every α ≤ c/2, items over c − α each take a bin alone, items over c/2 each take a bin
 * of their own too, and the items of size α…c/2 need whatever the room left beside the latter
 * cannot hold. Never below ⌈Σ sizes ÷ c⌉ (α = 0). O(n log n).
 */
export function binPackingBound(sizes: readonly number[], c: number): number {
  const eps = 1e-9;
  const a = [...sizes].sort((x, y) => x - y);
  const n = a.length;
  if (n === 0) return 0;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + a[i];
  /** Number of items with size ≤ x (a sorted ascending). */
  const atMost = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] <= x + eps) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const half = atMost(c / 2);
  let best = Math.ceil(prefix[n] / c - eps);
  // α ranges over 0 and the item sizes up to c/2 (L2 only changes at those values).
  for (let i = -1; i < half; i++) {
    const alpha = i < 0 ? 0 : a[i];
    if (i >= 0 && i + 1 < half && a[i + 1] === alpha) continue;
    const from3 = i < 0 ? 0 : atMost(alpha - 2 * eps) ; // first item of size ≥ α
    const upTo2 = atMost(c - alpha); // items ≤ c − α
    const j1 = n - upTo2;
    const j2 = upTo2 - half;
    const s2 = prefix[upTo2] - prefix[half];
    const s3 = prefix[half] - prefix[from3];
    const bound = j1 + j2 + Math.max(0, Math.ceil((s3 - (j2 * c - s2)) / c - eps));
    if (bound > best) best = bound;
  }
  return best;
}
