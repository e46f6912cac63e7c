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
import { systemsById } from "./by-id.js";
import type { InventoryIndex } from "../inventory/model.js";
import { type AffinityGroup, moveGroups } from "../inventory/queries/move-groups.js";
import type { Disposition, System } from "../inventory/schema.js";
import { Heap } from "./heap.js";
import { type HeldBy, heldByPinnedRetains } from "./held-by-pins.js";
import { isFoldedStandalone } from "./standalone.js";
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
  readonly violations: Violation[];
  readonly warnings: Violation[];
}

export const MOVING: ReadonlySet<Disposition> = new Set(["rehost", "replatform", "relocate", "consolidate"]);

const HARDWARE_TAGS = new Set(["hsm", "hardware-bound"]);

/** True when a system cannot leave its hardware: it runs on an appliance or a server tagged hsm/hardware-bound. */
export function isHardwareBound(index: InventoryIndex, sys: System): boolean {
  return sys.servers.some((id) => {
    const s = index.servers.get(id);
    return s !== undefined && (s.kind === "appliance" || (s.tags ?? []).some((t) => HARDWARE_TAGS.has(t)));
  });
}

/** Survivor score of `sys` among systems of its function (see file header). */
export function surviveScore(index: InventoryIndex, sys: System, site: string | undefined, target: string, maxUsers: number, deadline: string): number {
  const servers = sys.servers.map((id) => index.servers.get(id)).filter((s) => s !== undefined);
  const supported = servers.length === 0 ? 0 : servers.filter((s) => s.supportEnds !== undefined && s.supportEnds >= deadline).length / servers.length;
  return (
    (site === target ? 40 : 0) +
    5 * sys.securityLevel +
    (maxUsers > 0 ? (15 * Math.log10(1 + (sys.users ?? 0))) / Math.log10(1 + maxUsers) : 0) +
    10 * supported +
    (sys.containerReady ? 10 : 0)
  );
}

/** Decides every system's disposition (see file header); `siteOf` gives each system's site today; `groups` are the move groups [moveGroups(index)]. */
export function decideDispositions(
  index: InventoryIndex,
  siteOf: ReadonlyMap<string, string | undefined>,
  target: string,
  deadline: string,
  log: MessageLog = new MessageLog(),
  groups?: readonly AffinityGroup[],
): DispositionResult {
  const say = (msg: Message): string => log.say(msg);
  const systems = systemsById(index);
  const decisions = new Map<string, SystemDecision>();
  const violations: Violation[] = [];
  const warnings: Violation[] = [];
  const dependants = new Map<string, string[]>();
  for (const s of systems) {
    for (const d of s.dependsOn ?? []) {
      if (d.target === s.id) continue;
      const list = dependants.get(d.target);
      if (list !== undefined) {
        if (list[list.length - 1] !== s.id) list.push(s.id);
      } else if (index.systems.has(d.target)) dependants.set(d.target, [s.id]);
    }
  }

  // Systems a pinned retain holds where they are are never merged away (4. below); retired ones are
  // not known yet, so every unpinned system may carry the hold here.
  const mayBeHeld = heldByPinnedRetains(index, systems, siteOf, target, () => true);

  // 2. Consolidation of duplicate functions across sites.
  const byFunction = new Map<string, System[]>();
  for (const s of systems) {
    if ((s.lifecycle ?? "active") === "retiring" || siteOf.get(s.id) === undefined || mayBeHeld.has(s.id)) continue;
    if (s.disposition !== undefined && s.disposition !== "consolidate") continue;
    const list = byFunction.get(s.function) ?? [];
    list.push(s);
    byFunction.set(s.function, list);
  }
  const chosen = chooseSurvivors(index, byFunction, siteOf, target, deadline, groups ?? moveGroups(index));
  const survivorOf = chosen.consolidated;
  // 3. Retirement fixpoint over unpinned retiring systems.
  const retireSet = new Set<string>();
  for (const s of systems) if (s.disposition === undefined && (s.lifecycle ?? "active") === "retiring") retireSet.add(s.id);
  const pinnedRetire = new Set(systems.filter((s) => s.disposition === "retire").map((s) => s.id));
  const keptBecause = new Map<string, string>();
  const queue = [...retireSet];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (!retireSet.has(id)) continue;
    const user = (dependants.get(id) ?? []).find((d) => !retireSet.has(d) && !pinnedRetire.has(d));
    if (user === undefined) continue;
    retireSet.delete(id);
    keptBecause.set(id, user);
    for (const dep of index.systems.get(id)!.dependsOn ?? []) if (retireSet.has(dep.target)) queue.push(dep.target);
  }
  // 4. The hold of pinned retains, through systems that keep running.
  const held = heldByPinnedRetains(index, systems, siteOf, target, (id) => !retireSet.has(id));
  const nameOf = (id: string): Named => ({ id, name: index.systems.get(id)?.name ?? id });
  /** True for the id of a stand-alone server that is folded into the shared infrastructure (standalone.ts). */
  const isFoldedServer = (id: string): boolean => {
    const server = index.servers.get(id);
    return server !== undefined && isFoldedStandalone(index, server);
  };
  const siteNamed = (id: string): Named => ({ id, name: index.sites.get(id)?.name ?? id });

  // Where a system runs, as a fragment of its reasons: one message per site (a few), not per system.
  const whereAt = new Map<string | undefined, Message>();
  const whereOf = (site: string | undefined): Message => getOrMake(whereAt, site, () => (site === undefined ? MSG.whereService() : site === target ? MSG.whereTarget({ target }) : MSG.whereSite({ site })));
  // The sentences that name only where a system runs (most systems' reasons): said once per kind and site.
  const siteSaid = { relocate: new Map<string, string>(), replatform: new Map<string, string>(), rehost: new Map<string, string>(), atTarget: new Map<string, string>() };
  const sayAt = (said: Map<string, string>, site: string, make: () => Message): string => getOrMake(said, site, () => say(make()));

  for (const s of systems) {
    const site = siteOf.get(s.id);
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
          others.sort((a, b) => surviveScore(index, b, siteOf.get(b.id), target, maxUsers, deadline) - surviveScore(index, a, siteOf.get(a.id), target, maxUsers, deadline) || (a.id < b.id ? -1 : 1));
          into = others[0]?.id;
        }
        if (into === undefined) {
          violations.push({ rule: "consolidate-without-survivor", subject: s.id, message: say(MSG.consolidateWithoutSurvivor({ system: s.id, fn: s.function })) });
          decisions.set(s.id, { disposition: atTarget ? "retain" : "rehost", reasons: [...reasons, say(MSG.noSurvivorKeepsRunning())], pinned: true });
          continue;
        }
        reasons.push(say(s.consolidateInto !== undefined ? MSG.mergedIntoPinned({ into }) : MSG.mergedIntoBest({ into, fn: s.function })));
      }
      if (s.disposition === "retain" && !atTarget && site !== undefined) reasons.push(say(MSG.staysRemaining({ where })));
      decisions.set(s.id, { disposition: s.disposition, into, reasons, pinned: true });
      continue;
    }
    const survivor = survivorOf.get(s.id);
    if (survivor) {
      decisions.set(s.id, {
        disposition: "consolidate",
        into: survivor.survivor.id,
        reasons: [
          say(
            survivor.groups
              ? MSG.duplicateMergedByGroup({ fn: s.function, where, survivor: survivor.survivor.id, survivorSite: siteOf.get(survivor.survivor.id), group: survivor.groups.survivor, other: survivor.groups.other, pin: survivor.groups.pin })
              : MSG.duplicateMerged({ fn: s.function, where, survivor: survivor.survivor.id, survivorSite: siteOf.get(survivor.survivor.id), score: survivor.score, other: survivor.other, otherScore: survivor.otherScore }),
          ),
        ],
        pinned: false,
      });
      continue;
    }
    if (retireSet.has(s.id)) {
      const users = dependants.get(s.id) ?? [];
      decisions.set(s.id, { disposition: "retire", reasons: [say(users.length === 0 ? MSG.retireNoDependants() : MSG.retireOnlyRetiring({ users }))], pinned: false });
      continue;
    }
    const reasons: string[] = [];
    const survives = chosen.survivors.get(s.id);
    if (survives) reasons.push(say(MSG.survivesWithGroup(survives)));
    if (keptBecause.has(s.id)) reasons.push(say(MSG.keptRetiring({ user: keptBecause.get(s.id)! })));
    const hold = held.get(s.id);
    if (hold && site !== undefined) {
      const message = MSG.staysWithPinned({ system: nameOf(s.id), site: siteNamed(site), target, pinned: nameOf(hold.pinned), via: hold.via.map(nameOf) });
      decisions.set(s.id, { disposition: "retain", reasons: [...reasons, say(message)], pinned: false, heldBy: hold });
    } else if (site === undefined) {
      decisions.set(s.id, { disposition: "retain", reasons: [...reasons, say(MSG.noServers())], pinned: false });
    } else if (atTarget) {
      const standalone = isHardwareBound(index, s) ? [] : s.servers.filter(isFoldedServer).sort();
      if (standalone.length === 0) decisions.set(s.id, { disposition: "retain", reasons: [...reasons, sayAt(siteSaid.atTarget, site, () => MSG.alreadyAtTarget({ target }))], pinned: false });
      else {
        const fold = say(MSG.foldStandalone({ servers: standalone, target: siteNamed(target), shared: s.containerReady === true }));
        decisions.set(s.id, { disposition: s.containerReady ? "replatform" : "rehost", reasons: [...reasons, fold], pinned: false });
      }
    } else if (isHardwareBound(index, s)) {
      decisions.set(s.id, { disposition: "relocate", reasons: [...reasons, sayAt(siteSaid.relocate, site, () => MSG.relocateHardware({ where, target }))], pinned: false });
    } else if (s.containerReady) {
      decisions.set(s.id, { disposition: "replatform", reasons: [...reasons, sayAt(siteSaid.replatform, site, () => MSG.replatformReady({ where, target }))], pinned: false });
    } else {
      decisions.set(s.id, { disposition: "rehost", reasons: [...reasons, sayAt(siteSaid.rehost, site, () => MSG.rehostVm({ where, target }))], pinned: false });
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
  for (const s of systems) {
    const d = decisions.get(s.id)!;
    if (d.disposition === "retire") continue;
    for (const dep of s.dependsOn ?? []) {
      const td = decisions.get(dep.target);
      if (td?.disposition === "retire" && dep.target !== s.id) {
        violations.push({ rule: "depends-on-retired", subject: s.id, message: say(MSG.dependsOnRetired({ system: s.id, disposition: d.disposition, target: dep.target })) });
      }
    }
  }
  void warnings;
  return { decisions, violations, warnings };
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
export function chooseSurvivors(
  index: InventoryIndex,
  byFunction: ReadonlyMap<string, System[]>,
  siteOf: ReadonlyMap<string, string | undefined>,
  target: string,
  deadline: string,
  groups: readonly AffinityGroup[],
): Survivors {
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const s of g.systems) groupOf.set(s, g.id);
  const group = (id: string): string => groupOf.get(id) ?? `g-${id}`;

  // Functions with duplicates at different sites, each candidate scored within its function.
  const dup: { fn: string; list: System[]; score: Map<string, number> }[] = [];
  for (const [fn, list] of byFunction) {
    if (new Set(list.map((s) => siteOf.get(s.id))).size < 2 || !list.some((s) => s.disposition === undefined)) continue;
    const maxUsers = Math.max(0, ...list.map((s) => s.users ?? 0));
    dup.push({ fn, list, score: new Map(list.map((s) => [s.id, surviveScore(index, s, siteOf.get(s.id), target, maxUsers, deadline)])) });
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
    const first = group(d.list[0].id);
    for (const s of d.list) {
      const g = group(s.id);
      const a = find(g);
      const b = find(first);
      if (a !== b) family.set(a < b ? b : a, a < b ? a : b);
      if (s.disposition !== undefined) continue;
      sum.set(g, (sum.get(g) ?? 0) + d.score.get(s.id)!);
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
  for (const s of systemsById(index)) {
    if (s.disposition !== "consolidate" || s.consolidateInto === undefined || !family.has(group(s.id)) || !family.has(group(s.consolidateInto))) continue;
    const [low, high] = [group(s.id), group(s.consolidateInto)];
    if (low === high || find(low) !== find(high)) continue;
    (above.get(low) ?? above.set(low, new Set()).get(low)!).add(high);
    if (!pinOf.has(`${low}>${high}`)) pinOf.set(`${low}>${high}`, { system: s.id, into: s.consolidateInto });
  }

  // Rank: best standing first, never above a group pinned over it (Kahn's algorithm with a heap);
  // contradictory pins (a cycle) fall back to standing for what remains.
  const all = [...family.keys()].sort();
  const key = (g: string): number => ((count.get(g) ?? 0) === 0 ? -Infinity : sum.get(g)! / count.get(g)!);
  const better = (a: string, b: string): boolean => key(a) > key(b) || (key(a) === key(b) && a < b);
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
    const eligible = d.list
      .filter((s) => s.disposition === undefined)
      .sort((a, b) => rank.get(group(a.id))! - rank.get(group(b.id))! || d.score.get(b.id)! - d.score.get(a.id)! || (a.id < b.id ? -1 : 1));
    const best = eligible[0];
    const survivorSite = siteOf.get(best.id);
    const gb = group(best.id);
    for (const x of d.list) {
      if (x.id === best.id || siteOf.get(x.id) === survivorSite) continue;
      if (x.disposition === "consolidate" && x.consolidateInto !== undefined) continue;
      const gx = group(x.id);
      const byGroup = gx !== gb && ((count.get(gb) ?? 0) > 1 || (count.get(gx) ?? 0) > 1);
      const choice: SurvivorChoice = {
        survivor: best,
        score: round1(d.score.get(best.id)!),
        other: x.id,
        otherScore: Math.round(d.score.get(x.id) ?? 0),
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
