// The condensation of the system dependency graph: one node per strongly connected component, an
// edge C1 → C2 when some system of C1 depends on one of C2. It is acyclic, so the planner can order
// components topologically. graphology has no condensation function; this builds it from scc.ts.
import { DirectedGraph } from "graphology";
import type { InventoryGraph } from "../graph.js";
import { type EdgeFilter, systemAdjacency, tarjan } from "./scc.js";

export interface Condensation {
  /** Components, each sorted; index = component number. Providers come before their consumers. */
  readonly components: string[][];
  /** Component number of every system. */
  readonly componentOf: Map<string, number>;
  /** DAG over component numbers (node keys are the numbers as strings), edges consumer → provider. */
  readonly dag: DirectedGraph;
}

/** Condenses the depends-on graph of systems (edges filtered by `edgeFilter`, default all). */
export function condensation(graph: InventoryGraph, edgeFilter?: EdgeFilter): Condensation {
  const adj = systemAdjacency(graph, edgeFilter);
  const components = tarjan(adj);
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => {
    for (const id of c) componentOf.set(id, i);
  });
  const dag = new DirectedGraph();
  for (let i = 0; i < components.length; i++) dag.addNode(String(i));
  for (const [source, targets] of adj) {
    const cs = componentOf.get(source)!;
    for (const t of targets) {
      const ct = componentOf.get(t)!;
      if (cs !== ct) dag.mergeEdge(String(cs), String(ct));
    }
  }
  return { components, componentOf, dag };
}
