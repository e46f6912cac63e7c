// JSON in pieces: the text of `JSON.stringify(value, null, indent)` as a sequence of strings whose
// concatenation is that text byte for byte, so a large document (a 20k-system plan is about
// 160 MB) can be written without ever holding it as one string (and its UTF-8 copy) in memory.
// Arrays and objects above `depth` levels are opened here; the members at level `depth` are left
// to JSON.stringify, a batch of them at a time: the batch is stringified wrapped in as many arrays
// as it has levels above it, so JSON.stringify itself indents the members as they sit in the
// document, and the wrapper's own brackets are cut off (a slice, not a copy). Stringifying
// member by member and re-indenting each one's lines cost twice as long as JSON.stringify of the
// whole document; batches of about half a piece cost less than it. Members JSON.stringify drops
// (undefined, functions, symbols) are dropped, and in arrays written as `null`, as it does.
// Pieces are gathered to about `pieceChars` characters.

/** Options of jsonChunks; `P` is what `late` may hand over besides strings (e.g. bytes already encoded), passed on as it is. */
export interface JsonChunkOptions<P = string> {
  /** Spaces per level [2]. */
  readonly indent?: number;
  /** Levels of arrays and objects opened member by member [2]. */
  readonly depth?: number;
  /** Characters gathered before a piece is handed out [1 << 20]; 0 hands out every string as it is made (for a writer that gathers them itself, common/io.ts). */
  readonly pieceChars?: number;
  /** Characters of leaf members stringified at a time [pieceChars / 2]. */
  readonly batchChars?: number;
  /** Level at which `value` stands in a larger document: its lines after the first are indented that much more, and `depth` counts from the document's top [0]. */
  readonly base?: number;
  /**
   * A member of an opened object whose text comes from elsewhere: the pieces returned for
   * (object, key) are written as that member's value, already indented for where it stands (the
   * member itself is not read) [none].
   */
  readonly late?: (parent: object, key: string) => Iterable<P> | undefined;
}

const dropped = (v: unknown): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

/** `inner` wrapped in `levels` arrays. */
function wrapped(inner: unknown, levels: number): unknown {
  let w = inner;
  for (let i = 0; i < levels; i++) w = [w];
  return w;
}

/**
 * The members of `batch` (an array, or an object) as JSON.stringify indents them when `batch` sits
 * at `level` of a document: each on its own line(s), indented for level + 1, separated by ",\n",
 * without the batch's brackets; "" when it has none (or only dropped members). One native
 * JSON.stringify of the batch wrapped in `level` arrays, the wrapper cut off (a slice).
 */
export function membersText(batch: object, level: number, indent = 2): string {
  const text = JSON.stringify(wrapped(batch, level), null, indent);
  // Each bracket at level j ≤ `level` opens with pad(j) + "[" + "\n" and closes with "\n" + pad(j)
  // + "]": the members (the first one's pad included) lie between the two runs of them.
  const cut = (indent * level * (level + 1)) / 2 + 2 * (level + 1);
  if (text.length <= 2 * cut) return ""; // "[]" / "{}": nothing but dropped members
  return text.slice(cut, text.length - cut);
}

/** The text of `JSON.stringify(value, null, indent)` in pieces (see file header); `value` must not be dropped itself nor have toJSON methods above `depth`. */
export function* jsonChunks<P = string>(value: unknown, options: JsonChunkOptions<P> = {}): Generator<string | P> {
  const indent = options.indent ?? 2;
  const maxDepth = options.depth ?? 2;
  const pieceChars = options.pieceChars ?? 1 << 20;
  const batchChars = options.batchChars ?? pieceChars / 2;
  const pad = (level: number): string => " ".repeat(indent * level);
  let piece: string[] = [];
  let size = 0;
  const ready: (string | P)[] = [];
  // Gathers `s`; a piece full enough goes to `ready` (the piece before `s` first when `s` would
  // overfill it). Bytes from `late` go as they are, after the piece gathered so far.
  const out = (s: string | P): void => {
    if (typeof s !== "string") {
      if (size > 0) ready.push(piece.join(""));
      piece = [];
      size = 0;
      ready.push(s);
      return;
    }
    if (size > 0 && size + s.length > pieceChars) {
      ready.push(piece.join(""));
      piece = [];
      size = 0;
    }
    piece.push(s);
    size += s.length;
    if (size >= pieceChars) {
      ready.push(piece.length === 1 ? piece[0] : piece.join(""));
      piece = [];
      size = 0;
    }
  };
  const isOpen = (v: unknown, level: number): v is object => v !== null && typeof v === "object" && level < maxDepth && !("toJSON" in (v as object));

  /**
   * The members of the open container `v` at `level` (they sit at level + 1, where JSON.stringify
   * takes over), `count` at a time from `from`: JSON.stringify of the batch wrapped in `level`
   * arrays, its members' text cut out of the wrapper; "" when every member of the batch is dropped.
   */
  const batchText = (v: object, keys: readonly string[] | undefined, from: number, count: number, level: number): string => {
    let batch: unknown;
    if (keys === undefined) batch = (v as unknown[]).slice(from, from + count);
    else {
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>; // a "__proto__" key stays a key
      for (let i = from; i < from + count; i++) o[keys[i]] = (v as Record<string, unknown>)[keys[i]];
      batch = o;
    }
    return membersText(batch as object, level, indent);
  };

  // Yields the pieces `out` made ready.
  function* drain(): Generator<string | P> {
    while (ready.length > 0) yield ready.shift()!;
  }

  // Stringifies `v` at `level` (its first line is already indented; the next ones get `level`'s pad).
  function* write(v: unknown, level: number): Generator<string | P> {
    if (!isOpen(v, level)) {
      const text = JSON.stringify(v, null, indent) ?? "null";
      out(level === 0 ? text : text.replaceAll("\n", `\n${pad(level)}`));
      yield* drain();
      return;
    }
    const array = Array.isArray(v);
    // Members written from elsewhere (options.late), asked once each, only where members are opened one by one.
    const lateOf = new Map<string, Iterable<P>>();
    if (!array && options.late && level + 1 < maxDepth) {
      for (const k of Object.keys(v)) {
        const late = options.late(v, k);
        if (late !== undefined) lateOf.set(k, late);
      }
    }
    const keys = array ? undefined : Object.keys(v).filter((k) => lateOf.has(k) || !dropped((v as Record<string, unknown>)[k]));
    const length = array ? (v as unknown[]).length : keys!.length;
    const [first, last] = array ? ["[", "]"] : ["{", "}"];
    if (length === 0) {
      out(`${first}${last}`);
      yield* drain();
      return;
    }
    out(`${first}\n`);
    if (level + 1 === maxDepth) {
      // The members are leaves: a batch at a time, sized from the members written so far.
      let done = 0;
      let chars = 0;
      let written = false;
      while (done < length) {
        const count = done === 0 ? Math.min(length, 16) : Math.max(1, Math.min(length - done, Math.floor((Math.max(batchChars, 1) * done) / Math.max(chars, 1))));
        const text = batchText(v, keys, done, count, level);
        if (text !== "") {
          if (written) out(",\n");
          out(text);
          written = true;
        }
        done += count;
        chars += text.length;
        yield* drain();
      }
    } else {
      const inner = pad(level + 1);
      for (let i = 0; i < length; i++) {
        const k = keys?.[i];
        const late = k === undefined ? undefined : lateOf.get(k);
        out(k === undefined ? inner : `${inner}${JSON.stringify(k)}: `);
        if (late !== undefined) {
          for (const text of late) {
            out(text);
            yield* drain();
          }
        } else {
          const x = array ? (v as unknown[])[i] : (v as Record<string, unknown>)[k!];
          yield* write(array && dropped(x) ? null : x, level + 1);
        }
        if (i < length - 1) out(",\n");
      }
    }
    out(`\n${pad(level)}${last}`);
    yield* drain();
  }
  yield* write(value, options.base ?? 0);
  if (piece.length > 0) yield piece.join("");
}
