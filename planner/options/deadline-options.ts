// From found changes to the plan's `deadline.options` (contract: plan.md, second edition): each
// option states the verdict (met, waves, projected completion, late) of the re-plan the search made
// with its very patch through the planner's own code path (replan.ts) — the plan `dcplan plan`
// would write with that profile —, so the promise is exact by construction. With a price book each
// chosen change is planned once more in full and costed, and the option carries its cost against
// the plan (planner/cost/difference.ts). The English summary goes into the plan, its Vietnamese
// into `translations.vi`.
import type { LoadedPriceBook } from "../cost/price-book.js";
import type { DetailedPlan } from "../plan.js";
import type { DeadlineOption, OptionCost, OptionsSearch, Plan } from "../plan-schema.js";
import { costDifference } from "../cost/difference.js";
import { costPlan } from "../cost/cost.js";
import { ID_NAMES, namesOf, optionText } from "./describe.js";
import type { Json } from "./merge-patch.js";
import { type OptionInput, outcomeOf } from "./replan.js";
import { defaultOptionsBudget, searchOptions } from "./search.js";

/** How to search: the re-plan budget [defaultOptionsBudget], and the price book the plan was costed with. */
export interface OptionsSettings {
  readonly budget?: number;
  readonly prices?: LoadedPriceBook;
}

/** The options of a plan whose deadline is missed, and how they were searched. */
export interface DeadlineOptions {
  readonly options: DeadlineOption[];
  readonly search: OptionsSearch;
  /** Vietnamese of each option's summary (English → Vietnamese). */
  readonly vi: Record<string, string>;
}

/** Searches, confirms and describes the options of `base` (see file header). */
export function deadlineOptions(input: OptionInput, base: DetailedPlan, settings: OptionsSettings = {}): DeadlineOptions {
  const moving = base.schedule.units.reduce((n, u) => n + u.systems.length, 0);
  const budget = settings.budget ?? defaultOptionsBudget(moving);
  const { changes, search, replanner } = searchOptions(input, base, budget);
  const names = namesOf(base.plan);
  const deadline = base.plan.deadline.date;
  const vi: Record<string, string> = {};
  const options = changes.map((c): DeadlineOption => {
    // The search's trial planned with this very patch through planWithProfile: its verdict is the
    // promise. With a price book the option is planned once more in full, to cost it.
    const confirmed = settings.prices && base.plan.cost ? replanner.plan(c.patch) : undefined;
    const o = confirmed ? outcomeOf(confirmed) : c.outcome;
    const option = {
      id: c.id,
      summary: "",
      change: c.patch as Record<string, Json>,
      waves: o.waves,
      ...(o.projectedCompletion !== undefined ? { projectedCompletion: o.projectedCompletion } : {}),
      late: [...o.late],
      met: o.met,
      levers: c.levers.map((l) => ({ ...l })) as DeadlineOption["levers"],
      size: c.size,
    };
    option.summary = optionText(option, deadline, "en", ID_NAMES);
    vi[option.summary] = optionText(option, deadline, "vi", names);
    const cost = confirmed && settings.prices ? optionCost(base.plan, confirmed.plan, input, settings.prices) : undefined;
    return cost ? { ...option, cost } : option;
  });
  return { options, search, vi };
}

function optionCost(base: Plan, other: Plan, input: OptionInput, prices: LoadedPriceBook): OptionCost {
  const d = costDifference(base.cost!, costPlan(other, input.planner.index, prices));
  return {
    capex: d.capex,
    opex: d.opex,
    savings: d.savings,
    net: d.net,
    savingsPerYear: d.savingsPerYear,
    byYear: d.byYear.map((y) => ({ ...y })),
    ...(d.presentNet !== undefined ? { presentNet: d.presentNet } : {}),
    paybackDate: { ...d.paybackDate },
  };
}

/** `plan` with its `deadline.options` and their Vietnamese (translations keys kept sorted); changes `plan`. */
export function attachOptions(plan: Plan, found: DeadlineOptions): Plan {
  plan.deadline.options = found.options;
  plan.deadline.optionsSearch = found.search;
  if (plan.translations) {
    const merged = { ...plan.translations.vi, ...found.vi };
    const vi: Record<string, string> = {};
    for (const k of Object.keys(merged).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) vi[k] = merged[k];
    plan.translations = { ...plan.translations, vi };
  }
  return plan;
}
