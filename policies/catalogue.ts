// The rule catalogue: every rule of every family, in the order the documentation lists them. Both
// the CrossGuard pack (crossguard.ts) and `dcplan check` (evaluate.ts) take their rules from here.
import { logsToSoc } from "./logging.js";
import { FAMILIES, type Rule } from "./model.js";
import { PLATFORM_RULES } from "./platform.js";
import { BACKUP_RULES, secureNodePool } from "./protection.js";
import { TENANCY_RULES } from "./tenancy.js";
import { WORKLOAD_RULES } from "./workloads.js";

/** Every rule, by family (tenancy, protection, workloads, platform). */
export const CATALOGUE: readonly Rule[] = [...TENANCY_RULES, ...BACKUP_RULES, logsToSoc, secureNodePool, ...WORKLOAD_RULES, ...PLATFORM_RULES];

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return CATALOGUE.find((r) => r.id === id);
}

/** Rules of one family, in catalogue order. */
export function rulesOf(family: (typeof FAMILIES)[number]): Rule[] {
  return CATALOGUE.filter((r) => r.family === family);
}
