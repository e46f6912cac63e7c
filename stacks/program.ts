// The Pulumi program: configuration → inventory and plan → checks → components. Every check runs
// (prepareStack, which includes the WAN, KubeVirt, logging and chart checks) before the first
// resource is registered, so bad configuration fails with one ConfigError naming each key and
// leaves nothing half-created. Then the platform services (namespaces, Helm releases), the
// tenancy, backup, WAN and the waves' migrations, registered a batch at a time.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "./config.js";
import { locateInStackFile, parseStackConfig, type StackConfig } from "./config.js";
import { Backup } from "./components/Backup.js";
import { Migration } from "./components/Migration.js";
import { PlatformServices } from "./components/PlatformServices.js";
import { RegistrationBatches } from "./components/register.js";
import { SharedPlatform } from "./components/SharedPlatform.js";
import { Wan } from "./components/Wan.js";
import { buildPlatformServices } from "./builders/platform.js";
import { loadStackInputs, projectPath, type StackInputs } from "./inputs.js";
import { buildStackReleases, prepareStack } from "./stack.js";
import { leanStackTraces } from "./stack-traces.js";

/** Stack outputs. */
export interface ProgramOutputs {
  readonly targetSite: string;
  readonly waveCutoff: number;
  readonly namespaces: pulumi.Output<string[]>;
  readonly backupStorageLocations: pulumi.Output<string[]>;
  readonly backupSchedules: pulumi.Output<string[]>;
  readonly ipAddressPools: pulumi.Output<string[]>;
  readonly bgpPeers: pulumi.Output<string[]>;
  /** Tenant dependencies no NetworkPolicy allows (`from -> target`): configure egressCidrs for them. */
  readonly unreachableDependencies: readonly string[];
  /** Forklift Plans of the waves up to the cutoff. */
  readonly migrationPlans: pulumi.Output<string[]>;
  /** Helm releases of the platform services, in install order. */
  readonly helmReleases: pulumi.Output<string[]>;
  /** What engineers must do by hand before a wave (physical servers to convert into VMs). */
  readonly manualSteps: readonly string[];
}

/** Options of runProgram. */
export interface ProgramOptions {
  /** Project root, against which configured paths resolve [the directory above stacks/ or dist/stacks/]. */
  readonly root?: string;
  /** Inventory and plan to use instead of loading them (tests, benchmark) [loaded from config]. */
  readonly inputs?: StackInputs;
  /** Error.stackTraceLimit while resources are constructed [0; 10 when PULUMI_DEBUG_PROMISE_LEAKS is set, so Pulumi's leak report shows where]. */
  readonly promiseStackFrames?: number;
}

/** The project root when running from stacks/ (tsx) or dist/stacks/ (compiled). */
export function defaultProjectRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith(`dist/stacks`) ? dirname(dirname(here)) : dirname(here);
}

/** The Kubernetes provider's `clusterIdentifier`: `dcplan:clusterIdentifier`, else `dcplan-<stack>`, else none (tests without a stack). */
export function clusterIdentifier(config: StackConfig, source: ConfigSource): string | undefined {
  return config.clusterIdentifier ?? (source.stack === undefined ? undefined : `dcplan-${source.stack}`);
}

/** What runProgram returns: the stack outputs and the components (for tests and the benchmark). */
export interface ProgramResult {
  readonly outputs: ProgramOutputs;
  readonly platform: SharedPlatform;
  readonly backup: Backup;
  readonly wan: Wan;
  readonly migration: Migration;
  readonly services: PlatformServices;
}

/** Runs the program against `source`; configuration errors are located in the stack file when it is known. */
export async function runProgram(source: ConfigSource, options: ProgramOptions = {}): Promise<ProgramResult> {
  try {
    return await run(source, options);
  } catch (err) {
    throw locateInStackFile(err, source.origin);
  }
}

async function run(source: ConfigSource, options: ProgramOptions): Promise<ProgramResult> {
  const root = options.root ?? defaultProjectRoot();
  const config = parseStackConfig(source);
  const inputs = options.inputs ?? (await loadStackInputs(root, config));
  const stack = prepareStack(config, inputs.index, inputs.plan, { file: source.origin, root });
  const releases = buildStackReleases(stack);
  const provider = new k8s.Provider("cluster", {
    kubeconfig: config.kubeconfig === undefined ? undefined : projectPath(root, config.kubeconfig),
    context: config.kubeContext,
    // Without it the provider guesses from the kubeconfig whether the cluster changed, and a guess of
    // "yes" (a renamed context, another kubeconfig file) replaces the provider and with it every
    // namespace and what runs in it. With it, only a change of this value replaces anything.
    clusterIdentifier: clusterIdentifier(config, source),
  });
  // Lean stack traces for the whole registration, which is asynchronous (a batch at a time: the
  // SDK's work on a batch runs between batches); restored at the end (stack-traces.ts).
  const restoreStackTraces = leanStackTraces(options.promiseStackFrames);
  let platform: SharedPlatform, backup: Backup, wan: Wan, migration: Migration, services: PlatformServices;
  try {
    const batches = new RegistrationBatches();
    services = new PlatformServices("services", { objects: buildPlatformServices(stack.platformServices), releases, provider, batches });
    const after = (release: string) => [services.releases.get(release)!];
    platform = new SharedPlatform("platform", { model: stack.platform, tenancy: config.tenancy, volumeMode: config.kubevirt.volumeMode, provider, batches });
    await platform.ready;
    backup = new Backup("backup", { model: stack.backup, credentials: config.backupCredentials, provider, after: after("velero"), batches });
    await backup.ready;
    wan = new Wan("wan", { wan: config.wan, tenants: stack.platform.tenants, passwords: config.bgpPasswords, provider, after: after("metallb"), batches });
    await wan.ready;
    migration = new Migration("migration", { model: stack.migration, credentials: config.vsphereCredentials, namespaces: platform.namespaceResources, provider, batches });
    await migration.ready;
  } finally {
    restoreStackTraces();
  }
  const outputs: ProgramOutputs = {
    targetSite: stack.targetSite,
    waveCutoff: config.waveCutoff,
    namespaces: platform.namespaces,
    backupStorageLocations: backup.storageLocations,
    backupSchedules: backup.schedules,
    ipAddressPools: wan.pools,
    bgpPeers: wan.peers,
    unreachableDependencies: stack.platform.unreachable,
    migrationPlans: migration.plans,
    helmReleases: services.releaseNames,
    manualSteps: stack.manualSteps,
  };
  return { outputs, platform, backup, wan, migration, services };
}
