// Tight couplings the plan cannot honour: a moving system (other than one merged into a survivor)
// tightly coupled to a system retained at another site than the target. Each is reported as a
// `tight-coupling-split` violation on the moving side. Cost: O(dependencies).
import { MOVING, type SystemDecision } from "../dispositions.js";
import { MSG } from "../messages.js";
import type { Findings, ScheduleInput } from "./types.js";

/** Adds a tight-coupling-split violation for each moving system left tightly coupled to one that stays at another site. */
export function reportTightCouplingSplits(input: ScheduleInput, findings: Findings): void {
  const { index, decisions, target } = input;
  for (const sys of index.inventory.systems) {
    const d = decisions.get(sys.id)!;
    for (const dep of sys.dependsOn ?? []) {
      if (dep.coupling !== "tight" || !index.systems.has(dep.target)) continue;
      const td = decisions.get(dep.target)!;
      const pairs: [string, SystemDecision, string, SystemDecision][] = [[sys.id, d, dep.target, td], [dep.target, td, sys.id, d]];
      for (const [m, md, o, od] of pairs) {
        const oSite = input.siteOf.get(o);
        if (MOVING.has(md.disposition) && md.disposition !== "consolidate" && od.disposition === "retain" && oSite !== undefined && oSite !== target) {
          findings.violations.push({ rule: "tight-coupling-split", subject: m, message: findings.say(MSG.tightCouplingSplit({ system: m, target, other: o, otherSite: oSite })) });
        }
      }
    }
  }
}
