import { describe, expect, it } from "vitest";
import { checkInvariants } from "./invariants.js";
import type { Site } from "../../inventory/schema.js";
import { makeServer, makeSite } from "../fixtures.js";
import { detailedPlanOf, host, inventoryOf, planOf, sys, systemOf, vm } from "./fixtures.js";

const many = (n: number, over = {}) => Array.from({ length: n }, (_, i) => sys(`s${String(i).padStart(2, "0")}`, [], over));

describe("wave scheduling", () => {
  it("puts tightly coupled systems in the same wave and respects maxSystems", () => {
    const inv = inventoryOf([...many(6), sys("app", [], { dependsOn: [{ target: "db", coupling: "tight" }] }), sys("db", [])]);
    const plan = planOf(inv, { waveLimits: { maxSystems: 3 } });
    expect(systemOf(plan, "app").wave).toBe(systemOf(plan, "db").wave);
    expect(plan.waves.every((w) => w.systems.length <= 3)).toBe(true);
    expect(plan.waves.length).toBe(3);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("gives an oversized group a wave of its own, with a warning", () => {
    const chain = ["a", "b", "c", "d"].map((id, i, all) => sys(id, [], i + 1 < all.length ? { dependsOn: [{ target: all[i + 1], coupling: "tight" }] } : {}));
    const inv = inventoryOf([...chain, ...many(2)]);
    const plan = planOf(inv, { waveLimits: { maxSystems: 3 } });
    const w = plan.waves.find((x) => x.systems.includes("a"))!;
    expect(w.systems).toEqual(["a", "b", "c", "d"]);
    expect(plan.warnings.some((x) => x.rule === "oversized-group")).toBe(true);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("cuts a provider over no later than its consumer", () => {
    const inv = inventoryOf([sys("consumer", [], { securityLevel: 1, dependsOn: [{ target: "provider", coupling: "loose" }] }), sys("provider", [], { securityLevel: 3 }), ...many(3, { securityLevel: 2 })]);
    const plan = planOf(inv, { waveLimits: { maxSystems: 2 } });
    expect(systemOf(plan, "provider").wave!).toBeLessThanOrEqual(systemOf(plan, "consumer").wave!);
  });

  it("keeps security level ≥ 4 out of the two pilot waves and starts with dev/test", () => {
    const inv = inventoryOf([sys("secret", [], { securityLevel: 4 }), ...many(4, { securityLevel: 2 }), sys("devsys", ["dev-vm"])], [vm("dev-vm", "bg-host", { tags: ["test"] })]);
    const plan = planOf(inv, { waveLimits: { maxSystems: 2 } });
    expect(systemOf(plan, "secret").wave!).toBeGreaterThan(2);
    expect(plan.waves[0].systems).toContain("devsys");
  });

  it("moves dependants of a consolidated system no earlier than its survivor", () => {
    const inv = inventoryOf([
      sys("surv", [], { function: "sso", securityLevel: 4, disposition: "rehost" }),
      sys("dup", [], { function: "sso", disposition: "consolidate", consolidateInto: "surv" }),
      sys("user", [], { securityLevel: 1, dependsOn: [{ target: "dup", coupling: "loose" }] }),
      ...many(3, { securityLevel: 1 }),
    ]);
    const plan = planOf(inv, { waveLimits: { maxSystems: 2 } });
    expect(systemOf(plan, "user").wave!).toBeGreaterThanOrEqual(systemOf(plan, "surv").wave!);
    expect(systemOf(plan, "dup").wave!).toBeGreaterThanOrEqual(systemOf(plan, "surv").wave!);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("honours pins to a date and hold-backs", () => {
    const inv = inventoryOf([sys("pinned", []), sys("held", []), sys("free", [])]);
    const plan = planOf(inv, { pins: [{ system: "pinned", date: "2026-12-13" }, { system: "held", notBefore: "2026-12-19" }] });
    const waveOf = (id: string) => plan.waves[systemOf(plan, id).wave! - 1];
    expect(waveOf("pinned").start).toBe("2026-12-12");
    expect(waveOf("held").start >= "2026-12-19").toBe(true);
    expect(waveOf("free").start).toBe("2026-11-28");
    expect(plan.lowerBound.components.pins).toBe(1);
  });

  it("reports a pin it cannot honour instead of breaking a rule", () => {
    const inv = inventoryOf([sys("surv", [], { function: "sso", disposition: "rehost" }), sys("dup", [], { function: "sso", disposition: "consolidate", consolidateInto: "surv" })]);
    const plan = planOf(inv, { pins: [{ system: "dup", date: "2026-11-28" }, { system: "surv", notBefore: "2026-12-10" }] });
    expect(plan.violations.map((v) => v.rule)).toContain("pin-conflict");
    expect(systemOf(plan, "dup").wave!).toBeGreaterThanOrEqual(systemOf(plan, "surv").wave!);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("waits for capacity before procured hardware can arrive, then buys the shortage with a by date before the wave", () => {
    const big = (id: string) => vm(`${id}-vm`, "bg-host", { cpuCores: 64, memoryGiB: 256 });
    const inv = inventoryOf([sys("big1", ["big1-vm"]), sys("big2", ["big2-vm"])], [host("bn-host", { site: "dc-bn", cpuCores: 16, memoryGiB: 300, storageGiB: 10_000 }), host("bg-host", { supportEnds: "2026-12-31" }), big("big1"), big("big2")]);
    const plan = planOf(inv, { procurementLeadDays: 30 });
    expect(plan.procurement.length).toBeGreaterThan(0);
    for (const p of plan.procurement) {
      const w = plan.waves.find((x) => x.notes.some((n) => n.includes(p.by)))!;
      expect(p.by < w.start).toBe(true);
      expect(p.by >= "2026-12-22").toBe(true);
    }
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("relocates a freed host that is still in support and counts its capacity from the day after", () => {
    const inv = inventoryOf([sys("a", [])]);
    const plan = planOf(inv);
    const bg = plan.servers.find((s) => s.id === "bg-host")!;
    expect(bg).toMatchObject({ fate: "relocate", freedOn: "2026-11-29", relocateOn: "2026-12-05" });
    expect(plan.capacity.some((c) => c.from === "2026-12-07" && c.reason.includes("bg-host"))).toBe(true);
  });

  it("traces why a group waited", () => {
    const d = detailedPlanOf(inventoryOf(many(3)), { waveLimits: { maxSystems: 1 } });
    const last = d.schedule.units.find((u) => d.schedule.traces[u.index].wave === 3)!;
    expect(d.schedule.traces[last.index].lastDefer?.kind).toBe("wave-limit");
  });
});

describe("rack space and power at the target site", () => {
  // dc-bn has one rack (42U); bn-host takes 2U. Two hardware-bound systems each bring a 24U appliance.
  const appliance = (id: string) => makeServer({ id, site: "dc-bg", kind: "appliance", rackUnits: 24, powerWatts: 800, supportEnds: "2030-06-30" });
  const shortOfRacks = (over: Partial<Site> = {}) =>
    inventoryOf([sys("hsm-a", ["app-a"]), sys("hsm-b", ["app-b"]), sys("web", [])], [appliance("app-a"), appliance("app-b")], {
      sites: [makeSite({ id: "dc-bn", name: "Bắc Ninh", racks: 1, powerKw: 200, ...over }), makeSite({ id: "dc-bg", name: "Bắc Giang", pue: 1.9 })],
    });

  it("delays the second relocation until racks can be bought, then buys them", () => {
    const inv = shortOfRacks();
    const plan = planOf(inv, { procurementLeadDays: 45 });
    const [a, b] = [systemOf(plan, "hsm-a"), systemOf(plan, "hsm-b")].sort((x, y) => x.wave! - y.wave!);
    expect(a.disposition).toBe("relocate");
    const second = plan.waves[b.wave! - 1];
    expect(b.wave!).toBeGreaterThan(a.wave!);
    expect(second.start > "2027-01-06").toBe(true); // as-of 2026-11-22 + 45 days
    const buy = plan.procurement.find((p) => p.racks !== undefined)!;
    expect(buy).toMatchObject({ racks: 1, cpuCores: 0, by: addDaysIso(second.start, -1) });
    expect(buy.reason).toMatch(/rack/);
    expect(plan.translations!.vi[buy.reason]).toMatch(/tủ rack/);
    expect(plan.capacity[0].rackUnits).toBe(42);
    expect(plan.capacity.at(-1)!.rackUnits).toBe(84);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("buys power when the relocated hardware would draw more than the usable kW", () => {
    // 2 kW × (1 − 20 % headroom) = 1600 W usable; bn-host has no stated power, the appliances draw 800 W each.
    const inv = shortOfRacks({ racks: 10, powerKw: 1 });
    const plan = planOf(inv, { procurementLeadDays: 0 });
    expect(plan.capacity[0].powerWatts).toBe(800);
    const buy = plan.procurement.find((p) => p.powerKw !== undefined && p.powerKw > 0)!;
    expect(buy.powerKw! * 1000 * 0.8).toBeGreaterThanOrEqual(600 + 1600 - 800);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("is caught by the invariant checker when a plan ignores it", () => {
    const inv = shortOfRacks();
    const plan = planOf(inv, { procurementLeadDays: 0 });
    const tampered = { ...plan, capacity: plan.capacity.map((c) => ({ ...c, rackUnits: 42 })) };
    expect(checkInvariants(inv, tampered).some((x) => /rack space/.test(x))).toBe(true);
  });
});

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe("a cycle forced by consolidations pinned by people", () => {
  // Two clusters (a-app → a-db, b-app → b-db) at the closing site; people pinned a-app into b-app
  // and b-db into a-db, so each cluster must cut over no earlier than the other: one unit of 4
  // systems, more than maxSystems 3 allows, of two move groups.
  const contradiction = () =>
    inventoryOf([
      sys("a-app", [], { function: "app", disposition: "consolidate", consolidateInto: "b-app", dependsOn: [{ target: "a-db", coupling: "tight" }] }),
      sys("a-db", [], { function: "db" }),
      sys("b-app", [], { function: "app", dependsOn: [{ target: "b-db", coupling: "tight" }] }),
      sys("b-db", [], { function: "db", disposition: "consolidate", consolidateInto: "a-db" }),
      ...many(2),
    ]);

  it("keeps the forced unit together in a wave of its own and lists a forced-oversized-wave violation", () => {
    const inv = contradiction();
    const plan = planOf(inv, { waveLimits: { maxSystems: 3 } });
    const w = plan.waves.find((x) => x.systems.includes("a-app"))!;
    expect(w.systems).toEqual(["a-app", "a-db", "b-app", "b-db"]);
    const forced = plan.violations.filter((v) => v.rule === "forced-oversized-wave");
    expect(forced).toHaveLength(1);
    expect(forced[0].message).toMatch(new RegExp(`^wave ${w.number} exceeds the wave limits \\(3 systems, .*\\) with 4 systems .* \\(g-a-app, g-b-app: a-app, a-db, b-app, b-db\\), .* consolidations a-app → b-app, b-db → a-db make each cut over no earlier than the other`));
    expect(plan.translations?.vi[forced[0].message]).toMatch(/^đợt \d+ vượt giới hạn một đợt/);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("does not merge a cycle that a loose dependency closes: the loose edge is cut, survivor first still holds", () => {
    // old → new (consolidation) puts new's group first; new depends loosely on helper, which is
    // tightly bound to old. Merging would make one unit of 3 systems, over maxSystems 2.
    const inv = inventoryOf([
      sys("old", [], { function: "f", disposition: "consolidate", consolidateInto: "new", dependsOn: [{ target: "helper", coupling: "tight" }] }),
      sys("helper", []),
      sys("new", [], { function: "f", dependsOn: [{ target: "helper", coupling: "loose" }] }),
    ]);
    const plan = planOf(inv, { waveLimits: { maxSystems: 2 } });
    expect(plan.violations).toEqual([]);
    expect(systemOf(plan, "old").wave).toBe(systemOf(plan, "helper").wave);
    expect(systemOf(plan, "old").wave).toBeGreaterThan(systemOf(plan, "new").wave!);
    expect(plan.warnings.map((w) => w.rule)).toContain("consumer-before-provider");
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("the invariant checker flags that wave when the plan does not list the violation", () => {
    const inv = contradiction();
    const plan = planOf(inv, { waveLimits: { maxSystems: 3 } });
    const silent = { ...plan, violations: plan.violations.filter((v) => v.rule !== "forced-oversized-wave") };
    const w = plan.waves.find((x) => x.systems.includes("a-app"))!;
    expect(checkInvariants(inv, silent)).toEqual([`wave ${w.number} exceeds waveLimits (4 systems, 40 GiB) and holds more than one group`]);
  });
});
