// The commune IT-support survey: the form (`survey template`), the checks of returned forms
// (`survey import`: every problem of every form with its cell, exit 2, nothing written), the
// aggregate (numbers recomputed here from the forms), and the committed sample equal to its
// generator's output.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipEntryText } from "../../inventory/import/xlsx-read.js";
import { loadInventorySync } from "../../inventory/load.js";
import { run } from "../../planner/cli/main.js";
import { aggregateSurvey } from "../../survey/aggregate.js";
import { SURVEY_SHEET, TASKS } from "../../survey/form.js";
import { readSurveyForm } from "../../survey/read.js";
import { surveyUnits } from "../../survey/run.js";
import type { SurveyResponse } from "../../survey/types.js";
import { NOT_RETURNED, writeSample } from "../../scripts/generate-survey-sample.js";
import { captureIo, tempDir } from "../fixtures.js";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "survey", "sample");
const units = surveyUnits(loadInventorySync(join(ROOT, "inventory", "sample"), { asOf: "2026-06-03" }).inventory);

async function survey(...args: string[]) {
  const io = captureIo("2026-06-03");
  const status = await run(["survey", ...args], io);
  return { status, out: io.out, err: io.err };
}

function response(over: Partial<SurveyResponse> = {}): SurveyResponse {
  return { unit: "x-tien-du", preparer: "Lê Văn Bình", phone: "0204 3812345", date: "2026-05-28", tslcdProvider: "VNPT Bắc Ninh", staff: [], workload: [], problems: [], support: [], ...over };
}

describe("dcplan survey template", () => {
  it("writes the form addressed to a unit, with its drop-downs and number validation, byte-stable", async () => {
    const dir = tempDir();
    const out = join(dir, "phieu.xlsx");
    const r = await survey("template", "--unit", "x-tien-du", "--out", out);
    expect(r.status).toBe(0);
    expect(r.out).toContain("for UBND xã Tiên Du");
    await survey("template", "--unit", "x-tien-du", "--out", join(dir, "again.xlsx"));
    expect(readFileSync(join(dir, "again.xlsx")).equals(readFileSync(out))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SURVEY_SHEET));
    expect(wb.getWorksheet(SURVEY_SHEET.unit)!.getCell("B2").value).toBe("UBND xã Tiên Du (x-tien-du)");
    expect(wb.getWorksheet(SURVEY_SHEET.workload)!.getColumn(1).values.slice(2)).toEqual([...TASKS]);
    const staffXml = zipEntryText(readFileSync(out), "xl/worksheets/sheet3.xml")!;
    expect(staffXml).toMatch(/<dataValidation type="list"[^>]*sqref="D2:D202"/);
    expect(staffXml).toMatch(/<dataValidation type="whole"[^>]*sqref="F2:F202"/);
    expect((await survey("template", "--unit", "x-khong-co", "--out", join(dir, "x.xlsx"))).err).toMatchInlineSnapshot(`
      "dcplan: --unit x-khong-co: not a commune or ward of the inventory (20 are)
      "
    `);
  });
});

describe("dcplan survey import", () => {
  it("aggregates the sample: who returned, staff, workload, problems, providers, headcount — as the forms say", async () => {
    const out = tempDir();
    const r = await survey("import", SAMPLE, "--out", out);
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    expect(r.out.split("\n")[0]).toBe("17/20 communes and wards returned the form; missing: UBND phường Chũ, UBND xã Lương Tài, UBND xã Sơn Động");
    expect(readdirSync(out).sort()).toEqual(["tong-hop-khao-sat.html", "tong-hop-khao-sat.xlsx"]);

    const responses: SurveyResponse[] = [];
    for (const f of readdirSync(SAMPLE).filter((n) => n.endsWith(".xlsx"))) responses.push((await readSurveyForm(join(SAMPLE, f), units)).response!);
    const s = aggregateSurvey(units, responses, "2026-06-03");
    expect(s.returned).toBe(17);
    expect(s.missing.map((u) => u.id).sort()).toEqual([...NOT_RETURNED].sort());
    const staff = responses.flatMap((x) => x.staff);
    expect(s.totals.fullTime).toBe(staff.filter((m) => m.mode === "Chuyên trách").length);
    expect(s.totals.staff).toBe(staff.length);
    expect(s.totals.hoursPerDay).toBeCloseTo(responses.flatMap((x) => x.workload).reduce((n, w) => n + (w.centreHours ?? 0) + (w.officeHours ?? 0), 0), 5);
    const staffing = responses.flatMap((x) => x.support).filter((x) => x.form.startsWith("Thuê nhân sự") || x.form.startsWith("Hỗ trợ tại chỗ"));
    expect(s.totals.people).toBe(staffing.reduce((n, x) => n + x.people, 0));
    expect(s.totals.personMonths).toBe(staffing.reduce((n, x) => n + x.people * x.months, 0));
    expect(s.perProblem.reduce((n, p) => n + p.reports, 0)).toBe(responses.flatMap((x) => x.problems).length);
    expect(s.perProvider.reduce((n, p) => n + p.tslcdUnits, 0)).toBe(17);
    expect(s.sample).toBe(true);

    const html = readFileSync(join(out, "tong-hop-khao-sat.html"), "utf8");
    expect(html).toContain("Đã nhận phiếu của 17/20 xã, phường. Còn 3 đơn vị chưa gửi:");
    expect(html).toContain("DỮ LIỆU MẪU");
    expect(html).toContain(`Các đơn vị đã gửi phiếu có ${s.totals.staff} cán bộ làm công việc công nghệ thông tin, trong đó ${s.totals.fullTime} người chuyên trách`);
    // Leaders read names, not ids, and no English.
    const visible = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
    for (const id of units.map((u) => u.id)) expect(visible).not.toContain(id);
    expect(visible).not.toMatch(/\b(undefined|NaN|null|unit|problem|provider|survey)\b/);
    expect(html).not.toMatch(/(src|href)=/);
  });

  it("gives the same bytes for the same forms and date", async () => {
    const a = tempDir();
    const b = tempDir();
    await survey("import", SAMPLE, "--out", a);
    await survey("import", SAMPLE, "--out", b);
    for (const f of ["tong-hop-khao-sat.html", "tong-hop-khao-sat.xlsx"]) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });

  it("checks every returned form, names each bad cell, lists a unit sending two, and writes nothing", async () => {
    const dir = tempDir();
    for (const f of readdirSync(SAMPLE).filter((n) => n.endsWith(".xlsx")).slice(0, 3)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(SAMPLE, f));
      await wb.xlsx.writeFile(join(dir, f));
    }
    const edit = async (from: string, to: string, change: (wb: ExcelJS.Workbook) => void) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(SAMPLE, from));
      change(wb);
      await wb.xlsx.writeFile(join(dir, to));
    };
    await edit("phieu-x-tien-du.xlsx", "phieu-x-tien-du.xlsx", (wb) => {
      wb.getWorksheet(SURVEY_SHEET.staff)!.getCell("D3").value = "Hợp đồng";
      wb.getWorksheet(SURVEY_SHEET.support)!.getCell("D3").value = "một";
      wb.getWorksheet(SURVEY_SHEET.unit)!.getCell("B7").value = "31/06/2026";
    });
    await edit("phieu-x-yen-the.xlsx", "phieu-khong-ro.xlsx", (wb) => (wb.getWorksheet(SURVEY_SHEET.unit)!.getCell("B2").value = "UBND xã Không Có"));
    await edit("phieu-x-gia-binh.xlsx", "phieu-x-gia-binh-lan-2.xlsx", () => undefined);
    await edit("phieu-x-gia-binh.xlsx", "phieu-x-gia-binh.xlsx", () => undefined);
    await edit("phieu-p-da-mai.xlsx", "phieu-thieu-trang.xlsx", (wb) => wb.removeWorksheet(wb.getWorksheet(SURVEY_SHEET.problems)!.id));
    const out = join(tempDir(), "tong-hop");
    const r = await survey("import", dir, "--out", out);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(r.err.split(`${dir}/`).join("")).toMatchInlineSnapshot(`
      "phieu-khong-ro.xlsx:Thông tin đơn vị!B2: Đơn vị (UBND xã, phường): unknown commune or ward "UBND xã Không Có": choose it from the drop-down list
      phieu-thieu-trang.xlsx: missing sheet "Khó khăn, vướng mắc": keep every sheet of the form (dcplan survey template writes a fresh one)
      phieu-x-gia-binh-lan-2.xlsx:Thông tin đơn vị!B2: x-gia-binh: 2 forms for this unit (phieu-x-gia-binh-lan-2.xlsx, phieu-x-gia-binh.xlsx): keep one
      phieu-x-gia-binh.xlsx:Thông tin đơn vị!B2: x-gia-binh: 2 forms for this unit (phieu-x-gia-binh-lan-2.xlsx, phieu-x-gia-binh.xlsx): keep one
      phieu-x-tien-du.xlsx:Nhân lực CNTT!D3: x-tien-du Chế độ: "Hợp đồng" is not in the list; choose one of "Chuyên trách", "Kiêm nhiệm"
      phieu-x-tien-du.xlsx:Nhu cầu hỗ trợ!D3: x-tien-du Số người: must be a whole number (got "một")
      phieu-x-tien-du.xlsx:Thông tin đơn vị!B7: x-tien-du Ngày lập biểu: must be a real calendar date (got "31/06/2026")
      "
    `);
  });
});

describe("the aggregate", () => {
  it("counts the workload's full-time need against the full-time staff, per unit", () => {
    const s = aggregateSurvey(
      units.filter((u) => u.id === "x-tien-du" || u.id === "p-chu"),
      [
        response({
          staff: [{ name: "A", mode: "Chuyên trách", qualification: "Đại học CNTT" }, { name: "B", mode: "Kiêm nhiệm", qualification: "Chứng chỉ CNTT" }],
          workload: [{ task: TASKS[0], centreRequests: 20, centreHours: 6, officeRequests: 5, officeHours: 4.5 }],
          support: [{ form: "Thuê nhân sự doanh nghiệp viễn thông làm việc tại đơn vị", people: 2, months: 12, provider: "VNPT Bắc Ninh" }, { form: "Đào tạo, tập huấn cán bộ", people: 6, months: 1 }],
          problems: [{ area: "Đường truyền TSLCD", description: "chập chờn", frequency: "Hằng ngày", severity: "Nghiêm trọng", downtimeHours: 10 }],
        }),
      ],
      "2026-06-03",
    );
    const u = s.perUnit[0];
    expect(u).toMatchObject({ fullTime: 1, partTime: 1, itTrained: 1, hoursPerDay: 10.5, fteNeeded: 2, fteGap: 1, people: 2, personMonths: 24, problems: 1, severe: 1 });
    expect(s.missing.map((m) => m.id)).toEqual(["p-chu"]);
    expect(s.perProvider).toEqual([{ provider: "VNPT Bắc Ninh", tslcdUnits: 1, meanTslcdMbps: undefined, internetUnits: 0, lineProblemUnits: 1, proposedBy: 1, people: 2, personMonths: 24 }]);
    expect(s.perForm.map((f) => [f.form.slice(0, 8), f.people, f.personMonths])).toEqual([
      ["Thuê nhâ", 2, 24],
      ["Đào tạo,", 6, 6],
    ]);
  });
});

describe("the bundled sample", () => {
  it("is exactly what its generator writes", async () => {
    const dir = join(tempDir(), "sample");
    mkdirSync(dir);
    const files = await writeSample(dir);
    expect(files.map((f) => f.split("/").pop()).sort()).toEqual(readdirSync(SAMPLE).filter((n) => n.endsWith(".xlsx")).sort());
    for (const f of files) expect(readFileSync(f).equals(readFileSync(join(SAMPLE, f.split("/").pop()!))), f).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
