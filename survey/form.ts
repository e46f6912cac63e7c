// The unified survey form on IT support for communes and wards (letter of the Provincial People's
// Committee, May 2026, "rà soát nhu cầu hỗ trợ kỹ thuật công nghệ thông tin tại UBND cấp xã"):
// one workbook per commune or ward, in Vietnamese, with what the letter asks for — the unit's IT
// staff and their qualifications, the daily IT workload at the public-service centre (Trung tâm
// Phục vụ hành chính công) and in the offices, the problems with systems, equipment, LAN and TSLCD
// lines, the support needed (form, headcount, duration) and the telecom provider serving it. This
// file is the form's single definition: the template writer, the reader and the aggregate use it.

/** Sheet names. */
export const SURVEY_SHEET = {
  guide: "Hướng dẫn",
  unit: "Thông tin đơn vị",
  staff: "Nhân lực CNTT",
  workload: "Khối lượng công việc",
  problems: "Khó khăn, vướng mắc",
  support: "Nhu cầu hỗ trợ",
  lists: "Danh mục",
} as const;

/** Rows whose first cell is this are examples (not read). */
export const SURVEY_EXAMPLE = "VD";

/** Keyword stamped in the workbook properties of the bundled, fictional sample forms. */
export const SAMPLE_KEYWORD = "du-lieu-mau-hu-cau";

/** Telecom and postal providers in the province (the letter's list), then "other". */
export const PROVIDERS = ["VNPT Bắc Ninh", "Viettel Bắc Ninh", "MobiFone Bắc Ninh", "Bưu điện tỉnh Bắc Ninh", "Khác"] as const;

export const STAFF_MODES = ["Chuyên trách", "Kiêm nhiệm"] as const;
export const QUALIFICATIONS = ["Sau đại học CNTT", "Đại học CNTT", "Cao đẳng CNTT", "Trung cấp CNTT", "Chứng chỉ CNTT", "Không có chuyên môn CNTT"] as const;

/** The daily IT tasks the workload sheet lists, one row each. */
export const TASKS = [
  "Hỗ trợ tiếp nhận, giải quyết hồ sơ TTHC trên Hệ thống giải quyết TTHC",
  "Hỗ trợ người dân trên Cổng Dịch vụ công quốc gia, thanh toán trực tuyến",
  "Xử lý sự cố máy tính, máy in, máy quét",
  "Xử lý sự cố mạng LAN, đường truyền",
  "Cài đặt, cập nhật phần mềm, chữ ký số",
  "Quản trị tài khoản (đăng nhập tập trung, thư điện tử, quản lý văn bản)",
  "Số hóa hồ sơ, giấy tờ",
  "Hỗ trợ hội nghị truyền hình trực tuyến",
  "Công việc khác",
] as const;

export const PROBLEM_AREAS = ["Hệ thống phần mềm", "Trang thiết bị", "Mạng LAN", "Đường truyền TSLCD", "Đường truyền Internet", "Nhân lực", "Khác"] as const;
/** Areas that are about lines (counted per provider). */
export const LINE_AREAS: readonly string[] = ["Đường truyền TSLCD", "Đường truyền Internet"];

export const SYSTEMS = [
  "Hệ thống giải quyết TTHC (Một cửa điện tử)",
  "Cổng Dịch vụ công quốc gia",
  "Hệ thống quản lý văn bản và điều hành",
  "Phần mềm hộ tịch",
  "Phần mềm đăng ký kinh doanh",
  "Chữ ký số",
  "Thư điện tử công vụ",
  "Hội nghị truyền hình trực tuyến",
  "Phần mềm phòng chống mã độc",
  "Máy tính, máy in, máy quét",
  "Khác",
] as const;

export const FREQUENCIES = ["Hằng ngày", "Hằng tuần", "Hằng tháng", "Thỉnh thoảng"] as const;
export const SEVERITIES = ["Nghiêm trọng", "Trung bình", "Nhẹ"] as const;

export const SUPPORT_FORMS = [
  "Thuê nhân sự doanh nghiệp viễn thông làm việc tại đơn vị",
  "Hỗ trợ từ xa qua điện thoại, phần mềm",
  "Hỗ trợ tại chỗ khi có yêu cầu",
  "Đào tạo, tập huấn cán bộ",
  "Khác",
] as const;
/** Support forms that put a person at the unit's disposal (counted in the headcount). */
export const STAFFING_FORMS: readonly string[] = [SUPPORT_FORMS[0], SUPPORT_FORMS[2]];

export const PROPOSED_PROVIDERS = [...PROVIDERS.filter((p) => p !== "Khác"), "Không đề xuất"] as const;

/** How a field is read. */
export type FieldType =
  | { readonly kind: "text" }
  | { readonly kind: "int"; readonly min: number; readonly max?: number }
  | { readonly kind: "number"; readonly min: number; readonly max?: number }
  | { readonly kind: "date" }
  | { readonly kind: "choice"; readonly choices: readonly string[]; readonly list: string }
  | { readonly kind: "unit" };

/** A field of the unit sheet (one row: label, value, hint) or a column of a table sheet. */
export interface SurveyField {
  readonly key: string;
  readonly label: string;
  readonly hint: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly width?: number;
}

const choice = (choices: readonly string[], list: string): FieldType => ({ kind: "choice", choices, list });

/** The unit sheet, row by row from row 2 (row 1: headers Nội dung / Giá trị / Hướng dẫn). */
export const UNIT_FIELDS: readonly SurveyField[] = [
  { key: "unit", label: "Đơn vị (UBND xã, phường)", hint: "Chọn trong danh sách.", type: { kind: "unit" }, required: true },
  { key: "preparer", label: "Người lập biểu", hint: "Họ và tên.", type: { kind: "text" }, required: true },
  { key: "position", label: "Chức vụ", hint: "", type: { kind: "text" } },
  { key: "phone", label: "Điện thoại", hint: "Số điện thoại liên hệ.", type: { kind: "text" }, required: true },
  { key: "email", label: "Thư điện tử", hint: "", type: { kind: "text" } },
  { key: "date", label: "Ngày lập biểu", hint: "dd/mm/yyyy", type: { kind: "date" }, required: true },
  { key: "officials", label: "Số cán bộ, công chức, viên chức của đơn vị", hint: "Người.", type: { kind: "int", min: 0 } },
  { key: "pcsCentre", label: "Số máy tính tại Trung tâm Phục vụ hành chính công", hint: "Máy.", type: { kind: "int", min: 0 } },
  { key: "pcsOffices", label: "Số máy tính tại các phòng, đơn vị", hint: "Máy.", type: { kind: "int", min: 0 } },
  { key: "tslcdProvider", label: "Nhà mạng cung cấp đường truyền TSLCD", hint: "Mạng truyền số liệu chuyên dùng: chọn trong danh sách.", type: choice(PROVIDERS, "providers"), required: true },
  { key: "tslcdMbps", label: "Băng thông TSLCD (Mbit/s)", hint: "Mbit/s.", type: { kind: "number", min: 0 } },
  { key: "internetProvider", label: "Nhà mạng cung cấp Internet", hint: "Chọn trong danh sách.", type: choice(PROVIDERS, "providers") },
  { key: "internetMbps", label: "Băng thông Internet (Mbit/s)", hint: "Mbit/s.", type: { kind: "number", min: 0 } },
  { key: "note", label: "Ghi chú", hint: "", type: { kind: "text" } },
];

/** Columns of the staff sheet (column A is STT). */
export const STAFF_FIELDS: readonly SurveyField[] = [
  { key: "name", label: "Họ và tên", hint: "", type: { kind: "text" }, required: true, width: 26 },
  { key: "role", label: "Chức vụ, vị trí", hint: "", type: { kind: "text" }, width: 24 },
  { key: "mode", label: "Chế độ", hint: "Chuyên trách hay kiêm nhiệm CNTT.", type: choice(STAFF_MODES, "modes"), required: true, width: 14 },
  { key: "qualification", label: "Trình độ", hint: "Chọn trong danh sách.", type: choice(QUALIFICATIONS, "qualifications"), required: true, width: 24 },
  { key: "years", label: "Số năm kinh nghiệm CNTT", hint: "Năm.", type: { kind: "int", min: 0, max: 50 }, width: 12 },
  { key: "note", label: "Ghi chú", hint: "", type: { kind: "text" }, width: 24 },
];

/** Columns of the workload sheet (column A is the task, pre-filled). */
export const WORKLOAD_FIELDS: readonly SurveyField[] = [
  { key: "centreRequests", label: "Trung tâm PVHCC: số lượt/ngày", hint: "Số lượt việc CNTT trung bình mỗi ngày tại Trung tâm Phục vụ hành chính công.", type: { kind: "number", min: 0 }, width: 14 },
  { key: "centreHours", label: "Trung tâm PVHCC: số giờ/ngày", hint: "Số giờ công mỗi ngày.", type: { kind: "number", min: 0, max: 24 }, width: 14 },
  { key: "officeRequests", label: "Các phòng, đơn vị: số lượt/ngày", hint: "", type: { kind: "number", min: 0 }, width: 14 },
  { key: "officeHours", label: "Các phòng, đơn vị: số giờ/ngày", hint: "", type: { kind: "number", min: 0, max: 24 }, width: 14 },
  { key: "note", label: "Ghi chú", hint: "", type: { kind: "text" }, width: 30 },
];

/** Columns of the problems sheet (column A is STT). */
export const PROBLEM_FIELDS: readonly SurveyField[] = [
  { key: "area", label: "Lĩnh vực", hint: "Chọn trong danh sách.", type: choice(PROBLEM_AREAS, "areas"), required: true, width: 20 },
  { key: "system", label: "Hệ thống, thiết bị liên quan", hint: "Chọn trong danh sách.", type: choice(SYSTEMS, "systems"), width: 34 },
  { key: "description", label: "Mô tả cụ thể", hint: "Khó khăn, vướng mắc gặp phải.", type: { kind: "text" }, required: true, width: 44 },
  { key: "frequency", label: "Tần suất", hint: "", type: choice(FREQUENCIES, "frequencies"), required: true, width: 14 },
  { key: "severity", label: "Mức độ ảnh hưởng", hint: "", type: choice(SEVERITIES, "severities"), required: true, width: 14 },
  { key: "downtimeHours", label: "Thời gian gián đoạn (giờ/tháng)", hint: "Ước tính số giờ công việc bị gián đoạn mỗi tháng.", type: { kind: "number", min: 0, max: 744 }, width: 14 },
];

/** Columns of the support sheet (column A is STT). */
export const SUPPORT_FIELDS: readonly SurveyField[] = [
  { key: "form", label: "Hình thức hỗ trợ", hint: "Chọn trong danh sách.", type: choice(SUPPORT_FORMS, "forms"), required: true, width: 40 },
  { key: "tasks", label: "Nội dung công việc", hint: "Việc cần hỗ trợ.", type: { kind: "text" }, width: 36 },
  { key: "people", label: "Số người", hint: "Số nhân sự cần (đào tạo: số cán bộ được đào tạo).", type: { kind: "int", min: 0, max: 50 }, required: true, width: 10 },
  { key: "months", label: "Thời gian (tháng)", hint: "Thời gian hỗ trợ dự kiến, tháng.", type: { kind: "int", min: 1, max: 60 }, required: true, width: 10 },
  { key: "start", label: "Bắt đầu từ", hint: "dd/mm/yyyy", type: { kind: "date" }, width: 12 },
  { key: "provider", label: "Nhà cung cấp đề xuất", hint: "Chọn trong danh sách.", type: choice(PROPOSED_PROVIDERS, "proposed"), width: 22 },
  { key: "note", label: "Ghi chú", hint: "", type: { kind: "text" }, width: 24 },
];

/** A commune or ward surveyed. */
export interface SurveyUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: "commune" | "ward";
}

/** The drop-down text of a unit: `UBND xã Tiên Du (x-tien-du)`. */
export function unitEntry(u: SurveyUnit): string {
  return `${u.name} (${u.id})`;
}
