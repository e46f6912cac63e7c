// The window loop's body: filling one calendar window's wave.
//
// Per window: first the units pinned to a date in it, then ready units. In the pilot waves the
// heap's order holds (state.ts); security level ≥ 4 stays out of the two pilot waves unless nothing
// else is ready. Afterwards the packing queue (packing.ts) picks the unit that best fills the room
// left in systems and data. Always while the wave's limits hold: systems ≤ maxSystems, data ≤ the
// window's data limit, and everything at the target site fits the capacity at the window's start
// (before procured hardware can arrive, as-of + procurementLeadDays, a unit that does not fit
// waits; after it, the shortage is bought when the wave closes, close-wave.ts). A unit larger than the
// limits goes alone into an otherwise empty wave; when it is several move groups merged by a
// survivor-first cycle (only pinned consolidations close one, see dispositions.ts) that breaks the
// contract's wave limits, and the plan says so in `violations` (`forced-oversized-wave`) instead of
// breaking it silently. Units that do not fit are deferred to the next window, with the reason
// kept in their trace for the critical chain.
import type { Window } from "../calendar.js";
import { joinMessages, type Message, MSG } from "../messages.js";
import type { Size } from "../plan-schema.js";
import { addFootprint, type Footprint } from "../capacity.js";
import { addSize, fitsIn } from "../sizing.js";
import type { HostTracker } from "./hosts.js";
import type { SchedulingState } from "./state.js";
import { type DeferKind, type DraftWave, type Findings, HIGH_SECURITY_LEVEL, MAX_DEFERRED_PER_WAVE, PILOT_WAVES, type Purchase, round1, type ScheduleInput, type Unit } from "./types.js";
import { unitNamed } from "./units.js";
import { dataLimit } from "./windows.js";

/** Why a window's wave took nothing more: full, or taken by an oversized group. */
export interface WaveClosed {
  readonly kind: "wave-limit" | "group-size";
  readonly text: Message;
}

/** Everything the window loop carries from one window to the next. */
export interface ScheduleRun {
  readonly input: ScheduleInput;
  readonly units: readonly Unit[];
  readonly state: SchedulingState;
  readonly hosts: HostTracker;
  readonly findings: Findings;
  /** First day procured hardware can be in place (as-of + procurementLeadDays). */
  readonly procurementFrom: string;
  /** Why each window's wave took nothing more, by window index. */
  readonly closedBecause: Map<number, WaveClosed>;
  readonly waves: DraftWave[];
  readonly usedAfter: Size[];
  readonly procurement: Purchase[];
  /** Usable capacity at the target site now (raised by arrivals and purchases). */
  capacity: Size;
  /** Capacity used at the target site after the last closed wave. */
  used: Size;
}

/** The wave of one window while it is being filled. */
export class OpenWave {
  readonly members: number[] = [];
  readonly notes: string[] = [];
  nSystems = 0;
  data = 0;
  /** Capacity used at the target site with the units placed so far. */
  waveUsed: Size;
  /** Rack space and power used with the units placed so far. */
  waveFp: Footprint;
  /** Taken by an oversized unit: nothing more goes in. */
  closed = false;
  /** The window's data limit, GiB. */
  readonly limit: number;
  readonly win: Window;

  constructor(
    private readonly run: ScheduleRun,
    /** Window index. */
    readonly w: number,
    /** Whether hardware bought now arrives in time for this window. */
    readonly canProcure: boolean,
  ) {
    this.win = run.input.windows[w];
    this.limit = dataLimit(run.input.profile, this.win);
    this.waveUsed = run.used;
    this.waveFp = run.hosts.fpUsed;
  }

  /** Number the wave gets when it closes non-empty. */
  get number(): number {
    return this.run.waves.length + 1;
  }

  /** The unit that took the wave alone, when one did. */
  takenBy?: Unit;

  /** Whether the wave counts as a pilot wave. */
  get pilot(): boolean {
    return this.run.waves.length < PILOT_WAVES;
  }

  /** A unit that brings no hardware is never held up by rack space or power (even where the site is over its racks today); one that does must fit in each dimension it adds to. */
  fitsRacks(u: Unit): boolean {
    const next = addFootprint(this.waveFp, u.footprint);
    const fpLimit = this.run.hosts.fpLimit;
    return (u.footprint.rackUnits === 0 || next.rackUnits <= fpLimit.rackUnits) && (u.footprint.watts === 0 || next.watts <= fpLimit.watts);
  }

  fitsCapacity(u: Unit): boolean {
    return this.canProcure || (fitsIn(addSize(this.waveUsed, u.demand), this.run.capacity) && this.fitsRacks(u));
  }

  oversized(u: Unit): boolean {
    const { profile } = this.run.input;
    return u.systems.length > profile.maxSystems || u.dataGiB > profile.maxDataGiB;
  }

  /** Puts `u` into the wave, with an optional note saying why. */
  place(u: Unit, why?: string): void {
    const { state, closedBecause } = this.run;
    const w = this.w;
    // A unit that was ready in an earlier window but left in the queue waited for room there.
    const t0 = state.traces[u.index];
    if (t0.readyWindow !== undefined && t0.readyWindow < w && (!t0.lastDefer || t0.lastDefer.window < w - 1)) {
      for (let k = w - 1; k >= t0.readyWindow; k--) {
        const c = closedBecause.get(k);
        if (c) {
          t0.lastDefer = { window: k, ...c };
          break;
        }
      }
    }
    this.members.push(u.index);
    this.nSystems += u.systems.length;
    this.data += u.dataGiB;
    this.waveUsed = addSize(this.waveUsed, u.demand);
    this.waveFp = addFootprint(this.waveFp, u.footprint);
    if (why) this.notes.push(why);
    state.markPlaced(u, w);
  }

  /** Places an oversized unit, which has this wave to itself (see `aloneInWave`). */
  placeAlone(u: Unit): void {
    const { profile } = this.run.input;
    this.place(u);
    this.notes.push(this.run.findings.say(MSG.oversizedNote({ group: u.id, systems: u.systems.length, dataGiB: round1(u.dataGiB), limits: { maxSystems: profile.maxSystems, dataGiB: this.limit } })));
    this.aloneInWave(u);
    this.closed = true;
  }

  /** An oversized unit has this wave to itself: a warning; when it is move groups merged by a cycle of survivor-first edges (not one group), the contract's limit is broken by force: a violation. */
  aloneInWave(u: Unit): void {
    const { findings, input } = this.run;
    this.takenBy = u;
    const wave = this.run.waves.length + 1;
    findings.warnings.push({ rule: "oversized-group", subject: u.id, message: findings.say(MSG.oversizedWarning({ group: u.id, members: u.systems, dataGiB: round1(u.dataGiB), wave })) });
    if (u.merged) {
      const message = MSG.forcedOversizedWave({ wave, groups: u.merged.groups, systems: u.systems, dataGiB: round1(u.dataGiB), maxSystems: input.profile.maxSystems, limit: this.limit, consolidations: u.merged.consolidations });
      findings.violations.push({ rule: "forced-oversized-wave", subject: u.id, message: findings.say(message) });
    }
  }

  /** Records why `u` was left out of this window. */
  defer(u: Unit, kind: DeferKind, text: Message): void {
    this.run.state.traces[u.index].lastDefer = { window: this.w, kind, text };
  }

  /** The capacity shortage `u` would cause, as a message. */
  shortageWith(u: Unit): Message {
    return describeShort(addSize(this.waveUsed, u.demand), this.run.capacity, addFootprint(this.waveFp, u.footprint), this.run.hosts.fpLimit);
  }
}

/** Fills window `w`'s wave: pinned units, then ready units from the pilot heap or the packing queue (see file header). */
export function fillWindow(run: ScheduleRun, w: number, canProcure: boolean): OpenWave {
  const wave = new OpenWave(run, w, canProcure);
  placePinned(run, wave);
  if (run.state.queue) packFromQueue(run, wave);
  else fillPilot(run, wave);
  const { maxSystems } = run.input.profile;
  if (wave.closed) {
    const u = wave.takenBy!;
    const group = unitNamed(run.input.index, u);
    run.closedBecause.set(w, { kind: "group-size", text: MSG.waveTakenByOversized({ wave: wave.number, group, systems: u.systems.length, dataGiB: round1(u.dataGiB) }) });
  } else if (wave.nSystems >= maxSystems) run.closedBecause.set(w, { kind: "wave-limit", text: MSG.deferWaveFull({ maxSystems, wave: wave.number }) });
  return wave;
}

/** The units pinned to this window, each with the survivors it needs pulled in; a pin that cannot hold is a pin-conflict and its unit is scheduled freely. */
function placePinned(run: ScheduleRun, wave: OpenWave): void {
  const { units, state, findings, input } = run;
  const { profile } = input;
  const { say } = findings;
  const w = wave.w;
  for (const ui of (state.pinnedAt.get(w) ?? []).sort((a, b) => (units[a].id < units[b].id ? -1 : 1))) {
    const u = units[ui];
    if (state.placed[ui] || u.pinWindow !== w) continue;
    // Hard predecessors (consolidation survivors) must be in place: pull ready ones into this wave.
    for (const p of u.hardPreds) {
      const pu = units[p];
      if (!state.placed[p] && state.isReady(pu) && wave.nSystems + pu.systems.length <= profile.maxSystems && wave.data + pu.dataGiB <= wave.limit && wave.fitsCapacity(pu)) wave.place(pu, say(MSG.pulledWithPinned({ unit: pu.id, pinned: u.id })));
    }
    const missing = [...u.hardPreds].filter((p) => !state.placed[p]);
    let conflict: Message | undefined;
    if (state.released[ui] === 0) conflict = MSG.conflictHeldBack({ notBefore: u.notBefore });
    else if (missing.length > 0) conflict = MSG.conflictSurvivor({ units: missing.map((p) => units[p].id) });
    else if (!wave.oversized(u) && (wave.nSystems + u.systems.length > profile.maxSystems || wave.data + u.dataGiB > wave.limit)) conflict = MSG.conflictPinLimits();
    else if (wave.oversized(u) && wave.members.length > 0) conflict = MSG.conflictOversizedPins();
    else if (!wave.fitsCapacity(u)) conflict = MSG.conflictCapacity();
    if (conflict) {
      findings.violations.push({ rule: "pin-conflict", subject: u.systems[0], message: say(MSG.pinConflict({ systems: u.systems, date: u.pinDate, conflict })) });
      state.traces[ui].pinConflict = conflict;
      u.pinWindow = -1;
      state.pushIfReady(u, w);
      continue;
    }
    wave.place(u, say(MSG.pinnedNote({ systems: u.systems, date: u.pinDate })));
    if (wave.oversized(u)) {
      wave.notes.push(say(MSG.oversizedNote({ group: u.id, systems: u.systems.length, dataGiB: round1(u.dataGiB) })));
      wave.aloneInWave(u);
      wave.closed = true;
    }
  }
}

/** After the pilots: an oversized unit takes an empty wave alone; otherwise the largest unit over half a wave opens it and the packing queue fills the room left. */
function packFromQueue(run: ScheduleRun, wave: OpenWave): void {
  const queue = run.state.queue!;
  const { profile } = run.input;
  if (!wave.closed && wave.members.length === 0) {
    const big = queue.takeOversized();
    if (big && !wave.fitsCapacity(big)) {
      wave.defer(big, "capacity", MSG.deferBeforeProcurement({ from: run.procurementFrom }));
      queue.returnOversized(big);
    } else if (big) wave.placeAlone(big);
  }
  // First-fit decreasing: an empty wave opens with the largest unit over half a wave that fits.
  if (!wave.closed && wave.members.length === 0) {
    const half = queue.takeHalf(profile.maxSystems, wave.limit);
    if (half && wave.fitsCapacity(half)) wave.place(half);
    else if (half) {
      wave.defer(half, "capacity", MSG.deferCapacity({ shortage: wave.shortageWith(half), from: run.procurementFrom }));
      queue.push(half);
    }
  }
  const deferred: Unit[] = [];
  while (!wave.closed && wave.nSystems < profile.maxSystems && deferred.length < MAX_DEFERRED_PER_WAVE) {
    const u = queue.next(profile.maxSystems - wave.nSystems, wave.limit - wave.data, wave.limit);
    if (u === undefined) break;
    if (!wave.fitsCapacity(u)) {
      wave.defer(u, "capacity", MSG.deferCapacity({ shortage: wave.shortageWith(u), from: run.procurementFrom }));
      deferred.push(u);
      continue;
    }
    wave.place(u);
  }
  queue.endWave();
  for (const u of deferred) if (!run.state.placed[u.index]) queue.push(u);
  if (!wave.closed && wave.members.length > 0 && queue.count > 0) {
    run.closedBecause.set(wave.w, { kind: "wave-limit", text: MSG.waveWasFull({ wave: wave.number, systems: wave.nSystems, maxSystems: profile.maxSystems, dataGiB: round1(wave.data), limit: wave.limit }) });
  }
}

/** The pilot waves: ready units lowest risk first, high security levels held back while others fit, an oversized unit only into an empty wave. */
function fillPilot(run: ScheduleRun, wave: OpenWave): void {
  const { state } = run;
  const { profile } = run.input;
  const deferred: Unit[] = [];
  while (!wave.closed && state.ready.size > 0 && wave.nSystems < profile.maxSystems && deferred.length < MAX_DEFERRED_PER_WAVE) {
    const u = state.ready.pop()!;
    state.inHeap[u.index] = 0;
    if (state.placed[u.index] || !state.isReady(u)) continue;
    if (wave.pilot && u.maxSecurityLevel >= HIGH_SECURITY_LEVEL && wave.members.length > 0) {
      wave.defer(u, "pilot", MSG.deferPilot({ level: u.maxSecurityLevel }));
      deferred.push(u);
      continue;
    }
    if (wave.oversized(u)) {
      if (wave.members.length > 0) {
        wave.defer(u, "group-size", MSG.deferGroupSize({ systems: u.systems.length, dataGiB: round1(u.dataGiB) }));
        deferred.push(u);
        continue;
      }
      if (!wave.fitsCapacity(u)) {
        wave.defer(u, "capacity", MSG.deferBeforeProcurement({ from: run.procurementFrom }));
        deferred.push(u);
        continue;
      }
      wave.placeAlone(u);
      break;
    }
    if (wave.nSystems + u.systems.length > profile.maxSystems) {
      wave.defer(u, "wave-limit", MSG.deferWaveFull({ maxSystems: profile.maxSystems, wave: wave.number }));
      deferred.push(u);
      continue;
    }
    if (wave.data + u.dataGiB > wave.limit) {
      wave.defer(u, "data", MSG.deferData({ limit: wave.limit, wave: wave.number }));
      deferred.push(u);
      continue;
    }
    if (!wave.fitsCapacity(u)) {
      wave.defer(u, "capacity", MSG.deferCapacity({ shortage: wave.shortageWith(u), from: run.procurementFrom }));
      deferred.push(u);
      continue;
    }
    wave.place(u);
  }
  state.returnToHeap(deferred);
}

function describeShort(need: Size, have: Size, needFp: Footprint, haveFp: Footprint): Message {
  const parts: Message[] = [];
  if (needFp.rackUnits > haveFp.rackUnits) parts.push(MSG.shortage({ dimension: "rackUnits", need: needFp.rackUnits, have: haveFp.rackUnits }));
  if (needFp.watts > haveFp.watts) parts.push(MSG.shortage({ dimension: "powerWatts", need: needFp.watts, have: haveFp.watts }));
  if (need.cpuCores > have.cpuCores) parts.push(MSG.shortage({ dimension: "cpu", need: round1(need.cpuCores), have: round1(have.cpuCores) }));
  if (need.memoryGiB > have.memoryGiB) parts.push(MSG.shortage({ dimension: "memory", need: round1(need.memoryGiB), have: round1(have.memoryGiB) }));
  if (need.storageGiB > have.storageGiB) parts.push(MSG.shortage({ dimension: "storage", need: round1(need.storageGiB), have: round1(have.storageGiB) }));
  return joinMessages(parts, ", ");
}
