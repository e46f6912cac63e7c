// The smallest value of a lever that meets the deadline, found by searching, not guessed. Candidate
// values are indexed 1..K in increasing order (value K is the most the lever can usefully give).
//   1. Values whose bound (bounds.ts) says the deadline cannot be met are skipped without a
//      re-plan: kLow is the first value the bound allows (found by bisection on the bound).
//   2. kLow is re-planned; if it meets the deadline it is the answer (everything below it is
//      proven insufficient).
//   3. Otherwise K is re-planned; if even K misses the deadline, the lever cannot meet it alone.
//   4. Otherwise the search gallops up from kLow (kLow + 1, + 3, + 7, …; the bound is usually close
//      to the answer) to the first value that meets, then bisects the last gap.
// Steps 1 and 4 assume that a larger value never makes the plan worse (true of the bound; of the
// planner's greedy schedule it is what the property tests observe); every value returned was
// re-planned and meets the deadline. When the budget runs out mid-search the best value confirmed
// so far is returned (the search reports that it was cut short).
import type { Json } from "./merge-patch.js";
import type { Outcome, Replanner } from "./replan.js";

/** One searchable lever: its candidate values, the bound, and the patch of a value. */
export interface LeverScale {
  /** Number of candidate values, K ≥ 1. */
  readonly count: number;
  /** The k-th candidate value (1-based, increasing in k). */
  value(k: number): number;
  /** False when the bound proves that value k cannot meet the deadline. */
  mayMeet(k: number): boolean;
  /** The patch that sets value k (on top of whatever the search builds on). */
  patch(k: number): Json;
}

/** The smallest candidate that meets the deadline, with its verdict, or undefined (see file header). */
export function smallestMeeting(replanner: Replanner, scale: LeverScale): { value: number; outcome: Outcome } | undefined {
  const K = scale.count;
  if (K < 1 || !scale.mayMeet(K)) return undefined;
  // 1. First value the bound allows (the bound only grows weaker as the value grows).
  let lo = 1;
  let hi = K;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scale.mayMeet(mid)) hi = mid;
    else lo = mid + 1;
  }
  const kLow = lo;
  const met = new Map<number, Outcome>();
  /** true: meets; false: misses; undefined: could not be tried (budget). */
  const tryK = (k: number): boolean | undefined => {
    const t = replanner.trial(scale.patch(k));
    if (t.status === "over-budget") return undefined;
    if (t.status === "planned" && t.outcome.met) {
      met.set(k, t.outcome);
      return true;
    }
    return false;
  };
  const answer = (k: number) => ({ value: scale.value(k), outcome: met.get(k)! });
  // 2.
  const low = tryK(kLow);
  if (low !== false) return low ? answer(kLow) : undefined;
  if (kLow === K) return undefined;
  // 3.
  if (tryK(K) !== true) return undefined;
  // 4. Gallop: `fail` misses, `pass` meets.
  let fail = kLow;
  let pass = K;
  for (let step = 1; fail + step < pass; step *= 2) {
    const k = fail + step;
    const r = tryK(k);
    if (r === undefined) return answer(pass);
    if (r) {
      pass = k;
      break;
    }
    fail = k;
  }
  while (pass - fail > 1) {
    const mid = (fail + pass) >> 1;
    const r = tryK(mid);
    if (r === undefined) break;
    if (r) pass = mid;
    else fail = mid;
  }
  return answer(pass);
}
