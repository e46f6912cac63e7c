// The plan's summary for leadership: footprint before and after the merger (servers, physical
// devices, rack units, racks of 42U, watts), the savings (kWh per year at each site's PUE), systems
// per disposition, the share of running systems on the shared Kubernetes platform, and the
// stand-alone servers left (tag `standalone`, or at a site that is not a data centre).
import type { InventoryIndex } from "../inventory/model.js";
import { DEFAULT_PUE, kwhPerYear } from "./decommission.js";
import type { Footprint, PlanServer, PlanSystem, Summary } from "./plan-schema.js";
import { isStandaloneServer } from "./standalone.js";

export { isStandaloneServer } from "./standalone.js";

/** Rack units per rack. */
export const RACK_UNITS = 42;

/** Summary figures (see file header). */
export function summarise(index: InventoryIndex, systems: readonly PlanSystem[], servers: readonly PlanServer[]): Summary {
  const footprint = (list: readonly { id: string }[]): Footprint => {
    let physical = 0;
    let ru = 0;
    let watts = 0;
    for (const p of list) {
      const s = index.servers.get(p.id)!;
      if (s.kind === "virtual") continue;
      physical++;
      ru += s.rackUnits ?? 0;
      watts += s.powerWatts ?? 0;
    }
    return { servers: list.length, physicalServers: physical, rackUnits: ru, racks: Math.ceil(ru / RACK_UNITS), powerWatts: watts };
  };
  const before = footprint(servers);
  const after = footprint(servers.filter((s) => s.fate !== "decommission"));
  let kwh = 0;
  for (const p of servers) if (p.fate === "decommission") kwh += kwhPerYear(index.servers.get(p.id)!.powerWatts ?? 0, index.sites.get(p.site)?.pue ?? DEFAULT_PUE);
  const byDisposition: Record<string, number> = { retain: 0, rehost: 0, replatform: 0, relocate: 0, consolidate: 0, retire: 0 };
  for (const s of systems) byDisposition[s.disposition]++;
  const running = systems.filter((s) => s.disposition !== "retire" && s.disposition !== "consolidate");
  const shared = running.filter((s) => s.platform === "shared-kubernetes").length;
  const standalone = servers.filter((p) => {
    if (p.fate === "decommission") return false;
    const s = index.servers.get(p.id)!;
    return isStandaloneServer(s, index.sites.get(s.site));
  }).length;
  return {
    before,
    after,
    savings: { watts: before.powerWatts - after.powerWatts, kwhPerYear: kwh, rackUnits: before.rackUnits - after.rackUnits, racks: before.racks - after.racks },
    systemsByDisposition: byDisposition,
    sharedPlatformShare: running.length === 0 ? 0 : Math.round((shared / running.length) * 1000) / 1000,
    standaloneServersRemaining: standalone,
  };
}
