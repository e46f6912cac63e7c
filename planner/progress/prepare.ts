// Reads and checks a progress file outside the planner (`dcplan validate --progress`, `dcplan
// record`): the rules need the profile's calendar and, for the consolidated-before-survivor
// warning, the planner's dispositions (target site, move groups, consolidation survivors), which
// are decided here the way planWithProfile decides them. The planner itself checks the progress
// it is given with its own decisions (plan.ts).
import type { InventoryIndex } from "../../inventory/model.js";
import { moveGroups } from "../../inventory/queries/move-groups.js";
import { Calendar } from "../calendar.js";
import { decideDispositions, MOVING, type SystemDecision } from "../dispositions.js";
import { MessageLog } from "../messages.js";
import type { PlanningProfile } from "../profile.js";
import { chooseTargetSite } from "../target-site.js";
import { type CheckedProgress, checkProgress } from "./check.js";
import { type LoadedProgress, loadProgress } from "./load.js";

/** The calendar the profile's cutovers follow (weekdays, blackouts; public holidays always). */
export function profileCalendar(profile: PlanningProfile): Calendar {
  return new Calendar({ weekdays: profile.weekdays, blackouts: profile.blackouts });
}

/** Consolidation survivors and moving systems as the planner decides them for `profile`. */
export function plannedMoves(index: InventoryIndex, profile: PlanningProfile): { consolidations: Map<string, string>; moving: Set<string> } {
  const log = new MessageLog();
  const target = chooseTargetSite(index, profile.targetSite, profile.deadline, profile.cpuOvercommit, log).site;
  return movesOf(decideDispositions(index, target, profile.deadline, log, moveGroups(index)).decisions);
}

/** Consolidation survivors and moving systems of the planner's `decisions` (what the progress rules need of them). */
export function movesOf(decisions: ReadonlyMap<string, SystemDecision>): { consolidations: Map<string, string>; moving: Set<string> } {
  const consolidations = new Map<string, string>();
  const moving = new Set<string>();
  for (const [id, d] of decisions) {
    if (d.disposition === "consolidate" && d.into !== undefined) consolidations.set(id, d.into);
    if (MOVING.has(d.disposition)) moving.add(id);
  }
  return { consolidations, moving };
}

/** Checks an already loaded progress file against the inventory and profile; throws ProgressError. */
export function checkProgressFor(loaded: LoadedProgress, index: InventoryIndex, profile: PlanningProfile, asOf: string): CheckedProgress {
  return checkProgress(loaded, { index, asOf, calendar: profileCalendar(profile), ...plannedMoves(index, profile) });
}

/** Loads `file` and checks it (see checkProgressFor); throws ProgressError with every problem. */
export function prepareProgress(file: string, index: InventoryIndex, profile: PlanningProfile, asOf: string): CheckedProgress {
  return checkProgressFor(loadProgress(file), index, profile, asOf);
}
