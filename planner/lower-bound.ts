// A lower bound on the number of waves any plan obeying the same rules needs, to judge the
// schedule by. Every wave holds at most maxSystems systems and maxDataGiB of data, except that a
// unit larger than a limit fills a wave alone; units pinned to different dates need different
// waves; the ordering constraints are all "no earlier than" (same wave allowed), so a chain of
// them alone forces only one wave. Capacity never forces an extra wave, since shortages are bought
// (it delays waves instead; that shows in `earliestCompletion`). The bound is the largest of:
//   systems: (units over a limit) + ⌈systems of the other units ÷ maxSystems⌉
//   data:    (units over a limit) + ⌈data of the other units ÷ maxDataGiB⌉
//   pins:    distinct pinned windows
//   chain:   1 when anything moves.
// earliestCompletion is the end of the window in which that many waves could finish at the
// earliest, moved later by hold-backs (notBefore) and by the day procured hardware can arrive when
// the moves need more than the target site has before then.
import type { Window } from "./calendar.js";
import type { LowerBound } from "./plan-schema.js";
import type { PlanningProfile } from "./profile.js";
import type { Unit } from "./schedule.js";
import { firstWindowFrom } from "./schedule.js";
import { addDays } from "./dates.js";
import { addSize, fitsIn, ZERO_SIZE } from "./sizing.js";
import type { Size } from "./plan-schema.js";

export interface LowerBoundDetail extends LowerBound {
  components: { chain: number; systems: number; data: number; pins: number; capacity: number };
  earliestCompletion?: string;
}

/** Lower bound on waves for `units` (see file header); `planned` is the number of waves planned. */
export function waveLowerBound(units: readonly Unit[], profile: PlanningProfile, windows: readonly Window[], planned: number, asOf: string, initialFree: { usable: Size; used: Size }): LowerBoundDetail {
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
  const components = {
    chain: units.length > 0 ? 1 : 0,
    systems: bigSys + Math.ceil(restSys / profile.maxSystems),
    data: bigData + Math.ceil(restData / profile.maxDataGiB - 1e-9),
    pins: pinWindows.size,
    capacity: units.length > 0 ? 1 : 0,
  };
  const order: (keyof typeof components)[] = ["systems", "data", "pins", "chain", "capacity"];
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
