// A UsageError whose text comes from the CLI catalogue, so the entry point can print it in the
// language of the run (the language is not known yet while commander parses an option's value).
import { UsageError } from "../../../common/errors.js";
import { type CliKey, cliText } from "./cli.js";
import type { Params } from "./template.js";

/** Bad command-line arguments (exit 2), with the catalogue key and values of its message. */
export class CliUsageError extends UsageError {
  constructor(
    readonly key: CliKey,
    readonly params: Params = {},
  ) {
    super(cliText("en", key, params));
  }
}

/** A CliUsageError to throw: the catalogue's message `key` with `params`. */
export function usageError(key: CliKey, params: Params = {}): CliUsageError {
  return new CliUsageError(key, params);
}
