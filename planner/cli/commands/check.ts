// `dcplan check`: the policy catalogue offline, on what `dcplan render --stack NAME` would write
// and/or on any manifests (an agency's Helm output…), without a cluster or the Pulumi CLI. The work
// is in policies/check.ts; this shell parses options, prints or writes the report, and fails with
// exit 1 when a mandatory rule is violated (2 on bad input, through the error classes).
import { resolve } from "node:path";
import type { Command } from "commander";
import { PolicyViolationError, UsageError } from "../../../common/errors.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { CHECK_FORMATS, type CheckFormat, runCheck } from "../../../policies/check.js";
import { parseChoice } from "../options.js";

/** Adds `dcplan check`. */
export function addCheckCommand(program: Command, io: Io): void {
  program
    .command("check")
    .description("check Kubernetes objects against the policy catalogue (tenancy, protection by security level, workload hardening, platform objects) offline: a stack's rendered manifests and/or any YAML")
    .option("--stack <name>", "check the objects `dcplan render --stack NAME` writes (stacks/Pulumi.<name>.yaml), with that stack's inventory and plan")
    .option("--manifests <path>", "check every .yaml/.yml/.json manifest in this file or directory (multi-document files, Lists, helm template output)")
    .option("--inventory <dir>", "inventory telling each namespace's system, security level and RPO [the stack's, with --stack]")
    .option("--plan <file>", "plan JSON telling each system's security level [the stack's, with --stack]")
    .option("--policy-config <file>", "severities and parameters per rule, Pulumi --policy-pack-config format [policies/config/<stack>.json when it exists]")
    .option("--format <format>", `report format: ${CHECK_FORMATS.join(", ")}`, parseChoice("--format", CHECK_FORMATS), "text" as CheckFormat)
    .option("--out <file>", "write the report to this file instead of standard output")
    .option("--project <dir>", "project root, the directory of Pulumi.yaml", ".")
    .addHelpText(
      "after",
      `
Exit status: 0 when no mandatory rule is violated (advisory findings are reported), 1 when one is,
2 on bad input (unreadable YAML, an object without kind, an unknown stack, a bad policy config).

Examples:
  dcplan check --stack prod
  dcplan check --manifests agency/so-y-te/ --inventory inventory/sample
  helm template portal ./chart | tee rendered.yaml && dcplan check --manifests rendered.yaml --plan plan.json
  dcplan check --stack prod --manifests agency/ --format sarif --out check.sarif`,
    )
    .action(async (opts: { stack?: string; manifests?: string; inventory?: string; plan?: string; policyConfig?: string; format: CheckFormat; out?: string; project: string }) => {
      if (opts.stack !== undefined && !/^[A-Za-z0-9_.-]+$/.test(opts.stack)) throw new UsageError(`--stack must be a stack name, got "${opts.stack}"`);
      if (opts.stack === undefined && opts.manifests === undefined) throw new UsageError("give --stack NAME, --manifests PATH, or both");
      const result = await runCheck({ root: resolve(opts.project), stack: opts.stack, manifests: opts.manifests, inventory: opts.inventory, plan: opts.plan, policyConfig: opts.policyConfig, format: opts.format });
      if (opts.out !== undefined) {
        writeFileAtomic(opts.out, result.report);
        io.stderr(`wrote ${opts.format} report of ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} on ${result.objects} objects to ${opts.out}\n`);
      } else {
        io.stdout(result.report);
      }
      if (result.mandatory.size > 0) throw new PolicyViolationError(result.mandatory);
    });
}
