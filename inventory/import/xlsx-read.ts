// Streams the rows of chosen sheets of an XLSX file (Office Open XML SpreadsheetML, ECMA-376 part
// 1 §18.3; the zip container as in PKWARE's APPNOTE). Built for 20,000-VM RVTools workbooks: the
// zip's central directory gives every entry, so the shared-string table (which Excel stores after
// the sheets) is read first, then each wanted sheet is inflated as a stream and scanned row by row
// with plain string search — no DOM, no temporary files, sheets not asked for are never inflated.
// Cell values come out as text, number, boolean, Date or null: a shared or inline string is its
// text (rich-text runs joined), a formula cell its cached value, an error cell (#N/A…) its text.
// Styles are not read, so a date cell arrives as its serial number (cells.ts converts it).
import { readFileSync, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import type { Finding } from "../../common/errors.js";

/** One cell value as the importers see it. */
export type Cell = string | number | boolean | Date | null;

/** Receives each non-empty row of a wanted sheet: `cells[c]` is column c (1-based; index 0 unused). */
export type RowHandler = (sheet: string, row: number, cells: readonly Cell[]) => void;

/** What reading a workbook found besides its rows. */
export interface XlsxRead {
  /** Every sheet name in workbook order. */
  readonly sheets: string[];
  /** Problems reading the file itself (not a workbook, unreadable); empty when it was read. */
  readonly findings: Finding[];
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

class NotXlsx extends Error {}

/** The entries of a zip archive, from its central directory. */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotXlsx("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new NotXlsx("damaged zip directory");
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen).replace(/^\/+/, "");
    out.set(name, { name, method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new NotXlsx("damaged zip entry");
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  return buf.subarray(start, start + e.compressedSize);
}

function readEntry(buf: Buffer, e: ZipEntry): string {
  const data = entryData(buf, e);
  if (e.method === 0) return data.toString("utf8");
  if (e.method === 8) return inflateRawSync(data).toString("utf8");
  throw new NotXlsx(`unsupported zip compression method ${e.method}`);
}

/** The text of one entry of a zip archive (an XLSX part such as `xl/worksheets/sheet2.xml`); undefined when absent. */
export function zipEntryText(zip: Buffer, name: string): string | undefined {
  const e = zipEntries(zip).get(name);
  return e ? readEntry(zip, e) : undefined;
}

/** Decodes XML character references and the five predefined entities. */
export function xmlDecode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? _;
  });
}

/** The text of an `<si>` or `<is>` element: its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
function richText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1] ?? "";
  return xmlDecode(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? "" : richText(m[1]));
  return out;
}

const ATTR = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? xmlDecode(m[1]) : undefined;
}

/** Sheets in workbook order with the zip entry of each. */
function sheetList(entries: Map<string, ZipEntry>, buf: Buffer): { name: string; path: string }[] {
  const wb = entries.get("xl/workbook.xml");
  if (!wb) throw new NotXlsx("no xl/workbook.xml: not an XLSX workbook");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  if (rels) {
    for (const m of readEntry(buf, rels).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
  }
  const out: { name: string; path: string }[] = [];
  let n = 0;
  for (const m of readEntry(buf, wb).matchAll(/<sheet\b[^>]*>/g)) {
    n++;
    const name = attr(m[0], "name") ?? `Sheet${n}`;
    const rid = attr(m[0], "r:id") ?? attr(m[0], "id");
    out.push({ name, path: (rid && targets.get(rid)) ?? `xl/worksheets/sheet${n}.xml` });
  }
  return out;
}

/** Column number of a cell reference (`AB12` → 28). */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return c;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;

function parseRow(rowXml: string, strings: readonly string[]): Cell[] {
  const cells: Cell[] = [null];
  let next = 1;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(rowXml); m; m = CELL.exec(rowXml)) {
    const attrs = m[1];
    const body = m[2];
    const ref = attr(attrs, "r");
    const col = ref !== undefined ? columnOf(ref) : next;
    next = col + 1;
    if (body === undefined) continue;
    const type = attr(attrs, "t") ?? "n";
    let value: Cell = null;
    if (type === "inlineStr") value = richText(body);
    else {
      const v = VALUE.exec(body)?.[1];
      if (v === undefined) continue;
      switch (type) {
        case "s":
          value = strings[Number(v)] ?? null;
          break;
        case "b":
          value = v.trim() === "1";
          break;
        case "str":
        case "e":
          value = xmlDecode(v);
          break;
        case "d":
          value = new Date(v);
          break;
        default: {
          const n = Number(v);
          value = Number.isFinite(n) ? n : xmlDecode(v);
        }
      }
    }
    if (typeof value === "string" && value.trim() === "") value = null;
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  }
  return cells;
}

/** Streams one sheet's XML, calling `onRow` per `<row>` element. */
async function scanSheet(data: Buffer, method: number, onRow: (row: number, xml: string) => void): Promise<void> {
  let carry = "";
  let implicitRow = 0;
  const flush = (text: string, final: boolean): string => {
    let from = 0;
    for (;;) {
      const start = text.indexOf("<row", from);
      if (start < 0) return final ? "" : text.slice(from);
      const after = text.charCodeAt(start + 4);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        from = start + 4;
        continue;
      }
      const openEnd = text.indexOf(">", start);
      if (openEnd < 0) return text.slice(start);
      const open = text.slice(start, openEnd + 1);
      const r = attr(open, "r");
      implicitRow = r !== undefined ? Number(r) : implicitRow + 1;
      if (open.endsWith("/>")) {
        from = openEnd + 1;
        continue;
      }
      const close = text.indexOf("</row>", openEnd);
      if (close < 0) {
        implicitRow = r !== undefined ? implicitRow : implicitRow - 1;
        return text.slice(start);
      }
      onRow(implicitRow, text.slice(openEnd + 1, close));
      from = close + 6;
    }
  };
  if (method === 0) {
    flush(data.toString("utf8"), true);
    return;
  }
  if (method !== 8) throw new NotXlsx(`unsupported zip compression method ${method}`);
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  const decoder = new StringDecoder("utf8");
  const done = (async () => {
    for await (const chunk of inflate) carry = flush(carry + decoder.write(chunk as Buffer), false);
    carry = flush(carry + decoder.end(), true);
  })();
  inflate.end(data);
  await done;
}

/** Normalises a value that may come from exceljs (rich text, formula objects) into a Cell. */
export function normaliseCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text?: string }[]; result?: unknown; error?: string; text?: string; formula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? "").join("");
    if ("result" in v || "formula" in v) return normaliseCell(v.result);
    if (typeof v.error === "string") return v.error;
    if (typeof v.text === "string") return v.text;
  }
  return String(value);
}

/**
 * Reads `file`, calling `onRow` for every non-empty row of every sheet `wanted` accepts, sheet by
 * sheet in workbook order. Never throws for a bad file: problems come back as findings naming it.
 */
export async function readXlsxRows(file: string, wanted: (sheet: string) => boolean, onRow: RowHandler): Promise<XlsxRead> {
  let buf: Buffer;
  try {
    if (statSync(file).isDirectory()) return { sheets: [], findings: [{ severity: "error", rule: "unreadable-file", file, message: "is a directory, not an XLSX workbook" }] };
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { sheets: [], findings: [{ severity: "error", rule: "unreadable-file", file, message: code === "ENOENT" ? "file not found" : `cannot read: ${(err as Error).message}` }] };
  }
  let sheets: { name: string; path: string }[] = [];
  try {
    const entries = zipEntries(buf);
    sheets = sheetList(entries, buf);
    if (sheets.length === 0) throw new NotXlsx("no worksheet in the workbook");
    const ss = entries.get("xl/sharedStrings.xml");
    const strings = sharedStrings(ss ? readEntry(buf, ss) : undefined);
    for (const s of sheets) {
      if (!wanted(s.name)) continue;
      const e = entries.get(s.path);
      if (!e) continue;
      await scanSheet(entryData(buf, e), e.method, (row, xml) => {
        const cells = parseRow(xml, strings);
        if (cells.some((c) => c !== null)) onRow(s.name, row, cells);
      });
    }
  } catch (err) {
    const why = err instanceof NotXlsx ? err.message : (err as Error).message.split("\n")[0];
    return { sheets: sheets.map((s) => s.name), findings: [{ severity: "error", rule: "not-xlsx", file, message: `cannot read as an XLSX workbook (${why}); save it as Excel Workbook (.xlsx)` }] };
  }
  return { sheets: sheets.map((s) => s.name), findings: [] };
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `file:Sheet!C12`, the place of a cell in messages. */
export function cellPlace(file: string, sheet: string, row: number, col?: number): string {
  return `${file}:${sheet}!${col === undefined ? row : `${columnLetter(col)}${row}`}`;
}
