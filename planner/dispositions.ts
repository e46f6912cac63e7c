// Dispositions: what happens to each system, with the reasons. In order of precedence:
//  1. a `disposition` pinned in the inventory by people is kept as it is;
//  2. active or legacy systems with the same `function` at different sites are consolidated into
//     one survivor, chosen by surviveScore (below);
//  3. `retiring` systems that nothing still running depends on are retired (a fixpoint: a retiring
//     system used only by other retired systems retires too); a retiring system still depended
//     upon is kept and moved, never silently dropped;
//  4. systems already at the target site are retained; systems with no servers (SaaS) are retained;
//  5. at another site: hardware-bound systems (on an `appliance` server, or a server tagged `hsm`
//     or `hardware-bound`) are relocated, container-ready ones replatformed onto the shared
//     Kubernetes platform, the rest rehosted as virtual machines.
// A kept system that depends on a retirement pinned by people is a reported violation.
//
// Survivor score (higher wins; ties: smaller id):
//   40 if already at the target site, + 5 × security level (the more hardened one survives),
//   + 15 × log10(1 + users) / log10(1 + most users in the function), + 10 × share of its servers
//   in vendor support on the deadline, + 10 if container-ready.
import type { InventoryIndex } from "../inventory/model.js";
import type { Disposition, System } from "../inventory/schema.js";
import { type Message, MessageLog, MSG } from "./messages.js";
import type { Violation } from "./plan-schema.js";

/** The decision for one system. */
export interface SystemDecision {
  readonly disposition: Disposition;
  /** Survivor for `consolidate`. */
  readonly into?: string;
  readonly reasons: string[];
  /** True when people pinned the disposition in the inventory. */
  readonly pinned: boolean;
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

/** Decides every system's disposition (see file header); `siteOf` gives each system's site today. */
export function decideDispositions(index: InventoryIndex, siteOf: ReadonlyMap<string, string | undefined>, target: string, deadline: string, log: MessageLog = new MessageLog()): DispositionResult {
  const say = (msg: Message): string => log.say(msg);
  const systems = [...index.inventory.systems].sort((a, b) => (a.id < b.id ? -1 : 1));
  const decisions = new Map<string, SystemDecision>();
  const violations: Violation[] = [];
  const warnings: Violation[] = [];
  const dependants = new Map<string, string[]>();
  for (const s of systems) {
    for (const d of s.dependsOn ?? []) {
      if (!index.systems.has(d.target) || d.target === s.id) continue;
      const list = dependants.get(d.target) ?? [];
      if (list[list.length - 1] !== s.id) list.push(s.id);
      dependants.set(d.target, list);
    }
  }

  // 2. Consolidation of duplicate functions across sites.
  const byFunction = new Map<string, System[]>();
  for (const s of systems) {
    if ((s.lifecycle ?? "active") === "retiring" || siteOf.get(s.id) === undefined) continue;
    if (s.disposition !== undefined && s.disposition !== "consolidate") continue;
    const list = byFunction.get(s.function) ?? [];
    list.push(s);
    byFunction.set(s.function, list);
  }
  const survivorOf = new Map<string, { survivor: System; score: number; other: string; otherScore: number }>();
  for (const [fn, list] of byFunction) {
    const sites = new Set(list.map((s) => siteOf.get(s.id)));
    if (sites.size < 2) continue;
    const maxUsers = Math.max(0, ...list.map((s) => s.users ?? 0));
    const eligible = list.filter((s) => s.disposition === undefined);
    if (eligible.length === 0) continue;
    const scored = eligible
      .map((s) => ({ s, score: surviveScore(index, s, siteOf.get(s.id), target, maxUsers, deadline) }))
      .sort((a, b) => b.score - a.score || (a.s.id < b.s.id ? -1 : 1));
    const best = scored[0];
    const survivorSite = siteOf.get(best.s.id);
    for (const x of list) {
      if (x.id === best.s.id || siteOf.get(x.id) === survivorSite) continue;
      if (x.disposition === "consolidate" && x.consolidateInto !== undefined) continue;
      survivorOf.set(x.id, { survivor: best.s, score: Math.round(best.score * 10) / 10, other: x.id, otherScore: Math.round(scored.find((y) => y.s.id === x.id)?.score ?? 0) });
    }
    void fn;
  }

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

  for (const s of systems) {
    const site = siteOf.get(s.id);
    const atTarget = site === target;
    const where: Message = site === undefined ? MSG.whereService() : atTarget ? MSG.whereTarget({ target }) : MSG.whereSite({ site });
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
        reasons: [say(MSG.duplicateMerged({ fn: s.function, where, survivor: survivor.survivor.id, survivorSite: siteOf.get(survivor.survivor.id), score: survivor.score, other: survivor.other, otherScore: survivor.otherScore }))],
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
    if (keptBecause.has(s.id)) reasons.push(say(MSG.keptRetiring({ user: keptBecause.get(s.id)! })));
    if (site === undefined) {
      decisions.set(s.id, { disposition: "retain", reasons: [...reasons, say(MSG.noServers())], pinned: false });
    } else if (atTarget) {
      decisions.set(s.id, { disposition: "retain", reasons: [...reasons, say(MSG.alreadyAtTarget({ target }))], pinned: false });
    } else if (isHardwareBound(index, s)) {
      decisions.set(s.id, { disposition: "relocate", reasons: [...reasons, say(MSG.relocateHardware({ where, target }))], pinned: false });
    } else if (s.containerReady) {
      decisions.set(s.id, { disposition: "replatform", reasons: [...reasons, say(MSG.replatformReady({ where, target }))], pinned: false });
    } else {
      decisions.set(s.id, { disposition: "rehost", reasons: [...reasons, say(MSG.rehostVm({ where, target }))], pinned: false });
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
