// Pure builder tests (no Pulumi): tenancy, backup and WAN objects for the fixture scenario.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../common/errors.js";
import { indexInventory } from "../../inventory/model.js";
import type { System } from "../../inventory/schema.js";
import { BACKUP_TABLE, backupTier, isValidCron, ttlHours } from "../../policies/backup-table.js";
import { maxGapHours } from "../../policies/cron.js";
import { buildBackup, rpoSchedule, schedules } from "../../stacks/builders/backup.js";
import type { K8sObject } from "../../stacks/builders/objects.js";
import { buildTenancy, enforcedPodSecurity, formatCpu, formatMemory, parseQuantity, quotaSize } from "../../stacks/builders/tenancy.js";
import { buildWan } from "../../stacks/builders/wan.js";
import { objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { dependencyTarget, deployedSystems, measuredUsage, platformModel } from "../../stacks/model.js";
import { buildStackObjects, buildStackSecrets, prepareStack } from "../../stacks/stack.js";
import { makeSystem } from "../fixtures.js";
import { configSecrets, configValues, makePlan, makePlanSystem, scenario } from "./fixtures.js";

function prepared(values = configValues(), secrets = configSecrets()) {
  const { index, plan } = scenario();
  return prepareStack(parseStackConfig(objectConfigSource(values, secrets)), index, plan);
}

const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);

describe("tenancy", () => {
  it("creates a namespace per replatformed system up to the wave cutoff, not for rehosted ones", () => {
    const objects = buildStackObjects(prepared()).platform;
    expect(ofKind(objects, "Namespace").map((n) => n.metadata.name)).toEqual(["api", "db", "portal", "reports"]);
    const cut1 = buildStackObjects(prepared(configValues({ waveCutoff: 1 }))).platform;
    expect(ofKind(cut1, "Namespace").map((n) => n.metadata.name)).toEqual(["api", "portal"]);
  });

  it("raising waveCutoff adds exactly the namespaces of the systems of the new waves", () => {
    const { plan } = scenario();
    const names = (cutoff: number) => new Set(ofKind(buildStackObjects(prepared(configValues({ waveCutoff: cutoff }))).platform, "Namespace").map((n) => n.metadata.name));
    for (let c = 0; c < 3; c++) {
      const added = [...names(c + 1)].filter((n) => !names(c).has(n)).sort();
      const expected = plan.systems.filter((s) => s.disposition === "replatform" && s.wave === c + 1).map((s) => s.id).sort();
      expect(added).toEqual(expected);
      expect([...names(c)].every((n) => names(c + 1).has(n))).toBe(true);
    }
  });

  it("labels namespaces with owner, level, system and site, and Pod Security by level", () => {
    const ns = ofKind(buildStackObjects(prepared()).platform, "Namespace");
    const db = ns.find((n) => n.metadata.name === "db")!;
    expect(db.metadata.labels).toMatchObject({
      "dcplan.gov.vn/owner": "so-yte",
      "dcplan.gov.vn/security-level": "4",
      "dcplan.gov.vn/system": "db",
      "dcplan.gov.vn/site": "dc-bn",
      "pod-security.kubernetes.io/enforce": "restricted",
      "pod-security.kubernetes.io/enforce-version": "v1.33",
      "pod-security.kubernetes.io/warn": "restricted",
      "pod-security.kubernetes.io/audit": "restricted",
    });
    expect(db.metadata.annotations?.["scheduler.alpha.kubernetes.io/node-selector"]).toBe("dcplan.gov.vn/node-pool=secure");
    const portal = ns.find((n) => n.metadata.name === "portal")!;
    expect(portal.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("baseline");
    expect(portal.metadata.labels?.["pod-security.kubernetes.io/warn"]).toBe("restricted");
    expect(portal.metadata.annotations?.["scheduler.alpha.kubernetes.io/node-selector"]).toBeUndefined();
    expect([1, 2, 3, 4, 5].map(enforcedPodSecurity)).toEqual(["baseline", "baseline", "restricted", "restricted", "restricted"]);
  });

  it("sizes quotas from measured usage plus headroom, in sane units; their sum matches the inventory", () => {
    const stack = prepared();
    const quotas = ofKind(buildStackObjects(stack).platform, "ResourceQuota");
    const { index } = scenario();
    // portal: vm-portal 4 cores × 50 % + half of vm-shared (2 cores × 100 %) = 3 cores; +30 % = 3.9 → 3900m
    const portal = quotas.find((q) => q.metadata.namespace === "portal")!;
    expect((portal.spec as { hard: Record<string, string> }).hard["requests.cpu"]).toBe("3900m");
    expect((portal.spec as { hard: Record<string, string> }).hard["limits.cpu"]).toBe("7800m");
    // memory: 8 × 50 % + 4 / 2 = 6 GiB; × 1.3 = 7.8 GiB = 7987.2 MiB → 8192 MiB (256 MiB steps)
    expect((portal.spec as { hard: Record<string, string> }).hard["requests.memory"]).toBe("8Gi");
    let cpuMillis = 0;
    let expectedMillis = 0;
    for (const q of quotas) {
      cpuMillis += parseQuantity((q.spec as { hard: Record<string, string> }).hard["requests.cpu"].replace(/^(\d+)$/, "$1000m"));
      expectedMillis += quotaSize(measuredUsage(index, q.metadata.namespace!), 30).cpuMillis;
    }
    expect(cpuMillis).toBe(expectedMillis);
    // The usage itself partitions the servers: vm-shared is split between portal and reports.
    const total = ["api", "db", "portal", "reports"].reduce((s, id) => s + measuredUsage(index, id).cpuCores, 0);
    expect(total).toBeCloseTo(4 * 0.5 + 8 * 0.25 + 16 * 0.1 + 2, 9);
  });

  it("rounds and formats quantities", () => {
    expect(quotaSize({ cpuCores: 0, memoryGiB: 0, storageGiB: 0 }, 30)).toEqual({ cpuMillis: 100, memoryMiB: 256, storageGiB: 1 });
    expect(quotaSize({ cpuCores: 0.3, memoryGiB: 1, storageGiB: 10 }, 0)).toEqual({ cpuMillis: 300, memoryMiB: 1024, storageGiB: 10 });
    expect([formatCpu(2000), formatCpu(1500), formatMemory(2048), formatMemory(768)]).toEqual(["2", "1500m", "2Gi", "768Mi"]);
  });

  it("derives NetworkPolicy allow edges exactly from the dependencies among deployed systems", () => {
    const { index, plan } = scenario();
    const model = platformModel(index, plan, 3, {});
    const policies = ofKind(buildTenancy(model, prepared().config.tenancy), "NetworkPolicy");
    const egress = policies.filter((p) => p.metadata.name.startsWith("allow-egress-to-")).map((p) => `${p.metadata.namespace}->${p.metadata.name.slice(16)}`);
    const ingress = policies.filter((p) => p.metadata.name.startsWith("allow-ingress-from-")).map((p) => `${p.metadata.name.slice(19)}->${p.metadata.namespace}`);
    const deployed = new Set(deployedSystems(plan, 3).map((s) => s.id));
    const expected = index.inventory.systems
      .filter((s) => deployed.has(s.id))
      .flatMap((s) => (s.dependsOn ?? []).filter((d) => deployed.has(d.target)).map((d) => `${s.id}->${d.target}`))
      .sort();
    expect(egress.sort()).toEqual(expected);
    expect(ingress.sort()).toEqual(expected);
    expect(model.unreachable).toEqual(["portal -> ndxp", "reports -> legacy"]);
    expect(policies.filter((p) => p.metadata.name === "default-deny")).toHaveLength(4);
  });

  it("points dependencies on a consolidated system at its survivor (transitively) and makes no rule for a retired one", () => {
    const { inventory, plan } = scenario();
    // api-bg is merged into api (on the platform); db-old into db-bg into db (a chain); legacy-bg
    // into legacy (rehosted: off the platform); archive is retired.
    const extra = ["api-bg", "db-old", "db-bg", "legacy-bg", "archive"].map((id) => makeSystem({ id, servers: ["vm-legacy"] }));
    const deps: Record<string, System["dependsOn"]> = {
      portal: [{ target: "api", coupling: "loose", port: 443 }, { target: "api-bg", coupling: "loose", port: 8443 }],
      api: [{ target: "db-old", coupling: "tight", port: 5432 }, { target: "legacy-bg", coupling: "loose", port: 1521 }, { target: "archive", coupling: "loose", port: 80 }],
      db: [{ target: "db-bg", coupling: "loose", port: 5432 }],
    };
    const systems = [...inventory.systems, ...extra].map((s) => (deps[s.id] ? { ...s, dependsOn: deps[s.id] } : s));
    const merged = makePlan([
      ...plan.systems,
      makePlanSystem({ id: "api-bg", disposition: "consolidate", into: "api", platform: "none", targetSite: undefined }),
      makePlanSystem({ id: "db-old", disposition: "consolidate", into: "db-bg", platform: "none", targetSite: undefined }),
      makePlanSystem({ id: "db-bg", disposition: "consolidate", into: "db", platform: "none", targetSite: undefined }),
      makePlanSystem({ id: "legacy-bg", disposition: "consolidate", into: "legacy", platform: "none", targetSite: undefined }),
      makePlanSystem({ id: "archive", disposition: "retire", platform: "none", wave: undefined, targetSite: undefined }),
    ]);
    const model = platformModel(indexInventory({ ...inventory, systems }), merged, 3, {});
    expect(model.edges).toEqual([
      { from: "api", to: "db", ports: [{ port: 5432, protocol: "tcp" }] },
      // api and api-bg are one system after the merger: the union of the declared ports.
      { from: "portal", to: "api", ports: [{ port: 443, protocol: "tcp" }, { port: 8443, protocol: "tcp" }] },
      { from: "reports", to: "api", ports: [] },
    ]);
    // db's dependency on db-bg ends in db itself: no rule. Nothing for archive either.
    expect(model.unreachable).toEqual(["api -> legacy (survivor of legacy-bg)", "reports -> legacy"]);
    // Egress CIDRs are keyed by the survivor, which is what the rule reaches.
    const withCidrs = platformModel(indexInventory({ ...inventory, systems }), merged, 3, { legacy: ["192.0.2.0/28"] });
    expect(withCidrs.egress.filter((e) => e.target === "legacy").map((e) => e.from)).toEqual(["api", "reports"]);
    expect(withCidrs.unreachable).toEqual([]);
  });

  it("resolves a dependency target through the plan: survivor chains, retired systems, loops, externals", () => {
    const planned = new Map(
      [
        makePlanSystem({ id: "a", disposition: "consolidate", into: "b" }),
        makePlanSystem({ id: "b", disposition: "consolidate", into: "c" }),
        makePlanSystem({ id: "c" }),
        makePlanSystem({ id: "r", disposition: "retire", wave: undefined }),
        makePlanSystem({ id: "to-r", disposition: "consolidate", into: "r" }),
        makePlanSystem({ id: "x", disposition: "consolidate", into: "y" }),
        makePlanSystem({ id: "y", disposition: "consolidate", into: "x" }),
      ].map((s) => [s.id, s]),
    );
    expect(dependencyTarget(planned, "a")).toEqual({ id: "c", via: ["a", "b"] });
    expect(dependencyTarget(planned, "c")).toEqual({ id: "c", via: [] });
    expect(dependencyTarget(planned, "r")).toBeUndefined();
    expect(dependencyTarget(planned, "to-r")).toBeUndefined();
    expect(dependencyTarget(planned, "x")).toBeUndefined();
    expect(dependencyTarget(planned, "ndxp")).toEqual({ id: "ndxp", via: [] });
  });

  it("allows any port when one of the dependencies reaching a target declared none", () => {
    const { inventory, plan } = scenario();
    const systems = inventory.systems.map((s) => (s.id === "portal" ? { ...s, dependsOn: [{ target: "api", coupling: "loose" as const, port: 443 }, { target: "api", coupling: "loose" as const }] } : s));
    const model = platformModel(indexInventory({ ...inventory, systems }), plan, 3, {});
    expect(model.edges.find((e) => e.from === "portal" && e.to === "api")?.ports).toEqual([]);
  });

  it("rejects egress CIDRs keyed by a system the plan merges away or retires", () => {
    const { inventory, plan } = scenario();
    const systems = [...inventory.systems, makeSystem({ id: "legacy-bg", servers: ["vm-legacy"] }), makeSystem({ id: "archive", servers: ["vm-legacy"] })];
    const merged = makePlan([
      ...plan.systems,
      makePlanSystem({ id: "legacy-bg", disposition: "consolidate", into: "legacy", platform: "none" }),
      makePlanSystem({ id: "archive", disposition: "retire", platform: "none", wave: undefined }),
    ]);
    const values = configValues({ tenancy: { egressCidrs: { ndxp: ["203.0.113.0/24"], "legacy-bg": ["192.0.2.0/28"], archive: ["192.0.2.16/28"] } } });
    const run = () => prepareStack(parseStackConfig(objectConfigSource(values, configSecrets())), indexInventory({ ...inventory, systems }), merged);
    expect(run).toThrow(ConfigError);
    try {
      run();
    } catch (err) {
      expect((err as ConfigError).findings.map((f) => [f.rule, f.path?.join(".")])).toEqual([
        ["unused-config", "egressCidrs.legacy-bg"],
        ["unused-config", "egressCidrs.archive"],
      ]);
    }
  });

  it("puts declared ports on allow rules and none when no port was declared", () => {
    const policies = ofKind(buildStackObjects(prepared()).platform, "NetworkPolicy");
    const toDb = policies.find((p) => p.metadata.namespace === "api" && p.metadata.name === "allow-egress-to-db")!;
    expect((toDb.spec as { egress: { ports: unknown }[] }).egress[0].ports).toEqual([{ port: 5432, protocol: "TCP" }]);
    const fromReports = policies.find((p) => p.metadata.namespace === "api" && p.metadata.name === "allow-ingress-from-reports")!;
    expect((fromReports.spec as { ingress: { ports?: unknown }[] }).ingress[0].ports).toBeUndefined();
    const toNdxp = policies.find((p) => p.metadata.namespace === "portal" && p.metadata.name === "allow-egress-to-ndxp")!;
    expect((toNdxp.spec as { egress: { to: unknown }[] }).egress[0].to).toEqual([{ ipBlock: { cidr: "203.0.113.0/24" } }]);
  });

  it("binds each namespace's Role to its owner agency's group", () => {
    const objects = buildStackObjects(prepared()).platform;
    const rb = ofKind(objects, "RoleBinding").find((r) => r.metadata.namespace === "db")!;
    expect(rb.subjects).toEqual([{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "dcplan:agency:so-yte" }]);
    expect(ofKind(objects, "PriorityClass").map((p) => p.metadata.name)).toEqual(["dcplan-level-1", "dcplan-level-2", "dcplan-level-3", "dcplan-level-4", "dcplan-level-5"]);
  });

  it("is deterministic: the same input gives the same bytes", () => {
    expect(JSON.stringify(buildStackObjects(prepared()))).toBe(JSON.stringify(buildStackObjects(prepared())));
  });
});

describe("backup", () => {
  it("has exactly one default storage location, at the primary site, and one offsite", () => {
    const bsl = ofKind(buildStackObjects(prepared()).backup, "BackupStorageLocation");
    expect(bsl.map((b) => [b.metadata.name, (b.spec as { default: boolean }).default])).toEqual([
      ["dc-bg", false],
      ["dc-bn", true],
    ]);
  });

  it("covers every deployed namespace with the schedules its level requires", () => {
    const stack = prepared();
    const sch = ofKind(buildStackObjects(stack).backup, "Schedule");
    for (const t of stack.platform.tenants) {
      const tier = backupTier(t.securityLevel);
      const mine = sch.filter((s) => (s.spec as { template: { includedNamespaces: string[] } }).template.includedNamespaces.includes(t.id));
      const locations = mine.map((s) => (s.spec as { template: { storageLocation: string } }).template.storageLocation).sort();
      expect(locations).toEqual(tier.offsite ? ["dc-bg", "dc-bn"] : ["dc-bn"]);
      for (const s of mine) {
        const spec = s.spec as { schedule: string; useOwnerReferencesInBackup: boolean; template: { ttl: string } };
        expect(isValidCron(spec.schedule)).toBe(true);
        expect(spec.useOwnerReferencesInBackup).toBe(false);
        expect(ttlHours(spec.template.ttl)).toBe(tier.ttlHours);
      }
    }
  });

  it("moves a namespace whose RPO the tier's cron misses to a schedule that meets it, keeping the tier's retention and offsite copy", () => {
    const model = {
      ...prepared().backup,
      namespaces: [
        { id: "slow", securityLevel: 3, rpoHours: 24 },
        { id: "four", securityLevel: 3, rpoHours: 4, workload: "virtual-machines" as const },
        { id: "half", securityLevel: 4, rpoHours: 0.25 },
        { id: "none", securityLevel: 4 },
      ],
    };
    const sch = schedules(model);
    const spec = (s: K8sObject) => s.spec as { schedule: string; template: { includedNamespaces: string[]; ttl: string; storageLocation: string } };
    expect(sch.map((s) => [s.metadata.name, spec(s).schedule, spec(s).template.includedNamespaces])).toEqual([
      ["level-3-daily", "30 1 * * *", ["slow"]],
      ["level-3-offsite", "30 3 * * *", ["slow"]],
      ["level-3-every-4h-vms", "30 */4 * * *", ["four"]],
      ["level-3-offsite-vms", "30 3 * * *", ["four"]],
      ["level-4-5-6h", "15 */6 * * *", ["none"]],
      ["level-4-5-every-15m", "*/15 * * * *", ["half"]],
      ["level-4-5-offsite", "45 */6 * * *", ["half", "none"]],
    ]);
    for (const s of sch) expect(ttlHours(spec(s).template.ttl), s.metadata.name).toBe(s.metadata.name.startsWith("level-3") ? 30 * 24 : 90 * 24);
  });

  it("rpoSchedule: the longest even step within the objective, none when the tier already meets it or no cron can", () => {
    const [low, three] = BACKUP_TABLE;
    expect(rpoSchedule(low, undefined)).toBeUndefined();
    expect(rpoSchedule(low, 24)).toBeUndefined();
    expect(rpoSchedule(low, 48)).toBeUndefined();
    expect(rpoSchedule(three, 5)).toEqual({ label: "4h", cron: "30 */4 * * *" });
    expect(rpoSchedule(three, 1)).toEqual({ label: "1h", cron: "30 * * * *" });
    expect(rpoSchedule(three, 0.5)).toEqual({ label: "30m", cron: "*/30 * * * *" });
    expect(rpoSchedule(three, 0)).toBeUndefined();
    for (const rpo of [0.02, 0.1, 0.25, 0.7, 1, 1.5, 2, 3, 4, 5, 7, 9, 13, 23]) {
      const s = rpoSchedule(three, rpo)!;
      expect(isValidCron(s.cron), s.cron).toBe(true);
      expect(maxGapHours([s.cron]), `${rpo} h: ${s.cron}`).toBeLessThanOrEqual(rpo);
    }
  });

  it("writes no schedule for a tier without namespaces", () => {
    const model = { ...prepared().backup, namespaces: [{ id: "only", securityLevel: 1 }] };
    expect(schedules(model).map((s) => s.metadata.name)).toEqual(["level-1-2-daily"]);
    expect(ofKind(buildBackup(model), "BackupStorageLocation")).toHaveLength(2);
  });

  it("the table matches the policy: 1–2 daily 14 d; 3 daily 30 d + offsite; 4–5 every 6 h 90 d + offsite", () => {
    expect(BACKUP_TABLE.map((t) => [t.levels, t.ttlHours / 24, t.offsite !== null])).toEqual([
      [[1, 2], 14, false],
      [[3], 30, true],
      [[4, 5], 90, true],
    ]);
    expect(["0 1 * * *", "15 */6 * * *", "0 0 1 1 0", "0-30/5 1,2 * * 1-5"].every(isValidCron)).toBe(true);
    expect(["0 1 * *", "60 1 * * *", "@daily", "0 25 * * *", "*/0 * * * *"].some(isValidCron)).toBe(false);
  });

  it("puts the S3 credentials only in Secrets, in the AWS shared-credentials format", () => {
    const secrets = buildStackSecrets(prepared()).backup;
    expect(secrets.map((s) => s.metadata.name)).toEqual(["velero-credentials-dc-bg", "velero-credentials-dc-bn"]);
    expect((secrets[1].stringData as { cloud: string }).cloud).toBe("[default]\naws_access_key_id=AKIA-BN\naws_secret_access_key=bn-secret-key\n");
    expect(JSON.stringify(buildStackObjects(prepared()))).not.toContain("bn-secret-key");
  });
});

describe("wan", () => {
  it("builds pools per zone, v1beta2 peers with a password Secret reference, explicit advertisements", () => {
    const stack = prepared();
    const objects = buildWan(stack.config.wan);
    expect(objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      "metallb.io/v1beta1 BGPAdvertisement dmz",
      "metallb.io/v1beta1 BGPAdvertisement tslcd",
      "metallb.io/v1beta2 BGPPeer pe-tslcd-1",
      "metallb.io/v1beta2 BGPPeer pe-tslcd-2",
      "metallb.io/v1beta1 IPAddressPool internet-dmz",
      "metallb.io/v1beta1 IPAddressPool management",
      "metallb.io/v1beta1 IPAddressPool tslcd-services",
      "metallb.io/v1beta1 L2Advertisement management",
    ]);
    const peer = objects.find((o) => o.kind === "BGPPeer")!;
    expect(peer.spec).toMatchObject({ passwordSecret: { name: "bgp-password-pe-tslcd-1", namespace: "metallb-system" }, peerASN: 65001, myASN: 64512 });
    expect((peer.spec as Record<string, unknown>).password).toBeUndefined();
    const adv = objects.find((o) => o.kind === "BGPAdvertisement" && o.metadata.name === "tslcd")!;
    expect(adv.spec).toEqual({ communities: ["65001:100"], ipAddressPools: ["tslcd-services"], localPref: 200 });
    const mgmt = objects.find((o) => o.kind === "IPAddressPool" && o.metadata.name === "management")!;
    expect((mgmt.spec as { autoAssign: boolean }).autoAssign).toBe(false);
    const secrets = buildStackSecrets(stack).wan;
    expect(secrets.map((s) => [s.metadata.name, s.type, s.stringData])).toEqual([
      ["bgp-password-pe-tslcd-1", "kubernetes.io/basic-auth", { password: "md5-one" }],
      ["bgp-password-pe-tslcd-2", "kubernetes.io/basic-auth", { password: "md5-two" }],
    ]);
  });
});
