// The real planner's plan of the bundled sample inventory through every format: valid, NFC,
// Vietnamese intact, byte-identical on a second run; the Markdown of the sample plan is pinned.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { renderByOwner } from "../../planner/export/by-owner.js";
import { renderCsv } from "../../planner/export/csv.js";
import { renderHtml } from "../../planner/export/html.js";
import { renderMarkdown } from "../../planner/export/markdown.js";
import { renderMermaid } from "../../planner/export/mermaid.js";
import { parsePeriod, renderReport } from "../../planner/export/report.js";
import { renderXlsx } from "../../planner/export/xlsx.js";
import { Plan } from "../../planner/plan-schema.js";
import type { Inventory } from "../../inventory/schema.js";

// The planner is written in parallel; the specifiers are variables so this file compiles before it lands.
const PLANNER = "../../planner/plan.js";
const LOADER = "../../inventory/load.js";
const ready = existsSync(new URL("../../planner/plan.ts", import.meta.url)) && existsSync(new URL("../../inventory/sample", import.meta.url));

let plan: Plan;
let inventory: Inventory;

describe.skipIf(!ready)("the sample plan", () => {
  beforeAll(async () => {
    const { loadInventory } = await import(LOADER);
    const { planMigration } = await import(PLANNER);
    const loaded = await loadInventory(new URL("../../inventory/sample", import.meta.url).pathname, { asOf: "2026-11-23", locateWarnings: false });
    inventory = loaded.inventory;
    plan = Plan.parse(planMigration(loaded, {}, "2026-11-23"));
  });

  it("renders every format deterministically, in NFC, with Vietnamese intact", async () => {
    const input = { plan, lang: "vi" as const, inventory };
    const html = renderHtml(input);
    const md = renderMarkdown(input);
    const mermaid = renderMermaid(plan, "vi");
    const csv = renderCsv(input);
    for (const text of [html, md, mermaid, ...csv.map((f) => f.content as string)]) {
      expect(text).toBe(text.normalize("NFC"));
    }
    expect(html).toContain("Trung tâm tích hợp dữ liệu");
    expect(renderHtml(input)).toBe(html);
    expect(renderMermaid(plan, "vi")).toBe(mermaid);
    expect(Buffer.from(await renderXlsx(input)).equals(Buffer.from(await renderXlsx(input)))).toBe(true);
    for (const w of plan.waves) expect(html).toContain(`data-wave="${w.number}"`);
    const systems = parse((csv.find((f) => f.name === "systems.csv")!.content as string).slice(1), { columns: true });
    expect(systems).toHaveLength(plan.systems.length);
  });

  it("has one XLSX row per server and system", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx({ plan, lang: "vi", inventory })) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Servers")!.rowCount).toBe(1 + plan.servers.length);
    // the inventory adds the servers' model and operating system
    expect(wb.getWorksheet("Servers")!.getRow(1).values).toEqual(expect.arrayContaining(["Kiểu máy", "Hệ điều hành"]));
    expect(wb.getWorksheet("Systems")!.rowCount).toBe(1 + plan.systems.length);
  });

  it("renders the report and the per-agency plans", async () => {
    const report = await renderReport({ plan, lang: "vi", inventory }, parsePeriod("2026-H2"));
    expect(report.html).toContain("6 tháng cuối năm 2026");
    const owners = await renderByOwner({ plan, lang: "vi" }, "md");
    expect(owners.length).toBeGreaterThan(5);
  });

  it("runs as a pipeline: dcplan plan, then dcplan export of the file it wrote", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dcplan-pipeline-"));
    try {
      const io = { stdout: () => {}, stderr: () => {}, isTTY: false, today: () => "2026-11-23" };
      const sample = new URL("../../inventory/sample", import.meta.url).pathname;
      expect(await run(["plan", "--inventory", sample, "--as-of", "2026-11-23", "--out", join(dir, "plan.json")], io)).toBe(0);
      expect(await run(["export", "--plan", join(dir, "plan.json"), "--inventory", sample, "--format", "report", "--out", join(dir, "report")], io)).toBe(0);
      expect(readFileSync(join(dir, "report.html"), "utf8")).toContain("6 tháng cuối năm 2026");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows the planner's sentences in Vietnamese under --lang vi and in English under --lang en", async () => {
    // Phrases of planner messages (reasons, notes, chain, warnings, capacity, roadmap) that only English has.
    const english = [/lands in wave/, /windows? remains?/, /systems per wave/, /wave full/, /more than one wave allows/, /merged into/, /already runs at the target site/, /pilot wave/, /freed on/, /vendor support/, /usable capacity of/, /switched off on/, /lifted and shifted/, /candidate for/, /\d{4}-\d{2}-\d{2}\.\.\d{4}/];
    const vi = { plan, lang: "vi" as const, inventory };
    const texts = [renderHtml(vi), renderMarkdown(vi), ...renderCsv(vi).map((f) => f.content as string), (await renderReport(vi, parsePeriod("2026-H2"))).html];
    for (const t of texts) for (const re of english) expect(t).not.toMatch(re);
    expect(renderHtml(vi)).toContain("rơi vào đợt 7");
    const en = renderHtml({ plan, lang: "en", inventory });
    expect(en).toContain("lands in wave 7");
    expect(en).not.toContain("rơi vào đợt");
  });

  it("pins the Markdown of the sample plan", async () => {
    await expect(renderMarkdown({ plan, lang: "vi" })).toMatchFileSnapshot("__snapshots__/sample-plan.md");
  });
});
