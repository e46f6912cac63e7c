// The second thread of background-translations.ts: makes a plan's `translations` from the message
// strings, their shown forms and the names the plan refers to (translationEntries, exactly as the
// main thread would) and hands back their JSON text as the plan file holds it, in pieces, written
// as the sentences come (entriesText), so the Vietnamese is never held whole here either.
import { reply, workerInput } from "../common/worker.js";
import { refNamesOf, translationEntries } from "./messages.js";
import { entriesText, type TranslationsInput } from "./background-translations.js";

try {
  const input = workerInput<TranslationsInput>();
  const shown = new Map<string, { en: string; vi: string; marked: boolean }>();
  input.keys.forEach((k, i) => shown.set(k, { en: input.en[i] ?? k, vi: input.vi[i], marked: input.marked[i] === 1 }));
  const names = refNamesOf({
    systems: input.names.systems.map(([id, name, fn]) => ({ id, name, function: fn })),
    sites: input.names.sites.map(([id, name]) => ({ id, name })),
    agencies: input.names.agencies.map(([id, name]) => ({ id, name })),
    externals: input.names.externals.map(([id, name]) => ({ id, name })),
    groups: input.names.groups.map(([id, systems]) => ({ id, systems })),
  });
  // The main thread may now let go of what it would need to make them itself.
  reply({ started: true });
  for (const piece of entriesText(translationEntries(input.keys, names, (k) => shown.get(k)))) reply({ piece });
  reply({ end: true });
} catch (err) {
  reply({ failed: String((err as Error)?.message ?? err) });
}
