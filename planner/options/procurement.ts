// Lever `procurementLeadDays`: buy now, delivered fast. The planner buys capacity the target site
// lacks only for waves starting after as-of + procurementLeadDays; before that a move that does not
// fit waits (docs/planner.md §5). When waiting for hardware makes the plan late, the lever asks:
// how soon must bought hardware run for the deadline to hold, and what must be bought? The answer
// comes from the re-plan itself: with a shorter lead time the planner buys exactly the shortfall
// with each wave that needs it, dated the day before that wave, and those purchases — the ones the
// profile's lead time did not allow — are what to buy now and by when.
//
// A wave may buy when the day before its window is at least as-of + lead days, so the plan can
// only change where the lead time crosses one of those days: the candidates are, for each cutover
// window before the deadline, the longest lead time that still lets it buy (largest first: the
// smallest change). The search is smallest.ts over that list; the lever is tried only when the
// plan waited for capacity at all.
import { daysBetween, addDays } from "../dates.js";
import { Calendar } from "../calendar.js";
import { mayMeet } from "./bounds.js";
import { composePatches, type Json } from "./merge-patch.js";
import { smallestMeeting } from "./smallest.js";
import type { Found, Given, SearchContext } from "./types.js";

/** True when the base plan had to wait for capacity (a deferral for capacity, or a capacity link in its critical chain). */
export function waitedForCapacity(ctx: SearchContext): boolean {
  return ctx.base.schedule.traces.some((t) => t.lastDefer?.kind === "capacity") || ctx.base.plan.deadline.criticalChain.some((c) => c.kind === "capacity");
}

/** Longest lead time that meets the deadline on top of `given`, with what must be bought by when. */
export function searchProcurement(ctx: SearchContext, given: Given): Found | undefined {
  const on = ctx.replanner.resolve(given.patch);
  if (typeof on === "string" || !waitedForCapacity(ctx)) return undefined;
  const from = ctx.profile.procurementLeadDays;
  const asOf = ctx.replanner.input.asOf;
  const windows = on.startDate > on.deadline ? [] : new Calendar({ weekdays: on.weekdays, blackouts: on.blackouts }).windows(on.startDate, on.deadline).filter((w) => w.end <= on.deadline);
  const leads = [...new Set(windows.map((w) => daysBetween(asOf, addDays(w.start, -1))).filter((l) => l >= 0 && l < from))].sort((a, b) => b - a);
  if (leads.length === 0 || !mayMeet(ctx.units, on)) return undefined;
  const patch = (k: number): Json => composePatches(given.patch, { procurementLeadDays: leads[k - 1] });
  const found = smallestMeeting(ctx.replanner, { count: leads.length, value: (k) => from - leads[k - 1], mayMeet: () => true, patch });
  if (!found) return undefined;
  const to = from - found.value;
  const allowedFrom = addDays(asOf, from);
  const early = found.outcome.procurement.filter((p) => p.by < allowedFrom);
  const purchases = early.length > 0 ? early : found.outcome.procurement.filter((p) => p.by <= on.deadline);
  return { levers: [...given.levers, { kind: "procurement", leadDays: { from, to }, purchases }], patch: patch(leads.indexOf(to) + 1), outcome: found.outcome };
}
