import { describe, expect, it } from "vitest";
import type { System } from "../../inventory/schema.js";
import { makeServer, makeSite } from "../fixtures.js";
import { host, inventoryOf, planOf, sys, systemOf, vm } from "./fixtures.js";
import { checkInvariants } from "./invariants.js";

/**
 * Two tight clusters of the same functions (app → db, app → cache) at dc-bg and at a third site,
 * neither the target: per function the scores alternate (app and cache best in cluster a, db best
 * in cluster b), while cluster a's mean is higher (app 30, db 10, cache 25 → 21.7 against
 * app 15.2, db 15, cache 5 → 11.7).
 */
function twoClusters(over: Partial<Record<string, Partial<System>>> = {}) {
  const cluster = (prefix: string, site: string, levels: [number, number, number], app: Partial<System>, cache: Partial<System>): System[] => [
    sys(`${prefix}-app`, [`${prefix}-app-vm`], { function: "qlvb", securityLevel: levels[0], dependsOn: [{ target: `${prefix}-db`, coupling: "tight" }, { target: `${prefix}-cache`, coupling: "tight" }], ...app, ...over[`${prefix}-app`] }),
    sys(`${prefix}-db`, [`${prefix}-db-vm`], { function: "qlvb-db", securityLevel: levels[1], ...over[`${prefix}-db`] }),
    sys(`${prefix}-cache`, [`${prefix}-cache-vm`], { function: "qlvb-cache", securityLevel: levels[2], ...cache, ...over[`${prefix}-cache`] }),
  ];
  const systems = [...cluster("a", "dc-bg", [3, 2, 3], { users: 1000 }, { containerReady: true }), ...cluster("b", "cloud", [2, 3, 1], { users: 10 }, {})];
  const servers = [host("cloud-host", { site: "cloud" }), ...["app", "db", "cache"].flatMap((f) => [vm(`a-${f}-vm`, "bg-host"), vm(`b-${f}-vm`, "cloud-host", { site: "cloud" })])];
  const inv = inventoryOf(systems, servers);
  return { ...inv, sites: [...inv.sites, makeSite({ id: "cloud", name: "Cloud" })] };
}

describe("dispositions", () => {
  it("retains what runs at the target, rehosts VMs, replatforms container-ready systems, relocates appliances", () => {
    const plan = planOf(
      inventoryOf(
        [sys("bn-app", ["bn-vm"]), sys("bg-app", []), sys("bg-k8s", [], { containerReady: true }), sys("bg-hsm", ["bg-hsm-1"])],
        [vm("bn-vm", "bn-host", { site: "dc-bn" }), makeServer({ id: "bg-hsm-1", kind: "appliance", site: "dc-bg" })],
      ),
    );
    expect(systemOf(plan, "bn-app").disposition).toBe("retain");
    expect(systemOf(plan, "bg-app").disposition).toBe("rehost");
    expect(systemOf(plan, "bg-k8s")).toMatchObject({ disposition: "replatform", platform: "shared-kubernetes" });
    expect(systemOf(plan, "bg-hsm")).toMatchObject({ disposition: "relocate", platform: "hardware" });
    for (const s of plan.systems) expect(s.reasons.length).toBeGreaterThan(0);
  });

  it("consolidates duplicates of a function across sites into the survivor at the target site", () => {
    const plan = planOf(inventoryOf([sys("qlvb-bn", ["bn-vm"], { function: "document-management", users: 100 }), sys("qlvb-bg", [], { function: "document-management", users: 5000 })], [vm("bn-vm", "bn-host", { site: "dc-bn" })]));
    expect(systemOf(plan, "qlvb-bg")).toMatchObject({ disposition: "consolidate", into: "qlvb-bn" });
    expect(systemOf(plan, "qlvb-bg").wave).toBe(1);
    expect(systemOf(plan, "qlvb-bn").disposition).toBe("retain");
  });

  it("chooses survivors cluster by cluster: one tight cluster survives whole, the other merges into its counterparts", () => {
    const inv = twoClusters();
    const plan = planOf(inv, { waveLimits: { maxSystems: 3 } });
    for (const f of ["app", "db", "cache"]) {
      expect(systemOf(plan, `b-${f}`)).toMatchObject({ disposition: "consolidate", into: `a-${f}` });
      expect(systemOf(plan, `a-${f}`).disposition).not.toBe("consolidate");
    }
    expect(systemOf(plan, "b-db").reasons[0]).toMatch(/merged into its counterpart a-db at dc-bg, together with its move group: .*group g-a-app survives whole \(mean survivor score 21\.7 over 3 duplicated systems; group g-b-app: 11\.7 over 3\)/);
    expect(systemOf(plan, "a-db").reasons[0]).toMatch(/^survivor of function "qlvb-db": its move group g-a-app survives whole/);
    // Vietnamese names the groups by their systems (planner/messages.ts)
    expect(plan.translations?.vi[systemOf(plan, "b-db").reasons[0]]).toMatch(/nhóm gồm Hệ thống a-app; Hệ thống a-cache; Hệ thống a-db được giữ lại nguyên vẹn \(điểm giữ lại trung bình 21,7/);
    // The surviving cluster cuts over first, the merged one after it: no cycle, nothing merged, limits kept.
    expect(systemOf(plan, "b-app").wave).toBeGreaterThan(systemOf(plan, "a-app").wave!);
    expect(plan.violations).toEqual([]);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("lets a consolidateInto pinned by people decide which cluster survives", () => {
    const inv = twoClusters({ "a-app": { disposition: "consolidate", consolidateInto: "b-app" } });
    const plan = planOf(inv, { waveLimits: { maxSystems: 3 } });
    expect(systemOf(plan, "a-app")).toMatchObject({ disposition: "consolidate", into: "b-app" });
    expect(systemOf(plan, "a-db")).toMatchObject({ disposition: "consolidate", into: "b-db" });
    expect(systemOf(plan, "a-cache")).toMatchObject({ disposition: "consolidate", into: "b-cache" });
    expect(systemOf(plan, "a-cache").reasons[0]).toMatch(/ranked first because a-app is pinned to consolidate into b-app in the inventory/);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("keeps a pinned disposition and a pinned survivor", () => {
    const plan = planOf(inventoryOf([sys("a", [], { disposition: "rehost", containerReady: true }), sys("b", [], { function: "x", disposition: "consolidate", consolidateInto: "c" }), sys("c", [], { function: "y" })]));
    expect(systemOf(plan, "a").disposition).toBe("rehost");
    expect(systemOf(plan, "b")).toMatchObject({ disposition: "consolidate", into: "c" });
  });

  it("retires a retiring system nobody depends on, with retireOn, but keeps one that is still used", () => {
    const plan = planOf(inventoryOf([sys("old", [], { lifecycle: "retiring" }), sys("used", [], { lifecycle: "retiring" }), sys("user", [], { dependsOn: [{ target: "used", coupling: "loose" }] })]));
    expect(systemOf(plan, "old")).toMatchObject({ disposition: "retire", retireOn: "2026-11-29" });
    expect(systemOf(plan, "old").wave).toBeUndefined();
    expect(systemOf(plan, "used").disposition).toBe("rehost");
    expect(systemOf(plan, "used").reasons.join(" ")).toMatch(/user still depends on it/);
    expect(plan.violations).toEqual([]);
  });

  it("retires a chain of retiring systems used only by each other", () => {
    const plan = planOf(inventoryOf([sys("r1", [], { lifecycle: "retiring", dependsOn: [{ target: "r2", coupling: "loose" }] }), sys("r2", [], { lifecycle: "retiring" })]));
    expect([systemOf(plan, "r1").disposition, systemOf(plan, "r2").disposition]).toEqual(["retire", "retire"]);
  });

  it("lists a kept system that depends on a retirement pinned by people as a violation", () => {
    const plan = planOf(inventoryOf([sys("gone", [], { disposition: "retire" }), sys("user", [], { dependsOn: [{ target: "gone", coupling: "loose" }] })]));
    expect(plan.violations).toEqual([expect.objectContaining({ rule: "depends-on-retired", subject: "user" })]);
  });

  it("lists people-pinned retains at the closing site as remaining", () => {
    const plan = planOf(inventoryOf([sys("stay", [], { disposition: "retain" })]));
    expect(plan.remaining).toEqual(["stay"]);
  });

  it("proposes a target site with reasons when the profile gives none", () => {
    const inv = inventoryOf([sys("a", [])], [host("bn-host", { site: "dc-bn", cpuCores: 256, memoryGiB: 8192, storageGiB: 500_000 })]);
    const plan = planOf(inv, { targetSite: undefined });
    expect(plan.targetSite).toBe("dc-bn");
    expect(plan.targetSiteReasons[0]).toMatch(/proposed by dcplan: highest site score/);
  });
});
