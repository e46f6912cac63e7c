// Calendar arithmetic on ISO `YYYY-MM-DD` strings, in whole days and in UTC, so that no result
// depends on the machine's time zone or clock. Day numbers count days since 1970-01-01.

const MS_PER_DAY = 86_400_000;

// The two conversions below do the civil-calendar arithmetic by hand (H. Hinnant's
// days_from_civil / civil_from_days, proleptic Gregorian like Date) for plain `YYYY-MM-DD` text of
// years 100–9999; anything else goes through Date exactly as before (years 0–99, which Date.UTC
// reads as 1900–1999; months out of range; more digits; signs). A plan converts a few hundred
// thousand dates; through Date each cost a microsecond (test/planner/dates.test.ts holds the two
// ways to the same answers).

/** The number written by the digits of `s` from `from` to `to`; -1 when one is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of year `y`, month `m` (1–12), day `d` (any integer: it counts on from the month's first day, as Date.UTC does). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumber(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digitsAt(iso, 0, 4);
    const m = digitsAt(iso, 5, 7);
    const d = digitsAt(iso, 8, 10);
    if (y >= 100 && m >= 1 && m <= 12 && d >= 0) return daysFromCivil(y, m, d);
  }
  return dayNumberByDate(iso);
}

/** dayNumber through Date (the general case). */
export function dayNumberByDate(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** ISO date of a day number. */
export function isoDate(day: number): string {
  // civil_from_days; day 0 is 1970-01-01. Years 100–9999 only (Date writes other years its own way).
  if (Number.isInteger(day) && day >= -683_003 && day <= 2_932_896) {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return `${TWO_DIGITS[Math.floor(y / 100)]}${TWO_DIGITS[y % 100]}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
  }
  return isoDateByDate(day);
}

/** isoDate through Date (the general case). */
export function isoDateByDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
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
