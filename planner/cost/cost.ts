// costPlan: a finished plan + its inventory + a price book → the plan's `cost` (docs/cost.md). A
// pure post-pass over the plan, so it composes with whatever the planner decides. The priced items
// (items.ts) are split into budget years: a one-off item falls in the year of its date, a recurring
// one is counted day by day (quantity = per-year quantity × days ÷ days in that year, rounded to 4
// decimals). Every line's amount is round(quantity × unit price) in whole đồng, and every total —
// by year, by agency, overall — is the exact integer sum of the lines, so all views agree.
import { PriceBookError } from "../../common/errors.js";
import type { InventoryIndex } from "../../inventory/model.js";
import type { Cost, CostAgency, CostKind, CostLine, CostPrice, CostYear, Plan } from "../plan-schema.js";
import { dayNumber } from "../dates.js";
import { type CostItem, priceItems, round4 } from "./items.js";
import { paybackDate } from "./payback.js";
import { type LoadedPriceBook, priceBookFinding } from "./price-book.js";
import type { PriceBook } from "./price-book-schema.js";

/** First and last budget years always shown (the province's 2026–2030 roadmap). */
export const FIRST_BUDGET_YEAR = 2026;
export const LAST_BUDGET_YEAR = 2030;

const KIND_ORDER: Record<CostKind, number> = { capex: 0, opex: 1, savings: 2 };
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Costs `plan` with the price book; throws PriceBookError with one finding per price the plan needs and the book lacks. */
export function costPlan(plan: Plan, index: InventoryIndex, loaded: LoadedPriceBook): Cost {
  const { book } = loaded;
  const lastYear = Math.max(LAST_BUDGET_YEAR, Number(plan.profile.horizonEnd.slice(0, 4)));
  const end = `${lastYear}-12-31`;
  const { items, missing } = priceItems(plan, index, book, end);
  if (missing.length > 0) {
    throw new PriceBookError(
      missing.map((m) => priceBookFinding(loaded, m.ref.split("."), "missing-price", `no price for ${m.prices}; the plan needs it for ${subjects(m.neededBy)}`)),
    );
  }
  const lines = items.flatMap(yearLines).sort(byLine);
  // Lines are sorted by year: each year's lines are one slice.
  const firstYear = Math.min(FIRST_BUDGET_YEAR, lines[0]?.year ?? FIRST_BUDGET_YEAR);
  const finalYear = Math.max(lastYear, lines[lines.length - 1]?.year ?? lastYear);
  const byYear: CostYear[] = [];
  let at = 0;
  for (let y = firstYear; y <= finalYear; y++) {
    const start = at;
    while (at < lines.length && lines[at].year === y) at++;
    byYear.push({ year: y, ...sums(lines.slice(start, at)) });
  }

  const agencyLines = new Map<string, CostLine[]>();
  for (const l of lines) {
    const list = agencyLines.get(l.agency!) ?? [];
    list.push(l);
    agencyLines.set(l.agency!, list);
  }
  const perYear = savingsPerYear(items, end);
  const byAgency: CostAgency[] = [...agencyLines.keys()].sort(cmp).map((agency) => {
    const s = sums(agencyLines.get(agency)!);
    return { agency, capex: s.capex, opex: s.opex, savingsPerYear: perYear.get(agency) ?? 0, savings: s.savings, net: s.net };
  });
  const t = sums(lines);
  const baseYear = Number(plan.asOf.slice(0, 4));
  const rate = book.discountRatePct;
  const payback = paybackDate(lines, rate, baseYear);
  const cost: Cost = {
    currency: "VND",
    byYear,
    byAgency,
    total: { ...t, savingsPerYear: [...perYear.values()].reduce((a, b) => safeAdd(a, b), 0) },
    ...(payback !== undefined ? { paybackDate: payback } : {}),
    lines,
    ...(book.note !== undefined ? { note: book.note } : {}),
    ...(rate !== undefined ? { discountRatePct: rate, presentNet: presentNet(byYear, rate, baseYear) } : {}),
    prices: citedPrices(book, lines),
  };
  return cost;
}

/** Exact integer sums of lines by kind, and net = capex + opex − savings. */
export function sums(lines: readonly Pick<CostLine, "amount" | "kind">[]): Omit<CostYear, "year"> {
  let capex = 0;
  let opex = 0;
  let savings = 0;
  for (const l of lines) {
    if (l.kind === "capex") capex = safeAdd(capex, l.amount);
    else if (l.kind === "opex") opex = safeAdd(opex, l.amount);
    else savings = safeAdd(savings, l.amount);
  }
  return { capex, opex, savings, net: capex + opex - savings };
}

/** a + b, refusing to lose a đồng beyond 2⁵³. */
function safeAdd(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError(`cost total ${s} đồng is beyond exact integer arithmetic`);
  return s;
}

/** The yearly lines of one item (plain object literals: this runs once per line of a 100k-server plan). */
function yearLines(item: CostItem): CostLine[] {
  // Keys in the contract's order (what, subject, year, amount, kind, agency, priceRef), then dcplan's.
  const line = (year: number, quantity: number, from: string, to: string): CostLine => ({
    what: item.what,
    subject: item.subject,
    year,
    amount: Math.round(quantity * item.unitPrice),
    kind: item.kind,
    agency: item.agency,
    priceRef: item.priceRef,
    quantity,
    unit: item.unit,
    unitPrice: item.unitPrice,
    from,
    to,
  });
  if (item.once) return [line(Number(item.once.on.slice(0, 4)), item.once.quantity, item.once.on, item.once.on)];
  const r = item.recurring!;
  const first = Number(r.from.slice(0, 4));
  const last = Number(r.to.slice(0, 4));
  const fromDay = dayNumber(r.from);
  const toDay = dayNumber(r.to);
  const out: CostLine[] = [];
  for (let y = first; y <= last; y++) {
    const days = (y === last ? toDay : yearStart(y + 1) - 1) - (y === first ? fromDay : yearStart(y)) + 1;
    const quantity = round4((r.perYear * days) / daysInYear(y));
    if (quantity > 0) out.push(line(y, quantity, y === first ? r.from : `${y}-01-01`, y === last ? r.to : `${y}-12-31`));
  }
  return out;
}

const YEAR_START = new Map<number, number>();
/** Day number of 1 January of `y` (cached). */
function yearStart(y: number): number {
  let d = YEAR_START.get(y);
  if (d === undefined) YEAR_START.set(y, (d = dayNumber(`${y}-01-01`)));
  return d;
}

function byLine(a: CostLine, b: CostLine): number {
  return a.year - b.year || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || cmp(a.what, b.what) || cmp(a.subject, b.subject) || cmp(a.priceRef, b.priceRef) || cmp(a.from, b.from);
}

/** Per agency: a full year of the recurring savings still running on the last day costed, each item rounded to the đồng. */
function savingsPerYear(items: readonly CostItem[], end: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) {
    if (i.kind !== "savings" || !i.recurring || i.recurring.to !== end) continue;
    out.set(i.agency, safeAdd(out.get(i.agency) ?? 0, Math.round(i.recurring.perYear * i.unitPrice)));
  }
  return out;
}

/** Σ net of each year ÷ (1 + rate)^(year − baseYear), rounded to the đồng. */
function presentNet(byYear: readonly CostYear[], ratePct: number, baseYear: number): number {
  let pv = 0;
  for (const y of byYear) pv += y.net / (1 + ratePct / 100) ** (y.year - baseYear);
  return Math.round(pv);
}

/** The book's entries that lines cite, by ref. */
function citedPrices(book: PriceBook, lines: readonly CostLine[]): CostPrice[] {
  const refs = [...new Set(lines.map((l) => l.priceRef))].sort(cmp);
  return refs.map((ref): CostPrice => {
    const [section, key] = ref.split(".");
    const node = (key === undefined ? book[section as keyof PriceBook] : (book[section as keyof PriceBook] as Record<string, unknown>)[key]) as Record<string, unknown>;
    const src = typeof node.source === "string" ? { source: node.source } : {};
    if (section === "labour") return { ref, amount: node.dayRate as number, unit: "engineer-day", quoted: node.quoted as string, ...src, engineerDays: node.engineerDays as number, per: node.unit as string };
    return {
      ref,
      amount: node.amount as number,
      unit: node.unit as string,
      quoted: node.quoted as string,
      ...src,
      ...(typeof node.model === "string" ? { model: node.model } : {}),
      ...(typeof node.platform === "string" ? { platform: node.platform } : {}),
    };
  });
}

/** "a, b, c and 4 more" (at most five named). */
function subjects(ids: readonly string[]): string {
  if (ids.length <= 5) return ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
  return `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more`;
}

function daysInYear(y: number): number {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
}
