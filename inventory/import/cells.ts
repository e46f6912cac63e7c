// Typed reading of spreadsheet and CSV cells: text, numbers (whole or not, with ranges), dates
// (a real Date, an Excel serial number, `dd/mm/yyyy` or `YYYY-MM-DD` text) and choices. Each returns
// the value or the sentence saying what is wrong, so the caller can attach the cell's place.
import { isCalendarDate } from "../schema.js";
import type { Cell } from "./xlsx-read.js";

/** A converted cell: its value (undefined for an empty cell) or what is wrong with it. */
export type Converted<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T | undefined): Converted<T> => ({ ok: true, value });
const bad = <T>(message: string): Converted<T> => ({ ok: false, message });

/** How a cell is shown in a message: `"abc"`, `12`, `true`. */
export function shown(c: Cell): string {
  if (c instanceof Date) return isoOfDate(c);
  return typeof c === "string" ? JSON.stringify(c) : String(c);
}

/** The text of a cell, trimmed and NFC-normalised; numbers as written; undefined when empty. */
export function cellText(c: Cell): string | undefined {
  if (c === null) return undefined;
  if (c instanceof Date) return isoOfDate(c);
  const s = String(c).normalize("NFC").trim();
  return s === "" ? undefined : s;
}

/** Options of cellNumber. */
export interface NumberRule {
  /** Whole numbers only [false]. */
  readonly int?: boolean;
  /** Smallest allowed value [none]. */
  readonly min?: number;
  /** Largest allowed value [none]. */
  readonly max?: number;
  /** The minimum itself is not allowed (e.g. "> 0") [false]. */
  readonly exclusiveMin?: boolean;
}

/** A number cell (or text that is a plain decimal number, `.` as the decimal mark). */
export function cellNumber(c: Cell, rule: NumberRule = {}): Converted<number> {
  if (c === null) return ok(undefined);
  let n: number;
  if (typeof c === "number") n = c;
  else if (typeof c === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(c)) n = Number(c);
  else return bad(`must be ${rule.int ? "a whole number" : "a number"} (got ${shown(c)})`);
  if (!Number.isFinite(n)) return bad(`must be a number (got ${shown(c)})`);
  if (rule.int && !Number.isInteger(n)) return bad(`must be a whole number (got ${shown(c)})`);
  const range = rangeText(rule);
  if (rule.min !== undefined && (n < rule.min || (rule.exclusiveMin && n === rule.min))) return bad(`must be ${range} (got ${shown(c)})`);
  if (rule.max !== undefined && n > rule.max) return bad(`must be ${range} (got ${shown(c)})`);
  return ok(n);
}

function rangeText(rule: NumberRule): string {
  const what = rule.int ? "a whole number" : "a number";
  if (rule.min !== undefined && rule.max !== undefined) return `${what} ${rule.min}–${rule.max}`;
  if (rule.min !== undefined) return `${what} ${rule.exclusiveMin ? ">" : "≥"} ${rule.min}`;
  if (rule.max !== undefined) return `${what} ≤ ${rule.max}`;
  return what;
}

/** `YYYY-MM-DD` of a Date's UTC day (exceljs reads date cells as UTC midnight). */
export function isoOfDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The ISO date of an Excel serial day number (1900 date system, as Excel and LibreOffice write). */
export function isoOfSerial(serial: number): string {
  return isoOfDate(new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000));
}

/** A date cell: a Date, an Excel serial number, `dd/mm/yyyy` or `YYYY-MM-DD` text; always a real calendar day. */
export function cellDate(c: Cell): Converted<string> {
  if (c === null) return ok(undefined);
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? bad("must be a date dd/mm/yyyy") : ok(isoOfDate(c));
  if (typeof c === "number") return c >= 1 && c < 2_958_466 ? ok(isoOfSerial(c)) : bad(`must be a date dd/mm/yyyy (got ${shown(c)})`);
  const s = String(c).trim();
  let iso: string | undefined;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (vn) iso = `${vn[3]}-${vn[2].padStart(2, "0")}-${vn[1].padStart(2, "0")}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  if (iso === undefined) return bad(`must be a date dd/mm/yyyy (got ${shown(c)})`);
  if (!isCalendarDate(iso)) return bad(`must be a real calendar date (got ${shown(c)})`);
  return ok(iso);
}

/** A choice among `labels` (value → accepted spellings); matching ignores case and surrounding space. */
export function cellChoice<T extends string>(c: Cell, labels: ReadonlyMap<T, readonly string[]>, what: string): Converted<T> {
  const text = cellText(c);
  if (text === undefined) return ok(undefined);
  const key = text.toLocaleLowerCase("vi");
  for (const [value, spellings] of labels) {
    if (value.toLowerCase() === key || spellings.some((s) => s.toLocaleLowerCase("vi") === key)) return ok(value);
  }
  const first = [...labels.values()].map((s) => s[0]).filter(Boolean);
  return bad(`unknown ${what} ${JSON.stringify(text)}; choose one of ${first.map((s) => JSON.stringify(s)).join(", ")}`);
}

/** A yes/no cell: Có/Không, Yes/No, true/false, x (yes). */
export function cellBoolean(c: Cell): Converted<boolean> {
  if (c === null) return ok(undefined);
  if (typeof c === "boolean") return ok(c);
  const t = String(c).trim().toLocaleLowerCase("vi");
  if (["có", "co", "yes", "true", "x", "1"].includes(t)) return ok(true);
  if (["không", "khong", "no", "false", "0"].includes(t)) return ok(false);
  return bad(`must be Có or Không (got ${shown(c)})`);
}
