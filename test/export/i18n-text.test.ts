// text(): the exporters' one way to show a sentence the planner wrote, in the reader's language.
import { describe, expect, it } from "vitest";
import { text } from "../../planner/export/i18n.js";

describe("text", () => {
  const plan = { translations: { vi: { "wave full (8 systems)": "đợt đã đủ 8 hệ thống" } } };
  it("gives the plan's Vietnamese under vi and the English under en", () => {
    expect(text(plan, "vi", "wave full (8 systems)")).toBe("đợt đã đủ 8 hệ thống");
    expect(text(plan, "en", "wave full (8 systems)")).toBe("wave full (8 systems)");
  });
  it("falls back to the sentence as written when there is no translation (older plans)", () => {
    expect(text(plan, "vi", "something else")).toBe("something else");
    expect(text({}, "vi", "wave full (8 systems)")).toBe("wave full (8 systems)");
  });
});
