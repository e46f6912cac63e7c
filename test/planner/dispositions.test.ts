import { describe, expect, it } from "vitest";
import type { Server, System } from "../../inventory/schema.js";
import { makeServer, makeSite } from "../fixtures.js";
import { host, inventoryOf, planOf, serverOf, sys, systemOf, vm } from "./fixtures.js";
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
    expect(plan.translations?.vi[systemOf(plan, "b-db").reasons[0]]).toMatch(/nhóm g-a-app được giữ lại nguyên vẹn \(điểm giữ lại trung bình 21,7/);
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

  describe("tight coupling to a system people pinned to stay off the target", () => {
    // app at dc-bg is pinned to stay; db and cache are its tight cluster (app → db → cache).
    const cluster = (over: Partial<Record<string, Partial<System>>> = {}, extra: System[] = [], servers: Server[] = []) =>
      inventoryOf(
        [
        sys("app", [], { disposition: "retain", dependsOn: [{ target: "db", coupling: "tight" }], ...over.app }),
        sys("db", [], { function: "land-db", dependsOn: [{ target: "cache", coupling: "tight" }], ...over.db }),
        sys("cache", [], over.cache),
        ...extra,
        ],
        servers,
      );

    it("keeps the unpinned systems of its tight cluster with it, says why and lists them as remaining", () => {
      const inv = cluster();
      const plan = planOf(inv);
      expect(systemOf(plan, "db")).toMatchObject({ disposition: "retain", targetSite: "dc-bg" });
      expect(systemOf(plan, "db").wave).toBeUndefined();
      expect(systemOf(plan, "db").reasons).toContain("stays at dc-bg with app, which people pinned to stay there: it is tightly coupled to it, and moving it to dc-bn would split them across sites; listed as remaining after the merger");
      expect(systemOf(plan, "cache").reasons.at(-1)).toMatch(/^stays at dc-bg with app, .* tightly coupled to it through db,/);
      expect(plan.translations?.vi[systemOf(plan, "cache").reasons.at(-1)!]).toBe(
        "Hệ thống cache ở lại Bắc Giang cùng Hệ thống app (được cán bộ chỉ định giữ nguyên tại đó) vì hai hệ thống phụ thuộc chặt vào nhau thông qua Hệ thống db; nếu chuyển đi, hai hệ thống sẽ bị tách ở hai trung tâm; thuộc danh sách hệ thống còn lại sau hợp nhất",
      );
      expect(plan.remaining).toEqual(["app", "cache", "db"]);
      expect(plan.violations).toEqual([]);
      expect(serverOf(plan, "db-vm").fate).toBe("retain");
      expect(checkInvariants(inv, plan)).toEqual([]);
    });

    it("holds a consumer of a pinned database the same way (tight dependencies count both ways)", () => {
      const inv = inventoryOf([sys("db", [], { disposition: "retain" }), sys("app", [], { dependsOn: [{ target: "db", coupling: "tight" }] })]);
      const plan = planOf(inv);
      expect(systemOf(plan, "app").disposition).toBe("retain");
      expect(plan.remaining).toEqual(["app", "db"]);
      expect(checkInvariants(inv, plan)).toEqual([]);
    });

    it("does not merge a held system into its twin at the target", () => {
      const inv = cluster({}, [sys("bn-land-db", ["bn-vm"], { function: "land-db", users: 5000 })], [vm("bn-vm", "bn-host", { site: "dc-bn" })]);
      const plan = planOf(inv);
      expect(systemOf(plan, "db").disposition).toBe("retain");
      expect(systemOf(plan, "bn-land-db").disposition).toBe("retain");
      expect(plan.violations).toEqual([]);
    });

    it("reports a split only where people pinned both sides into contradiction", () => {
      const moved = cluster({ db: { disposition: "rehost" } });
      const plan = planOf(moved);
      expect(systemOf(plan, "db").disposition).toBe("rehost");
      expect(plan.violations).toEqual([
        { rule: "tight-coupling-split", subject: "db", message: "db moves to dc-bn but is tightly coupled to app, which stays at dc-bg; people pinned both dispositions in the inventory, so change one of them" },
      ]);
      // cache is tightly coupled to db, which moves: cache moves with it, nothing holds it.
      expect(systemOf(plan, "cache").disposition).toBe("rehost");
      expect(checkInvariants(moved, plan)).toEqual([]);

      const merged = cluster({ db: { disposition: "consolidate", consolidateInto: "bn-land-db" } }, [sys("bn-land-db", ["bn-vm"], { function: "land-db" })], [vm("bn-vm", "bn-host", { site: "dc-bn" })]);
      const p2 = planOf(merged);
      expect(p2.violations.map((v) => v.message)).toEqual(["db is merged into bn-land-db at dc-bn but is tightly coupled to app, which stays at dc-bg; people pinned both dispositions in the inventory, so change one of them"]);
      expect(checkInvariants(merged, p2)).toEqual([]);
    });

    it("does not hold through a system that retires", () => {
      // r depends tightly on app (pinned) and on c; nothing depends on r, which is retiring: r retires and c moves.
      const inv = inventoryOf([sys("app", [], { disposition: "retain" }), sys("r", [], { lifecycle: "retiring", dependsOn: [{ target: "app", coupling: "tight" }, { target: "c", coupling: "tight" }] }), sys("c", [])]);
      const plan = planOf(inv);
      expect([systemOf(plan, "r").disposition, systemOf(plan, "c").disposition]).toEqual(["retire", "rehost"]);
      expect(checkInvariants(inv, plan)).toEqual([]);
    });

    it("the invariant checker flags an unpinned system moved away from its pinned partner, and one retained without a reason", () => {
      const inv = cluster();
      const plan = planOf(inv);
      const wave = { number: 1, start: "2026-11-28", end: "2026-11-29", systems: ["db"], phase: "2026" as const, dataGiB: 10, servers: ["db-vm"], maxSecurityLevel: 2, notes: [] };
      const moved = { ...plan, waves: [wave], systems: plan.systems.map((s) => (s.id === "db" ? { ...s, disposition: "rehost" as const, wave: 1 } : s)) };
      expect(checkInvariants(inv, moved)).toContain("db moves but stays tightly coupled to app at dc-bg; only people's pins may force that");
      const loose = inventoryOf([sys("app", [], { disposition: "retain" }), sys("db", [])]);
      const kept = planOf(loose);
      const wrong = { ...kept, waves: [], systems: kept.systems.map((s) => (s.id === "db" ? { ...s, disposition: "retain" as const, wave: undefined } : s)) };
      expect(checkInvariants(loose, wrong)).toContain("db is retained at dc-bg without a people-pinned retain, nor a tight coupling to one");
    });
  });

  it("proposes a target site with reasons when the profile gives none", () => {
    const inv = inventoryOf([sys("a", [])], [host("bn-host", { site: "dc-bn", cpuCores: 256, memoryGiB: 8192, storageGiB: 500_000 })]);
    const plan = planOf(inv, { targetSite: undefined });
    expect(plan.targetSite).toBe("dc-bn");
    expect(plan.targetSiteReasons[0]).toMatch(/proposed by dcplan: highest site score/);
  });
});
