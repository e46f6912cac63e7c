// Reads one returned survey form and checks every cell against the form (survey/form.ts): the
// unit must be one of the communes and wards surveyed, required fields filled, numbers whole or in
// range, dates real, choices from the lists, the workload's task column untouched. Fields and
// columns are found by their label, so moved columns still read. Every problem names its cell
// (`phieu.xlsx:Nhân lực CNTT!D5`); a form with any problem gives no response.
import { readFileSync } from "node:fs";
import type { Finding } from "../common/errors.js";
import { cellDate, cellNumber, cellText, type Converted } from "../inventory/import/cells.js";
import { normaliseHeader } from "../inventory/import/columns.js";
import { type Cell, cellPlace, readXlsxRows, zipEntryText } from "../inventory/import/xlsx-read.js";
import { PROBLEM_FIELDS, SAMPLE_KEYWORD, STAFF_FIELDS, SUPPORT_FIELDS, SURVEY_EXAMPLE, SURVEY_SHEET, type SurveyField, type SurveyUnit, TASKS, UNIT_FIELDS, WORKLOAD_FIELDS } from "./form.js";
import type { SurveyResponse } from "./types.js";

/** The result of reading one form. */
export interface ReadForm {
  readonly response?: SurveyResponse;
  readonly findings: Finding[];
}

const DATA_SHEETS = [SURVEY_SHEET.unit, SURVEY_SHEET.staff, SURVEY_SHEET.workload, SURVEY_SHEET.problems, SURVEY_SHEET.support] as const;

const label = (text: string): string => normaliseHeader(text.replace(/\s*\*\s*$/, ""));

/** Converts one cell by its field type; `units` resolves the unit field. */
function convert(f: SurveyField, cell: Cell, units: ReadonlyMap<string, SurveyUnit>): Converted<unknown> {
  const t = f.type;
  switch (t.kind) {
    case "text":
      return { ok: true, value: cellText(cell) };
    case "int":
      return cellNumber(cell, { int: true, min: t.min, max: t.max });
    case "number":
      return cellNumber(cell, { min: t.min, max: t.max });
    case "date":
      return cellDate(cell);
    case "choice": {
      const v = cellText(cell);
      if (v === undefined) return { ok: true, value: undefined };
      const hit = t.choices.find((c) => c.toLocaleLowerCase("vi") === v.toLocaleLowerCase("vi"));
      return hit !== undefined ? { ok: true, value: hit } : { ok: false, message: `${JSON.stringify(v)} is not in the list; choose one of ${t.choices.map((c) => JSON.stringify(c)).join(", ")}` };
    }
    case "unit": {
      const v = cellText(cell);
      if (v === undefined) return { ok: true, value: undefined };
      const id = /\(([a-z0-9-]+)\)\s*$/.exec(v)?.[1] ?? v;
      if (units.has(id)) return { ok: true, value: id };
      const byName = [...units.values()].find((u) => u.name.toLocaleLowerCase("vi") === v.toLocaleLowerCase("vi"));
      return byName ? { ok: true, value: byName.id } : { ok: false, message: `unknown commune or ward ${JSON.stringify(v)}: choose it from the drop-down list` };
    }
  }
}

/** Reads and checks one form (see file header). */
export async function readSurveyForm(file: string, units: readonly SurveyUnit[]): Promise<ReadForm> {
  const findings: Finding[] = [];
  const byUnit = new Map(units.map((u) => [u.id, u]));
  const rows = new Map<string, { row: number; cells: readonly Cell[] }[]>();
  const read = await readXlsxRows(
    file,
    (s) => (DATA_SHEETS as readonly string[]).includes(s.normalize("NFC")),
    (sheet, row, cells) => {
      const name = sheet.normalize("NFC");
      const list = rows.get(name);
      if (list) list.push({ row, cells });
      else rows.set(name, [{ row, cells }]);
    },
  );
  if (read.findings.length > 0) return { findings: read.findings };
  const present = new Set(read.sheets.map((s) => s.normalize("NFC")));
  for (const s of DATA_SHEETS) if (!present.has(s)) findings.push({ severity: "error", rule: "missing-sheet", file, message: `missing sheet "${s}": keep every sheet of the form (dcplan survey template writes a fresh one)` });
  if (findings.length > 0) return { findings };

  let unitId: string | undefined;
  const fail = (sheet: string, row: number, col: number, field: string, message: string) =>
    findings.push({ severity: "error", rule: "invalid-cell", file: cellPlace(file, sheet, row, col), entity: unitId, path: [field], message });
  const take = (sheet: string, row: number, col: number, f: SurveyField, cell: Cell): unknown => {
    const r = convert(f, cell, byUnit);
    if (!r.ok) {
      fail(sheet, row, col, f.label, r.message);
      return undefined;
    }
    if (r.value === undefined && f.required) fail(sheet, row, col, f.label, "is required");
    return r.value;
  };

  // The unit sheet: one field per row, found by its label in column A, its value in column B.
  const unitRows = rows.get(SURVEY_SHEET.unit) ?? [];
  const byLabel = new Map(unitRows.map((r) => [label(cellText(r.cells[1] ?? null) ?? ""), r]));
  const unit: Record<string, unknown> = {};
  const unitField = UNIT_FIELDS[0];
  const unitRow = byLabel.get(label(unitField.label));
  unitId = unitRow ? (convert(unitField, unitRow.cells[2] ?? null, byUnit) as { value?: string }).value : undefined;
  UNIT_FIELDS.forEach((f, i) => {
    const r = byLabel.get(label(f.label));
    const row = r?.row ?? i + 2;
    unit[f.key] = take(SURVEY_SHEET.unit, row, 2, f, r?.cells[2] ?? null);
  });

  const table = <T>(sheet: string, fields: readonly SurveyField[]): T[] => {
    const all = rows.get(sheet) ?? [];
    const head = all[0];
    const col = new Map<string, number>();
    head?.cells.forEach((c, i) => {
      const t = cellText(c);
      const f = t === undefined ? undefined : fields.find((x) => label(x.label) === label(t));
      if (f && !col.has(f.key)) col.set(f.key, i);
    });
    for (const f of fields) if (f.required && !col.has(f.key)) findings.push({ severity: "error", rule: "missing-column", file: cellPlace(file, sheet, head?.row ?? 1), entity: unitId, message: `missing column "${f.label}" (keep the form's header row)` });
    const out: T[] = [];
    for (const r of all.slice(1)) {
      if (cellText(r.cells[1] ?? null) === SURVEY_EXAMPLE) continue;
      if (fields.every((f) => col.get(f.key) === undefined || cellText(r.cells[col.get(f.key)!] ?? null) === undefined)) continue; // only a row number
      const rec: Record<string, unknown> = {};
      for (const f of fields) {
        const c = col.get(f.key);
        if (c === undefined) continue;
        const v = take(sheet, r.row, c, f, r.cells[c] ?? null);
        if (v !== undefined) rec[f.key] = v;
      }
      out.push(rec as T);
    }
    return out;
  };

  const staff = table<SurveyResponse["staff"][number]>(SURVEY_SHEET.staff, STAFF_FIELDS);
  const problems = table<SurveyResponse["problems"][number]>(SURVEY_SHEET.problems, PROBLEM_FIELDS);
  const support = table<SurveyResponse["support"][number]>(SURVEY_SHEET.support, SUPPORT_FIELDS);

  // The workload sheet: the tasks of the form in column A, figures beside them.
  const wl = rows.get(SURVEY_SHEET.workload) ?? [];
  const wcol = new Map<string, number>();
  wl[0]?.cells.forEach((c, i) => {
    const t = cellText(c);
    const f = t === undefined ? undefined : WORKLOAD_FIELDS.find((x) => label(x.label) === label(t));
    if (f && !wcol.has(f.key)) wcol.set(f.key, i);
  });
  const workload: SurveyResponse["workload"][number][] = [];
  for (const r of wl.slice(1)) {
    const task = cellText(r.cells[1] ?? null);
    if (task === undefined) continue;
    if (!(TASKS as readonly string[]).includes(task)) {
      fail(SURVEY_SHEET.workload, r.row, 1, "Công việc", `${JSON.stringify(task)} is not a task of the form: do not change column A`);
      continue;
    }
    const rec: Record<string, unknown> = { task };
    for (const f of WORKLOAD_FIELDS) {
      const c = wcol.get(f.key);
      if (c === undefined) continue;
      const v = take(SURVEY_SHEET.workload, r.row, c, f, r.cells[c] ?? null);
      if (v !== undefined) rec[f.key] = v;
    }
    workload.push(rec as unknown as SurveyResponse["workload"][number]);
  }

  if (findings.length > 0) return { findings };
  let sample = false;
  try {
    sample = (zipEntryText(readFileSync(file), "docProps/core.xml") ?? "").includes(SAMPLE_KEYWORD);
  } catch {
    sample = false;
  }
  const response = { file, sample, ...unit, staff, workload, problems, support } as unknown as SurveyResponse;
  return { response, findings };
}
