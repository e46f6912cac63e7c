// The report the province owes: half-year and yearly periods, the merger's own indicators (centres
// before → after, merger complete or not, national connections, centralised backup, security
// monitoring and its national link, stand-alone servers, agencies' server plans), every figure
// traceable to the systems and servers behind it, and the rows of one replaceable table.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportRowsError } from "../../common/errors.js";
import { loadInventory } from "../../inventory/load.js";
import type { Inventory } from "../../inventory/schema.js";
import { nextPeriod, parsePeriod, periodLabel, renderReport, reportTables } from "../../planner/export/report.js";
import { MEASURES } from "../../planner/export/report-measures.js";
import { bundledRows, readRows } from "../../planner/export/report-rows.js";
import { planMigration } from "../../planner/plan.js";
import { Plan } from "../../planner/plan-schema.js";
import { loadProfile } from "../../planner/profile.js";
import { loadWorkbook, sheetNamed } from "./workbook.js";

let plan: Plan;
let inventory: Inventory;
let dir: string;

beforeAll(async () => {
  const loaded = await loadInventory(new URL("../../inventory/sample", import.meta.url).pathname, { asOf: "2026-11-30", locateWarnings: false });
  const { profile } = loadProfile(new URL("../../planner/sample/profile.yaml", import.meta.url).pathname);
  plan = Plan.parse(planMigration(loaded, profile, "2026-11-30"));
  inventory = loaded.inventory;
  dir = mkdtempSync(join(tmpdir(), "dcplan-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("periods", () => {
  it("takes a year beside the half-years", () => {
    expect(parsePeriod("2026")).toEqual({ id: "2026", year: 2026, from: "2026-01-01", to: "2026-12-31" });
    expect(parsePeriod("2026-H1")).toMatchObject({ from: "2026-01-01", to: "2026-06-30", half: 1 });
    expect(nextPeriod(parsePeriod("2026")).id).toBe("2027");
    expect(nextPeriod(parsePeriod("2026-H2")).id).toBe("2027-H1");
    expect(periodLabel(parsePeriod("2026"), "vi")).toBe("Năm 2026");
    expect(periodLabel(parsePeriod("2026"), "en")).toBe("Year 2026");
    for (const bad of ["2026-H3", "2026-h2", "26", "1999", "2101", "2026-Q1", "", "2026 "]) expect(() => parsePeriod(bad), bad).toThrow(/--period must be a year/);
  });
});

describe("the yearly report of the sample", () => {
  const row = (tables: ReturnType<typeof reportTables>, no: string) => tables[0].rows.find((r) => r[0] === no)!;

  it("counts the surviving platforms' 2026 national connections, done only when the moves they wait for are recorded", () => {
    const t = reportTables({ plan, lang: "vi", inventory }, parsePeriod("2026"));
    const ms = plan.deadline.nationalConnections!;
    expect(ms.map((c) => c.system).sort()).toEqual(["kho-du-lieu", "lgsp-bn"]);
    expect(ms.find((c) => c.system === "lgsp-bn")!.takesOver).toEqual(["lgsp-bg"]);
    // no progress file: the warehouse is in place already (done), the provincial LGSP waits for the Bắc Giang LGSP's move (planned)
    expect(row(t, "6.1").slice(2, 8)).toEqual(["nền tảng", 0, 1, 1, 2, "2/2 nền tảng đã kết nối; hạn 31/12/2026"]);
    const trace = t[t.length - 1].rows.filter((r) => r[0] === "6.1");
    expect(trace.map((r) => [r[3], r[6], r[7]])).toEqual([
      ["kho-du-lieu → tt-du-lieu-quoc-gia", "Đã thực hiện", true],
      ["lgsp-bn → ndop, ndxp", "Kế hoạch", true],
    ]);
    expect(String(trace[1][4])).toBe("Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Bắc Ninh (LGSP) → Nền tảng chia sẻ, điều phối, tích hợp dữ liệu quốc gia (NDOP); Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)");
    // the next year both were reached before it
    expect(row(reportTables({ plan, lang: "vi", inventory }, parsePeriod("2027")), "6.1").slice(3, 7)).toEqual([2, 0, 0, 2]);
    // a plan made before the milestones has no such row
    const { nationalConnections: _, ...deadline } = plan.deadline;
    expect(row(reportTables({ plan: { ...plan, deadline }, lang: "vi", inventory }, parsePeriod("2026")), "6.1")).toBeUndefined();
  });

  it("states the merger's own indicators", () => {
    const t = reportTables({ plan, lang: "vi", inventory }, parsePeriod("2026"));
    // STT, indicator, unit, start, done, planned, end, note
    expect(row(t, "1").slice(3, 8)).toEqual([2, null, null, 2, "trước hợp nhất: 2 trung tâm"]);
    const done = plan.deadline.projectedCompletion!;
    expect(done > "2026-12-31").toBe(true);
    const vi = (iso: string) => `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    expect(row(t, "2")[6]).toBe(`Chưa hoàn thành trong kỳ (dự kiến hoàn thành ngày ${vi(done)})`);
    // the Bắc Giang SOC is merged into Bắc Ninh's: two SOCs until its wave ends, then one, linked to the national platform
    const socBg = plan.systems.find((s) => s.id === "soc-bg")!;
    const merged2026 = (plan.waves.find((w) => w.number === socBg.wave)?.end ?? "9999") <= "2026-12-31";
    expect(row(t, "8").slice(3, 7)).toEqual([2, null, null, merged2026 ? 1 : 2]);
    expect(row(t, "8.1").slice(6, 8)).toEqual(merged2026 ? [1, "1/1 hệ thống"] : [2, "2/2 hệ thống"]);
    // by the end of 2027 the merger is complete
    const y2027 = reportTables({ plan, lang: "vi", inventory }, parsePeriod("2027"));
    expect(row(y2027, "2")[6]).toBe(`Hoàn thành theo kế hoạch ngày ${vi(done)}`);
    expect(row(y2027, "8").slice(3, 7)).toEqual([merged2026 ? 1 : 2, null, null, 1]);
    expect(row(y2027, "8.1").slice(6, 8)).toEqual([1, "1/1 hệ thống"]);
    // the former Bắc Giang centre keeps the police system people pinned there: still in operation, and the trace says why
    const centres = y2027[y2027.length - 1].rows.filter((r) => r[0] === "1");
    expect(centres.map((r) => [r[3], r[6], r[7]])).toEqual([
      ["dc-bg", "Đang vận hành", true],
      ["dc-bn", "Đang vận hành", true],
    ]);
    expect(String(centres[0][8])).toMatch(/^còn \d+ hệ thống vận hành tại đây: /);
  });

  it("traces every figure to the items behind it", () => {
    for (const period of ["2026-H2", "2026", "2027"]) {
      const tables = reportTables({ plan, lang: "vi", inventory }, parsePeriod(period));
      const details = tables[tables.length - 1];
      expect(details.id).toBe("indicator-details");
      for (const r of tables[0].rows) {
        const no = r[0];
        const rows = details.rows.filter((d) => d[0] === no);
        const counted = rows.filter((d) => d[7] === true);
        const [start, done, planned, end] = r.slice(3, 7);
        if (typeof end === "number" && Number.isInteger(end) && no !== "9" && no !== "1") expect(counted.length, `${period} row ${no}`).toBe(end);
        if (typeof done === "number") expect(counted.filter((d) => d[6] === "Đã thực hiện").length, `${period} row ${no} done`).toBe(done);
        if (typeof planned === "number") expect(counted.filter((d) => d[6] === "Kế hoạch").length, `${period} row ${no} planned`).toBe(planned);
        void start;
      }
      // the backup share is the counted share of the systems listed
      const backup = tables[0].rows.find((r) => r[0] === "7")!;
      const listed = details.rows.filter((d) => d[0] === "7");
      expect(backup[6]).toBeCloseTo(listed.filter((d) => d[7] === true).length / listed.length, 10);
    }
  });

  it("counts the agencies whose server plans arrived, from the inventory", () => {
    const owing = [...new Set(plan.servers.filter((s) => s.standalone && s.owner).map((s) => s.owner!))].sort();
    expect(owing).toHaveLength(13);
    // the sample records seven plans: six by 31/3/2026 as the letter asks, Sở Nông nghiệp và Môi trường's in April, xã Tiên Du's in May
    expect(row(reportTables({ plan, lang: "vi", inventory }, parsePeriod("2026-H1")), "10").slice(6, 8)).toEqual([7, "7/13 cơ quan có máy chủ riêng lẻ"]);
    const details = reportTables({ plan, lang: "vi", inventory }, parsePeriod("2026-H1")).at(-1)!.rows.filter((r) => r[0] === "10");
    expect(details.filter((r) => r[7] === true).map((r) => [r[3], r[5]])).toContainEqual(["x-tien-du", "2026-05-08"]);
    // a plan arriving after the period is not counted in it
    const late: Inventory = { ...inventory, agencies: inventory.agencies.map((a) => (a.id === "p-chu" ? { ...a, "x-server-plan-received": "2027-02-01" } : a)) };
    expect(row(reportTables({ plan, lang: "vi", inventory: late }, parsePeriod("2026")), "10")[6]).toBe(7);
    expect(row(reportTables({ plan, lang: "vi", inventory: late }, parsePeriod("2027")), "10")[6]).toBe(8);
    // without the inventory the count is unknown and the note says what is needed
    const bare = reportTables({ plan, lang: "vi" }, parsePeriod("2026"));
    expect(row(bare, "10")[6]).toBeNull();
    expect(String(row(bare, "10")[7])).toContain("xuất báo cáo kèm danh mục");
  });

  it("writes a workbook with a title block on every report sheet, Vietnamese sheet names and the details sheet", async () => {
    const { html, xlsx } = await renderReport({ plan, lang: "vi", inventory }, parsePeriod("2026"));
    expect(html).toContain("Báo cáo kết quả hợp nhất hạ tầng thông tin, hạ tầng số — Năm 2026");
    const wb = await loadWorkbook(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo", "I. Máy chủ", "II. Nền tảng dùng chung", "III. Kết nối quốc gia", "IV. Máy chủ riêng lẻ", "V. Khó khăn, vướng mắc", "VI. Kế hoạch kỳ tới", "Phụ lục tiến độ", "Chi tiết chỉ tiêu", "_meta"]);
    for (const ws of wb.worksheets.filter((w) => w.state === "visible")) {
      expect(ws.getCell("A1").value, ws.name).toBe("Báo cáo kết quả hợp nhất hạ tầng thông tin, hạ tầng số — Năm 2026");
      expect(String(ws.getCell("A3").value), ws.name).toContain("Kỳ báo cáo: 01/01/2026 – 31/12/2026");
      expect(ws.getRow(5).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe("5:5");
    }
    expect(sheetNamed(wb, "indicator-details").name).toBe("Chi tiết chỉ tiêu");
  });
});

describe("indicator rows", () => {
  it("come from one table that names a measure per row", () => {
    const rows = bundledRows();
    expect(rows.map((r) => r.no)).toEqual(["1", "2", "3", "4", "4.1", "5", "6", "6.1", "7", "8", "8.1", "9", "10", "11", "12", "13"]);
    expect(new Set(rows.map((r) => r.measure))).toEqual(new Set(MEASURES));
  });

  it("can be replaced by another table without changing code", async () => {
    const file = join(dir, "phu-luc-01.json");
    writeFileSync(
      file,
      JSON.stringify({
        rows: [
          { no: "I", measure: "merger-complete", vi: "Hoàn thành hợp nhất", en: "Merger complete" },
          { no: "II", measure: "servers-decommissioned", vi: "Số máy chủ đã loại bỏ", en: "Servers removed", unitVi: "cái", unitEn: "units" },
        ],
      }),
    );
    const rows = readRows(file);
    const t = reportTables({ plan, lang: "vi", inventory }, parsePeriod("2027"), rows);
    expect(t[0].rows.map((r) => r.slice(0, 3))).toEqual([
      ["I", "Hoàn thành hợp nhất", ""],
      ["II", "Số máy chủ đã loại bỏ", "cái"],
    ]);
  });

  it("reports every problem of a bad table with its line and column", () => {
    const file = join(dir, "bad-rows.json");
    writeFileSync(file, '{\n  "rows": [\n    { "no": "1", "measure": "servers-moved", "vi": "x", "en": "x" },\n    { "no": "1", "measure": "late-systems", "vi": "", "en": "y", "colour": "red" }\n  ]\n}\n');
    let err: unknown;
    try {
      readRows(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReportRowsError);
    expect((err as ReportRowsError).lines().map((l) => l.replace(dir, "DIR"))).toMatchInlineSnapshot(`
      [
        "DIR/bad-rows.json:3:29: rows[0].measure: must be one of integration-centres, merger-complete, servers-consolidated, servers-decommissioned, storage-decommissioned, systems-shared-platform, national-connections, national-milestones, backup-coverage, security-monitoring-centres, security-monitoring-national, standalone-remaining, agency-server-plans, late-systems, funding, savings",
        "DIR/bad-rows.json:4:5: rows[1]: Unrecognized key: "colour" (unknown field colour)",
        "DIR/bad-rows.json:4:51: rows[1].vi: must not be empty",
      ]
    `);
  });
});
