// Message templates of the CLI catalogue: how a template is filled with parameters, which
// parameters it names, and how English text that some other module wrote (commander, a rule of the
// inventory) is recognised as an instance of a template so its Vietnamese twin can be filled with
// the same values. Loaded on every start: imports nothing heavy.
//
// Syntax: `{name}` is a parameter (a number is written with the language's digit grouping, a
// string as it is); `{name|one|other}` is an English plural, the word for `name` = 1 or for any
// other count. Nothing else is special, so a template reads like the sentence it makes.
import type { Lang } from "../../export/i18n.js";

/** Values of a template's parameters. */
export type Params = Readonly<Record<string, string | number>>;

const TOKEN = /\{([A-Za-z][A-Za-z0-9]*)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/**
 * A number as a template writes it: `1.234,5` in Vietnamese; in English as JavaScript writes it
 * (`1234.5`), the bytes the English output had before the catalogue (group digits in the caller
 * where an English sentence wants `1,234`).
 */
export function formatCount(n: number, lang: Lang): string {
  if (lang === "en") return String(n);
  const negative = n < 0;
  const [int, frac] = String(Math.abs(n)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "−" : ""}${grouped}${frac !== undefined ? `,${frac}` : ""}`;
}

/** Fills `template` with `params` for `lang`; a missing parameter is a bug and throws. */
export function fill(template: string, params: Params, lang: Lang): string {
  return template.replace(TOKEN, (_all, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message parameter {${name}} missing in "${template}"`);
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? "");
    return typeof value === "number" ? formatCount(value, lang) : value;
  });
}

/** The parameter names a template uses, sorted, each once. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((m) => m[1]))].sort();
}

interface Matcher {
  readonly regex: RegExp;
  /** Parameter captured by each group, in order. */
  readonly names: readonly string[];
}

const matchers = new Map<string, Matcher>();

/** The regular expression that recognises instances of an English template (anchored; parameters are any text). */
function matcherOf(template: string): Matcher {
  const cached = matchers.get(template);
  if (cached) return cached;
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    source += escape(template.slice(last, m.index));
    if (m[2] !== undefined) source += `(?:${escape(m[2])}|${escape(m[3] ?? "")})`;
    else {
      names.push(m[1]);
      source += "([\\s\\S]*?)";
    }
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  const made = { regex: new RegExp(`^${source}$`), names };
  matchers.set(template, made);
  return made;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The parameters of `text` when it is an instance of the English `template`; undefined otherwise. */
export function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const { regex, names } = matcherOf(template);
  const m = regex.exec(text);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    if (params[name] === undefined) params[name] = m[i + 1];
  });
  return params;
}

/** One message in both languages. */
export interface Twin {
  readonly en: string;
  readonly vi: string;
}

/**
 * `text` (English, written elsewhere) in `lang`: the first twin whose English template it is an
 * instance of, its Vietnamese filled with the same values (each passed through `value` first);
 * undefined when no twin matches.
 */
export function translateText(twins: readonly Twin[], text: string, lang: Lang, value: (name: string, v: string) => string = (_n, v) => v): string | undefined {
  if (lang === "en") return text;
  for (const twin of twins) {
    const params = matchTemplate(twin.en, text);
    if (!params) continue;
    const translated: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) translated[k] = value(k, v);
    return fill(twin[lang], translated, lang);
  }
  return undefined;
}
