import { describe, expect, it } from "vitest";
import { paybackDate } from "../../../planner/cost/index.js";
import type { CostLine } from "../../../planner/plan-schema.js";

/** A line with only what the payback reads. */
function line(kind: CostLine["kind"], amount: number, from: string, to = from): CostLine {
  return { what: "electricity", subject: "x", year: Number(from.slice(0, 4)), amount, kind, agency: "province", priceRef: "electricity", quantity: 1, unit: "kwh", unitPrice: amount, from, to };
}

describe("paybackDate", () => {
  it("is the day cumulative savings first cover the spending for good", () => {
    // 365 spent on 1/1/2027, 1 saved a day through 2027: covered on 31/12/2027.
    expect(paybackDate([line("capex", 365, "2027-01-01"), line("savings", 365, "2027-01-01", "2027-12-31")], undefined, 2027)).toBe("2027-12-31");
    // Spending on 1/1/2027 of 100 and savings of 365 a year: paid back on day 100 (10/04/2027).
    const lines = [{ ...line("capex", 100, "2027-01-01") }, line("savings", 365, "2027-01-01", "2027-12-31")];
    expect(paybackDate(lines, undefined, 2027)).toBe("2027-04-10");
  });

  it("is absent when nothing is spent or the savings never catch up, and later when they are discounted", () => {
    expect(paybackDate([line("savings", 365, "2027-01-01", "2027-12-31")], undefined, 2026)).toBeUndefined();
    expect(paybackDate([line("capex", 1000, "2027-01-01"), line("savings", 365, "2027-01-01", "2027-12-31")], undefined, 2027)).toBeUndefined();
    const lines = [line("capex", 500, "2026-12-31"), line("savings", 365, "2027-01-01", "2027-12-31"), line("savings", 365, "2028-01-01", "2028-12-31")];
    const plain = paybackDate(lines, undefined, 2026)!;
    expect(plain).toBe("2028-05-14");
    // At 10 % a year the savings of 2027 are worth 331.8 and those of 2028 301.7 a year: later.
    expect(paybackDate(lines, 10, 2026)).toBe("2028-07-22");
    // At 50 % they are worth 243.3 + 162.2 < 500: never.
    expect(paybackDate(lines, 50, 2026)).toBeUndefined();
  });

  it("waits for later spending: a purchase after the savings began pushes the date back", () => {
    const lines = [line("capex", 10, "2027-01-01"), line("savings", 365, "2027-01-01", "2027-12-31"), line("opex", 300, "2027-06-01")];
    expect(paybackDate(lines, undefined, 2027)).toBe("2027-11-06");
  });
});
