// JSON in pieces: the text of `JSON.stringify(value, null, indent)` as a sequence of strings whose
// concatenation is that text byte for byte, so a large document (a 20k-system plan is about
// 160 MB) can be written without ever holding it as one string (and its UTF-8 copy) in memory.
// Arrays and objects down to `depth` levels are opened here and their members stringified one at
// a time; below that JSON.stringify does the work and its lines are shifted to the member's
// indentation (a JSON text has line breaks only between tokens: strings escape theirs). Members
// JSON.stringify drops (undefined, functions, symbols) are dropped, and in arrays written as
// `null`, as JSON.stringify does. Pieces are gathered to about `pieceChars` characters.

/** Options of jsonChunks. */
export interface JsonChunkOptions {
  /** Spaces per level [2]. */
  readonly indent?: number;
  /** Levels of arrays and objects opened member by member [2]. */
  readonly depth?: number;
  /** Characters gathered before a piece is handed out [1 << 20]. */
  readonly pieceChars?: number;
}

const dropped = (v: unknown): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

/** The text of `JSON.stringify(value, null, indent)` in pieces (see file header); `value` must not be dropped itself nor have toJSON methods down to `depth`. */
export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string> {
  const indent = options.indent ?? 2;
  const maxDepth = options.depth ?? 2;
  const pieceChars = options.pieceChars ?? 1 << 20;
  const pad = (level: number): string => " ".repeat(indent * level);
  let piece: string[] = [];
  let size = 0;
  const out = (s: string): string | undefined => {
    piece.push(s);
    size += s.length;
    if (size < pieceChars) return undefined;
    const text = piece.join("");
    piece = [];
    size = 0;
    return text;
  };
  // Stringifies `v` at `level` (its first line is already indented; the next ones get `level`'s pad).
  function* write(v: unknown, level: number): Generator<string> {
    const open = v !== null && typeof v === "object" && level < maxDepth && !("toJSON" in (v as object));
    if (!open) {
      const text = JSON.stringify(v, null, indent) ?? "null";
      const ready = out(level === 0 ? text : text.replaceAll("\n", `\n${pad(level)}`));
      if (ready !== undefined) yield ready;
      return;
    }
    const inner = pad(level + 1);
    const members: [string | undefined, unknown][] = Array.isArray(v) ? v.map((x) => [undefined, dropped(x) ? null : x]) : Object.keys(v as object).filter((k) => !dropped((v as Record<string, unknown>)[k])).map((k) => [k, (v as Record<string, unknown>)[k]]);
    const [first, last] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
    if (members.length === 0) {
      const ready = out(`${first}${last}`);
      if (ready !== undefined) yield ready;
      return;
    }
    let ready = out(`${first}\n`);
    if (ready !== undefined) yield ready;
    for (let i = 0; i < members.length; i++) {
      const [k, x] = members[i];
      ready = out(k === undefined ? inner : `${inner}${JSON.stringify(k)}: `);
      if (ready !== undefined) yield ready;
      yield* write(x, level + 1);
      ready = out(i < members.length - 1 ? ",\n" : `\n${pad(level)}${last}`);
      if (ready !== undefined) yield ready;
    }
  }
  yield* write(value, 0);
  if (piece.length > 0) yield piece.join("");
}
