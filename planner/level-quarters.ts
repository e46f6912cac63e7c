// Levelling later-phase work over quarters: the IT centre carries out a fixed amount of work a
// quarter (effort points, profile `laterPhases.effortPerQuarter`), one item after the other.
// Earliest-due-first list scheduling with release dates: whenever the team is free it takes, among
// the items already released, the one whose forcing date comes first (ties: action rank, then key);
// when none is released it waits for the next release. Work proceeds at the quarter's rate, so an
// item finishes where its cumulative effort ends: quarter ⌊points ÷ effortPerQuarter⌋, on the day of
// that quarter proportional to the points used in it. With every item released together this order
// minimises the greatest lateness (Jackson's rule); an item finishing after its due date is late.
// O(n log n).
import { dayNumber, isoDate } from "./dates.js";
import { Heap } from "./heap.js";

/** One piece of work to level. */
export interface Work {
  /** Stable identity, the last tie-break (between items of one rank). */
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

const firstDays = new Map<number, number>();

/** Day number of the first day of quarter `q`. */
function quarterStartDay(q: number): number {
  let day = firstDays.get(q);
  if (day === undefined) firstDays.set(q, (day = dayNumber(quarterStart(q))));
  return day;
}

/** Days in quarter `q`. */
function quarterDays(q: number): number {
  return quarterStartDay(q + 1) - quarterStartDay(q);
}

/** Work points elapsed from the start of quarter `q0` to the beginning of `date`, at `perQuarter` points a quarter. */
function pointsAt(date: string, q0: number, perQuarter: number): number {
  const q = quarterOf(date);
  const into = dayNumber(date) - dayNumber(quarterStart(q));
  return (q - q0) * perQuarter + Math.floor((into * perQuarter) / quarterDays(q));
}

/** Labels of quarters already written out. */
const labelCache = new Map<number, string>();

/** The day on which work ending at `points` (from the start of quarter `q0`) is done, and its quarter's label. */
function dayAt(points: number, q0: number, perQuarter: number): { quarter: string; day: string } {
  const q = q0 + Math.floor((points - 1) / perQuarter);
  const within = points - (q - q0) * perQuarter; // 1 … perQuarter
  const offset = Math.max(0, Math.ceil((within * quarterDays(q)) / perQuarter) - 1);
  const day = isoDate(quarterStartDay(q) + offset);
  let quarter = labelCache.get(q);
  if (quarter === undefined) labelCache.set(q, (quarter = quarterLabel(q)));
  return { quarter, day };
}

/** Ordinal of each distinct text of `texts` in code-unit order: comparing the numbers compares the texts. */
function ordinals(texts: readonly string[]): Int32Array {
  const distinct = [...new Set(texts)].sort();
  const place = new Map(distinct.map((t, i) => [t, i]));
  return Int32Array.from(texts, (t) => place.get(t)!);
}

/** Levels `work` from `start` at `perQuarter` effort points a quarter (see file header); results in input order. Keys are unique, so the order is total. */
export function levelOverQuarters(work: readonly Work[], start: string, perQuarter: number): Levelled[] {
  const q0 = quarterOf(start);
  // Each item's place in the order "due date, then rank, then key", computed once: the queue and
  // the release order compare numbers. Dates and ranks compare as numbers (the dates' ordinals),
  // keys only between items due the same day with the same rank.
  const due = ordinals(work.map((w) => w.due));
  const order = work.map((_, i) => i).sort((a, b) => due[a] - due[b] || work[a].rank - work[b].rank || (work[a].key < work[b].key ? -1 : work[a].key > work[b].key ? 1 : 0));
  const priority = new Int32Array(work.length);
  order.forEach((i, place) => (priority[i] = place));
  const release = ordinals(work.map((w) => w.release));
  const byRelease = order.slice().sort((a, b) => release[a] - release[b] || priority[a] - priority[b]);
  const ready = new Heap<number>((a, b) => priority[a] < priority[b]);
  const out: Levelled[] = new Array(work.length);
  let cursor = pointsAt(start, q0, perQuarter);
  let next = 0;
  // Release points, once per distinct release day (the loop below asks again and again).
  const pointsOf = new Map<string, number>();
  const releasePoints = work.map((w) => {
    let p = pointsOf.get(w.release);
    if (p === undefined) pointsOf.set(w.release, (p = Math.max(pointsAt(w.release < start ? start : w.release, q0, perQuarter), 0)));
    return p;
  });
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
