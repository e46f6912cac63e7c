// Pairs of levers, searched only when no single lever meets the deadline. A pair is found by
// coordinate search: the first lever is pulled all the way (a discrete one — one weekday, one
// other site — as it is; a graded one — maxDataGiB, procurement lead time — at its strongest
// value), the smallest value of the second lever that then meets the deadline is searched
// (smallest.ts), and a graded first lever is then lowered again to the smallest value that still
// meets the deadline with the second one. Pairs are tried in a fixed order (wave limits first, then
// weekdays, procurement, another site) until the re-plan budget runs out; the best three by size
// (rank.ts) are kept by the caller.
import type { Weekday } from "../profile-schema.js";
import { cutoverBefore } from "./bounds.js";
import { composePatches, type Json } from "./merge-patch.js";
import { searchProcurement, waitedForCapacity } from "./procurement.js";
import { otherTargetSites } from "./target-site.js";
import type { Found, Given, Lever, SearchContext } from "./types.js";
import { dataStep, searchMaxData, searchMaxSystems } from "./wave-limits.js";

const WEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Every pair the budget allows, in search order (see file header). */
export function searchPairs(ctx: SearchContext): Found[] {
  const out: Found[] = [];
  const add = (f: Found | undefined): void => {
    if (f) out.push(f);
  };
  const allData = dataAll(ctx);
  const dataFull: Given | undefined = allData > ctx.profile.maxDataGiB ? { patch: { waveLimits: { maxDataGiB: allData } }, levers: [] } : undefined;
  const weekdays = weekdayGivens(ctx);
  const procurement = waitedForCapacity(ctx) ? procurementFull(ctx) : undefined;
  const sites = otherTargetSites(ctx).map((site): Given => ({ patch: { targetSite: site }, levers: [{ kind: "targetSite", site: { from: ctx.base.plan.targetSite, to: site } }] }));

  // Wave limits together: maxSystems with all the data in one wave, then the data limit lowered again.
  if (dataFull) add(lowerAgain(ctx, searchMaxSystems(ctx, dataFull), "maxSystems"));
  for (const w of weekdays) {
    add(searchMaxSystems(ctx, w));
    add(searchMaxData(ctx, w));
  }
  if (procurement) {
    add(lowerProcurement(ctx, searchMaxSystems(ctx, procurement), "maxSystems"));
    add(lowerProcurement(ctx, searchMaxData(ctx, procurement), "maxDataGiB"));
    for (const w of weekdays) add(searchProcurement(ctx, w));
  }
  for (const s of sites) {
    add(searchMaxSystems(ctx, s));
    add(searchMaxData(ctx, s));
    for (const w of weekdays) {
      const patch = composePatches(s.patch, w.patch);
      const t = ctx.replanner.trial(patch);
      if (t.status === "planned" && t.outcome.met) out.push({ levers: [...s.levers, ...w.levers], patch, outcome: t.outcome });
    }
  }
  return out.filter((f) => f.levers.length === 2);
}

/** All the moving systems' data in one wave, rounded up to the data search's step. */
function dataAll(ctx: SearchContext): number {
  const step = dataStep(ctx.profile.maxDataGiB);
  return Math.ceil(ctx.units.reduce((n, u) => n + u.dataGiB, 0) / step) * step;
}

/** One extra weekday each, as a lever already pulled. */
function weekdayGivens(ctx: SearchContext): Given[] {
  const have = new Set(ctx.profile.weekdays);
  return WEEK.filter((d) => !have.has(d)).flatMap((d): Given[] => {
    const weekdays = WEEK.filter((x) => have.has(x) || x === d);
    const patch: Json = { windows: { weekdays } };
    const on = ctx.replanner.resolve(patch);
    if (typeof on === "string") return [];
    const after = cutoverBefore(on);
    const lever: Lever = { kind: "weekdays", weekdays: [d], windowsAdded: after.windows - ctx.cutover.windows, daysAdded: after.days - ctx.cutover.days };
    return [{ patch, levers: [lever] }];
  });
}

/** Procurement at its strongest: hardware bought now runs from the first day a wave could need it. */
function procurementFull(ctx: SearchContext): Given | undefined {
  if (ctx.profile.procurementLeadDays === 0) return undefined;
  return { patch: { procurementLeadDays: 0 }, levers: [] };
}

/** After the second lever was found with the data limit at its strongest: the smallest data limit that still meets the deadline with it. */
function lowerAgain(ctx: SearchContext, found: Found | undefined, second: "maxSystems"): Found | undefined {
  if (!found) return undefined;
  const lever = found.levers.find((l) => l.kind === second);
  if (!lever || lever.kind !== "maxSystems") return undefined;
  return searchMaxData(ctx, { patch: { waveLimits: { maxSystems: lever.to } }, levers: [lever] });
}

/** After the second lever was found with procurement at its strongest: the longest lead time that still meets the deadline with it. */
function lowerProcurement(ctx: SearchContext, found: Found | undefined, second: "maxSystems" | "maxDataGiB"): Found | undefined {
  if (!found) return undefined;
  const lever = found.levers.find((l) => l.kind === second);
  if (!lever || (lever.kind !== "maxSystems" && lever.kind !== "maxDataGiB")) return undefined;
  return searchProcurement(ctx, { patch: { waveLimits: { [second]: lever.to } }, levers: [lever] });
}
