// `dcplan plan`: inventory + profile → plan JSON (contract: docs/plan.md). Reads its inputs, calls
// the pure planner, writes the JSON atomically to --out or to standard output (nothing else goes
// to standard output); a one-line summary goes to standard error. With --prices the plan is costed
// (planner/cost/, docs/cost.md) and carries `cost`, with a second summary line. When the deadline
// is missed, the plan carries `deadline.options` (planner/options/, docs/options.md): the changes
// of the profile that would meet it, each confirmed by re-planning, listed briefly on standard error.
import { loadInventory } from "../../../inventory/load.js";
import type { Cost, Plan } from "../../plan-schema.js";
import { planJsonPieces, planWithProfile } from "../../plan.js";
import { checkProfile, type LoadedProfile, loadProfile } from "../../profile.js";
import { loadProgress } from "../../progress/load.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import type { CommandAction } from "./index.js";

export interface PlanOptions {
  readonly inventory: string;
  readonly profile?: string;
  /** Planning day `YYYY-MM-DD` [io.today()]. */
  readonly asOf?: string;
  /** Progress file: what has happened (cutovers done and failed, retirements, server facts). */
  readonly progress?: string;
  readonly out?: string;
  /** Price book (YAML): cost the plan in đồng (docs/cost.md). */
  readonly prices?: string;
  /** Re-plans the search for deadline options may make [scaled to the inventory; 0: no search]. */
  readonly optionsBudget?: number;
}

/** One line for standard error: waves, bound, deadline truth. */
export function planSummaryLine(plan: Plan): string {
  const d = plan.deadline;
  const truth = d.met ? "met" : `missed: ${d.late.length} system${d.late.length === 1 ? "" : "s"} late${d.projectedCompletion ? `, projected completion ${d.projectedCompletion}` : `, ${plan.unscheduled.length} unscheduled`}`;
  const done = plan.waves.filter((w) => w.status === "done").length;
  return `dcplan plan: target ${plan.targetSite}, ${plan.waves.length} wave${plan.waves.length === 1 ? "" : "s"}${done > 0 ? ` (${done} done)` : ""} (lower bound ${plan.lowerBound.waves}), deadline ${d.date} ${truth}, ${plan.violations.length} violation${plan.violations.length === 1 ? "" : "s"}`;
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
  const asRead: LoadedProfile = options.profile === undefined ? { profile: {} } : loadProfile(options.profile);
  const progress = options.progress !== undefined ? loadProgress(options.progress) : undefined;
  const detailed = planWithProfile(loaded, checkProfile(asRead, loaded.index, asOf), asOf, progress);
  const { plan } = detailed;
  if (costing && book) plan.cost = costing.costPlan(plan, loaded.index, book);
  let optionLines: string[] = [];
  if (!plan.deadline.met && options.optionsBudget !== 0) {
    // Imported only when the deadline is missed.
    const opts = await import("../../options/index.js");
    opts.attachOptions(plan, opts.deadlineOptions({ planner: loaded, profile: asRead.profile, asOf, ...(progress ? { progress } : {}) }, detailed, { ...(options.optionsBudget !== undefined ? { budget: options.optionsBudget } : {}), ...(book ? { prices: book } : {}) }));
    optionLines = opts.optionsSummaryLines(plan);
  }
  // In pieces: a 20k-system plan is ≈ 160 MB of JSON, never held as one string.
  if (options.out !== undefined) writeFileAtomic(options.out, planJsonPieces(plan));
  else for (const piece of planJsonPieces(plan)) io.stdout(piece);
  io.stderr(`${planSummaryLine(plan)}\n`);
  if (plan.cost) io.stderr(`${costSummaryLine(plan.cost)}\n`);
  for (const line of optionLines) io.stderr(`${line}\n`);
  return plan;
}

/** `dcplan plan` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await planCommand(options as unknown as PlanOptions, io);
};
