// The cutover calendar: which days a wave may use, and the windows (runs of consecutive allowed
// days) waves are made of. A day is allowed when its weekday is in `windows.weekdays`, it is not in
// a profile blackout and it is not a Vietnamese public holiday.
//
// Public holidays come from the maintained `date-holidays` library (country VN), which computes the
// lunar dates (read through a generated table for 2020–2050, vn-holidays-source.ts, since computing
// them costs a third of a second per plan); the contract widens two of them to what offices
// actually close for:
//   - Tết Nguyên Đán: from the lunar New Year's Eve (the library's "Giao thừa Tết Nguyên Đán") to
//     the 6th day of the lunar new year inclusive — 7 days;
//   - Quốc khánh (national day, 2/9): the day before and the day after are blocked too, since the
//     government decrees one of them as an extra day off each year and which one varies.
// 1/1, Giỗ tổ Hùng Vương (Hùng Kings' day, 10/3 lunar), 30/4 and 1/5 are taken as the library
// gives them. Observances (non-public days) are ignored.
import { addDays, dayNumber, isoDate, weekdayOf } from "./dates.js";
import { type Message, MSG } from "./messages.js";
import { publicHolidays } from "./vn-holidays-source.js";

/** A named blocked day. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
  /** The name in Vietnamese only (without the English gloss). */
  readonly nameVi: string;
}

const holidayCache = new Map<number, Holiday[]>();

/** Vietnamese public holidays of `year`, widened per the contract (Tết 7 days, 2/9 ± 1), sorted. */
export function vietnamesePublicHolidays(year: number): Holiday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Map<string, { name: string; nameVi: string }>();
  const add = (date: string, name: string, nameVi = name): void => {
    if (!days.has(date)) days.set(date, { name, nameVi });
  };
  for (const [date, name] of publicHolidays(year)) {
    if (name.startsWith("Giao thừa")) {
      // New Year's Eve (day 0) through the 6th day of the lunar year.
      for (let i = 0; i <= 6; i++) add(addDays(date, i), i === 0 ? "Giao thừa Tết Nguyên Đán (lunar New Year's Eve)" : `Tết Nguyên Đán, day ${i} (lunar New Year)`, i === 0 ? "Giao thừa Tết Nguyên Đán" : `Tết Nguyên Đán, mùng ${i}`);
    } else if (date.endsWith("-09-02")) {
      add(addDays(date, -1), "Quốc khánh (National Day), day before", "Quốc khánh, ngày liền trước");
      add(date, `${name} (National Day)`, name);
      add(addDays(date, 1), "Quốc khánh (National Day), day after", "Quốc khánh, ngày liền sau");
    } else {
      add(date, name);
    }
  }
  // Tết straddles years: the previous year's Giao thừa never spills into this one (it falls in
  // Jan/Feb), but keep only days of this year so each day has one owner.
  const list = [...days]
    .filter(([d]) => d.startsWith(`${year}-`))
    .map(([date, n]) => ({ date, name: n.name, nameVi: n.nameVi }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  holidayCache.set(year, list);
  return list;
}

/** A run of consecutive allowed days: the time slot of one wave. */
export interface Window {
  /** 0-based position among the windows of the calendar. */
  readonly index: number;
  readonly start: string;
  readonly end: string;
  /** Number of days, end − start + 1. */
  readonly days: number;
}

export interface CalendarRules {
  readonly weekdays: readonly string[];
  readonly blackouts: readonly { from: string; to: string; reason: string }[];
}

/** Longest wave, in days: longer runs of allowed days are split, so a wave stays a cutover weekend-sized slot. */
export const MAX_WINDOW_DAYS = 3;

/** Allowed days, holidays and windows under one profile. */
export class Calendar {
  private readonly weekdays: ReadonlySet<string>;
  private readonly blackouts: readonly { from: string; to: string; reason: string }[];

  constructor(rules: CalendarRules) {
    this.weekdays = new Set(rules.weekdays);
    this.blackouts = [...rules.blackouts].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }

  /** Why `date` may not carry a cutover, or undefined when it may. */
  blockedBecause(date: string): string | undefined {
    return this.blockedMessage(date)?.en;
  }

  /** Why `date` may not carry a cutover, in English and Vietnamese; undefined when it may. */
  blockedMessage(date: string): Message | undefined {
    const wd = weekdayOf(date);
    if (!this.weekdays.has(wd)) return MSG.notCutoverWeekday({ weekday: wd });
    const year = Number(date.slice(0, 4));
    const holiday = vietnamesePublicHolidays(year).find((h) => h.date === date);
    if (holiday) return MSG.publicHoliday({ name: holiday.name, nameVi: holiday.nameVi });
    for (const b of this.blackouts) if (b.from <= date && date <= b.to) return MSG.blackout(b);
    return undefined;
  }

  /** True when a wave may use `date`. */
  isAllowed(date: string): boolean {
    const wd = weekdayOf(date);
    if (!this.weekdays.has(wd)) return false;
    if (this.holidaySet(Number(date.slice(0, 4))).has(date)) return false;
    for (const b of this.blackouts) {
      if (b.from > date) break;
      if (date <= b.to) return false;
    }
    return true;
  }

  private readonly holidaySets = new Map<number, Set<string>>();
  private holidaySet(year: number): Set<string> {
    let s = this.holidaySets.get(year);
    if (!s) {
      s = new Set(vietnamesePublicHolidays(year).map((h) => h.date));
      this.holidaySets.set(year, s);
    }
    return s;
  }

  /**
   * Windows that start on or after `from` and end on or before `to`: maximal runs of allowed days,
   * split into pieces of at most MAX_WINDOW_DAYS counted from the run's first day. A run that began
   * before `from` contributes only its pieces starting on or after `from` (a half-passed weekend is
   * not a window).
   */
  windows(from: string, to: string): Window[] {
    const out: Window[] = [];
    const first = dayNumber(from);
    const last = dayNumber(to);
    // Step back to the beginning of a run that contains `from`, so pieces are counted the same way
    // whatever `from` is.
    let d = first;
    while (d > first - 400 && this.isAllowed(isoDate(d - 1))) d--;
    let runStart = -1;
    let pieceStart = -1;
    const close = (endDay: number): void => {
      if (pieceStart >= first && endDay <= last) {
        out.push({ index: out.length, start: isoDate(pieceStart), end: isoDate(endDay), days: endDay - pieceStart + 1 });
      }
    };
    for (; d <= last + 1; d++) {
      const allowed = d <= last + MAX_WINDOW_DAYS && this.isAllowed(isoDate(d));
      if (allowed) {
        if (runStart < 0) {
          runStart = d;
          pieceStart = d;
        } else if (d - pieceStart >= MAX_WINDOW_DAYS) {
          close(d - 1);
          pieceStart = d;
        }
      } else if (runStart >= 0) {
        close(d - 1);
        runStart = -1;
        pieceStart = -1;
      }
    }
    // A run still open at last+1 ends after `to`: its piece is dropped by close()'s bound check.
    return out;
  }
}
