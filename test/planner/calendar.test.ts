import { describe, expect, it } from "vitest";
import { Calendar, vietnamesePublicHolidays } from "../../planner/calendar.js";

const weekend = new Calendar({ weekdays: ["sat", "sun"], blackouts: [] });
const everyDay = new Calendar({ weekdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], blackouts: [] });

describe("Vietnamese public holidays", () => {
  it("blocks Tết 2027 from lunar New Year's Eve to the 6th day (2027-02-05..2027-02-11), not the days around it", () => {
    for (const d of ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]) {
      expect(everyDay.isAllowed(d), d).toBe(false);
      expect(everyDay.blockedBecause(d)).toMatch(/Tết|Giao thừa/);
    }
    expect(everyDay.isAllowed("2027-02-04")).toBe(true);
    expect(everyDay.isAllowed("2027-02-12")).toBe(true);
  });

  it("blocks 30/4, 1/5, 1/1, Hùng Kings' day and 2/9 with the day before and after", () => {
    for (const d of ["2027-04-30", "2027-05-01", "2027-01-01", "2027-04-16", "2027-09-01", "2027-09-02", "2027-09-03"]) expect(everyDay.isAllowed(d), d).toBe(false);
    expect(everyDay.isAllowed("2027-08-31")).toBe(true);
    expect(everyDay.isAllowed("2027-09-04")).toBe(true);
  });

  it("derives Tết from the lunar calendar each year (2028 starts on 2028-01-25)", () => {
    const tet = vietnamesePublicHolidays(2028).filter((h) => /Tết Nguyên Đán|Giao thừa/.test(h.name)).map((h) => h.date);
    expect(tet).toEqual(["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28", "2028-01-29", "2028-01-30", "2028-01-31"]);
  });
});

describe("windows", () => {
  it("leaves five weekends from 2026-11-22 to the 2026 deadline (the half-passed weekend of 21–22/11 is not one)", () => {
    const w = weekend.windows("2026-11-22", "2026-12-31");
    expect(w.map((x) => `${x.start}..${x.end}`)).toEqual(["2026-11-28..2026-11-29", "2026-12-05..2026-12-06", "2026-12-12..2026-12-13", "2026-12-19..2026-12-20", "2026-12-26..2026-12-27"]);
  });

  it("shortens a weekend whose Saturday is a holiday (1/5/2027) and skips Tết weekends", () => {
    const w = weekend.windows("2027-01-30", "2027-05-10").map((x) => `${x.start}..${x.end}`);
    expect(w).toContain("2027-05-02..2027-05-02");
    expect(w.some((x) => x.startsWith("2027-02-06"))).toBe(false);
    expect(w).toContain("2027-01-30..2027-01-31");
  });

  it("splits long runs of allowed days into windows of at most three days", () => {
    const w = everyDay.windows("2027-03-01", "2027-03-10");
    expect(w.every((x) => x.days <= 3)).toBe(true);
    expect(w[0].start >= "2027-03-01").toBe(true);
    // Pieces of one run follow each other day after day, counted from the run's first day (12/2, after Tết).
    for (let i = 1; i < w.length; i++) expect(Date.parse(w[i].start) - Date.parse(w[i - 1].end)).toBe(86_400_000);
    expect((Date.parse(w[0].start) - Date.parse("2027-02-12")) / 86_400_000 % 3).toBe(0);
  });

  it("honours blackouts", () => {
    const c = new Calendar({ weekdays: ["sat", "sun"], blackouts: [{ from: "2026-12-05", to: "2026-12-13", reason: "year-end closing" }] });
    const w = c.windows("2026-11-22", "2026-12-31").map((x) => x.start);
    expect(w).toEqual(["2026-11-28", "2026-12-19", "2026-12-26"]);
    expect(c.blockedBecause("2026-12-06")).toMatch(/year-end closing/);
  });
});
