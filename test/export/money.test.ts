import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyShort, moneyNumFmt } from "../../planner/export/money.js";

describe("money for people", () => {
  it("writes whole đồng with the language's thousands separator and the currency", () => {
    expect(formatMoney(1_234_567_000, "vi")).toBe("1.234.567.000 ₫");
    expect(formatMoney(1_234_567_000, "en")).toBe("VND 1,234,567,000");
    expect(formatMoney(-4_611_582_091, "vi")).toBe("−4.611.582.091 ₫");
    expect(formatMoney(0, "vi")).toBe("0 ₫");
  });

  it("says tỷ and triệu đồng in headlines, trimming zero decimals, never 1.000 triệu", () => {
    expect(formatMoneyShort(4_611_582_091, "vi")).toBe("4,61 tỷ đồng");
    expect(formatMoneyShort(-4_611_582_091, "vi")).toBe("−4,61 tỷ đồng");
    expect(formatMoneyShort(1_000_000_000, "vi")).toBe("1 tỷ đồng");
    expect(formatMoneyShort(999_999_999, "vi")).toBe("1 tỷ đồng");
    expect(formatMoneyShort(883_800_000, "vi")).toBe("883,8 triệu đồng");
    expect(formatMoneyShort(950_000, "vi")).toBe("950.000 đồng");
    expect(formatMoneyShort(4_611_582_091, "en")).toBe("4.61 billion VND");
    expect(formatMoneyShort(883_800_000, "en")).toBe("883.8 million VND");
  });

  it("gives XLSX money cells a number format, so the cell keeps the integer", () => {
    expect(moneyNumFmt("vi")).toBe('#,##0 "₫"');
    expect(moneyNumFmt("en")).toBe('"VND" #,##0');
  });
});
