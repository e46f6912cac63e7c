// The options search: which changes of the planning profile would meet a missed deadline. Single
// levers first — the smallest raise of each wave limit, an extra cutover weekday, faster
// procurement, another target site —, then, only when no single lever meets the deadline, pairs
// of levers (leaving a quarter of the budget), then the smallest deferral of systems past the
// deadline. Everything is decided by
// re-planning (replan.ts) within one budget of re-plans, so the search is deterministic and
// bounded; the found changes are ranked by size (rank.ts) and the best ones kept.
import type { DetailedPlan } from "../plan.js";
import type { OptionsSearch } from "../plan-schema.js";
import { cutoverBefore } from "./bounds.js";
import { searchDeferral } from "./deferral.js";
import { NOTHING, type Found, type Lever, type SearchContext } from "./types.js";
import { searchPairs } from "./pairs.js";
import { searchProcurement } from "./procurement.js";
import { byRank, changeSize, type SizeBasis } from "./rank.js";
import { type OptionInput, Replanner } from "./replan.js";
import { searchTargetSite } from "./target-site.js";
import { searchMaxData, searchMaxSystems } from "./wave-limits.js";
import { searchWeekdays } from "./weekdays.js";

/** Most options offered. */
export const MAX_OPTIONS = 8;
/** Most pairs of levers offered. */
export const MAX_PAIRS = 3;
/** Most extra-weekday options offered. */
export const MAX_WEEKDAY_OPTIONS = 2;
/** Re-plans kept for the deferral when pairs are searched (or a quarter of the budget, if more). */
export const DEFERRAL_MIN_REPLANS = 6;

/** A found change, ranked: its id, size and verdict. */
export interface RankedChange extends Found {
  readonly id: string;
  readonly size: number;
  readonly met: boolean;
}

/** Default re-plan budget: about 400 000 systems re-planned in all, between 12 and 60 re-plans. */
export function defaultOptionsBudget(movingSystems: number): number {
  return Math.max(12, Math.min(60, Math.floor(400_000 / Math.max(1, movingSystems))));
}

/** Searches the options of `base` (its deadline missed) within `budget` re-plans; returns them best first. */
export function searchOptions(input: OptionInput, base: DetailedPlan, budget: number): { changes: RankedChange[]; search: OptionsSearch; replanner: Replanner } {
  const replanner = new Replanner(input, budget);
  const profile = base.profile;
  const units = base.schedule.units;
  const ctx: SearchContext = { replanner, base, profile, units, cutover: cutoverBefore(profile) };
  const basis: SizeBasis = { cutoverDays: ctx.cutover.days, movingSystems: units.reduce((n, u) => n + u.systems.length, 0) };

  // A deadline already behind the start date cannot be met by any change of the profile.
  const searching = !base.plan.deadline.met && budget > 0 && profile.startDate <= profile.deadline;
  const singles: Found[] = [];
  const add = (f: Found | undefined): void => {
    if (f) singles.push(f);
  };
  if (searching) {
    add(searchMaxSystems(ctx, NOTHING));
    singles.push(...searchWeekdays(ctx, NOTHING).slice(0, MAX_WEEKDAY_OPTIONS));
    add(searchMaxData(ctx, NOTHING));
    add(searchProcurement(ctx, NOTHING));
    singles.push(...searchTargetSite(ctx, NOTHING));
  }
  // Pairs (only when no single lever meets) leave a share of the budget to the deferral.
  const reserve = Math.min(replanner.left, Math.max(DEFERRAL_MIN_REPLANS, Math.floor(budget / 4)));
  const pairs = searching && singles.length === 0 ? replanner.within(replanner.left - reserve, () => rank(searchPairs(ctx), basis).slice(0, MAX_PAIRS)) : [];
  const deferral = searching ? searchDeferral(ctx) : undefined;
  const all = rank([...singles, ...(deferral ? [deferral] : [])], basis);
  const changes = [...all, ...pairs].sort(byRank);
  const unique = changes.filter((c, i) => changes.findIndex((d) => d.id === c.id) === i);
  return { changes: unique.slice(0, MAX_OPTIONS), search: { replans: replanner.replans, budget, exhausted: replanner.exhausted }, replanner };
}

function rank(found: readonly Found[], basis: SizeBasis): RankedChange[] {
  return found.map((f) => ({ ...f, id: optionId(f.levers), size: changeSize(f.levers, basis), met: f.outcome.met })).sort(byRank);
}

/** A stable id naming the levers and their values, e.g. `max-systems-12` or `max-systems-10+weekdays-wed`. */
export function optionId(levers: readonly Lever[]): string {
  return levers
    .map((l) => {
      switch (l.kind) {
        case "maxSystems":
          return `max-systems-${l.to}`;
        case "maxDataGiB":
          return `max-data-${l.to}`;
        case "weekdays":
          return `weekdays-${l.weekdays.join("-")}`;
        case "procurement":
          return `procurement-lead-${l.leadDays.to}`;
        case "targetSite":
          return `target-${l.site.to}`;
        case "deferral":
          return `defer-${l.systems.length}`;
      }
    })
    .join("+");
}
