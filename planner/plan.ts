// planMigration: inventory + profile + as-of date → Plan. A pure function (no clock, no files):
// the same inputs give the same plan, byte for byte once serialised by serialisePlan.
// Pipeline: target site → dispositions → move groups → target capacity → waves (with relocations
// and procurement) → lower bound → server fates → deadline truth → roadmap → summary.
import { type DenseIndex, denseIndex } from "./dense.js";
import type { Inventory } from "../inventory/schema.js";
import type { InventoryIndex } from "../inventory/model.js";
import { moveGroups } from "../inventory/queries/move-groups.js";
import { jsonChunks } from "../common/json-chunks.js";
import { translationsText } from "./translations-text.js";
import { VERSION } from "../common/version.js";
import { maxDate, minDate } from "./dates.js";
import { Calendar } from "./calendar.js";
import { footprintWarnings, incomingAt, incomingById, targetCapacity, targetFootprint } from "./capacity.js";
import { deadlineTruth } from "./deadline.js";
import { serverFates } from "./decommission.js";
import { decideDispositions, MOVING, type SystemDecision } from "./dispositions.js";
import { waveLowerBound } from "./lower-bound.js";
import { joinMessages, type Message, MessageLog, moveGroupReason, MSG, planTranslations } from "./messages.js";
import type { CapacityStep, MoveGroup, Phase, Plan, PlanServer, PlanSystem, Platform, Violation, Wave } from "./plan-schema.js";
import { checkProfile, type PlanningProfile } from "./profile.js";
import type { Profile } from "./profile-schema.js";
import { nationalConnections } from "./national-connections.js";
import { buildRoadmap, LATER_PHASES_START, quarterLoads } from "./roadmap.js";
import { scheduleWaves, type ScheduleResult } from "./schedule.js";
import { unitNamed } from "./schedule/units.js";
import { addSize } from "./sizing.js";
import { summarise } from "./summary.js";
import { chooseTargetSite } from "./target-site.js";
import { applyRecordedDecisions, applyServerFacts, doneWaveEntry, doneWaveNumbers, doneWaveOf, planningStart, recordedHistory } from "./progress/apply.js";
import { type CheckedProgress, checkProgress } from "./progress/check.js";
import { NO_FACTS, type ProgressFacts, progressSummary } from "./progress/facts.js";
import type { LoadedProgress } from "./progress/load.js";
import { PROGRESS_MSG } from "./progress/messages.js";
import { movesOf } from "./progress/prepare.js";

/** What the planner needs of a loaded inventory. */
export interface PlannerInput {
  readonly inventory: Inventory;
  readonly index: InventoryIndex;
}

/** A plan plus the scheduler's working state (for `explain`). */
export interface DetailedPlan {
  readonly plan: Plan;
  readonly schedule: ScheduleResult;
  readonly profile: PlanningProfile;
  /** The progress file as checked (facts and warnings), when one was given. */
  readonly progress?: CheckedProgress;
  /** The messages said while planning, with their shown forms (what `translations` are made from). */
  readonly messages: MessageLog;
}

/** Options of planWithProfile. */
export interface PlanningOptions {
  /** Leave the plan's `translations` out, to be made from `messages` by the caller (planTranslations, background-translations.ts) [false]. */
  readonly deferTranslations?: boolean;
  /** The log to record the plan's sentences in (one with an observer, background-translations.ts) [a new one]. */
  readonly log?: MessageLog;
  /** Told the plan's move groups (ids and systems) once they are final, before most sentences are said. */
  readonly onGroups?: (groups: readonly PlanGroupShape[]) => void;
}

/** Plans the migration; `profile` is the profile as read (defaults resolved here); throws ProfileError on a bad profile. */
export function planMigration(input: PlannerInput, profile: Profile, asOf: string, progress?: LoadedProgress): Plan {
  return planWithProfile(input, checkProfile({ profile }, input.index, asOf), asOf, progress).plan;
}

/** Phase of a wave by its start date. */
export function phaseOf(date: string): Phase {
  const y = Number(date.slice(0, 4));
  return y <= 2026 ? "2026" : y <= 2028 ? "2027-2028" : "2029-2030";
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byViolation = (a: Violation, b: Violation): number => byString(a.rule, b.rule) || byString(a.subject, b.subject) || byString(a.message, b.message);

/** Sorts `ids` (code-unit order, as `sort()` does) and drops repeats, in place. */
function sortedUnique(ids: string[]): void {
  if (ids.length < 2) return;
  ids.sort();
  let kept = 1;
  for (let i = 1; i < ids.length; i++) if (ids[i] !== ids[kept - 1]) ids[kept++] = ids[i];
  ids.length = kept;
}

/**
 * Plans the migration with an already resolved profile (see file header); with `progress` (a
 * progress file, checked here against the plan's own decisions: throws ProgressError) the plan
 * starts from what has happened (progress/apply.ts, schedule/done-waves.ts).
 */
export function planWithProfile(input: PlannerInput, profile: PlanningProfile, asOf: string, progress?: LoadedProgress, options: PlanningOptions = {}): DetailedPlan {
  const { index } = input;
  const log = options.log ?? new MessageLog();
  const say = (msg: Message): string => log.say(msg);
  const calendar = new Calendar({ weekdays: profile.weekdays, blackouts: profile.blackouts });
  const choice = chooseTargetSite(index, profile.targetSite, profile.deadline, profile.cpuOvercommit, log);
  const target = choice.site;
  const dense = denseIndex(index);
  const siteOf = sitesById(dense);
  const groups = moveGroups(index);
  const { decisions, decisionAt, violations, warnings } = decideDispositions(index, target, profile.deadline, log, groups);
  const checked = progress ? checkProgress(progress, { index, asOf, calendar, ...movesOf(decisions), locateWarnings: false }) : undefined;
  const facts = checked?.facts;
  const retiredOn = facts ? applyRecordedDecisions(decisions, facts, index, say, decisionAt) : undefined;
  if (checked) for (const w of checked.planWarnings) warnings.push({ rule: w.rule, subject: w.subject, message: say(w.message) });
  const firstDay = planningStart(profile.startDate, facts);
  const windows = profile.horizonEnd >= firstDay ? calendar.windows(firstDay, profile.horizonEnd) : [];
  const cap = targetCapacity(index, target, decisions, profile.cpuOvercommit, profile.headroomPct, decisionAt);
  const incomingBy = incomingAt(index, target, decisions, decisionAt);
  const incoming = incomingById(index, incomingBy);
  const fp = targetFootprint(index, target, profile.headroomPct);
  const retireOn = windows.length > 0 ? windows[0].end : profile.startDate;
  const schedule = scheduleWaves({ index, decisions, decisionAt, siteOf, target, profile, windows, asOf, groups, initialUsable: cap.usable, initialUsed: cap.used, incoming, incomingAt: incomingBy, retireOn, log, footprint: { limit: fp.limit, used: fp.used }, ...(facts ? { recorded: facts } : {}) });
  violations.push(...schedule.violations);
  warnings.push(...schedule.warnings);

  const { waveOf, waveAt } = wavesOfSystems(dense, schedule);
  const doneWaves = schedule.waves.filter((w) => w.recorded).length;
  const { groups: planGroups, groupOfSystem } = movedGroups(schedule.units, groups, waveOf, facts);
  options.onGroups?.(planGroups);

  // Consumer-before-provider splits left by loose cycles or pins.
  const splitWarnings = consumerBeforeProvider(dense, waveAt, decisionAt, say);
  const splits = splitWarnings.length;
  for (const w of splitWarnings) warnings.push(w);

  const fates = serverFates({ index, decisions, decisionAt, siteOf, target, profile, windows, waveOf, retireOn, ...(retiredOn ? { retiredOn } : {}), ...(facts?.firstRecorded ? { freedFloor: minDate(facts.firstRecorded, profile.startDate) } : {}), relocations: schedule.relocations, retainedTargets: cap.retainedTargets, incoming, incomingAt: incomingBy, leaving: cap.leaving, log, noRoom: schedule.noRoom, footprintRoom: { peak: schedule.footprint.peak, limit: fp.limit } });
  warnings.push(...footprintWarnings(index, target, fates.servers, schedule.footprint.limit, log));
  const fateServers = facts ? applyServerFacts(fates.servers, facts, index, target, say) : fates.servers;
  // The bound is on the planned waves; the done ones come on top of it.
  const plannedBound = waveLowerBound(schedule.units, profile, windows, schedule.waves.length - doneWaves, asOf, { usable: cap.usable, used: cap.used }, schedule.firstWave);
  const lowerBound = { ...plannedBound, waves: plannedBound.waves + doneWaves };
  const milestones = nationalConnections({ index, decisions, decisionAt, waveEnd: waveOf, deadline: profile.deadline, startDate: profile.startDate });
  const deadline = deadlineTruth(schedule, schedule.waves, profile, windows, calendar, lowerBound, log, { unit: (u) => unitNamed(index, u) }, milestones);
  const lateSet = new Set(deadline.late);

  // Systems.
  const unitReason = new Map<number, string[]>();
  const waveReason = (ui: number): string[] => {
    const cached = unitReason.get(ui);
    if (cached) return cached;
    const u = schedule.units[ui];
    const t = schedule.traces[ui];
    const out: string[] = [];
    if (t.wave === undefined) return out;
    const w = schedule.waves[t.wave - 1];
    out.push(say(MSG.inWave({ wave: t.wave, start: w.window.start, end: w.window.end, ...(u.systems.length > 1 ? { together: { systems: u.systems, reason: u.reason } } : {}) })));
    if (u.pinDate !== undefined && t.window === u.pinWindow) out.push(say(MSG.pinnedInProfile({ date: u.pinDate })));
    if (u.notBefore !== undefined) out.push(say(MSG.heldBackInProfile({ date: u.notBefore })));
    if (t.pinConflict) out.push(say(MSG.pinNotHonoured({ conflict: t.pinConflict })));
    if (t.bindingPred !== undefined) out.push(say(MSG.waitsForUnit({ unit: schedule.units[t.bindingPred].id, wave: schedule.traces[t.bindingPred].wave })));
    if (t.lastDefer && t.lastDefer.window < (t.window ?? 0)) out.push(say(MSG.notEarlier({ windowStart: windows[t.lastDefer.window].start, why: t.lastDefer.text })));
    else if (t.readyWindow !== undefined && t.window !== undefined && t.window > t.readyWindow) out.push(say(MSG.readyFrom({ date: windows[t.readyWindow].start })));
    if (t.wave <= 2) out.push(say(MSG.pilotRisk({ risk: u.risk, level: u.maxSecurityLevel })));
    unitReason.set(ui, out);
    return out;
  };
  /** The platform of the system at position `p`. */
  const platformAt = (p: number): Platform => {
    const d = decisionAt[p].disposition;
    if (d === "replatform") return "shared-kubernetes";
    if (d === "rehost") return "virtual-machine";
    if (d === "relocate") return "hardware";
    if (d === "retire" || d === "consolidate") return "none";
    const own = dense.serversOf[p];
    if (own.length === 0) return "saas";
    return own.every((q) => q >= 0 && dense.servers[q].kind === "virtual") ? "virtual-machine" : "hardware";
  };
  // The plan's move groups, their reasons said here (in the order they always were).
  const groupList: MoveGroup[] = planGroups.map((g) => ({ id: g.id, systems: g.systems, reason: say(g.reason) }));
  groupList.sort((a, b) => byString(a.id, b.id));
  const unscheduledOf = new Map(schedule.unscheduled.map((u) => [u.system, u.reason]));
  const doneNumbers = doneWaveNumbers(schedule.waves);
  const systems: PlanSystem[] = dense.systems.map((sys, p) => {
      const d = decisionAt[p];
      const w = waveAt[p];
      const reasons = [...d.reasons];
      const recorded = facts ? recordedHistory(sys.id, facts, doneNumbers, MOVING.has(d.disposition), say) : undefined;
      if (recorded) reasons.push(...recorded.reasons);
      const ui = schedule.unitOfSystem.get(sys.id);
      if (ui !== undefined && w) reasons.push(...waveReason(ui));
      if (unscheduledOf.has(sys.id)) reasons.push(say(MSG.unscheduledReason({ reason: unscheduledOf.get(sys.id)! })));
      const retiredDay = retiredOn?.get(sys.id);
      if (d.disposition === "retire" && retiredDay === undefined) reasons.push(say(MSG.retiredOn({ date: retireOn })));
      const site = dense.siteOf[p] ?? target;
      const targetSiteAfter = d.disposition === "retire" || d.disposition === "consolidate" ? undefined : d.disposition === "retain" ? site : target;
      // The external and system ids it depends on, each once, in code-unit order (one pass).
      const externals: string[] = [];
      const dependsOn: string[] = [];
      const targets = dense.dependsOn[p];
      for (let i = 0; i < targets.length; i++) {
        const id = sys.dependsOn![i].target;
        if (index.externals.has(id)) externals.push(id);
        if (targets[i] >= 0) dependsOn.push(id);
      }
      sortedUnique(externals);
      sortedUnique(dependsOn);
      // Field by field, in the contract's order (no object spreads: this runs for every system).
      const entry: { -readonly [K in keyof PlanSystem]: PlanSystem[K] } = { id: sys.id, disposition: d.disposition } as PlanSystem;
      if (d.into !== undefined) entry.into = d.into;
      if (w) entry.wave = w.number;
      if (d.disposition === "retire") entry.retireOn = retiredDay ?? retireOn;
      entry.reasons = reasons;
      entry.name = sys.name;
      entry.owner = sys.owner;
      entry.function = sys.function;
      entry.securityLevel = sys.securityLevel;
      entry.site = site;
      if (targetSiteAfter !== undefined) entry.targetSite = targetSiteAfter;
      entry.platform = platformAt(p);
      entry.group = groupOfSystem.get(sys.id) ?? `g-${sys.id}`;
      entry.dataGiB = sys.dataGiB ?? 0;
      if (sys.users !== undefined) entry.users = sys.users;
      entry.externals = externals;
      entry.dependsOn = dependsOn;
      entry.late = lateSet.has(sys.id);
      if (recorded && recorded.history.length > 0) entry.history = recorded.history;
      return entry;
    });

  const waves: Wave[] = schedule.waves.map((w) => {
    if (w.recorded) return doneWaveEntry(w, index, target, phaseOf(w.window.start));
    const ids = w.units.flatMap((ui) => schedule.units[ui].systems).sort();
    const at = ids.map((id) => dense.systemAt.get(id)!);
    const servers = new Set<string>();
    for (const p of at) {
      for (const q of dense.serversOf[p]) {
        if (q < 0) continue;
        const server = dense.servers[q];
        if (server.site !== target || incomingBy[q] !== undefined) servers.add(server.id);
      }
    }
    return {
      number: w.number,
      start: w.window.start,
      end: w.window.end,
      systems: ids,
      phase: phaseOf(w.window.start),
      status: "planned" as const,
      dataGiB: w.dataGiB,
      servers: [...servers].sort(),
      maxSecurityLevel: Math.max(...at.map((p) => dense.systems[p].securityLevel)),
      notes: w.notes,
    };
  });

  // Capacity steps: today's usable capacity, then relocated and procured hardware as it arrives.
  // Rack units and usable watts ride along where the inventory states racks / power.
  const noFp = { rackUnits: 0, watts: 0 };
  const events: { from: string; adds: { cpuCores: number; memoryGiB: number; storageGiB: number }; fp: { rackUnits: number; watts: number }; reason: Message }[] = [];
  // Hardware recorded relocated before the as-of day is part of today's capacity.
  for (const r of fates.relocations) events.push({ from: maxDate(asOf, r.availableFrom), adds: r.adds, fp: noFp, reason: MSG.capacityRelocated({ server: r.server, date: r.relocateOn }) });
  for (const p of schedule.procurement) {
    events.push({ from: p.by, adds: p.adds, fp: p.footprint?.adds ?? noFp, reason: MSG.capacityProcured({ cores: p.cpuCores, memory: p.memoryGiB, storage: p.storageGiB, racks: p.footprint?.racks, powerKw: p.footprint?.powerKw }) });
  }
  events.sort((a, b) => byString(a.from, b.from) || byString(a.reason.en, b.reason.en));
  const racksKnown = fp.known.racks;
  const powerKnown = fp.known.power;
  const steps: { from: string; size: { cpuCores: number; memoryGiB: number; storageGiB: number }; fp: { rackUnits: number; watts: number }; reason: Message }[] = [
    {
      from: asOf,
      size: cap.usable,
      fp: { rackUnits: racksKnown ? fp.limit.rackUnits : 0, watts: powerKnown ? fp.limit.watts : 0 },
      reason: MSG.capacityInitial({
        target,
        headroomPct: profile.headroomPct,
        cpu: cap.used.cpuCores,
        memory: cap.used.memoryGiB,
        storage: cap.used.storageGiB,
        ...(racksKnown ? { rackUnits: { used: fp.used.rackUnits, total: fp.limit.rackUnits } } : {}),
        ...(powerKnown ? { powerWatts: { used: fp.used.watts, total: fp.limit.watts } } : {}),
      }),
    },
  ];
  for (const e of events) {
    const last = steps[steps.length - 1];
    const next = addSize(last.size, e.adds);
    const nextFp = { rackUnits: last.fp.rackUnits + e.fp.rackUnits, watts: last.fp.watts + e.fp.watts };
    if (last.from === e.from) steps[steps.length - 1] = { from: last.from, size: next, fp: nextFp, reason: joinMessages([last.reason, e.reason]) };
    else steps.push({ from: e.from, size: next, fp: nextFp, reason: e.reason });
  }
  const capacity: CapacityStep[] = steps.map((x) => ({
    from: x.from,
    ...x.size,
    reason: say(x.reason),
    ...(racksKnown ? { rackUnits: x.fp.rackUnits } : {}),
    ...(powerKnown ? { powerWatts: x.fp.watts } : {}),
  }));

  // Retained off the target: people-pinned retains and the systems they hold (dispositions.ts).
  // (The plan's systems are in dense.ts's order: entry p is the system at position p.)
  const remaining = systems.filter((s, p) => s.disposition === "retain" && dense.siteOf[p] !== undefined && dense.siteOf[p] !== target).map((s) => s.id);
  if (splits > 0) warnings.push({ rule: "consumer-before-provider-total", subject: "plan", message: say(MSG.splitsTotal({ count: splits })) });
  const roadmap = buildRoadmap(index, decisions, fates.servers, profile.horizonEnd, log, { effortPerQuarter: profile.effortPerQuarter, asOf, decisionAt });
  const summary = summarise(index, systems, fateServers);

  const { targetSite: _t, fixedMaxData: _f, ...resolved } = profile;
  void _t;
  void _f;
  const plan: Plan = {
    schemaVersion: 1,
    asOf,
    targetSite: target,
    systems,
    waves,
    // Entries in the plan's order already (decommission.ts planServerEntry, progress/apply.ts too).
    servers: fateServers,
    capacity,
    procurement: schedule.procurement.map((p) => ({
      by: p.by,
      cpuCores: p.cpuCores,
      memoryGiB: p.memoryGiB,
      storageGiB: p.storageGiB,
      reason: p.reason,
      vcpus: p.vcpus,
      adds: p.adds,
      ...(p.footprint ? { racks: p.footprint.racks, powerKw: p.footprint.powerKw } : {}),
    })),
    unscheduled: schedule.unscheduled.map((u) => ({ system: u.system, reason: say(u.reason) })),
    deadline,
    violations: violations.sort(byViolation),
    progress: progressSummary(facts ?? NO_FACTS),
    generator: `dcplan ${VERSION}`,
    profile: {
      startDate: resolved.startDate,
      deadline: resolved.deadline,
      horizonEnd: resolved.horizonEnd,
      weekdays: resolved.weekdays,
      blackouts: resolved.blackouts,
      maxSystems: resolved.maxSystems,
      maxDataGiB: resolved.maxDataGiB,
      quietPeriodDays: resolved.quietPeriodDays,
      headroomPct: resolved.headroomPct,
      cpuOvercommit: resolved.cpuOvercommit,
      pins: resolved.pins,
      procurementLeadDays: resolved.procurementLeadDays,
      maxDataGiBSource: resolved.maxDataGiBSource,
      wanMbps: resolved.wanMbps,
      wanUsableShare: resolved.wanUsableShare,
      dataGiBPerWindowDay: resolved.dataGiBPerWindowDay,
      effortPerQuarter: resolved.effortPerQuarter,
    },
    targetSiteReasons: choice.reasons,
    sites: [...index.sites.values()].sort((a, b) => byString(a.id, b.id)).map((s) => ({ id: s.id, name: s.name })),
    agencies: [...index.agencies.values()].sort((a, b) => byString(a.id, b.id)).map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    externals: [...index.externals.values()].sort((a, b) => byString(a.id, b.id)).map((e) => ({ id: e.id, name: e.name })),
    groups: groupList,
    lowerBound: {
      waves: lowerBound.waves,
      binding: lowerBound.binding,
      gap: lowerBound.gap,
      components: lowerBound.components,
      ...(lowerBound.earliestCompletion ? { earliestCompletion: lowerBound.earliestCompletion } : {}),
    },
    remaining,
    roadmap,
    laterPhases: { effortPerQuarter: profile.effortPerQuarter, start: maxDate(LATER_PHASES_START, asOf), quarters: quarterLoads(roadmap), late: roadmap.filter((r) => r.late).length },
    summary,
    warnings: warnings.sort(byViolation),
  };
  if (!options.deferTranslations) plan.translations = planTranslations(plan, log);
  return { plan, schedule, profile, ...(checked ? { progress: checked } : {}), messages: log };
}

/** Each system's site today by id (dense.ts siteOf): what the scheduler and server fates are given. */
function sitesById(dense: DenseIndex): Map<string, string | undefined> {
  const siteOf = new Map<string, string | undefined>();
  for (let p = 0; p < dense.systems.length; p++) siteOf.set(dense.systems[p].id, dense.siteOf[p]);
  return siteOf;
}

/** A system's wave as the later stages read it. */
type SystemWave = { readonly number: number; readonly start: string; readonly end: string };

/** The wave of each system that has one (planned, then done), by id and by position (dense.ts); one object per wave, shared by its systems. */
function wavesOfSystems(dense: DenseIndex, schedule: ScheduleResult): { waveOf: Map<string, SystemWave>; waveAt: (SystemWave | undefined)[] } {
  const waveOf = new Map<string, SystemWave>();
  const waveAt: (SystemWave | undefined)[] = new Array(dense.systems.length).fill(undefined);
  const inWave = (s: string, w: SystemWave): void => {
    waveOf.set(s, w);
    const p = dense.systemAt.get(s);
    if (p !== undefined) waveAt[p] = w;
  };
  for (const w of schedule.waves) {
    const shown = { number: w.number, start: w.window.start, end: w.window.end };
    for (const ui of w.units) for (const s of schedule.units[ui].systems) inWave(s, shown);
  }
  for (const [s, w] of doneWaveOf(schedule.waves)) inWave(s, w);
  return { waveOf, waveAt };
}

/** A warning for each dependency whose consumer cuts over in an earlier wave than its provider (left by loose cycles or pins), consumers in id order. */
function consumerBeforeProvider(dense: DenseIndex, waveAt: readonly (SystemWave | undefined)[], decisionAt: readonly SystemDecision[], say: (msg: Message) => string): Violation[] {
  const out: Violation[] = [];
  for (let p = 0; p < dense.systems.length; p++) {
    const wc = waveAt[p];
    if (!wc) continue;
    const sys = dense.systems[p];
    const targets = dense.dependsOn[p];
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      const wp = t < 0 ? undefined : waveAt[t];
      if (!wp || wp.number <= wc.number || decisionAt[t].disposition === "consolidate") continue;
      const dep = sys.dependsOn![i];
      out.push({ rule: "consumer-before-provider", subject: sys.id, message: say(MSG.consumerBeforeProvider({ system: sys.id, wave: wc.number, provider: dep.target, providerWave: wp.number, coupling: dep.coupling })) });
    }
  }
  return out;
}

/** A move group of the plan before its reason is said. */
export interface PlanGroupShape {
  readonly id: string;
  readonly systems: string[];
  readonly reason: Message;
}

/**
 * The plan's move groups, final once the waves are scheduled: each scheduled unit, then of each
 * move group the part recorded moved and the part that stays (each a group of its own, ids
 * suffixed where the unit took the group's id), with the group of each system.
 */
function movedGroups(
  units: ScheduleResult["units"],
  groups: ReturnType<typeof moveGroups>,
  waveOf: ReadonlyMap<string, { readonly number: number }>,
  facts: ProgressFacts | undefined,
): { groups: PlanGroupShape[]; groupOfSystem: Map<string, string> } {
  const groupOfSystem = new Map<string, string>();
  const out: PlanGroupShape[] = [];
  for (const u of units) {
    out.push({ id: u.id, systems: [...u.systems], reason: u.reason });
    for (const s of u.systems) groupOfSystem.set(s, u.id);
  }
  const usedIds = new Set(out.map((g) => g.id));
  for (const g of groups) {
    // The part of a move group already moved (recorded done) is a group of its own.
    const moved = g.systems.filter((s) => !groupOfSystem.has(s) && facts?.doneIn.has(s));
    if (moved.length > 0) {
      const id = usedIds.has(g.id) ? `${g.id}-done` : g.id;
      usedIds.add(id);
      const doneIn = [...new Set(moved.map((s) => waveOf.get(s)!.number))].sort((a, b) => a - b);
      out.push({ id, systems: moved, reason: PROGRESS_MSG.groupDone({ waves: doneIn }) });
      for (const s of moved) groupOfSystem.set(s, id);
    }
    const stays = g.systems.filter((s) => !groupOfSystem.has(s));
    if (stays.length === 0) continue;
    const id = usedIds.has(g.id) ? `${g.id}-stays` : g.id;
    out.push({ id, systems: stays, reason: MSG.groupStays({ reasons: g.reasons.map(moveGroupReason) }) });
    for (const s of stays) groupOfSystem.set(s, id);
  }
  return { groups: out, groupOfSystem };
}

/**
 * The plan as JSON in pieces (see planJsonPieces), `translations` from `late` when given (their
 * text where they stand, e.g. background-translations.ts), else from the plan, a sentence at a time.
 * `gathered`: every string as it is made, for a writer that gathers them itself (writeFileAtomic),
 * not pieces of about 1 MB joined here.
 */
export function* planJsonPiecesWith<P = string>(plan: Plan, late?: () => Iterable<P>, gathered = false): Generator<string | P> {
  yield* jsonChunks<string | P>(plan, {
    late: (parent, key) => (parent !== plan || key !== "translations" ? undefined : late ? late() : plan.translations === undefined ? undefined : translationsText(plan.translations)),
    // Batches of 32k characters: JSON.stringify's text of a batch is flattened once when its
    // wrapper is cut off, and a flat copy that size stays in the young generation, whose pages are
    // mapped already; 512k-character batches were large objects, each on freshly mapped pages (at
    // 20k systems, 43k of the main thread's 167k page faults).
    ...(gathered ? { pieceChars: 0, batchChars: 1 << 15 } : {}),
  });
  yield "\n";
}

/** The plan as JSON: keys in schema order (as built), 2-space indentation, trailing newline. */
export function serialisePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** serialisePlan's text in pieces of about 1 MB (common/json-chunks.ts): the same bytes, never held whole (a 20k-system plan is ≈ 160 MB). */
export function* planJsonPieces(plan: Plan): Generator<string> {
  yield* planJsonPiecesWith(plan);
}
