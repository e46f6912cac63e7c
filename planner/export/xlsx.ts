// The XLSX workbooks: the planners' workbook (Summary, Waves, Systems, Servers, Decommission,
// Risks), the per-agency workbooks and the report, written with xlsx-writer.ts. Every sheet has a
// styled header row (frozen, with an autofilter and repeated on every printed page), real date
// cells (serial numbers formatted dd/mm/yyyy) and number cells, long text wrapped in columns of
// sane width with the row heights it needs, and a page setup that prints on A4 landscape: fitted
// to one page wide only when that keeps the text at 60 % or more, otherwise at 60 % with the key
// columns repeated on every page across. Report sheets start with a title block. Sheet names
// follow the language (Vietnamese under `vi`); the stable machine names scripts rely on are kept
// twice: a hidden `_meta` sheet listing every sheet's machine name and columns (key, header,
// technical or not), and a workbook-level defined name `dcplan_<machine name>` on each sheet's
// first header cell (docs/exports.md). The same plan gives the same bytes: nothing depends on the
// clock (every date in the file is the plan's asOf).
import { costTables } from "./cost-section.js";
import { formatDate, type Lang, labels } from "./i18n.js";
import { nfc } from "./nfc.js";
import { type CellInput, type CellStyle, XlsxWriter } from "./xlsx-writer.js";
import { type CellValue, type Column, type ColumnType, type ExportInput, planTables, type Table, type TableId } from "./tables.js";

/** Sheet name of each table of the planners' workbook, per language (the machine name is the table id). */
export const SHEET_NAMES: Readonly<Record<Lang, Readonly<Record<TableId, string>> & Readonly<Record<string, string | undefined>>>> = {
  vi: { summary: "Tổng hợp", waves: "Các đợt", systems: "Hệ thống", servers: "Máy chủ", decommission: "Lịch thanh lý", risks: "Rủi ro", national: "Kết nối quốc gia", roadmap: "Lộ trình", progress: "Tiến độ", "cost-summary": "Kinh phí", "cost-lines": "Chi tiết kinh phí" },
  en: { summary: "Summary", waves: "Waves", systems: "Systems", servers: "Servers", decommission: "Decommission", risks: "Risks", national: "National connections", roadmap: "Roadmap", progress: "Progress", "cost-summary": "Cost", "cost-lines": "Cost lines" },
};

/** Name of the hidden sheet that lists every sheet's machine name and columns. */
export const META_SHEET = "_meta";

/** Renders the planner's workbook of a plan (the plan's tables, then the cost sheets when the plan has a cost). */
export async function renderXlsx(input: ExportInput): Promise<Uint8Array> {
  const L = labels(input.lang);
  return tablesToXlsx([...planTables(input), ...costTables(input)], { lang: input.lang, date: input.plan.asOf, title: L.docTitle });
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

type Kind = "text" | "wrap" | "int" | "number" | "percent" | "date" | "bool";

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
function rowHeight(values: readonly CellValue[], columns: readonly { width: number; kind: Kind; perLine: number }[], minLines: number): number {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "string" || (columns[i].kind !== "wrap" && minLines === 0)) continue;
    const perLine = columns[i].perLine;
    if (v.length <= perLine * lines && v.indexOf("\n") < 0) continue;
    let n = 0;
    for (const part of v.split("\n")) n += Math.max(1, Math.ceil(part.length / perLine));
    if (n > lines) lines = n;
  }
  if (lines <= 1 && minLines === 0) return 0;
  return Math.min(409, lines * LINE_PT + 3);
}

/** What a column prints like: its width and whether its text wraps. */
function layout(c: Column): { width: number; kind: Kind; perLine: number } {
  const width = Math.min(MAX_WIDTH, Math.max(6, c.width));
  const perLine = Math.max(4, Math.floor(width * CHARS_PER_WIDTH) - 1);
  if (c.type === "text" || c.type === "mixed") return { width, kind: width >= WRAP_FROM ? "wrap" : "text", perLine };
  return { width, kind: c.type, perLine };
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
  const L = labels(opts.lang);
  const book = new XlsxWriter(opts.date, { title: nfc(opts.title), creator: "dcplan" }, opts.lang === "vi" ? "dd/mm/yyyy" : "yyyy-mm-dd");
  const used = new Set<string>();
  const meta: CellValue[][] = [];
  const footer = `&L${headerText(`${L.generator} dcplan · ${L.asOf} ${formatDate(opts.date, opts.lang)}`)}&R${headerText(L.page)} &P/&N`;

  for (const table of tables) {
    const name = uniqueSheetName(opts.sheetName?.(table) ?? SHEET_NAMES[opts.lang][table.id as TableId] ?? table.title, used);
    const block = opts.titleBlock?.(table) ?? [];
    const headerRow = block.length > 0 ? block.length + 2 : 1;
    const columns = table.columns.map(layout);
    const keys = keyColumns(table);
    const fit = printFit(table);
    const totalWidth = columns.reduce((n, c) => n + c.width, 0);
    await book.sheet(
      {
        name,
        widths: columns.map((c) => c.width),
        frozenRows: headerRow,
        frozenColumns: fit.fitToWidth ? 0 : keys,
        headerRow,
        repeatColumns: keys,
        fitToWidth: fit.fitToWidth,
        scale: fit.scale,
        header: `&L${headerText(opts.title)}&R${headerText(name)}`,
        footer,
        mergedRows: block.map((_, i) => i + 1),
      },
      async (w) => {
        // Title block (report sheets): the title, then the other lines, merged across the table's width.
        for (let i = 0; i < block.length; i++) {
          const line = nfc(block[i]);
          await w.row([{ style: i === 0 ? "title" : "subtitle", text: line }], i === 0 ? 22 : Math.min(60, 14 * Math.max(1, Math.ceil(line.length / Math.max(40, totalWidth)))));
        }
        if (block.length > 0) await w.row([]);
        await w.row(
          table.columns.map((c) => ({ style: "header" as const, text: nfc(c.header) })),
          rowHeight(table.columns.map((c) => c.header), columns, 1),
        );
        for (let r = 0; r < table.rows.length; r++) {
          const values = table.rows[r];
          const cells: CellInput[] = new Array(values.length);
          for (let i = 0; i < values.length; i++) {
            const value = values[i];
            const col = table.columns[i];
            const type = col.type === "mixed" ? (table.rowTypes?.[r] ?? "text") : col.type;
            const kind = cellKind(type, columns[i].kind);
            if (value === null || value === "") cells[i] = { style: kind, empty: true };
            else if (typeof value === "boolean") cells[i] = { style: "bool", text: value ? L.yes : L.no };
            else if (typeof value === "number") cells[i] = { style: type === "percent" ? "percent" : type === "int" || Number.isInteger(value) ? "int" : "number", number: value };
            else if (type === "date" && ISO_DATE.test(value)) cells[i] = { style: "date", date: value };
            else cells[i] = { style: (kind === "wrap" ? "wrap" : "text") as CellStyle, text: nfc(value) };
          }
          // Wrapped text needs its row tall enough: LibreOffice and Excel keep a written height.
          await w.row(cells, rowHeight(values, columns, 0));
        }
      },
    );
    book.defineName(definedName(table.id), `'${name.replace(/'/g, "''")}'!$A$${headerRow}`);
    table.columns.forEach((c, i) => meta.push([name, table.id, headerRow, i + 1, c.key, nfc(c.header), c.type, c.technical ? "yes" : "no"]));
  }

  // The machine names: one row per column of every sheet (docs/exports.md, "Machine names").
  await book.sheet({ name: META_SHEET, hidden: true, widths: META_COLUMNS.map((k) => (k === "header" ? 40 : 16)), frozenRows: 1, frozenColumns: 0, headerRow: 0, repeatColumns: 0, fitToWidth: true, scale: 100 }, async (w) => {
    await w.row(META_COLUMNS.map((k) => ({ style: "default" as const, text: k })));
    for (const values of meta) await w.row(values.map((v) => (typeof v === "number" ? { style: "default" as const, number: v } : { style: "default" as const, text: String(v) })));
  });
  return book.finish();
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

/** Text for a page header or footer: `&` doubled (it starts a code there). */
function headerText(s: string): string {
  return nfc(s).replace(/&/g, "&&");
}

// Excel forbids : \ / ? * [ ] in sheet names, limits them to 31 characters and compares them case-insensitively.
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = nfc(wanted).replace(/[:\\/?*[\]]/g, " ").replace(/^'+|'+$/g, "").slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

// Workbooks written with exceljs elsewhere (the inventory template, the survey) stamp their zip
// entries with the clock; they rewrite the stamps with this. dcplan's own writer (xlsx-writer.ts)
// writes the plan's date in the first place.
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
