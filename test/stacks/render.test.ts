// `dcplan render` on the bundled sample inventory and the committed stacks: files in apply order,
// byte-identical reruns, Secrets only from the environment, clear errors.
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { run } from "../../planner/cli/main.js";
import { planMigration, serialisePlan } from "../../planner/plan.js";
import { loadProgress } from "../../planner/progress/load.js";
import { renderStack, SECRET_ENV } from "../../stacks/render.js";
import { validateObjects } from "../../stacks/validate/index.js";
import { captureIo, tempDir, writeTree } from "../fixtures.js";

/** The example SOC CA the committed stacks name, relative to the project root. */
const CA_PATH = "stacks/certs/soc-ca.example.pem";

const env = {
  [SECRET_ENV.backupCredentials]: JSON.stringify({ "dc-bn": { accessKeyId: "a", secretAccessKey: "s3cret-bn" }, "dc-bg": { accessKeyId: "b", secretAccessKey: "s3cret-bg" } }),
  [SECRET_ENV.bgpPasswords]: JSON.stringify({ "pe-tslcd-bn-1": "p1", "pe-tslcd-bn-2": "p2", "pe-tslcd-bg-1": "p3", "pe-tslcd-bg-2": "p4" }),
  [SECRET_ENV.vsphereCredentials]: JSON.stringify({ "dc-bg": { user: "forklift@vsphere.local", password: "vc-pass" }, "dc-bn": { user: "forklift@vsphere.local", password: "vc-pass-bn" } }),
};

/** Systems the sample plan puts on the shared platform in waves (from, to]: replatformed, and rehosted (the committed stacks run VMs on KubeVirt), sorted. */
async function onPlatform(from: number, to: number): Promise<string[]> {
  const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-23" });
  const plan = planMigration({ inventory: loaded.inventory, index: loaded.index }, {}, "2026-11-23");
  const lands = (s: (typeof plan.systems)[number]) => (s.disposition === "replatform" && s.platform === "shared-kubernetes") || s.disposition === "rehost";
  return plan.systems.filter((s) => lands(s) && s.wave! > from && s.wave! <= to).map((s) => s.id).sort();
}

const docs = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), "utf8")).map((d) => d.toJS()));
const isTenant = (o: { kind: string; metadata: { labels?: Record<string, string> } }) => o.kind === "Namespace" && o.metadata.labels?.["dcplan.gov.vn/tenant"] === "true";

describe("dcplan render", () => {
  it("writes the sample prod stack in apply order, without Secrets unless asked, and says which Secrets to create", async () => {
    const out = tempDir();
    const io = captureIo();
    expect(await run(["render", "--stack", "prod", "--out", out], io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "00-priorityclasses.yaml",
      "10-namespaces.yaml",
      "20-rbac.yaml",
      "30-quotas.yaml",
      "35-instancetypes.yaml",
      "40-networkpolicies.yaml",
      "55-soc-ca.yaml",
      "60-velero.yaml",
      "70-metallb.yaml",
      "80-forklift.yaml",
      "helm",
    ]);
    expect(readdirSync(join(out, "helm")).sort()).toEqual(["fluent-bit-events.values.yaml", "fluent-bit.values.yaml", "install.sh", "metallb.values.yaml", "velero.values.yaml"]);
    expect(io.out).toMatch(/^wrote \d+ objects in 10 files/);
    expect(io.err).toMatch(/8 Secrets are referenced but not written/);
    expect(io.err).toContain("velero/velero-credentials-dc-bn");
    expect(io.err).toContain("konveyor-forklift/vsphere-credentials-dc-bg");
    // The sample's e-government core that stays on VMs is reached through the stack's egress CIDRs.
    expect(io.err).not.toMatch(/no NetworkPolicy allows/);
    const objects = docs(out);
    expect(objects.filter(isTenant).map((o) => o.metadata.name)).toEqual(await onPlatform(0, 9));
    expect(validateObjects(objects)).toEqual([]);
  });

  it("allows exactly the dependency edges among the sample prod stack's deployed systems (replatformed and VMs), both ways", async () => {
    const r = await renderStack({ root: ".", stack: "prod", out: tempDir(), env: {} });
    const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-23" });
    const plan = planMigration({ inventory: loaded.inventory, index: loaded.index }, {}, "2026-11-23");
    const deployed = new Set(r.objects.filter(isTenant).map((o) => o.metadata.name));
    const planned = new Map(plan.systems.map((s) => [s.id, s]));
    // A dependency on a consolidated system reaches its survivor; one on a retired system reaches nothing.
    const reach = (id: string): string | undefined => {
      const s = planned.get(id);
      if (s?.disposition === "retire") return undefined;
      return s?.disposition === "consolidate" && s.into !== undefined ? reach(s.into) : id;
    };
    const expected = new Set(
      loaded.inventory.systems
        .filter((s) => deployed.has(s.id))
        .flatMap((s) => (s.dependsOn ?? []).map((d) => [s.id, reach(d.target)] as const))
        .filter(([from, to]) => to !== undefined && to !== from && deployed.has(to))
        .map(([from, to]) => `${from}->${to}`),
    );
    const policies = r.objects.filter((o) => o.kind === "NetworkPolicy" && deployed.has(o.metadata.namespace!) && !o.metadata.name.includes("-vm-"));
    const egress = policies.filter((o) => o.metadata.name.startsWith("allow-egress-to-") && deployed.has(o.metadata.name.slice(16))).map((o) => `${o.metadata.namespace}->${o.metadata.name.slice(16)}`);
    const ingress = policies.filter((o) => o.metadata.name.startsWith("allow-ingress-from-")).map((o) => `${o.metadata.name.slice(19)}->${o.metadata.namespace}`);
    expect(deployed.size).toBeGreaterThanOrEqual(15);
    expect(expected.size).toBeGreaterThanOrEqual(5);
    expect(egress.sort()).toEqual([...expected].sort());
    expect(ingress.sort()).toEqual([...expected].sort());
  });

  it("gives byte-identical files on a rerun", async () => {
    const a = tempDir();
    const b = tempDir();
    await renderStack({ root: ".", stack: "staging", out: a, env: {} });
    await renderStack({ root: ".", stack: "staging", out: b, env: {} });
    const files = (dir: string) => [...readdirSync(dir).filter((f) => f.endsWith(".yaml")), ...readdirSync(join(dir, "helm")).map((f) => join("helm", f))];
    expect(files(b)).toEqual(files(a));
    for (const f of files(a)) expect(readFileSync(join(b, f), "utf8"), f).toBe(readFileSync(join(a, f), "utf8"));
  });

  it("writes Secrets from the environment with --secrets-from-env, and removes them again on a render without", async () => {
    const out = tempDir();
    const r = await renderStack({ root: ".", stack: "prod", out, secretsFromEnv: true, env });
    expect(r.secretsNotWritten).toEqual([]);
    const secrets = parseAllDocuments(readFileSync(join(out, "50-secrets.yaml"), "utf8")).map((d) => d.toJS());
    expect(secrets.map((s) => s.metadata.name).sort()).toEqual([
      "bgp-password-pe-tslcd-bg-1",
      "bgp-password-pe-tslcd-bg-2",
      "bgp-password-pe-tslcd-bn-1",
      "bgp-password-pe-tslcd-bn-2",
      "velero-credentials-dc-bg",
      "velero-credentials-dc-bn",
      "vsphere-credentials-dc-bg",
      "vsphere-credentials-dc-bn",
    ]);
    // Credentials are readable by their owner only, and the render says so.
    expect(statSync(join(out, "50-secrets.yaml")).mode & 0o777).toBe(0o600);
    expect(r.secretFiles).toEqual(["50-secrets.yaml"]);
    expect(statSync(join(out, "60-velero.yaml")).mode & 0o077).not.toBe(0);
    expect(readFileSync(join(out, "70-metallb.yaml"), "utf8")).not.toContain("p1");
    await renderStack({ root: ".", stack: "prod", out, env: {} });
    expect(existsSync(join(out, "50-secrets.yaml"))).toBe(false);
  });

  it("fails with exit 2 naming the variable when --secrets-from-env lacks one, and on an unknown stack", async () => {
    const io = captureIo();
    const saved = { ...process.env };
    delete process.env[SECRET_ENV.backupCredentials];
    delete process.env[SECRET_ENV.bgpPasswords];
    try {
      expect(await run(["render", "--stack", "dev", "--out", tempDir(), "--secrets-from-env"], io)).toBe(2);
    } finally {
      process.env = saved;
    }
    expect(io.err).toContain("DCPLAN_BACKUP_CREDENTIALS");
    const io2 = captureIo();
    expect(await run(["render", "--stack", "nope", "--out", tempDir()], io2)).toBe(2);
    expect(io2.err).toMatch(/Pulumi\.nope\.yaml: no stack file for stack "nope"/);
  });

  it("raising waveCutoff adds exactly the namespaces of the systems of the new waves (sample plan)", async () => {
    const dev = await renderStack({ root: ".", stack: "dev", out: tempDir(), env: {} });
    const prod = await renderStack({ root: ".", stack: "prod", out: tempDir(), env: {} });
    const names = (r: typeof dev) => r.objects.filter(isTenant).map((o) => o.metadata.name);
    const cutoff = (stack: string) => Number(/dcplan:waveCutoff: (\d+)/.exec(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8"))![1]);
    expect(names(dev)).toEqual(await onPlatform(0, cutoff("dev")));
    expect(names(prod).filter((n) => !names(dev).includes(n))).toEqual(await onPlatform(cutoff("dev"), cutoff("prod")));
    expect(names(dev).every((n) => names(prod).includes(n))).toBe(true);
  });

  it("reads the plan from dcplan:plan when set (same objects as the in-process plan), and rejects unknown keys", async () => {
    const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-23" });
    const plan = planMigration({ inventory: loaded.inventory, index: loaded.index }, {}, "2026-11-23");
    const stackText = readFileSync("stacks/Pulumi.prod.yaml", "utf8").replace("dcplan:inventory: inventory/sample", `dcplan:inventory: ${resolve("inventory/sample")}\n  dcplan:plan: plan.json`);
    const root = writeTree({ "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), [CA_PATH]: readFileSync(CA_PATH, "utf8"), "plan.json": serialisePlan(plan), "stacks/Pulumi.prod.yaml": stackText });
    const fromFile = await renderStack({ root, stack: "prod", out: tempDir(), env: {} });
    const inProcess = await renderStack({ root: ".", stack: "prod", out: tempDir(), env: {} });
    expect(JSON.stringify(fromFile.objects)).toBe(JSON.stringify(inProcess.objects));
    const bad = writeTree({ "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), [CA_PATH]: readFileSync(CA_PATH, "utf8"), "stacks/Pulumi.x.yaml": { config: { "dcplan:waveCutof": 3 } } });
    const io = captureIo();
    expect(await run(["render", "--stack", "x", "--out", tempDir(), "--project", bad], io)).toBe(2);
    expect(io.err).toMatch(/dcplan:waveCutof: unknown configuration key/);
    expect(io.err).toMatch(/dcplan:waveCutoff: is required/);
    // Problems inside the committed file are located: line and column of the offending value.
    const wrong = readFileSync("stacks/Pulumi.dev.yaml", "utf8").replace("holdTime: 90s\n        keepaliveTime: 30s", "holdTime: 90s\n        keepaliveTime: 95s");
    const root2 = writeTree({ "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), [CA_PATH]: readFileSync(CA_PATH, "utf8"), "stacks/Pulumi.dev.yaml": wrong.replace("dcplan:inventory: inventory/sample", `dcplan:inventory: ${resolve("inventory/sample")}`) });
    const io2 = captureIo();
    expect(await run(["render", "--stack", "dev", "--out", tempDir(), "--project", root2], io2)).toBe(2);
    const line = wrong.split("\n").findIndex((l) => l.includes("keepaliveTime: 95s")) + 1;
    expect(io2.err).toMatch(new RegExp(`Pulumi\\.dev\\.yaml:${line}:\\d+: dcplan:wan peers\\[0\\]\\.keepaliveTime: keepalive 95s must be below the hold time 90s`));
  });

  it("plans in-process from dcplan:progress: done systems keep their done wave, the ones not moved get their new wave's Plan; refused beside dcplan:plan", async () => {
    const progress = resolve("planner/sample/progress.yaml");
    const stack = readFileSync("stacks/Pulumi.prod.yaml", "utf8")
      .replace("dcplan:inventory: inventory/sample", `dcplan:inventory: ${resolve("inventory/sample")}`)
      .replace('dcplan:asOf: "2026-11-23"', `dcplan:asOf: "2026-11-30"\n  dcplan:progress: ${progress}`);
    const files = { "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), [CA_PATH]: readFileSync(CA_PATH, "utf8") };
    const r = await renderStack({ root: writeTree({ ...files, "stacks/Pulumi.prod.yaml": stack }), stack: "prod", out: tempDir(), env: {} });
    const plans = r.objects.filter((o) => o.kind === "Plan").map((o) => o.metadata.name);
    // Recorded done on 2026-11-28..29 (wave 1); loa-x-tien-du was planned in wave 1 but not recorded, so it moves to wave 2.
    expect(plans).toContain("mt-kiem-thu-bg-wave-1");
    expect(plans).toContain("loa-x-tien-du-wave-2");
    expect(plans).not.toContain("loa-x-tien-du-wave-1");
    // The same objects as from a plan file made with the same facts.
    const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-30" });
    const plan = planMigration({ inventory: loaded.inventory, index: loaded.index }, {}, "2026-11-30", loadProgress(progress));
    const withFile = stack.replace(`dcplan:progress: ${progress}`, "dcplan:plan: plan.json");
    const fromFile = await renderStack({ root: writeTree({ ...files, "plan.json": serialisePlan(plan), "stacks/Pulumi.prod.yaml": withFile }), stack: "prod", out: tempDir(), env: {} });
    expect(JSON.stringify(fromFile.objects)).toBe(JSON.stringify(r.objects));
    // Both at once: the plan file already carries its facts.
    const both = withFile.replace("dcplan:plan: plan.json", `dcplan:plan: plan.json\n  dcplan:progress: ${progress}`);
    const io = captureIo();
    expect(await run(["render", "--stack", "prod", "--out", tempDir(), "--project", writeTree({ ...files, "plan.json": serialisePlan(plan), "stacks/Pulumi.prod.yaml": both })], io)).toBe(2);
    expect(io.err).toMatch(/dcplan:progress: is only read when the plan is computed in-process/);
  });

  it("warns on standard error that the credentials file is plaintext, and writes it readable by its owner only (CLI)", async () => {
    const out = tempDir();
    // A world-readable file left by an earlier tool or a copy is replaced, not written into.
    writeFileSync(join(out, "50-secrets.yaml"), "stale\n", { mode: 0o644 });
    chmodSync(join(out, "50-secrets.yaml"), 0o644);
    const io = captureIo();
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      expect(await run(["render", "--stack", "dev", "--out", out, "--secrets-from-env"], io)).toBe(0);
    } finally {
      process.env = saved;
    }
    expect(statSync(join(out, "50-secrets.yaml")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, "50-secrets.yaml"), "utf8")).toContain("vc-pass");
    // No temporary file is left beside it.
    expect(readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);
    const warning = io.err.split("\n").find((l) => l.includes("50-secrets.yaml"))!.replace(out, "<out>");
    expect(warning).toMatchInlineSnapshot(`"warning: <out>/50-secrets.yaml holds credentials in plaintext (file mode 0600): keep it off shared disks and out of git, and delete it once applied"`);
    expect(io.err).not.toMatch(/Secrets are referenced but not written/);
  });

  it("writes one Forklift Plan per rehosted system of the sample up to the cutoff, listing exactly its VMs, each resized by an instancetype", async () => {
    const out = tempDir();
    const r = await renderStack({ root: ".", stack: "dev", out, env: {} });
    const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-23" });
    const plan = planMigration({ inventory: loaded.inventory, index: loaded.index }, {}, "2026-11-23");
    const cutoff = Number(/dcplan:waveCutoff: (\d+)/.exec(readFileSync("stacks/Pulumi.dev.yaml", "utf8"))![1]);
    const rehosted = new Map(plan.systems.filter((s) => s.disposition === "rehost").map((s) => [s.id, s]));
    // A server the rehosted systems share goes with the first of them (earliest wave, then id).
    const owner = (users: string[]) => [...users].sort((a, b) => rehosted.get(a)!.wave! - rehosted.get(b)!.wave! || (a < b ? -1 : 1))[0];
    const expected: Record<string, string[]> = {};
    for (const server of plan.servers) {
      const users = server.systems.filter((s) => rehosted.has(s));
      // Moved servers have a target; stand-alone physical servers at the target site are folded in without one.
      const foldedIn = server.site === plan.targetSite && server.kind === "physical" && server.target === undefined;
      if (users.length === 0 || (server.kind !== "virtual" && server.kind !== "physical") || (server.target === undefined && !foldedIn)) continue;
      const sys = rehosted.get(owner(users))!;
      if (sys.wave! > cutoff) continue;
      (expected[`${sys.id}-wave-${sys.wave}`] ??= []).push(server.id);
    }
    const plans = r.objects.filter((o) => o.kind === "Plan");
    expect(Object.fromEntries(plans.map((p) => [p.metadata.name, (p.spec as { vms: { targetName: string }[] }).vms.map((v) => v.targetName)]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v.sort()]).sort()),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    const instancetypes = new Set(r.objects.filter((o) => o.kind === "VirtualMachineInstancetype").map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
    for (const p of plans) for (const vm of (p.spec as { targetNamespace: string; vms: { instanceType: string }[] }).vms) expect(instancetypes.has(`${(p.spec as { targetNamespace: string }).targetNamespace}/${vm.instanceType}`)).toBe(true);
    expect(r.objects.filter((o) => o.kind === "Migration").map((m) => m.metadata.name)).toEqual(plans.map((p) => p.metadata.name));
  });
});
