// A plan's `translations` made on a second thread (common/worker.ts) while the main thread plans:
// for `dcplan plan` at 20k systems they are 116k sentences resolved to names (≈ 1.5 s) and a third
// of the file (≈ 50 MB). The main thread plans with a MessageLog whose observer hands the worker
// each new sentence (contract text and shown forms, strings only) in batches, the names the
// sentences refer to once at the start and the move groups once the waves fix them; the worker
// resolves each sentence as it comes (translationEntry, exactly what planTranslations does). When
// the plan is made the main thread says which sentences it holds; the worker puts those in the
// plan's order and writes their text, UTF-8, into a file beside the plan, which the main thread
// copies where the plan's `translations` key stands. Small plans (fewer than
// BACKGROUND_MIN_SENTENCES sentences said) never start the worker. When no worker can be started
// or it fails before it has everything, the main thread makes them itself; a test compares files.
import { close as closeOnPool, closeSync, existsSync, openSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { InternalError } from "../common/errors.js";
import { WholeFile } from "../common/io.js";
import { startWorker, type WorkerLink } from "../common/worker.js";
import type { InventoryIndex } from "../inventory/model.js";
import { MessageLog, type MessageObserver, type PlanNameLists, planMessageStrings, planTranslations, type PlanTranslations, type ShownForms } from "./messages.js";
import { translationsText } from "./translations-text.js";
import type { Plan } from "./plan-schema.js";

/** How long the main thread waits for one answer of the worker before computing the translations itself. */
const WORKER_PATIENCE_MS = 120_000;

/** Sentences handed to the worker at a time. */
const BATCH = 2048;

/** The names sentences refer to, but the move groups (those come when the waves fix them). */
export type NameLists = Omit<PlanNameLists, "groups">;

/** What the worker receives when it starts. */
export interface TranslationsInput {
  readonly names: NameLists;
  /** File the worker writes the text into (UTF-8), made here empty: the worker never creates it, so once removed it stays removed. */
  readonly spill: string;
}

/** A batch of sentences as the log recorded them: contract texts, and their shown forms. */
export interface SaidBatch {
  readonly keys: readonly string[];
  /** The shown English where it is not the key itself. */
  readonly en: readonly (string | undefined)[];
  readonly vi: readonly string[];
  /** 1 where the shown forms mark references. */
  readonly marked: Uint8Array;
}

/** What the main thread sends the worker as it plans, in this order: sentences and the groups (interleaved), then which sentences the plan holds. */
export type ToTranslationsWorker =
  | { readonly said: SaidBatch }
  | { readonly groups: readonly { readonly id: string; readonly systems: readonly string[] }[] }
  /** 1 at the position (MessageLog.positionOf) of each sentence the plan holds: the last message. */
  | { readonly used: Uint8Array };

/** What the worker answers: that it has everything (the main thread may let go of the log), that the file is written, or why it failed. */
export type FromTranslationsWorker = { readonly have?: true; readonly end?: true; readonly failed?: string } | undefined;

/** Translations on their way (see file header). */
export interface BackgroundTranslations {
  /** Their JSON text as it stands one level down in the plan file, in pieces: UTF-8 bytes from the worker, or strings when made here (waits for the worker; once). */
  pieces(): Iterable<string | Uint8Array | WholeFile>;
  /** Takes the worker's word that it has everything, if it came, without waiting: from then on the plan and the message log are not kept for making them here. */
  poll(): void;
  /** Their value, made on this thread while the plan and the log are still kept (then an InternalError: the worker writes text only). */
  value(): PlanTranslations;
  /** Stops the worker and removes its file (idempotent). */
  close(): void;
}

/** A plan's translations being made while it is planned (streamTranslations). */
export interface TranslationsStream {
  /** The log to plan with (PlanningOptions.log): what it records goes to the worker. */
  readonly log: MessageLog;
  /** The plan's move groups, once final (PlanningOptions.onGroups). */
  groups(groups: readonly { readonly id: string; readonly systems: readonly string[] }[]): void;
  /**
   * The plan is made (its sentences all said into `log`, this stream's by default): its
   * translations as the worker writes them, or undefined when they are better made here
   * (planTranslations): too few sentences, DCPLAN_THREADS=1, no second core or thread. Once.
   */
  finish(plan: Plan, log?: MessageLog): BackgroundTranslations | undefined;
  /** Stops the worker and removes its file (idempotent; finish's handle closes it too). */
  close(): void;
}

/** Which thread made the last translations a BackgroundTranslations wrote (tests): the worker, or this one after the worker failed. */
let lastMadeBy: "worker" | "here" | undefined;

/** Which thread made the last translations written through BackgroundTranslations.pieces (tests). */
export function lastTranslationsMadeBy(): "worker" | "here" | undefined {
  return lastMadeBy;
}

/** Plans with fewer distinct sentences make their translations on the main thread: starting the worker costs more than it saves. */
export const BACKGROUND_MIN_SENTENCES = 10_000;

/** The names an inventory gives its plan's sentences (the plan lists the same: refNamesOf). */
export function inventoryNames(index: InventoryIndex): NameLists {
  return {
    systems: [...index.systems.values()].map((s) => ({ id: s.id, name: s.name, function: s.function })),
    sites: [...index.sites.values()].map((s) => ({ id: s.id, name: s.name })),
    agencies: [...index.agencies.values()].map((a) => ({ id: a.id, name: a.name })),
    externals: [...index.externals.values()].map((e) => ({ id: e.id, name: e.name })),
  };
}

/**
 * Starts making a plan's translations as it is planned with the stream's `log` (see file header):
 * the worker, writing into a temporary file in `dir` (beside the plan being written; the temporary
 * directory until that directory exists), starts once BACKGROUND_MIN_SENTENCES sentences are said,
 * or at the first one with `always` (tests). `names` is asked for then.
 */
export function streamTranslations(names: () => NameLists, dir: string, always = false): TranslationsStream {
  const threads = process.env.DCPLAN_THREADS !== "1" && availableParallelism() >= 2;
  let link: WorkerLink | undefined;
  let spill: string | undefined;
  let gaveUp = !threads;
  let closed = false;
  let finished = false;
  // Sentences not yet sent, and the groups when they came before the worker started.
  let keys: string[] = [];
  let en: (string | undefined)[] = [];
  let vi: string[] = [];
  let marked: number[] = [];
  let said = 0;
  let groups: readonly { readonly id: string; readonly systems: readonly string[] }[] | undefined;

  const close = (): void => {
    if (closed) return;
    closed = true;
    link?.close();
    if (spill !== undefined) rmSync(spill, { force: true });
  };
  const flush = (): void => {
    if (link === undefined || keys.length === 0) return;
    link.send({ said: { keys, en, vi, marked: Uint8Array.from(marked) } } satisfies ToTranslationsWorker);
    keys = [];
    en = [];
    vi = [];
    marked = [];
  };
  const start = (): void => {
    spill = join(existsSync(dir) ? dir : tmpdir(), `.dcplan-translations.${process.pid}.${Date.now()}.tmp`);
    try {
      closeSync(openSync(spill, "w"));
    } catch {
      spill = undefined;
      gaveUp = true;
      return;
    }
    link = startWorker(import.meta.url, "translations-worker", { names: names(), spill } satisfies TranslationsInput as unknown as Record<string, unknown>);
    if (link === undefined) {
      gaveUp = true;
      close();
      return;
    }
    if (groups !== undefined) link.send({ groups } satisfies ToTranslationsWorker);
  };
  const observer: MessageObserver = {
    said(key: string, shown: ShownForms) {
      if (gaveUp || closed || finished) return;
      keys.push(key);
      // A message without references reads its contract text: not copied again.
      en.push(shown.en === key ? undefined : shown.en);
      vi.push(shown.vi);
      marked.push(shown.marked ? 1 : 0);
      said++;
      if (link === undefined && said >= (always ? 1 : BACKGROUND_MIN_SENTENCES)) start();
      if (keys.length >= BATCH) flush();
    },
  };
  const own = new MessageLog(observer);
  return {
    log: own,
    groups(list) {
      groups = list.map((g) => ({ id: g.id, systems: g.systems }));
      link?.send({ groups } satisfies ToTranslationsWorker);
    },
    finish(plan, log = own) {
      if (finished) throw new InternalError("a plan's translations stream is finished once");
      finished = true;
      if (link === undefined && always && !gaveUp && !closed) start();
      if (link === undefined || closed || groups === undefined) {
        close();
        return undefined;
      }
      flush();
      const used = new Uint8Array(said);
      // Neighbours often hold the same sentence (the servers of one system): looked up once.
      let last: string | undefined;
      for (const s of planMessageStrings(plan)) {
        if (s === last) continue;
        last = s;
        const at = log.positionOf(s);
        if (at !== undefined) used[at] = 1;
      }
      link.send({ used } satisfies ToTranslationsWorker, [used.buffer]);
      return handle(link, spill!, plan, log, close);
    },
    close,
  };
}

/** The translations the worker of `link` is finishing into `spill` (see BackgroundTranslations); `plan` and `log` make them here if it fails first. */
function handle(link: WorkerLink, spill: string, plan: Plan, log: MessageLog, close: () => void): BackgroundTranslations {
  // What making them here needs, kept until the worker says it has everything (or fails).
  let kept: { plan: Plan; log: MessageLog } | undefined = { plan, log };
  let value: PlanTranslations | undefined;
  let have = false;
  let failed = false;
  let taken = false;
  const here = (): PlanTranslations => {
    if (value !== undefined) return value;
    if (kept === undefined) throw new InternalError("the plan's translations were written by a second thread and are not kept in memory");
    return (value = planTranslations(kept.plan, kept.log));
  };
  /** Takes the worker's first answer (waiting up to `patienceMs`): it has everything, or it failed. */
  const hear = (patienceMs: number): void => {
    if (have || failed) return;
    const got = link.receive(patienceMs) as FromTranslationsWorker;
    if (got?.have) {
      have = true;
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
        lastMadeBy = "here";
        yield* translationsText(here());
        return;
      }
      const got = link.receive(WORKER_PATIENCE_MS) as FromTranslationsWorker;
      if (!got?.end) {
        close();
        throw new InternalError(`the second thread making the plan's translations stopped before it finished${got?.failed ? `: ${got.failed}` : ""}`);
      }
      link.close();
      lastMadeBy = "worker";
      const fd = openSync(spill, "r");
      // The file goes at once (close removes it); what it holds stays readable through `fd`, and
      // its blocks are freed when that is closed, on Node's thread pool, not on this thread.
      close();
      try {
        // Handed over whole: the writer copies it through its own buffers (common/io.ts), on the
        // thread pool when it writes overlapped, so 50 MB need not pass through this thread.
        yield new WholeFile(fd);
      } finally {
        closeOnPool(fd, () => undefined);
      }
    },
    poll: () => hear(0),
    value: here,
    close,
  };
}
