// Writes the survey form (`dcplan survey template`): a guide, the unit sheet (one field per row),
// the staff, workload (tasks pre-filled), problems and support sheets, each with Vietnamese headers
// carrying their hint as a note, drop-downs from a hidden lists sheet, whole-number, number-range
// and date validation on whole column ranges, and an example row marked VD. With a unit, the form
// is addressed to it; with a response, it is filled in (the bundled sample). Deterministic: the
// same input and date give the same bytes.
import ExcelJS from "exceljs";
import { fixZipTimestamps } from "../planner/export/xlsx.js";
import { addRangeValidation as addValidation, FONT, newWorkbook } from "../inventory/import/xlsx-book.js";
import { columnLetter } from "../inventory/import/xlsx-read.js";
import {
  FREQUENCIES,
  PROBLEM_AREAS,
  PROBLEM_FIELDS,
  PROPOSED_PROVIDERS,
  PROVIDERS,
  QUALIFICATIONS,
  SAMPLE_KEYWORD,
  SEVERITIES,
  STAFF_FIELDS,
  STAFF_MODES,
  SUPPORT_FIELDS,
  SUPPORT_FORMS,
  SURVEY_EXAMPLE,
  SURVEY_SHEET,
  type SurveyField,
  type SurveyUnit,
  SYSTEMS,
  TASKS,
  UNIT_FIELDS,
  unitEntry,
  WORKLOAD_FIELDS,
} from "./form.js";
import type { SurveyResponse } from "./types.js";

/** What the form is written from. */
export interface FormInput {
  /** Communes and wards the unit drop-down offers. */
  readonly units: readonly SurveyUnit[];
  /** The unit the form is for (pre-filled) [none]. */
  readonly unit?: SurveyUnit;
  /** Answers to write in (the sample) [none]. */
  readonly response?: SurveyResponse;
  /** Mark the workbook as fictional sample data [false]. */
  readonly sample?: boolean;
  /** ISO date stamped in the workbook. */
  readonly date: string;
}

/** Rows with validation on table sheets. */
const TABLE_ROWS = 200;
const HEADER_FILL = "FF0F2E55";
const EXAMPLE_COLOR = "FF6B7280";

const LISTS: Record<string, readonly string[]> = {
  providers: PROVIDERS,
  modes: STAFF_MODES,
  qualifications: QUALIFICATIONS,
  areas: PROBLEM_AREAS,
  systems: SYSTEMS,
  frequencies: FREQUENCIES,
  severities: SEVERITIES,
  forms: SUPPORT_FORMS,
  proposed: PROPOSED_PROVIDERS,
};

/** The form's bytes (see file header). */
export async function renderSurveyForm(input: FormInput): Promise<Uint8Array> {
  const wb = newWorkbook("Phiếu khảo sát nhu cầu hỗ trợ kỹ thuật CNTT cấp xã", input.date);
  if (input.sample) wb.keywords = SAMPLE_KEYWORD;

  const ranges = new Map<string, string>();
  const listColumns: [string, readonly string[]][] = [["units", input.units.map(unitEntry)], ...Object.entries(LISTS)];
  listColumns.forEach(([key, values], i) => {
    const l = columnLetter(i + 1);
    ranges.set(key, `'${SURVEY_SHEET.lists}'!$${l}$2:$${l}$${Math.max(2, values.length + 1)}`);
  });

  writeGuide(wb.addWorksheet(SURVEY_SHEET.guide), input);
  writeUnitSheet(wb.addWorksheet(SURVEY_SHEET.unit), input, ranges);
  const r = input.response;
  writeTable(wb.addWorksheet(SURVEY_SHEET.staff, { views: [{ state: "frozen", ySplit: 1 }] }), STAFF_FIELDS, r?.staff ?? [], ranges, { name: "Nguyễn Văn A", role: "Công chức Văn phòng HĐND và UBND", mode: "Kiêm nhiệm", qualification: "Đại học CNTT", years: 3 });
  writeWorkload(wb.addWorksheet(SURVEY_SHEET.workload, { views: [{ state: "frozen", ySplit: 1 }] }), input);
  writeTable(wb.addWorksheet(SURVEY_SHEET.problems, { views: [{ state: "frozen", ySplit: 1 }] }), PROBLEM_FIELDS, r?.problems ?? [], ranges, {
    area: "Đường truyền TSLCD",
    system: "Hệ thống giải quyết TTHC (Một cửa điện tử)",
    description: "Đường truyền chập chờn giờ cao điểm, không ký số được hồ sơ",
    frequency: "Hằng tuần",
    severity: "Trung bình",
    downtimeHours: 6,
  });
  writeTable(wb.addWorksheet(SURVEY_SHEET.support, { views: [{ state: "frozen", ySplit: 1 }] }), SUPPORT_FIELDS, r?.support ?? [], ranges, {
    form: SUPPORT_FORMS[0],
    tasks: "Hỗ trợ Bộ phận một cửa, xử lý sự cố máy tính, đường truyền",
    people: 1,
    months: 12,
    start: "2026-07-01",
    provider: "VNPT Bắc Ninh",
  });
  const lists = wb.addWorksheet(SURVEY_SHEET.lists, { state: "hidden" });
  listColumns.forEach(([key, values], i) => {
    const l = columnLetter(i + 1);
    lists.getCell(`${l}1`).value = key;
    values.forEach((v, k) => (lists.getCell(`${l}${k + 2}`).value = v));
    lists.getColumn(i + 1).width = Math.min(60, Math.max(12, ...values.map((v) => v.length + 2)));
  });
  return fixZipTimestamps(new Uint8Array(await wb.xlsx.writeBuffer()), input.date);
}

function writeGuide(ws: ExcelJS.Worksheet, input: FormInput): void {
  ws.columns = [{ width: 105 }];
  const lines: [string, Partial<ExcelJS.Font>?][] = [
    ["PHIẾU KHẢO SÁT NHU CẦU HỖ TRỢ KỸ THUẬT CÔNG NGHỆ THÔNG TIN TẠI UBND CẤP XÃ", { bold: true, size: 14, color: { argb: HEADER_FILL } }],
    ["Phục vụ vận hành các hệ thống công nghệ thông tin và giải quyết thủ tục hành chính trên môi trường số (văn bản của UBND tỉnh Bắc Ninh, tháng 5/2026)."],
    ...(input.sample ? ([["DỮ LIỆU MẪU: phiếu này do công cụ tạo ra, mọi số liệu và họ tên đều hư cấu, chỉ để minh họa.", { bold: true, color: { argb: "FFB42318" } }]] as [string, Partial<ExcelJS.Font>][]) : []),
    [input.unit ? `Đơn vị: ${input.unit.name}.` : "Đơn vị: chọn tên xã, phường ở trang Thông tin đơn vị."],
    ["Cách điền:", { bold: true }],
    ["1. Trang Thông tin đơn vị: người lập biểu, ngày lập, nhà mạng cung cấp đường truyền số liệu chuyên dùng (TSLCD) và Internet, băng thông."],
    ["2. Trang Nhân lực CNTT: mỗi dòng một người làm công việc CNTT (chuyên trách hoặc kiêm nhiệm) và trình độ."],
    ["3. Trang Khối lượng công việc: số lượt và số giờ công việc CNTT trung bình mỗi ngày tại Trung tâm Phục vụ hành chính công và tại các phòng, đơn vị."],
    ["4. Trang Khó khăn, vướng mắc: mỗi dòng một khó khăn về hệ thống phần mềm, trang thiết bị, mạng LAN, đường truyền; tần suất và mức độ ảnh hưởng."],
    ["5. Trang Nhu cầu hỗ trợ: hình thức hỗ trợ, số người, thời gian (tháng), nhà cung cấp đề xuất."],
    [`6. Ô có danh sách chọn: bấm vào ô và chọn. Ô ngày: dd/mm/yyyy. Ô số: chỉ ghi số. Dòng bắt đầu bằng "${SURVEY_EXAMPLE}" là dòng ví dụ, không được tính.`],
    ["7. Không đổi tên trang, không đổi tiêu đề cột. Di chuột vào tiêu đề cột để xem hướng dẫn."],
    ["Chủ tịch UBND xã, phường chịu trách nhiệm về tính chính xác của số liệu báo cáo.", { italic: true }],
  ];
  lines.forEach(([text, font], i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
    cell.font = { ...FONT, ...font };
    ws.getRow(i + 1).height = 15 * Math.max(1, Math.ceil((text.length * (font?.size === 14 ? 1.4 : 1.05)) / 100));
  });
  ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function header(row: ExcelJS.Row, texts: readonly string[], notes: readonly string[] = []): void {
  texts.forEach((t, i) => {
    const c = row.getCell(i + 1);
    c.value = t;
    if (notes[i]) c.note = { texts: [{ text: notes[i] }] };
  });
  row.font = { ...FONT, bold: true, color: { argb: "FFFFFFFF" } };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  row.alignment = { vertical: "middle", wrapText: true };
  const widths = (row.worksheet.columns ?? []).map((c) => c.width ?? 10);
  const lines = Math.max(2, ...texts.map((t, i) => Math.ceil((t.length * 1.25) / Math.max(4, (widths[i] ?? 10) - 1))));
  row.height = 15 * lines + 2;
}

function validation(f: SurveyField, ranges: ReadonlyMap<string, string>): ExcelJS.DataValidation | undefined {
  const base = { allowBlank: !f.required, showErrorMessage: true, errorStyle: "stop" as const, errorTitle: f.label.slice(0, 32) };
  switch (f.type.kind) {
    case "unit":
      return { ...base, type: "list", formulae: [ranges.get("units")!], error: "Chọn tên xã, phường trong danh sách." };
    case "choice":
      return { ...base, type: "list", formulae: [ranges.get(f.type.list)!], error: "Chọn một giá trị trong danh sách." };
    case "int":
      return { ...base, type: "whole", operator: f.type.max !== undefined ? "between" : "greaterThanOrEqual", formulae: f.type.max !== undefined ? [f.type.min, f.type.max] : [f.type.min], error: `Nhập số nguyên${f.type.max !== undefined ? ` từ ${f.type.min} đến ${f.type.max}` : ` không nhỏ hơn ${f.type.min}`}.` };
    case "number":
      return { ...base, type: "decimal", operator: f.type.max !== undefined ? "between" : "greaterThanOrEqual", formulae: f.type.max !== undefined ? [f.type.min, f.type.max] : [f.type.min], error: `Nhập số${f.type.max !== undefined ? ` từ ${f.type.min} đến ${f.type.max}` : ` không nhỏ hơn ${f.type.min}`}.` };
    case "date":
      return { ...base, type: "date", operator: "between", formulae: [new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2035, 11, 31))], error: "Nhập ngày dạng dd/mm/yyyy." };
    default:
      return undefined;
  }
}

function typed(f: SurveyField, v: unknown): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (f.type.kind === "date" && typeof v === "string") return new Date(`${v}T00:00:00Z`);
  return v as ExcelJS.CellValue;
}

function writeUnitSheet(ws: ExcelJS.Worksheet, input: FormInput, ranges: ReadonlyMap<string, string>): void {
  ws.columns = [{ width: 50 }, { width: 40 }, { width: 50 }];
  header(ws.getRow(1), ["Nội dung", "Giá trị", "Hướng dẫn"]);
  const r = input.response as Record<string, unknown> | undefined;
  const unit = input.unit ?? (r ? input.units.find((u) => u.id === r.unit) : undefined);
  UNIT_FIELDS.forEach((f, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = f.required ? `${f.label} *` : f.label;
    row.getCell(1).font = { ...FONT, bold: Boolean(f.required) };
    row.getCell(3).value = f.hint;
    row.getCell(3).font = { ...FONT, italic: true, color: { argb: EXAMPLE_COLOR } };
    const cell = row.getCell(2);
    if (f.type.kind === "date") cell.numFmt = "dd/mm/yyyy";
    cell.value = f.key === "unit" ? (unit ? unitEntry(unit) : null) : typed(f, r?.[f.key]);
    addValidation(ws, `B${i + 2}`, validation(f, ranges));
  });
  ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function writeTable(ws: ExcelJS.Worksheet, fields: readonly SurveyField[], rows: readonly object[], ranges: ReadonlyMap<string, string>, example: Record<string, unknown>): void {
  ws.columns = [{ width: 6 }, ...fields.map((f) => ({ width: f.width ?? 16 }))];
  header(ws.getRow(1), ["STT", ...fields.map((f) => (f.required ? `${f.label} *` : f.label))], ["Số thứ tự", ...fields.map((f) => f.hint)]);
  const ex = ws.getRow(2);
  ex.getCell(1).value = SURVEY_EXAMPLE;
  fields.forEach((f, i) => {
    ex.getCell(i + 2).value = typed(f, example[f.key]);
    if (f.type.kind === "date") ex.getCell(i + 2).numFmt = "dd/mm/yyyy";
  });
  ex.font = { ...FONT, italic: true, color: { argb: EXAMPLE_COLOR } };
  rows.forEach((data, k) => {
    const row = ws.getRow(k + 3);
    row.getCell(1).value = k + 1;
    let lines = 1;
    fields.forEach((f, i) => {
      const cell = row.getCell(i + 2);
      const v = (data as Record<string, unknown>)[f.key];
      cell.value = typed(f, v);
      cell.alignment = { vertical: "top", wrapText: typeof v === "string" };
      if (typeof v === "string") lines = Math.max(lines, Math.ceil((v.length * 1.1) / Math.max(4, (f.width ?? 16) - 1)));
      if (f.type.kind === "date") cell.numFmt = "dd/mm/yyyy";
    });
    if (lines > 1) row.height = 15 * lines;
  });
  const last = Math.max(rows.length + 2, 2) + TABLE_ROWS;
  fields.forEach((f, i) => {
    const l = columnLetter(i + 2);
    if (f.type.kind === "date") ws.getColumn(i + 2).numFmt = "dd/mm/yyyy";
    addValidation(ws, `${l}2:${l}${last}`, validation(f, ranges));
  });
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
}

function writeWorkload(ws: ExcelJS.Worksheet, input: FormInput): void {
  ws.columns = [{ width: 62 }, ...WORKLOAD_FIELDS.map((f) => ({ width: f.width ?? 14 }))];
  header(ws.getRow(1), ["Công việc", ...WORKLOAD_FIELDS.map((f) => f.label)], ["Loại công việc CNTT (đã điền sẵn, không sửa)", ...WORKLOAD_FIELDS.map((f) => f.hint)]);
  TASKS.forEach((task, k) => {
    const row = ws.getRow(k + 2);
    row.getCell(1).value = task;
    const data = input.response?.workload.find((w) => w.task === task) as Record<string, unknown> | undefined;
    WORKLOAD_FIELDS.forEach((f, i) => (row.getCell(i + 2).value = typed(f, data?.[f.key])));
  });
  WORKLOAD_FIELDS.forEach((f, i) => {
    const l = columnLetter(i + 2);
    addValidation(ws, `${l}2:${l}${TASKS.length + 1}`, validation(f, new Map()));
  });
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
}
