// The site that survives the merger. Taken from the profile when given; otherwise every data-centre
// site that hosts servers is scored and the best one proposed, with the score's parts as reasons.
//
// Score (0–100, higher is better), each part normalised across the candidate sites:
//   30 × free compute (cores × overcommit − vCPUs allocated to its VMs) / best site's
//   20 × share of its physical capacity still in vendor support on the deadline
//   15 × (lowest PUE / its PUE)                       (unknown PUE counts as 2.0)
//   15 × its TSLCD uplink / best uplink               (unknown counts as 0)
//   20 × weight of critical systems already there / best site's, where a system weighs its
//        security level × (1 + log10(1 + users)): moving the critical ones is the risk to avoid.
// Ties go to the site id first in alphabetical order.
import type { InventoryIndex } from "../inventory/model.js";
import { denseIndex } from "./dense.js";
import { MessageLog, MSG } from "./messages.js";

/** Chosen site and why. */
export interface TargetSiteChoice {
  readonly site: string;
  readonly reasons: string[];
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Picks the target site: the profile's, or the best-scoring data-centre site (see file header). */
export function chooseTargetSite(index: InventoryIndex, given: string | undefined, deadline: string, cpuOvercommit: number, log: MessageLog = new MessageLog()): TargetSiteChoice {
  if (given !== undefined) return { site: given, reasons: [log.say(MSG.targetGiven({ target: given }))] };
  const withServers = new Set(index.inventory.servers.map((s) => s.site));
  let candidates = [...index.sites.values()].filter((s) => withServers.has(s.id) && s.kind === "datacenter");
  if (candidates.length === 0) candidates = [...index.sites.values()].filter((s) => withServers.has(s.id));
  if (candidates.length === 0) candidates = [...index.sites.values()];
  candidates.sort((a, b) => (a.id < b.id ? -1 : 1));
  const stats = new Map(candidates.map((s) => [s.id, { cores: 0, vcpuUsed: 0, supported: 0, physical: 0, critical: 0 }]));
  for (const srv of index.inventory.servers) {
    const st = stats.get(srv.site);
    if (!st) continue;
    if (srv.kind === "physical") {
      const c = srv.cpuCores ?? 0;
      st.cores += c;
      st.physical += c;
      if (srv.supportEnds !== undefined && srv.supportEnds >= deadline) st.supported += c;
    } else if (srv.kind === "virtual") {
      st.vcpuUsed += srv.cpuCores ?? 0;
    }
  }
  // Each system's site from the inventory by position (dense.ts; the planner's stages use it next),
  // systems in inventory order as ever (the sum below is of floating-point terms).
  const dense = denseIndex(index);
  for (const sys of index.inventory.systems) {
    const site = dense.siteOf[dense.systemAt.get(sys.id)!];
    const st = site ? stats.get(site) : undefined;
    if (st) st.critical += sys.securityLevel * (1 + Math.log10(1 + (sys.users ?? 0)));
  }
  const free = (id: string): number => Math.max(0, stats.get(id)!.cores * cpuOvercommit - stats.get(id)!.vcpuUsed);
  const maxFree = Math.max(1, ...candidates.map((s) => free(s.id)));
  const minPue = Math.min(...candidates.map((s) => s.pue ?? 2));
  const maxWan = Math.max(1, ...candidates.map((s) => s.wan?.tslcdMbps ?? 0));
  const maxCritical = Math.max(1, ...candidates.map((s) => stats.get(s.id)!.critical));
  const scored = candidates.map((s) => {
    const st = stats.get(s.id)!;
    const parts = {
      freeCompute: 30 * (free(s.id) / maxFree),
      support: 20 * (st.physical > 0 ? st.supported / st.physical : 0),
      pue: 15 * (minPue / (s.pue ?? 2)),
      wan: 15 * ((s.wan?.tslcdMbps ?? 0) / maxWan),
      critical: 20 * (st.critical / maxCritical),
    };
    const total = parts.freeCompute + parts.support + parts.pue + parts.wan + parts.critical;
    return { site: s, st, parts, total };
  });
  scored.sort((a, b) => b.total - a.total || (a.site.id < b.site.id ? -1 : 1));
  const best = scored[0];
  const reasons = [
    log.say(MSG.targetProposed({ total: r2(best.total), freeCompute: r2(best.parts.freeCompute), support: r2(best.parts.support), pue: r2(best.parts.pue), wan: r2(best.parts.wan), critical: r2(best.parts.critical) })),
    ...scored.map((x) =>
      log.say(
        MSG.targetSiteScore({
          site: x.site.id,
          total: r2(x.total),
          freeVcpus: free(x.site.id),
          supportedPct: x.st.physical > 0 ? Math.round((100 * x.st.supported) / x.st.physical) : 0,
          deadline,
          pue: x.site.pue,
          tslcdMbps: x.site.wan?.tslcdMbps,
          critical: r2(x.st.critical),
        }),
      ),
    ),
  ];
  return { site: best.site.id, reasons };
}
