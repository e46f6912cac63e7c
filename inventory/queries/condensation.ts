// The condensation of the system dependency graph: one node per strongly connected component, an
// edge C1 → C2 when some system of C1 depends on one of C2. It is acyclic, so the planner can order
// components topologically. graphology has no condensation function; this builds it from scc.ts
// over the integer-indexed graph (system-graph.ts), and builds the graphology DAG only when asked.
import { DirectedGraph } from "graphology";
import type { InventoryGraph } from "../graph.js";
import { type EdgeFilter, sccIndexed, systemAdjacency } from "./scc.js";
import { type IndexedGraph, systemGraphOf } from "./system-graph.js";

export interface Condensation {
  /** Components, each sorted; index = component number. Providers come before their consumers. */
  readonly components: string[][];
  /** Component number of every system. */
  readonly componentOf: Map<string, number>;
  /** DAG over component numbers (node keys are the numbers as strings), edges consumer → provider; built on first use. */
  readonly dag: DirectedGraph;
}

/** The condensation in integer form: component of each node and the component DAG in compressed rows. */
export interface IndexedCondensation {
  /** Components in Tarjan's order (providers first), node numbers ascending. */
  readonly components: readonly Int32Array[];
  /** Component number of each node. */
  readonly componentOf: Int32Array;
  /** Edges consumer component → provider component, without repeats, targets ascending. */
  readonly dag: IndexedGraph;
}

/** Condenses an indexed graph (components from sccIndexed unless given). */
export function condenseIndexed(graph: IndexedGraph, components: readonly Int32Array[] = sccIndexed(graph)): IndexedCondensation {
  const n = graph.ids.length;
  const componentOf = new Int32Array(n);
  components.forEach((c, i) => {
    for (const v of c) componentOf[v] = i;
  });
  const count = components.length;
  const offsets = new Int32Array(count + 1);
  const targets: number[] = [];
  const seen = new Int32Array(count).fill(-1);
  for (let c = 0; c < count; c++) {
    const start = targets.length;
    for (const v of components[c]) {
      for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
        const d = componentOf[graph.targets[e]];
        if (d !== c && seen[d] !== c) {
          seen[d] = c;
          targets.push(d);
        }
      }
    }
    // Ascending targets per component, like the node lists.
    const slice = targets.slice(start).sort((a, b) => a - b);
    for (let i = 0; i < slice.length; i++) targets[start + i] = slice[i];
    offsets[c + 1] = targets.length;
  }
  const ids = components.map((_, i) => String(i));
  return { components, componentOf, dag: { ids, offsets, targets: Int32Array.from(targets) } };
}

/** Condenses the depends-on graph of systems (edges filtered by `edgeFilter`, default all). */
export function condensation(graph: InventoryGraph, edgeFilter?: EdgeFilter): Condensation {
  const indexed = systemGraphOf(graph, edgeFilter);
  const core = condenseIndexed(indexed);
  const components = core.components.map((c) => Array.from(c, (v) => indexed.ids[v]));
  const componentOf = new Map<string, number>();
  indexed.ids.forEach((id, v) => componentOf.set(id, core.componentOf[v]));
  let dag: DirectedGraph | undefined;
  return {
    components,
    componentOf,
    get dag(): DirectedGraph {
      // Built as before the integer core existed, edge for edge in the same order (users may list them).
      if (dag) return dag;
      dag = new DirectedGraph();
      for (let i = 0; i < components.length; i++) dag.addNode(String(i));
      for (const [source, targets] of systemAdjacency(graph, edgeFilter)) {
        const cs = componentOf.get(source)!;
        for (const t of targets) {
          const ct = componentOf.get(t)!;
          if (cs !== ct) dag.mergeEdge(String(cs), String(ct));
        }
      }
      return dag;
    },
  };
}
