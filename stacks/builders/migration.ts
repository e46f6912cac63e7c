// The Forklift (Migration Toolkit for Virtualization) objects that move a wave's rehosted VMs from a
// site's vSphere (a closing site's; the target site's for the stand-alone servers the plan folds in
// there) onto KubeVirt on the shared cluster, v2.12.5 API (stacks/crds/forklift):
//
// - per source site: a vSphere Provider (URL from stack config, credentials in a Secret), a
//   NetworkMap (the site's port groups to the pod network or a Multus attachment) and one
//   StorageMap per security level that lands from it (every datastore to the level's storage class);
// - the host Provider: the cluster itself (type openshift, no URL);
// - per rehosted system and wave (and source site): a Plan listing exactly the system's VMs by
//   their vCenter name, each renamed to its server id and resized through a VirtualMachineInstancetype
//   holding the plan's right-sized target (KubeVirt v1.9.0 instancetype.kubevirt.io/v1beta1, in the
//   tenant namespace, where Forklift looks first); level 4–5 VMs on the secure node pool;
// - a Migration per Plan: warm ones cut over at the wave's start (see migration-type.ts);
// - in each VM tenant namespace, NetworkPolicies letting the migration pods (virt-v2v and CDI's
//   importer) reach the source vCenter and ESXi hosts (443, and 902 for VDDK), and nothing else.
// Pure and deterministic.
import type { KubeVirt, VsphereSource } from "../config.js";
import type { Tenant, TenantVm } from "../model.js";
import type { MigrationType } from "../migration-type.js";
import { vmPodResources } from "./kubevirt-sizing.js";
import { byKindNamespaceName, compareIds, k8s, type K8sObject, LABEL_PREFIX, MANAGED_BY } from "./objects.js";
import { formatMemory, TENANT_LABELS } from "./tenancy.js";

/** API version of every Forklift object dcplan writes. */
export const FORKLIFT_API = "forklift.konveyor.io/v1beta1";

/** Name of dcplan's host Provider (the operator creates its own `host`; a second one with another name keeps the two from fighting). */
export const HOST_PROVIDER = "dcplan-host";

/** Name of the vSphere Provider of a site. */
export function vsphereProviderName(site: string): string {
  return `vsphere-${site}`;
}

/** Name of the credentials Secret of a site's vSphere Provider. */
export function vsphereSecretName(site: string): string {
  return `vsphere-credentials-${site}`;
}

/** Name of a site's NetworkMap. */
export function networkMapName(site: string): string {
  return `networkmap-${site}`;
}

/** Name of the StorageMap of a site and security level. */
export function storageMapName(site: string, level: number): string {
  return `storagemap-${site}-level-${level}`;
}

/** One Plan: a system's VMs from one site, in one wave. */
export interface MigrationPlan {
  /** Plan and Migration name: `<system>-wave-<n>`, plus `-<site>` when the system's VMs come from more than one site. */
  readonly name: string;
  readonly system: string;
  readonly owner: string;
  readonly wave: number;
  readonly securityLevel: number;
  readonly sourceSite: string;
  readonly type: MigrationType;
  /** RFC 3339 date-time of the wave's start: the warm cutover. */
  readonly cutover: string;
  readonly vms: readonly TenantVm[];
}

/** Everything the migration builder needs. */
export interface MigrationModel {
  /** Forklift's namespace. */
  readonly namespace: string;
  /** vSphere of each site some deployed plan migrates from, by site id. */
  readonly sources: Readonly<Record<string, VsphereSource>>;
  readonly storageClasses: KubeVirt["storageClasses"];
  readonly volumeMode: KubeVirt["volumeMode"];
  /** Node label and pool of security levels 4–5. */
  readonly nodePoolLabel: string;
  readonly securePool: string;
  /** Plans of the deployed VM tenants, sorted by name. */
  readonly plans: readonly MigrationPlan[];
}

/** The cutover instant of a wave starting on `date` (YYYY-MM-DD) at `time` (HH:MM) and `offset` (+07:00). */
export function cutoverAt(date: string, time: string, offset: string): string {
  return `${date}T${time}:00${offset}`;
}

/** The plans of the deployed VM tenants: one per system, wave and source site, sorted by name. */
export function migrationPlans(
  tenants: readonly Tenant[],
  types: ReadonlyMap<string, MigrationType>,
  waveStart: (wave: number) => string | undefined,
  cfg: Pick<KubeVirt, "cutoverTime" | "utcOffset">,
): MigrationPlan[] {
  const out: MigrationPlan[] = [];
  for (const t of tenants) {
    if (t.workload !== "virtual-machines" || t.vms.length === 0) continue;
    const sites = [...new Set(t.vms.map((v) => v.sourceSite))].sort(compareIds);
    const start = waveStart(t.wave);
    for (const site of sites) {
      out.push({
        name: sites.length === 1 ? `${t.id}-wave-${t.wave}` : `${t.id}-wave-${t.wave}-${site}`,
        system: t.id,
        owner: t.owner,
        wave: t.wave,
        securityLevel: t.securityLevel,
        sourceSite: site,
        type: types.get(t.id) ?? "cold",
        cutover: start === undefined ? "" : cutoverAt(start, cfg.cutoverTime, cfg.utcOffset),
        vms: t.vms.filter((v) => v.sourceSite === site),
      });
    }
  }
  return out.sort((a, b) => compareIds(a.name, b.name));
}

function ref(name: string, namespace: string): { name: string; namespace: string } {
  return { name, namespace };
}

function networkDestination(m: VsphereSource["networks"][number]): Record<string, unknown> {
  if (m.destination !== "multus") return { type: m.destination };
  const [namespace, name] = m.attachment!.split("/");
  return { name, namespace, type: "multus" };
}

/** Labels of a site's or a plan's Forklift objects. */
function labels(extra: Record<string, string>): Record<string, string> {
  return { ...MANAGED_BY, ...extra };
}

/** The VirtualMachineInstancetype carrying a VM's right-sized target (named after the server, in the tenant's namespace). */
export function instancetypeOf(system: string, vm: TenantVm): K8sObject {
  const pod = vmPodResources(vm.target);
  return k8s(
    "instancetype.kubevirt.io/v1beta1",
    "VirtualMachineInstancetype",
    { name: vm.server, namespace: system, labels: labels({ [TENANT_LABELS.system]: system }) },
    { spec: { cpu: { guest: pod.vcpus }, memory: { guest: formatMemory(pod.guestMemoryMiB) } } },
  );
}

/** NetworkPolicies letting a VM tenant's migration pods reach the vSphere of `site`. */
function migrationEgress(system: string, site: string, source: VsphereSource): K8sObject[] {
  const meta = (name: string) => ({ name, namespace: system, labels: labels({ [TENANT_LABELS.system]: system }) });
  const to = [...source.cidrs].sort(compareIds).map((cidr) => ({ ipBlock: { cidr } }));
  const ports = [
    { port: 443, protocol: "TCP" },
    { port: 902, protocol: "TCP" },
  ];
  const policy = (name: string, podSelector: Record<string, unknown>) =>
    k8s("networking.k8s.io/v1", "NetworkPolicy", meta(name), { spec: { egress: [{ ports, to }], podSelector, policyTypes: ["Egress"] } });
  return [
    // Forklift's conversion and inspection pods (label forklift.app, pkg/controller/plan/kubevirt.go).
    policy(`allow-migration-v2v-from-${site}`, { matchExpressions: [{ key: "forklift.app", operator: "In", values: ["virt-v2v", "virt-v2v-inspection"] }] }),
    // CDI's importer pods, which read the disks through VDDK.
    policy(`allow-migration-importer-from-${site}`, { matchLabels: { "cdi.kubevirt.io": "importer" } }),
  ];
}

/** Every Forklift object, the instancetypes and the migration NetworkPolicies, sorted by kind, namespace and name. Secrets come from migrationSecrets. */
export function buildMigration(model: MigrationModel): K8sObject[] {
  const ns = model.namespace;
  const out: K8sObject[] = [];
  const sites = [...new Set(model.plans.map((p) => p.sourceSite))].sort(compareIds);
  if (sites.length === 0) return out;
  out.push(k8s(FORKLIFT_API, "Provider", { name: HOST_PROVIDER, namespace: ns, labels: labels({}) }, { spec: { secret: {}, type: "openshift" } }));
  for (const site of sites) {
    const source = model.sources[site];
    const siteLabels = labels({ [`${LABEL_PREFIX}/site`]: site });
    out.push(
      k8s(FORKLIFT_API, "Provider", { name: vsphereProviderName(site), namespace: ns, labels: siteLabels }, {
        spec: {
          secret: ref(vsphereSecretName(site), ns),
          settings: { sdkEndpoint: source.sdkEndpoint, vddkInitImage: source.vddkInitImage },
          type: "vsphere",
          url: source.url,
        },
      }),
    );
    const provider = { destination: ref(HOST_PROVIDER, ns), source: ref(vsphereProviderName(site), ns) };
    out.push(
      k8s(FORKLIFT_API, "NetworkMap", { name: networkMapName(site), namespace: ns, labels: siteLabels }, {
        spec: { map: source.networks.map((m) => ({ destination: networkDestination(m), source: { name: m.source } })), provider },
      }),
    );
    const levels = [...new Set(model.plans.filter((p) => p.sourceSite === site).map((p) => p.securityLevel))].sort((a, b) => a - b);
    for (const level of levels) {
      const storageClass = model.storageClasses[String(level) as keyof KubeVirt["storageClasses"]]!;
      out.push(
        k8s(FORKLIFT_API, "StorageMap", { name: storageMapName(site, level), namespace: ns, labels: { ...siteLabels, [TENANT_LABELS.securityLevel]: String(level) } }, {
          spec: { map: source.datastores.map((d) => ({ destination: { storageClass, volumeMode: model.volumeMode }, source: { name: d } })), provider },
        }),
      );
    }
  }
  const egressDone = new Set<string>();
  for (const p of model.plans) {
    const planLabels = labels({
      [TENANT_LABELS.system]: p.system,
      [TENANT_LABELS.owner]: p.owner,
      [TENANT_LABELS.wave]: String(p.wave),
      [TENANT_LABELS.securityLevel]: String(p.securityLevel),
      [`${LABEL_PREFIX}/site`]: p.sourceSite,
    });
    out.push(
      k8s(FORKLIFT_API, "Plan", { name: p.name, namespace: ns, labels: planLabels }, {
        spec: {
          description: `Wave ${p.wave}: ${p.system} from ${p.sourceSite} (${p.type})`,
          map: { network: ref(networkMapName(p.sourceSite), ns), storage: ref(storageMapName(p.sourceSite, p.securityLevel), ns) },
          provider: { destination: ref(HOST_PROVIDER, ns), source: ref(vsphereProviderName(p.sourceSite), ns) },
          targetLabels: { [TENANT_LABELS.owner]: p.owner, [TENANT_LABELS.securityLevel]: String(p.securityLevel), [TENANT_LABELS.system]: p.system },
          targetNamespace: p.system,
          targetNodeSelector: p.securityLevel >= 4 ? { [model.nodePoolLabel]: model.securePool } : undefined,
          type: p.type,
          vms: p.vms.map((vm) => ({ instanceType: vm.server, name: vm.vmName, targetName: vm.server })),
        },
      }),
    );
    out.push(
      k8s(FORKLIFT_API, "Migration", { name: p.name, namespace: ns, labels: planLabels }, {
        spec: { cutover: p.type === "warm" && p.cutover !== "" ? p.cutover : undefined, plan: ref(p.name, ns) },
      }),
    );
    for (const vm of p.vms) out.push(instancetypeOf(p.system, vm));
    const key = `${p.system}/${p.sourceSite}`;
    if (!egressDone.has(key)) {
      egressDone.add(key);
      out.push(...migrationEgress(p.system, p.sourceSite, model.sources[p.sourceSite]));
    }
  }
  return out.sort(byKindNamespaceName);
}

/** vCenter credentials of one site, revealed. */
export interface VsphereSecretValue {
  readonly user: string;
  readonly password: string;
  readonly cacert?: string;
}

/** The credentials Secret of each vSphere Provider the model uses (keys user, password, url, cacert: what Forklift reads). */
export function migrationSecrets(model: MigrationModel, credentials: ReadonlyMap<string, VsphereSecretValue>): K8sObject[] {
  const sites = [...new Set(model.plans.map((p) => p.sourceSite))].sort(compareIds);
  return sites.map((site) => {
    const c = credentials.get(site);
    if (!c) throw new Error(`no vSphere credentials for site ${site}`); // checked in prepareStack before this runs
    return k8s(
      "v1",
      "Secret",
      { name: vsphereSecretName(site), namespace: model.namespace, labels: labels({ [`${LABEL_PREFIX}/site`]: site }) },
      { stringData: { cacert: c.cacert, password: c.password, url: model.sources[site].url, user: c.user }, type: "Opaque" },
    );
  });
}
