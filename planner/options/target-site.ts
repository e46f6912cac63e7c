// Lever `targetSite`: keep another data centre instead. Every other data-centre site that hosts
// servers (the planner's own candidates, planner/target-site.ts) is re-planned as the target; the
// direction of every move changes, so nothing of the base plan can rule a candidate out cheaply.
import { composePatches } from "./merge-patch.js";
import type { Found, Given, SearchContext } from "./types.js";

/** The sites the planner could keep instead of the base plan's target, by id. */
export function otherTargetSites(ctx: SearchContext): string[] {
  const { index } = ctx.replanner.input.planner;
  const withServers = new Set(index.inventory.servers.map((s) => s.site));
  const target = ctx.base.plan.targetSite;
  return [...index.sites.values()]
    .filter((s) => s.kind === "datacenter" && withServers.has(s.id) && s.id !== target)
    .map((s) => s.id)
    .sort();
}

/** Other target sites that meet the deadline on top of `given`. */
export function searchTargetSite(ctx: SearchContext, given: Given): Found[] {
  const out: Found[] = [];
  for (const site of otherTargetSites(ctx)) {
    const patch = composePatches(given.patch, { targetSite: site });
    const t = ctx.replanner.trial(patch);
    if (t.status === "planned" && t.outcome.met) out.push({ levers: [...given.levers, { kind: "targetSite", site: { from: ctx.base.plan.targetSite, to: site } }], patch, outcome: t.outcome });
  }
  return out;
}
