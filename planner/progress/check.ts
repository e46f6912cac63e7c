// Checks a loaded progress file against the inventory, the as-of day and the calendar: runs every
// rule of rules.ts over the valid entries, locates the findings at file:line:col, and throws one
// ProgressError with the schema problems and the rules' errors together; otherwise returns the
// facts (facts.ts) and the located warnings.
import { type Finding, ProgressError } from "../../common/errors.js";
import type { InventoryIndex } from "../../inventory/model.js";
import { forgetPositions } from "../../inventory/yaml-source.js";
import type { Calendar } from "../calendar.js";
import type { Message } from "../messages.js";
import { factsOf, type ProgressFacts } from "./facts.js";
import type { LoadedProgress } from "./load.js";
import { PROGRESS_RULES, type ProgressFinding, type ProgressRuleContext } from "./rules.js";

/** What the rules check the file against. */
export interface ProgressCheckInput {
  readonly index: InventoryIndex;
  /** The plan's as-of day, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly calendar: Calendar;
  /** Survivor of every consolidated system (the planner's decisions) [the survivor warning is skipped]. */
  readonly consolidations?: ReadonlyMap<string, string>;
  /** Systems the planner moves in a wave. */
  readonly moving?: ReadonlySet<string>;
  /** Give warnings their line and column [true]; the planner needs only `planWarnings`. */
  readonly locateWarnings?: boolean;
}

/** A progress file that passed every error rule. */
export interface CheckedProgress {
  readonly facts: ProgressFacts;
  /** Warnings (facts are facts: shown, not fatal), located. */
  readonly warnings: readonly Finding[];
  /** The same warnings as a plan carries them: rule, subject and the sentence in both languages (no file place). */
  readonly planWarnings: readonly { readonly rule: string; readonly subject: string; readonly message: Message }[];
  /** Path of the file as given, for messages. */
  readonly file?: string;
}

/** Runs the rules (see file header); throws ProgressError listing every problem. */
export function checkProgress(loaded: LoadedProgress, input: ProgressCheckInput): CheckedProgress {
  const found: ProgressFinding[] = [];
  const ctx: ProgressRuleContext = { entries: loaded.entries, ...input, push: (f) => void found.push(f) };
  for (const rule of PROGRESS_RULES) rule(ctx);
  const place = (f: ProgressFinding, located = true): Finding => ({
    severity: f.severity,
    rule: f.rule,
    ...(loaded.file !== undefined ? { ...(located ? loaded.locate(f.at) : {}), file: loaded.file } : {}),
    entity: f.entity,
    message: f.message,
    ...(f.vi !== undefined ? { vi: f.vi } : {}),
  });
  const planWarnings = found.filter((f) => f.severity === "warning").map((f) => ({ rule: f.rule, subject: f.entity, message: { en: `${f.entity}: ${f.message}`, vi: f.vi ?? `${f.entity}: ${f.message}` } }));
  const errors = [...loaded.findings, ...found.filter((f) => f.severity === "error").map((f) => place(f))];
  if (errors.length > 0) {
    if (loaded.file !== undefined) forgetPositions(loaded.file);
    throw new ProgressError(errors);
  }
  const warnings = found.filter((f) => f.severity === "warning").map((f) => place(f, input.locateWarnings ?? true));
  if (loaded.file !== undefined) forgetPositions(loaded.file);
  return { facts: factsOf(loaded.entries), warnings, planWarnings, ...(loaded.file !== undefined ? { file: loaded.file } : {}) };
}
