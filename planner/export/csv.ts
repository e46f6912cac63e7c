// CSV for spreadsheets and scripts: one file per table (summary, waves, systems, servers,
// decommission, risks), UTF-8 with a byte-order mark so Excel shows Vietnamese correctly, CRLF line
// ends, quoting by csv-stringify. Dates stay ISO `YYYY-MM-DD` and numbers plain (dot decimal, no
// grouping) so any locale's spreadsheet and any script reads them the same way; headers follow the
// language.
import { stringify } from "csv-stringify/sync";
import { costTables } from "./cost-section.js";
import { type Lang, labels } from "./i18n.js";
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

/** One table as CSV text (BOM, CRLF, NFC). */
export function tableCsv(table: Table, lang: Lang): string {
  const { yes, no } = labels(lang);
  const cell = (v: CellValue): string => (v === null ? "" : typeof v === "boolean" ? (v ? yes : no) : typeof v === "number" ? String(v) : v.normalize("NFC"));
  return stringify([table.columns.map((c) => c.header.normalize("NFC")), ...table.rows.map((r) => r.map(cell))], {
    bom: true,
    record_delimiter: "windows",
  });
}
