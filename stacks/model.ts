// From the inventory and the plan to what the shared platform hosts: the tenants (systems the plan
// replatforms onto the shared Kubernetes platform, in a wave at most `waveCutoff`), their measured
// usage, and the dependency edges between them and to the outside. Pure; the builders take this.
import type { PortSpec } from "../inventory/graph.js";
import type { InventoryIndex } from "../inventory/model.js";
import type { Plan, PlanSystem } from "../planner/plan-schema.js";
import { compareIds } from "./builders/objects.js";

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
  /** Sorted by from, then target. */
  readonly egress: readonly EgressRule[];
  /** Dependencies of tenants that no rule allows (target off the platform and no CIDR configured), `from -> target`. */
  readonly unreachable: readonly string[];
}

/** True when the plan puts the system on the shared platform (replatform onto shared Kubernetes). */
export function landsOnPlatform(s: PlanSystem): boolean {
  return s.disposition === "replatform" && s.platform === "shared-kubernetes" && s.wave !== undefined;
}

/** Systems on the shared platform whose wave is at most `waveCutoff`, sorted by id. */
export function deployedSystems(plan: Plan, waveCutoff: number): PlanSystem[] {
  return plan.systems.filter((s) => landsOnPlatform(s) && (s.wave ?? Infinity) <= waveCutoff).sort((a, b) => compareIds(a.id, b.id));
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

/** Builds the platform model: tenants, edges among them, egress to configured CIDRs. */
export function platformModel(index: InventoryIndex, plan: Plan, waveCutoff: number, egressCidrs: Readonly<Record<string, readonly string[]>>): PlatformModel {
  const deployed = deployedSystems(plan, waveCutoff);
  const ids = new Set(deployed.map((s) => s.id));
  const tenants: Tenant[] = deployed.map((s) => ({
    id: s.id,
    name: s.name,
    owner: s.owner,
    securityLevel: s.securityLevel,
    site: s.targetSite ?? plan.targetSite,
    wave: s.wave!,
    usage: measuredUsage(index, s.id),
  }));
  const edges: TenantEdge[] = [];
  const egress: EgressRule[] = [];
  const unreachable: string[] = [];
  for (const t of tenants) {
    const merged = new Map<string, PortSpec[]>();
    for (const dep of index.systems.get(t.id)?.dependsOn ?? []) {
      if (dep.target === t.id) continue;
      const ports = merged.get(dep.target) ?? [];
      if (dep.port !== undefined && !ports.some((p) => p.port === dep.port && p.protocol === (dep.protocol ?? "tcp"))) {
        ports.push({ port: dep.port, protocol: dep.protocol ?? "tcp" });
      }
      merged.set(dep.target, ports);
    }
    for (const target of [...merged.keys()].sort(compareIds)) {
      const ports = merged.get(target)!.sort((a, b) => a.port - b.port || compareIds(a.protocol, b.protocol));
      if (ids.has(target)) edges.push({ from: t.id, to: target, ports });
      else if (egressCidrs[target]) egress.push({ from: t.id, target, cidrs: [...egressCidrs[target]].sort(compareIds), ports });
      else unreachable.push(`${t.id} -> ${target}`);
    }
  }
  return { tenants, edges, egress, unreachable };
}
