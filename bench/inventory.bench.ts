// Inventory stages, measured on one inventory: load (parse + schema + cross-record rules),
// graph, move groups, SCC and condensation. The JSON.parse floor is a separate module
// (bench/json-floor.bench.ts) so its memory does not count here.
import { buildGraph } from "../inventory/graph.js";
import { loadInventorySync } from "../inventory/load.js";
import { condensation, moveGroups, stronglyConnectedComponents } from "../inventory/queries/index.js";
import type { BenchContext } from "./types.js";

/** Runs the inventory stages on `ctx.inventoryDir`. */
export async function bench(ctx: BenchContext): Promise<void> {
  // Warnings are not located here: locating means a `yaml` parse of every file with a warning,
  // measured separately (bench/locate.bench.ts, `--locate`).
  const loaded = await ctx.stage("load", () => loadInventorySync(ctx.inventoryDir, { asOf: ctx.asOf, locateWarnings: false }), (l) => `${l.files.length} files, ${l.inventory.systems.length} systems, ${l.warnings.length} warnings`);
  const graph = await ctx.stage("graph", () => buildGraph(loaded.inventory), (g) => `${g.order} nodes, ${g.size} edges`);
  await ctx.stage("move groups", () => moveGroups(loaded.index), (groups) => `${groups.length} groups`);
  await ctx.stage("SCC", () => stronglyConnectedComponents(graph), (c) => `${c.length} components, ${c.filter((x) => x.length > 1).length} cyclic`);
  await ctx.stage("condensation", () => condensation(graph), (c) => `${c.dag.order} nodes, ${c.dag.size} edges`);
}
