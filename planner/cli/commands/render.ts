// `dcplan render --stack NAME --out DIR`: the Pulumi stack's Kubernetes objects as YAML manifests
// for `kubectl apply -f DIR`, and the platform services' Helm values with their ordered
// `helm upgrade --install` commands in DIR/helm/, without the Pulumi CLI (air-gapped clusters). The
// work is in stacks/render.ts; this shell parses options and prints the summary and warnings.
import { resolve } from "node:path";
import { UsageError } from "../../../common/errors.js";
import { renderStack } from "../../../stacks/render.js";
import type { CommandAction } from "./index.js";

/** Options of `dcplan render` (declared in index.ts). */
export interface RenderOptions {
  readonly stack: string;
  readonly out: string;
  /** Project root, the directory of Pulumi.yaml ["."]. */
  readonly project: string;
  /** Also write Secret manifests from the environment [false]. */
  readonly secretsFromEnv: boolean;
}

/** `dcplan render` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  const opts = options as unknown as RenderOptions;
  if (!/^[A-Za-z0-9_.-]+$/.test(opts.stack)) throw new UsageError(`--stack must be a stack name, got "${opts.stack}"`);
  const result = await renderStack({ root: resolve(opts.project), stack: opts.stack, out: opts.out, secretsFromEnv: opts.secretsFromEnv });
  io.stdout(`wrote ${result.objects.length} objects in ${result.files.length} files to ${opts.out}: ${result.files.join(", ")}\n`);
  io.stdout(`wrote ${result.releases.length} Helm releases to ${opts.out}/helm (run helm/install.sh from the project root before kubectl apply): ${result.releases.map((r) => `${r.name} ${r.version}`).join(", ")}\n`);
  for (const f of result.secretFiles) {
    io.stderr(`warning: ${opts.out}/${f} holds credentials in plaintext (file mode 0600): keep it off shared disks and out of git, and delete it once applied\n`);
  }
  if (result.secretsNotWritten.length > 0) {
    io.stderr(
      `note: ${result.secretsNotWritten.length} Secrets are referenced but not written (no --secrets-from-env); create them before applying: ${result.secretsNotWritten.join(", ")} (see docs/deploy.md)\n`,
    );
  }
  for (const u of result.unreachable) io.stderr(`warning: no NetworkPolicy allows ${u}: the target is not on the platform and dcplan:tenancy.egressCidrs has no CIDR for it\n`);
  for (const step of result.manualSteps) io.stderr(`note: ${step}\n`);
};
