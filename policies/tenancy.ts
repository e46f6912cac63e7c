// Tenancy rules: what keeps one agency's system from reaching, starving or administering another's
// on the shared platform — Pod Security admission by security level, default-deny network policies
// and no allow-all rule, quotas and limit ranges, and RBAC without wildcards, cluster-admin,
// escalation verbs or cluster-wide grants to agency groups.
import { Tenancy } from "../stacks/config.js";
import { TENANT_LABELS } from "../stacks/builders/tenancy.js";
import { isNamespace, parseLevel, tenantNamespaces } from "./context.js";
import { ALL_LEVELS, arr, groupOf, isKind, type KObject, labelsOf, nameOf, obj, type ObjectRule, type SetRule, str, type Violation } from "./model.js";
import { SOURCES } from "./sources.js";
import { isEmptySelector, isVirtualMachine, isWorkload } from "./workload.js";

const PSA = "pod-security.kubernetes.io";
const RBAC = "rbac.authorization.k8s.io";
const TENANCY_DEFAULTS = Tenancy.parse({});

/** Pod Security Standard a security level enforces: `restricted` from level 3, `baseline` below. */
export function requiredPodSecurity(level: number): "restricted" | "baseline" {
  return level >= 3 ? "restricted" : "baseline";
}

export const namespacePodSecurity: ObjectRule = {
  id: "namespace-pod-security",
  family: "tenancy",
  scope: "object",
  title: "A system's namespace enforces the Pod Security Standard of its level (restricted from level 3, baseline below), warns and audits restricted, versions pinned",
  why: "Pod Security admission is what stops a privileged or root pod at the door; the level decides how strict the door is, and an unpinned version changes the rules silently on a cluster upgrade.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Namespace"],
  sources: [SOURCES.decreePrinciples, SOURCES.tcvnServerAccess(ALL_LEVELS), SOURCES.cis("5.2.1", "at least one active policy control mechanism"), SOURCES.pss("Restricted", "policy levels"), SOURCES.nsa("Kubernetes Pod security: Pod security enforcement")],
  applies: isNamespace,
  check(o, ctx) {
    const level = ctx.levelOf(nameOf(o));
    if (level === undefined) return [];
    const labels = labelsOf(o);
    const out: { message: string; path?: (string | number)[] }[] = [];
    const expected = requiredPodSecurity(level);
    const at = (key: string) => ["metadata", "labels", key];
    if (labels[`${PSA}/enforce`] !== expected) {
      out.push({
        message: `namespace of a security level ${level} system enforces Pod Security "${labels[`${PSA}/enforce`] ?? "nothing"}": level ${level} requires "${expected}" (Decree 85/2016 protection by level). Set label ${PSA}/enforce=${expected}.`,
        path: at(`${PSA}/enforce`),
      });
    }
    for (const mode of ["warn", "audit"]) {
      if (labels[`${PSA}/${mode}`] !== "restricted") out.push({ message: `Pod Security ${mode} must be "restricted" so every namespace shows what would break under the strictest profile. Set label ${PSA}/${mode}=restricted.`, path: at(`${PSA}/${mode}`) });
    }
    for (const mode of ["enforce", "warn", "audit"]) {
      const v = labels[`${PSA}/${mode}-version`];
      if (v === undefined || v === "latest") {
        out.push({ message: `Pod Security ${mode}-version is ${v ?? "unset"}: an unpinned version changes the rules silently on a cluster upgrade. Pin it, e.g. ${PSA}/${mode}-version=v1.33.`, path: at(`${PSA}/${mode}-version`) });
      }
    }
    return out;
  },
};

export const namespaceLevelMatchesInventory: ObjectRule = {
  id: "namespace-level-matches-inventory",
  family: "tenancy",
  scope: "object",
  title: "A namespace's security-level label equals the level the inventory (or plan) records for its system",
  why: "Every level-dependent rule and the admission profile read the label; a label lower than the approved level (hồ sơ đề xuất cấp độ) quietly drops the protection the level requires.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Namespace"],
  sources: [SOURCES.decreeLevels, SOURCES.decreePrinciples],
  applies: isNamespace,
  check(o, ctx) {
    const label = parseLevel(labelsOf(o)[TENANT_LABELS.securityLevel]);
    const approved = ctx.approvedLevelOf(nameOf(o));
    if (label === undefined || approved === undefined || label === approved) return [];
    return [
      {
        message: `labelled security level ${label}, but the inventory records level ${approved} for system ${ctx.systemOf(nameOf(o))}: the rules of level ${approved} apply. Set label ${TENANT_LABELS.securityLevel}="${approved}" (or correct the inventory if the approved level changed).`,
        path: ["metadata", "labels", TENANT_LABELS.securityLevel],
      },
    ];
  },
};

/** Namespace a workload-like object runs in (a Forklift Plan's target namespace). */
function runsIn(o: KObject): string | undefined {
  if (o.kind === "Plan" && groupOf(o) === "forklift.konveyor.io") return str(obj(o.spec).targetNamespace);
  return str(o.metadata?.namespace);
}

export const namespaceLevelKnown: SetRule = {
  id: "namespace-level-known",
  family: "tenancy",
  scope: "set",
  title: "The security level of every namespace that runs workloads or VMs can be told (namespace label, or the system in --inventory/--plan)",
  why: "Level-dependent rules (digests, replicas, disruption budgets, live migration, the secure pool) are skipped where the level is unknown, so an unknown level is reported instead of passing silently.",
  severity: "advisory",
  levels: ALL_LEVELS,
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "VirtualMachine", "Plan (Forklift)"],
  sources: [SOURCES.decreeLevels],
  check(objects, ctx) {
    const seen = new Set<string>();
    const out: Violation[] = [];
    objects.forEach((o, i) => {
      if (!isWorkload(o) && !isVirtualMachine(o) && !(o.kind === "Plan" && groupOf(o) === "forklift.konveyor.io")) return;
      const ns = runsIn(o);
      const key = ns ?? "";
      if (seen.has(key)) return;
      if (ns !== undefined && ctx.levelOf(ns) !== undefined) return;
      seen.add(key);
      out.push({
        object: i,
        message:
          ns === undefined
            ? "has no namespace: kubectl would put it in the current context's namespace, so its system and security level cannot be told and the level-dependent rules were not applied. Set metadata.namespace to the system's namespace."
            : `namespace ${ns} has no known security level (no Namespace labelled ${TENANT_LABELS.securityLevel} among the checked objects, no system ${ns} in the inventory or plan): the level-dependent rules were not applied to it. Pass --inventory or --plan, or check it with its Namespace.`,
        path: ns === undefined ? ["metadata"] : ["metadata", "namespace"],
      });
    });
    return out;
  },
};

/** True for a NetworkPolicy selecting every pod, with both policy types and no rule: deny all. */
function isDefaultDeny(o: KObject): boolean {
  if (!isKind(o, "networking.k8s.io", "NetworkPolicy")) return false;
  const s = obj(o.spec);
  const types = arr(s.policyTypes);
  return isEmptySelector(s.podSelector) && types.includes("Ingress") && types.includes("Egress") && arr(s.ingress).length === 0 && arr(s.egress).length === 0;
}

/** Tenant namespaces lacking an object that `has` finds in them, as violations on the Namespace. */
function tenantsWithout(objects: readonly KObject[], has: (o: KObject) => boolean, message: (ns: string) => string): Violation[] {
  const present = new Set(objects.filter(has).map((o) => o.metadata?.namespace));
  return tenantNamespaces(objects)
    .filter((t) => !present.has(t.name))
    .map((t) => ({ object: t.index, message: message(t.name) }));
}

export const tenantDefaultDeny: SetRule = {
  id: "tenant-default-deny",
  family: "tenancy",
  scope: "set",
  title: "Every tenant namespace has a NetworkPolicy denying all ingress and egress by default (podSelector {}, both policy types, no rule)",
  why: "Without it every pod accepts traffic from the whole cluster and can reach anything; the allow rules derived from the dependency graph mean something only on top of a default deny.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Namespace", "NetworkPolicy"],
  sources: [SOURCES.tcvnNetwork(ALL_LEVELS), SOURCES.cis("5.3.2", "all namespaces have NetworkPolicies defined"), SOURCES.nsa("Network separation and hardening: Network policies")],
  check: (objects) =>
    tenantsWithout(
      objects,
      isDefaultDeny,
      (ns) => `tenant namespace ${ns} has no default-deny NetworkPolicy: without one every pod accepts traffic from the whole cluster, and the dependency-derived allow rules mean nothing. Add a NetworkPolicy with podSelector {} and policyTypes [Ingress, Egress].`,
    ),
};

export const tenantResourceQuota: SetRule = {
  id: "tenant-resource-quota",
  family: "tenancy",
  scope: "set",
  title: "Every tenant namespace has a ResourceQuota",
  why: "On a shared platform one system could otherwise take every CPU, byte of memory and volume and starve the others.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Namespace", "ResourceQuota"],
  sources: [SOURCES.nsa("Network separation and hardening: Resource policies"), SOURCES.tcvnDesign(ALL_LEVELS)],
  check: (objects) =>
    tenantsWithout(
      objects,
      (o) => o.kind === "ResourceQuota" && o.apiVersion === "v1",
      (ns) => `tenant namespace ${ns} has no ResourceQuota: one system could starve every other on the shared platform. Add a ResourceQuota sized from the inventory (the SharedPlatform component does).`,
    ),
};

export const tenantLimitRange: SetRule = {
  id: "tenant-limit-range",
  family: "tenancy",
  scope: "set",
  title: "Every tenant namespace has a LimitRange (default requests and limits, a per-container maximum)",
  why: "With a quota on requests and limits, a pod that declares none is rejected unless a LimitRange gives defaults; the maximum keeps one container from taking the whole quota unnoticed.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Namespace", "LimitRange"],
  sources: [SOURCES.nsa("Network separation and hardening: Resource policies")],
  check: (objects) =>
    tenantsWithout(
      objects,
      (o) => o.kind === "LimitRange" && o.apiVersion === "v1",
      (ns) => `tenant namespace ${ns} has no LimitRange: pods without resources would be rejected by the quota, and nothing caps a single container. Add a LimitRange with default, defaultRequest and max for containers (the SharedPlatform component does).`,
    ),
};

/** What in one peer list lets everything through, or undefined. */
function allowsAll(peers: unknown, field: "from" | "to"): string | undefined {
  const list = arr(peers);
  if (list.length === 0) return `has no \`${field}\`, which means every ${field === "from" ? "source" : "destination"}`;
  for (const p of list.map(obj)) {
    const cidr = str(obj(p.ipBlock).cidr);
    if (cidr !== undefined && (cidr === "0.0.0.0/0" || cidr === "::/0") && arr(obj(p.ipBlock).except).length === 0) return `allows ipBlock ${cidr}, every address`;
    if ("namespaceSelector" in p && isEmptySelector(p.namespaceSelector) && (!("podSelector" in p) || isEmptySelector(p.podSelector))) return "allows namespaceSelector {}, every pod of every namespace";
  }
  return undefined;
}

export const networkPolicyNoAllowAll: ObjectRule = {
  id: "network-policy-no-allow-all",
  family: "tenancy",
  scope: "object",
  title: "No NetworkPolicy rule allows all ingress or all egress (a rule without peers, namespaceSelector {}, 0.0.0.0/0 or ::/0)",
  why: "One allow-all rule undoes the default deny of its namespace: the policies are additive, so the widest one wins.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["NetworkPolicy"],
  sources: [SOURCES.tcvnNetwork(ALL_LEVELS), SOURCES.nsa("Network separation and hardening: Network policies")],
  applies: (o) => isKind(o, "networking.k8s.io", "NetworkPolicy"),
  check(o) {
    const out: { message: string; path?: (string | number)[] }[] = [];
    const s = obj(o.spec);
    for (const [list, field, dir] of [["ingress", "from", "ingress"], ["egress", "to", "egress"]] as const) {
      arr(s[list]).forEach((rule, i) => {
        const why = allowsAll(obj(rule)[field], field);
        if (why) {
          out.push({
            message: `${dir} rule ${i} ${why}: it opens the namespace to the whole ${dir === "ingress" ? "cluster and network" : "network"} and undoes the default deny. Name the peers (a namespaceSelector on kubernetes.io/metadata.name, or the CIDRs of the system reached).`,
            path: ["spec", list, i],
          });
        }
      });
    }
    return out;
  },
};

const isRole = (o: KObject) => groupOf(o) === RBAC && (o.kind === "Role" || o.kind === "ClusterRole");
const isBinding = (o: KObject) => groupOf(o) === RBAC && (o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding");

export const rbacNoWildcards: ObjectRule = {
  id: "rbac-no-wildcards",
  family: "tenancy",
  scope: "object",
  title: "No Role or ClusterRole grants `*` verbs, resources or API groups",
  why: "A wildcard grants today's resources and every one added later (CRDs included), which nobody reviewed: least privilege needs the list spelled out.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Role", "ClusterRole"],
  sources: [SOURCES.tcvnServerAccess(ALL_LEVELS), SOURCES.cis("5.1.3", "minimize wildcard use in Roles and ClusterRoles"), SOURCES.nsa("Authentication and authorization: Role-based access control")],
  applies: isRole,
  check(o) {
    const out: { message: string; path?: (string | number)[] }[] = [];
    arr(o.rules).forEach((r, i) => {
      const rule = obj(r);
      const wild = (["verbs", "resources", "apiGroups"] as const).filter((k) => arr(rule[k]).includes("*"));
      if (wild.length > 0) {
        out.push({ message: `rule ${i} grants "*" in ${wild.join(", ")}: that covers every present and future ${wild.includes("resources") ? "resource" : "verb"}. List exactly the verbs and resources the workload needs (see the tenant-operator Role).`, path: ["rules", i] });
      }
    });
    return out;
  },
};

export const rbacNoEscalationVerbs: ObjectRule = {
  id: "rbac-no-escalation-verbs",
  family: "tenancy",
  scope: "object",
  title: "No Role or ClusterRole grants the bind, escalate or impersonate verbs",
  why: "These verbs let a subject grant itself, or act with, permissions it does not have: RBAC stops meaning anything for whoever holds them.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Role", "ClusterRole"],
  sources: [SOURCES.cis("5.1.8", "limit use of the Bind, Impersonate and Escalate permissions"), SOURCES.nsa("Authentication and authorization: Role-based access control")],
  applies: isRole,
  check(o) {
    const out: { message: string; path?: (string | number)[] }[] = [];
    arr(o.rules).forEach((r, i) => {
      const verbs = arr(obj(r).verbs).filter((v) => v === "bind" || v === "escalate" || v === "impersonate");
      if (verbs.length > 0) out.push({ message: `rule ${i} grants ${verbs.join(", ")}: whoever holds it can raise their own permissions. Remove these verbs; platform administrators change RBAC, agencies do not.`, path: ["rules", i, "verbs"] });
    });
    return out;
  },
};

export const rbacNoClusterAdmin: ObjectRule = {
  id: "rbac-no-cluster-admin",
  family: "tenancy",
  scope: "object",
  title: "No RoleBinding or ClusterRoleBinding grants the cluster-admin ClusterRole",
  why: "cluster-admin can do anything to any object; bound by a manifest (a chart's service account, an agency group) it bypasses tenancy entirely.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  sources: [SOURCES.cis("5.1.1", "cluster-admin role only used where required")],
  applies: isBinding,
  check(o) {
    const ref = obj(o.roleRef);
    if (ref.kind !== "ClusterRole" || ref.name !== "cluster-admin") return [];
    return [{ message: `binds cluster-admin to ${subjectsText(o)}: full control of the cluster. Bind a Role listing only what is needed (the tenant-operator Role for an agency).`, path: ["roleRef", "name"] }];
  },
};

function subjectsText(o: KObject): string {
  const names = arr(o.subjects).map((s) => `${str(obj(s).kind) ?? "?"} ${str(obj(s).name) ?? "?"}`);
  return names.length === 0 ? "no subject" : names.join(", ");
}

export const rbacAgencyNotClusterWide: ObjectRule = {
  id: "rbac-agency-not-cluster-wide",
  family: "tenancy",
  scope: "object",
  title: "No agency group is bound cluster-wide (ClusterRoleBinding) or to a ClusterRole other than view",
  why: "An agency administers its own namespaces only; a ClusterRoleBinding reaches every agency's namespaces, and built-in ClusterRoles such as admin or edit let it change NetworkPolicies and RBAC that the platform sets.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  sources: [SOURCES.tcvnServerAccess(ALL_LEVELS), SOURCES.cis("5.1.1", "cluster-admin role only used where required"), SOURCES.nsa("Authentication and authorization: Role-based access control")],
  params: {
    agencyGroupPrefix: { description: "prefix of an agency's identity-provider group", default: TENANCY_DEFAULTS.groupPrefix, schema: { type: "string", minLength: 1 } },
  },
  applies: isBinding,
  check(o, _ctx, params) {
    const prefix = String(params.agencyGroupPrefix);
    const groups = arr(o.subjects)
      .map(obj)
      .filter((s) => s.kind === "Group" && typeof s.name === "string" && s.name.startsWith(prefix))
      .map((s) => String(s.name));
    if (groups.length === 0) return [];
    const ref = obj(o.roleRef);
    if (o.kind === "ClusterRoleBinding") {
      return [{ message: `binds agency group ${groups.join(", ")} cluster-wide (ClusterRole ${str(ref.name) ?? "?"}): the grant reaches every agency's namespaces. Use a RoleBinding in the agency's own namespaces to the tenant-operator Role.`, path: ["subjects"] }];
    }
    if (ref.kind === "ClusterRole" && ref.name !== "view") {
      return [{ message: `binds agency group ${groups.join(", ")} to ClusterRole ${str(ref.name) ?? "?"}: cluster roles such as admin and edit can change the NetworkPolicies and RBAC the platform manages. Bind the tenant-operator Role instead.`, path: ["roleRef"] }];
    }
    return [];
  },
};

/** Kinds that live outside namespaces (a `default` namespace does not apply to them). */
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass", "StorageClass", "PersistentVolume", "CustomResourceDefinition", "Node", "IngressClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "RuntimeClass", "KubeVirt"]);

export const noDefaultNamespace: ObjectRule = {
  id: "no-default-namespace",
  family: "tenancy",
  scope: "object",
  title: "Nothing is deployed into the `default` namespace",
  why: "The default namespace belongs to no system: it has no level, quota, default deny or backup, and whoever can use it shares it with every other careless deployment.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["any namespaced kind"],
  sources: [SOURCES.cis("5.7.4", "the default namespace should not be used"), SOURCES.cis("5.7.1", "administrative boundaries using namespaces")],
  applies: (o) => !CLUSTER_SCOPED.has(o.kind) && o.metadata?.namespace === "default",
  check: () => [{ message: "is in namespace default, which belongs to no system (no security level, quota, default deny or backup). Put it in the namespace of the system it belongs to.", path: ["metadata", "namespace"] }],
};

/** The tenancy family, in catalogue order. */
export const TENANCY_RULES = [
  namespacePodSecurity,
  namespaceLevelMatchesInventory,
  namespaceLevelKnown,
  tenantDefaultDeny,
  tenantResourceQuota,
  tenantLimitRange,
  networkPolicyNoAllowAll,
  rbacNoWildcards,
  rbacNoEscalationVerbs,
  rbacNoClusterAdmin,
  rbacAgencyNotClusterWide,
  noDefaultNamespace,
];
