// Lever `windows.weekdays`: cut over on more days of the week. Each weekday the profile does not
// allow is tried on its own (Monday first); only when no single day meets the deadline are two
// days tried together. A day next to the allowed ones lengthens their windows (Friday before a
// weekend: three-day windows, more data per wave, no extra wave); a day apart adds windows of its
// own (Wednesday: one more wave a week). The lever reports both: the cutover windows and the
// cutover days it adds before the deadline. Candidates whose calendar cannot hold the waves the
// moving systems need (bounds.ts) are skipped without a re-plan.
import type { Weekday } from "../profile-schema.js";
import { cutoverBefore, mayMeet } from "./bounds.js";
import { composePatches, type Json } from "./merge-patch.js";
import type { Found, Given, SearchContext } from "./types.js";

const WEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Options that add one cutover weekday (or two, when no single one meets), on top of `given`; those that meet the deadline, fewest added days first. */
export function searchWeekdays(ctx: SearchContext, given: Given, opts: { allowTwo: boolean } = { allowTwo: true }): Found[] {
  const on = ctx.replanner.resolve(given.patch);
  if (typeof on === "string") return [];
  const have = new Set(on.weekdays);
  const missing = WEEK.filter((d) => !have.has(d));
  const singles = missing.map((d) => [d]);
  let found = tryAll(ctx, given, on.weekdays, singles);
  if (found.length === 0 && opts.allowTwo) {
    const twos: Weekday[][] = [];
    for (let i = 0; i < missing.length; i++) for (let j = i + 1; j < missing.length; j++) twos.push([missing[i], missing[j]]);
    found = tryAll(ctx, given, on.weekdays, twos);
  }
  return found;
}

function tryAll(ctx: SearchContext, given: Given, current: readonly Weekday[], candidates: readonly Weekday[][]): Found[] {
  const base = ctx.cutover;
  const out: (Found & { days: number; order: number })[] = [];
  candidates.forEach((add, order) => {
    const weekdays = WEEK.filter((d) => current.includes(d) || add.includes(d));
    const patch: Json = composePatches(given.patch, { windows: { weekdays } });
    const profile = ctx.replanner.resolve(patch);
    if (typeof profile === "string" || !mayMeet(ctx.units, profile)) return;
    const t = ctx.replanner.trial(patch);
    if (t.status !== "planned" || !t.outcome.met) return;
    const after = cutoverBefore(profile);
    const daysAdded = after.days - base.days;
    out.push({ levers: [...given.levers, { kind: "weekdays", weekdays: add, windowsAdded: after.windows - base.windows, daysAdded }], patch, outcome: t.outcome, days: daysAdded, order });
  });
  out.sort((a, b) => a.days - b.days || a.order - b.order);
  return out.map(({ levers, patch, outcome }) => ({ levers, patch, outcome }));
}
