// The XLSX writer's own pieces: the UTF-8 encoder its sheets go through.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8 } from "../../planner/export/xlsx-writer.js";

describe("utf8", () => {
  it("gives the bytes Buffer.from gives, for Vietnamese, astral characters and lone surrogates", () => {
    for (const s of ["", "a", "Trung tâm tích hợp dữ liệu – Đợt 3", "😀 \u{1d15e}", "\ud800", "x\udc00y", "<c r=\"A1\"/>".repeat(5000)]) {
      expect(Buffer.compare(utf8(s), Buffer.from(s, "utf8"))).toBe(0);
    }
  });

  it("never writes over a piece it gave before (the compressor may still hold it)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 3000 }), fc.string({ unit: "grapheme", maxLength: 200_000 })), { minLength: 1, maxLength: 40 }), (texts) => {
        const pieces = texts.map((t) => utf8(t));
        pieces.forEach((p, i) => expect(Buffer.compare(p, Buffer.from(texts[i], "utf8"))).toBe(0));
      }),
      { seed: 20261201, numRuns: 60 },
    );
  });
});
