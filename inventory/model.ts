// Lookups over a validated inventory: entities by id, VMs per host, systems per server, a system's
// site. Built once (linear time) and shared by the rules, the graph and the planner.
import { type Agency, type Collection, COLLECTIONS, type External, type Inventory, type Server, type Site, type System } from "./schema.js";

/** Maps and reverse maps over one inventory. */
export interface InventoryIndex {
  readonly inventory: Inventory;
  readonly sites: ReadonlyMap<string, Site>;
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly servers: ReadonlyMap<string, Server>;
  readonly systems: ReadonlyMap<string, System>;
  readonly externals: ReadonlyMap<string, External>;
  /** Kind of every id (first occurrence wins when an id is duplicated). */
  readonly kindOf: ReadonlyMap<string, Collection>;
  /** VMs per physical host id, in inventory order. */
  readonly vmsOf: ReadonlyMap<string, readonly Server[]>;
  /** Systems that list a server, per server id, in inventory order. */
  readonly systemsOn: ReadonlyMap<string, readonly System[]>;
}

/** `items` by id, the first of a repeated id kept. */
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  // Written without asking first (one hash look-up per entity, not two: 120k at 20k systems);
  // fewer entries than items means a repeated id, and the map is made again keeping the first.
  const m = new Map<string, T>();
  for (const it of items) m.set(it.id, it);
  if (m.size === items.length) return m;
  m.clear();
  for (const it of items) if (!m.has(it.id)) m.set(it.id, it);
  return m;
}

function pushTo<V>(m: Map<string, V[]>, key: string, value: V): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** Indexes an inventory (valid or not: dangling references are simply absent from the maps). */
export function indexInventory(inventory: Inventory): InventoryIndex {
  // The kind of every id is asked for only when a reference is wrong (inventory/rules.ts checks
  // good ones against the kinds' own maps) or by progress files: made on the first question.
  let kindOf: Map<string, Collection> | undefined;
  const kinds = (): Map<string, Collection> => {
    if (kindOf === undefined) {
      kindOf = new Map<string, Collection>();
      for (const key of COLLECTIONS) {
        for (const e of inventory[key]) if (!kindOf.has(e.id)) kindOf.set(e.id, key);
      }
    }
    return kindOf;
  };
  const vmsOf = new Map<string, Server[]>();
  for (const s of inventory.servers) if (s.kind === "virtual" && s.hostedOn) pushTo(vmsOf, s.hostedOn, s);
  const systemsOn = new Map<string, System[]>();
  // Each system once per server: a server it lists twice already ends with it.
  for (const sys of inventory.systems) {
    for (const sid of sys.servers ?? []) {
      const list = systemsOn.get(sid);
      if (list === undefined) systemsOn.set(sid, [sys]);
      else if (list[list.length - 1] !== sys) list.push(sys);
    }
  }
  return {
    inventory,
    sites: byId(inventory.sites),
    agencies: byId(inventory.agencies),
    servers: byId(inventory.servers),
    systems: byId(inventory.systems),
    externals: byId(inventory.externals),
    get kindOf() {
      return kinds();
    },
    vmsOf,
    systemsOn,
  };
}

/**
 * The site a system runs at today: the site of most of its servers (ties: the site id first in
 * alphabetical order, so the answer is stable); undefined for a system with no servers (SaaS).
 */
export function systemSite(index: InventoryIndex, system: System): string | undefined {
  return mostCommonSite(system.servers.length, (i) => index.servers.get(system.servers[i])?.site);
}

/**
 * The site most of `n` servers stand at, `siteOf(i)` giving the i-th one's (undefined: not known,
 * left out); ties: the site id first in alphabetical order; undefined for none. systemSite's rule,
 * shared with the planner's inventory by position (planner/dense.ts).
 */
export function mostCommonSite(n: number, siteOf: (i: number) => string | undefined): string | undefined {
  // Most systems run at one site: answer without counting and sorting.
  let only: string | undefined;
  let mixed = false;
  for (let i = 0; i < n; i++) {
    const site = siteOf(i);
    if (site === undefined) continue;
    if (only === undefined) only = site;
    else if (site !== only) {
      mixed = true;
      break;
    }
  }
  if (!mixed) return only;
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const site = siteOf(i);
    if (site) counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [site, count] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (count > bestCount) {
      best = site;
      bestCount = count;
    }
  }
  return best;
}

/** systemSite of every system of the index, computed once for callers that need several of them (validate's summary). */
export function systemSites(index: InventoryIndex): Map<System, string | undefined> {
  const sites = new Map<System, string | undefined>();
  for (const s of index.inventory.systems) sites.set(s, systemSite(index, s));
  return sites;
}
