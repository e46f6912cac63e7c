// `dcplan render --stack NAME --out DIR`: the Pulumi stack's Kubernetes objects as YAML manifests
// for `kubectl apply -f DIR`, and the platform services' Helm values with their ordered
// `helm upgrade --install` commands in DIR/helm/, without the Pulumi CLI (air-gapped clusters). The
// work is in stacks/render.ts; this shell parses options and prints the summary and warnings.
import { resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../../common/errors.js";
import { renderStack, SECRET_ENV } from "../../../stacks/render.js";
import type { Io } from "../../../common/io.js";

/** Adds `dcplan render`. */
export function addRenderCommand(program: Command, io: Io): void {
  program
    .command("render")
    .description("write the Kubernetes manifests of a Pulumi stack (tenancy, Velero backup, MetalLB WAN, Forklift migrations) for kubectl apply, and the Helm values and install commands of the platform services, without the Pulumi CLI")
    .requiredOption("--stack <name>", "stack name: reads stacks/Pulumi.<name>.yaml and the defaults in Pulumi.yaml")
    .requiredOption("--out <dir>", "output directory (files 00-…yaml to 80-…yaml in apply order; helm/ with the values files and install.sh)")
    .option("--project <dir>", "project root, the directory of Pulumi.yaml", ".")
    .option("--secrets-from-env", `also write Secret manifests, from ${Object.values(SECRET_ENV).join(" and ")} (JSON)`, false)
    .action(async (opts: { stack: string; out: string; project: string; secretsFromEnv: boolean }) => {
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
    });
}
