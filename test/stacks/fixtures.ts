// Fixtures of the stack tests: a small two-site inventory with a hand-written plan, and stack
// configuration values (plain and secret) that pass validation; tests change one thing at a time.
import { resolve } from "node:path";
import { indexInventory, type InventoryIndex } from "../../inventory/model.js";
import type { Inventory } from "../../inventory/schema.js";
import type { Plan, PlanServer, PlanSystem } from "../../planner/plan-schema.js";
import { makeAgency, makeExternal, makeServer, makeSite, makeSystem } from "../fixtures.js";

/** A plan system with the fields the stacks read; override what matters. */
export function makePlanSystem(over: Partial<PlanSystem> & { id: string }): PlanSystem {
  return {
    disposition: "replatform",
    wave: 1,
    reasons: ["fixture"],
    name: `System ${over.id}`,
    owner: "so-khcn",
    function: over.id,
    securityLevel: 2,
    site: "dc-bg",
    targetSite: "dc-bn",
    platform: "shared-kubernetes",
    group: `g-${over.id}`,
    dataGiB: 10,
    externals: [],
    dependsOn: [],
    late: false,
    ...over,
  };
}

/** A plan around `systems` (only the fields the stacks read are meaningful). */
export function makePlan(systems: PlanSystem[], targetSite = "dc-bn"): Plan {
  return { schemaVersion: 1, asOf: "2026-11-23", targetSite, systems, waves: [], servers: [] } as unknown as Plan;
}

/**
 * Two sites; systems:
 *   portal (level 2, wave 1) → api:443/tcp, → ndxp:443
 *   api    (level 3, wave 1) → db:5432/tcp (tight)
 *   db     (level 4, wave 2)
 *   legacy (rehost, wave 1: not on the platform); reports (level 1, wave 3) → legacy:1521, → api (no port)
 */
export function scenario(): { inventory: Inventory; index: InventoryIndex; plan: Plan } {
  const inventory: Inventory = {
    sites: [makeSite({ id: "dc-bn" }), makeSite({ id: "dc-bg", name: "Trung tâm tích hợp dữ liệu tỉnh Bắc Giang (cũ)" })],
    agencies: [makeAgency({ id: "so-khcn" }), makeAgency({ id: "so-yte", name: "Sở Y tế" })],
    servers: [
      makeServer({ id: "host-bg", site: "dc-bg" }),
      makeServer({ id: "vm-portal", kind: "virtual", site: "dc-bg", hostedOn: "host-bg", cpuCores: 4, memoryGiB: 8, storageGiB: 100, usage: { cpuPct: 50, memoryPct: 50, storageUsedPct: 40 } }),
      makeServer({ id: "vm-api", kind: "virtual", site: "dc-bg", hostedOn: "host-bg", cpuCores: 8, memoryGiB: 16, storageGiB: 50, usage: { cpuPct: 25, memoryPct: 75 } }),
      makeServer({ id: "vm-db", kind: "virtual", site: "dc-bg", hostedOn: "host-bg", cpuCores: 16, memoryGiB: 64, storageGiB: 1000, usage: { cpuPct: 10, memoryPct: 80, storageUsedPct: 60 } }),
      makeServer({ id: "vm-shared", kind: "virtual", site: "dc-bg", hostedOn: "host-bg", cpuCores: 2, memoryGiB: 4, storageGiB: 20 }),
      makeServer({ id: "vm-legacy", kind: "virtual", site: "dc-bg", hostedOn: "host-bg", cpuCores: 2, memoryGiB: 4 }),
    ],
    systems: [
      makeSystem({ id: "portal", owner: "so-khcn", securityLevel: 2, servers: ["vm-portal", "vm-shared"], dependsOn: [{ target: "api", coupling: "loose", port: 443 }, { target: "ndxp", coupling: "loose", port: 443 }] }),
      makeSystem({ id: "api", owner: "so-khcn", securityLevel: 3, servers: ["vm-api"], dependsOn: [{ target: "db", coupling: "tight", port: 5432, protocol: "tcp" }] }),
      makeSystem({ id: "db", owner: "so-yte", securityLevel: 4, servers: ["vm-db"] }),
      makeSystem({ id: "legacy", owner: "so-yte", securityLevel: 2, servers: ["vm-legacy"] }),
      makeSystem({ id: "reports", owner: "so-yte", securityLevel: 1, servers: ["vm-shared"], dependsOn: [{ target: "legacy", coupling: "loose", port: 1521 }, { target: "api", coupling: "loose" }] }),
    ],
    externals: [makeExternal({ id: "ndxp" })],
  };
  const plan = makePlan([
    makePlanSystem({ id: "api", securityLevel: 3, wave: 1 }),
    makePlanSystem({ id: "db", securityLevel: 4, wave: 2, owner: "so-yte" }),
    makePlanSystem({ id: "legacy", disposition: "rehost", platform: "virtual-machine", wave: 1, owner: "so-yte" }),
    makePlanSystem({ id: "portal", securityLevel: 2, wave: 1 }),
    makePlanSystem({ id: "reports", securityLevel: 1, wave: 3, owner: "so-yte" }),
  ]);
  return { inventory, index: indexInventory(inventory), plan };
}

/** Plain config values of a valid stack (keys without `dcplan:`). */
export function configValues(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    inventory: "inventory/sample",
    waveCutoff: 3,
    sites: { primary: "dc-bn", offsite: "dc-bg" },
    tenancy: { egressCidrs: { ndxp: ["203.0.113.0/24"] } },
    backup: {
      locations: {
        "dc-bn": { endpoint: "https://s3.dc-bn.example.gov.vn", bucket: "velero-dc-bn", region: "minio" },
        "dc-bg": { endpoint: "https://s3.dc-bg.example.gov.vn", bucket: "velero-dc-bg", region: "minio" },
      },
    },
    wan: {
      nodeCidrs: ["10.10.0.0/24"],
      podCidrs: ["10.244.0.0/16"],
      serviceCidrs: ["10.96.0.0/12", "fd00:96::/108"],
      pools: [
        { name: "tslcd-services", zone: "tslcd", addresses: ["10.160.10.0/26", "2001:db8:10::/120"] },
        { name: "internet-dmz", zone: "dmz", addresses: ["198.51.100.16-198.51.100.31"] },
        { name: "management", zone: "management", addresses: ["10.10.9.0/28"] },
      ],
      peers: [
        { name: "pe-tslcd-1", address: "10.160.0.1", myASN: 64512, peerASN: 65001, holdTime: "90s", keepaliveTime: "30s" },
        { name: "pe-tslcd-2", address: "10.160.0.5", myASN: 64512, peerASN: 65001 },
      ],
      advertisements: [
        { name: "tslcd", pools: ["tslcd-services"], communities: ["65001:100"], localPref: 200 },
        { name: "dmz", pools: ["internet-dmz"], peers: ["pe-tslcd-1"] },
      ],
      l2Advertisements: [{ name: "management", pools: ["management"] }],
    },
    logging: { soc: { endpoint: "tls://soc.example.gov.vn:6514", cidrs: ["198.18.0.0/28"], caFile: SOC_CA_FILE } },
    ...over,
  };
}

/** The example SOC CA committed with the stacks (absolute, so tests with any project root read it). */
export const SOC_CA_FILE = resolve("stacks/certs/soc-ca.example.pem");

/** Secret config values of a valid stack. */
export function configSecrets(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    backupCredentials: {
      "dc-bn": { accessKeyId: "AKIA-BN", secretAccessKey: "bn-secret-key" },
      "dc-bg": { accessKeyId: "AKIA-BG", secretAccessKey: "bg-secret-key" },
    },
    bgpPasswords: { "pe-tslcd-1": "md5-one", "pe-tslcd-2": "md5-two" },
    ...over,
  };
}

/** A plan server with the fields the stacks read. */
export function makePlanServer(over: Partial<PlanServer> & { id: string }): PlanServer {
  return { fate: "reuse", site: "dc-bg", kind: "virtual", systems: [], savings: { watts: 0, kwhPerYear: 0, rackUnits: 0 }, reasons: ["fixture"], ...over };
}

/**
 * Rehosted systems whose VMs go to KubeVirt (sites dc-bn target, dc-bg and dc-lc closing):
 *   ledger  (level 2, wave 1): vm-ledger-app (vCenter name "LEDGER-APP-01"), vm-ledger-db
 *   grants  (level 3, wave 2): vm-grants, vm-shared-sql (shared with permits; grants owns it, first by id)
 *   permits (level 4, wave 2): vm-permits; depends on ledger:5432
 *   archive (level 1, wave 3): pm-archive, a physical server (converted to a VM first)
 *   remote  (level 2, wave 3): vm-remote at dc-lc
 *   kiosk   (level 1, wave 3): sa-kiosk, a stand-alone physical server at the target site dc-bn that
 *           the plan folds in (no target size in the plan: right-sized from the inventory)
 *   portal  (replatform, level 2, wave 1): depends on ledger:443
 * Waves of 2 days at 1000 GiB per window day: wave 2 moves 2600 GiB of which grants 1500, so
 * grants is warm and permits cold.
 */
export function vmScenario(): { inventory: Inventory; index: InventoryIndex; plan: Plan } {
  const vm = (id: string, site: string, cpuCores: number, memoryGiB: number, storageGiB: number, vmName?: string) =>
    makeServer({ id, kind: "virtual", site, hostedOn: `host-${site}`, cpuCores, memoryGiB, storageGiB, ...(vmName ? { vmName } : {}) });
  const inventory: Inventory = {
    sites: [makeSite({ id: "dc-bn" }), makeSite({ id: "dc-bg", name: "BG" }), makeSite({ id: "dc-lc", name: "LC" })],
    agencies: [makeAgency({ id: "so-khcn" }), makeAgency({ id: "so-tc", name: "Sở Tài chính" })],
    servers: [
      makeServer({ id: "host-dc-bg", site: "dc-bg" }),
      makeServer({ id: "host-dc-lc", site: "dc-lc" }),
      vm("vm-ledger-app", "dc-bg", 8, 32, 100, "LEDGER-APP-01"),
      vm("vm-ledger-db", "dc-bg", 8, 64, 500),
      vm("vm-grants", "dc-bg", 4, 8, 80),
      vm("vm-shared-sql", "dc-bg", 4, 16, 300),
      vm("vm-permits", "dc-bg", 2, 4, 40),
      vm("vm-remote", "dc-lc", 2, 4, 40),
      vm("vm-portal", "dc-bg", 2, 4, 20),
      makeServer({ id: "pm-archive", site: "dc-bg", cpuCores: 8, memoryGiB: 32, storageGiB: 2000 }),
      makeServer({ id: "sa-kiosk", site: "dc-bn", cpuCores: 4, memoryGiB: 16, storageGiB: 100, usage: { cpuPct: 20, memoryPct: 50, storageUsedPct: 50 }, tags: ["standalone"] }),
    ],
    systems: [
      makeSystem({ id: "ledger", owner: "so-tc", securityLevel: 2, servers: ["vm-ledger-app", "vm-ledger-db"] }),
      makeSystem({ id: "grants", owner: "so-tc", securityLevel: 3, servers: ["vm-grants", "vm-shared-sql"] }),
      makeSystem({ id: "permits", owner: "so-khcn", securityLevel: 4, servers: ["vm-permits", "vm-shared-sql"], dependsOn: [{ target: "ledger", coupling: "loose", port: 5432 }] }),
      makeSystem({ id: "archive", owner: "so-khcn", securityLevel: 1, servers: ["pm-archive"] }),
      makeSystem({ id: "remote", owner: "so-khcn", securityLevel: 2, servers: ["vm-remote"] }),
      makeSystem({ id: "kiosk", owner: "so-khcn", securityLevel: 1, servers: ["sa-kiosk"] }),
      makeSystem({ id: "portal", owner: "so-khcn", securityLevel: 2, servers: ["vm-portal"], dependsOn: [{ target: "ledger", coupling: "loose", port: 443 }] }),
    ],
    externals: [makeExternal({ id: "ndxp" })],
  };
  const rehost = (id: string, wave: number, securityLevel: number, dataGiB: number, owner = "so-khcn") =>
    makePlanSystem({ id, disposition: "rehost", platform: "virtual-machine", wave, securityLevel, dataGiB, owner, site: id === "remote" ? "dc-lc" : "dc-bg" });
  const size = (cpuCores: number, memoryGiB: number, storageGiB: number) => ({ cpuCores, memoryGiB, storageGiB });
  const plan = {
    ...makePlan([
      rehost("ledger", 1, 2, 400, "so-tc"),
      rehost("grants", 2, 3, 1500, "so-tc"),
      rehost("permits", 2, 4, 600),
      rehost("archive", 3, 1, 100),
      rehost("remote", 3, 2, 50),
      { ...rehost("kiosk", 3, 1, 10), site: "dc-bn" },
      makePlanSystem({ id: "portal", wave: 1, securityLevel: 2 }),
    ]),
    servers: [
      makePlanServer({ id: "vm-ledger-app", systems: ["ledger"], target: size(4, 16, 60) }),
      makePlanServer({ id: "vm-ledger-db", systems: ["ledger"], target: size(6, 48, 400) }),
      makePlanServer({ id: "vm-grants", systems: ["grants"], target: size(2, 6, 50) }),
      makePlanServer({ id: "vm-shared-sql", systems: ["grants", "permits"], target: size(4, 12, 200) }),
      makePlanServer({ id: "vm-permits", systems: ["permits"], target: size(2, 4, 30) }),
      makePlanServer({ id: "vm-remote", site: "dc-lc", systems: ["remote"], target: size(2, 4, 30) }),
      makePlanServer({ id: "vm-portal", systems: ["portal"], fate: "decommission" }),
      makePlanServer({ id: "pm-archive", kind: "physical", fate: "decommission", systems: ["archive"], target: size(4, 16, 1200) }),
      makePlanServer({ id: "sa-kiosk", kind: "physical", site: "dc-bn", fate: "decommission", systems: ["kiosk"] }),
    ],
    waves: [
      { number: 1, start: "2026-12-05", end: "2026-12-06", systems: ["ledger", "portal"], phase: "2026", dataGiB: 420, servers: [], maxSecurityLevel: 2, notes: [] },
      { number: 2, start: "2026-12-12", end: "2026-12-13", systems: ["grants", "permits"], phase: "2026", dataGiB: 2600, servers: [], maxSecurityLevel: 4, notes: [] },
      { number: 3, start: "2026-12-19", end: "2026-12-20", systems: ["archive", "kiosk", "remote"], phase: "2026", dataGiB: 160, servers: [], maxSecurityLevel: 2, notes: [] },
    ],
    profile: { dataGiBPerWindowDay: 1000 },
  } as unknown as Plan;
  return { inventory, index: indexInventory(inventory), plan };
}

/** Config values that put rehosted VMs on KubeVirt, for vmScenario (sources dc-bg, dc-lc and dc-bn, a storage class per level). */
export function kubevirtValues(over: Record<string, unknown> = {}): Record<string, unknown> {
  const source = (site: string, cidr: string) => ({
    url: `https://vcenter.${site}.example.gov.vn/sdk`,
    cidrs: [cidr],
    datastores: [`${site}-ds-01`, `${site}-ds-02`],
    networks: [{ source: "VM Network" }, { source: "PG-TSLCD", destination: "multus", attachment: "vm-networks/tslcd" }],
  });
  return configValues({
    vmPlatform: "kubevirt",
    kubevirt: {
      sources: { "dc-bg": source("dc-bg", "10.20.0.0/24"), "dc-bn": source("dc-bn", "10.10.20.0/24"), "dc-lc": source("dc-lc", "10.30.0.0/24") },
      storageClasses: { "1": "standard", "2": "standard", "3": "encrypted", "4": "encrypted-secure" },
    },
    tenancy: {},
    ...over,
  });
}

/** Secret config values for kubevirtValues. */
export function kubevirtSecrets(over: Record<string, unknown> = {}): Record<string, unknown> {
  return configSecrets({
    vsphereCredentials: { "dc-bg": { user: "forklift@bg", password: "bg-vc-pass" }, "dc-bn": { user: "forklift@bn", password: "bn-vc-pass" }, "dc-lc": { user: "forklift@lc", password: "lc-vc-pass" } },
    ...over,
  });
}
