// Deadline truth: whether the merger is done by the deadline, which systems are late, when it can
// realistically finish and why not sooner. Per the contract, the deadline is met exactly when every
// wave ends on or before it and nothing is unscheduled; the late systems are those of waves ending
// after it plus the unscheduled ones. The critical chain names what binds: too few windows for the
// wave limits, days lost to holidays and blackouts, capacity waiting for procurement, pins and
// hold-backs, and the chain of providers the last late group waited for.
import type { Calendar, Window } from "./calendar.js";
import { addDays, dayNumber, isoDate } from "./dates.js";
import type { ChainLink, Deadline } from "./plan-schema.js";
import type { PlanningProfile } from "./profile.js";
import type { LowerBoundDetail } from "./lower-bound.js";
import type { DraftWave, ScheduleResult, Unit, UnitTrace } from "./schedule.js";

/** Fills `deadline` (see file header). */
export function deadlineTruth(schedule: ScheduleResult, waves: readonly DraftWave[], profile: PlanningProfile, windows: readonly Window[], calendar: Calendar, lowerBound: LowerBoundDetail): Deadline {
  const date = profile.deadline;
  const late = new Set<string>();
  for (const w of waves) if (w.window.end > date) for (const ui of w.units) for (const s of schedule.units[ui].systems) late.add(s);
  for (const u of schedule.unscheduled) late.add(u.system);
  const met = waves.every((w) => w.window.end <= date) && schedule.unscheduled.length === 0;
  const before = windows.filter((w) => w.end <= date);
  const windowsBeforeDeadline = before.reduce((n, w) => n + w.days, 0);
  const projectedCompletion = schedule.unscheduled.length === 0 && waves.length > 0 ? waves[waves.length - 1].window.end : undefined;
  const chain: ChainLink[] = [];
  if (!met) {
    if (profile.startDate > date) {
      chain.push({ kind: "calendar", subject: "deadline", message: `the deadline ${date} has already passed (planning starts ${profile.startDate}); every moving system is late` });
    }
    const n = before.length;
    if (lowerBound.components.systems > n) {
      chain.push({ kind: "wave-limit", subject: "waveLimits.maxSystems", message: `the moving systems need at least ${lowerBound.components.systems} waves at ≤ ${profile.maxSystems} systems per wave, but only ${n} window${n === 1 ? "" : "s"} remain before ${date}` });
    }
    if (lowerBound.components.data > n) {
      chain.push({ kind: "wave-limit", subject: "waveLimits.maxDataGiB", message: `the data to copy needs at least ${lowerBound.components.data} waves at ≤ ${profile.maxDataGiB} GiB per wave, but only ${n} window${n === 1 ? "" : "s"} remain before ${date}` });
    }
    const lost: string[] = [];
    if (profile.startDate <= date) {
      for (let d = dayNumber(profile.startDate); d <= dayNumber(date); d++) {
        const iso = isoDate(d);
        const why = calendar.blockedBecause(iso);
        if (why && !why.includes("not a cutover weekday")) lost.push(`${iso} (${why})`);
      }
    }
    if (lost.length > 0) chain.push({ kind: "calendar", subject: "calendar", message: `${lost.length} otherwise allowed day${lost.length === 1 ? "" : "s"} before the deadline are blocked: ${lost.slice(0, 6).join("; ")}${lost.length > 6 ? "; …" : ""}` });
    // Trace the last late unit back through what delayed it.
    const lateUnits = waves.filter((w) => w.window.end > date).flatMap((w) => w.units);
    const unsched = schedule.unscheduled.length > 0 ? schedule.unitOfSystem.get(schedule.unscheduled[0].system) : undefined;
    let ui: number | undefined = unsched ?? lateUnits[lateUnits.length - 1];
    const seen = new Set<number>();
    while (ui !== undefined && !seen.has(ui) && seen.size < 12) {
      seen.add(ui);
      const u = schedule.units[ui];
      const t: UnitTrace = schedule.traces[ui];
      const where = t.wave !== undefined ? `wave ${t.wave} (${waves[t.wave - 1].window.start})` : "no wave";
      if (u.pinDate !== undefined && u.pinDate > date) chain.push({ kind: "pin", subject: u.systems[0], message: `${u.systems.join(", ")} pinned to ${u.pinDate}, after the deadline` });
      if (u.notBefore !== undefined && u.notBefore > addDays(date, -1)) chain.push({ kind: "pin", subject: u.systems[0], message: `${u.systems.join(", ")} held back until ${u.notBefore}` });
      if (t.lastDefer) {
        const kind = t.lastDefer.kind === "capacity" ? "capacity" : t.lastDefer.kind === "group-size" ? "group-size" : "wave-limit";
        chain.push({ kind, subject: u.id, message: `${u.id} (${u.systems.join(", ")}) lands in ${where}: in ${windows[t.lastDefer.window].start} ${t.lastDefer.text}` });
      } else if (t.bindingPred === undefined && t.readyWindow !== undefined && t.window !== undefined && t.window > t.readyWindow) {
        chain.push({ kind: "wave-limit", subject: u.id, message: `${u.id} (${u.systems.join(", ")}) lands in ${where}: earlier waves were filled by lower-risk groups` });
      }
      if (t.bindingPred !== undefined) {
        const p: Unit = schedule.units[t.bindingPred];
        const hard = u.hardPreds.has(p.index);
        chain.push({ kind: hard ? "consolidation" : "dependency", subject: u.id, message: `${u.id} waits for ${p.id} (${hard ? "consolidation survivor in place first" : "provider no later than its consumer"}), placed in wave ${schedule.traces[p.index].wave ?? "none"}` });
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
