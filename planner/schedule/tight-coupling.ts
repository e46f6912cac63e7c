// Tight couplings the plan cannot honour: a moving system tightly coupled to a system that stays
// at a site other than the target. A system merged into a survivor counts where its survivor runs
// after the merger (followed through chains). Unpinned systems never end up so (dispositions.ts
// keeps them with the pinned retain, held-by-pins.ts), so what is left is a contradiction people
// pinned: each is reported as a `tight-coupling-split` violation on the moving side. O(dependencies).
import type { SystemDecision } from "../dispositions.js";
import { MOVING } from "../dispositions.js";
import { MSG, type Named } from "../messages.js";
import type { Findings, ScheduleInput } from "./types.js";

/** Where a system runs after the merger: its site when retained, the target when it moves, its survivor's place when merged away, nowhere when retired. */
export function finalSite(input: Pick<ScheduleInput, "decisions" | "siteOf" | "target">, id: string): string | undefined {
  const seen = new Set<string>();
  let cur: string | undefined = id;
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur);
    const d: SystemDecision | undefined = input.decisions.get(cur);
    if (!d || d.disposition === "retire") return undefined;
    if (d.disposition === "retain") return input.siteOf.get(cur);
    if (d.disposition !== "consolidate") return input.target;
    cur = d.into;
  }
  return undefined;
}

/** Adds a tight-coupling-split violation for each moving system left tightly coupled to one that stays at another site. */
export function reportTightCouplingSplits(input: ScheduleInput, findings: Findings): void {
  const { index, decisions, target } = input;
  const system = (id: string): Named => ({ id, name: index.systems.get(id)?.name ?? id });
  const site = (id: string): Named => ({ id, name: index.sites.get(id)?.name ?? id });
  for (const sys of index.inventory.systems) {
    for (const dep of sys.dependsOn ?? []) {
      if (dep.coupling !== "tight" || !index.systems.has(dep.target)) continue;
      for (const [m, o] of [[sys.id, dep.target], [dep.target, sys.id]]) {
        const md = decisions.get(m)!;
        const oSite = input.siteOf.get(o);
        if (!MOVING.has(md.disposition) || decisions.get(o)!.disposition !== "retain" || oSite === undefined || oSite === target) continue;
        const mSite = finalSite(input, m);
        if (mSite === undefined || mSite === oSite) continue;
        const message = MSG.tightCouplingSplit({ system: system(m), target: site(mSite), other: system(o), otherSite: site(oSite), ...(md.disposition === "consolidate" && md.into !== undefined ? { mergedInto: system(md.into) } : {}) });
        findings.violations.push({ rule: "tight-coupling-split", subject: m, message: findings.say(message) });
      }
    }
  }
}
