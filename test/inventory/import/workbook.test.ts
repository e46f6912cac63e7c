// The province's workbook: `dcplan template` writes it (Vietnamese sheets, drop-downs on whole
// column ranges, date and number validation, an example row), `import --from workbook` reads it
// back. The sample inventory written into the workbook and imported into an empty directory gives
// the same inventory (row by row) and plans; a wrong type in a cell, an unknown agency in a
// drop-down column and a missing sheet each give one line naming the cell, exit 2, nothing written.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderTemplate } from "../../../inventory/import/template.js";
import { SHEET, WORKBOOK_SHEETS } from "../../../inventory/import/workbook-layout.js";
import { zipEntryText } from "../../../inventory/import/xlsx-read.js";
import { loadInventorySync } from "../../../inventory/load.js";
import type { Inventory } from "../../../inventory/schema.js";
import { run } from "../../../planner/cli/main.js";
import { Plan } from "../../../planner/plan-schema.js";
import { captureIo, tempDir } from "../../fixtures.js";
import { baseInventory, dcplanImport, stripDir, tempFile } from "./helpers.js";

const SAMPLE = join(__dirname, "..", "..", "..", "inventory", "sample");
const sample = loadInventorySync(SAMPLE, { asOf: "2026-11-30" }).inventory;

/** An entity without its x- keys (the workbook has no column for them, but x-note). */
function core<T extends object>(e: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("x-")));
}

async function editCells(file: string, edits: (wb: ExcelJS.Workbook) => void, suffix = "sua"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edits(wb);
  const out = file.replace(/\.xlsx$/, `-${suffix}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

describe("dcplan template", () => {
  it("writes the Vietnamese workbook with drop-downs, number and date validation, and is byte-stable", async () => {
    const dir = tempDir();
    const out = join(dir, "bieu-mau.xlsx");
    const io = captureIo("2026-11-30");
    expect(await run(["template", "--out", out, "--agency", "so-yte"], io)).toBe(0);
    expect(io.out).toContain("pre-filled with 5 servers and 3 systems of Sở Y tế");
    const again = join(dir, "again.xlsx");
    await run(["template", "--out", again, "--agency", "so-yte"], captureIo("2026-11-30"));
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);

    const zip = readFileSync(out);
    const workbookXml = zipEntryText(zip, "xl/workbook.xml")!;
    expect([...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([SHEET.guide, ...WORKBOOK_SHEETS.map((s) => s.name), SHEET.lists]);
    const servers = zipEntryText(zip, "xl/worksheets/sheet4.xml")!; // Máy chủ
    const validations = [...servers.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({ attrs: m[1], body: m[2] }));
    const at = (col: string) => validations.find((v) => new RegExp(`sqref="${col}2:${col}\\d+"`).test(v.attrs))!;
    expect(at("B").attrs).toContain('type="list"');
    expect(at("B").body).toContain("&apos;Danh mục&apos;!$A$2:$A$3"); // sites
    expect(at("C").body).toMatch(/&apos;Danh mục&apos;!\$[A-Z]+\$2:\$[A-Z]+\$6/); // five server kinds
    expect(at("E").attrs).toContain('type="whole"');
    expect(at("N").attrs).toContain('type="date"');
    expect(at("S").body).toMatch(/&apos;Danh mục&apos;!\$B\$2:\$B\$36/); // 35 agencies
    const systems = zipEntryText(zip, "xl/worksheets/sheet5.xml")!; // Hệ thống: security level (cấp độ) as a drop-down 1–5
    expect(systems).toMatch(/<dataValidation type="list"[^>]*sqref="E2:E\d+"[^>]*>\s*<formula1>&quot;1,2,3,4,5&quot;<\/formula1>/);
    const lists = zipEntryText(zip, "xl/worksheets/sheet8.xml")!;
    expect(lists).toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(SHEET.lists)!.state).toBe("hidden");
    const ws = wb.getWorksheet(SHEET.servers)!;
    expect(ws.getCell("A2").value).toBe("vi-du-may-chu-01");
    expect(ws.getCell("S2").value).toBe("Sở Y tế (so-yte)");
    expect(ws.getCell("C1").value).toBe("Loại *");
    const note = ws.getCell("E1").note as string | { texts: { text: string }[] };
    expect(typeof note === "string" ? note : note.texts.map((t) => t.text).join("")).toMatch(/^Số lõi vật lý/);
    expect(wb.getWorksheet(SHEET.lists)!.getCell("B2").value).toBe("Sở Y tế (so-yte)"); // the form's own agency first
  });
});

describe("dcplan import --from workbook", () => {
  it("reads back the sample inventory written into the workbook: the same entities, and it plans", async () => {
    const empty: Inventory = { sites: [], agencies: [], servers: [], systems: [], externals: [] };
    const file = tempFile("bieu-mau-toan-tinh.xlsx");
    writeFileSync(file, await renderTemplate({ known: empty, rows: sample, date: "2026-11-30" }));
    const dir = tempDir();
    const r = await dcplanImport([file, "--from", "workbook", "--site", "dc-bn", "--out", dir]);
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["workbook-dc-bg.yaml", "workbook-dc-bn.yaml"]);
    const got = loadInventorySync(dir, { asOf: "2026-11-30" }).inventory;
    for (const key of ["sites", "agencies", "servers", "systems", "externals"] as const) {
      const byId = new Map(got[key].map((e) => [e.id, e]));
      expect(got[key]).toHaveLength(sample[key].length);
      for (const e of sample[key]) expect(core(byId.get(e.id)!), `${key} ${e.id}`).toEqual(core(e));
    }
    const io = captureIo("2026-11-22");
    expect(await run(["plan", "--inventory", dir, "--as-of", "2026-11-22"], io)).toBe(0);
    const plan = Plan.parse(JSON.parse(io.out));
    expect(plan.systems).toHaveLength(sample.systems.length);
    expect(plan.waves.length).toBeGreaterThan(0);
  });

  it("merges a department's workbook into the inventory: its plan (Phương án) recorded where none was", async () => {
    const inv = baseInventory({
      "so-yte.yaml": `servers:
  - { id: bn-sa-yte-01, site: dc-bn, kind: physical, cpuCores: 16, memoryGiB: 64, owner: so-yte, tags: [standalone] }   # máy chủ riêng lẻ
systems:
  - { id: kcb-xa-cu, name: Phần mềm khám chữa bệnh cũ, owner: so-yte, function: clinic-management, securityLevel: 2, servers: [bn-sa-yte-01] }
`,
    });
    const known = loadInventorySync(inv, { asOf: "2026-11-30" }).inventory;
    const file = tempFile("bieu-mau-so-yte.xlsx");
    const rows = { servers: [{ ...known.servers[0], memoryGiB: 96, usage: { cpuPct: 20 } }], systems: [{ ...known.systems[0], disposition: "retire" as const }] };
    writeFileSync(file, await renderTemplate({ known, rows, agency: known.agencies.find((a) => a.id === "so-yte"), date: "2026-11-30" }));
    const r = await dcplanImport([file, "--from", "workbook", "--site", "dc-bn", "--out", inv]);
    expect(r.err).toBe("");
    expect(readFileSync(join(inv, "so-yte.yaml"), "utf8")).toBe(`servers:
  # source: bieu-mau-so-yte.xlsx Máy chủ row 3
  - { id: bn-sa-yte-01, site: dc-bn, kind: physical, cpuCores: 16, memoryGiB: 96, owner: so-yte, tags: [standalone], usage: { cpuPct: 20 } }   # máy chủ riêng lẻ
systems:
  - { id: kcb-xa-cu, name: Phần mềm khám chữa bệnh cũ, owner: so-yte, function: clinic-management, securityLevel: 2, servers: [bn-sa-yte-01], disposition: retire }
`);
    expect(existsSync(join(inv, "workbook-dc-bn.yaml"))).toBe(false);
  });

  it("names the cell of a wrong type, of an unknown agency, and a missing sheet: one line each, exit 2, nothing written", async () => {
    const known = loadInventorySync(baseInventory(), { asOf: "2026-11-30" }).inventory;
    const file = tempFile("bieu-mau.xlsx");
    writeFileSync(file, await renderTemplate({ known, rows: { servers: [{ id: "bn-sa-tc-01", site: "dc-bn", kind: "physical", cpuCores: 20, memoryGiB: 128, owner: "so-tc" }] }, date: "2026-11-30" }));
    const dir = file.replace(/\/[^/]+$/, "");

    const wrongType = await editCells(file, (wb) => (wb.getWorksheet(SHEET.servers)!.getCell("E3").value = "hai mươi"), "sai-kieu");
    const unknownAgency = await editCells(file, (wb) => (wb.getWorksheet(SHEET.servers)!.getCell("S3").value = "Sở Không Có (so-khong-co)"), "sai-co-quan");
    const missingSheet = await editCells(file, (wb) => wb.removeWorksheet(wb.getWorksheet(SHEET.dependencies)!.id), "thieu-trang");
    const results: string[] = [];
    for (const f of [wrongType, unknownAgency, missingSheet]) {
      const inv = baseInventory();
      const r = await dcplanImport([f, "--from", "workbook", "--site", "dc-bn", "--out", inv]);
      expect(r.status).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(existsSync(join(inv, "workbook-dc-bn.yaml"))).toBe(false);
      results.push(stripDir(r.err, dir));
    }
    expect(results.join("")).toMatchInlineSnapshot(`
      "bieu-mau-sai-kieu.xlsx:Máy chủ!E3: bn-sa-tc-01 cpuCores: must be a whole number (got "hai mươi")
      bieu-mau-sai-co-quan.xlsx:Máy chủ!S3: bn-sa-tc-01 owner: unknown agency "Sở Không Có (so-khong-co)": choose one from the drop-down list (sheet Danh mục) or add it to sheet Cơ quan
      bieu-mau-thieu-trang.xlsx: missing sheet "Phụ thuộc": the workbook must keep every sheet of the template (Địa điểm, Cơ quan, Máy chủ, Hệ thống, Phụ thuộc, Hệ thống ngoài); write dcplan template to get a fresh one
      "
    `);
  });

  it("checks each row against the inventory's schema and reports every problem of the workbook in one run", async () => {
    const known = loadInventorySync(baseInventory(), { asOf: "2026-11-30" }).inventory;
    const file = tempFile("bieu-mau.xlsx");
    writeFileSync(file, await renderTemplate({ known, date: "2026-11-30" }));
    const bad = await editCells(file, (wb) => {
      const s = wb.getWorksheet(SHEET.servers)!;
      s.getRow(3).values = ["bn-vm-01", "dc-bn", "Máy ảo", null, 4, 8];
      s.getRow(4).values = ["BN VM 02", "dc-bn", "Máy chủ vật lý", null, 4, 8, null, 120];
      s.getRow(5).values = ["bn-vm-03", "dc-xx", "Máy ảo", "bn-vm-01", 4, 8, null, null, null, null, null, null, null, "31/02/2020"];
      const d = wb.getWorksheet(SHEET.dependencies)!;
      d.getRow(3).values = ["his", "ndxp", "Rất chặt"];
    });
    const r = await dcplanImport([bad, "--from", "workbook", "--site", "dc-bn", "--out", baseInventory()]);
    expect(r.status).toBe(2);
    expect(stripDir(r.err, file.replace(/\/[^/]+$/, ""))).toMatchInlineSnapshot(`
      "bieu-mau-sua.xlsx:Máy chủ!D3: bn-vm-01 hostedOn: is required for a virtual server (the physical host it runs on)
      bieu-mau-sua.xlsx:Máy chủ!A4: BN VM 02 id: must be lowercase letters without accents, digits and '-', 1–63 characters (got "BN VM 02")
      bieu-mau-sua.xlsx:Máy chủ!H4: BN VM 02 usage.cpuPct: must be a number 0–100 (got 120)
      bieu-mau-sua.xlsx:Máy chủ!B5: bn-vm-03 site: unknown site "dc-xx": choose one from the drop-down list (sheet Danh mục) or add it to sheet Địa điểm
      bieu-mau-sua.xlsx:Máy chủ!N5: bn-vm-03 purchased: must be a real calendar date (got "31/02/2020")
      bieu-mau-sua.xlsx:Phụ thuộc!A3: his system: unknown system "his": choose one from the drop-down list (sheet Danh mục) or add it to sheet Hệ thống
      bieu-mau-sua.xlsx:Phụ thuộc!C3: his coupling: unknown coupling "Rất chặt"; choose one of "Chặt", "Lỏng"
      "
    `);
  });
});
