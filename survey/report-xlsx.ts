// The survey aggregate as an XLSX workbook for the province's analysts: one sheet per table of
// report-tables.ts (Vietnamese sheet names and headers), header rows tall enough for their wrapped
// text (spreadsheet programs do not grow them), frozen, with autofilter; number cells as numbers,
// dates as dates (dd/mm/yyyy); printed on A4 landscape one page wide. Deterministic for a date.
import type { Table } from "../planner/export/tables.js";
import { FONT, newWorkbook } from "../inventory/import/xlsx-book.js";
import { fixZipTimestamps } from "../planner/export/xlsx.js";

const HEADER_FILL = "FF0F2E55";

/** The workbook's bytes. */
export async function renderSurveyXlsx(tables: readonly Table[], date: string, title: string): Promise<Uint8Array> {
  const wb = newWorkbook(title, date);
  for (const t of tables) {
    const ws = wb.addWorksheet(t.title.slice(0, 31), { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    const header = ws.getRow(1);
    header.font = { ...FONT, bold: true, color: { argb: "FFFFFFFF" } };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    // Lines the longest header needs at its column's width, 15 points a line.
    const lines = Math.max(1, ...t.columns.map((c) => Math.ceil((c.header.length * 1.3) / Math.max(4, c.width - 1))));
    header.height = 15 * lines + 4;
    t.rows.forEach((row, r) => {
      const wsRow = ws.getRow(r + 2);
      row.forEach((v, i) => {
        const cell = wsRow.getCell(i + 1);
        const type = t.columns[i].type;
        if (v === null || v === "") return;
        if (type === "date" && typeof v === "string") {
          cell.value = new Date(`${v}T00:00:00Z`);
          cell.numFmt = "dd/mm/yyyy";
        } else if (typeof v === "number") {
          cell.value = v;
          cell.numFmt = Number.isInteger(v) ? "#,##0" : "#,##0.0";
        } else cell.value = typeof v === "string" ? v.normalize("NFC") : String(v);
        cell.alignment = type === "text" ? { wrapText: true, vertical: "top" } : { vertical: "top" };
      });
      // Rows with wrapped text get their height set: not every program grows a row to fit.
      const rowLines = Math.max(1, ...row.map((v, i) => (typeof v === "string" && t.columns[i].type === "text" ? Math.ceil((v.length * 1.1) / Math.max(4, t.columns[i].width - 1)) : 1)));
      if (rowLines > 1) wsRow.height = 15 * rowLines;
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
    ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };
  }
  return fixZipTimestamps(new Uint8Array(await wb.xlsx.writeBuffer()), date);
}
