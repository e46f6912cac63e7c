// `dcplan plan`: inventory + profile → plan JSON (contract: docs/plan.md). Reads its inputs, calls
// the pure planner, writes the JSON atomically to --out or to standard output (nothing else goes
// to standard output); a one-line summary goes to standard error.
import type { Command } from "commander";
import { loadInventory } from "../../../inventory/load.js";
import type { Plan } from "../../plan-schema.js";
import { planWithProfile, serialisePlan } from "../../plan.js";
import { prepareProfile } from "../../profile.js";
import { loadProgress } from "../../progress/load.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { parseDateOption } from "../options.js";
import { defaultInventoryDir } from "../paths.js";

export interface PlanOptions {
  readonly inventory: string;
  readonly profile?: string;
  /** Planning day `YYYY-MM-DD` [io.today()]. */
  readonly asOf?: string;
  /** Progress file: what has happened (cutovers done and failed, retirements, server facts). */
  readonly progress?: string;
  readonly out?: string;
}

/** One line for standard error: waves, bound, deadline truth. */
export function planSummaryLine(plan: Plan): string {
  const d = plan.deadline;
  const truth = d.met ? "met" : `missed: ${d.late.length} system${d.late.length === 1 ? "" : "s"} late${d.projectedCompletion ? `, projected completion ${d.projectedCompletion}` : `, ${plan.unscheduled.length} unscheduled`}`;
  const done = plan.waves.filter((w) => w.status === "done").length;
  return `dcplan plan: target ${plan.targetSite}, ${plan.waves.length} wave${plan.waves.length === 1 ? "" : "s"}${done > 0 ? ` (${done} done)` : ""} (lower bound ${plan.lowerBound.waves}), deadline ${d.date} ${truth}, ${plan.violations.length} violation${plan.violations.length === 1 ? "" : "s"}`;
}

/** Runs `dcplan plan`; returns the plan. Throws InventoryError / ProfileError on bad input. */
export async function planCommand(options: PlanOptions, io: Io): Promise<Plan> {
  const asOf = options.asOf ?? io.today();
  const loaded = await loadInventory(options.inventory, { asOf, locateWarnings: false });
  const profile = prepareProfile(options.profile, loaded.index, asOf);
  const { plan } = planWithProfile(loaded, profile, asOf, options.progress !== undefined ? loadProgress(options.progress) : undefined);
  const json = serialisePlan(plan);
  if (options.out !== undefined) writeFileAtomic(options.out, json);
  else io.stdout(json);
  io.stderr(`${planSummaryLine(plan)}\n`);
  return plan;
}

export const addPlanCommand = (program: Command, io: Io): void => {
  program
    .command("plan")
    .description("plan the merger: dispositions, dated waves, capacity, deadline truth, decommission roadmap 2026–2030 (plan JSON)")
    .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
    .option("--profile <file>", "planning profile (YAML); every field optional")
    .option("--as-of <date>", "planning day YYYY-MM-DD; waves start after it [today]", parseDateOption("--as-of"))
    .option("--progress <file>", "progress file: cutovers done and failed, retirements, server facts; the plan starts from them (docs/progress.md)")
    .option("--out <file>", "write the plan JSON here (atomically) instead of standard output")
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan plan --inventory inventory/sample --as-of 2026-11-22 --out plan.json
  $ dcplan plan --inventory inventory/sample --profile profile.yaml | jq .deadline
  $ dcplan plan --inventory inventory/sample --profile planner/sample/profile.yaml --progress planner/sample/progress.yaml --out plan.json`,
    )
    .action(async (opts: PlanOptions) => {
      await planCommand(opts, io);
    });
};
