// Calendar arithmetic on ISO `YYYY-MM-DD` strings, in whole days and in UTC, so that no result
// depends on the machine's time zone or clock. Day numbers count days since 1970-01-01.

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);
}

/** ISO text of the day numbers met so far (a plan names the same few thousand days again and again). */
const isoOfDay = new Map<number, string>();

/** ISO date of a day number. */
export function isoDate(day: number): string {
  let iso = isoOfDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoOfDay.size < 1_000_000) isoOfDay.set(day, iso);
  }
  return iso;
}

/** `iso` plus `days` (negative to go back). */
export function addDays(iso: string, days: number): string {
  return isoDate(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** Three-letter weekday (`mon` … `sun`) of an ISO date. */
export function weekdayOf(iso: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[(((dayNumber(iso) + 4) % 7) + 7) % 7];
}

/** The later of two ISO dates. */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
