// Runs the catalogue over a set of plain objects: each object rule on every object it applies to,
// each set rule once over the whole set, with the severities and parameters of the policy
// configuration. The result is one finding per violation, ordered by object, then catalogue order.
// This is the core of `dcplan check`; the CrossGuard pack calls the same rule functions.
import { CATALOGUE } from "./catalogue.js";
import type { KObject, Params, PolicyContext, Rule, Severity } from "./model.js";

/** Severity overrides and parameters per rule (Pulumi's policy-pack configuration, parsed). */
export interface PolicyConfig {
  /** Severity for every rule without its own entry (the `all` key) [each rule's default]. */
  readonly all?: Severity | "disabled";
  /** Severity per rule id; `disabled` skips the rule. */
  readonly severity: ReadonlyMap<string, Severity | "disabled">;
  /** Parameters per rule id (over the rule's defaults). */
  readonly params: ReadonlyMap<string, Params>;
}

/** The configuration that keeps every default. */
export const DEFAULT_POLICY_CONFIG: PolicyConfig = { severity: new Map(), params: new Map() };

/** A rule's parameters: its defaults, overridden by `given` (unknown keys ignored). */
export function resolvedParams(rule: Rule, given: Params | undefined): Params {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(rule.params ?? {})) out[k] = given && given[k] !== undefined ? given[k] : spec.default;
  return out;
}

/** The severity a rule runs with under `config`. */
export function effectiveSeverity(rule: Rule, config: PolicyConfig): Severity | "disabled" {
  return config.severity.get(rule.id) ?? config.all ?? rule.severity;
}

/** One violation of one rule by one object. */
export interface PolicyFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** Index of the object in the checked list. */
  readonly object: number;
  readonly message: string;
  /** Offending field inside the object, when the rule names one. */
  readonly path?: readonly (string | number)[];
}

/** Every finding of the catalogue (or `rules`) over `objects`, ordered by object, then rule order, then message. */
export function evaluate(objects: readonly KObject[], context: PolicyContext, config: PolicyConfig = DEFAULT_POLICY_CONFIG, rules: readonly Rule[] = CATALOGUE): PolicyFinding[] {
  const out: (PolicyFinding & { order: number })[] = [];
  rules.forEach((rule, order) => {
    const severity = effectiveSeverity(rule, config);
    if (severity === "disabled") return;
    const params = resolvedParams(rule, config.params.get(rule.id));
    if (rule.scope === "object") {
      objects.forEach((o, i) => {
        if (!rule.applies(o)) return;
        for (const v of rule.check(o, context, params)) out.push({ rule: rule.id, severity, object: i, message: v.message, path: v.path, order });
      });
    } else {
      for (const v of rule.check(objects, context, params)) out.push({ rule: rule.id, severity, object: v.object, message: v.message, path: v.path, order });
    }
  });
  out.sort((a, b) => a.object - b.object || a.order - b.order || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return out.map(({ order: _order, ...f }) => f);
}
