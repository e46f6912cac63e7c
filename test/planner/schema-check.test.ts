// The compiled plan check agrees with zod's parse on valid plans and on plans broken at random
// (a field removed, set to another value or type, an unknown field added), over generated mutations.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Plan } from "../../planner/plan-schema.js";
import { compileCheck } from "../../planner/schema-check.js";
import { makeFixturePlan } from "../export/fixture-plan.js";
import { z } from "zod";

/** Every path to a value in `v`. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

const REPLACEMENTS: unknown[] = [null, 0, -1, 1.5, 2, 6, 101, "", "x", "2026-13-01", "2026-02-29", "2024-02-29", "Dc-Bn", "dc-bn", true, [], {}, ["a"], { id: "a" }, 1e308, "retain", "reuse", "2026"];

describe("compileCheck(Plan)", () => {
  const check = compileCheck(Plan)!;
  const base = JSON.parse(JSON.stringify(makeFixturePlan())) as unknown;
  const all = paths(base).filter((p) => p.length > 0);

  it("compiles, and accepts the fixture plan as zod does", () => {
    expect(check).toBeTypeOf("function");
    expect(check(base)).toBe(true);
    expect(Plan.safeParse(base).success).toBe(true);
  });

  it("gives zod's verdict on every mutated plan", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.integer({ min: 0, max: REPLACEMENTS.length + 1 }), (p, r) => {
        const plan = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        const path = all[p];
        let parent: Record<string | number, unknown> = plan;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (r === REPLACEMENTS.length) delete parent[last];
        else if (r === REPLACEMENTS.length + 1) (parent as Record<string, unknown>)["x-unknown"] = 1;
        else parent[last] = REPLACEMENTS[r];
        expect(check(plan), JSON.stringify({ path, r })).toBe(Plan.safeParse(plan).success);
      }),
      { seed: 20261130, numRuns: 800 },
    );
  });

  it("declines what it does not know, so callers use zod", () => {
    expect(compileCheck(z.union([z.string(), z.number()]))).toBeUndefined();
    expect(compileCheck(z.string().transform((s) => s.length))).toBeUndefined();
    expect(compileCheck(z.object({ a: z.string() }).catchall(z.unknown()))).toBeUndefined();
  });
});
