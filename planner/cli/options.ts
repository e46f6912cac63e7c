// Parsers for option values shared by several commands; bad values are UsageErrors (exit 2).
// Loaded on every start (the command registry uses them): import nothing heavy here.
import { UsageError } from "../../common/errors.js";
import { isCalendarDate } from "../../inventory/calendar-date.js";

/** Parses `--as-of` and other date options: a real `YYYY-MM-DD` date. */
export function parseDateOption(name: string): (value: string) => string {
  return (value) => {
    if (!isCalendarDate(value)) throw new UsageError(`${name} must be a real date YYYY-MM-DD, got "${value}"`);
    return value;
  };
}

/** Parses a whole number ≥ `min`. */
export function parseIntOption(name: string, min = 0): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} must be a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
}

/** Parses one of `choices`. */
export function parseChoice<T extends string>(name: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${choices.join(", ")}, got "${value}"`);
    return value as T;
  };
}
