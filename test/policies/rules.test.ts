// CrossGuard rules, called directly with hand-built arguments (no PolicyPack, no Pulumi engine):
// one passing fixture per rule, one property changed per failing case. The whole stack the
// builders produce passes every rule.
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import {
  allPolicies,
  bgpPasswordNotInline,
  ipAddressPoolsDisjoint,
  namespacePodSecurity,
  singleDefaultBackupLocation,
  tenantBackedUp,
  tenantDefaultDeny,
  tenantResourceQuota,
  TYPES,
  veleroScheduleSafe,
} from "../../policies/rules.js";
import type { K8sObject } from "../../stacks/builders/objects.js";
import { objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { buildStackObjects, buildStackSecrets, prepareStack } from "../../stacks/stack.js";
import { configSecrets, configValues, scenario } from "../stacks/fixtures.js";

/** Pulumi type token of a Kubernetes object (`kubernetes:core/v1:Namespace`, `kubernetes:velero.io/v1:Schedule`). */
function typeToken(o: K8sObject): string {
  return `kubernetes:${o.apiVersion.includes("/") ? o.apiVersion : `core/${o.apiVersion}`}:${o.kind}`;
}

function resource(type: string, props: Record<string, unknown>, name = "r"): PolicyResource {
  return { type, props, urn: `urn:pulumi:test::dcplan::${type}::${name}`, name, opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] }, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined } as unknown as PolicyResource;
}

function checkResource(policy: ResourceValidationPolicy, type: string, props: Record<string, unknown>): string[] {
  const out: string[] = [];
  const r = resource(type, props);
  const args = { ...r, stackTags: new Map(), getConfig: () => ({}), notApplicable: () => undefined } as unknown as ResourceValidationArgs;
  const validate = policy.validateResource as (a: ResourceValidationArgs, report: (m: string) => void) => void;
  validate(args, (m) => out.push(m));
  return out;
}

function checkStack(policy: StackValidationPolicy, resources: PolicyResource[]): string[] {
  const out: string[] = [];
  const args = { resources, stackTags: new Map(), getConfig: () => ({}), notApplicable: () => undefined } as unknown as StackValidationArgs;
  const validate = policy.validateStack as (a: StackValidationArgs, report: (m: string) => void) => void;
  validate(args, (m) => out.push(m));
  return out;
}

function builtObjects(): K8sObject[] {
  const { index, plan } = scenario();
  const stack = prepareStack(parseStackConfig(objectConfigSource(configValues(), configSecrets())), index, plan);
  const o = buildStackObjects(stack);
  const s = buildStackSecrets(stack);
  return [...o.platform, ...o.backup, ...o.wan, ...s.backup, ...s.wan];
}

const stackResources = (objects = builtObjects()) => objects.map((o) => resource(typeToken(o), structuredClone(o) as unknown as Record<string, unknown>, `${o.kind}-${o.metadata.namespace ?? ""}-${o.metadata.name}`));

const clone = <T>(v: T): T => structuredClone(v);

describe("policy rules", () => {
  it("pass on everything the builders produce", () => {
    const resources = stackResources();
    for (const policy of allPolicies()) {
      if ("validateResource" in policy) {
        for (const r of resources) expect(checkResource(policy as ResourceValidationPolicy, r.type, r.props), policy.name).toEqual([]);
      } else {
        expect(checkStack(policy as StackValidationPolicy, resources), policy.name).toEqual([]);
      }
    }
  });

  it("have kebab-case names, a description and an enforcement level", () => {
    for (const p of allPolicies()) {
      expect(p.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.description.length).toBeGreaterThan(10);
      expect(p.enforcementLevel).toBe("mandatory");
    }
  });

  describe("namespace-pod-security", () => {
    const ns = () => clone(builtObjects().find((o) => o.kind === "Namespace" && o.metadata.name === "db")!) as unknown as { metadata: { labels: Record<string, string> } };
    const check = (props: unknown) => checkResource(namespacePodSecurity(), TYPES.namespace, props as Record<string, unknown>);
    it("passes the level-4 namespace", () => expect(check(ns())).toEqual([]));
    it("flags baseline enforced on a level-4 namespace", () => {
      const n = ns();
      n.metadata.labels["pod-security.kubernetes.io/enforce"] = "baseline";
      expect(check(n)).toEqual([expect.stringMatching(/level 4 requires "restricted"/)]);
    });
    it("flags an unpinned version", () => {
      const n = ns();
      n.metadata.labels["pod-security.kubernetes.io/warn-version"] = "latest";
      expect(check(n)).toEqual([expect.stringMatching(/warn-version is latest/)]);
    });
    it("flags warn that is not restricted", () => {
      const n = ns();
      n.metadata.labels["pod-security.kubernetes.io/warn"] = "baseline";
      expect(check(n)).toHaveLength(1);
    });
    it("ignores namespaces that are not a system's", () => expect(check({ metadata: { name: "kube-system" } })).toEqual([]));
  });

  describe("velero-schedule-safe", () => {
    const sch = () => clone(builtObjects().find((o) => o.kind === "Schedule")!) as unknown as { spec: Record<string, unknown> & { template: Record<string, unknown> } };
    const check = (props: unknown) => checkResource(veleroScheduleSafe(), TYPES.schedule, props as Record<string, unknown>);
    it("passes a built schedule", () => expect(check(sch())).toEqual([]));
    it("flags a missing ttl", () => {
      const s = sch();
      delete s.spec.template.ttl;
      expect(check(s)).toEqual([expect.stringMatching(/explicit retention/)]);
    });
    it("flags an invalid cron", () => {
      const s = sch();
      s.spec.schedule = "every day";
      expect(check(s)).toEqual([expect.stringMatching(/not a valid 5-field cron/)]);
    });
    it("flags owner references in backups (true or unset)", () => {
      const s = sch();
      s.spec.useOwnerReferencesInBackup = true;
      expect(check(s)).toEqual([expect.stringMatching(/garbage-collects/)]);
      delete s.spec.useOwnerReferencesInBackup;
      expect(check(s)).toHaveLength(1);
    });
  });

  describe("bgp-password-not-inline", () => {
    const peer = () => clone(builtObjects().find((o) => o.kind === "BGPPeer")!) as unknown as { spec: Record<string, unknown> };
    it("passes a peer with a passwordSecret", () => expect(checkResource(bgpPasswordNotInline(), TYPES.bgpPeerV1beta2, peer() as never)).toEqual([]));
    it("flags an inline password, in v1beta2 and v1beta1", () => {
      const p = peer();
      p.spec.password = "md5";
      expect(checkResource(bgpPasswordNotInline(), TYPES.bgpPeerV1beta2, p as never)).toHaveLength(1);
      expect(checkResource(bgpPasswordNotInline(), TYPES.bgpPeerV1beta1, p as never)).toHaveLength(1);
    });
  });

  describe("stack rules", () => {
    const without = (pred: (o: K8sObject) => boolean) => stackResources(builtObjects().filter((o) => !pred(o)));
    const mutate = (pred: (o: K8sObject) => boolean, f: (o: K8sObject) => void) =>
      stackResources(
        builtObjects().map((o) => {
          if (!pred(o)) return o;
          const c = clone(o);
          f(c);
          return c;
        }),
      );

    it("single-default-backup-location: flags two defaults and none", () => {
      const two = mutate((o) => o.kind === "BackupStorageLocation", (o) => ((o.spec as { default: boolean }).default = true));
      expect(checkStack(singleDefaultBackupLocation(), two)).toEqual([expect.stringMatching(/has 2 default/)]);
      const none = mutate((o) => o.kind === "BackupStorageLocation", (o) => ((o.spec as { default: boolean }).default = false));
      expect(checkStack(singleDefaultBackupLocation(), none)).toEqual([expect.stringMatching(/has 0 default/)]);
    });

    it("ip-address-pools-disjoint: flags overlapping pools", () => {
      const r = mutate((o) => o.kind === "IPAddressPool" && o.metadata.name === "management", (o) => ((o.spec as { addresses: string[] }).addresses = ["10.160.10.32/28"]));
      expect(checkStack(ipAddressPoolsDisjoint(), r)).toEqual([expect.stringMatching(/overlaps pool/)]);
    });

    it("tenant-default-deny: flags a tenant namespace without one, and a 'deny' that allows", () => {
      expect(checkStack(tenantDefaultDeny(), without((o) => o.kind === "NetworkPolicy" && o.metadata.name === "default-deny" && o.metadata.namespace === "api"))).toEqual([
        expect.stringMatching(/tenant namespace api has no default-deny/),
      ]);
      const allowing = mutate((o) => o.kind === "NetworkPolicy" && o.metadata.name === "default-deny" && o.metadata.namespace === "db", (o) => ((o.spec as Record<string, unknown>).ingress = [{}]));
      expect(checkStack(tenantDefaultDeny(), allowing)).toEqual([expect.stringMatching(/namespace db/)]);
    });

    it("tenant-resource-quota: flags a tenant namespace without one", () => {
      expect(checkStack(tenantResourceQuota(), without((o) => o.kind === "ResourceQuota" && o.metadata.namespace === "portal"))).toEqual([expect.stringMatching(/portal has no ResourceQuota/)]);
    });

    it("tenant-backed-up: flags a namespace missing from its offsite schedule, and a too-short ttl", () => {
      const noOffsite = mutate((o) => o.kind === "Schedule" && o.metadata.name === "level-4-5-offsite", (o) => ((o.spec as { template: { includedNamespaces: string[] } }).template.includedNamespaces = ["other"]));
      expect(checkStack(tenantBackedUp(), noOffsite)).toEqual([expect.stringMatching(/db \(security level 4\) has no offsite/)]);
      const short = mutate((o) => o.kind === "Schedule" && o.metadata.name === "level-3-daily", (o) => ((o.spec as { template: { ttl: string } }).template.ttl = "336h0m0s"));
      expect(checkStack(tenantBackedUp(), short)).toEqual([expect.stringMatching(/api \(security level 3\) is in no primary Schedule keeping backups 30 days/)]);
    });
  });
});
