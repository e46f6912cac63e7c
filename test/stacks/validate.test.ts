// Offline validation: every built object passes; misspelled fields, wrong types, bad enums and
// missing required fields are caught, in built-in kinds and in Velero/MetalLB custom resources.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { K8sObject } from "../../stacks/builders/objects.js";
import { objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { buildWan } from "../../stacks/builders/wan.js";
import { Wan } from "../../stacks/config.js";
import { buildStackObjects, buildStackSecrets, prepareStack } from "../../stacks/stack.js";
import { crdDirectory, validateObject, validateObjects } from "../../stacks/validate/index.js";
import { configSecrets, configValues, scenario } from "./fixtures.js";

function allObjects(): K8sObject[] {
  const { index, plan } = scenario();
  const stack = prepareStack(parseStackConfig(objectConfigSource(configValues(), configSecrets())), index, plan);
  const o = buildStackObjects(stack);
  const s = buildStackSecrets(stack);
  return [...o.platform, ...o.backup, ...o.wan, ...s.backup, ...s.wan];
}

function find(kind: string, name?: string): K8sObject {
  const o = allObjects().find((x) => x.kind === kind && (name === undefined || x.metadata.name === name));
  if (!o) throw new Error(`no ${kind}`);
  return structuredClone(o);
}

const paths = (o: K8sObject) => validateObject(o).map((f) => f.path?.join("."));

describe("offline validation", () => {
  it("passes every object dcplan builds", () => {
    const objects = allObjects();
    expect(new Set(objects.map((o) => o.kind)).size).toBe(14);
    expect(validateObjects(objects)).toEqual([]);
  });

  it("passes MetalLB objects with every optional field dcplan can set", () => {
    const wan = Wan.parse({
      pools: [{ name: "p", zone: "tslcd", addresses: ["10.0.0.0/28"], autoAssign: false, avoidBuggyIPs: true, namespaces: ["b-ns", "a-ns"] }],
      peers: [
        { name: "a", address: "10.0.1.1", myASN: 64512, dynamicASN: "external", port: 1179, holdTime: "9s", keepaliveTime: "3s", ebgpMultiHop: true, sourceAddress: "10.0.2.1", nodeSelector: { "dcplan.gov.vn/bgp": "true" } },
        { name: "b", address: "2001:db8::1", myASN: 64512, peerASN: 65000, authenticated: false },
      ],
      advertisements: [{ name: "x", pools: ["p"], communities: ["65000:1", "large:1:2:3"], localPref: 100, peers: ["a"], aggregationLength: 32 }],
      l2Advertisements: [{ name: "l", pools: ["p"], interfaces: ["eth1"] }],
    });
    const objects = buildWan(wan);
    expect(validateObjects(objects)).toEqual([]);
    const peerB = objects.find((o) => o.kind === "BGPPeer" && o.metadata.name === "b")!;
    expect((peerB.spec as Record<string, unknown>).passwordSecret).toBeUndefined();
  });

  it("catches a misspelled field in a built-in kind (which kubernetes-models alone lets through)", () => {
    const lr = find("LimitRange");
    (lr.spec as { limits: Record<string, unknown>[] }).limits[0].defaultRequst = { cpu: "1" };
    expect(paths(lr)).toEqual(["spec.limits.0.defaultRequst"]);
    const ns = find("Namespace");
    (ns.metadata as unknown as Record<string, unknown>).lables = { a: "b" };
    expect(paths(ns)).toEqual(["metadata.lables"]);
  });

  it("catches wrong types, enum values and missing required fields in built-in kinds", () => {
    const np = find("NetworkPolicy", "default-deny");
    (np.spec as Record<string, unknown>).policyTypes = "Ingress";
    expect(paths(np)).toEqual(["spec.policyTypes"]);
    const rb = find("RoleBinding");
    delete (rb as Record<string, unknown>).roleRef;
    expect(validateObject(rb)[0].message).toMatch(/missing required field "roleRef"/);
    const pc = find("PriorityClass");
    pc.value = "high";
    pc.description = 7;
    expect(paths(pc).sort()).toEqual(["description", "value"]);
  });

  it("catches a misspelled field, a wrong type and a missing field in custom resources", () => {
    const peer = find("BGPPeer");
    (peer.spec as Record<string, unknown>).holdtime = "90s";
    expect(paths(peer)).toEqual(["spec.holdtime"]);
    const sch = find("Schedule");
    (sch.spec as { template: Record<string, unknown> }).template.ttl = 720;
    (sch.metadata as unknown as Record<string, unknown>).label = {};
    expect(paths(sch).sort()).toEqual(["metadata.label", "spec.template.ttl"]);
    const bsl = find("BackupStorageLocation");
    delete (bsl.spec as Record<string, unknown>).objectStorage;
    expect(validateObject(bsl)[0].message).toMatch(/missing required field "objectStorage"/);
    const dyn = find("BGPPeer");
    (dyn.spec as Record<string, unknown>).dynamicASN = "both";
    expect(paths(dyn)).toEqual(["spec.dynamicASN"]);
  });

  it("rejects the deprecated BGPPeer v1beta1 and kinds it has no schema for", () => {
    const peer = find("BGPPeer");
    peer.apiVersion = "metallb.io/v1beta1";
    expect(validateObject(peer).some((f) => /deprecated/.test(f.message))).toBe(true);
    expect(validateObject({ apiVersion: "v1", kind: "Pod", metadata: { name: "x" } })[0].rule).toBe("unknown-kind");
  });

  it("vendors the CRDs unmodified (sha256 as listed in stacks/crds/SOURCES.md)", () => {
    const dir = crdDirectory();
    const sources = readFileSync(join(dir, "SOURCES.md"), "utf8");
    const rows = [...sources.matchAll(/^\| `([^`]+\.yaml)` \|.*\| `([0-9a-f]{16})` \|$/gm)];
    // Velero 2, MetalLB 4, Forklift 7, KubeVirt 1; and every vendored file is listed.
    expect(rows).toHaveLength(14);
    const files = readdirSync(dir).filter((d) => !d.endsWith(".md")).flatMap((d) => readdirSync(join(dir, d)).map((f) => `${d}/${f}`));
    expect(rows.map((r) => r[1]).sort()).toEqual(files.sort());
    for (const [, file, sha] of rows) {
      expect(createHash("sha256").update(readFileSync(join(dir, file))).digest("hex").slice(0, 16), file).toBe(sha);
    }
  });
});
