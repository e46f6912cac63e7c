// The inventory's systems and servers in id order (code-unit order), sorted once per inventory and
// shared: a plan walks them in that order in a dozen places (dispositions, capacity, fates, the
// plan's own lists) and the deadline-options search plans the same inventory again and again;
// sorting 100k servers each time cost more than the walks. Keyed by the inventory's arrays (an
// inventory is not changed once loaded; a different length sorts again).
import type { InventoryIndex } from "../inventory/model.js";
import type { Server, System } from "../inventory/schema.js";

const sorted = new WeakMap<readonly unknown[], readonly unknown[]>();

function byId<T extends { readonly id: string }>(records: readonly T[]): readonly T[] {
  const hit = sorted.get(records) as readonly T[] | undefined;
  if (hit && hit.length === records.length) return hit;
  const out = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.set(records, out);
  return out;
}

/** The inventory's systems sorted by id (shared: do not change the array). */
export function systemsById(index: InventoryIndex): readonly System[] {
  return byId(index.inventory.systems);
}

/** The inventory's servers sorted by id (shared: do not change the array). */
export function serversById(index: InventoryIndex): readonly Server[] {
  return byId(index.inventory.servers);
}

/**
 * The inventory server of a plan's server entry (`id`) at position `at` of its list: server fates
 * lists one entry per server in serversById's order, so the server at that position is the one
 * (its id checked), without a look-up in a map of 100k ids, whose entries are no longer in the
 * processor's caches (about 0.5 µs each); by id otherwise. Ids are unique in a loaded inventory.
 */
export function serverAtOrById(index: InventoryIndex): (id: string, at: number) => Server | undefined {
  const sorted = serversById(index);
  return (id, at) => {
    const s = sorted[at];
    return s !== undefined && s.id === id ? s : index.servers.get(id);
  };
}
