// Host tracking for relocations, and the target site's rack space and power.
//
// Each physical host at a closing site counts its holders: the moving systems still to move off
// it (directly or through its VMs). A host that keeps a retained system, or carries a relocated
// system's hardware, is not freed. When the last holder leaves in a wave, a host still in support
// for RELOCATE_MIN_SUPPORT_DAYS more is relocated in the next window (or after the retire day when
// only retired systems held it) and adds its usable capacity from the day after that window. It
// takes rack space and power at the target from the moment it is freed; relocating is optional, so
// where none is left the host is not relocated (`noRoom`) and nothing is bought for it. Stand-alone
// servers are never relocated: they are switched off once their systems are folded in (standalone.ts).
import { getOrMake } from "../../common/maps.js";
import { bySystemPosition, denseIndex } from "../dense.js";
import { addDays } from "../dates.js";
import { MOVING, type SystemDecision } from "../dispositions.js";
import { Heap } from "../heap.js";
import type { Size } from "../plan-schema.js";
import { addFootprint, type Footprint, footprintOf, fitsFootprint, usableOf, ZERO_FOOTPRINT } from "../capacity.js";
import { addSize } from "../sizing.js";
import { isStandaloneServer } from "../standalone.js";
import { type Relocation, RELOCATE_MIN_SUPPORT_DAYS, type ScheduleInput } from "./types.js";
import { firstWindowFrom } from "./windows.js";

/** Closing-site hosts waiting to be freed, the relocations planned so far and the target site's rack space and power. */
export class HostTracker {
  readonly relocations = new Map<string, Relocation>();
  /** Freed hosts not relocated because the target site had no rack space or power left for them. */
  readonly noRoom = new Set<string>();
  /** Rack space and power the target site can hold (raised by purchases). */
  fpLimit: Footprint;
  /** Rack space and power taken at the target site after the last closed wave and the relocations planned. */
  fpUsed: Footprint;
  /** Most rack space and power taken at any time. */
  fpPeak: Footprint;
  /** Moving systems still to leave each closing-site physical host that can be freed. */
  private readonly hostHolders = new Map<string, number>();
  /** Whether a retired system is among a host's workload (it is freed on the retire day at the earliest). */
  private readonly hostRetireOnly = new Map<string, boolean>();
  private readonly hostsOfSystem = new Map<string, string[]>();
  /** Relocated hosts not yet counted in capacity, by arrival day. */
  private readonly arrivals = new Heap<Relocation>((a, b) => a.availableFrom < b.availableFrom || (a.availableFrom === b.availableFrom && a.server < b.server));

  constructor(private readonly input: ScheduleInput) {
    const { index, target } = input;
    // Servers in id order, systems and decisions by position (dense.ts).
    const dense = denseIndex(index);
    const decisionAt = bySystemPosition(dense, input.decisions, input.decisionAt) as readonly SystemDecision[];
    for (let q = 0; q < dense.servers.length; q++) {
      const s = dense.servers[q];
      if (s.kind !== "physical" || s.site === target || isStandaloneServer(s, index.sites.get(s.site))) continue;
      // Its own systems, then its VMs' (positions, each once).
      const own = dense.systemsOn[q];
      const workload = new Set<number>(own);
      for (const vm of dense.vmsOf[q]) for (const p of dense.systemsOn[vm]) workload.add(p);
      let holders = 0;
      let stays = false;
      for (const p of workload) {
        const d = decisionAt[p].disposition;
        if (d === "retain") stays = true;
        else if (d === "relocate" && own.includes(p)) stays = true; // carried, not freed
        else if (MOVING.has(d)) holders++;
      }
      if (stays) continue;
      this.hostHolders.set(s.id, holders);
      this.hostRetireOnly.set(s.id, [...workload].some((p) => decisionAt[p].disposition === "retire"));
      for (const p of workload) if (MOVING.has(decisionAt[p].disposition)) getOrMake(this.hostsOfSystem, dense.systems[p].id, () => []).push(s.id);
    }
    // Rack space and power: hardware carried or relocated to the target site takes them.
    this.fpLimit = input.footprint?.limit ?? { rackUnits: Infinity, watts: Infinity };
    this.fpUsed = input.footprint?.used ?? ZERO_FOOTPRINT;
    this.fpPeak = this.fpUsed;
    if (input.recorded) this.recordServerFacts(input.recorded.decommissioned, input.recorded.relocated);
  }

  /** Frees the hosts no moving system holds, from the profile's start day. */
  freeIdleHosts(): void {
    for (const [hostId, n] of this.hostHolders) if (n === 0) this.freeHost(hostId, this.input.profile.startDate, -1);
  }

  /** Raises the peak rack space and power to `fp` where it is higher. */
  raisePeak(fp: Footprint): void {
    this.fpPeak = { rackUnits: Math.max(fp.rackUnits, this.fpPeak.rackUnits), watts: Math.max(fp.watts, this.fpPeak.watts) };
  }

  /** `capacity` plus the usable capacity of every relocated host available on `day`, each counted once. */
  addArrivals(capacity: Size, day: string): Size {
    let c = capacity;
    while (this.arrivals.size > 0 && this.arrivals.peek()!.availableFrom <= day) c = addSize(c, this.arrivals.pop()!.adds);
    return c;
  }

  /** Records that `systems` left their closing-site hosts in a wave ending `waveEnd` (window index `window`); frees the hosts left empty. */
  systemsLeft(systems: readonly string[], waveEnd: string, window: number): void {
    for (const sys of systems) {
      for (const h of this.hostsOfSystem.get(sys) ?? []) {
        if (!this.hostHolders.has(h)) continue; // recorded decommissioned or relocated
        const left = this.hostHolders.get(h)! - 1;
        this.hostHolders.set(h, left);
        if (left === 0) this.freeHost(h, waveEnd, window);
      }
    }
  }

  /**
   * Hardware facts from the progress file: a host recorded decommissioned is never relocated; one
   * recorded relocated adds its capacity from the day after (and takes its rack space and power).
   */
  private recordServerFacts(decommissioned: ReadonlyMap<string, string>, relocated: ReadonlyMap<string, string>): void {
    const { index, profile } = this.input;
    for (const id of decommissioned.keys()) this.hostHolders.delete(id);
    for (const [id, on] of [...relocated].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (!this.hostHolders.delete(id)) continue;
      const host = index.servers.get(id)!;
      this.fpUsed = addFootprint(this.fpUsed, footprintOf(host));
      this.raisePeak(this.fpUsed);
      const r: Relocation = { server: id, freedOn: on, relocateOn: on, availableFrom: addDays(on, 1), adds: usableOf(host, profile.cpuOvercommit, profile.headroomPct) };
      this.relocations.set(id, r);
      this.arrivals.push(r);
    }
  }

  /** Plans the relocation of a host freed on `freedOn0` after window `afterWindow`, when it stays in support long enough and there is room for it. */
  private freeHost(hostId: string, freedOn0: string, afterWindow: number): void {
    const { index, windows, profile } = this.input;
    const host = index.servers.get(hostId)!;
    const freedOn = this.hostRetireOnly.get(hostId) && this.input.retireOn > freedOn0 ? this.input.retireOn : freedOn0;
    const wi = Math.max(afterWindow + 1, firstWindowFrom(windows, addDays(freedOn, 1)));
    if (wi >= windows.length) return;
    const win = windows[wi];
    if (host.supportEnds === undefined || host.supportEnds < addDays(freedOn, RELOCATE_MIN_SUPPORT_DAYS)) return;
    // Relocating a host for its capacity is optional: never buy racks or power for it. Its space is
    // counted from now on (it arrives in a later window), which is on the safe side.
    const fp = addFootprint(this.fpUsed, footprintOf(host));
    if (!fitsFootprint(fp, this.fpLimit)) {
      this.noRoom.add(hostId);
      return;
    }
    this.fpUsed = fp;
    this.raisePeak(fp);
    const r: Relocation = { server: hostId, freedOn, relocateOn: win.start, availableFrom: addDays(win.end, 1), adds: usableOf(host, profile.cpuOvercommit, profile.headroomPct) };
    this.relocations.set(hostId, r);
    this.arrivals.push(r);
  }
}
