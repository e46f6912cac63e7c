// `dcplan render` in the run's language: its notes on what must be done by hand (the P2V conversion
// of a physical server before its wave) read in Vietnamese under --lang vi, unchanged in English.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { captureIo, tempDir } from "../fixtures.js";

describe("dcplan render's notes in the run's language", () => {
  it("tells the P2V conversions in Vietnamese, and in English as before", async () => {
    const said: Record<string, string> = {};
    for (const lang of ["vi", "en"] as const) {
      const io = captureIo("2026-11-30", { lang });
      expect(await run(["render", "--stack", "dev", "--out", join(tempDir(), "m")], io)).toBe(0);
      said[lang] = io.err.split("\n").filter((l) => l.includes("P2V")).join("\n");
    }
    expect(said.vi).toMatch(/^lưu ý: \S+: máy chủ vật lý \S+ phải được chuyển thành máy ảo tên "[^"]+" trong vCenter của \S+ \(P2V\) trước đợt \d+; Forklift chỉ chuyển được máy ảo$/m);
    expect(said.vi).not.toMatch(/physical server|must be converted|migrates/);
    expect(said.en).toMatch(/^note: \S+: physical server \S+ must be converted into a VM named "[^"]+" in the vCenter of \S+ \(P2V\) before wave \d+; Forklift migrates VMs only$/m);
    expect(said.vi.split("\n")).toHaveLength(said.en.split("\n").length);
  });
});
