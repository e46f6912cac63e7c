// The text of a plan's `translations` where they stand in the plan file (one level down), in
// pieces: from the value (translationsText), or from the entries as they are made (entriesText,
// what the translations worker writes). Both give the bytes JSON.stringify would.
import { jsonChunks, membersText } from "../common/json-chunks.js";
import type { PlanTranslations, TranslationEntry } from "./messages.js";

/**
 * The text translationsText gives for the translations `entries` make, written as they come, so
 * the Vietnamese (a third of a 20k-system plan) is never held whole: `{ "vi": {…}, "en": {…} }`
 * one level down, `en` only when an entry has English (held until the end: few do). Entries are
 * gathered `batch` at a time into an object JSON.stringify writes in one call (membersText).
 */
export function* entriesText(entries: Iterable<TranslationEntry>, batch = 4096): Generator<string> {
  const english: [string, string][] = [];
  // A "__proto__" key stays a key; array-index keys come first anyway (translationEntries' order).
  let members: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  let first = true;
  const flush = (): string => {
    const text = `${first ? "\n" : ",\n"}${membersText(members, 2)}`;
    members = Object.create(null) as Record<string, string>;
    count = 0;
    first = false;
    return text;
  };
  let head = '{\n    "vi": {';
  for (const [k, vi, en] of entries) {
    members[k] = vi;
    if (en !== undefined) english.push([k, en]);
    if (++count === batch) {
      yield head + flush();
      head = "";
    }
  }
  let tail = count > 0 ? head + flush() : head;
  tail += first ? "}" : "\n    }";
  if (english.length > 0) {
    const en: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, e] of english) en[k] = e;
    tail += `,\n    "en": {\n${membersText(en, 2)}\n    }`;
  }
  yield `${tail}\n  }`;
}

/** The text of translations where they stand in the plan file (one level down), in pieces of about a million characters: each sentence is a member (no 50 MB string). */
export function translationsText(value: PlanTranslations): Iterable<string> {
  return jsonChunks(value, { base: 1, depth: 3 });
}
