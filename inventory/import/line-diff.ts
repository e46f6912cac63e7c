// A unified diff of two texts, line by line, as `diff -u` prints it (3 lines of context), so an
// import shows what it will change before it writes. The edit script is Myers' O(ND) greedy
// algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986) after the common prefix and
// suffix are cut off; if the texts differ in more than MAX_EDITS lines, the differing middle is
// shown as removed and added whole rather than searched further (the diff stays correct, only
// less minimal).

const MAX_EDITS = 4000;
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
  ops.push(...middle(a.slice(start, endA), b.slice(start, endB)));
  ops.push(...a.slice(endA).map((line) => ({ kind: " " as const, line })));
  return ops;
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
  if (found < 0) return [...a.map((line) => ({ kind: "-" as const, line })), ...b.map((line) => ({ kind: "+" as const, line }))];
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

/** `diff -u`-style text for one file (empty when the texts are equal). */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return "";
  const a = splitLines(before ?? "");
  const b = splitLines(after);
  const ops = diffLines(a, b);
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
  return `${out.join("\n")}\n`;
}
