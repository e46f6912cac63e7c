// What runs on a server: the systems that list it, and for a physical host also its VMs and the
// systems on them. The planner frees a server only when all of these have left.
import type { InventoryIndex } from "../model.js";
import type { Server, System } from "../schema.js";

export interface Workloads {
  /** VMs hosted on the server (empty unless it is a physical host). */
  readonly vms: Server[];
  /** Systems on the server directly or through its VMs, each once, in inventory order. */
  readonly systems: System[];
}

/** Everything running on `serverId`, directly or through its VMs. */
export function workloadsOn(index: InventoryIndex, serverId: string): Workloads {
  const vms = [...(index.vmsOf.get(serverId) ?? [])];
  const seen = new Set<string>();
  const systems: System[] = [];
  for (const sid of [serverId, ...vms.map((v) => v.id)]) {
    for (const sys of index.systemsOn.get(sid) ?? []) {
      if (!seen.has(sys.id)) {
        seen.add(sys.id);
        systems.push(sys);
      }
    }
  }
  const order = new Map(index.inventory.systems.map((s, i) => [s.id, i]));
  systems.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { vms, systems };
}
