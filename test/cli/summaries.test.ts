// What validate, plan and explain print for a person, in Vietnamese (pinned, and read aloud: no
// English, no configuration keys, no ids in the CLI's sentences) and in English; and `plan` on a
// terminal versus piped: a summary for a person, the same JSON bytes as ever for a script.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { Plan } from "../../planner/plan-schema.js";
import { planWithProfile, serialisePlan } from "../../planner/plan.js";
import { checkProfile } from "../../planner/profile.js";
import { indexInventory } from "../../inventory/model.js";
import { captureIo, tempDir, writeInventory, writeTree } from "../fixtures.js";
import { inventoryOf, sys, vm } from "../planner/fixtures.js";
import { readAloudProblems } from "./reads-aloud.js";

// Two sites; a tight pair (app → db) too large for one wave at one system per wave, a third
// system that then misses the deadline, a consolidation and a retired system.
const inventory = inventoryOf(
  [
    sys("app", [], { name: "Cổng dịch vụ công", dependsOn: [{ target: "db", coupling: "tight" }, { target: "ndxp", coupling: "loose" }] }),
    sys("db", [], { name: "Cơ sở dữ liệu dịch vụ công" }),
    sys("web", [], { name: "Trang thông tin điện tử", containerReady: true, users: 1200 }),
    sys("mail-bn", ["mail-bn-vm"], { name: "Thư điện tử Bắc Ninh", function: "email" }),
    sys("mail-bg", [], { name: "Thư điện tử Bắc Giang", function: "email" }),
  ],
  [vm("mail-bn-vm", "bn-host", { site: "dc-bn" })],
  { externals: [{ id: "ndxp", name: "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)" }] },
);
const dir = writeInventory(inventory);
const profileDir = writeTree({ "profile.yaml": "targetSite: dc-bn\nwaveLimits: { maxSystems: 1 }\n" });
const profile = join(profileDir, "profile.yaml");
const AS_OF = "2026-12-20";
const args = ["--inventory", dir, "--profile", profile, "--as-of", AS_OF];

/** The plan as the planner makes it, for the read-aloud scan and the byte comparison. */
function directPlan(): Plan {
  const index = indexInventory(inventory);
  return planWithProfile({ inventory, index }, checkProfile({ profile: { targetSite: "dc-bn", waveLimits: { maxSystems: 1 } } }, index, AS_OF), AS_OF).plan;
}
const plan = directPlan();

const clean = (s: string): string => s.split(dir).join("INV").split(profileDir).join("PROFILE");

async function cli(argv: string[], options: { lang?: "vi" | "en"; tty?: boolean } = {}) {
  const io = captureIo(AS_OF, { lang: options.lang ?? "vi", stdoutIsTTY: options.tty ?? false });
  const code = await run(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("dcplan validate in Vietnamese", () => {
  it("prints the summary and the profile's values in Vietnamese sentences", async () => {
    const r = await cli(["validate", ...args, "--warnings", "all"]);
    expect(r.code).toBe(0);
    expect(clean(r.out)).toMatchInlineSnapshot(`
      "Dữ liệu kiểm kê INV: 1 tệp, hợp lệ.
        2 địa điểm, 1 cơ quan, 7 máy chủ, 5 hệ thống, 1 hệ thống bên ngoài, 2 quan hệ phụ thuộc

        địa điểm   vật lý  máy ảo  lưu trữ  mạng  chuyên dụng  máy chủ  hệ thống
        Bắc Giang       1       4        0     0            0        5         4
        Bắc Ninh        1       1        0     0            0        2         1

      Hệ thống theo cấp độ an toàn thông tin: cấp độ 1: 0, cấp độ 2: 5, cấp độ 3: 0, cấp độ 4: 0, cấp độ 5: 0

      Ứng viên hợp nhất (cùng chức năng ở các địa điểm khác nhau): 1
        Cùng chức năng: Thư điện tử Bắc Giang (Bắc Giang); Thư điện tử Bắc Ninh (Bắc Ninh)

      Cảnh báo: 0

      Hồ sơ lập kế hoạch PROFILE/profile.yaml: hợp lệ. Các giá trị áp dụng:
        Bắt đầu từ ngày 20/12/2026, hạn hợp nhất 31/12/2026, lộ trình kết thúc ngày 31/12/2030
        Trung tâm giữ lại: Bắc Ninh
        Ngày được phép chuyển đổi: thứ Bảy, Chủ nhật; thời gian tạm dừng: không có; luôn tránh các ngày lễ, Tết của Việt Nam
        Mỗi đợt tối đa 1 hệ thống và 10.058,2 GiB dữ liệu (theo đường truyền: 1.000 Mbit/s × 0,5 dùng được = 5.029,1 GiB mỗi ngày chuyển đổi)
        Chờ 30 ngày trước khi thanh lý, dự phòng năng lực 20 %, tỉ lệ ảo hoá CPU 4, mua sắm mất 60 ngày
        Sức làm cho các việc 2027–2030: 40 tuần công mỗi quý
        Ngày cố định: không có
      "
    `);
    expect(readAloudProblems(clean(r.out), plan)).toEqual([]);
  });
});

describe("dcplan plan on a terminal", () => {
  it("prints the verdict first, the waves, where the plan went and what to run next, in Vietnamese", async () => {
    const out = join(tempDir(), "plan.json");
    const r = await cli(["plan", ...args, "--out", out], { tty: true });
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(clean(r.out).split(out).join("OUT")).toMatchInlineSnapshot(`
      "KHÔNG ĐẠT: hợp nhất không xong trước hạn 31/12/2026; dự kiến hoàn thành ngày 10/01/2027; 2 hệ thống trễ hạn.
        Trễ hạn: Thư điện tử Bắc Giang; Trang thông tin điện tử
        Nguyên nhân: 4 hệ thống phải chuyển: nhóm gồm Cổng dịch vụ công; Cơ sở dữ liệu dịch vụ công (2 hệ thống, 20 GiB) vượt giới hạn một đợt nên phải chuyển riêng một đợt; 2 hệ thống còn lại cần ít nhất 2 đợt với tối đa 1 hệ thống mỗi đợt; tổng cộng ít nhất 3 đợt, nhưng trước ngày 31/12/2026 chỉ còn 1 khung chuyển đổi (2 ngày được phép chuyển đổi)
        Nguyên nhân: 40 GiB dữ liệu phải sao chép: nhóm gồm Cổng dịch vụ công; Cơ sở dữ liệu dịch vụ công (2 hệ thống, 20 GiB) vượt giới hạn một đợt nên phải chuyển riêng một đợt; 20 GiB còn lại cần ít nhất 1 đợt với tối đa 10.058,2 GiB mỗi đợt; tổng cộng ít nhất 2 đợt, nhưng trước ngày 31/12/2026 chỉ còn 1 khung chuyển đổi (2 ngày được phép chuyển đổi)
        Nguyên nhân: Trang thông tin điện tử (1 hệ thống, 10 GiB) rơi vào đợt 3 (09/01/2027): trong khung chuyển đổi ngày 02/01/2027, đợt 2 đã đủ 1 hệ thống

      Trung tâm giữ lại: Bắc Ninh; 3 đợt chuyển đổi (tối thiểu 3), 4 hệ thống phải chuyển, 0 vi phạm ràng buộc.

        đợt  từ ngày     đến ngày    hệ thống  dữ liệu GiB  ghi chú
        1    26/12/2026  27/12/2026         2           20
        2    02/01/2027  03/01/2027         1           10  sau hạn
        3    09/01/2027  10/01/2027         1           10  sau hạn

      Đã ghi OUT: kế hoạch (JSON, 30 KB).
      Bước tiếp theo:
        dcplan export --plan OUT --format html --out roadmap.html                                        lộ trình một tệp cho lãnh đạo
        dcplan export --plan OUT --format xlsx --out roadmap.xlsx                                        bảng tính cho cán bộ lập kế hoạch
        dcplan explain --inventory INV --profile PROFILE/profile.yaml --as-of 2026-12-20 mail-bg   vì sao Thư điện tử Bắc Giang trễ hạn

      4 phương án đáp ứng thời hạn, 1 phương án lùi một số hệ thống sau thời hạn (\`dcplan options\` liệt kê kèm thay đổi cần làm):
        1. Chuyển đổi cả vào thứ Ba hằng tuần (thêm 2 đợt chuyển đổi, 2 ngày chuyển đổi trước hạn). Đáp ứng thời hạn 31/12/2026: 3 đợt, hoàn thành ngày 29/12/2026.
        2. Chuyển đổi cả vào thứ Tư hằng tuần (thêm 2 đợt chuyển đổi, 2 ngày chuyển đổi trước hạn). Đáp ứng thời hạn 31/12/2026: 3 đợt, hoàn thành ngày 30/12/2026.
        3. Giữ lại Bắc Giang thay vì Bắc Ninh. Đáp ứng thời hạn 31/12/2026: 1 đợt, hoàn thành ngày 27/12/2026.
        4. Tăng số hệ thống chuyển đổi mỗi đợt từ 1 lên 4. Đáp ứng thời hạn 31/12/2026: 1 đợt, hoàn thành ngày 27/12/2026.
        5. Để 2 hệ thống chuyển đổi sau thời hạn (từ ngày 01/01/2027): Thư điện tử Bắc Giang; Trang thông tin điện tử. Mọi hệ thống khác hoàn thành trước hạn 31/12/2026; 2 hệ thống chuyển sau, hoàn thành ngày 10/01/2027 (tổng cộng 3 đợt).
      "
    `);
    expect(readAloudProblems(clean(r.out).split(out).join("plan.json"), plan)).toEqual([]);
    // The file is the plan with the options the terminal lists (the rest as the planner makes it).
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.deadline.options).toHaveLength(5);
    delete written.deadline.options;
    delete written.deadline.optionsSearch;
    const planned = JSON.parse(serialisePlan(plan));
    for (const p of [written, planned]) delete p.translations; // the options' sentences add translations
    expect(written).toEqual(planned);
  });

  it("says in English what it did not write and how to keep the plan", async () => {
    const r = await cli(["plan", ...args], { tty: true, lang: "en" });
    expect(r.code).toBe(0);
    expect(clean(r.out)).toMatchInlineSnapshot(`
      "MISSED: the merger is not done by the deadline 31 Dec 2026; projected completion 10 Jan 2027; 2 systems late.
        Late: Thư điện tử Bắc Giang; Trang thông tin điện tử
        Why: 4 systems must move: the group of Cổng dịch vụ công, Cơ sở dữ liệu dịch vụ công (2 systems, 20 GiB) is larger than one wave and takes a wave alone; the other 2 systems need at least 2 waves at ≤ 1 systems per wave (⌈2 ÷ 1⌉ = 2); that is at least 3 waves, but only 1 cutover window (2 cutover days) remain before 2026-12-31
        Why: 40 GiB of data must be copied: the group of Cổng dịch vụ công, Cơ sở dữ liệu dịch vụ công (2 systems, 20 GiB) is larger than one wave and takes a wave alone; the other 20 GiB need at least 1 waves at ≤ 10058.2 GiB per wave (⌈20 ÷ 10058.2⌉ = 1); that is at least 2 waves, but only 1 cutover window (2 cutover days) remain before 2026-12-31
        Why: Trang thông tin điện tử (1 system, 10 GiB) lands in wave 3 (2027-01-09): in the window of 2027-01-02, wave 2 was full (1 systems)

      Target site Bắc Ninh; 3 waves (at least 3), 4 systems move, 0 constraint violations.

        wave  from         to           systems  data GiB  note
        1     26 Dec 2026  27 Dec 2026        2        20
        2     2 Jan 2027   3 Jan 2027         1        10  after the deadline
        3     9 Jan 2027   10 Jan 2027        1        10  after the deadline

      The plan JSON was not written: add --out plan.json to keep it (or --json to print it here).
      Next:
        dcplan plan --inventory INV --profile PROFILE/profile.yaml --as-of 2026-12-20 --out plan.json   keep the plan, then export it
        dcplan explain --inventory INV --profile PROFILE/profile.yaml --as-of 2026-12-20 mail-bg        why Thư điện tử Bắc Giang is late

      4 options meet the deadline, 1 defers systems past it (\`dcplan options\` shows them with their changes):
        1. Also cut over on Tuesdays (2 more cutover windows, 2 more cutover days before the deadline). Meets the deadline 2026-12-31: 3 waves, complete on 2026-12-29.
        2. Also cut over on Wednesdays (2 more cutover windows, 2 more cutover days before the deadline). Meets the deadline 2026-12-31: 3 waves, complete on 2026-12-30.
        3. Keep Bắc Giang as the surviving site instead of Bắc Ninh. Meets the deadline 2026-12-31: 1 wave, complete on 2026-12-27.
        4. Raise the systems cut over per wave from 1 to 4. Meets the deadline 2026-12-31: 1 wave, complete on 2026-12-27.
        5. Move 2 systems after the deadline (from 2027-01-01): Thư điện tử Bắc Giang; Trang thông tin điện tử. Every other system finishes by 2026-12-31; 2 systems later, complete on 2027-01-10 (3 waves in all).
      "
    `);
  });

  it("prints the JSON instead with --json", async () => {
    const r = await cli(["plan", ...args, "--json", "--options-budget", "0"], { tty: true }); // the bytes of the plan as planned, without the options search
    expect(r.out).toBe(serialisePlan(plan));
    expect(r.err).toMatchInlineSnapshot(`
      "dcplan plan: trung tâm giữ lại Bắc Ninh, 3 đợt (tối thiểu 3), hạn 31/12/2026 không đạt: 2 hệ thống trễ hạn, dự kiến hoàn thành 10/01/2027, 0 vi phạm
      "
    `);
  });
});

describe("dcplan plan piped", () => {
  it("writes the plan JSON to standard output, the bytes the planner serialises, and one line on standard error", async () => {
    for (const lang of ["vi", "en"] as const) {
      const r = await cli(["plan", ...args, "--options-budget", "0"], { lang });
      expect(r.code).toBe(0);
      expect(r.out).toBe(serialisePlan(plan));
      expect(Plan.parse(JSON.parse(r.out)).asOf).toBe(AS_OF);
      expect(r.err.split("\n")).toHaveLength(2);
    }
    expect((await cli(["plan", ...args, "--options-budget", "0"], { lang: "en" })).err).toMatchInlineSnapshot(`
      "dcplan plan: target dc-bn, 3 waves (lower bound 3), deadline 2026-12-31 missed: 2 systems late, projected completion 2027-01-10, 0 violations
      "
    `);
    expect((await cli(["plan", ...args, "--options-budget", "0"], { lang: "vi" })).err).toMatchInlineSnapshot(`
      "dcplan plan: trung tâm giữ lại Bắc Ninh, 3 đợt (tối thiểu 3), hạn 31/12/2026 không đạt: 2 hệ thống trễ hạn, dự kiến hoàn thành 10/01/2027, 0 vi phạm
      "
    `);
  });

  it("writes nothing to standard output with --out", async () => {
    const out = join(tempDir(), "plan.json");
    const r = await cli(["plan", ...args, "--out", out, "--options-budget", "0"]);
    expect(r.out).toBe("");
    expect(readFileSync(out, "utf8")).toBe(serialisePlan(plan));
  });
});

describe("dcplan explain in Vietnamese", () => {
  it("explains a late system by names, dates the Vietnamese way", async () => {
    const r = await cli(["explain", ...args, "web"]);
    expect(r.code).toBe(0);
    expect(clean(r.out)).toMatchInlineSnapshot(`
      "Hệ thống web — Trang thông tin điện tử
        Cơ quan chủ quản: Sở Khoa học và Công nghệ; cấp độ an toàn thông tin 2; đang chạy tại Bắc Giang; 1.200 người dùng; 10 GiB dữ liệu

      Phương án: Chuyển lên nền tảng dùng chung (sau hợp nhất chạy tại Bắc Ninh, Nền tảng dùng chung (Kubernetes))
      Đợt chuyển đổi: 3, từ 09/01/2027 đến 10/01/2027 (Giai đoạn 2027–2028), TRỄ HẠN: sau hạn 31/12/2026
      Lý do:
        - sẵn sàng đóng gói container tại Bắc Giang; chuyển lên nền tảng dùng chung (Kubernetes) tại Bắc Ninh
        - đợt 3 (từ 09/01/2027 đến 10/01/2027)
        - không thể sớm hơn: trong khung chuyển đổi ngày 02/01/2027, đợt 2 đã đủ 1 hệ thống
      Phải chờ:
        không có
      Các hệ thống chờ hệ thống này:
        không có
      Máy chủ:
        - web-vm (máy ảo tại Bắc Giang): Tái sử dụng → Bắc Ninh, giải phóng ngày 10/01/2027, cấu hình đích 4 vCPU, 16 GiB bộ nhớ, 100 GiB lưu trữ: tải (Trang thông tin điện tử) tiếp tục chạy dưới dạng máy ảo tại Bắc Ninh từ đợt 3; cấu hình tính lại theo mức sử dụng đo được
      "
    `);
    expect(readAloudProblems(clean(r.out).replace(/^Hệ thống web — /, "Hệ thống "), plan)).toEqual([]);
  });

  it("explains a consolidated system and a server", async () => {
    const system = await cli(["explain", ...args, "mail-bg"]);
    expect(clean(system.out)).toMatchInlineSnapshot(`
      "Hệ thống mail-bg — Thư điện tử Bắc Giang
        Cơ quan chủ quản: Sở Khoa học và Công nghệ; cấp độ an toàn thông tin 2; đang chạy tại Bắc Giang; 10 GiB dữ liệu

      Phương án: Hợp nhất vào Thư điện tử Bắc Ninh
      Đợt chuyển đổi: 2, từ 02/01/2027 đến 03/01/2027 (Giai đoạn 2027–2028), TRỄ HẠN: sau hạn 31/12/2026
      Lý do:
        - trùng chức năng thư điện tử công vụ tại Bắc Giang; hợp nhất vào Thư điện tử Bắc Ninh tại Bắc Ninh (điểm của hệ thống giữ lại 50; Thư điện tử Bắc Giang đạt 10 điểm)
        - đợt 2 (từ 02/01/2027 đến 03/01/2027)
        - không thể sớm hơn: trong khung chuyển đổi ngày 26/12/2026, đợt 1 dành riêng cho nhóm gồm Cổng dịch vụ công; Cơ sở dữ liệu dịch vụ công (2 hệ thống, 20 GiB) vượt giới hạn một đợt
        - đợt thí điểm: điểm rủi ro 203 (cấp độ 2)
      Phải chờ:
        - hệ thống được giữ lại Thư điện tử Bắc Ninh: Giữ nguyên (phải sẵn sàng trước)
      Các hệ thống chờ hệ thống này:
        không có
      Máy chủ:
        - mail-bg-vm (máy ảo tại Bắc Giang): Thanh lý, giải phóng ngày 03/01/2027, thanh lý ngày 02/02/2027: các hệ thống trên máy rời đi mà không cần máy ảo thay thế (Thư điện tử Bắc Giang (hợp nhất)); giải phóng ngày 03/01/2027
      "
    `);
    expect(readAloudProblems(clean(system.out).replace(/^Hệ thống mail-bg — /, "Hệ thống "), plan)).toEqual([]);
    const server = await cli(["explain", ...args, "bg-host"]);
    expect(clean(server.out)).toMatchInlineSnapshot(`
      "Máy chủ bg-host (máy chủ vật lý tại Bắc Giang): Di dời → Bắc Ninh, giải phóng ngày 10/01/2027, di dời ngày 16/01/2027
      Lý do:
        - tải cuối cùng rời máy ngày 10/01/2027; còn bảo hành của hãng đến ngày 30/06/2030 nên được di dời về Bắc Ninh ngày 16/01/2027 và bổ sung năng lực từ ngày 18/01/2027
      Các máy ảo trên máy chủ này:
        - app-vm (máy ảo tại Bắc Giang): Tái sử dụng → Bắc Ninh, giải phóng ngày 27/12/2026, cấu hình đích 4 vCPU, 16 GiB bộ nhớ, 100 GiB lưu trữ
        - db-vm (máy ảo tại Bắc Giang): Tái sử dụng → Bắc Ninh, giải phóng ngày 27/12/2026, cấu hình đích 4 vCPU, 16 GiB bộ nhớ, 100 GiB lưu trữ
        - mail-bg-vm (máy ảo tại Bắc Giang): Thanh lý, giải phóng ngày 03/01/2027, thanh lý ngày 02/02/2027
        - web-vm (máy ảo tại Bắc Giang): Tái sử dụng → Bắc Ninh, giải phóng ngày 10/01/2027, cấu hình đích 4 vCPU, 16 GiB bộ nhớ, 100 GiB lưu trữ
      Hệ thống chạy trên máy chủ này: không có
      "
    `);
    expect(readAloudProblems(clean(server.out), plan)).toEqual([]);
  });

  it("says an unknown id is neither, in both languages", async () => {
    expect((await cli(["explain", ...args, "nope"])).err.split(dir).join("INV")).toMatchInlineSnapshot(`
      "dcplan: "nope" không phải hệ thống hay máy chủ nào trong dữ liệu kiểm kê INV
      "
    `);
    expect((await cli(["explain", ...args, "nope"], { lang: "en" })).err.split(dir).join("INV")).toMatchInlineSnapshot(`
      "dcplan: "nope" is neither a system nor a server of the inventory INV
      "
    `);
  });
});

describe("the read-aloud scan", () => {
  it("finds English words, configuration keys and ids", async () => {
    const english = await cli(["plan", ...args], { tty: true, lang: "en" });
    const found = readAloudProblems(clean(english.out), plan);
    expect(found.map((p) => p.why)).toContain("English");
    expect(readAloudProblems("Mỗi đợt tối đa waveLimits.maxSystems hệ thống; maxDataGiB; hệ thống mail-bg\n", plan).map((p) => `${p.token}: ${p.why}`)).toEqual([
      "waveLimits.maxSystems: configuration key",
      "maxDataGiB: configuration key",
      "mail-bg: system id",
    ]);
  });
});
