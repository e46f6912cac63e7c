// Strongly connected components by Tarjan's algorithm, written iteratively (an explicit stack
// instead of recursion: graphology-components' recursive version overflows the call stack on
// 100k-node graphs) over integer-indexed adjacency (system-graph.ts) in typed arrays. Reference:
// R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 1972.
import type { InventoryGraph } from "../graph.js";
import { type EdgeFilter, type IndexedGraph, indexAdjacency, systemGraphOf } from "./system-graph.js";

export type { EdgeFilter };

/**
 * Tarjan's components of `graph`, in the order Tarjan completes them (sinks first: a component
 * comes after every component it depends on), each as node numbers ascending. Searches start
 * from nodes in number order, only from those with `isRoot[v] = 1` when given; neighbours are
 * visited in their stored order.
 */
export function sccIndexed(graph: IndexedGraph, isRoot?: Uint8Array): Int32Array[] {
  const n = graph.ids.length;
  const { offsets, targets } = graph;
  const order = new Int32Array(n).fill(-1); // discovery number, −1 unvisited
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const out: Int32Array[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1 || (isRoot && isRoot[root] === 0)) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root];
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const e = callEdge[depth];
      if (e < offsets[v + 1]) {
        callEdge[depth] = e + 1;
        const w = targets[e];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = offsets[w];
        } else if (onStack[w] === 1 && order[w] < low[v]) low[v] = order[w];
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === order[v]) {
        let start = sp - 1;
        while (stack[start] !== v) start--;
        const component = stack.slice(start, sp).sort();
        for (let i = start; i < sp; i++) onStack[stack[i]] = 0;
        sp = start;
        out.push(component);
      }
    }
  }
  return out;
}

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
  const indexed = systemGraphOf(graph, edgeFilter);
  return sccIndexed(indexed).map((c) => Array.from(c, (v) => indexed.ids[v]));
}

/**
 * Tarjan's SCC over an adjacency map; components in the order Tarjan completes them (sinks
 * first), each sorted. Searches start from the keys in sorted order; a neighbour that is not a
 * key is a node without out-edges.
 */
export function tarjan(adj: ReadonlyMap<string, readonly string[]>): string[][] {
  const { graph, isKey } = indexAdjacency(adj);
  return sccIndexed(graph, isKey).map((c) => Array.from(c, (v) => graph.ids[v]));
}
