// text(): the exporters' one way to show a sentence the planner wrote, in the reader's language.
import { describe, expect, it } from "vitest";
import { text } from "../../planner/export/tables.js";
import { makeFixturePlan } from "./fixture-plan.js";

describe("text", () => {
  const plan = makeFixturePlan({
    translations: {
      vi: { "wave full (8 systems)": "đợt đã đủ 8 hệ thống", "lgsp-bg waits for g-y-te-bg (wave 4)": "Nền tảng LGSP Bắc Giang chờ …" },
      en: { "held back until 2027-01-01, after the last window before horizonEnd 2030-12-31": "held back until 2027-01-01, after the last window before the end of the roadmap 2030-12-31" },
    },
  });
  it("gives the plan's Vietnamese under vi", () => {
    expect(text(plan, "vi", "wave full (8 systems)")).toBe("đợt đã đủ 8 hệ thống");
  });
  it("gives the English with names: the plan's entry where it has one, else every id replaced by its name", () => {
    expect(text(plan, "en", "wave full (8 systems)")).toBe("wave full (8 systems)");
    expect(text(plan, "en", "held back until 2027-01-01, after the last window before horizonEnd 2030-12-31")).toBe(
      "held back until 2027-01-01, after the last window before the end of the roadmap 2030-12-31",
    );
    expect(text(plan, "en", "lgsp-bg waits for g-y-te-bg (wave 4)")).toBe("Nền tảng LGSP Bắc Giang waits for Hệ thống quản lý hồ sơ sức khỏe điện tử (wave 4)");
    expect(text(plan, "en", 'duplicate of function "lgsp" at dc-bg')).toBe('duplicate of function "provincial data-sharing platform (LGSP)" at Trung tâm tích hợp dữ liệu Bắc Giang (cũ)');
  });
  it("falls back to the sentence as written when there is no translation (older plans)", () => {
    expect(text(plan, "vi", "something else")).toBe("something else");
    expect(text(makeFixturePlan(), "vi", "wave full (8 systems)")).toBe("wave full (8 systems)");
    expect(text({ ...makeFixturePlan(), translations: undefined }, "en", "lgsp-bg is retained")).toBe("lgsp-bg is retained");
  });
});
