// A unified diff of two texts, line by line, as `diff -u` prints it (3 lines of context), so an
// import shows what it will change before it writes. The edit script is the patience diff (Bram
// Cohen's; as in `git diff --patience`): lines that occur exactly once in both texts are matched
// through their longest increasing sequence and serve as anchors (comment lines excepted), and the gaps between anchors are
// diffed by Myers' O(ND) greedy algorithm ("An O(ND) Difference Algorithm and Its Variations",
// 1986). Inventory files have a unique `- id:` line per entity, so a 20,000-entity file whose every
// comment changed still diffs in linear time. A gap that differs in more than MAX_EDITS lines is
// shown as removed and added whole (correct, only less minimal).

const MAX_EDITS = 2000;
const CONTEXT = 3;

type Op = { readonly kind: " " | "-" | "+"; readonly line: string };

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The edit script turning `a` into `b`. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: " ", line }));
  patience(a.slice(start, endA), b.slice(start, endB), ops);
  for (let i = endA; i < a.length; i++) ops.push({ kind: " ", line: a[i] });
  // Within each block of changes, removals before additions (as diff -u prints them).
  for (let i = 0; i < ops.length; ) {
    if (ops[i].kind === " ") {
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && ops[j].kind !== " ") j++;
    const block = ops.slice(i, j);
    const sorted = [...block.filter((o) => o.kind === "-"), ...block.filter((o) => o.kind === "+")];
    for (let k = 0; k < sorted.length; k++) ops[i + k] = sorted[k];
    i = j;
  }
  return ops;
}

/** Appends the edit script of a → b to `out`: anchors on lines unique to both, Myers between them. */
function patience(a: readonly string[], b: readonly string[], out: Op[]): void {
  if (a.length === 0 || b.length === 0) {
    for (const op of middle(a, b)) out.push(op);
    return;
  }
  const count = new Map<string, { a: number; b: number; ia: number; ib: number }>();
  a.forEach((l, i) => {
    const c = count.get(l);
    if (c) c.a++;
    else count.set(l, { a: 1, b: 0, ia: i, ib: -1 });
  });
  b.forEach((l, i) => {
    const c = count.get(l);
    if (c) {
      c.b++;
      c.ib = i;
    }
  });
  const pairs: [number, number][] = [];
  // Comment lines are poor anchors: an import rewrites "# source: … row N" lines, which then match
  // the neighbouring entity's old comment.
  for (const [line, c] of count) if (c.a === 1 && c.b === 1 && !/^\s*#/.test(line)) pairs.push([c.ia, c.ib]);
  pairs.sort((x, y) => x[0] - y[0]);
  const anchors = longestIncreasing(pairs);
  if (anchors.length === 0) {
    for (const op of middle(a, b)) out.push(op);
    return;
  }
  let ia = 0;
  let ib = 0;
  for (const [pa, pb] of anchors) {
    diffGap(a.slice(ia, pa), b.slice(ib, pb), out);
    out.push({ kind: " ", line: a[pa] });
    ia = pa + 1;
    ib = pb + 1;
  }
  diffGap(a.slice(ia), b.slice(ib), out);
}

function diffGap(a: readonly string[], b: readonly string[], out: Op[]): void {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) out.push({ kind: " ", line: a[s++] });
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  if (ea - s > 0 && eb - s > 0 && (ea - s) + (eb - s) > 64) patience(a.slice(s, ea), b.slice(s, eb), out);
  else for (const op of middle(a.slice(s, ea), b.slice(s, eb))) out.push(op);
  for (let i = ea; i < a.length; i++) out.push({ kind: " ", line: a[i] });
}

/** The longest subsequence of `pairs` (sorted by their first element) increasing in the second (patience sorting, O(n log n)). */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev: number[] = new Array(pairs.length).fill(-1);
  pairs.forEach(([, y], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const out: [number, number][] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(pairs[i]);
  return out.reverse();
}

function middle(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ kind: "+", line }));
  if (m === 0) return a.map((line) => ({ kind: "-", line }));
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return a.map((line) => ({ kind: "-" as Op["kind"], line })).concat(b.map((line) => ({ kind: "+" as const, line })));
  // Walk back through the saved frontiers (trace[d] is the frontier before step d).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[x - 1] });
      x--;
      y--;
    }
    if (x === prevX) ops.push({ kind: "+", line: b[prevY] });
    else ops.push({ kind: "-", line: a[prevX] });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: " ", line: a[x - 1] });
    x--;
    y--;
  }
  return ops.reverse();
}

/**
 * `diff -u`-style text for one file (empty when the texts are equal). A line removed and the line
 * added in its place for which `quiet(old, new)` holds is shown as context (the new text) and
 * counted instead of printed as a change.
 */
export function unifiedDiff(path: string, before: string | undefined, after: string, quiet?: (removed: string, added: string) => boolean): string {
  return diffWithQuiet(path, before, after, quiet).text;
}

/** unifiedDiff, with the number of changed lines shown as context. */
export function diffWithQuiet(path: string, before: string | undefined, after: string, quiet?: (removed: string, added: string) => boolean): { text: string; quieted: number } {
  if (before === after) return { text: "", quieted: 0 };
  const a = splitLines(before ?? "");
  const b = splitLines(after);
  const raw = diffLines(a, b);
  let quieted = 0;
  const ops: Op[] = [];
  for (let i = 0; i < raw.length; i++) {
    const op = raw[i];
    // A run of removed lines followed by as many added ones: pair them up.
    if (quiet && op.kind === "-") {
      let j = i;
      while (j < raw.length && raw[j].kind === "-") j++;
      let k = j;
      while (k < raw.length && raw[k].kind === "+") k++;
      if (k - j === j - i && raw.slice(i, j).every((r, n) => quiet(r.line, raw[j + n].line))) {
        for (let n = 0; n < j - i; n++) ops.push({ kind: " ", line: raw[j + n].line });
        quieted += j - i;
        i = k - 1;
        continue;
      }
    }
    ops.push(op);
  }
  if (!ops.some((o) => o.kind !== " ")) return { text: "", quieted };
  const out: string[] = [`--- ${before === undefined ? "/dev/null" : `a/${path}`}`, `+++ b/${path}`];
  // Group changes with CONTEXT lines around them into hunks.
  let i = 0;
  let lineA = 1;
  let lineB = 1;
  const posA: number[] = [];
  const posB: number[] = [];
  for (const op of ops) {
    posA.push(lineA);
    posB.push(lineB);
    if (op.kind !== "+") lineA++;
    if (op.kind !== "-") lineB++;
  }
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === " ") i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end].kind !== " ") end++;
      let next = end;
      while (next < ops.length && ops[next].kind === " ") next++;
      if (next < ops.length && next - end <= 2 * CONTEXT) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + CONTEXT);
    const countA = ops.slice(start, stop).filter((o) => o.kind !== "+").length;
    const countB = ops.slice(start, stop).filter((o) => o.kind !== "-").length;
    const fromA = countA === 0 ? posA[start] - 1 : posA[start];
    const fromB = countB === 0 ? posB[start] - 1 : posB[start];
    out.push(`@@ -${fromA},${countA} +${fromB},${countB} @@`);
    for (let j = start; j < stop; j++) out.push(`${ops[j].kind}${ops[j].line}`);
    i = stop;
    start = stop;
  }
  return { text: `${out.join("\n")}\n`, quieted };
}
