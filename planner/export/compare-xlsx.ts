// The comparison of scenarios as a workbook, one sheet per view: Scenarios (the measures side by
// side, one column per scenario) and Differences (the systems placed differently, each scenario's
// disposition, wave and its first day), typed cells through tablesToXlsx.
import { type Comparison, comparisonTables } from "./compare.js";
import type { Lang } from "./i18n.js";
import { namesOf } from "./tables.js";
import { tablesToXlsx } from "./xlsx.js";
import type { Plan } from "../plan-schema.js";

/** Sheet names per view (English, fixed, so scripts can find them). */
export const COMPARE_SHEETS: Readonly<Record<string, string>> = { scenarios: "Scenarios", differences: "Differences" };

/** The comparison workbook; `first` is the first scenario's plan (names, date stamped on the file). */
export async function renderCompareXlsx(comparison: Comparison, first: Plan, lang: Lang): Promise<Uint8Array> {
  return tablesToXlsx(comparisonTables(comparison, lang, namesOf(first)), { lang, date: first.asOf, title: "dcplan compare", sheetName: (t) => COMPARE_SHEETS[t.id] ?? t.title });
}
