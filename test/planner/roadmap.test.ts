// The later phases planned, not listed (planner/roadmap.ts, planner/level-quarters.ts): work levelled
// over quarters at the profile's effort a quarter, earliest forcing date first, each item with its
// own date and lateness reported; the national connections of the surviving integration platforms
// as 2026 milestones (planner/national-connections.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { levelOverQuarters, quarterOf, type Work } from "../../planner/level-quarters.js";
import { planMigration } from "../../planner/plan.js";
import { EFFORT } from "../../planner/roadmap.js";
import { makeExternal } from "../fixtures.js";
import { inventoryOf, planOf, sys } from "./fixtures.js";

const work = (key: string, due: string, effort = 1, release = "2027-01-01", rank = 0): Work => ({ key, due, effort, release, rank });

describe("levelling over quarters", () => {
  it("does the work due first first, at the quarter's rate, each item on its own day", () => {
    const items = [work("c", "2028-06-30", 2), work("a", "2027-03-31", 1), work("b", "2027-06-30", 1)];
    const out = levelOverQuarters(items, "2027-01-01", 10);
    // 10 points a quarter of 90 days (2027-Q1): 1 point = 9 days.
    expect(out).toEqual([
      { quarter: "2027-Q1", done: "2027-02-05", late: false },
      { quarter: "2027-Q1", done: "2027-01-09", late: false },
      { quarter: "2027-Q1", done: "2027-01-18", late: false },
    ]);
  });

  it("spills into later quarters when a quarter is full, reports what lands after its date, and waits for releases", () => {
    const items = Array.from({ length: 12 }, (_, i) => work(`w${String(i).padStart(2, "0")}`, "2027-03-31"));
    items.push(work("later", "2030-12-31", 4, "2029-01-01"));
    const out = levelOverQuarters(items, "2027-01-01", 10);
    expect(out.slice(0, 10).every((x) => x.quarter === "2027-Q1" && !x.late)).toBe(true);
    expect(out.slice(10, 12).map((x) => [x.quarter, x.late])).toEqual([
      ["2027-Q2", true],
      ["2027-Q2", true],
    ]);
    expect(out[12].quarter).toBe("2029-Q1");
  });

  it("keeps its promises on any work (fixed seed): capacity per quarter, release, due order, lateness, distinct days", () => {
    const date = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const item = fc.record({ due: date, effort: fc.integer({ min: 1, max: 6 }), late: fc.boolean(), rank: fc.integer({ min: 0, max: 7 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 80 }), fc.integer({ min: 6, max: 90 }), (raw, perQuarter) => {
        const items = raw.map((r, i) => work(`k${String(i).padStart(3, "0")}`, r.due, r.effort, r.late ? "2029-01-01" : "2027-01-01", r.rank));
        const out = levelOverQuarters(items, "2027-01-01", perQuarter);
        const q0 = quarterOf("2027-01-01");
        // Done by the end of quarter k: at most (k + 1) quarters of effort.
        const byQuarter = new Map<number, number>();
        out.forEach((o, i) => byQuarter.set(quarterOf(o.done), (byQuarter.get(quarterOf(o.done)) ?? 0) + items[i].effort));
        let sum = 0;
        for (const q of [...byQuarter.keys()].sort((a, b) => a - b)) {
          sum += byQuarter.get(q)!;
          expect(sum).toBeLessThanOrEqual((q - q0 + 1) * perQuarter);
        }
        out.forEach((o, i) => {
          expect(o.done >= items[i].release).toBe(true);
          expect(o.late).toBe(o.done > items[i].due);
          expect(quarterOf(o.done)).toBe(Number(o.quarter.slice(0, 4)) * 4 + Number(o.quarter.slice(6)) - 1);
        });
        // Among items released together, one due earlier is never done after one due later.
        for (let i = 0; i < items.length; i++) for (let j = 0; j < items.length; j++) if (items[i].release === items[j].release && items[i].due < items[j].due) expect(out[i].done <= out[j].done).toBe(true);
        // A quarter has at least as many days as points here, so no two items end on the same day.
        expect(new Set(out.map((o) => o.done)).size).toBe(out.length);
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });
});

const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-30", locateWarnings: false });

describe("the sample's later phases", () => {
  const plan = planMigration(loaded, {}, "2026-11-30");

  it("gives every item its own date, spread by the effort a quarter, in the order of the dates that force the work", () => {
    const r = plan.roadmap;
    expect(r.length).toBeGreaterThan(100);
    expect(new Set(r.map((x) => x.by)).size).toBe(r.length);
    expect(plan.laterPhases?.effortPerQuarter).toBe(40);
    expect(plan.profile.effortPerQuarter).toBe(40);
    // No quarter carries more than its effort plus the tail of one item begun in the quarter before.
    for (const q of plan.laterPhases!.quarters) expect(q.effort).toBeLessThanOrEqual(40 + Math.max(...Object.values(EFFORT)) - 1);
    expect(plan.laterPhases!.quarters.map((q) => q.quarter).slice(0, 4)).toEqual(["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    // Work no date forces waits for its phase: the 2029–2030 candidates start in 2029.
    for (const x of r.filter((y) => y.action.endsWith("-candidate"))) expect(x.by >= "2029-01-01").toBe(true);
    // Nothing is done after its forcing date without being reported as late, with the reason saying so.
    for (const x of r) {
      expect(x.late).toBe(x.due! < "2027-01-01" || x.by > x.due!);
      if (x.late) expect(x.reason).toMatch(/; late: /);
      expect(x.phase).toBe(x.by <= "2028-12-31" ? "2027-2028" : "2029-2030");
    }
    expect(plan.laterPhases!.late).toBe(r.filter((x) => x.late).length);
    // The old roadmap dated every 2027–2028 item 2028-12-31 and every 2029–2030 item 2030-12-31.
    expect(r.filter((x) => x.by === "2028-12-31" || x.by === "2030-12-31").length).toBeLessThanOrEqual(1);
  });

  it("spreads the work over more quarters when the profile gives the centre less effort a quarter", () => {
    const slow = planMigration(loaded, { laterPhases: { effortPerQuarter: 20 } }, "2026-11-30");
    expect(slow.profile.effortPerQuarter).toBe(20);
    expect(slow.laterPhases!.quarters.length).toBeGreaterThan(plan.laterPhases!.quarters.length);
    expect(slow.laterPhases!.late).toBeGreaterThan(plan.laterPhases!.late);
  });

  it("puts the connections to the National Data Centre and NDXP/NDOP in 2026 as milestones the deadline checks, not in 2027–2028", () => {
    const nc = plan.deadline.nationalConnections!;
    expect(nc.map((c) => [c.system, c.externals, c.takesOver, c.met])).toEqual([
      ["kho-du-lieu", ["tt-du-lieu-quoc-gia"], [], true],
      ["lgsp-bn", ["ndop", "ndxp"], ["lgsp-bg"], true],
    ]);
    const lgspBg = plan.systems.find((s) => s.id === "lgsp-bg")!;
    expect(nc[1].on).toBe(plan.waves[lgspBg.wave! - 1].end);
    for (const c of nc) expect(c.on! <= "2026-12-31").toBe(true);
    expect(plan.translations?.vi[nc[1].reason]).toMatch(/^mốc năm 2026, hạn 31\/12\/2026: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Bắc Ninh .* kết nối trung tâm sau hợp nhất với Nền tảng chia sẻ, điều phối, tích hợp dữ liệu quốc gia \(NDOP\) và Nền tảng tích hợp, chia sẻ dữ liệu quốc gia \(NDXP\)/);
    const connects = plan.roadmap.filter((x) => x.action === "connect-national-platform");
    expect(connects.map((x) => x.subject)).not.toContain("lgsp-bn");
    expect(connects.map((x) => x.subject)).not.toContain("kho-du-lieu");
    for (const x of connects) expect(x.reason).not.toMatch(/ndxp|ndop|tt-du-lieu-quoc-gia/);
  });
});

describe("national connections", () => {
  it("are a link of the critical chain when the platform's wave ends after the deadline", () => {
    const inv = inventoryOf([sys("lgsp-bg", [], { function: "lgsp", dependsOn: [{ target: "ndxp", coupling: "loose" }] })], [], { externals: [makeExternal()] });
    const plan = planOf(inv, { deadline: "2026-11-27" });
    const c = plan.deadline.nationalConnections![0];
    expect(c).toMatchObject({ system: "lgsp-bg", externals: ["ndxp"], due: "2026-11-27", on: "2026-11-29", met: false });
    expect(plan.deadline.criticalChain[0]).toEqual({ kind: "dependency", subject: "lgsp-bg", message: c.reason });
    expect(c.reason).toBe("national connection, a 2026 milestone due 2026-11-27: lgsp-bg connects the merged centre to ndxp; reached on 2026-11-29, the end of wave 1, after its due date");
  });
});
