// Planner benchmark. Two entry points:
//  - `bench(ctx)`: the module interface of bench/run.ts (`npm run bench`): reads the runner's
//    inventory (the JSON copy; loading YAML is measured by the inventory module), indexes it and
//    times planMigration, noting waves, the lower bound and their ratio;
//  - `benchPlan(sizes)`: stand-alone, `npx tsx bench/plan.bench.ts 2k 10k 20k` (sizes in systems):
//    generates each inventory in memory with the seeded generator (≈ 5 servers per system), plans
//    it and prints time, peak RSS and waves ÷ lower bound.
// The profile scales the wave limits with the inventory (maxSystems = ⌈systems ÷ 150⌉, at least 8;
// maxDataGiB = ⌈data ÷ 150⌉, at least 10 000) so that the plan fits the 2026–2030 horizon and the
// ratio to the lower bound means something; the default profile (8 systems and one weekend of WAN
// per wave) would leave most of a 20k-system inventory unscheduled.
import { readFileSync } from "node:fs";
import { resourceUsage } from "node:process";
import { pathToFileURL } from "node:url";
import { indexInventory } from "../inventory/model.js";
import type { Inventory } from "../inventory/schema.js";
import { planMigration } from "../planner/plan.js";
import type { Plan } from "../planner/plan-schema.js";
import { generateInventory } from "./generate.js";
import type { BenchContext } from "./types.js";

const AS_OF = "2026-11-22";

/** The benchmark's profile for `inventory`: wave limits scaled so ≈ 150 waves could carry it. */
export function benchProfile(inventory: Inventory) {
  const data = inventory.systems.reduce((n, s) => n + (s.dataGiB ?? 0), 0);
  return { targetSite: "dc-bn", waveLimits: { maxSystems: Math.max(8, Math.ceil(inventory.systems.length / 150)), maxDataGiB: Math.max(10_000, Math.ceil(data / 150)) } };
}

function note(plan: Plan): string {
  const ratio = plan.lowerBound.waves > 0 ? plan.waves.length / plan.lowerBound.waves : 1;
  return `${plan.systems.length} systems, ${plan.servers.length} servers, ${plan.waves.length} waves, lower bound ${plan.lowerBound.waves} (${plan.lowerBound.binding}), ratio ${ratio.toFixed(3)}, ${plan.unscheduled.length} unscheduled, ${plan.procurement.length} procurements`;
}

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<void> {
  const inventory = await ctx.stage("read JSON", () => JSON.parse(readFileSync(ctx.jsonFile, "utf8")) as Inventory);
  const index = await ctx.stage("index", () => indexInventory(inventory));
  await ctx.stage("plan", () => planMigration({ inventory, index }, benchProfile(inventory), ctx.asOf), note);
}

/** Plans generated inventories of `sizes` systems each; prints and returns the figures. */
export function benchPlan(sizes: readonly number[] = [2000, 10_000, 20_000], seed = 1): { systems: number; servers: number; ms: number; peakRssMiB: number; waves: number; lowerBound: number; ratio: number }[] {
  const rows = [];
  for (const systems of sizes) {
    const inventory = generateInventory({ seed, servers: systems * 5, systemsPerServer: 0.2 });
    const index = indexInventory(inventory);
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    const plan = planMigration({ inventory, index }, benchProfile(inventory), AS_OF);
    const ms = performance.now() - t0;
    const peakRssMiB = Math.round((resourceUsage().maxRSS * 1024) / 2 ** 20);
    const ratio = plan.lowerBound.waves > 0 ? plan.waves.length / plan.lowerBound.waves : 1;
    const row = { systems: inventory.systems.length, servers: inventory.servers.length, ms: Math.round(ms), peakRssMiB, waves: plan.waves.length, lowerBound: plan.lowerBound.waves, ratio: Math.round(ratio * 1000) / 1000 };
    process.stdout.write(`plan ${row.systems} systems / ${row.servers} servers: ${row.ms} ms, peak RSS ${row.peakRssMiB} MiB (process so far), ${note(plan)}\n`);
    rows.push(row);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sizes = process.argv.slice(2).map((s) => Math.round(parseFloat(s) * (/k$/i.test(s) ? 1000 : 1)));
  benchPlan(sizes.length > 0 ? sizes : undefined);
}
