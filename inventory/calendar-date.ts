// Whether a string is a real `YYYY-MM-DD` calendar day. A module of its own, importing nothing, so
// the command line can check `--as-of` without loading the inventory schemas (zod).

/** True for `YYYY-MM-DD` strings that name a real calendar day (no roll-over). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}
