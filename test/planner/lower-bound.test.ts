import { describe, expect, it } from "vitest";
import { binPackingBound } from "../../planner/lower-bound.js";
import { PackingQueue } from "../../planner/packing.js";
import type { Unit } from "../../planner/schedule.js";
import { checkInvariants } from "./invariants.js";
import { inventoryOf, planOf, sys } from "./fixtures.js";

describe("lower bound", () => {
  it("counts systems per wave, with an oversized group as a wave of its own", () => {
    const chain = ["a", "b", "c"].map((id, i, all) => sys(id, [], i + 1 < all.length ? { dependsOn: [{ target: all[i + 1], coupling: "tight" }] } : {}));
    const plan = planOf(inventoryOf([...chain, sys("x", []), sys("y", []), sys("z", [])]), { waveLimits: { maxSystems: 2 } });
    // {a,b,c} is alone in one wave; x, y, z need ⌈3 ÷ 2⌉ = 2 more.
    expect(plan.lowerBound).toMatchObject({ waves: 3, binding: "systems", gap: 0 });
  });

  it("counts units over half a wave that cannot share one (Martello–Toth L2), not only the total", () => {
    // 600 + 450 > 1000: each 600 GiB group needs its own wave, the two 450s share a fourth; Σ ÷ limit says 3.
    expect(binPackingBound([600, 600, 600, 450, 450], 1000)).toBe(4);
    expect(binPackingBound([600, 400, 600, 400], 1000)).toBe(2);
    expect(binPackingBound([3, 3, 3], 8)).toBe(2);
    const plan = planOf(inventoryOf(["a", "b", "c", "d", "e"].map((id, i) => sys(id, [], { dataGiB: i < 3 ? 600 : 450 }))), { waveLimits: { maxDataGiB: 1000 } });
    expect(plan.lowerBound).toMatchObject({ waves: 4, binding: "data", gap: 0 });
  });

  it("counts the data over the per-wave limit", () => {
    const plan = planOf(inventoryOf([sys("a", [], { dataGiB: 700 }), sys("b", [], { dataGiB: 700 }), sys("c", [], { dataGiB: 700 })]), { waveLimits: { maxDataGiB: 1000 } });
    expect(plan.lowerBound.components.data).toBe(3);
    expect(plan.waves).toHaveLength(3);
  });

  it("sees that a consumer of an oversized provider needs a later wave (chain)", () => {
    const inv = inventoryOf([sys("big", [], { dataGiB: 5000 }), sys("user", [], { dependsOn: [{ target: "big", coupling: "loose" }] })]);
    const plan = planOf(inv, { waveLimits: { maxDataGiB: 1000 } });
    expect(plan.lowerBound.components.chain).toBe(2);
    expect(plan.waves.map((w) => w.systems)).toEqual([["big"], ["user"]]);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("sees that a provider and a consumer too big to share a wave need two in a row (chain)", () => {
    // p (3 systems) and c1 (2 systems) exceed 4 systems together; c1 and c2 exceed 1 000 GiB together:
    // each is strictly after its provider, so 3 waves, where systems and data alone say 2.
    /** A group of `n` systems: `id` (holding the data, depending on `provider`) tightly coupled to n − 1 empty members. */
    const grp = (id: string, n: number, dataGiB: number, provider?: string) => {
      const members = Array.from({ length: n - 1 }, (_, k) => `${id}-${k + 1}`);
      const dependsOn = [...(provider ? [{ target: provider, coupling: "loose" as const }] : []), ...members.map((m) => ({ target: m, coupling: "tight" as const }))];
      return [sys(id, [], { dataGiB, dependsOn }), ...members.map((m) => sys(m, [], { dataGiB: 0 }))];
    };
    const inv = inventoryOf([...grp("p", 3, 100), ...grp("c1", 2, 600, "p"), ...grp("c2", 1, 500, "c1")]);
    const plan = planOf(inv, { waveLimits: { maxSystems: 4, maxDataGiB: 1000 } });
    expect([plan.lowerBound.components.systems, plan.lowerBound.components.data]).toEqual([2, 2]);
    expect(plan.lowerBound.components.chain).toBe(3);
    expect(plan.waves).toHaveLength(3);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("counts the pilot waves before security level ≥ 4", () => {
    const plan = planOf(inventoryOf([sys("low", []), sys("high", [], { securityLevel: 5 })]));
    expect(plan.lowerBound.components.pilot).toBe(2);
    expect(plan.waves.map((w) => w.systems)).toEqual([["low"], ["high"]]);
  });
});

describe("packing queue", () => {
  const unit = (id: string, systems: number, dataGiB: number): Unit =>
    ({ index: 0, id, systems: Array.from({ length: systems }, (_, i) => `${id}-${i}`), dataGiB, demand: { cpuCores: 0, memoryGiB: 0, storageGiB: 0 }, footprint: { rackUnits: 0, watts: 0 }, maxSecurityLevel: 1, risk: 0, reason: { en: "", vi: "" }, preds: [], succs: [], hardPreds: new Set(), comp: 0, pinWindow: -1, release: 0 }) as Unit;

  it("fills both dimensions together instead of taking the biggest data first", () => {
    const q = new PackingQueue(4, 100, (a, b) => a.id < b.id, () => true);
    for (const u of [unit("heavy1", 1, 90), unit("heavy2", 1, 90), unit("light1", 1, 5), unit("light2", 1, 5), unit("light3", 1, 5), unit("light4", 1, 5)]) q.push(u);
    const picked: string[] = [];
    let roomS = 4;
    let roomD = 100;
    for (let u = q.next(roomS, roomD, 100); u; u = q.next(roomS, roomD, 100)) {
      picked.push(u.id);
      roomS -= u.systems.length;
      roomD -= u.dataGiB;
    }
    // One heavy and three light fill 4 systems and 105 > 100 would not fit: heavy + 2 light = 100.
    expect(picked.filter((id) => id.startsWith("heavy"))).toHaveLength(1);
    expect(picked.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps units too large for any wave apart", () => {
    const q = new PackingQueue(4, 100, (a, b) => a.id < b.id, () => true);
    q.push(unit("huge", 6, 10));
    expect(q.next(4, 100, 100)).toBeUndefined();
    expect(q.takeOversized()?.id).toBe("huge");
  });
});
