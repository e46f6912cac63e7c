// The system dependency graph in integer-indexed form, for the graph algorithms (scc.ts,
// condensation.ts, layers.ts): nodes numbered 0…n−1, each node's out-neighbours (what it depends
// on) a slice of one Int32Array (compressed sparse rows). graphology stays the model users query
// (graph.ts); building and walking its per-node objects cost more than the algorithms themselves,
// so the algorithms run on this instead.
import type { EdgeAttributes, InventoryGraph } from "../graph.js";
import type { InventoryIndex } from "../model.js";
import type { Coupling } from "../schema.js";

/** A directed graph over nodes 0…ids.length−1 in compressed sparse rows. */
export interface IndexedGraph {
  /** Name of each node (system ids, in code-unit order when built from an inventory). */
  readonly ids: readonly string[];
  /** Out-neighbours of node v are targets[offsets[v] … offsets[v+1]−1]; length ids.length + 1. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** Which depends-on edges count; default: every depends-on edge between two systems. */
export type EdgeFilter = (attributes: EdgeAttributes, source: string, target: string) => boolean;

/** Code-unit order (what Array.prototype.sort does to strings without a comparator). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compressed rows from per-node neighbour lists. */
function fromLists(ids: readonly string[], lists: readonly (readonly number[])[]): IndexedGraph {
  const offsets = new Int32Array(ids.length + 1);
  for (let v = 0; v < ids.length; v++) offsets[v + 1] = offsets[v] + lists[v].length;
  const targets = new Int32Array(offsets[ids.length]);
  for (let v = 0; v < ids.length; v++) targets.set(lists[v], offsets[v]);
  return { ids, offsets, targets };
}

/**
 * The depends-on graph of the systems of a (valid) inventory: systems in id order, an edge per
 * (system, target system) pair however many entries name it, self-dependencies and targets that
 * are not systems left out, neighbours ascending — the same graph as systemAdjacency(buildGraph()).
 * `filter` sees the merged edge (tight when any entry is) as graph.ts builds it [every edge].
 */
export function systemGraph(index: InventoryIndex, filter?: (edge: { readonly coupling: Coupling; readonly source: string; readonly target: string }) => boolean): IndexedGraph {
  const ids = [...index.systems.keys()].sort(byCodeUnits);
  const number = new Map<string, number>();
  ids.forEach((id, i) => number.set(id, i));
  const lists: number[][] = ids.map((id) => {
    const sys = index.systems.get(id)!;
    const out: number[] = [];
    const deps = sys.dependsOn ?? [];
    if (deps.length === 0) return out;
    let tight: Set<number> | undefined;
    for (const dep of deps) {
      const t = number.get(dep.target);
      if (t === undefined || dep.target === id) continue;
      if (filter && dep.coupling === "tight") (tight ??= new Set()).add(t);
      out.push(t);
    }
    out.sort((a, b) => a - b);
    let w = 0;
    for (let r = 0; r < out.length; r++) {
      if (r > 0 && out[r] === out[r - 1]) continue;
      const t = out[r];
      if (filter && !filter({ coupling: tight?.has(t) ? "tight" : "loose", source: id, target: ids[t] })) continue;
      out[w++] = t;
    }
    out.length = w;
    return out;
  });
  return fromLists(ids, lists);
}

/** The same graph read from a graphology model (systems in id order, depends-on edges that pass `edgeFilter`). */
export function systemGraphOf(graph: InventoryGraph, edgeFilter?: EdgeFilter): IndexedGraph {
  const ids: string[] = [];
  graph.forEachNode((node, attrs) => {
    if (attrs.kind === "system") ids.push(node);
  });
  ids.sort(byCodeUnits);
  const number = new Map<string, number>();
  ids.forEach((id, i) => number.set(id, i));
  const lists: number[][] = ids.map(() => []);
  graph.forEachEdge((_key, attrs, source, target) => {
    if (attrs.kind !== "depends-on") return;
    const t = number.get(target);
    if (t === undefined) return;
    if (edgeFilter && !edgeFilter(attrs, source, target)) return;
    lists[number.get(source)!].push(t);
  });
  for (const l of lists) l.sort((a, b) => a - b);
  return fromLists(ids, lists);
}

/**
 * An adjacency map as an indexed graph, for tarjan(): nodes are the keys and every neighbour named,
 * numbered in code-unit order; neighbour order is kept as given (it decides the search order).
 * `isKey[v]` is 1 when node v is a key of the map (only keys start a search).
 */
export function indexAdjacency(adj: ReadonlyMap<string, readonly string[]>): { graph: IndexedGraph; isKey: Uint8Array } {
  const all = new Set<string>(adj.keys());
  for (const list of adj.values()) for (const w of list) all.add(w);
  const ids = [...all].sort(byCodeUnits);
  const number = new Map<string, number>();
  ids.forEach((id, i) => number.set(id, i));
  const isKey = new Uint8Array(ids.length);
  const lists: number[][] = ids.map(() => []);
  for (const [v, list] of adj) {
    const n = number.get(v)!;
    isKey[n] = 1;
    lists[n] = list.map((w) => number.get(w)!);
  }
  return { graph: fromLists(ids, lists), isKey };
}
