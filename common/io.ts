// What a command may touch of the outside world, passed in so commands stay callable from tests.
import { close, closeSync, lstatSync, mkdirSync, openSync, read, readSync, renameSync, rmSync, statSync, write, writeFileSync, writeSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { InternalError, OutputError } from "./errors.js";

/** The outside world a command sees. */
export interface Io {
  /** Writes to standard output (no newline added). */
  stdout(text: string): void;
  /** Writes to standard error (no newline added). */
  stderr(text: string): void;
  /** True when standard error is a terminal (progress bars are shown only then). */
  readonly isTTY: boolean;
  /** Today's date, `YYYY-MM-DD` (the default `--as-of`). */
  today(): string;
  /** True when standard output is a terminal (`dcplan plan` then prints a summary instead of JSON) [false: piped]. */
  readonly stdoutIsTTY?: boolean;
  /** Environment variables the command reads (LANG, LC_ALL, LC_MESSAGES choose the default `--lang`) [none: Vietnamese]. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The real process's Io. */
export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    today: () => new Date().toISOString().slice(0, 10),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/**
 * Checks that `path` can be written as a file: it does not exist, or it is a regular file; and the
 * nearest existing directory above it is a directory. Throws OutputError (exit 2) naming the path:
 * a directory, a device, a pipe or a socket, a symbolic link (replacing it would cut the link) or a
 * path below a file is not overwritten.
 */
export function checkOutputPath(path: string): void {
  const problem = (file: string, message: string): never => {
    throw new OutputError([{ severity: "error", rule: "bad-output-path", file, message }]);
  };
  let stat;
  try {
    stat = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOTDIR") stat = undefined;
    else if ((err as NodeJS.ErrnoException).code !== "ENOENT") return problem(path, `cannot be written: ${(err as Error).message}`);
  }
  if (stat) {
    if (stat.isSymbolicLink()) problem(path, "is a symbolic link: dcplan replaces files, not links (give the path of the file it points to, or remove the link)");
    if (stat.isDirectory()) problem(path, "is a directory: give a file path (the directory is left as it is)");
    if (!stat.isFile()) problem(path, "is a device, a pipe or a socket, not a file: give a file path");
    return;
  }
  // The nearest existing ancestor must be a directory.
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    let s;
    try {
      s = statSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        if (dirname(dir) === dir) return;
        continue;
      }
      return problem(path, `cannot be written: ${(err as Error).message}`);
    }
    if (!s.isDirectory()) problem(path, `cannot be written: ${dir} is a file, not a directory`);
    return;
  }
}

/**
 * Writes a file atomically: the data goes to a temporary file beside the target, which is then
 * renamed over it, so a reader never sees a half-written file and an old file survives a failure.
 * A path that is not a file to write (see checkOutputPath) is an OutputError; a failure of the
 * disk itself (full, read-only…) an InternalError. `mode` sets the file's permissions [the
 * process default, 0o666 less the umask]. `data` may be a sequence of strings (e.g.
 * common/json-chunks.ts), written one after the other as UTF-8, so a large document is never held whole.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<Piece>, options: { readonly mode?: number } = {}): void {
  const tmp = temporaryBeside(path);
  try {
    // The temporary file is created with the mode (e.g. 0o600 for secrets), so the data is never readable by others, not even briefly.
    if (typeof data === "string" || data instanceof Uint8Array) writeFileSync(tmp, data, options.mode === undefined ? undefined : { mode: options.mode });
    else writePieces(tmp, data, options.mode);
    renameSync(tmp, path);
  } catch (err) {
    throw writeFailure(path, tmp, err);
  }
}

/**
 * writeFileAtomic for data in pieces, the disk's share of the work done meanwhile: the bytes of
 * one buffer are copied to the file on a thread of Node's pool while the next buffer is filled
 * (writePiecesOverlapped). Same file, same errors, same guarantees.
 */
export async function writeFileAtomicOverlapped(path: string, pieces: Iterable<Piece>, options: { readonly mode?: number } = {}): Promise<void> {
  const tmp = temporaryBeside(path);
  try {
    const fd = options.mode === undefined ? openSync(tmp, "w") : openSync(tmp, "w", options.mode);
    try {
      await writePiecesOverlapped(fd, pieces);
    } finally {
      closeSync(fd);
    }
    replaceKeepingOldOpen(tmp, path);
  } catch (err) {
    throw writeFailure(path, tmp, err);
  }
}

/**
 * renameSync(tmp, path), with the file it replaces held open across the rename and closed on
 * Node's thread pool: the old file's blocks are freed there, when that last descriptor goes,
 * instead of inside the rename (about 45 ms for a 172 MB plan). A file that cannot be opened is
 * simply replaced.
 */
function replaceKeepingOldOpen(tmp: string, path: string): void {
  let old: number | undefined;
  try {
    old = openSync(path, "r");
  } catch {
    old = undefined;
  }
  try {
    renameSync(tmp, path);
  } finally {
    if (old !== undefined) close(old, () => undefined);
  }
}

/** Checks `path` (checkOutputPath), creates its directory and names a temporary file beside it. */
function temporaryBeside(path: string): string {
  checkOutputPath(path);
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new OutputError([{ severity: "error", rule: "bad-output-path", file: path, message: `cannot be written: cannot create the directory ${dir}: ${(err as Error).message}` }]);
  }
  return join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/** Removes the temporary file of a write that failed and says why: OutputError for a path not writable, InternalError for anything else. */
function writeFailure(path: string, tmp: string, err: unknown): Error {
  rmSync(tmp, { force: true });
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new OutputError([{ severity: "error", rule: "bad-output-path", file: path, message: `cannot be written: ${code === "EROFS" ? "the file system is read-only" : "permission denied"}` }]);
  }
  return new InternalError(`cannot write ${path}: ${(err as Error).message}`, { cause: err });
}

/**
 * A piece of output that is the whole content of an open file (read from its start to its end):
 * the writers copy it through their own buffers (writePiecesOverlapped on Node's thread pool), so
 * its bytes need not pass through the caller. The caller keeps the descriptor open until the
 * writer has asked for the next piece.
 */
export class WholeFile {
  constructor(readonly fd: number) {}
}

/** What the writers take: strings (written as UTF-8), bytes, and whole open files. */
export type Piece = string | Uint8Array | WholeFile;

/** The bytes of a whole open file, read here (for a consumer that needs them in hand: standard output, tests). */
export function wholeFileBytes(file: WholeFile): Buffer {
  const chunks: Buffer[] = [];
  for (let at = 0; ; ) {
    const chunk = Buffer.allocUnsafe(1 << 20);
    const n = readSync(file.fd, chunk, 0, chunk.length, at);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    at += n;
  }
  return Buffer.concat(chunks);
}

/** Writes `pieces` one after the other (strings as UTF-8, bytes as they are) into a new file `path` [created with `mode`]. */
function writePieces(path: string, pieces: Iterable<Piece>, mode?: number): void {
  const fd = mode === undefined ? openSync(path, "w") : openSync(path, "w", mode);
  try {
    writePiecesTo(fd, pieces);
  } finally {
    closeSync(fd);
  }
}

/**
 * One step of putting pieces into a file (fileOps): write bytes[0, length) — with `swap`, the buffer
 * being filled is handed over and the writer answers with the buffer to fill next — or read the next
 * bytes of a whole file into `into` from `at` (the writer answers with the count read).
 */
type FileOp =
  | { readonly op: "write"; readonly bytes: Uint8Array; readonly length: number; readonly swap: boolean }
  | { readonly op: "read"; readonly fd: number; readonly into: Buffer; readonly at: number; readonly length: number; readonly position: number };

/**
 * The file operations that put `pieces` into a file one after the other (strings as UTF-8, bytes
 * as they are, whole files read from their start): they are gathered into a 4 MB buffer (no Buffer
 * per piece, no string joined of them), written when the next might not fit; bytes as large as the
 * buffer are written as they are, and whole files are read straight into the buffer. The writers
 * below carry the operations out, each its own way.
 */
function* fileOps(pieces: Iterable<Piece>): Generator<FileOp, void, Buffer | number> {
  let buffer: Buffer = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  function* flush(): Generator<FileOp, void, Buffer | number> {
    buffer = (yield { op: "write", bytes: buffer, length: used, swap: true }) as Buffer;
    used = 0;
  }
  for (const piece of pieces) {
    if (piece instanceof WholeFile) {
      for (let at = 0; ; ) {
        if (used === buffer.length) yield* flush();
        const n = (yield { op: "read", fd: piece.fd, into: buffer, at: used, length: buffer.length - used, position: at }) as number;
        if (n === 0) break;
        used += n;
        at += n;
      }
      continue;
    }
    if (typeof piece !== "string") {
      if (used + piece.length > buffer.length) yield* flush();
      if (piece.length >= buffer.length) yield { op: "write", bytes: piece, length: piece.length, swap: false };
      else {
        buffer.set(piece, used);
        used += piece.length;
      }
      continue;
    }
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (used + piece.length * 3 > buffer.length) {
      yield* flush();
      if (piece.length * 3 > buffer.length) buffer = Buffer.allocUnsafe(piece.length * 3);
    }
    used += buffer.write(piece, used, "utf8");
  }
  yield* flush();
}

/**
 * Writes `pieces` one after the other (see fileOps) to the open file `fd`, here and now: one
 * buffer used again and again. A short write goes on from its byte.
 */
export function writePiecesTo(fd: number, pieces: Iterable<Piece>): void {
  const ops = fileOps(pieces);
  for (let step = ops.next(); !step.done; ) {
    const o = step.value;
    if (o.op === "read") {
      step = ops.next(readSync(o.fd, o.into, o.at, o.length, o.position));
      continue;
    }
    for (let at = 0; at < o.length; ) at += writeSync(fd, o.bytes, at, o.length - at);
    step = ops.next(o.bytes as Buffer); // written: the same buffer is filled again
  }
}

/** fs.read as a promise (from `position` of the file): the bytes read. */
function readOnPool(fd: number, into: Uint8Array, at: number, length: number, position: number): Promise<number> {
  return new Promise((done, fail) => read(fd, into, at, length, position, (err, n) => (err ? fail(err) : done(n))));
}

/** fs.write as a promise: the bytes written. */
function writeOnPool(fd: number, bytes: Uint8Array, at: number, length: number): Promise<number> {
  return new Promise((done, fail) => write(fd, bytes, at, length, null, (err, written) => (err ? fail(err) : done(written))));
}

/**
 * writePiecesTo with the disk's work on Node's thread pool: two buffers take turns, one filled here
 * while the other is being written; a buffer is filled again only once its write is done, and the
 * writes go in order (each waits for the one before). Whole files are read on the pool too. Short
 * writes go on from their byte. On an error the write under way is waited for before the error is
 * thrown, so the caller may close the file.
 */
export async function writePiecesOverlapped(fd: number, pieces: Iterable<Piece>): Promise<void> {
  let spare: Buffer = Buffer.allocUnsafe(4 << 20);
  let pending: Promise<void> = Promise.resolve();
  const writeAll = async (bytes: Uint8Array, length: number): Promise<void> => {
    for (let at = 0; at < length; ) at += await writeOnPool(fd, bytes, at, length - at);
  };
  const ops = fileOps(pieces);
  try {
    for (let step = ops.next(); !step.done; ) {
      const o = step.value;
      if (o.op === "read") {
        step = ops.next(await readOnPool(o.fd, o.into, o.at, o.length, o.position));
        continue;
      }
      await pending; // the write before is done, and with it the spare buffer
      pending = writeAll(o.bytes, o.length);
      pending.catch(() => undefined); // thrown where it is awaited
      if (!o.swap) {
        step = ops.next(0);
        continue;
      }
      const next = spare;
      spare = o.bytes as Buffer;
      step = ops.next(next);
    }
    await pending;
  } catch (err) {
    await pending.catch(() => undefined);
    throw err;
  }
}
