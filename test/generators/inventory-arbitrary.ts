// fast-check arbitraries of VALID inventories, for property tests:
// - `generatorOptions` / `generatedInventory`: the benchmark's realistic generator (bench/generate.ts)
//   at small sizes; the options are the counterexample fast-check prints;
// - `shapedInventory`: small hand-shaped inventories drawn element by element, reaching corners the
//   realistic generator rarely visits (several entries on one dependency target with mixed coupling,
//   tight cycles, systems without servers, hosts without VMs, many systems on one server).
import fc from "fast-check";
import { generateInventory, type GenerateOptions } from "../../bench/generate.js";
import type { Dependency, Inventory, Server, System } from "../../inventory/schema.js";
import { makeAgency, makeExternal, makeServer, makeSite, makeSystem } from "../fixtures.js";

/** Options of the realistic generator: any seed, 5–300 servers, sometimes a third site. */
export function generatorOptions(maxServers = 300): fc.Arbitrary<GenerateOptions> {
  return fc.record({
    seed: fc.integer(),
    servers: fc.integer({ min: 5, max: maxServers }),
    thirdSite: fc.boolean(),
    systemsPerServer: fc.constantFrom(0.1, 0.2, 0.5),
  });
}

/** Inventories from the realistic generator (prefer generatorOptions for readable counterexamples). */
export function generatedInventory(maxServers = 300): fc.Arbitrary<Inventory> {
  return generatorOptions(maxServers).map(generateInventory);
}

const dependencyShape = fc.record({
  target: fc.nat(),
  external: fc.boolean(),
  coupling: fc.constantFrom<Dependency["coupling"]>("tight", "loose"),
  port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  protocol: fc.option(fc.constantFrom<"tcp" | "udp">("tcp", "udp"), { nil: undefined }),
});

const shape = fc.record({
  sites: fc.integer({ min: 1, max: 3 }),
  hosts: fc.array(fc.record({ site: fc.nat(), owned: fc.boolean() }), { maxLength: 5 }),
  vms: fc.array(fc.record({ host: fc.nat(), owned: fc.boolean(), memoryGiB: fc.integer({ min: 1, max: 64 }) }), { maxLength: 12 }),
  devices: fc.array(fc.record({ site: fc.nat(), kind: fc.constantFrom<Server["kind"]>("storage", "network", "appliance") }), { maxLength: 3 }),
  externals: fc.integer({ min: 0, max: 3 }),
  systems: fc.array(
    fc.record({
      owner: fc.nat(),
      servers: fc.array(fc.nat(), { maxLength: 4 }),
      deps: fc.array(dependencyShape, { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

/** Small valid inventories shaped element by element (ids `site-0`, `host-0`, `vm-0`, `sys-0`…). */
export function shapedInventory(): fc.Arbitrary<Inventory> {
  return shape.map((s): Inventory => {
    const sites = Array.from({ length: s.sites }, (_, i) => makeSite({ id: `site-${i}`, name: `Địa điểm ${i}` }));
    const agencies = [makeAgency({ id: "so-khcn" }), makeAgency({ id: "xa-tam-da", name: "Xã Tam Đa", kind: "commune" })];
    const owner = (i: number): string => agencies[i % agencies.length].id;
    const hosts = s.hosts.map((h, i) => makeServer({ id: `host-${i}`, site: sites[h.site % sites.length].id, ...(h.owned ? { owner: owner(i) } : {}) }));
    // A VM goes on one of the hosts (at its site); with no host there are no VMs.
    const vms =
      hosts.length === 0
        ? []
        : s.vms.map((v, i) => {
            const host = hosts[v.host % hosts.length];
            return makeServer({ kind: "virtual", id: `vm-${i}`, site: host.site, hostedOn: host.id, memoryGiB: v.memoryGiB, ...(v.owned ? { owner: owner(i + 1) } : {}) });
          });
    const devices = s.devices.map((d, i) => makeServer({ kind: d.kind, id: `dev-${i}`, site: sites[d.site % sites.length].id }));
    const servers = [...hosts, ...vms, ...devices];
    const externals = Array.from({ length: s.externals }, (_, i) => makeExternal({ id: `ext-${i}`, name: `Nền tảng quốc gia ${i}` }));
    const systems: System[] = s.systems.map((sys, i) => {
      const serverIds = servers.length === 0 ? [] : sys.servers.map((n) => servers[n % servers.length].id);
      const dependsOn: Dependency[] = [];
      for (const d of sys.deps) {
        const target = d.external && externals.length > 0 ? externals[d.target % externals.length].id : `sys-${d.target % s.systems.length}`;
        if (target === `sys-${i}`) continue; // a self-dependency is invalid
        dependsOn.push({ target, coupling: d.coupling, ...(d.port !== undefined ? { port: d.port } : {}), ...(d.protocol !== undefined ? { protocol: d.protocol } : {}) });
      }
      return makeSystem({ id: `sys-${i}`, name: `Hệ thống ${i}`, owner: owner(sys.owner), function: `fn-${i % 4}`, servers: serverIds, ...(dependsOn.length > 0 ? { dependsOn } : {}) });
    });
    return { sites, agencies, servers, systems, externals };
  });
}

/** Either family. */
export function validInventory(): fc.Arbitrary<Inventory> {
  return fc.oneof(generatedInventory(), shapedInventory());
}
