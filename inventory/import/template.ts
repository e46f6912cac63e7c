// Writes the province's inventory workbook (`dcplan template`): a guide sheet in Vietnamese, one
// sheet per entity kind and one for dependencies (workbook-layout.ts), each with a styled, frozen
// header row whose cells carry the column's help as a note, an example row, and data validation
// on whole column ranges — drop-downs for site, agency, kind, security level, coupling,
// disposition…, whole numbers, numbers with their range, dates — read from a hidden lists sheet
// (a list written inline cannot hold "Sở, ban, ngành"). Optionally pre-filled with entities of the
// inventory (one agency's, so it reviews rather than retypes). Deterministic: the same input and
// date give the same bytes.
import ExcelJS from "exceljs";
import type { Agency, Dependency, External, Inventory, Server, Site, System } from "../schema.js";
import { fixZipTimestamps } from "../../planner/export/xlsx.js";
import { cmp } from "./assemble.js";
import { addRangeValidation, FONT, newWorkbook } from "./xlsx-book.js";
import { columnLetter } from "./xlsx-read.js";
import { type Choices, choiceLabel, EXAMPLE_PREFIX, type ListName, listEntry, SHEET, WORKBOOK_SHEETS, type WorkbookColumn, type WorkbookSheet } from "./workbook-layout.js";

/** What the template is written from. */
export interface TemplateInput {
  /** Entities the drop-downs offer (the inventory's). */
  readonly known: Pick<Inventory, "sites" | "agencies" | "servers" | "systems" | "externals">;
  /** Rows written into the sheets (pre-filled), if any. */
  readonly rows?: Partial<Inventory>;
  /** The agency the form is for (named on the guide, first in the agency list) [none]. */
  readonly agency?: Agency;
  /** ISO date stamped on the workbook and its zip entries (no clock). */
  readonly date: string;
}

/** Rows with data validation below the last pre-filled row. */
export const EMPTY_ROWS = 500;

const HEADER_FILL = "FF0F2E55";
const EXAMPLE_COLOR = "FF6B7280";

/** The template workbook's bytes (see file header). */
export async function renderTemplate(input: TemplateInput): Promise<Uint8Array> {
  const wb = newWorkbook("Biểu mẫu kê khai hạ tầng và hệ thống thông tin", input.date);

  const lists = listValues(input);
  const columns: [string, string, readonly string[]][] = [];
  for (const [name, values] of Object.entries(lists)) columns.push([name, LIST_TITLES[name as ListName], values]);
  for (const sheet of WORKBOOK_SHEETS) {
    for (const c of sheet.columns) if (c.type.kind === "choice") columns.push([choiceKey(sheet, c), c.header, [...c.type.choices.keys()].map((v) => choiceLabel((c.type as { choices: Choices }).choices, v))]);
  }
  const listRanges = new Map<string, string>();
  columns.forEach(([key, , values], i) => {
    const letter = columnLetter(i + 1);
    listRanges.set(key, `'${SHEET.lists}'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`);
  });
  // Tab order: the guide, the data sheets, then the (hidden) lists.
  writeGuide(wb.addWorksheet(SHEET.guide), input);
  for (const sheet of WORKBOOK_SHEETS) writeSheet(wb.addWorksheet(sheet.name, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] }), sheet, input, listRanges);
  const listSheet = wb.addWorksheet(SHEET.lists, { state: "hidden" });
  columns.forEach(([, title, values], i) => {
    const letter = columnLetter(i + 1);
    listSheet.getCell(`${letter}1`).value = title;
    listSheet.getCell(`${letter}1`).font = { ...FONT, bold: true };
    values.forEach((v, r) => (listSheet.getCell(`${letter}${r + 2}`).value = v));
    listSheet.getColumn(i + 1).width = Math.min(60, Math.max(14, ...values.map((v) => v.length + 2)));
  });
  const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(buffer, input.date);
}

const LIST_TITLES: Record<ListName, string> = {
  sites: "Địa điểm",
  agencies: "Cơ quan",
  servers: "Máy chủ",
  systems: "Hệ thống",
  targets: "Hệ thống và hệ thống ngoài",
};

function choiceKey(sheet: WorkbookSheet, c: WorkbookColumn): string {
  return `choice:${sheet.key}:${c.field}`;
}

/** The drop-down lists: entities known or pre-filled, sorted; the form's own agency first. */
function listValues(input: TemplateInput): Record<ListName, string[]> {
  const all = <T extends { id: string }>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] => {
    const m = new Map<string, T>();
    for (const e of [...(a ?? []), ...(b ?? [])]) if (!m.has(e.id)) m.set(e.id, e);
    return [...m.values()].sort((x, y) => cmp(x.id, y.id));
  };
  const agencies = all(input.known.agencies, input.rows?.agencies);
  const own = input.agency ? agencies.filter((a) => a.id === input.agency!.id) : [];
  const systems = all(input.known.systems, input.rows?.systems);
  const externals = all(input.known.externals, input.rows?.externals);
  return {
    sites: all(input.known.sites, input.rows?.sites).map((s) => s.id),
    agencies: [...own, ...agencies.filter((a) => !own.includes(a))].map((a) => listEntry(a.id, a.name)),
    servers: all(input.known.servers, input.rows?.servers).map((s) => s.id),
    systems: systems.map((s) => s.id),
    targets: [...systems.map((s) => s.id), ...externals.map((e) => e.id)],
  };
}

function writeGuide(ws: ExcelJS.Worksheet, input: TemplateInput): void {
  ws.columns = [{ width: 22 }, { width: 30 }, { width: 90 }, { width: 12 }];
  const title = ws.getCell("A1");
  title.value = "BIỂU MẪU KÊ KHAI HẠ TẦNG VÀ HỆ THỐNG THÔNG TIN";
  title.font = { ...FONT, bold: true, size: 14, color: { argb: HEADER_FILL } };
  ws.mergeCells("A1:D1");
  const lines = [
    "Phục vụ hợp nhất 02 Trung tâm tích hợp dữ liệu thành 01 Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh và phương án loại bỏ, hợp nhất máy chủ, hạ tầng riêng lẻ của các sở, ban, ngành, địa phương.",
    input.agency ? `Đơn vị kê khai: ${input.agency.name}.` : "Đơn vị kê khai: ghi tên đơn vị ở cột Cơ quan sở hữu, Cơ quan chủ quản.",
    "Cách điền:",
    "1. Mỗi dòng là một máy chủ (trang Máy chủ), một hệ thống thông tin (trang Hệ thống), một quan hệ phụ thuộc (trang Phụ thuộc)…",
    "2. Ô có danh sách chọn: bấm vào ô, chọn trong danh sách. Ô ngày: dd/mm/yyyy. Ô số: chỉ ghi số, không ghi đơn vị.",
    `3. Dòng thứ hai của mỗi trang (mã bắt đầu bằng "${EXAMPLE_PREFIX}", chữ nghiêng màu xám) là dòng ví dụ: không được tính, có thể giữ nguyên hoặc xóa.`,
    "4. Mã (cột đầu tiên) viết chữ thường không dấu, số và dấu gạch ngang, không trùng nhau, ví dụ bn-sa-yte-01. Máy ảo ghi thêm máy chủ vật lý nó chạy trên.",
    "5. Cột Phương án (trang Hệ thống): phương án đơn vị đã quyết định cho hệ thống và máy chủ riêng lẻ của mình; để trống nếu chưa quyết định.",
    "6. Di chuột vào tiêu đề cột để xem hướng dẫn của cột. Không đổi tên các trang và tiêu đề cột.",
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(`A${i + 3}`);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.mergeCells(`A${i + 3}:D${i + 3}`);
    ws.getRow(i + 3).height = 15 * Math.max(1, Math.ceil((text.length * 1.05) / 150));
    cell.font = { ...FONT, bold: text.endsWith(":") };
  });
  let r = lines.length + 4;
  const head = ws.getRow(r);
  ["Trang", "Cột", "Nội dung", "Bắt buộc"].forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { ...FONT, bold: true, color: { argb: "FFFFFFFF" } };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  for (const sheet of WORKBOOK_SHEETS) {
    r++;
    const row = ws.getRow(r);
    row.getCell(1).value = sheet.name;
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(3).value = sheet.purpose;
    row.getCell(3).alignment = { wrapText: true };
    for (const c of sheet.columns) {
      r++;
      const cr = ws.getRow(r);
      cr.getCell(2).value = c.header;
      cr.getCell(3).value = c.help;
      cr.getCell(3).alignment = { wrapText: true, vertical: "top" };
      cr.getCell(4).value = c.required ? "Có" : "";
      if (c.help.length > 95) cr.height = 30;
    }
  }
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Cell value of one field of an entity, as the sheet shows it. */
function cellValue(c: WorkbookColumn, entity: Record<string, unknown>, agencies: ReadonlyMap<string, Agency>): ExcelJS.CellValue {
  let v: unknown = entity;
  for (const step of c.field.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[step] : undefined;
  if (v === undefined || v === null) return null;
  switch (c.type.kind) {
    case "date":
      return typeof v === "string" ? new Date(`${v}T00:00:00Z`) : null;
    case "choice":
      return choiceLabel(c.type.choices, String(v));
    case "ref":
      return c.type.list === "agencies" ? listEntry(String(v), agencies.get(String(v))?.name) : String(v);
    case "refs":
    case "tags":
      return Array.isArray(v) ? v.join(", ") : String(v);
    case "int":
    case "number":
      return typeof v === "number" ? v : Number(v);
    default:
      return String(v);
  }
}

function rowsOf(sheet: WorkbookSheet, input: TemplateInput): Record<string, unknown>[] {
  const rows = input.rows ?? {};
  const byId = <T extends { id: string }>(list: readonly T[] | undefined) => [...(list ?? [])].sort((a, b) => cmp(a.id, b.id)) as unknown as Record<string, unknown>[];
  switch (sheet.key) {
    case "sites":
      return byId<Site>(rows.sites);
    case "agencies":
      return byId<Agency>(rows.agencies);
    case "servers":
      return byId<Server>(rows.servers);
    case "systems":
      return byId<System>(rows.systems);
    case "externals":
      return byId<External>(rows.externals);
    case "dependencies":
      return [...(rows.systems ?? [])]
        .sort((a, b) => cmp(a.id, b.id))
        .flatMap((s) => (s.dependsOn ?? []).map((d: Dependency) => ({ system: s.id, ...d }) as Record<string, unknown>));
  }
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: WorkbookSheet, input: TemplateInput, lists: ReadonlyMap<string, string>): void {
  const agencies = new Map([...input.known.agencies, ...(input.rows?.agencies ?? [])].map((a) => [a.id, a]));
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required ? `${c.header} *` : c.header;
    cell.note = { texts: [{ text: c.help }] };
  });
  header.font = { ...FONT, bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 32;

  const example = ws.getRow(2);
  const exampleEntity: Record<string, unknown> = {};
  for (const c of sheet.columns) {
    if (c.example === undefined) continue;
    const own = input.agency && c.type.kind === "ref" && c.type.list === "agencies" ? input.agency.id : c.example;
    let target: Record<string, unknown> = exampleEntity;
    const steps = c.field.split(".");
    steps.slice(0, -1).forEach((s) => (target = (target[s] ??= {}) as Record<string, unknown>));
    target[steps[steps.length - 1]] = c.type.kind === "choice" ? ([...c.type.choices].find(([, l]) => l.includes(String(own)))?.[0] ?? own) : own;
  }
  sheet.columns.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    cell.value = cellValue(c, exampleEntity, agencies);
    if (c.type.kind === "date") cell.numFmt = "dd/mm/yyyy";
  });
  example.font = { ...FONT, italic: true, color: { argb: EXAMPLE_COLOR } };

  const data = rowsOf(sheet, input);
  data.forEach((entity, r) => {
    const row = ws.getRow(r + 3);
    sheet.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(c, entity, agencies);
      if (c.type.kind === "date") cell.numFmt = "dd/mm/yyyy";
    });
  });

  const last = Math.max(data.length + 2, 2) + EMPTY_ROWS;
  sheet.columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${last}`;
    if (c.type.kind === "date") ws.getColumn(i + 1).numFmt = "dd/mm/yyyy";
    const v = validation(sheet, c, lists);
    addRangeValidation(ws, range, v);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
}

function validation(sheet: WorkbookSheet, c: WorkbookColumn, lists: ReadonlyMap<string, string>): ExcelJS.DataValidation | undefined {
  const base = { allowBlank: !c.required, showErrorMessage: true, showInputMessage: true, promptTitle: c.header.slice(0, 32), prompt: c.help.slice(0, 250) };
  switch (c.type.kind) {
    case "choice":
      return { ...base, type: "list", formulae: [lists.get(choiceKey(sheet, c))!], errorStyle: "stop", errorTitle: c.header.slice(0, 32), error: "Chọn một giá trị trong danh sách." };
    case "ref":
      // A warning only: the workbook may itself add the site, agency or system referred to.
      return { ...base, type: "list", formulae: [lists.get(c.type.list)!], errorStyle: "warning", errorTitle: c.header.slice(0, 32), error: "Giá trị không có trong danh sách: kiểm tra lại, hoặc kê khai nó ở trang tương ứng." };
    case "int":
      if (c.type.dropdown && c.type.min !== undefined && c.type.max !== undefined) {
        const { min, max } = c.type;
        const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
        return { ...base, type: "list", formulae: [`"${values.join(",")}"`], errorStyle: "stop", errorTitle: c.header.slice(0, 32), error: rangeHelp("một số nguyên", c.type.min, c.type.max) };
      }
      return { ...base, type: "whole", ...between(c.type.min, c.type.max, c.type.exclusiveMin), errorStyle: "stop", errorTitle: c.header.slice(0, 32), error: rangeHelp("một số nguyên", c.type.min, c.type.max) };
    case "number":
      return { ...base, type: "decimal", ...between(c.type.min, c.type.max, c.type.exclusiveMin), errorStyle: "stop", errorTitle: c.header.slice(0, 32), error: rangeHelp("một số", c.type.min, c.type.max) };
    case "date":
      return { ...base, type: "date", operator: "between", formulae: [new Date(Date.UTC(1980, 0, 1)), new Date(Date.UTC(2100, 11, 31))], errorStyle: "stop", errorTitle: c.header.slice(0, 32), error: "Nhập ngày dạng dd/mm/yyyy." };
    case "id":
      return { ...base, type: "textLength", operator: "between", formulae: [1, 63], errorStyle: "stop", errorTitle: "Mã", error: "Mã gồm 1–63 ký tự: chữ thường không dấu, số, dấu gạch ngang." };
    default:
      return undefined;
  }
}

function between(min: number | undefined, max: number | undefined, exclusiveMin?: boolean): Pick<ExcelJS.DataValidation, "operator" | "formulae"> {
  if (min !== undefined && max !== undefined) return { operator: "between", formulae: [min, max] };
  if (min !== undefined) return { operator: exclusiveMin ? "greaterThan" : "greaterThanOrEqual", formulae: [min] };
  if (max !== undefined) return { operator: "lessThanOrEqual", formulae: [max] };
  return { operator: "greaterThanOrEqual", formulae: [-1e15] };
}

function rangeHelp(what: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `Nhập ${what} từ ${min} đến ${max}.`;
  if (min !== undefined) return `Nhập ${what} không nhỏ hơn ${min}.`;
  return `Nhập ${what}.`;
}
