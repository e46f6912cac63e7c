// Which language the command line speaks: `--lang vi|en` when given, else the locale of the
// environment (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them: vi_* → Vietnamese,
// en_* → English), else Vietnamese, the working language of the province's civil servants.
// Loaded on every start: imports nothing heavy.
import { LANGS, type Lang } from "../export/i18n.js";

export { LANGS, type Lang };

/** The language of a locale name such as `vi_VN.UTF-8` or `en_GB`; undefined for others (`C`, `POSIX`, `fr_FR`). */
export function localeLang(locale: string | undefined): Lang | undefined {
  const m = /^([a-z]{2})(?:[_.@-]|$)/i.exec(locale ?? "");
  const code = m?.[1].toLowerCase();
  return (LANGS as readonly string[]).includes(code ?? "") ? (code as Lang) : undefined;
}

/**
 * The default `--lang` from the environment: the first of LC_ALL, LC_MESSAGES, LANG that is set
 * (non-empty) decides, as it does for every POSIX program; `vi_*` → vi, `en_*` → en, anything
 * else (C, C.UTF-8, fr_FR…) or nothing → vi.
 */
export function defaultLang(env: Readonly<Record<string, string | undefined>> = {}): Lang {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value !== undefined && value !== "") return localeLang(value) ?? "vi";
  }
  return "vi";
}

/** The `--lang` given on a command line (`--lang en` or `--lang=en`, the last one wins), when it is a language dcplan speaks. */
export function argvLang(argv: readonly string[]): Lang | undefined {
  let found: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (value !== undefined && (LANGS as readonly string[]).includes(value)) found = value as Lang;
  }
  return found;
}
