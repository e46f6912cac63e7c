// A minimal streaming SpreadsheetML (XLSX) writer: the parts of ECMA-376 dcplan's workbooks use —
// sheets of typed cells (inline strings, numbers, dates as serial numbers), a fixed table of cell
// styles, column widths, row heights, frozen panes, merged title cells, autofilters, hidden
// sheets, defined names, print titles, page setup and running headers/footers — written row by
// row into a zip of DEFLATE streams. It exists because exceljs, even streaming, spends ~4 µs per
// cell building objects and XML (a 20,000-system workbook took 20 s and 2 GiB); here a cell is a
// string append. Deterministic by construction: the zip's entries are in a fixed order, every
// timestamp is the date given, nothing depends on the clock or the machine.
import { type TransformOptions, Writable } from "node:stream";
import { constants, crc32, createDeflateRaw, type ZlibOptions } from "node:zlib";

/** A cell style of the fixed table (see STYLE_XFS). */
export type CellStyle = "default" | "header" | "text" | "wrap" | "int" | "number" | "percent" | "date" | "bool" | "title" | "subtitle";

const STYLE_INDEX: Readonly<Record<CellStyle, number>> = { default: 0, header: 1, text: 2, wrap: 3, int: 4, number: 5, percent: 6, date: 7, bool: 8, title: 9, subtitle: 10 };

// A cell's markup after its reference, by style, made once: a text cell's up to the opening of its
// text element, a value cell's up to its value, an empty cell's to its end.
const markupByStyle = (make: (index: number) => string): Readonly<Record<CellStyle, string>> =>
  Object.fromEntries(Object.entries(STYLE_INDEX).map(([style, index]) => [style, make(index)])) as Record<CellStyle, string>;
const TEXT_AFTER_REF = markupByStyle((s) => `" s="${s}" t="inlineStr"><is><t`);
const VALUE_AFTER_REF = markupByStyle((s) => `" s="${s}"><v>`);
const EMPTY_AFTER_REF = markupByStyle((s) => `" s="${s}"/>`);

/**
 * Characters of rows a sheet hands its compressor at a time (256 k). The compressor (on Node's
 * thread pool) takes one batch at each turn of the main thread's event loop; with 64 k batches
 * it fell behind at 20,000 systems and the main thread waited for it (0.4–0.5 s in 15–19 waits
 * of a 4 MB backlog), with 256 k batches 0.1–0.2 s in 5–6. The bytes written do not depend on it:
 * a DEFLATE stream's output is the same however its input is cut.
 */
const BATCH_CHARS = 1 << 18;

/** A cell to write: a string, a number, or a date (ISO `YYYY-MM-DD`, written as a serial number), with its style; null leaves only the style. */
export type CellInput = { readonly style: CellStyle } & ({ readonly text: string } | { readonly number: number } | { readonly date: string } | { readonly empty: true });

/** How a sheet prints and shows. */
export interface SheetSetup {
  /** Sheet name as shown (≤ 31 characters, none of : \ / ? * [ ]). */
  readonly name: string;
  readonly hidden?: boolean;
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** Rows and columns frozen at the top-left (0: none). */
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** 1-based row of the table's header (autofilter, print titles); 0: none. */
  readonly headerRow: number;
  /** Columns repeated on every printed page across (1-based count from A; 0: none). */
  readonly repeatColumns: number;
  /** Fit to one page wide, or print at `scale` % over then down. */
  readonly fitToWidth: boolean;
  readonly scale: number;
  /** Running header and footer (Excel header/footer codes; `&` already doubled in text). */
  readonly header?: string;
  readonly footer?: string;
  /** Cells merged across the table's width in these 1-based rows (title block). */
  readonly mergedRows?: readonly number[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** XML text: & < > " escaped and characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  if (!/[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.test(s)) return s;
  return s.replace(/[&<>"]|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : ""));
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Serial numbers of the dates written so far: a plan's cells hold a few thousand distinct dates, over and over. */
const serials = new Map<string, number>();

/** Excel's serial day number of an ISO date (days since 1899-12-30, the 1900 date system). */
export function excelSerial(iso: string): number {
  let n = serials.get(iso);
  if (n === undefined) {
    const [y, m, d] = iso.split("-").map(Number);
    n = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    if (serials.size < 100_000) serials.set(iso, n);
  }
  return n;
}

/** Bytes of the slabs `utf8` encodes into: a batch of sheet text at its longest (3 bytes a character) fits in one. */
const SLAB = 4 * BATCH_CHARS;
let slab = Buffer.allocUnsafe(0);
let slabUsed = 0;

/**
 * `text` as UTF-8 bytes, the same as Buffer.from(text, "utf8"), written in one pass into a slab
 * with room for the longest encoding (3 bytes per UTF-16 unit) instead of measuring the text first:
 * Buffer.from walks a two-byte string twice, and a 20,000-system workbook is 250 MB of such text.
 * Each piece is a view of its slab, never written again: the compressor may still hold it.
 */
export function utf8(text: string): Buffer {
  const room = text.length * 3;
  if (room > SLAB) return Buffer.from(text, "utf8");
  if (slabUsed + room > slab.length) {
    slab = Buffer.allocUnsafe(SLAB);
    slabUsed = 0;
  }
  const n = slab.write(text, slabUsed, "utf8");
  const piece = slab.subarray(slabUsed, slabUsed + n);
  slabUsed += n;
  return piece;
}

/** A sheet being written: rows are appended in order, then the sheet is closed. */
export interface SheetWriter {
  /** Appends the next row (its 1-based number is one more than the last); `height` in points, 0 for the default. */
  row(cells: readonly CellInput[], height?: number): Promise<void>;
}

interface ZipEntry {
  readonly name: string;
  readonly crc: number;
  readonly size: number;
  readonly compressed: number;
  readonly offset: number;
}

/** Writes a workbook as XLSX bytes: `sheet()` each sheet in order, then `finish()`. */
export class XlsxWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private readonly entries: ZipEntry[] = [];
  private readonly sheets: { setup: SheetSetup; rows: number }[] = [];
  private readonly names: { name: string; ref: string }[] = [];
  private readonly dosDate: number;

  constructor(
    /** ISO date stamped on every zip entry and as the document's created/modified date. */
    private readonly date: string,
    /** Document title and creator (core properties). */
    private readonly props: { readonly title: string; readonly creator: string },
    /** Number format of date cells, e.g. `dd/mm/yyyy`. */
    private readonly dateFormat: string,
  ) {
    const [y, m, d] = date.split("-").map(Number);
    this.dosDate = ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d;
  }

  /** A workbook-level defined name, e.g. `dcplan_waves` → `'Các đợt'!$A$1`. */
  defineName(name: string, ref: string): void {
    this.names.push({ name, ref });
  }

  /** Writes one sheet: `fill` appends its rows through the SheetWriter. */
  async sheet(setup: SheetSetup, fill: (w: SheetWriter) => Promise<void>): Promise<void> {
    const index = this.sheets.length + 1;
    const entry = this.openEntry(`xl/worksheets/sheet${index}.xml`);
    const cols = setup.widths.length;
    const lastCol = columnLetters(Math.max(1, cols));
    let head = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
    if (setup.fitToWidth) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    head += "<sheetViews><sheetView workbookViewId=\"0\">";
    if (setup.frozenRows > 0 || setup.frozenColumns > 0) {
      const top = `${columnLetters(setup.frozenColumns + 1)}${setup.frozenRows + 1}`;
      const pane = setup.frozenColumns > 0 && setup.frozenRows > 0 ? "bottomRight" : setup.frozenRows > 0 ? "bottomLeft" : "topRight";
      head += `<pane${setup.frozenColumns > 0 ? ` xSplit="${setup.frozenColumns}"` : ""}${setup.frozenRows > 0 ? ` ySplit="${setup.frozenRows}"` : ""} topLeftCell="${top}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${top}" sqref="${top}"/>`;
    }
    head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
    head += `<cols>${setup.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols><sheetData>`;
    await entry.write(head);
    let rowNo = 0;
    // Each column's letters, made once per sheet rather than for every cell.
    const letters = Array.from({ length: Math.max(cols, 26) }, (_, i) => columnLetters(i + 1));
    const buffer: string[] = [];
    let pending = 0;
    const writer: SheetWriter = {
      row: async (cells, height = 0) => {
        rowNo++;
        const row = String(rowNo);
        let xml = `<row r="${row}"${height > 0 ? ` ht="${height}" customHeight="1"` : ""}>`;
        for (let i = 0; i < cells.length; i++) {
          const c = cells[i];
          // <c r="B12" s="3" …: the column's letters and the row's number, then the style's markup
          const start = `<c r="${i < letters.length ? letters[i] : columnLetters(i + 1)}${row}`;
          const s = c.style;
          if ("text" in c) {
            const t = xmlText(c.text);
            xml += `${start}${TEXT_AFTER_REF[s]}${t !== t.trim() || t.includes("\n") ? ' xml:space="preserve">' : ">"}${t}</t></is></c>`;
          } else if ("number" in c) xml += `${start}${VALUE_AFTER_REF[s]}${c.number}</v></c>`;
          else if ("date" in c) xml += `${start}${VALUE_AFTER_REF[s]}${excelSerial(c.date)}</v></c>`;
          else xml += `${start}${EMPTY_AFTER_REF[s]}`;
        }
        xml += "</row>";
        buffer.push(xml);
        pending += xml.length;
        if (pending >= BATCH_CHARS) {
          await entry.write(buffer.join(""));
          buffer.length = 0;
          pending = 0;
        }
      },
    };
    await fill(writer);
    let tail = `${buffer.join("")}</sheetData>`;
    if (setup.headerRow > 0 && cols > 0) tail += `<autoFilter ref="A${setup.headerRow}:${lastCol}${setup.headerRow}"/>`;
    const merged = (setup.mergedRows ?? []).filter(() => cols > 1);
    if (merged.length > 0) tail += `<mergeCells count="${merged.length}">${merged.map((r) => `<mergeCell ref="A${r}:${lastCol}${r}"/>`).join("")}</mergeCells>`;
    tail += '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
    tail += `<pageSetup paperSize="9" orientation="landscape"${setup.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ` scale="${setup.scale}" pageOrder="overThenDown"`}/>`;
    if (setup.header !== undefined || setup.footer !== undefined) {
      tail += `<headerFooter>${setup.header !== undefined ? `<oddHeader>${xmlText(setup.header)}</oddHeader>` : ""}${setup.footer !== undefined ? `<oddFooter>${xmlText(setup.footer)}</oddFooter>` : ""}</headerFooter>`;
    }
    tail += "</worksheet>";
    await entry.write(tail);
    await entry.close();
    this.sheets.push({ setup, rows: rowNo });
  }

  /** Writes the workbook's other parts and the zip directory; returns the bytes. */
  async finish(): Promise<Uint8Array> {
    const sheets = this.sheets;
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const defined: string[] = [];
    sheets.forEach(({ setup }, i) => {
      const last = columnLetters(Math.max(1, setup.widths.length));
      if (setup.headerRow > 0) defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quoted(setup.name)}!$A$${setup.headerRow}:$${last}$${setup.headerRow}`)}</definedName>`);
      const titles: string[] = [];
      if (setup.repeatColumns > 0 && !setup.fitToWidth) titles.push(`${quoted(setup.name)}!$A:$${columnLetters(setup.repeatColumns)}`);
      if (setup.headerRow > 0) titles.push(`${quoted(setup.name)}!$${setup.headerRow}:$${setup.headerRow}`);
      if (titles.length > 0) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(titles.join(","))}</definedName>`);
    });
    for (const n of this.names) defined.push(`<definedName name="${xmlText(n.name)}">${xmlText(n.ref)}</definedName>`);
    const workbook =
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map(({ setup }, i) => `<sheet name="${xmlText(setup.name)}" sheetId="${i + 1}"${setup.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("") +
      `</sheets>${defined.length > 0 ? `<definedNames>${defined.join("")}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`;
    const rels =
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`;
    const types =
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
    const rootRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
    const stamp = `${this.date}T00:00:00Z`;
    const core = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(this.props.title)}</dc:title><dc:creator>${xmlText(this.props.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(this.props.creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`;
    const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>dcplan</Application></Properties>`;
    for (const [name, xml] of [
      ["xl/workbook.xml", workbook],
      ["xl/_rels/workbook.xml.rels", rels],
      ["xl/styles.xml", this.styles()],
      ["docProps/core.xml", core],
      ["docProps/app.xml", app],
      ["_rels/.rels", rootRels],
      ["[Content_Types].xml", types],
    ] as const) {
      const e = this.openEntry(name);
      await e.write(xml);
      await e.close();
    }
    // Central directory and its end record.
    const start = this.length;
    for (const e of this.entries) {
      const name = Buffer.from(e.name, "utf8");
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(0, 12);
      h.writeUInt16LE(this.dosDate, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.push(h);
      this.push(name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.length - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return new Uint8Array(Buffer.concat(this.chunks, this.length));
  }

  private push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }

  /** Starts a zip entry: text written to it is UTF-8 encoded, checksummed and deflated; `close` writes its header. */
  private openEntry(name: string): { write(text: string): Promise<void>; close(): Promise<void> } {
    const headerAt = this.chunks.length;
    const offset = this.length;
    const nameBytes = Buffer.from(name, "utf8");
    this.push(Buffer.alloc(30 + nameBytes.length)); // filled in on close
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const out: Buffer[] = [];
    // Room for 4 MB of text ahead of the compressor (it runs on Node's thread pool): with the
    // stream's default 16 kB every 64 kB of rows waited for the compressor before the next were
    // made, and at 20k systems the main thread stood idle for about a second. The compressor
    // takes a batch (BATCH_CHARS) at each turn of the event loop, and its output space holds a
    // batch's whole output, so each batch costs the main thread one turn.
    const deflate = createDeflateRaw({ level: 3, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY, writableHighWaterMark: 4 << 20, chunkSize: BATCH_CHARS } as ZlibOptions & TransformOptions); // zlib passes stream options on
    const done = new Promise<void>((resolve, reject) => {
      deflate.pipe(
        new Writable({
          write(chunk: Buffer, _enc, next) {
            out.push(chunk);
            compressed += chunk.length;
            next();
          },
          final(next) {
            next();
            resolve();
          },
        }),
      );
      deflate.on("error", reject);
    });
    return {
      write: async (text) => {
        const b = utf8(text);
        crc = crc32(b, crc);
        size += b.length;
        if (!deflate.write(b)) await new Promise<void>((resolve) => deflate.once("drain", () => resolve()));
        // A turn of the event loop, so that the compressor's finished chunk is taken and the next
        // one handed to the thread pool while the rows after this text are made.
        else await new Promise<void>((resolve) => setImmediate(resolve));
      },
      close: async () => {
        deflate.end();
        await done;
        const h = this.chunks[headerAt];
        h.writeUInt32LE(0x04034b50, 0);
        h.writeUInt16LE(20, 4);
        h.writeUInt16LE(0, 6);
        h.writeUInt16LE(8, 8);
        h.writeUInt16LE(0, 10);
        h.writeUInt16LE(this.dosDate, 12);
        h.writeUInt32LE(crc, 14);
        h.writeUInt32LE(compressed, 18);
        h.writeUInt32LE(size, 22);
        h.writeUInt16LE(nameBytes.length, 26);
        h.writeUInt16LE(0, 28);
        nameBytes.copy(h, 30);
        for (const c of out) this.push(c);
        this.entries.push({ name, crc, size, compressed, offset });
      },
    };
  }

  /** The fixed style table: fonts, fills, borders, number formats and the cell formats of STYLE_INDEX. */
  private styles(): string {
    const border = '<border><left style="thin"><color rgb="FFCBD5E1"/></left><right style="thin"><color rgb="FFCBD5E1"/></right><top style="thin"><color rgb="FFCBD5E1"/></top><bottom style="thin"><color rgb="FFCBD5E1"/></bottom><diagonal/></border>';
    const xf = (font: number, fill: number, bdr: number, numFmt: number, align: string) =>
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${bdr}" xfId="0"${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${bdr ? ' applyBorder="1"' : ""}${numFmt ? ' applyNumberFormat="1"' : ""}${align ? ` applyAlignment="1">${align}</xf>` : "/>"}`;
    const top = '<alignment vertical="top"/>';
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      `<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="${xmlText(this.dateFormat)}"/></numFmts>` +
      '<fonts count="5"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><sz val="10"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="10"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><color rgb="FF0F2E55"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="10"/><color rgb="FF475569"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF0F2E55"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="11">` +
      xf(0, 0, 0, 0, "") +
      xf(2, 2, 1, 0, '<alignment vertical="center" wrapText="1"/>') +
      xf(1, 0, 1, 0, top) +
      xf(1, 0, 1, 0, '<alignment vertical="top" wrapText="1"/>') +
      xf(1, 0, 1, 3, '<alignment horizontal="right" vertical="top"/>') +
      xf(1, 0, 1, 164, '<alignment horizontal="right" vertical="top"/>') +
      xf(1, 0, 1, 9, '<alignment horizontal="right" vertical="top"/>') +
      xf(1, 0, 1, 165, '<alignment horizontal="left" vertical="top"/>') +
      xf(1, 0, 1, 0, '<alignment horizontal="center" vertical="top"/>') +
      xf(3, 0, 0, 0, '<alignment vertical="center"/>') +
      xf(4, 0, 0, 0, '<alignment vertical="top" wrapText="1"/>') +
      "</cellXfs>" +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}
