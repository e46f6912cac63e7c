// What a command may touch of the outside world, passed in so commands stay callable from tests.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
 * `mode` sets the file's permissions [the process default, 0o666 less the umask].
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { readonly mode?: number } = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    // The temporary file is created with the mode (e.g. 0o600 for secrets), so the data is never readable by others, not even briefly.
    writeFileSync(tmp, data, options.mode === undefined ? undefined : { mode: options.mode });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InternalError(`cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
}
