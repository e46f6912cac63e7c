// Which virtual machines each rehosted system brings onto KubeVirt, and into which namespace.
//
// A rehosted system's machines are the plan's compute servers (virtual, or physical ones the plan
// moves as VMs) that list it: those at a closing site, and those at the target site when the plan
// folds a stand-alone server into the shared infrastructure there. Each takes the right-sized
// target the plan gave it, or, where the plan gives none (a stand-alone server at the target site,
// switched off after its wave), the same right-sizing the planner uses (planner/sizing.ts). A VM's
// name in the source vCenter is the inventory's optional `vmName`, else the server id. A server shared by several rehosted systems is migrated once, into the namespace of its
// owner: the first of them by id among those of the earliest wave (a shared server puts them in one
// move group, so in one wave). The owner is chosen over the whole plan, never over what the wave
// cutoff deploys, so it cannot change as the cutoff rises. The others reach it through a
// shared-server edge (see model.ts). Pure.
import type { InventoryIndex } from "../inventory/model.js";
import type { Plan, PlanSystem, Size } from "../planner/plan-schema.js";
import { rightSize } from "../planner/sizing.js";
import { compareIds } from "./builders/objects.js";

/** One machine migrated into a tenant namespace. */
export interface TenantVm {
  /** Server id: the KubeVirt VirtualMachine's name. */
  readonly server: string;
  /** Name of the VM in the source vCenter (inventory `vmName`, else the server id). */
  readonly vmName: string;
  /** Site it is migrated from (a closing site, or the target site for a stand-alone server folded in there). */
  readonly sourceSite: string;
  /** `physical` servers are converted to a VM in the site's vCenter first (P2V), then migrated like the others. */
  readonly kind: "virtual" | "physical";
  /** Right-sized target from the plan (vCPUs, GiB). */
  readonly target: Size;
  /** Provisioned disk, GiB: a disk is copied whole, so its volume is as large as the source's (the target when the inventory does not say). */
  readonly diskGiB: number;
  /** Other rehosted systems that use this machine (they reach it across namespaces), sorted. */
  readonly sharedWith: readonly string[];
}

/** True when the plan rehosts the system (lift and shift as VMs) in a wave. */
export function isRehosted(s: PlanSystem): boolean {
  return s.disposition === "rehost" && s.wave !== undefined;
}

/** The machines of every rehosted system of the plan, by system id (systems without any are absent); VMs sorted by server id. */
export function rehostedVms(index: InventoryIndex, plan: Plan): Map<string, TenantVm[]> {
  const systems = new Map(plan.systems.filter(isRehosted).map((s) => [s.id, s]));
  const out = new Map<string, TenantVm[]>();
  for (const server of plan.servers) {
    if (server.kind !== "virtual" && server.kind !== "physical") continue;
    const users = server.systems.filter((id) => systems.has(id)).sort((a, b) => (systems.get(a)!.wave ?? 0) - (systems.get(b)!.wave ?? 0) || compareIds(a, b));
    if (users.length === 0) continue;
    const inv = index.servers.get(server.id);
    // A VM the system runs on that stays on the target site's hypervisor (no target, not a stand-alone server folded in) is not part of the move.
    if (server.target === undefined && (server.site !== plan.targetSite || inv === undefined || server.kind !== "physical")) continue;
    const target = server.target ?? rightSize(inv!);
    const [owner, ...others] = users;
    const vm: TenantVm = {
      server: server.id,
      vmName: inv?.vmName ?? server.id,
      sourceSite: server.site,
      kind: server.kind,
      target,
      diskGiB: inv?.storageGiB ?? target.storageGiB,
      sharedWith: [...others].sort(compareIds),
    };
    const list = out.get(owner) ?? [];
    list.push(vm);
    out.set(owner, list);
  }
  for (const list of out.values()) list.sort((a, b) => compareIds(a.server, b.server));
  return out;
}
