// Planning from facts (progress.md, "What a plan made with progress must do"), one behaviour per
// test on small inventories; the property tests (property.test.ts) cover the invariants at large.
import { describe, expect, it } from "vitest";
import { ProgressError } from "../../../common/errors.js";
import type { Inventory } from "../../../inventory/schema.js";
import { explain } from "../../../planner/explain.js";
import type { Plan } from "../../../planner/plan-schema.js";
import { planMigration, planWithProfile } from "../../../planner/plan.js";
import { checkProfile } from "../../../planner/profile.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { progressFrom } from "../../../planner/progress/load.js";
import type { Progress } from "../../../planner/progress/schema.js";
import { generateInventory } from "../../../bench/generate.js";
import { simulateProgress } from "../../../bench/simulate-progress.js";
import { profileFor } from "../../generators/profile-arbitrary.js";
import { checkInvariants } from "../invariants.js";
import { host, inventoryOf, loaded, serverOf, sys, systemOf, vm } from "../fixtures.js";

const AS_OF = "2026-12-08";
const done = (system: string) => ({ system, result: "done" as const });
const failed = (system: string, reason = "replication lag") => ({ system, result: "failed" as const, reason });

function plan(inventory: Inventory, progress?: Partial<Progress>, profile: Profile = {}, asOf = AS_OF): Plan {
  const p = planMigration(loaded(inventory), { targetSite: "dc-bn", ...profile }, asOf, progress ? progressFrom({ schemaVersion: 1, ...progress }) : undefined);
  expect(checkInvariants(inventory, p, progress ? ({ schemaVersion: 1, ...progress } as Progress) : undefined)).toEqual([]);
  return p;
}

// a, b, c, d on their own VMs of bg-host; e on bg-solo's only VM; old retiring.
const base = inventoryOf([sys("a", []), sys("b", []), sys("c", []), sys("d", []), sys("e", ["e-vm"]), sys("old", [], { lifecycle: "retiring" })], [host("bg-solo"), vm("e-vm", "bg-solo")]);

describe("a plan made with progress", () => {
  it("without progress: every wave is planned and nothing is recorded", () => {
    const p = plan(base);
    expect(p.waves.every((w) => w.status === "planned" && w.failed === undefined)).toBe(true);
    expect(p.progress).toEqual({ cutoversDone: 0, systemsDone: 0, systemsFailed: 0, serversDecommissioned: 0, systemsRetired: 0, serversRelocated: 0 });
    expect(p.systems.every((s) => s.history === undefined)).toBe(true);
  });

  it("numbers done waves with the planned ones, lists done and failed systems, never schedules a done system again", () => {
    const p = plan(base, { cutovers: [{ start: "2026-12-05", end: "2026-12-06", systems: [done("a"), failed("b")] }, { start: "2026-11-28", end: "2026-11-29", systems: [done("c")] }] });
    expect(p.waves.slice(0, 2).map((w) => [w.number, w.start, w.end, w.status, w.systems, w.failed])).toEqual([
      [1, "2026-11-28", "2026-11-29", "done", ["c"], undefined],
      [2, "2026-12-05", "2026-12-06", "done", ["a"], ["b"]],
    ]);
    expect(p.waves.slice(2).every((w) => w.status === "planned" && w.start > AS_OF)).toBe(true);
    expect(systemOf(p, "a")).toMatchObject({ wave: 2, history: [{ date: "2026-12-06", event: "done", wave: 2 }] });
    expect(systemOf(p, "c").wave).toBe(1);
    expect(p.waves.filter((w) => w.status === "planned").flatMap((w) => w.systems)).not.toContain("a");
    expect(p.progress).toEqual({ cutoversDone: 2, systemsDone: 2, systemsFailed: 1, serversDecommissioned: 0, lastRecorded: "2026-12-06", systemsRetired: 0, serversRelocated: 0 });
  });

  it("plans a failed system again after the as-of day, its reasons naming the attempt", () => {
    const p = plan(base, { cutovers: [{ start: "2026-12-05", end: "2026-12-06", systems: [failed("b", "DNS not switched; rolled back")] }] });
    const b = systemOf(p, "b");
    expect(p.waves[b.wave! - 1]).toMatchObject({ status: "planned" });
    expect(p.waves[b.wave! - 1].start > AS_OF).toBe(true);
    expect(b.reasons).toContain("failed in wave 1 (2026-12-05..2026-12-06) and rolled back: DNS not switched; rolled back; planned again after that attempt");
    expect(b.history).toEqual([{ date: "2026-12-06", event: "failed", wave: 1, reason: "DNS not switched; rolled back" }]);
    expect(p.translations!.vi[b.reasons.find((r) => r.startsWith("failed"))!]).toMatch(/^chuyển đổi không thành công ở đợt 1 \(05\/12\/2026 – 06\/12\/2026\)/);
  });

  it("makes a window where everything failed a done wave that lists only failed systems", () => {
    const p = plan(base, { cutovers: [{ start: "2026-12-05", end: "2026-12-06", systems: [failed("b")] }] });
    expect(p.waves[0]).toMatchObject({ status: "done", systems: [], failed: ["b"] });
  });

  it("starts planned waves after the last recorded cutover, even when it is the as-of day", () => {
    // 2026-12-05 is a Saturday; the rest of that weekend is no window of its own any more.
    const p = plan(base, { cutovers: [{ start: "2026-12-05", end: "2026-12-05", systems: [done("a")] }] }, {}, "2026-12-05");
    expect(p.waves[1].start > "2026-12-05").toBe(true);
  });

  it("honours a recorded retirement: retireOn is the day, its server is freed then", () => {
    const p = plan(base, { retirements: [{ system: "old", on: "2026-12-01" }] });
    expect(systemOf(p, "old")).toMatchObject({ disposition: "retire", retireOn: "2026-12-01", history: [{ date: "2026-12-01", event: "retired" }] });
    expect(serverOf(p, "old-vm")).toMatchObject({ fate: "decommission", freedOn: "2026-12-01", decommissionOn: "2026-12-31" });
    // A retirement the plan would not have made is a fact too.
    const q = plan(base, { retirements: [{ system: "d", on: "2026-12-02" }] });
    expect(systemOf(q, "d")).toMatchObject({ disposition: "retire", retireOn: "2026-12-02" });
    expect(q.waves.flatMap((w) => w.systems)).not.toContain("d");
    // Its server's fate follows the recorded decision, not the planned move.
    expect(serverOf(q, "d-vm")).toMatchObject({ fate: "decommission", freedOn: "2026-12-02" });
  });

  it("frees the servers a done wave emptied on its last day", () => {
    const p = plan(base, { cutovers: [{ start: "2026-11-28", end: "2026-11-29", systems: [done("e")] }] });
    expect(serverOf(p, "e-vm")).toMatchObject({ freedOn: "2026-11-29" });
    expect(serverOf(p, "bg-solo").freedOn).toBe("2026-11-29");
  });

  it("honours recorded server facts: decommissioned on its day with its savings, relocated to the target", () => {
    const p = plan(base, { cutovers: [{ start: "2026-11-28", end: "2026-11-29", systems: [done("e")] }], servers: [{ server: "e-vm", decommissionedOn: "2026-12-01" }, { server: "bg-solo", relocatedOn: "2026-12-02" }] });
    expect(serverOf(p, "e-vm")).toMatchObject({ fate: "decommission", decommissionOn: "2026-12-01", history: [{ date: "2026-12-01", event: "decommissioned" }] });
    expect(serverOf(p, "bg-solo")).toMatchObject({ fate: "relocate", relocateOn: "2026-12-02", targetSite: "dc-bn", history: [{ date: "2026-12-02", event: "relocated" }] });
    // Its capacity is there from the day after, which is before the as-of day: part of today's.
    expect(p.capacity[0].reason).toContain("bg-solo");
    expect(p.progress).toMatchObject({ serversDecommissioned: 1, serversRelocated: 1 });
  });

  it("counts what has already moved in the target site's capacity", () => {
    // The target has room for two 64 GiB VMs: one moved in a done wave, so only one more fits before procurement.
    const big = (id: string) => sys(id, [`${id}-vm`]);
    const servers = ["x", "y", "z"].map((id) => vm(`${id}-vm`, "bg-host", { memoryGiB: 64, cpuCores: 2, storageGiB: 10 }));
    const inv: Inventory = { ...inventoryOf([big("x"), big("y"), big("z")], servers), servers: [host("bn-host", { site: "dc-bn", cpuCores: 64, memoryGiB: 170, storageGiB: 10_000 }), host("bg-host"), ...servers] };
    const profile: Profile = { procurementLeadDays: 365 };
    const without = plan(inv, undefined, profile);
    const withDone = plan(inv, { cutovers: [{ start: "2026-11-28", end: "2026-11-29", systems: [done("x")] }] }, profile);
    expect(without.waves.filter((w) => w.start < "2027-12-01").flatMap((w) => w.systems).length).toBe(2);
    expect(withDone.waves.filter((w) => w.status === "planned" && w.start < "2027-12-01").flatMap((w) => w.systems).length).toBe(1);
  });

  it("tells the deadline's truth over done and planned waves", () => {
    // As of 2027-01-20, a cutover of 2027-01-09 is done after the 31/12/2026 deadline: late.
    const p = plan(base, { cutovers: [{ start: "2027-01-09", end: "2027-01-10", systems: [done("a")] }] }, {}, "2027-01-20");
    expect(p.deadline.met).toBe(false);
    expect(p.deadline.late).toContain("a");
    expect(systemOf(p, "a").late).toBe(true);
  });

  it("counts done waves in the pilot rule: the first planned wave after two done ones is no pilot", () => {
    const inv = inventoryOf([sys("a", []), sys("b", []), sys("hi", [], { securityLevel: 4 }), sys("lo", [])]);
    const p = plan(inv, { cutovers: [{ start: "2026-11-28", end: "2026-11-29", systems: [done("a")] }, { start: "2026-12-05", end: "2026-12-06", systems: [done("b")] }] });
    // Without the done waves, a level-4 system would wait while a low one is ready.
    expect(systemOf(p, "hi").wave).toBe(systemOf(p, "lo").wave);
  });

  it("goes to plan warnings, in both languages, what the progress rules warn about", () => {
    const inv = inventoryOf([sys("app", [], { dependsOn: [{ target: "db", coupling: "tight" }] }), sys("db", [])]);
    const p = plan(inv, { cutovers: [{ start: "2026-12-05", end: "2026-12-06", systems: [done("app"), failed("db")] }] });
    const w = p.warnings.find((x) => x.rule === "tight-pair-split")!;
    expect(w.subject).toBe("app");
    expect(p.translations!.vi[w.message]).toMatch(/phụ thuộc chặt/);
  });

  it("refuses a progress that breaks the contract's rules (ProgressError)", () => {
    expect(() => planMigration(loaded(base), { targetSite: "dc-bn" }, AS_OF, progressFrom({ schemaVersion: 1, cutovers: [{ start: "2026-12-12", systems: [done("a")] }] }))).toThrow(ProgressError);
  });

  it("regression: a host emptied by done waves is relocated once (its capacity counted once)", () => {
    // Found by the property run: the host freed by the done waves was freed again as idle, its
    // capacity added twice, and the first planned wave overfilled the target site (500 vCPU in 495).
    const inventory = generateInventory({ seed: 511821777, servers: 84, thirdSite: false, systemsPerServer: 0.5 });
    const k = { asOf: "2026-11-22", windows: undefined, headroomPct: 67, procurementLeadDays: 1, pins: [{ pick: 212827841, kind: "date" as const, offset: 3 }], passedDeadline: false };
    const profile = profileFor(inventory, k, "dc-bn");
    const before = planMigration(loaded(inventory), profile, k.asOf);
    const sim = simulateProgress(inventory, before, { waves: 3, failShare: 0, retryShare: 0, serverShare: 0, daysAfter: 12, seed: 0 })!;
    const after = planMigration(loaded(inventory), profile, sim.asOf, progressFrom(sim.progress));
    expect(checkInvariants(inventory, after, sim.progress)).toEqual([]);
    expect(after.procurement.length).toBeGreaterThan(0);
  });

  it("explain tells a system's history", () => {
    const l = loaded(base);
    const d = planWithProfile(l, checkProfile({ profile: { targetSite: "dc-bn" } }, l.index, AS_OF), AS_OF, progressFrom({ schemaVersion: 1, cutovers: [{ start: "2026-11-28", end: "2026-11-29", systems: [failed("b", "firewall")] }, { start: "2026-12-05", end: "2026-12-06", systems: [done("b")] }] }));
    const text = explain(d, l.index, "b")!;
    expect(text).toContain("Wave: 2, 2026-12-05..2026-12-06 (phase 2026, done: recorded in the progress file)");
    expect(text).toContain("History (recorded in the progress file):\n  - 2026-11-29: failed in wave 1 and rolled back: firewall\n  - 2026-12-06: cut over for good in wave 2\n");
  });
});
