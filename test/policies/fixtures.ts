// Builders of plain Kubernetes objects for the policy tests: a compliant "world" (platform services,
// tenant namespaces of any level, hardened workloads, VMs, Forklift migrations) that passes every
// rule of the catalogue, so a test changes one property and sees exactly one rule fail.
import type { KObject } from "../../policies/model.js";

export const REGISTRY = "registry.dc.bacninh.gov.vn";
export const DIGEST = `sha256:${"ab12".repeat(16)}`;
export const AGENCY_GROUP = "dcplan:agency:so-y-te";

/** A tenant Namespace of `level`, labelled as the SharedPlatform component labels it. */
export function namespace(name: string, level: number): KObject {
  const annotations: Record<string, string> = { "dcplan.gov.vn/system-name": name };
  if (level >= 4) annotations["scheduler.alpha.kubernetes.io/node-selector"] = "dcplan.gov.vn/node-pool=secure";
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name,
      annotations,
      labels: {
        "dcplan.gov.vn/security-level": String(level),
        "dcplan.gov.vn/system": name,
        "dcplan.gov.vn/tenant": "true",
        "pod-security.kubernetes.io/enforce": level >= 3 ? "restricted" : "baseline",
        "pod-security.kubernetes.io/enforce-version": "v1.33",
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/warn-version": "v1.33",
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/audit-version": "v1.33",
      },
    },
  };
}

/** A tenant namespace with its default deny, quota and limit range. */
export function tenant(name: string, level: number): KObject[] {
  return [
    namespace(name, level),
    { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "default-deny", namespace: name }, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
    { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "tenant-quota", namespace: name }, spec: { hard: { "requests.cpu": "4", "requests.memory": "8Gi", "limits.cpu": "8", "limits.memory": "8Gi" } } },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "tenant-limits", namespace: name },
      spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "512Mi" }, defaultRequest: { cpu: "100m", memory: "256Mi" }, max: { cpu: "8", memory: "8Gi" } }] },
    },
  ];
}

/** Velero locations (primary default, offsite) and, per backup-table tier, the schedules of `tenants` (namespace → level). */
export function backup(tenants: Record<string, number>): KObject[] {
  const bsl = (name: string, isDefault: boolean): KObject => ({
    apiVersion: "velero.io/v1",
    kind: "BackupStorageLocation",
    metadata: { name, namespace: "velero" },
    spec: { provider: "aws", default: isDefault, objectStorage: { bucket: `velero-${name}` }, config: { region: "minio", s3Url: `https://s3.${name}.example.gov.vn` } },
  });
  const schedule = (name: string, cron: string, ttl: string, location: string, namespaces: string[]): KObject => ({
    apiVersion: "velero.io/v1",
    kind: "Schedule",
    metadata: { name, namespace: "velero" },
    spec: { schedule: cron, useOwnerReferencesInBackup: false, template: { includedNamespaces: namespaces, storageLocation: location, ttl } },
  });
  const at = (levels: number[]) => Object.keys(tenants).filter((n) => levels.includes(tenants[n])).sort();
  const out: KObject[] = [bsl("dc-bn", true), bsl("dc-bg", false)];
  if (at([1, 2]).length > 0) out.push(schedule("level-1-2-daily", "0 1 * * *", "336h0m0s", "dc-bn", at([1, 2])));
  if (at([3]).length > 0) out.push(schedule("level-3-daily", "30 1 * * *", "720h0m0s", "dc-bn", at([3])), schedule("level-3-offsite", "30 3 * * *", "720h0m0s", "dc-bg", at([3])));
  if (at([4, 5]).length > 0) out.push(schedule("level-4-5-6h", "15 */6 * * *", "2160h0m0s", "dc-bn", at([4, 5])), schedule("level-4-5-offsite", "45 */6 * * *", "2160h0m0s", "dc-bg", at([4, 5])));
  return out;
}

/** The Fluent Bit ConfigMap the chart renders, forwarding every container log to the SOC over syslog/TLS. */
export function fluentBit(): KObject {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "fluent-bit", namespace: "logging" },
    data: {
      "fluent-bit.conf": [
        "[SERVICE]",
        "    Daemon Off",
        "[INPUT]",
        "    Name tail",
        "    Path /var/log/containers/*.log",
        "    multiline.parser docker, cri",
        "    Tag kube.*",
        "[FILTER]",
        "    Name kubernetes",
        "    Match kube.*",
        "[OUTPUT]",
        "    Name syslog",
        "    Match kube.*",
        "    Host soc.bacninh.gov.vn",
        "    Port 6514",
        "    Mode tcp",
        "    tls On",
        "    tls.verify On",
        "",
      ].join("\n"),
    },
  };
}

/** A compliant world: the platform services plus `tenants` (namespace → level). */
export function world(tenants: Record<string, number>): KObject[] {
  return [...Object.entries(tenants).flatMap(([n, l]) => tenant(n, l)), ...backup(tenants), fluentBit()];
}

/** A hardened Deployment (2 replicas, digest-pinned image from the internal registry, probes, restricted security context, spread across nodes). */
export function deployment(name: string, ns: string): KObject {
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: labels } }],
          containers: [
            {
              name: "web",
              image: `${REGISTRY}/${ns}/${name}:1.4.2@${DIGEST}`,
              ports: [{ containerPort: 8080 }],
              env: [{ name: "LOG_LEVEL", value: "info" }],
              resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
              livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
              readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
          ],
          volumes: [{ name: "tmp", emptyDir: {} }],
        },
      },
    },
  };
}

/** A PodDisruptionBudget keeping all but one pod of `app` up. */
export function pdb(app: string, ns: string): KObject {
  return { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: app, namespace: ns }, spec: { maxUnavailable: 1, selector: { matchLabels: { app } } } };
}

/** A live-migratable KubeVirt VirtualMachine with one ReadWriteMany disk. */
export function virtualMachine(name: string, ns: string): KObject {
  return {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachine",
    metadata: { name, namespace: ns },
    spec: {
      runStrategy: "Always",
      dataVolumeTemplates: [{ metadata: { name: `${name}-root` }, spec: { storage: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "60Gi" } }, storageClassName: "ceph-rbd-encrypted" }, source: { blank: {} } } }],
      template: {
        spec: {
          evictionStrategy: "LiveMigrate",
          domain: { cpu: { cores: 2 }, memory: { guest: "4Gi" }, devices: { disks: [{ name: "root", disk: { bus: "virtio" } }] } },
          volumes: [{ name: "root", dataVolume: { name: `${name}-root` } }],
        },
      },
    },
  };
}

/** A Forklift migration into `target`: vSphere provider and its Secret, StorageMap onto `storageClass` (ReadWriteMany), Plan. */
export function forklift(target: string, storageClass: string): KObject[] {
  const ns = "openshift-mtv";
  return [
    { apiVersion: "v1", kind: "Secret", metadata: { name: "vcenter-dc-bg", namespace: ns }, type: "Opaque", stringData: { user: "svc-mtv@vsphere.local", password: "x", cacert: "-----BEGIN CERTIFICATE-----" } },
    { apiVersion: "forklift.konveyor.io/v1beta1", kind: "Provider", metadata: { name: "vcenter-dc-bg", namespace: ns }, spec: { type: "vsphere", url: "https://vcenter.dc-bg.example.gov.vn/sdk", secret: { name: "vcenter-dc-bg", namespace: ns } } },
    { apiVersion: "forklift.konveyor.io/v1beta1", kind: "Provider", metadata: { name: "host", namespace: ns }, spec: { type: "openshift", secret: { name: "host", namespace: ns } } },
    {
      apiVersion: "forklift.konveyor.io/v1beta1",
      kind: "StorageMap",
      metadata: { name: `${target}-storage`, namespace: ns },
      spec: {
        provider: { source: { name: "vcenter-dc-bg", namespace: ns }, destination: { name: "host", namespace: ns } },
        map: [{ source: { name: "datastore-bg-01" }, destination: { storageClass, accessMode: "ReadWriteMany" } }],
      },
    },
    {
      apiVersion: "forklift.konveyor.io/v1beta1",
      kind: "Plan",
      metadata: { name: `${target}-wave-2`, namespace: ns },
      spec: {
        provider: { source: { name: "vcenter-dc-bg", namespace: ns }, destination: { name: "host", namespace: ns } },
        map: { network: { name: `${target}-network`, namespace: ns }, storage: { name: `${target}-storage`, namespace: ns } },
        targetNamespace: target,
        type: "warm",
        vms: [{ id: "vm-1042", name: "csdl-y-te-db" }],
      },
    },
  ];
}

/** The tenant Role of an agency and its binding. */
export function tenantRbac(ns: string): KObject[] {
  return [
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "tenant-operator", namespace: ns }, rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] }] },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "tenant-operator-so-y-te", namespace: ns },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "tenant-operator" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: AGENCY_GROUP }],
    },
  ];
}

/** MetalLB: two disjoint pools and a peer authenticated through a Secret. */
export function metallb(): KObject[] {
  return [
    { apiVersion: "metallb.io/v1beta1", kind: "IPAddressPool", metadata: { name: "tslcd-services", namespace: "metallb-system" }, spec: { addresses: ["10.169.10.0/25", "2001:db8:90::/120"] } },
    { apiVersion: "metallb.io/v1beta1", kind: "IPAddressPool", metadata: { name: "internet-dmz", namespace: "metallb-system" }, spec: { addresses: ["198.51.100.90-198.51.100.99"] } },
    { apiVersion: "metallb.io/v1beta2", kind: "BGPPeer", metadata: { name: "pe-tslcd-bn-1", namespace: "metallb-system" }, spec: { myASN: 64512, peerASN: 65010, peerAddress: "10.169.0.1", passwordSecret: { name: "bgp-password-pe-tslcd-bn-1", namespace: "metallb-system" } } },
  ];
}

/** A deep copy. */
/** A platform Helm release as the CrossGuard pack and `dcplan check` see it (chart, version, values under spec). */
export function helmRelease(): KObject {
  return {
    apiVersion: "helm.sh/v3",
    kind: "Release",
    metadata: { name: "velero", namespace: "velero" },
    spec: {
      chart: "charts/velero-12.1.0.tgz",
      version: "12.1.0",
      namespace: "velero",
      values: {
        image: { repository: `${REGISTRY}/velero/velero`, tag: "v1.18.1" },
        initContainers: [{ name: "velero-plugin-for-aws", image: `${REGISTRY}/velero/velero-plugin-for-aws:v1.14.2` }],
      },
    },
  };
}

export const clone = <T>(v: T): T => structuredClone(v);

/** The first object of `kind` (and `name`, when given) in a set. */
export function find(objects: KObject[], kind: string, name?: string): KObject & Record<string, any> {
  const o = objects.find((x) => x.kind === kind && (name === undefined || x.metadata.name === name));
  if (!o) throw new Error(`no ${kind} ${name ?? ""} in the fixture`);
  return o as KObject & Record<string, any>;
}

/** The first container of a workload's pod template. */
export function container(o: KObject): Record<string, any> {
  return (o as any).spec.template.spec.containers[0];
}
