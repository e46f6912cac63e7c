// `dcplan options` and the options in `dcplan plan`, through run([...], io) on temporary files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../../planner/cli/main.js";
import { Plan } from "../../../planner/plan-schema.js";
import { captureIo, makeSite, writeInventory, writeTree } from "../../fixtures.js";
import { inventoryOf, sys } from "../fixtures.js";

const inv = inventoryOf(Array.from({ length: 30 }, (_, i) => sys(`s${String(i + 1).padStart(2, "0")}`, [], { name: `Dịch vụ công số ${i + 1}` })));
const inventoryDir = writeInventory({ ...inv, sites: [inv.sites[0], makeSite({ id: "dc-bg", name: "Phòng máy Bắc Giang", kind: "colocation" })] });
const files = writeTree({
  "profile.yaml": "# the province's settings\ntargetSite: dc-bn\nwaveLimits:\n  maxSystems: 4     # two teams, one weekend\n",
  "met.yaml": "targetSite: dc-bn\nwaveLimits: { maxSystems: 8 }\n",
  "broken.yaml": "waveLimits:\n  maxSystems: many\n",
});
const profile = join(files, "profile.yaml");
const args = ["--inventory", inventoryDir, "--profile", profile, "--as-of", "2026-11-22"];

describe("dcplan options", () => {
  it("prints the options as a table a leader reads, in Vietnamese, with the change to apply", async () => {
    const io = captureIo("2026-11-22", { lang: "vi" });
    expect(await run(["options", ...args], io)).toBe(0);
    expect(io.out).toMatchInlineSnapshot(`
      "KHÔNG ĐẠT: hợp nhất không xong trước hạn 31/12/2026; dự kiến hoàn thành ngày 17/01/2027; 10 hệ thống trễ hạn.

      Phương án đáp ứng thời hạn (mỗi phương án đã được kiểm chứng bằng cách lập lại kế hoạch với thay đổi của nó):

      +---+------------------------------------------------------+------------------------------------------+
      | # | Phương án                                            | Kết quả                                  |
      +---+------------------------------------------------------+------------------------------------------+
      | 1 | Tăng số hệ thống chuyển đổi mỗi đợt từ 4 lên 6       | Đáp ứng thời hạn 31/12/2026: 5 đợt, hoàn |
      |   |                                                      | thành ngày 27/12/2026                    |
      |   |                                                      |                                          |
      | 2 | Chuyển đổi cả vào thứ Ba hằng tuần (thêm 6 đợt       | Đáp ứng thời hạn 31/12/2026: 8 đợt, hoàn |
      |   | chuyển đổi, 6 ngày chuyển đổi trước hạn)             | thành ngày 20/12/2026                    |
      |   |                                                      |                                          |
      | 3 | Chuyển đổi cả vào thứ Tư hằng tuần (thêm 6 đợt       | Đáp ứng thời hạn 31/12/2026: 8 đợt, hoàn |
      |   | chuyển đổi, 6 ngày chuyển đổi trước hạn)             | thành ngày 20/12/2026                    |
      |   |                                                      |                                          |
      | 4 | Để 10 hệ thống chuyển đổi sau thời hạn (từ ngày      | Mọi hệ thống khác hoàn thành trước hạn   |
      |   | 01/01/2027): Dịch vụ công số 1; Dịch vụ công số 2;   | 31/12/2026; 10 hệ thống chuyển sau, hoàn |
      |   | Dịch vụ công số 3; Dịch vụ công số 4; Dịch vụ công   | thành ngày 17/01/2027 (tổng cộng 8 đợt)  |
      |   | số 5; Dịch vụ công số 6; Dịch vụ công số 7; Dịch vụ  |                                          |
      |   | công số 8; Dịch vụ công số 9; Dịch vụ công số 10     |                                          |
      +---+------------------------------------------------------+------------------------------------------+

      Thay đổi cần áp dụng vào hồ sơ kế hoạch (JSON merge patch):
        1. max-systems-6: {"waveLimits":{"maxSystems":6}}
        2. weekdays-tue: {"windows":{"weekdays":["tue","sat","sun"]}}
        3. weekdays-wed: {"windows":{"weekdays":["wed","sat","sun"]}}
        4. defer-10: {"pins":[{"system":"s01","notBefore":"2027-01-01"},{"system":"s02","notBefore":"2027-01-01"},{"system":"s03","notBefore":"2027-01-01"},{"system":"s04","notBefore":"2027-01-01"},{"system":"s05","notBefore":"2027-01-01"},{"system":"s06","notBefore":"2027-01-01"},{"system":"s07","notBefore":"2027-01-01"},{"system":"s08","notBefore":"2027-01-01"},{"system":"s09","notBefore":"2027-01-01"},{"system":"s10","notBefore":"2027-01-01"}]}
      "
    `);
    expect(io.err).toBe("");
  });

  it("speaks English with --lang en, and Markdown with --format md", async () => {
    const io = captureIo();
    expect(await run(["options", ...args, "--lang", "en", "--format", "md"], io)).toBe(0);
    expect(io.out).toMatchInlineSnapshot(`
      "**NOT MET: the merger does not complete by the 31 Dec 2026 deadline; projected completion 17 Jan 2027; 10 systems late.**

      Options to meet the deadline (each confirmed by planning again with its change):

      | # | Option | Result |
      |---:|---|---|
      | 1 | Raise the systems cut over per wave from 4 to 6 | Meets the deadline 31 Dec 2026: 5 waves, complete on 27 Dec 2026 |
      | 2 | Also cut over on Tuesdays (6 more cutover windows, 6 more cutover days before the deadline) | Meets the deadline 31 Dec 2026: 8 waves, complete on 20 Dec 2026 |
      | 3 | Also cut over on Wednesdays (6 more cutover windows, 6 more cutover days before the deadline) | Meets the deadline 31 Dec 2026: 8 waves, complete on 20 Dec 2026 |
      | 4 | Move 10 systems after the deadline (from 1 Jan 2027): Dịch vụ công số 1; Dịch vụ công số 2; Dịch vụ công số 3; Dịch vụ công số 4; Dịch vụ công số 5; Dịch vụ công số 6; Dịch vụ công số 7; Dịch vụ công số 8; Dịch vụ công số 9; Dịch vụ công số 10 | Every other system finishes by 31 Dec 2026; 10 systems later, complete on 17 Jan 2027 (8 waves in all) |

      Change to apply to the planning profile (JSON merge patch):

      1. \`max-systems-6\`: \`{"waveLimits":{"maxSystems":6}}\`
      2. \`weekdays-tue\`: \`{"windows":{"weekdays":["tue","sat","sun"]}}\`
      3. \`weekdays-wed\`: \`{"windows":{"weekdays":["wed","sat","sun"]}}\`
      4. \`defer-10\`: \`{"pins":[{"system":"s01","notBefore":"2027-01-01"},{"system":"s02","notBefore":"2027-01-01"},{"system":"s03","notBefore":"2027-01-01"},{"system":"s04","notBefore":"2027-01-01"},{"system":"s05","notBefore":"2027-01-01"},{"system":"s06","notBefore":"2027-01-01"},{"system":"s07","notBefore":"2027-01-01"},{"system":"s08","notBefore":"2027-01-01"},{"system":"s09","notBefore":"2027-01-01"},{"system":"s10","notBefore":"2027-01-01"}]}\`
      "
    `);
  });

  it("says the deadline is met, and exits 0, when no option is needed", async () => {
    const io = captureIo("2026-11-22", { lang: "vi" });
    expect(await run(["options", "--inventory", inventoryDir, "--profile", join(files, "met.yaml"), "--as-of", "2026-11-22"], io)).toBe(0);
    expect(io.out).toMatchInlineSnapshot(`
      "ĐẠT: hợp nhất hoàn thành trước hạn 31/12/2026 (dự kiến xong ngày 20/12/2026).

      Thời hạn 31/12/2026 đạt: không cần phương án nào.
      "
    `);
  });

  it("writes the profile with an option applied, comments kept, and that profile meets the deadline", async () => {
    const out = join(writeTree({}), "profile-6.yaml");
    const io = captureIo();
    expect(await run(["options", ...args, "--apply", "max-systems-6", "--write-profile", out], io)).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("# the province's settings\ntargetSite: dc-bn\nwaveLimits:\n  maxSystems: 6     # two teams, one weekend\n");
    const plan = captureIo();
    expect(await run(["plan", "--inventory", inventoryDir, "--profile", out, "--as-of", "2026-11-22"], plan)).toBe(0);
    expect(Plan.parse(JSON.parse(plan.out)).deadline.met).toBe(true);
  });

  it("exits 2 on an option that does not exist, on --apply without --write-profile, on --plan with planning inputs, on a bad profile", async () => {
    const cases: [string[], string][] = [
      [["options", ...args, "--apply", "weekdays-mon", "--write-profile", join(files, "x.yaml")], ""],
      [["options", ...args, "--apply", "max-systems-6"], ""],
      [["options", "--plan", join(files, "plan.json"), "--profile", profile], ""],
      [["options", "--inventory", inventoryDir, "--profile", join(files, "broken.yaml"), "--as-of", "2026-11-22"], ""],
    ];
    const errs: string[] = [];
    for (const [argv] of cases) {
      const io = captureIo();
      expect(await run(argv, io)).toBe(2);
      expect(io.out).toBe("");
      errs.push(io.err.replaceAll(`${files}/`, ""));
    }
    expect(errs).toMatchInlineSnapshot(`
      [
        "dcplan: --apply weekdays-mon: no such option; the options are max-systems-6, weekdays-tue, weekdays-wed, defer-10
      ",
        "dcplan: --apply ID and --write-profile FILE go together: the option to take and where to write the profile with its change
      ",
        "dcplan: --plan shows the options a plan already carries; --profile, --progress, --prices and --budget are for planning: give either --plan or those
      ",
        "broken.yaml:2:15: waveLimits.maxSystems: must be a whole number
      ",
      ]
    `);
  });

  it("shows the options a plan file carries with --plan, the same as planning", async () => {
    const planned = captureIo();
    const planFile = join(writeTree({}), "plan.json");
    expect(await run(["plan", ...args, "--out", planFile], planned)).toBe(0);
    const fromPlan = captureIo();
    const direct = captureIo();
    expect(await run(["options", "--plan", planFile], fromPlan)).toBe(0);
    expect(await run(["options", ...args], direct)).toBe(0);
    expect(fromPlan.out).toBe(direct.out);
  });
});

describe("dcplan plan and deadline options", () => {
  it("writes deadline.options into the plan and lists them on standard error", async () => {
    const io = captureIo();
    expect(await run(["plan", ...args], io)).toBe(0);
    const plan = Plan.parse(JSON.parse(io.out));
    expect(plan.deadline.options!.map((o) => o.id)).toEqual(["max-systems-6", "weekdays-tue", "weekdays-wed", "defer-10"]);
    expect(plan.deadline.optionsSearch).toMatchObject({ exhausted: false });
    expect(io.err).toMatchInlineSnapshot(`
      "dcplan plan: target dc-bn, 8 waves (lower bound 8), deadline 2026-12-31 missed: 10 systems late, projected completion 2027-01-17, 0 violations
      dcplan plan: 3 options meet the deadline, 1 defers systems past it (\`dcplan options\` shows them with their changes):
        1. Raise the systems cut over per wave from 4 to 6. Meets the deadline 2026-12-31: 5 waves, complete on 2026-12-27.
        2. Also cut over on Tuesdays (6 more cutover windows, 6 more cutover days before the deadline). Meets the deadline 2026-12-31: 8 waves, complete on 2026-12-20.
        3. Also cut over on Wednesdays (6 more cutover windows, 6 more cutover days before the deadline). Meets the deadline 2026-12-31: 8 waves, complete on 2026-12-20.
        4. Move 10 systems after the deadline (from 2027-01-01): s01; s02; s03; s04; s05; s06; s07; s08; s09; s10. Every other system finishes by 2026-12-31; 10 systems later, complete on 2027-01-17 (8 waves in all).
      "
    `);
  });

  it("searches from the progress file with --progress, in plan and in options alike", async () => {
    const sample = ["--inventory", "inventory/sample", "--profile", "planner/sample/profile.yaml", "--as-of", "2026-11-30"];
    const withFacts = [...sample, "--progress", "planner/sample/progress.yaml"];
    const planned = captureIo();
    expect(await run(["plan", ...withFacts], planned)).toBe(0);
    const plan = Plan.parse(JSON.parse(planned.out));
    expect(plan.waves[0].status).toBe("done");
    const shown = captureIo();
    expect(await run(["options", ...withFacts, "--format", "json"], shown)).toBe(0);
    expect(JSON.parse(shown.out).deadline.options).toEqual(JSON.parse(planned.out).deadline.options);
    // The recorded pilot weekend changes the options: fewer systems need deferring.
    const without = captureIo();
    expect(await run(["plan", ...sample], without)).toBe(0);
    const deferred = (p: Plan) => p.deadline.options!.find((o) => !o.met)!.late.length;
    expect(deferred(plan)).toBeLessThan(deferred(Plan.parse(JSON.parse(without.out))));
  });

  it("searches nothing with --options-budget 0", async () => {
    const io = captureIo();
    expect(await run(["plan", ...args, "--options-budget", "0"], io)).toBe(0);
    expect(Plan.parse(JSON.parse(io.out)).deadline.options).toBeUndefined();
  });
});
