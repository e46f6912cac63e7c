// `dcplan render`: the same objects the Pulumi program registers, as YAML manifests for
// `kubectl apply -f DIR` on an air-gapped cluster, without the Pulumi CLI. Reads `Pulumi.yaml`
// (defaults of the `config:` section) and `stacks/Pulumi.<stack>.yaml`, runs prepareStack and the
// builders, validates every object offline, and groups the objects into numbered files so that
// `kubectl apply -f DIR` (which applies files in name order) creates what others depend on first.
//
// Secrets: a stack file holds secrets only as Pulumi ciphertext (`secure: v1:…`), which cannot be
// decrypted without the Pulumi CLI and its key. So Secret manifests are written only when the
// operator passes the values in environment variables (SECRET_ENV) and asks for them; otherwise
// the manifests reference the Secrets by name and the command says which ones to create.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { ConfigError, type Finding } from "../common/errors.js";
import { writeFileAtomic } from "../common/io.js";
import { credentialsSecretName } from "./builders/backup.js";
import type { K8sObject } from "./builders/objects.js";
import { bgpSecretName } from "./builders/wan.js";
import { CONFIG_KEYS, CONFIG_NAMESPACE, type ConfigSource, configFinding, ignoredProviderConfig, locateInStackFile, parseStackConfig } from "./config.js";
import { loadStackInputs, type StackInputs } from "./inputs.js";
import { buildStackObjects, buildStackSecrets, prepareStack } from "./stack.js";
import { assertValidObjects } from "./validate/index.js";

/** Environment variables holding secret config values as JSON, by config key. */
export const SECRET_ENV: Readonly<Record<string, string>> = {
  backupCredentials: "DCPLAN_BACKUP_CREDENTIALS",
  bgpPasswords: "DCPLAN_BGP_PASSWORDS",
};

/** Output files in apply order, and the kinds each holds. */
export const MANIFEST_FILES: readonly { readonly file: string; readonly kinds: readonly string[] }[] = [
  { file: "00-priorityclasses.yaml", kinds: ["PriorityClass"] },
  { file: "10-namespaces.yaml", kinds: ["Namespace"] },
  { file: "20-rbac.yaml", kinds: ["Role", "RoleBinding"] },
  { file: "30-quotas.yaml", kinds: ["LimitRange", "ResourceQuota"] },
  { file: "40-networkpolicies.yaml", kinds: ["NetworkPolicy"] },
  { file: "50-secrets.yaml", kinds: ["Secret"] },
  { file: "60-velero.yaml", kinds: ["BackupStorageLocation", "Schedule"] },
  { file: "70-metallb.yaml", kinds: ["IPAddressPool", "BGPPeer", "BGPAdvertisement", "L2Advertisement"] },
];

/** Reads `Pulumi.yaml` defaults and `stacks/Pulumi.<stack>.yaml` values into a ConfigSource; secrets from SECRET_ENV. */
export function stackFileConfigSource(root: string, stack: string, env: Readonly<Record<string, string | undefined>>): ConfigSource {
  const projectFile = join(root, "Pulumi.yaml");
  const project = readYaml(projectFile) as { config?: Record<string, { default?: unknown; value?: unknown }> } | undefined;
  const stackDir = (project as { stackConfigDir?: string } | undefined)?.stackConfigDir ?? ".";
  const stackFile = join(root, stackDir, `Pulumi.${stack}.yaml`);
  if (!existsSync(stackFile)) {
    throw new ConfigError([{ severity: "error", rule: "missing-stack", file: stackFile, message: `no stack file for stack "${stack}"` }]);
  }
  const values: Record<string, unknown> = {};
  for (const [key, decl] of Object.entries(project?.config ?? {})) {
    const k = key.startsWith(`${CONFIG_NAMESPACE}:`) ? key.slice(CONFIG_NAMESPACE.length + 1) : key;
    if (decl && typeof decl === "object" && "default" in decl) values[k] = decl.default;
    else if (decl && typeof decl === "object" && "value" in decl) values[k] = decl.value;
  }
  const stackValues = ((readYaml(stackFile) as { config?: Record<string, unknown> } | undefined)?.config ?? {}) as Record<string, unknown>;
  // Same check as the Pulumi program, so `dcplan render` (and npm start) catches it before `pulumi up`.
  const findings: Finding[] = ignoredProviderConfig((k) => stackValues[`kubernetes:${k}`]).map((f) => ({ ...f, file: stackFile }));
  for (const [key, value] of Object.entries(stackValues)) {
    if (!key.startsWith(`${CONFIG_NAMESPACE}:`)) continue; // other namespaces (kubernetes:…) are Pulumi's
    const k = key.slice(CONFIG_NAMESPACE.length + 1);
    if (!CONFIG_KEYS.some((c) => c.key === k)) {
      findings.push({ severity: "error", rule: "unknown-config", file: stackFile, entity: key, message: `unknown configuration key (known: ${CONFIG_KEYS.map((c) => c.key).join(", ")})` });
    }
    values[k] = value;
  }
  const secrets: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(SECRET_ENV)) {
    const text = env[variable];
    if (text === undefined || text === "") continue;
    try {
      secrets[key] = JSON.parse(text);
    } catch {
      findings.push(configFinding(key, [], `environment variable ${variable} is not valid JSON`, "invalid-config"));
    }
  }
  return { value: (k) => values[k], secret: (k) => secrets[k], origin: stackFile, findings, stack };
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ConfigError([{ severity: "error", rule: "unreadable", file, message: "cannot read the file" }]);
  }
  try {
    return parse(text);
  } catch (err) {
    throw new ConfigError([{ severity: "error", rule: "invalid-yaml", file, message: `not valid YAML: ${(err as Error).message.split("\n")[0]}` }]);
  }
}

/** Groups objects into the manifest files; objects keep their order inside a file. */
export function manifestFiles(objects: readonly K8sObject[], header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { file, kinds } of MANIFEST_FILES) {
    const docs = objects.filter((o) => kinds.includes(o.kind));
    if (docs.length === 0) continue;
    out.set(file, `${header}${docs.map((d) => stringify(d, { lineWidth: 0 })).join("---\n")}`);
  }
  const known = new Set(MANIFEST_FILES.flatMap((f) => f.kinds));
  const stray = objects.filter((o) => !known.has(o.kind));
  if (stray.length > 0) throw new Error(`no manifest file for kind ${stray[0].kind}`);
  return out;
}

/** Result of a render. */
export interface RenderResult {
  /** Files written (names inside the output directory), in apply order. */
  readonly files: string[];
  /** Objects written, in file order. */
  readonly objects: K8sObject[];
  /** Secrets the cluster needs that were not written (namespace/name), when secrets were not requested. */
  readonly secretsNotWritten: string[];
  /** Dependencies of tenants no NetworkPolicy allows (target off the platform, no CIDR configured). */
  readonly unreachable: readonly string[];
}

/** Options of renderStack. */
export interface RenderOptions {
  /** Project root: the directory of Pulumi.yaml. */
  readonly root: string;
  /** Stack name (`dev`, `staging`, `prod`). */
  readonly stack: string;
  /** Output directory. */
  readonly out: string;
  /** Write Secret manifests from SECRET_ENV (an error if a value is missing) [false]. */
  readonly secretsFromEnv?: boolean;
  /** Environment to read SECRET_ENV from [process.env]. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Inventory and plan to use instead of loading them from the configured paths (tests) [loaded]. */
  readonly inputs?: StackInputs;
}

/** Renders one stack into `out`; every file is written atomically and files of a previous render that no longer apply are removed. */
export async function renderStack(options: RenderOptions): Promise<RenderResult> {
  const source = stackFileConfigSource(options.root, options.stack, options.env ?? process.env);
  try {
    return await renderFrom(source, options);
  } catch (err) {
    throw locateInStackFile(err, source.origin);
  }
}

async function renderFrom(source: ConfigSource, options: RenderOptions): Promise<RenderResult> {
  const config = parseStackConfig(source);
  const inputs = options.inputs ?? (await loadStackInputs(options.root, config));
  const secretsFromEnv = options.secretsFromEnv ?? false;
  if (secretsFromEnv) {
    const missing = Object.entries(SECRET_ENV).filter(([, v]) => !(options.env ?? process.env)[v]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map(([key, v]) => configFinding(key, [], `--secrets-from-env needs environment variable ${v} (JSON, same shape as the secret config value)`, "missing-secret")));
    }
  }
  const stack = prepareStack(config, inputs.index, inputs.plan, { file: source.origin, requireSecrets: secretsFromEnv });
  const built = buildStackObjects(stack);
  const secrets = buildStackSecretsOrNames(stack, secretsFromEnv);
  const objects = [...built.platform, ...secrets.objects, ...built.backup, ...built.wan];
  assertValidObjects(objects);
  const header = `# Generated by \`dcplan render --stack ${options.stack}\` from the inventory and plan: do not edit; apply with \`kubectl apply -f <dir>\`.\n`;
  const files = manifestFiles(objects, header);
  for (const [name, text] of files) writeFileAtomic(join(options.out, name), text);
  for (const { file } of MANIFEST_FILES) if (!files.has(file)) rmSync(join(options.out, file), { force: true });
  const order = MANIFEST_FILES.flatMap((f) => objects.filter((o) => f.kinds.includes(o.kind)));
  return { files: [...files.keys()], objects: order, secretsNotWritten: secrets.names, unreachable: stack.platform.unreachable };
}

function buildStackSecretsOrNames(stack: ReturnType<typeof prepareStack>, reveal: boolean): { objects: K8sObject[]; names: string[] } {
  if (reveal) {
    const s = buildStackSecrets(stack);
    return { objects: [...s.backup, ...s.wan], names: [] };
  }
  const names = [
    ...[stack.backup.primary.site, stack.backup.offsite.site].map((site) => `${stack.backup.namespace}/${credentialsSecretName(site)}`),
    ...stack.config.wan.peers.filter((p) => p.authenticated).map((p) => `${stack.config.wan.namespace}/${bgpSecretName(p.name)}`),
  ];
  return { objects: [], names: names.sort() };
}
