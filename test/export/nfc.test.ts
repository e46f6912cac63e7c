// The fast NFC of the exports equals String.prototype.normalize("NFC") everywhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nfc } from "../../planner/export/nfc.js";

describe("nfc", () => {
  it("changes exactly what NFC changes, for every code point", () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if (nfc(s) !== s.normalize("NFC")) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("composes decomposed Vietnamese and Hangul, and leaves NFC text alone", () => {
    expect(nfc("Ha\u0300 No\u0302\u0323i")).toBe("Hà Nội");
    expect(nfc("\u1100\u1161")).toBe("가");
    const s = "Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh";
    expect(nfc(s)).toBe(s);
  });

  it("agrees with normalize on random strings of letters, marks and jamo", () => {
    const char = fc.oneof(
      fc.constantFrom("a", "e", "o", "u", "A", "Đ", "ơ", "ư", "ệ", " ", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u1100", "\u1161", "\u11a8", "\u2126", "\u0958"),
      fc.integer({ min: 0x20, max: 0x2fff }).map((cp) => String.fromCodePoint(cp)),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const s = chars.join("");
        expect(nfc(s)).toBe(s.normalize("NFC"));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });
});
