// The XLSX workbook for planners (exceljs): sheets Summary, Waves, Systems, Servers, Decommission,
// Risks, each with a styled, frozen header row, an autofilter, column widths, real Date cells (UTC
// midnight, dd/mm/yyyy) and number cells. Sheet names stay English so scripts can find them; headers
// follow the language.
//
// Determinism: exceljs stamps the workbook's created/modified dates with the clock unless set (we
// set them from the plan's asOf), and its zip writer (JSZip) stamps every entry with the current
// time, so two runs differ in the zip headers only. We overwrite those DOS timestamps with the asOf
// date after writing; with that, the same plan gives the same bytes (tested).
import ExcelJS from "exceljs";
import { costTables } from "./cost-section.js";
import { type Lang, labels } from "./i18n.js";
import { type CellValue, type ColumnType, type ExportInput, planTables, type Table, type TableId } from "./tables.js";

/** Sheet name of each table (fixed, English, so scripts can rely on them). */
export const SHEET_NAMES: Readonly<Record<TableId, string>> & Readonly<Record<string, string | undefined>> = {
  summary: "Summary",
  waves: "Waves",
  systems: "Systems",
  servers: "Servers",
  decommission: "Decommission",
  risks: "Risks",
  "cost-summary": "Cost",
  "cost-lines": "Cost lines",
};

/** Renders the planner's workbook of a plan (all six sheets). */
export async function renderXlsx(input: ExportInput): Promise<Uint8Array> {
  return tablesToXlsx([...planTables(input), ...costTables(input)], { lang: input.lang, date: input.plan.asOf, title: "dcplan" });
}

/** Options of tablesToXlsx. */
export interface XlsxOptions {
  readonly lang: Lang;
  /** ISO date stamped as the workbook's created/modified date and on every zip entry (the plan's asOf). */
  readonly date: string;
  /** Workbook title property. */
  readonly title: string;
  /** Sheet name per table; default SHEET_NAMES by table id, else the table's title. */
  readonly sheetName?: (table: Table) => string;
}

/** Writes typed tables as one workbook, one sheet per table; deterministic for a given `date`. */
export async function tablesToXlsx(tables: readonly Table[], opts: XlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const when = utcDate(opts.date);
  wb.creator = "dcplan";
  wb.lastModifiedBy = "dcplan";
  wb.created = when;
  wb.modified = when;
  wb.title = nfc(opts.title);
  const dateFmt = opts.lang === "vi" ? "dd/mm/yyyy" : "yyyy-mm-dd";
  for (const table of tables) {
    const name = opts.sheetName?.(table) ?? SHEET_NAMES[table.id] ?? table.title;
    const ws = wb.addWorksheet(sheetSafe(name), { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
    ws.columns = table.columns.map((c) => ({ header: nfc(c.header), key: c.key, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true, color: { argb: "FFFFFFFF" } };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF0F2E55" } };
    header.alignment = { vertical: "middle", wrapText: true };
    table.rows.forEach((row, r) => {
      const wsRow = ws.getRow(r + 2);
      row.forEach((value, i) => {
        const col = table.columns[i];
        const type = col.type === "mixed" ? (table.rowTypes?.[r] ?? "text") : col.type;
        const cell = wsRow.getCell(i + 1);
        const { v, numFmt } = typedValue(value, type, opts.lang, dateFmt);
        cell.value = v;
        if (numFmt) cell.numFmt = numFmt;
      });
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    // Printed: A4 landscape, one page wide, the header row repeated on every page.
    ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
  }
  const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(buffer, opts.date);
}

function typedValue(value: CellValue, type: Exclude<ColumnType, "mixed">, lang: Lang, dateFmt: string): { v: ExcelJS.CellValue; numFmt?: string } {
  if (value === null || value === "") return { v: null };
  if (typeof value === "boolean") return { v: value ? labels(lang).yes : labels(lang).no };
  if (typeof value === "number") {
    if (type === "percent") return { v: value, numFmt: "0%" };
    if (type === "int" || Number.isInteger(value)) return { v: value, numFmt: "#,##0" };
    return { v: value, numFmt: "#,##0.0" };
  }
  if (type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { v: utcDate(value), numFmt: dateFmt };
  return { v: nfc(value) };
}

/** A Date at UTC midnight of an ISO date (exceljs writes Dates as UTC serials). */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function nfc(s: string): string {
  return s.normalize("NFC");
}

// Excel forbids : \ / ? * [ ] in sheet names and limits them to 31 characters.
function sheetSafe(name: string): string {
  return nfc(name).replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
}

/**
 * Sets the DOS modification date/time of every entry of a zip (local headers and central
 * directory) to `iso` at 00:00, so the archive's bytes do not depend on when it was written.
 */
export function fixZipTimestamps(zip: Uint8Array, iso: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const [y, m, d] = iso.split("-").map(Number);
  const dosDate = ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d;
  // End of central directory: signature 0x06054b50, searched from the end (comment ≤ 65535 bytes).
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    view.setUint16(p + 12, 0, true);
    view.setUint16(p + 14, dosDate, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, 0, true);
      view.setUint16(local + 12, dosDate, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}
