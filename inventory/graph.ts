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
  // When no id repeats (any valid inventory), an edge of kind located-at, hosted-on or owned-by is
  // the only one from its source, and runs-on edges repeat only where a system lists a server
  // twice: the per-edge existence checks (a hash of a fresh key string each) are skipped then.
  let repeatedIds = false;
  for (const key of ["sites", "agencies", "servers", "systems", "externals"] as const) {
    for (const e of inventory[key]) {
      if (g.hasNode(e.id)) {
        repeatedIds = true;
        continue;
      }
      const attrs: NodeAttributes =
        key === "servers"
          ? { kind: "server", serverKind: (e as { kind: string }).kind, site: (e as { site: string }).site }
          : { kind: NODE_KIND[key], name: (e as { name?: string }).name };
      g.addNode(e.id, attrs);
    }
  }
  const add = (kind: EdgeKind, s: string, t: string, unique: boolean): void => {
    if (!g.hasNode(t)) return;
    const key = edgeKey(kind, s, t);
    if ((repeatedIds || !unique) && g.hasEdge(key)) return;
    g.addDirectedEdgeWithKey(key, s, t, { kind });
  };
  for (const s of inventory.servers) {
    if (!g.hasNode(s.id)) continue;
    add("located-at", s.id, s.site, true);
    if (s.hostedOn) add("hosted-on", s.id, s.hostedOn, true);
    if (s.owner) add("owned-by", s.id, s.owner, true);
  }
  for (const sys of inventory.systems) {
    if (!g.hasNode(sys.id)) continue;
    add("owned-by", sys.id, sys.owner, true);
    const servers = sys.servers ?? [];
    const listedTwice = servers.length > 1 && new Set(servers).size !== servers.length;
    for (const sid of servers) add("runs-on", sys.id, sid, !listedTwice);
    const deps = sys.dependsOn ?? [];
    // Several entries on one target become one edge: tight when any is, with every port listed.
    const merged = deps.length > 1 ? new Map<string, EdgeAttributes>() : undefined;
    for (const dep of deps) {
      if (dep.target === sys.id || !g.hasNode(dep.target)) continue;
      const port = dep.port === undefined ? undefined : { port: dep.port, protocol: dep.protocol ?? "tcp" };
      const key = edgeKey("depends-on", sys.id, dep.target);
      let attrs = merged ? merged.get(dep.target) : undefined;
      if (attrs === undefined && repeatedIds && g.hasEdge(key)) {
        // another entity with this id made the edge already: merge into it, as for a second entry
        attrs = g.getEdgeAttributes(key);
        merged?.set(dep.target, attrs);
      }
      if (attrs === undefined) {
        const fresh: EdgeAttributes = { kind: "depends-on", coupling: dep.coupling, ports: port ? [port] : [] };
        merged?.set(dep.target, fresh);
        g.addDirectedEdgeWithKey(key, sys.id, dep.target, fresh);
      } else {
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
