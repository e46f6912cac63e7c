// Systems no window could take, each with the reason of its unit: held back past the horizon,
// waiting for a provider that was never placed, left without room, or simply out of windows.
import { type Message, MSG } from "../messages.js";
import type { SchedulingState } from "./state.js";
import type { ScheduleInput, Unit } from "./types.js";
import { waitsFor } from "./units.js";

/** Every system of an unplaced unit with why it was not placed, sorted by system id. */
export function unscheduledSystems(input: ScheduleInput, units: readonly Unit[], state: SchedulingState): { system: string; reason: Message }[] {
  const { windows, profile } = input;
  const unscheduled: { system: string; reason: Message }[] = [];
  for (const u of units) {
    if (state.placed[u.index]) continue;
    const t = state.traces[u.index];
    let reason: Message;
    if (u.release >= windows.length) reason = MSG.unscheduledHeldBack({ notBefore: u.notBefore, horizonEnd: profile.horizonEnd });
    else if (state.waitFor[u.index] > 0) {
      const p = u.preds.find((q) => !state.placed[q] && waitsFor(u, units[q]));
      reason = MSG.unscheduledWaits({ provider: p !== undefined ? units[p].id : undefined, horizonEnd: profile.horizonEnd });
    } else if (t.lastDefer) reason = MSG.unscheduledNoRoom({ horizonEnd: profile.horizonEnd, why: t.lastDefer.text });
    else reason = MSG.unscheduledNoWindow({ horizonEnd: profile.horizonEnd });
    for (const s of u.systems) unscheduled.push({ system: s, reason });
  }
  unscheduled.sort((a, b) => (a.system < b.system ? -1 : 1));
  return unscheduled;
}
