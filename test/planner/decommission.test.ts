import { describe, expect, it } from "vitest";
import { makeServer, makeSite } from "../fixtures.js";
import { generateInventory } from "../../bench/generate.js";
import { kwhPerYear } from "../../planner/decommission.js";
import { PlanServer } from "../../planner/plan-schema.js";
import { host, inventoryOf, planOf, serverOf, sys, systemOf, vm } from "./fixtures.js";

describe("server fates", () => {
  it("frees a host on the end of the wave that moves its last VM, and decommissions it after the quiet period when out of support", () => {
    const inv = inventoryOf(
      [sys("a", ["a-vm"], { securityLevel: 1 }), sys("b", ["b-vm"], { securityLevel: 2 })],
      [host("old-host", { supportEnds: "2026-06-30", powerWatts: 800, rackUnits: 2 }), vm("a-vm", "old-host"), vm("b-vm", "old-host")],
    );
    const plan = planOf(inv, { waveLimits: { maxSystems: 1 }, quietPeriodDays: 45 });
    const lastWave = plan.waves[1];
    expect(serverOf(plan, "old-host")).toMatchObject({ fate: "decommission", freedOn: lastWave.end, decommissionOn: "2027-01-20" });
    // 800 W × 8760 h × PUE 1.9 / 1000
    expect(serverOf(plan, "old-host").savings).toEqual({ watts: 800, kwhPerYear: 13315, rackUnits: 2 });
    expect(serverOf(plan, "a-vm")).toMatchObject({ fate: "reuse", freedOn: plan.waves[0].end, targetSite: "dc-bn" });
    expect(serverOf(plan, "a-vm").target).toEqual({ cpuCores: 4, memoryGiB: 16, storageGiB: 100 });
  });

  it("right-sizes from measured usage", () => {
    const plan = planOf(inventoryOf([sys("a", ["a-vm"])], [vm("a-vm", "bg-host", { cpuCores: 16, memoryGiB: 64, storageGiB: 1000, usage: { cpuPct: 20, memoryPct: 50, storageUsedPct: 30 } })]));
    // 16 × 20 % × 1.3 = 4.16 → 6 vCPUs (steps of 2); 64 × 50 % × 1.3 = 41.6 → 42 GiB; 1000 × 30 % × 1.3 = 390 GiB.
    expect(serverOf(plan, "a-vm").target).toEqual({ cpuCores: 6, memoryGiB: 42, storageGiB: 390 });
  });

  it("never decommissions a server that still runs a retained system", () => {
    const plan = planOf(inventoryOf([sys("stay", ["s-vm"], { disposition: "retain" }), sys("go", ["g-vm"])], [vm("s-vm", "bg-host"), vm("g-vm", "bg-host")]));
    expect(serverOf(plan, "bg-host").fate).toBe("retain");
    expect(serverOf(plan, "s-vm").fate).toBe("retain");
  });

  it("says why each server of a system that stays cannot be freed, the same sentence for each", () => {
    const plan = planOf(inventoryOf([sys("stay", ["s-vm1", "s-vm2"], { disposition: "retain" }), sys("go", ["g-vm"])], [vm("s-vm1", "bg-host"), vm("s-vm2", "bg-host"), vm("g-vm", "bg-host")]));
    const why = "still runs stay (stay is retained) at dc-bg, so it cannot be freed";
    expect(serverOf(plan, "s-vm1").reasons).toEqual([why]);
    expect(serverOf(plan, "s-vm2").reasons).toEqual([why]);
    expect(serverOf(plan, "bg-host").reasons).toEqual([why]);
    expect(plan.translations?.vi[why]).toContain("được giữ nguyên");
  });

  it("writes every server's entry with the contract's fields in the contract's order, stand-alone flag included", () => {
    const inventory = generateInventory({ seed: 7, servers: 400, thirdSite: true });
    const plan = planOf(inventory, { waveLimits: { maxSystems: 4 } });
    const order = Object.keys(PlanServer.shape);
    expect(plan.servers.length).toBe(inventory.servers.length);
    for (const s of plan.servers) {
      expect(Object.keys(s)).toEqual(order.filter((k) => k in s));
      expect(typeof s.standalone).toBe("boolean");
    }
    expect(new Set(plan.servers.map((s) => s.fate))).toEqual(new Set(["retain", "reuse", "decommission", "relocate"]));
  });

  it("frees a retired system's servers on its retireOn", () => {
    const plan = planOf(inventoryOf([sys("old", ["o-vm"], { lifecycle: "retiring" })], [vm("o-vm", "bn-host", { site: "dc-bn" })]));
    expect(serverOf(plan, "o-vm")).toMatchObject({ fate: "decommission", freedOn: "2026-11-29", decommissionOn: "2026-12-29" });
  });

  it("decommissions network gear of the closing site once its last workload has left", () => {
    const plan = planOf(inventoryOf([sys("a", [])], [makeServer({ id: "bg-sw", kind: "network", site: "dc-bg", powerWatts: 150, rackUnits: 1 })]));
    expect(serverOf(plan, "bg-sw")).toMatchObject({ fate: "decommission", freedOn: "2026-11-29" });
    expect(kwhPerYear(150, 1.9)).toBe(2497);
  });

  it("summarises footprint before and after, racks of 42U", () => {
    const plan = planOf(inventoryOf([sys("a", [])], [makeServer({ id: "bg-sw", kind: "network", site: "dc-bg", powerWatts: 150, rackUnits: 1 })]));
    expect(plan.summary.before.physicalServers).toBe(3);
    expect(plan.summary.after.physicalServers).toBe(2);
    expect(plan.summary.savings).toMatchObject({ watts: 150, rackUnits: 1, kwhPerYear: 2497 });
    expect(plan.summary.systemsByDisposition.rehost).toBe(1);
  });
});

describe("stand-alone servers", () => {
  it("flags servers tagged standalone or at a site that is not a data centre, the rule of the summary", () => {
    const inv = inventoryOf(
      [sys("a", ["pm-tagged"]), sys("b", ["pm-xa"])],
      [host("pm-tagged", { tags: ["standalone"], supportEnds: "2026-12-31" }), host("pm-xa", { site: "xa-tan-yen" })],
    );
    const plan = planOf({ ...inv, sites: [...inv.sites, makeSite({ id: "xa-tan-yen", name: "Phòng máy thuê chỗ", kind: "colocation" })] });
    expect(plan.servers.filter((s) => s.standalone).map((s) => s.id)).toEqual(["pm-tagged", "pm-xa"]);
    expect(serverOf(plan, "bg-host").standalone).toBe(false);
    expect(plan.summary.standaloneServersRemaining).toBe(plan.servers.filter((s) => s.standalone && s.fate !== "decommission").length);
  });
});

describe("rack space and power at the target", () => {
  it("does not relocate a freed host for its capacity when the target site's racks are full", () => {
    const inv = inventoryOf([sys("a", [])], [host("bn-host", { site: "dc-bn", cpuCores: 256, memoryGiB: 8192, storageGiB: 500_000, rackUnits: 40 }), host("bg-host", { rackUnits: 10 })]);
    const plan = planOf({ ...inv, sites: inv.sites.map((s) => (s.id === "dc-bn" ? { ...s, racks: 1 } : s)) });
    expect(serverOf(plan, "bg-host").fate).toBe("decommission");
    expect(serverOf(plan, "bg-host").reasons.join()).toMatch(/no rack space or power left/);
    expect(plan.warnings.some((w) => w.rule === "rack-space")).toBe(false);
  });

  it("warns when the target site is over its racks already and nothing is bought", () => {
    const inv = inventoryOf([sys("a", [])], [host("bn-host", { site: "dc-bn", cpuCores: 256, memoryGiB: 8192, storageGiB: 500_000, rackUnits: 50 })]);
    const plan = planOf({ ...inv, sites: inv.sites.map((s) => (s.id === "dc-bn" ? { ...s, racks: 1 } : s)) });
    expect(systemOf(plan, "a").wave).toBe(1);
    expect(plan.warnings.find((w) => w.rule === "rack-space")?.message).toMatch(/50U .* 1 racks × 42U = 42U; prepare 1 more rack/);
  });
});
