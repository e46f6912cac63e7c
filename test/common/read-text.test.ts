import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readText } from "../../common/read-text.js";
import { tempDir } from "../fixtures.js";

// readText reads into one buffer used again and again: what one file leaves in it must never show
// in the next one.
describe("readText, file after file", () => {
  it("gives each file its own text, longer or shorter than the one before", () => {
    const dir = tempDir();
    const texts = ["Đợt 1: chuyển đổi\n".repeat(200_000), "ngắn", "", "x".repeat(5_000_000), "b\n".repeat(10), "ư".repeat(3_000_000)];
    texts.forEach((t, i) => writeFileSync(join(dir, `${i}.yaml`), t));
    for (let round = 0; round < 2; round++) texts.forEach((t, i) => expect(readText(join(dir, `${i}.yaml`)).text).toBe(t));
  });

  it("places the first byte that is not UTF-8 in its own file, after a longer file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "long.yaml"), "a: b\n".repeat(100_000));
    writeFileSync(join(dir, "bad.yaml"), Buffer.from([0x61, 0x3a, 0x20, 0x0a, 0x62, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(readText(join(dir, "long.yaml")).text?.length).toBe(500_000);
    const bad = readText(join(dir, "bad.yaml"));
    expect(bad.finding).toMatchObject({ rule: "not-utf8", line: 2, col: 4 });
  });
});
