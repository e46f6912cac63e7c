// The planner on the bundled sample inventory (~80 systems, ~190 servers at dc-bn and dc-bg).
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { Plan } from "../../planner/plan-schema.js";
import { planMigration, serialisePlan } from "../../planner/plan.js";
import { checkInvariants } from "./invariants.js";

const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-22", locateWarnings: false });

describe("the sample inventory", () => {
  const plan = planMigration(loaded, {}, "2026-11-22");

  it("gives a schema-valid plan that keeps every invariant", () => {
    expect(Plan.safeParse(plan).success).toBe(true);
    expect(checkInvariants(loaded.inventory, plan)).toEqual([]);
  });

  it("says truthfully that five weekends are not enough for 31/12/2026, and why", () => {
    expect(plan.deadline.met).toBe(false);
    expect(plan.deadline.late.length).toBeGreaterThan(0);
    expect(plan.deadline.projectedCompletion! > "2026-12-31").toBe(true);
    expect(plan.deadline.criticalChain.length).toBeGreaterThan(0);
    expect(plan.waves.slice(0, 5).map((w) => w.start)).toEqual(["2026-11-28", "2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26"]);
    expect(plan.waves.length).toBeGreaterThanOrEqual(plan.lowerBound.waves);
  });

  it("fills every system's reasons and every server's fate", () => {
    expect(plan.systems).toHaveLength(loaded.inventory.systems.length);
    expect(plan.servers).toHaveLength(loaded.inventory.servers.length);
    expect(plan.summary.after.physicalServers).toBeLessThan(plan.summary.before.physicalServers);
    expect(plan.roadmap.some((r) => r.phase === "2029-2030")).toBe(true);
  });

  it("keeps its invariants when the deadline has already passed (as-of 2027-03-01)", () => {
    const late = planMigration(loaded, {}, "2027-03-01");
    expect(late.deadline.met).toBe(false);
    expect(late.waves.every((w) => w.start > "2027-03-01")).toBe(true);
    expect(checkInvariants(loaded.inventory, late)).toEqual([]);
  });

  it("is byte-identical for the same inputs", () => {
    expect(serialisePlan(planMigration(loaded, {}, "2026-11-22"))).toBe(serialisePlan(plan));
  });
});
