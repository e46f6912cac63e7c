// The XLSX workbooks (exceljs's streaming WorkbookWriter): the planners' workbook (Summary, Waves,
// Systems, Servers, Decommission, Risks), the per-agency workbooks and the report. Every sheet has a
// styled header row (frozen, with an autofilter and repeated on every printed page), real Date
// cells (UTC midnight, dd/mm/yyyy) and number cells, long text wrapped in columns of sane width,
// and a page setup that prints on A4 landscape: fitted to one page wide only when that keeps the
// text at 60 % or more, otherwise at 60 % with the key columns repeated on every page across.
// Report sheets start with a title block. Sheet names follow the language (Vietnamese under `vi`);
// the stable machine names scripts rely on are kept twice: a hidden `_meta` sheet listing every
// sheet's machine name and columns (key, header, technical or not), and a workbook-level defined
// name `dcplan_<machine name>` on each sheet's first header cell (docs/exports.md).
//
// Speed: rows are streamed (each committed as written), and every cell of a kind shares one style
// object, so exceljs's style cache (a WeakMap on the object) hits instead of building a style per
// cell. Determinism: the workbook's created/modified dates are the plan's asOf, and the zip writer
// (archiver) stamps every entry with the clock, so the DOS date/time of every entry is overwritten
// with asOf at 00:00 afterwards (`fixZipTimestamps`); the same plan gives the same bytes (tested).
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { formatDate, type Lang, labels } from "./i18n.js";
import { type CellValue, type Column, type ColumnType, type ExportInput, planTables, type Table, type TableId } from "./tables.js";

/** Sheet name of each table of the planners' workbook, per language (the machine name is the table id). */
export const SHEET_NAMES: Readonly<Record<Lang, Readonly<Record<TableId, string>>>> = {
  vi: { summary: "Tổng hợp", waves: "Các đợt", systems: "Hệ thống", servers: "Máy chủ", decommission: "Lịch thanh lý", risks: "Rủi ro" },
  en: { summary: "Summary", waves: "Waves", systems: "Systems", servers: "Servers", decommission: "Decommission", risks: "Risks" },
};

/** Name of the hidden sheet that lists every sheet's machine name and columns. */
export const META_SHEET = "_meta";

/** Renders the planner's workbook of a plan (all six sheets). */
export async function renderXlsx(input: ExportInput): Promise<Uint8Array> {
  const L = labels(input.lang);
  return tablesToXlsx(planTables(input), { lang: input.lang, date: input.plan.asOf, title: L.docTitle });
}

/** Options of tablesToXlsx. */
export interface XlsxOptions {
  readonly lang: Lang;
  /** ISO date stamped as the workbook's created/modified date and on every zip entry (the plan's asOf). */
  readonly date: string;
  /** Workbook title (document property and page header). */
  readonly title: string;
  /** Sheet name per table [SHEET_NAMES by table id, else the table's title]. */
  readonly sheetName?: (table: Table) => string;
  /** Lines of a title block above a table's header (the first in large bold type) [none]. */
  readonly titleBlock?: (table: Table) => readonly string[] | undefined;
}

// ---- styles: one object per kind of cell, shared by every cell of that kind
const FONT = { name: "Calibri", size: 10 };
const THIN = { style: "thin" as const, color: { argb: "FFCBD5E1" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
type Kind = "text" | "wrap" | "int" | "number" | "percent" | "date" | "bool";

function styles(dateFmt: string) {
  const body = (numFmt: string | undefined, alignment: Partial<ExcelJS.Alignment>): Partial<ExcelJS.Style> => ({
    font: FONT,
    border: BORDER,
    alignment,
    ...(numFmt ? { numFmt } : {}),
  });
  const top = { vertical: "top" as const };
  const cells: Record<Kind, Partial<ExcelJS.Style>> = {
    text: body(undefined, top),
    wrap: body(undefined, { vertical: "top", wrapText: true }),
    int: body("#,##0", { vertical: "top", horizontal: "right" }),
    number: body("#,##0.0", { vertical: "top", horizontal: "right" }),
    percent: body("0%", { vertical: "top", horizontal: "right" }),
    date: body(dateFmt, { vertical: "top", horizontal: "left" }),
    bool: body(undefined, { vertical: "top", horizontal: "center" }),
  };
  return {
    cells,
    header: {
      font: { ...FONT, bold: true, color: { argb: "FFFFFFFF" } },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF0F2E55" } },
      border: BORDER,
      alignment: { vertical: "middle", wrapText: true },
    } as Partial<ExcelJS.Style>,
    title: { font: { name: "Calibri", size: 14, bold: true, color: { argb: "FF0F2E55" } }, alignment: { vertical: "middle" } } as Partial<ExcelJS.Style>,
    subtitle: { font: { ...FONT, italic: true, color: { argb: "FF475569" } }, alignment: { vertical: "top", wrapText: true } } as Partial<ExcelJS.Style>,
  };
}

/** Widest a column may be (characters); longer text wraps. */
const MAX_WIDTH = 90;
/** Text columns at least this wide wrap their text (narrower ones hold short codes). */
const WRAP_FROM = 10;
/** Smallest print scale that stays readable, %. */
const MIN_SCALE = 60;
/** Printable width of A4 landscape with the margins below, in pixels at 96 dpi (297 mm − 2 × 0.4 in). */
const PRINTABLE_PX = ((297 - 2 * 0.4 * 25.4) / 25.4) * 96;

/** Width of a column in pixels as Excel lays it out (7 px per character of the default font, plus padding). */
const columnPx = (width: number): number => Math.round(width * 7 + 5);

/** Characters of 10-point Calibri (Carlito) text per unit of column width, on average (a width unit is one digit of 11-point). */
const CHARS_PER_WIDTH = 1.25;
/** Points per line of wrapped 10-point text. */
const LINE_PT = 13;

/**
 * Height (points) a row needs for its wrapped cells, estimated from the text length against the
 * column width (about one character per width unit, a little conservative for 10-point text);
 * 0 when no cell needs more than `minLines` lines (the default height is kept).
 */
function rowHeight(values: readonly CellValue[], columns: readonly { width: number; kind: Kind }[], minLines: number): number {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "string" || (columns[i].kind !== "wrap" && minLines === 0)) continue;
    const perLine = Math.max(4, Math.floor(columns[i].width * CHARS_PER_WIDTH) - 1);
    let n = 0;
    for (const part of v.split("\n")) n += Math.max(1, Math.ceil(part.length / perLine));
    if (n > lines) lines = n;
  }
  if (lines <= Math.max(1, minLines) && minLines === 0) return 0;
  return Math.min(409, lines * LINE_PT + 3);
}

/** What a column prints like: its width and whether its text wraps. */
function layout(c: Column): { width: number; kind: Kind } {
  const width = Math.min(MAX_WIDTH, Math.max(6, c.width));
  if (c.type === "text" || c.type === "mixed") return { width, kind: width >= WRAP_FROM ? "wrap" : "text" };
  return { width, kind: c.type };
}

/** Number of leading columns that identify a row (repeated on every page across, frozen): up to the first column people read. */
export function keyColumns(table: Table): number {
  const first = table.columns.findIndex((c) => !c.technical);
  return Math.max(1, Math.min(table.columns.length, first + 1));
}

/** How a sheet prints: fitted to one page wide when that keeps ≥ MIN_SCALE %, otherwise at MIN_SCALE % with the key columns repeated. */
export function printFit(table: Table): { fitToWidth: boolean; scale: number } {
  const px = table.columns.reduce((n, c) => n + columnPx(layout(c).width), 0);
  const scale = Math.floor((PRINTABLE_PX / px) * 100);
  return scale >= MIN_SCALE ? { fitToWidth: true, scale: Math.min(100, scale) } : { fitToWidth: false, scale: MIN_SCALE };
}

/** Writes typed tables as one workbook, one sheet per table, plus the hidden `_meta` sheet; deterministic for a given `date`. */
export async function tablesToXlsx(tables: readonly Table[], opts: XlsxOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const when = utcDate(opts.date);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = "dcplan";
  wb.lastModifiedBy = "dcplan";
  wb.created = when;
  wb.modified = when;
  (wb as unknown as { title: string }).title = nfc(opts.title);
  const L = labels(opts.lang);
  const S = styles(opts.lang === "vi" ? "dd/mm/yyyy" : "yyyy-mm-dd");
  const used = new Set<string>();
  const meta: CellValue[][] = [];

  for (const table of tables) {
    const name = uniqueSheetName(opts.sheetName?.(table) ?? SHEET_NAMES[opts.lang][table.id as TableId] ?? table.title, used);
    const block = opts.titleBlock?.(table) ?? [];
    const headerRow = block.length > 0 ? block.length + 2 : 1;
    const columns = table.columns.map(layout);
    const keys = keyColumns(table);
    const fit = printFit(table);
    const ws = wb.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: fit.fitToWidth ? 0 : keys, ySplit: headerRow }],
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        ...(fit.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { scale: fit.scale, printTitlesColumn: `A:${colLetter(keys)}`, pageOrder: "overThenDown" as const }),
        printTitlesRow: `${headerRow}:${headerRow}`,
        horizontalCentered: false,
      },
      headerFooter: {
        oddHeader: `&L${headerText(opts.title)}&R${headerText(name)}`,
        oddFooter: `&L${headerText(`${L.generator} dcplan · ${L.asOf} ${formatDate(opts.date, opts.lang)}`)}&R${headerText(L.page)} &P/&N`,
      },
    });
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
    ws.columns = columns.map((c) => ({ width: c.width }));
    // Title block (report sheets): title, then the other lines, merged across the table's width.
    block.forEach((line, i) => {
      const row = ws.getRow(i + 1);
      const cell = row.getCell(1);
      cell.value = nfc(line);
      cell.style = i === 0 ? S.title : S.subtitle;
      if (i === 0) row.height = 22;
      else row.height = Math.min(60, 14 * Math.max(1, Math.ceil(line.length / Math.max(40, columns.reduce((n, c) => n + c.width, 0)))));
      if (table.columns.length > 1) ws.mergeCells(i + 1, 1, i + 1, table.columns.length);
      row.commit();
    });
    const header = ws.getRow(headerRow);
    table.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = nfc(c.header);
      cell.style = S.header;
    });
    header.height = rowHeight(table.columns.map((c) => c.header), columns, 1);
    header.commit();
    for (let r = 0; r < table.rows.length; r++) {
      const values = table.rows[r];
      const row = ws.getRow(headerRow + 1 + r);
      // Wrapped text needs its row tall enough: LibreOffice and Excel keep a written height.
      const height = rowHeight(values, columns, 0);
      if (height > 0) row.height = height;
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        const col = table.columns[i];
        const type = col.type === "mixed" ? (table.rowTypes?.[r] ?? "text") : col.type;
        const cell = row.getCell(i + 1);
        const kind = cellKind(type, columns[i].kind);
        if (value === null || value === "") {
          // an empty cell keeps the grid
          cell.style = S.cells[kind];
          continue;
        }
        if (typeof value === "boolean") {
          cell.value = value ? L.yes : L.no;
          cell.style = S.cells.bool;
        } else if (typeof value === "number") {
          cell.value = value;
          cell.style = S.cells[type === "percent" ? "percent" : type === "int" || Number.isInteger(value) ? "int" : "number"];
        } else if (type === "date" && ISO_DATE.test(value)) {
          cell.value = utcDate(value);
          cell.style = S.cells.date;
        } else {
          cell.value = nfc(value);
          cell.style = S.cells[kind === "wrap" ? "wrap" : "text"];
        }
      }
      row.commit();
    }
    wb.definedNames.add(`'${name.replace(/'/g, "''")}'!$A$${headerRow}`, definedName(table.id));
    table.columns.forEach((c, i) => meta.push([name, table.id, headerRow, i + 1, c.key, nfc(c.header), c.type, c.technical ? "yes" : "no"]));
    ws.commit();
  }

  // The machine names: one row per column of every sheet (docs/exports.md, "Machine names").
  const metaSheet = wb.addWorksheet(META_SHEET, { state: "hidden" });
  metaSheet.columns = META_COLUMNS.map((key) => ({ width: key === "header" ? 40 : 16 }));
  const metaHeader = metaSheet.getRow(1);
  META_COLUMNS.forEach((key, i) => (metaHeader.getCell(i + 1).value = key));
  metaHeader.commit();
  meta.forEach((values, r) => {
    const row = metaSheet.getRow(r + 2);
    values.forEach((v, i) => (row.getCell(i + 1).value = v));
    row.commit();
  });
  metaSheet.commit();

  await wb.commit();
  return fixZipTimestamps(new Uint8Array(Buffer.concat(chunks)), opts.date);
}

/** Columns of the `_meta` sheet. */
export const META_COLUMNS = ["sheet", "name", "header-row", "column", "key", "header", "type", "technical"] as const;

/** The workbook-level defined name of a table's sheet: `dcplan_<id>` with `-` as `_`. */
export function definedName(tableId: string): string {
  return `dcplan_${tableId.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cellKind(type: Exclude<ColumnType, "mixed">, columnKind: Kind): Kind {
  return type === "text" ? columnKind : type;
}

/** A Date at UTC midnight of an ISO date (exceljs writes Dates as UTC serials). */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function nfc(s: string): string {
  return s.normalize("NFC");
}

/** Text for a page header or footer: `&` doubled (it starts a code there). */
function headerText(s: string): string {
  return nfc(s).replace(/&/g, "&&");
}

/** Column letter of a 1-based column number. */
function colLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// Excel forbids : \ / ? * [ ] in sheet names, limits them to 31 characters and compares them case-insensitively.
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = nfc(wanted).replace(/[:\\/?*[\]]/g, " ").replace(/^'+|'+$/g, "").slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(name.toLowerCase());
  return name;
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
