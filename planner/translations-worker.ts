// The second thread of background-translations.ts: resolves the plan's sentences as the main
// thread says them (translationEntry, exactly as planTranslations would, once the move groups are
// known), keeping each one's text as the plan file holds it (`"key": "vietnamese"`, UTF-8) and the
// few English forms stored; when the main thread says which sentences the plan holds, writes their
// text in the plan's order into the file the main thread named.
import { closeSync, openSync, readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { writePiecesTo } from "../common/io.js";
import { fromMain, reply, workerInput } from "../common/worker.js";
import type { SaidBatch, ToTranslationsWorker, TranslationsInput } from "./background-translations.js";
import { objectKeyOrder, type RefNames, refNamesOf, translationEntry } from "./messages.js";
import { orderedTranslationsText, viMember } from "./translations-text.js";

/** How long one wait for the main thread lasts (it waits again: the main thread may plan for minutes). */
const WAIT_MS = 60_000;

/** Bytes of member text kept per block. */
const BLOCK_BYTES = 8 << 20;

/** The `vi` members' text, UTF-8, in blocks: member i is bytes [at[i], at[i] + length[i]) of block[i]. */
class Members {
  private readonly blocks: Buffer[] = [];
  private readonly blockOf: number[] = [];
  private readonly at: number[] = [];
  private readonly length: number[] = [];
  private used = BLOCK_BYTES;

  add(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > (this.blocks.at(-1)?.length ?? 0)) {
      this.blocks.push(Buffer.allocUnsafe(Math.max(BLOCK_BYTES, text.length * 3)));
      this.used = 0;
    }
    const block = this.blocks.length - 1;
    const n = this.blocks[block].write(text, this.used, "utf8");
    this.blockOf.push(block);
    this.at.push(this.used);
    this.length.push(n);
    this.used += n;
  }

  bytes(i: number): Buffer {
    return this.blocks[this.blockOf[i]].subarray(this.at[i], this.at[i] + this.length[i]);
  }
}

// This thread at the lowest scheduling priority (Linux: a thread's id is a process id to
// setpriority): it runs while the main thread plans, and the main thread's garbage collector wants
// the second core for its helper threads; at the same priority the plan took ≈ 0.9 s longer.
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  setPriority(tid, 19);
} catch {
  // Not Linux: the thread runs at the process's priority.
}

try {
  const input = workerInput<TranslationsInput>();
  // Made by the main thread: opening it never makes it again once the main thread removed it.
  const fd = openSync(input.spill, "r+");
  try {
    const keys: string[] = [];
    const members = new Members();
    const english = new Map<number, string>();
    let waiting: SaidBatch[] = [];
    let names: RefNames | undefined;
    /** Resolves the sentences come so far (once the names are complete). */
    const resolve = (): void => {
      if (names === undefined) return;
      for (const batch of waiting) {
        for (let j = 0; j < batch.keys.length; j++) {
          const k = batch.keys[j];
          const [, vi, en] = translationEntry(k, { en: batch.en[j] ?? k, vi: batch.vi[j], marked: batch.marked[j] === 1 }, names);
          if (en !== undefined) english.set(keys.length, en);
          keys.push(k);
          members.add(viMember(k, vi));
        }
      }
      waiting = [];
    };
    for (;;) {
      const message = fromMain(WAIT_MS) as ToTranslationsWorker | undefined;
      if (message === undefined) continue;
      if ("said" in message) {
        waiting.push(message.said);
        resolve();
      } else if ("groups" in message) {
        names = refNamesOf({ ...input.names, groups: message.groups });
        resolve();
      } else {
        reply({ have: true });
        if (names === undefined) throw new Error("the plan's move groups never came");
        resolve();
        if (message.used.length !== keys.length) throw new Error(`${keys.length} sentences came, the plan names ${message.used.length}`);
        const order = objectKeyOrder(keys, message.used);
        writePiecesTo(fd, orderedTranslationsText(keys, order, (i) => members.bytes(i), (i) => english.get(i)));
        break;
      }
    }
  } finally {
    closeSync(fd);
  }
  reply({ end: true });
} catch (err) {
  reply({ failed: String((err as Error)?.message ?? err) });
}
