import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, dayNumber, dayNumberByDate, isoDate, isoDateByDate } from "../../planner/dates.js";

// The hand arithmetic of dates.ts against Date, which it replaced on the common path.
describe("calendar arithmetic by hand", () => {
  it("writes every day of years 100–9999 as Date does, and reads it back", () => {
    const first = dayNumberByDate("0100-01-01");
    const last = dayNumberByDate("9999-12-31");
    let wrong = 0;
    for (let day = first - 3; day <= last + 3; day += 1) {
      const iso = isoDate(day);
      if (iso !== isoDateByDate(day) || Object.is(dayNumber(iso), dayNumberByDate(iso)) === false) wrong++;
      if (day >= first && day <= last && dayNumber(iso) !== day) wrong++;
    }
    expect(wrong).toBe(0);
    expect(isoDate(first)).toBe("0100-01-01");
    expect(isoDate(last + 1)).toBe(isoDateByDate(last + 1)); // "+010000-01-01"'s first ten characters, as before
  });

  it("reads any text as Date.UTC does: days past the month's end, day 00, years 0–99, odd text", () => {
    const texts = ["2024-02-29", "2023-02-29", "2026-02-30", "2026-03-00", "2026-12-99", "0099-06-15", "0050-01-01", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-01", "2026/01/01", "+02026-01-01", "abcd-ef-gh", "", "2026-01-01T00", " 2026-01-01".slice(0, 10)];
    for (const t of texts) expect(Object.is(dayNumber(t), dayNumberByDate(t)), t).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const t = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        return Object.is(dayNumber(t), dayNumberByDate(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it("adds days across months, leap years and centuries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("1970-01-01", -1)).toBe("1969-12-31");
    expect(isoDate(0)).toBe("1970-01-01");
    expect(isoDate(0.5)).toBe(isoDateByDate(0.5));
  });
});
