// The fast NFC of the exports equals String.prototype.normalize("NFC") everywhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NFC_CHECKS, nfc } from "../../planner/export/nfc.js";

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

  it("tests each code point the precise checks take with the quick check first", () => {
    // The quick class only saves time if it holds every code point the others would catch: a
    // combining mark it missed would leave decomposed text unnormalised (a lone mark is its own NFC,
    // so the test above would not see it).
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if ((NFC_CHECKS.full.test(s) || NFC_CHECKS.bmp.test(s)) && !NFC_CHECKS.quick.test(s)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
    // and it lets ASCII, Latin-1 and precomposed Vietnamese through without the slower checks
    expect(NFC_CHECKS.quick.test("Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh – Đợt 3: “ẩn”")).toBe(false);
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
