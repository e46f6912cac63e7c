// Systems held at a closing site by a people-pinned `retain`: a system pinned to stay at a site
// other than the target keeps every unpinned system tightly coupled to it — directly or through
// other such systems (its tight cluster) — where they are, since moving them (or merging them into
// a twin at the target) would leave the pinned system tightly coupled across sites, which the
// contract forbids. A breadth-first search over tight dependencies, both directions, from every
// pinned retain off the target; it passes only through unpinned systems at a site other than the
// target that `passable` admits (the caller excludes retired ones). Systems at the target site stay
// there anyway, and a pinned system is never overridden: a pinned move beside a pinned retain is a
// contradiction people made, reported by the scheduler (schedule/tight-coupling.ts). O(systems +
// dependencies).
import type { InventoryIndex } from "../inventory/model.js";
import type { System } from "../inventory/schema.js";

/** Why a system stays: the pinned system holding it and the systems between them (nearest first to the pinned one). */
export interface HeldBy {
  readonly pinned: string;
  readonly via: readonly string[];
}

/** Unpinned systems that stay with a pinned retain off the target (see file header), sorted search from systems in id order. */
export function heldByPinnedRetains(index: InventoryIndex, systems: readonly System[], siteOf: ReadonlyMap<string, string | undefined>, target: string, passable: (id: string) => boolean): Map<string, HeldBy> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => void (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
  for (const s of systems) {
    for (const d of s.dependsOn ?? []) {
      if (d.coupling !== "tight" || d.target === s.id || !index.systems.has(d.target)) continue;
      link(s.id, d.target);
      link(d.target, s.id);
    }
  }
  const offTarget = (id: string): boolean => {
    const site = siteOf.get(id);
    return site !== undefined && site !== target;
  };
  const held = new Map<string, HeldBy>();
  const parent = new Map<string, string>();
  const queue: string[] = [];
  const roots = new Set<string>();
  for (const s of systems) {
    if (s.disposition !== "retain" || !offTarget(s.id)) continue;
    roots.add(s.id);
    queue.push(s.id);
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const n of [...(neighbours.get(id) ?? [])].sort()) {
      if (roots.has(n) || held.has(n) || !offTarget(n) || !passable(n)) continue;
      if (index.systems.get(n)!.disposition !== undefined) continue;
      parent.set(n, id);
      const via: string[] = [];
      let p = id;
      while (!roots.has(p)) {
        via.unshift(p);
        p = parent.get(p)!;
      }
      held.set(n, { pinned: p, via });
      queue.push(n);
    }
  }
  return held;
}
