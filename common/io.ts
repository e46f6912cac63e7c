// What a command may touch of the outside world, passed in so commands stay callable from tests.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { InternalError } from "./errors.js";

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
}

/** The real process's Io. */
export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/**
 * Writes a file atomically: the data goes to a temporary file beside the target, which is then
 * renamed over it, so a reader never sees a half-written file and an old file survives a failure.
 * `data` may be a sequence of strings (e.g. common/json-chunks.ts), written one after the other as
 * UTF-8, so a large document is never held whole.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) writeFileSync(tmp, data);
    else writePieces(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InternalError(`cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Writes `pieces` one after the other as UTF-8 into a new file `path`. */
function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
}
