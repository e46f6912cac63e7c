// Property: over generated inventories and profiles whose deadline is missed, every option keeps
// its promise — planning the inventory from scratch with the profile patched by the option's change
// gives exactly the option's met, waves, projected completion and late systems — and that plan keeps
// every contract invariant (test/planner/invariants.ts); a deferral leaves no system that is still
// to finish depending on a deferred one; options that meet have no late system; the list is ranked.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../../bench/generate.js";
import { indexInventory } from "../../../inventory/model.js";
import { deadlineOptions } from "../../../planner/options/index.js";
import { applyMergePatch, type Json } from "../../../planner/options/merge-patch.js";
import { byRank } from "../../../planner/options/rank.js";
import { planMigration, planWithProfile } from "../../../planner/plan.js";
import { checkProfile } from "../../../planner/profile.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { simulateProgress } from "../../../bench/simulate-progress.js";
import { progressFrom } from "../../../planner/progress/load.js";
import { knobs, profileFor } from "../../generators/profile-arbitrary.js";
import { checkInvariants } from "../invariants.js";
import { dependantsLeftBehind, promiseOf, verdictOf } from "./fixtures.js";

const family = fc.record({ seed: fc.integer(), servers: fc.integer({ min: 10, max: 120 }), thirdSite: fc.boolean(), systemsPerServer: fc.constantFrom(0.2, 0.5) });

describe("options properties", () => {
  it("every option keeps its promise and its plan keeps every invariant", () => {
    let searched = 0;
    let offered = 0;
    fc.assert(
      fc.property(family, knobs, fc.constantFrom<"dc-bn" | "dc-bg" | undefined>("dc-bn", "dc-bg", undefined), (opts, k, target) => {
        const inventory = generateInventory(opts);
        const input = { inventory, index: indexInventory(inventory) };
        // Deadlines still ahead, tight enough to be missed often.
        const profile: Profile = { ...profileFor(inventory, { ...k, asOf: "2026-11-22", passedDeadline: false }, target), deadline: "2026-12-20" };
        let base;
        try {
          base = planWithProfile(input, checkProfile({ profile }, input.index, "2026-11-22"), "2026-11-22");
        } catch {
          return; // a generated pin the profile checks refuse
        }
        if (base.plan.deadline.met) return;
        searched++;
        const found = deadlineOptions({ planner: input, profile, asOf: "2026-11-22" }, base, { budget: 14 });
        expect(found.search.replans).toBeLessThanOrEqual(14);
        expect([...found.options].sort(byRank).map((o) => o.id)).toEqual(found.options.map((o) => o.id));
        for (const o of found.options) {
          offered++;
          const again = planMigration(input, applyMergePatch(profile, o.change as Json) as Profile, "2026-11-22");
          expect(verdictOf(again), o.id).toEqual(promiseOf(o));
          expect(checkInvariants(inventory, again), o.id).toEqual([]);
          if (o.met) expect(o.late).toEqual([]);
          else expect(dependantsLeftBehind(again, o), o.id).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 20261130 },
    );
    console.log(`options property: ${searched} missed deadlines searched, ${offered} options re-planned`);
    expect(searched).toBeGreaterThan(10);
    expect(offered).toBeGreaterThan(10);
  });

  it("with a progress file, every option re-planned from the same facts keeps its promise and every invariant", () => {
    let searched = 0;
    let offered = 0;
    const simulation = fc.record({ waves: fc.integer({ min: 1, max: 3 }), failShare: fc.constantFrom(0, 0.3), retryShare: fc.constantFrom(0, 1), serverShare: fc.constantFrom(0, 1), daysAfter: fc.integer({ min: 0, max: 10 }), seed: fc.integer() });
    fc.assert(
      fc.property(family, knobs, simulation, (opts, k, sim) => {
        const inventory = generateInventory(opts);
        const input = { inventory, index: indexInventory(inventory) };
        const plain: Profile = profileFor(inventory, { ...k, asOf: "2026-11-22", passedDeadline: false }, "dc-bn");
        let before;
        try {
          before = planMigration(input, plain, "2026-11-22");
        } catch {
          return;
        }
        const simulated = simulateProgress(inventory, before, sim);
        if (!simulated) return;
        const progress = progressFrom(simulated.progress);
        const asOf = simulated.asOf;
        const ahead = planWithProfile(input, checkProfile({ profile: plain }, input.index, asOf), asOf, progress);
        const planned = ahead.plan.waves.filter((w) => w.status !== "done");
        if (planned.length < 2) return;
        // The deadline at the end of the planned wave at 80 %: missed, but within reach of a lever.
        const profile: Profile = { ...plain, deadline: planned[Math.floor(planned.length * 0.8) - 1]?.end ?? planned[0].end };
        const base = planWithProfile(input, checkProfile({ profile }, input.index, asOf), asOf, progress);
        if (base.plan.deadline.met) return;
        searched++;
        const found = deadlineOptions({ planner: input, profile, asOf, progress }, base, { budget: 12 });
        for (const o of found.options) {
          offered++;
          const again = planMigration(input, applyMergePatch(profile, o.change as Json) as Profile, asOf, progressFrom(simulated.progress));
          expect(verdictOf(again), o.id).toEqual(promiseOf(o));
          expect(checkInvariants(inventory, again, simulated.progress), o.id).toEqual([]);
          if (!o.met) expect(dependantsLeftBehind(again, o), o.id).toEqual([]);
        }
      }),
      { numRuns: 25, seed: 20261130 },
    );
    console.log(`options property with progress: ${searched} missed deadlines searched, ${offered} options re-planned`);
    expect(searched).toBeGreaterThan(5);
    expect(offered).toBeGreaterThan(5);
  });
});
