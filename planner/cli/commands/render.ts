// `dcplan render --stack NAME --out DIR`: the Pulumi stack's Kubernetes objects as YAML manifests
// for `kubectl apply -f DIR`, and the platform services' Helm values with their ordered
// `helm upgrade --install` commands in DIR/helm/, without the Pulumi CLI (air-gapped clusters). The
// work is in stacks/render.ts; this shell parses options and prints the summary and warnings.
import { resolve } from "node:path";
import { renderStack } from "../../../stacks/render.js";
import type { Lang } from "../../export/i18n.js";
import { cliText, usageError } from "../messages/index.js";
import type { CommandAction } from "./index.js";

/** Options of `dcplan render` (declared in index.ts). */
export interface RenderOptions {
  readonly stack: string;
  readonly out: string;
  /** Project root, the directory of Pulumi.yaml ["."]. */
  readonly project: string;
  /** Also write Secret manifests from the environment [false]. */
  readonly secretsFromEnv: boolean;
  /** Language of the status lines [en]. */
  readonly lang?: Lang;
}

/** `dcplan render` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  const opts = options as unknown as RenderOptions;
  const lang = opts.lang ?? "en";
  if (!/^[A-Za-z0-9_.-]+$/.test(opts.stack)) throw usageError("render.badStack", { stack: opts.stack });
  const result = await renderStack({ root: resolve(opts.project), stack: opts.stack, out: opts.out, secretsFromEnv: opts.secretsFromEnv });
  io.stdout(`${cliText(lang, "render.wrote", { objects: result.objects.length, files: result.files.length, out: opts.out, list: result.files.join(", ") })}\n`);
  io.stdout(`${cliText(lang, "render.helm", { count: result.releases.length, out: opts.out, list: result.releases.map((r) => `${r.name} ${r.version}`).join(", ") })}\n`);
  for (const f of result.secretFiles) io.stderr(`${cliText(lang, "render.secretFile", { file: `${opts.out}/${f}` })}\n`);
  if (result.secretsNotWritten.length > 0) {
    io.stderr(`${cliText(lang, "render.secretsNotWritten", { count: result.secretsNotWritten.length, list: result.secretsNotWritten.join(", ") })}\n`);
  }
  for (const u of result.unreachable) io.stderr(`${cliText(lang, "render.unreachable", { target: u })}\n`);
  for (const step of result.manualSteps) io.stderr(`${cliText(lang, "render.note", { step: manualStepText(step, lang) })}\n`);
};

/** A manual step (stacks/checks.ts writes them in English) in `lang`: the P2V conversion has its sentence in the catalogue. */
function manualStepText(step: string, lang: Lang): string {
  const m = /^(\S+): physical server (\S+) must be converted into a VM named "(.*)" in the vCenter of (\S+) \(P2V\) before wave (\d+); Forklift migrates VMs only$/.exec(step);
  return m ? cliText(lang, "render.p2v", { system: m[1], server: m[2], vm: m[3], site: m[4], wave: m[5] }) : step;
}
