// A plan's `translations` made on a second thread (common/worker.ts) while the main thread writes
// the rest of the plan: for `dcplan plan` at 20k systems they are 116k sentences resolved to names
// (≈ 1.3 s) and a third of the file (≈ 50 MB). The main thread hands the worker the plan's message
// strings with their shown forms and the plan's names (strings only, cheap to copy) and writes the
// worker's text where the plan's `translations` key stands; the worker computes exactly what
// planTranslations would (the same function, translationsFor), and a test compares the files.
// When no worker can be started or it fails, the main thread computes them itself.
import { closeSync, existsSync, openSync, readSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { InternalError } from "../common/errors.js";
import { startWorker, type WorkerLink } from "../common/worker.js";
import { type MessageLog, planMessageStrings, planTranslations, type PlanTranslations } from "./messages.js";
import { translationsText } from "./translations-text.js";
import type { Plan } from "./plan-schema.js";

/** How long the main thread waits for one answer of the worker before computing the translations itself. */
const WORKER_PATIENCE_MS = 120_000;

/** What the worker receives: each distinct message string with its shown forms, and the names. */
export interface TranslationsInput {
  readonly keys: readonly string[];
  /** The shown English where it is not the key itself. */
  readonly en: readonly (string | undefined)[];
  readonly vi: readonly string[];
  /** 1 where the shown forms mark references. */
  readonly marked: Uint8Array;
  /** File the worker writes the text into (UTF-8), for the main thread to copy where it belongs. */
  readonly spill: string;
  readonly names: {
    readonly systems: readonly (readonly [string, string | undefined, string | undefined])[];
    readonly sites: readonly (readonly [string, string])[];
    readonly agencies: readonly (readonly [string, string])[];
    readonly externals: readonly (readonly [string, string])[];
    readonly groups: readonly (readonly [string, readonly string[]])[];
  };
}

/** How long closing waits for a worker that has not said it started (so its file can be removed). */
const CLOSE_PATIENCE_MS = 5_000;

/** Bytes read at a time from the worker's file. */
const SPILL_CHUNK_BYTES = 4 << 20;

/** Translations on their way (see file header). */
export interface BackgroundTranslations {
  /** Their JSON text as it stands one level down in the plan file, in pieces: UTF-8 bytes from the worker, or strings when made here (waits for the worker; once). */
  pieces(): Iterable<string | Uint8Array>;
  /** Takes the worker's word that it has its input, if it came, without waiting: from then on the plan and the message log are not kept for making them here. */
  poll(): void;
  /** Their value, made on this thread while the plan and the log are still kept (then an InternalError: the worker writes text only). */
  value(): PlanTranslations;
  /** Stops the worker and removes its file (idempotent). */
  close(): void;
}

/** Plans with fewer distinct sentences make their translations on the main thread: starting the worker costs more than it saves. */
export const BACKGROUND_MIN_SENTENCES = 10_000;

/**
 * Starts making `plan`'s translations from `log` on a second thread, which writes their text into
 * a temporary file in `dir` (beside the plan being written): the main thread copies its bytes into
 * the plan when it gets there, so neither holds the text, nor a queue of it, in memory. Undefined
 * when they are better made here (a small plan, DCPLAN_THREADS=1, no second core or thread);
 * `always` for any size (tests).
 */
export function translateInBackground(plan: Plan, log: MessageLog, dir: string, always = false): BackgroundTranslations | undefined {
  if (process.env.DCPLAN_THREADS === "1" || availableParallelism() < 2) return undefined;
  const keys: string[] = [];
  const en: (string | undefined)[] = [];
  const vi: string[] = [];
  const marked: number[] = [];
  for (const k of new Set(planMessageStrings(plan))) {
    const shown = log.shownOf(k);
    if (shown === undefined) continue;
    keys.push(k);
    // A message without references reads its contract text: not copied again.
    en.push(shown.en === k ? undefined : shown.en);
    vi.push(shown.vi);
    marked.push(shown.marked ? 1 : 0);
  }
  if (!always && keys.length < BACKGROUND_MIN_SENTENCES) return undefined;
  // Beside the plan (the same disk); in the temporary directory until that directory exists.
  const spill = join(existsSync(dir) ? dir : tmpdir(), `.dcplan-translations.${process.pid}.${Date.now()}.tmp`);
  const input: TranslationsInput = {
    keys,
    en,
    vi,
    marked: Uint8Array.from(marked),
    spill,
    names: {
      systems: plan.systems.map((s) => [s.id, s.name, s.function] as const),
      sites: plan.sites.map((s) => [s.id, s.name] as const),
      agencies: plan.agencies.map((a) => [a.id, a.name] as const),
      externals: plan.externals.map((e) => [e.id, e.name] as const),
      groups: plan.groups.map((g) => [g.id, g.systems] as const),
    },
  };
  const link: WorkerLink | undefined = startWorker(import.meta.url, "translations-worker", input as unknown as Record<string, unknown>);
  if (link === undefined) return undefined;
  type Answer = { started?: true; end?: true; failed?: string } | undefined;
  // What making them here needs, kept until the worker says it has its input (or fails).
  let kept: { plan: Plan; log: MessageLog } | undefined = { plan, log };
  let value: PlanTranslations | undefined;
  let started = false;
  let failed = false;
  let taken = false;
  const here = (): PlanTranslations => {
    if (value !== undefined) return value;
    if (kept === undefined) throw new InternalError("the plan's translations were written by a second thread and are not kept in memory");
    return (value = planTranslations(kept.plan, kept.log));
  };
  let closed = false;
  // The worker opens its file before it says it has started: waiting for that word (briefly) means
  // the file is there to remove, never created after the removal.
  const close = (): void => {
    if (closed) return;
    if (!started && !failed && (link.receive(CLOSE_PATIENCE_MS) as Answer)?.started) started = true;
    closed = true;
    link.close();
    rmSync(spill, { force: true });
  };
  /** Takes the worker's first answer (waiting up to `patienceMs`): started, or failed. */
  const hear = (patienceMs: number): void => {
    if (started || failed) return;
    const got = link.receive(patienceMs) as Answer;
    if (got?.started) {
      started = true;
      kept = undefined;
    } else if (got !== undefined || patienceMs > 0) {
      failed = true;
      close();
    }
  };
  return {
    *pieces() {
      if (taken) throw new InternalError("the plan's translations are written once");
      taken = true;
      hear(WORKER_PATIENCE_MS);
      if (failed) {
        yield* translationsText(here());
        return;
      }
      const got = link.receive(WORKER_PATIENCE_MS) as Answer;
      if (!got?.end) {
        close();
        throw new InternalError(`the second thread making the plan's translations stopped before it finished${got?.failed ? `: ${got.failed}` : ""}`);
      }
      link.close();
      // The worker's file, a few MB at a time.
      const fd = openSync(spill, "r");
      try {
        for (;;) {
          const chunk = Buffer.allocUnsafe(SPILL_CHUNK_BYTES);
          const n = readSync(fd, chunk, 0, chunk.length, null);
          if (n === 0) break;
          yield n === chunk.length ? chunk : chunk.subarray(0, n);
        }
      } finally {
        closeSync(fd);
        rmSync(spill, { force: true });
      }
    },
    poll: () => hear(0),
    value: here,
    close,
  };
}
