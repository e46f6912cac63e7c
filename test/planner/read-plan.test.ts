// The JSON path locator behind `file:line:col` in plan-file errors: for any JSON document and any
// path into it, the offset it finds is where that value's text starts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineCol, locateJsonPath } from "../../planner/read-plan.js";

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

describe("locateJsonPath", () => {
  it("finds the start of every value of any JSON document", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        for (const path of paths(value)) {
          const offset = locateJsonPath(text, path);
          expect(offset).toBeDefined();
          expect(text.startsWith(JSON.stringify(at(value, path)), offset)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it("points at the deepest existing node when the rest of the path is missing", () => {
    const text = '{\n  "a": [1, {"b": "x\\"]}"}],\n  "c": {}\n}';
    expect(lineCol(text, locateJsonPath(text, ["a", 1, "b"])!)).toEqual({ line: 2, col: 18 });
    expect(lineCol(text, locateJsonPath(text, ["c", "missing", 3])!)).toEqual({ line: 3, col: 8 });
    expect(lineCol(text, locateJsonPath(text, ["a", 5])!)).toEqual({ line: 2, col: 8 });
  });
});
