// Deadline truth: whether the merger is done by the deadline, which systems are late, when it can
// realistically finish and why not sooner. Per the contract, the deadline is met exactly when every
// wave ends on or before it and nothing is unscheduled; the late systems are those of waves ending
// after it plus the unscheduled ones. The critical chain names what binds, each link in terms a
// reader can check against the rest of the plan: too few cutover windows for the waves the moving
// systems need (the groups too large for one wave named with their size, the others' count against
// the wave limit; the windows left counted in cutover windows and days), days lost to holidays and
// blackouts, capacity waiting for procurement (the shortfall, the day bought hardware can arrive,
// the purchase the wave needs), pins and hold-backs, and the chain of providers the last late group
// waited for. The numbers in each sentence are the plan's own: the wave bound is the lower bound's
// component (lower-bound.ts), the windows are `cutoverWindowsBeforeDeadline`, the purchase is the
// plan's procurement entry.
import type { Calendar, Window } from "./calendar.js";
import { addDays, dayNumber, isoDate } from "./dates.js";
import { binPackingBound, type LowerBoundDetail } from "./lower-bound.js";
import { type Message, MessageLog, MSG, type Named } from "./messages.js";
import type { NationalConnection } from "./national-connections.js";
import type { ChainLink, Deadline } from "./plan-schema.js";
import type { PlanningProfile } from "./profile.js";
import type { DraftWave, ScheduleResult, Unit, UnitTrace } from "./schedule.js";

/** How the chain names things for Vietnamese readers. */
export interface DeadlineNames {
  /** A unit by its id and the name of the system it is named after. */
  readonly unit: (u: Unit) => Named;
}

const byId: DeadlineNames = { unit: (u) => ({ id: u.id, name: u.id }) };

/**
 * Fills `deadline` (see file header); `names` gives the names Vietnamese sentences use [ids];
 * `milestones` are the national connections due on the deadline (national-connections.ts) [none]:
 * they are listed, and one not reached by the deadline is a link of the critical chain.
 */
export function deadlineTruth(
  schedule: ScheduleResult,
  waves: readonly DraftWave[],
  profile: PlanningProfile,
  windows: readonly Window[],
  calendar: Calendar,
  lowerBound: LowerBoundDetail,
  log: MessageLog = new MessageLog(),
  names: DeadlineNames = byId,
  milestones: readonly NationalConnection[] = [],
): Deadline {
  const say = (msg: Message): string => log.say(msg);
  const date = profile.deadline;
  const late = new Set<string>();
  for (const w of waves) if (w.window.end > date) for (const ui of w.units) for (const s of schedule.units[ui].systems) late.add(s);
  // A done wave's systems are in no unit (schedule/done-waves.ts).
  for (const w of waves) if (w.window.end > date) for (const s of w.recorded?.done ?? []) late.add(s);
  for (const u of schedule.unscheduled) late.add(u.system);
  const met = waves.every((w) => w.window.end <= date) && schedule.unscheduled.length === 0;
  const before = windows.filter((w) => w.end <= date);
  const cutoverDays = before.reduce((n, w) => n + w.days, 0);
  const projectedCompletion = schedule.unscheduled.length === 0 && waves.length > 0 ? waves[waves.length - 1].window.end : undefined;
  const chain: ChainLink[] = [];
  // National connections not reached by the deadline make the merger's 2026 phase late too.
  for (const c of milestones) if (!c.met) chain.push({ kind: "dependency", subject: c.system, message: say(c.reason) });
  if (!met) {
    if (profile.startDate > date) {
      chain.push({ kind: "calendar", subject: "deadline", message: say(MSG.deadlinePassed({ deadline: date, start: profile.startDate })) });
    }
    const n = before.length;
    for (const dimension of ["systems", "data"] as const) {
      if (lowerBound.components[dimension] <= n) continue;
      const message = MSG.tooFewWindows({ ...waveNeed(schedule.units, profile, dimension, names), need: lowerBound.components[dimension], windows: n, days: cutoverDays, deadline: date });
      chain.push({ kind: "wave-limit", subject: dimension === "systems" ? "waveLimits.maxSystems" : "waveLimits.maxDataGiB", message: say(message) });
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
        chain.push({ kind, subject: u.id, message: say(MSG.landsInDeferred({ unit: names.unit(u), systems: u.systems, dataGiB: u.dataGiB, where, windowStart: windows[t.lastDefer.window].start, why: t.lastDefer.text })) });
        // Capacity: the purchase that lets its wave run, as the plan's procurement lists it.
        const bought = t.lastDefer.kind === "capacity" && t.wave !== undefined ? schedule.procurement.find((p) => p.by === addDays(waves[t.wave! - 1].window.start, -1)) : undefined;
        if (bought) {
          const message = MSG.chainProcured({ wave: t.wave!, by: bought.by, cores: bought.cpuCores, memoryGiB: bought.memoryGiB, storageGiB: bought.storageGiB, racks: bought.footprint?.racks, powerKw: bought.footprint?.powerKw });
          chain.push({ kind: "capacity", subject: u.id, message: say(message) });
        }
      } else if (t.bindingPred === undefined && t.readyWindow !== undefined && t.window !== undefined && t.window > t.readyWindow) {
        chain.push({ kind: "wave-limit", subject: u.id, message: say(MSG.landsInFilled({ unit: names.unit(u), systems: u.systems, where })) });
      }
      if (t.bindingPred !== undefined) {
        const p: Unit = schedule.units[t.bindingPred];
        const hard = u.hardPreds.has(p.index);
        chain.push({ kind: hard ? "consolidation" : "dependency", subject: u.id, message: say(MSG.chainWaits({ unit: names.unit(u), provider: names.unit(p), hard, wave: schedule.traces[p.index].wave })) });
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
    windowsBeforeDeadline: cutoverDays,
    cutoverWindowsBeforeDeadline: before.length,
    cutoverDaysBeforeDeadline: cutoverDays,
    nationalConnections: milestones.map((c) => ({ system: c.system, externals: c.externals, takesOver: c.takesOver, due: c.due, ...(c.on !== undefined ? { on: c.on } : {}), met: c.met, reason: say(c.reason) })),
  };
}

/**
 * What the waves bound of one dimension is made of, as lower-bound.ts counts it: the units over a
 * wave limit (each a wave alone), and the others' systems (or data) with their bin-packing bound.
 */
function waveNeed(units: readonly Unit[], profile: PlanningProfile, dimension: "systems" | "data", names: DeadlineNames) {
  const over = (u: Unit): boolean => u.systems.length > profile.maxSystems || u.dataGiB > profile.maxDataGiB;
  const size = (u: Unit): number => (dimension === "systems" ? u.systems.length : u.dataGiB);
  const rest = units.filter((u) => !over(u));
  const oversized = units
    .filter(over)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((u) => ({ group: names.unit(u), systems: u.systems.length, dataGiB: u.dataGiB }));
  const total = (list: readonly Unit[]): number => Math.round(list.reduce((n, u) => n + size(u), 0) * 10) / 10;
  const limit = dimension === "systems" ? profile.maxSystems : profile.maxDataGiB;
  return { dimension, moving: total(units), oversized, rest: total(rest), restWaves: binPackingBound(rest.map(size), limit), limit };
}
