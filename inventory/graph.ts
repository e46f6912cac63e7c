// The dependency graph of an inventory (graphology DirectedGraph). Nodes are the entities keyed by
// id; edges are typed. Direction always points from the dependant to what it needs:
//   server  -located-at-> site       VM     -hosted-on-> physical host
//   system  -runs-on->    server     system/server -owned-by-> agency
//   system  -depends-on-> system | external   (coupling, ports)
// Several dependency entries on the same target become one edge with every port listed; the edge
// is tight when any entry is tight.
import { DirectedGraph } from "graphology";
import type { Collection, Coupling, Inventory } from "./schema.js";

export type NodeKind = "site" | "agency" | "server" | "system" | "external";
export type EdgeKind = "located-at" | "hosted-on" | "runs-on" | "owned-by" | "depends-on";

export interface NodeAttributes {
  readonly kind: NodeKind;
  readonly name?: string;
  /** Server kind, or site of a server. */
  readonly serverKind?: string;
  readonly site?: string;
}

export interface PortSpec {
  readonly port: number;
  readonly protocol: "tcp" | "udp";
}

export interface EdgeAttributes {
  readonly kind: EdgeKind;
  /** depends-on edges only. */
  coupling?: Coupling;
  /** depends-on edges only: declared ports, sorted, without duplicates. */
  ports?: PortSpec[];
}

export type InventoryGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

const NODE_KIND: Record<Collection, NodeKind> = {
  sites: "site",
  agencies: "agency",
  servers: "server",
  systems: "system",
  externals: "external",
};

/** Key of the edge of `kind` from `source` to `target` (at most one per triple). */
export function edgeKey(kind: EdgeKind, source: string, target: string): string {
  return `${kind}:${source}->${target}`;
}

/**
 * Builds the graph. Expects a valid inventory; references to unknown ids are skipped rather than
 * creating phantom nodes, so it is also safe on an inventory that failed validation.
 */
export function buildGraph(inventory: Inventory): InventoryGraph {
  const g: InventoryGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const key of ["sites", "agencies", "servers", "systems", "externals"] as const) {
    for (const e of inventory[key]) {
      if (g.hasNode(e.id)) continue;
      const attrs: NodeAttributes =
        key === "servers"
          ? { kind: "server", serverKind: (e as { kind: string }).kind, site: (e as { site: string }).site }
          : { kind: NODE_KIND[key], name: (e as { name?: string }).name };
      g.addNode(e.id, attrs);
    }
  }
  const add = (kind: EdgeKind, s: string, t: string, attrs?: Partial<EdgeAttributes>): void => {
    if (!g.hasNode(s) || !g.hasNode(t)) return;
    const key = edgeKey(kind, s, t);
    if (!g.hasEdge(key)) g.addDirectedEdgeWithKey(key, s, t, { kind, ...attrs });
  };
  for (const s of inventory.servers) {
    add("located-at", s.id, s.site);
    if (s.hostedOn) add("hosted-on", s.id, s.hostedOn);
    if (s.owner) add("owned-by", s.id, s.owner);
  }
  for (const sys of inventory.systems) {
    add("owned-by", sys.id, sys.owner);
    for (const sid of sys.servers) add("runs-on", sys.id, sid);
    for (const dep of sys.dependsOn ?? []) {
      if (!g.hasNode(dep.target) || dep.target === sys.id) continue;
      const key = edgeKey("depends-on", sys.id, dep.target);
      const port = dep.port === undefined ? undefined : { port: dep.port, protocol: dep.protocol ?? "tcp" };
      if (!g.hasEdge(key)) {
        g.addDirectedEdgeWithKey(key, sys.id, dep.target, { kind: "depends-on", coupling: dep.coupling, ports: port ? [port] : [] });
      } else {
        const attrs = g.getEdgeAttributes(key);
        if (dep.coupling === "tight") attrs.coupling = "tight";
        if (port && !attrs.ports!.some((p) => p.port === port.port && p.protocol === port.protocol)) {
          attrs.ports!.push(port);
          attrs.ports!.sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
        }
      }
    }
  }
  return g;
}
