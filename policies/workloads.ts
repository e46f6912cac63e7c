// Workload rules: what agencies and their contractors deploy into tenant namespaces. The Pod
// Security Standards' baseline controls (no privileged containers, host namespaces, host ports,
// hostPath or added capabilities) apply at every level; its restricted controls (no privilege
// escalation, drop ALL, run as non-root, seccomp) from level 3, where the namespace enforces
// `restricted`, so they fail here before the API server rejects the pods. Then resources, images,
// probes, and from level 3 the availability of the 24/7 systems: replicas, disruption budgets,
// spreading across nodes and live-migratable VMs.
import { ALL_LEVELS, arr, groupOf, isKind, type KObject, nameOf, obj, objectsByNamespace, type ObjectRule, type Params, type PolicyContext, type SetRule, type Source, str, type Violation } from "./model.js";
import { SOURCES } from "./sources.js";
import {
  type ContainerAt,
  containerLabel,
  containersOf,
  isVirtualMachine,
  isWorkload,
  parseImage,
  podLabelsOf,
  podSpecOf,
  REPLICATED_KINDS,
  selectorMatches,
  SERVICE_KINDS,
  vmSpecOf,
} from "./workload.js";

type Found = { message: string; path?: readonly (string | number)[] };

/** Security levels whose systems run 24/7: replicated, spread, disrupted one at a time, VMs live-migratable. */
export const HA_LEVELS: readonly number[] = [3, 4, 5];
const WORKLOAD_KIND_LIST = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"];

/** A rule over every container of every workload, at every level. */
function containerRule(
  base: Omit<ObjectRule, "scope" | "applies" | "check" | "kinds" | "levels"> & { kinds?: readonly string[] },
  each: (c: ContainerAt, o: KObject, params: Params) => Found[],
  lists?: readonly string[],
): ObjectRule {
  return {
    ...base,
    scope: "object",
    levels: ALL_LEVELS,
    kinds: base.kinds ?? WORKLOAD_KIND_LIST,
    applies: isWorkload,
    check(o, _ctx, params) {
      const at = podSpecOf(o)!;
      return containersOf(at, lists).flatMap((c) => each(c, o, params));
    },
  };
}

/** A rule applying to workloads of systems at `levels` only: it needs the namespace's level, so it runs over the whole set. */
function levelRule(base: Omit<SetRule, "scope" | "check">, each: (o: KObject, level: number, objects: readonly KObject[], ctx: PolicyContext, params: Params) => Found[], applies: (o: KObject) => boolean = isWorkload): SetRule {
  return {
    ...base,
    scope: "set",
    check(objects, ctx, params) {
      const out: Violation[] = [];
      objects.forEach((o, i) => {
        if (!applies(o)) return;
        const level = ctx.levelOf(o.metadata?.namespace);
        if (level === undefined || !base.levels.includes(level)) return;
        for (const f of each(o, level, objects, ctx, params)) out.push({ object: i, message: f.message, path: f.path });
      });
      return out;
    },
  };
}

/** A level rule over every container. */
function restrictedContainerRule(base: Omit<SetRule, "scope" | "check" | "kinds" | "levels">, each: (c: ContainerAt, pod: Record<string, unknown>, level: number) => Found[]): SetRule {
  return levelRule({ ...base, levels: HA_LEVELS, kinds: WORKLOAD_KIND_LIST }, (o, level) => {
    const at = podSpecOf(o)!;
    return containersOf(at).flatMap((c) => each(c, at.spec, level));
  });
}

const sc = (c: ContainerAt) => obj(c.container.securityContext);
const scPath = (c: ContainerAt, ...rest: string[]) => [...c.path, "securityContext", ...rest];
const restricted = (control: string): Source => SOURCES.pss("Restricted", control);
const baseline = (control: string): Source => SOURCES.pss("Baseline", control);

export const noPrivilegedContainers = containerRule(
  {
    id: "no-privileged-containers",
    family: "workloads",
    title: "No container runs privileged",
    why: "A privileged container has every capability and the host's devices: escaping to the node, and from there to every tenant on it, is trivial.",
    severity: "mandatory",
    sources: [baseline("Privileged Containers"), SOURCES.cis("5.2.2", "minimize the admission of privileged containers"), SOURCES.nsa("Kubernetes Pod security: Pod security enforcement")],
  },
  (c) => (sc(c).privileged === true ? [{ message: `${containerLabel(c)} is privileged: it can take over the node and every workload on it. Remove securityContext.privileged (or set it to false).`, path: scPath(c, "privileged") }] : []),
);

export const noPrivilegeEscalation = restrictedContainerRule(
  {
    id: "no-privilege-escalation",
    family: "workloads",
    title: "From level 3, every container sets allowPrivilegeEscalation: false",
    why: "Without it a setuid binary in the image can make the process root inside the container; the restricted profile that level-3 namespaces enforce rejects such pods.",
    severity: "mandatory",
    sources: [restricted("Privilege Escalation"), SOURCES.cis("5.2.6", "minimize the admission of containers with allowPrivilegeEscalation")],
  },
  (c, _pod, level) =>
    sc(c).allowPrivilegeEscalation === false ? [] : [{ message: `${containerLabel(c)} does not set allowPrivilegeEscalation: false, which the restricted Pod Security profile of a level ${level} namespace requires (the pod would be rejected). Set securityContext.allowPrivilegeEscalation: false.`, path: scPath(c) }],
);

export const noHostNamespaces: ObjectRule = {
  id: "no-host-namespaces",
  family: "workloads",
  scope: "object",
  title: "No pod shares the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC)",
  why: "Sharing a host namespace lets the pod see and talk to the node's processes and every other pod's traffic: tenancy ends at the node.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: WORKLOAD_KIND_LIST,
  sources: [baseline("Host Namespaces"), SOURCES.cis("5.2.3", "hostPID"), SOURCES.cis("5.2.4", "hostIPC"), SOURCES.cis("5.2.5", "hostNetwork")],
  applies: isWorkload,
  check(o) {
    const at = podSpecOf(o)!;
    return (["hostNetwork", "hostPID", "hostIPC"] as const)
      .filter((k) => at.spec[k] === true)
      .map((k) => ({ message: `sets ${k}: true, sharing the node's ${k === "hostNetwork" ? "network" : k === "hostPID" ? "processes" : "IPC"} with the pod. Remove ${k}.`, path: [...at.path, k] }));
  },
};

export const noHostPorts = containerRule(
  {
    id: "no-host-ports",
    family: "workloads",
    title: "No container binds a port on the node (hostPort)",
    why: "A host port bypasses the namespace's NetworkPolicies and Services and exposes the pod on the node's address.",
    severity: "mandatory",
    sources: [baseline("Host Ports"), SOURCES.cis("5.2.13", "minimize the admission of containers which use HostPorts")],
  },
  (c) =>
    arr(c.container.ports)
      .map((p, i) => ({ p: obj(p), i }))
      .filter(({ p }) => typeof p.hostPort === "number" && p.hostPort !== 0)
      .map(({ p, i }) => ({ message: `${containerLabel(c)} binds host port ${p.hostPort}, outside every NetworkPolicy. Remove hostPort and expose it through a Service.`, path: [...c.path, "ports", i, "hostPort"] })),
);

export const noHostPath: ObjectRule = {
  id: "no-host-path",
  family: "workloads",
  scope: "object",
  title: "No pod mounts a hostPath volume",
  why: "A hostPath volume reads or writes the node's own files (container runtime socket, kubelet credentials, other pods' data).",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: WORKLOAD_KIND_LIST,
  sources: [baseline("HostPath Volumes"), SOURCES.cis("5.2.12", "minimize the admission of HostPath volumes")],
  applies: isWorkload,
  check(o) {
    const at = podSpecOf(o)!;
    return arr(at.spec.volumes)
      .map((v, i) => ({ v: obj(v), i }))
      .filter(({ v }) => v.hostPath !== undefined)
      .map(({ v, i }) => ({ message: `volume ${str(v.name) ?? i} mounts host path ${str(obj(v.hostPath).path) ?? "?"} from the node. Use a PersistentVolumeClaim, a ConfigMap/Secret, or emptyDir.`, path: [...at.path, "volumes", i, "hostPath"] }));
  },
};

export const noAddedCapabilities = containerRule(
  {
    id: "no-added-capabilities",
    family: "workloads",
    title: "No container adds Linux capabilities (NET_BIND_SERVICE excepted)",
    why: "Capabilities such as SYS_ADMIN, NET_ADMIN or NET_RAW give a container powers over the node's kernel and network; applications do not need them.",
    severity: "mandatory",
    sources: [baseline("Capabilities"), SOURCES.cis("5.2.9", "minimize the admission of containers with added capabilities"), SOURCES.cis("5.2.8", "NET_RAW capability")],
  },
  (c) => {
    const added = arr(obj(sc(c).capabilities).add).map(String).filter((x) => x !== "NET_BIND_SERVICE");
    return added.length === 0 ? [] : [{ message: `${containerLabel(c)} adds capabilities ${added.join(", ")}. Remove securityContext.capabilities.add (only NET_BIND_SERVICE is allowed, to bind ports below 1024).`, path: scPath(c, "capabilities", "add") }];
  },
);

export const capabilitiesDropAll = restrictedContainerRule(
  {
    id: "capabilities-drop-all",
    family: "workloads",
    title: "From level 3, every container drops ALL capabilities",
    why: "The restricted profile enforced from level 3 requires dropping every capability the runtime grants by default (the pod is rejected otherwise).",
    severity: "mandatory",
    sources: [restricted("Capabilities"), SOURCES.cis("5.2.10", "minimize the admission of containers with capabilities assigned")],
  },
  (c, _pod, level) =>
    arr(obj(sc(c).capabilities).drop).includes("ALL") ? [] : [{ message: `${containerLabel(c)} does not drop ALL capabilities, which the restricted profile of a level ${level} namespace requires. Set securityContext.capabilities.drop: [ALL].`, path: scPath(c, "capabilities") }],
);

export const runAsNonRoot = restrictedContainerRule(
  {
    id: "run-as-non-root",
    family: "workloads",
    title: "From level 3, every container runs as non-root (runAsNonRoot: true on the pod or container, never runAsUser: 0)",
    why: "Root in a container is root on the node once any escape works; the restricted profile enforced from level 3 rejects pods that may run as root.",
    severity: "mandatory",
    sources: [restricted("Running as Non-root"), restricted("Running as Non-root user"), SOURCES.cis("5.2.7", "minimize the admission of root containers"), SOURCES.nsa("Kubernetes Pod security: Non-root containers and \"rootless\" container engines")],
  },
  (c, pod, level) => {
    const psc = obj(pod.securityContext);
    const nonRoot = sc(c).runAsNonRoot ?? psc.runAsNonRoot;
    const user = sc(c).runAsUser ?? psc.runAsUser;
    const out: Found[] = [];
    if (nonRoot !== true) out.push({ message: `${containerLabel(c)} may run as root: neither it nor the pod sets runAsNonRoot: true, which a level ${level} namespace requires. Set securityContext.runAsNonRoot: true and build the image with a non-root USER.`, path: scPath(c) });
    if (user === 0) out.push({ message: `${containerLabel(c)} runs as user 0 (root). Set runAsUser to a non-zero UID.`, path: sc(c).runAsUser === 0 ? scPath(c, "runAsUser") : undefined });
    return out;
  },
);

export const seccompRuntimeDefault = restrictedContainerRule(
  {
    id: "seccomp-runtime-default",
    family: "workloads",
    title: "From level 3, every container runs with the RuntimeDefault (or a Localhost) seccomp profile",
    why: "Seccomp cuts the kernel system calls a container can make, the usual path of a container escape; the restricted profile requires it.",
    severity: "mandatory",
    sources: [restricted("Seccomp"), SOURCES.cis("5.7.2", "seccomp profile set to RuntimeDefault in pod definitions"), SOURCES.nsa("Kubernetes Pod security: Hardening container environments")],
  },
  (c, pod, level) => {
    const type = str(obj(sc(c).seccompProfile).type) ?? str(obj(obj(pod.securityContext).seccompProfile).type);
    return type === "RuntimeDefault" || type === "Localhost" ? [] : [{ message: `${containerLabel(c)} runs with seccomp profile ${type ?? "unset (Unconfined)"}, which a level ${level} namespace rejects. Set securityContext.seccompProfile.type: RuntimeDefault on the pod.`, path: scPath(c) }];
  },
);

export const readOnlyRootFilesystem = containerRule(
  {
    id: "read-only-root-filesystem",
    family: "workloads",
    title: "Every container mounts its root filesystem read-only",
    why: "An immutable container cannot be altered by an attacker who got in (no dropped tools, no modified binaries); writable paths become explicit volumes.",
    severity: "advisory",
    sources: [SOURCES.nsa("Kubernetes Pod security: Immutable container file systems")],
  },
  (c) => (sc(c).readOnlyRootFilesystem === true ? [] : [{ message: `${containerLabel(c)} has a writable root filesystem. Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the application writes (e.g. /tmp).`, path: scPath(c) }]),
  ["initContainers", "containers"],
);

/** Names of ServiceAccounts some binding of the set grants permissions to, as `namespace/name`. */
function boundServiceAccounts(objects: readonly KObject[]): Set<string> {
  const out = new Set<string>();
  for (const o of objects) {
    if (groupOf(o) !== "rbac.authorization.k8s.io" || (o.kind !== "RoleBinding" && o.kind !== "ClusterRoleBinding")) continue;
    for (const s of arr(o.subjects).map(obj)) {
      if (s.kind === "ServiceAccount") out.add(`${str(s.namespace) ?? o.metadata?.namespace ?? ""}/${str(s.name) ?? ""}`);
    }
  }
  return out;
}

export const serviceAccountTokenNotAutomounted: SetRule = {
  id: "service-account-token-not-automounted",
  family: "workloads",
  scope: "set",
  title: "Pods do not mount a service account token unless they use the Kubernetes API (their ServiceAccount is bound to a role)",
  why: "A mounted token is a credential to the API server waiting in every compromised container; most applications never call the API.",
  severity: "advisory",
  levels: ALL_LEVELS,
  kinds: [...WORKLOAD_KIND_LIST, "ServiceAccount", "RoleBinding"],
  sources: [SOURCES.cis("5.1.6", "service account tokens only mounted where necessary"), SOURCES.cis("5.1.5", "default service accounts not actively used"), SOURCES.nsa("Kubernetes Pod security: Protecting Pod service account tokens")],
  check(objects) {
    const bound = boundServiceAccounts(objects);
    const accounts = new Map(objects.filter((o) => o.kind === "ServiceAccount" && o.apiVersion === "v1").map((o) => [`${o.metadata?.namespace ?? ""}/${nameOf(o)}`, o]));
    const out: Violation[] = [];
    objects.forEach((o, i) => {
      const at = podSpecOf(o);
      if (!at) return;
      const auto = at.spec.automountServiceAccountToken;
      if (auto === false) return;
      const account = str(at.spec.serviceAccountName) ?? str(at.spec.serviceAccount) ?? "default";
      const key = `${o.metadata?.namespace ?? ""}/${account}`;
      if (bound.has(key)) return; // it uses the API: the token is needed
      if (auto === undefined && obj(accounts.get(key)).automountServiceAccountToken === false) return;
      out.push({ object: i, message: `mounts the token of service account ${account}, which no RoleBinding in these objects grants anything: a stolen token for nothing. Set automountServiceAccountToken: false in the pod template (or on the ServiceAccount).`, path: [...at.path] });
    });
    return out;
  },
};

export const resourcesRequestsLimits = containerRule(
  {
    id: "resources-requests-limits",
    family: "workloads",
    title: "Every container declares CPU and memory requests and limits",
    why: "The scheduler places pods by their requests and the quota counts them; without limits one container can exhaust its node. The LimitRange defaults are a safety net, not a sizing.",
    severity: "advisory",
    sources: [SOURCES.nsa("Network separation and hardening: Resource policies")],
  },
  (c) => {
    const r = obj(c.container.resources);
    const missing = [
      ...["cpu", "memory"].filter((k) => obj(r.requests)[k] === undefined).map((k) => `requests.${k}`),
      ...["cpu", "memory"].filter((k) => obj(r.limits)[k] === undefined).map((k) => `limits.${k}`),
    ];
    return missing.length === 0 ? [] : [{ message: `${containerLabel(c)} does not set resources ${missing.join(", ")}. Size them from measured use (the namespace quota is in the ResourceQuota tenant-quota).`, path: [...c.path, "resources"] }];
  },
  ["initContainers", "containers"],
);

const imagePath = (c: ContainerAt) => [...c.path, "image"];

export const imageTagPinned = containerRule(
  {
    id: "image-tag-pinned",
    family: "workloads",
    title: "Every image names a version: no `latest` tag, no missing tag",
    why: "`latest` (also what an untagged image means) changes under a running system: a restart silently deploys untested code, and a rollback has nothing to return to.",
    severity: "mandatory",
    sources: [SOURCES.nsa("Kubernetes Pod security: Building secure container images"), SOURCES.tcvnApplication(ALL_LEVELS)],
  },
  (c) => {
    const image = str(c.container.image);
    if (image === undefined) return [{ message: `${containerLabel(c)} names no image.`, path: c.path }];
    const ref = parseImage(image);
    if (ref.digest) return [];
    if (ref.tag === undefined || ref.tag === "latest") return [{ message: `${containerLabel(c)} uses image ${image}${ref.tag === undefined ? " (no tag: latest)" : ""}, which changes under the running system. Pin a released version tag (and its digest from level 3).`, path: imagePath(c) }];
    return [];
  },
);

export const imageDigestPinned = restrictedContainerRule(
  {
    id: "image-digest-pinned",
    family: "workloads",
    title: "From level 3, every image is pinned by digest (`@sha256:…`)",
    why: "A tag can be moved to other content in the registry; only a digest proves that what runs is what was reviewed and scanned.",
    severity: "mandatory",
    sources: [SOURCES.cis("5.5.1", "image provenance"), SOURCES.nsa("Kubernetes Pod security: Building secure container images"), SOURCES.tcvnApplication(HA_LEVELS)],
  },
  (c, _pod, level) => {
    const image = str(c.container.image) ?? "";
    return /@sha256:[0-9a-f]{64}$/.test(image) ? [] : [{ message: `${containerLabel(c)} uses image ${image || "(none)"} without a digest; level ${level} systems run only digest-pinned images. Append @sha256:<digest> of the reviewed image (e.g. from \`crane digest\` or the registry).`, path: imagePath(c) }];
  },
);

export const imageRegistryAllowed = containerRule(
  {
    id: "image-registry-allowed",
    family: "workloads",
    title: "Every image comes from an allowed registry (the province's internal registry by default)",
    why: "Images pulled from public registries bypass the scanning and mirroring of the internal registry, and fail outright on an air-gapped platform.",
    severity: "mandatory",
    sources: [SOURCES.cis("5.5.1", "image provenance"), SOURCES.nsa("Kubernetes Pod security: Building secure container images")],
    params: {
      registries: {
        description: "registries (host, or host/path prefix) images may come from",
        default: ["registry.dc.bacninh.gov.vn"],
        schema: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
      },
    },
  },
  (c, _o, params) => {
    const image = str(c.container.image);
    if (image === undefined) return [];
    const ref = parseImage(image);
    const full = `${ref.registry}/${ref.repository}`;
    const allowed = (params.registries as string[]).some((r) => ref.registry === r || full.startsWith(`${r.replace(/\/+$/, "")}/`));
    return allowed ? [] : [{ message: `${containerLabel(c)} pulls ${image} from ${ref.registry}, which is not an allowed registry (${(params.registries as string[]).join(", ")}). Mirror the image into the internal registry and reference it there.`, path: imagePath(c) }];
  },
);

export const probesConfigured: ObjectRule = {
  id: "probes-configured",
  family: "workloads",
  scope: "object",
  title: "Every container of a long-running workload has a liveness and a readiness probe",
  why: "Without a readiness probe traffic reaches a pod before it can serve and during a rollout; without a liveness probe a hung process is never restarted, and a 24/7 service stays down.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: SERVICE_KINDS,
  sources: [SOURCES.tcvnDesign(ALL_LEVELS), SOURCES.decreeLevel3],
  applies: (o) => isWorkload(o) && SERVICE_KINDS.includes(o.kind),
  check(o) {
    return containersOf(podSpecOf(o)!, ["containers"]).flatMap((c) => {
      const missing = ["livenessProbe", "readinessProbe"].filter((p) => c.container[p] === undefined);
      return missing.length === 0 ? [] : [{ message: `${containerLabel(c)} has no ${missing.join(" and no ")}. Add them (an HTTP GET on a health endpoint, or a TCP check of the serving port).`, path: c.path }];
    });
  },
};

/** Replicas a Deployment/StatefulSet keeps at least: spec.replicas (default 1), or an HPA's minReplicas. */
function minReplicas(o: KObject, objects: readonly KObject[]): number {
  const own = typeof obj(o.spec).replicas === "number" ? (obj(o.spec).replicas as number) : 1;
  let hpa = 0;
  for (const h of objectsByNamespace(objects).get(o.metadata?.namespace ?? "") ?? []) {
    if (h.kind !== "HorizontalPodAutoscaler" || groupOf(h) !== "autoscaling") continue;
    const ref = obj(obj(h.spec).scaleTargetRef);
    if (ref.kind === o.kind && ref.name === nameOf(o)) hpa = Math.max(hpa, typeof obj(h.spec).minReplicas === "number" ? (obj(h.spec).minReplicas as number) : 1);
  }
  return hpa > 0 ? hpa : own;
}

const isReplicated = (o: KObject) => isWorkload(o) && REPLICATED_KINDS.includes(o.kind);

export const replicasHighAvailability = levelRule(
  {
    id: "replicas-high-availability",
    family: "workloads",
    title: "From level 3, Deployments and StatefulSets keep at least 2 replicas (spec.replicas or an autoscaler's minReplicas)",
    why: "Level-3 systems serve citizens around the clock (the one-stop-shop systems run 24/7): one replica means every node drain, crash or rollout is an outage.",
    severity: "mandatory",
    levels: HA_LEVELS,
    kinds: ["Deployment", "StatefulSet", "HorizontalPodAutoscaler"],
    sources: [SOURCES.decreeLevel3, SOURCES.tcvnDesign(HA_LEVELS)],
  },
  (o, level, objects) => {
    const n = minReplicas(o, objects);
    return n >= 2 ? [] : [{ message: `runs ${n} replica for a security level ${level} system: a single node drain or crash takes the service down. Set spec.replicas to at least 2 (or an autoscaler's minReplicas).`, path: ["spec", "replicas"] }];
  },
  isReplicated,
);

/** An int or `N%` budget value, as a fraction of `replicas` pods. */
function budgetPods(v: unknown, replicas: number): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d+%$/.test(v)) return (Number(v.slice(0, -1)) / 100) * replicas;
  return undefined;
}

export const podDisruptionBudget = levelRule(
  {
    id: "pod-disruption-budget",
    family: "workloads",
    title: "From level 3, every Deployment and StatefulSet is covered by a PodDisruptionBudget that keeps a pod up but still lets a node drain",
    why: "A drain for patching evicts every pod of a node at once; a budget keeps the 24/7 service answering, and one that allows no eviction at all blocks maintenance instead.",
    severity: "mandatory",
    levels: HA_LEVELS,
    kinds: ["Deployment", "StatefulSet", "PodDisruptionBudget"],
    sources: [SOURCES.decreeLevel3, SOURCES.tcvnDesign(HA_LEVELS)],
  },
  (o, level, objects) => {
    const labels = podLabelsOf(o);
    const pdbs = (objectsByNamespace(objects).get(o.metadata?.namespace ?? "") ?? []).filter((p) => isKind(p, "policy", "PodDisruptionBudget") && selectorMatches(obj(p.spec).selector, labels));
    if (pdbs.length === 0) return [{ message: `no PodDisruptionBudget selects its pods (labels ${JSON.stringify(labels)}), so a node drain may stop every replica of a security level ${level} system at once. Add a PodDisruptionBudget with maxUnavailable: 1 selecting them.` }];
    const replicas = minReplicas(o, objects);
    const problems: Found[] = [];
    for (const p of pdbs) {
      const s = obj(p.spec);
      const minA = budgetPods(s.minAvailable, replicas);
      const maxU = budgetPods(s.maxUnavailable, replicas);
      if (minA !== undefined) {
        if (minA <= 0) problems.push({ message: `PodDisruptionBudget ${nameOf(p)} has minAvailable ${String(s.minAvailable)}: it protects nothing. Set maxUnavailable: 1.` });
        else if (minA >= replicas) problems.push({ message: `PodDisruptionBudget ${nameOf(p)} requires ${String(s.minAvailable)} of ${replicas} replicas available: no pod can ever be evicted, so node drains block. Set maxUnavailable: 1 (and at least 2 replicas).` });
      } else if (maxU !== undefined) {
        if (maxU <= 0) problems.push({ message: `PodDisruptionBudget ${nameOf(p)} has maxUnavailable ${String(s.maxUnavailable)}: no pod can ever be evicted, so node drains block. Set maxUnavailable: 1.` });
        else if (maxU >= replicas) problems.push({ message: `PodDisruptionBudget ${nameOf(p)} allows ${String(s.maxUnavailable)} of ${replicas} replicas down at once: it protects nothing. Set maxUnavailable: 1.` });
      }
    }
    return problems.length < pdbs.length ? [] : problems;
  },
  isReplicated,
);

const HOSTNAME = "kubernetes.io/hostname";

export const spreadAcrossNodes = levelRule(
  {
    id: "spread-across-nodes",
    family: "workloads",
    title: "From level 3, a Deployment's or StatefulSet's replicas are spread across nodes (topologySpreadConstraints or pod anti-affinity on kubernetes.io/hostname)",
    why: "Two replicas on one node fail together with it; spreading is what turns replicas into availability.",
    severity: "mandatory",
    levels: HA_LEVELS,
    kinds: ["Deployment", "StatefulSet"],
    sources: [SOURCES.decreeLevel3, SOURCES.tcvnDesign(HA_LEVELS)],
  },
  (o, level) => {
    const at = podSpecOf(o)!;
    const labels = podLabelsOf(o);
    const spread = arr(at.spec.topologySpreadConstraints).map(obj).some((t) => t.topologyKey === HOSTNAME && selectorMatches(t.labelSelector, labels));
    const anti = obj(obj(at.spec.affinity).podAntiAffinity);
    const terms = [...arr(anti.requiredDuringSchedulingIgnoredDuringExecution).map(obj), ...arr(anti.preferredDuringSchedulingIgnoredDuringExecution).map((w) => obj(obj(w).podAffinityTerm))];
    const apart = terms.some((t) => t.topologyKey === HOSTNAME && selectorMatches(t.labelSelector, labels));
    return spread || apart ? [] : [{ message: `does not spread its replicas across nodes, so they may all land on one node and fail with it (security level ${level}). Add a topologySpreadConstraint with topologyKey ${HOSTNAME} and a labelSelector matching its pods.`, path: at.path }];
  },
  isReplicated,
);

/** True when the access modes of a DataVolume template, PVC or StorageMap entry include ReadWriteMany. */
function readWriteMany(modes: unknown): boolean {
  return arr(modes).includes("ReadWriteMany");
}

/** Cluster-wide KubeVirt eviction strategy from a KubeVirt CR among the objects. */
function clusterEvictionStrategy(objects: readonly KObject[]): string | undefined {
  for (const o of objects) if (isKind(o, "kubevirt.io", "KubeVirt")) return str(obj(obj(o.spec).configuration).evictionStrategy);
  return undefined;
}

const isForkliftPlan = (o: KObject) => isKind(o, "forklift.konveyor.io", "Plan");

/** The StorageMap a Forklift Plan references, when it is among the objects. */
export function storageMapOf(plan: KObject, objects: readonly KObject[]): KObject | undefined {
  const ref = obj(obj(obj(plan.spec).map).storage);
  const ns = str(ref.namespace) ?? plan.metadata?.namespace;
  return (objectsByNamespace(objects).get(ns ?? "") ?? []).find((o) => isKind(o, "forklift.konveyor.io", "StorageMap") && nameOf(o) === ref.name);
}

export const kubevirtLiveMigratable: SetRule = {
  id: "kubevirt-live-migratable",
  family: "workloads",
  scope: "set",
  title: "From level 3, VMs can live-migrate: VirtualMachines evict by LiveMigrate with ReadWriteMany disks, and Forklift Plans map their storage ReadWriteMany",
  why: "A VM cannot be replicated like a pod; live migration is how a 24/7 VM survives node maintenance. It needs the LiveMigrate eviction strategy and disks every node can attach (ReadWriteMany).",
  severity: "mandatory",
  levels: HA_LEVELS,
  kinds: ["VirtualMachine", "KubeVirt", "Plan (Forklift)", "StorageMap"],
  sources: [SOURCES.kubevirt, SOURCES.forklift, SOURCES.decreeLevel3, SOURCES.tcvnDesign(HA_LEVELS)],
  check(objects, ctx) {
    const out: Violation[] = [];
    const cluster = clusterEvictionStrategy(objects);
    objects.forEach((o, i) => {
      if (isVirtualMachine(o)) {
        const level = ctx.levelOf(o.metadata?.namespace);
        if (level === undefined || level < 3) return;
        const at = vmSpecOf(o);
        const own = str(at.spec.evictionStrategy);
        const strategy = own ?? cluster;
        if (strategy !== "LiveMigrate") {
          out.push({ object: i, message: `evicts by ${strategy ?? "the cluster default (none set among these objects)"}: a node drain would ${strategy === "LiveMigrateIfPossible" ? "shut it down whenever migration is not possible" : "shut the VM down"} (security level ${level}). Set spec.template.spec.evictionStrategy: LiveMigrate.`, path: [...at.path, ...(own ? ["evictionStrategy"] : [])] });
        }
        arr(obj(o.spec).dataVolumeTemplates).forEach((d, j) => {
          const spec = obj(obj(d).spec);
          const modes = obj(spec.pvc).accessModes ?? obj(spec.storage).accessModes;
          if (!readWriteMany(modes)) out.push({ object: i, message: `disk ${str(obj(obj(d).metadata).name) ?? j} is ${arr(modes).join(", ") || "of the storage profile's default access mode"}: live migration needs ReadWriteMany. Set accessModes: [ReadWriteMany] on a storage class that supports it.`, path: ["spec", "dataVolumeTemplates", j, "spec"] });
        });
        return;
      }
      if (isForkliftPlan(o)) {
        const target = str(obj(o.spec).targetNamespace);
        const level = ctx.levelOf(target);
        if (level === undefined || level < 3) return;
        const map = storageMapOf(o, objects);
        if (!map) return; // forklift-storage-class-allowed reports a missing StorageMap
        const entries = arr(obj(map.spec).map).map((m) => obj(obj(m).destination));
        const shared = entries.filter((d) => readWriteMany([d.accessMode])).length;
        if (shared < entries.length) {
          const modes = [...new Set(entries.filter((d) => !readWriteMany([d.accessMode])).map((d) => str(d.accessMode) ?? "unset"))];
          out.push({
            object: i,
            message: `migrates VMs of a security level ${level} system into ${target}, but StorageMap ${nameOf(map)} gives ${entries.length - shared} of its ${entries.length} datastores access mode ${modes.join(", ")}${modes.includes("unset") ? " (the storage profile's default)" : ""}: the migrated VMs could not live-migrate. Set destination.accessMode: ReadWriteMany (with volumeMode: Block on Ceph RBD) in the StorageMap.`,
            path: ["spec", "map", "storage"],
          });
        }
      }
    });
    return out;
  },
};

export const secretsAsFiles = containerRule(
  {
    id: "secrets-as-files",
    family: "workloads",
    title: "Secrets reach containers as mounted files, not environment variables",
    why: "Environment variables leak into crash dumps, logs and child processes; a mounted Secret is read only when needed and can be rotated in place.",
    severity: "advisory",
    sources: [SOURCES.cis("5.4.1", "prefer using Secrets as files over Secrets as environment variables"), SOURCES.nsa("Network separation and hardening: Secrets")],
  },
  (c) => {
    const out: Found[] = [];
    arr(c.container.env).forEach((e, i) => {
      const ref = obj(obj(obj(e).valueFrom).secretKeyRef);
      if (ref.name !== undefined) out.push({ message: `${containerLabel(c)} reads Secret ${String(ref.name)} into environment variable ${str(obj(e).name) ?? i}. Mount the Secret as a volume and read the file.`, path: [...c.path, "env", i] });
    });
    arr(c.container.envFrom).forEach((e, i) => {
      const ref = obj(obj(e).secretRef);
      if (ref.name !== undefined) out.push({ message: `${containerLabel(c)} loads all of Secret ${String(ref.name)} into its environment. Mount the Secret as a volume and read the files.`, path: [...c.path, "envFrom", i] });
    });
    return out;
  },
);

/** The workloads family, in catalogue order. */
export const WORKLOAD_RULES = [
  noPrivilegedContainers,
  noHostNamespaces,
  noHostPorts,
  noHostPath,
  noAddedCapabilities,
  noPrivilegeEscalation,
  capabilitiesDropAll,
  runAsNonRoot,
  seccompRuntimeDefault,
  readOnlyRootFilesystem,
  serviceAccountTokenNotAutomounted,
  resourcesRequestsLimits,
  secretsAsFiles,
  imageTagPinned,
  imageDigestPinned,
  imageRegistryAllowed,
  probesConfigured,
  replicasHighAvailability,
  podDisruptionBudget,
  spreadAcrossNodes,
  kubevirtLiveMigratable,
];
