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
import type { DenseIndex } from "./dense.js";

/** Why a system stays: the pinned system holding it and the systems between them (nearest first to the pinned one). */
export interface HeldBy {
  readonly pinned: string;
  readonly via: readonly string[];
}

const tight = new WeakMap<DenseIndex, readonly (readonly number[])[]>();

/** Per system position, the positions of the systems tightly coupled to it (either direction, repeats kept), made once per inventory. */
function tightNeighbours(dense: DenseIndex): readonly (readonly number[])[] {
  let out = tight.get(dense);
  if (out !== undefined) return out;
  const lists: number[][] = dense.systems.map(() => []);
  dense.systems.forEach((s, p) => {
    const targets = dense.dependsOn[p];
    (s.dependsOn ?? []).forEach((d, i) => {
      const t = targets[i];
      if (d.coupling !== "tight" || t < 0 || d.target === s.id) return;
      lists[p].push(t);
      lists[t].push(p);
    });
  });
  tight.set(dense, (out = lists));
  return out;
}

/**
 * Unpinned systems that stay with a pinned retain off the target (see file header), by id; the
 * search goes from the pinned systems in id order, each one's neighbours in id order. `passable`
 * is asked of system positions (dense.ts).
 */
export function heldByPinnedRetains(dense: DenseIndex, target: string, passable: (p: number) => boolean): Map<string, HeldBy> {
  const { systems, siteOf } = dense;
  const neighbours = tightNeighbours(dense);
  const offTarget = (p: number): boolean => {
    const site = siteOf[p];
    return site !== undefined && site !== target;
  };
  const held = new Map<string, HeldBy>();
  // Per position: 1 a root (a pinned retain off the target), 2 held; the system it was reached from.
  const state = new Uint8Array(systems.length);
  const parent = new Int32Array(systems.length).fill(-1);
  const queue: number[] = [];
  for (let p = 0; p < systems.length; p++) {
    if (systems[p].disposition !== "retain" || !offTarget(p)) continue;
    state[p] = 1;
    queue.push(p);
  }
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i];
    // Positions are in id order: sorted by number, the neighbours come in id order.
    const around = neighbours[p].length < 2 ? neighbours[p] : [...neighbours[p]].sort((a, b) => a - b);
    for (const n of around) {
      if (state[n] !== 0 || !offTarget(n) || !passable(n)) continue;
      if (systems[n].disposition !== undefined) continue;
      parent[n] = p;
      const via: string[] = [];
      let up = p;
      while (state[up] !== 1) {
        via.unshift(systems[up].id);
        up = parent[up];
      }
      state[n] = 2;
      held.set(systems[n].id, { pinned: systems[up].id, via });
      queue.push(n);
    }
  }
  return held;
}
