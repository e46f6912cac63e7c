// What every workbook dcplan writes for people to fill in or read shares: a new exceljs workbook
// stamped with a given date instead of the clock (with fixZipTimestamps, the same input gives the
// same bytes), a named font on every styled cell (a font without a name makes LibreOffice fall
// back to a serif face), and data validation added once per column range (exceljs' cell-by-cell
// validations write overlapping ranges).
import ExcelJS from "exceljs";

/** The font of every cell dcplan styles (name and size always given). */
export const FONT = { name: "Calibri", size: 11 } as const;

/** A workbook whose properties carry `date` (ISO) and `title`, created by dcplan. */
export function newWorkbook(title: string, date: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const when = new Date(`${date}T00:00:00Z`);
  wb.creator = "dcplan";
  wb.lastModifiedBy = "dcplan";
  wb.created = when;
  wb.modified = when;
  wb.title = title;
  return wb;
}

/** Adds one validation for a whole range such as `B2:B502` (nothing when `v` is undefined). */
export function addRangeValidation(ws: ExcelJS.Worksheet, range: string, v: ExcelJS.DataValidation | undefined): void {
  if (v) (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, v);
}
