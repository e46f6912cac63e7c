// Reports read facts: the semi-annual report, the HTML roadmap and the per-agency plans call done
// only what the progress file records (as the plan carries it), whatever the dates; without
// recorded progress they say so. `dcplan export --progress` refuses a plan made from other facts.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { renderByOwner } from "../../planner/export/by-owner.js";
import { renderHtml } from "../../planner/export/html.js";
import { progressTable } from "../../planner/export/progress-section.js";
import { recordedOf } from "../../planner/export/recorded.js";
import { parsePeriod, reportTables } from "../../planner/export/report.js";
import { progressSvg } from "../../planner/export/svg-progress.js";
import type { Plan } from "../../planner/plan-schema.js";
import { planMigration, serialisePlan } from "../../planner/plan.js";
import { progressFrom } from "../../planner/progress/load.js";
import { captureIo, writeInventory, writeTree } from "../fixtures.js";
import { inventoryOf, loaded, sys, vm } from "../planner/fixtures.js";

// Three systems of two agencies; one retiring; a spare VM at the closing site.
const inventory = inventoryOf(
  [sys("a", [], { containerReady: true }), sys("b", [], { owner: "so-y-te" }), sys("c", [], { containerReady: true }), sys("old", [], { lifecycle: "retiring" })],
  [vm("spare-vm", "bg-host")],
  { agencies: [{ id: "so-khcn", name: "Sở Khoa học và Công nghệ", kind: "department" }, { id: "so-y-te", name: "Sở Y tế", kind: "department" }] },
);
const progress = {
  schemaVersion: 1,
  cutovers: [{ start: "2026-11-28", end: "2026-11-29", systems: [{ system: "a", result: "done" }, { system: "b", result: "failed", reason: "mất kết nối cơ sở dữ liệu" }] }],
  retirements: [{ system: "old", on: "2026-11-29" }],
  servers: [{ server: "spare-vm", decommissionedOn: "2026-11-28" }],
};
const AS_OF = "2026-12-01";
const withFacts = planMigration(loaded(inventory), { targetSite: "dc-bn" }, AS_OF, progressFrom(progress));
// The same plan as if made without the file, as of a day after all its waves and decommissions:
// everything is dated before the as-of day, and still nothing is done.
const noFacts = planMigration(loaded(inventory), { targetSite: "dc-bn" }, AS_OF);
const lateAsOf: Plan = { ...noFacts, asOf: "2027-06-30" };

describe("the semi-annual report's done column", () => {
  it("comes only from the progress file: nothing is done without one, whatever the dates", () => {
    const [indicators, consolidated, shared] = reportTables({ plan: lateAsOf, lang: "vi" }, parsePeriod("2026-H2"));
    expect(indicators.rows.slice(0, 4).map((r) => r[3])).toEqual([0, 0, 0, 0]);
    expect(indicators.rows.slice(0, 4).every((r) => (r[5] as number) === (r[4] as number))).toBe(true);
    expect([...consolidated.rows, ...shared.rows].every((r) => r.at(-1) === "Kế hoạch")).toBe(true);
  });

  it("counts exactly what is recorded as done", () => {
    const [indicators, consolidated, shared] = reportTables({ plan: withFacts, lang: "vi" }, parsePeriod("2026-H2"));
    // 1: a's VM moved in the done wave; b's (failed), c's and the host they free are planned.
    expect(indicators.rows[0].slice(3)).toEqual([1, 3, 4]);
    expect(consolidated.rows.find((r) => r[0] === "a-vm")!.at(-1)).toBe("Đã thực hiện");
    expect(consolidated.rows.find((r) => r[0] === "spare-vm")!.at(-1)).toBe("Đã thực hiện");
    expect(consolidated.rows.find((r) => r[0] === "old-vm")!.at(-1)).toBe("Kế hoạch");
    // 2: spare-vm recorded decommissioned; old's VM planned.
    expect(indicators.rows[1].slice(3)).toEqual([1, 1, 2]);
    // 3: a is on the shared platform, moved in the done wave; c is planned.
    expect(shared.rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ["Hệ thống a", "Đã thực hiện"],
      ["Hệ thống c", "Kế hoạch"],
    ]);
    expect(indicators.rows[3].slice(3)).toEqual([1, 1, 2]);
  });

  it("says when no progress was recorded, and lists what was", async () => {
    const none = reportTables({ plan: noFacts, lang: "vi" }, parsePeriod("2026-H2")).at(-1)!;
    expect(none.rows).toEqual([]);
    const annex = reportTables({ plan: withFacts, lang: "en" }, parsePeriod("2026-H2")).at(-1)!;
    expect(annex.title).toBe("Annex: progress recorded in the period");
    expect(annex.rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ["spare-vm", "Server decommissioned", null, "2026-11-28"],
      ["Hệ thống a", "Moved", 1, "2026-11-29"],
      ["Hệ thống b", "Failed, planned again", 1, "2026-11-29"],
      ["Hệ thống old", "Switched off", null, "2026-11-29"],
    ]);
    expect(reportTables({ plan: withFacts, lang: "en" }, parsePeriod("2027-H1")).at(-1)!.rows).toEqual([]);
  });
});

describe("the HTML roadmap's planned-versus-actual view", () => {
  it("says no progress was recorded when none was", () => {
    const html = renderHtml({ plan: noFacts, lang: "vi" });
    expect(html).toContain('<section id="progress"');
    expect(html).toContain("Chưa ghi nhận tiến độ thực hiện");
    expect(html).not.toContain('aria-labelledby="pg-title');
  });

  it("draws recorded versus planned (and the original plan when given) and marks done, failed and re-planned systems", () => {
    const html = renderHtml({ plan: withFacts, lang: "vi", baseline: noFacts });
    const section = html.slice(html.indexOf('<section id="progress"'), html.indexOf("</section>", html.indexOf('<section id="progress"')));
    expect(section).toContain("Đã ghi nhận 1 đợt chuyển đổi đã thực hiện, đến ngày 29/11/2026: 1 hệ thống đã chuyển xong; 1 hệ thống chuyển không thành công, đã được lập kế hoạch chuyển lại.");
    expect(section).toContain('role="img"');
    expect(section).toContain("Kế hoạch ban đầu (lập ngày 01/12/2026)");
    expect(section).not.toMatch(/<script|https?:/);
    expect(section).toContain("Không thành công, chuyển lại");
    expect(section).toContain("mất kết nối cơ sở dữ liệu");
    // The waves table marks the done wave, its failed system, and the system planned again.
    expect(html).toMatch(/<tr data-wave="1">[\s\S]*?Đã thực hiện[\s\S]*?<\/tr>/);
    expect(html).toMatch(/Hệ thống b <span class="badge">[^<]*<\/span> <span class="badge late" title="mất kết nối cơ sở dữ liệu">Không thành công ở đợt 1, nay chuyển lại<\/span>/);
  });

  it("is deterministic and stays free of ids in the chart's words", () => {
    expect(progressSvg(withFacts, "vi", noFacts)).toBe(progressSvg(withFacts, "vi", noFacts));
    expect(progressSvg(withFacts, "en")).toContain("<title id=\"pg-title\">Systems moved, cumulative over time</title>");
  });
});

describe("per-agency plans", () => {
  it("keep the agency's failed systems in its done wave and tell its progress", async () => {
    const files = await renderByOwner({ plan: withFacts, lang: "vi" }, "md");
    const yTe = files.find((f) => f.name === "so-y-te.md")!.content as string;
    expect(yTe).toContain("## Tiến độ thực hiện: kế hoạch và thực tế");
    expect(yTe).toContain("| Hệ thống b | Sở Y tế | Không thành công, chuyển lại | 1 | 29/11/2026 |");
    const html = await renderByOwner({ plan: withFacts, lang: "vi" }, "html");
    expect(html.find((f) => f.name === "so-y-te.html")!.content as string).toContain('<section id="progress"');
    const none = await renderByOwner({ plan: noFacts, lang: "en" }, "md");
    expect(none[0].content as string).toContain("No progress has been recorded yet");
  });

  it("read the facts from the plan alone", () => {
    expect(recordedOf(withFacts)).toMatchObject({ any: true, lastRecorded: "2026-11-29" });
    expect(progressTable({ plan: withFacts, lang: "vi" }).rows).toHaveLength(4);
  });
});

describe("dcplan export --progress and --baseline", () => {
  it("exports a plan made from the file, and refuses one made from other facts", async () => {
    const dir = writeTree({ "progress.yaml": JSON.stringify(progress), "other.yaml": JSON.stringify({ schemaVersion: 1 }) });
    writeFileSync(join(dir, "plan.json"), serialisePlan(withFacts));
    writeFileSync(join(dir, "base.json"), serialisePlan(noFacts));
    const ok = captureIo();
    expect(await run(["export", "--plan", join(dir, "plan.json"), "--progress", join(dir, "progress.yaml"), "--baseline", join(dir, "base.json"), "--format", "html", "--out", join(dir, "r.html")], ok)).toBe(0);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toContain("Kế hoạch ban đầu");
    const bad = captureIo();
    expect(await run(["export", "--plan", join(dir, "plan.json"), "--progress", join(dir, "other.yaml"), "--format", "html", "--out", join(dir, "s.html")], bad)).toBe(2);
    expect(bad.err.split(dir).join("DIR")).toMatchInlineSnapshot(`
      "DIR/other.yaml: the plan DIR/plan.json was not made from this progress file (its done waves, retirements or server facts differ): run dcplan plan --progress DIR/other.yaml again, then export
      "
    `);
  });

  it("plans from the file through the command line, same bytes each time", async () => {
    const dir = writeTree({ "progress.yaml": JSON.stringify(progress) });
    const inv = writeInventory(inventory);
    const argv = ["plan", "--inventory", inv, "--profile", join(writeTree({ "p.yaml": "targetSite: dc-bn\n" }), "p.yaml"), "--as-of", AS_OF, "--progress", join(dir, "progress.yaml")];
    const a = captureIo();
    const b = captureIo();
    expect(await run(argv, a)).toBe(0);
    expect(await run(argv, b)).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toBe(serialisePlan(withFacts));
  });
});
