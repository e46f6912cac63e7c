// Capacity of the target site, in the units of the plan's `capacity` steps: vCPUs (physical cores
// × cpuOvercommit), memory GiB (never overcommitted) and storage GiB (hosts' disks plus storage
// arrays), each less `headroomPct`. What already runs there is counted as used: every virtual
// server as allocated, and every physical server that runs systems itself as its whole hardware.
// Physical servers at the target whose systems all leave (retire, consolidate) are counted neither
// in the capacity nor in the use, nor are stand-alone servers folded into the shared infrastructure
// (standalone.ts): their systems move onto it in a wave and take their right-sized size there. Workloads moved in take their right-sized `target` size
// (sizing.ts). Freed hosts relocated from the closing site and procured hardware add capacity from
// the day after the window in which they are installed.
import type { InventoryIndex } from "../inventory/model.js";
import { serverAtOrById } from "./by-id.js";
import { bySystemPosition, denseIndex } from "./dense.js";
import type { Server } from "../inventory/schema.js";
import type { SystemDecision } from "./dispositions.js";
import type { Size } from "./plan-schema.js";
import { MessageLog, MSG } from "./messages.js";
import { addSize, allocatedSize, rightSize, ZERO_SIZE } from "./sizing.js";
import { isFoldedStandaloneAt } from "./standalone.js";

/** Usable share of raw capacity once headroom is kept free. */
export function usableShare(headroomPct: number): number {
  return 1 - headroomPct / 100;
}

/** Usable (after headroom) capacity that a piece of hardware adds, integers rounded down. */
export function usableOf(server: Server, cpuOvercommit: number, headroomPct: number): Size {
  const k = usableShare(headroomPct);
  if (server.kind === "storage") return { cpuCores: 0, memoryGiB: 0, storageGiB: Math.floor((server.storageGiB ?? 0) * k) };
  if (server.kind !== "physical") return ZERO_SIZE;
  return {
    cpuCores: Math.floor((server.cpuCores ?? 0) * cpuOvercommit * k),
    memoryGiB: Math.floor((server.memoryGiB ?? 0) * k),
    storageGiB: Math.floor((server.storageGiB ?? 0) * k),
  };
}

/** The target site today. */
export interface TargetCapacity {
  /** Usable capacity after headroom. */
  readonly usable: Size;
  /** What runs there already (sum of `retainedTargets`). */
  readonly used: Size;
  /** Target-site servers that consume capacity, with the size they take (written as their `target`). */
  readonly retainedTargets: Map<string, Size>;
  /** Target-site physical servers left out because every system on them leaves. */
  readonly leaving: Set<string>;
}

const DEPARTING = new Set(["retire", "consolidate"]);
/** Dispositions that take a system off a stand-alone server at the target site onto its shared infrastructure. */
const ONTO_SHARED = new Set(["rehost", "replatform"]);

/**
 * Capacity and use of the target site before any wave (see file header); `decisionAt`: the same
 * decisions by system position (dispositions.ts), when the caller has them.
 */
export function targetCapacity(index: InventoryIndex, target: string, decisions: ReadonlyMap<string, SystemDecision>, cpuOvercommit: number, headroomPct: number, decisionAt?: readonly SystemDecision[]): TargetCapacity {
  const k = usableShare(headroomPct);
  let cpu = 0;
  let mem = 0;
  let disk = 0;
  let used = ZERO_SIZE;
  const retainedTargets = new Map<string, Size>();
  const leaving = new Set<string>();
  const dense = denseIndex(index);
  const at = bySystemPosition(dense, decisions, decisionAt);
  const dispositionOf = (p: number): string => at[p]?.disposition ?? "retain";
  // In id order (dense.ts numbers servers so).
  for (let q = 0; q < dense.servers.length; q++) {
    const s = dense.servers[q];
    if (s.site !== target) continue;
    const systems = dense.systemsOn[q];
    const allLeave = systems.length > 0 && systems.every((p) => DEPARTING.has(dispositionOf(p)));
    // A stand-alone server at the target whose systems all leave it (none retained) is folded into the shared infrastructure.
    if (isFoldedStandaloneAt(dense, index, q) && systems.every((p) => DEPARTING.has(dispositionOf(p)) || ONTO_SHARED.has(dispositionOf(p)))) {
      leaving.add(s.id);
      continue;
    }
    if (s.kind === "physical") {
      const hasVms = dense.vmsOf[q].length > 0;
      if (!hasVms && allLeave) {
        leaving.add(s.id);
        continue;
      }
      cpu += (s.cpuCores ?? 0) * cpuOvercommit;
      mem += s.memoryGiB ?? 0;
      disk += s.storageGiB ?? 0;
      if (!hasVms && systems.length > 0) {
        const size = allocatedSize(s, cpuOvercommit);
        retainedTargets.set(s.id, size);
        used = addSize(used, size);
      }
    } else if (s.kind === "storage") {
      disk += s.storageGiB ?? 0;
    } else if (s.kind === "virtual") {
      const size = allocatedSize(s, cpuOvercommit);
      used = addSize(used, size);
      if (!allLeave) retainedTargets.set(s.id, size);
    }
  }
  return { usable: { cpuCores: Math.floor(cpu * k), memoryGiB: Math.floor(mem * k), storageGiB: Math.floor(disk * k) }, used, retainedTargets, leaving };
}

/** Rack space and power of hardware, the capacity dimension racks × 42U / powerKw gives at a site. */
export interface Footprint {
  readonly rackUnits: number;
  readonly watts: number;
}

export const ZERO_FOOTPRINT: Footprint = { rackUnits: 0, watts: 0 };

/** Rack units per rack. */
export const RACK_UNITS_PER_RACK = 42;

/** Rack units and watts a server takes in a rack: its own for hardware, none for a VM. */
export function footprintOf(server: Server): Footprint {
  return server.kind === "virtual" ? ZERO_FOOTPRINT : { rackUnits: server.rackUnits ?? 0, watts: server.powerWatts ?? 0 };
}

/** a + b. */
export function addFootprint(a: Footprint, b: Footprint): Footprint {
  return { rackUnits: a.rackUnits + b.rackUnits, watts: a.watts + b.watts };
}

/** True when `a` fits `limit` in both dimensions. */
export function fitsFootprint(a: Footprint, limit: Footprint): boolean {
  return a.rackUnits <= limit.rackUnits && a.watts <= limit.watts;
}

/** The target site's rack space and power today. */
export interface TargetFootprint {
  /** Rack units (racks × 42) and usable watts (powerKw × 1000 less headroom); Infinity where the inventory states none. */
  readonly limit: Footprint;
  /** Whether the inventory states racks / power at all (capacity steps carry the field only then). */
  readonly known: { readonly racks: boolean; readonly power: boolean };
  /** Rack units and watts of the hardware at the target site today (every non-virtual server there). */
  readonly used: Footprint;
}

/**
 * Rack space and power of the target site: `racks` × 42U, and `powerKw` × 1000 W less
 * `headroomPct` (rack space has no headroom: a rack unit is used or not). Hardware there today is
 * counted as used, including servers that will be decommissioned (they occupy racks until then).
 */
export function targetFootprint(index: InventoryIndex, target: string, headroomPct: number): TargetFootprint {
  const site = index.sites.get(target);
  let used = ZERO_FOOTPRINT;
  for (const s of index.inventory.servers) if (s.site === target) used = addFootprint(used, footprintOf(s));
  const racks = site?.racks;
  const powerKw = site?.powerKw;
  return {
    limit: { rackUnits: racks !== undefined ? racks * RACK_UNITS_PER_RACK : Infinity, watts: powerKw !== undefined ? Math.floor(powerKw * 1000 * usableShare(headroomPct)) : Infinity },
    known: { racks: racks !== undefined, power: powerKw !== undefined },
    used,
  };
}

/** Right-sized size of each server that moves onto the target site's virtual capacity (VMs of moving systems, P2V'd physical servers, stand-alone servers at the target folded in). */
export function incomingTargets(index: InventoryIndex, target: string, decisions: ReadonlyMap<string, SystemDecision>, decisionAt?: readonly SystemDecision[]): Map<string, Size> {
  return incomingById(index, incomingAt(index, target, decisions, decisionAt));
}

/** incomingAt's sizes by server id. */
export function incomingById(index: InventoryIndex, sizes: readonly (Size | undefined)[]): Map<string, Size> {
  const servers = denseIndex(index).servers;
  const out = new Map<string, Size>();
  sizes.forEach((size, q) => {
    if (size !== undefined) out.set(servers[q].id, size);
  });
  return out;
}

/** incomingTargets by server position (dense.ts): the size of the server at each position that moves, undefined for the others. */
export function incomingAt(index: InventoryIndex, target: string, decisions: ReadonlyMap<string, SystemDecision>, decisionAt?: readonly SystemDecision[]): (Size | undefined)[] {
  const dense = denseIndex(index);
  const at = bySystemPosition(dense, decisions, decisionAt);
  return dense.servers.map((s, q) => {
    if (s.kind !== "virtual" && s.kind !== "physical") return undefined;
    // At the target only a folded stand-alone server moves onto its shared capacity.
    if (s.site === target && !isFoldedStandaloneAt(dense, index, q)) return undefined;
    const needs = dense.systemsOn[q].some((p) => {
      const d = at[p]?.disposition;
      return d === "rehost" || d === "replatform" || (d === "relocate" && s.kind === "virtual");
    });
    return needs ? rightSize(s) : undefined;
  });
}

/**
 * Rack space and power at the target site after the merger, where the inventory states them: the
 * hardware kept there plus the hardware relocated to it, against `limit` (the last capacity step:
 * racks × 42U and usable watts, procurement included). The scheduler keeps every wave within these
 * limits, so this only fires when the site is already over them today and nothing could be bought.
 */
export function footprintWarnings(index: InventoryIndex, target: string, servers: readonly { id: string; fate: string; targetSite?: string }[], limit: Footprint, log: MessageLog = new MessageLog()): { rule: string; subject: string; message: string }[] {
  const site = index.sites.get(target);
  if (!site) return [];
  let ru = 0;
  let watts = 0;
  const serverOf = serverAtOrById(index);
  for (let i = 0; i < servers.length; i++) {
    const p = servers[i];
    if (p.targetSite !== target || p.fate === "decommission") continue;
    const s = serverOf(p.id, i);
    if (!s || s.kind === "virtual") continue;
    ru += s.rackUnits ?? 0;
    watts += s.powerWatts ?? 0;
  }
  const out: { rule: string; subject: string; message: string }[] = [];
  if (Number.isFinite(limit.rackUnits) && ru > limit.rackUnits) {
    out.push({ rule: "rack-space", subject: target, message: log.say(MSG.rackSpaceWarning({ target, rackUnits: ru, racks: Math.floor(limit.rackUnits / RACK_UNITS_PER_RACK) })) });
  }
  if (Number.isFinite(limit.watts) && watts > limit.watts) {
    out.push({ rule: "power", subject: target, message: log.say(MSG.powerWarning({ target, kw: Math.round(watts / 100) / 10, powerKw: Math.round(limit.watts / 100) / 10 })) });
  }
  return out;
}
