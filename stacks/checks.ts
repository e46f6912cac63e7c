// The cross-checks of the configuration that lands VMs on KubeVirt, ships logs to the SOC and
// installs the platform charts: each problem reported through `report`, naming its key, so that
// prepareStack fails on all of them at once before anything is built.
import { basename } from "node:path";
import type { InventoryIndex } from "../inventory/model.js";
import type { Plan } from "../planner/plan-schema.js";
import { type ChartKey, CHARTS, isPinnedVersion } from "./builders/helm/charts.js";
import { parseSocEndpoint, type SocEndpoint } from "./builders/helm/fluent-bit-values.js";
import { parseRange } from "./builders/ip.js";
import type { StackConfig } from "./config.js";
import { rehostedVms } from "./rehosted-vms.js";

/** Reports one problem of config key `key` at `path` (rule: invalid-config unless given). */
export type Report = (key: string, path: (string | number)[], message: string, rule?: string) => void;

/**
 * With VMs on KubeVirt: every site a rehosted VM of the plan leaves (the closing sites, and the
 * target site when stand-alone servers there are folded in) needs its vSphere
 * (`kubevirt.sources`) and, when secrets are required, its vCenter credentials; every security
 * level a rehosted system lands at needs a storage class. Checked over the whole plan, not only
 * the waves deployed, so raising the cutoff cannot fail on a missing key later. Returns the manual
 * steps (physical servers to convert into VMs first).
 */
export function checkKubeVirt(config: StackConfig, index: InventoryIndex, plan: Plan, requireSecrets: boolean, f: Report): string[] {
  const kv = config.kubevirt;
  const vms = rehostedVms(index, plan);
  const systems = new Map(plan.systems.map((s) => [s.id, s]));
  const sites = new Set<string>();
  const levels = new Map<number, string>();
  const steps: string[] = [];
  for (const [system, list] of [...vms].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const level = systems.get(system)!.securityLevel;
    if (!levels.has(level)) levels.set(level, system);
    for (const vm of list) {
      sites.add(vm.sourceSite);
      if (vm.kind === "physical") {
        steps.push(`${system}: physical server ${vm.server} must be converted into a VM named "${vm.vmName}" in the vCenter of ${vm.sourceSite} (P2V) before wave ${systems.get(system)!.wave}; Forklift migrates VMs only`);
      }
    }
  }
  for (const site of [...sites].sort()) {
    if (!kv.sources[site]) f("kubevirt", ["sources", site], `is required: VMs of rehosted systems leave the vSphere of site ${site}; give its vCenter url, cidrs, datastores and networks`, "missing-config");
    if (requireSecrets && !config.vsphereCredentials.has(site)) {
      f("vsphereCredentials", [site], `is required: \`pulumi config set --secret --path 'vsphereCredentials.${site}.user' …\` (and password)`, "missing-secret");
    }
  }
  for (const [level, system] of [...levels].sort((a, b) => a[0] - b[0])) {
    if (kv.storageClasses[String(level) as keyof typeof kv.storageClasses] === undefined) {
      f("kubevirt", ["storageClasses", String(level)], `is required: rehosted system ${system} is at security level ${level}; name the storage class its VM disks go to`, "missing-config");
    }
  }
  for (const [site, source] of Object.entries(kv.sources)) {
    if (!index.sites.has(site)) f("kubevirt", ["sources", site], `no site "${site}" in the inventory (sites: ${[...index.sites.keys()].sort().join(", ")})`, "unknown-site");
    source.cidrs.forEach((c, i) => {
      const r = parseRange(c);
      if (typeof r === "string" || !c.includes("/")) f("kubevirt", ["sources", site, "cidrs", i], typeof r === "string" ? r : `"${c}" must be a CIDR`, "invalid-address");
    });
  }
  return steps;
}

/** The SOC endpoint (parsed) and its CA (PEM text, undefined when the file could not be read: reported already); each problem names its key. */
export function checkLogging(config: StackConfig, socCa: string | undefined, f: Report): SocEndpoint | undefined {
  const lg = config.logging;
  const soc = parseSocEndpoint(lg.soc.endpoint);
  if (typeof soc === "string") f("logging", ["soc", "endpoint"], soc);
  if (lg.soc.caFile === undefined) f("logging", ["soc", "caFile"], "is required: the PEM file of the CA that signed the SOC's certificate (logs are sent only over verified TLS)", "missing-config");
  // socCa is undefined here only when the file could not be read, which is reported already.
  else if (socCa !== undefined && !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(socCa)) {
    f("logging", ["soc", "caFile"], `"${lg.soc.caFile}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  const cidrs = (list: readonly string[], path: (string | number)[]) =>
    list.forEach((c, i) => {
      const r = parseRange(c);
      if (typeof r === "string" || !c.includes("/")) f("logging", [...path, i], typeof r === "string" ? r : `"${c}" must be a CIDR`, "invalid-address");
    });
  cidrs(lg.soc.cidrs, ["soc", "cidrs"]);
  if (lg.apiServerCidrs !== undefined) cidrs(lg.apiServerCidrs, ["apiServerCidrs"]);
  else if (config.wan.nodeCidrs.length === 0) f("logging", ["apiServerCidrs"], "is required when dcplan:wan has no nodeCidrs to default to: the API server addresses the events collector reads from", "missing-config");
  return typeof soc === "string" ? undefined : soc;
}

/** Every chart pinned to exactly the version dcplan's values are built for, from one source. */
export function checkCharts(config: StackConfig, f: Report): void {
  for (const key of Object.keys(CHARTS) as ChartKey[]) {
    const c = config.helm.charts[key];
    const want = CHARTS[key].version;
    if (c.version !== undefined) {
      if (!isPinnedVersion(c.version)) f("helm", ["charts", key, "version"], `"${c.version}" is not pinned: give the exact chart version (${want}), never a range, a wildcard or latest`, "unpinned-chart");
      else if (c.version !== want) f("helm", ["charts", key, "version"], `dcplan builds and validates the ${CHARTS[key].chart} values for chart ${want} (stacks/charts/${CHARTS[key].dir}); to move to ${c.version}, vendor that chart's values and schema first`, "unsupported-chart");
    }
    if (c.archive !== undefined && c.repository !== undefined) f("helm", ["charts", key], "give either archive (air-gapped) or repository, not both", "invalid-config");
    if (c.archive !== undefined) {
      const m = /-(\d+\.\d+\.\d+[^/]*?)\.tgz$/.exec(basename(c.archive));
      if (m === null) f("helm", ["charts", key, "archive"], `"${c.archive}" must be a chart archive named <chart>-<version>.tgz (what \`helm pull\` writes)`);
      else if (m[1] !== (c.version ?? want)) f("helm", ["charts", key, "archive"], `"${c.archive}" holds chart version ${m[1]}, not the pinned ${c.version ?? want}`, "unpinned-chart");
    }
  }
}

