// The comparison of scenarios: the figures are the plans' own, only systems placed differently are
// listed, the workbook reads back with one sheet per view and typed cells, Markdown and JSON say the
// same; `dcplan compare` refuses bad input with clear messages and exit 2.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { run } from "../../planner/cli/main.js";
import { planMigration } from "../../planner/plan.js";
import { loadProfile } from "../../planner/profile.js";
import { loadProgress } from "../../planner/progress/load.js";
import { compareScenarios, COMPARE_WORDS, scenarioVerdict } from "../../planner/export/compare.js";
import { renderCompareMarkdown } from "../../planner/export/compare-md.js";
import { renderCompareXlsx } from "../../planner/export/compare-xlsx.js";
import { captureIo, writeInventory, writeTree } from "../fixtures.js";
import { compareInventory, compareProfiles, compareScenariosFixture } from "./compare-fixture.js";

const scenarios = compareScenariosFixture();
const comparison = compareScenarios(scenarios);

describe("compareScenarios", () => {
  it("takes each scenario's figures from its plan", () => {
    expect(comparison.scenarios.map((s) => [s.name, s.met, s.late.length, s.waves, s.lowerBound, s.projectedCompletion])).toEqual(
      scenarios.map((s) => [s.name, s.plan.deadline.met, s.plan.deadline.late.length, s.plan.waves.length, s.plan.lowerBound.waves, s.plan.deadline.projectedCompletion]),
    );
    expect(comparison.scenarios.map((s) => s.met)).toEqual([false, true, true]);
    for (const [i, s] of comparison.scenarios.entries()) {
      const p = scenarios[i].plan;
      expect(s.serversDecommissioned).toBe(p.servers.filter((x) => x.fate === "decommission").length);
      expect(s.standaloneLeft).toBe(p.summary.standaloneServersRemaining);
    }
  });

  it("lists exactly the systems whose disposition or wave differs", () => {
    const ids = scenarios[0].plan.systems.map((s) => s.id).filter((id) => {
      const per = scenarios.map((sc) => sc.plan.systems.find((x) => x.id === id)!);
      return per.some((x) => x.wave !== per[0].wave || x.disposition !== per[0].disposition);
    });
    expect(comparison.differences.map((d) => d.system)).toEqual(ids);
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe("the comparison workbook", () => {
  it("reads back: one sheet per view, every scenario's figures as typed cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderCompareXlsx(comparison, scenarios[0].plan, "vi")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scenarios", "Differences", "_meta"]); // _meta: the sheets' machine names (docs/exports.md)
    const side = wb.getWorksheet("Scenarios")!;
    expect(side.getRow(1).values).toEqual([undefined, "Chỉ số", "Như hiện nay", "Sáu hệ thống mỗi đợt", "Thêm thứ Ba"]);
    const row = (label: string) => {
      for (let r = 2; r <= side.rowCount; r++) if (side.getRow(r).getCell(1).value === label) return side.getRow(r);
      throw new Error(`no row ${label}`);
    };
    const W = COMPARE_WORDS.vi;
    expect([2, 3, 4].map((c) => row(W.waves).getCell(c).value)).toEqual(comparison.scenarios.map((s) => s.waves));
    expect([2, 3, 4].map((c) => row(W.late).getCell(c).value)).toEqual(comparison.scenarios.map((s) => s.late.length));
    expect(row(W.completion).getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(row(W.met).getCell(3).value).toBe("Có");
    const diff = wb.getWorksheet("Differences")!;
    expect(diff.rowCount).toBe(comparison.differences.length + 1);
    expect(diff.getRow(2).getCell(1).value).toBe(comparison.differences[0].system);
    expect(diff.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.Number);
  });

  it("gives the same bytes twice", async () => {
    expect(Buffer.from(await renderCompareXlsx(comparison, scenarios[0].plan, "en")).equals(Buffer.from(await renderCompareXlsx(comparison, scenarios[0].plan, "en")))).toBe(true);
  });
});

describe("the comparison in Markdown", () => {
  it("states every scenario's verdict and the measures side by side", () => {
    const md = renderCompareMarkdown(scenarios, comparison, "vi");
    for (const s of scenarios) expect(md).toContain(`**${s.title}** (${s.profile}): ${scenarioVerdict(s.plan, "vi")}`);
    expect(md).toContain("| Số đợt chuyển đổi | 8 | 5 | 8 |");
  });
});

describe("dcplan compare", () => {
  const inventoryDir = writeInventory(compareInventory);
  const files = writeTree({
    ...Object.fromEntries(Object.entries(compareProfiles).map(([n, p]) => [`${n}.yaml`, stringify(p)])),
    "other/hien-tai.yaml": stringify(compareProfiles["hien-tai"]),
    "broken-a.yaml": "waveLimits:\n  maxSystems: many\n",
    "broken-b.yaml": "windows:\n  weekdays: [sat, caturday]\n",
  });
  const at = (f: string) => join(files, f);

  it("writes the page and says each scenario's verdict on standard error", async () => {
    const out = join(writeTree({}), "so-sanh.json");
    const io = captureIo();
    expect(await run(["compare", "--inventory", inventoryDir, "--profile", at("hien-tai.yaml"), "--profile", at("sau-he-thong.yaml"), "--as-of", "2026-11-22", "--format", "json", "--out", out], io)).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.scenarios.map((s: { name: string; met: boolean }) => [s.name, s.met])).toEqual([
      ["hien-tai", false],
      ["sau-he-thong", true],
    ]);
    expect(io.err.replaceAll(`${files}/`, "").replace(out, "OUT")).toMatchInlineSnapshot(`
      "dcplan compare: hien-tai: missed (10 late); sau-he-thong: met; wrote OUT
      "
    `);
  });

  it("plans every scenario from the progress file with --progress, and refuses a bad one with exit 2", async () => {
    const dir = writeTree({ "sample.yaml": readFileSync("planner/sample/profile.yaml", "utf8"), "thu-ba.yaml": `${readFileSync("planner/sample/profile.yaml", "utf8")}\n` });
    const thuBa = join(dir, "thu-ba.yaml");
    writeFileSync(thuBa, readFileSync(thuBa, "utf8").replace(/weekdays: \[sat, sun\]/, "weekdays: [tue, sat, sun]"));
    const out = join(writeTree({}), "so-sanh.json");
    const io = captureIo();
    const common = ["compare", "--inventory", "inventory/sample", "--profile", join(dir, "sample.yaml"), "--profile", thuBa, "--as-of", "2026-11-30", "--format", "json"];
    expect(await run([...common, "--progress", "planner/sample/progress.yaml", "--out", out], io)).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8")) as { scenarios: { name: string; met: boolean; waves: number; late: string[] }[]; differences: { system: string }[] };
    const input = await loadInventory("inventory/sample", { asOf: "2026-11-30", locateWarnings: false });
    const progress = loadProgress("planner/sample/progress.yaml");
    const expected = [join(dir, "sample.yaml"), thuBa].map((f) => planMigration(input, loadProfile(f).profile, "2026-11-30", progress));
    expect(json.scenarios.map((s) => [s.name, s.met, s.waves, s.late])).toEqual(expected.map((p, i) => [["sample", "thu-ba"][i], p.deadline.met, p.waves.length, p.deadline.late]));
    expect(json.scenarios.map((s) => s.met)).toEqual([false, true]);
    // What is done is done in every scenario: no done system differs.
    const done = new Set(expected[0].waves.filter((w) => w.status === "done").flatMap((w) => w.systems));
    expect(done.size).toBeGreaterThan(0);
    expect(json.differences.filter((d) => done.has(d.system))).toEqual([]);
    const bad = join(writeTree({ "progress.yaml": "schemaVersion: 1\ncutovers:\n  - start: 2026-11-28\n    systems:\n      - { system: khong-co, result: done }\n" }), "progress.yaml");
    const io2 = captureIo();
    const out2 = join(writeTree({}), "x.json");
    expect(await run([...common, "--progress", bad, "--out", out2], io2)).toBe(2);
    expect(existsSync(out2)).toBe(false);
    expect(io2.err).toMatch(/progress\.yaml:\d+:\d+: .*khong-co/);
  });

  it("names each scenario by its profile's title where people read it, and refuses two the same", async () => {
    const titled = writeTree({
      "a.yaml": stringify(compareProfiles["hien-tai"]),
      "b.yaml": stringify(compareProfiles["them-thu-ba"]),
      "c.yaml": stringify({ ...compareProfiles["sau-he-thong"], title: "Như hiện nay" }),
    });
    const out = join(writeTree({}), "so-sanh.html");
    const io = captureIo();
    const common = ["compare", "--inventory", inventoryDir, "--as-of", "2026-11-22", "--format", "html", "--out", out];
    expect(await run([...common, "--profile", join(titled, "a.yaml"), "--profile", join(titled, "b.yaml")], io)).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<h3 id="scenario-1-h">Như hiện nay <span');
    expect(html).toContain('<h3 id="scenario-2-h">Thêm thứ Ba <span');
    expect(html).toMatch(/<th scope="col"[^>]*>Thêm thứ Ba<\/th>/);
    const twice = captureIo();
    expect(await run([...common.slice(0, -2), "--out", join(writeTree({}), "x.html"), "--profile", join(titled, "a.yaml"), "--profile", join(titled, "c.yaml")], twice)).toBe(2);
    expect(twice.err.replaceAll(`${titled}/`, "")).toMatchInlineSnapshot(`
      "dcplan: --profile: 2 scenarios have the title "Như hiện nay" (a.yaml, c.yaml); give each profile a different title
      "
    `);
  });

  it("exits 2 on two profiles with the same name, on one profile only, and on profiles that do not parse (every problem of every file)", async () => {
    const cases = [
      ["--profile", at("hien-tai.yaml"), "--profile", at("other/hien-tai.yaml")],
      ["--profile", at("hien-tai.yaml")],
      ["--profile", at("broken-a.yaml"), "--profile", at("broken-b.yaml"), "--profile", at("hien-tai.yaml")],
    ];
    const errs: string[] = [];
    for (const c of cases) {
      const io = captureIo();
      const out = join(writeTree({}), "x.html");
      expect(await run(["compare", "--inventory", inventoryDir, ...c, "--as-of", "2026-11-22", "--format", "html", "--out", out], io)).toBe(2);
      expect(io.out).toBe("");
      expect(existsSync(out)).toBe(false);
      errs.push(io.err.replaceAll(`${files}/`, ""));
    }
    expect(errs).toMatchInlineSnapshot(`
      [
        "dcplan: --profile: 2 scenarios would be named "hien-tai" (hien-tai.yaml, other/hien-tai.yaml); a scenario is named after its profile file without the extension: give each a different file name
      ",
        "dcplan: compare needs at least two --profile files, one per scenario (got 1)
      ",
        "broken-a.yaml:2:15: waveLimits.maxSystems: must be a whole number
      broken-b.yaml:2:19: windows.weekdays[1]: Invalid option: expected one of "mon"|"tue"|"wed"|"thu"|"fri"|"sat"|"sun"
      ",
      ]
    `);
  });
});
