// A costed plan's spending and savings inside a reporting period (the yearly and half-yearly
// reports), split into done (up to the as-of day) and planned. A line is cut by days: the share of
// a line before a day d is round(amount × its days before d ÷ its days), so the parts of adjacent
// periods (and of done / planned) add up to the line exactly; a period that covers whole budget
// years gives exactly `byYear`.
import { dayNumber } from "../dates.js";
import type { Cost, CostLine } from "../plan-schema.js";

/** Spending (capex + opex) and savings in a period, đồng. */
export interface PeriodCost {
  readonly spending: { readonly done: number; readonly planned: number };
  readonly savings: { readonly done: number; readonly planned: number };
}

/** What `cost` spends and saves from `from` to `to` (ISO, inclusive), done up to `asOf`, planned after it. */
export function costInPeriod(cost: Cost, from: string, to: string, asOf: string): PeriodCost {
  const a = dayNumber(from);
  const b = dayNumber(to) + 1;
  const cut = Math.min(Math.max(dayNumber(asOf) + 1, a), b);
  let spendDone = 0;
  let spendPlanned = 0;
  let saveDone = 0;
  let savePlanned = 0;
  for (const l of cost.lines) {
    const done = shareBetween(l, a, cut);
    const planned = shareBetween(l, cut, b);
    if (l.kind === "savings") {
      saveDone += done;
      savePlanned += planned;
    } else {
      spendDone += done;
      spendPlanned += planned;
    }
  }
  return { spending: { done: spendDone, planned: spendPlanned }, savings: { done: saveDone, planned: savePlanned } };
}

/** The part of a line's amount on days [x, y) (day numbers). */
function shareBetween(l: CostLine, x: number, y: number): number {
  if (y <= x) return 0;
  return before(l, y) - before(l, x);
}

/** round(amount × the line's days before day d ÷ its days). */
function before(l: CostLine, d: number): number {
  const from = dayNumber(l.from);
  const days = dayNumber(l.to) - from + 1;
  const n = Math.min(Math.max(d - from, 0), days);
  return n === days ? l.amount : Math.round((l.amount * n) / days);
}
