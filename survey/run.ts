// The shells of `dcplan survey`: `template` writes the form (for one unit or blank); `import DIR`
// reads every returned form in DIR (*.xlsx), checks them all — every problem of every form in one
// run, a unit that returned two forms — and only then writes the aggregate as XLSX and as a
// one-file HTML summary (tong-hop-khao-sat.xlsx / .html), both or neither. The communes and wards
// surveyed are the inventory's agencies of kind commune and ward.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Finding, ImportError, UsageError } from "../common/errors.js";
import { type Io, writeFileAtomic } from "../common/io.js";
import { writeAll } from "../inventory/import/run.js";
import type { Inventory } from "../inventory/schema.js";
import { aggregateSurvey, type SurveySummary } from "./aggregate.js";
import type { SurveyUnit } from "./form.js";
import { readSurveyForm } from "./read.js";
import { renderSurveyHtml } from "./report-html.js";
import { renderSurveyXlsx } from "./report-xlsx.js";
import { surveyTables } from "./report-tables.js";
import { renderSurveyForm } from "./template.js";
import type { SurveyResponse } from "./types.js";

/** Base name of the aggregate files. */
export const SUMMARY_NAME = "tong-hop-khao-sat";

/** The communes and wards of an inventory, sorted by name. */
export function surveyUnits(inventory: Pick<Inventory, "agencies">): SurveyUnit[] {
  return inventory.agencies
    .filter((a) => a.kind === "commune" || a.kind === "ward")
    .map((a) => ({ id: a.id, name: a.name, kind: a.kind as SurveyUnit["kind"] }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi") || (a.id < b.id ? -1 : 1));
}

/** Writes the form to `out`, addressed to `unitId` when given. */
export async function surveyTemplate(units: readonly SurveyUnit[], out: string, date: string, unitId: string | undefined, io: Io): Promise<void> {
  const unit = unitId !== undefined ? units.find((u) => u.id === unitId) : undefined;
  if (unitId !== undefined && !unit) throw new UsageError(`--unit ${unitId}: not a commune or ward of the inventory (${units.length} are)`);
  writeFileAtomic(out, await renderSurveyForm({ units, unit, date }));
  io.stdout(`wrote ${out}: the IT-support survey form${unit ? ` for ${unit.name}` : ""} (sheets Hướng dẫn, Thông tin đơn vị, Nhân lực CNTT, Khối lượng công việc, Khó khăn, vướng mắc, Nhu cầu hỗ trợ); ${units.length} communes and wards in its list\n`);
}

/** The .xlsx files of `dir`, sorted (Excel's lock files `~$…` and hidden files left out). */
export function formFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a directory of returned forms`);
    names = readdirSync(dir);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read the directory of returned forms ${dir}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : (err as Error).message}`);
  }
  return names.filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$") && !n.startsWith(".")).sort().map((n) => join(dir, n));
}

/** Reads, checks and aggregates the forms of `dir`; writes the XLSX and HTML into `out`. Throws ImportError with every problem. */
export async function surveyImport(units: readonly SurveyUnit[], dir: string, out: string, date: string, io: Io): Promise<SurveySummary> {
  const files = formFiles(dir);
  if (files.length === 0) throw new UsageError(`no returned forms (*.xlsx) in ${dir}`);
  const findings: Finding[] = [];
  const responses: SurveyResponse[] = [];
  for (const f of files) {
    const r = await readSurveyForm(f, units);
    findings.push(...r.findings);
    if (r.response) responses.push(r.response);
  }
  const byUnit = new Map<string, string[]>();
  for (const r of responses) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r.file ?? "?"]);
  for (const [unit, fs] of byUnit) {
    if (fs.length > 1) for (const f of fs) findings.push({ severity: "error", rule: "duplicate-form", file: `${f}:Thông tin đơn vị!B2`, entity: unit, message: `${fs.length} forms for this unit (${fs.map((x) => x.split(/[\\/]/).pop()).join(", ")}): keep one` });
  }
  if (findings.length > 0) throw new ImportError(findings, "survey forms");
  const summary = aggregateSurvey(units, responses, date);
  const xlsx = await renderSurveyXlsx(surveyTables(summary), date, "Tổng hợp khảo sát nhu cầu hỗ trợ kỹ thuật CNTT cấp xã");
  writeAll([
    { path: join(out, `${SUMMARY_NAME}.xlsx`), text: xlsx },
    { path: join(out, `${SUMMARY_NAME}.html`), text: renderSurveyHtml(summary) },
  ]);
  const t = summary.totals;
  io.stdout(
    `${summary.returned}/${summary.expected} communes and wards returned the form${summary.missing.length > 0 ? `; missing: ${summary.missing.map((u) => u.name).join(", ")}` : ""}\n` +
      `IT staff ${t.staff} (${t.fullTime} full-time), ${t.unitsWithoutFullTime} units without full-time IT staff; workload ${t.hoursPerDay} hours a day, ${t.fteGap} people short; ${t.problems} problems (${t.severe} severe); support asked: ${t.people} people, ${t.personMonths} person-months\n` +
      `wrote ${join(out, `${SUMMARY_NAME}.xlsx`)} and ${join(out, `${SUMMARY_NAME}.html`)}\n`,
  );
  return summary;
}
