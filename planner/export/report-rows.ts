// The indicator rows of the consolidation report: one table (planner/export/appendix-01.json, or a
// file given with `--indicators`) naming, in print order, each row's number, words in both
// languages, unit and the measure it shows (report-measures.ts). Rows are data so the official
// form of Appendix 01 to letter 5199/BKHCN-CĐSQG can replace them without changing code. A file is
// read, JSON-parsed and checked; every problem is reported with its line and column.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type Finding, ReportRowsError } from "../../common/errors.js";
import { jsonSyntaxError, lineCol, locateJsonPath } from "../read-plan.js";
import BUNDLED from "./appendix-01.json" with { type: "json" };
import { MEASURES } from "./report-measures.js";

/** One indicator row. */
export const IndicatorRow = z.strictObject({
  /** Its number as printed (`1`, `4.1`, `II`…). */
  no: z.string().min(1, { error: "must not be empty" }),
  /** The figure it shows. */
  measure: z.enum(MEASURES, { error: `must be one of ${MEASURES.join(", ")}` }),
  /** Its words in Vietnamese and English. */
  vi: z.string().min(1, { error: "must not be empty" }),
  en: z.string().min(1, { error: "must not be empty" }),
  /** Unit in each language [none]. */
  unitVi: z.string().optional(),
  unitEn: z.string().optional(),
});
export type IndicatorRow = z.infer<typeof IndicatorRow>;

/** A table of indicator rows. */
export const IndicatorRows = z.strictObject({
  /** What the table is, for people editing it. */
  about: z.string().optional(),
  rows: z.array(IndicatorRow).min(1, { error: "must list at least one row" }),
});

/** The bundled rows (appendix-01.json). */
export function bundledRows(): readonly IndicatorRow[] {
  return parseRows(JSON.stringify(BUNDLED), "planner/export/appendix-01.json");
}

/** Reads and checks the rows at `file`; throws ReportRowsError listing every problem. */
export function readRows(file: string): readonly IndicatorRow[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ReportRowsError([{ severity: "error", rule: "unreadable", file, message: code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a file" : `cannot read: ${(err as Error).message}` }]);
  }
  return parseRows(text, file);
}

/** Parses and checks rows JSON `text` read from `file`. */
export function parseRows(text: string, file: string): readonly IndicatorRow[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ReportRowsError([{ severity: "error", rule: "invalid-json", file, ...jsonSyntaxError((err as Error).message, text) }]);
  }
  const result = IndicatorRows.safeParse(json);
  const findings: Finding[] = [];
  const at = (path: (string | number)[]) => {
    const offset = locateJsonPath(text, path);
    return offset === undefined ? {} : lineCol(text, offset);
  };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const unknown = issue.code === "unrecognized_keys" ? ` (unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")})` : "";
      findings.push({ severity: "error", rule: "indicator-rows", file, ...at(path), path, message: `${issue.message}${unknown}` });
    }
    throw new ReportRowsError(findings);
  }
  const seen = new Map<string, number>();
  result.data.rows.forEach((r, i) => {
    const first = seen.get(r.no);
    if (first !== undefined) findings.push({ severity: "error", rule: "duplicate-row", file, ...at(["rows", i, "no"]), path: ["rows", i, "no"], message: `row number "${r.no}" is used twice (first at rows[${first}])` });
    else seen.set(r.no, i);
  });
  if (findings.length > 0) throw new ReportRowsError(findings);
  return result.data.rows;
}
