// Fixture helpers for the options tests: search a fixture's options, and re-plan an option's change
// independently (planMigration with the profile patched by the option's `change`), as anyone
// checking the contract's promise would.
import type { Inventory } from "../../../inventory/schema.js";
import { attachOptions, deadlineOptions, type DeadlineOptions } from "../../../planner/options/index.js";
import { applyMergePatch, type Json } from "../../../planner/options/merge-patch.js";
import type { DeadlineOption, Plan } from "../../../planner/plan-schema.js";
import { type DetailedPlan, planMigration, planWithProfile } from "../../../planner/plan.js";
import { checkProfile } from "../../../planner/profile.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { AS_OF, loaded } from "../fixtures.js";

/** The plan of `inventory` with `profile` and its options searched within `budget` re-plans. */
export function optionsOf(inventory: Inventory, profile: Profile, asOf = AS_OF, budget = 60): { base: DetailedPlan; found: DeadlineOptions; plan: Plan } {
  const input = loaded(inventory);
  const base = planWithProfile(input, checkProfile({ profile }, input.index, asOf), asOf);
  const found = deadlineOptions({ planner: input, profile, asOf }, base, { budget });
  return { base, found, plan: attachOptions(structuredClone(base.plan), found) };
}

/** The plan made from scratch with `profile` patched by the option's change. */
export function replanned(inventory: Inventory, profile: Profile, option: DeadlineOption, asOf = AS_OF): Plan {
  return planMigration(loaded(inventory), applyMergePatch(profile, option.change as Json) as Profile, asOf);
}

/** What an option promises, as the contract states it, and what a plan gives. */
export function promiseOf(o: Pick<DeadlineOption, "met" | "waves" | "projectedCompletion" | "late">) {
  return { met: o.met, waves: o.waves, projectedCompletion: o.projectedCompletion, late: [...o.late] };
}

export function verdictOf(plan: Plan) {
  return { met: plan.deadline.met, waves: plan.waves.length, projectedCompletion: plan.deadline.projectedCompletion, late: [...plan.deadline.late] };
}

/**
 * Systems that still move on time but depend on a deferred one, or merge into one. A dependency on a
 * consolidated system is one on its survivor (contract: the dependant cuts over in the survivor's
 * wave or later; the merged system itself is switched off).
 */
export function dependantsLeftBehind(plan: Plan, option: DeadlineOption): string[] {
  const deferred = new Set(option.levers.flatMap((l) => (l.kind === "deferral" ? (l.systems ?? []) : [])));
  const byId = new Map(plan.systems.map((s) => [s.id, s]));
  const provider = (id: string): string => {
    const p = byId.get(id);
    return p?.disposition === "consolidate" && p.into !== undefined ? p.into : id;
  };
  const out: string[] = [];
  for (const s of plan.systems) {
    if (s.wave === undefined || deferred.has(s.id)) continue;
    if (s.dependsOn.some((d) => deferred.has(provider(d))) || (s.into !== undefined && deferred.has(s.into))) out.push(s.id);
  }
  return out;
}
