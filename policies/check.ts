// `dcplan check` without the command line: gathers the objects to check — what `dcplan render
// --stack NAME` writes (rendered through stacks/render.ts into a temporary directory and read back,
// so the files and lines are exactly render's; its Helm releases from helm/install.sh and their
// values files, as Release objects), and/or every manifest under a path — builds the
// context that tells each namespace's system, level and RPO (the stack's own inventory and plan, or
// --inventory / --plan), runs the catalogue with the policy configuration and formats the report.
// The caller prints the report and turns mandatory findings into exit status 1.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Finding, ManifestError, UsageError } from "../common/errors.js";
import type { InventoryIndex } from "../inventory/model.js";
import type { Plan } from "../planner/plan-schema.js";
import type { StackConfig } from "../stacks/config.js";
import { CATALOGUE } from "./catalogue.js";
import { policyContext, type SystemRecord } from "./context.js";
import { readRenderedReleases } from "./helm-releases.js";
import { DEFAULT_POLICY_CONFIG, effectiveSeverity, evaluate, type PolicyConfig } from "./evaluate.js";
import { type LocatedObject, parseManifestText, readManifests } from "./manifests.js";
import { readPolicyConfig } from "./policy-config.js";
import { jsonReport, type LocatedFinding, sarifReport, textReport } from "./report.js";

/** Report formats. */
export const CHECK_FORMATS = ["text", "json", "sarif"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What to check and how. */
export interface CheckOptions {
  /** Project root (the directory of Pulumi.yaml) for --stack and the default policy configuration. */
  readonly root: string;
  /** Stack whose rendered objects are checked. */
  readonly stack?: string;
  /** File or directory of manifests to check. */
  readonly manifests?: string;
  /** Inventory directory telling systems' levels and RPOs [the stack's, with --stack]. */
  readonly inventory?: string;
  /** Plan file telling systems' levels [the stack's, with --stack]. */
  readonly plan?: string;
  /** Policy configuration file [policies/config/<stack>.json under root, when it exists]. */
  readonly policyConfig?: string;
  readonly format: CheckFormat;
  /** Environment render reads secrets from (unused unless asked) [process.env]. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What a check found. */
export interface CheckResult {
  /** The report in the requested format. */
  readonly report: string;
  readonly findings: readonly LocatedFinding[];
  /** Findings of mandatory rules, by rule id (empty when the check passes). */
  readonly mandatory: ReadonlyMap<string, number>;
  readonly objects: number;
}

/** The policy configuration file a stack uses by default. */
export function stackPolicyConfigPath(root: string, stack: string): string {
  return join(root, "policies", "config", `${stack}.json`);
}

/** Inventory/plan systems as the context reads them: inventory first, the plan filling in. */
export function systemRecords(index?: InventoryIndex, plan?: Plan): Map<string, SystemRecord> {
  const out = new Map<string, SystemRecord>();
  for (const [id, s] of index?.systems ?? []) out.set(id, { securityLevel: s.securityLevel, rpoHours: s.rpoHours });
  for (const s of plan?.systems ?? []) if (!out.has(s.id)) out.set(s.id, { securityLevel: s.securityLevel });
  return out;
}

/** The objects of a stack as `dcplan render` writes them, files named `<stack>/<file>`, with the stack's inputs. */
export async function stackObjects(root: string, stack: string, env: Readonly<Record<string, string | undefined>>): Promise<{ objects: LocatedObject[]; index: InventoryIndex; plan: Plan; config: StackConfig }> {
  // Imported here: rendering loads the planner, the validators and the CRDs, which --manifests alone does not need.
  const { locateInStackFile, parseStackConfig } = await import("../stacks/config.js");
  const { loadStackInputs } = await import("../stacks/inputs.js");
  const { HELM_DIR, renderStack, stackFileConfigSource } = await import("../stacks/render.js");
  const source = stackFileConfigSource(root, stack, env);
  let config: StackConfig;
  let inputs: Awaited<ReturnType<typeof loadStackInputs>>;
  try {
    config = parseStackConfig(source);
    inputs = await loadStackInputs(root, config);
  } catch (err) {
    throw locateInStackFile(err, source.origin);
  }
  const dir = mkdtempSync(join(tmpdir(), "dcplan-check-"));
  try {
    const rendered = await renderStack({ root, stack, out: dir, inputs, env });
    const objects: LocatedObject[] = [];
    const findings: Finding[] = [];
    for (const file of rendered.files) {
      const parsed = parseManifestText(readFileSync(join(dir, file), "utf8"), `${stack}/${file}`);
      findings.push(...parsed.findings);
      objects.push(...parsed.objects);
    }
    if (rendered.releases.length > 0) objects.push(...readRenderedReleases(join(dir, HELM_DIR), `${stack}/${HELM_DIR}`, findings));
    if (findings.length > 0) throw new ManifestError(findings); // render wrote something unreadable: a bug there
    return { objects, index: inputs.index, plan: inputs.plan, config };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parameters a stack's own configuration sets (node pool, agency groups), under those of the policy configuration. */
function withStackParams(config: PolicyConfig, stack: StackConfig | undefined): PolicyConfig {
  if (!stack) return config;
  const params = new Map(config.params);
  const over = (rule: string, values: Record<string, unknown>) => params.set(rule, { ...values, ...(params.get(rule) ?? {}) });
  over("secure-node-pool", { nodePoolLabel: stack.tenancy.nodePoolLabel, securePool: stack.tenancy.securePool });
  over("rbac-agency-not-cluster-wide", { agencyGroupPrefix: stack.tenancy.groupPrefix });
  return { ...config, params };
}

/** Runs the check; throws ConfigError / InventoryError / PlanFileError / ManifestError / PolicyConfigError on bad input. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  if (options.stack === undefined && options.manifests === undefined) throw new UsageError("give --stack NAME, --manifests PATH, or both");
  const env = options.env ?? process.env;
  const located: LocatedObject[] = [];
  let index: InventoryIndex | undefined;
  let plan: Plan | undefined;
  let stackConfig: StackConfig | undefined;
  if (options.stack !== undefined) {
    const s = await stackObjects(options.root, options.stack, env);
    located.push(...s.objects);
    index = s.index;
    plan = s.plan;
    stackConfig = s.config;
  }
  if (options.manifests !== undefined) located.push(...readManifests(options.manifests));
  if (options.inventory !== undefined) index = (await (await import("../inventory/load.js")).loadInventory(options.inventory)).index;
  if (options.plan !== undefined) plan = (await import("../planner/read-plan.js")).readPlan(options.plan);
  const configFile = options.policyConfig ?? (options.stack !== undefined && existsSync(stackPolicyConfigPath(options.root, options.stack)) ? stackPolicyConfigPath(options.root, options.stack) : undefined);
  const config = withStackParams(configFile === undefined ? DEFAULT_POLICY_CONFIG : readPolicyConfig(configFile), stackConfig);
  const objects = located.map((l) => l.object);
  const context = policyContext(objects, index || plan ? systemRecords(index, plan) : undefined);
  const findings: LocatedFinding[] = evaluate(objects, context, config).map((f) => {
    const at = located[f.object];
    return {
      file: at.file,
      line: f.path ? at.lineOf(f.path) : at.line,
      kind: at.object.kind,
      name: at.object.metadata.name ?? "?",
      namespace: at.object.metadata.namespace,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
    };
  });
  const mandatory = new Map<string, number>();
  for (const rule of CATALOGUE) {
    const n = findings.filter((f) => f.rule === rule.id && f.severity === "mandatory").length;
    if (n > 0) mandatory.set(rule.id, n);
  }
  const scope = { objects: objects.length, rules: CATALOGUE.filter((r) => effectiveSeverity(r, config) !== "disabled").length };
  const report = options.format === "json" ? jsonReport(findings, scope) : options.format === "sarif" ? sarifReport(findings, config) : textReport(findings, scope);
  return { report, findings, mandatory, objects: objects.length };
}
