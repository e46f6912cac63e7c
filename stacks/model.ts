// From the inventory and the plan to what the shared platform hosts: the tenants (systems the plan
// replatforms onto the shared Kubernetes platform and, with `vmPlatform: kubevirt`, the systems it
// rehosts, whose VMs run on KubeVirt there; in a wave at most `waveCutoff`), their measured usage or
// their VMs, and the dependency edges between them and to the outside. Pure; the builders take this.
import type { PortSpec } from "../inventory/graph.js";
import type { InventoryIndex } from "../inventory/model.js";
import type { Plan, PlanSystem } from "../planner/plan-schema.js";
import { compareIds } from "./builders/objects.js";
import type { VmPlatform } from "./config.js";
import { isRehosted, rehostedVms, type TenantVm } from "./rehosted-vms.js";

export type { TenantVm } from "./rehosted-vms.js";

/** Resources a system uses today (95th percentile), in the units of the inventory. */
export interface ResourceUsage {
  /** vCPUs (or physical cores) in use. */
  readonly cpuCores: number;
  /** Memory in use, GiB. */
  readonly memoryGiB: number;
  /** Storage in use, GiB. */
  readonly storageGiB: number;
}

/** One namespace of the shared platform: a system that lands on it. */
export interface Tenant {
  /** System id, also the namespace name. */
  readonly id: string;
  readonly name: string;
  /** Owner agency id. */
  readonly owner: string;
  /** Security level 1–5. */
  readonly securityLevel: number;
  /** Site it runs at after the move. */
  readonly site: string;
  /** Wave it moves in. */
  readonly wave: number;
  readonly usage: ResourceUsage;
  /** What runs in the namespace: containers (replatformed) or the system's migrated VMs (rehosted, on KubeVirt). */
  readonly workload: "containers" | "virtual-machines";
  /** VMs migrated into the namespace, sorted by server id (empty for containers). */
  readonly vms: readonly TenantVm[];
}

/** A tenant's use of a VM that was migrated into another tenant's namespace (a server both systems run on). */
export interface SharedVmEdge {
  /** Tenant that uses the VM. */
  readonly from: string;
  /** Tenant whose namespace holds it. */
  readonly to: string;
  /** Server id = VM name. */
  readonly server: string;
}

/** A consumer → provider dependency among tenants (namespace to namespace). */
export interface TenantEdge {
  readonly from: string;
  readonly to: string;
  /** Declared ports; empty means "any port" (none was declared). */
  readonly ports: readonly PortSpec[];
}

/** A tenant's dependency on something outside the platform, reached through configured CIDRs. */
export interface EgressRule {
  readonly from: string;
  /** External or system id. */
  readonly target: string;
  readonly cidrs: readonly string[];
  readonly ports: readonly PortSpec[];
}

/** Everything the tenancy builder needs. */
export interface PlatformModel {
  /** Sorted by id. */
  readonly tenants: readonly Tenant[];
  /** Sorted by from, then to. */
  readonly edges: readonly TenantEdge[];
  /** Uses of VMs in another tenant's namespace, sorted by from, to, server. */
  readonly sharedVms: readonly SharedVmEdge[];
  /** Sorted by from, then target. */
  readonly egress: readonly EgressRule[];
  /** Dependencies of tenants that no rule allows (target off the platform and no CIDR configured), `from -> target`, plus `(survivor of …)` when the declared target was consolidated into it. */
  readonly unreachable: readonly string[];
}

/** True when the plan puts the system on the shared platform: replatformed onto shared Kubernetes, or rehosted when VMs land on KubeVirt [vmPlatform hypervisor]. */
export function landsOnPlatform(s: PlanSystem, vmPlatform: VmPlatform = "hypervisor"): boolean {
  if (s.disposition === "replatform" && s.platform === "shared-kubernetes" && s.wave !== undefined) return true;
  return vmPlatform === "kubevirt" && isRehosted(s);
}

/** Systems on the shared platform whose wave is at most `waveCutoff`, sorted by id. */
export function deployedSystems(plan: Plan, waveCutoff: number, vmPlatform: VmPlatform = "hypervisor"): PlanSystem[] {
  return plan.systems.filter((s) => landsOnPlatform(s, vmPlatform) && (s.wave ?? Infinity) <= waveCutoff).sort((a, b) => compareIds(a.id, b.id));
}

/**
 * Measured usage of a system: over its servers, allocation × 95th-percentile use (100 % when no
 * measurement), a server shared by n systems counted 1/n to each, so the sum over all systems is
 * the sum over the servers.
 */
export function measuredUsage(index: InventoryIndex, systemId: string): ResourceUsage {
  const system = index.systems.get(systemId);
  let cpu = 0;
  let mem = 0;
  let storage = 0;
  for (const sid of new Set(system?.servers ?? [])) {
    const server = index.servers.get(sid);
    if (!server) continue;
    const share = 1 / Math.max(1, index.systemsOn.get(sid)?.length ?? 1);
    const u = server.usage ?? {};
    cpu += ((server.cpuCores ?? 0) * (u.cpuPct ?? 100) * share) / 100;
    mem += ((server.memoryGiB ?? 0) * (u.memoryPct ?? 100) * share) / 100;
    storage += ((server.storageGiB ?? 0) * (u.storageUsedPct ?? 100) * share) / 100;
  }
  return { cpuCores: cpu, memoryGiB: mem, storageGiB: storage };
}

/** Where a dependency points once the plan is carried out. */
export interface DependencyTarget {
  /** System or external id the consumer talks to after the merger. */
  readonly id: string;
  /** Consolidated systems the declared target passed through on its way to `id`, in order (empty when the target itself survives). */
  readonly via: readonly string[];
}

/**
 * The system (or external) a dependency on `target` reaches after the merger, following the plan:
 * a system consolidated into another is replaced by its survivor, transitively (`a` into `b` into
 * `c` gives `c`); undefined when the chain ends at a retired system (nothing to reach; the planner
 * reports the dependency itself) or loops. Ids the plan does not list (externals) are returned
 * unchanged. `systems` is the plan's systems by id.
 */
export function dependencyTarget(systems: ReadonlyMap<string, PlanSystem>, target: string): DependencyTarget | undefined {
  const via: string[] = [];
  let id = target;
  for (;;) {
    const s = systems.get(id);
    if (s?.disposition === "retire") return undefined;
    if (s?.disposition !== "consolidate" || s.into === undefined) return { id, via };
    if (via.includes(id)) return undefined; // a consolidation loop has no survivor
    via.push(id);
    id = s.into;
  }
}

/** `from -> to`, with the consolidated system the dependency was declared on when there is one. */
function describeDependency(from: string, to: DependencyTarget): string {
  return to.via.length === 0 ? `${from} -> ${to.id}` : `${from} -> ${to.id} (survivor of ${to.via.join(" <- ")})`;
}

/**
 * Builds the platform model: tenants, edges among them, egress to configured CIDRs. Every
 * dependency goes through dependencyTarget first, so rules point at the survivor of a consolidated
 * system and a dependency on a retired one makes none. Dependencies reaching the same target are
 * merged: the union of their ports, or any port when one of them declared none.
 */
export function platformModel(
  index: InventoryIndex,
  plan: Plan,
  waveCutoff: number,
  egressCidrs: Readonly<Record<string, readonly string[]>>,
  vmPlatform: VmPlatform = "hypervisor",
): PlatformModel {
  const deployed = deployedSystems(plan, waveCutoff, vmPlatform);
  const ids = new Set(deployed.map((s) => s.id));
  const planned = new Map(plan.systems.map((s) => [s.id, s]));
  const vms = vmPlatform === "kubevirt" ? rehostedVms(index, plan) : new Map<string, TenantVm[]>();
  const tenants: Tenant[] = deployed.map((s) => ({
    id: s.id,
    name: s.name,
    owner: s.owner,
    securityLevel: s.securityLevel,
    site: s.targetSite ?? plan.targetSite,
    wave: s.wave!,
    usage: measuredUsage(index, s.id),
    workload: s.disposition === "rehost" ? "virtual-machines" : "containers",
    vms: vms.get(s.id) ?? [],
  }));
  const sharedVms: SharedVmEdge[] = [];
  for (const t of tenants) {
    for (const vm of t.vms) for (const user of vm.sharedWith) if (ids.has(user)) sharedVms.push({ from: user, to: t.id, server: vm.server });
  }
  sharedVms.sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to) || compareIds(a.server, b.server));
  const edges: TenantEdge[] = [];
  const egress: EgressRule[] = [];
  const unreachable: string[] = [];
  for (const t of tenants) {
    const merged = new Map<string, { target: DependencyTarget; ports: PortSpec[]; anyPort: boolean }>();
    for (const dep of index.systems.get(t.id)?.dependsOn ?? []) {
      const target = dependencyTarget(planned, dep.target);
      // A dependency on a system merged into the tenant itself is now inside its own namespace.
      if (target === undefined || target.id === t.id) continue;
      const entry = merged.get(target.id) ?? { target, ports: [], anyPort: false };
      // Keep the shortest explanation: a direct dependency on the survivor needs none.
      if (target.via.length < entry.target.via.length) entry.target = target;
      const protocol = dep.protocol ?? "tcp";
      if (dep.port === undefined) entry.anyPort = true;
      else if (!entry.ports.some((p) => p.port === dep.port && p.protocol === protocol)) entry.ports.push({ port: dep.port, protocol });
      merged.set(target.id, entry);
    }
    for (const id of [...merged.keys()].sort(compareIds)) {
      const { target, ports: declared, anyPort } = merged.get(id)!;
      const ports = anyPort ? [] : declared.sort((a, b) => a.port - b.port || compareIds(a.protocol, b.protocol));
      if (ids.has(id)) edges.push({ from: t.id, to: id, ports });
      else if (egressCidrs[id]) egress.push({ from: t.id, target: id, cidrs: [...egressCidrs[id]].sort(compareIds), ports });
      else unreachable.push(describeDependency(t.id, target));
    }
  }
  return { tenants, edges, sharedVms, egress, unreachable };
}
