import { beforeAll, describe, expect, it } from "vitest";
import { costForAgency, costInPeriod, largestItems, sums } from "../../../planner/cost/index.js";
import type { Cost, Plan } from "../../../planner/plan-schema.js";
import { costedSamplePlan, expectConsistent } from "./fixtures.js";

let plan: Plan;
let cost: Cost;

beforeAll(async () => {
  plan = await costedSamplePlan();
  cost = plan.cost!;
});

describe("views of a costed plan", () => {
  it("cuts out each agency's share, consistent on its own, and the shares add up to the whole", () => {
    const years = new Map(cost.byYear.map((y) => [y.year, { capex: 0, opex: 0, savings: 0, net: 0 }]));
    for (const a of cost.byAgency) {
      const own = costForAgency(cost, a.agency, plan.asOf);
      expectConsistent(own);
      expect(own.byAgency).toEqual([a]);
      expect(own.total).toEqual({ capex: a.capex, opex: a.opex, savings: a.savings, net: a.net, savingsPerYear: a.savingsPerYear });
      for (const y of own.byYear) {
        const acc = years.get(y.year)!;
        acc.capex += y.capex;
        acc.opex += y.opex;
        acc.savings += y.savings;
        acc.net += y.net;
      }
    }
    expect(cost.byYear.map((y) => ({ year: y.year, ...years.get(y.year) }))).toEqual(cost.byYear);
    expect(costForAgency(cost, "nobody", plan.asOf).lines).toEqual([]);
  });

  it("gives a year's figures exactly for a yearly period, and halves and done/planned that add up to it", () => {
    for (const y of cost.byYear) {
      const whole = costInPeriod(cost, `${y.year}-01-01`, `${y.year}-12-31`, "2020-01-01");
      expect(whole).toEqual({ spending: { done: 0, planned: y.capex + y.opex }, savings: { done: 0, planned: y.savings } });
      const h1 = costInPeriod(cost, `${y.year}-01-01`, `${y.year}-06-30`, plan.asOf);
      const h2 = costInPeriod(cost, `${y.year}-07-01`, `${y.year}-12-31`, plan.asOf);
      const sum = (p: typeof h1) => p.spending.done + p.spending.planned;
      expect(sum(h1) + sum(h2)).toBe(y.capex + y.opex);
      expect(h1.savings.done + h1.savings.planned + h2.savings.done + h2.savings.planned).toBe(y.savings);
    }
    // As of 30/11/2026 nothing of 2027 is done, and 2026's spending before the first wave is not either.
    const p2026 = costInPeriod(cost, "2026-01-01", "2026-12-31", plan.asOf);
    expect(p2026.spending.done).toBe(0);
    expect(p2026.spending.planned).toBe(cost.byYear[0].capex + cost.byYear[0].opex);
    const later = costInPeriod(cost, "2026-01-01", "2026-12-31", "2026-12-13");
    const byDate = cost.lines.filter((l) => l.year === 2026 && l.to <= "2026-12-13" && l.kind !== "savings").reduce((s, l) => s + l.amount, 0);
    expect(later.spending.done).toBe(byDate);
  });

  it("adds an item's yearly lines into one, largest first, and loses no đồng", () => {
    const items = largestItems(cost);
    expect(items.reduce((s, i) => s + i.amount, 0)).toBe(cost.lines.reduce((s, l) => s + l.amount, 0));
    for (let i = 1; i < items.length; i++) expect(items[i - 1].amount).toBeGreaterThanOrEqual(items[i].amount);
    const top = largestItems(cost, 3, "savings");
    expect(top).toHaveLength(3);
    expect(top.every((t) => t.kind === "savings" && t.firstYear === 2027 && t.lastYear === 2030)).toBe(true);
    expect(sums(cost.lines.filter((l) => l.subject === top[0].subject && l.priceRef === top[0].priceRef)).savings).toBe(top[0].amount);
  });
});
