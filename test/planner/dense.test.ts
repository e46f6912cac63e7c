// The inventory by position (planner/dense.ts) agrees with the index's maps it replaces in the
// planner's stages: the same systems per server in the same order, the same VMs per host, the same
// servers and dependencies per system, the same site per system (model.ts systemSite).
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../bench/generate.js";
import { withPeoplePins } from "../../bench/people-pins.js";
import { indexInventory, type InventoryIndex, systemSite } from "../../inventory/model.js";
import type { Inventory } from "../../inventory/schema.js";
import { serversById, systemsById } from "../../planner/by-id.js";
import { denseIndex } from "../../planner/dense.js";
import { host, inventoryOf, sys, vm } from "./fixtures.js";

/** Every array of denseIndex(index) against the index's maps, by id. */
function expectAgrees(index: InventoryIndex): void {
  const dense = denseIndex(index);
  const systemId = (p: number): string => dense.systems[p].id;
  const serverId = (q: number): string | undefined => (q < 0 ? undefined : dense.servers[q].id);
  expect(dense.systems).toBe(systemsById(index));
  expect(dense.servers).toBe(serversById(index));
  dense.systems.forEach((s, p) => {
    expect(dense.systemAt.get(s.id)).toBe(p);
    expect(dense.serversOf[p].map(serverId)).toEqual(s.servers.map((id) => index.servers.get(id)?.id));
    expect(dense.dependsOn[p].map((t) => (t < 0 ? undefined : systemId(t)))).toEqual((s.dependsOn ?? []).map((d) => index.systems.get(d.target)?.id));
    expect(dense.siteOf[p]).toBe(systemSite(index, s));
  });
  dense.servers.forEach((s, q) => {
    expect(dense.serverAt.get(s.id)).toBe(q);
    expect(dense.systemsOn[q].map((p) => dense.systems[p])).toEqual(index.systemsOn.get(s.id) ?? []);
    expect(dense.vmsOf[q].map((v) => dense.servers[v])).toEqual(index.vmsOf.get(s.id) ?? []);
  });
}

describe("denseIndex", () => {
  it("numbers systems and servers in id order and resolves their references by position", () => {
    // Ids out of order; a system listing a server twice; a server two systems share; a dependency
    // on an external and on itself; a system with servers at two sites (the one with more wins).
    const inventory: Inventory = inventoryOf(
      [
        sys("zeta", ["z-vm", "m-host", "z-vm"], { dependsOn: [{ target: "alpha", coupling: "tight" }, { target: "ndxp", coupling: "loose" }] }),
        sys("alpha", ["a-vm", "m-host"], { dependsOn: [{ target: "alpha", coupling: "loose" }] }),
        sys("mixed", ["bn-vm-1", "bn-vm-2", "a-vm"]),
      ],
      [vm("z-vm", "m-host"), host("m-host"), vm("a-vm", "m-host"), vm("bn-vm-1", "bn-host", { site: "dc-bn" }), vm("bn-vm-2", "bn-host", { site: "dc-bn" })],
      { externals: [{ id: "ndxp", name: "NDXP" }] },
    );
    const index = indexInventory(inventory);
    expectAgrees(index);
    const dense = denseIndex(index);
    expect(dense.systems.map((s) => s.id)).toEqual(["alpha", "mixed", "zeta"]);
    const at = (id: string): number => dense.serverAt.get(id)!;
    expect(dense.systemsOn[at("m-host")].map((p) => dense.systems[p].id)).toEqual(["zeta", "alpha"]);
    expect(dense.systemsOn[at("z-vm")]).toHaveLength(1);
    expect(dense.dependsOn[2]).toEqual([0, -1]);
    expect(dense.siteOf).toEqual(["dc-bg", "dc-bn", "dc-bg"]);
    // Made once per index.
    expect(denseIndex(index)).toBe(dense);
  });

  it("agrees with the index's maps on a generated inventory with people's pins", () => {
    const inventory = withPeoplePins(generateInventory({ seed: 7, servers: 3000, systemsPerServer: 0.25, thirdSite: true }), { seed: 7 });
    expectAgrees(indexInventory(inventory));
  });
});
