// The progress sentences: every entry renders a non-empty English and Vietnamese sentence, the
// Vietnamese in NFC with dd/mm/yyyy dates and without the English date form.
import { describe, expect, it } from "vitest";
import { PROGRESS_MSG } from "../../../planner/progress/messages.js";

/** One set of parameters per catalog entry; the type makes a new entry without a case a compile error. */
const CASES: { [K in keyof typeof PROGRESS_MSG]: Parameters<(typeof PROGRESS_MSG)[K]> } = {
  recordedDone: [{ wave: 1, start: "2026-11-28", end: "2026-11-29" }],
  movedAgainstPlan: [{ planned: "retain", now: "rehost" }],
  failedAttempt: [{ wave: 2, start: "2026-12-05", end: "2026-12-06", reason: "replication lag", replanned: true }],
  recordedRetired: [{ date: "2026-11-29" }],
  retiredAgainstPlan: [{ planned: "rehost" }],
  doneWaveNote: [{ done: 7, failed: ["web-xa-bg"] }],
  groupDone: [{ waves: [1, 2] }],
  pinOnDone: [{ system: "a", start: "2026-11-28", end: "2026-11-28" }],
  serverDecommissioned: [{ date: "2026-11-28" }],
  serverRelocated: [{ date: "2026-12-02", target: "dc-bn" }],
};

describe("progress message catalog", () => {
  for (const [name, args] of Object.entries(CASES)) {
    it(`${name} says it in both languages`, () => {
      const msg = (PROGRESS_MSG[name as keyof typeof PROGRESS_MSG] as (...a: unknown[]) => { en: string; vi: string })(...args);
      expect(msg.en.length).toBeGreaterThan(0);
      expect(msg.vi.length).toBeGreaterThan(0);
      expect(msg.vi).toBe(msg.vi.normalize("NFC"));
      expect(msg.vi).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(msg.vi).not.toBe(msg.en);
    });
  }

  it("names the attempt of a failure, its dates and its reason", () => {
    expect(PROGRESS_MSG.failedAttempt({ wave: 2, start: "2026-12-05", end: "2026-12-06", reason: "replication lag", replanned: true })).toEqual({
      en: "failed in wave 2 (2026-12-05..2026-12-06) and rolled back: replication lag; planned again after that attempt",
      vi: "chuyển đổi không thành công ở đợt 2 (05/12/2026 – 06/12/2026), đã quay lại hệ thống cũ: replication lag; được lập kế hoạch chuyển lại sau lần thử đó",
    });
  });
});
