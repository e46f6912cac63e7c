// Cost in the exports, on the sample plan costed with the sample's illustrative price book: the
// figures people read equal the plan's cost, every table adds up to its totals, and the words are
// Vietnamese (no keys, ids or English) under --lang vi.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { costInPeriod } from "../../planner/cost/index.js";
import { planForOwner, renderByOwner } from "../../planner/export/by-owner.js";
import { renderCsv } from "../../planner/export/csv.js";
import { renderHtml } from "../../planner/export/html.js";
import { formatMoneyShort } from "../../planner/export/money.js";
import { parsePeriod, renderReport } from "../../planner/export/report.js";
import { renderXlsx } from "../../planner/export/xlsx.js";
import type { Plan } from "../../planner/plan-schema.js";
import { costedSamplePlan } from "../planner/cost/fixtures.js";

let plan: Plan;

beforeAll(async () => {
  plan = await costedSamplePlan();
});

/** The HTML of section `id`. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  if (start < 0) return "";
  return html.slice(start, html.indexOf("</section>", start));
}

/** Text of an HTML fragment (tags removed, entities of the escaper undone). */
function textOf(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, (svg) => svg.replace(/<title[^>]*>[\s\S]*?<\/title>/g, ""))
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");
}

/** "1.234.567 ₫" / "−1.234 ₫" / "VND 1,234" → integer. */
function amountOf(s: string): number {
  const negative = s.includes("−");
  const n = Number(s.replace(/[^\d]/g, ""));
  return negative ? -n : n;
}

/** Money cells of each row of the table marked `data-table`, from the HTML. */
function moneyRows(html: string, table: string): { head: string; amounts: number[] }[] {
  const start = html.indexOf(`data-table="${table}"`);
  const body = html.slice(start, html.indexOf("</table>", start));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => ({ head: textOf(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(m[1])?.[1] ?? "").trim(), amounts: [...m[1].matchAll(/class="num money">([^<]*)</g)].map((x) => amountOf(x[1])) }))
    .filter((r) => r.amounts.length > 0);
}

describe("cost in the exports", () => {
  it("puts a 'Kinh phí' section in the roadmap whose figures are the plan's and whose tables add up", () => {
    const html = renderHtml({ plan, lang: "vi" });
    const cost = plan.cost!;
    const s = section(html, "cost");
    expect(s).toContain('<h2 id="cost-h">Kinh phí</h2>');
    expect(html.indexOf('<section id="cost"')).toBeGreaterThan(html.indexOf('<section id="figures"'));
    const card = (key: string) => new RegExp(`data-figure="${key}">([^<]*)<`).exec(s)![1];
    expect(card("cost-capex")).toBe(formatMoneyShort(cost.total.capex, "vi").split(" ")[0]);
    expect(card("cost-savings")).toBe(formatMoneyShort(cost.total.savings, "vi").split(" ")[0]);
    expect(card("cost-net")).toBe(formatMoneyShort(cost.total.net, "vi").split(" ")[0]);
    expect(card("cost-payback")).toBe("02/10/2027");
    // By year: each row is the plan's year, the footer the total, and the rows add up to it.
    const years = moneyRows(s, "cost-by-year");
    expect(years.map((r) => r.head)).toEqual([...cost.byYear.map((y) => String(y.year)), "Tổng cộng"]);
    cost.byYear.forEach((y, i) => expect(years[i].amounts).toEqual([y.capex, y.opex, y.savings, y.net]));
    const total = years.at(-1)!.amounts;
    expect(total).toEqual([cost.total.capex, cost.total.opex, cost.total.savings, cost.total.net]);
    for (let c = 0; c < 4; c++) expect(years.slice(0, -1).reduce((sum, r) => sum + r.amounts[c], 0)).toBe(total[c]);
    // By agency: every paying agency once, the rows add up to the footer.
    const agencies = moneyRows(s, "cost-by-agency");
    expect(agencies).toHaveLength(cost.byAgency.length + 1);
    for (let c = 0; c < 5; c++) expect(agencies.slice(0, -1).reduce((sum, r) => sum + r.amounts[c], 0)).toBe(agencies.at(-1)!.amounts[c]);
    expect(agencies.map((r) => r.head)).toContain("Ngân sách tỉnh (dùng chung)");
    // The largest items: ten, largest first.
    const items = moneyRows(s, "cost-items").map((r) => r.amounts[1]);
    expect(items).toHaveLength(10);
    expect([...items].sort((a, b) => b - a)).toEqual(items);
    // The chart draws a bar per year that has spending or savings.
    expect(s.match(/<rect x="\d+" y="\d+" width="\d+" height="\d+" fill="#(1d4e89|6b9bd1|2e7d32)"><title>/g)!.length).toBe(cost.byYear.reduce((n, y) => n + (y.capex > 0 ? 1 : 0) + (y.opex > 0 ? 1 : 0) + (y.savings > 0 ? 1 : 0), 0));
  });

  it("reads as Vietnamese: tỷ đồng in the headline, no keys, ids or English words", () => {
    const text = textOf(section(renderHtml({ plan, lang: "vi" }), "cost"));
    expect(text).toMatch(/Chi phí ròng \(chi − tiết kiệm\): −4,93 tỷ đồng/);
    expect(text).toMatch(/Số tiết kiệm bù đủ số chi kể từ ngày 02\/10\/2027 \(thời điểm hoàn vốn\)/);
    expect(text).toMatch(/Bảng đơn giá minh họa/);
    for (const bad of [/\b(labour|hardware|support|licences|wan)\.\w+/, /\bprovince\b/, /\b(capex|opex|savings|engineer-day|core-year|rack-unit-year|kwh)\b/, /\bwave-\d/, /\bprocurement-\d/, /undefined|NaN|\[object/]) {
      expect(text, String(bad)).not.toMatch(bad);
    }
    const en = textOf(section(renderHtml({ plan, lang: "en" }), "cost"));
    expect(en).toMatch(/Net cost \(spending − savings\): −4\.93 billion VND/);
    expect(en).not.toMatch(/Chi đầu tư|tỷ đồng/);
  });

  it("leaves a plan without a cost as it was: no section, no sheet, no row", async () => {
    const { cost: _c, ...bare } = plan;
    const html = renderHtml({ plan: bare, lang: "vi" });
    expect(html).not.toContain('id="cost"');
    expect(renderCsv({ plan: bare, lang: "vi" }).map((f) => f.name)).not.toContain("cost-lines.csv");
    const report = await renderReport({ plan: bare, lang: "vi" }, parsePeriod("2026-H2"));
    expect(report.html).not.toContain("Kinh phí");
  });

  it("gives each agency its own share in its plan, equal to its line of the province's table", async () => {
    const files = await renderByOwner({ plan, lang: "vi" }, "html");
    for (const a of plan.cost!.byAgency.filter((x) => x.agency !== "province")) {
      const own = planForOwner(plan, a.agency).cost!;
      expect(own.total).toEqual({ capex: a.capex, opex: a.opex, savings: a.savings, net: a.net, savingsPerYear: a.savingsPerYear });
      const html = files.find((f) => f.name === `${a.agency}.html`)!.content as string;
      const s = section(html, "cost");
      expect(s).toContain("Phần kinh phí của cơ quan");
      expect(moneyRows(s, "cost-by-year").at(-1)!.amounts).toEqual([a.capex, a.opex, a.savings, a.net]);
      expect(s).not.toContain('data-table="cost-by-agency"');
    }
    // An agency with no line says so.
    const none = files.find((f) => f.name === "ca-tinh.html")!.content as string;
    expect(section(none, "cost")).toContain("Kế hoạch không có khoản chi hay khoản tiết kiệm nào thuộc ngân sách của cơ quan.");
  });

  it("writes the XLSX cost sheets with number cells, totals as values equal to the lines, and no formula", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx({ plan, lang: "vi" })) as unknown as ArrayBuffer);
    const lines = wb.getWorksheet("Cost lines")!;
    const summary = wb.getWorksheet("Cost")!;
    const cost = plan.cost!;
    const header = (lines.getRow(1).values as unknown[]).slice(1);
    const amountCol = header.indexOf("Thành tiền (đồng)") + 1;
    expect(amountCol).toBeGreaterThan(0);
    let formulas = 0;
    const amounts: number[] = [];
    const totals = new Map<string, number>();
    lines.eachRow((row, r) => {
      row.eachCell((cell) => {
        if (cell.formula || cell.type === ExcelJS.ValueType.Formula) formulas++;
      });
      if (r === 1) return;
      const v = row.getCell(amountCol).value;
      expect(typeof v).toBe("number");
      if (row.getCell(1).value === null) totals.set(String(row.getCell(2).value), v as number);
      else amounts.push(v as number);
    });
    summary.eachRow((row) => row.eachCell((cell) => void (cell.formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
    expect(amounts).toEqual(cost.lines.map((l) => l.amount));
    expect(totals.get("Tổng cộng: Chi đầu tư")).toBe(cost.lines.filter((l) => l.kind === "capex").reduce((s, l) => s + l.amount, 0));
    expect(totals.get("Tổng cộng: Tiết kiệm")).toBe(cost.total.savings);
    expect(totals.get("Tổng cộng: Chi phí ròng")).toBe(cost.total.net);
    expect(lines.getRow(2).getCell(amountCol).numFmt).toBe("#,##0");
    // The summary: each year, then the total, then each agency and the total again.
    const rows: unknown[][] = [];
    summary.eachRow((row, r) => void (r > 1 && rows.push((row.values as unknown[]).slice(1))));
    expect(rows.slice(0, cost.byYear.length).map((r) => r[5])).toEqual(cost.byYear.map((y) => y.net));
    expect(rows.filter((r) => r[1] === "Tổng cộng").map((r) => r[2])).toEqual([cost.total.capex, cost.total.capex]);
  });

  it("writes cost-lines.csv whose amounts add up to the total", () => {
    const csv = renderCsv({ plan, lang: "en" }).find((f) => f.name === "cost-lines.csv")!;
    const records = parse(csv.content as string, { bom: true, columns: true }) as Record<string, string>[];
    const body = records.filter((r) => r.Year !== "");
    expect(body).toHaveLength(plan.cost!.lines.length);
    expect(body.reduce((s, r) => s + (r.Kind === "Savings" ? -1 : 1) * Number(r["Amount (đồng)"]), 0)).toBe(plan.cost!.total.net);
  });

  it("adds the funding and savings rows to the report, done and planned in the period", async () => {
    for (const id of ["2026-H2", "2027-H1"]) {
      const period = parsePeriod(id);
      const report = await renderReport({ plan, lang: "vi" }, period);
      const p = costInPeriod(plan.cost!, period.from, period.to, plan.asOf);
      const row = /<tr><td>7<\/td><th scope="row">([^<]*)<\/th><td>đồng<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><\/tr>/.exec(report.html)!;
      expect(row[1]).toBe("Kinh phí thực hiện hợp nhất: chi đầu tư và chi thường xuyên");
      expect([amountOf(row[2]), amountOf(row[3]), amountOf(row[4])]).toEqual([p.spending.done, p.spending.planned, p.spending.done + p.spending.planned]);
    }
  });
});
