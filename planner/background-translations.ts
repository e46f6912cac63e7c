// A plan's `translations` made on a second thread (common/worker.ts) while the main thread writes
// the rest of the plan: for `dcplan plan` at 20k systems they are 116k sentences resolved to names
// (≈ 1.3 s) and a third of the file (≈ 50 MB). The main thread hands the worker the plan's message
// strings with their shown forms and the plan's names (strings only, cheap to copy) and writes the
// worker's text where the plan's `translations` key stands; the worker computes exactly what
// planTranslations would (the same function, translationsFor), and a test compares the files.
// When no worker can be started or it fails, the main thread computes them itself.
import { availableParallelism } from "node:os";
import { jsonChunks } from "../common/json-chunks.js";
import { InternalError } from "../common/errors.js";
import { startWorker, type WorkerLink } from "../common/worker.js";
import { type MessageLog, planMessageStrings, planTranslations, type PlanTranslations, type TranslationEntry } from "./messages.js";
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
  readonly names: {
    readonly systems: readonly (readonly [string, string | undefined, string | undefined])[];
    readonly sites: readonly (readonly [string, string])[];
    readonly agencies: readonly (readonly [string, string])[];
    readonly externals: readonly (readonly [string, string])[];
    readonly groups: readonly (readonly [string, readonly string[]])[];
  };
}

/** Translations on their way (see file header). */
export interface BackgroundTranslations {
  /** Their JSON text as it stands one level down in the plan file, in pieces (waits for the worker; once). */
  pieces(): Iterable<string>;
  /** Takes the worker's word that it has its input, if it came, without waiting: from then on the plan and the message log are not kept for making them here. */
  poll(): void;
  /** Their value, made on this thread while the plan and the log are still kept (then an InternalError: the worker writes text only). */
  value(): PlanTranslations;
  /** Stops the worker (idempotent). */
  close(): void;
}

/**
 * The text translationsText gives for the translations `entries` make, written as they come, so
 * the Vietnamese (a third of a 20k-system plan) is never held whole: `{ "vi": {…}, "en": {…} }`
 * one level down, `en` only when an entry has English (held until the end: few do).
 */
export function* entriesText(entries: Iterable<TranslationEntry>, pieceChars = 1 << 20): Generator<string> {
  let piece: string[] = [];
  let size = 0;
  /** Adds `s` to the piece; the piece when it is full enough. */
  const add = (s: string): string | undefined => {
    piece.push(s);
    size += s.length;
    if (size < pieceChars) return undefined;
    const text = piece.join("");
    piece = [];
    size = 0;
    return text;
  };
  const english: [string, string][] = [];
  const member = (first: boolean, k: string, v: string): string => `${first ? "\n" : ",\n"}      ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  const lines = function* (): Generator<string> {
    yield '{\n    "vi": {';
    let first = true;
    for (const [k, vi, en] of entries) {
      yield member(first, k, vi);
      first = false;
      if (en !== undefined) english.push([k, en]);
    }
    yield first ? "}" : "\n    }";
    if (english.length > 0) {
      yield ',\n    "en": {';
      for (let i = 0; i < english.length; i++) yield member(i === 0, english[i][0], english[i][1]);
      yield "\n    }";
    }
    yield "\n  }";
  };
  for (const line of lines()) {
    const full = add(line);
    if (full !== undefined) yield full;
  }
  if (piece.length > 0) yield piece.join("");
}

/** The text of translations where they stand in the plan file (one level down), in pieces of about a million characters: each sentence is a member (no 50 MB string). */
export function translationsText(value: PlanTranslations): Iterable<string> {
  return jsonChunks(value, { base: 1, depth: 3 });
}

/** Plans with fewer distinct sentences make their translations on the main thread: starting the worker costs more than it saves. */
export const BACKGROUND_MIN_SENTENCES = 10_000;

/** Starts making `plan`'s translations from `log` on a second thread; undefined when they are better made here (a small plan, DCPLAN_THREADS=1, no thread), `always` for any size (tests). */
export function translateInBackground(plan: Plan, log: MessageLog, always = false): BackgroundTranslations | undefined {
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
  const input: TranslationsInput = {
    keys,
    en,
    vi,
    marked: Uint8Array.from(marked),
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
  type Answer = { started?: true; piece?: string; end?: true; failed?: string } | undefined;
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
  /** Takes the worker's first answer (waiting up to `patienceMs`): started, or failed. */
  const hear = (patienceMs: number): void => {
    if (started || failed) return;
    const got = link.receive(patienceMs) as Answer;
    if (got?.started) {
      started = true;
      kept = undefined;
    } else if (got !== undefined || patienceMs > 0) {
      failed = true;
      link.close();
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
      for (;;) {
        const got = link.receive(WORKER_PATIENCE_MS) as Answer;
        if (got?.end) break;
        if (got?.piece === undefined) {
          link.close();
          throw new InternalError(`the second thread making the plan's translations stopped before it finished${got?.failed ? `: ${got.failed}` : ""}`);
        }
        yield got.piece;
      }
      link.close();
    },
    poll: () => hear(0),
    value: here,
    close() {
      link.close();
    },
  };
}
