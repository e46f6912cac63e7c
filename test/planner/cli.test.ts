// `dcplan plan` and `dcplan explain` through run([...], io) against temporary directories.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { loadInventory } from "../../inventory/load.js";
import { Plan } from "../../planner/plan-schema.js";
import { planWithProfile, serialisePlan } from "../../planner/plan.js";
import { prepareProfile } from "../../planner/profile.js";
import { captureIo, writeInventory, writeTree } from "../fixtures.js";
import { inventoryOf, sys } from "./fixtures.js";

const inventoryDir = writeInventory(inventoryOf([sys("app", [], { dependsOn: [{ target: "db", coupling: "tight" }] }), sys("db", []), sys("web", [], { containerReady: true })]));

describe("dcplan plan", () => {
  it("prints the plan JSON, and nothing else, on standard output", async () => {
    const io = captureIo();
    expect(await run(["plan", "--inventory", inventoryDir, "--as-of", "2026-11-22"], io)).toBe(0);
    const plan = Plan.parse(JSON.parse(io.out));
    expect(plan.asOf).toBe("2026-11-22");
    expect(io.out.startsWith('{\n  "schemaVersion": 1,\n  "asOf": "2026-11-22",\n  "targetSite": ')).toBe(true);
    expect(io.err).toMatch(/^dcplan plan: target dc-b[gn], 1 wave \(lower bound 1\), deadline 2026-12-31 met, 0 violations\n$/);
  });

  it("writes, in pieces, exactly the bytes of serialisePlan (the sample plan, to --out and to standard output)", async () => {
    const out = join(writeTree({}), "plan.json");
    // No options search: the bytes compared are the planner's (the sample misses its deadline).
    const args = ["plan", "--inventory", "inventory/sample", "--profile", "planner/sample/profile.yaml", "--as-of", "2026-11-22", "--options-budget", "0"];
    expect(await run([...args, "--out", out], captureIo())).toBe(0);
    const io = captureIo();
    expect(await run(args, io)).toBe(0);
    const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-22", locateWarnings: false });
    const expected = serialisePlan(planWithProfile(loaded, prepareProfile("planner/sample/profile.yaml", loaded.index, "2026-11-22"), "2026-11-22").plan);
    expect(readFileSync(out, "utf8")).toBe(expected);
    expect(io.out).toBe(expected);
  });

  it("writes the same bytes to --out and uses io.today() as the default as-of", async () => {
    const out = join(writeTree({}), "plan.json");
    const io = captureIo("2026-11-22");
    expect(await run(["plan", "--inventory", inventoryDir, "--out", out], io)).toBe(0);
    expect(io.out).toBe("");
    const again = captureIo();
    await run(["plan", "--inventory", inventoryDir, "--as-of", "2026-11-22"], again);
    expect(readFileSync(out, "utf8")).toBe(again.out);
  });

  it("exits 2 with located findings on a bad profile", async () => {
    const dir = writeTree({ "p.yaml": "deadline: 2026-12-31\npins:\n  - system: ghost\n    notBefore: 2026-12-01\n" });
    const io = captureIo();
    expect(await run(["plan", "--inventory", inventoryDir, "--profile", join(dir, "p.yaml"), "--as-of", "2026-11-22"], io)).toBe(2);
    expect(io.err.replace(`${dir}/`, "")).toMatchInlineSnapshot(`
      "p.yaml:3:13: pins[0].system: pins a system "ghost" that is not in the inventory
      "
    `);
    expect(io.out).toBe("");
  });

  it("exits 2 on a bad --as-of", async () => {
    const io = captureIo();
    expect(await run(["plan", "--inventory", inventoryDir, "--as-of", "2026-13-01"], io)).toBe(2);
    expect(io.err).toMatchInlineSnapshot(`
      "dcplan: --as-of must be a real date YYYY-MM-DD, got "2026-13-01"
      "
    `);
  });

  it("shows an example in --help", async () => {
    const io = captureIo();
    expect(await run(["plan", "--help"], io)).toBe(0);
    expect(io.out).toMatch(/Examples:\n {2}\$ dcplan plan --inventory inventory\/sample/);
  });
});

describe("dcplan explain", () => {
  it("explains a system's disposition, wave, what it waits for and its servers", async () => {
    const io = captureIo();
    expect(await run(["explain", "--inventory", inventoryDir, "--as-of", "2026-11-22", "app"], io)).toBe(0);
    expect(io.out).toMatch(/^System app — Hệ thống app/);
    expect(io.out).toMatch(/Disposition: rehost/);
    expect(io.out).toMatch(/Wave: 1, 2026-11-28\.\.2026-11-29/);
    expect(io.out).toMatch(/Cuts over together with: db/);
    expect(io.out).toMatch(/Waits for:\n {2}- db \(tight\): rehost, wave 1/);
    expect(io.out).toMatch(/app-vm \(virtual at dc-bg\): reuse → dc-bn/);
  });

  it("explains a server", async () => {
    const io = captureIo();
    expect(await run(["explain", "--inventory", inventoryDir, "--as-of", "2026-11-22", "bg-host"], io)).toBe(0);
    expect(io.out).toMatch(/^Server bg-host \(physical at dc-bg\): relocate → dc-bn, freed 2026-11-29/);
  });

  it("exits 2 for an unknown id", async () => {
    const io = captureIo();
    expect(await run(["explain", "--inventory", inventoryDir, "--as-of", "2026-11-22", "nope"], io)).toBe(2);
    expect(io.err.replace(inventoryDir, "DIR")).toMatchInlineSnapshot(`
      "dcplan: "nope" is neither a system nor a server of the inventory DIR
      "
    `);
  });
});

describe("dcplan validate --profile", () => {
  it("prints the profile's resolved values", async () => {
    const dir = writeTree({ "p.yaml": "waveLimits:\n  maxSystems: 4\n" });
    const io = captureIo();
    expect(await run(["validate", "--inventory", inventoryDir, "--profile", join(dir, "p.yaml"), "--as-of", "2026-11-22"], io)).toBe(0);
    expect(io.out).toMatch(/Resolved values:/);
    expect(io.out).toMatch(/waveLimits\.maxSystems 4, waveLimits\.maxDataGiB 10058\.2 \(from the WAN: 1000 Mbit\/s × 0\.5 usable = 5029\.1 GiB per window day\)/);
  });

  it("exits 2 on a profile with an unknown key", async () => {
    const dir = writeTree({ "p.yaml": "headroom: 10\n" });
    const io = captureIo();
    expect(await run(["validate", "--inventory", inventoryDir, "--profile", join(dir, "p.yaml")], io)).toBe(2);
    expect(io.err.replace(`${dir}/`, "")).toMatchInlineSnapshot(`
      "p.yaml:1:1: headroom: unknown field "headroom" (did you mean "headroomPct"?)
      "
    `);
  });
});

describe("dcplan explain, departing systems", () => {
  const dir = writeInventory(inventoryOf([sys("old", [], { lifecycle: "retiring" }), sys("qlvb-bn", ["bn-vm"], { function: "document-management" }), sys("qlvb-bg", [], { function: "document-management" }), sys("user", [], { dependsOn: [{ target: "qlvb-bg", coupling: "loose" }] })], [{ id: "bn-vm", site: "dc-bn", kind: "virtual", hostedOn: "bn-host", cpuCores: 2, memoryGiB: 4 }]));

  it("explains a retirement", async () => {
    const io = captureIo();
    expect(await run(["explain", "--inventory", dir, "--as-of", "2026-11-22", "old"], io)).toBe(0);
    expect(io.out).toMatch(/Disposition: retire\nSwitched off: 2026-11-29\n/);
  });

  it("explains a consolidation and what waits for it", async () => {
    const io = captureIo();
    expect(await run(["explain", "--inventory", dir, "--as-of", "2026-11-22", "qlvb-bg"], io)).toBe(0);
    expect(io.out).toMatch(/Disposition: consolidate into qlvb-bn/);
    expect(io.out).toMatch(/survivor qlvb-bn: retain \(must be in place first\)/);
    expect(io.out).toMatch(/Waited on by:\n {2}- user: rehost, wave 1/);
  });
});
