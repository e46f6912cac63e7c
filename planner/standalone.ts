// Stand-alone servers (seed 003 §3a: departments and communes remove or integrate their stand-alone
// servers and use the central storage and backup). A server is stand-alone when it is tagged
// `standalone` or stands at a site that is not a data centre (a department's or commune's server
// room; a site without a kind counts as a data centre). One that runs its systems itself (not a
// hypervisor with VMs, not an appliance) is folded into the shared infrastructure of the target
// site: its systems move onto the shared platform in a wave — even when the server already stands
// at the target site — and the server is switched off, never kept or relocated for its capacity.
// Only a system people pinned to `retain` keeps one running.
import type { InventoryIndex } from "../inventory/model.js";
import type { Server, Site } from "../inventory/schema.js";
import type { DenseIndex } from "./dense.js";

/**
 * True for a stand-alone server: tagged `standalone`, or at a site that is not a data centre. The
 * one rule behind `summary.standaloneServersRemaining`, the servers' `standalone` flag, the fold-in
 * and the semi-annual report's section IV.
 */
export function isStandaloneServer(server: Pick<Server, "tags">, site: Pick<Site, "kind"> | undefined): boolean {
  return (server.tags ?? []).includes("standalone") || (site?.kind ?? "datacenter") !== "datacenter";
}

/** True for a stand-alone server that is folded into the shared infrastructure: stand-alone, physical or storage, hosting no VMs. */
export function isFoldedStandalone(index: InventoryIndex, server: Server): boolean {
  if (server.kind !== "physical" && server.kind !== "storage") return false;
  return isFoldedServer(server, (index.vmsOf.get(server.id) ?? []).length > 0, index.sites.get(server.site));
}

/** isFoldedStandalone of the server at position `q` of the inventory by position (dense.ts). */
export function isFoldedStandaloneAt(dense: DenseIndex, index: InventoryIndex, q: number): boolean {
  const server = dense.servers[q];
  if (server.kind !== "physical" && server.kind !== "storage") return false;
  return isFoldedServer(server, dense.vmsOf[q].length > 0, index.sites.get(server.site));
}

/** isFoldedStandalone of a server whose VMs (`hostsVms`) and site are known already. */
export function isFoldedServer(server: Server, hostsVms: boolean, site: Site | undefined): boolean {
  if (server.kind !== "physical" && server.kind !== "storage") return false;
  return !hostsVms && isStandaloneServer(server, site);
}
