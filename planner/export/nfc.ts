// Unicode NFC for every string an export writes, fast on text that is NFC already (almost all of
// it: precomposed Vietnamese, ASCII): a string is normalised only when it holds a character NFC
// can change — a combining mark (decomposed Vietnamese from some editors), a conjoining Hangul
// jamo, or one of the few singletons and composition exclusions NFC replaces (the list below
// holds every such code point; test/export/nfc.test.ts checks it against String.normalize for all
// of Unicode).
const MAY_CHANGE =
  /[\p{M}\u0374\u037e\u0387\u0958-\u095f\u09dc\u09dd\u09df\u0a33\u0a36\u0a59-\u0a5b\u0a5e\u0b5c\u0b5d\u0f43\u0f4d\u0f52\u0f57\u0f5c\u0f69\u1100-\u11ff\u1f71-\u1ffd\u2000\u2001\u2126\u212a\u212b\u2329\u232a\u2adc\uf900-\ufad9\ufb1d-\ufb4e\u{1d15e}-\u{1d164}\u{1d1bb}-\u{1d1c0}\u{2f800}-\u{2fa1d}]/u;

/** `s` in Unicode NFC (the same string when it already is). */
export function nfc(s: string): string {
  return MAY_CHANGE.test(s) ? s.normalize("NFC") : s;
}
