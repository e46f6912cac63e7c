// The plan in đồng: price book, costing, and the difference between two costed plans.
export { costPlan, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, sums } from "./cost.js";
export { type CostDifference, costDifference } from "./difference.js";
export { PROVINCE } from "./items.js";
export { paybackDate } from "./payback.js";
export { type LoadedPriceBook, loadPriceBook } from "./price-book.js";
export { PriceBook } from "./price-book-schema.js";
