// How large a change is, and the order options are offered in (docs/options.md, "Ranking").
// Each lever's size is its relative change, a share of what the plan has today:
//   maxSystems, maxDataGiB   (new − old) ÷ old                   8 → 12 systems: 0.5
//   weekdays                 cutover days added before the deadline ÷ the cutover days it has
//   procurement              share of the lead time cut: (old − new) ÷ old     60 → 15 days: 0.75
//   targetSite               1 (every move changes direction)
//   deferral                 systems deferred ÷ systems still to move
// and a pair's size is the sum of its two. Options that meet the deadline come first, smallest
// change first; then those that defer systems; ties go to fewer levers, then to the lever order of
// types.ts (people's weekends before money before moving the other way), then to the id.
import { LEVER_ORDER, type Lever, type LeverKind } from "./types.js";

/** What a lever's size is measured against: the plan's cutover days before the deadline and its systems still to move. */
export interface SizeBasis {
  readonly cutoverDays: number;
  readonly movingSystems: number;
}

/** Size of one lever (see file header), rounded to 4 decimals. */
export function leverSize(lever: Lever, basis: SizeBasis): number {
  let x: number;
  switch (lever.kind) {
    case "maxSystems":
    case "maxDataGiB":
      x = (lever.to - lever.from) / lever.from;
      break;
    case "weekdays":
      x = lever.daysAdded / Math.max(1, basis.cutoverDays);
      break;
    case "procurement":
      x = lever.leadDays.from > 0 ? (lever.leadDays.from - lever.leadDays.to) / lever.leadDays.from : 0;
      break;
    case "targetSite":
      x = 1;
      break;
    case "deferral":
      x = lever.systems.length / Math.max(1, basis.movingSystems);
      break;
  }
  return round4(Math.max(0, x));
}

/** Size of a change: the sum of its levers' sizes. */
export function changeSize(levers: readonly Lever[], basis: SizeBasis): number {
  return round4(levers.reduce((n, l) => n + leverSize(l, basis), 0));
}

/** What the ranking reads of an option. */
export interface Rankable {
  readonly met: boolean;
  readonly size: number;
  readonly levers: readonly { readonly kind: LeverKind }[];
  readonly id: string;
}

/** Compares two options for the ranking (see file header). */
export function byRank(a: Rankable, b: Rankable): number {
  if (a.met !== b.met) return a.met ? -1 : 1;
  if (a.size !== b.size) return a.size - b.size;
  if (a.levers.length !== b.levers.length) return a.levers.length - b.levers.length;
  for (let i = 0; i < Math.min(a.levers.length, b.levers.length); i++) {
    const d = LEVER_ORDER.indexOf(a.levers[i].kind) - LEVER_ORDER.indexOf(b.levers[i].kind);
    if (d !== 0) return d;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
