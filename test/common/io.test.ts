import fc from "fast-check";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Piece, WholeFile, wholeFileBytes, writeFileAtomic, writeFileAtomicOverlapped, writePiecesOverlapped } from "../../common/io.js";
import { InternalError } from "../../common/errors.js";
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

describe("writeFileAtomicOverlapped (the disk writes on the thread pool)", () => {
  const piece = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.constantFrom("Đợt 1: chuyển đổi", "x".repeat(3 << 20), "ư".repeat(1_500_000), ""),
    fc.uint8Array({ maxLength: 30 }),
    fc.constant(new Uint8Array(5 << 20).fill(65)),
    fc.constant(new Uint8Array(4 << 20).fill(66)),
  );

  it("writes the same bytes as writeFileAtomic, in order, whatever the pieces", async () => {
    const dir = tempDir();
    const file = join(dir, "out.txt");
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 14 }), async (pieces) => {
        await writeFileAtomicOverlapped(file, pieces);
        const expected = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
        expect(readFileSync(file).equals(expected)).toBe(true);
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it("keeps the old file and leaves no temporary one when the pieces fail half-way", async () => {
    const dir = tempDir();
    const file = join(dir, "plan.json");
    writeFileSync(file, "old");
    const failing = function* (): Generator<string> {
      for (let i = 0; i < 5; i++) yield "y".repeat(2 << 20); // past two buffers: writes are under way
      throw new Error("planning stopped");
    };
    await expect(writeFileAtomicOverlapped(file, failing())).rejects.toThrow(InternalError);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["plan.json"]);
  });

  it("throws the disk's own error (no unhandled rejection) when a write fails", async () => {
    if (!existsSync("/dev/full")) return;
    const fd = openSync("/dev/full", "w");
    try {
      await expect(writePiecesOverlapped(fd, ["z".repeat(3 << 20), "z".repeat(3 << 20), "z".repeat(3 << 20)])).rejects.toThrow(/ENOSPC/);
    } finally {
      closeSync(fd);
    }
  });
});

describe("whole open files as pieces (the translations worker's file)", () => {
  const dir = tempDir();
  // Empty, small, exactly a buffer, past two buffers: read from their start whatever their descriptor's position.
  const files = [0, 7, 4 << 20, (9 << 20) + 3].map((n, i) => {
    const path = join(dir, `whole-${i}`);
    writeFileSync(path, Buffer.alloc(n, 97 + i));
    return new WholeFile(openSync(path, "r"));
  });
  const piece = fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), fc.uint8Array({ maxLength: 20 }), fc.constantFrom(...files), fc.constant("x".repeat(3 << 20)));
  const bytesOf = (pieces: readonly Piece[]): Buffer => Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p instanceof WholeFile ? wholeFileBytes(p) : Buffer.from(p))));

  it("are written in place, both ways, the same bytes as the file holds", async () => {
    const out = join(dir, "out.json");
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
        const expected = bytesOf(pieces);
        writeFileAtomic(out, pieces);
        expect(readFileSync(out).equals(expected)).toBe(true);
        await writeFileAtomicOverlapped(out, pieces);
        expect(readFileSync(out).equals(expected)).toBe(true);
      }),
      { numRuns: 40, seed: 20261130 },
    );
    expect(wholeFileBytes(files[3]).length).toBe((9 << 20) + 3);
    for (const f of files) closeSync(f.fd);
  });
});
