// The planner's public functions; nothing else lives here.
export { Calendar, vietnamesePublicHolidays, MAX_WINDOW_DAYS, type Window } from "./calendar.js";
export { targetCapacity, incomingTargets, usableOf } from "./capacity.js";
export { deadlineTruth } from "./deadline.js";
export { serverFates, kwhPerYear, DEFAULT_PUE } from "./decommission.js";
export { decideDispositions, isHardwareBound, surviveScore, MOVING } from "./dispositions.js";
export { explain } from "./explain.js";
export { waveLowerBound } from "./lower-bound.js";
export { PackingQueue } from "./packing.js";
export { planMigration, planWithProfile, serialisePlan, phaseOf, type DetailedPlan, type PlannerInput } from "./plan.js";
export { checkProfile, loadProfile, prepareProfile, profileFindings, profileInventoryFindings, profileSummary, resolveProfile, gibPerDay, interSiteMbps, PROFILE_DEFAULTS, type PlanningProfile } from "./profile.js";
export { buildRoadmap } from "./roadmap.js";
export { scheduleWaves, dataLimit, HIGH_SECURITY_LEVEL, PILOT_WAVES } from "./schedule.js";
export { rightSize, allocatedSize } from "./sizing.js";
export { summarise, RACK_UNITS } from "./summary.js";
export { chooseTargetSite } from "./target-site.js";
