// Fixtures of the stack tests: a small two-site inventory with a hand-written plan, and stack
// configuration values (plain and secret) that pass validation; tests change one thing at a time.
import { indexInventory, type InventoryIndex } from "../../inventory/model.js";
import type { Inventory } from "../../inventory/schema.js";
import type { Plan, PlanSystem } from "../../planner/plan-schema.js";
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
  return { schemaVersion: 1, asOf: "2026-11-23", targetSite, systems, waves: [] } as unknown as Plan;
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
    ...over,
  };
}

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
