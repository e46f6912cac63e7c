// The inventory by position: every system and server numbered by its place in id order
// (systemsById, serversById), and the references between them resolved to those numbers once per
// inventory, so the planner's stages walk arrays instead of looking ids up in maps of 20k–100k
// entries (at 20k systems about a fifth of the main thread went to such look-ups, each one a few
// cache misses). Made on the first question and shared, like by-id.ts's sorted lists: the
// deadline-options search plans the same inventory again and again. An inventory is not changed
// once loaded.
//
// Per-system and per-server planner state can then be kept in plain arrays indexed by position
// (dispositions, statuses, waves) alongside the id-keyed maps the plan's other readers use.
import { type InventoryIndex, mostCommonSite } from "../inventory/model.js";
import type { Server, System } from "../inventory/schema.js";
import { serversById, systemsById } from "./by-id.js";

/** An inventory by position (see file header). Shared: do not change its arrays. */
export interface DenseIndex {
  /** Systems in id order: a system's position is its place here. */
  readonly systems: readonly System[];
  /** Servers in id order: a server's position is its place here. */
  readonly servers: readonly Server[];
  /** Position of each system id (the first system of a repeated id, as InventoryIndex.systems). */
  readonly systemAt: ReadonlyMap<string, number>;
  /** Position of each server id (the first server of a repeated id, as InventoryIndex.servers). */
  readonly serverAt: ReadonlyMap<string, number>;
  /** Per system position: the positions of `system.servers`, in that order, repeats kept; -1 for an id the inventory lacks. */
  readonly serversOf: readonly (readonly number[])[];
  /** Per server position: the positions of the systems listing it, each once, in inventory order (InventoryIndex.systemsOn). */
  readonly systemsOn: readonly (readonly number[])[];
  /** Per server position: the positions of the VMs hosted on it, in inventory order (InventoryIndex.vmsOf). */
  readonly vmsOf: readonly (readonly number[])[];
  /** Per system position: the position of each `system.dependsOn` target, in that order; -1 for a target that is not a system (an external). */
  readonly dependsOn: readonly (readonly number[])[];
  /** Per system position: the site it runs at today (model.ts systemSite). */
  readonly siteOf: readonly (string | undefined)[];
}

/** `byId`'s values by system position: `given` when the caller has them so, else looked up once each. */
export function bySystemPosition<T>(dense: DenseIndex, byId: ReadonlyMap<string, T>, given?: readonly T[]): readonly (T | undefined)[] {
  return given ?? dense.systems.map((s) => byId.get(s.id));
}

/** `byId`'s values by server position: `given` when the caller has them so, else looked up once each. */
export function byServerPosition<T>(dense: DenseIndex, byId: ReadonlyMap<string, T>, given?: readonly (T | undefined)[]): readonly (T | undefined)[] {
  return given ?? dense.servers.map((s) => byId.get(s.id));
}

const made = new WeakMap<InventoryIndex, DenseIndex>();
const NONE: readonly number[] = Object.freeze([]);

/** The inventory of `index` by position (see file header), made once per index. */
export function denseIndex(index: InventoryIndex): DenseIndex {
  let dense = made.get(index);
  if (dense === undefined) made.set(index, (dense = makeDense(index)));
  return dense;
}

/** The position of each id of `sorted` (in id order, so a repeated id follows its first: only the first is kept). */
function positions<T extends { readonly id: string }>(sorted: readonly T[]): Map<string, number> {
  const at = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i].id !== sorted[i - 1].id) at.set(sorted[i].id, i);
  return at;
}

function makeDense(index: InventoryIndex): DenseIndex {
  const systems = systemsById(index);
  const servers = serversById(index);
  const systemAt = positions(systems);
  const serverAt = positions(servers);
  const serversOf: (readonly number[])[] = new Array(systems.length).fill(NONE);
  const systemsOn: (readonly number[])[] = new Array(servers.length).fill(NONE);
  const vmsOf: (readonly number[])[] = new Array(servers.length).fill(NONE);
  const push = (lists: (readonly number[])[], at: number, value: number): void => {
    const list = lists[at];
    if (list === NONE) lists[at] = [value];
    else (list as number[]).push(value);
  };
  // Inventory order, so each server's systems come in the order InventoryIndex.systemsOn has them;
  // a system listing a server twice is on its list once (the last one pushed there is itself). A
  // repeated system id (an invalid inventory) is left out, as the maps keep the first.
  for (const sys of index.inventory.systems) {
    const p = systemAt.get(sys.id)!;
    if (systems[p] !== sys) continue;
    const own = sys.servers.map((sid) => serverAt.get(sid) ?? -1);
    serversOf[p] = own;
    for (const q of own) {
      if (q < 0) continue;
      const on = systemsOn[q];
      if (on[on.length - 1] !== p) push(systemsOn, q, p);
    }
  }
  // The index's lists of VMs per host (inventory order), a look-up per host and per VM.
  for (const [hostId, vms] of index.vmsOf) {
    const host = serverAt.get(hostId);
    if (host !== undefined) vmsOf[host] = vms.map((vm) => serverAt.get(vm.id)!);
  }
  const dependsOn = systems.map((sys) => (sys.dependsOn === undefined || sys.dependsOn.length === 0 ? NONE : sys.dependsOn.map((d) => systemAt.get(d.target) ?? -1)));
  const siteOf = systems.map((_, p) => siteAt(servers, serversOf[p]));
  return { systems, servers, systemAt, serverAt, serversOf, systemsOn, vmsOf, dependsOn, siteOf };
}

/** model.ts systemSite by position: the site of most of the servers at `own`. */
function siteAt(servers: readonly Server[], own: readonly number[]): string | undefined {
  return mostCommonSite(own.length, (i) => (own[i] < 0 ? undefined : servers[own[i]].site));
}
