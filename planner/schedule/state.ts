// Scheduling state: which units are released, waiting, ready or placed, and the queue the ready
// ones wait in. A unit is ready when its notBefore window has come, every provider it waits for
// (see `waitsFor`) is placed, it is not placed itself and has no date pin. The pilot waves take
// ready units from one heap, lowest risk first (low security levels before high; from the second
// wave on, a unit too big for any wave before the others, since it needs a wave of its own anyway
// and would otherwise strand a half-empty one later; then risk, then most dependants, then id).
// After the pilots, the two-dimensional packing queue (packing.ts) takes over, risk breaking ties.
import { Heap } from "../heap.js";
import { PackingQueue } from "../packing.js";
import type { PlanningProfile } from "../profile.js";
import { HIGH_SECURITY_LEVEL, PILOT_WAVES, type Unit, type UnitTrace } from "./types.js";
import { waitsFor } from "./units.js";

/** Readiness of every unit and the ready queue (see file header). */
export class SchedulingState {
  readonly traces: UnitTrace[];
  /** Providers each unit still waits for. */
  readonly waitFor: Int32Array;
  readonly released: Uint8Array;
  readonly placed: Uint8Array;
  /** Whether a unit sits in the pilot heap or the packing queue. */
  readonly inHeap: Uint8Array;
  placedCount = 0;
  /** The pilot waves' heap (unused once the packing queue exists). */
  ready: Heap<Unit>;
  /** The packing queue of the waves after the pilots. */
  queue: PackingQueue | undefined;
  /** The very first wave is the true pilot: lowest risk only, never a giant group first. */
  private bigFirst = false;
  /** Units released at each window index. */
  private readonly releaseAt = new Map<number, number[]>();
  /** Units pinned to each window index. */
  readonly pinnedAt = new Map<number, number[]>();

  constructor(
    readonly units: readonly Unit[],
    private readonly profile: PlanningProfile,
  ) {
    this.traces = units.map(() => ({}));
    this.waitFor = new Int32Array(units.length);
    for (const u of units) for (const p of u.preds) if (waitsFor(u, units[p])) this.waitFor[u.index]++;
    this.released = new Uint8Array(units.length);
    this.placed = new Uint8Array(units.length);
    this.inHeap = new Uint8Array(units.length);
    this.ready = new Heap<Unit>(this.less);
    for (const u of units) {
      (this.releaseAt.get(u.release) ?? this.releaseAt.set(u.release, []).get(u.release)!).push(u.index);
      if (u.pinWindow >= 0) (this.pinnedAt.get(u.pinWindow) ?? this.pinnedAt.set(u.pinWindow, []).get(u.pinWindow)!).push(u.index);
    }
  }

  /** Normalised size of a unit: the larger of its systems share and data share of one wave. */
  private readonly size = (u: Unit): number => Math.max(u.systems.length / this.profile.maxSystems, u.dataGiB / this.profile.maxDataGiB);

  /** Lower risk first, then more dependants, then id. */
  readonly byRisk = (a: Unit, b: Unit): boolean => a.risk < b.risk || (a.risk === b.risk && (a.succs.length > b.succs.length || (a.succs.length === b.succs.length && a.id < b.id)));

  /** The pilot heap's order (see file header). */
  private readonly less = (a: Unit, b: Unit): boolean => {
    const ha = a.maxSecurityLevel >= HIGH_SECURITY_LEVEL;
    const hb = b.maxSecurityLevel >= HIGH_SECURITY_LEVEL;
    if (ha !== hb) return hb;
    if (this.bigFirst) {
      const oa = this.size(a) > 1;
      const ob = this.size(b) > 1;
      if (oa !== ob) return oa;
    }
    return this.byRisk(a, b);
  };

  isReady(u: Unit): boolean {
    return this.released[u.index] === 1 && this.waitFor[u.index] === 0 && this.placed[u.index] === 0 && u.pinWindow < 0;
  }

  /** Queues `u` when it is ready and not queued yet; `w` is the current window index. */
  pushIfReady(u: Unit, w: number): void {
    if (this.isReady(u) && !this.inHeap[u.index]) {
      this.inHeap[u.index] = 1;
      this.traces[u.index].readyWindow ??= w;
      if (this.queue) this.queue.push(u);
      else this.ready.push(u);
    }
  }

  /** Releases the units whose notBefore window is `w`. */
  releaseWindow(w: number): void {
    for (const ui of this.releaseAt.get(w) ?? []) {
      this.released[ui] = 1;
      this.pushIfReady(this.units[ui], w);
    }
  }

  /** Switches the ready queue for a window given the waves made so far: big units first after the first wave, the packing queue after the pilots. */
  startWindow(wavesSoFar: number): void {
    if (wavesSoFar >= 1 && !this.bigFirst) {
      this.bigFirst = true;
      const rebuilt = new Heap<Unit>(this.less);
      for (let u = this.ready.pop(); u !== undefined; u = this.ready.pop()) rebuilt.push(u);
      this.ready = rebuilt;
    }
    if (wavesSoFar >= PILOT_WAVES && !this.queue) {
      this.queue = new PackingQueue(this.profile.maxSystems, this.profile.maxDataGiB, this.byRisk, (u) => this.placed[u.index] === 0);
      for (let u = this.ready.pop(); u !== undefined; u = this.ready.pop()) this.queue.push(u);
    }
  }

  /** Marks `u` placed in window `w` and queues the dependants it was the last provider of. */
  markPlaced(u: Unit, w: number): void {
    this.placed[u.index] = 1;
    this.placedCount++;
    this.traces[u.index].window = w;
    for (const v of u.succs) {
      if (!waitsFor(this.units[v], u)) continue;
      if (--this.waitFor[v] === 0) {
        this.traces[v].bindingPred = u.index;
        this.pushIfReady(this.units[v], w);
      }
    }
  }

  /** Puts units set aside in a pilot wave back into the heap. */
  returnToHeap(deferred: readonly Unit[]): void {
    for (const u of deferred) {
      if (!this.placed[u.index] && !this.inHeap[u.index]) {
        this.inHeap[u.index] = 1;
        this.ready.push(u);
      }
    }
  }
}
