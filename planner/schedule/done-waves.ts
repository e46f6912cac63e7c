// Done waves: the cutover windows recorded in the progress file (planner/progress/), placed before
// any planned wave and numbered with them. Each lists its done systems (which are in no unit, so
// they are never scheduled again) and its failed ones (whose units are scheduled like any other).
// What a done wave moved counts at the target site from then on: the target size of the servers
// its systems left (each server once) and the rack space and power of relocated systems' hardware;
// the closing-site hosts it emptied are freed on its last day (hosts.ts), which may plan their
// relocation in the first planned window (recorded server facts are the host tracker's own). A
// done wave counts as a wave for the pilot rule: the pilots are the first two cutovers, done or not.
import { addFootprint, footprintOf } from "../capacity.js";
import { daysBetween } from "../dates.js";
import { PROGRESS_MSG } from "../progress/messages.js";
import { addSize } from "../sizing.js";
import { round1 } from "./types.js";
import type { ScheduleRun } from "./window.js";

/** Adds the recorded cutovers as done waves to `run` (see file header); nothing without recorded progress. */
export function seedDoneWaves(run: ScheduleRun): void {
  const { input, hosts, findings } = run;
  const recorded = input.recorded;
  if (!recorded) return;
  const { index, decisions, target } = input;
  const counted = new Set<string>();
  for (const c of recorded.cutovers) {
    let data = 0;
    for (const id of c.done) {
      const sys = index.systems.get(id)!;
      data += sys.dataGiB ?? 0;
      const carried = decisions.get(id)?.disposition === "relocate";
      for (const sid of sys.servers) {
        const srv = index.servers.get(sid);
        if (!srv || srv.site === target || counted.has(sid)) continue;
        counted.add(sid);
        const size = input.incoming.get(sid);
        if (size) run.used = addSize(run.used, size);
        if (carried && srv.kind !== "virtual") hosts.fpUsed = addFootprint(hosts.fpUsed, footprintOf(srv));
      }
    }
    hosts.raisePeak(hosts.fpUsed);
    const failed = c.failed.map((f) => f.system);
    run.waves.push({
      number: run.waves.length + 1,
      window: { index: -1, start: c.start, end: c.end, days: daysBetween(c.start, c.end) + 1 },
      units: [],
      systems: c.done.length,
      dataGiB: round1(data),
      notes: [findings.say(PROGRESS_MSG.doneWaveNote({ done: c.done.length, failed }))],
      recorded: c,
    });
    run.usedAfter.push(run.used);
    hosts.systemsLeft(c.done, c.end, -1);
  }
}
