// Strongly connected components of the system dependency graph, by Tarjan's algorithm written
// iteratively (an explicit stack instead of recursion: graphology-components' recursive version
// overflows the call stack on 100k-node graphs). Reference: R. Tarjan, "Depth-first search and
// linear graph algorithms", SIAM J. Comput. 1(2), 1972.
import type { EdgeAttributes, InventoryGraph } from "../graph.js";

/** Which depends-on edges count; default: every depends-on edge between two systems. */
export type EdgeFilter = (attributes: EdgeAttributes, source: string, target: string) => boolean;

/** Out-neighbours of every system over depends-on edges that pass the filter, sorted for stable results. */
export function systemAdjacency(graph: InventoryGraph, edgeFilter?: EdgeFilter): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  graph.forEachNode((node, attrs) => {
    if (attrs.kind === "system") adj.set(node, []);
  });
  graph.forEachEdge((_key, attrs, source, target) => {
    if (attrs.kind !== "depends-on" || !adj.has(target)) return;
    if (edgeFilter && !edgeFilter(attrs, source, target)) return;
    adj.get(source)!.push(target);
  });
  for (const list of adj.values()) list.sort();
  return adj;
}

/**
 * The strongly connected components of systems over depends-on edges, each sorted, listed in
 * reverse topological order of the condensation (a component comes after those it depends on…
 * Tarjan emits sinks first: providers before their consumers).
 */
export function stronglyConnectedComponents(graph: InventoryGraph, edgeFilter?: EdgeFilter): string[][] {
  return tarjan(systemAdjacency(graph, edgeFilter));
}

/** Tarjan's SCC over an adjacency map; components in the order Tarjan completes them (sinks first). */
export function tarjan(adj: ReadonlyMap<string, readonly string[]>): string[][] {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const nodes = [...adj.keys()].sort();
  for (const root of nodes) {
    if (indexOf.has(root)) continue;
    // Each frame: node and the position of the next neighbour to visit.
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    indexOf.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const neighbours = adj.get(frame.node) ?? [];
      if (frame.next < neighbours.length) {
        const w = neighbours[frame.next++];
        if (!indexOf.has(w)) {
          indexOf.set(w, counter);
          low.set(w, counter);
          counter++;
          stack.push(w);
          onStack.add(w);
          frames.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(w)!));
        }
        continue;
      }
      frames.pop();
      const v = frame.node;
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === indexOf.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        out.push(component.sort());
      }
    }
  }
  return out;
}
