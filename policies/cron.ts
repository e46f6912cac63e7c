// The longest time between two runs of one or more 5-field cron schedules, in hours: what a backup
// schedule guarantees as recovery point. Day matching follows Vixie cron and robfig/cron (which
// Velero uses): when both day-of-month and day-of-week are restricted, a day matches either; when
// one of them is `*`, only the other counts. Firings are enumerated over two whole years (UTC,
// from 2027-01-01, so month lengths, a leap day and every weekday alignment occur) and the largest
// gap between consecutive firings is taken. Expressions must pass isValidCron first.

const WINDOW_START = Date.UTC(2027, 0, 1);
const WINDOW_DAYS = 731;

/** The values a field matches, within [lo, hi]. */
function fieldValues(field: string, lo: number, hi: number): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) continue;
    const step = m[4] === undefined ? 1 : Number(m[4]);
    const a = m[1] === "*" ? lo : Number(m[2]);
    const b = m[1] === "*" ? hi : m[3] === undefined ? (m[4] === undefined ? a : hi) : Number(m[3]);
    for (let v = a; v <= b; v += step) out.add(v);
  }
  return out;
}

/** Minutes since the window start at which `expr` fires. */
function firings(expr: string): number[] {
  const [mi, ho, dom, mon, dow] = expr.trim().split(/\s+/);
  const minutes = [...fieldValues(mi, 0, 59)].sort((a, b) => a - b);
  const hours = [...fieldValues(ho, 0, 23)].sort((a, b) => a - b);
  const days = fieldValues(dom, 1, 31);
  const months = fieldValues(mon, 1, 12);
  const weekdays = fieldValues(dow, 0, 7);
  if (weekdays.has(7)) weekdays.add(0);
  const domStar = dom === "*";
  const dowStar = dow === "*";
  const out: number[] = [];
  for (let d = 0; d < WINDOW_DAYS; d++) {
    const date = new Date(WINDOW_START + d * 86_400_000);
    if (!months.has(date.getUTCMonth() + 1)) continue;
    const domMatch = days.has(date.getUTCDate());
    const dowMatch = weekdays.has(date.getUTCDay());
    const dayMatches = domStar || dowStar ? domMatch && dowMatch : domMatch || dowMatch;
    if (!dayMatches) continue;
    for (const h of hours) for (const m of minutes) out.push(d * 1440 + h * 60 + m);
  }
  return out;
}

const gapCache = new Map<string, number>();

/** Largest gap, hours, between consecutive runs of any of `exprs` together; Infinity when they never run. */
export function maxGapHours(exprs: readonly string[]): number {
  const key = [...exprs].sort().join("\n");
  const cached = gapCache.get(key);
  if (cached !== undefined) return cached;
  const gap = computeMaxGap(exprs);
  gapCache.set(key, gap);
  return gap;
}

function computeMaxGap(exprs: readonly string[]): number {
  const all = [...new Set(exprs.flatMap(firings))].sort((a, b) => a - b);
  if (all.length < 2) return Infinity;
  let gap = 0;
  for (let i = 1; i < all.length; i++) gap = Math.max(gap, all[i] - all[i - 1]);
  return gap / 60;
}
