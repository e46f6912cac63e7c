// Deadline truth: whether the merger is done by the deadline, which systems are late, when it can
// realistically finish and why not sooner. Per the contract, the deadline is met exactly when every
// wave ends on or before it and nothing is unscheduled; the late systems are those of waves ending
// after it plus the unscheduled ones. The critical chain names what binds: too few windows for the
// wave limits, days lost to holidays and blackouts, capacity waiting for procurement, pins and
// hold-backs, and the chain of providers the last late group waited for.
import type { Calendar, Window } from "./calendar.js";
import { addDays, dayNumber, isoDate } from "./dates.js";
import { type Message, MessageLog, MSG } from "./messages.js";
import type { ChainLink, Deadline } from "./plan-schema.js";
import type { PlanningProfile } from "./profile.js";
import type { LowerBoundDetail } from "./lower-bound.js";
import type { DraftWave, ScheduleResult, Unit, UnitTrace } from "./schedule.js";

/** Fills `deadline` (see file header). */
export function deadlineTruth(schedule: ScheduleResult, waves: readonly DraftWave[], profile: PlanningProfile, windows: readonly Window[], calendar: Calendar, lowerBound: LowerBoundDetail, log: MessageLog = new MessageLog()): Deadline {
  const say = (msg: Message): string => log.say(msg);
  const date = profile.deadline;
  const late = new Set<string>();
  for (const w of waves) if (w.window.end > date) for (const ui of w.units) for (const s of schedule.units[ui].systems) late.add(s);
  // A done wave's systems are in no unit (schedule/done-waves.ts).
  for (const w of waves) if (w.window.end > date) for (const s of w.recorded?.done ?? []) late.add(s);
  for (const u of schedule.unscheduled) late.add(u.system);
  const met = waves.every((w) => w.window.end <= date) && schedule.unscheduled.length === 0;
  const before = windows.filter((w) => w.end <= date);
  const windowsBeforeDeadline = before.reduce((n, w) => n + w.days, 0);
  const projectedCompletion = schedule.unscheduled.length === 0 && waves.length > 0 ? waves[waves.length - 1].window.end : undefined;
  const chain: ChainLink[] = [];
  if (!met) {
    if (profile.startDate > date) {
      chain.push({ kind: "calendar", subject: "deadline", message: say(MSG.deadlinePassed({ deadline: date, start: profile.startDate })) });
    }
    const n = before.length;
    if (lowerBound.components.systems > n) {
      chain.push({ kind: "wave-limit", subject: "waveLimits.maxSystems", message: say(MSG.tooFewWindows({ dimension: "systems", need: lowerBound.components.systems, limit: profile.maxSystems, windows: n, deadline: date })) });
    }
    if (lowerBound.components.data > n) {
      chain.push({ kind: "wave-limit", subject: "waveLimits.maxDataGiB", message: say(MSG.tooFewWindows({ dimension: "data", need: lowerBound.components.data, limit: profile.maxDataGiB, windows: n, deadline: date })) });
    }
    const lost: { date: string; why: Message }[] = [];
    if (profile.startDate <= date) {
      for (let d = dayNumber(profile.startDate); d <= dayNumber(date); d++) {
        const iso = isoDate(d);
        const why = calendar.blockedMessage(iso);
        if (why && !why.en.includes("not a cutover weekday")) lost.push({ date: iso, why });
      }
    }
    if (lost.length > 0) chain.push({ kind: "calendar", subject: "calendar", message: say(MSG.blockedDays({ count: lost.length, days: lost.slice(0, 6), more: lost.length > 6 })) });
    // Trace the last late unit back through what delayed it.
    const lateUnits = waves.filter((w) => w.window.end > date).flatMap((w) => w.units);
    const unsched = schedule.unscheduled.length > 0 ? schedule.unitOfSystem.get(schedule.unscheduled[0].system) : undefined;
    let ui: number | undefined = unsched ?? lateUnits[lateUnits.length - 1];
    const seen = new Set<number>();
    while (ui !== undefined && !seen.has(ui) && seen.size < 12) {
      seen.add(ui);
      const u = schedule.units[ui];
      const t: UnitTrace = schedule.traces[ui];
      const where = t.wave !== undefined ? MSG.chainWhere({ wave: t.wave, start: waves[t.wave - 1].window.start }) : MSG.chainWhere({});
      if (u.pinDate !== undefined && u.pinDate > date) chain.push({ kind: "pin", subject: u.systems[0], message: say(MSG.pinnedAfterDeadline({ systems: u.systems, date: u.pinDate })) });
      if (u.notBefore !== undefined && u.notBefore > addDays(date, -1)) chain.push({ kind: "pin", subject: u.systems[0], message: say(MSG.heldBackChain({ systems: u.systems, date: u.notBefore })) });
      if (t.lastDefer) {
        const kind = t.lastDefer.kind === "capacity" ? "capacity" : t.lastDefer.kind === "group-size" ? "group-size" : "wave-limit";
        chain.push({ kind, subject: u.id, message: say(MSG.landsInDeferred({ unit: u.id, systems: u.systems, where, windowStart: windows[t.lastDefer.window].start, why: t.lastDefer.text })) });
      } else if (t.bindingPred === undefined && t.readyWindow !== undefined && t.window !== undefined && t.window > t.readyWindow) {
        chain.push({ kind: "wave-limit", subject: u.id, message: say(MSG.landsInFilled({ unit: u.id, systems: u.systems, where })) });
      }
      if (t.bindingPred !== undefined) {
        const p: Unit = schedule.units[t.bindingPred];
        const hard = u.hardPreds.has(p.index);
        chain.push({ kind: hard ? "consolidation" : "dependency", subject: u.id, message: say(MSG.chainWaits({ unit: u.id, provider: p.id, hard, wave: schedule.traces[p.index].wave })) });
        ui = p.index;
      } else {
        ui = undefined;
      }
    }
  }
  return {
    date,
    met,
    late: [...late].sort(),
    ...(projectedCompletion ? { projectedCompletion } : {}),
    criticalChain: chain,
    windowsBeforeDeadline,
  };
}
