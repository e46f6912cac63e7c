// `dcplan survey template --out FILE [--unit ID]` and `dcplan survey import DIR --out OUTDIR`: the
// commune IT-support survey (survey/: the unified form, the checks of every returned form, the
// aggregate as XLSX and HTML for the provincial meeting). The units surveyed are the inventory's
// communes and wards.
import { UsageError } from "../../../common/errors.js";
import { loadInventory } from "../../../inventory/load.js";
import { surveyImport, surveyTemplate, surveyUnits } from "../../../survey/run.js";
import type { CommandAction } from "./index.js";

/** Options of `dcplan survey` (declared in index.ts). */
export interface SurveyOptions {
  readonly out: string;
  readonly unit?: string;
  readonly inventory: string;
  readonly asOf?: string;
}

/** `dcplan survey` (declared in index.ts). */
export const action: CommandAction = async ({ options, args, io }) => {
  const opts = options as unknown as SurveyOptions;
  const [step, dir] = args as [string, string | undefined];
  const date = opts.asOf ?? io.today();
  const units = surveyUnits((await loadInventory(opts.inventory, { asOf: date, locateWarnings: false })).inventory);
  if (units.length === 0) throw new UsageError(`the inventory ${opts.inventory} has no communes or wards to survey`);
  if (step === "template") {
    if (dir !== undefined) throw new UsageError(`survey template takes no directory (got "${dir}")`);
    await surveyTemplate(units, opts.out, date, opts.unit, io);
    return;
  }
  if (dir === undefined) throw new UsageError("survey import needs the directory of returned forms: dcplan survey import DIR --out OUTDIR");
  if (opts.unit !== undefined) throw new UsageError("--unit is for survey template");
  await surveyImport(units, dir, opts.out, date, io);
};
