// Stack configuration: zod validation naming the key, cross-checks (sites, credentials) and the
// WAN checks — each failing before anything is built. One valid configuration, one change per case.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ConfigError, type Finding } from "../../common/errors.js";
import { durationSeconds } from "../../stacks/builders/wan.js";
import { CONFIG_KEYS, objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { prepareStack } from "../../stacks/stack.js";
import { configSecrets, configValues, scenario } from "./fixtures.js";

function problems(values: Record<string, unknown>, secrets = configSecrets()): Finding[] {
  const { index, plan } = scenario();
  try {
    prepareStack(parseStackConfig(objectConfigSource(values, secrets)), index, plan);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).findings];
  }
  return [];
}

const wan = (over: Record<string, unknown>) => configValues({ wan: { ...(configValues().wan as object), ...over } });
const peers = () => (configValues().wan as { peers: Record<string, unknown>[] }).peers;

describe("stack configuration", () => {
  it("accepts the fixture configuration", () => {
    expect(problems(configValues())).toEqual([]);
  });

  it("names the key of a wrong type and of a missing required value", () => {
    const f = problems(configValues({ waveCutoff: "two", backup: undefined }));
    expect(f.map((x) => x.entity).sort()).toEqual(["dcplan:backup", "dcplan:waveCutoff"]);
    expect(f.find((x) => x.entity === "dcplan:backup")?.rule).toBe("missing-config");
  });

  it("rejects unknown fields inside object keys (typos do not pass)", () => {
    const f = problems(configValues({ tenancy: { headroomPc: 20 } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ entity: "dcplan:tenancy" });
  });

  it("requires credentials for both backup sites and never echoes secret values", () => {
    const f = problems(configValues(), configSecrets({ backupCredentials: { "dc-bn": { accessKeyId: "AKIA-BN", secretAccessKey: "bn-secret-key" } } }));
    expect(f.map((x) => [x.entity, x.path])).toEqual([["dcplan:backupCredentials", ["dc-bg"]]]);
    const bad = problems(configValues(), configSecrets({ backupCredentials: { "dc-bn": { accessKeyId: "AKIA-BN", secretAccessKey: 42 } } }));
    expect(JSON.stringify(bad)).not.toContain("AKIA-BN");
  });

  it("requires a backup location at both sites, sites that exist, and different sites", () => {
    const locations = (configValues().backup as { locations: Record<string, unknown> }).locations;
    expect(problems(configValues({ backup: { locations: { "dc-bn": locations["dc-bn"] } } })).map((x) => x.entity)).toEqual(["dcplan:backup"]);
    expect(problems(configValues({ sites: { primary: "dc-bn", offsite: "dc-xx" } })).map((x) => x.rule)).toEqual(["unknown-site"]);
    expect(problems(configValues({ sites: { primary: "dc-bn", offsite: "dc-bn" } })).map((x) => x.rule)).toEqual(["same-site"]);
  });

  it("keeps Pulumi.yaml's documented keys and defaults in step with the schema", () => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8")) as { config: Record<string, { default?: unknown; secret?: boolean; description?: string }> };
    expect(Object.keys(project.config).sort()).toEqual(CONFIG_KEYS.map((k) => `dcplan:${k.key}`).sort());
    for (const k of CONFIG_KEYS) {
      const decl = project.config[`dcplan:${k.key}`];
      expect(decl.description, k.key).toBeTruthy();
      expect(decl.secret === true, k.key).toBe(k.secret);
      // A declared key without a default is required by Pulumi: only required keys may lack one.
      if (decl.default === undefined) expect(k.schema.safeParse(undefined).success === false || k.secret || ["sites", "tenancy", "wan", "kubevirt", "helm"].includes(k.key), k.key).toBe(true);
      else expect(k.schema.parse(decl.default === "" ? undefined : decl.default), k.key).toEqual(k.schema.parse(undefined));
    }
  });
});

describe("committed stack files", () => {
  it.each(["dev", "staging", "prod"])("%s sets every key Pulumi.yaml declares without a default (secrets aside)", (stack) => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8")) as { config: Record<string, { default?: unknown; secret?: boolean }> };
    const values = (parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")) as { config: Record<string, unknown> }).config;
    const required = Object.entries(project.config).filter(([, d]) => d.default === undefined && !d.secret).map(([k]) => k);
    expect(required.filter((k) => values[k] === undefined)).toEqual([]);
    expect(Object.keys(values).filter((k) => project.config[k]?.secret)).toEqual([]);
  });
});

describe("WAN checks", () => {
  it("rejects addresses that do not parse (IPv4 and IPv6) and CIDRs with host bits", () => {
    const pools = [
      { name: "a", zone: "tslcd", addresses: ["10.1.0.0/33", "2001:db8::g/64", "10.1.0.1/24", "10.2.0.9-10.2.0.1"] },
    ];
    const f = problems(wan({ pools, advertisements: [] }));
    expect(f.filter((x) => x.rule === "invalid-address").map((x) => x.path)).toEqual([
      ["pools", 0, "addresses", 0],
      ["pools", 0, "addresses", 1],
      ["pools", 0, "addresses", 2],
      ["pools", 0, "addresses", 3],
    ]);
  });

  it("rejects pools overlapping each other or the node, pod and service networks", () => {
    const pools = [
      { name: "a", zone: "tslcd", addresses: ["10.160.0.0/24"] },
      { name: "b", zone: "dmz", addresses: ["10.160.0.128-10.160.0.140"] },
      { name: "c", zone: "management", addresses: ["10.10.0.16/28"] },
      { name: "d", zone: "dmz", addresses: ["fd00:96::100/120"] },
    ];
    const f = problems(wan({ pools, advertisements: [{ name: "x", pools: ["a"] }], l2Advertisements: [] }));
    const overlaps = f.filter((x) => x.rule === "pool-overlap").map((x) => x.message);
    expect(overlaps).toHaveLength(3);
    expect(overlaps.join("\n")).toMatch(/pool "b" overlaps 10\.160\.0\.0\/24 of pool "a"/);
    expect(overlaps.join("\n")).toMatch(/the node network/);
    expect(overlaps.join("\n")).toMatch(/the service network/);
  });

  it("checks ASN range and exactly one of peerASN / dynamicASN", () => {
    const p = peers();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...p[0], myASN: 0 }, "invalid-asn"],
      [{ ...p[0], peerASN: 4294967296 }, "invalid-asn"],
      [{ ...p[0], dynamicASN: "external" }, "peer-asn"],
      [{ ...p[0], peerASN: undefined }, "peer-asn"],
    ];
    for (const [peer, rule] of cases) {
      expect(problems(wan({ peers: [peer, p[1]] })).map((x) => x.rule), rule).toEqual([rule]);
    }
    expect(problems(wan({ peers: [{ ...p[0], peerASN: undefined, dynamicASN: "external" }, p[1]] }))).toEqual([]);
    expect(problems(wan({ peers: [{ ...p[0], myASN: 4294967295 }, p[1]] }))).toEqual([]);
  });

  it("checks hold and keepalive times", () => {
    const p = peers();
    const rules = (over: Record<string, unknown>) => problems(wan({ peers: [{ ...p[0], ...over }, p[1]] })).map((x) => x.rule);
    expect(rules({ holdTime: "2s", keepaliveTime: "1s" })).toEqual(["bgp-timers"]);
    expect(rules({ holdTime: "90s", keepaliveTime: "90s" })).toEqual(["bgp-timers"]);
    expect(rules({ holdTime: "0s", keepaliveTime: "0s" })).toEqual([]);
    expect(rules({ holdTime: "3s", keepaliveTime: "1s" })).toEqual([]);
    expect(rules({ holdTime: "1m30s", keepaliveTime: "30s" })).toEqual([]);
    expect(rules({ holdTime: "ninety" })[0]).toBe("invalid-config");
    expect([durationSeconds("1m30s"), durationSeconds("500ms"), durationSeconds("x")]).toEqual([90, 0.5, undefined]);
  });

  it("requires a password per authenticated peer, references to existing pools and peers", () => {
    expect(problems(configValues(), configSecrets({ bgpPasswords: { "pe-tslcd-1": "x" } })).map((x) => [x.entity, x.rule])).toEqual([["dcplan:bgpPasswords", "missing-secret"]]);
    const f = problems(wan({ advertisements: [{ name: "x", pools: ["tslcd-services", "nope"], peers: ["pe-nope"] }] }));
    expect(f.filter((x) => x.rule === "unknown-reference").map((x) => x.path)).toEqual([
      ["advertisements", 0, "pools", 1],
      ["advertisements", 0, "peers", 0],
    ]);
  });

  it("requires security level 4 systems to be reachable through at least two peers", () => {
    const adv = [{ name: "tslcd", pools: ["tslcd-services"], peers: ["pe-tslcd-1"] }];
    const f = problems(wan({ advertisements: adv }));
    expect(f.map((x) => x.rule)).toEqual(["level4-redundancy"]);
    expect(f[0].message).toMatch(/db \(security level 4\) is reachable through 1 BGP peer/);
    // Not deployed yet (wave 2 > cutoff 1): no level-4 tenant, no problem.
    expect(problems({ ...wan({ advertisements: adv }), waveCutoff: 1 })).toEqual([]);
  });
});

describe("pulumiConfigSource", () => {
  it("reads Pulumi config (JSON values parsed) and reports a secret key stored in plaintext", async () => {
    const pulumi = await import("@pulumi/pulumi");
    const values = configValues();
    const secrets = configSecrets();
    const all: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...values, ...secrets })) all[`dcplan:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    pulumi.runtime.setAllConfig(all, ["dcplan:backupCredentials"]);
    const { pulumiConfigSource } = await import("../../stacks/config.js");
    const source = await pulumiConfigSource();
    expect(source.value("waveCutoff")).toBe(3);
    expect(source.value("inventory")).toBe("inventory/sample");
    expect(source.secret("bgpPasswords")).toEqual(secrets.bgpPasswords);
    expect(source.findings?.map((f) => [f.entity, f.rule])).toEqual([["dcplan:bgpPasswords", "secret-in-plaintext"]]);
    expect(() => parseStackConfig(source)).toThrow(ConfigError);
    pulumi.runtime.setAllConfig(all, ["dcplan:backupCredentials", "dcplan:bgpPasswords"]);
    const ok = parseStackConfig(await pulumiConfigSource());
    expect(ok.waveCutoff).toBe(3);
    expect(String(ok.bgpPasswords.get("pe-tslcd-1"))).toBe("[secret]");
    expect(JSON.stringify(Object.fromEntries(ok.backupCredentials))).not.toContain("bn-secret-key");
  });
});
