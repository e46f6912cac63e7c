// `dcplan graph`: the dependency graph of the inventory as JSON, Graphviz DOT or Mermaid, whole or
// around one entity (`--focus ID --depth N`).
import { UsageError } from "../../../common/errors.js";
import { buildGraph } from "../../../inventory/graph.js";
import { loadInventory } from "../../../inventory/load.js";
import { type GraphFormat, graphView, renderGraph } from "../../../inventory/render-graph.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import type { CommandAction } from "./index.js";

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

/** `dcplan graph` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await graphCommand(options as unknown as GraphOptions, io);
};
