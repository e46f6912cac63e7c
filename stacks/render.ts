// `dcplan render`: the same objects the Pulumi program registers, as YAML manifests for
// `kubectl apply -f DIR` on an air-gapped cluster, without the Pulumi CLI, and the platform
// services' Helm values with the ordered `helm upgrade --install` commands in DIR/helm/. Reads
// `Pulumi.yaml` (defaults of the `config:` section) and `stacks/Pulumi.<stack>.yaml`, runs
// prepareStack and the builders, validates every object and every release's values offline, and
// groups the objects into numbered files so that `kubectl apply -f DIR` (which applies files in
// name order, and not the helm/ subdirectory) creates what others depend on first.
//
// Secrets: a stack file holds secrets only as Pulumi ciphertext (`secure: v1:…`), which cannot be
// decrypted without the Pulumi CLI and its key. So credential Secrets are written only when the
// operator passes the values in environment variables (SECRET_ENV) and asks for them, to a file of
// mode 0600 (with a warning); otherwise the manifests reference the Secrets by name and the
// command says which ones to create. The SOC's CA is public: its Secret is always written.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ConfigError, type Finding } from "../common/errors.js";
import { writeFileAtomic } from "../common/io.js";
import { credentialsSecretName } from "./builders/backup.js";
import { installScript, type HelmRelease, valuesFileName, valuesFileText } from "./builders/helm/releases.js";
import { vsphereSecretName } from "./builders/migration.js";
import type { K8sObject } from "./builders/objects.js";
import { SOC_CA_SECRET } from "./builders/platform.js";
import { bgpSecretName } from "./builders/wan.js";
import { yamlText } from "./builders/yaml-text.js";
import { CONFIG_KEYS, CONFIG_NAMESPACE, type ConfigSource, configFinding, ignoredProviderConfig, locateInStackFile, parseStackConfig, type StackConfig } from "./config.js";
import { loadStackInputs, type StackInputs } from "./inputs.js";
import { buildStackObjects, buildStackReleases, buildStackSecrets, type PreparedStack, prepareStack } from "./stack.js";
import { assertValidObjects, assertValidReleases } from "./validate/index.js";

/** Environment variables holding secret config values as JSON, by config key. */
export const SECRET_ENV: Readonly<Record<string, string>> = {
  backupCredentials: "DCPLAN_BACKUP_CREDENTIALS",
  bgpPasswords: "DCPLAN_BGP_PASSWORDS",
  vsphereCredentials: "DCPLAN_VSPHERE_CREDENTIALS",
};

/** True for the SOC's CA Secret (public: written with the manifests, not with the credentials). */
function isSocCa(o: K8sObject): boolean {
  return o.kind === "Secret" && o.metadata.name === SOC_CA_SECRET;
}

/** One output file: the kinds it holds (optionally only the objects `select` accepts), in apply order; `order` sorts its objects by kind [builder order]. */
export interface ManifestFile {
  readonly file: string;
  readonly kinds: readonly string[];
  readonly select?: (o: K8sObject) => boolean;
  readonly order?: readonly string[];
  /** Holds credentials in plaintext: written with mode 0600. */
  readonly secret?: boolean;
}

/** Output files in apply order, and the kinds each holds. */
export const MANIFEST_FILES: readonly ManifestFile[] = [
  { file: "00-priorityclasses.yaml", kinds: ["PriorityClass"] },
  { file: "10-namespaces.yaml", kinds: ["Namespace"] },
  { file: "20-rbac.yaml", kinds: ["Role", "RoleBinding"] },
  { file: "30-quotas.yaml", kinds: ["LimitRange", "ResourceQuota"] },
  { file: "35-instancetypes.yaml", kinds: ["VirtualMachineInstancetype"] },
  { file: "40-networkpolicies.yaml", kinds: ["NetworkPolicy"] },
  { file: "50-secrets.yaml", kinds: ["Secret"], select: (o) => !isSocCa(o), secret: true },
  { file: "55-soc-ca.yaml", kinds: ["Secret"], select: isSocCa },
  { file: "60-velero.yaml", kinds: ["BackupStorageLocation", "Schedule"] },
  { file: "70-metallb.yaml", kinds: ["IPAddressPool", "BGPPeer", "BGPAdvertisement", "L2Advertisement"] },
  // Plans before their Migrations: creating a Migration starts it.
  { file: "80-forklift.yaml", kinds: ["Provider", "NetworkMap", "StorageMap", "Plan", "Migration"], order: ["Provider", "NetworkMap", "StorageMap", "Plan", "Migration"] },
];

/** Directory (inside the output directory) of the Helm values files and the install script; `kubectl apply -f DIR` does not descend into it. */
export const HELM_DIR = "helm";

/** The install script's file name in HELM_DIR. */
export const INSTALL_SCRIPT = "install.sh";

/** Mode of files holding credentials. */
export const SECRET_FILE_MODE = 0o600;

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

/** The manifest file an object goes to. */
function fileOf(o: K8sObject): ManifestFile {
  const f = MANIFEST_FILES.find((m) => m.kinds.includes(o.kind) && (m.select === undefined || m.select(o)));
  if (f === undefined) throw new Error(`no manifest file for kind ${o.kind}`);
  return f;
}

/** The objects of each manifest file, in apply order (builder order inside a file, unless the file orders its kinds). */
export function objectsByFile(objects: readonly K8sObject[]): Map<ManifestFile, K8sObject[]> {
  const out = new Map<ManifestFile, K8sObject[]>();
  for (const o of objects) {
    const f = fileOf(o);
    const list = out.get(f) ?? [];
    list.push(o);
    out.set(f, list);
  }
  for (const [f, list] of out) if (f.order) list.sort((a, b) => f.order!.indexOf(a.kind) - f.order!.indexOf(b.kind));
  return new Map(MANIFEST_FILES.filter((f) => out.has(f)).map((f) => [f, out.get(f)!]));
}

/** Groups objects into the manifest files (name → text), in apply order. */
export function manifestFiles(objects: readonly K8sObject[], header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [f, docs] of objectsByFile(objects)) out.set(f.file, `${header}${docs.map(yamlText).join("---\n")}`);
  return out;
}

/** Result of a render. */
export interface RenderResult {
  /** Manifest files written (names inside the output directory), in apply order. */
  readonly files: string[];
  /** Objects written, in file order. */
  readonly objects: K8sObject[];
  /** Helm releases whose values and commands were written to HELM_DIR, in install order. */
  readonly releases: HelmRelease[];
  /** Files written with mode 0600 because they hold credentials (names inside the output directory). */
  readonly secretFiles: string[];
  /** Secrets the cluster needs that were not written (namespace/name), when secrets were not requested. */
  readonly secretsNotWritten: string[];
  /** Dependencies of tenants no NetworkPolicy allows (target off the platform, no CIDR configured). */
  readonly unreachable: readonly string[];
  /** What engineers must do by hand before a wave. */
  readonly manualSteps: readonly string[];
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

/** The secret config keys a stack needs: S3 credentials always, BGP passwords for authenticated peers, vCenter credentials with VMs on KubeVirt. */
function neededSecretKeys(config: StackConfig): string[] {
  const keys = ["backupCredentials"];
  if (config.wan.peers.some((p) => p.authenticated)) keys.push("bgpPasswords");
  if (config.vmPlatform === "kubevirt") keys.push("vsphereCredentials");
  return keys;
}

/** The prepared stack, its objects (credential Secrets only when `secretsFromEnv`) and releases, validated; what render writes and what `dcplan check --stack` checks. */
export async function renderedStack(
  source: ConfigSource,
  options: Pick<RenderOptions, "root" | "secretsFromEnv" | "env" | "inputs">,
): Promise<{ stack: PreparedStack; objects: K8sObject[]; releases: HelmRelease[]; secretsNotWritten: string[] }> {
  const config = parseStackConfig(source);
  const inputs = options.inputs ?? (await loadStackInputs(options.root, config));
  const secretsFromEnv = options.secretsFromEnv ?? false;
  if (secretsFromEnv) {
    const env = options.env ?? process.env;
    const missing = neededSecretKeys(config).filter((key) => !env[SECRET_ENV[key]]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((key) => configFinding(key, [], `--secrets-from-env needs environment variable ${SECRET_ENV[key]} (JSON, same shape as the secret config value)`, "missing-secret")));
    }
  }
  const stack = prepareStack(config, inputs.index, inputs.plan, { file: source.origin, requireSecrets: secretsFromEnv, root: options.root });
  const built = buildStackObjects(stack);
  const secrets = buildStackSecretsOrNames(stack, secretsFromEnv);
  const objects = [...built.platform, ...built.services, ...secrets.objects, ...built.backup, ...built.wan, ...built.migration];
  assertValidObjects(objects);
  const releases = buildStackReleases(stack);
  assertValidReleases(releases);
  return { stack, objects, releases, secretsNotWritten: secrets.names };
}

async function renderFrom(source: ConfigSource, options: RenderOptions): Promise<RenderResult> {
  const { stack, objects, releases, secretsNotWritten } = await renderedStack(source, options);
  const header = `# Generated by \`dcplan render --stack ${options.stack}\` from the inventory and plan: do not edit; apply with \`kubectl apply -f <dir>\`.\n`;
  const byFile = objectsByFile(objects);
  const files = manifestFiles(objects, header);
  const secretFiles: string[] = [];
  for (const [f] of byFile) {
    const path = join(options.out, f.file);
    if (f.secret) {
      writeFileAtomic(path, files.get(f.file)!, { mode: SECRET_FILE_MODE });
      secretFiles.push(f.file);
    } else writeFileAtomic(path, files.get(f.file)!);
  }
  for (const { file } of MANIFEST_FILES) if (!files.has(file)) rmSync(join(options.out, file), { force: true });
  writeHelm(join(options.out, HELM_DIR), releases, options.stack, [...byFile.keys()].filter((f) => f.file === "10-namespaces.yaml" || f.file === "55-soc-ca.yaml").map((f) => f.file));
  return {
    files: [...files.keys()],
    objects: [...byFile.values()].flat(),
    releases,
    secretFiles,
    secretsNotWritten,
    unreachable: stack.platform.unreachable,
    manualSteps: stack.manualSteps,
  };
}

/** Writes each release's values file and the install script into `dir`, removing values files of releases that no longer exist. */
function writeHelm(dir: string, releases: readonly HelmRelease[], stack: string, firstManifests: readonly string[]): void {
  const header = `# Generated by \`dcplan render --stack ${stack}\`: do not edit; installed by ${INSTALL_SCRIPT} (or by \`pulumi up\`, with the same values).\n`;
  const wanted = new Set([INSTALL_SCRIPT, ...releases.map(valuesFileName)]);
  for (const r of releases) writeFileAtomic(join(dir, valuesFileName(r)), valuesFileText(r, header));
  const script = join(dir, INSTALL_SCRIPT);
  writeFileAtomic(script, installScript(releases, header, firstManifests), { mode: 0o755 });
  chmodSync(script, 0o755);
  for (const f of readdirSync(dir)) if (f.endsWith(".values.yaml") && !wanted.has(f)) rmSync(join(dir, f), { force: true });
}

function buildStackSecretsOrNames(stack: PreparedStack, reveal: boolean): { objects: K8sObject[]; names: string[] } {
  if (reveal) {
    const s = buildStackSecrets(stack);
    return { objects: [...s.backup, ...s.wan, ...s.migration], names: [] };
  }
  const names = [
    ...[stack.backup.primary.site, stack.backup.offsite.site].map((site) => `${stack.backup.namespace}/${credentialsSecretName(site)}`),
    ...stack.config.wan.peers.filter((p) => p.authenticated).map((p) => `${stack.config.wan.namespace}/${bgpSecretName(p.name)}`),
    ...[...new Set(stack.migration.plans.map((p) => p.sourceSite))].map((site) => `${stack.migration.namespace}/${vsphereSecretName(site)}`),
  ];
  return { objects: [], names: names.sort() };
}
