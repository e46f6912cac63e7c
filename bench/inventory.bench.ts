// Inventory stages, measured on one inventory: load (parse + schema + cross-record rules), the
// dependency graph the algorithms use (integer-indexed, inventory/queries/system-graph.ts), move
// groups, strongly connected components and condensation — what `dcplan plan` and `validate` do
// with an inventory — and, apart from that total, the graphology model that `dcplan graph` and
// API users query (buildGraph). The JSON.parse floor is a separate module
// (bench/json-floor.bench.ts) so its memory does not count here.
import { buildGraph } from "../inventory/graph.js";
import { loadInventorySync } from "../inventory/load.js";
import { condenseIndexed, moveGroups, sccIndexed, systemGraph } from "../inventory/queries/index.js";
import type { BenchContext, Target } from "./types.js";

export const targets: Target[] = [
  { what: "load + validate + graph + move groups + SCC + condensation, 20k systems", stage: "inventory: load + graph + move groups + SCC + condensation", maxMs: 5000, size: "100k" },
];

/**
 * Runs the inventory stages on `ctx.inventoryDir`. The runner adds the total of load, graph, move
 * groups, SCC and condensation as the stage "load + graph + move groups + SCC + condensation"
 * (bench/run.ts, INVENTORY_STAGES); the graphology model is timed after it, outside the total.
 */
export async function bench(ctx: BenchContext): Promise<void> {
  // Warnings are not located here (validate locates the few it prints; `--locate` measures locating all).
  const loaded = await ctx.stage("load", () => loadInventorySync(ctx.inventoryDir, { asOf: ctx.asOf, locateWarnings: false }), (l) => `${l.files.length} files, ${l.inventory.systems.length} systems, ${l.warnings.length} warnings`);
  const graph = await ctx.stage("graph", () => systemGraph(loaded.index), (g) => `integer-indexed: ${g.ids.length} systems, ${g.targets.length} dependency edges`);
  await ctx.stage("move groups", () => moveGroups(loaded.index), (groups) => `${groups.length} groups`);
  const components = await ctx.stage("SCC", () => sccIndexed(graph), (c) => `${c.length} components, ${c.filter((x) => x.length > 1).length} cyclic`);
  await ctx.stage("condensation", () => condenseIndexed(graph, components), (c) => `${c.components.length} nodes, ${c.dag.targets.length} edges`);
  await ctx.stage("graphology model (not in the total)", () => buildGraph(loaded.inventory), (g) => `what dcplan graph and API users query: ${g.order} nodes, ${g.size} edges`);
}
