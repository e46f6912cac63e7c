// Generates the bundled sample of returned survey forms, survey/sample/phieu-<unit>.xlsx: FICTIONAL
// answers, realistic in shape (the problems the province's own reports name — weak LAN and unstable
// lines at some communes, the national civil-registration and business-registration software
// unstable, the National Public Service Portal congested at peak hours — staff mostly part-time,
// support asked from the telecom providers the letter lists), for 17 of the sample inventory's 20
// communes and wards (3 have not returned it). Every form is marked as sample data in its
// properties and on its guide sheet. Seeded: the same run gives the same bytes.
// Run: npx tsx scripts/generate-survey-sample.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../bench/generate.js";
import { loadInventorySync } from "../inventory/load.js";
import { PROVIDERS, SUPPORT_FORMS, type SurveyUnit, TASKS } from "../survey/form.js";
import { surveyUnits } from "../survey/run.js";
import { renderSurveyForm } from "../survey/template.js";
import type { ProblemRow, StaffMember, SupportRow, SurveyResponse, WorkloadRow } from "../survey/types.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "survey", "sample");
/** Units that have not returned the form in the sample. */
export const NOT_RETURNED = ["p-chu", "x-luong-tai", "x-son-dong"];

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"];
const MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu"];
const MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng"];
const GIVEN_M = ["Hùng", "Tuấn", "Nam", "Huy", "Long", "Thắng", "Dũng", "Khánh"];
const GIVEN_F = ["Lan", "Hà", "Mai", "Hương", "Ngọc", "Trang", "Linh", "Thảo"];

const PROBLEMS: readonly Omit<ProblemRow, "frequency" | "severity" | "downtimeHours">[] = [
  { area: "Đường truyền TSLCD", system: "Hệ thống giải quyết TTHC (Một cửa điện tử)", description: "Đường truyền số liệu chuyên dùng chập chờn giờ cao điểm, không ký số và chuyển hồ sơ được" },
  { area: "Hệ thống phần mềm", system: "Cổng Dịch vụ công quốc gia", description: "Cổng Dịch vụ công quốc gia quá tải buổi sáng, người dân phải chờ nộp hồ sơ trực tuyến" },
  { area: "Hệ thống phần mềm", system: "Phần mềm hộ tịch", description: "Phần mềm hộ tịch chạy chậm, lỗi đồng bộ dữ liệu với cơ sở dữ liệu quốc gia về dân cư" },
  { area: "Hệ thống phần mềm", system: "Phần mềm đăng ký kinh doanh", description: "Phần mềm đăng ký hộ kinh doanh không ổn định, phải nhập lại hồ sơ" },
  { area: "Trang thiết bị", system: "Máy tính, máy in, máy quét", description: "Máy tính Bộ phận một cửa cấu hình thấp, mua từ năm 2016, thường xuyên treo" },
  { area: "Trang thiết bị", system: "Máy tính, máy in, máy quét", description: "Thiếu máy quét tốc độ cao để số hóa hồ sơ, giấy tờ" },
  { area: "Mạng LAN", system: "Khác", description: "Mạng LAN trụ sở sau sáp nhập chắp vá, thiết bị chuyển mạch cũ, nhiều điểm mất kết nối" },
  { area: "Đường truyền Internet", system: "Hội nghị truyền hình trực tuyến", description: "Hội nghị truyền hình với tỉnh bị giật, mất tiếng do băng thông thấp" },
  { area: "Nhân lực", system: "Khác", description: "Không có cán bộ chuyên trách CNTT, cán bộ kiêm nhiệm không xử lý được sự cố mạng, máy chủ" },
  { area: "Hệ thống phần mềm", system: "Chữ ký số", description: "Chứng thư số của một số cán bộ hết hạn, chưa được cấp lại, không ký được văn bản" },
  { area: "Hệ thống phần mềm", system: "Hệ thống quản lý văn bản và điều hành", description: "Tài khoản quản lý văn bản của cán bộ mới chưa được cấp, phải dùng chung tài khoản" },
  { area: "Hệ thống phần mềm", system: "Phần mềm phòng chống mã độc", description: "Một số máy tính Bộ phận một cửa chưa cài phần mềm phòng chống mã độc tập trung" },
];

/** One unit's fictional answers. */
export function sampleResponse(unit: SurveyUnit, seed: number): SurveyResponse {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const person = (): string => (rnd() < 0.5 ? `${pick(FAMILY)} ${pick(MIDDLE_M)} ${pick(GIVEN_M)}` : `${pick(FAMILY)} ${pick(MIDDLE_F)} ${pick(GIVEN_F)}`);
  const ward = unit.kind === "ward";
  const fullTime = ward ? int(0, 2) : int(0, 1);
  const partTime = int(1, 3);
  const staff: StaffMember[] = [];
  for (let i = 0; i < fullTime; i++) staff.push({ name: person(), role: "Công chức Văn phòng HĐND và UBND", mode: "Chuyên trách", qualification: pick(["Đại học CNTT", "Đại học CNTT", "Cao đẳng CNTT", "Sau đại học CNTT"]), years: int(2, 12) });
  for (let i = 0; i < partTime; i++) staff.push({ name: person(), role: pick(["Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch", "Viên chức Trung tâm Phục vụ hành chính công", "Công chức Văn hóa - Xã hội"]), mode: "Kiêm nhiệm", qualification: pick(["Chứng chỉ CNTT", "Chứng chỉ CNTT", "Trung cấp CNTT", "Không có chuyên môn CNTT"]), years: int(0, 6) });
  const scale = ward ? 1.4 : 1;
  const workload: WorkloadRow[] = TASKS.map((task, k) => {
    const base = [14, 10, 4, 2, 2, 3, 6, 0.3, 1][k] * scale;
    const centreRequests = Math.round(base * (0.6 + rnd() * 0.8));
    const officeRequests = Math.round(base * 0.5 * (0.4 + rnd() * 0.8));
    const hoursPer = [0.08, 0.08, 0.3, 0.5, 0.3, 0.15, 0.15, 1.5, 0.25][k];
    return { task, centreRequests, centreHours: Math.round(centreRequests * hoursPer * 2) / 2, officeRequests, officeHours: Math.round(officeRequests * hoursPer * 2) / 2 };
  });
  const tslcdProvider = rnd() < 0.7 ? PROVIDERS[0] : rnd() < 0.85 ? PROVIDERS[1] : PROVIDERS[2];
  const count = int(2, 5);
  const chosen = new Set<number>();
  if (fullTime === 0) chosen.add(8);
  while (chosen.size < count) chosen.add(int(0, PROBLEMS.length - 1));
  const problems: ProblemRow[] = [...chosen].sort((a, b) => a - b).map((i) => {
    const severity = i === 0 || i === 1 || i === 8 ? pick(["Nghiêm trọng", "Nghiêm trọng", "Trung bình"]) : pick(["Trung bình", "Nhẹ", "Nghiêm trọng"]);
    return { ...PROBLEMS[i], frequency: i === 1 ? "Hằng ngày" : pick(["Hằng ngày", "Hằng tuần", "Hằng tuần", "Hằng tháng", "Thỉnh thoảng"]), severity, downtimeHours: severity === "Nghiêm trọng" ? int(8, 30) : int(1, 8) };
  });
  const support: SupportRow[] = [];
  if (fullTime === 0 || rnd() < 0.5) support.push({ form: SUPPORT_FORMS[0], tasks: "Hỗ trợ Bộ phận một cửa, xử lý sự cố máy tính, mạng LAN, đường truyền", people: ward && rnd() < 0.4 ? 2 : 1, months: pick([6, 12, 12, 18]), start: "2026-07-01", provider: tslcdProvider === "VNPT Bắc Ninh" ? "VNPT Bắc Ninh" : pick(["Viettel Bắc Ninh", "VNPT Bắc Ninh"]) });
  if (rnd() < 0.6) support.push({ form: SUPPORT_FORMS[1], tasks: "Hướng dẫn sử dụng phần mềm, xử lý lỗi chữ ký số từ xa", people: 1, months: 12, provider: pick(["VNPT Bắc Ninh", "Viettel Bắc Ninh", "Bưu điện tỉnh Bắc Ninh"]) });
  if (rnd() < 0.4) support.push({ form: SUPPORT_FORMS[2], tasks: "Sửa chữa thiết bị, mạng LAN khi có sự cố", people: 1, months: 12, provider: pick(["VNPT Bắc Ninh", "Viettel Bắc Ninh"]) });
  support.push({ form: SUPPORT_FORMS[3], tasks: "Tập huấn sử dụng Hệ thống giải quyết TTHC, ký số, an toàn thông tin", people: int(3, 8), months: 1, start: "2026-07-15", provider: "Không đề xuất" });
  const slug = unit.id.replace(/^[xp]-/, "").replace(/-/g, "");
  return {
    unit: unit.id,
    preparer: person(),
    position: "Công chức Văn phòng HĐND và UBND",
    phone: `0204 38${String(int(10000, 99999))}`,
    email: `vanphong.${slug}@bacninh.gov.vn`,
    date: `2026-05-${String(int(26, 31)).padStart(2, "0")}`,
    officials: ward ? int(42, 70) : int(30, 52),
    pcsCentre: ward ? int(12, 22) : int(8, 15),
    pcsOffices: ward ? int(35, 60) : int(25, 42),
    tslcdProvider,
    tslcdMbps: pick([20, 30, 50, 50, 100]),
    internetProvider: pick(["Viettel Bắc Ninh", "VNPT Bắc Ninh", "Khác"]),
    internetMbps: pick([100, 150, 200, 300]),
    note: "Phiếu mẫu: số liệu hư cấu, chỉ để minh họa.",
    staff,
    workload,
    problems,
    support,
  };
}

/** Writes the sample forms into `dir` (emptied of old forms first). */
export async function writeSample(dir = OUT): Promise<string[]> {
  const units = surveyUnits(loadInventorySync(join(ROOT, "inventory", "sample"), { asOf: "2026-06-03", locateWarnings: false }).inventory);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith(".xlsx")) rmSync(join(dir, f));
  const written: string[] = [];
  for (const [i, unit] of units.entries()) {
    if (NOT_RETURNED.includes(unit.id)) continue;
    const response = sampleResponse(unit, 1000 + i);
    const file = join(dir, `phieu-${unit.id}.xlsx`);
    writeFileSync(file, await renderSurveyForm({ units, unit, response, sample: true, date: response.date }));
    written.push(file);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const files = await writeSample();
  process.stdout.write(`wrote ${files.length} sample forms in ${OUT}\n`);
}
