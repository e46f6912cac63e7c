// RFC 7386's own examples (Appendix A), plus composition and canonical order.
import { describe, expect, it } from "vitest";
import { applyMergePatch, canonicalPatch, composePatches, type Json } from "../../../planner/options/merge-patch.js";

describe("applyMergePatch (RFC 7386)", () => {
  const cases: [Json, Json, Json][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(cases)("%j patched by %j gives %j", (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });

  it("changes neither argument", () => {
    const target = { waveLimits: { maxSystems: 8 }, pins: [{ system: "a", date: "2026-12-05" }] };
    const patch = { waveLimits: { maxSystems: 12 } };
    const out = applyMergePatch(target, patch) as { waveLimits: { maxSystems: number }; pins: unknown[] };
    expect(out).toEqual({ waveLimits: { maxSystems: 12 }, pins: [{ system: "a", date: "2026-12-05" }] });
    expect(target.waveLimits.maxSystems).toBe(8);
    expect(patch).toEqual({ waveLimits: { maxSystems: 12 } });
  });
});

describe("composePatches", () => {
  it("equals applying the two patches in turn", () => {
    const target: Json = { waveLimits: { maxSystems: 8, maxDataGiB: 5000 }, windows: { weekdays: ["sat", "sun"] }, headroomPct: 20 };
    const a: Json = { waveLimits: { maxSystems: 10 }, headroomPct: null };
    const b: Json = { waveLimits: { maxDataGiB: 9000 }, windows: { weekdays: ["wed", "sat", "sun"] } };
    expect(applyMergePatch(target, composePatches(a, b))).toEqual(applyMergePatch(applyMergePatch(target, a), b));
    expect(composePatches(a, b)).toEqual({ waveLimits: { maxSystems: 10, maxDataGiB: 9000 }, headroomPct: null, windows: { weekdays: ["wed", "sat", "sun"] } });
  });
});

describe("canonicalPatch", () => {
  it("sorts object keys at every level and keeps array order", () => {
    expect(JSON.stringify(canonicalPatch({ b: 1, a: { d: [3, 1], c: null } }))).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });
});
