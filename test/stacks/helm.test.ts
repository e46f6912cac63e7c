// The platform services as pinned Helm releases: values valid for the vendored charts (schema and
// keys), images from the internal registry, the install order and commands, the checks on chart
// versions and sources, and the Lua filter that labels every log record (run with fengari).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ConfigError, type Finding } from "../../common/errors.js";
import { CHARTS, fromRegistry, isPinnedVersion } from "../../stacks/builders/helm/charts.js";
import { type FluentBitValuesInput, labelScript, parseSocEndpoint } from "../../stacks/builders/helm/fluent-bit-values.js";
import { helmCommand, installScript } from "../../stacks/builders/helm/releases.js";
import { objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { buildStackObjects, buildStackReleases, prepareStack } from "../../stacks/stack.js";
import { chartsDirectory, coalesce, validateObjects, validateRelease, validateValues } from "../../stacks/validate/index.js";
import { configSecrets, configValues, scenario } from "./fixtures.js";

/** The part of fengari's API the test uses (the package ships no types). */
interface Fengari {
  lua: { LUA_OK: number; lua_tojsstring(L: unknown, i: number): string };
  lauxlib: { luaL_newstate(): unknown; luaL_dostring(L: unknown, s: Uint8Array): number };
  lualib: { luaL_openlibs(L: unknown): void };
  to_luastring(s: string): Uint8Array;
}

function prepared(values = configValues()) {
  const { index, plan } = scenario();
  return prepareStack(parseStackConfig(objectConfigSource(values, configSecrets())), index, plan);
}

function problems(values: Record<string, unknown>): Finding[] {
  try {
    prepared(values);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).findings];
  }
  return [];
}

const helm = (charts: Record<string, unknown>, imageRegistry?: string) => configValues({ helm: { charts, ...(imageRegistry ? { imageRegistry } : {}) } });

describe("Helm releases of the platform services", () => {
  it("installs MetalLB, Velero and the two Fluent Bit releases in that order, pinned to the vendored charts", () => {
    const releases = buildStackReleases(prepared());
    expect(releases.map((r) => [r.name, r.chart, r.repository, r.version, r.namespace])).toEqual([
      ["metallb", "metallb", "https://metallb.github.io/metallb", "0.16.1", "metallb-system"],
      ["velero", "velero", "https://vmware-tanzu.github.io/helm-charts", "12.1.0", "velero"],
      ["fluent-bit", "fluent-bit", "https://fluent.github.io/helm-charts", "0.58.1", "logging"],
      ["fluent-bit-events", "fluent-bit", "https://fluent.github.io/helm-charts", "0.58.1", "logging"],
    ]);
    for (const key of Object.keys(CHARTS) as (keyof typeof CHARTS)[]) {
      const chart = parse(readFileSync(join(chartsDirectory(), CHARTS[key].dir, "Chart.yaml"), "utf8")) as { name: string; version: string; appVersion: string };
      expect([chart.name, chart.version, String(chart.appVersion)], key).toEqual([CHARTS[key].chart, CHARTS[key].version, CHARTS[key].appVersion]);
    }
  });

  it("builds values every chart accepts: its values.schema.json on the coalesced values, and only keys its values.yaml has", () => {
    for (const values of [configValues(), helm({}, "registry.dc-bn.example.gov.vn:5000/mirror")]) {
      for (const r of buildStackReleases(prepared(values))) expect(validateRelease(r), r.name).toEqual([]);
    }
    const velero = buildStackReleases(prepared())[1].values;
    expect(velero).toMatchObject({ deployNodeAgent: true, credentials: { useSecret: false }, configuration: { backupStorageLocation: [], features: "EnableCSI" } });
    expect((velero.initContainers as { name: string }[]).map((c) => c.name)).toEqual(["velero-plugin-for-aws", "kubevirt-velero-plugin"]);
    const metallb = buildStackReleases(prepared())[0].values;
    expect(metallb).toMatchObject({ frrk8s: { enabled: false }, speaker: { frr: { enabled: true } } });
  });

  it("catches what Helm would let through or reject: a misspelled key, a wrong type, a missing required value", () => {
    expect(validateValues("velero", { deployNodeAgnet: true }).map((p) => p.pointer)).toEqual(["/deployNodeAgnet"]);
    expect(validateValues("fluent-bit", { config: { inptus: "x" } }).map((p) => p.pointer)).toEqual(["/config/inptus"]);
    expect(validateValues("velero", { deployNodeAgent: "yes" }).map((p) => [p.pointer, p.message])).toContainEqual(["/deployNodeAgent", "must be boolean"]);
    expect(validateValues("metallb", { controller: { logLevel: "verbose" } })[0].pointer).toBe("/controller/logLevel");
    // Helm's null removes a default: a required value removed is caught on the coalesced values.
    expect(validateValues("velero", { image: null }).map((p) => p.message)).toContain('missing required value "image"');
    // Free maps (empty in values.yaml) take any key.
    expect(validateValues("fluent-bit", { luaScripts: { "x.lua": "return" }, podLabels: { a: "b" } })).toEqual([]);
    expect(coalesce({ a: { b: 1, c: 2 }, d: [1] }, { a: { c: null, e: 3 }, d: [2] })).toEqual({ a: { b: 1, e: 3 }, d: [2] });
  });

  it("pulls every image from the internal registry when one is configured, keeping the upstream paths and tags", () => {
    expect(fromRegistry("quay.io/metallb/speaker:v0.16.1", "reg.local:5000")).toBe("reg.local:5000/metallb/speaker:v0.16.1");
    expect(fromRegistry("docker.io/velero/velero:v1.18.1", "reg.local/mirror")).toBe("reg.local/mirror/velero/velero:v1.18.1");
    expect(fromRegistry("busybox:1.37", "reg.local")).toBe("reg.local/busybox:1.37");
    const text = JSON.stringify(buildStackReleases(prepared(helm({}, "registry.dc-bn.example.gov.vn"))).map((r) => r.values));
    const images = [...text.matchAll(/"(?:image|repository)":"([^"]+)"/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(8);
    for (const image of images) expect(image).toMatch(/^registry\.dc-bn\.example\.gov\.vn\//);
    for (const upstream of ["quay.io", "docker.io", "cr.fluentbit.io", "registry.k8s.io", "busybox"]) expect(text).not.toContain(upstream);
  });

  it("writes `helm upgrade --install` commands for archives (air-gapped) and repositories, after the namespaces and the CA", () => {
    const releases = buildStackReleases(prepared(helm({ velero: { version: "12.1.0", archive: "charts/velero-12.1.0.tgz" } })));
    expect(helmCommand(releases[1])).toBe('helm upgrade --install velero charts/velero-12.1.0.tgz --version 12.1.0 --namespace velero --values "$HERE/velero.values.yaml" --wait --timeout 15m');
    expect(helmCommand(releases[0])).toBe('helm upgrade --install metallb metallb --repo https://metallb.github.io/metallb --version 0.16.1 --namespace metallb-system --values "$HERE/metallb.values.yaml" --wait --timeout 15m');
    const script = installScript(releases, "# header\n", ["10-namespaces.yaml", "55-soc-ca.yaml"]).split("\n");
    expect(script[0]).toBe("#!/bin/sh");
    const apply = script.findIndex((l) => l.startsWith("kubectl apply"));
    expect(script[apply]).toBe('kubectl apply -f "$HERE/../10-namespaces.yaml" -f "$HERE/../55-soc-ca.yaml"');
    expect(script.filter((l) => l.startsWith("helm ")).map((l) => l.split(" ")[3])).toEqual(["metallb", "velero", "fluent-bit", "fluent-bit-events"]);
    expect(script.findIndex((l) => l.startsWith("helm "))).toBeGreaterThan(apply);
  });

  it("fails before any resource when a chart version is not pinned, not the vendored one, or its archive disagrees, naming the key", () => {
    expect(["12.1.0", "1.2.3-rc.1"].map(isPinnedVersion)).toEqual([true, true]);
    expect(["^12.1.0", "12.x", "~12.1", "latest", "", ">=12.1.0", "12.1"].map(isPinnedVersion)).toEqual(Array(7).fill(false));
    expect(problems(helm({ velero: { version: "^12.1.0" } })).map((f) => [f.entity, f.path, f.rule])).toEqual([["dcplan:helm", ["charts", "velero", "version"], "unpinned-chart"]]);
    expect(problems(helm({ fluentBit: { version: "latest" } })).map((f) => [f.entity, f.path, f.rule])).toEqual([["dcplan:helm", ["charts", "fluentBit", "version"], "unpinned-chart"]]);
    expect(problems(helm({ metallb: { version: "0.15.2" } })).map((f) => f.rule)).toEqual(["unsupported-chart"]);
    expect(problems(helm({ velero: { archive: "charts/velero-12.0.0.tgz" } })).map((f) => [f.path, f.rule])).toEqual([[["charts", "velero", "archive"], "unpinned-chart"]]);
    expect(problems(helm({ velero: { archive: "charts/velero.tgz" } })).map((f) => f.path)).toEqual([["charts", "velero", "archive"]]);
    expect(problems(helm({ velero: { archive: "charts/velero-12.1.0.tgz", repository: "https://example.org/charts" } })).map((f) => f.path)).toEqual([["charts", "velero"]]);
  });
});

describe("logs to the SOC", () => {
  it("accepts syslog over TLS or HTTPS only, and fails without the SOC's CA, naming the key", () => {
    expect(parseSocEndpoint("tls://soc.example.gov.vn:6514")).toEqual({ protocol: "syslog", host: "soc.example.gov.vn", port: 6514, path: "/" });
    expect(parseSocEndpoint("https://soc.example.gov.vn/ingest/k8s")).toEqual({ protocol: "https", host: "soc.example.gov.vn", port: 443, path: "/ingest/k8s" });
    for (const bad of ["udp://soc.example.gov.vn:514", "http://soc.example.gov.vn/x", "tcp://soc:514", "tls://soc.example.gov.vn", "soc.example.gov.vn:6514"]) {
      expect(typeof parseSocEndpoint(bad), bad).toBe("string");
    }
    const logging = (soc: Record<string, unknown>) => configValues({ logging: { soc } });
    const noCa = problems(logging({ endpoint: "tls://soc.example.gov.vn:6514", cidrs: ["198.18.0.0/28"] }));
    expect(noCa.map((f) => [f.entity, f.path, f.rule])).toEqual([["dcplan:logging", ["soc", "caFile"], "missing-config"]]);
    const udp = problems(logging({ endpoint: "udp://soc.example.gov.vn:514", cidrs: ["198.18.0.0/28"], caFile: "stacks/certs/soc-ca.example.pem" }));
    expect(udp.map((f) => [f.entity, f.path])).toEqual([["dcplan:logging", ["soc", "endpoint"]]]);
    expect(udp[0].message).toMatch(/only encrypted/);
    const missing = problems(logging({ endpoint: "tls://soc.example.gov.vn:6514", cidrs: ["198.18.0.0/28"], caFile: "stacks/certs/nope.pem" }));
    expect(missing.map((f) => [f.entity, f.path, f.rule])).toEqual([["dcplan:logging", ["soc", "caFile"], "unreadable"]]);
    const notPem = problems(logging({ endpoint: "tls://soc.example.gov.vn:6514", cidrs: ["198.18.0.0/28"], caFile: "Pulumi.yaml" }));
    expect(notPem.map((f) => f.message)).toEqual(['"Pulumi.yaml" holds no PEM certificate (-----BEGIN CERTIFICATE-----)']);
  });

  it("lets the logging namespace reach the SOC and nothing else (DNS only for a named SOC, the API server only for the events collector)", () => {
    const objects = buildStackObjects(prepared()).services;
    expect(validateObjects(objects)).toEqual([]);
    const policies = objects.filter((o) => o.kind === "NetworkPolicy");
    expect(policies.map((p) => p.metadata.name)).toEqual(["allow-dns", "allow-egress-to-soc", "allow-events-to-apiserver", "default-deny"]);
    const spec = (name: string) => policies.find((p) => p.metadata.name === name)!.spec as Record<string, unknown>;
    expect(spec("default-deny")).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(spec("allow-egress-to-soc").egress).toEqual([{ ports: [{ port: 6514, protocol: "TCP" }], to: [{ ipBlock: { cidr: "198.18.0.0/28" } }] }]);
    expect(spec("allow-events-to-apiserver").podSelector).toEqual({ matchLabels: { "app.kubernetes.io/instance": "fluent-bit-events" } });
    // Defaults to the node CIDRs, where the API server runs.
    expect(spec("allow-events-to-apiserver").egress).toEqual([{ ports: [{ port: 6443, protocol: "TCP" }], to: [{ ipBlock: { cidr: "10.10.0.0/24" } }] }]);
    // Every egress rule of the namespace goes to the SOC, DNS or the API server: nowhere else.
    const egressTargets = policies.flatMap((p) => ((p.spec as { egress?: { to: unknown[] }[] }).egress ?? []).flatMap((e) => e.to));
    expect(egressTargets).toHaveLength(3);
    const byIp = buildStackObjects(prepared(configValues({ logging: { soc: { endpoint: "tls://198.18.0.5:6514", cidrs: ["198.18.0.5/32"], caFile: "stacks/certs/soc-ca.example.pem" } } }))).services;
    expect(byIp.filter((o) => o.kind === "NetworkPolicy").map((p) => p.metadata.name)).not.toContain("allow-dns");
    const ca = objects.find((o) => o.kind === "Secret")!;
    expect([ca.metadata.name, Object.keys(ca.stringData as object)]).toEqual(["soc-ca", ["ca.crt"]]);
    expect(objects.filter((o) => o.kind === "Namespace").map((n) => [n.metadata.name, n.metadata.labels!["pod-security.kubernetes.io/enforce"]])).toEqual([
      ["logging", "privileged"],
      ["metallb-system", "privileged"],
      ["velero", "privileged"],
    ]);
  });

  it("labels every record with its system, agency, security level and retention (the Lua filter, run)", () => {
    const require = createRequire(import.meta.url);
    const { lua, lauxlib, lualib, to_luastring } = require("fengari") as Fengari;
    const input = (protocol: "syslog" | "https"): FluentBitValuesInput => ({
      soc: { protocol, host: "soc", port: 6514, path: "/" },
      tenants: [
        { namespace: "qlvb-dang", agency: "van-phong-tinh-uy", securityLevel: 4 },
        { namespace: "khieu-nai", agency: "thanh-tra", securityLevel: 2 },
      ],
      platformAgency: "so-khcn",
      platformLevel: 4,
      auditLogPath: "/var/log/kubernetes/audit/audit.log",
      caSecret: "soc-ca",
    });
    // Runs dcplan_labels(tag, 0, record) and returns the record it gives back, flattened to JSON.
    const run = (script: string, tag: string, record: string): Record<string, unknown> => {
      const L = lauxlib.luaL_newstate();
      lualib.luaL_openlibs(L);
      const harness = `${script}
local function dump(v)
  if type(v) == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = string.format("%q:%s", k, dump(v[k])) end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif type(v) == "number" then return tostring(v)
  else return string.format("%q", tostring(v)) end
end
local code, ts, out = dcplan_labels(${JSON.stringify(tag)}, 0, ${record})
return tostring(code) .. "|" .. dump(out)`;
      const status = lauxlib.luaL_dostring(L, to_luastring(harness));
      expect(status, status === lua.LUA_OK ? "" : lua.lua_tojsstring(L, -1)).toBe(lua.LUA_OK);
      const [code, json] = lua.lua_tojsstring(L, -1).split("|");
      expect(code).toBe("2");
      return JSON.parse(json) as Record<string, unknown>;
    };
    const https = labelScript(input("https"));
    const container = run(https, "kube.var.log.containers.qlvbd-app-7f9c_qlvb-dang_app-0123.log", '{ log = "started" }');
    expect(container).toEqual({ agency: "van-phong-tinh-uy", log: "started", retention_days: 365, security_level: 4, system: "qlvb-dang" });
    const audit = run(https, "audit", `{ log = [[{"kind":"Event","verb":"delete","objectRef":{"resource":"pods","namespace":"khieu-nai","name":"x"}}]] }`);
    expect([audit.system, audit.agency, audit.security_level, audit.retention_days]).toEqual(["khieu-nai", "thanh-tra", 2, 180]);
    const event = run(https, "events", '{ type = "Normal", reason = "Succeeded", message = "Migration completed", involvedObject = { kind = "Migration", name = "qlvb-dang-wave-3", namespace = "konveyor-forklift" } }');
    expect([event.system, event.agency, event.security_level, event.log]).toEqual(["platform", "so-khcn", 4, "Normal Succeeded Migration/qlvb-dang-wave-3: Migration completed"]);
    // Syslog: the labels as RFC 5424 structured data, the system as the app name.
    const syslog = run(labelScript(input("syslog")), "kube.var.log.containers.a_khieu-nai_b-1.log", '{ log = "x" }');
    expect(syslog).toEqual({ app: "khieu-nai", "dcplan@32473": { agency: "thanh-tra", retention_days: "180", security_level: "2", system: "khieu-nai" }, log: "x" });
  });
});
