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
import { tempDir, writeTree } from "../fixtures.js";
import { configSecrets, configValues, scenario } from "./fixtures.js";
import { installMocks, registered, settle, valueOf } from "./pulumi-mocks.js";

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

/** Pulumi's wire marker of a secret value (what the engine receives for a secret input). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const isWireSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270";
function unwrapSecrets(v: unknown): unknown {
  if (isWireSecret(v)) return unwrapSecrets((v as { value: unknown }).value);
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
  return v;
}

describe("Pulumi program under mocks", () => {
  it("turns promise stack traces off only while constructing: the limit is restored and the SDK still captures source positions", async () => {
    const before = Error.stackTraceLimit;
    await run();
    expect(Error.stackTraceLimit).toBe(before);
    // Resource source positions come from Resource.callsites(), which raises the limit itself; the
    // program relies on that when it sets the limit to 0 around construction.
    Error.stackTraceLimit = 0;
    try {
      const frames = (pulumi.Resource as unknown as { callsites(): { file?: string }[] }).callsites();
      // At a limit of 0 the stack would hold no frame at all.
      expect(frames.length).toBeGreaterThan(1);
      expect(frames[0].file).toMatch(/@pulumi[/\\]pulumi[/\\]resource\.js$/);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  it("registers the components and their children with stable names", async () => {
    const result = await run();
    const types = registered.map((r) => r.type);
    expect(types.filter((t) => t.startsWith("dcplan:")).sort()).toEqual(["dcplan:backup:Backup", "dcplan:platform:SharedPlatform", "dcplan:wan:Wan"]);
    expect(types.filter((t) => t === "pulumi:providers:kubernetes")).toHaveLength(1);
    const count = (t: string) => kubernetes().filter((r) => r.type === t).length;
    expect(count("kubernetes:core/v1:Namespace")).toBe(4);
    expect(count("kubernetes:core/v1:ResourceQuota")).toBe(4);
    expect(count("kubernetes:networking.k8s.io/v1:NetworkPolicy")).toBe(4 * 2 + 3 * 2 + 1);
    expect(count("kubernetes:velero.io/v1:Schedule")).toBe(5);
    expect(count("kubernetes:velero.io/v1:BackupStorageLocation")).toBe(2);
    expect(count("kubernetes:metallb.io/v1beta2:BGPPeer")).toBe(2);
    expect(count("kubernetes:core/v1:Secret")).toBe(4);
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
    expect(secrets.map((r) => isWireSecret(r.inputs.stringData))).toEqual([true, true, true, true]);
    const others = kubernetes().filter((r) => r.type !== "kubernetes:core/v1:Secret");
    for (const word of ["md5-one", "md5-two", "bn-secret-key", "AKIA-BG"]) expect(JSON.stringify(others)).not.toContain(word);
  });

  it("raising waveCutoff adds exactly the namespaces of the next waves", async () => {
    const names = async (cutoff: number) => {
      await run(configValues({ waveCutoff: cutoff }));
      return kubernetes().filter((r) => r.type === "kubernetes:core/v1:Namespace").map((r) => (r.inputs.metadata as { name: string }).name).sort();
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

  it("renders exactly what the components register", async () => {
    await run();
    const fromPulumi = kubernetes().map((r) => JSON.stringify(sortKeys(unwrapSecrets(r.inputs)))).sort();
    const root = writeTree({
      "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"),
      "stacks/Pulumi.test.yaml": { config: Object.fromEntries(Object.entries(configValues()).map(([k, v]) => [`dcplan:${k}`, v])) },
    });
    const out = tempDir();
    const env = { DCPLAN_BACKUP_CREDENTIALS: JSON.stringify(configSecrets().backupCredentials), DCPLAN_BGP_PASSWORDS: JSON.stringify(configSecrets().bgpPasswords) };
    const { index, plan } = scenario();
    await renderStack({ root, stack: "test", out, secretsFromEnv: true, env, inputs: { index, plan } });
    const files = readdirSync(out).sort();
    expect(files).toEqual(["00-priorityclasses.yaml", "10-namespaces.yaml", "20-rbac.yaml", "30-quotas.yaml", "40-networkpolicies.yaml", "50-secrets.yaml", "60-velero.yaml", "70-metallb.yaml"]);
    const rendered = files.flatMap((f) => parseAllDocuments(readFileSync(join(out, f), "utf8")).map((d) => JSON.stringify(sortKeys(d.toJS())))).sort();
    expect(rendered).toEqual(fromPulumi);
  });

  it.each([
    ["dev", 3],
    ["staging", 5],
    ["prod", 9],
  ])("runs the committed %s stack on the sample inventory: same resources as its render", async (stack, cutoff) => {
    const env = {
      [SECRET_ENV.backupCredentials]: JSON.stringify({ "dc-bn": { accessKeyId: "a", secretAccessKey: "b" }, "dc-bg": { accessKeyId: "c", secretAccessKey: "d" } }),
      [SECRET_ENV.bgpPasswords]: JSON.stringify({ "pe-tslcd-bn-1": "1", "pe-tslcd-bn-2": "2", "pe-tslcd-bg-1": "3", "pe-tslcd-bg-2": "4" }),
    };
    await installMocks(stack);
    const result = await program.runProgram(stackFileConfigSource(".", stack, env), { root: "." });
    expect(result.outputs.waveCutoff).toBe(cutoff);
    await valueOf(result.outputs.namespaces);
    await settle();
    const names = kubernetes().map((r) => `${r.type} ${(r.inputs.metadata as { namespace?: string }).namespace ?? ""}/${(r.inputs.metadata as { name: string }).name}`).sort();
    const rendered = await renderStack({ root: ".", stack, out: tempDir(), secretsFromEnv: true, env });
    const expected = rendered.objects.map((o) => `kubernetes:${o.apiVersion.includes("/") ? o.apiVersion : `core/${o.apiVersion}`}:${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}`).sort();
    expect(names).toEqual(expected);
    expect(await valueOf(result.outputs.namespaces)).toEqual(rendered.objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name));
    expect(await valueOf(result.outputs.bgpPeers)).toHaveLength(stack === "prod" ? 4 : 2);
  });

  it("gives the provider a stable clusterIdentifier and runs only on its own provider", async () => {
    await installMocks("dev");
    const env = { [SECRET_ENV.backupCredentials]: JSON.stringify(configSecrets().backupCredentials), [SECRET_ENV.bgpPasswords]: JSON.stringify({ "pe-tslcd-bn-1": "a", "pe-tslcd-bn-2": "b" }) };
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
    const root = writeTree({ "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), "stacks/Pulumi.dev.yaml": text });
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
    const root = writeTree({ "Pulumi.yaml": readFileSync("Pulumi.yaml", "utf8"), "stacks/Pulumi.dev.yaml": text });
    const { index, plan } = scenario();
    const err = await program.runProgram(stackFileConfigSource(root, "dev", {}), { root, inputs: { index, plan } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const f = (err as ConfigError).findings.find((x) => x.rule === "invalid-asn")!;
    expect(f.line).toBe(text.split("\n").findIndex((l) => l.includes("myASN: 0")) + 1);
    await settle();
    expect(registered).toEqual([]);
  });
});
