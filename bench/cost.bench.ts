// Cost benchmark (module of bench/run.ts, `npm run bench -- --only cost`): plans the runner's
// inventory with the planner benchmark's profile, then times costPlan with the sample's
// illustrative price book (planner/sample/prices.yaml) and the serialisation of the cost, noting
// the lines, procurement entries and the share of the plan's bytes the cost adds.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { indexInventory } from "../inventory/model.js";
import type { Inventory } from "../inventory/schema.js";
import { costPlan, loadPriceBook } from "../planner/cost/index.js";
import { planMigration, serialisePlan } from "../planner/plan.js";
import { benchProfile } from "./plan.bench.js";
import type { BenchContext } from "./types.js";

const PRICES = join(dirname(fileURLToPath(import.meta.url)), "..", "planner", "sample", "prices.yaml");

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<void> {
  const inventory = JSON.parse(readFileSync(ctx.jsonFile, "utf8")) as Inventory;
  const index = indexInventory(inventory);
  const plan = await ctx.stage("plan (to cost)", () => planMigration({ inventory, index }, benchProfile(inventory), ctx.asOf), (p) => `${p.servers.length} servers, ${p.waves.length} waves, ${p.procurement.length} procurements`);
  const book = loadPriceBook(PRICES);
  const cost = await ctx.stage("cost", () => costPlan(plan, index, book), (c) => `${c.lines.length} lines, ${c.byAgency.length} agencies`);
  const planBytes = serialisePlan(plan).length;
  await ctx.stage("serialise with cost", () => serialisePlan({ ...plan, cost }), (json) => `plan ${Math.round(planBytes / 2 ** 20)} MiB → ${Math.round(json.length / 2 ** 20)} MiB with the cost`);
}
