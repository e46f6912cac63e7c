// Leadership and ministry wording: every Vietnamese export of the sample plan and of generated plans
// (bench/generate.ts at small sizes) is scanned for what a leader must not read: internal ids of
// systems, sites, agencies, functions and move groups, rule ids, configuration keys, slugs, ISO
// dates and English words. Technical columns (the XLSX `_meta` sheet marks them; the same columns
// in CSV) may carry ids; nothing else may. Server host names and the inventory's own names are data.
import { beforeAll, describe, expect, it } from "vitest";
import { benchProfile } from "../../bench/plan.bench.js";
import { generateInventory } from "../../bench/generate.js";
import { loadInventory } from "../../inventory/load.js";
import { indexInventory } from "../../inventory/model.js";
import type { Inventory } from "../../inventory/schema.js";
import { renderByOwner } from "../../planner/export/by-owner.js";
import { costTables } from "../../planner/export/cost-section.js";
import { renderCsv } from "../../planner/export/csv.js";
import { renderHtml } from "../../planner/export/html.js";
import { renderMarkdown } from "../../planner/export/markdown.js";
import { parsePeriod, renderReport } from "../../planner/export/report.js";
import { planTables } from "../../planner/export/tables.js";
import { renderXlsx } from "../../planner/export/xlsx.js";
import { planMigration } from "../../planner/plan.js";
import { Plan } from "../../planner/plan-schema.js";
import { loadProfile } from "../../planner/profile.js";
import { costedSamplePlan } from "../planner/cost/fixtures.js";
import { csvText, type Finding, htmlText, markdownText, scanContext, scanText, workbookTexts } from "./reader-text.js";

const SAMPLE = new URL("../../inventory/sample", import.meta.url).pathname;

/** Every Vietnamese export of `plan`, scanned; the findings. */
async function scanExports(name: string, plan: Plan, inventory?: Inventory, ownerFormats: readonly ("html" | "md" | "xlsx")[] = ["html", "md", "xlsx"], exportWithInventory = true): Promise<Finding[]> {
  // the inventory's names (models, operating systems) are data whether or not the export read it
  const ctx = scanContext(plan, inventory);
  const input = { plan, lang: "vi" as const, inventory: exportWithInventory ? inventory : undefined };
  const found: Finding[] = [];
  const scan = (text: string, where: string) => found.push(...scanText(text, ctx, `${name} ${where}`));
  scan(htmlText(renderHtml(input)), "roadmap.html");
  scan(markdownText(renderMarkdown(input)), "roadmap.md");
  const tables = [...planTables(input), ...costTables(input)];
  for (const f of renderCsv(input)) {
    const table = tables.find((t) => `${t.id}.csv` === f.name)!;
    const technical = new Set(table.columns.flatMap((c, i) => ((c as { technical?: boolean }).technical || c.type !== "text" ? [i] : [])));
    scan(csvText(f.content as string, technical), f.name);
  }
  for (const s of await workbookTexts(await renderXlsx(input))) scan(s.text, `roadmap.xlsx!${s.sheet}`);
  for (const period of ["2026-H2", "2026"]) {
    const report = await renderReport(input, parsePeriod(period));
    scan(htmlText(report.html), `report ${period}.html`);
    for (const s of await workbookTexts(report.xlsx)) scan(s.text, `report ${period}.xlsx!${s.sheet}`);
  }
  for (const format of ownerFormats) {
    for (const f of await renderByOwner(input, format)) {
      if (format === "xlsx") for (const s of await workbookTexts(f.content as Uint8Array)) scan(s.text, `by-owner/${f.name}!${s.sheet}`);
      else scan(format === "html" ? htmlText(f.content as string) : markdownText(f.content as string), `by-owner/${f.name}`);
    }
  }
  return found;
}

function show(found: readonly Finding[]): string {
  const byToken = new Map<string, Finding>();
  for (const f of found) if (!byToken.has(`${f.why}:${f.token}`)) byToken.set(`${f.why}:${f.token}`, f);
  return [...byToken.values()]
    .slice(0, 40)
    .map((f) => `${f.where}: ${f.why} "${f.token}" in …${f.context}…`)
    .join("\n");
}

describe("Vietnamese exports speak to their readers", () => {
  let sample: { plan: Plan; inventory: Inventory };

  beforeAll(async () => {
    const loaded = await loadInventory(SAMPLE, { asOf: "2026-11-30", locateWarnings: false });
    const { profile } = loadProfile(new URL("../../planner/sample/profile.yaml", import.meta.url).pathname);
    sample = { plan: Plan.parse(planMigration(loaded, profile, "2026-11-30")), inventory: loaded.inventory };
  });

  it("the sample plan: no internal identifier or English word in any Vietnamese export", async () => {
    const found = await scanExports("sample", sample.plan, sample.inventory);
    expect(show(found)).toBe("");
  });

  for (const [seed, servers, profile] of [
    [1, 500, "bench"],
    [2, 500, "default"],
    [3, 1000, "bench"],
  ] as const) {
    it(`a generated plan (seed ${seed}, ${servers} servers, ${profile} profile): the same`, async () => {
      const inventory = generateInventory({ seed, servers });
      const plan = Plan.parse(planMigration({ inventory, index: indexInventory(inventory) }, profile === "bench" ? benchProfile(inventory) : {}, "2026-11-22"));
      // the per-agency workbooks are the planners' workbook's code on a part of the plan: the sample checks them
      const found = await scanExports(`seed${seed}-${servers}`, plan, inventory, ["html", "md"]);
      expect(show(found)).toBe("");
    });
  }

  it("the sample plan with its cost (npm start's plan): the same", async () => {
    const plan = await costedSamplePlan();
    // as the report runs without the inventory too (its notes then say what the inventory would add)
    const found = [...(await scanExports("sample+cost", plan, sample.inventory, ["html", "xlsx"])), ...(await scanExports("sample+cost, no inventory", plan, sample.inventory, [], false))];
    expect(show(found)).toBe("");
  });

  it("the scanner finds what it looks for", () => {
    const ctx = scanContext(sample.plan);
    const found = scanText(
      'Giới hạn đợt — waveLimits.maxSystems: g-email-bg rơi vào đợt 6; trùng chức năng "endpoint-protection" tại dc-bg; Chuỗi nguyên nhân (critical chain); oversized-group; ngày 2026-12-31',
      ctx,
      "probe",
    ).map((f) => `${f.why}: ${f.token}`);
    expect(found).toEqual([
      "configuration key: waveLimits.maxSystems",
      "group id: g-email-bg",
      "function id: endpoint-protection",
      "site id: dc-bg",
      "English word: critical",
      "English word: chain",
      "rule id: oversized-group",
      "ISO date: 2026-12-31",
    ]);
    // names, server host names and Vietnamese words pass
    expect(scanText("Hệ thống thư điện tử công vụ Bắc Giang cũ chạy trên máy chủ bg-mail-01 tại Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh", ctx, "probe")).toEqual([]);
  });
});
