// Server fates: what becomes of every server once the waves have run.
//   retain       — keeps running where it is (at the target site, or with a system people pinned
//                  to stay, or with a system that found no wave);
//   reuse        — a virtual server whose workload continues as a VM at the target site (`target`
//                  is its right-sized size there);
//   relocate     — hardware physically moved to the target site: hardware-bound systems' servers in
//                  their wave, and freed hosts and storage arrays still in support (≥ 1 year after
//                  being freed), moved in the first window after they are freed for their capacity;
//   decommission — switched off `quietPeriodDays` after being freed.
// A server is freed at the end of the last wave moving a workload off it (for a physical host, the
// last of its VMs' systems too), or on the `retireOn` of a retired system it ran. Hardware with no
// workload is free from the start date; network and storage gear at a closing site serve it until
// the site's last workload has left. Nothing that still carries a running system is decommissioned.
// Stand-alone servers (standalone.ts) are switched off once their systems are on the shared
// infrastructure — at the target site too — and never relocated for their capacity; only a system
// people pinned to retain keeps one running.
// Savings of a decommissioned physical device: its watts, kWh/year = watts × 8760 h × the site's PUE
// ÷ 1000 (PUE 1.6 when the inventory gives none), its rack units.
import type { Server } from "../inventory/schema.js";
import { byServerPosition, bySystemPosition, denseIndex } from "./dense.js";
import { addDays, maxDate } from "./dates.js";
import type { SystemDecision } from "./dispositions.js";
import { type Message, MessageLog, MSG } from "./messages.js";
import type { PlanServer, Size } from "./plan-schema.js";
import { addFootprint, type Footprint, footprintOf, fitsFootprint, usableOf } from "./capacity.js";
import { firstWindowFrom, type PlanningContext, type Relocation, RELOCATE_MIN_SUPPORT_DAYS } from "./schedule.js";
import { isFoldedStandaloneAt, isStandaloneServer } from "./standalone.js";

/** PUE assumed for a site that states none. */
export const DEFAULT_PUE = 1.6;
export const HOURS_PER_YEAR = 8760;

export interface FateInput extends PlanningContext {
  /** Scheduled wave of each moving system. */
  readonly waveOf: ReadonlyMap<string, { number: number; start: string; end: string }>;
  readonly retireOn: string;
  /** Recorded retire day of systems the progress file says were switched off (instead of `retireOn`) [none]. */
  readonly retiredOn?: ReadonlyMap<string, string>;
  /** Earliest day a server whose workload left counts as freed [profile.startDate]; a plan with recorded progress passes the first recorded day, so what left in a done wave frees its servers then. */
  readonly freedFloor?: string;
  readonly relocations: ReadonlyMap<string, Relocation>;
  readonly retainedTargets: ReadonlyMap<string, Size>;
  readonly incoming: ReadonlyMap<string, Size>;
  /** `incoming` by server position (capacity.ts incomingAt) [looked up in `incoming`]. */
  readonly incomingAt?: readonly (Size | undefined)[];
  readonly leaving: ReadonlySet<string>;
  /** Where the reasons said are recorded [a fresh log]. */
  readonly log?: MessageLog;
  /** Freed hosts the scheduler did not relocate for lack of rack space or power [none]. */
  readonly noRoom?: ReadonlySet<string>;
  /** Rack space and power for storage relocated after its site empties: the most the target's hardware took at any time, and the limit today [unlimited]. */
  readonly footprintRoom?: { readonly peak: Footprint; readonly limit: Footprint };
}

export interface FateResult {
  readonly servers: (PlanServer & { relocateOn?: string })[];
  /** Hardware relocated for capacity (hosts from the schedule plus storage arrays). */
  readonly relocations: Relocation[];
}

type Status = { kind: "stays"; unscheduled: boolean } | { kind: "moves"; on: string; start: string; wave: number } | { kind: "departs"; on: string };

const NO_VMS: readonly number[] = [];

/** The position of a workload's one system; -1 when it has several or none. */
const only = (list: readonly { readonly p: number }[]): number => (list.length === 1 ? list[0].p : -1);

/** kWh per year that `watts` cost at a site of `pue`. */
export function kwhPerYear(watts: number, pue: number): number {
  return Math.round((watts * HOURS_PER_YEAR * pue) / 1000);
}

/**
 * A server's plan entry: the fields of `s` that are set, in the contract's order (PlanServer), so
 * the plan takes entries as they are; built field by field (no object spreads: it runs for every
 * server of the inventory).
 */
export function planServerEntry(s: PlanServer & { relocateOn?: string }): PlanServer & { relocateOn?: string } {
  const e: { -readonly [K in keyof PlanServer]?: PlanServer[K] } & { relocateOn?: string } = { id: s.id, fate: s.fate };
  if (s.freedOn !== undefined) e.freedOn = s.freedOn;
  if (s.decommissionOn !== undefined) e.decommissionOn = s.decommissionOn;
  if (s.target !== undefined) e.target = s.target;
  if (s.relocateOn !== undefined) e.relocateOn = s.relocateOn;
  e.site = s.site;
  e.kind = s.kind;
  if (s.owner !== undefined) e.owner = s.owner;
  if (s.hostedOn !== undefined) e.hostedOn = s.hostedOn;
  e.systems = s.systems;
  if (s.targetSite !== undefined) e.targetSite = s.targetSite;
  e.savings = s.savings;
  e.reasons = s.reasons;
  if (s.history !== undefined) e.history = s.history;
  if (s.standalone !== undefined) e.standalone = s.standalone;
  return e as PlanServer & { relocateOn?: string };
}

/** Decides every server's fate and dates (see file header). */
export function serverFates(input: FateInput): FateResult {
  const { index, decisions, target, profile, windows, waveOf } = input;
  const log = input.log ?? new MessageLog();
  const say = (msg: Message): string => log.say(msg);
  // Systems and servers by position (dense.ts): each system's decision and status in arrays.
  const dense = denseIndex(index);
  const { systems } = dense;
  const decisionAt = bySystemPosition(dense, decisions, input.decisionAt) as readonly SystemDecision[];
  // Each system's status, decided once (servers share systems; hosts look at their VMs' too).
  const statuses: (Status | undefined)[] = new Array(systems.length).fill(undefined);
  const statusAt = (p: number): Status => statuses[p] ?? (statuses[p] = decideStatus(p));
  const decideStatus = (p: number): Status => {
    const id = systems[p].id;
    const d = decisionAt[p];
    if (d.disposition === "retire") return { kind: "departs", on: input.retiredOn?.get(id) ?? input.retireOn };
    if (d.disposition === "retain") return { kind: "stays", unscheduled: false };
    const w = waveOf.get(id);
    if (!w) return { kind: "stays", unscheduled: true };
    if (d.disposition === "consolidate") return { kind: "departs", on: w.end };
    return { kind: "moves", on: w.end, start: w.start, wave: w.number };
  };
  // Most servers run one system, and a system runs on several servers: a sentence about one system
  // (and a date) is made once per system (`only`: its position; -1 when several run there) instead
  // of once per server.
  const oneSystem = (cache: (string[] | undefined)[], only: number, date: string, make: () => Message): string => {
    if (only < 0) return say(make());
    // Date and sentence pairs, flat: [date, sentence, date, sentence, …].
    let known = cache[only];
    if (known === undefined) cache[only] = known = [];
    for (let i = 0; i < known.length; i += 2) if (known[i] === date) return known[i + 1];
    const en = say(make());
    known.push(date, en);
    return en;
  };
  // (Made at full length: an empty array written at position 15,000 would keep its elements in a dictionary.)
  const saidCache = (): (string[] | undefined)[] => new Array(systems.length).fill(undefined);
  const runsSaid = saidCache();
  const everySaid = saidCache();
  const withoutSaid = saidCache();
  const stillSaid = saidCache();
  /** Why a server cannot be freed: the system at `p`, which stays, runs on it at `site`. */
  const stillRuns = (p: number, site: string): string =>
    oneSystem(stillSaid, p, site, () => {
      const system = systems[p].id;
      const st = statusAt(p);
      const why = st.kind === "stays" && st.unscheduled ? MSG.systemUnscheduled({ system }) : MSG.systemRetained({ system });
      return MSG.stillRuns({ system, why, site });
    });
  const floor = input.freedFloor ?? profile.startDate;
  // Site closing dates: when the last workload leaves; undefined when something stays there.
  const closes = new Map<string, string | undefined>();
  for (let p = 0; p < systems.length; p++) {
    const site = input.siteOf.get(systems[p].id);
    if (site === undefined || site === target) continue;
    const st = statusAt(p);
    if (closes.has(site) && closes.get(site) === undefined) continue;
    if (st.kind === "stays") closes.set(site, undefined);
    else closes.set(site, maxDate(closes.get(site) ?? floor, st.on));
  }
  const siteClose = (site: string): string | undefined => (closes.has(site) ? closes.get(site) : profile.startDate);
  const pueOf = (site: string): number => index.sites.get(site)?.pue ?? DEFAULT_PUE;
  const zero = { watts: 0, kwhPerYear: 0, rackUnits: 0 };
  const savingsOf = (s: Server) =>
    s.kind === "virtual" ? zero : { watts: s.powerWatts ?? 0, kwhPerYear: kwhPerYear(s.powerWatts ?? 0, pueOf(s.site)), rackUnits: s.rackUnits ?? 0 };
  const relocateAfter = (s: Server, freedOn: string): Relocation | undefined => {
    if (s.supportEnds === undefined || s.supportEnds < addDays(freedOn, RELOCATE_MIN_SUPPORT_DAYS)) return undefined;
    const wi = firstWindowFrom(windows, addDays(freedOn, 1));
    if (wi >= windows.length) return undefined;
    return { server: s.id, freedOn, relocateOn: windows[wi].start, availableFrom: addDays(windows[wi].end, 1), adds: usableOf(s, profile.cpuOvercommit, profile.headroomPct) };
  };

  const out: FateResult["servers"] = [];
  const relocations: Relocation[] = [];
  // Storage relocated after its site empties must fit on top of the busiest moment of the waves.
  let storagePeak = input.footprintRoom?.peak;
  const roomFor = (s: Server): boolean => {
    if (!input.footprintRoom || !storagePeak) return true;
    const next = addFootprint(storagePeak, footprintOf(s));
    if (!fitsFootprint(next, input.footprintRoom.limit)) return false;
    storagePeak = next;
    return true;
  };
  // The optional fields as arguments, not an object of varying shape per call (one shape keeps it optimised).
  const push = (s: Server, direct: string[], fate: PlanServer["fate"], reasons: string[], freedOn?: string, size?: Size, relocateOn?: string): void => {
    const decommission = fate === "decommission";
    out.push(
      planServerEntry({
        id: s.id,
        fate,
        freedOn,
        decommissionOn: decommission && freedOn ? addDays(freedOn, profile.quietPeriodDays) : undefined,
        target: size,
        relocateOn,
        site: s.site,
        kind: s.kind,
        owner: s.owner,
        hostedOn: s.hostedOn,
        systems: direct,
        targetSite: decommission ? undefined : fate === "retain" ? s.site : target,
        savings: decommission ? savingsOf(s) : zero,
        reasons,
        standalone: isStandaloneServer(s, index.sites.get(s.site)),
      }),
    );
  };
  /** Systems running on a server (or its VMs): id, position, status. */
  type Workload = readonly { id: string; p: number; st: Status }[];
  // The last departure, no earlier than `from` (the floor: the start day, or the site's closing); `from` when nothing leaves.
  const lastOff = (list: Workload, from: string): string => list.reduce((m, x) => (x.st.kind === "stays" ? m : maxDate(m, x.st.on)), from);
  const lastOffSinceFloor = (list: Workload): string => (list.some((x) => x.st.kind !== "stays") ? lastOff(list, floor) : profile.startDate);
  const named = (ids: readonly string[]) => ids.map((id) => ({ id, name: index.systems.get(id)?.name ?? id }));
  const servers = dense.servers;
  const incomingAt = byServerPosition(dense, input.incoming, input.incomingAt);
  for (let q = 0; q < servers.length; q++) {
    const s = servers[q];
    // Positions in id order: sorted by number, the ids come in code-unit order.
    const on = dense.systemsOn[q];
    const onSorted = on.length < 2 ? on : [...on].sort((a, b) => a - b);
    const direct = onSorted.map((p) => systems[p].id);
    const statuses: Workload = onSorted.map((p, i) => ({ id: direct[i], p, st: statusAt(p) }));
    const folded = isFoldedStandaloneAt(dense, index, q);
    if (s.site === target && folded) {
      const kept = statuses.filter((x) => decisionAt[x.p].disposition === "retain").map((x) => x.id);
      if (kept.length > 0) {
        const t = input.retainedTargets.get(s.id);
        push(s, direct, "retain", [say(MSG.standaloneKept({ systems: named(kept) }))], undefined, t);
      } else if (statuses.some((x) => x.st.kind === "stays")) {
        const staying = statuses.find((x) => x.st.kind === "stays")!;
        push(s, direct, "retain", [stillRuns(staying.p, s.site)]);
      } else {
        const freedOn = lastOff(statuses, profile.startDate);
        const what = direct.length === 0 ? MSG.standaloneNoSystem({ target }) : MSG.standaloneSwitchedOff({ what: MSG.lastWorkloadLeaves({ date: freedOn }), target });
        push(s, direct, "decommission", [say(what)], freedOn);
      }
      continue;
    }

    if (s.site === target) {
      const allDepart = direct.length > 0 && statuses.every((x) => x.st.kind === "departs");
      // Hardware at the target site is its capacity: only a VM or a stand-alone server whose
      // systems all leave is switched off.
      if (!allDepart || (s.kind !== "virtual" && !input.leaving.has(s.id))) {
        const t = input.retainedTargets.get(s.id);
        const running = statuses.filter((x) => x.st.kind !== "departs");
        const runs = running.length > 0 ? running : statuses;
        const why =
          direct.length === 0
            ? say(s.kind === "physical" ? MSG.targetHost() : s.kind === "storage" ? MSG.targetStorage() : MSG.targetNoSystem())
            : oneSystem(runsSaid, runs.length === 1 ? runs[0].p : -1, "", () => MSG.targetRuns({ systems: runs.map((x) => x.id) }));
        push(s, direct, "retain", [why], undefined, t);
      } else {
        const freedOn = lastOffSinceFloor(statuses);
        const why = oneSystem(everySaid, only(statuses), freedOn, () => MSG.everySystemLeaves({ systems: statuses.map((x) => ({ id: x.id, disposition: decisionAt[x.p].disposition })), freedOn }));
        push(s, direct, "decommission", [why], freedOn);
      }
      continue;
    }

    // Closing site. The workload of a physical host: its own systems and its VMs' systems.
    let workload: Workload = statuses;
    const vms = s.kind === "physical" ? dense.vmsOf[q] : NO_VMS;
    if (vms.length > 0) {
      const all = [...statuses];
      for (const vm of vms) for (const p of dense.systemsOn[vm]) all.push({ id: systems[p].id, p, st: statusAt(p) });
      workload = all;
    }
    const staying = workload.find((x) => x.st.kind === "stays");
    if (staying) {
      push(s, direct, "retain", [stillRuns(staying.p, s.site)]);
      continue;
    }
    const carried = statuses.find((x) => decisionAt[x.p].disposition === "relocate" && x.st.kind === "moves");
    if (carried && s.kind !== "virtual" && carried.st.kind === "moves") {
      push(s, direct, "relocate", [say(MSG.carriesHardwareBound({ system: carried.id, target, wave: carried.st.wave, start: carried.st.start }))], undefined, undefined, carried.st.start);
      continue;
    }
    if (s.kind === "virtual") {
      const moves = statuses.filter((x) => x.st.kind === "moves");
      if (moves.length > 0) {
        const freedOn = lastOffSinceFloor(statuses);
        const wave = Math.max(...moves.map((x) => (x.st.kind === "moves" ? x.st.wave : 0)));
        push(s, direct, "reuse", [say(MSG.reuseVm({ systems: moves.map((x) => x.id), target, wave }))], freedOn, incomingAt[q]);
      } else if (direct.length === 0) {
        push(s, direct, "decommission", [say(MSG.noSystemRuns())], profile.startDate);
      } else {
        const freedOn = lastOffSinceFloor(statuses);
        const why = oneSystem(withoutSaid, only(statuses), freedOn, () => MSG.leavesWithoutSuccessor({ systems: statuses.map((x) => ({ id: x.id, disposition: decisionAt[x.p].disposition })), freedOn }));
        push(s, direct, "decommission", [why], freedOn);
      }
      continue;
    }
    if (s.kind === "physical") {
      const freedOn = input.relocations.get(s.id)?.freedOn ?? lastOffSinceFloor(workload);
      const t = incomingAt[q];
      const what = workload.length === 0 ? MSG.noWorkload() : MSG.lastWorkloadLeaves({ date: freedOn });
      const r = input.relocations.get(s.id);
      if (r) {
        relocations.push(r);
        push(s, direct, "relocate", [say(MSG.hostRelocated({ what, supportEnds: s.supportEnds, target, relocateOn: r.relocateOn, availableFrom: r.availableFrom }))], freedOn, t, r.relocateOn);
      } else if (folded) {
        push(s, direct, "decommission", [say(workload.length === 0 ? MSG.standaloneNoSystem({ target }) : MSG.standaloneSwitchedOff({ what, target }))], freedOn, t);
      } else {
        const why = s.supportEnds === undefined ? MSG.supportUnknown() : s.supportEnds < addDays(freedOn, RELOCATE_MIN_SUPPORT_DAYS) ? MSG.supportTooSoon({ supportEnds: s.supportEnds }) : input.noRoom?.has(s.id) ? MSG.noFootprintRoom() : MSG.noWindowToMove();
        push(s, direct, "decommission", [say(MSG.hostDecommissioned({ what, why }))], freedOn, t);
      }
      continue;
    }
    // Storage, network, appliance gear at a closing site serves it until its last workload leaves.
    const close = siteClose(s.site);
    if (close === undefined) {
      push(s, direct, "retain", [say(MSG.siteKeepsRunning({ site: s.site, kind: s.kind }))]);
      continue;
    }
    const freedOn = lastOff(statuses, close);
    const candidate = s.kind === "storage" && !folded ? relocateAfter(s, freedOn) : undefined;
    const r = candidate && roomFor(s) ? candidate : undefined;
    if (r) {
      relocations.push(r);
      push(s, direct, "relocate", [say(MSG.storageRelocated({ site: s.site, freedOn, supportEnds: s.supportEnds, target, relocateOn: r.relocateOn }))], freedOn, undefined, r.relocateOn);
    } else {
      const empty = MSG.siteEmpty({ site: s.site, freedOn, ...(s.kind === "storage" ? { storage: { supportEnds: s.supportEnds } } : {}) });
      push(s, direct, "decommission", [say(candidate ? MSG.hostDecommissioned({ what: empty, why: MSG.noFootprintRoom() }) : empty)], freedOn);
    }
    }
  relocations.sort((a, b) => (a.availableFrom < b.availableFrom ? -1 : a.availableFrom > b.availableFrom ? 1 : a.server < b.server ? -1 : 1));
  return { servers: out, relocations };
}
