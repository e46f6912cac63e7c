// The Pulumi program under runtime mocks: what it registers, per stack and cutoff; that secrets
// stay secret; that bad configuration fails before any resource; and that `dcplan render` writes
// exactly what the components register (one code path).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse, parseAllDocuments } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../common/errors.js";
import { sortKeys } from "../../stacks/builders/objects.js";
import { objectConfigSource, pulumiConfigSource, type StackConfig } from "../../stacks/config.js";
import type * as Program from "../../stacks/program.js";
import { renderStack, SECRET_ENV, stackFileConfigSource } from "../../stacks/render.js";
import { leanStackTraces } from "../../stacks/stack-traces.js";
import { tempDir, writeTree } from "../fixtures.js";
import { configSecrets, configValues, kubevirtSecrets, kubevirtValues, scenario, vmScenario } from "./fixtures.js";
import { installMocks, isWireSecret, registered, settle, unwrapSecrets, valueOf } from "./pulumi-mocks.js";

/** The example SOC CA the committed stacks name, relative to the project root. */
const CA_PATH = "stacks/certs/soc-ca.example.pem";

/** Secrets of the committed stacks, as `dcplan render --secrets-from-env` reads them. */
const STACK_ENV = {
  [SECRET_ENV.backupCredentials]: JSON.stringify({ "dc-bn": { accessKeyId: "a", secretAccessKey: "b" }, "dc-bg": { accessKeyId: "c", secretAccessKey: "d" } }),
  [SECRET_ENV.bgpPasswords]: JSON.stringify({ "pe-tslcd-bn-1": "1", "pe-tslcd-bn-2": "2", "pe-tslcd-bg-1": "3", "pe-tslcd-bg-2": "4" }),
  [SECRET_ENV.vsphereCredentials]: JSON.stringify({ "dc-bg": { user: "forklift@vsphere.local", password: "v" }, "dc-bn": { user: "forklift@vsphere.local", password: "w" } }),
};

type Meta = { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
const meta = (r: { inputs: Record<string, unknown> }) => (r.inputs.metadata ?? { name: "" }) as Meta;

let program: typeof Program;

beforeAll(async () => {
  await installMocks();
  program = await import("../../stacks/program.js");
});

async function run(values = configValues(), secrets = configSecrets()) {
  await installMocks();
  const { index, plan } = scenario();
  const result = await program.runProgram(objectConfigSource(values, secrets), { root: "/nonexistent", inputs: { index, plan } });
  await valueOf(result.outputs.namespaces);
  await settle();
  return result;
}

const kubernetes = () => registered.filter((r) => r.type.startsWith("kubernetes:"));


describe("Pulumi program under mocks", () => {
  it("turns promise stack traces off only while registering: the settings are restored and the SDK still captures the same source positions", async () => {
    const before = Error.stackTraceLimit;
    const prepare = Error.prepareStackTrace;
    await run();
    expect(Error.stackTraceLimit).toBe(before);
    expect(Error.prepareStackTrace).toBe(prepare);
    // Resource source positions come from Resource.callsites(), which raises the limit itself and
    // parses `.stack`; the program relies on that when it sets the limit to 0.
    const callsites = () => (pulumi.Resource as unknown as { callsites(): { file?: string; line?: number; column?: number }[] }).callsites();
    const expected = callsites();
    const restore = leanStackTraces();
    let frames: ReturnType<typeof callsites>;
    try {
      expect(Error.stackTraceLimit).toBe(0);
      frames = callsites();
      expect(new Error("boom").stack).toBe("Error: boom");
    } finally {
      restore();
    }
    // At a limit of 0 the stack would hold no frame at all.
    expect(frames.length).toBeGreaterThan(1);
    expect(frames[0].file).toMatch(/@pulumi[/\\]pulumi[/\\]resource\.js$/);
    // The same positions as without the lean limit.
    expect(frames.map((f) => f.file)).toEqual(expected.map((f) => f.file));
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("sends every Kubernetes resource with a source position, the first frame past the SDK's in dcplan's code, constructed from the batch driver's shallow stack", async () => {
    await installMocks();
    // What the SDK sends the engine: wrap the (mock) monitor's registerResource.
    type Position = { getUri(): string; getLine(): number } | undefined;
    type Request = { getType(): string; getName(): string; getSourceposition(): Position; getStacktrace(): { getFramesList(): { getPc(): Position }[] } | undefined };
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: Request, callback: unknown): void };
    const original = monitor.registerResource.bind(monitor);
    const sent: { type: string; name: string; position?: string; frames: string[] }[] = [];
    monitor.registerResource = (req, callback) => {
      const frames = (req.getStacktrace()?.getFramesList() ?? []).map((f) => f.getPc()?.getUri() ?? "");
      sent.push({ type: req.getType(), name: req.getName(), position: req.getSourceposition()?.getUri(), frames });
      original(req, callback);
    };
    const { index, plan } = vmScenario();
    const result = await program.runProgram(objectConfigSource(kubevirtValues({ waveCutoff: 2 }), kubevirtSecrets()), { root: "/nonexistent", inputs: { index, plan } });
    await valueOf(result.outputs.migrationPlans);
    await settle();
    const resources = sent.filter((s) => s.type.startsWith("kubernetes:") && s.type !== "kubernetes:helm.sh/v3:Release");
    expect(resources.map((s) => s.type)).toEqual(expect.arrayContaining(["kubernetes:core/v1:Namespace", "kubernetes:forklift.konveyor.io/v1beta1:Plan", "kubernetes:velero.io/v1:Schedule", "kubernetes:metallb.io/v1beta2:BGPPeer"]));
    const isSdk = (uri: string) => /[/\\]node_modules[/\\]@pulumi[/\\]/.test(uri);
    for (const r of resources) {
      // A position, in the SDK's own wrapper class; the first frame past the SDK's is registerObject.
      expect(r.position, r.name).toMatch(/^file:\/\//);
      expect(r.frames[0], r.name).toBe(r.position);
      const first = r.frames.find((f) => f !== "" && !isSdk(f));
      expect(first, r.name).toMatch(/[/\\]stacks[/\\]components[/\\]register\.[jt]s$/);
    }
    // Batched components (all but PlatformServices, whose few objects register in its constructor)
    // construct from the batch driver: no frame of the program or of what awaits it.
    const batched = resources.filter((r) => !r.name.startsWith("services-"));
    expect(batched.length).toBeGreaterThan(20);
    for (const r of batched) {
      expect(r.frames.filter((f) => /[/\\]stacks[/\\]program\.[jt]s$|[/\\]test[/\\]/.test(f)), r.name).toEqual([]);
      expect(r.frames.length, r.name).toBeLessThanOrEqual(8);
    }
  });

  it("registers the components and their children with stable names", async () => {
    const result = await run();
    const types = registered.map((r) => r.type);
    expect(types.filter((t) => t.startsWith("dcplan:")).sort()).toEqual(["dcplan:backup:Backup", "dcplan:migration:Migration", "dcplan:platform:PlatformServices", "dcplan:platform:SharedPlatform", "dcplan:wan:Wan"]);
    expect(types.filter((t) => t === "pulumi:providers:kubernetes")).toHaveLength(1);
    const count = (t: string) => kubernetes().filter((r) => r.type === t).length;
    // 4 tenants + the namespaces of Velero, MetalLB and the log forwarders.
    expect(count("kubernetes:core/v1:Namespace")).toBe(4 + 3);
    expect(count("kubernetes:core/v1:ResourceQuota")).toBe(4);
    // Per tenant default-deny and DNS, 3 dependency edges both ways, 1 egress; logging: deny, SOC, DNS, API server.
    expect(count("kubernetes:networking.k8s.io/v1:NetworkPolicy")).toBe(4 * 2 + 3 * 2 + 1 + 4);
    expect(count("kubernetes:velero.io/v1:Schedule")).toBe(5);
    expect(count("kubernetes:velero.io/v1:BackupStorageLocation")).toBe(2);
    expect(count("kubernetes:metallb.io/v1beta2:BGPPeer")).toBe(2);
    // S3 credentials of 2 sites, 2 BGP passwords, the SOC's CA.
    expect(count("kubernetes:core/v1:Secret")).toBe(5);
    expect(kubernetes().filter((r) => r.type === "kubernetes:helm.sh/v3:Release").map((r) => r.inputs.name)).toEqual(["metallb", "velero", "fluent-bit", "fluent-bit-events"]);
    // The hypervisor path (the fixture's default): no Forklift object.
    expect(kubernetes().filter((r) => r.type.includes("forklift.konveyor.io"))).toEqual([]);
    expect(registered.map((r) => r.name)).toContain("platform-namespace-api");
    expect(registered.map((r) => r.name)).toContain("backup-schedule-velero-level-3-offsite");
    expect(new Set(registered.map((r) => `${r.type}::${r.name}`)).size).toBe(registered.length);
    expect(await valueOf(result.outputs.namespaces)).toEqual(["api", "db", "portal", "reports"]);
    expect(await valueOf(result.outputs.backupStorageLocations)).toEqual(["dc-bn", "dc-bg"]);
  });

  it("labels namespaces in what it registers", async () => {
    await run();
    const db = kubernetes().find((r) => r.name === "platform-namespace-db")!;
    expect((db.inputs.metadata as { labels: Record<string, string> }).labels).toMatchObject({
      "dcplan.gov.vn/owner": "so-yte",
      "dcplan.gov.vn/security-level": "4",
      "pod-security.kubernetes.io/enforce": "restricted",
    });
  });

  it("registers credentials and BGP passwords as secret outputs only", async () => {
    const result = await run();
    expect(result.backup.secrets).toHaveLength(2);
    expect(result.wan.secrets).toHaveLength(2);
    for (const s of [...result.backup.secrets, ...result.wan.secrets]) {
      const stringData = (s as unknown as { stringData: pulumi.Output<unknown> }).stringData;
      expect(await pulumi.isSecret(stringData)).toBe(true);
    }
    // What the engine receives: the Secret data marked secret, nothing secret anywhere else.
    const secrets = kubernetes().filter((r) => r.type === "kubernetes:core/v1:Secret");
    expect(secrets.map((r) => isWireSecret(r.inputs.stringData))).toEqual([true, true, true, true, true]);
    const others = kubernetes().filter((r) => r.type !== "kubernetes:core/v1:Secret");
    for (const word of ["md5-one", "md5-two", "bn-secret-key", "AKIA-BG"]) expect(JSON.stringify(others)).not.toContain(word);
  });

  it("raising waveCutoff adds exactly the namespaces of the next waves", async () => {
    const names = async (cutoff: number) => {
      await run(configValues({ waveCutoff: cutoff }));
      return kubernetes()
        .filter((r) => r.type === "kubernetes:core/v1:Namespace" && (r.inputs.metadata as { labels: Record<string, string> }).labels["dcplan.gov.vn/tenant"] === "true")
        .map((r) => (r.inputs.metadata as { name: string }).name)
        .sort();
    };
    expect(await names(1)).toEqual(["api", "portal"]);
    expect(await names(2)).toEqual(["api", "db", "portal"]);
  });

  it("fails on invalid WAN or backup configuration before registering any resource", async () => {
    const bad = configValues({ wan: { ...(configValues().wan as object), peers: [{ name: "pe", address: "10.0.0.1", myASN: 0, peerASN: 1 }] } });
    for (const [values, key] of [
      [bad, "dcplan:wan"],
      [configValues({ backup: { locations: {} } }), "dcplan:backup"],
    ] as const) {
      await installMocks();
      const { index, plan } = scenario();
      const err = await program.runProgram(objectConfigSource(values, configSecrets()), { root: "/x", inputs: { index, plan } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).findings.map((f) => f.entity)).toContain(key);
      await settle();
      expect(registered).toEqual([]);
    }
  });

  it("reports a level without storage class, a SOC without CA and an unpinned chart together, each at its key, before registering any resource", async () => {
    const kv = kubevirtValues().kubevirt as { storageClasses: Record<string, string> };
    const { "3": _level3, ...noLevel3 } = kv.storageClasses;
    const logging = configValues().logging as { soc: Record<string, unknown> };
    const { caFile: _ca, ...socWithoutCa } = logging.soc;
    const bad = kubevirtValues({
      kubevirt: { ...kv, storageClasses: noLevel3 },
      logging: { ...logging, soc: socWithoutCa },
      helm: { charts: { velero: { version: "^12.1.0" } } },
    });
    await installMocks();
    const { index, plan } = vmScenario();
    const err = await program.runProgram(objectConfigSource(bad, kubevirtSecrets()), { root: "/nonexistent", inputs: { index, plan } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    // Every problem in one run, each at its key.
    expect((err as ConfigError).findings.map((f) => [f.entity, (f.path ?? []).join(".")]).sort()).toEqual([
      ["dcplan:helm", "charts.velero.version"],
      ["dcplan:kubevirt", "storageClasses.3"],
      ["dcplan:logging", "soc.caFile"],
    ]);
    await settle();
    expect(registered).toEqual([]);
  });

  it("renders exactly what the components register: the same objects, and the same Helm releases and values", async () => {
    await run();
    const isRelease = (r: { type: string }) => r.type === "kubernetes:helm.sh/v3:Release";
    const fromPulumi = kubernetes().filter((r) => !isRelease(r)).map((r) => JSON.stringify(sortKeys(unwrapSecrets(r.inputs)))).sort();
    const root = writeTree({
      "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"),
      [CA_PATH]: readFileSync(CA_PATH, "utf8"),
      "stacks/Pulumi.test.yaml": { config: Object.fromEntries(Object.entries(configValues()).map(([k, v]) => [`dcplan:${k}`, v])) },
    });
    const out = tempDir();
    const env = { DCPLAN_BACKUP_CREDENTIALS: JSON.stringify(configSecrets().backupCredentials), DCPLAN_BGP_PASSWORDS: JSON.stringify(configSecrets().bgpPasswords) };
    const { index, plan } = scenario();
    await renderStack({ root, stack: "test", out, secretsFromEnv: true, env, inputs: { index, plan } });
    const files = readdirSync(out).sort();
    expect(files).toEqual(["00-priorityclasses.yaml", "10-namespaces.yaml", "20-rbac.yaml", "30-quotas.yaml", "40-networkpolicies.yaml", "50-secrets.yaml", "55-soc-ca.yaml", "60-velero.yaml", "70-metallb.yaml", "helm"]);
    const rendered = files.filter((f) => f.endsWith(".yaml")).flatMap((f) => parseAllDocuments(readFileSync(join(out, f), "utf8")).map((d) => JSON.stringify(sortKeys(d.toJS()))));
    expect(rendered.sort()).toEqual(fromPulumi);
    // The releases: what Pulumi installs is what helm/install.sh installs, with the values files' values.
    const releases = kubernetes().filter(isRelease);
    const script = readFileSync(join(out, "helm", "install.sh"), "utf8");
    const commands = script.split("\n").filter((l) => l.startsWith("helm upgrade --install"));
    expect(commands.map((c) => c.split(" ")[3])).toEqual(releases.map((r) => r.inputs.name));
    for (const [i, r] of releases.entries()) {
      expect(commands[i]).toContain(` ${String(r.inputs.chart)} `);
      expect(commands[i]).toContain(`--version ${String(r.inputs.version)} --namespace ${String(r.inputs.namespace)} `);
      const values = parse(readFileSync(join(out, "helm", `${String(r.inputs.name)}.values.yaml`), "utf8")) as unknown;
      expect(sortKeys(values)).toEqual(sortKeys(r.inputs.values));
    }
  });

  it.each([
    ["dev", 4],
    ["staging", 5],
    ["prod", 9],
  ])("runs the committed %s stack on the sample inventory: same resources as its render", async (stack, cutoff) => {
    const env = {
      [SECRET_ENV.backupCredentials]: JSON.stringify({ "dc-bn": { accessKeyId: "a", secretAccessKey: "b" }, "dc-bg": { accessKeyId: "c", secretAccessKey: "d" } }),
      [SECRET_ENV.bgpPasswords]: JSON.stringify({ "pe-tslcd-bn-1": "1", "pe-tslcd-bn-2": "2", "pe-tslcd-bg-1": "3", "pe-tslcd-bg-2": "4" }),
      [SECRET_ENV.vsphereCredentials]: JSON.stringify({ "dc-bg": { user: "forklift@vsphere.local", password: "v" }, "dc-bn": { user: "forklift@vsphere.local", password: "w" } }),
    };
    await installMocks(stack);
    const result = await program.runProgram(stackFileConfigSource(".", stack, env), { root: "." });
    expect(result.outputs.waveCutoff).toBe(cutoff);
    await valueOf(result.outputs.namespaces);
    await settle();
    const names = kubernetes()
      .filter((r) => r.type !== "kubernetes:helm.sh/v3:Release")
      .map((r) => `${r.type} ${(r.inputs.metadata as { namespace?: string }).namespace ?? ""}/${(r.inputs.metadata as { name: string }).name}`)
      .sort();
    const rendered = await renderStack({ root: ".", stack, out: tempDir(), secretsFromEnv: true, env });
    const expected = rendered.objects.map((o) => `kubernetes:${o.apiVersion.includes("/") ? o.apiVersion : `core/${o.apiVersion}`}:${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}`).sort();
    expect(names).toEqual(expected);
    expect(await valueOf(result.outputs.namespaces)).toEqual(rendered.objects.filter((o) => o.kind === "Namespace" && o.metadata.labels?.["dcplan.gov.vn/tenant"] === "true").map((o) => o.metadata.name));
    expect(await valueOf(result.outputs.bgpPeers)).toHaveLength(stack === "prod" ? 4 : 2);
  });

  it("gives the provider a stable clusterIdentifier and runs only on its own provider", async () => {
    await installMocks("dev");
    const env = {
      [SECRET_ENV.backupCredentials]: JSON.stringify(configSecrets().backupCredentials),
      [SECRET_ENV.bgpPasswords]: JSON.stringify({ "pe-tslcd-bn-1": "a", "pe-tslcd-bn-2": "b" }),
      [SECRET_ENV.vsphereCredentials]: JSON.stringify({ "dc-bg": { user: "u", password: "p" }, "dc-bn": { user: "u", password: "p" } }),
    };
    const result = await program.runProgram(stackFileConfigSource(".", "dev", env), { root: "." });
    await valueOf(result.outputs.namespaces);
    await settle();
    const provider = registered.find((r) => r.type === "pulumi:providers:kubernetes")!;
    expect(provider.inputs).toMatchObject({ clusterIdentifier: "dcplan-dev", context: "dcplan-dev" });
    // Without the key the stack name keeps it stable; tests without a stack get none.
    const unset = {} as StackConfig;
    expect(program.clusterIdentifier(unset, { value: () => undefined, secret: () => undefined, stack: "prod" })).toBe("dcplan-prod");
    expect(program.clusterIdentifier(unset, objectConfigSource({}))).toBeUndefined();
    // Every dcplan resource names the explicit provider, so disabling Pulumi's default one (as the stack files do) is safe.
    expect(kubernetes().every((r) => r.provider?.includes("pulumi:providers:kubernetes::cluster"))).toBe(true);
    const stackFile = parse(readFileSync("stacks/Pulumi.dev.yaml", "utf8")) as { config: Record<string, unknown> };
    expect(stackFile.config["pulumi:disable-default-providers"]).toEqual(["kubernetes"]);
  });

  it("rejects kubernetes:context and friends, which the program's own provider would silently ignore", async () => {
    const text = readFileSync("stacks/Pulumi.dev.yaml", "utf8").replace("  dcplan:kubeContext: dcplan-dev\n", "  kubernetes:context: dcplan-dev\n");
    const root = writeTree({ "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), [CA_PATH]: readFileSync(CA_PATH, "utf8"), "stacks/Pulumi.dev.yaml": text });
    const err = await program.runProgram(stackFileConfigSource(root, "dev", {}), { root, inputs: scenario() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).findings.map((f) => [f.rule, f.entity, f.line])).toEqual([["ignored-provider-config", "kubernetes:context", text.split("\n").indexOf("  kubernetes:context: dcplan-dev") + 1]]);
    // The same check on configuration as Pulumi passes it to the program.
    pulumi.runtime.setAllConfig({ "kubernetes:kubeconfig": "/root/.kube/config", "dcplan:kubeContext": "123", "dcplan:waveCutoff": "4" });
    try {
      const source = await pulumiConfigSource();
      expect(source.findings?.map((f) => f.entity)).toEqual(["kubernetes:kubeconfig"]);
      // String keys stay strings; numbers and objects arrive as JSON.
      expect([source.value("kubeContext"), source.value("waveCutoff")]).toEqual(["123", 4]);
      expect(source.stack).toBe(pulumi.getStack());
    } finally {
      pulumi.runtime.setAllConfig({});
    }
  });

  it("locates a configuration error in the stack file, and registers nothing", async () => {
    await installMocks("broken");
    const text = readFileSync("stacks/Pulumi.dev.yaml", "utf8").replace("myASN: 64512", "myASN: 0");
    const root = writeTree({ "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), [CA_PATH]: readFileSync(CA_PATH, "utf8"), "stacks/Pulumi.dev.yaml": text });
    const { index, plan } = scenario();
    const err = await program.runProgram(stackFileConfigSource(root, "dev", {}), { root, inputs: { index, plan } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const f = (err as ConfigError).findings.find((x) => x.rule === "invalid-asn")!;
    expect(f.line).toBe(text.split("\n").findIndex((l) => l.includes("myASN: 0")) + 1);
    await settle();
    expect(registered).toEqual([]);
  });

  it("runs the sample prod stack with tenants at levels 1–4: Pod Security, schedules (offsite from level 3) and the secure node pool", async () => {
    await installMocks("prod");
    const result = await program.runProgram(stackFileConfigSource(".", "prod", STACK_ENV), { root: "." });
    await valueOf(result.outputs.namespaces);
    await settle();
    const tenants = kubernetes().filter((r) => r.type === "kubernetes:core/v1:Namespace" && meta(r).labels?.["dcplan.gov.vn/tenant"] === "true");
    const level = (r: (typeof tenants)[number]) => Number(meta(r).labels!["dcplan.gov.vn/security-level"]);
    expect([...new Set(tenants.map(level))].sort()).toEqual([1, 2, 3, 4]);
    for (const t of tenants) {
      const labels = meta(t).labels!;
      expect(labels["pod-security.kubernetes.io/enforce"], meta(t).name).toBe(level(t) >= 3 ? "restricted" : "baseline");
      expect(meta(t).annotations?.["scheduler.alpha.kubernetes.io/node-selector"], meta(t).name).toBe(level(t) >= 4 ? "dcplan.gov.vn/node-pool=secure" : undefined);
    }
    const schedules = kubernetes().filter((r) => r.type === "kubernetes:velero.io/v1:Schedule");
    const scheduled = (ns: string, role: string) =>
      schedules.filter((s) => meta(s).labels!["dcplan.gov.vn/role"] === role && (s.inputs.spec as { template: { includedNamespaces: string[] } }).template.includedNamespaces.includes(ns));
    for (const t of tenants) {
      expect(scheduled(meta(t).name, "primary"), meta(t).name).toHaveLength(1);
      expect(scheduled(meta(t).name, "offsite"), meta(t).name).toHaveLength(level(t) >= 3 ? 1 : 0);
    }
    // The level-4 system's VMs go to the secure pool and its level's storage class.
    const plan = kubernetes().find((r) => r.type === "kubernetes:forklift.konveyor.io/v1beta1:Plan" && meta(r).labels?.["dcplan.gov.vn/system"] === "qlvb-dang")!;
    expect(plan.inputs.spec).toMatchObject({ targetNamespace: "qlvb-dang", targetNodeSelector: { "dcplan.gov.vn/node-pool": "secure" }, map: { storage: { name: "storagemap-dc-bg-level-4" } } });
    expect(await valueOf(result.outputs.helmReleases)).toEqual(["metallb", "velero", "fluent-bit", "fluent-bit-events"]);
  });

  it("runs the dev stack with at least ten tenants", async () => {
    await installMocks("dev");
    const result = await program.runProgram(stackFileConfigSource(".", "dev", STACK_ENV), { root: "." });
    expect((await valueOf(result.outputs.namespaces)).length).toBeGreaterThanOrEqual(10);
    await settle();
  });

  it("registers one Forklift Plan per rehosted system and wave up to the cutoff, listing exactly its VMs; raising the cutoff adds the next wave's", async () => {
    const plans = async (cutoff: number) => {
      await installMocks();
      const { index, plan } = vmScenario();
      const result = await program.runProgram(objectConfigSource(kubevirtValues({ waveCutoff: cutoff }), kubevirtSecrets()), { root: "/nonexistent", inputs: { index, plan } });
      await valueOf(result.outputs.migrationPlans);
      await settle();
      const forklift = (kind: string) => kubernetes().filter((r) => r.type === `kubernetes:forklift.konveyor.io/v1beta1:${kind}`);
      expect(forklift("Migration").map((r) => meta(r).name).sort()).toEqual(forklift("Plan").map((r) => meta(r).name).sort());
      return Object.fromEntries(forklift("Plan").map((r) => [meta(r).name, (r.inputs.spec as { vms: { targetName: string }[] }).vms.map((v) => v.targetName)]).sort());
    };
    const wave1 = { "ledger-wave-1": ["vm-ledger-app", "vm-ledger-db"] };
    const wave2 = { "grants-wave-2": ["vm-grants", "vm-shared-sql"], "permits-wave-2": ["vm-permits"] };
    expect(await plans(1)).toEqual(wave1);
    expect(await plans(2)).toEqual({ ...wave1, ...wave2 });
    // vCenter credentials reach the engine only as secrets.
    const secret = kubernetes().find((r) => meta(r).name === "vsphere-credentials-dc-bg")!;
    expect(isWireSecret(secret.inputs.stringData)).toBe(true);
    expect(JSON.stringify(kubernetes().filter((r) => r !== secret))).not.toContain("bg-vc-pass");
  });

  it.each([
    ["a vSphere URL that is not https", "dcplan:kubevirt", (v: Record<string, unknown>) => {
      const kv = v.kubevirt as { sources: Record<string, Record<string, unknown>> };
      return { ...v, kubevirt: { ...kv, sources: { ...kv.sources, "dc-bg": { ...kv.sources["dc-bg"], url: "http://vcenter.dc-bg/sdk" } } } };
    }],
    ["a storage class missing for a level", "dcplan:kubevirt", (v: Record<string, unknown>) => {
      const kv = v.kubevirt as { storageClasses: Record<string, string> };
      const { "3": _three, ...rest } = kv.storageClasses;
      return { ...v, kubevirt: { ...kv, storageClasses: rest } };
    }],
    ["a SOC endpoint without CA", "dcplan:logging", (v: Record<string, unknown>) => ({ ...v, logging: { soc: { endpoint: "tls://soc.example.gov.vn:6514", cidrs: ["198.18.0.0/28"] } } })],
    ["a chart version that is not pinned", "dcplan:helm", (v: Record<string, unknown>) => ({ ...v, helm: { charts: { velero: { version: "12.x" } } } })],
  ])("fails on %s before registering any resource, naming the key", async (_case, key, change) => {
    await installMocks();
    const { index, plan } = vmScenario();
    const err = await program.runProgram(objectConfigSource(change(kubevirtValues()), kubevirtSecrets()), { root: "/nonexistent", inputs: { index, plan } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).findings.map((f) => f.entity)).toEqual([key]);
    await settle();
    expect(registered).toEqual([]);
  });
});
