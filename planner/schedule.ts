// Wave scheduling: assigns move groups to dated waves by greedy list scheduling over the calendar's
// windows, in window order. The stages, each in its own file under planner/schedule/, read in order:
//
//  1. units.ts          — units (move groups restricted to moving systems) and their ordering edges;
//                         cycles of survivor-first edges merged, loose cycles cut.
//  2. tight-coupling.ts — tight couplings to systems staying at another site, reported.
//  3. pins.ts           — the profile's date and notBefore pins applied to units.
//     done-waves.ts     — cutovers recorded in the progress file become the first (done) waves.
//  4. hosts.ts          — closing-site hosts tracked until freed, relocations, rack space and power.
//  5. state.ts          — readiness of units and the ready queue (pilot heap, then packing queue).
//  6. window.ts         — the window loop's body: one window's wave filled within its limits.
//  7. close-wave.ts     — a wave closed: the shortfall bought, the wave recorded, hosts freed.
//  8. unscheduled.ts    — what no window could take, and why.
//
// Cost: O((units + edges) log units + windows), with deferred units re-queued once per window.
import { addDays } from "./dates.js";
import { MessageLog } from "./messages.js";
import { closeWave } from "./schedule/close-wave.js";
import { seedDoneWaves } from "./schedule/done-waves.js";
import { HostTracker } from "./schedule/hosts.js";
import { applyPins } from "./schedule/pins.js";
import { SchedulingState } from "./schedule/state.js";
import { reportTightCouplingSplits } from "./schedule/tight-coupling.js";
import type { Findings, ScheduleInput, ScheduleResult } from "./schedule/types.js";
import { buildUnits } from "./schedule/units.js";
import { unscheduledSystems } from "./schedule/unscheduled.js";
import { fillWindow, type ScheduleRun } from "./schedule/window.js";

export type { DraftWave, FootprintPurchase, PlanningContext, Relocation, ScheduleInput, ScheduleResult, Unit, UnitTrace } from "./schedule/types.js";
export { HIGH_SECURITY_LEVEL, PILOT_WAVES, RELOCATE_MIN_SUPPORT_DAYS } from "./schedule/types.js";
export { dataLimit, firstWindowFrom } from "./schedule/windows.js";

/** Schedules every moving system into waves (see file header). */
export function scheduleWaves(input: ScheduleInput): ScheduleResult {
  const log = input.log ?? new MessageLog();
  const findings: Findings = { violations: [], warnings: [], say: (msg) => log.say(msg) };
  const { units, unitOfSystem } = buildUnits(input);
  reportTightCouplingSplits(input, findings);
  applyPins(input, units, unitOfSystem, findings);
  const hosts = new HostTracker(input);
  hosts.freeIdleHosts();
  const state = new SchedulingState(units, input.profile);
  const run: ScheduleRun = {
    input,
    units,
    state,
    hosts,
    findings,
    procurementFrom: addDays(input.asOf, input.profile.procurementLeadDays),
    closedBecause: new Map(),
    waves: [],
    usedAfter: [],
    procurement: [],
    capacity: { ...input.initialUsable },
    used: { ...input.initialUsed },
  };
  seedDoneWaves(run);
  let firstWave: ScheduleResult["firstWave"];
  for (let w = 0; w < input.windows.length && state.placedCount < units.length; w++) {
    const win = input.windows[w];
    state.releaseWindow(w);
    run.capacity = hosts.addArrivals(run.capacity, win.start);
    const canProcure = addDays(win.start, -1) >= run.procurementFrom;
    state.startWindow(run.waves.length);
    const wave = fillWindow(run, w, canProcure);
    if (wave.members.length === 0) continue;
    if (run.waves.length === 0) firstWave = { capacity: run.capacity, used: run.used, canProcure };
    closeWave(run, wave);
  }
  const unscheduled = unscheduledSystems(input, units, state);
  // Pending arrivals that never mattered to a wave still add capacity later; keep them (relocations map).
  return {
    units,
    unitOfSystem,
    traces: state.traces,
    waves: run.waves,
    unscheduled,
    procurement: run.procurement,
    relocations: hosts.relocations,
    violations: findings.violations,
    warnings: findings.warnings,
    usedAfter: run.usedAfter,
    firstWave,
    noRoom: hosts.noRoom,
    footprint: { peak: hosts.fpPeak, limit: hosts.fpLimit },
  };
}
