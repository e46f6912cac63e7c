// `dcplan plan`: inventory + profile → plan JSON (contract: docs/plan.md). Reads its inputs, calls
// the pure planner, writes the JSON atomically to --out or to standard output (nothing else goes
// to standard output); a one-line summary goes to standard error. With --prices the plan is costed
// (planner/cost/, docs/cost.md) and carries `cost`, with a second summary line.
import type { Command } from "commander";
import { loadInventory } from "../../../inventory/load.js";
import type { Cost, Plan } from "../../plan-schema.js";
import { planWithProfile, serialisePlan } from "../../plan.js";
import { prepareProfile } from "../../profile.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { parseDateOption } from "../options.js";
import { defaultInventoryDir } from "../paths.js";

export interface PlanOptions {
  readonly inventory: string;
  readonly profile?: string;
  /** Planning day `YYYY-MM-DD` [io.today()]. */
  readonly asOf?: string;
  readonly out?: string;
  /** Price book (YAML): cost the plan in đồng (docs/cost.md). */
  readonly prices?: string;
}

/** One line for standard error: waves, bound, deadline truth. */
export function planSummaryLine(plan: Plan): string {
  const d = plan.deadline;
  const truth = d.met ? "met" : `missed: ${d.late.length} system${d.late.length === 1 ? "" : "s"} late${d.projectedCompletion ? `, projected completion ${d.projectedCompletion}` : `, ${plan.unscheduled.length} unscheduled`}`;
  return `dcplan plan: target ${plan.targetSite}, ${plan.waves.length} wave${plan.waves.length === 1 ? "" : "s"} (lower bound ${plan.lowerBound.waves}), deadline ${d.date} ${truth}, ${plan.violations.length} violation${plan.violations.length === 1 ? "" : "s"}`;
}

/** One line for standard error on a costed plan: capex, opex, savings and net over the years costed, payback. */
export function costSummaryLine(cost: Cost): string {
  const n = (x: number) => `${x < 0 ? "-" : ""}${String(Math.abs(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
  const years = `${cost.byYear[0].year}–${cost.byYear[cost.byYear.length - 1].year}`;
  const t = cost.total;
  return `dcplan plan: cost ${years} (VND): capex ${n(t.capex)}, opex ${n(t.opex)}, savings ${n(t.savings)}, net ${n(t.net)}; ${cost.paybackDate ? `pays back on ${cost.paybackDate}` : "does not pay back by the end"}; savings ${n(t.savingsPerYear)} a year once done`;
}

/** Runs `dcplan plan`; returns the plan. Throws InventoryError / ProfileError / PriceBookError on bad input. */
export async function planCommand(options: PlanOptions, io: Io): Promise<Plan> {
  const asOf = options.asOf ?? io.today();
  // Imported only when asked for: most plans are not costed.
  const costing = options.prices !== undefined ? await import("../../cost/index.js") : undefined;
  const book = costing?.loadPriceBook(options.prices!);
  const loaded = await loadInventory(options.inventory, { asOf, locateWarnings: false });
  const profile = prepareProfile(options.profile, loaded.index, asOf);
  const { plan } = planWithProfile(loaded, profile, asOf);
  if (costing && book) plan.cost = costing.costPlan(plan, loaded.index, book);
  const json = serialisePlan(plan);
  if (options.out !== undefined) writeFileAtomic(options.out, json);
  else io.stdout(json);
  io.stderr(`${planSummaryLine(plan)}\n`);
  if (plan.cost) io.stderr(`${costSummaryLine(plan.cost)}\n`);
  return plan;
}

export const addPlanCommand = (program: Command, io: Io): void => {
  program
    .command("plan")
    .description("plan the merger: dispositions, dated waves, capacity, deadline truth, decommission roadmap 2026–2030 (plan JSON)")
    .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
    .option("--profile <file>", "planning profile (YAML); every field optional")
    .option("--as-of <date>", "planning day YYYY-MM-DD; waves start after it [today]", parseDateOption("--as-of"))
    .option("--out <file>", "write the plan JSON here (atomically) instead of standard output")
    .option("--prices <file>", "price book (YAML, docs/cost.md): add the plan's cost in đồng by year and by agency")
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan plan --inventory inventory/sample --as-of 2026-11-22 --out plan.json
  $ dcplan plan --inventory inventory/sample --profile profile.yaml | jq .deadline
  $ dcplan plan --profile planner/sample/profile.yaml --prices planner/sample/prices.yaml --out plan.json`,
    )
    .action(async (opts: PlanOptions) => {
      await planCommand(opts, io);
    });
};
