// VMs onto the shared platform (vmPlatform kubevirt): which tenants and VMs, the Forklift objects
// per wave, warm or cold, quotas from the right-sized targets, and the checks that fail first.
import { describe, expect, it } from "vitest";
import { ConfigError, type Finding } from "../../common/errors.js";
import { vmPodResources } from "../../stacks/builders/kubevirt-sizing.js";
import { HOST_PROVIDER } from "../../stacks/builders/migration.js";
import type { K8sObject } from "../../stacks/builders/objects.js";
import { objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { migrationTypes, windowDays } from "../../stacks/migration-type.js";
import { rehostedVms } from "../../stacks/rehosted-vms.js";
import { buildStackObjects, buildStackSecrets, prepareStack } from "../../stacks/stack.js";
import { validateObjects } from "../../stacks/validate/index.js";
import { configSecrets, configValues, kubevirtSecrets, kubevirtValues, vmScenario } from "./fixtures.js";

function prepared(values = kubevirtValues(), secrets = kubevirtSecrets()) {
  const { index, plan } = vmScenario();
  return prepareStack(parseStackConfig(objectConfigSource(values, secrets)), index, plan);
}

function problems(values: Record<string, unknown>, secrets = kubevirtSecrets()): Finding[] {
  try {
    prepared(values, secrets);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).findings];
  }
  return [];
}

const all = (values = kubevirtValues()) => {
  const o = buildStackObjects(prepared(values));
  return [...o.platform, ...o.migration];
};
const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const spec = (o: K8sObject) => o.spec as Record<string, unknown>;

describe("rehosted systems on KubeVirt", () => {
  it("stays off the cluster on the hypervisor path, and lands as tenants with vmPlatform kubevirt", () => {
    const hypervisor = buildStackObjects(prepared(kubevirtValues({ vmPlatform: "hypervisor" })));
    expect(ofKind(hypervisor.platform, "Namespace").map((n) => n.metadata.name)).toEqual(["portal"]);
    expect(hypervisor.migration).toEqual([]);
    const ns = ofKind(all(), "Namespace");
    expect(ns.map((n) => n.metadata.name)).toEqual(["archive", "grants", "kiosk", "ledger", "permits", "portal", "remote"]);
    const permits = ns.find((n) => n.metadata.name === "permits")!;
    expect(permits.metadata.labels).toMatchObject({
      "dcplan.gov.vn/workload": "virtual-machines",
      "pod-security.kubernetes.io/enforce": "restricted",
      "alpha.kubevirt.io/auto-memory-limits-ratio": "1.0",
    });
    expect(permits.metadata.annotations?.["scheduler.alpha.kubernetes.io/node-selector"]).toBe("dcplan.gov.vn/node-pool=secure");
  });

  it("lists each rehosted system's machines (closing sites, and stand-alone servers folded in at the target), by vCenter name or server id; a shared VM goes to one owner", () => {
    const { index, plan } = vmScenario();
    const vms = rehostedVms(index, plan);
    expect(Object.fromEntries([...vms].map(([s, list]) => [s, list.map((v) => `${v.server}=${v.vmName}${v.sharedWith.length ? ` shared:${v.sharedWith.join()}` : ""}`)]))).toEqual({
      archive: ["pm-archive=pm-archive"],
      grants: ["vm-grants=vm-grants", "vm-shared-sql=vm-shared-sql shared:permits"],
      kiosk: ["sa-kiosk=sa-kiosk"],
      ledger: ["vm-ledger-app=LEDGER-APP-01", "vm-ledger-db=vm-ledger-db"],
      permits: ["vm-permits=vm-permits"],
      remote: ["vm-remote=vm-remote"],
    });
    expect(vms.get("ledger")![1].diskGiB).toBe(500); // provisioned, not the right-sized 400
    // No target in the plan for a stand-alone server folded in at the target site: right-sized as the planner does (4 × 20 % × 1.3 → 2 vCPUs, 16 × 50 % × 1.3 → 12 GiB).
    expect(vms.get("kiosk")![0]).toMatchObject({ sourceSite: "dc-bn", kind: "physical", target: { cpuCores: 2, memoryGiB: 12, storageGiB: 70 }, diskGiB: 100 });
  });

  it("writes one Plan per rehosted system and wave listing exactly its VMs, and a Migration for it", () => {
    const objects = all();
    const plans = ofKind(objects, "Plan");
    const { index, plan } = vmScenario();
    const vms = rehostedVms(index, plan);
    expect(plans.map((p) => p.metadata.name)).toEqual(["archive-wave-3", "grants-wave-2", "kiosk-wave-3", "ledger-wave-1", "permits-wave-2", "remote-wave-3"]);
    for (const p of plans) {
      const system = spec(p).targetNamespace as string;
      const listed = (spec(p).vms as { name: string; targetName: string; instanceType: string }[]).map((v) => v.targetName);
      expect(listed, p.metadata.name).toEqual(vms.get(system)!.map((v) => v.server));
      expect(p.metadata.name).toBe(`${system}-wave-${plan.systems.find((s) => s.id === system)!.wave}`);
    }
    const ledger = plans.find((p) => p.metadata.name === "ledger-wave-1")!;
    expect(spec(ledger).vms).toEqual([
      { instanceType: "vm-ledger-app", name: "LEDGER-APP-01", targetName: "vm-ledger-app" },
      { instanceType: "vm-ledger-db", name: "vm-ledger-db", targetName: "vm-ledger-db" },
    ]);
    expect(spec(ledger).provider).toEqual({ destination: { name: HOST_PROVIDER, namespace: "konveyor-forklift" }, source: { name: "vsphere-dc-bg", namespace: "konveyor-forklift" } });
    expect(ofKind(objects, "Migration").map((m) => [m.metadata.name, (spec(m).plan as { name: string }).name])).toEqual(plans.map((p) => [p.metadata.name, p.metadata.name]));
    // Level 4 on the secure pool; the others wherever.
    expect(spec(plans.find((p) => p.metadata.name === "permits-wave-2")!).targetNodeSelector).toEqual({ "dcplan.gov.vn/node-pool": "secure" });
    expect(spec(ledger).targetNodeSelector).toBeUndefined();
  });

  it("raising waveCutoff adds exactly the next wave's Plans, Migrations and tenants", () => {
    const { plan } = vmScenario();
    const names = (cutoff: number, kind: string) => new Set(ofKind(all(kubevirtValues({ waveCutoff: cutoff })), kind).map((o) => o.metadata.name));
    for (let c = 0; c < 3; c++) {
      const wave = plan.systems.filter((s) => s.disposition === "rehost" && s.wave === c + 1).map((s) => s.id);
      const added = (kind: string) => [...names(c + 1, kind)].filter((n) => !names(c, kind).has(n)).sort();
      expect(added("Plan")).toEqual(wave.map((s) => `${s}-wave-${c + 1}`).sort());
      expect(added("Migration")).toEqual(added("Plan"));
      expect(added("Namespace")).toEqual(plan.systems.filter((s) => s.wave === c + 1).map((s) => s.id).sort());
      for (const kind of ["Plan", "Namespace"]) expect([...names(c, kind)].every((n) => names(c + 1, kind).has(n))).toBe(true);
    }
  });

  it("goes warm when a wave's data would not copy inside its window, largest first, cutting over at the wave's start", () => {
    const { plan } = vmScenario();
    expect(windowDays("2026-12-12", "2026-12-13")).toBe(2);
    // Wave 2: 2600 GiB in a 2000 GiB window; grants (1500) goes warm, the rest (1100) fits.
    expect(Object.fromEntries(migrationTypes(plan))).toEqual({ ledger: "cold", grants: "warm", permits: "cold", archive: "cold", remote: "cold", kiosk: "cold" });
    const objects = all();
    const type = (name: string) => spec(ofKind(objects, "Plan").find((p) => p.metadata.name === name)!).type;
    expect([type("grants-wave-2"), type("permits-wave-2")]).toEqual(["warm", "cold"]);
    const migration = (name: string) => spec(ofKind(objects, "Migration").find((m) => m.metadata.name === name)!);
    expect(migration("grants-wave-2").cutover).toBe("2026-12-12T00:00:00+07:00");
    expect(migration("permits-wave-2").cutover).toBeUndefined();
    const later = all(kubevirtValues({ kubevirt: { ...(kubevirtValues().kubevirt as object), cutoverTime: "22:30", utcOffset: "+07:00" } }));
    expect(spec(ofKind(later, "Migration").find((m) => m.metadata.name === "grants-wave-2")!).cutover).toBe("2026-12-12T22:30:00+07:00");
    // A system whose data alone exceeds the window is warm even in a wave that is otherwise light.
    const big = { ...plan, systems: plan.systems.map((s) => (s.id === "archive" ? { ...s, dataGiB: 2500 } : s)) };
    expect(migrationTypes(big).get("archive")).toBe("warm");
  });

  it("maps storage per site and security level to its storage class, networks to pod or Multus", () => {
    const objects = all();
    const maps = ofKind(objects, "StorageMap");
    expect(maps.map((m) => m.metadata.name)).toEqual(["storagemap-dc-bg-level-1", "storagemap-dc-bg-level-2", "storagemap-dc-bg-level-3", "storagemap-dc-bg-level-4", "storagemap-dc-bn-level-1", "storagemap-dc-lc-level-2"]);
    const level4 = spec(maps.find((m) => m.metadata.name === "storagemap-dc-bg-level-4")!);
    expect((level4.map as { destination: { storageClass: string }; source: { name: string } }[]).map((e) => [e.source.name, e.destination.storageClass])).toEqual([
      ["dc-bg-ds-01", "encrypted-secure"],
      ["dc-bg-ds-02", "encrypted-secure"],
    ]);
    for (const p of ofKind(objects, "Plan")) {
      const storage = (spec(p).map as { storage: { name: string } }).storage.name;
      expect(storage, p.metadata.name).toBe(`storagemap-${p.metadata.labels!["dcplan.gov.vn/site"]}-level-${p.metadata.labels!["dcplan.gov.vn/security-level"]}`);
    }
    const net = spec(ofKind(objects, "NetworkMap").find((m) => m.metadata.name === "networkmap-dc-bg")!);
    expect(net.map).toEqual([
      { destination: { type: "pod" }, source: { name: "VM Network" } },
      { destination: { name: "tslcd", namespace: "vm-networks", type: "multus" }, source: { name: "PG-TSLCD" } },
    ]);
    expect(ofKind(objects, "Provider").map((p) => [p.metadata.name, spec(p).type, spec(p).url])).toEqual([
      [HOST_PROVIDER, "openshift", undefined],
      ["vsphere-dc-bg", "vsphere", "https://vcenter.dc-bg.example.gov.vn/sdk"],
      ["vsphere-dc-bn", "vsphere", "https://vcenter.dc-bn.example.gov.vn/sdk"],
      ["vsphere-dc-lc", "vsphere", "https://vcenter.dc-lc.example.gov.vn/sdk"],
    ]);
  });

  it("sizes each VM by an instancetype from the plan's target, and the quota from the targets plus KubeVirt's overhead", () => {
    const objects = all();
    const it = ofKind(objects, "VirtualMachineInstancetype").find((o) => o.metadata.name === "vm-ledger-db")!;
    expect(it.metadata.namespace).toBe("ledger");
    expect(spec(it)).toEqual({ cpu: { guest: 6 }, memory: { guest: "48Gi" } });
    // KubeVirt v1.9.0: 260 MiB fixed + 8 MiB per vCPU + guest / 512.
    expect(vmPodResources({ cpuCores: 6, memoryGiB: 48, storageGiB: 0 })).toEqual({ vcpus: 6, cpuRequestMillis: 600, cpuLimitMillis: 6000, memoryMiB: 48 * 1024 + 260 + 48 + 96, guestMemoryMiB: 48 * 1024 });
    const hard = (ns: string) => spec(ofKind(objects, "ResourceQuota").find((q) => q.metadata.namespace === ns)!).hard;
    // ledger: vm-ledger-app 4 vCPU / 16 GiB (pod 16 708 MiB), vm-ledger-db 6 vCPU / 48 GiB (pod 49 556 MiB);
    // per VM room for a virt-v2v and an importer pod: requests 1.1 CPU / 1 082 MiB, limits 4.75 CPU / 8 765 MiB.
    expect(hard("ledger")).toEqual({
      "requests.cpu": "3200m", // 400 + 600 + 2 × 1100
      "limits.cpu": "19500m", // 4000 + 6000 + 2 × 4750
      "requests.memory": "67Gi", // 16 708 + 49 556 + 2 × 1 082 = 68 428 → 68 608 MiB
      "limits.memory": "82Gi", // 16 708 + 49 556 + 2 × 8 765 = 83 794 → 83 968 MiB
      "requests.storage": "636Gi", // provisioned 100 + 500 GiB, / (1 − 0.055) each: 106 + 530
    });
  });

  it("lets a tenant reach a VM it shares in the owner's namespace, and migration pods reach the source vSphere only", () => {
    const policies = ofKind(all(), "NetworkPolicy");
    const byName = (ns: string, name: string) => policies.find((p) => p.metadata.namespace === ns && p.metadata.name === name);
    const egress = byName("permits", "allow-egress-to-grants-vm-vm-shared-sql")!;
    expect(spec(egress).egress).toEqual([{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "grants" } }, podSelector: { matchLabels: { "vm.kubevirt.io/name": "vm-shared-sql" } } }] }]);
    const ingress = byName("grants", "allow-ingress-from-permits-vm-vm-shared-sql")!;
    expect(spec(ingress).podSelector).toEqual({ matchLabels: { "vm.kubevirt.io/name": "vm-shared-sql" } });
    const v2v = byName("remote", "allow-migration-v2v-from-dc-lc")!;
    expect(spec(v2v).egress).toEqual([{ ports: [{ port: 443, protocol: "TCP" }, { port: 902, protocol: "TCP" }], to: [{ ipBlock: { cidr: "10.30.0.0/24" } }] }]);
    expect(byName("remote", "allow-migration-importer-from-dc-lc")).toBeDefined();
    expect(byName("ledger", "allow-migration-v2v-from-dc-lc")).toBeUndefined();
  });

  it("names the physical servers to convert into VMs before their wave", () => {
    expect(prepared().manualSteps).toEqual([
      'archive: physical server pm-archive must be converted into a VM named "pm-archive" in the vCenter of dc-bg (P2V) before wave 3; Forklift migrates VMs only',
      'kiosk: physical server sa-kiosk must be converted into a VM named "sa-kiosk" in the vCenter of dc-bn (P2V) before wave 3; Forklift migrates VMs only',
    ]);
  });

  it("validates every object against the Forklift, KubeVirt and Kubernetes schemas, and keeps vCenter credentials secret", () => {
    const stack = prepared();
    const secrets = buildStackSecrets(stack).migration;
    expect(validateObjects([...all(), ...secrets])).toEqual([]);
    expect(secrets.map((s) => [s.metadata.name, Object.keys(s.stringData as object).sort()])).toEqual([
      ["vsphere-credentials-dc-bg", ["password", "url", "user"]],
      ["vsphere-credentials-dc-bn", ["password", "url", "user"]],
      ["vsphere-credentials-dc-lc", ["password", "url", "user"]],
    ]);
    expect(JSON.stringify(all())).not.toContain("bg-vc-pass");
  });
});

describe("KubeVirt configuration checks", () => {
  it("rejects a vSphere URL that is not https, naming the key", () => {
    const kv = kubevirtValues().kubevirt as { sources: Record<string, Record<string, unknown>> };
    const bad = { ...kv, sources: { ...kv.sources, "dc-bg": { ...kv.sources["dc-bg"], url: "http://vcenter.dc-bg.example.gov.vn/sdk" } } };
    const f = problems(kubevirtValues({ kubevirt: bad }));
    expect(f.map((x) => [x.entity, x.path])).toEqual([["dcplan:kubevirt", ["sources", "dc-bg", "url"]]]);
    expect(f[0].message).toMatch(/https:\/\//);
  });

  it("requires a storage class for every level a rehosted system lands at, and a source and credentials per site VMs leave", () => {
    const kv = kubevirtValues().kubevirt as { sources: Record<string, unknown>; storageClasses: Record<string, string> };
    const { "4": _level4, ...others } = kv.storageClasses;
    const noLevel4 = { ...kv, storageClasses: others };
    const f = problems(kubevirtValues({ kubevirt: noLevel4 }));
    expect(f.map((x) => [x.entity, x.path, x.rule])).toEqual([["dcplan:kubevirt", ["storageClasses", "4"], "missing-config"]]);
    expect(f[0].message).toMatch(/permits is at security level 4/);
    // Checked over the whole plan: even with the cutoff before wave 2.
    expect(problems(kubevirtValues({ kubevirt: noLevel4, waveCutoff: 1 })).map((x) => x.path)).toEqual([["storageClasses", "4"]]);
    const noLc = { ...kv, sources: { "dc-bg": kv.sources["dc-bg"], "dc-bn": kv.sources["dc-bn"] } };
    expect(problems(kubevirtValues({ kubevirt: noLc })).map((x) => [x.entity, x.path])).toEqual([["dcplan:kubevirt", ["sources", "dc-lc"]]]);
    const creds = problems(kubevirtValues(), kubevirtSecrets({ vsphereCredentials: { "dc-bg": { user: "u", password: "p" }, "dc-bn": { user: "u", password: "p" } } }));
    expect(creds.map((x) => [x.entity, x.path, x.rule])).toEqual([["dcplan:vsphereCredentials", ["dc-lc"], "missing-secret"]]);
  });

  it("needs nothing of KubeVirt on the hypervisor path", () => {
    expect(problems(configValues(), configSecrets())).toEqual([]);
  });
});
