// The largest items of a costed plan, for the "top lines" tables: lines of the same item (kind,
// what, subject, price, agency) over all years added up, largest amount first (ties by kind, what,
// subject), so one decommissioned host reads as one item, not five yearly lines.
import type { Cost, CostKind, CostWhat } from "../plan-schema.js";

/** One item over all the years costed. */
export interface CostItemTotal {
  readonly kind: CostKind;
  readonly what: CostWhat;
  readonly subject: string;
  readonly agency: string;
  readonly priceRef: string;
  readonly unit: string;
  readonly unitPrice: number;
  /** Sum of its lines' quantities (4 decimals). */
  readonly quantity: number;
  readonly amount: number;
  readonly firstYear: number;
  readonly lastYear: number;
}

/** The `n` largest items of `cost` (all when n is omitted), optionally of one kind only. */
export function largestItems(cost: Cost, n = Infinity, kind?: CostKind): CostItemTotal[] {
  const byKey = new Map<string, CostItemTotal>();
  for (const l of cost.lines) {
    if (kind !== undefined && l.kind !== kind) continue;
    const key = `${l.kind}\u0000${l.what}\u0000${l.subject}\u0000${l.priceRef}\u0000${l.agency ?? ""}`;
    const t = byKey.get(key);
    if (!t) {
      byKey.set(key, { kind: l.kind, what: l.what, subject: l.subject, agency: l.agency ?? "", priceRef: l.priceRef, unit: l.unit, unitPrice: l.unitPrice, quantity: l.quantity, amount: l.amount, firstYear: l.year, lastYear: l.year });
    } else {
      byKey.set(key, { ...t, quantity: Math.round((t.quantity + l.quantity) * 1e4) / 1e4, amount: t.amount + l.amount, firstYear: Math.min(t.firstYear, l.year), lastYear: Math.max(t.lastYear, l.year) });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byKey.values()].sort((a, b) => b.amount - a.amount || cmp(a.kind, b.kind) || cmp(a.what, b.what) || cmp(a.subject, b.subject) || cmp(a.priceRef, b.priceRef)).slice(0, n);
}
