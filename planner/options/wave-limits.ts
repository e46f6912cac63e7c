// Levers `waveLimits.maxSystems` and `waveLimits.maxDataGiB`: the smallest raise of one wave limit
// that meets the deadline (smallest.ts), on its own or on top of another lever already pulled.
// maxSystems is searched in whole systems up to all the moving systems in one wave; maxDataGiB in
// steps of 100 GiB (10 GiB below 1 000, 1 GiB below 100) up to all their data in one wave. A
// raised data limit is fixed for every wave (a profile maxDataGiB replaces the WAN formula).
import { wavesNeeded } from "./bounds.js";
import { composePatches, type Json } from "./merge-patch.js";
import { smallestMeeting } from "./smallest.js";
import type { Found, Given, SearchContext } from "./types.js";
import { cutoverBefore } from "./bounds.js";

/** Smallest maxSystems above the profile's that meets the deadline on top of `given`. */
export function searchMaxSystems(ctx: SearchContext, given: Given): Found | undefined {
  const on = ctx.replanner.resolve(given.patch);
  if (typeof on === "string") return undefined;
  const from = ctx.profile.maxSystems;
  const all = ctx.units.reduce((n, u) => n + u.systems.length, 0);
  const windows = cutoverBefore(on).windows;
  const value = (k: number): number => from + k;
  const patch = (k: number): Json => composePatches(given.patch, { waveLimits: { maxSystems: value(k) } });
  const found = smallestMeeting(ctx.replanner, {
    count: Math.max(0, all - from),
    value,
    mayMeet: (k) => wavesNeeded(ctx.units, value(k), on.maxDataGiB) <= windows,
    patch,
  });
  if (!found) return undefined;
  return { levers: [...given.levers, { kind: "maxSystems", from, to: found.value }], patch: composePatches(given.patch, { waveLimits: { maxSystems: found.value } }), outcome: found.outcome };
}

/** Granularity of the data limit search, GiB. */
export function dataStep(limit: number): number {
  return limit >= 1000 ? 100 : limit >= 100 ? 10 : 1;
}

/** Smallest maxDataGiB (in steps, dataStep) above the profile's that meets the deadline on top of `given`. */
export function searchMaxData(ctx: SearchContext, given: Given): Found | undefined {
  const on = ctx.replanner.resolve(given.patch);
  if (typeof on === "string") return undefined;
  const from = ctx.profile.maxDataGiB;
  const step = dataStep(from);
  const first = Math.floor(from / step) * step + step;
  const all = Math.ceil(ctx.units.reduce((n, u) => n + u.dataGiB, 0) / step) * step;
  const windows = cutoverBefore(on).windows;
  const value = (k: number): number => first + (k - 1) * step;
  const patch = (k: number): Json => composePatches(given.patch, { waveLimits: { maxDataGiB: value(k) } });
  const found = smallestMeeting(ctx.replanner, {
    count: all >= first ? (all - first) / step + 1 : 0,
    value,
    mayMeet: (k) => wavesNeeded(ctx.units, on.maxSystems, value(k)) <= windows,
    patch,
  });
  if (!found) return undefined;
  return { levers: [...given.levers, { kind: "maxDataGiB", from, to: found.value }], patch: patch((found.value - first) / step + 1), outcome: found.outcome };
}
