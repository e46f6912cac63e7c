// Payback date of a costed plan: the first day from which the cumulative savings cover the
// cumulative spending (capex + opex) and keep covering it to the last day costed. One-off lines
// count on their day; a recurring line is spread evenly over its days. With a discount rate every
// line is worth amount ÷ (1 + rate)^(its year − the base year), the budget-year convention of the
// present value. Day by day with a difference array: O(lines + days).
import { dayNumber, isoDate } from "../dates.js";
import type { CostLine } from "../plan-schema.js";

/** Payback date (ISO), or undefined when nothing is spent or the savings never catch up; `ratePct` % a year [none]. */
export function paybackDate(lines: readonly CostLine[], ratePct: number | undefined, baseYear: number): string | undefined {
  const spending = lines.filter((l) => l.kind !== "savings" && l.amount > 0);
  if (spending.length === 0) return undefined;
  // Lines share few distinct dates: convert each once.
  const days = new Map<string, number>();
  const day = (iso: string): number => {
    let d = days.get(iso);
    if (d === undefined) days.set(iso, (d = dayNumber(iso)));
    return d;
  };
  let first = Infinity;
  let last = -Infinity;
  for (const l of lines) {
    first = Math.min(first, day(l.from));
    last = Math.max(last, day(l.to));
  }
  const diff = new Float64Array(last - first + 2);
  for (const l of lines) {
    const factor = ratePct === undefined ? 1 : (1 + ratePct / 100) ** -(l.year - baseYear);
    const value = (l.kind === "savings" ? 1 : -1) * l.amount * factor;
    const a = day(l.from) - first;
    const b = day(l.to) - first;
    const perDay = value / (b - a + 1);
    diff[a] += perDay;
    diff[b + 1] -= perDay;
  }
  // Half a đồng of tolerance absorbs the rounding of spreading an integer over days.
  let rate = 0;
  let balance = 0;
  let lastNegative = -1;
  for (let d = 0; d <= last - first; d++) {
    rate += diff[d];
    balance += rate;
    if (balance < -0.5) lastNegative = d;
  }
  if (lastNegative === last - first) return undefined;
  if (lastNegative < 0) return spending.reduce((m, l) => (l.from < m ? l.from : m), spending[0].from);
  return isoDate(first + lastNegative + 1);
}
