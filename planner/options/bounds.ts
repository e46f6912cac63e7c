// Cheap necessary conditions for meeting the deadline, used to skip re-plans that cannot succeed.
// Every wave takes one cutover window of its own, so a plan meets the deadline only if the waves
// its moving systems need fit in the cutover windows that end by the deadline. The waves needed are
// bounded below as the planner's own lower bound does (planner/lower-bound.ts): a unit (move group)
// over a wave limit fills a wave alone; the others need at least the bin-packing bound of their
// systems in waves of maxSystems, and of their data in waves of maxDataGiB. A re-plan is skipped
// only when this bound exceeds the windows; anything that passes is still decided by re-planning.
import { Calendar } from "../calendar.js";
import { binPackingBound } from "../lower-bound.js";
import type { PlanningProfile } from "../profile.js";

/** What the bound needs of a unit: its systems and data. */
export interface UnitSize {
  readonly systems: readonly string[];
  readonly dataGiB: number;
}

/** Fewest waves `units` need at these wave limits (see file header). */
export function wavesNeeded(units: readonly UnitSize[], maxSystems: number, maxDataGiB: number): number {
  let alone = 0;
  const sys: number[] = [];
  const data: number[] = [];
  for (const u of units) {
    if (u.systems.length > maxSystems || u.dataGiB > maxDataGiB) alone++;
    else {
      sys.push(u.systems.length);
      data.push(u.dataGiB);
    }
  }
  return alone + Math.max(binPackingBound(sys, maxSystems), binPackingBound(data, maxDataGiB));
}

/** Cutover windows, and their days, that a profile's calendar offers from its start date to its deadline. */
export function cutoverBefore(profile: PlanningProfile): { windows: number; days: number } {
  if (profile.startDate > profile.deadline) return { windows: 0, days: 0 };
  const windows = new Calendar({ weekdays: profile.weekdays, blackouts: profile.blackouts }).windows(profile.startDate, profile.deadline).filter((w) => w.end <= profile.deadline);
  return { windows: windows.length, days: windows.reduce((n, w) => n + w.days, 0) };
}

/** False when `units` certainly cannot all cut over by the deadline of `profile` (see file header). */
export function mayMeet(units: readonly UnitSize[], profile: PlanningProfile): boolean {
  return wavesNeeded(units, profile.maxSystems, profile.maxDataGiB) <= cutoverBefore(profile).windows;
}
