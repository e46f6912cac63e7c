// The options search's shared vocabulary: the levers an option pulls, what a search found, and
// the context every lever search reads. No logic here.
import type { Weekday } from "../profile-schema.js";
import type { DetailedPlan } from "../plan.js";
import type { PlanningProfile } from "../profile.js";
import type { Unit } from "../schedule.js";
import type { UnitSize } from "./bounds.js";
import type { Json } from "./merge-patch.js";
import type { Outcome, OutcomePurchase, Replanner } from "./replan.js";

/** One lever of the profile, with the values people need to judge it (plan JSON: `OptionLever`). */
export type Lever =
  | { readonly kind: "maxSystems"; readonly from: number; readonly to: number }
  | { readonly kind: "maxDataGiB"; readonly from: number; readonly to: number }
  | { readonly kind: "weekdays"; readonly weekdays: readonly Weekday[]; readonly windowsAdded: number; readonly daysAdded: number }
  | { readonly kind: "procurement"; readonly leadDays: { readonly from: number; readonly to: number }; readonly purchases: readonly OutcomePurchase[] }
  | { readonly kind: "targetSite"; readonly site: { readonly from: string; readonly to: string } }
  | { readonly kind: "deferral"; readonly systems: readonly string[]; readonly notBefore: string };

export type LeverKind = Lever["kind"];

/** Levers in the order ties are broken (the least disruptive to people first). */
export const LEVER_ORDER: readonly LeverKind[] = ["maxSystems", "weekdays", "maxDataGiB", "procurement", "targetSite", "deferral"];

/** A change found by a search, with the verdict of its re-plan. */
export interface Found {
  readonly levers: readonly Lever[];
  /** JSON merge patch of the profile as read. */
  readonly patch: Json;
  readonly outcome: Outcome;
}

/** What every lever search reads. */
export interface SearchContext {
  readonly replanner: Replanner;
  /** The plan the options improve on (its deadline is missed). */
  readonly base: DetailedPlan;
  /** Its resolved profile. */
  readonly profile: PlanningProfile;
  /** Its scheduling units still to plan (move groups; done ones are not units). */
  readonly units: readonly (Unit & UnitSize)[];
  /** Cutover windows and days before the deadline in its calendar. */
  readonly cutover: { readonly windows: number; readonly days: number };
}

/** A lever already pulled that a search builds on (for pairs): its patch and its lever. */
export interface Given {
  readonly patch: Json;
  readonly levers: readonly Lever[];
}

/** Nothing pulled yet. */
export const NOTHING: Given = { patch: {}, levers: [] };
