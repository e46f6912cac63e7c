// Dispositions: what happens to each system, with the reasons. In order of precedence:
//  1. a `disposition` pinned in the inventory by people is kept as it is;
//  2. active or legacy systems with the same `function` at different sites are consolidated into
//     one survivor, chosen by surviveScore (below) move group by move group (chooseSurvivors): when
//     an application and its database/cache/report exist at two sites, one cluster survives whole
//     and the other is merged into it, counterpart by counterpart (same function);
//  3. `retiring` systems that nothing still running depends on are retired (a fixpoint: a retiring
//     system used only by other retired systems retires too); a retiring system still depended
//     upon is kept and moved, never silently dropped;
//  4. systems tightly coupled to a system people pinned to stay at a site other than the target
//     (directly or through their tight cluster) stay with it, and are never merged away
//     (held-by-pins.ts): moving them would leave the pinned one tightly coupled across sites;
//     systems already at the target site are retained, except those on a stand-alone server
//     (standalone.ts), which move onto the shared infrastructure there (rehost or replatform) so
//     the server can be switched off; systems with no servers (SaaS) are retained;
//  5. at another site: hardware-bound systems (on an `appliance` server, or a server tagged `hsm`
//     or `hardware-bound`) are relocated, container-ready ones replatformed onto the shared
//     Kubernetes platform, the rest rehosted as virtual machines.
// A kept system that depends on a retirement pinned by people is a reported violation.
//
// Survivor score (higher wins; ties: smaller id):
//   40 if already at the target site, + 5 × security level (the more hardened one survives),
//   + 15 × log10(1 + users) / log10(1 + most users in the function), + 10 × share of its servers
//   in vendor support on the deadline, + 10 if container-ready.
// A move group holding duplicates scores the mean of its duplicated members' scores.
import { getOrMake } from "../common/maps.js";
import { type DenseIndex, denseIndex } from "./dense.js";
import type { InventoryIndex } from "../inventory/model.js";
import { type AffinityGroup, moveGroups } from "../inventory/queries/move-groups.js";
import type { Disposition, Server, System } from "../inventory/schema.js";
import { Heap } from "./heap.js";
import { type HeldBy, heldByPinnedRetains } from "./held-by-pins.js";
import { isFoldedStandaloneAt } from "./standalone.js";
import { type Message, MessageLog, MSG, type Named } from "./messages.js";
import type { Violation } from "./plan-schema.js";

/** The decision for one system. */
export interface SystemDecision {
  readonly disposition: Disposition;
  /** Survivor for `consolidate`. */
  readonly into?: string;
  readonly reasons: string[];
  /** True when people pinned the disposition in the inventory. */
  readonly pinned: boolean;
  /** Set on a retained system that stays only because it is tightly coupled to a people-pinned retain off the target. */
  readonly heldBy?: HeldBy;
}

export interface DispositionResult {
  readonly decisions: Map<string, SystemDecision>;
  /** The same decisions by system position (dense.ts): decisionAt[p] is the decision of dense.systems[p]; whoever changes `decisions` keeps it in step (progress/apply.ts). */
  readonly decisionAt: SystemDecision[];
  readonly violations: Violation[];
  readonly warnings: Violation[];
}

export const MOVING: ReadonlySet<Disposition> = new Set(["rehost", "replatform", "relocate", "consolidate"]);

const HARDWARE_TAGS = new Set(["hsm", "hardware-bound"]);

/** True when a system cannot leave its hardware: it runs on an appliance or a server tagged hsm/hardware-bound. */
export function isHardwareBound(index: InventoryIndex, sys: System): boolean {
  return sys.servers.some((id) => isHardware(index.servers.get(id)));
}

/** isHardwareBound of the system at position `p` (dense.ts). */
function isHardwareBoundAt(dense: DenseIndex, p: number): boolean {
  return dense.serversOf[p].some((q) => q >= 0 && isHardware(dense.servers[q]));
}

/** True for an appliance, or a server tagged hsm or hardware-bound. */
function isHardware(s: Server | undefined): boolean {
  return s !== undefined && (s.kind === "appliance" || (s.tags ?? []).some((t) => HARDWARE_TAGS.has(t)));
}

/** Survivor score of `sys` among systems of its function (see file header). */
export function surviveScore(index: InventoryIndex, sys: System, site: string | undefined, target: string, maxUsers: number, deadline: string): number {
  const servers = sys.servers.map((id) => index.servers.get(id)).filter((s) => s !== undefined);
  const supported = servers.length === 0 ? 0 : servers.filter((s) => s.supportEnds !== undefined && s.supportEnds >= deadline).length / servers.length;
  return scoreOf(sys, site, target, maxUsers, supported);
}

/** surviveScore of the system at position `p` (dense.ts). */
function surviveScoreAt(dense: DenseIndex, p: number, target: string, maxUsers: number, deadline: string): number {
  let known = 0;
  let inSupport = 0;
  for (const q of dense.serversOf[p]) {
    if (q < 0) continue;
    known++;
    const ends = dense.servers[q].supportEnds;
    if (ends !== undefined && ends >= deadline) inSupport++;
  }
  return scoreOf(dense.systems[p], dense.siteOf[p], target, maxUsers, known === 0 ? 0 : inSupport / known);
}

/** The survivor score's sum (see file header), `supported` the share of the system's servers in support on the deadline. */
function scoreOf(sys: System, site: string | undefined, target: string, maxUsers: number, supported: number): number {
  return (
    (site === target ? 40 : 0) +
    5 * sys.securityLevel +
    (maxUsers > 0 ? (15 * Math.log10(1 + (sys.users ?? 0))) / Math.log10(1 + maxUsers) : 0) +
    10 * supported +
    (sys.containerReady ? 10 : 0)
  );
}

/**
 * Decides every system's disposition (see file header); each system's site today is model.ts
 * systemSite (dense.ts `siteOf`); `groups` are the move groups [moveGroups(index)].
 */
export function decideDispositions(index: InventoryIndex, target: string, deadline: string, log: MessageLog = new MessageLog(), groups?: readonly AffinityGroup[]): DispositionResult {
  const say = (msg: Message): string => log.say(msg);
  // Systems by position (dense.ts): per-system state in arrays, dependencies as positions.
  const dense = denseIndex(index);
  const { systems, siteOf } = dense;
  const n = systems.length;
  const decisions = new Map<string, SystemDecision>();
  const decisionAt: SystemDecision[] = new Array(n);
  const decide = (p: number, d: SystemDecision): void => {
    decisions.set(systems[p].id, d);
    decisionAt[p] = d;
  };
  const violations: Violation[] = [];
  const warnings: Violation[] = [];
  // The systems depending on each system, each once, in id order.
  const dependants: (number[] | undefined)[] = new Array(n).fill(undefined);
  for (let p = 0; p < n; p++) {
    for (const t of dense.dependsOn[p]) {
      if (t < 0 || t === p) continue;
      const list = dependants[t];
      if (list === undefined) dependants[t] = [p];
      else if (list[list.length - 1] !== p) list.push(p);
    }
  }
  const siteOfId = (id: string): string | undefined => {
    const p = dense.systemAt.get(id);
    return p === undefined ? undefined : siteOf[p];
  };

  // Systems a pinned retain holds where they are are never merged away (4. below); retired ones are
  // not known yet, so every unpinned system may carry the hold here.
  const mayBeHeld = heldByPinnedRetains(dense, target, () => true);

  // 2. Consolidation of duplicate functions across sites.
  const byFunction = new Map<string, number[]>();
  for (let p = 0; p < n; p++) {
    const s = systems[p];
    if ((s.lifecycle ?? "active") === "retiring" || siteOf[p] === undefined || mayBeHeld.has(s.id)) continue;
    if (s.disposition !== undefined && s.disposition !== "consolidate") continue;
    const list = byFunction.get(s.function);
    if (list === undefined) byFunction.set(s.function, [p]);
    else list.push(p);
  }
  const chosen = chooseSurvivors(dense, byFunction, target, deadline, groups ?? moveGroups(index));
  const survivorOf = chosen.consolidated;
  // 3. Retirement fixpoint over unpinned retiring systems (1: in the retire set).
  const retiring = new Uint8Array(n);
  const queue: number[] = [];
  for (let p = 0; p < n; p++) {
    if (systems[p].disposition !== undefined || (systems[p].lifecycle ?? "active") !== "retiring") continue;
    retiring[p] = 1;
    queue.push(p);
  }
  const keptBecause = new Map<number, number>();
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (retiring[p] === 0) continue;
    const user = (dependants[p] ?? []).find((d) => retiring[d] === 0 && systems[d].disposition !== "retire");
    if (user === undefined) continue;
    retiring[p] = 0;
    keptBecause.set(p, user);
    for (const t of dense.dependsOn[p]) if (t >= 0 && retiring[t] === 1) queue.push(t);
  }
  // 4. The hold of pinned retains, through systems that keep running.
  const held = heldByPinnedRetains(dense, target, (p) => retiring[p] === 0);
  const nameOf = (id: string): Named => ({ id, name: index.systems.get(id)?.name ?? id });
  /** True for the server at position `q` when it is a stand-alone server folded into the shared infrastructure (standalone.ts). */
  const isFoldedAt = (q: number): boolean => q >= 0 && isFoldedStandaloneAt(dense, index, q);
  const siteNamed = (id: string): Named => ({ id, name: index.sites.get(id)?.name ?? id });

  // Where a system runs, as a fragment of its reasons: one message per site (a few), not per system.
  const whereAt = new Map<string | undefined, Message>();
  const whereOf = (site: string | undefined): Message => getOrMake(whereAt, site, () => (site === undefined ? MSG.whereService() : site === target ? MSG.whereTarget({ target }) : MSG.whereSite({ site })));
  // The sentences that name only where a system runs (most systems' reasons): said once per kind and site.
  const siteSaid = { relocate: new Map<string, string>(), replatform: new Map<string, string>(), rehost: new Map<string, string>(), atTarget: new Map<string, string>() };
  const sayAt = (said: Map<string, string>, site: string, make: () => Message): string => getOrMake(said, site, () => say(make()));

  for (let p = 0; p < n; p++) {
    const s = systems[p];
    const site = siteOf[p];
    const atTarget = site === target;
    const where = whereOf(site);
    if (s.disposition !== undefined) {
      const reasons = [say(MSG.dispositionPinned({ disposition: s.disposition }))];
      let into: string | undefined;
      if (s.disposition === "consolidate") {
        into = s.consolidateInto ?? survivorOf.get(s.id)?.survivor.id;
        if (into === undefined) {
          // A pinned consolidation without a survivor: pick the best other system of the function.
          const others = systems.filter((o) => o.id !== s.id && o.function === s.function && o.disposition !== "consolidate" && o.disposition !== "retire");
          const maxUsers = Math.max(0, ...others.map((o) => o.users ?? 0));
          others.sort((a, b) => surviveScore(index, b, siteOfId(b.id), target, maxUsers, deadline) - surviveScore(index, a, siteOfId(a.id), target, maxUsers, deadline) || (a.id < b.id ? -1 : 1));
          into = others[0]?.id;
        }
        if (into === undefined) {
          violations.push({ rule: "consolidate-without-survivor", subject: s.id, message: say(MSG.consolidateWithoutSurvivor({ system: s.id, fn: s.function })) });
          decide(p, { disposition: atTarget ? "retain" : "rehost", reasons: [...reasons, say(MSG.noSurvivorKeepsRunning())], pinned: true });
          continue;
        }
        reasons.push(say(s.consolidateInto !== undefined ? MSG.mergedIntoPinned({ into }) : MSG.mergedIntoBest({ into, fn: s.function })));
      }
      if (s.disposition === "retain" && !atTarget && site !== undefined) reasons.push(say(MSG.staysRemaining({ where })));
      decide(p, { disposition: s.disposition, into, reasons, pinned: true });
      continue;
    }
    const survivor = survivorOf.get(s.id);
    if (survivor) {
      const survivorSite = siteOfId(survivor.survivor.id);
      decide(p, {
        disposition: "consolidate",
        into: survivor.survivor.id,
        reasons: [
          say(
            survivor.groups
              ? MSG.duplicateMergedByGroup({ fn: s.function, where, survivor: survivor.survivor.id, survivorSite, group: survivor.groups.survivor, other: survivor.groups.other, pin: survivor.groups.pin })
              : MSG.duplicateMerged({ fn: s.function, where, survivor: survivor.survivor.id, survivorSite, score: survivor.score, other: survivor.other, otherScore: survivor.otherScore }),
          ),
        ],
        pinned: false,
      });
      continue;
    }
    if (retiring[p] === 1) {
      const users = (dependants[p] ?? []).map((d) => systems[d].id);
      decide(p, { disposition: "retire", reasons: [say(users.length === 0 ? MSG.retireNoDependants() : MSG.retireOnlyRetiring({ users }))], pinned: false });
      continue;
    }
    const reasons: string[] = [];
    const survives = chosen.survivors.get(s.id);
    if (survives) reasons.push(say(MSG.survivesWithGroup(survives)));
    const user = keptBecause.get(p);
    if (user !== undefined) reasons.push(say(MSG.keptRetiring({ user: systems[user].id })));
    const hold = held.get(s.id);
    if (hold && site !== undefined) {
      const message = MSG.staysWithPinned({ system: nameOf(s.id), site: siteNamed(site), target, pinned: nameOf(hold.pinned), via: hold.via.map(nameOf) });
      decide(p, { disposition: "retain", reasons: [...reasons, say(message)], pinned: false, heldBy: hold });
    } else if (site === undefined) {
      decide(p, { disposition: "retain", reasons: [...reasons, say(MSG.noServers())], pinned: false });
    } else if (atTarget) {
      const standalone = isHardwareBoundAt(dense, p)
        ? []
        : dense.serversOf[p]
            .filter(isFoldedAt)
            .map((q) => dense.servers[q].id)
            .sort();
      if (standalone.length === 0) decide(p, { disposition: "retain", reasons: [...reasons, sayAt(siteSaid.atTarget, site, () => MSG.alreadyAtTarget({ target }))], pinned: false });
      else {
        const fold = say(MSG.foldStandalone({ servers: standalone, target: siteNamed(target), shared: s.containerReady === true }));
        decide(p, { disposition: s.containerReady ? "replatform" : "rehost", reasons: [...reasons, fold], pinned: false });
      }
    } else if (isHardwareBoundAt(dense, p)) {
      decide(p, { disposition: "relocate", reasons: [...reasons, sayAt(siteSaid.relocate, site, () => MSG.relocateHardware({ where, target }))], pinned: false });
    } else if (s.containerReady) {
      decide(p, { disposition: "replatform", reasons: [...reasons, sayAt(siteSaid.replatform, site, () => MSG.replatformReady({ where, target }))], pinned: false });
    } else {
      decide(p, { disposition: "rehost", reasons: [...reasons, sayAt(siteSaid.rehost, site, () => MSG.rehostVm({ where, target }))], pinned: false });
    }
  }

  // A pinned consolidation into a system that itself goes away is a contradiction people must fix.
  for (const [id, d] of decisions) {
    if (d.disposition !== "consolidate" || d.into === undefined) continue;
    const sd = decisions.get(d.into);
    if (sd && (sd.disposition === "retire" || sd.disposition === "consolidate")) {
      violations.push({ rule: "consolidate-into-departing", subject: id, message: say(MSG.consolidateIntoDeparting({ system: id, into: d.into, retired: sd.disposition === "retire", next: sd.into })) });
    }
  }
  // Kept systems depending on a retirement people pinned: report each broken dependency.
  for (let p = 0; p < n; p++) {
    const d = decisionAt[p];
    if (d.disposition === "retire") continue;
    const s = systems[p];
    const targets = dense.dependsOn[p];
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (t < 0 || t === p || decisionAt[t].disposition !== "retire") continue;
      violations.push({ rule: "depends-on-retired", subject: s.id, message: say(MSG.dependsOnRetired({ system: s.id, disposition: d.disposition, target: s.dependsOn![i].target })) });
    }
  }
  void warnings;
  return { decisions, decisionAt, violations, warnings };
}

/** A move group's standing in the choice of survivors: mean survivor score of its duplicated systems. */
export interface GroupScore {
  readonly id: string;
  /** Mean surviveScore of its members that are eligible duplicates (0 when it has none). */
  readonly score: number;
  /** How many of its members were scored. */
  readonly scored: number;
}

/** Why a duplicate is consolidated into its survivor. */
export interface SurvivorChoice {
  readonly survivor: System;
  /** Survivor score of the survivor, and of the consolidated system, rounded. */
  readonly score: number;
  readonly other: string;
  readonly otherScore: number;
  /** Set when the two sit in different move groups of which at least one has several duplicates: chosen group by group. */
  readonly groups?: { readonly survivor: GroupScore; readonly other: GroupScore; readonly pin?: { readonly system: string; readonly into: string } };
}

/** Survivors of duplicated functions (see the file header): consolidated system → choice; survivor → its group's standing. */
export interface Survivors {
  readonly consolidated: Map<string, SurvivorChoice>;
  readonly survivors: Map<string, { fn: string; group: GroupScore; against: GroupScore[] }>;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Chooses the survivor of every duplicated function, move group by move group: the move groups
 * (tight clusters: an application with its database, cache, report…) holding duplicates are ranked
 * by the MEAN survivor score of their duplicated members (a mean, so a cluster is not favoured for
 * merely having more parts), ties to the smaller group id, and a group that people pinned a
 * `consolidateInto` from ranks below the group it points into. Each function's survivor is its
 * eligible candidate in the best-ranked group (within a group, the best-scoring one). So when two
 * clusters of the same functions meet, one survives whole and the other is merged into it member by
 * member: survivors always sit in a higher-ranked group than what is merged into them, which keeps
 * the "survivor first" ordering free of cycles (per-function choices could alternate between the
 * clusters and force both into one wave).
 */
export function chooseSurvivors(dense: DenseIndex, byFunction: ReadonlyMap<string, readonly number[]>, target: string, deadline: string, groups: readonly AffinityGroup[]): Survivors {
  const { systems, siteOf } = dense;
  // The move group of each system by position (a system in none is a group of its own, `g-<id>`).
  const groupAt: (string | undefined)[] = new Array(systems.length).fill(undefined);
  for (const g of groups) {
    for (const id of g.systems) {
      const p = dense.systemAt.get(id);
      if (p !== undefined) groupAt[p] = g.id;
    }
  }
  const group = (p: number): string => groupAt[p] ?? (groupAt[p] = `g-${systems[p].id}`);
  const groupOfId = (id: string): string => {
    const p = dense.systemAt.get(id);
    return p === undefined ? `g-${id}` : group(p);
  };

  // Functions with duplicates at different sites, each candidate scored within its function.
  const dup: { fn: string; list: readonly number[] }[] = [];
  const scoreAt = new Float64Array(systems.length);
  for (const [fn, list] of byFunction) {
    if (new Set(list.map((p) => siteOf[p])).size < 2 || !list.some((p) => systems[p].disposition === undefined)) continue;
    const maxUsers = Math.max(0, ...list.map((p) => systems[p].users ?? 0));
    for (const p of list) scoreAt[p] = surviveScoreAt(dense, p, target, maxUsers, deadline);
    dup.push({ fn, list });
  }

  // Group standing and families (groups joined by sharing a duplicated function).
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  const family = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (family.has(r) && family.get(r) !== r) r = family.get(r)!;
    family.set(x, r);
    return r;
  };
  for (const d of dup) {
    const first = group(d.list[0]);
    for (const p of d.list) {
      const g = group(p);
      const a = find(g);
      const b = find(first);
      if (a !== b) family.set(a < b ? b : a, a < b ? a : b);
      if (systems[p].disposition !== undefined) continue;
      sum.set(g, (sum.get(g) ?? 0) + scoreAt[p]);
      count.set(g, (count.get(g) ?? 0) + 1);
    }
  }
  const standing = (g: string): GroupScore => {
    const n = count.get(g) ?? 0;
    return { id: g, score: n === 0 ? 0 : round1(sum.get(g)! / n), scored: n };
  };

  // Pins: a group with a system people pinned into another group of its family ranks below that group.
  const above = new Map<string, Set<string>>();
  const pinOf = new Map<string, { system: string; into: string }>();
  for (let p = 0; p < systems.length; p++) {
    const s = systems[p];
    if (s.disposition !== "consolidate" || s.consolidateInto === undefined || !family.has(group(p)) || !family.has(groupOfId(s.consolidateInto))) continue;
    const [low, high] = [group(p), groupOfId(s.consolidateInto)];
    if (low === high || find(low) !== find(high)) continue;
    (above.get(low) ?? above.set(low, new Set()).get(low)!).add(high);
    if (!pinOf.has(`${low}>${high}`)) pinOf.set(`${low}>${high}`, { system: s.id, into: s.consolidateInto });
  }

  // Rank: best standing first, never above a group pinned over it (Kahn's algorithm with a heap);
  // contradictory pins (a cycle) fall back to standing for what remains.
  const all = [...family.keys()].sort();
  const keys = new Map(all.map((g) => [g, (count.get(g) ?? 0) === 0 ? -Infinity : sum.get(g)! / count.get(g)!]));
  const better = (a: string, b: string): boolean => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return ka > kb || (ka === kb && a < b);
  };
  const waiting = new Map<string, number>();
  const below = new Map<string, string[]>();
  for (const [low, highs] of above) {
    waiting.set(low, highs.size);
    for (const h of highs) (below.get(h) ?? below.set(h, []).get(h)!).push(low);
  }
  const rank = new Map<string, number>();
  const heap = new Heap<string>(better);
  for (const g of all) if (!waiting.has(g)) heap.push(g);
  const rest = [...all].sort((a, b) => (better(a, b) ? -1 : 1));
  let cursor = 0;
  while (rank.size < all.length) {
    let g = heap.pop();
    if (g === undefined) {
      while (rank.has(rest[cursor])) cursor++;
      g = rest[cursor];
    }
    if (rank.has(g)) continue;
    rank.set(g, rank.size);
    for (const low of below.get(g) ?? []) {
      const n = waiting.get(low)! - 1;
      waiting.set(low, n);
      if (n === 0 && !rank.has(low)) heap.push(low);
    }
  }

  const consolidated = new Map<string, SurvivorChoice>();
  const survivors = new Map<string, { fn: string; group: GroupScore; against: GroupScore[] }>();
  for (const d of dup) {
    // Each candidate's group rank, looked up once (not in every comparison of the sort).
    const eligible = d.list.filter((p) => systems[p].disposition === undefined).map((p) => ({ p, rank: rank.get(group(p))! }));
    eligible.sort((a, b) => a.rank - b.rank || scoreAt[b.p] - scoreAt[a.p] || (systems[a.p].id < systems[b.p].id ? -1 : 1));
    const bestAt = eligible[0].p;
    const best = systems[bestAt];
    const survivorSite = siteOf[bestAt];
    const gb = group(bestAt);
    for (const xp of d.list) {
      const x = systems[xp];
      if (xp === bestAt || siteOf[xp] === survivorSite) continue;
      if (x.disposition === "consolidate" && x.consolidateInto !== undefined) continue;
      const gx = group(xp);
      const byGroup = gx !== gb && ((count.get(gb) ?? 0) > 1 || (count.get(gx) ?? 0) > 1);
      const choice: SurvivorChoice = {
        survivor: best,
        score: round1(scoreAt[bestAt]),
        other: x.id,
        otherScore: Math.round(scoreAt[xp]),
        ...(byGroup ? { groups: { survivor: standing(gb), other: standing(gx), ...(pinOf.has(`${gx}>${gb}`) ? { pin: pinOf.get(`${gx}>${gb}`)! } : {}) } } : {}),
      };
      consolidated.set(x.id, choice);
      if (byGroup) {
        const entry = survivors.get(best.id) ?? survivors.set(best.id, { fn: d.fn, group: standing(gb), against: [] }).get(best.id)!;
        if (!entry.against.some((a) => a.id === gx)) entry.against.push(standing(gx));
      }
    }
  }
  for (const e of survivors.values()) e.against.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { consolidated, survivors };
}
