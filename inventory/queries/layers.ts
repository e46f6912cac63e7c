// Topological generations (layers) of a DAG in integer form: layer 0 holds the nodes nothing
// points to, layer k+1 the nodes whose every predecessor is in layers 0…k — Kahn's algorithm taken
// level by level, as graphology-dag's topologicalGenerations and networkx's topological_generations
// define them. On the condensation (edges consumer → provider) layer 0 is the consumers nobody
// depends on and the last layer the providers that depend on nothing.
import type { IndexedGraph } from "./system-graph.js";

/** The generations of `dag`, each as node numbers ascending; throws when the graph has a cycle. */
export function topologicalLayers(dag: IndexedGraph): Int32Array[] {
  const n = dag.ids.length;
  const { offsets, targets } = dag;
  const inDegree = new Int32Array(n);
  for (let e = 0; e < targets.length; e++) inDegree[targets[e]]++;
  let current: number[] = [];
  for (let v = 0; v < n; v++) if (inDegree[v] === 0) current.push(v);
  const layers: Int32Array[] = [];
  let placed = 0;
  while (current.length > 0) {
    const layer = Int32Array.from(current).sort();
    layers.push(layer);
    placed += layer.length;
    const next: number[] = [];
    for (const v of layer) {
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = targets[e];
        if (--inDegree[w] === 0) next.push(w);
      }
    }
    current = next;
  }
  if (placed !== n) throw new Error("topologicalLayers: the graph has a cycle");
  return layers;
}
