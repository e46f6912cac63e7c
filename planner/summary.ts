// The plan's summary for leadership: footprint before and after the merger (servers, physical
// devices, rack units, racks of 42U, watts), the savings (kWh per year at each site's PUE), systems
// per disposition, the share of running systems on the shared Kubernetes platform, and the
// stand-alone servers left (tag `standalone`, or at a site that is not a data centre).
import type { InventoryIndex } from "../inventory/model.js";
import { serverAtOrById } from "./by-id.js";
import { DEFAULT_PUE, kwhPerYear } from "./decommission.js";
import type { Footprint, PlanServer, PlanSystem, Summary } from "./plan-schema.js";
import { isStandaloneServer } from "./standalone.js";

export { isStandaloneServer } from "./standalone.js";

/** Rack units per rack. */
export const RACK_UNITS = 42;

/** Summary figures (see file header). */
export function summarise(index: InventoryIndex, systems: readonly PlanSystem[], servers: readonly PlanServer[]): Summary {
  // One pass over the servers: before, after (not decommissioned), kWh saved, stand-alone left.
  const serverOf = serverAtOrById(index);
  let physicalBefore = 0;
  let ruBefore = 0;
  let wattsBefore = 0;
  let kept = 0;
  let physicalAfter = 0;
  let ruAfter = 0;
  let wattsAfter = 0;
  let kwh = 0;
  let standalone = 0;
  for (let i = 0; i < servers.length; i++) {
    const p = servers[i];
    const s = serverOf(p.id, i)!;
    const off = p.fate === "decommission";
    if (off) kwh += kwhPerYear(s.powerWatts ?? 0, index.sites.get(p.site)?.pue ?? DEFAULT_PUE);
    else {
      kept++;
      if (isStandaloneServer(s, index.sites.get(s.site))) standalone++;
    }
    if (s.kind === "virtual") continue;
    physicalBefore++;
    ruBefore += s.rackUnits ?? 0;
    wattsBefore += s.powerWatts ?? 0;
    if (off) continue;
    physicalAfter++;
    ruAfter += s.rackUnits ?? 0;
    wattsAfter += s.powerWatts ?? 0;
  }
  const footprint = (servers: number, physicalServers: number, rackUnits: number, powerWatts: number): Footprint => ({ servers, physicalServers, rackUnits, racks: Math.ceil(rackUnits / RACK_UNITS), powerWatts });
  const before = footprint(servers.length, physicalBefore, ruBefore, wattsBefore);
  const after = footprint(kept, physicalAfter, ruAfter, wattsAfter);
  const byDisposition: Record<string, number> = { retain: 0, rehost: 0, replatform: 0, relocate: 0, consolidate: 0, retire: 0 };
  for (const s of systems) byDisposition[s.disposition]++;
  const running = systems.filter((s) => s.disposition !== "retire" && s.disposition !== "consolidate");
  const shared = running.filter((s) => s.platform === "shared-kubernetes").length;
  return {
    before,
    after,
    savings: { watts: before.powerWatts - after.powerWatts, kwhPerYear: kwh, rackUnits: before.rackUnits - after.rackUnits, racks: before.racks - after.racks },
    systemsByDisposition: byDisposition,
    sharedPlatformShare: running.length === 0 ? 0 : Math.round((shared / running.length) * 1000) / 1000,
    standaloneServersRemaining: standalone,
  };
}
