// One agency's share of a costed plan (for its own per-agency plan): its lines only, every view
// recomputed from them exactly as costPlan does, its own payback and present value.
import type { Cost } from "../plan-schema.js";
import { sums } from "./cost.js";
import { paybackDate } from "./payback.js";

/** The part of `cost` that `agency`'s budget carries (agency `province` for the shared budget). */
export function costForAgency(cost: Cost, agency: string, asOf: string): Cost {
  const lines = cost.lines.filter((l) => l.agency === agency);
  const own = cost.byAgency.find((a) => a.agency === agency);
  const byYear = cost.byYear.map((y) => ({ year: y.year, ...sums(lines.filter((l) => l.year === y.year)) }));
  const t = sums(lines);
  const baseYear = Number(asOf.slice(0, 4));
  const payback = paybackDate(lines, cost.discountRatePct, baseYear);
  const refs = new Set(lines.map((l) => l.priceRef));
  return {
    currency: cost.currency,
    byYear,
    byAgency: own ? [own] : [],
    total: { ...t, savingsPerYear: own?.savingsPerYear ?? 0 },
    ...(payback !== undefined ? { paybackDate: payback } : {}),
    lines,
    ...(cost.note !== undefined ? { note: cost.note } : {}),
    ...(cost.discountRatePct !== undefined
      ? { discountRatePct: cost.discountRatePct, presentNet: Math.round(byYear.reduce((pv, y) => pv + y.net / (1 + cost.discountRatePct! / 100) ** (y.year - baseYear), 0)) }
      : {}),
    prices: cost.prices.filter((p) => refs.has(p.ref)),
  };
}
