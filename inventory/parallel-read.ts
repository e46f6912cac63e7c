// Reading a large inventory on two threads. load.ts reads its files in path order on the main
// thread; when the inventory is large (≥ PARALLEL_MIN_BYTES over several files) and the machine has
// a second core, a worker thread (read-worker.ts) reads, parses and validates the last files of
// that order meanwhile, about PARALLEL_WORKER_SHARE of the bytes, and hands each back as JSON the
// main thread parses in a tenth of the time. The main thread takes them in the same order as ever,
// so the inventory, its findings and their order are the same bytes as reading alone (a test
// compares both ways). The wait is synchronous (load.ts is): the worker counts the files it has
// handed back in a shared integer the main thread sleeps on (common/worker.ts). Anything the worker
// could not do — it failed to start, a file outside the fast reader's subset, an unexpected error,
// no answer within WORKER_PATIENCE_MS — falls back to the main thread reading that file (or every
// file left) itself.
//
// DCPLAN_THREADS=1 in the environment reads on one thread always (comparing, profiling).
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Finding } from "../common/errors.js";
import { startWorker } from "../common/worker.js";
import { inventoryFiles } from "./files.js";
import type { Collection } from "./schema.js";

/** Inventories smaller than this (bytes of YAML) are read on one thread: starting the worker costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 2 ** 20;
/**
 * Share of the bytes the worker reads (it starts a module graph of its own and writes JSON, which
 * the main thread parses and files after its own share). At 20k systems, with the schema's fast
 * path (plain-entities.ts), loading took a median 2.20 s at 0.50 against 2.34 s at 0.55 and 2.49 s
 * at 0.45 (six alternating runs each); before it, 0.55 was best (the main thread waited 50–80 ms,
 * 230–310 ms at 0.62).
 */
export const PARALLEL_WORKER_SHARE = 0.5;
/** How long the main thread waits for one file from the worker before reading the rest itself. */
const WORKER_PATIENCE_MS = 120_000;

/** What the main thread gives the worker. */
export interface WorkerInput {
  readonly files: readonly string[];
  /** Hand back the text of each file read [true]; without it the main thread locates findings by reading the file again (load.ts locateAll). */
  readonly texts?: boolean;
}

/** An entry that failed its schema, as the worker hands it back. */
export interface WorkerInvalid {
  readonly raw: unknown;
  readonly issues: readonly { readonly code: string; readonly message: string; readonly path: readonly (string | number)[]; readonly values?: readonly unknown[] }[];
}

/** One file as the worker hands it back: unreadable (`finding`), failed (`failed`), read but left to the main thread (`text` only), or read (`docs`, `entries`, `invalid`). */
export interface WorkerFile {
  readonly file: string;
  readonly finding?: Finding;
  readonly failed?: string;
  readonly text?: string;
  /** The file's documents, each top-level list the fast reader streamed emptied. */
  readonly docs?: unknown[];
  /** JSON of [doc, collection, index, entity or null (invalid: the next of `invalid`)] in reading order. */
  readonly entries?: string;
  readonly invalid?: readonly WorkerInvalid[];
}

/** A file read by the worker, ready for load.ts. */
export interface ReadAhead {
  /** The file's text; absent when the read-ahead was started without texts (ReadAheadOptions). */
  readonly text?: string;
  readonly docs: unknown[];
  /** Entries in reading order: the valid entity, or the invalid entry's raw value and issues. */
  readonly entries: readonly ({ readonly doc: number; readonly key: Collection; readonly index: number } & ({ readonly data: unknown; readonly invalid?: undefined } | { readonly data?: undefined; readonly invalid: WorkerInvalid }))[];
}

/** How a read-ahead is started. */
export interface ReadAheadOptions {
  /**
   * Hand back each file's text for locating findings [true]. A command that shows no warnings
   * (`dcplan plan`) passes false: the worker's half of the text (20 MB at 20k systems) is then not
   * copied to the main thread, and a file with an error is read again to place it.
   */
  readonly texts?: boolean;
}

/** What load.ts asks of the read-ahead: per file, what the worker did with it. */
export interface ReadAheadSource {
  /** The worker's result for `file`: read, unreadable (finding), or undefined when the main thread is to read it. */
  take(file: string): { readonly read: ReadAhead; readonly finding?: undefined } | { readonly read?: undefined; readonly finding: Finding } | undefined;
  /** Stops the worker (idempotent). */
  close(): void;
}

/** Whether reading `files` is worth a second thread, and which of them it takes (the last ones, PARALLEL_WORKER_SHARE of the bytes; at least one file when `always`). */
export function workerShare(files: readonly string[], sizes: readonly number[], cores: number, always = false): string[] {
  if (files.length < 2) return [];
  const total = sizes.reduce((a, b) => a + b, 0);
  if (always) {
    let first = files.length - 1;
    let taken = sizes[first];
    while (first > 1 && taken + sizes[first - 1] <= total * PARALLEL_WORKER_SHARE) taken += sizes[--first];
    return files.slice(first);
  }
  if (cores < 2 || total < PARALLEL_MIN_BYTES) return [];
  let taken = 0;
  let first = files.length;
  while (first > 1 && taken + sizes[first - 1] <= total * PARALLEL_WORKER_SHARE) taken += sizes[--first];
  return files.slice(first);
}

let lastShare = 0;
let workerRead = 0;
let claimed = false;

/** Of the last load that started the worker: how many files it was given, how many it read and validated itself, and whether it was started early (prefetchReadAhead) (tests). */
export function lastReadAheadCounts(): { readonly given: number; readonly read: number; readonly early: boolean } {
  return { given: lastShare, read: workerRead, early: claimed };
}

/** A read-ahead started before the inventory is loaded (prefetchReadAhead), until loadInventory claims it. */
let prefetched: { readonly dir: string; readonly files: readonly string[]; readonly source: ReadAheadSource } | undefined;

/**
 * Starts the read-ahead of the inventory in `dir` now, before loading it (a command whose other
 * modules are still to be loaded: `dcplan plan`), for loadInventory to claim (claimReadAhead);
 * nothing when the directory cannot be listed cleanly or is small.
 */
export function prefetchReadAhead(dir: string, mode: "auto" | "always" = "auto", options: ReadAheadOptions = {}): void {
  dropReadAhead();
  let listed;
  try {
    listed = inventoryFiles(dir);
  } catch {
    return;
  }
  if (listed.findings.length > 0) return;
  const source = startReadAhead(listed.files, mode, options);
  if (source !== undefined) prefetched = { dir: resolve(dir), files: listed.files, source };
}

/** Stops a read-ahead prefetchReadAhead started that nothing claimed (the command failed before loading). */
export function dropReadAhead(): void {
  prefetched?.source.close();
  prefetched = undefined;
}

/** The read-ahead prefetchReadAhead started, when it reads these `files` of `dir`; any other is stopped. */
export function claimReadAhead(dir: string, files: readonly string[]): ReadAheadSource | undefined {
  const got = prefetched;
  prefetched = undefined;
  if (got === undefined) return undefined;
  if (got.dir === resolve(dir) && got.files.length === files.length && got.files.every((f, i) => f === files[i])) {
    claimed = true;
    return got.source;
  }
  got.source.close();
  return undefined;
}

/** Starts reading the worker's share of `files` ahead (see file header); undefined when one thread reads them all. `mode` "always" uses the worker whatever the size (tests), "never" never. */
export function startReadAhead(files: readonly string[], mode: "auto" | "always" | "never" = "auto", options: ReadAheadOptions = {}): ReadAheadSource | undefined {
  if (mode === "never" || (mode === "auto" && process.env.DCPLAN_THREADS === "1")) return undefined;
  const sizes = files.map((f) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  });
  const share = workerShare(files, sizes, availableParallelism(), mode === "always");
  if (share.length === 0) return undefined;
  const link = startWorker(import.meta.url, "read-worker", { files: share, texts: options.texts !== false } satisfies WorkerInput);
  if (link === undefined) return undefined;
  lastShare = share.length;
  workerRead = 0;
  claimed = false;
  const pending = new Set(share);
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    link.close();
  };
  return {
    take(file) {
      if (closed || !pending.has(file)) return undefined;
      // The worker hands files back in order; the main thread asks for them in the same order.
      const got = link.receive(WORKER_PATIENCE_MS) as WorkerFile | undefined;
      if (got === undefined || got.file !== file) {
        close();
        return undefined;
      }
      pending.delete(file);
      if (pending.size === 0) close();
      if (got.finding) return { finding: got.finding };
      if (got.docs === undefined || got.entries === undefined) return undefined;
      workerRead++;
      const invalid = got.invalid ?? [];
      let k = 0;
      const entries = (JSON.parse(got.entries) as [number, Collection, number, unknown][]).map(([doc, key, index, data]) => (data === null ? { doc, key, index, invalid: invalid[k++] } : { doc, key, index, data }));
      return { read: { ...(got.text !== undefined ? { text: got.text } : {}), docs: got.docs, entries } };
    },
    close,
  };
}
