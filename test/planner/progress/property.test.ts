// Property tests of planning from facts: generated inventories and profiles (the planner property
// tests' families), a plan, then a simulated merger (bench/simulate-progress.ts: the first waves cut
// over, some systems failed, some retried, retirements, servers switched off or moved) and a plan
// made again from the recorded progress. Every such plan matches the plan schema and keeps every
// contract invariant including the done waves' (invariants.ts, given the progress file); the same
// inputs give the same bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../../bench/generate.js";
import { type SimulationOptions, simulateProgress } from "../../../bench/simulate-progress.js";
import { indexInventory } from "../../../inventory/model.js";
import type { Inventory } from "../../../inventory/schema.js";
import { Plan } from "../../../planner/plan-schema.js";
import { planMigration, serialisePlan } from "../../../planner/plan.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { progressFrom } from "../../../planner/progress/load.js";
import type { Progress } from "../../../planner/progress/schema.js";
import { shapedInventory } from "../../generators/inventory-arbitrary.js";
import { knobs, profileFor } from "../../generators/profile-arbitrary.js";
import { checkInvariants } from "../invariants.js";

const realistic = fc.record({ seed: fc.integer(), servers: fc.integer({ min: 5, max: 160 }), thirdSite: fc.boolean(), systemsPerServer: fc.constantFrom(0.1, 0.2, 0.5) });
const simulation = fc.record({ waves: fc.integer({ min: 1, max: 4 }), failShare: fc.constantFrom(0, 0.1, 0.3, 1), retryShare: fc.constantFrom(0, 0.5, 1), serverShare: fc.constantFrom(0, 0.5, 1), daysAfter: fc.integer({ min: 0, max: 20 }), seed: fc.integer() });

function planAgain(inventory: Inventory, profile: Profile, asOf: string, sim: SimulationOptions): { plan: Plan; progress: Progress } | undefined {
  const input = { inventory, index: indexInventory(inventory) };
  const before = planMigration(input, profile, asOf);
  const simulated = simulateProgress(inventory, before, sim);
  if (!simulated) return undefined;
  return { plan: planMigration(input, profile, simulated.asOf, progressFrom(simulated.progress)), progress: simulated.progress };
}

describe("planning from recorded progress: properties", () => {
  it("keeps every contract invariant, done waves included, on generated inventories and profiles", () => {
    let planned = 0;
    fc.assert(
      fc.property(realistic, knobs, simulation, (opts, k, sim) => {
        const inventory = generateInventory(opts);
        const again = planAgain(inventory, profileFor(inventory, k, "dc-bn"), k.asOf, sim);
        if (!again) return;
        planned++;
        expect(Plan.safeParse(again.plan).success).toBe(true);
        expect(checkInvariants(inventory, again.plan, again.progress)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261130 },
    );
    expect(planned).toBeGreaterThan(100);
  });

  it("keeps every contract invariant on hand-shaped corner cases with progress", () => {
    fc.assert(
      fc.property(shapedInventory(), knobs, simulation, (inventory, k, sim) => {
        const again = planAgain(inventory, profileFor(inventory, k), k.asOf, sim);
        if (!again) return;
        expect(Plan.safeParse(again.plan).success).toBe(true);
        expect(checkInvariants(inventory, again.plan, again.progress)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it("gives byte-identical JSON for the same inventory, profile, progress and as-of", () => {
    fc.assert(
      fc.property(realistic, knobs, simulation, (opts, k, sim) => {
        const a = planAgain(generateInventory(opts), profileFor(generateInventory(opts), k, "dc-bn"), k.asOf, sim);
        const b = planAgain(generateInventory(opts), profileFor(generateInventory(opts), k, "dc-bn"), k.asOf, sim);
        expect(a && serialisePlan(a.plan)).toBe(b && serialisePlan(b.plan));
      }),
      { numRuns: 20, seed: 20261130 },
    );
  });
});
