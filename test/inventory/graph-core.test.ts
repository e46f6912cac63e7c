// The integer-indexed graph core gives the answers the string-keyed and graphology versions gave:
// Tarjan's components in the same order, the same condensation, graphology-dag's generations.
import fc from "fast-check";
import { topologicalGenerations } from "graphology-dag";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../inventory/graph.js";
import { indexInventory } from "../../inventory/model.js";
import { condensation, condenseIndexed, sccIndexed, stronglyConnectedComponents, systemAdjacency, systemGraph, systemGraphOf, tarjan, topologicalLayers } from "../../inventory/queries/index.js";
import { generatedInventory, validInventory } from "../generators/inventory-arbitrary.js";

/** The string-keyed iterative Tarjan dcplan used before the integer core: the reference. */
function referenceTarjan(adj: ReadonlyMap<string, readonly string[]>): string[][] {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of [...adj.keys()].sort()) {
    if (indexOf.has(root)) continue;
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    indexOf.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const neighbours = adj.get(frame.node) ?? [];
      if (frame.next < neighbours.length) {
        const w = neighbours[frame.next++];
        if (!indexOf.has(w)) {
          indexOf.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          frames.push({ node: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(w)!));
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

/** Random adjacency maps: names that sort in code-unit order differently from locale order, neighbours that are not keys, repeats, self-loops. */
const adjacency = fc
  .array(fc.tuple(fc.constantFrom("a", "B", "b", "a-1", "a10", "a2", "Z", "ä", "x", "y", "u1", "u10", "u2"), fc.array(fc.constantFrom("a", "B", "b", "a-1", "a10", "a2", "Z", "ä", "x", "y", "q", "r"), { maxLength: 5 })), { maxLength: 12 })
  .map((entries) => new Map(entries));

describe("the integer graph core", () => {
  it("finds Tarjan's components in the reference's order on random adjacency maps", () => {
    fc.assert(
      fc.property(adjacency, (adj) => {
        expect(tarjan(adj)).toEqual(referenceTarjan(adj));
      }),
      { numRuns: 2000, seed: 1512 },
    );
  });

  it("reads the same system graph from the inventory as from the graphology model", () => {
    fc.assert(
      fc.property(generatedInventory(400), (inv) => {
        const fromIndex = systemGraph(indexInventory(inv));
        const fromGraph = systemGraphOf(buildGraph(inv));
        expect(fromIndex.ids).toEqual(fromGraph.ids);
        expect(Array.from(fromIndex.offsets)).toEqual(Array.from(fromGraph.offsets));
        expect(Array.from(fromIndex.targets)).toEqual(Array.from(fromGraph.targets));
        const tight = systemGraphOf(buildGraph(inv), (a) => a.coupling === "tight");
        const tightFromIndex = systemGraph(indexInventory(inv), (e) => e.coupling === "tight");
        expect(Array.from(tightFromIndex.targets)).toEqual(Array.from(tight.targets));
      }),
      { numRuns: 30, seed: 42 },
    );
  });

  it("gives the components and condensation the string-keyed version gave, and graphology-dag's generations", () => {
    fc.assert(
      fc.property(validInventory(), (inv) => {
        const graph = buildGraph(inv);
        const reference = referenceTarjan(systemAdjacency(graph));
        expect(stronglyConnectedComponents(graph)).toEqual(reference);
        const c = condensation(graph);
        expect(c.components).toEqual(reference);
        const indexed = systemGraph(indexInventory(inv));
        const core = condenseIndexed(indexed, sccIndexed(indexed));
        const coreEdges = core.dag.ids.flatMap((_, s) => Array.from(core.dag.targets.subarray(core.dag.offsets[s], core.dag.offsets[s + 1]), (t) => `${s}->${t}`)).sort();
        expect(coreEdges).toEqual(c.dag.mapEdges((_e, _a, s, t) => `${s}->${t}`).sort());
        const layers = topologicalLayers(core.dag).map((l) => Array.from(l, String));
        expect(layers).toEqual(topologicalGenerations(c.dag).map((l) => [...l].sort((a, b) => Number(a) - Number(b))));
      }),
      { numRuns: 40, seed: 2026 },
    );
  });

  it("refuses a graph with a cycle when layering", () => {
    const { graph } = { graph: { ids: ["a", "b"], offsets: Int32Array.from([0, 1, 2]), targets: Int32Array.from([1, 0]) } };
    expect(() => topologicalLayers(graph)).toThrow(/cycle/);
  });
});
