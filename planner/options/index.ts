// Options to meet a missed deadline (docs/options.md): the search, the plan's deadline.options, their words.
export { attachOptions, type DeadlineOptions, deadlineOptions, type OptionsSettings } from "./deadline-options.js";
export { changeText, ID_NAMES, leverText, type Names, namesOf, type OptionLang, optionText, outcomeText } from "./describe.js";
export { applyMergePatch, canonicalPatch, composePatches, type Json } from "./merge-patch.js";
export { type OptionInput, type Outcome, outcomeOf, Replanner } from "./replan.js";
export { defaultOptionsBudget, MAX_OPTIONS, optionId, searchOptions } from "./search.js";
export type { Found, Lever, LeverKind } from "./types.js";
export { type OptionsFormat, optionCostText, optionsReport, optionsSummaryLines } from "./report.js";
