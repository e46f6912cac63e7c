// Re-planning with a patched profile: the only way an option gets its figures. The profile as read
// is patched (RFC 7386, merge-patch.ts), checked against the inventory exactly as `dcplan plan`
// checks a profile file, and planned by planWithProfile — the same code path as `dcplan plan` — so
// an option's met / waves / projectedCompletion / late are what planning with its change gives.
// Every trial counts against a budget of re-plans (deterministic: a count, never a clock); a trial
// of a patch already tried is answered from memory and costs nothing.
import { ProfileError, ProgressError } from "../../common/errors.js";
import { addDays } from "../dates.js";
import { type DetailedPlan, type PlannerInput, planWithProfile } from "../plan.js";
import { checkProfile, type PlanningProfile } from "../profile.js";
import { Profile } from "../profile-schema.js";
import type { LoadedProgress } from "../progress/load.js";
import { applyMergePatch, canonicalPatch, type Json } from "./merge-patch.js";

/** What every re-plan shares: the loaded inventory, the profile as read, the planning day. */
export interface OptionInput {
  readonly planner: PlannerInput;
  /** The planning profile as read (before defaults), the target of every patch. */
  readonly profile: Profile;
  /** Planning day `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The progress file the plan was made with (what has happened), if any: every re-plan starts from it too. */
  readonly progress?: LoadedProgress;
}

/** A purchase the re-planned plan makes (its `procurement` entry, the fields an option reports). */
export interface OutcomePurchase {
  readonly by: string;
  readonly cpuCores: number;
  readonly memoryGiB: number;
  readonly storageGiB: number;
  readonly racks?: number;
  readonly powerKw?: number;
}

/** The deadline verdict of a re-plan: what an option promises. */
export interface Outcome {
  readonly met: boolean;
  readonly waves: number;
  readonly projectedCompletion?: string;
  /** Late systems, sorted. */
  readonly late: readonly string[];
  readonly procurement: readonly OutcomePurchase[];
}

/** The result of trying a patch. */
export type Trial = { readonly status: "planned"; readonly outcome: Outcome } | { readonly status: "invalid"; readonly message: string } | { readonly status: "over-budget" };

/** The verdict of a plan, as an option states it. */
export function outcomeOf(detailed: DetailedPlan): Outcome {
  const { plan } = detailed;
  return {
    met: plan.deadline.met,
    waves: plan.waves.length,
    ...(plan.deadline.projectedCompletion !== undefined ? { projectedCompletion: plan.deadline.projectedCompletion } : {}),
    late: [...plan.deadline.late],
    procurement: plan.procurement.map((p) => ({ by: p.by, cpuCores: p.cpuCores, memoryGiB: p.memoryGiB, storageGiB: p.storageGiB, ...(p.racks !== undefined ? { racks: p.racks } : {}), ...(p.powerKw !== undefined ? { powerKw: p.powerKw } : {}) })),
  };
}

/** Plans with patched profiles within a budget of re-plans (see file header). */
export class Replanner {
  private readonly trials = new Map<string, Trial>();
  private readonly resolved = new Map<string, PlanningProfile | string>();
  private spent = 0;
  private refused = false;
  /** A lower ceiling set by `within`, or the budget. */
  private ceiling: number;

  constructor(
    readonly input: OptionInput,
    /** Re-plans allowed to trials (confirmations of the chosen options are not counted). */
    readonly budget: number,
  ) {
    this.ceiling = budget;
  }

  /** Runs `fn` allowing it at most `n` more re-plans (never beyond the budget). */
  within<T>(n: number, fn: () => T): T {
    const outer = this.ceiling;
    this.ceiling = Math.min(outer, this.spent + Math.max(0, n));
    try {
      return fn();
    } finally {
      this.ceiling = outer;
    }
  }

  /** Re-plans made so far by trials. */
  get replans(): number {
    return this.spent;
  }

  /** True once a trial was refused because the budget was spent. */
  get exhausted(): boolean {
    return this.refused;
  }

  /** Re-plans still allowed (within the current ceiling). */
  get left(): number {
    return Math.max(0, this.ceiling - this.spent);
  }

  /** The profile as read with `patch` applied. */
  patched(patch: Json): Profile {
    return applyMergePatch(this.input.profile, patch) as Profile;
  }

  /** The patched profile with its defaults resolved, or the reason it is not a valid profile (no re-plan; cheap). */
  resolve(patch: Json): PlanningProfile | string {
    const key = JSON.stringify(canonicalPatch(patch));
    let r = this.resolved.get(key);
    if (r === undefined) {
      r = resolvePatched(this.input, this.patched(patch));
      this.resolved.set(key, r);
    }
    return r;
  }

  /** The verdict of planning with `patch`: from memory, or one re-plan of the budget. */
  trial(patch: Json): Trial {
    const key = JSON.stringify(canonicalPatch(patch));
    const known = this.trials.get(key);
    if (known) return known;
    const profile = this.resolve(patch);
    if (typeof profile === "string") {
      const t: Trial = { status: "invalid", message: profile };
      this.trials.set(key, t);
      return t;
    }
    if (this.spent >= this.ceiling) {
      this.refused = true;
      return { status: "over-budget" };
    }
    this.spent++;
    let t: Trial;
    try {
      t = { status: "planned", outcome: outcomeOf(planWithProfile(this.input.planner, profile, this.input.asOf, this.input.progress)) };
    } catch (err) {
      // What happened contradicts the changed plan (e.g. a system recorded done under another
      // target site): not an option.
      if (!(err instanceof ProgressError)) throw err;
      t = { status: "invalid", message: err.findings.map((f) => f.message).join("; ") };
    }
    this.trials.set(key, t);
    return t;
  }

  /** True when planning with `patch` meets the deadline (false when invalid or over budget). */
  meets(patch: Json): boolean {
    const t = this.trial(patch);
    return t.status === "planned" && t.outcome.met;
  }

  /** The full plan with `patch` (for confirming a chosen option; not counted against the budget). */
  plan(patch: Json): DetailedPlan {
    const profile = this.resolve(patch);
    if (typeof profile === "string") throw new Error(`patched profile is invalid: ${profile}`);
    return planWithProfile(this.input.planner, profile, this.input.asOf, this.input.progress);
  }
}

/** The day after `date`: when a deferred system may move at the earliest. */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}

function resolvePatched(input: OptionInput, patched: Profile): PlanningProfile | string {
  const parsed = Profile.safeParse(patched);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  try {
    return checkProfile({ profile: parsed.data }, input.planner.index, input.asOf);
  } catch (err) {
    if (err instanceof ProfileError) return err.findings.map((f) => f.message).join("; ");
    throw err;
  }
}
