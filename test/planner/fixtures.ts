// Fixture builders for planner tests: two data-centre sites (dc-bn, the target in most tests, and
// dc-bg, the closing one), hosts with VMs, systems; a test states only what matters to it.
import { indexInventory } from "../../inventory/model.js";
import type { Inventory, Server, System } from "../../inventory/schema.js";
import type { Plan } from "../../planner/plan-schema.js";
import { planMigration, planWithProfile, type DetailedPlan } from "../../planner/plan.js";
import { checkProfile } from "../../planner/profile.js";
import type { Profile } from "../../planner/profile-schema.js";
import { makeAgency, makeServer, makeSite, makeSystem } from "../fixtures.js";

export const AS_OF = "2026-11-22";

/** A physical host at `site` (default dc-bg, the closing site), in support until 2030. */
export function host(id: string, over: Partial<Server> = {}): Server {
  return makeServer({ id, site: "dc-bg", kind: "physical", cpuCores: 32, memoryGiB: 512, storageGiB: 4000, supportEnds: "2030-06-30", ...over });
}

/** A VM on `hostId` at `site` (default dc-bg). */
export function vm(id: string, hostId: string, over: Partial<Server> = {}): Server {
  return makeServer({ id, kind: "virtual", site: "dc-bg", hostedOn: hostId, cpuCores: 4, memoryGiB: 16, storageGiB: 100, ...over });
}

/** A system on `servers` with a unique function (so nothing is consolidated unless a test wants it). */
export function sys(id: string, servers: string[], over: Partial<System> = {}): System {
  return makeSystem({ id, name: `Hệ thống ${id}`, function: `fn-${id}`, securityLevel: 2, servers, dataGiB: 10, ...over });
}

/**
 * An inventory with dc-bn (big host bn-host, plenty of capacity) and dc-bg, plus `servers` and
 * `systems`. Each system given without servers gets a VM `<id>-vm` on bg-host.
 */
export function inventoryOf(systems: System[], servers: Server[] = [], over: Partial<Inventory> = {}): Inventory {
  const extra: Server[] = [];
  const withServers = systems.map((s) => {
    if (s.servers.length > 0) return s;
    extra.push(vm(`${s.id}-vm`, "bg-host"));
    return { ...s, servers: [`${s.id}-vm`] };
  });
  const all = [host("bn-host", { site: "dc-bn", cpuCores: 256, memoryGiB: 8192, storageGiB: 500_000 }), host("bg-host"), ...servers, ...extra];
  const unique = [...new Map(all.map((s) => [s.id, s])).values()];
  return {
    sites: [makeSite({ id: "dc-bn", name: "Bắc Ninh" }), makeSite({ id: "dc-bg", name: "Bắc Giang", pue: 1.9 })],
    agencies: [makeAgency()],
    servers: unique,
    systems: withServers,
    externals: [],
    ...over,
  };
}

/** Loaded form of an inventory, as the planner takes it. */
export function loaded(inventory: Inventory) {
  return { inventory, index: indexInventory(inventory) };
}

/** Plans `inventory` with dc-bn as target unless the profile says otherwise. */
export function planOf(inventory: Inventory, profile: Profile = {}, asOf = AS_OF): Plan {
  return planMigration(loaded(inventory), { targetSite: "dc-bn", ...profile }, asOf);
}

/** Plans and keeps the scheduler's state. */
export function detailedPlanOf(inventory: Inventory, profile: Profile = {}, asOf = AS_OF): DetailedPlan {
  const l = loaded(inventory);
  return planWithProfile(l, checkProfile({ profile: { targetSite: "dc-bn", ...profile } }, l.index, asOf), asOf);
}

/** The plan entry of system `id`. */
export function systemOf(plan: Plan, id: string) {
  const s = plan.systems.find((x) => x.id === id);
  if (!s) throw new Error(`no system ${id} in plan`);
  return s;
}

/** The plan entry of server `id`. */
export function serverOf(plan: Plan, id: string) {
  const s = plan.servers.find((x) => x.id === id);
  if (!s) throw new Error(`no server ${id} in plan`);
  return s;
}
