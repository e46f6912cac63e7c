// `dcplan graph`: the dependency graph of the inventory as JSON, Graphviz DOT or Mermaid, whole or
// around one entity (`--focus ID --depth N`).
import type { Command } from "commander";
import { UsageError } from "../../../common/errors.js";
import { buildGraph } from "../../../inventory/graph.js";
import { loadInventory } from "../../../inventory/load.js";
import { type GraphFormat, graphView, renderGraph } from "../../../inventory/render-graph.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { parseChoice, parseIntOption } from "../options.js";
import { defaultInventoryDir } from "../paths.js";

export interface GraphOptions {
  readonly inventory: string;
  readonly format: GraphFormat;
  readonly focus?: string;
  readonly depth: number;
  readonly out?: string;
}

/** Runs `dcplan graph`: renders the graph to `--out` or standard output. */
export async function graphCommand(options: GraphOptions, io: Io): Promise<void> {
  const loaded = await loadInventory(options.inventory, { asOf: io.today(), locateWarnings: false });
  const graph = buildGraph(loaded.inventory);
  if (options.focus !== undefined && !graph.hasNode(options.focus)) {
    throw new UsageError(`--focus "${options.focus}" is not an id in the inventory ${options.inventory}`);
  }
  const text = renderGraph(graphView(graph, options.focus, options.depth), options.format);
  if (options.out) writeFileAtomic(options.out, text);
  else io.stdout(text);
}

export const addGraphCommand = (program: Command, io: Io): void => {
  program
    .command("graph")
    .description("print the dependency graph (sites, agencies, servers, systems, externals and typed edges)")
    .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
    .option("--format <format>", "json, dot or mermaid", parseChoice("--format", ["json", "dot", "mermaid"] as const), "json")
    .option("--focus <id>", "only the neighbourhood of this entity")
    .option("--depth <n>", "with --focus: how many steps around it", parseIntOption("--depth", 0), 2)
    .option("--out <file>", "write to this file instead of standard output")
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan graph --inventory inventory/sample --format mermaid --focus mot-cua-bn --depth 1
  $ dcplan graph --inventory inventory/sample --format dot | dot -Tsvg > graph.svg`,
    )
    .action(async (opts: GraphOptions) => {
      await graphCommand(opts, io);
    });
};
