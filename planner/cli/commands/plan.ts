// `dcplan plan`: inventory + profile → plan JSON (contract: docs/plan.md). Reads its inputs, calls
// the pure planner, writes the JSON atomically to --out or to standard output (nothing else goes
// to standard output); a one-line summary goes to standard error.
import { loadInventory } from "../../../inventory/load.js";
import type { Plan } from "../../plan-schema.js";
import { planWithProfile, serialisePlan } from "../../plan.js";
import { prepareProfile } from "../../profile.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import type { CommandAction } from "./index.js";

export interface PlanOptions {
  readonly inventory: string;
  readonly profile?: string;
  /** Planning day `YYYY-MM-DD` [io.today()]. */
  readonly asOf?: string;
  readonly out?: string;
}

/** One line for standard error: waves, bound, deadline truth. */
export function planSummaryLine(plan: Plan): string {
  const d = plan.deadline;
  const truth = d.met ? "met" : `missed: ${d.late.length} system${d.late.length === 1 ? "" : "s"} late${d.projectedCompletion ? `, projected completion ${d.projectedCompletion}` : `, ${plan.unscheduled.length} unscheduled`}`;
  return `dcplan plan: target ${plan.targetSite}, ${plan.waves.length} wave${plan.waves.length === 1 ? "" : "s"} (lower bound ${plan.lowerBound.waves}), deadline ${d.date} ${truth}, ${plan.violations.length} violation${plan.violations.length === 1 ? "" : "s"}`;
}

/** Runs `dcplan plan`; returns the plan. Throws InventoryError / ProfileError on bad input. */
export async function planCommand(options: PlanOptions, io: Io): Promise<Plan> {
  const asOf = options.asOf ?? io.today();
  const loaded = await loadInventory(options.inventory, { asOf, locateWarnings: false });
  const profile = prepareProfile(options.profile, loaded.index, asOf);
  const { plan } = planWithProfile(loaded, profile, asOf);
  const json = serialisePlan(plan);
  if (options.out !== undefined) writeFileAtomic(options.out, json);
  else io.stdout(json);
  io.stderr(`${planSummaryLine(plan)}\n`);
  return plan;
}

/** `dcplan plan` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await planCommand(options as unknown as PlanOptions, io);
};
