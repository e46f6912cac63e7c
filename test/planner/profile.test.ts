import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProfileError } from "../../common/errors.js";
import { indexInventory } from "../../inventory/model.js";
import { gibPerDay, prepareProfile } from "../../planner/profile.js";
import { writeTree } from "../fixtures.js";
import { AS_OF, inventoryOf, sys } from "./fixtures.js";

const index = indexInventory(inventoryOf([sys("app", [], { dependsOn: [{ target: "db", coupling: "tight" }] }), sys("db", []), sys("web", [])]));

/** Writes `yaml` as profile.yaml and returns the ProfileError lines (file name only, no temp dir). */
function errorsOf(yaml: string): string[] {
  const dir = writeTree({ "profile.yaml": yaml });
  try {
    prepareProfile(join(dir, "profile.yaml"), index, AS_OF);
  } catch (err) {
    expect(err).toBeInstanceOf(ProfileError);
    return (err as ProfileError).lines().map((l) => l.replace(`${dir}/`, ""));
  }
  throw new Error("expected a ProfileError");
}

describe("profile", () => {
  it("resolves every default (contract) and the WAN formula for maxDataGiB", () => {
    const p = prepareProfile(undefined, index, AS_OF);
    expect(p).toMatchObject({ startDate: AS_OF, deadline: "2026-12-31", horizonEnd: "2030-12-31", weekdays: ["sat", "sun"], maxSystems: 8, quietPeriodDays: 30, headroomPct: 20, cpuOvercommit: 4, maxDataGiBSource: "wan", wanMbps: 1000, wanUsableShare: 0.5 });
    // 1000 Mbit/s × 0.5 × 86 400 s = 43.2 Tbit = 5 029.1 GiB per day; weekends are 2 days.
    expect(p.dataGiBPerWindowDay).toBe(5029.1);
    expect(gibPerDay(1000, 0.5)).toBe(5029.1);
    expect(p.maxDataGiB).toBeCloseTo(10058.2, 1);
  });

  it("rejects an unknown key with its line and column", () => {
    expect(errorsOf("deadline: 2026-12-31\nwaveLimit:\n  maxSystems: 4\n")).toMatchInlineSnapshot(`
      [
        "profile.yaml:2:1: waveLimit: unknown field "waveLimit" (did you mean "waveLimits"?)",
      ]
    `);
  });

  it("rejects a date that does not exist", () => {
    expect(errorsOf("deadline: 2026-02-30\n")).toMatchInlineSnapshot(`
      [
        "profile.yaml:1:11: deadline: must be a real calendar date YYYY-MM-DD",
      ]
    `);
  });

  it("rejects a pin naming an unknown system, and a pin on a non-allowed day", () => {
    expect(errorsOf("pins:\n  - system: nope\n    date: 2026-12-05\n  - system: web\n    date: 2026-12-07\n")).toMatchInlineSnapshot(`
      [
        "profile.yaml:2:13: pins[0].system: pins a system "nope" that is not in the inventory",
        "profile.yaml:5:11: pins[1].date: pin date 2026-12-07 is not an allowed cutover day (mon is not a cutover weekday)",
      ]
    `);
  });

  it("rejects a pin with both date and notBefore", () => {
    expect(errorsOf("pins:\n  - system: web\n    date: 2026-12-05\n    notBefore: 2026-12-01\n")).toMatchInlineSnapshot(`
      [
        "profile.yaml:2:5: pins[0]: a pin needs exactly one of "date" or "notBefore"",
      ]
    `);
  });

  it("rejects a pin on a public holiday and a blackout that ends before it starts", () => {
    expect(errorsOf("blackouts:\n  - from: 2026-12-20\n    to: 2026-12-10\n    reason: audit\npins:\n  - system: web\n    date: 2027-05-01\n")).toMatchInlineSnapshot(`
      [
        "profile.yaml:2:11: blackouts[0].from: blackout starts (2026-12-20) after it ends (2026-12-10)",
        "profile.yaml:7:11: pins[0].date: pin date 2027-05-01 is not an allowed cutover day (public holiday: Quốc tế Lao động)",
      ]
    `);
  });

  it("rejects contradictory pins inside one move group and an unknown target site", () => {
    expect(errorsOf("targetSite: dc-hn\npins:\n  - system: app\n    date: 2026-12-05\n  - system: db\n    date: 2026-12-12\n")).toMatchInlineSnapshot(`
      [
        "profile.yaml:1:13: targetSite: target site "dc-hn" is not a site of the inventory (sites: dc-bg, dc-bn)",
        "profile.yaml:6:11: pins[1].date: "db" is pinned to 2026-12-12 but must cut over together with "app", pinned to 2026-12-05",
      ]
    `);
  });

  it("reports YAML syntax errors located", () => {
    const lines = errorsOf("deadline: [2026-12-31\n");
    expect(lines[0]).toMatch(/^profile\.yaml:\d+:\d+: YAML syntax error/);
  });
});
