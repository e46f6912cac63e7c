// The ready queue of the waves after the pilot: a two-dimensional bin-packing heuristic. A wave
// is limited both in systems and in data; filling it largest-first on one dimension strands the
// other (waves full of data with few systems, then waves full of systems with little data). Units
// are kept in buckets by their shape — log₂ of data share ÷ systems share — each bucket a heap,
// largest first. To fill a wave, each step takes the largest fitting unit from the bucket whose
// shape is closest to the shape of the room left, so both dimensions run out together. Units too
// large for any wave wait in their own heap and take an empty wave alone. As in first-fit
// decreasing, a wave starts with the largest ready unit that takes more than half a wave in either
// dimension (two such units can never share a wave, so each needs one of its own and should open
// it), and the buckets fill the room left. Cost per step O(buckets × log n).
import { Heap } from "./heap.js";
import type { Unit } from "./schedule.js";

const BUCKETS = 25;
/** Units popped from a bucket because they did not fit, per bucket and step, before moving on. */
const TRIES = 4;

export class PackingQueue {
  private readonly buckets: Heap<Unit>[];
  private readonly oversized: Heap<Unit>;
  /** Units over half a wave in a dimension (also in their bucket), largest first. */
  private readonly halves: Heap<Unit>;
  private readonly inHalves = new Set<number>();
  /** Units set aside during the current wave (did not fit the room left); restored by endWave. */
  private skipped: Unit[] = [];

  constructor(
    private readonly maxSystems: number,
    private readonly maxData: number,
    private readonly tieBreak: (a: Unit, b: Unit) => boolean,
    private readonly isLive: (u: Unit) => boolean,
  ) {
    const bigger = (a: Unit, b: Unit): boolean => {
      const sa = this.size(a);
      const sb = this.size(b);
      return sa !== sb ? sa > sb : tieBreak(a, b);
    };
    this.buckets = Array.from({ length: BUCKETS }, () => new Heap<Unit>(bigger));
    this.oversized = new Heap<Unit>(bigger);
    this.halves = new Heap<Unit>(bigger);
  }

  /** True for a unit within the limits that takes more than half a wave in systems or in data. */
  isHalf(u: Unit): boolean {
    return !this.isOversized(u) && (u.systems.length * 2 > this.maxSystems || u.dataGiB * 2 > this.maxData);
  }

  /** Normalised size: systems share + data share of one wave. */
  size(u: Unit): number {
    return u.systems.length / this.maxSystems + u.dataGiB / this.maxData;
  }

  isOversized(u: Unit): boolean {
    return u.systems.length > this.maxSystems || u.dataGiB > this.maxData;
  }

  private bucketOf(u: Unit): number {
    const r = Math.log2((u.dataGiB / this.maxData + 1e-4) / (u.systems.length / this.maxSystems + 1e-4));
    return Math.max(0, Math.min(BUCKETS - 1, Math.round(r) + (BUCKETS >> 1)));
  }

  push(u: Unit): void {
    if (this.isOversized(u)) this.oversized.push(u);
    else this.buckets[this.bucketOf(u)].push(u);
    if (this.isHalf(u) && !this.inHalves.has(u.index)) {
      this.inHalves.add(u.index);
      this.halves.push(u);
    }
  }

  /** The largest ready unit over half a wave that fits the room, removed from the half heap (it stays in its bucket until placed); undefined when the largest does not fit or there is none. */
  takeHalf(roomSystems: number, roomData: number): Unit | undefined {
    while (this.halves.size > 0 && !this.isLive(this.halves.peek()!)) this.inHalves.delete(this.halves.pop()!.index);
    const top = this.halves.peek();
    if (top === undefined || top.systems.length > roomSystems || top.dataGiB > roomData + 1e-9) return undefined;
    this.inHalves.delete(this.halves.pop()!.index);
    return top;
  }

  /** The largest ready unit that needs a wave of its own, removed; undefined when none. */
  takeOversized(): Unit | undefined {
    while (this.oversized.size > 0 && !this.isLive(this.oversized.peek()!)) this.oversized.pop();
    return this.oversized.pop();
  }

  /** Puts an oversized unit back (it could not be placed in this wave). */
  returnOversized(u: Unit): void {
    this.skipped.push(u);
  }

  /**
   * The unit that best fills `roomSystems` / `roomData` (this window's data limit: `limitData`),
   * removed; undefined when nothing fits. It is the largest fitting unit of the bucket whose shape
   * is closest to the shape of the room left, so the wave fills both dimensions together.
   */
  next(roomSystems: number, roomData: number, limitData: number): Unit | undefined {
    const r = Math.log2((roomData / limitData + 1e-4) / (roomSystems / this.maxSystems + 1e-4));
    const target = Math.max(0, Math.min(BUCKETS - 1, Math.round(r) + (BUCKETS >> 1)));
    let best: Unit | undefined;
    let bestDistance = Infinity;
    let bestBucket = -1;
    for (let b = 0; b < BUCKETS; b++) {
      const distance = Math.abs(b - target);
      if (distance > bestDistance) continue;
      const heap = this.buckets[b];
      let tries = 0;
      while (heap.size > 0) {
        const top = heap.peek()!;
        if (!this.isLive(top)) {
          heap.pop();
          continue;
        }
        if (top.systems.length <= roomSystems && top.dataGiB <= roomData + 1e-9) {
          if (distance < bestDistance || (best !== undefined && (this.size(top) > this.size(best) || (this.size(top) === this.size(best) && this.tieBreak(top, best))))) {
            best = top;
            bestDistance = distance;
            bestBucket = b;
          }
          break;
        }
        if (++tries > TRIES) break;
        this.skipped.push(heap.pop()!);
      }
    }
    if (best !== undefined) this.buckets[bestBucket].pop();
    return best;
  }

  /** Restores the units set aside during the wave. */
  endWave(): void {
    const back = this.skipped;
    this.skipped = [];
    for (const u of back) if (this.isLive(u)) this.push(u);
  }

  /** Units still queued (placed ones may still be counted until they are popped). */
  get count(): number {
    let n = this.oversized.size + this.skipped.length;
    for (const h of this.buckets) n += h.size;
    return n;
  }
}
