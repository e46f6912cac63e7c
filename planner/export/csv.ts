// CSV for spreadsheets and scripts: one file per table (summary, waves, systems, servers,
// decommission, risks), UTF-8 with a byte-order mark so Excel shows Vietnamese correctly, CRLF line
// ends. Dates stay ISO `YYYY-MM-DD` and numbers plain (dot decimal, no grouping) so any locale's
// spreadsheet and any script reads them the same way; headers follow the language.
//
// Safe to open: fields are quoted per RFC 4180 (a field holding a comma, a quote, CR or LF is
// quoted, quotes doubled, so a name with a line break keeps its row), and a text field a
// spreadsheet would run as a formula — one starting with `=`, `+`, `-`, `@`, a tab or a carriage
// return — gets a leading apostrophe (OWASP, "CSV Injection"). Number, date and yes/no cells are
// written by dcplan, not taken from the inventory, and stay as they are.
import { costTables } from "./cost-section.js";
import { type Lang, labels } from "./i18n.js";
import { nfc } from "./nfc.js";
import { type CellValue, type ExportInput, planTables, type Table } from "./tables.js";

/** One output file: a name relative to the output directory and its content. */
export interface OutputFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** Renders every table of the plan as a CSV file (`summary.csv`, `waves.csv`, …). */
export function renderCsv(input: ExportInput): OutputFile[] {
  return [...planTables(input), ...costTables(input)].map((t) => ({ name: `${t.id}.csv`, content: tableCsv(t, input.lang) }));
}

/** A text that a spreadsheet would evaluate as a formula, made inert with a leading apostrophe (OWASP). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field per RFC 4180: quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as CSV text (BOM, CRLF, NFC). */
export function tableCsv(table: Table, lang: Lang): string {
  const { yes, no } = labels(lang);
  const cell = (v: CellValue): string => {
    if (v === null) return "";
    if (typeof v === "boolean") return v ? yes : no;
    if (typeof v === "number") return String(v);
    return csvField(neutraliseFormula(nfc(v)));
  };
  const lines = [table.columns.map((c) => csvField(neutraliseFormula(nfc(c.header)))).join(","), ...table.rows.map((r) => r.map(cell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
