import { hasCycle } from "graphology-dag";
import { describe, expect, it } from "vitest";
import { buildGraph, edgeKey } from "../../inventory/graph.js";
import { indexInventory, systemSite } from "../../inventory/model.js";
import { condensation, duplicateFunctionCandidates, moveGroups, stronglyConnectedComponents, workloadsOn } from "../../inventory/queries/index.js";
import { graphView, toDot, toJson, toMermaid } from "../../inventory/render-graph.js";
import type { Dependency, Inventory, System } from "../../inventory/schema.js";
import { makeInventory, makeServer, makeSite, makeSystem } from "../fixtures.js";

const dep = (target: string, coupling: "tight" | "loose" = "loose", port?: number): Dependency => (port === undefined ? { target, coupling } : { target, coupling, port });

/** Systems a…: each on its own VM unless told; dependencies as given. */
function systemsInventory(systems: Partial<System>[]): Inventory {
  const servers = [makeServer(), ...systems.map((_, i) => makeServer({ kind: "virtual", id: `vm-${i}` }))];
  return makeInventory({ servers, systems: systems.map((s, i) => makeSystem({ servers: [`vm-${i}`], ...s })) });
}

describe("buildGraph", () => {
  it("has a node per entity and typed edges", () => {
    const inv = makeInventory({ systems: [makeSystem({ dependsOn: [dep("ndxp", "loose", 443)] })], servers: [makeServer({ owner: "so-khcn" }), makeServer({ kind: "virtual" })] });
    const g = buildGraph(inv);
    expect(g.order).toBe(6);
    expect(g.getNodeAttribute("vm-1", "kind")).toBe("server");
    expect(g.edges().sort()).toEqual(
      [
        edgeKey("located-at", "host-1", "dc-bn"),
        edgeKey("located-at", "vm-1", "dc-bn"),
        edgeKey("hosted-on", "vm-1", "host-1"),
        edgeKey("owned-by", "host-1", "so-khcn"),
        edgeKey("owned-by", "qlvb-bn", "so-khcn"),
        edgeKey("runs-on", "qlvb-bn", "vm-1"),
        edgeKey("depends-on", "qlvb-bn", "ndxp"),
      ].sort(),
    );
    expect(g.getEdgeAttributes(edgeKey("depends-on", "qlvb-bn", "ndxp"))).toEqual({ kind: "depends-on", coupling: "loose", ports: [{ port: 443, protocol: "tcp" }] });
  });
  it("merges several entries on one target: tight wins, ports listed once, sorted", () => {
    const inv = systemsInventory([{ id: "a", dependsOn: [dep("b", "loose", 443), dep("b", "tight", 5432), dep("b", "loose", 443)] }, { id: "b" }]);
    const attrs = buildGraph(inv).getEdgeAttributes(edgeKey("depends-on", "a", "b"));
    expect(attrs.coupling).toBe("tight");
    expect(attrs.ports).toEqual([{ port: 443, protocol: "tcp" }, { port: 5432, protocol: "tcp" }]);
  });
});

describe("moveGroups", () => {
  it("joins systems by tight dependencies, transitively, not by loose ones", () => {
    const inv = systemsInventory([{ id: "app", dependsOn: [dep("db", "tight"), dep("api", "loose")] }, { id: "db", dependsOn: [dep("store", "tight")] }, { id: "store" }, { id: "api" }]);
    expect(moveGroups(indexInventory(inv)).map((g) => g.systems)).toEqual([["api"], ["app", "db", "store"]]);
  });
  it("joins systems that share a server and says why", () => {
    const inv = systemsInventory([{ id: "a", servers: ["vm-0"] }, { id: "b", servers: ["vm-0"] }, { id: "c" }]);
    const groups = moveGroups(indexInventory(inv));
    expect(groups.map((g) => g.id)).toEqual(["g-a", "g-c"]);
    expect(groups[0].reasons).toEqual(["share server vm-0: a, b"]);
  });
  it("does not depend on the order of the inventory", () => {
    const systems: Partial<System>[] = [{ id: "z", dependsOn: [dep("a", "tight")] }, { id: "m" }, { id: "a" }];
    const one = moveGroups(indexInventory(systemsInventory(systems)));
    const two = moveGroups(indexInventory(systemsInventory([...systems].reverse())));
    expect(one.map((g) => [g.id, g.systems])).toEqual(two.map((g) => [g.id, g.systems]));
  });
});

describe("strongly connected components and condensation", () => {
  const inv = systemsInventory([
    { id: "a", dependsOn: [dep("b")] },
    { id: "b", dependsOn: [dep("c")] },
    { id: "c", dependsOn: [dep("a"), dep("d"), dep("ndxp")] },
    { id: "d" },
    { id: "e", dependsOn: [dep("d")] },
  ]);
  it("finds the loose cycle a → b → c → a and singletons, providers first", () => {
    const sccs = stronglyConnectedComponents(buildGraph(inv));
    expect(sccs.map((c) => c.join(","))).toEqual(["d", "a,b,c", "e"]);
  });
  it("condenses to an acyclic graph with an edge per component dependency", () => {
    const c = condensation(buildGraph(inv));
    expect(hasCycle(c.dag)).toBe(false);
    const name = (n: string) => c.components[Number(n)].join(",");
    expect(c.dag.edges().map((e) => `${name(c.dag.source(e))}->${name(c.dag.target(e))}`).sort()).toEqual(["a,b,c->d", "e->d"]);
    expect(c.componentOf.get("b")).toBe(c.componentOf.get("a"));
  });
  it("filters edges (tight only gives singletons here)", () => {
    expect(stronglyConnectedComponents(buildGraph(inv), (a) => a.coupling === "tight")).toHaveLength(5);
  });
  it("handles a 100k-node chain without overflowing the stack", () => {
    const n = 100_000;
    const adjInv: Inventory = {
      ...makeInventory({ servers: [] }),
      systems: Array.from({ length: n }, (_, i) => makeSystem({ id: `s${i}`, servers: [], dependsOn: i + 1 < n ? [dep(`s${i + 1}`)] : [dep("s0")] })),
    };
    const sccs = stronglyConnectedComponents(buildGraph(adjInv));
    expect(sccs).toHaveLength(1);
    expect(sccs[0]).toHaveLength(n);
  });
});

describe("workloadsOn and systemSite", () => {
  it("finds systems on a host directly and through its VMs, once each", () => {
    const inv = makeInventory({
      servers: [makeServer(), makeServer({ kind: "virtual", id: "vm-1" }), makeServer({ kind: "virtual", id: "vm-2" })],
      systems: [makeSystem({ id: "a", servers: ["vm-1", "vm-2"] }), makeSystem({ id: "b", servers: ["host-1"] }), makeSystem({ id: "c", servers: [] })],
    });
    const w = workloadsOn(indexInventory(inv), "host-1");
    expect(w.vms.map((v) => v.id)).toEqual(["vm-1", "vm-2"]);
    expect(w.systems.map((s) => s.id)).toEqual(["a", "b"]);
    expect(workloadsOn(indexInventory(inv), "vm-2").systems.map((s) => s.id)).toEqual(["a"]);
  });
  it("puts a system at the site of most of its servers", () => {
    const inv = makeInventory({
      sites: [makeSite(), makeSite({ id: "dc-bg", name: "Bắc Giang" })],
      servers: [makeServer(), makeServer({ id: "host-2", site: "dc-bg" }), makeServer({ id: "host-3", site: "dc-bg" })],
      systems: [makeSystem({ servers: ["host-1", "host-2", "host-3"] })],
    });
    const index = indexInventory(inv);
    expect(systemSite(index, index.systems.get("qlvb-bn")!)).toBe("dc-bg");
  });
});

describe("duplicateFunctionCandidates", () => {
  it("pairs active systems of one function at different sites, not retiring ones or same-site ones", () => {
    const inv = makeInventory({
      sites: [makeSite(), makeSite({ id: "dc-bg", name: "Bắc Giang" })],
      servers: [makeServer(), makeServer({ id: "host-2", site: "dc-bg" })],
      systems: [
        makeSystem({ id: "qlvb-bn", servers: ["host-1"] }),
        makeSystem({ id: "qlvb-bg", servers: ["host-2"], lifecycle: "legacy" }),
        makeSystem({ id: "sso-bn", function: "sso", servers: ["host-1"] }),
        makeSystem({ id: "sso-bg", function: "sso", servers: ["host-2"], lifecycle: "retiring" }),
        makeSystem({ id: "mail-1", function: "email", servers: ["host-1"] }),
        makeSystem({ id: "mail-2", function: "email", servers: ["host-1"] }),
      ],
    });
    expect(duplicateFunctionCandidates(indexInventory(inv))).toEqual([{ function: "document-management", systems: ["qlvb-bg", "qlvb-bn"], systemSites: ["dc-bg", "dc-bn"], sites: ["dc-bg", "dc-bn"] }]);
  });
});

describe("rendering", () => {
  const inv = systemsInventory([{ id: "end", name: 'Cổng "dịch vụ" công', dependsOn: [dep("db", "tight", 5432), dep("ndxp", "loose", 443)] }, { id: "db" }]);
  const g = buildGraph(inv);
  it("focuses on the neighbourhood of a node", () => {
    expect(graphView(g, "db", 1).nodes.map((n) => n.id)).toEqual(["db", "end", "so-khcn", "vm-1"]);
    expect(graphView(g, "db", 0).edges).toEqual([]);
    expect(() => graphView(g, "nope")).toThrow(RangeError);
  });
  it("writes Mermaid with safe ids and escaped labels", () => {
    const text = toMermaid(graphView(g, "end", 1));
    expect(text).toContain('n_end["Cổng #quot;dịch vụ#quot; công (end)"]');
    expect(text).toContain('n_end ==>|"tight 5432/tcp"| n_db');
    expect(text).toContain('n_end -.->|"loose 443/tcp"| n_ndxp');
  });
  it("writes DOT and JSON", () => {
    expect(toDot(graphView(g, "end", 1))).toContain('"end" -> "db" [label="tight 5432/tcp", style=bold];');
    const json = JSON.parse(toJson(graphView(g)));
    expect(json.nodes).toHaveLength(g.order);
    expect(json.edges).toHaveLength(g.size);
  });
});
