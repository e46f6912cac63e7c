// `dcplan options`: what would meet a missed deadline, for a leader and for the planner. Plans the
// inventory with the profile (and price book) as `dcplan plan` does, searches the options
// (planner/options/, docs/options.md) — or, with --plan, reads those a plan already carries — and
// prints them as a table in Vietnamese or English with the change to apply to the profile. With
// --apply ID --write-profile FILE it writes the profile with that option's change applied, keeping
// the file's comments and layout (planner/options/patch-yaml.ts). A met deadline is a result, not
// an error: the command says so and exits 0.
import { readFileSync } from "node:fs";
import { UsageError } from "../../../common/errors.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { loadInventory } from "../../../inventory/load.js";
import type { LoadedPriceBook } from "../../cost/price-book.js";
import type { Lang } from "../../export/i18n.js";
import { attachOptions, deadlineOptions, type OptionsFormat, optionsReport } from "../../options/index.js";
import { patchYamlText } from "../../options/patch-yaml.js";
import type { Plan } from "../../plan-schema.js";
import { type DetailedPlan, type PlannerInput, planWithProfile } from "../../plan.js";
import { checkProfile, type LoadedProfile, loadProfile } from "../../profile.js";
import type { LoadedProgress } from "../../progress/load.js";
import { loadProgress } from "../../progress/load.js";
import { readPlan } from "../../read-plan.js";
import { type CommandAction, OPTIONS_FORMATS } from "./index.js";

export interface OptionsOptions {
  readonly inventory: string;
  readonly profile?: string;
  /** Planning day `YYYY-MM-DD` [io.today()]. */
  readonly asOf?: string;
  /** Price book: each option's cost against the plan. */
  readonly prices?: string;
  /** Progress file: what has happened; the plan and every re-plan start from it (docs/progress.md). */
  readonly progress?: string;
  /** Re-plans the search may make [scaled to the inventory]. */
  readonly budget?: number;
  /** A plan JSON file: show the options it carries instead of planning. */
  readonly plan?: string;
  readonly lang?: Lang;
  readonly format?: OptionsFormat;
  /** Write the report here instead of standard output. */
  readonly out?: string;
  /** With writeProfile: the id of the option to apply. */
  readonly apply?: string;
  /** Where to write the profile with the option applied. */
  readonly writeProfile?: string;
}

/** A plan made from files as `dcplan plan` makes it, with what re-planning needs. */
export interface PlannedScenario {
  readonly input: PlannerInput;
  readonly profile: LoadedProfile;
  readonly detailed: DetailedPlan;
  readonly prices?: LoadedPriceBook;
  readonly progress?: LoadedProgress;
}

/** Loads the inputs and plans (and costs, with a price book) like `dcplan plan`. Throws InventoryError / ProfileError / PriceBookError. */
export async function planScenario(files: { inventory: string; profile?: string; prices?: string; progress?: string }, asOf: string): Promise<PlannedScenario> {
  const costing = files.prices !== undefined ? await import("../../cost/index.js") : undefined;
  const prices = costing?.loadPriceBook(files.prices!);
  const input = await loadInventory(files.inventory, { asOf, locateWarnings: false });
  const profile: LoadedProfile = files.profile === undefined ? { profile: {} } : loadProfile(files.profile);
  const progress = files.progress !== undefined ? loadProgress(files.progress) : undefined;
  const detailed = planWithProfile(input, checkProfile(profile, input.index, asOf), asOf, progress);
  if (costing && prices) detailed.plan.cost = costing.costPlan(detailed.plan, input.index, prices);
  return { input, profile, detailed, ...(prices ? { prices } : {}), ...(progress ? { progress } : {}) };
}

/** Runs `dcplan options`; returns the plan whose options were shown. */
export async function optionsCommand(options: OptionsOptions, io: Io): Promise<Plan> {
  const format = options.format ?? "text";
  const lang = options.lang ?? "vi";
  if (!(OPTIONS_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${OPTIONS_FORMATS.join(", ")}, got "${format}"`);
  if ((options.apply === undefined) !== (options.writeProfile === undefined)) throw new UsageError("--apply ID and --write-profile FILE go together: the option to take and where to write the profile with its change");
  if (options.plan !== undefined && (options.profile !== undefined || options.prices !== undefined || options.budget !== undefined || options.progress !== undefined)) {
    throw new UsageError("--plan shows the options a plan already carries; --profile, --progress, --prices and --budget are for planning: give either --plan or those");
  }
  let plan: Plan;
  if (options.plan !== undefined) {
    plan = readPlan(options.plan);
  } else {
    const asOf = options.asOf ?? io.today();
    const s = await planScenario(options, asOf);
    plan = s.detailed.plan;
    if (!plan.deadline.met) {
      attachOptions(plan, deadlineOptions({ planner: s.input, profile: s.profile.profile, asOf, ...(s.progress ? { progress: s.progress } : {}) }, s.detailed, { ...(options.budget !== undefined ? { budget: options.budget } : {}), ...(s.prices ? { prices: s.prices } : {}) }));
    }
  }
  if (options.apply !== undefined) writePatchedProfile(plan, options.apply, options.profile, options.writeProfile!);
  const report = optionsReport(plan, format, lang);
  if (options.out !== undefined) writeFileAtomic(options.out, report);
  else io.stdout(report);
  return plan;
}

function writePatchedProfile(plan: Plan, id: string, profileFile: string | undefined, out: string): void {
  const option = plan.deadline.options?.find((o) => o.id === id);
  if (!option) {
    const ids = (plan.deadline.options ?? []).map((o) => o.id);
    throw new UsageError(
      plan.deadline.met
        ? `--apply ${id}: the deadline ${plan.deadline.date} is met, so there is no option to apply`
        : `--apply ${id}: no such option; the options are ${ids.length > 0 ? ids.join(", ") : "none"}`,
    );
  }
  const text = profileFile !== undefined ? readFileSync(profileFile, "utf8") : "";
  writeFileAtomic(out, patchYamlText(text, option.change as never));
}

/** `dcplan options` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await optionsCommand(options as unknown as OptionsOptions, io);
};
