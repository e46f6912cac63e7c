// `dcplan check`: the policy catalogue offline, on what `dcplan render --stack NAME` would write
// and/or on any manifests (an agency's Helm output…), without a cluster or the Pulumi CLI. The work
// is in policies/check.ts; this shell prints or writes the report and fails with exit 1 when a
// mandatory rule is violated (2 on bad input, through the error classes). Declared in index.ts.
import { resolve } from "node:path";
import { PolicyViolationError, UsageError } from "../../../common/errors.js";
import { writeFileAtomic } from "../../../common/io.js";
import { type CheckOptions, runCheck } from "../../../policies/check.js";
import type { CommandAction } from "./index.js";

/** Options of `dcplan check` (declared in index.ts). */
export interface CheckCommandOptions extends Omit<CheckOptions, "root" | "env"> {
  /** Report file instead of standard output [none]. */
  readonly out?: string;
  /** Project root, the directory of Pulumi.yaml ["."]. */
  readonly project: string;
}

/** `dcplan check` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  const opts = options as unknown as CheckCommandOptions;
  if (opts.stack !== undefined && !/^[A-Za-z0-9_.-]+$/.test(opts.stack)) throw new UsageError(`--stack must be a stack name, got "${opts.stack}"`);
  if (opts.stack === undefined && opts.manifests === undefined) throw new UsageError("give --stack NAME, --manifests PATH, or both");
  const { out: _out, project, ...rest } = opts;
  const result = await runCheck({ ...rest, root: resolve(project) });
  if (opts.out !== undefined) {
    writeFileAtomic(opts.out, result.report);
    io.stderr(`wrote ${opts.format} report of ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} on ${result.objects} objects to ${opts.out}\n`);
  } else {
    io.stdout(result.report);
  }
  if (result.mandatory.size > 0) throw new PolicyViolationError(result.mandatory);
};
