// The second thread of background-translations.ts: makes a plan's `translations` from the message
// strings, their shown forms and the names the plan refers to (translationEntries, exactly as the
// main thread would) and writes their JSON text as the plan file holds it into the file the main
// thread named, as the sentences come (entriesText), so the Vietnamese is never held whole.
import { closeSync, openSync, writeSync } from "node:fs";
import { reply, workerInput } from "../common/worker.js";
import type { TranslationsInput } from "./background-translations.js";
import { entriesText } from "./translations-text.js";
import { entriesInOrder, isArrayIndexKey, type RefNames, refNamesOf, type ShownForms, type TranslationEntry, translationEntries } from "./messages.js";

/**
 * The entries of `keys` (distinct, as the main thread sends them) in the plan's order: the
 * positions sorted by key, no map from key to position; with an array-index key among them (which
 * an object lists first), translationEntries' own ordering.
 */
function inOrder(keys: readonly string[], names: RefNames, shownOf: (i: number) => ShownForms): Iterable<TranslationEntry> {
  if (keys.some(isArrayIndexKey)) {
    const at = new Map(keys.map((k, i) => [k, i]));
    return translationEntries(keys, names, (k) => shownOf(at.get(k)!));
  }
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  return entriesInOrder(
    order.map((i) => keys[i]),
    names,
    (j) => shownOf(order[j]),
  );
}

try {
  const input = workerInput<TranslationsInput>();
  const { keys, en, vi, marked } = input;
  const shownOf = (i: number): ShownForms => ({ en: en[i] ?? keys[i], vi: vi[i], marked: marked[i] === 1 });
  const names = refNamesOf({
    systems: input.names.systems.map(([id, name, fn]) => ({ id, name, function: fn })),
    sites: input.names.sites.map(([id, name]) => ({ id, name })),
    agencies: input.names.agencies.map(([id, name]) => ({ id, name })),
    externals: input.names.externals.map(([id, name]) => ({ id, name })),
    groups: input.names.groups.map(([id, systems]) => ({ id, systems })),
  });
  // Written as UTF-8 into the main thread's file, one reused buffer; opened first, so that the main
  // thread lets go of what it would need to make them itself only once nothing is left to fail
  // but the disk.
  const fd = openSync(input.spill, "w");
  reply({ started: true });
  try {
    let buffer = Buffer.allocUnsafe(4 << 20);
    for (const piece of entriesText(inOrder(keys, names, shownOf))) {
      if (piece.length * 3 > buffer.length) buffer = Buffer.allocUnsafe(piece.length * 3);
      const bytes = buffer.write(piece, 0, "utf8");
      for (let at = 0; at < bytes; ) at += writeSync(fd, buffer, at, bytes - at);
    }
  } finally {
    closeSync(fd);
  }
  reply({ end: true });
} catch (err) {
  reply({ failed: String((err as Error)?.message ?? err) });
}
