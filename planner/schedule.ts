// Wave scheduling: assigns move groups to dated waves by greedy list scheduling over the calendar's
// windows, in window order.
//
// Units. A unit is a move group (systems joined by a tight dependency or a shared server, from
// `moveGroups`) restricted to its moving systems. Ordering edges between units, all meaning "no
// earlier than" (the same wave is fine): a provider before its consumer (loose dependency, soft),
// a consolidation survivor before the system merged into it and before that system's dependants
// (hard). Units on a cycle of hard edges alone are merged (one wave satisfies "≥" both ways); other
// cycles are cut at their loose edges: inside such a strongly connected component order is free but
// for its hard edges (which form no cycle), and the consumer-before-provider splits that result are
// counted and reported.
//
// Per window: first the units pinned to a date in it, then ready units (every provider placed in
// an earlier wave or this one, released by `notBefore`). In the pilot waves: low security levels
// first, in the second pilot a unit too big for any wave before the others (it goes alone; the
// first pilot never starts with a giant group), then lowest risk
// (security level, then users, then dev/test before untagged before production), then the unit
// with the most dependants, then id. Afterwards the two-dimensional packing queue (packing.ts)
// picks the unit that best fills the room left in systems and data, risk breaking ties. Always
// while the wave's limits hold: systems ≤ maxSystems, data ≤
// the window's data limit, and everything at the target site fits the capacity at the window's
// start. Security level ≥ 4 stays out of the first two (pilot) waves unless nothing else is ready.
// A unit larger than the limits goes alone into an otherwise empty wave; when it is several move
// groups merged by a survivor-first cycle (only pinned consolidations close one, see
// dispositions.ts) that breaks the contract's wave limits, and the plan says so in `violations`
// (`forced-oversized-wave`) instead of breaking it silently. Units that do not fit
// are deferred to the next window. Before procured hardware can arrive (as-of + procurementLeadDays)
// a unit that does not fit waits; after it, the shortage is bought and listed with a `by` date the
// day before the wave. When the last workload leaves a closing-site physical host that is still in
// support, the host is relocated in the next window and adds capacity from the day after.
// Cost: O((units + edges) log units + windows), with deferred units re-queued once per window.
import { type AffinityGroup } from "../inventory/queries/move-groups.js";
import { tarjan } from "../inventory/queries/scc.js";
import type { InventoryIndex } from "../inventory/model.js";
import type { Window } from "./calendar.js";
import { addDays } from "./dates.js";
import { MOVING, type SystemDecision } from "./dispositions.js";
import { Heap } from "./heap.js";
import { joinMessages, type Message, MessageLog, moveGroupReason, MSG } from "./messages.js";
import { PackingQueue } from "./packing.js";
import type { Procurement, Size, Violation } from "./plan-schema.js";
import type { PlanningProfile } from "./profile.js";
import { addFootprint, type Footprint, footprintOf, fitsFootprint, RACK_UNITS_PER_RACK, usableOf, usableShare, ZERO_FOOTPRINT } from "./capacity.js";
import { addSize, fitsIn, ZERO_SIZE } from "./sizing.js";

/** A set of systems that cut over in one wave. */
export interface Unit {
  readonly index: number;
  readonly id: string;
  readonly systems: string[];
  readonly dataGiB: number;
  /** Capacity the unit's servers take at the target site. */
  readonly demand: Size;
  /** Rack space and power of the hardware it carries to the target site (relocated systems' servers). */
  readonly footprint: Footprint;
  readonly maxSecurityLevel: number;
  readonly risk: number;
  /** Why its systems move together. */
  readonly reason: Message;
  readonly preds: number[];
  readonly succs: number[];
  readonly hardPreds: Set<number>;
  /** Strongly connected component of the ordering graph (cycles through loose dependencies; only their loose edges are cut). */
  comp: number;
  /** Window index of a date pin, -1 when none. */
  pinWindow: number;
  /** Pin date, when pinned. */
  pinDate?: string;
  /** First window index allowed by notBefore. */
  release: number;
  notBefore?: string;
  /** Set when move groups were merged because survivor-first edges close a cycle: the groups and those consolidations. */
  merged?: { readonly groups: string[]; readonly consolidations: string[] };
}

/** What happened to a unit while scheduling, for reasons, explain and the critical chain. */
export interface UnitTrace {
  wave?: number;
  window?: number;
  /** Window in which it first became ready. */
  readyWindow?: number;
  /** Provider unit whose placement made it ready last. */
  bindingPred?: number;
  /** Last reason it was deferred, with the window. */
  lastDefer?: { window: number; kind: "wave-limit" | "data" | "capacity" | "pilot" | "group-size"; text: Message };
  pinConflict?: Message;
}

export interface DraftWave {
  readonly number: number;
  readonly window: Window;
  readonly units: number[];
  readonly systems: number;
  readonly dataGiB: number;
  readonly notes: string[];
}

/** A physical host freed at a closing site and moved to the target site for its capacity. */
export interface Relocation {
  readonly server: string;
  readonly freedOn: string;
  readonly relocateOn: string;
  readonly availableFrom: string;
  readonly adds: Size;
}

/** Racks and power bought with a wave (part of its procurement entry). */
export interface FootprintPurchase {
  readonly racks: number;
  readonly powerKw: number;
  /** Rack units and usable watts it adds. */
  readonly adds: Footprint;
}

export interface ScheduleResult {
  readonly units: Unit[];
  readonly unitOfSystem: Map<string, number>;
  readonly traces: UnitTrace[];
  readonly waves: DraftWave[];
  readonly unscheduled: { system: string; reason: Message }[];
  readonly procurement: (Procurement & { vcpus: number; adds: Size; footprint?: FootprintPurchase })[];
  /** Freed hosts not relocated because the target site had no rack space or power left for them. */
  readonly noRoom: Set<string>;
  /** Most rack space and power the target site's hardware took at any time, and its limit after the last purchase. */
  readonly footprint: { readonly peak: Footprint; readonly limit: Footprint };
  readonly relocations: Map<string, Relocation>;
  readonly violations: Violation[];
  readonly warnings: Violation[];
  /** Used capacity after each wave (index = wave number − 1). */
  readonly usedAfter: Size[];
  /** Capacity and use at the first wave's window before anything was placed, and whether buying was possible then. */
  readonly firstWave?: { capacity: Size; used: Size; canProcure: boolean };
}

/** What the scheduler and the server fates (decommission.ts) both start from. */
export interface PlanningContext {
  readonly index: InventoryIndex;
  readonly decisions: ReadonlyMap<string, SystemDecision>;
  readonly siteOf: ReadonlyMap<string, string | undefined>;
  readonly target: string;
  readonly profile: PlanningProfile;
  readonly windows: readonly Window[];
}

export interface ScheduleInput extends PlanningContext {
  readonly asOf: string;
  readonly groups: readonly AffinityGroup[];
  readonly initialUsable: Size;
  readonly initialUsed: Size;
  /** Right-sized target of each server moving onto the target's virtual capacity. */
  readonly incoming: ReadonlyMap<string, Size>;
  /** Day retired systems are switched off. */
  readonly retireOn: string;
  /** Where the messages said while scheduling are recorded [a fresh log]. */
  readonly log?: MessageLog;
  /** Rack space and power of the target site (limit and use today) [unlimited]. */
  readonly footprint?: { readonly limit: Footprint; readonly used: Footprint };
}

/** Security level from which a system is kept out of the pilot waves. */
export const HIGH_SECURITY_LEVEL = 4;
/** Number of pilot waves at the start. */
export const PILOT_WAVES = 2;
/** A host relocated for capacity must stay in support at least this long after it is freed, days. */
export const RELOCATE_MIN_SUPPORT_DAYS = 365;
const MAX_DEFERRED_PER_WAVE = 512;
const DEV_TAGS = new Set(["dev", "test", "testing", "staging", "uat"]);
const PROD_TAGS = new Set(["prod", "production"]);

/** Data limit of one window: the profile's maxDataGiB, or the WAN's GiB per day × the window's days. */
export function dataLimit(profile: PlanningProfile, w: Window): number {
  return profile.fixedMaxData ? profile.maxDataGiB : Math.min(profile.maxDataGiB, Math.floor(profile.dataGiBPerWindowDay * w.days * 10) / 10);
}

/** First window index whose start is ≥ date (windows.length when none). */
export function firstWindowFrom(windows: readonly Window[], date: string): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windows[mid].start < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Schedules every moving system into waves (see file header). */
export function scheduleWaves(input: ScheduleInput): ScheduleResult {
  const { index, decisions, target, profile, windows, asOf } = input;
  const log = input.log ?? new MessageLog();
  const say = (msg: Message): string => log.say(msg);
  const violations: Violation[] = [];
  const warnings: Violation[] = [];
  const moving = (id: string): boolean => MOVING.has(decisions.get(id)?.disposition ?? "retain");

  // --- Units from move groups, then ordering edges, then merging of hard cycles.
  const rawGroups: { id: string; systems: string[]; reason: Message }[] = [];
  for (const g of input.groups) {
    const members = g.systems.filter(moving);
    if (members.length === 0) continue;
    rawGroups.push({ id: g.id, systems: members, reason: g.reasons.length > 0 ? joinMessages(g.reasons.map(moveGroupReason)) : MSG.singleSystem() });
  }
  const groupOf = new Map<string, number>();
  rawGroups.forEach((g, i) => g.systems.forEach((s) => groupOf.set(s, i)));
  // [provider group, consumer group, hard, the consolidation "merged → survivor" behind a hard edge]
  const edges: [number, number, boolean, string?][] = [];
  for (const sys of index.inventory.systems) {
    const c = groupOf.get(sys.id);
    if (c === undefined) continue;
    for (const dep of sys.dependsOn ?? []) {
      const p = groupOf.get(dep.target);
      const pd = decisions.get(dep.target);
      if (p !== undefined && p !== c && pd?.disposition !== "consolidate") edges.push([p, c, false]);
      // Dependants of a consolidated system wait for its survivor.
      if (pd?.disposition === "consolidate" && pd.into !== undefined) {
        const s = groupOf.get(pd.into);
        if (s !== undefined && s !== c) edges.push([s, c, true, `${dep.target} → ${pd.into}`]);
      }
    }
    const d = decisions.get(sys.id)!;
    if (d.disposition === "consolidate" && d.into !== undefined) {
      const s = groupOf.get(d.into);
      if (s !== undefined && s !== c) edges.push([s, c, true, `${sys.id} → ${d.into}`]);
    }
  }
  // Cycles of survivor-first edges alone are forced: their groups merge into one unit. A cycle that
  // needs a loose edge to close is not: the loose edge (a preference) is cut instead, and the hard
  // edges inside the loose component stay enforced (see waitFor below).
  const adj = new Map<string, string[]>();
  rawGroups.forEach((_, i) => adj.set(String(i), []));
  for (const [a, b, hard] of edges) if (hard) adj.get(String(a))!.push(String(b));
  const comps = tarjan(adj);
  const compOf = new Int32Array(rawGroups.length);
  comps.forEach((c, ci) => c.forEach((n) => (compOf[Number(n)] = ci)));
  const hardCycle = new Set<number>();
  // The consolidations whose survivor-first edges close each merged cycle, for the forced-wave violation.
  const forcedBy = new Map<number, Set<string>>();
  for (const [a, b, hard, why] of edges) {
    if (!hard || compOf[a] !== compOf[b]) continue;
    hardCycle.add(compOf[a]);
    (forcedBy.get(compOf[a]) ?? forcedBy.set(compOf[a], new Set()).get(compOf[a])!).add(why!);
  }
  // Merge: every group of a hard-cycle component maps to the component's first group.
  const mergedInto = new Int32Array(rawGroups.length).map((_, i) => i);
  const compHead = new Map<number, number>();
  for (let i = 0; i < rawGroups.length; i++) {
    if (!hardCycle.has(compOf[i])) continue;
    const head = compHead.get(compOf[i]);
    if (head === undefined) compHead.set(compOf[i], i);
    else mergedInto[i] = head;
  }
  const unitIndexOfGroup = new Int32Array(rawGroups.length);
  const units: Unit[] = [];
  const unitOfSystem = new Map<string, number>();
  for (let i = 0; i < rawGroups.length; i++) {
    if (mergedInto[i] !== i) continue;
    const members: number[] = [i];
    if (compHead.get(compOf[i]) === i) for (const n of comps[compOf[i]]) if (Number(n) !== i) members.push(Number(n));
    const systems = members.flatMap((m) => rawGroups[m].systems).sort();
    const reason = members.length > 1 ? MSG.mergedCycle({ reasons: joinMessages(members.map((m) => rawGroups[m].reason)) }) : rawGroups[i].reason;
    const u = makeUnit(units.length, rawGroups[i].id, systems, reason, input);
    if (members.length > 1) u.merged = { groups: members.map((m) => rawGroups[m].id).sort(), consolidations: [...forcedBy.get(compOf[i])!].sort() };
    units.push(u);
    for (const m of members) unitIndexOfGroup[m] = u.index;
    for (const s of systems) unitOfSystem.set(s, u.index);
  }
  const seenEdge = new Set<string>();
  for (const [a0, b0, hard] of edges) {
    const a = unitIndexOfGroup[a0];
    const b = unitIndexOfGroup[b0];
    if (a === b) continue;
    const key = `${a}>${b}`;
    if (hard) units[b].hardPreds.add(a);
    if (seenEdge.has(key)) continue;
    seenEdge.add(key);
    units[a].succs.push(b);
    units[b].preds.push(a);
  }
  // Strongly connected components of units over every edge: inside one, loose edges are cut.
  const unitAdj = new Map<string, string[]>();
  for (const u of units) unitAdj.set(String(u.index), u.succs.map(String));
  tarjan(unitAdj).forEach((c, ci) => c.forEach((n) => (units[Number(n)].comp = ci)));
  /** Whether v waits for its predecessor u: always across components, inside one only for a survivor-first edge. */
  const waitsFor = (v: Unit, u: number): boolean => units[u].comp !== v.comp || v.hardPreds.has(u);

  // --- Tight couplings to systems that stay at another site cannot be honoured: report them.
  for (const sys of index.inventory.systems) {
    const d = decisions.get(sys.id)!;
    for (const dep of sys.dependsOn ?? []) {
      if (dep.coupling !== "tight" || !index.systems.has(dep.target)) continue;
      const td = decisions.get(dep.target)!;
      const pairs: [string, SystemDecision, string, SystemDecision][] = [[sys.id, d, dep.target, td], [dep.target, td, sys.id, d]];
      for (const [m, md, o, od] of pairs) {
        const oSite = input.siteOf.get(o);
        if (MOVING.has(md.disposition) && md.disposition !== "consolidate" && od.disposition === "retain" && oSite !== undefined && oSite !== target) {
          violations.push({ rule: "tight-coupling-split", subject: m, message: say(MSG.tightCouplingSplit({ system: m, target, other: o, otherSite: oSite })) });
        }
      }
    }
  }

  // --- Pins.
  const windowOfDate = (date: string): number => {
    const i = firstWindowFrom(windows, addDays(date, 1)) - 1;
    return i >= 0 && windows[i].start <= date && date <= windows[i].end ? i : -1;
  };
  for (const pin of profile.pins) {
    const ui = unitOfSystem.get(pin.system);
    if (ui === undefined) {
      if (index.systems.has(pin.system)) warnings.push({ rule: "pin-ignored", subject: pin.system, message: say(MSG.pinIgnored({ system: pin.system, disposition: decisions.get(pin.system)?.disposition })) });
      continue;
    }
    const u = units[ui];
    if (pin.notBefore !== undefined && (u.notBefore === undefined || pin.notBefore > u.notBefore)) {
      u.notBefore = pin.notBefore;
      u.release = firstWindowFrom(windows, pin.notBefore);
    }
    if (pin.date !== undefined) {
      const w = windowOfDate(pin.date);
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

  // --- Host tracking for relocations: holders = moving systems still to move off each closing-site physical host.
  const hostHolders = new Map<string, number>();
  const hostRetireOnly = new Map<string, boolean>();
  const hostsOfSystem = new Map<string, string[]>();
  const relocations = new Map<string, Relocation>();
  const sortedServers = [...index.inventory.servers].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const s of sortedServers) {
    if (s.kind !== "physical" || s.site === target) continue;
    const workload = new Set<string>();
    for (const sys of index.systemsOn.get(s.id) ?? []) workload.add(sys.id);
    for (const vm of index.vmsOf.get(s.id) ?? []) for (const sys of index.systemsOn.get(vm.id) ?? []) workload.add(sys.id);
    let holders = 0;
    let stays = false;
    for (const id of workload) {
      const d = decisions.get(id)!.disposition;
      if (d === "retain") stays = true;
      else if (d === "relocate" && (index.systemsOn.get(s.id) ?? []).some((x) => x.id === id)) stays = true; // carried, not freed
      else if (MOVING.has(d)) holders++;
    }
    if (stays) continue;
    hostHolders.set(s.id, holders);
    hostRetireOnly.set(s.id, [...workload].some((id) => decisions.get(id)!.disposition === "retire"));
    for (const id of workload) if (MOVING.has(decisions.get(id)!.disposition)) (hostsOfSystem.get(id) ?? hostsOfSystem.set(id, []).get(id)!).push(s.id);
  }
  // Rack space and power: hardware carried or relocated to the target site takes them.
  let fpLimit = input.footprint?.limit ?? { rackUnits: Infinity, watts: Infinity };
  let fpUsed = input.footprint?.used ?? ZERO_FOOTPRINT;
  let fpPeak = fpUsed;
  const raisePeak = (fp: Footprint): void => {
    fpPeak = { rackUnits: Math.max(fp.rackUnits, fpPeak.rackUnits), watts: Math.max(fp.watts, fpPeak.watts) };
  };
  const noRoom = new Set<string>();
  const arrivals = new Heap<Relocation>((a, b) => a.availableFrom < b.availableFrom || (a.availableFrom === b.availableFrom && a.server < b.server));
  const freeHost = (hostId: string, freedOn0: string, afterWindow: number): void => {
    const host = index.servers.get(hostId)!;
    const freedOn = hostRetireOnly.get(hostId) && input.retireOn > freedOn0 ? input.retireOn : freedOn0;
    const wi = Math.max(afterWindow + 1, firstWindowFrom(windows, addDays(freedOn, 1)));
    if (wi >= windows.length) return;
    const win = windows[wi];
    if (host.supportEnds === undefined || host.supportEnds < addDays(freedOn, RELOCATE_MIN_SUPPORT_DAYS)) return;
    // Relocating a host for its capacity is optional: never buy racks or power for it. Its space is
    // counted from now on (it arrives in a later window), which is on the safe side.
    const fp = addFootprint(fpUsed, footprintOf(host));
    if (!fitsFootprint(fp, fpLimit)) {
      noRoom.add(hostId);
      return;
    }
    fpUsed = fp;
    raisePeak(fp);
    const r: Relocation = { server: hostId, freedOn, relocateOn: win.start, availableFrom: addDays(win.end, 1), adds: usableOf(host, profile.cpuOvercommit, profile.headroomPct) };
    relocations.set(hostId, r);
    arrivals.push(r);
  };
  for (const [hostId, n] of hostHolders) if (n === 0) freeHost(hostId, profile.startDate, -1);

  // --- Scheduling state.
  const traces: UnitTrace[] = units.map(() => ({}));
  const waitFor = new Int32Array(units.length);
  for (const u of units) for (const p of u.preds) if (waitsFor(u, p)) waitFor[u.index]++;
  const released = new Uint8Array(units.length);
  const placed = new Uint8Array(units.length);
  const inHeap = new Uint8Array(units.length);
  // Pilot waves take the lowest risk first from one heap. Later waves are filled by the
  // two-dimensional packing queue (packing.ts); risk breaks its ties.
  const size = (u: Unit): number => Math.max(u.systems.length / profile.maxSystems, u.dataGiB / profile.maxDataGiB);
  const byRisk = (a: Unit, b: Unit): boolean => a.risk < b.risk || (a.risk === b.risk && (a.succs.length > b.succs.length || (a.succs.length === b.succs.length && a.id < b.id)));
  const less = (a: Unit, b: Unit): boolean => {
    // Low security before high; among them a unit too big for a wave first, since it needs a wave
    // of its own anyway and would otherwise strand a half-empty one later.
    const ha = a.maxSecurityLevel >= HIGH_SECURITY_LEVEL;
    const hb = b.maxSecurityLevel >= HIGH_SECURITY_LEVEL;
    if (ha !== hb) return hb;
    if (bigFirst) {
      const oa = size(a) > 1;
      const ob = size(b) > 1;
      if (oa !== ob) return oa;
    }
    return byRisk(a, b);
  };
  // The very first wave is the true pilot: lowest risk only, never a giant group first.
  let bigFirst = false;
  let ready = new Heap<Unit>(less);
  let queue: PackingQueue | undefined;
  const releaseAt = new Map<number, number[]>();
  const pinnedAt = new Map<number, number[]>();
  for (const u of units) {
    (releaseAt.get(u.release) ?? releaseAt.set(u.release, []).get(u.release)!).push(u.index);
    if (u.pinWindow >= 0) (pinnedAt.get(u.pinWindow) ?? pinnedAt.set(u.pinWindow, []).get(u.pinWindow)!).push(u.index);
  }
  const isReady = (u: Unit): boolean => released[u.index] === 1 && waitFor[u.index] === 0 && placed[u.index] === 0 && u.pinWindow < 0;
  const pushIfReady = (u: Unit, w: number): void => {
    if (isReady(u) && !inHeap[u.index]) {
      inHeap[u.index] = 1;
      traces[u.index].readyWindow ??= w;
      if (queue) queue.push(u);
      else ready.push(u);
    }
  };

  let capacity = { ...input.initialUsable };
  let used = { ...input.initialUsed };
  const procurementFrom = addDays(asOf, profile.procurementLeadDays);
  const waves: DraftWave[] = [];
  const usedAfter: Size[] = [];
  const procurement: ScheduleResult["procurement"] = [];
  let placedCount = 0;
  let firstWave: ScheduleResult["firstWave"];
  /** Why a window's wave took nothing more (full, or taken by an oversized group). */
  const closedBecause = new Map<number, { kind: "wave-limit" | "group-size"; text: Message }>();
  const share = usableShare(profile.headroomPct);

  for (let w = 0; w < windows.length && placedCount < units.length; w++) {
    const win = windows[w];
    for (const ui of releaseAt.get(w) ?? []) {
      released[ui] = 1;
      pushIfReady(units[ui], w);
    }
    while (arrivals.size > 0 && arrivals.peek()!.availableFrom <= win.start) capacity = addSize(capacity, arrivals.pop()!.adds);
    const canProcure = addDays(win.start, -1) >= procurementFrom;
    const pilot = waves.length < PILOT_WAVES;
    if (waves.length >= 1 && !bigFirst) {
      bigFirst = true;
      const rebuilt = new Heap<Unit>(less);
      for (let u = ready.pop(); u !== undefined; u = ready.pop()) rebuilt.push(u);
      ready = rebuilt;
    }
    if (!pilot && !queue) {
      queue = new PackingQueue(profile.maxSystems, profile.maxDataGiB, byRisk, (u) => placed[u.index] === 0);
      for (let u = ready.pop(); u !== undefined; u = ready.pop()) queue.push(u);
    }
    const limit = dataLimit(profile, win);
    const members: number[] = [];
    const notes: string[] = [];
    let nSystems = 0;
    let data = 0;
    let waveUsed = used;
    let waveFp = fpUsed;
    let closed = false;

    // A unit that brings no hardware is never held up by rack space or power (even where the site
    // is over its racks today); one that does must fit in each dimension it adds to.
    const fitsRacks = (u: Unit): boolean => {
      const next = addFootprint(waveFp, u.footprint);
      return (u.footprint.rackUnits === 0 || next.rackUnits <= fpLimit.rackUnits) && (u.footprint.watts === 0 || next.watts <= fpLimit.watts);
    };
    const fitsCapacity = (u: Unit): boolean => canProcure || (fitsIn(addSize(waveUsed, u.demand), capacity) && fitsRacks(u));
    const oversized = (u: Unit): boolean => u.systems.length > profile.maxSystems || u.dataGiB > profile.maxDataGiB;
    const place = (u: Unit, why?: string): void => {
      // A unit that was ready in an earlier window but left in the queue waited for room there.
      const t0 = traces[u.index];
      if (t0.readyWindow !== undefined && t0.readyWindow < w && (!t0.lastDefer || t0.lastDefer.window < w - 1)) {
        for (let k = w - 1; k >= t0.readyWindow; k--) {
          const c = closedBecause.get(k);
          if (c) {
            t0.lastDefer = { window: k, ...c };
            break;
          }
        }
      }
      placed[u.index] = 1;
      placedCount++;
      members.push(u.index);
      nSystems += u.systems.length;
      data += u.dataGiB;
      waveUsed = addSize(waveUsed, u.demand);
      waveFp = addFootprint(waveFp, u.footprint);
      traces[u.index].window = w;
      if (why) notes.push(why);
      for (const v of u.succs) {
        if (!waitsFor(units[v], u.index)) continue;
        if (--waitFor[v] === 0) {
          traces[v].bindingPred = u.index;
          pushIfReady(units[v], w);
        }
      }
    };
    // An oversized unit has this wave to itself: a warning; when it is move groups merged by a cycle
    // of survivor-first edges (not one group), the contract's limit is broken by force: a violation.
    const aloneInWave = (u: Unit, dataLimitGiB: number): void => {
      const wave = waves.length + 1;
      warnings.push({ rule: "oversized-group", subject: u.id, message: say(MSG.oversizedWarning({ group: u.id, members: u.systems, dataGiB: round(u.dataGiB), wave })) });
      if (u.merged) {
        const message = MSG.forcedOversizedWave({ wave, groups: u.merged.groups, systems: u.systems, dataGiB: round(u.dataGiB), maxSystems: profile.maxSystems, limit: dataLimitGiB, consolidations: u.merged.consolidations });
        violations.push({ rule: "forced-oversized-wave", subject: u.id, message: say(message) });
      }
    };
    const defer = (u: Unit, kind: NonNullable<UnitTrace["lastDefer"]>["kind"], text: Message): void => {
      traces[u.index].lastDefer = { window: w, kind, text };
    };

    // Pinned units first.
    for (const ui of (pinnedAt.get(w) ?? []).sort((a, b) => (units[a].id < units[b].id ? -1 : 1))) {
      const u = units[ui];
      if (placed[ui] || u.pinWindow !== w) continue;
      // Hard predecessors (consolidation survivors) must be in place: pull ready ones into this wave.
      for (const p of u.hardPreds) {
        const pu = units[p];
        if (!placed[p] && isReady(pu) && nSystems + pu.systems.length <= profile.maxSystems && data + pu.dataGiB <= limit && fitsCapacity(pu)) place(pu, say(MSG.pulledWithPinned({ unit: pu.id, pinned: u.id })));
      }
      const missing = [...u.hardPreds].filter((p) => !placed[p]);
      let conflict: Message | undefined;
      if (released[ui] === 0) conflict = MSG.conflictHeldBack({ notBefore: u.notBefore });
      else if (missing.length > 0) conflict = MSG.conflictSurvivor({ units: missing.map((p) => units[p].id) });
      else if (!oversized(u) && (nSystems + u.systems.length > profile.maxSystems || data + u.dataGiB > limit)) conflict = MSG.conflictPinLimits();
      else if (oversized(u) && members.length > 0) conflict = MSG.conflictOversizedPins();
      else if (!fitsCapacity(u)) conflict = MSG.conflictCapacity();
      if (conflict) {
        violations.push({ rule: "pin-conflict", subject: u.systems[0], message: say(MSG.pinConflict({ systems: u.systems, date: u.pinDate, conflict })) });
        traces[ui].pinConflict = conflict;
        u.pinWindow = -1;
        pushIfReady(u, w);
        continue;
      }
      place(u, say(MSG.pinnedNote({ systems: u.systems, date: u.pinDate })));
      if (oversized(u)) {
        notes.push(say(MSG.oversizedNote({ group: u.id, systems: u.systems.length, dataGiB: round(u.dataGiB) })));
        aloneInWave(u, limit);
        closed = true;
      }
    }

    const deferred: Unit[] = [];
    if (queue) {
      if (!closed && members.length === 0) {
        const big = queue.takeOversized();
        if (big && !fitsCapacity(big)) {
          defer(big, "capacity", MSG.deferBeforeProcurement({ from: procurementFrom }));
          queue.returnOversized(big);
        } else if (big) {
          place(big);
          notes.push(say(MSG.oversizedNote({ group: big.id, systems: big.systems.length, dataGiB: round(big.dataGiB), limits: { maxSystems: profile.maxSystems, dataGiB: limit } })));
          aloneInWave(big, limit);
          closed = true;
        }
      }
      while (!closed && nSystems < profile.maxSystems && deferred.length < MAX_DEFERRED_PER_WAVE) {
        const u = queue.next(profile.maxSystems - nSystems, limit - data, limit);
        if (u === undefined) break;
        if (!fitsCapacity(u)) {
          defer(u, "capacity", MSG.deferCapacity({ shortage: describeShort(addSize(waveUsed, u.demand), capacity, addFootprint(waveFp, u.footprint), fpLimit), from: procurementFrom }));
          deferred.push(u);
          continue;
        }
        place(u);
      }
      queue.endWave();
      for (const u of deferred) if (!placed[u.index]) queue.push(u);
      deferred.length = 0;
      if (!closed && members.length > 0 && queue.count > 0) closedBecause.set(w, { kind: "wave-limit", text: MSG.waveWasFull({ systems: nSystems, maxSystems: profile.maxSystems, dataGiB: round(data), limit }) });
    }
    while (!queue && !closed && ready.size > 0 && nSystems < profile.maxSystems && deferred.length < MAX_DEFERRED_PER_WAVE) {
      const u = ready.pop()!;
      inHeap[u.index] = 0;
      if (placed[u.index] || !isReady(u)) continue;
      if (pilot && u.maxSecurityLevel >= HIGH_SECURITY_LEVEL && members.length > 0) {
        defer(u, "pilot", MSG.deferPilot({ level: u.maxSecurityLevel }));
        deferred.push(u);
        continue;
      }
      if (oversized(u)) {
        if (members.length > 0) {
          defer(u, "group-size", MSG.deferGroupSize({ systems: u.systems.length, dataGiB: round(u.dataGiB) }));
          deferred.push(u);
          continue;
        }
        if (!fitsCapacity(u)) {
          defer(u, "capacity", MSG.deferBeforeProcurement({ from: procurementFrom }));
          deferred.push(u);
          continue;
        }
        place(u);
        notes.push(say(MSG.oversizedNote({ group: u.id, systems: u.systems.length, dataGiB: round(u.dataGiB), limits: { maxSystems: profile.maxSystems, dataGiB: limit } })));
        aloneInWave(u, limit);
        closed = true;
        break;
      }
      if (nSystems + u.systems.length > profile.maxSystems) {
        defer(u, "wave-limit", MSG.deferWaveFull({ maxSystems: profile.maxSystems }));
        deferred.push(u);
        continue;
      }
      if (data + u.dataGiB > limit) {
        defer(u, "data", MSG.deferData({ limit }));
        deferred.push(u);
        continue;
      }
      if (!fitsCapacity(u)) {
        defer(u, "capacity", MSG.deferCapacity({ shortage: describeShort(addSize(waveUsed, u.demand), capacity, addFootprint(waveFp, u.footprint), fpLimit), from: procurementFrom }));
        deferred.push(u);
        continue;
      }
      place(u);
    }
    for (const u of deferred) {
      if (!placed[u.index] && !inHeap[u.index]) {
        inHeap[u.index] = 1;
        ready.push(u);
      }
    }
    if (closed) closedBecause.set(w, { kind: "group-size", text: MSG.waveTakenByOversized() });
    else if (nSystems >= profile.maxSystems) closedBecause.set(w, { kind: "wave-limit", text: MSG.deferWaveFull({ maxSystems: profile.maxSystems }) });
    if (members.length === 0) continue;
    if (waves.length === 0) firstWave = { capacity, used, canProcure };

    // Close the wave: buy what capacity, rack space and power is missing.
    const computeShort = !fitsIn(waveUsed, capacity);
    // Racks and power are bought only for a wave that brings hardware in the short dimension.
    const racksShort = waveFp.rackUnits > fpUsed.rackUnits && waveFp.rackUnits > fpLimit.rackUnits;
    const powerShort = waveFp.watts > fpUsed.watts && waveFp.watts > fpLimit.watts;
    const footprintShort = racksShort || powerShort;
    if (computeShort || footprintShort) {
      const deficit = { cpuCores: Math.max(0, waveUsed.cpuCores - capacity.cpuCores), memoryGiB: Math.max(0, waveUsed.memoryGiB - capacity.memoryGiB), storageGiB: Math.max(0, waveUsed.storageGiB - capacity.storageGiB) };
      const cores = buyUnits(deficit.cpuCores, profile.cpuOvercommit * share, 16);
      const memory = buyUnits(deficit.memoryGiB, share, 64);
      const storage = buyUnits(deficit.storageGiB, share, 1024);
      const adds = { cpuCores: Math.floor(cores * profile.cpuOvercommit * share), memoryGiB: Math.floor(memory * share), storageGiB: Math.floor(storage * share) };
      capacity = addSize(capacity, adds);
      const by = addDays(win.start, -1);
      const reasons: Message[] = [];
      if (computeShort) {
        reasons.push(
          MSG.procurementReason({
            wave: waves.length + 1,
            start: win.start,
            cpu: round(waveUsed.cpuCores),
            memory: round(waveUsed.memoryGiB),
            storage: round(waveUsed.storageGiB),
            headroomPct: profile.headroomPct,
            cores,
            vcpus: cores * profile.cpuOvercommit,
            overcommit: profile.cpuOvercommit,
            buyMemory: memory,
            buyStorage: storage,
            by,
          }),
        );
      }
      let footprint: FootprintPurchase | undefined;
      if (footprintShort) {
        // Whole racks; power in whole kW, of which the headroom share stays unused.
        const racks = racksShort ? Math.ceil((waveFp.rackUnits - fpLimit.rackUnits) / RACK_UNITS_PER_RACK) : 0;
        const powerKw = powerShort ? buyUnits(waveFp.watts - fpLimit.watts, 1000 * share, 1) : 0;
        const fpAdds = { rackUnits: racks * RACK_UNITS_PER_RACK, watts: Math.floor(powerKw * 1000 * share) };
        reasons.push(
          MSG.procurementFootprint({
            wave: waves.length + 1,
            start: win.start,
            rackUnits: waveFp.rackUnits,
            rackUnitsHave: fpLimit.rackUnits,
            watts: waveFp.watts,
            wattsHave: fpLimit.watts,
            headroomPct: profile.headroomPct,
            racks,
            powerKw,
            by,
          }),
        );
        fpLimit = addFootprint(fpLimit, fpAdds);
        footprint = { racks, powerKw, adds: fpAdds };
      }
      procurement.push({
        by,
        cpuCores: cores,
        memoryGiB: memory,
        storageGiB: storage,
        vcpus: cores * profile.cpuOvercommit,
        adds,
        reason: say(joinMessages(reasons)),
        ...(footprint ? { footprint } : {}),
      });
      notes.push(say(MSG.needsProcurementNote({ by })));
    }
    fpUsed = waveFp;
    raisePeak(fpUsed);
    used = waveUsed;
    usedAfter.push(used);
    const number = waves.length + 1;
    if (number <= PILOT_WAVES) notes.unshift(say(MSG.pilotNote({ wave: number, level: HIGH_SECURITY_LEVEL })));
    waves.push({ number, window: win, units: members, systems: nSystems, dataGiB: round(data), notes });
    for (const ui of members) {
      traces[ui].wave = number;
      for (const sys of units[ui].systems) {
        for (const h of hostsOfSystem.get(sys) ?? []) {
          const left = hostHolders.get(h)! - 1;
          hostHolders.set(h, left);
          if (left === 0) freeHost(h, win.end, w);
        }
      }
    }
  }

  const unscheduled: { system: string; reason: Message }[] = [];
  for (const u of units) {
    if (placed[u.index]) continue;
    const t = traces[u.index];
    let reason: Message;
    if (u.release >= windows.length) reason = MSG.unscheduledHeldBack({ notBefore: u.notBefore, horizonEnd: profile.horizonEnd });
    else if (waitFor[u.index] > 0) {
      const p = u.preds.find((q) => !placed[q] && waitsFor(u, q));
      reason = MSG.unscheduledWaits({ provider: p !== undefined ? units[p].id : undefined, horizonEnd: profile.horizonEnd });
    } else if (t.lastDefer) reason = MSG.unscheduledNoRoom({ horizonEnd: profile.horizonEnd, why: t.lastDefer.text });
    else reason = MSG.unscheduledNoWindow({ horizonEnd: profile.horizonEnd });
    for (const s of u.systems) unscheduled.push({ system: s, reason });
  }
  unscheduled.sort((a, b) => (a.system < b.system ? -1 : 1));
  // Pending arrivals that never mattered to a wave still add capacity later; keep them (relocations map).
  return { units, unitOfSystem, traces, waves, unscheduled, procurement, relocations, violations, warnings, usedAfter, firstWave, noRoom, footprint: { peak: fpPeak, limit: fpLimit } };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function describeShort(need: Size, have: Size, needFp: Footprint, haveFp: Footprint): Message {
  const parts: Message[] = [];
  if (needFp.rackUnits > haveFp.rackUnits) parts.push(MSG.shortage({ dimension: "rackUnits", need: needFp.rackUnits, have: haveFp.rackUnits }));
  if (needFp.watts > haveFp.watts) parts.push(MSG.shortage({ dimension: "powerWatts", need: needFp.watts, have: haveFp.watts }));
  if (need.cpuCores > have.cpuCores) parts.push(MSG.shortage({ dimension: "cpu", need: round(need.cpuCores), have: round(have.cpuCores) }));
  if (need.memoryGiB > have.memoryGiB) parts.push(MSG.shortage({ dimension: "memory", need: round(need.memoryGiB), have: round(have.memoryGiB) }));
  if (need.storageGiB > have.storageGiB) parts.push(MSG.shortage({ dimension: "storage", need: round(need.storageGiB), have: round(have.storageGiB) }));
  return joinMessages(parts, ", ");
}

/** Raw amount to buy, in steps of `step`, so that floor(raw × perUnit) ≥ deficit. */
function buyUnits(deficit: number, perUnit: number, step: number): number {
  if (deficit <= 1e-9) return 0;
  let raw = Math.ceil(deficit / perUnit / step) * step;
  while (Math.floor(raw * perUnit) < deficit) raw += step;
  return raw;
}

function makeUnit(i: number, id: string, systems: string[], reason: Message, input: ScheduleInput): Unit {
  const { index, target } = input;
  let data = 0;
  let maxSL = 1;
  let users = 0;
  let prod = false;
  let dev = 0;
  let tagged = 0;
  let demand = ZERO_SIZE;
  let footprint = ZERO_FOOTPRINT;
  const servers = new Set<string>();
  const carried = new Set<string>();
  for (const id of systems) {
    const s = index.systems.get(id)!;
    data += s.dataGiB ?? 0;
    maxSL = Math.max(maxSL, s.securityLevel);
    users += s.users ?? 0;
    for (const sid of s.servers) {
      const srv = index.servers.get(sid);
      if (!srv || srv.site === target) continue;
      servers.add(sid);
      // Hardware of a relocated system is carried to the target site and takes rack space and power there.
      if (srv.kind !== "virtual" && input.decisions.get(id)?.disposition === "relocate") carried.add(sid);
      const tags = srv.tags ?? [];
      if (tags.some((t) => PROD_TAGS.has(t))) prod = true;
      if (tags.some((t) => DEV_TAGS.has(t))) dev++;
      if (tags.length > 0) tagged++;
    }
  }
  for (const sid of [...servers].sort()) {
    const t = input.incoming.get(sid);
    if (t) demand = addSize(demand, t);
    if (carried.has(sid)) footprint = addFootprint(footprint, footprintOf(index.servers.get(sid)!));
  }
  const env = prod ? 6 : dev > 0 && dev === servers.size ? 0 : 3;
  void tagged;
  const risk = maxSL * 100 + Math.min(9, Math.floor(Math.log10(1 + users))) * 10 + env;
  return { index: i, id, systems, dataGiB: Math.round(data * 10) / 10, demand, footprint, maxSecurityLevel: maxSL, risk, reason, preds: [], succs: [], hardPreds: new Set(), comp: -1, pinWindow: -1, release: 0 };
}
