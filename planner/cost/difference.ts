// The cost difference between two costed plans (`other − base`), for whatever compares plans: the
// deadline options (`deadline.options`, each against the plan) and `dcplan compare` (each scenario
// against the first). Both plans must be costed with the same price book for the figures to mean
// anything; the years are the union of both plans' years (a year one of them lacks counts as 0).
import type { Cost } from "../plan-schema.js";

/** What `other` costs more (positive) or less (negative) than `base`, in đồng. */
export interface CostDifference {
  readonly capex: number;
  readonly opex: number;
  readonly savings: number;
  /** capex + opex − savings: positive when `other` costs the province more. */
  readonly net: number;
  readonly savingsPerYear: number;
  readonly byYear: readonly { readonly year: number; readonly capex: number; readonly opex: number; readonly savings: number; readonly net: number }[];
  /** Difference of the present values, when both plans have one. */
  readonly presentNet?: number;
  /** The payback dates of both plans (either may be absent). */
  readonly paybackDate: { readonly base?: string; readonly other?: string };
}

/** `other − base`, by total, by budget year and in present value (see file header). */
export function costDifference(base: Cost, other: Cost): CostDifference {
  const years = [...new Set([...base.byYear.map((y) => y.year), ...other.byYear.map((y) => y.year)])].sort((a, b) => a - b);
  const zero = { capex: 0, opex: 0, savings: 0, net: 0 };
  const of = (c: Cost, year: number) => c.byYear.find((y) => y.year === year) ?? zero;
  return {
    capex: other.total.capex - base.total.capex,
    opex: other.total.opex - base.total.opex,
    savings: other.total.savings - base.total.savings,
    net: other.total.net - base.total.net,
    savingsPerYear: other.total.savingsPerYear - base.total.savingsPerYear,
    byYear: years.map((year) => {
      const a = of(base, year);
      const b = of(other, year);
      return { year, capex: b.capex - a.capex, opex: b.opex - a.opex, savings: b.savings - a.savings, net: b.net - a.net };
    }),
    ...(base.presentNet !== undefined && other.presentNet !== undefined ? { presentNet: other.presentNet - base.presentNet } : {}),
    paybackDate: { ...(base.paybackDate !== undefined ? { base: base.paybackDate } : {}), ...(other.paybackDate !== undefined ? { other: other.paybackDate } : {}) },
  };
}
