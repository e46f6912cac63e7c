import { describe, expect, it } from "vitest";
import { checkInvariants } from "./invariants.js";
import { inventoryOf, planOf, sys } from "./fixtures.js";

const many = (n: number) => Array.from({ length: n }, (_, i) => sys(`s${String(i).padStart(2, "0")}`, []));

describe("deadline truth", () => {
  it("is met when every wave ends by the deadline", () => {
    const plan = planOf(inventoryOf(many(3)));
    expect(plan.deadline).toMatchObject({ met: true, late: [], projectedCompletion: "2026-11-29", criticalChain: [], windowsBeforeDeadline: 10 });
  });

  it("names the late systems, the projected completion and the binding limit when there are too few weekends", () => {
    const inv = inventoryOf(many(14));
    const plan = planOf(inv, { waveLimits: { maxSystems: 2 } });
    expect(plan.waves.length).toBe(7);
    expect(plan.deadline.met).toBe(false);
    expect(plan.deadline.late).toEqual(plan.waves.filter((w) => w.end > "2026-12-31").flatMap((w) => w.systems).sort());
    expect(plan.deadline.projectedCompletion).toBe(plan.waves[6].end);
    expect(plan.deadline.criticalChain[0]).toMatchObject({ kind: "wave-limit", subject: "waveLimits.maxSystems" });
    expect(plan.lowerBound).toMatchObject({ waves: 7, binding: "systems", gap: 0 });
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("tells the truth when the deadline has already passed", () => {
    const inv = inventoryOf(many(2));
    const plan = planOf(inv, {}, "2027-03-01");
    expect(plan.deadline.met).toBe(false);
    expect(plan.deadline.late).toEqual(["s00", "s01"]);
    expect(plan.deadline.windowsBeforeDeadline).toBe(0);
    expect(plan.deadline.criticalChain[0].message).toMatch(/already passed/);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("lists systems that find no wave before horizonEnd as unscheduled and late", () => {
    const inv = inventoryOf(many(3));
    const plan = planOf(inv, { waveLimits: { maxSystems: 1 }, horizonEnd: "2026-12-10" });
    expect(plan.unscheduled.map((u) => u.system)).toEqual(["s02"]);
    expect(plan.deadline).toMatchObject({ met: false });
    expect(plan.deadline.late).toContain("s02");
    expect(plan.deadline.projectedCompletion).toBeUndefined();
    expect(checkInvariants(inv, plan)).toEqual([]);
  });
});
