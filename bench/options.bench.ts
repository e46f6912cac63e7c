// Options benchmark (module of bench/run.ts, `npm run bench -- --only options`, sizes 10k and 100k
// servers for 2k and 20k systems): what searching the deadline options costs beside a plain plan.
// The runner's inventory is planned with the planner benchmark's profile; the deadline is then set
// to the end of the wave at 90 % of that plan, so the plan misses it by about a tenth (the case
// options are for: late, but not hopelessly), and the plan with that deadline is the base. The
// search (planner/options/) runs with its default budget (scaled to the inventory) and then with
// the budget of the sample (60). Notes: re-plans made, options found and the best one, time per
// re-plan against the plain plan.
import { readFileSync } from "node:fs";
import { indexInventory } from "../inventory/model.js";
import type { Inventory } from "../inventory/schema.js";
import { deadlineOptions, type DeadlineOptions } from "../planner/options/index.js";
import { planWithProfile } from "../planner/plan.js";
import { checkProfile } from "../planner/profile.js";
import type { Profile } from "../planner/profile-schema.js";
import { benchProfile } from "./plan.bench.js";
import type { BenchContext } from "./types.js";

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<void> {
  const inventory = JSON.parse(readFileSync(ctx.jsonFile, "utf8")) as Inventory;
  const input = { inventory, index: indexInventory(inventory) };
  const plain: Profile = benchProfile(inventory);
  let planMs = 0;
  const first = await ctx.stage(
    "plan (plain)",
    () => {
      const t0 = performance.now();
      const p = planWithProfile(input, checkProfile({ profile: plain }, input.index, ctx.asOf), ctx.asOf);
      planMs = performance.now() - t0;
      return p;
    },
    (p) => `${p.plan.systems.length} systems, ${p.plan.waves.length} waves, deadline ${p.plan.deadline.date} ${p.plan.deadline.met ? "met" : "missed"}`,
  );
  const waves = first.plan.waves;
  const profile: Profile = { ...plain, deadline: waves[Math.max(0, Math.floor(waves.length * 0.9) - 1)].end };
  const base = await ctx.stage("plan (deadline at 90 % of the waves)", () => planWithProfile(input, checkProfile({ profile }, input.index, ctx.asOf), ctx.asOf), (p) => `deadline ${p.plan.deadline.date}: ${p.plan.deadline.late.length} systems late, ${p.plan.waves.length} waves`);
  const search = async (label: string, budget?: number): Promise<void> => {
    let ms = 0;
    await ctx.stage(
      label,
      () => {
        const t0 = performance.now();
        const r = deadlineOptions({ planner: input, profile, asOf: ctx.asOf }, base, budget === undefined ? {} : { budget });
        ms = performance.now() - t0;
        return r;
      },
      (r: DeadlineOptions) => {
        const best = r.options[0];
        // Without a price book an option's figures are its search re-plan's: no further plan.
        return `${r.search.replans} re-plans of ${r.search.budget}${r.search.exhausted ? " (budget spent)" : ""}; ${r.options.length} options${best ? `, best ${best.id} (${best.met ? "meets" : `defers ${best.late.length}`})` : ""}; ${(ms / planMs).toFixed(1)} × the plain plan, ${(ms / Math.max(1, r.search.replans) / planMs).toFixed(2)} × a plan per re-plan`;
      },
    );
  };
  await search("options (default budget)");
  await search("options (budget 60)", 60);
}
