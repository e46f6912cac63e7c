// Tenancy of the shared platform: per tenant system a Namespace (owner, security level, system and
// site labels; Pod Security admission labels; a node-pool selector for levels 4–5), a ResourceQuota
// and a LimitRange (containers: measured usage plus headroom; migrated VMs: their right-sized
// targets plus KubeVirt's overhead and room for the migration), a default-deny NetworkPolicy with
// allow rules derived from the dependency graph (and, for a VM two systems share, from the one that
// uses it to the namespace that holds it), and an RBAC Role + RoleBinding for the owner agency's
// group; plus one PriorityClass per security level. Pure and deterministic.
import type { PortSpec } from "../../inventory/graph.js";
import type { Tenancy } from "../config.js";
import type { PlatformModel, ResourceUsage, Tenant, TenantVm } from "../model.js";
import { AUTO_MEMORY_LIMITS_RATIO_LABEL, MIGRATION_ALLOWANCE, vmPodResources, volumeRequestGiB } from "./kubevirt-sizing.js";
import { byKindNamespaceName, k8s, type K8sObject, LABEL_PREFIX, MANAGED_BY } from "./objects.js";

/** Label keys put on tenant namespaces. */
export const TENANT_LABELS = {
  owner: `${LABEL_PREFIX}/owner`,
  securityLevel: `${LABEL_PREFIX}/security-level`,
  system: `${LABEL_PREFIX}/system`,
  site: `${LABEL_PREFIX}/site`,
  wave: `${LABEL_PREFIX}/wave`,
  tenant: `${LABEL_PREFIX}/tenant`,
  workload: `${LABEL_PREFIX}/workload`,
} as const;

/** Label KubeVirt puts on a VM's virt-launcher pod: the VirtualMachine's name. */
export const VM_NAME_LABEL = "vm.kubevirt.io/name";

/** Annotation read by the PodNodeSelector admission plugin: every pod of the namespace gets this node selector. */
export const NODE_SELECTOR_ANNOTATION = "scheduler.alpha.kubernetes.io/node-selector";

/** Label every namespace carries (set by Kubernetes itself since 1.22): selects a namespace by name. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/** Name of the PriorityClass of a security level. */
export function priorityClassName(level: number): string {
  return `dcplan-level-${level}`;
}

/** Pod Security Standard enforced for a security level: `restricted` from level 3, `baseline` below. */
export function enforcedPodSecurity(level: number): "restricted" | "baseline" {
  return level >= 3 ? "restricted" : "baseline";
}

/** Quantities of one namespace's quota, in whole units (millicores, MiB, GiB). */
export interface QuotaSize {
  /** CPU requests, millicores (limits are twice this: bursting is allowed). */
  readonly cpuMillis: number;
  /** Memory requests = limits, MiB (memory is never overcommitted). */
  readonly memoryMiB: number;
  /** Persistent storage requests, GiB. */
  readonly storageGiB: number;
}

/**
 * Quota from measured usage plus `headroomPct`, rounded up to sane units: CPU to 100 m, memory to
 * 256 MiB, storage to 1 GiB, each at least one unit so an idle system can still start.
 */
export function quotaSize(usage: ResourceUsage, headroomPct: number): QuotaSize {
  const f = 1 + headroomPct / 100;
  const up = (v: number, unit: number): number => Math.max(unit, Math.ceil(round6(v / unit)) * unit);
  return {
    cpuMillis: up(usage.cpuCores * 1000 * f, 100),
    memoryMiB: up(usage.memoryGiB * 1024 * f, 256),
    storageGiB: up(usage.storageGiB * f, 1),
  };
}

/** A namespace's ResourceQuota, in whole units. */
export interface TenantQuota {
  readonly requestsCpuMillis: number;
  readonly limitsCpuMillis: number;
  readonly requestsMemoryMiB: number;
  readonly limitsMemoryMiB: number;
  /** Persistent storage requests, GiB. */
  readonly storageGiB: number;
}

const roundUp = (v: number, unit: number): number => Math.max(unit, Math.ceil(round6(v / unit)) * unit);

/** The quota of a containers tenant: CPU limits twice the requests (bursting), memory limits equal to requests. */
export function containerQuota(q: QuotaSize): TenantQuota {
  return { requestsCpuMillis: q.cpuMillis, limitsCpuMillis: q.cpuMillis * 2, requestsMemoryMiB: q.memoryMiB, limitsMemoryMiB: q.memoryMiB, storageGiB: q.storageGiB };
}

/**
 * The quota of a tenant of migrated VMs: per VM its virt-launcher pod (right-sized vCPUs and memory
 * from the plan plus KubeVirt's overhead; see kubevirt-sizing.ts) and room for its migration pods;
 * storage for its disks as provisioned. Rounded up to 100 m, 256 MiB and 1 GiB.
 */
export function vmQuota(vms: readonly TenantVm[], volumeMode: "Filesystem" | "Block"): TenantQuota {
  let reqCpu = 0;
  let limCpu = 0;
  let reqMem = 0;
  let limMem = 0;
  let storage = 0;
  for (const vm of vms) {
    const pod = vmPodResources(vm.target);
    reqCpu += pod.cpuRequestMillis + MIGRATION_ALLOWANCE.cpuRequestMillis;
    limCpu += pod.cpuLimitMillis + MIGRATION_ALLOWANCE.cpuLimitMillis;
    reqMem += pod.memoryMiB + MIGRATION_ALLOWANCE.memoryRequestMiB;
    limMem += pod.memoryMiB + MIGRATION_ALLOWANCE.memoryLimitMiB;
    storage += volumeRequestGiB(vm.diskGiB, volumeMode);
  }
  return {
    requestsCpuMillis: roundUp(reqCpu, 100),
    limitsCpuMillis: roundUp(limCpu, 100),
    requestsMemoryMiB: roundUp(reqMem, 256),
    limitsMemoryMiB: roundUp(limMem, 256),
    storageGiB: roundUp(storage, 1),
  };
}

// Floating noise (0.1 * 3 = 0.30000000000000004) must not push a value up a whole unit.
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** `1500m`, `2` (whole cores). */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** `768Mi`, `2Gi`. */
export function formatMemory(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}

/** Inverse of formatCpu/formatMemory/`NGi` for the quantities dcplan writes: millicores, MiB or GiB. */
export function parseQuantity(q: string): number {
  const m = /^(\d+)(m|Mi|Gi)?$/.exec(q);
  if (!m) throw new Error(`unexpected quantity ${q}`);
  return Number(m[1]);
}

function namespaceOf(t: Tenant, cfg: Tenancy): K8sObject {
  const enforce = enforcedPodSecurity(t.securityLevel);
  const v = cfg.podSecurityVersion;
  const annotations: Record<string, string> = { [`${LABEL_PREFIX}/system-name`]: t.name };
  if (t.securityLevel >= 4) annotations[NODE_SELECTOR_ANNOTATION] = `${cfg.nodePoolLabel}=${cfg.securePool}`;
  // VM pods get a memory limit equal to their request (KubeVirt's default doubles it, which the
  // quota, sized without memory overcommit, would refuse).
  const vmLabels: Record<string, string> = t.workload === "virtual-machines" ? { [AUTO_MEMORY_LIMITS_RATIO_LABEL]: "1.0", [TENANT_LABELS.workload]: t.workload } : {};
  return k8s("v1", "Namespace", {
    name: t.id,
    labels: {
      ...MANAGED_BY,
      ...vmLabels,
      [TENANT_LABELS.owner]: t.owner,
      [TENANT_LABELS.securityLevel]: String(t.securityLevel),
      [TENANT_LABELS.system]: t.id,
      [TENANT_LABELS.site]: t.site,
      [TENANT_LABELS.wave]: String(t.wave),
      [TENANT_LABELS.tenant]: "true",
      "pod-security.kubernetes.io/enforce": enforce,
      "pod-security.kubernetes.io/enforce-version": v,
      "pod-security.kubernetes.io/warn": "restricted",
      "pod-security.kubernetes.io/warn-version": v,
      "pod-security.kubernetes.io/audit": "restricted",
      "pod-security.kubernetes.io/audit-version": v,
    },
    annotations,
  });
}

/** The quota of a tenant: VMs from their targets, containers from measured usage plus headroom. */
export function tenantQuota(t: Tenant, cfg: Tenancy, volumeMode: "Filesystem" | "Block" = "Filesystem"): TenantQuota {
  return t.workload === "virtual-machines" ? vmQuota(t.vms, volumeMode) : containerQuota(quotaSize(t.usage, cfg.headroomPct));
}

function quotaOf(t: Tenant, cfg: Tenancy, volumeMode: "Filesystem" | "Block"): K8sObject[] {
  const q = tenantQuota(t, cfg, volumeMode);
  const meta = (name: string) => ({ name, namespace: t.id, labels: { ...MANAGED_BY, [TENANT_LABELS.system]: t.id } });
  const cpu = formatCpu(q.requestsCpuMillis);
  const cpuLimit = formatCpu(q.limitsCpuMillis);
  const memory = formatMemory(q.requestsMemoryMiB);
  const memoryLimit = formatMemory(q.limitsMemoryMiB);
  const min = (a: number, b: number) => Math.min(a, b);
  return [
    k8s("v1", "ResourceQuota", meta("tenant-quota"), {
      spec: {
        hard: {
          "limits.cpu": cpuLimit,
          "limits.memory": memoryLimit,
          "requests.cpu": cpu,
          "requests.memory": memory,
          "requests.storage": `${q.storageGiB}Gi`,
        },
      },
    }),
    // Defaults let pods without resources start inside the quota (a quota on requests/limits
    // otherwise rejects them); max keeps one container from taking the whole namespace unnoticed.
    k8s("v1", "LimitRange", meta("tenant-limits"), {
      spec: {
        limits: [
          {
            type: "Container",
            default: { cpu: formatCpu(min(500, q.limitsCpuMillis)), memory: formatMemory(min(512, q.limitsMemoryMiB)) },
            defaultRequest: { cpu: formatCpu(min(100, q.requestsCpuMillis)), memory: formatMemory(min(256, q.requestsMemoryMiB)) },
            max: { cpu: cpuLimit, memory: memoryLimit },
          },
          { type: "PersistentVolumeClaim", max: { storage: `${q.storageGiB}Gi` } },
        ],
      },
    }),
  ];
}

function k8sPorts(ports: readonly PortSpec[]): { port: number; protocol: string }[] | undefined {
  return ports.length === 0 ? undefined : ports.map((p) => ({ port: p.port, protocol: p.protocol.toUpperCase() }));
}

/** Name of the NetworkPolicy in the consumer's namespace allowing egress to `target`. */
export function egressPolicyName(target: string): string {
  return `allow-egress-to-${target}`;
}

/** Name of the NetworkPolicy in the provider's namespace allowing ingress from `source`. */
export function ingressPolicyName(source: string): string {
  return `allow-ingress-from-${source}`;
}

/** Name of the NetworkPolicy letting a tenant reach the VM `server` it shares, held in `owner`'s namespace. */
export function sharedVmEgressPolicyName(owner: string, server: string): string {
  return `allow-egress-to-${owner}-vm-${server}`;
}

/** Name of the NetworkPolicy in the owner's namespace letting `user` reach the shared VM `server`. */
export function sharedVmIngressPolicyName(user: string, server: string): string {
  return `allow-ingress-from-${user}-vm-${server}`;
}

function networkPolicies(model: PlatformModel): K8sObject[] {
  const out: K8sObject[] = [];
  const meta = (ns: string, name: string) => ({ name, namespace: ns, labels: { ...MANAGED_BY, [TENANT_LABELS.system]: ns } });
  const nsSelector = (ns: string) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } } });
  for (const t of model.tenants) {
    out.push(k8s("networking.k8s.io/v1", "NetworkPolicy", meta(t.id, "default-deny"), { spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } }));
    out.push(
      k8s("networking.k8s.io/v1", "NetworkPolicy", meta(t.id, "allow-dns"), {
        spec: {
          egress: [
            {
              ports: [
                { port: 53, protocol: "UDP" },
                { port: 53, protocol: "TCP" },
              ],
              to: [{ ...nsSelector("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            },
          ],
          podSelector: {},
          policyTypes: ["Egress"],
        },
      }),
    );
  }
  for (const e of model.edges) {
    out.push(
      k8s("networking.k8s.io/v1", "NetworkPolicy", meta(e.from, egressPolicyName(e.to)), {
        spec: { egress: [{ ports: k8sPorts(e.ports), to: [nsSelector(e.to)] }], podSelector: {}, policyTypes: ["Egress"] },
      }),
    );
    out.push(
      k8s("networking.k8s.io/v1", "NetworkPolicy", meta(e.to, ingressPolicyName(e.from)), {
        spec: { ingress: [{ from: [nsSelector(e.from)], ports: k8sPorts(e.ports) }], podSelector: {}, policyTypes: ["Ingress"] },
      }),
    );
  }
  for (const e of model.sharedVms) {
    const vmPods = { matchLabels: { [VM_NAME_LABEL]: e.server } };
    out.push(
      k8s("networking.k8s.io/v1", "NetworkPolicy", meta(e.from, sharedVmEgressPolicyName(e.to, e.server)), {
        spec: { egress: [{ to: [{ ...nsSelector(e.to), podSelector: vmPods }] }], podSelector: {}, policyTypes: ["Egress"] },
      }),
    );
    out.push(
      k8s("networking.k8s.io/v1", "NetworkPolicy", meta(e.to, sharedVmIngressPolicyName(e.from, e.server)), {
        spec: { ingress: [{ from: [nsSelector(e.from)] }], podSelector: vmPods, policyTypes: ["Ingress"] },
      }),
    );
  }
  for (const e of model.egress) {
    out.push(
      k8s("networking.k8s.io/v1", "NetworkPolicy", meta(e.from, egressPolicyName(e.target)), {
        spec: { egress: [{ ports: k8sPorts(e.ports), to: e.cidrs.map((cidr) => ({ ipBlock: { cidr } })) }], podSelector: {}, policyTypes: ["Egress"] },
      }),
    );
  }
  return out;
}

/** The Role granted to an owner agency's group in its namespaces: run workloads, not change policy. */
export const TENANT_ROLE_RULES = [
  { apiGroups: [""], resources: ["configmaps", "persistentvolumeclaims", "pods", "pods/log", "secrets", "services"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] },
  { apiGroups: ["apps"], resources: ["deployments", "replicasets", "statefulsets"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] },
  { apiGroups: ["batch"], resources: ["cronjobs", "jobs"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] },
  { apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] },
  { apiGroups: [""], resources: ["events", "resourcequotas", "limitranges"], verbs: ["get", "list", "watch"] },
];

/** What the owner agency's group may do with its migrated VMs on top of TENANT_ROLE_RULES: run and look after them, not resize them (sizes come from the plan). */
export const VM_ROLE_RULES = [
  { apiGroups: ["kubevirt.io"], resources: ["virtualmachineinstances", "virtualmachines"], verbs: ["get", "list", "patch", "update", "watch"] },
  {
    apiGroups: ["subresources.kubevirt.io"],
    resources: ["virtualmachineinstances/console", "virtualmachineinstances/guestosinfo", "virtualmachineinstances/vnc", "virtualmachines/restart", "virtualmachines/start", "virtualmachines/stop"],
    verbs: ["get", "update"],
  },
  { apiGroups: ["cdi.kubevirt.io"], resources: ["datavolumes"], verbs: ["get", "list", "watch"] },
  { apiGroups: ["instancetype.kubevirt.io"], resources: ["virtualmachineinstancetypes"], verbs: ["get", "list", "watch"] },
];

function rbac(t: Tenant, cfg: Tenancy): K8sObject[] {
  const meta = (name: string) => ({ name, namespace: t.id, labels: { ...MANAGED_BY, [TENANT_LABELS.owner]: t.owner, [TENANT_LABELS.system]: t.id } });
  const rules = t.workload === "virtual-machines" ? [...TENANT_ROLE_RULES, ...VM_ROLE_RULES] : TENANT_ROLE_RULES;
  return [
    k8s("rbac.authorization.k8s.io/v1", "Role", meta("tenant-operator"), { rules }),
    k8s("rbac.authorization.k8s.io/v1", "RoleBinding", meta(`tenant-operator-${t.owner}`), {
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "tenant-operator" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: `${cfg.groupPrefix}${t.owner}` }],
    }),
  ];
}

/** One PriorityClass per security level 1–5; levels 4–5 may preempt lower ones, the rest never preempt. */
export function priorityClasses(): K8sObject[] {
  return [1, 2, 3, 4, 5].map((level) =>
    k8s(
      "scheduling.k8s.io/v1",
      "PriorityClass",
      { name: priorityClassName(level), labels: { ...MANAGED_BY, [TENANT_LABELS.securityLevel]: String(level) } },
      {
        description: `Workloads of information systems of security level ${level} (Decree 85/2016/NĐ-CP).`,
        globalDefault: false,
        preemptionPolicy: level >= 4 ? "PreemptLowerPriority" : "Never",
        value: 100_000 * level,
      },
    ),
  );
}

/** Every tenancy object of the platform, sorted by kind, namespace and name; VM disks are sized for `volumeMode` [Filesystem]. */
export function buildTenancy(model: PlatformModel, cfg: Tenancy, volumeMode: "Filesystem" | "Block" = "Filesystem"): K8sObject[] {
  const out: K8sObject[] = [...priorityClasses()];
  for (const t of model.tenants) out.push(namespaceOf(t, cfg), ...quotaOf(t, cfg, volumeMode), ...rbac(t, cfg));
  // A loop, not push(...): at 20k tenants the policies are more than a call's arguments may be.
  for (const p of networkPolicies(model)) out.push(p);
  return out.sort(byKindNamespaceName);
}
