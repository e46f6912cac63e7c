import { describe, expect, it } from "vitest";
import { checkInvariants } from "./invariants.js";
import { host, inventoryOf, planOf, sys, systemOf, vm } from "./fixtures.js";
import type { Plan } from "../../planner/plan-schema.js";

const many = (n: number, over = {}) => Array.from({ length: n }, (_, i) => sys(`s${String(i).padStart(2, "0")}`, [], over));

describe("deadline truth", () => {
  it("is met when every wave ends by the deadline", () => {
    const plan = planOf(inventoryOf(many(3)));
    expect(plan.deadline).toMatchObject({ met: true, late: [], projectedCompletion: "2026-11-29", criticalChain: [], windowsBeforeDeadline: 10, cutoverWindowsBeforeDeadline: 5, cutoverDaysBeforeDeadline: 10 });
  });

  it("names the late systems, the projected completion and the binding limit when there are too few weekends", () => {
    const inv = inventoryOf(many(14));
    const plan = planOf(inv, { waveLimits: { maxSystems: 2 } });
    expect(plan.waves.length).toBe(7);
    expect(plan.deadline.met).toBe(false);
    expect(plan.deadline.late).toEqual(plan.waves.filter((w) => w.end > "2026-12-31").flatMap((w) => w.systems).sort());
    expect(plan.deadline.projectedCompletion).toBe(plan.waves[6].end);
    expect(plan.deadline.criticalChain[0]).toMatchObject({ kind: "wave-limit", subject: "waveLimits.maxSystems" });
    expect(plan.lowerBound).toMatchObject({ waves: 7, binding: "systems", gap: 0 });
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("tells the truth when the deadline has already passed", () => {
    const inv = inventoryOf(many(2));
    const plan = planOf(inv, {}, "2027-03-01");
    expect(plan.deadline.met).toBe(false);
    expect(plan.deadline.late).toEqual(["s00", "s01"]);
    expect(plan.deadline.windowsBeforeDeadline).toBe(0);
    expect(plan.deadline.criticalChain[0].message).toMatch(/already passed/);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("lists systems that find no wave before horizonEnd as unscheduled and late", () => {
    const inv = inventoryOf(many(3));
    const plan = planOf(inv, { waveLimits: { maxSystems: 1 }, horizonEnd: "2026-12-10" });
    expect(plan.unscheduled.map((u) => u.system)).toEqual(["s02"]);
    expect(plan.deadline).toMatchObject({ met: false });
    expect(plan.deadline.late).toContain("s02");
    expect(plan.deadline.projectedCompletion).toBeUndefined();
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  describe("the critical chain states each cause with the plan's own numbers", () => {
    /** The numbers in a sentence, in order (GiB with decimals too). */
    const numbers = (text: string): number[] => [...text.replace(/\d{4}-\d{2}-\d{2}/g, "").matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
    const link = (plan: Plan, kind: string, re: RegExp) => {
      const l = plan.deadline.criticalChain.find((c) => c.kind === kind && re.test(c.message));
      if (!l) throw new Error(`no ${kind} link matching ${re} in ${JSON.stringify(plan.deadline.criticalChain, null, 1)}`);
      return l.message;
    };

    it("too few windows: systems against the wave limit, counted in cutover windows and days", () => {
      const plan = planOf(inventoryOf(many(14)), { waveLimits: { maxSystems: 2 } });
      const msg = link(plan, "wave-limit", /must move/);
      expect(msg).toBe("14 systems must move: they need at least 7 waves at ≤ 2 systems per wave (⌈14 ÷ 2⌉ = 7), but only 5 cutover windows (10 cutover days) remain before 2026-12-31");
      const [moving, need, limit, , , , windows, days] = numbers(msg);
      expect(moving).toBe(plan.waves.reduce((n, w) => n + w.systems.length, 0));
      expect(need).toBe(plan.lowerBound.components.systems);
      expect(limit).toBe(plan.profile.maxSystems);
      expect(windows).toBe(plan.deadline.cutoverWindowsBeforeDeadline);
      expect(days).toBe(plan.deadline.cutoverDaysBeforeDeadline);
      expect(plan.waves.filter((w) => w.end <= "2026-12-31")).toHaveLength(windows);
    });

    it("an oversized group: named with its size, a wave alone, the others counted apart", () => {
      // big-app + big-db (tight) hold 3 000 GiB against a 1 000 GiB wave; 9 small systems; 4 per wave.
      const big = [sys("big-app", [], { dataGiB: 1000, dependsOn: [{ target: "big-db", coupling: "tight" }] }), sys("big-db", [], { dataGiB: 2000 })];
      const plan = planOf(inventoryOf([...big, ...many(9)]), { waveLimits: { maxSystems: 4, maxDataGiB: 1000 } }, "2026-12-10");
      const msg = link(plan, "wave-limit", /systems must move/);
      expect(msg).toBe(
        "11 systems must move: group g-big-app (2 systems, 3000 GiB) is larger than one wave and takes a wave alone; the other 9 systems need at least 3 waves at ≤ 4 systems per wave (⌈9 ÷ 4⌉ = 3); that is at least 4 waves, but only 3 cutover windows (6 cutover days) remain before 2026-12-31",
      );
      const w = plan.waves[systemOf(plan, "big-app").wave! - 1];
      expect(w.systems).toEqual(["big-app", "big-db"]);
      const [moving, groupSystems, groupData, rest, restWaves, , , , , need, windows, days] = numbers(msg);
      expect([moving, groupSystems, groupData]).toEqual([plan.waves.reduce((n, x) => n + x.systems.length, 0), w.systems.length, w.dataGiB]);
      expect(rest).toBe(moving - groupSystems);
      expect(restWaves + 1).toBe(need);
      expect(need).toBe(plan.lowerBound.components.systems);
      expect([windows, days]).toEqual([plan.deadline.cutoverWindowsBeforeDeadline, plan.deadline.cutoverDaysBeforeDeadline]);
      expect(plan.translations?.vi[msg]).toBe(
        "11 hệ thống phải chuyển: nhóm Hệ thống big-app (2 hệ thống, 3.000 GiB) vượt giới hạn một đợt nên phải chuyển riêng một đợt; 9 hệ thống còn lại cần ít nhất 3 đợt với tối đa 4 hệ thống mỗi đợt; tổng cộng ít nhất 4 đợt, nhưng trước ngày 31/12/2026 chỉ còn 3 khung chuyển đổi (6 ngày được phép chuyển đổi)",
      );
    });

    it("a wave taken by an oversized group: the group, its size and its wave", () => {
      // Two windows before a 20/12 deadline; the first wave is never a giant, the second is taken by
      // the oversized group, so the third small system that was ready from the start lands after it.
      const big = [sys("big-app", [], { dataGiB: 1000, securityLevel: 2, dependsOn: [{ target: "big-db", coupling: "tight" }] }), sys("big-db", [], { dataGiB: 2000, securityLevel: 2 })];
      const plan = planOf(inventoryOf([...big, ...many(3, { securityLevel: 1 })]), { deadline: "2026-12-20", waveLimits: { maxSystems: 2, maxDataGiB: 1000 } }, "2026-12-10");
      const msg = link(plan, "group-size", /was taken by group/);
      const m = /wave (\d+) was taken by group (\S+) \((\d+) systems, (\d+) GiB\)/.exec(msg)!;
      const taken = plan.waves[Number(m[1]) - 1];
      expect(taken.systems).toEqual(["big-app", "big-db"]);
      expect(m[2]).toBe("g-big-app");
      expect([Number(m[3]), Number(m[4])]).toEqual([taken.systems.length, taken.dataGiB]);
    });

    it("capacity: the shortfall against the plan's capacity, the day bought hardware can arrive and the purchase its wave needs", () => {
      const bigVm = (id: string) => vm(`${id}-vm`, "bg-host", { cpuCores: 64, memoryGiB: 256 });
      const inv = inventoryOf([sys("big1", ["big1-vm"]), sys("big2", ["big2-vm"])], [host("bn-host", { site: "dc-bn", cpuCores: 16, memoryGiB: 300, storageGiB: 10_000 }), host("bg-host", { supportEnds: "2026-12-31" }), bigVm("big1"), bigVm("big2")]);
      const plan = planOf(inv, { procurementLeadDays: 45 });
      expect(plan.deadline.met).toBe(false);
      const msg = link(plan, "capacity", /lacks capacity|does not fit/);
      const from = /arrive(?: before|\)?)? \(?(\d{4}-\d{2}-\d{2})/.exec(msg)![1];
      expect(from).toBe("2027-01-06"); // as-of 2026-11-22 + 45 days
      const have = /> (\d+(?:\.\d+)?) vCPUs/.exec(msg);
      const window = /in the window of (\d{4}-\d{2}-\d{2})/.exec(msg)![1];
      const step = plan.capacity.filter((c) => c.from <= window).pop()!;
      if (have) expect(Number(have[1])).toBe(step.cpuCores);
      const bought = link(plan, "capacity", /bought and installed by/);
      const p = plan.procurement.find((x) => bought.includes(x.by))!;
      expect(bought).toContain(`(${p.cpuCores} physical cores, ${p.memoryGiB} GiB memory, ${p.storageGiB} GiB storage`);
      const wave = Number(/wave (\d+) needs/.exec(bought)![1]);
      expect(plan.waves[wave - 1].start > p.by).toBe(true);
    });

    it("a provider it waits for: the provider's wave is the plan's", () => {
      // The provider (security level 4) is kept out of the two pilot waves before a 6/12 deadline.
      const plan = planOf(inventoryOf([sys("consumer", [], { securityLevel: 1, dependsOn: [{ target: "provider", coupling: "loose" }] }), sys("provider", [], { securityLevel: 4 }), ...many(3, { securityLevel: 1 })]), { deadline: "2026-12-06", waveLimits: { maxSystems: 2 } });
      const msg = link(plan, "dependency", /waits for g-provider/);
      expect(Number(/placed in wave (\d+)/.exec(msg)![1])).toBe(systemOf(plan, "provider").wave);
    });

    it("days lost to holidays and blackouts: as many as it lists", () => {
      const plan = planOf(inventoryOf(many(12)), { waveLimits: { maxSystems: 2 }, blackouts: [{ from: "2026-12-05", to: "2026-12-13", reason: "provincial congress" }] });
      const msg = link(plan, "calendar", /blocked/);
      expect(msg).toMatch(/^4 otherwise allowed days before the deadline are blocked: 2026-12-05 \(blackout/);
      expect(msg.match(/2026-12-\d\d \(blackout/g)).toHaveLength(4);
    });
  });
});
