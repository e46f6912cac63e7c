import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../common/io.js";
import { tempDir } from "../fixtures.js";

describe("writeFileAtomic with the data in pieces", () => {
  it("writes exactly the pieces one after the other, strings as UTF-8 and bytes as they are, whatever their sizes", () => {
    const dir = tempDir();
    const file = join(dir, "out.txt");
    // Small and very large strings (past the writer's 4 MB buffer), multi-byte text, byte pieces between them.
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom("Đợt 1: chuyển đổi", "x".repeat(3 << 20), "ư".repeat(1_500_000), ""),
      fc.uint8Array({ maxLength: 30 }),
      fc.constant(new Uint8Array(5 << 20).fill(65)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        writeFileAtomic(file, pieces);
        const expected = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
        expect(readFileSync(file).equals(expected)).toBe(true);
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});
