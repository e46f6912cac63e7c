// The Pulumi program under runtime mocks for a synthetic plan of about 10k Kubernetes resources
// (DCPLAN_BENCH_PULUMI_RESOURCES to change it): building the objects (pure builders), registering
// them through the components, and waiting until every registration has reached the mock monitor.
// Target: ≤ 15 s. The size of the inventory the runner passes does not matter here (the plan is
// synthetic), so the module runs at size 10k only and skips the others.
// Standalone: `node dist/bench/pulumi.bench.js` after `npm run build` (what `pulumi up` runs), or
// `npx tsx bench/pulumi.bench.ts`. `npm run bench -- --sizes 10k --only pulumi` picks the compiled
// module when dist/ is up to date.
import { fileURLToPath } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { indexInventory } from "../inventory/model.js";
import type { Inventory, Server, System } from "../inventory/schema.js";
import type { Plan, PlanSystem } from "../planner/plan-schema.js";
import { objectConfigSource, parseStackConfig } from "../stacks/config.js";
import { buildStackObjects, prepareStack } from "../stacks/stack.js";
import type { BenchContext, StageResult } from "./types.js";

/** Tenants needed for about `resources` objects: 7 per tenant plus 2 per dependency edge (one each). */
function tenantsFor(resources: number): number {
  return Math.max(1, Math.round(resources / 9));
}

/** A seeded synthetic inventory and plan: n replatformed systems over 10 waves, each depending on one earlier system. */
export function syntheticStack(n: number): { inventory: Inventory; plan: Plan } {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const servers: Server[] = [{ id: "host-0", site: "dc-bg", kind: "physical", cpuCores: 64, memoryGiB: 1024 }];
  const systems: System[] = [];
  const planSystems: PlanSystem[] = [];
  for (let i = 0; i < n; i++) {
    const id = `sys-${String(i).padStart(5, "0")}`;
    servers.push({ id: `vm-${i}`, site: "dc-bg", kind: "virtual", hostedOn: "host-0", cpuCores: 2 + (i % 8), memoryGiB: 4 + (i % 16), storageGiB: 50, usage: { cpuPct: 20 + (i % 60), memoryPct: 40 } });
    const level = 1 + (i % 5);
    const dependsOn = i === 0 ? [] : [{ target: `sys-${String(Math.floor(rand() * i)).padStart(5, "0")}`, coupling: "loose" as const, port: 443 }];
    systems.push({ id, name: `System ${i}`, owner: `agency-${i % 40}`, function: `f-${i}`, securityLevel: level, servers: [`vm-${i}`], dependsOn });
    planSystems.push({ id, disposition: "replatform", wave: 1 + (i % 10), reasons: ["synthetic"], name: `System ${i}`, owner: `agency-${i % 40}`, function: `f-${i}`, securityLevel: level, site: "dc-bg", targetSite: "dc-bn", platform: "shared-kubernetes", group: id, dataGiB: 1, externals: [], dependsOn: dependsOn.map((d) => d.target), late: false });
  }
  const inventory: Inventory = {
    sites: [
      { id: "dc-bn", name: "BN", kind: "datacenter" },
      { id: "dc-bg", name: "BG", kind: "datacenter" },
    ],
    agencies: Array.from({ length: 40 }, (_, i) => ({ id: `agency-${i}`, name: `Agency ${i}`, kind: "department" as const })),
    servers,
    systems,
    externals: [],
  };
  return { inventory, plan: { schemaVersion: 1, asOf: "2026-11-23", targetSite: "dc-bn", systems: planSystems, waves: [] } as unknown as Plan };
}

const VALUES = {
  waveCutoff: 10,
  backup: {
    locations: {
      "dc-bn": { endpoint: "https://s3.dc-bn.example.gov.vn", bucket: "velero-dc-bn" },
      "dc-bg": { endpoint: "https://s3.dc-bg.example.gov.vn", bucket: "velero-dc-bg" },
    },
  },
  wan: {
    nodeCidrs: ["10.10.0.0/22"],
    pools: [{ name: "tslcd", zone: "tslcd", addresses: ["10.160.0.0/24"] }],
    peers: [
      { name: "pe-1", address: "10.160.255.1", myASN: 64512, peerASN: 65010 },
      { name: "pe-2", address: "10.160.255.5", myASN: 64512, peerASN: 65010 },
    ],
    advertisements: [{ name: "tslcd", pools: ["tslcd"] }],
  },
};
const SECRETS = {
  backupCredentials: { "dc-bn": { accessKeyId: "a", secretAccessKey: "b" }, "dc-bg": { accessKeyId: "c", secretAccessKey: "d" } },
  bgpPasswords: { "pe-1": "x", "pe-2": "y" },
};

/** Runs the stages; skips sizes other than 10k since the plan is synthetic. */
export async function bench(ctx: BenchContext): Promise<StageResult[] | void> {
  if (ctx.label !== "10k") return [{ stage: "skipped", ms: 0, note: "synthetic plan: runs at size 10k only" }];
  const target = Number(process.env.DCPLAN_BENCH_PULUMI_RESOURCES ?? 10_000);
  const { inventory, plan } = await ctx.stage("synthetic plan", () => syntheticStack(tenantsFor(target)), (s) => `${s.plan.systems.length} systems`);
  const index = indexInventory(inventory);
  const source = objectConfigSource(VALUES, SECRETS);
  const objects = await ctx.stage(
    "build objects (pure)",
    () => {
      const stack = prepareStack(parseStackConfig(source), index, plan);
      const o = buildStackObjects(stack);
      return o.platform.length + o.backup.length + o.wan.length + 4;
    },
    (n) => `${n} Kubernetes objects`,
  );
  let registered = 0;
  await pulumi.runtime.setMocks(
    {
      newResource: (args: pulumi.runtime.MockResourceArgs) => {
        registered++;
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args: pulumi.runtime.MockCallArgs) => args.inputs,
    },
    "dcplan",
    "bench",
    false,
  );
  // Imported only now: modules that create resources must load after setMocks.
  const { runProgram } = await import("../stacks/program.js");
  const result = await ctx.stage("register (components)", () => runProgram(source, { root: ".", inputs: { index, plan } }), () => `${objects} objects constructed`);
  await ctx.stage(
    "resolve (mock monitor)",
    async () => {
      await new Promise<void>((resolve) => result.outputs.namespaces.apply(() => resolve()));
      // +4 Pulumi resources: the provider and the three components.
      const deadline = Date.now() + 300_000;
      while (registered < objects + 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return registered;
    },
    (n) => `${n} resources registered`,
  );
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const t0 = Date.now();
  const rows: StageResult[] = [];
  const ctx: BenchContext = {
    inventoryDir: "",
    jsonFile: "",
    servers: 0,
    label: "10k",
    asOf: "2026-11-22",
    async stage(name, fn, note) {
      const start = performance.now();
      const r = await fn();
      const row = { stage: name, ms: Math.round(performance.now() - start), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), note: note?.(r) };
      rows.push(row);
      process.stdout.write(`${row.stage.padEnd(24)} ${String(row.ms).padStart(7)} ms  peak RSS ${row.peakRssMiB} MiB  ${row.note ?? ""}\n`);
      return r;
    },
  };
  await bench(ctx);
  process.stdout.write(`total ${Date.now() - t0} ms\n`);
  process.exit(0);
}
