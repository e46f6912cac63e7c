// The progress commands through run([...], io) against temporary directories: `validate
// --progress`, `record` (writes, keeps the file, idempotent, refuses what the contract forbids
// with nothing written) and `diff`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { captureIo, writeInventory, writeTree } from "../fixtures.js";
import { inventoryOf, sys } from "../planner/fixtures.js";

const inventoryDir = writeInventory(
  inventoryOf([sys("app", [], { dependsOn: [{ target: "db", coupling: "tight" }] }), sys("db", []), sys("web", [], { containerReady: true }), sys("old", [], { lifecycle: "retiring" })]),
);
const base = ["--inventory", inventoryDir, "--profile", join(writeTree({ "p.yaml": "targetSite: dc-bn\n" }), "p.yaml")];

describe("dcplan validate --progress", () => {
  it("checks the file and prints what it records", async () => {
    const dir = writeTree({ "progress.yaml": "schemaVersion: 1\ncutovers:\n  - start: 2026-11-28\n    end: 2026-11-29\n    systems:\n      - { system: web, result: done }\n      - { system: app, result: failed, reason: \"db lag\" }\n" });
    const io = captureIo();
    expect(await run(["validate", ...base, "--as-of", "2026-11-30", "--warnings", "none", "--progress", join(dir, "progress.yaml")], io)).toBe(0);
    expect(io.out.slice(io.out.indexOf("\nProgress")).split(dir).join("DIR")).toMatchInlineSnapshot(`
      "
      Progress DIR/progress.yaml: valid.
        1 cutover: 1 done, 1 system failed and to be planned again; 0 retired; 0 servers decommissioned, 0 relocated; last recorded 2026-11-29
        2026-11-28..2026-11-29: done web; failed app (db lag)
        Warnings: 0
      "
    `);
  });

  it("exits 2 with every problem located, without a stack trace", async () => {
    const dir = writeTree({ "progress.yaml": "schemaVersion: 1\ncutovers:\n  - start: 2026-12-05\n    systems:\n      - { system: webb, result: done }\n      - { system: app, result: failed }\n" });
    const io = captureIo();
    expect(await run(["validate", ...base, "--as-of", "2026-11-30", "--progress", join(dir, "progress.yaml")], io)).toBe(2);
    expect(io.err.split(dir).join("DIR")).toMatchInlineSnapshot(`
      "DIR/progress.yaml:3:12: cutover 2026-12-05..2026-12-05: start 2026-12-05 is after the as-of day 2026-11-30: the future cannot be recorded
      DIR/progress.yaml:5:19: webb: is not a system of the inventory (did you mean "web"?)
      DIR/progress.yaml:6:9: app: failed in the cutover 2026-12-05..2026-12-05 without a reason: add reason: "…" (what went wrong, e.g. "replication lag; rolled back")
      "
    `);
    expect(io.out).toBe("");
  });
});

describe("dcplan record", () => {
  it("creates the file, and a second identical run changes nothing", async () => {
    const file = join(writeTree({}), "progress.yaml");
    const argv = ["record", ...base, "--as-of", "2026-11-30", "--progress", file, "--window", "2026-11-28..2026-11-29", "--done", "web", "--failed", "app:replication lag; rolled back", "--failed", "db:with app"];
    const io = captureIo();
    expect(await run(argv, io)).toBe(0);
    const first = readFileSync(file, "utf8");
    expect(first).toMatchInlineSnapshot(`
      "# Progress of the merger: what has actually happened, recorded with \`dcplan record\` (format: docs/progress.md).
      schemaVersion: 1
      cutovers:
        - start: 2026-11-28
          end: 2026-11-29
          systems:
            - system: web
              result: done
            - system: app
              result: failed
              reason: "replication lag; rolled back"
            - system: db
              result: failed
              reason: "with app"
      "
    `);
    const again = captureIo();
    expect(await run(argv, again)).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(again.out).toMatch(/^Nothing to record in .*: already recorded: web done in 2026-11-28..2026-11-29; /);
  });

  it("appends to a file without touching its comments or order", async () => {
    const text = "# tiến độ\nschemaVersion: 1   # version\nretirements:\n  - { system: old, on: 2026-11-21 }  # switched off\n";
    const file = join(writeTree({ "progress.yaml": text }), "progress.yaml");
    const io = captureIo();
    expect(await run(["record", ...base, "--as-of", "2026-11-30", "--progress", file, "--window", "2026-11-28", "--done", "web"], io)).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(`${text}cutovers:\n  - start: 2026-11-28\n    end: 2026-11-28\n    systems:\n      - system: web\n        result: done\n`);
    expect(io.out).toContain("  + web done in 2026-11-28..2026-11-28");
  });

  it("refuses what the contract forbids and writes nothing", async () => {
    const text = "schemaVersion: 1\ncutovers:\n  - start: 2026-11-28\n    end: 2026-11-29\n    systems:\n      - { system: web, result: done }\n";
    const file = join(writeTree({ "progress.yaml": text }), "progress.yaml");
    const io = captureIo();
    const code = await run(["record", ...base, "--as-of", "2026-12-05", "--progress", file, "--window", "2026-12-05..2026-12-06", "--done", "web,ghost", "--retired", "db", "--on", "2026-12-01"], io);
    expect(code).toBe(2);
    expect(io.err).toMatchInlineSnapshot(`
      "dcplan record: cutover 2026-12-05..2026-12-06: end 2026-12-06 is after the as-of day 2026-12-05: the future cannot be recorded
      dcplan record: ghost: is not a system of the inventory
      dcplan record: web: is recorded done twice: in the cutover 2026-11-28..2026-11-29 and in the cutover 2026-12-05..2026-12-06
      "
    `);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("reports the file's own problems at their place before recording anything", async () => {
    const text = "schemaVersion: 1\nretirements:\n  - { system: nope, on: 2026-11-21 }\n";
    const file = join(writeTree({ "progress.yaml": text }), "progress.yaml");
    const io = captureIo();
    expect(await run(["record", ...base, "--as-of", "2026-11-30", "--progress", file, "--retired", "old", "--on", "2026-11-29"], io)).toBe(2);
    expect(io.err.replace(file, "progress.yaml")).toBe("progress.yaml:3:15: nope: is not a system of the inventory\n");
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("exits 2 on incomplete options", async () => {
    const file = join(writeTree({}), "progress.yaml");
    for (const [argv, message] of [
      [["--done", "web"], "--done and --failed need --window START..END, the cutover window they happened in"],
      [["--window", "2026-11-28"], "--window needs --done or --failed: which systems were cut over in it"],
      [["--retired", "old"], "--retired, --decommissioned and --relocated need --on DATE"],
      [["--window", "2026-11-28", "--failed", "app"], '--failed takes SYSTEM:REASON, e.g. --failed "lgsp-bg:replication lag; rolled back to dc-bg", got "app"'],
      [["--window", "28/11/2026", "--done", "web"], '--window must be START..END with real dates YYYY-MM-DD (or one day), e.g. 2026-12-05..2026-12-06, got "28/11/2026"'],
      [[], "nothing to record: give --window with --done/--failed, or --retired/--decommissioned/--relocated with --on"],
    ] as const) {
      const io = captureIo();
      expect(await run(["record", ...base, "--progress", file, ...argv], io)).toBe(2);
      expect(io.err).toBe(`dcplan: ${message}\n`);
    }
    expect(existsSync(file)).toBe(false);
  });
});

describe("dcplan diff", () => {
  it("says which systems and servers changed and the verdict before and after", async () => {
    const dir = writeTree({});
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    await run(["plan", ...base, "--as-of", "2026-11-22", "--out", a], captureIo());
    await run(["plan", ...base, "--as-of", "2026-11-30", "--out", b], captureIo());
    const io = captureIo();
    expect(await run(["diff", a, b], io)).toBe(0);
    expect(io.out).toMatch(/^Plan as of 2026-11-22 → as of 2026-11-30\nDeadline 2026-12-31: met/);
    expect(io.out).toContain("  web [date]: replatform, wave 1 (2026-11-28..2026-11-29) → replatform, wave 1 (2026-12-05..2026-12-06)");
    const md = captureIo();
    expect(await run(["diff", a, b, "--format", "md"], md)).toBe(0);
    expect(md.out).toContain("| `web` | date | replatform, wave 1 (2026-11-28..2026-11-29) | replatform, wave 1 (2026-12-05..2026-12-06) |");
    const json = captureIo();
    expect(await run(["diff", a, b, "--format", "json"], json)).toBe(0);
    const d = JSON.parse(json.out);
    expect(d.systems.map((s: { id: string }) => s.id)).toEqual(["app", "db", "old", "web"]);
    expect(d.old.verdict.met).toBe(true);
    // Same plans: nothing changed.
    const same = captureIo();
    await run(["diff", b, b], same);
    expect(same.out).toContain("Systems changed: 0");
  });

  it("exits 2 on a file that is not a plan", async () => {
    const dir = writeTree({ "x.json": "{}" });
    const io = captureIo();
    expect(await run(["diff", join(dir, "x.json"), join(dir, "x.json")], io)).toBe(2);
    expect(io.err).toContain("x.json");
  });
});
