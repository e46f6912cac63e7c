// One stack from validated configuration, inventory and plan: the cross-checks that need all three
// (sites exist, every site has an object store and credentials, the WAN is sound for the tenants
// deployed, every closing site that VMs leave has a vSphere source and every level they land at a
// storage class, the SOC endpoint has its CA, every chart is pinned to the version its values are
// built for), then the models the builders take. Both the Pulumi program and `dcplan render` go
// through prepareStack, buildStackObjects and buildStackReleases, so they cannot disagree.
import { ConfigError, type Finding } from "../common/errors.js";
import type { InventoryIndex } from "../inventory/model.js";
import type { Plan } from "../planner/plan-schema.js";
import { type BackupModel, backupSecrets, buildBackup } from "./builders/backup.js";
import { buildHelmReleases, type HelmModel, type HelmRelease } from "./builders/helm/releases.js";
import { parseRange } from "./builders/ip.js";
import { buildMigration, type MigrationModel, migrationPlans, migrationSecrets } from "./builders/migration.js";
import type { K8sObject } from "./builders/objects.js";
import { buildPlatformServices, type PlatformServicesModel, SOC_CA_SECRET } from "./builders/platform.js";
import { buildTenancy } from "./builders/tenancy.js";
import { buildWan, checkWan, wanSecrets } from "./builders/wan.js";
import { checkCharts, checkKubeVirt, checkLogging } from "./checks.js";
import { configFinding, type StackConfig } from "./config.js";
import { readSocCa } from "./inputs.js";
import { migrationTypes } from "./migration-type.js";
import { dependencyTarget, type PlatformModel, platformModel } from "./model.js";

/** Everything the builders and components need for one stack. */
export interface PreparedStack {
  readonly config: StackConfig;
  readonly platform: PlatformModel;
  readonly backup: BackupModel;
  /** Forklift objects of the deployed VM tenants (no plans with vmPlatform hypervisor). */
  readonly migration: MigrationModel;
  /** Platform namespaces, the SOC's CA and the logging namespace's policies. */
  readonly platformServices: PlatformServicesModel;
  /** The platform services' Helm releases. */
  readonly helm: HelmModel;
  readonly targetSite: string;
  /** Things an engineer must do by hand before a wave (e.g. convert a physical server into a VM), one sentence each. */
  readonly manualSteps: readonly string[];
}

/** Options of prepareStack. */
export interface PrepareOptions {
  /** Stack file named in findings [none]. */
  readonly file?: string;
  /** Require every secret (S3 credentials of both sites, a password per authenticated BGP peer, vCenter credentials per closing site) [true]; `dcplan render` without secrets turns it off. */
  readonly requireSecrets?: boolean;
  /** Project root, against which `dcplan:logging.soc.caFile` resolves [the working directory]. */
  readonly root?: string;
}

/** Runs the cross-checks and builds the models; throws ConfigError listing every problem. */
export function prepareStack(config: StackConfig, index: InventoryIndex, plan: Plan, options: PrepareOptions = {}): PreparedStack {
  const file = options.file;
  const requireSecrets = options.requireSecrets ?? true;
  const findings: Finding[] = [];
  const f = (key: string, path: (string | number)[], message: string, rule = "invalid-config") => findings.push(configFinding(key, path, message, rule, file));
  // The one file read here: the SOC's CA, which every caller would otherwise have to read first.
  let socCa: string | undefined;
  try {
    socCa = readSocCa(options.root ?? process.cwd(), config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    findings.push(...err.findings.map((x) => ({ ...x, file })));
  }
  const siteIds = [...index.sites.keys()].sort();
  const primary = config.sites.primary ?? plan.targetSite;
  const offsite = config.sites.offsite ?? siteIds.find((s) => s !== primary);
  if (!index.sites.has(primary)) f("sites", ["primary"], `no site "${primary}" in the inventory (sites: ${siteIds.join(", ")})`, "unknown-site");
  if (offsite === undefined) f("sites", ["offsite"], "the inventory has a single site: name an offsite site for the backup copy", "unknown-site");
  else if (!index.sites.has(offsite)) f("sites", ["offsite"], `no site "${offsite}" in the inventory (sites: ${siteIds.join(", ")})`, "unknown-site");
  else if (offsite === primary) f("sites", ["offsite"], `must differ from the primary site "${primary}": an offsite copy on the same site is no offsite copy`, "same-site");
  for (const site of [primary, offsite]) {
    if (site === undefined || !index.sites.has(site)) continue;
    if (!config.backup.locations[site]) f("backup", ["locations", site], `is required: the S3 endpoint, bucket and region of site ${site}`, "missing-config");
    if (requireSecrets && !config.backupCredentials.has(site)) f("backupCredentials", [site], `is required: \`pulumi config set --secret --path 'backupCredentials.${site}.accessKeyId' …\` (and secretAccessKey)`, "missing-secret");
  }
  const planned = new Map(plan.systems.map((s) => [s.id, s]));
  for (const [target, cidrs] of Object.entries(config.tenancy.egressCidrs)) {
    if (!index.externals.has(target) && !index.systems.has(target)) f("tenancy", ["egressCidrs", target], `no external or system "${target}" in the inventory`, "unknown-reference");
    else {
      // Rules follow the plan (dependencyTarget): CIDRs keyed by a system that is merged away or switched off would never be used.
      const reached = dependencyTarget(planned, target);
      if (reached === undefined) f("tenancy", ["egressCidrs", target], `system "${target}" is retired in the plan: no dependency on it gets a rule; remove these CIDRs`, "unused-config");
      else if (reached.id !== target) f("tenancy", ["egressCidrs", target], `system "${target}" is consolidated into "${reached.id}" in the plan, and dependencies on it reach "${reached.id}": key these CIDRs by "${reached.id}"`, "unused-config");
    }
    cidrs.forEach((c, i) => {
      const r = parseRange(c);
      if (typeof r === "string" || !c.includes("/")) f("tenancy", ["egressCidrs", target, i], typeof r === "string" ? r : `"${c}" must be a CIDR`, "invalid-address");
    });
  }
  const platform = platformModel(index, plan, config.waveCutoff, config.tenancy.egressCidrs, config.vmPlatform);
  const passwords = requireSecrets ? new Set(config.bgpPasswords.keys()) : new Set(config.wan.peers.map((p) => p.name));
  findings.push(...checkWan(config.wan, platform.tenants, passwords, file));
  const manualSteps = config.vmPlatform === "kubevirt" ? checkKubeVirt(config, index, plan, requireSecrets, f) : [];
  const soc = checkLogging(config, socCa, f);
  checkCharts(config, f);
  if (findings.length > 0) throw new ConfigError(findings);
  const waveStart = new Map(plan.waves.map((w) => [w.number, w.start]));
  const kv = config.kubevirt;
  const plans = config.vmPlatform === "kubevirt" ? migrationPlans(platform.tenants, migrationTypes(plan), (w) => waveStart.get(w), kv) : [];
  const usedSites = new Set(plans.map((p) => p.sourceSite));
  const namespaces = { velero: config.backup.namespace, metallb: config.wan.namespace, logging: config.logging.namespace };
  const apiServerCidrs = config.logging.apiServerCidrs ?? config.wan.nodeCidrs;
  const platformLevel = platform.tenants.reduce((max, t) => Math.max(max, t.securityLevel), 1);
  return {
    config,
    platform,
    targetSite: plan.targetSite,
    manualSteps,
    backup: {
      namespace: config.backup.namespace,
      provider: config.backup.provider,
      primary: { site: primary, location: config.backup.locations[primary] },
      offsite: { site: offsite!, location: config.backup.locations[offsite!] },
      namespaces: platform.tenants.map((t) => ({ id: t.id, securityLevel: t.securityLevel, workload: t.workload })),
    },
    migration: {
      namespace: kv.namespace,
      sources: Object.fromEntries(Object.entries(kv.sources).filter(([site]) => usedSites.has(site))),
      storageClasses: kv.storageClasses,
      volumeMode: kv.volumeMode,
      nodePoolLabel: config.tenancy.nodePoolLabel,
      securePool: config.tenancy.securePool,
      plans,
    },
    platformServices: {
      namespaces,
      podSecurityVersion: config.tenancy.podSecurityVersion,
      soc: soc!,
      socCidrs: config.logging.soc.cidrs,
      socCa: socCa!,
      apiServerCidrs,
      apiServerPort: config.logging.apiServerPort,
    },
    helm: {
      helm: config.helm,
      namespaces,
      logging: {
        soc: soc!,
        tenants: platform.tenants.map((t) => ({ namespace: t.id, agency: t.owner, securityLevel: t.securityLevel })),
        platformAgency: config.logging.platformAgency,
        platformLevel,
        auditLogPath: config.logging.auditLogPath,
        caSecret: SOC_CA_SECRET,
      },
    },
  };
}

/** The objects of one stack, by component. Secrets holding credentials are separate: they hold plaintext. */
export interface StackObjects {
  readonly platform: K8sObject[];
  readonly backup: K8sObject[];
  readonly wan: K8sObject[];
  /** Forklift objects, instancetypes and the migration pods' policies. */
  readonly migration: K8sObject[];
  /** Platform namespaces, the SOC's CA (public) and the logging namespace's policies. */
  readonly services: K8sObject[];
}

/** Builds every object of the stack except the credential Secrets; what `dcplan render` writes and `dcplan check --stack` checks. */
export function buildStackObjects(stack: PreparedStack): StackObjects {
  return {
    platform: buildTenancy(stack.platform, stack.config.tenancy, stack.config.kubevirt.volumeMode),
    backup: buildBackup(stack.backup),
    wan: buildWan(stack.config.wan),
    migration: buildMigration(stack.migration),
    services: buildPlatformServices(stack.platformServices),
  };
}

/** The platform services' Helm releases, in install order. */
export function buildStackReleases(stack: PreparedStack): HelmRelease[] {
  return buildHelmReleases(stack.helm);
}

/** The credential Secrets (plaintext revealed): Velero credentials, BGP passwords, vCenter credentials. */
export function buildStackSecrets(stack: PreparedStack): { backup: K8sObject[]; wan: K8sObject[]; migration: K8sObject[] } {
  const creds = new Map([...stack.config.backupCredentials].map(([site, v]) => [site, v.reveal()]));
  const passwords = new Map([...stack.config.bgpPasswords].map(([peer, v]) => [peer, v.reveal()]));
  const vsphere = new Map([...stack.config.vsphereCredentials].map(([site, v]) => [site, v.reveal()]));
  return { backup: backupSecrets(stack.backup, creds), wan: wanSecrets(stack.config.wan, passwords), migration: migrationSecrets(stack.migration, vsphere) };
}
