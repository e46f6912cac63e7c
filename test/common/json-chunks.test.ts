import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../common/json-chunks.js";

const joined = (v: unknown, options?: Parameters<typeof jsonChunks>[1]): string => [...jsonChunks(v, options)].join("");

describe("jsonChunks", () => {
  it("joins to JSON.stringify(value, null, 2) for any JSON value, any depth, any piece size", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 64 }), (v, depth, pieceChars) => {
        expect(joined(v, { depth, pieceChars })).toBe(JSON.stringify(v, null, 2));
        // Every string handed out as made, leaf batches of any size.
        expect(joined(v, { depth, pieceChars: 0, batchChars: pieceChars })).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });

  it("drops undefined and function members of objects and writes them as null in arrays, as JSON.stringify does", () => {
    const v = { a: undefined, b: [undefined, () => 1, 2, { c: undefined }], d: {}, e: [], f: "x\ny", g: { h: [[], {}] } };
    for (const depth of [0, 1, 2, 3]) expect(joined(v, { depth, pieceChars: 3 })).toBe(JSON.stringify(v, null, 2));
  });

  it("keeps a \"__proto__\" key and integer-like keys where JSON.stringify puts them, batches of every size", () => {
    const v = JSON.parse('{"a": {"__proto__": 1, "b": [1, 2], "10": "x", "2": "y"}, "c": [{"__proto__": null}]}') as unknown;
    for (const depth of [1, 2, 3]) for (const pieceChars of [1, 7, 1 << 20]) expect(joined(v, { depth, pieceChars })).toBe(JSON.stringify(v, null, 2));
    const rows = { rows: Array.from({ length: 5000 }, (_, i) => ({ id: `s-${i}`, n: i % 7 === 0 ? undefined : i })) };
    for (const pieceChars of [100, 5000, 1 << 20]) expect(joined(rows, { pieceChars })).toBe(JSON.stringify(rows, null, 2));
  });

  it("writes a value one or more levels down in a document (base), as JSON.stringify indents it there", () => {
    const v = { vi: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`câu ${i}`, `dịch ${i}`])), en: {}, n: [1, { a: [2] }] };
    for (const base of [1, 2]) {
      let doc: unknown = v;
      for (let i = 0; i < base; i++) doc = [doc];
      const whole = JSON.stringify(doc, null, 2);
      // The wrapper's lines ("[" at each level above) and the value's own indentation before it, its closing lines after.
      const before = base * (base - 1) + 4 * base;
      const after = base * (base - 1) + 2 * base;
      for (const depth of [base + 1, base + 2, base + 3]) expect(joined(v, { base, depth, pieceChars: 500 })).toBe(whole.slice(before, whole.length - after));
    }
  });

  it("hands out pieces of about the size asked for, not one string", () => {
    const v = { rows: Array.from({ length: 1000 }, (_, i) => ({ id: `s-${i}`, reasons: ["một lý do"] })) };
    const pieces = [...jsonChunks(v, { pieceChars: 4096 })];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(4096 + 200);
  });
});
