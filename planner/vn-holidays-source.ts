// Where the planner's Vietnamese public holidays come from: the `date-holidays` library (country
// VN), which computes the lunar ones, read through a generated table for the years it covers
// (vn-public-holidays.ts, made by scripts/generate-vn-holidays.ts and checked against the library
// by a test) and through the library itself, loaded only then, for any other year.
import { createRequire } from "node:module";
import type HolidaysClass from "date-holidays";
import { VN_PUBLIC_HOLIDAYS } from "./vn-public-holidays.js";

/** Years the generated table covers. */
export const TABLE_FIRST_YEAR = 2020;
export const TABLE_LAST_YEAR = 2050;

let vn: HolidaysClass | undefined;

/** Public holidays of `year` as the library computes them: [day `YYYY-MM-DD`, name], in its order. */
export function libraryPublicHolidays(year: number): [string, string][] {
  if (vn === undefined) {
    const Holidays = createRequire(import.meta.url)("date-holidays") as typeof HolidaysClass;
    vn = new Holidays("VN");
  }
  return vn
    .getHolidays(year)
    .filter((h) => h.type === "public")
    .map((h) => [h.date.slice(0, 10), h.name]);
}

/** Public holidays of `year` (see file header): the table's when it has the year, else the library's. */
export function publicHolidays(year: number): readonly (readonly [string, string])[] {
  return VN_PUBLIC_HOLIDAYS[year] ?? libraryPublicHolidays(year);
}
