// Move groups (affinity groups): systems that must cut over together because a tight dependency
// joins them (the two cannot run at different sites) or because they share a server. Computed with
// a union-find over systems, linear in systems + dependencies + server references.
import type { InventoryIndex } from "../model.js";

/** Systems that cut over together. */
export interface AffinityGroup {
  /** Stable id: `g-` + the smallest system id of the group. */
  readonly id: string;
  /** Member system ids, sorted. */
  readonly systems: string[];
  /** Why they are joined, e.g. `tight: a → b`, `shared server s1: a, b`; empty for a single system. */
  readonly reasons: string[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (true) {
      const p = this.parent.get(root);
      if (p === undefined || p === root) break;
      root = p;
    }
    // Path compression, iteratively.
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller id becomes the root so results do not depend on input order.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/** Groups every system of the inventory (singletons included), sorted by group id. */
export function moveGroups(index: InventoryIndex): AffinityGroup[] {
  const uf = new UnionFind();
  const reasons = new Map<string, string[]>();
  const note = (a: string, text: string): void => {
    const list = reasons.get(a);
    if (list) list.push(text);
    else reasons.set(a, [text]);
  };
  for (const sys of index.inventory.systems) {
    uf.find(sys.id);
    for (const dep of sys.dependsOn ?? []) {
      if (dep.coupling === "tight" && index.systems.has(dep.target) && dep.target !== sys.id) {
        uf.union(sys.id, dep.target);
        note(sys.id, `tight dependency ${sys.id} → ${dep.target}`);
      }
    }
  }
  for (const [serverId, systems] of index.systemsOn) {
    if (systems.length < 2) continue;
    for (let i = 1; i < systems.length; i++) uf.union(systems[0].id, systems[i].id);
    note(systems[0].id, `share server ${serverId}: ${systems.map((s) => s.id).sort().join(", ")}`);
  }
  const members = new Map<string, string[]>();
  for (const sys of index.inventory.systems) {
    const root = uf.find(sys.id);
    const list = members.get(root);
    if (list) list.push(sys.id);
    else members.set(root, [sys.id]);
  }
  const groups: AffinityGroup[] = [];
  for (const list of members.values()) {
    const systems = list.sort();
    const why = systems.flatMap((id) => reasons.get(id) ?? []);
    groups.push({ id: `g-${systems[0]}`, systems, reasons: [...new Set(why)].sort() });
  }
  return groups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
