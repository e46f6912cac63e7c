// The inventory's entities in id order, and the inventory server of a plan's server entry found
// by its position in that order (server fates' list) before any look-up by id.
import { describe, expect, it } from "vitest";
import { indexInventory, type InventoryIndex } from "../../inventory/model.js";
import type { Server } from "../../inventory/schema.js";
import { serverAtOrById, serversById } from "../../planner/by-id.js";
import { host, inventoryOf, sys, vm } from "./fixtures.js";

/** An index whose `servers` map counts the look-ups made in it. */
function counted(index: InventoryIndex): { index: InventoryIndex; lookups: () => number } {
  let n = 0;
  const servers = new Map(index.servers);
  const get = servers.get.bind(servers);
  servers.get = (id: string): Server | undefined => {
    n++;
    return get(id);
  };
  return { index: { ...index, servers }, lookups: () => n };
}

describe("serverAtOrById", () => {
  // Ids written out of order, so the inventory's order is not the id order.
  const inventory = inventoryOf([sys("zeta", ["z-vm"]), sys("alpha", ["a-vm", "m-host"])], [vm("z-vm", "m-host"), host("m-host"), vm("a-vm", "m-host")]);
  const index = indexInventory(inventory);

  it("finds each server of a list in id order by its position, without a look-up by id", () => {
    const { index: watched, lookups } = counted(index);
    const serverOf = serverAtOrById(watched);
    const entries = serversById(index).map((s) => ({ id: s.id }));
    expect(entries.map((e) => e.id)).not.toEqual(inventory.servers.map((s) => s.id));
    entries.forEach((e, i) => expect(serverOf(e.id, i)).toBe(index.servers.get(e.id)));
    expect(lookups()).toBe(0);
  });

  it("looks a server up by id when the list is in another order, shorter, or names a server the inventory lacks", () => {
    const { index: watched, lookups } = counted(index);
    const serverOf = serverAtOrById(watched);
    const reversed = [...serversById(index)].reverse().map((s) => s.id);
    reversed.forEach((id, i) => expect(serverOf(id, i)).toBe(index.servers.get(id)));
    expect(serverOf("a-vm", 3)).toBe(index.servers.get("a-vm"));
    expect(serverOf("no-such-server", 0)).toBeUndefined();
    expect(serverOf("m-host", 99)).toBe(index.servers.get("m-host"));
    // Five servers reversed: the middle one stands at its own position; the other four and the three
    // single questions are looked up.
    expect(reversed).toHaveLength(5);
    expect(lookups()).toBe(4 + 3);
  });
});
