// Property-based tests over generated inventories and profiles: loose cycles and tight clusters
// (from the realistic generator), capacity shortages (high headroom, long procurement lead times),
// pins and hold-backs, holidays inside the planning window (Tết, 30/4–1/5, 2/9), blackouts, other
// cutover weekdays, and an already-passed deadline. Every plan must match the plan schema, keep
// every contract invariant (checked by invariants.ts) and stay within 10 % of the lower bound.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../bench/generate.js";
import { withPeoplePins } from "../../bench/people-pins.js";
import { benchProfile } from "../../bench/plan.bench.js";
import { indexInventory } from "../../inventory/model.js";
import type { Inventory } from "../../inventory/schema.js";
import { Plan } from "../../planner/plan-schema.js";
import { planMigration, serialisePlan } from "../../planner/plan.js";
import type { Profile } from "../../planner/profile-schema.js";
import { shapedInventory } from "../generators/inventory-arbitrary.js";
import { knobs, profileFor } from "../generators/profile-arbitrary.js";
import { checkInvariants } from "./invariants.js";

function planFor(inventory: Inventory, profile: Profile, asOf: string): Plan {
  return planMigration({ inventory, index: indexInventory(inventory) }, profile, asOf);
}

const realistic = fc.record({ seed: fc.integer(), servers: fc.integer({ min: 5, max: 160 }), thirdSite: fc.boolean(), systemsPerServer: fc.constantFrom(0.1, 0.2, 0.5) });

describe("planner properties", () => {
  it("keeps every contract invariant on generated inventories and profiles", () => {
    fc.assert(
      fc.property(realistic, knobs, fc.constantFrom<"dc-bn" | "dc-bg" | undefined>("dc-bn", "dc-bg", undefined), (opts, k, target) => {
        const inventory = generateInventory(opts);
        const plan = planFor(inventory, profileFor(inventory, k, target), k.asOf);
        expect(Plan.safeParse(plan).success).toBe(true);
        expect(checkInvariants(inventory, plan)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it("regression: two tight clusters of the same functions at two sites get survivors in one of them, not alternately", () => {
    // Found by the unseeded run of the property above: bn-commune-land-00001 (+ -cache, -db, -report)
    // and cl-commune-land-00002 (+ -cache, -report, -search) had survivors chosen function by
    // function at different sites, so "survivor first" forced both clusters into one wave of
    // 8 systems / 10 457 GiB, over the data limit and more than one group.
    const inventory = generateInventory({ seed: -2147482624, servers: 139, thirdSite: true, systemsPerServer: 0.5 });
    const plan = planFor(inventory, { targetSite: "dc-bg" }, "2026-11-22");
    expect(checkInvariants(inventory, plan)).toEqual([]);
    const of = (id: string) => plan.systems.find((s) => s.id === id)!;
    for (const f of ["", "-cache", "-report"]) expect(of(`bn-commune-land-00001${f}`)).toMatchObject({ disposition: "consolidate", into: `cl-commune-land-00002${f}` });
    for (const f of ["", "-cache", "-report", "-search"]) expect(of(`cl-commune-land-00002${f}`).disposition).not.toBe("consolidate");
    expect(plan.violations.filter((v) => v.rule === "forced-oversized-wave")).toEqual([]);
    // Essentially every profile failed with this inventory and target.
    fc.assert(
      fc.property(knobs, (k) => {
        const p = planFor(inventory, profileFor(inventory, k, "dc-bg"), k.asOf);
        expect(checkInvariants(inventory, p)).toEqual([]);
      }),
      { numRuns: 30, seed: 20261122 },
    );
  });

  it("keeps every contract invariant when people pinned dispositions (retains inside tight clusters, contradictory moves)", () => {
    fc.assert(
      fc.property(realistic, fc.integer(), knobs, fc.constantFrom<"dc-bn" | "dc-bg" | undefined>("dc-bn", "dc-bg", undefined), (opts, pinSeed, k, target) => {
        const inventory = withPeoplePins(generateInventory(opts), { seed: pinSeed, retainShare: 0.1, contradictionShare: 0.2 });
        const plan = planFor(inventory, profileFor(inventory, k, target), k.asOf);
        expect(Plan.safeParse(plan).success).toBe(true);
        expect(checkInvariants(inventory, plan)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it("regression: at 1,000 generated systems with people's pins, nothing unpinned is split from a pinned retain (5 were)", () => {
    const inventory = withPeoplePins(generateInventory({ seed: 1, servers: 5000, systemsPerServer: 0.2 }), { seed: 1 });
    const plan = planFor(inventory, benchProfile(inventory), "2026-11-22");
    expect(checkInvariants(inventory, plan)).toEqual([]);
    const pinned = new Set(inventory.systems.filter((s) => s.disposition !== undefined).map((s) => s.id));
    for (const v of plan.violations.filter((x) => x.rule === "tight-coupling-split")) expect(pinned.has(v.subject)).toBe(true);
    // The unpinned partners stay with their pinned retain, listed as remaining.
    expect(plan.remaining.filter((id) => !pinned.has(id)).length).toBeGreaterThan(0);
  });

  it("keeps every contract invariant on hand-shaped corner cases", () => {
    fc.assert(
      fc.property(shapedInventory(), knobs, (inventory, k) => {
        const plan = planFor(inventory, profileFor(inventory, k), k.asOf);
        expect(Plan.safeParse(plan).success).toBe(true);
        expect(checkInvariants(inventory, plan)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it("plans close to the lower bound: never below it, at most one wave above on small plans, ≤ 10 % above in total and on plans of 10+ waves", () => {
    let planned = 0;
    let bound = 0;
    fc.assert(
      fc.property(realistic, knobs, (opts, k) => {
        const inventory = generateInventory(opts);
        const plan = planFor(inventory, profileFor(inventory, { ...k, pins: [] }, "dc-bn"), k.asOf);
        if (plan.unscheduled.length > 0) return;
        const lb = plan.lowerBound.waves;
        expect(plan.waves.length).toBeGreaterThanOrEqual(lb);
        expect(plan.waves.length).toBeLessThanOrEqual(lb >= 10 ? Math.floor(1.1 * lb) : lb + 1);
        planned += plan.waves.length;
        bound += lb;
      }),
      { numRuns: 200, seed: 20261122 },
    );
    expect(planned).toBeLessThanOrEqual(1.1 * bound);
    console.log(`waves planned ÷ lower bound over the generated families: ${planned} ÷ ${bound} = ${(planned / bound).toFixed(3)}`);
  });

  it("stays within 10 % of the lower bound on larger generated inventories", () => {
    fc.assert(
      fc.property(fc.record({ seed: fc.integer(), servers: fc.integer({ min: 400, max: 1500 }), thirdSite: fc.boolean(), systemsPerServer: fc.constant(0.2) }), fc.integer({ min: 2, max: 10 }), (opts, maxSystems) => {
        const inventory = generateInventory(opts);
        const plan = planFor(inventory, { targetSite: "dc-bn", waveLimits: { maxSystems } }, "2026-11-22");
        if (plan.unscheduled.length > 0) return;
        expect(plan.waves.length).toBeGreaterThanOrEqual(plan.lowerBound.waves);
        expect(plan.waves.length).toBeLessThanOrEqual(Math.max(plan.lowerBound.waves + 1, Math.floor(1.1 * plan.lowerBound.waves)));
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it("regression: a wave opens with the largest group over half a wave (first-fit decreasing), reaching the bound where two were wasted", () => {
    // Found by the 20-seed × 250-run search of the lower-bound property: the packing queue filled the
    // wave with a balanced 4-system group, so the 847 GiB SOC (over half the 1 000 GiB limit) and the
    // 800 GiB registry each took a wave with nothing beside them: 12 waves against a bound of 10.
    const inventory = generateInventory({ seed: 23, servers: 109, thirdSite: true, systemsPerServer: 0.5 });
    const k = { asOf: "2027-01-20", windows: { weekdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] }, maxSystems: 12, maxDataGiB: 1000, headroomPct: 29, procurementLeadDays: 63, pins: [], blackout: { offset: 55, length: 9 }, passedDeadline: true } as const;
    const plan = planFor(inventory, profileFor(inventory, { ...k, windows: { weekdays: [...k.windows.weekdays] }, pins: [] }, "dc-bn"), k.asOf);
    expect(plan.lowerBound.waves).toBe(10);
    expect(plan.waves.length).toBe(10);
    expect(checkInvariants(inventory, plan)).toEqual([]);
  });

  it("capacity before procurement: the bound is tight on waves, and the extra waves finish sooner than any plan with fewer could", () => {
    // One of the counterexamples of the lower-bound search (high headroom, 156 days of procurement
    // lead time): 8 waves against a bound of 6. With procured hardware possible from the first day the
    // same rules give exactly 6 waves; shifted past the day bought hardware arrives, that schedule is
    // a plan with 6 waves, so the bound is tight. The planner instead moves what fits the site before
    // then, and its 8 waves end before 6 waves starting on that day could.
    const inventory = generateInventory({ seed: -7, servers: 127, thirdSite: true, systemsPerServer: 0.5 });
    const k = { asOf: "2027-04-20", windows: { weekdays: ["sat", "sun"] }, maxSystems: 12, maxDataGiB: 5000, headroomPct: 71, procurementLeadDays: 156, pins: [], blackout: { offset: 56, length: 13 }, passedDeadline: true };
    const profile = profileFor(inventory, k as Parameters<typeof profileFor>[1], "dc-bn");
    const plan = planFor(inventory, profile, k.asOf);
    expect([plan.waves.length, plan.lowerBound.waves]).toEqual([8, 6]);
    const free = planFor(inventory, { ...profile, procurementLeadDays: 0 }, k.asOf);
    expect(free.waves.length).toBe(plan.lowerBound.waves);
    // Six waves no earlier than the day procured hardware can run: the sixth weekend from 2027-09-23.
    const arrives = "2027-09-23";
    const sixthWeekendEnd = "2027-10-31";
    expect(plan.waves.at(-1)!.end < sixthWeekendEnd).toBe(true);
    expect(plan.procurement.every((p) => p.by >= arrives)).toBe(true);
    expect(checkInvariants(inventory, plan)).toEqual([]);
  });

  it("gives byte-identical JSON for the same inputs", () => {
    fc.assert(
      fc.property(realistic, knobs, (opts, k) => {
        const a = generateInventory(opts);
        const b = generateInventory(opts);
        expect(serialisePlan(planFor(a, profileFor(a, k, "dc-bn"), k.asOf))).toBe(serialisePlan(planFor(b, profileFor(b, k, "dc-bn"), k.asOf)));
      }),
      { numRuns: 30, seed: 20261122 },
    );
  });
});
