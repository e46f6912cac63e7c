// Parsers for option values shared by several commands; bad values are UsageErrors (exit 2) whose
// text comes from the catalogue (messages/cli.ts), so they are printed in the run's language.
// Loaded on every start (the command registry uses them): import nothing heavy here.
import { isCalendarDate } from "../../inventory/calendar-date.js";
import { usageError } from "./messages/usage-error.js";

/** Parses `--as-of` and other date options: a real `YYYY-MM-DD` date. */
export function parseDateOption(name: string): (value: string) => string {
  return (value) => {
    if (!isCalendarDate(value)) throw usageError("usage.date", { option: name, value });
    return value;
  };
}

/** Parses a whole number ≥ `min`. */
export function parseIntOption(name: string, min = 0): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw usageError("usage.wholeNumber", { option: name, min: String(min), value });
    return n;
  };
}

/** Parses one of `choices`. */
export function parseChoice<T extends string>(name: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) throw usageError("usage.choice", { option: name, choices: choices.join(", "), value });
    return value as T;
  };
}
