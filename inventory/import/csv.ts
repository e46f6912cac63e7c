// Reads a CSV file as text and rows (RFC 4180: quoted fields, doubled quotes, line breaks inside
// quotes). The bytes must be UTF-8 (a byte-order mark is fine) or UTF-16 with its mark (Excel's
// "Unicode text"); anything else — a file saved in Windows-1258 or another code page — is refused at
// the first byte that is not UTF-8, since guessing would corrupt Vietnamese names. The separator is
// the one the header line uses most: comma, semicolon (Excel where the decimal mark is a comma) or
// tab. Every row keeps its line and each field its column, for messages.
import { readFileSync } from "node:fs";
import type { Finding } from "../../common/errors.js";

/** One field and where it starts (1-based line and column). */
export interface CsvField {
  readonly value: string;
  readonly line: number;
  readonly col: number;
}

/** A parsed CSV file. */
export interface CsvTable {
  readonly header: readonly CsvField[];
  readonly rows: readonly (readonly CsvField[])[];
  readonly separator: string;
}

/** Decodes CSV bytes (see file header); a finding names the first byte that is not UTF-8. */
export function decodeCsv(file: string, bytes: Uint8Array): { text?: string; finding?: Finding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  if (bad < 0) return { text: new TextDecoder("utf-8").decode(bytes.subarray(start)) };
  const before = new TextDecoder("utf-8").decode(bytes.subarray(start, bad));
  const lines = before.split("\n");
  return {
    finding: {
      severity: "error",
      rule: "wrong-encoding",
      file,
      line: lines.length,
      col: lines[lines.length - 1].length + 1,
      message: `not UTF-8 text (byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, "0")}): the file was saved in another code page (Windows-1258, TCVN3…); save it as "CSV UTF-8 (Comma delimited)"`,
    },
  };
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (i + n >= b.length) return i; // truncated sequence at the end
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Splits CSV text into rows of located fields (see file header). */
export function parseCsvText(text: string): CsvTable {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const [best, count] = [",", ";", "\t"].map((s) => [s, countOutsideQuotes(firstLine, s)] as const).sort((a, b) => b[1] - a[1])[0];
  const separator = count > 0 ? best : ",";
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let col = 1;
  let fieldLine = 1;
  let fieldCol = 1;
  let inQuotes = false;
  const endField = () => {
    row.push({ value: quoted ? field : field.trim(), line: fieldLine, col: fieldCol });
    field = "";
    quoted = false;
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0].value === "")) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          col++;
        } else inQuotes = false;
      } else {
        field += ch;
        if (ch === "\n") {
          line++;
          col = 0;
        }
      }
      col++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      inQuotes = true;
      quoted = true;
      field = "";
      col++;
      continue;
    }
    if (ch === separator) {
      endField();
      col++;
      fieldLine = line;
      fieldCol = col;
      continue;
    }
    if (ch === "\r" && text[i + 1] === "\n") continue;
    if (ch === "\n") {
      endRow();
      line++;
      col = 1;
      fieldLine = line;
      fieldCol = 1;
      continue;
    }
    field += ch;
    col++;
  }
  if (field !== "" || quoted || row.length > 0) endRow();
  const [header = [], ...data] = rows;
  return { header, rows: data, separator };
}

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === sep && !q) n++;
  }
  return n;
}

/** Reads and parses a CSV file; findings for an unreadable file or a wrong encoding. */
export function readCsvFile(file: string): { table?: CsvTable; findings: Finding[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { findings: [{ severity: "error", rule: "unreadable-file", file, message: (err as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read: ${(err as Error).message}` }] };
  }
  const { text, finding } = decodeCsv(file, bytes);
  if (finding || text === undefined) return { findings: finding ? [finding] : [] };
  const table = parseCsvText(text.normalize("NFC"));
  if (table.header.length === 0) return { findings: [{ severity: "error", rule: "empty-csv", file, message: "is empty: a CSV with a header line is expected" }] };
  return { table, findings: [] };
}
