// Each lever on small inventories built for it: the option found is the smallest change that meets
// the deadline (the next smaller one is re-planned and misses), its promise holds when planned from
// scratch, and the options come in the documented order.
import { describe, expect, it } from "vitest";
import type { Inventory } from "../../../inventory/schema.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { makeSite } from "../../fixtures.js";
import { inventoryOf, planOf, sys } from "../fixtures.js";
import { optionsOf, promiseOf, replanned, verdictOf } from "./fixtures.js";

/** `n` independent systems at dc-bg, security level 2, 10 GiB each. */
function independent(n: number, over: (i: number) => Partial<Parameters<typeof sys>[2]> = () => ({})): Inventory {
  const inv = inventoryOf(Array.from({ length: n }, (_, i) => sys(`s${String(i + 1).padStart(2, "0")}`, [], over(i))));
  // dc-bg a colocation site: not a candidate target, so keeping it instead is no option here.
  return { ...inv, sites: [inv.sites[0], makeSite({ id: "dc-bg", name: "Phòng máy Bắc Giang", kind: "colocation" })] };
}

describe("waveLimits.maxSystems", () => {
  const inventory = independent(30);
  const profile: Profile = { targetSite: "dc-bn", waveLimits: { maxSystems: 4 } };

  it("is raised to the smallest value that meets the deadline", () => {
    // Five weekend windows before 2026-12-31 from 2026-11-22: 30 systems need 6 a wave.
    const { found } = optionsOf(inventory, profile);
    const o = found.options.find((x) => x.id.startsWith("max-systems-"))!;
    expect(o).toMatchObject({ id: "max-systems-6", change: { waveLimits: { maxSystems: 6 } }, met: true, late: [], levers: [{ kind: "maxSystems", from: 4, to: 6 }] });
    expect(verdictOf(replanned(inventory, profile, o))).toEqual(promiseOf(o));
    expect(planOf(inventory, { ...profile, waveLimits: { maxSystems: 5 } }).deadline.met).toBe(false);
  });

  it("ranks options by the size of the change: 4 → 6 systems (+50 %) before a weekday (+60 % cutover days), deferral last", () => {
    const { found } = optionsOf(inventory, profile);
    expect(found.options.map((o) => [o.id, o.size])).toEqual([
      ["max-systems-6", 0.5],
      ["weekdays-tue", 0.6],
      ["weekdays-wed", 0.6],
      ["defer-10", 0.3333],
    ]);
    for (const o of found.options) expect(verdictOf(replanned(inventory, profile, o))).toEqual(promiseOf(o));
  });
});

describe("waveLimits.maxDataGiB", () => {
  it("is raised in steps of 100 GiB to the smallest value that meets the deadline", () => {
    const inventory = independent(10, () => ({ dataGiB: 900 }));
    const profile: Profile = { targetSite: "dc-bn", waveLimits: { maxSystems: 50, maxDataGiB: 1000 }, windows: { weekdays: ["sat", "sun"] } };
    const { found } = optionsOf(inventory, profile);
    const o = found.options.find((x) => x.id.startsWith("max-data-"))!;
    // 9 000 GiB in 5 windows: 2 systems (1 800 GiB) a wave.
    expect(o).toMatchObject({ id: "max-data-1800", met: true, levers: [{ kind: "maxDataGiB", from: 1000, to: 1800 }] });
    expect(verdictOf(replanned(inventory, profile, o))).toEqual(promiseOf(o));
    expect(planOf(inventory, { ...profile, waveLimits: { maxSystems: 50, maxDataGiB: 1700 } }).deadline.met).toBe(false);
  });
});

describe("windows.weekdays", () => {
  it("says which day and how many windows it adds; a day next to the weekend adds none and is no option when windows bind", () => {
    const inventory = independent(30);
    const { found } = optionsOf(inventory, { targetSite: "dc-bn", waveLimits: { maxSystems: 4 } });
    const days = found.options.filter((o) => o.levers[0].kind === "weekdays");
    // From 2026-11-22: Tuesdays 24/11 … 29/12 are six more one-day windows.
    expect(days.map((o) => o.levers[0])).toEqual([
      { kind: "weekdays", weekdays: ["tue"], windowsAdded: 6, daysAdded: 6 },
      { kind: "weekdays", weekdays: ["wed"], windowsAdded: 6, daysAdded: 6 },
    ]);
    expect(days.map((o) => o.change)).toEqual([{ windows: { weekdays: ["tue", "sat", "sun"] } }, { windows: { weekdays: ["wed", "sat", "sun"] } }]);
  });
});

describe("targetSite", () => {
  it("offers keeping the other data centre when that meets the deadline", () => {
    // Everything moving is at dc-bg: keeping dc-bg instead moves nothing.
    const base = inventoryOf(Array.from({ length: 30 }, (_, i) => sys(`s${i}`, [])));
    const profile: Profile = { targetSite: "dc-bn", waveLimits: { maxSystems: 4 } };
    const { found } = optionsOf(base, profile);
    const o = found.options.find((x) => x.id === "target-dc-bg")!;
    expect(o).toMatchObject({ met: true, change: { targetSite: "dc-bg" }, levers: [{ kind: "targetSite", site: { from: "dc-bn", to: "dc-bg" } }], size: 1 });
    expect(verdictOf(replanned(base, profile, o))).toEqual(promiseOf(o));
  });
});

describe("procurementLeadDays", () => {
  it("when waves wait for hardware: the longest lead time that meets the deadline, and what to buy by when", () => {
    // dc-bn keeps 95 % of its 1 024 vCPUs free: room for 12 of the 40 VMs of 4 vCPUs.
    const inventory = independent(40);
    const profile: Profile = { targetSite: "dc-bn", headroomPct: 95, waveLimits: { maxSystems: 40 } };
    const { found, base } = optionsOf(inventory, profile);
    expect(base.plan.deadline.met).toBe(false);
    const o = found.options.find((x) => x.id.startsWith("procurement-lead-"))!;
    expect(o.met).toBe(true);
    const lever = o.levers[0];
    expect(lever.kind).toBe("procurement");
    expect(lever.leadDays!.from).toBe(60);
    expect(lever.purchases!.length).toBeGreaterThan(0);
    for (const p of lever.purchases!) expect(p.by <= "2026-12-31").toBe(true);
    const again = replanned(inventory, profile, o);
    expect(verdictOf(again)).toEqual(promiseOf(o));
    expect(again.procurement.map((p) => p.by)).toEqual(expect.arrayContaining(lever.purchases!.map((p) => p.by)));
    // One day longer and the first purchase comes too late.
    expect(planOf(inventory, { ...profile, procurementLeadDays: lever.leadDays!.to + 1 }).deadline.met).toBe(false);
  });
});

describe("pairs", () => {
  it("are searched only when no single lever meets the deadline", () => {
    // Five windows; 20 systems of 900 GiB at ≤ 2 systems and ≤ 1 000 GiB a wave: both limits bind.
    const inventory = independent(20, () => ({ dataGiB: 900 }));
    const profile: Profile = { targetSite: "dc-bn", waveLimits: { maxSystems: 2, maxDataGiB: 1000 }, windows: { weekdays: ["sat", "sun"] }, deadline: "2026-12-13" };
    const { found } = optionsOf(inventory, profile, "2026-11-22", 80);
    const pairs = found.options.filter((o) => o.levers.length === 2);
    expect(found.options.filter((o) => o.met && o.levers.length === 1)).toEqual([]);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(3);
    for (const o of pairs) {
      expect(o.met).toBe(true);
      expect(verdictOf(replanned(inventory, profile, o))).toEqual(promiseOf(o));
    }
    const limits = pairs.find((o) => o.levers.map((l) => l.kind).sort().join() === "maxDataGiB,maxSystems")!;
    // 18 000 GiB in the three windows before 13/12: 7 systems and 6 300 GiB a wave.
    expect(limits.levers).toEqual([
      { kind: "maxSystems", from: 2, to: 7 },
      { kind: "maxDataGiB", from: 1000, to: 6300 },
    ]);
  });
});

describe("the search", () => {
  it("is deterministic and bounded: the same options twice, and no more re-plans than the budget", () => {
    const inventory = independent(30);
    const profile: Profile = { targetSite: "dc-bn", waveLimits: { maxSystems: 4 } };
    const a = optionsOf(inventory, profile);
    const b = optionsOf(inventory, profile);
    expect(JSON.stringify(a.found)).toBe(JSON.stringify(b.found));
    const small = optionsOf(inventory, profile, undefined, 2);
    expect(small.found.search).toEqual({ replans: 2, budget: 2, exhausted: true });
    for (const o of small.found.options) expect(verdictOf(replanned(inventory, profile, o))).toEqual(promiseOf(o));
  });

  it("finds nothing, with an empty list, when the deadline has passed", () => {
    const { found } = optionsOf(independent(3), { targetSite: "dc-bn", deadline: "2026-11-20" });
    expect(found.options).toEqual([]);
  });

  it("writes the Vietnamese of each summary into the plan's translations, without configuration keys or ids", () => {
    const { plan } = optionsOf(independent(30), { targetSite: "dc-bn", waveLimits: { maxSystems: 4 } });
    for (const o of plan.deadline.options!) {
      const vi = plan.translations!.vi[o.summary];
      expect(vi).toBeDefined();
      expect(vi).not.toMatch(/maxSystems|maxDataGiB|waveLimits|weekdays|notBefore|pins|procurement|targetSite|[a-z]+-[a-z]+/);
    }
    expect(plan.translations!.vi[plan.deadline.options![0].summary]).toBe("Tăng số hệ thống chuyển đổi mỗi đợt từ 4 lên 6. Đáp ứng thời hạn 31/12/2026: 5 đợt, hoàn thành ngày 27/12/2026.");
  });
});
