// The benchmark runner's choice of how to run a module: the compiled JavaScript when dist/bench is
// up to date with every source folder, else tsx, saying why.
import { utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { childCommand } from "../../bench/child-command.js";
import { writeTree } from "../fixtures.js";

const OLD = new Date("2026-11-01T00:00:00Z");
const NEW = new Date("2026-11-02T00:00:00Z");

function project(files: Record<string, Date>): string {
  const root = writeTree(Object.fromEntries(Object.keys(files).map((f) => [f, "// fixture\n"])));
  for (const [f, t] of Object.entries(files)) utimesSync(join(root, f), t, t);
  return root;
}

describe("childCommand", () => {
  it("runs the compiled module in plain node when dist/bench is newer than every source", () => {
    const root = project({ "bench/pulumi.bench.ts": OLD, "stacks/model.ts": OLD, "dist/bench/child.js": NEW, "dist/bench/pulumi.bench.js": NEW });
    const c = childCommand(root, "pulumi.bench.ts", true);
    expect(c.compiled).toBe(true);
    expect(c.args).toEqual([join(root, "dist/bench/child.js"), join(root, "dist/bench/pulumi.bench.js")]);
    expect(c.how).toContain("compiled dist/bench/pulumi.bench.js");
  });

  it("falls back to tsx when a source file anywhere in the built folders is newer, naming it", () => {
    const root = project({ "bench/pulumi.bench.ts": OLD, "stacks/builders/tenancy.ts": NEW, "dist/bench/child.js": OLD, "dist/bench/pulumi.bench.js": OLD });
    const c = childCommand(root, "pulumi.bench.ts", true);
    expect(c.compiled).toBe(false);
    expect(c.args).toEqual(["--import", "tsx", join(root, "bench/child.ts"), join(root, "bench/pulumi.bench.ts")]);
    expect(c.how).toContain("older than stacks/builders/tenancy.ts");
  });

  it("falls back to tsx when the compiled runner or module is missing, and when compiled is not wanted", () => {
    const root = project({ "bench/pulumi.bench.ts": OLD, "dist/bench/pulumi.bench.js": NEW });
    expect(childCommand(root, "pulumi.bench.ts", true)).toMatchObject({ compiled: false, how: expect.stringContaining("dist/bench/child.js not built") });
    const built = project({ "bench/plan.bench.ts": OLD, "dist/bench/child.js": NEW, "dist/bench/plan.bench.js": NEW });
    expect(childCommand(built, "plan.bench.ts", false)).toMatchObject({ compiled: false, how: "tsx" });
  });
});
