// Cost beside the decisions, for every export that shows a costed plan (`plan.cost`, docs/cost.md):
// - costSectionHtml: the roadmap's "Kinh phí" section (headline in tỷ/triệu đồng, payback, the
//   chart and table by year, the largest items, by paying agency, the unit prices and the book's
//   note) and, for a per-agency plan, the agency's own share;
// - costTables: the XLSX sheets — every line with its totals as values (no formulas), and the
//   summary by year and by agency;
// - costIndicatorRows: the report's funding and savings rows for a period (done / planned / total).
// Amounts are plain integers in tables (XLSX number cells) and `1.234.567 ₫` in HTML.
import { costInPeriod } from "../cost/period.js";
import { largestItems } from "../cost/largest.js";
import type { Cost, CostLine, Plan } from "../plan-schema.js";
import { costKindLabel, costLabels, costUnitLabel, costWhatLabel, priceRefLabel } from "./cost-labels.js";
import { formatDate, formatNumber, formatPercent, type Lang } from "./i18n.js";
import { formatMoney, formatMoneyShort } from "./money.js";
import { costChartSvg } from "./svg-cost.js";
import { escapeXml as esc } from "./svg-timeline.js";
import { type CellValue, type ExportInput, namesOf, type Table } from "./tables.js";

/** Agency id of the province's shared budget (planner/cost/items.ts PROVINCE). */
const PROVINCE = "province";
/** Items listed under "the largest items". */
export const TOP_ITEMS = 10;

/** Whose view: the province's roadmap (every agency) or one agency's own plan. */
export type CostView = "province" | "agency";

/** Display name of a line's subject: a wave, a purchase, a system, a site, a server. */
export function costSubjectName(plan: Plan, subject: string, lang: Lang): string {
  const C = costLabels(lang);
  const names = namesOf(plan);
  const wave = /^wave-(\d+)$/.exec(subject);
  if (wave) return C.wave(Number(wave[1]));
  const buy = /^procurement-(\d+)$/.exec(subject);
  if (buy) {
    const p = plan.procurement[Number(buy[1]) - 1];
    return C.procurement(Number(buy[1]), p ? formatDate(p.by, lang) : "");
  }
  if (plan.systems.some((s) => s.id === subject)) return names.system(subject);
  if (plan.sites.some((s) => s.id === subject)) return C.site(names.site(subject));
  return C.server(subject);
}

/** Display name of a paying agency (`province`: the shared budget). */
export function costAgencyName(plan: Plan, agency: string | undefined, lang: Lang): string {
  return agency === undefined || agency === PROVINCE ? costLabels(lang).province : namesOf(plan).agency(agency);
}

/** The body of the "Kinh phí" section (empty string when the plan has no cost). */
export function costSectionHtml(plan: Plan, lang: Lang, view: CostView = "province"): string {
  const cost = plan.cost;
  if (!cost) return "";
  const C = costLabels(lang);
  const money = (x: number) => formatMoney(x, lang);
  const short = (x: number) => formatMoneyShort(x, lang);
  const out: string[] = [];
  const first = cost.byYear[0].year;
  const last = cost.byYear[cost.byYear.length - 1].year;
  const t = cost.total;
  if (view === "agency" && cost.lines.length === 0) return `<p>${esc(C.ownShareNone)}</p>`;

  // Headline: the sums a leader reads first, in tỷ / triệu đồng.
  const lead = [C.headline(C.costYears(first, last), short(t.capex), short(t.opex), short(t.savings), short(t.net))];
  if (t.net < 0) lead.push(C.netGain(short(-t.net)));
  if (t.capex + t.opex === 0) lead.push(C.nothingSpent);
  else lead.push(cost.paybackDate ? C.payback(formatDate(cost.paybackDate, lang)) : C.noPayback);
  if (t.savingsPerYear > 0) lead.push(C.perYear(short(t.savingsPerYear)));
  if (cost.discountRatePct !== undefined && cost.presentNet !== undefined) lead.push(C.presentNet(formatPercent(cost.discountRatePct / 100, lang, cost.discountRatePct % 1 === 0 ? 0 : 1), short(cost.presentNet)));
  // Cards first (the figures at a glance, in tỷ / triệu đồng), then the same in sentences.
  const years = C.costYears(first, last);
  const card = (key: string, label: string, amount: number | undefined, text?: string) => {
    // A money figure splits into number and unit words; a date or a phrase stays whole.
    const [value, ...unit] = text !== undefined ? [text] : short(amount!).split(" ");
    return `<div class="card${key === "cost-net" && amount! > 0 ? " bad" : ""}"><div class="label">${esc(label)}</div><div class="value" data-figure="${key}">${esc(value)}</div><div class="unit">${esc(unit.join(" "))}</div></div>`;
  };
  out.push(`<div class="cards">
${card("cost-capex", `${C.capex} ${years}`, t.capex)}
${card("cost-opex", `${C.opexAdded} ${years}`, t.opex)}
${card("cost-savings", `${C.savings} ${years}`, t.savings)}
${card("cost-net", C.netLong, t.net)}
${card("cost-savings-per-year", C.savingsPerYear, t.savingsPerYear)}
${card("cost-payback", C.paybackLabel, undefined, cost.paybackDate ? formatDate(cost.paybackDate, lang) : C.paybackNone)}
</div>`);
  out.push(`<p data-figure="cost-headline">${esc(lead.join(" "))}</p>`);
  if (cost.note) out.push(`<p class="sub"><strong>${esc(C.basis)}:</strong> ${esc(cost.note)}</p>`);

  // By year: chart and table (totals in the footer).
  out.push(`<figure class="cost-chart">\n${costChartSvg(cost.byYear, lang, view === "agency" ? "cost-own" : "cost")}\n</figure>`);
  const yearRow = (label: string, y: { capex: number; opex: number; savings: number; net: number }, tag: "td" | "th" = "td") =>
    `<tr><th scope="row">${esc(label)}</th>${[y.capex, y.opex, y.savings, y.net].map((v) => `<${tag} class="num money">${esc(money(v))}</${tag}>`).join("")}</tr>`;
  out.push(`<table class="cost" data-table="cost-by-year">
<caption>${esc(C.byYearTitle)}</caption>
<thead><tr><th scope="col">${esc(C.year)}</th><th scope="col" class="num">${esc(C.capex)}</th><th scope="col" class="num">${esc(C.opex)}</th><th scope="col" class="num">${esc(C.savings)}</th><th scope="col" class="num">${esc(C.net)}</th></tr></thead>
<tbody>
${cost.byYear.map((y) => yearRow(String(y.year), y)).join("\n")}
</tbody>
<tfoot>
${yearRow(C.total, t, "th")}
</tfoot>
</table>`);

  // The largest items (the agency's view lists all of its own).
  const items = largestItems(cost, view === "agency" ? Infinity : TOP_ITEMS);
  const prices = new Map(cost.prices.map((p) => [p.ref, p]));
  const span = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);
  out.push(`<h3>${esc(view === "agency" ? C.linesTitle : C.topTitle)}</h3>`);
  out.push(`<table class="cost" data-table="cost-items">
<caption class="sr-only">${esc(view === "agency" ? C.linesTitle : C.topTitle)}</caption>
<thead><tr><th scope="col">${esc(C.what)}</th><th scope="col">${esc(C.subject)}</th>${view === "agency" ? "" : `<th scope="col">${esc(C.agency)}</th>`}<th scope="col">${esc(C.kind)}</th><th scope="col">${esc(C.years)}</th><th scope="col" class="num">${esc(C.quantity)}</th><th scope="col" class="num">${esc(C.price)}</th><th scope="col" class="num">${esc(C.amount)}</th></tr></thead>
<tbody>
${items
  .map(
    (i) =>
      `<tr><th scope="row">${esc(costWhatLabel(i.what, lang))}</th><td>${esc(costSubjectName(plan, i.subject, lang))}</td>${view === "agency" ? "" : `<td>${esc(costAgencyName(plan, i.agency, lang))}</td>`}<td>${esc(costKindLabel(i.kind, lang))}</td><td>${esc(span(i.firstYear, i.lastYear))}</td><td class="num">${esc(`${formatNumber(i.quantity, lang, decimals(i.quantity))} ${costUnitLabel(i.unit, lang)}`)}</td><td class="num money">${esc(money(i.unitPrice))}</td><td class="num money">${esc(money(i.amount))}</td></tr>`,
  )
  .join("\n")}
</tbody>
</table>`);

  // By paying agency (the province's view only), largest net first.
  if (view === "province") {
    const rows = [...cost.byAgency].sort((a, b) => b.capex + b.opex + b.savings - (a.capex + a.opex + a.savings) || (a.agency < b.agency ? -1 : 1));
    out.push(`<h3>${esc(C.byAgencyTitle)}</h3>`);
    out.push(`<table class="cost" data-table="cost-by-agency">
<caption class="sr-only">${esc(C.byAgencyTitle)}</caption>
<thead><tr><th scope="col">${esc(C.agency)}</th><th scope="col" class="num">${esc(C.capex)}</th><th scope="col" class="num">${esc(C.opex)}</th><th scope="col" class="num">${esc(C.savings)}</th><th scope="col" class="num">${esc(C.net)}</th><th scope="col" class="num">${esc(C.savingsPerYear)}</th></tr></thead>
<tbody>
${rows.map((a) => `<tr><th scope="row">${esc(costAgencyName(plan, a.agency, lang))}</th>${[a.capex, a.opex, a.savings, a.net, a.savingsPerYear].map((v) => `<td class="num money">${esc(money(v))}</td>`).join("")}</tr>`).join("\n")}
</tbody>
<tfoot>
<tr><th scope="row">${esc(C.total)}</th>${[t.capex, t.opex, t.savings, t.net, t.savingsPerYear].map((v) => `<th class="num money">${esc(money(v))}</th>`).join("")}</tr>
</tfoot>
</table>`);
  }

  // The unit prices behind every figure.
  out.push(`<h3>${esc(C.pricesTitle)}</h3>`);
  out.push(`<table class="cost" data-table="cost-prices">
<caption class="sr-only">${esc(C.pricesTitle)}</caption>
<thead><tr><th scope="col">${esc(C.what)}</th><th scope="col" class="num">${esc(C.price)}</th><th scope="col">${esc(C.unit)}</th><th scope="col">${esc(C.quoted)}</th><th scope="col">${esc(C.source)}</th></tr></thead>
<tbody>
${[...prices.values()]
  .map((p) => {
    const unit = p.engineerDays !== undefined ? `${costUnitLabel(p.unit, lang)} (${C.perUnit(formatNumber(p.engineerDays, lang, decimals(p.engineerDays)), costUnitLabel(p.per ?? "", lang))})` : costUnitLabel(p.unit, lang);
    return `<tr><th scope="row">${esc(priceRefLabel(p.ref, lang, p.platform))}${p.model ? ` <span class="sub">(${esc(p.model)})</span>` : ""}</th><td class="num money">${esc(money(p.amount))}</td><td>${esc(unit)}</td><td class="date">${esc(formatDate(p.quoted, lang))}</td><td>${esc(p.source ?? "")}</td></tr>`;
  })
  .join("\n")}
</tbody>
</table>`);
  return out.join("\n");
}

/** The XLSX sheets of a costed plan: every line with total rows (values), then the summary by year and by agency; none without a cost. */
export function costTables(input: ExportInput): Table[] {
  const { plan, lang } = input;
  const cost = plan.cost;
  if (!cost) return [];
  const C = costLabels(lang);
  // Years are labels, not amounts: text cells, so no sheet shows "2,026".
  const lineRows: CellValue[][] = cost.lines.map((l: CostLine) => [
    String(l.year),
    costKindLabel(l.kind, lang),
    costWhatLabel(l.what, lang),
    costSubjectName(plan, l.subject, lang),
    costAgencyName(plan, l.agency, lang),
    l.quantity,
    costUnitLabel(l.unit, lang),
    l.unitPrice,
    l.amount,
    l.priceRef,
    l.from,
    l.to,
  ]);
  const t = cost.total;
  // Totals as values: the figures a formula would give, so the sheet reads the same anywhere.
  const totalRow = (label: string, amount: number): CellValue[] => [null, label, null, null, null, null, null, null, amount, null, null, null];
  lineRows.push(totalRow(`${C.total}: ${C.capex}`, t.capex), totalRow(`${C.total}: ${C.opex}`, t.opex), totalRow(`${C.total}: ${C.savings}`, t.savings), totalRow(`${C.total}: ${C.net}`, t.net));
  const lines: Table = {
    id: "cost-lines",
    title: C.linesTitle,
    columns: [
      { key: "year", header: C.year, type: "text", width: 7 },
      { key: "kind", header: C.kind, type: "text", width: 26 },
      { key: "what", header: C.what, type: "text", width: 30 },
      { key: "subject", header: C.subject, type: "text", width: 40 },
      { key: "agency", header: C.agency, type: "text", width: 34 },
      { key: "quantity", header: C.quantity, type: "number", width: 12 },
      { key: "unit", header: C.unit, type: "text", width: 16 },
      { key: "unit-price", header: C.unitPrice, type: "int", width: 16 },
      { key: "amount", header: C.amount, type: "int", width: 18 },
      { key: "price-ref", header: C.priceRef, type: "text", width: 26, technical: true },
      { key: "from", header: C.from, type: "date", width: 12 },
      { key: "to", header: C.to, type: "date", width: 12 },
    ],
    rows: lineRows,
  };
  const summaryRows: CellValue[][] = [
    ...cost.byYear.map((y): CellValue[] => [C.year, String(y.year), y.capex, y.opex, y.savings, y.net, null]),
    [C.year, C.total, t.capex, t.opex, t.savings, t.net, t.savingsPerYear],
    ...cost.byAgency.map((a): CellValue[] => [C.agency, costAgencyName(plan, a.agency, lang), a.capex, a.opex, a.savings, a.net, a.savingsPerYear]),
    [C.agency, C.total, t.capex, t.opex, t.savings, t.net, t.savingsPerYear],
  ];
  const summary: Table = {
    id: "cost-summary",
    title: C.summaryTitle,
    columns: [
      { key: "group", header: C.summaryBy, type: "text", width: 18 },
      { key: "name", header: C.summaryWhich, type: "text", width: 40 },
      { key: "capex", header: C.capex, type: "int", width: 18 },
      { key: "opex", header: C.opex, type: "int", width: 18 },
      { key: "savings", header: C.savings, type: "int", width: 18 },
      { key: "net", header: C.net, type: "int", width: 18 },
      { key: "savings-per-year", header: C.savingsPerYear, type: "int", width: 20 },
    ],
    rows: summaryRows,
  };
  return [summary, lines];
}

/** The report's funding and savings rows for the period `from`..`to` (numbered from `firstNo`); none without a cost. */
export function costIndicatorRows(plan: Plan, lang: Lang, from: string, to: string, firstNo: number): CellValue[][] {
  const cost: Cost | undefined = plan.cost;
  if (!cost) return [];
  const C = costLabels(lang);
  const p = costInPeriod(cost, from, to, plan.asOf);
  return [
    [String(firstNo), C.fundingRow, C.unitDong, p.spending.done, p.spending.planned, p.spending.done + p.spending.planned],
    [String(firstNo + 1), C.savingsRow, C.unitDong, p.savings.done, p.savings.planned, p.savings.done + p.savings.planned],
  ];
}

/** Decimals worth showing for a quantity (0 for whole numbers, else up to 2). */
function decimals(x: number): number {
  return Number.isInteger(x) ? 0 : Number.isInteger(x * 10) ? 1 : 2;
}
