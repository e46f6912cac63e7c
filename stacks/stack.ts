// One stack from validated configuration, inventory and plan: the cross-checks that need all three
// (sites exist, every site has an object store and credentials, the WAN is sound for the tenants
// deployed), then the models the builders take. Both the Pulumi program and `dcplan render` go
// through prepareStack and buildStackObjects, so they cannot disagree.
import { ConfigError, type Finding } from "../common/errors.js";
import type { InventoryIndex } from "../inventory/model.js";
import type { Plan } from "../planner/plan-schema.js";
import { type BackupModel, backupSecrets, buildBackup } from "./builders/backup.js";
import { parseRange } from "./builders/ip.js";
import type { K8sObject } from "./builders/objects.js";
import { buildTenancy } from "./builders/tenancy.js";
import { buildWan, checkWan, wanSecrets } from "./builders/wan.js";
import { configFinding, type StackConfig } from "./config.js";
import { dependencyTarget, type PlatformModel, platformModel } from "./model.js";

/** Everything the builders and components need for one stack. */
export interface PreparedStack {
  readonly config: StackConfig;
  readonly platform: PlatformModel;
  readonly backup: BackupModel;
  readonly targetSite: string;
}

/** Options of prepareStack. */
export interface PrepareOptions {
  /** Stack file named in findings [none]. */
  readonly file?: string;
  /** Require every secret (S3 credentials of both sites, a password per authenticated BGP peer) [true]; `dcplan render` without secrets turns it off. */
  readonly requireSecrets?: boolean;
}

/** Runs the cross-checks and builds the models; throws ConfigError listing every problem. */
export function prepareStack(config: StackConfig, index: InventoryIndex, plan: Plan, options: PrepareOptions = {}): PreparedStack {
  const file = options.file;
  const requireSecrets = options.requireSecrets ?? true;
  const findings: Finding[] = [];
  const f = (key: string, path: (string | number)[], message: string, rule = "invalid-config") => findings.push(configFinding(key, path, message, rule, file));
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
  const platform = platformModel(index, plan, config.waveCutoff, config.tenancy.egressCidrs);
  const passwords = requireSecrets ? new Set(config.bgpPasswords.keys()) : new Set(config.wan.peers.map((p) => p.name));
  findings.push(...checkWan(config.wan, platform.tenants, passwords, file));
  if (findings.length > 0) throw new ConfigError(findings);
  return {
    config,
    platform,
    targetSite: plan.targetSite,
    backup: {
      namespace: config.backup.namespace,
      provider: config.backup.provider,
      primary: { site: primary, location: config.backup.locations[primary] },
      offsite: { site: offsite!, location: config.backup.locations[offsite!] },
      namespaces: platform.tenants.map((t) => ({ id: t.id, securityLevel: t.securityLevel })),
    },
  };
}

/** The objects of one stack, by component. Secrets are separate: they hold plaintext. */
export interface StackObjects {
  readonly platform: K8sObject[];
  readonly backup: K8sObject[];
  readonly wan: K8sObject[];
}

/** Builds every non-secret object of the stack. */
export function buildStackObjects(stack: PreparedStack): StackObjects {
  return {
    platform: buildTenancy(stack.platform, stack.config.tenancy),
    backup: buildBackup(stack.backup),
    wan: buildWan(stack.config.wan),
  };
}

/** The Secret objects (plaintext revealed): Velero credentials and BGP passwords. */
export function buildStackSecrets(stack: PreparedStack): { backup: K8sObject[]; wan: K8sObject[] } {
  const creds = new Map([...stack.config.backupCredentials].map(([site, v]) => [site, v.reveal()]));
  const passwords = new Map([...stack.config.bgpPasswords].map(([peer, v]) => [peer, v.reveal()]));
  return { backup: backupSecrets(stack.backup, creds), wan: wanSecrets(stack.config.wan, passwords) };
}
