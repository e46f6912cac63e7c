// Every rule of the catalogue, through both deploy paths: the CrossGuard policies (called as
// Pulumi's policy runner calls them, with hand-built resources) and `dcplan check --manifests` (the
// real command on a temporary YAML file). Per rule, one passing fixture — a compliant world in
// which no rule at all fires — and a failing one that changes one property, which must make that
// rule (and only that rule, unless the fixture says why another follows) fire. Both paths must
// report the same findings, word for word, on every fixture.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { indexInventory } from "../../inventory/model.js";
import { run } from "../../planner/cli/main.js";
import { CATALOGUE } from "../../policies/catalogue.js";
import { systemRecords } from "../../policies/check.js";
import { allPolicies, typeToken } from "../../policies/crossguard.js";
import type { KObject } from "../../policies/model.js";
import { captureIo, makeInventory, makeSystem, tempDir, writeInventory } from "../fixtures.js";
import { backup, clone, container, deployment, DIGEST, find, fluentBit, forklift, helmRelease, metallb, namespace, pdb, REGISTRY, tenant, tenantRbac, virtualMachine, world } from "./fixtures.js";

/** One rule's fixtures. */
interface RuleFixture {
  readonly rule: string;
  /** What the fixture is about, when a rule has several. */
  readonly name?: string;
  /** A compliant set of objects. */
  readonly pass: () => KObject[];
  /** Changes one property of the compliant set so the rule fails. */
  readonly fail: (objects: KObject[]) => void;
  /** Other rules the change necessarily trips too (with the reason in a comment). */
  readonly also?: readonly string[];
  /** Systems the inventory records (id → level), given to both paths. */
  readonly inventory?: Readonly<Record<string, number>>;
}

const L3 = { portal: 3 };
const app = (level = 3) => [...world({ portal: level }), deployment("web", "portal"), pdb("web", "portal")];
const mutate = (kind: string, f: (o: KObject & Record<string, any>) => void, name?: string) => (objects: KObject[]) => f(find(objects, kind, name));
const web = (f: (c: Record<string, any>, d: Record<string, any>) => void) => mutate("Deployment", (d) => f(container(d), d));

const FIXTURES: RuleFixture[] = [
  // tenancy
  { rule: "namespace-pod-security", pass: () => world(L3), fail: mutate("Namespace", (n) => (n.metadata.labels!["pod-security.kubernetes.io/enforce"] = "baseline")) },
  { rule: "namespace-level-matches-inventory", pass: () => world(L3), inventory: { portal: 3 }, fail: mutate("Namespace", (n) => (n.metadata.labels!["dcplan.gov.vn/security-level"] = "2")) },
  { rule: "namespace-level-known", pass: app, fail: mutate("Deployment", (d) => (d.metadata.namespace = "cong-thau")) },
  { rule: "tenant-default-deny", pass: () => world(L3), fail: mutate("NetworkPolicy", (p) => (p.spec.policyTypes = ["Ingress"])) },
  { rule: "tenant-resource-quota", pass: () => world(L3), fail: mutate("ResourceQuota", (q) => (q.metadata.namespace = "other")) },
  { rule: "tenant-limit-range", pass: () => world(L3), fail: mutate("LimitRange", (q) => (q.metadata.namespace = "other")) },
  {
    rule: "network-policy-no-allow-all",
    pass: () => [
      ...world(L3),
      { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "allow-ingress-from-cong-dvc", namespace: "portal" }, spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "cong-dvc" } } }], ports: [{ port: 8080, protocol: "TCP" }] }] } },
    ],
    fail: mutate("NetworkPolicy", (p) => (p.spec.ingress[0].from = [{ namespaceSelector: {} }]), "allow-ingress-from-cong-dvc"),
  },
  { rule: "rbac-no-wildcards", pass: () => [...world(L3), ...tenantRbac("portal")], fail: mutate("Role", (r) => (r.rules[0].verbs = ["*"])) },
  { rule: "rbac-no-escalation-verbs", pass: () => [...world(L3), ...tenantRbac("portal")], fail: mutate("Role", (r) => (r.rules[0].verbs = ["get", "escalate"])) },
  {
    rule: "rbac-no-cluster-admin",
    pass: () => [...world(L3), ...tenantRbac("portal").map((o) => (o.kind === "RoleBinding" ? { ...o, subjects: [{ kind: "ServiceAccount", name: "deployer", namespace: "portal" }] } : o))],
    fail: mutate("RoleBinding", (b) => (b.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" })),
  },
  { rule: "rbac-agency-not-cluster-wide", pass: () => [...world(L3), ...tenantRbac("portal")], fail: mutate("RoleBinding", (b) => (b.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" })) },
  { rule: "no-default-namespace", pass: () => [...world(L3), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: "portal" }, data: { a: "1" } }], fail: mutate("ConfigMap", (c) => (c.metadata.namespace = "default"), "settings") },
  // protection by level
  { rule: "tenant-backed-up", pass: () => world(L3), fail: mutate("Schedule", (s) => (s.spec.template.ttl = "336h0m0s"), "level-3-daily") },
  {
    rule: "backup-interval-meets-rpo",
    pass: () => world(L3).map((o) => (o.kind === "Namespace" ? { ...o, metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, "dcplan.gov.vn/rpo-hours": "24" } } } : o)),
    fail: mutate("Namespace", (n) => (n.metadata.annotations!["dcplan.gov.vn/rpo-hours"] = "4")),
  },
  { rule: "backup-offsite-copy", pass: () => world(L3), fail: mutate("Schedule", (s) => (s.spec.template.includedNamespaces = ["other"]), "level-3-offsite") },
  { rule: "logs-to-soc", pass: () => world(L3), fail: mutate("ConfigMap", (c) => (c.data["fluent-bit.conf"] = c.data["fluent-bit.conf"].replace("tls On", "tls Off")), "fluent-bit") },
  { rule: "secure-node-pool", pass: () => world({ "csdl-y-te": 4 }), fail: mutate("Namespace", (n) => (n.metadata.annotations!["scheduler.alpha.kubernetes.io/node-selector"] = "dcplan.gov.vn/node-pool=general")) },
  // workloads
  { rule: "no-privileged-containers", pass: app, fail: web((c) => (c.securityContext.privileged = true)) },
  { rule: "no-host-namespaces", pass: app, fail: web((_c, d) => (d.spec.template.spec.hostNetwork = true)) },
  { rule: "no-host-ports", pass: app, fail: web((c) => (c.ports[0].hostPort = 8080)) },
  { rule: "no-host-path", pass: app, fail: web((_c, d) => (d.spec.template.spec.volumes[0] = { name: "tmp", hostPath: { path: "/var/run" } })) },
  { rule: "no-added-capabilities", pass: app, fail: web((c) => (c.securityContext.capabilities.add = ["NET_ADMIN"])) },
  { rule: "no-privilege-escalation", pass: app, fail: web((c) => (c.securityContext.allowPrivilegeEscalation = true)) },
  { rule: "capabilities-drop-all", pass: app, fail: web((c) => (c.securityContext.capabilities.drop = ["NET_RAW"])) },
  { rule: "run-as-non-root", pass: app, fail: web((_c, d) => (d.spec.template.spec.securityContext.runAsNonRoot = false)) },
  { rule: "seccomp-runtime-default", pass: app, fail: web((_c, d) => (d.spec.template.spec.securityContext.seccompProfile.type = "Unconfined")) },
  { rule: "read-only-root-filesystem", pass: app, fail: web((c) => (c.securityContext.readOnlyRootFilesystem = false)) },
  { rule: "service-account-token-not-automounted", pass: app, fail: web((_c, d) => (d.spec.template.spec.automountServiceAccountToken = true)) },
  { rule: "resources-requests-limits", pass: app, fail: web((c) => delete c.resources.limits.cpu) },
  { rule: "secrets-as-files", pass: app, fail: web((c) => (c.env[0] = { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } })) },
  // Level 1: no digest required there, so only the tag rule speaks.
  { rule: "image-tag-pinned", pass: () => app(1), fail: web((c) => (c.image = `${REGISTRY}/portal/web:latest`)) },
  { rule: "image-digest-pinned", pass: app, fail: web((c) => (c.image = `${REGISTRY}/portal/web:1.4.2`)) },
  { rule: "image-registry-allowed", pass: app, fail: web((c) => (c.image = `docker.io/library/nginx:1.27.0@${DIGEST}`)) },
  { rule: "probes-configured", pass: app, fail: web((c) => delete c.livenessProbe) },
  // One replica cannot satisfy any disruption budget: maxUnavailable 1 then covers every pod.
  { rule: "replicas-high-availability", pass: app, fail: web((_c, d) => (d.spec.replicas = 1)), also: ["pod-disruption-budget"] },
  { rule: "pod-disruption-budget", pass: app, fail: mutate("PodDisruptionBudget", (p) => (p.spec.selector.matchLabels.app = "api")) },
  { rule: "spread-across-nodes", pass: app, fail: web((_c, d) => (d.spec.template.spec.topologySpreadConstraints[0].topologyKey = "topology.kubernetes.io/zone")) },
  { rule: "kubevirt-live-migratable", pass: () => [...world(L3), virtualMachine("csdl-db", "portal")], fail: mutate("VirtualMachine", (v) => (v.spec.template.spec.evictionStrategy = "None")) },
  { rule: "kubevirt-live-migratable", name: "a Forklift plan", pass: () => [...world(L3), ...forklift("portal", "ceph-rbd-encrypted")], fail: mutate("StorageMap", (m) => (m.spec.map[0].destination.accessMode = "ReadWriteOnce")) },
  // platform objects
  { rule: "velero-schedule-safe", pass: () => world(L3), fail: mutate("Schedule", (s) => (s.spec.useOwnerReferencesInBackup = true), "level-3-daily") },
  { rule: "single-default-backup-location", pass: () => backup({}), fail: mutate("BackupStorageLocation", (b) => (b.spec.default = true), "dc-bg") },
  { rule: "ip-address-pools-disjoint", pass: metallb, fail: mutate("IPAddressPool", (p) => (p.spec.addresses = ["10.169.10.64/26"]), "internet-dmz") },
  { rule: "bgp-password-not-inline", pass: metallb, fail: mutate("BGPPeer", (p) => (p.spec.password = "md5-secret")) },
  { rule: "forklift-storage-class-allowed", pass: () => [...world({ "csdl-y-te": 4 }), ...forklift("csdl-y-te", "ceph-rbd-encrypted-secure")], fail: mutate("StorageMap", (m) => (m.spec.map[0].destination.storageClass = "ceph-rbd")) },
  { rule: "forklift-provider-verified-tls", pass: () => [...world(L3), ...forklift("portal", "ceph-rbd-encrypted")], fail: mutate("Provider", (p) => (p.spec.url = "http://vcenter.dc-bg.example.gov.vn/sdk"), "vcenter-dc-bg") },
  // A namespace that is no tenant has no known level either.
  { rule: "helm-release-pinned", pass: () => [...world(L3), helmRelease()], fail: mutate("Release", (r) => (r.spec.values.initContainers[0].image = `${REGISTRY}/velero/velero-plugin-for-aws:latest`)) },
  { rule: "helm-release-pinned", name: "the chart version", pass: () => [...world(L3), helmRelease()], fail: mutate("Release", (r) => (r.spec.version = "^12.0.0")) },
  { rule: "forklift-target-namespace-tenant", pass: () => [...world(L3), ...forklift("portal", "ceph-rbd-encrypted")], fail: mutate("Plan", (p) => (p.spec.targetNamespace = "migrated-vms")), also: ["namespace-level-known"] },
];

/** `rule|Kind/name: message` lines from `dcplan check --manifests` on the objects, and the exit status. */
async function viaCheck(objects: KObject[], inventoryDir?: string): Promise<{ lines: string[]; status: number }> {
  const dir = tempDir("dcplan-policy-");
  writeFileSync(join(dir, "fixture.yaml"), objects.map((o) => stringify(o)).join("---\n"));
  const io = captureIo();
  const status = await run(["check", "--manifests", dir, "--format", "json", ...(inventoryDir ? ["--inventory", inventoryDir] : [])], io);
  if (status === 2) throw new Error(`check rejected the fixture: ${io.err}`);
  const report = JSON.parse(io.out) as { findings: { rule: string; kind: string; name: string; message: string }[] };
  return { lines: report.findings.map((f) => `${f.rule}|${f.kind}/${f.name}: ${f.message}`).sort(), status };
}

/** The same lines from the CrossGuard policies, called with Pulumi resources built from the objects. */
function viaCrossGuard(objects: KObject[], inventory?: Record<string, number>): string[] {
  const systems = inventory ? systemRecords(indexInventory(inventoryOf(inventory))) : undefined;
  // A Helm release reaches the pack as Pulumi's Release resource: its arguments (name, chart, version, values…) are the props.
  const propsOf = (o: KObject) => (o.kind === "Release" ? { ...clone(o.spec as Record<string, unknown>), name: o.metadata.name } : (clone(o) as unknown as Record<string, unknown>));
  const resources = objects.map((o, i) => ({ type: typeToken(o), props: propsOf(o), urn: `urn:pulumi:test::dcplan::${typeToken(o)}::r${i}`, name: `r${i}`, opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined }) as unknown as PolicyResource);
  const out: string[] = [];
  for (const policy of allPolicies(systems)) {
    const report = (m: string) => out.push(`${policy.name}|${m}`);
    if ("validateResource" in policy) {
      const validate = (policy as ResourceValidationPolicy).validateResource as (args: ResourceValidationArgs, report: (m: string) => void) => void;
      for (const r of resources) validate({ ...r, getConfig: () => ({}), notApplicable: () => undefined, stackTags: new Map() } as unknown as ResourceValidationArgs, report);
    } else {
      const validate = (policy as StackValidationPolicy).validateStack as (args: StackValidationArgs, report: (m: string) => void) => void;
      validate({ resources, getConfig: () => ({}), notApplicable: () => undefined, stackTags: new Map() } as unknown as StackValidationArgs, report);
    }
  }
  return out.sort();
}

function inventoryOf(levels: Record<string, number>) {
  return makeInventory({ systems: Object.entries(levels).map(([id, securityLevel]) => makeSystem({ id, securityLevel })) });
}

describe("the rule catalogue through both paths", () => {
  it("has a fixture for every rule, and at least 30 rules", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(30);
    expect([...new Set(FIXTURES.map((f) => f.rule))].sort()).toEqual(CATALOGUE.map((r) => r.id).sort());
  });

  for (const fx of FIXTURES) {
    describe(fx.name ? `${fx.rule} (${fx.name})` : fx.rule, () => {
      const rule = CATALOGUE.find((r) => r.id === fx.rule)!;
      const inventoryDir = fx.inventory ? writeInventory(inventoryOf(fx.inventory)) : undefined;
      it("passes the compliant fixture on both paths (no rule fires at all)", async () => {
        const objects = fx.pass();
        const check = await viaCheck(objects, inventoryDir);
        expect(check.lines).toEqual([]);
        expect(check.status).toBe(0);
        expect(viaCrossGuard(objects, fx.inventory)).toEqual([]);
      });
      it("fails when one property changes, the same way on both paths", async () => {
        const objects = clone(fx.pass());
        fx.fail(objects);
        const check = await viaCheck(objects, inventoryDir);
        const cg = viaCrossGuard(objects, fx.inventory);
        expect(check.lines).toEqual(cg);
        expect([...new Set(check.lines.map((l) => l.split("|")[0]))].sort()).toEqual([fx.rule, ...(fx.also ?? [])].sort());
        expect(check.status).toBe(rule.severity === "mandatory" ? 1 : 0);
      });
    });
  }
});
