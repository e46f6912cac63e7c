// The plan in đồng: price book, costing, and the difference between two costed plans.
export { costForAgency } from "./agency.js";
export { costPlan, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, sums } from "./cost.js";
export { type CostDifference, costDifference } from "./difference.js";
export { PROVINCE } from "./items.js";
export { type CostItemTotal, largestItems } from "./largest.js";
export { paybackDate } from "./payback.js";
export { costInPeriod, type PeriodCost } from "./period.js";
export { type LoadedPriceBook, loadPriceBook } from "./price-book.js";
export { PriceBook } from "./price-book-schema.js";
