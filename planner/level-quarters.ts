// Levelling later-phase work over quarters: the IT centre carries out a fixed amount of work a
// quarter (effort points, profile `laterPhases.effortPerQuarter`), one item after the other.
// Earliest-due-first list scheduling with release dates: whenever the team is free it takes, among
// the items already released, the one whose forcing date comes first (ties: action rank, then key);
// when none is released it waits for the next release. Work proceeds at the quarter's rate, so an
// item finishes where its cumulative effort ends: quarter ⌊points ÷ effortPerQuarter⌋, on the day of
// that quarter proportional to the points used in it. With every item released together this order
// minimises the greatest lateness (Jackson's rule); an item finishing after its due date is late.
// O(n log n).
import { addDays, dayNumber } from "./dates.js";
import { Heap } from "./heap.js";

/** One piece of work to level. */
export interface Work {
  /** Stable identity, the last tie-break. */
  readonly key: string;
  /** Date that forces it (support end, phase end). */
  readonly due: string;
  /** First day it may start. */
  readonly release: string;
  /** Effort points (≥ 1). */
  readonly effort: number;
  /** Tie-break among equal due dates (lower first). */
  readonly rank: number;
}

/** Where a piece of work lands. */
export interface Levelled {
  /** `YYYY-Qn` of the day it is done. */
  readonly quarter: string;
  /** Day it is done. */
  readonly done: string;
  readonly late: boolean;
}

/** First day of the quarter `q` quarters after the one of 1970-01 (q = year × 4 + quarter − 1). */
function quarterStart(q: number): string {
  const year = Math.floor(q / 4);
  const month = (q % 4) * 3 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

/** Quarter number (year × 4 + quarter − 1) of an ISO date. */
export function quarterOf(iso: string): number {
  return Number(iso.slice(0, 4)) * 4 + Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
}

/** `YYYY-Qn` label of a quarter number. */
export function quarterLabel(q: number): string {
  return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}

const daysOfQuarter = new Map<number, number>();

/** Days in quarter `q`. */
function quarterDays(q: number): number {
  let days = daysOfQuarter.get(q);
  if (days === undefined) daysOfQuarter.set(q, (days = dayNumber(quarterStart(q + 1)) - dayNumber(quarterStart(q))));
  return days;
}

/** Work points elapsed from the start of quarter `q0` to the beginning of `date`, at `perQuarter` points a quarter. */
function pointsAt(date: string, q0: number, perQuarter: number): number {
  const q = quarterOf(date);
  const into = dayNumber(date) - dayNumber(quarterStart(q));
  return (q - q0) * perQuarter + Math.floor((into * perQuarter) / quarterDays(q));
}

/** Days already written out, by quarter × 1000 + day of the quarter (items of one quarter share days). */
const dayCache = new Map<number, string>();
/** Labels of quarters already written out. */
const labelCache = new Map<number, string>();

/** The day on which work ending at `points` (from the start of quarter `q0`) is done, and its quarter's label. */
function dayAt(points: number, q0: number, perQuarter: number): { quarter: string; day: string } {
  const q = q0 + Math.floor((points - 1) / perQuarter);
  const within = points - (q - q0) * perQuarter; // 1 … perQuarter
  const offset = Math.max(0, Math.ceil((within * quarterDays(q)) / perQuarter) - 1);
  let day = dayCache.get(q * 1000 + offset);
  if (day === undefined) dayCache.set(q * 1000 + offset, (day = addDays(quarterStart(q), offset)));
  let quarter = labelCache.get(q);
  if (quarter === undefined) labelCache.set(q, (quarter = quarterLabel(q)));
  return { quarter, day };
}

/** Levels `work` from `start` at `perQuarter` effort points a quarter (see file header); results in input order. Keys are unique, so the order is total. */
export function levelOverQuarters(work: readonly Work[], start: string, perQuarter: number): Levelled[] {
  const q0 = quarterOf(start);
  const before = (a: Work, b: Work): boolean => a.due < b.due || (a.due === b.due && (a.rank < b.rank || (a.rank === b.rank && a.key < b.key)));
  // Each item's place in that order, computed once: the queue and the release order compare numbers.
  const priority = new Int32Array(work.length);
  work
    .map((_, i) => i)
    .sort((a, b) => (before(work[a], work[b]) ? -1 : before(work[b], work[a]) ? 1 : 0))
    .forEach((i, place) => (priority[i] = place));
  const byRelease = work.map((_, i) => i).sort((a, b) => (work[a].release < work[b].release ? -1 : work[a].release > work[b].release ? 1 : priority[a] - priority[b]));
  const ready = new Heap<number>((a, b) => priority[a] < priority[b]);
  const out: Levelled[] = new Array(work.length);
  let cursor = pointsAt(start, q0, perQuarter);
  let next = 0;
  // Release points, once per piece of work (the loop below asks again and again).
  const releasePoints = work.map((w) => Math.max(pointsAt(w.release < start ? start : w.release, q0, perQuarter), 0));
  const releaseOf = (i: number): number => releasePoints[i];
  while (next < byRelease.length || ready.size > 0) {
    if (ready.size === 0) cursor = Math.max(cursor, releaseOf(byRelease[next]));
    while (next < byRelease.length && releaseOf(byRelease[next]) <= cursor) ready.push(byRelease[next++]);
    const i = ready.pop()!;
    cursor += Math.max(1, work[i].effort);
    const { quarter, day } = dayAt(cursor, q0, perQuarter);
    out[i] = { quarter, done: day, late: day > work[i].due };
  }
  return out;
}
