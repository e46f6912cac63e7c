// Window arithmetic the scheduler and its neighbours share: a window's data limit, and finding the
// window of a date by binary search over the calendar's windows (sorted by start).
import type { Window } from "../calendar.js";
import { addDays } from "../dates.js";
import type { PlanningProfile } from "../profile.js";

/** Data limit of one window: the profile's maxDataGiB, or the WAN's GiB per day × the window's days. */
export function dataLimit(profile: PlanningProfile, w: Window): number {
  return profile.fixedMaxData ? profile.maxDataGiB : Math.min(profile.maxDataGiB, Math.floor(profile.dataGiBPerWindowDay * w.days * 10) / 10);
}

/** First window index whose start is ≥ date (windows.length when none). */
export function firstWindowFrom(windows: readonly Window[], date: string): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windows[mid].start < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the window containing `date`, -1 when the date falls in none. */
export function windowOfDate(windows: readonly Window[], date: string): number {
  const i = firstWindowFrom(windows, addDays(date, 1)) - 1;
  return i >= 0 && windows[i].start <= date && date <= windows[i].end ? i : -1;
}
