import { describe, expect, it } from "vitest";
import { vietnamesePublicHolidays } from "../../planner/calendar.js";
import { libraryPublicHolidays, publicHolidays, TABLE_FIRST_YEAR, TABLE_LAST_YEAR } from "../../planner/vn-holidays-source.js";
import { VN_PUBLIC_HOLIDAYS } from "../../planner/vn-public-holidays.js";

describe("the generated table of Vietnamese public holidays", () => {
  it("covers every year from 2020 to 2050 and is the installed date-holidays' output for each (else: npx tsx scripts/generate-vn-holidays.ts)", () => {
    const years = Object.keys(VN_PUBLIC_HOLIDAYS).map(Number);
    expect(years).toEqual(Array.from({ length: TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1 }, (_, i) => TABLE_FIRST_YEAR + i));
    for (const y of years) expect(VN_PUBLIC_HOLIDAYS[y], String(y)).toEqual(libraryPublicHolidays(y));
  });

  it("falls back to the library outside the table, widening its days the same way", () => {
    expect(VN_PUBLIC_HOLIDAYS[2051]).toBeUndefined();
    expect(publicHolidays(2051)).toEqual(libraryPublicHolidays(2051));
    const tet = vietnamesePublicHolidays(2051).filter((h) => /Tết Nguyên Đán|Giao thừa/.test(h.name));
    expect(tet).toHaveLength(7);
    expect(vietnamesePublicHolidays(2051).map((h) => h.date)).toEqual(expect.arrayContaining(["2051-09-01", "2051-09-02", "2051-09-03", "2051-04-30", "2051-05-01", "2051-01-01"]));
  });
});
