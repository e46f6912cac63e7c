// The text of a plan's `translations` where they stand in the plan file (one level down), in
// pieces: from the value (translationsText), or from sentences already resolved one by one, each
// `vi` member's text made as it came (orderedTranslationsText, what the translations worker
// writes). Both give the bytes JSON.stringify would.
import { jsonChunks, membersText } from "../common/json-chunks.js";
import type { PlanTranslations } from "./messages.js";

/**
 * The text translationsText gives for translations whose entries are at `order` (positions, in the
 * plan's order: objectKeyOrder) of `keys`: `member(i)` is the i-th `vi` member's text as the plan
 * file holds it (`"key": "…"`, a string or its UTF-8 bytes), `english(i)` its stored English, if
 * any. `{ "vi": {…}, "en": {…} }` one level down, `en` only when an entry has English.
 */
export function* orderedTranslationsText(keys: readonly string[], order: readonly number[], member: (i: number) => string | Uint8Array, english: (i: number) => string | undefined): Generator<string | Uint8Array> {
  yield '{\n    "vi": {';
  for (let j = 0; j < order.length; j++) {
    yield j === 0 ? "\n      " : ",\n      ";
    yield member(order[j]);
  }
  yield order.length === 0 ? "}" : "\n    }";
  // A "__proto__" key stays a key; array-index keys come first anyway (the order).
  const en: Record<string, string> = Object.create(null) as Record<string, string>;
  let anyEn = false;
  for (const i of order) {
    const e = english(i);
    if (e === undefined) continue;
    en[keys[i]] = e;
    anyEn = true;
  }
  if (anyEn) yield `,\n    "en": {\n${membersText(en, 2)}\n    }`;
  yield "\n  }";
}

/** A `vi` member's text as the plan file holds it. */
export function viMember(key: string, vi: string): string {
  return `${JSON.stringify(key)}: ${JSON.stringify(vi)}`;
}

/** The text of translations where they stand in the plan file (one level down), in pieces of about a million characters: each sentence is a member (no 50 MB string). */
export function translationsText(value: PlanTranslations): Iterable<string> {
  return jsonChunks(value, { base: 1, depth: 3 });
}
