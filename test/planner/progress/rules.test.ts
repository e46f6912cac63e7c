// Every rule of the progress contract: each error and warning with its neighbour that passes (the
// same progress changed in the one respect the rule is about).
import { describe, expect, it } from "vitest";
import { ProgressError } from "../../../common/errors.js";
import { indexInventory } from "../../../inventory/model.js";
import { resolveProfile } from "../../../planner/profile.js";
import { checkProgress } from "../../../planner/progress/check.js";
import { progressFrom } from "../../../planner/progress/load.js";
import { plannedMoves, profileCalendar } from "../../../planner/progress/prepare.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { host, inventoryOf, sys, vm } from "../fixtures.js";

// dc-bn is the target. app → db tight; web loose on app; keep pinned retain, old pinned retire;
// dup-bg and dup-bn share a function (dup-bg merges into dup-bn, which stays at the target);
// twin-bg/twin-cl share one at two closing sites (one merges into the other, both moving);
// lone runs alone on bg-solo, a host with one VM.
const inventory = inventoryOf(
  [
    sys("app", [], { dependsOn: [{ target: "db", coupling: "tight" }] }),
    sys("db", []),
    sys("web", [], { dependsOn: [{ target: "app", coupling: "loose" }] }),
    sys("keep", [], { disposition: "retain" }),
    sys("old", [], { disposition: "retire" }),
    sys("dup-bg", [], { function: "dup" }),
    sys("dup-bn", ["dup-bn-vm"], { function: "dup" }),
    sys("lone", ["solo-vm"]),
  ],
  [vm("dup-bn-vm", "bn-host", { site: "dc-bn" }), host("bg-solo"), vm("solo-vm", "bg-solo"), host("bg-spare")],
);
const index = indexInventory(inventory);

function run(progress: object, asOf = "2026-12-10", profile: Profile = { targetSite: "dc-bn" }): { errors: string[]; warnings: string[] } {
  const p = resolveProfile(profile, index, asOf);
  try {
    const checked = checkProgress(progressFrom({ schemaVersion: 1, ...progress }), { index, asOf, calendar: profileCalendar(p), ...plannedMoves(index, p) });
    return { errors: [], warnings: checked.warnings.map((w) => w.rule) };
  } catch (err) {
    if (err instanceof ProgressError) return { errors: err.findings.map((f) => f.rule), warnings: [] };
    throw err;
  }
}

const window = (systems: object[], start = "2026-12-05", end = "2026-12-06") => ({ start, end, systems });
const done = (system: string) => ({ system, result: "done" });
const failed = (system: string, reason?: string) => ({ system, result: "failed", ...(reason !== undefined ? { reason } : {}) });

describe("progress rules: errors, each with the neighbour that passes", () => {
  it("future dates: a cutover, retirement or server fact after the as-of day", () => {
    expect(run({ cutovers: [window([done("lone")])] }, "2026-12-05").errors).toEqual(["future-date"]);
    expect(run({ cutovers: [window([done("lone")])] }, "2026-12-06").errors).toEqual([]);
    expect(run({ retirements: [{ system: "old", on: "2026-12-11" }] }).errors).toEqual(["future-date"]);
    expect(run({ retirements: [{ system: "old", on: "2026-12-10" }] }).errors).toEqual([]);
    expect(run({ servers: [{ server: "bg-spare", decommissionedOn: "2026-12-11" }] }).errors).toEqual(["future-date"]);
    expect(run({ servers: [{ server: "bg-spare", relocatedOn: "2026-12-10" }] }).errors).toEqual([]);
  });

  it("end before start", () => {
    expect(run({ cutovers: [window([done("lone")], "2026-12-06", "2026-12-05")] }).errors).toEqual(["end-before-start"]);
    expect(run({ cutovers: [window([done("lone")], "2026-12-06", "2026-12-06")] }).errors).toEqual([]);
  });

  it("systems and servers the inventory does not have", () => {
    expect(run({ cutovers: [window([done("ghost")])] }).errors).toEqual(["unknown-system"]);
    expect(run({ retirements: [{ system: "bg-solo", on: "2026-12-01" }] }).errors).toEqual(["unknown-system"]);
    expect(run({ servers: [{ server: "lone", decommissionedOn: "2026-12-01" }] }).errors).toEqual(["unknown-server"]);
    expect(run({ cutovers: [window([done("lone")])], servers: [{ server: "bg-spare", decommissionedOn: "2026-12-01" }] }).errors).toEqual([]);
  });

  it("a system done twice (two windows), or listed twice in one window", () => {
    const twice = { cutovers: [window([done("lone")], "2026-11-28", "2026-11-29"), window([done("lone")])] };
    expect(run(twice).errors).toEqual(["done-twice"]);
    expect(run({ cutovers: [window([failed("lone", "rolled back")], "2026-11-28", "2026-11-29"), window([done("lone")])] }).errors).toEqual([]);
    expect(run({ cutovers: [window([done("lone"), failed("lone", "x")])] }).errors).toEqual(["twice-in-cutover"]);
  });

  it("a system done and also retired", () => {
    expect(run({ cutovers: [window([done("web")])], retirements: [{ system: "web", on: "2026-12-08" }] }).errors).toEqual(["done-and-retired"]);
    expect(run({ cutovers: [window([failed("web", "x")])], retirements: [{ system: "web", on: "2026-12-08" }] }).errors).toEqual([]);
  });

  it("a system retired twice", () => {
    expect(run({ retirements: [{ system: "old", on: "2026-12-01" }, { system: "old", on: "2026-12-02" }] }).errors).toEqual(["retired-twice"]);
  });

  it("a failed entry without a reason", () => {
    expect(run({ cutovers: [window([failed("lone")])] }).errors).toEqual(["failed-without-reason"]);
    expect(run({ cutovers: [window([failed("lone", "replication lag")])] }).errors).toEqual([]);
  });

  it("done for a system whose retain or retire is pinned in the inventory", () => {
    expect(run({ cutovers: [window([done("keep")])] }).errors).toEqual(["done-but-pinned"]);
    expect(run({ cutovers: [window([done("old")])] }).errors).toEqual(["done-but-pinned"]);
    // A failed attempt at it is a fact like any other.
    expect(run({ cutovers: [window([failed("keep", "tried anyway")])] }).errors).toEqual([]);
  });

  it("a retirement of a system pinned to another disposition", () => {
    expect(run({ retirements: [{ system: "keep", on: "2026-12-01" }] }).errors).toEqual(["retired-but-pinned"]);
    expect(run({ retirements: [{ system: "old", on: "2026-12-01" }] }).errors).toEqual([]);
    expect(run({ retirements: [{ system: "lone", on: "2026-12-01" }] }).errors).toEqual([]);
  });

  it("two different windows that overlap; the same window twice is one wave", () => {
    expect(run({ cutovers: [window([done("lone")]), window([done("web")], "2026-12-06", "2026-12-06")] }).errors).toEqual(["overlapping-cutovers"]);
    expect(run({ cutovers: [window([done("lone")]), window([done("web")])] }).errors).toEqual([]);
  });

  it("a server recorded twice", () => {
    expect(run({ servers: [{ server: "bg-spare", decommissionedOn: "2026-12-01" }, { server: "bg-spare", relocatedOn: "2026-12-02" }] }).errors).toEqual(["server-twice"]);
  });

  it("a server decommissioned while something on it still runs (for a host, on its VMs)", () => {
    // lone runs on solo-vm, a VM of bg-solo.
    expect(run({ servers: [{ server: "solo-vm", decommissionedOn: "2026-12-07" }] }).errors).toEqual(["decommissioned-still-runs"]);
    expect(run({ servers: [{ server: "bg-solo", decommissionedOn: "2026-12-07" }] }).errors).toEqual(["decommissioned-still-runs"]);
    expect(run({ cutovers: [window([done("lone")])], servers: [{ server: "bg-solo", decommissionedOn: "2026-12-07" }] }).errors).toEqual([]);
    // Done only after the decommission: still running on that day.
    expect(run({ cutovers: [window([done("lone")])], servers: [{ server: "bg-solo", decommissionedOn: "2026-12-05" }] }).errors).toEqual(["decommissioned-still-runs"]);
    expect(run({ retirements: [{ system: "lone", on: "2026-12-01" }], servers: [{ server: "solo-vm", decommissionedOn: "2026-12-01" }] }).errors).toEqual([]);
    expect(run({ cutovers: [window([failed("lone", "x")])], servers: [{ server: "solo-vm", decommissionedOn: "2026-12-07" }] }).errors).toEqual(["decommissioned-still-runs"]);
  });

  it("reports every problem at once", () => {
    const r = run({ cutovers: [window([done("ghost"), failed("lone")], "2026-12-12", "2026-12-13")], servers: [{ server: "nothing", relocatedOn: "2026-12-01" }] });
    // The window's end is not reported again once its start is in the future.
    expect(r.errors.sort()).toEqual(["failed-without-reason", "future-date", "unknown-server", "unknown-system"]);
  });
});

describe("progress rules: warnings (facts are facts)", () => {
  it("a cutover on a day the calendar would not allow", () => {
    expect(run({ cutovers: [window([done("lone")], "2026-12-08", "2026-12-08")] }).warnings).toEqual(["off-calendar-cutover"]);
    expect(run({ cutovers: [window([done("lone")], "2026-12-08", "2026-12-08")] }, "2026-12-10", { targetSite: "dc-bn", windows: { weekdays: ["tue"] } }).warnings).toEqual([]);
  });

  it("tightly coupled systems of which one was done and the other failed in the same cutover", () => {
    expect(run({ cutovers: [window([done("app"), failed("db", "x")])] }).warnings).toEqual(["tight-pair-split"]);
    expect(run({ cutovers: [window([done("db"), failed("app", "x")])] }).warnings).toEqual(["tight-pair-split"]);
    expect(run({ cutovers: [window([done("app"), done("db")])] }).warnings).toEqual([]);
    // loose: no warning
    expect(run({ cutovers: [window([done("web"), failed("app", "x")])] }).warnings).toEqual([]);
  });

  it("a consolidated system recorded done before its survivor, when the survivor moves", () => {
    const base = inventoryOf([sys("twin-bg", [], { function: "twin" }), sys("twin-cl", ["cl-vm"], { function: "twin" })], [host("cl-host", { site: "dc-cl" }), vm("cl-vm", "cl-host", { site: "dc-cl" })]);
    const twins = { ...base, sites: [...base.sites, { ...base.sites[1], id: "dc-cl", name: "Cẩm Lý" }] };
    const ix = indexInventory(twins);
    const p = resolveProfile({ targetSite: "dc-bn" }, ix, "2026-12-10");
    const moves = plannedMoves(ix, p);
    const [merged, survivor] = [...moves.consolidations][0];
    const check = (progress: object) => checkProgress(progressFrom({ schemaVersion: 1, ...progress }), { index: ix, asOf: "2026-12-10", calendar: profileCalendar(p), ...moves }).warnings.map((w) => w.rule);
    expect(check({ cutovers: [window([done(merged)])] })).toEqual(["consolidated-before-survivor"]);
    expect(check({ cutovers: [window([done(merged), done(survivor)])] })).toEqual([]);
    expect(check({ cutovers: [window([done(survivor)], "2026-11-28", "2026-11-29"), window([done(merged)])] })).toEqual([]);
    // dup-bn stays at the target: dup-bg merging into it needs no cutover of the survivor.
    expect(run({ cutovers: [window([done("dup-bg")])] }).warnings).toEqual([]);
  });

  it("a failure recorded after the system was done", () => {
    expect(run({ cutovers: [window([done("lone")], "2026-11-28", "2026-11-29"), window([failed("lone", "x")])] }).warnings).toEqual(["failed-after-done"]);
  });
});
