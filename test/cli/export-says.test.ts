// `dcplan export` says what it wrote, in the run's language: the file (or the directory and each
// file in it), what it holds, the language of its content. Vietnamese read aloud: no English, no keys.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { makeFixturePlan } from "../export/fixture-plan.js";
import { captureIo, tempDir } from "../fixtures.js";
import { readAloudProblems } from "./reads-aloud.js";

const plan = makeFixturePlan();
const dir = tempDir();
const planFile = join(dir, "plan.json");
writeFileSync(planFile, `${JSON.stringify(plan, null, 2)}\n`);

async function exportSays(lang: "vi" | "en", ...args: string[]): Promise<string> {
  const io = captureIo("2026-11-22", { lang });
  expect(await run(["export", "--plan", planFile, ...args], io)).toBe(0);
  expect(io.err).toBe("");
  return io.out.split(dir).join("DIR");
}

describe("dcplan export says what it wrote", () => {
  it("in Vietnamese, for one file, a directory of files and the report", async () => {
    const said = [
      await exportSays("vi", "--format", "html", "--out", join(dir, "lo-trinh.html")),
      await exportSays("vi", "--format", "xlsx", "--out", join(dir, "lo-trinh.xlsx")),
      await exportSays("vi", "--format", "csv", "--out", join(dir, "csv")),
      await exportSays("vi", "--format", "md", "--by-owner", "--out", join(dir, "owners")),
      await exportSays("vi", "--format", "report", "--period", "2026-H2", "--out", join(dir, "bao-cao")),
    ].join("");
    expect(said).toMatchInlineSnapshot(`
      "Đã ghi DIR/lo-trinh.html: lộ trình trên một trang web cho lãnh đạo (mở bằng trình duyệt), bằng tiếng Việt.
      Đã ghi DIR/lo-trinh.xlsx: sổ tính lộ trình cho người lập kế hoạch, bằng tiếng Việt.
      Đã ghi 8 tệp vào DIR/csv: các bảng của lộ trình dạng CSV (UTF-8, mỗi bảng một tệp), bằng tiếng Việt.
        summary.csv
        waves.csv
        systems.csv
        servers.csv
        decommission.csv
        risks.csv
        national.csv
        roadmap.csv
      Đã ghi 6 tệp vào DIR/owners: kế hoạch riêng của từng cơ quan chủ quản (văn bản Markdown), bằng tiếng Việt.
        so-khcn.md
        so-nnmt.md
        so-tai-chinh.md
        so-y-te.md
        vp-ubnd.md
        xa-tan-yen.md
      Đã ghi DIR/bao-cao.html và DIR/bao-cao.xlsx: báo cáo kết quả hợp nhất gửi Bộ (một trang web và một sổ tính), bằng tiếng Việt.
      "
    `);
    expect(readAloudProblems(said, plan)).toEqual([]);
  });

  it("in English", async () => {
    const said = [
      await exportSays("en", "--format", "mermaid", "--out", join(dir, "waves.md")),
      await exportSays("en", "--format", "xlsx", "--by-owner", "--out", join(dir, "owners-en")),
      await exportSays("en", "--format", "report", "--out", join(dir, "report.html")),
    ].join("");
    expect(said).toMatchInlineSnapshot(`
      "Wrote DIR/waves.md: the diagram of the waves (Mermaid), in English.
      Wrote 6 files to DIR/owners-en: one plan per owner agency (workbooks), in English.
        so-khcn.xlsx
        so-nnmt.xlsx
        so-tai-chinh.xlsx
        so-y-te.xlsx
        vp-ubnd.xlsx
        xa-tan-yen.xlsx
      Wrote DIR/report.html and DIR/report.xlsx: the report on the merger for the ministry (a web page and a workbook), in English.
      "
    `);
  });
});
