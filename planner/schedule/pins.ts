// Pins from the profile applied to units: `notBefore` holds a unit back until the first window
// starting on or after that day; `date` fixes it to the window containing that day. Pins that
// cannot hold (a date outside every window, two dates for one unit, a date before its notBefore)
// are reported as `pin-conflict` and dropped; a pin on a system that does not move is ignored
// with a warning.
import { MSG } from "../messages.js";
import { PROGRESS_MSG } from "../progress/messages.js";
import type { Findings, ScheduleInput, Unit } from "./types.js";
import { firstWindowFrom, windowOfDate } from "./windows.js";

/** Sets each unit's release window and pin window from the profile's pins (see file header). */
export function applyPins(input: ScheduleInput, units: readonly Unit[], unitOfSystem: ReadonlyMap<string, number>, findings: Findings): void {
  const { index, decisions, profile, windows } = input;
  const { violations, warnings, say } = findings;
  for (const pin of profile.pins) {
    const ui = unitOfSystem.get(pin.system);
    if (ui === undefined) {
      const done = input.recorded?.doneIn.get(pin.system);
      if (done) warnings.push({ rule: "pin-ignored", subject: pin.system, message: say(PROGRESS_MSG.pinOnDone({ system: pin.system, start: done.start, end: done.end })) });
      else if (index.systems.has(pin.system)) warnings.push({ rule: "pin-ignored", subject: pin.system, message: say(MSG.pinIgnored({ system: pin.system, disposition: decisions.get(pin.system)?.disposition })) });
      continue;
    }
    const u = units[ui];
    if (pin.notBefore !== undefined && (u.notBefore === undefined || pin.notBefore > u.notBefore)) {
      u.notBefore = pin.notBefore;
      u.release = firstWindowFrom(windows, pin.notBefore);
    }
    if (pin.date !== undefined) {
      const w = windowOfDate(windows, pin.date);
      if (w < 0) {
        violations.push({ rule: "pin-conflict", subject: pin.system, message: say(MSG.pinOutsideWindows({ system: pin.system, date: pin.date, start: profile.startDate, horizonEnd: profile.horizonEnd })) });
      } else if (u.pinWindow >= 0 && u.pinWindow !== w) {
        violations.push({ rule: "pin-conflict", subject: pin.system, message: say(MSG.pinTwice({ system: pin.system, date: pin.date, systems: u.systems, firstDate: u.pinDate })) });
      } else {
        u.pinWindow = w;
        u.pinDate = pin.date;
      }
    }
  }
  for (const u of units) {
    if (u.pinWindow >= 0 && u.pinWindow < u.release) {
      violations.push({ rule: "pin-conflict", subject: u.systems[0], message: say(MSG.pinHeldBack({ unit: u.id, date: u.pinDate, notBefore: u.notBefore })) });
      u.pinWindow = -1;
    }
  }
}
