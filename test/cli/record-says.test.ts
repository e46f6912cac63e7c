// `dcplan record` says what it recorded in the run's language: each fact, those already there, the
// next step; its usage errors too. Vietnamese dates are dd/mm/yyyy.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { captureIo, tempDir } from "../fixtures.js";

const FIRST = ["--window", "2026-11-28..2026-11-29", "--done", "sms-gateway-bg", "--failed", "web-xa-bg:tên miền chưa trỏ lại"];

async function record(lang: "vi" | "en", file: string, ...args: string[]): Promise<{ code: number; text: string }> {
  const io = captureIo("2026-11-30", { lang });
  const code = await run(["record", "--progress", file, ...args], io);
  return { code, text: (io.out + io.err).split(file).join("PROGRESS") };
}

describe("dcplan record in the run's language", () => {
  it("in Vietnamese: what it recorded, what was already there, what to run next", async () => {
    const file = join(tempDir(), "progress.yaml");
    const first = await record("vi", file, ...FIRST);
    const again = await record("vi", file, "--window", "2026-11-28..2026-11-29", "--done", "sms-gateway-bg", "--retired", "du-lich-bg", "--on", "2026-11-29");
    const nothing = await record("vi", file, "--retired", "du-lich-bg", "--on", "2026-11-29");
    const bad = await record("vi", file, "--on", "2026-11-29");
    expect([first.code, again.code, nothing.code, bad.code]).toEqual([0, 0, 0, 2]);
    expect([first.text, again.text, nothing.text, bad.text].join("")).toMatchInlineSnapshot(`
      "Đã ghi nhận vào PROGRESS:
        + sms-gateway-bg: đã chuyển đổi xong trong khung thời gian 28/11/2026 – 29/11/2026
        + web-xa-bg: chuyển đổi không thành công trong khung thời gian 28/11/2026 – 29/11/2026 (tên miền chưa trỏ lại)
      Tiếp theo: dcplan plan --progress PROGRESS … --out plan.json, rồi dcplan diff CŨ.json plan.json
      Đã ghi nhận vào PROGRESS:
        + du-lich-bg: đã tắt hệ thống ngày 29/11/2026
        = sms-gateway-bg: đã chuyển đổi xong trong khung thời gian 28/11/2026 – 29/11/2026 (đã ghi nhận từ trước)
      Tiếp theo: dcplan plan --progress PROGRESS … --out plan.json, rồi dcplan diff CŨ.json plan.json
      Không có gì mới để ghi vào PROGRESS: đã ghi nhận từ trước: du-lich-bg: đã tắt hệ thống ngày 29/11/2026
      dcplan: --on cần --retired, --decommissioned hoặc --relocated
      "
    `);
  });

  it("in English, as before", async () => {
    const file = join(tempDir(), "progress.yaml");
    const first = await record("en", file, ...FIRST);
    expect(first.code).toBe(0);
    expect(first.text).toMatchInlineSnapshot(`
      "Recorded in PROGRESS:
        + sms-gateway-bg done in 2026-11-28..2026-11-29
        + web-xa-bg failed in 2026-11-28..2026-11-29 (tên miền chưa trỏ lại)
      Next: dcplan plan --progress PROGRESS … --out plan.json, then dcplan diff OLD.json plan.json
      "
    `);
  });
});

describe("dcplan validate --progress in the run's language", () => {
  it("says what the progress file records in Vietnamese, dates dd/mm/yyyy", async () => {
    const io = captureIo("2026-11-30", { lang: "vi" });
    expect(await run(["validate", "--warnings", "none", "--profile", "planner/sample/profile.yaml", "--progress", "planner/sample/progress.yaml"], io)).toBe(0);
    const block = io.out.slice(io.out.indexOf("Sổ theo dõi tiến độ"));
    expect(block.split("\n").slice(0, 5).join("\n")).toMatchInlineSnapshot(`
      "Sổ theo dõi tiến độ planner/sample/progress.yaml: hợp lệ.
        1 đợt chuyển đổi: 7 hệ thống chuyển xong, 1 hệ thống không thành công và sẽ được lập kế hoạch lại; 2 hệ thống đã tắt; 1 máy chủ đã thanh lý, 0 máy chủ đã chuyển về trung tâm giữ lại; ghi nhận gần nhất ngày 29/11/2026
        28/11/2026 – 29/11/2026: chuyển xong giam-sat-ha-tang-bg, loa-p-chu, loa-p-yen-dung, mt-kiem-thu-bg, sms-gateway-bg, xep-hang-x-hiep-hoa, xep-hang-x-lang-giang; không thành công web-xa-bg (chuyển nội dung 41 trang xã, phường sang hệ thống Bắc Ninh chưa xong trong cửa sổ (12 trang lỗi giao diện, tên miền chưa trỏ lại); giữ bản cũ tại TTDL Bắc Giang)
        đã tắt: du-lich-bg ngày 29/11/2026, thi-dua-khen-thuong ngày 29/11/2026
        máy chủ: bg-vm-cu-khong-ro-01 thanh lý ngày 28/11/2026"
    `);
    expect(block).toMatch(/^ {2}cảnh báo|^ {2}planner\/sample\/progress\.yaml:\d+:\d+: cảnh báo: /m);
    // The warnings themselves are in Vietnamese too (the progress rules' own Vietnamese, not the English sentence).
    const warnings = block.split("\n").filter((l) => /: cảnh báo: /.test(l));
    expect(warnings).toHaveLength(4);
    for (const w of warnings) {
      expect(w).toMatch(/đã hợp nhất vào .* chưa được ghi nhận chuyển xong/);
      expect(w).not.toMatch(/\b(was merged|not recorded|served by|survivor)\b/);
    }
  });
});

describe("dcplan diff in the run's language", () => {
  it("says in Vietnamese what the first weekend changed, dates dd/mm/yyyy, dispositions in words", async () => {
    const dir = tempDir();
    const plans = [
      ["plan", "--profile", "planner/sample/profile.yaml", "--as-of", "2026-11-22", "--out", join(dir, "before.json")],
      ["plan", "--profile", "planner/sample/profile.yaml", "--progress", "planner/sample/progress.yaml", "--as-of", "2026-11-30", "--out", join(dir, "after.json")],
    ];
    for (const argv of plans) expect(await run(argv, captureIo("2026-11-30", { lang: "vi" }))).toBe(0);
    const vi = captureIo("2026-11-30", { lang: "vi" });
    expect(await run(["diff", join(dir, "before.json"), join(dir, "after.json")], vi)).toBe(0);
    expect(vi.out.split("\n").slice(0, 6).join("\n")).toMatchInlineSnapshot(`
      "Kế hoạch lập ngày 22/11/2026 → kế hoạch lập ngày 30/11/2026
      Hạn 31/12/2026: không đạt: 8 hệ thống trễ hạn, dự kiến xong ngày 10/01/2027 (7 đợt) → không đạt: 9 hệ thống trễ hạn, dự kiến xong ngày 10/01/2027 (7 đợt, 1 đợt đã xong)
        mới trễ hạn: canh-bao-chay-rung

      Hệ thống thay đổi: 14
        cam-p-bac-giang [đợt, ngày]: Hợp nhất vào cam-p-kinh-bac, đợt 2 (05/12/2026 – 06/12/2026) → Hợp nhất vào cam-p-kinh-bac, đợt 4 (19/12/2026 – 20/12/2026)"
    `);
    expect(vi.out).not.toMatch(/\b(wave|done|late|consolidate|rehost|replatform|retire|into)\b/);
  });
});
