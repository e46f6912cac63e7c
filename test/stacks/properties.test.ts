// Invariants of the tenancy builder over generated inventories and plans (fast-check): the
// NetworkPolicy allow edges are exactly the dependency edges among deployed systems once the plan
// is applied to them (the survivor rule below), with rehosted systems among them when their VMs
// land on KubeVirt; every deployed namespace has its default-deny, quota and schedules; nothing is
// built for others; a VM several rehosted systems share lives in one namespace and the others may
// reach it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexInventory } from "../../inventory/model.js";
import type { Inventory, System } from "../../inventory/schema.js";
import { backupTier } from "../../policies/backup-table.js";
import { schedules } from "../../stacks/builders/backup.js";
import { sortKeys } from "../../stacks/builders/objects.js";
import { buildTenancy } from "../../stacks/builders/tenancy.js";
import { Tenancy } from "../../stacks/config.js";
import { platformModel } from "../../stacks/model.js";
import { makeAgency, makeServer, makeSite } from "../fixtures.js";
import type { PlanServer } from "../../planner/plan-schema.js";
import { makePlan, makePlanServer, makePlanSystem } from "./fixtures.js";

const world = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      levels: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      waves: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
      // What the plan does with each system: onto the platform, rehosted (off it), retired, or consolidated into system i.
      // Weighted so that dependencies on consolidated systems whose survivor is deployed come up often.
      fates: fc.array(
        fc.oneof(
          { arbitrary: fc.constant("platform" as const), weight: 4 },
          { arbitrary: fc.constant("rehost" as const), weight: 3 },
          { arbitrary: fc.constant("retire" as const), weight: 1 },
          { arbitrary: fc.nat(n - 1), weight: 3 },
        ),
        { minLength: n, maxLength: n },
      ),
      deps: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.option(fc.integer({ min: 1, max: 65535 }))), { minLength: n, maxLength: 3 * n }),
      cutoff: fc.integer({ min: 0, max: 4 }),
      // Where rehosted VMs land, and servers systems share ([a, b]: system a also runs on b's VM).
      vmPlatform: fc.constantFrom("hypervisor" as const, "kubevirt" as const),
      shares: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }),
    }),
  );

describe("tenancy invariants", () => {
  it("allow edges = dependency edges among deployed systems after the survivor rule; every deployed namespace is guarded and backed up", () => {
    fc.assert(
      fc.property(world, ({ n, levels, waves, fates, deps, cutoff, vmPlatform, shares }) => {
        const id = (i: number) => `s${i}`;
        const systems: System[] = Array.from({ length: n }, (_, i) => ({
          id: id(i),
          name: id(i),
          owner: "so-khcn",
          function: id(i),
          securityLevel: levels[i],
          servers: [`vm-${i}`, ...shares.filter(([a, b]) => a === i && a !== b).map(([, b]) => `vm-${b}`)],
          dependsOn: deps.filter(([a, b]) => a === i && a !== b).map(([, b, port]) => ({ target: id(b), coupling: "loose" as const, ...(port === null ? {} : { port }) })),
        }));
        const inventory: Inventory = {
          sites: [makeSite({ id: "dc-bn" }), makeSite({ id: "dc-bg" })],
          agencies: [makeAgency()],
          servers: [makeServer({ id: "host", site: "dc-bg" }), ...systems.map((_, i) => makeServer({ id: `vm-${i}`, kind: "virtual", hostedOn: "host", site: "dc-bg" }))],
          systems,
          externals: [],
        };
        const fate = (i: number) => fates[i];
        const plan = makePlan(
          systems.map((s, i) => {
            const f = fate(i);
            const base = { id: s.id, securityLevel: levels[i], wave: waves[i] };
            if (f === "platform") return makePlanSystem(base);
            if (f === "rehost") return makePlanSystem({ ...base, disposition: "rehost", platform: "virtual-machine" });
            if (f === "retire") return makePlanSystem({ ...base, disposition: "retire", platform: "none", wave: undefined, targetSite: undefined });
            return makePlanSystem({ ...base, disposition: "consolidate", into: id(f), platform: "none", targetSite: undefined });
          }),
        );
        (plan as { servers: PlanServer[] }).servers = systems.map((_, i) =>
          makePlanServer({ id: `vm-${i}`, systems: systems.filter((x) => x.servers.includes(`vm-${i}`)).map((x) => x.id), target: { cpuCores: 2, memoryGiB: 4, storageGiB: 20 } }),
        );
        const model = platformModel(indexInventory(inventory), plan, cutoff, {}, vmPlatform);
        const objects = buildTenancy(model, Tenancy.parse({}));
        const lands = (i: number) => fate(i) === "platform" || (vmPlatform === "kubevirt" && fate(i) === "rehost");
        const deployed = new Set(systems.filter((_, i) => lands(i) && waves[i] <= cutoff).map((s) => s.id));
        // The survivor rule: a dependency on a consolidated system reaches its survivor, following
        // `into` until a system that is not consolidated; a chain that ends at a retired system, or
        // loops, reaches nothing.
        const reach = (target: string): string | undefined => {
          const seen = new Set<string>();
          let i = Number(target.slice(1));
          while (typeof fate(i) === "number") {
            if (seen.has(id(i))) return undefined;
            seen.add(id(i));
            i = fate(i) as number;
          }
          return fate(i) === "retire" ? undefined : id(i);
        };
        const expected = new Set(
          systems
            .filter((s) => deployed.has(s.id))
            .flatMap((s) => (s.dependsOn ?? []).map((d) => reach(d.target)).filter((to) => to !== undefined && to !== s.id && deployed.has(to)).map((to) => `${s.id}->${to}`)),
        );
        // Everything else a deployed system still reaches is reported as unreachable (no CIDRs are configured here); retired targets are not.
        const offPlatform = new Set(
          systems
            .filter((s) => deployed.has(s.id))
            .flatMap((s) => (s.dependsOn ?? []).map((d) => reach(d.target)).filter((to) => to !== undefined && to !== s.id && !deployed.has(to)).map((to) => `${s.id}->${to}`)),
        );
        expect(model.unreachable.map((u) => u.replace(/^(\S+) -> (\S+).*$/, "$1->$2")).sort()).toEqual([...offPlatform].sort());
        // Dependency rules; rules for a shared VM (`…-vm-<server>`) are checked apart below.
        const sharedVm = (name: string) => name.includes("-vm-vm-");
        const egress = new Set(objects.filter((o) => o.metadata.name.startsWith("allow-egress-to-") && !sharedVm(o.metadata.name)).map((o) => `${o.metadata.namespace}->${o.metadata.name.slice(16)}`));
        const ingress = new Set(objects.filter((o) => o.metadata.name.startsWith("allow-ingress-from-") && !sharedVm(o.metadata.name)).map((o) => `${o.metadata.name.slice(19)}->${o.metadata.namespace}`));
        expect([...egress].sort()).toEqual([...expected].sort());
        expect([...ingress].sort()).toEqual([...expected].sort());
        // A VM several rehosted systems run on lives with the first of them (earliest wave, then id); each other deployed one may reach it.
        const sharedExpected = new Set<string>();
        if (vmPlatform === "kubevirt") {
          for (let k = 0; k < n; k++) {
            const users = systems
              .map((x, i) => ({ x, i }))
              .filter(({ x, i }) => fate(i) === "rehost" && x.servers.includes(`vm-${k}`))
              .sort((a, b) => waves[a.i] - waves[b.i] || (a.x.id < b.x.id ? -1 : 1));
            for (const { x } of users.slice(1)) if (deployed.has(x.id)) sharedExpected.add(`${x.id}->${users[0].x.id}:vm-${k}`);
          }
        }
        const sharedEgress = objects.filter((o) => o.metadata.name.startsWith("allow-egress-to-") && sharedVm(o.metadata.name)).map((o) => `${o.metadata.namespace}->${o.metadata.name.slice(16).replace("-vm-vm-", ":vm-")}`);
        const sharedIngress = objects.filter((o) => o.metadata.name.startsWith("allow-ingress-from-") && sharedVm(o.metadata.name)).map((o) => `${o.metadata.name.slice(19).replace("-vm-vm-", "->" + o.metadata.namespace + ":vm-")}`);
        expect(sharedEgress.sort()).toEqual([...sharedExpected].sort());
        expect(sharedIngress.sort()).toEqual([...sharedExpected].sort());
        const namespaces = objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name);
        expect(namespaces.sort()).toEqual([...deployed].sort());
        for (const ns of deployed) {
          expect(objects.some((o) => o.kind === "NetworkPolicy" && o.metadata.namespace === ns && o.metadata.name === "default-deny")).toBe(true);
          expect(objects.filter((o) => o.kind === "ResourceQuota" && o.metadata.namespace === ns)).toHaveLength(1);
        }
        expect(objects.every((o) => o.metadata.namespace === undefined || deployed.has(o.metadata.namespace))).toBe(true);
        const location = { endpoint: "https://s3.example.gov.vn", bucket: "b-b", region: "minio" };
        const sch = schedules({ namespace: "velero", provider: "aws", primary: { site: "dc-bn", location }, offsite: { site: "dc-bg", location }, namespaces: model.tenants.map((t) => ({ id: t.id, securityLevel: t.securityLevel, workload: t.workload })) });
        for (const t of model.tenants) {
          const covering = sch.filter((s) => (s.spec as { template: { includedNamespaces: string[] } }).template.includedNamespaces.includes(t.id));
          expect(covering).toHaveLength(backupTier(t.securityLevel).offsite ? 2 : 1);
        }
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it("a VM shared by rehosted systems lives in one namespace (earliest wave, then id), and every other deployed user may reach it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            waves: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }),
            shares: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: 1, maxLength: 2 * n }),
            cutoff: fc.integer({ min: 1, max: 3 }),
          }),
        ),
        ({ n, waves, shares, cutoff }) => {
          const id = (i: number) => `s${i}`;
          const servers = (i: number) => [`vm-${i}`, ...shares.filter(([a, b]) => a === i && a !== b).map(([, b]) => `vm-${b}`)];
          const inventory: Inventory = {
            sites: [makeSite({ id: "dc-bn" }), makeSite({ id: "dc-bg" })],
            agencies: [makeAgency()],
            servers: [makeServer({ id: "host", site: "dc-bg" }), ...Array.from({ length: n }, (_, i) => makeServer({ id: `vm-${i}`, kind: "virtual", hostedOn: "host", site: "dc-bg" }))],
            systems: Array.from({ length: n }, (_, i) => ({ id: id(i), name: id(i), owner: "so-khcn", function: id(i), securityLevel: 2, servers: servers(i) })),
            externals: [],
          };
          const plan = makePlan(Array.from({ length: n }, (_, i) => makePlanSystem({ id: id(i), disposition: "rehost", platform: "virtual-machine", wave: waves[i] })));
          (plan as { servers: PlanServer[] }).servers = Array.from({ length: n }, (_, k) =>
            makePlanServer({ id: `vm-${k}`, systems: inventory.systems.filter((x) => x.servers.includes(`vm-${k}`)).map((x) => x.id), target: { cpuCores: 2, memoryGiB: 4, storageGiB: 20 } }),
          );
          const model = platformModel(indexInventory(inventory), plan, cutoff, {}, "kubevirt");
          // Every VM of a deployed tenant is in exactly one namespace: its owner's.
          const placed = model.tenants.flatMap((t) => t.vms.map((v) => `${v.server}@${t.id}`));
          const expected: string[] = [];
          const edges: string[] = [];
          for (let k = 0; k < n; k++) {
            const users = inventory.systems.map((x, i) => ({ x, i })).filter(({ x }) => x.servers.includes(`vm-${k}`)).sort((a, b) => waves[a.i] - waves[b.i] || (a.x.id < b.x.id ? -1 : 1));
            if (waves[users[0].i] <= cutoff) expected.push(`vm-${k}@${users[0].x.id}`);
            for (const { x, i } of users.slice(1)) if (waves[i] <= cutoff) edges.push(`${x.id}->${users[0].x.id}:vm-${k}`);
          }
          expect(placed.sort()).toEqual(expected.sort());
          expect(model.sharedVms.map((e) => `${e.from}->${e.to}:${e.server}`).sort()).toEqual(edges.sort());
          const objects = buildTenancy(model, Tenancy.parse({}));
          const egress = objects.filter((o) => o.metadata.name.includes("-vm-vm-") && o.metadata.name.startsWith("allow-egress-to-"));
          expect(egress).toHaveLength(edges.length);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe("sortKeys", () => {
  it("gives every object's keys in code-unit order (as Array.prototype.sort does), drops undefined fields and keeps everything else", () => {
    const reference = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reference);
      if (v !== null && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v).sort()) if ((v as Record<string, unknown>)[k] !== undefined) out[k] = reference((v as Record<string, unknown>)[k]);
        return out;
      }
      return v;
    };
    // Keys from a small alphabet (collisions, prefixes, upper case, digits, non-ASCII) so orders are really tested.
    const key = fc.string({ unit: fc.constantFrom("a", "b", "B", "0", "-", ".", "đ", "ệ"), maxLength: 4 });
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(undefined, null, true, 0, "x"),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(key, tie("node"), { maxKeys: 12, noNullPrototype: true }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const sorted = sortKeys(v);
        expect(JSON.stringify(sorted)).toBe(JSON.stringify(reference(v)));
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});
