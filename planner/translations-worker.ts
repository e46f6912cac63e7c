// The second thread of background-translations.ts: makes a plan's `translations` from the message
// strings, their shown forms and the names the plan refers to (translationEntries, exactly as the
// main thread would) and writes their JSON text as the plan file holds it into the file the main
// thread named, as the sentences come (entriesText), so the Vietnamese is never held whole.
import { closeSync, openSync, writeSync } from "node:fs";
import { reply, workerInput } from "../common/worker.js";
import { refNamesOf, translationEntries } from "./messages.js";
import { entriesText, type TranslationsInput } from "./background-translations.js";

try {
  const input = workerInput<TranslationsInput>();
  const { keys, en, vi } = input;
  const shown = new Map<string, { en: string; vi: string; marked: boolean }>();
  keys.forEach((k, i) => shown.set(k, { en: en[i] ?? k, vi: vi[i], marked: input.marked[i] === 1 }));
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
    for (const piece of entriesText(translationEntries(keys, names, (k) => shown.get(k)))) {
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
