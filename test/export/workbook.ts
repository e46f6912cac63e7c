// Reading dcplan's workbooks the way a script would: a sheet by its stable machine name (the
// workbook-level defined name `dcplan_<name>` on its first header cell), whatever the language.
import ExcelJS from "exceljs";

/** Loads workbook bytes. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The sheet whose machine name is `name` (via the defined name `dcplan_<name>`); throws when there is none. */
export function sheetNamed(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ranges = wb.definedNames.getRanges(`dcplan_${name.replace(/-/g, "_")}`).ranges;
  const sheet = /^'?(.*?)'?!/.exec(ranges[0] ?? "")?.[1]?.replace(/''/g, "'");
  const ws = sheet === undefined ? undefined : wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet named ${name} (defined names: ${JSON.stringify(ranges)})`);
  return ws;
}
