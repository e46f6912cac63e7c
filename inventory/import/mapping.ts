// The mapping file (`dcplan import --map mapping.yaml`): what a source cannot know. Which site a
// vCenter datacenter or NetBox site is, which agency owns the VMs of a cluster or folder, which
// system a VM belongs to (by name pattern, annotation, folder…) with the system's security level,
// tags by network or name, the host of VMs whose source does not say, NetBox role and custom-field
// names. Rules match a server's source facts (types.ts); patterns are globs (`*`, `?`, case
// ignored) or regular expressions written `/…/`. Checked with zod like the inventory, every problem
// located in the mapping file. Format: docs/import.md.
import { z } from "zod";
import type { Finding } from "../../common/errors.js";
import { locate, readYamlFile } from "../yaml-source.js";
import { Coupling, Id, Lifecycle, record, ServerKind } from "../schema.js";
import type { SourceFacts } from "./types.js";

/** The source facts a rule may test, with the fact each reads. */
export const MATCH_KEYS = ["name", "annotation", "cluster", "folder", "datacenter", "network", "tag", "tenant", "role", "vcenter"] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

const Pattern = z.string({ error: "must be a pattern (text)" }).min(1, { error: "must not be empty" }).superRefine((p, ctx) => {
  const re = /^\/(.*)\/([a-z]*)$/.exec(p);
  if (!re) return;
  try {
    new RegExp(re[1], re[2]);
  } catch (err) {
    ctx.addIssue({ code: "custom", message: `is not a valid regular expression: ${(err as Error).message}` });
  }
});

const matchShape = Object.fromEntries(MATCH_KEYS.map((k) => [k, Pattern.optional()])) as Record<MatchKey, z.ZodOptional<typeof Pattern>>;

const atLeastOne = (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
  if (!MATCH_KEYS.some((k) => value[k] !== undefined)) ctx.addIssue({ code: "custom", message: `needs at least one of ${MATCH_KEYS.join(", ")} to match on` });
};

/** A condition on a server's source facts: every key given must match. */
export const Match = record(matchShape).superRefine(atLeastOne);
export type Match = z.infer<typeof Match>;

export const OwnerRule = record({ ...matchShape, owner: Id }).superRefine(atLeastOne);
export type OwnerRule = z.infer<typeof OwnerRule>;

/** A tag rule: servers matching it get the tag `add`. */
export const TagRule = record({ ...matchShape, add: z.string({ error: "must be a tag (text)" }).min(1) }).superRefine(atLeastOne);
export type TagRule = z.infer<typeof TagRule>;

/** A system the mapping defines, with the rule that says which servers belong to it. */
export const MappedSystem = record({
  id: Id,
  name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  owner: Id,
  function: Id,
  securityLevel: z.number({ error: "must be a whole number 1–5" }).int({ error: "must be a whole number 1–5" }).min(1, { error: "must be a security level 1–5" }).max(5, { error: "must be a security level 1–5" }),
  match: z.union([Match, z.array(Match, { error: "must be a rule or a list of rules" })], { error: "must be a rule or a list of rules" }),
  users: z.number().int().min(0).optional(),
  dataGiB: z.number().min(0).optional(),
  rpoHours: z.number().min(0).optional(),
  rtoHours: z.number().min(0).optional(),
  containerReady: z.boolean().optional(),
  lifecycle: Lifecycle.optional(),
});
export type MappedSystem = z.infer<typeof MappedSystem>;

const NetboxMapping = record({
  /** Device role slug → server kind (or skip) [DEFAULT_NETBOX_ROLES]. */
  roles: z.record(z.string(), z.union([ServerKind, z.literal("skip")], { error: "must be physical, virtual, storage, network, appliance or skip" })).optional(),
  /** Names of the custom fields holding what NetBox has no field for. */
  customFields: record({
    cpuCores: z.string().optional(),
    memoryGiB: z.string().optional(),
    storageGiB: z.string().optional(),
    powerWatts: z.string().optional(),
  }).optional(),
  /** Unit of a VM's `disk`: MB since NetBox 4.1, GB before [MB]. */
  diskUnit: z.enum(["MB", "GB"]).optional(),
  /** Tenant slug → agency id (else a tenant slug that is an agency id is used as it is). */
  tenants: z.record(z.string(), Id).optional(),
});

/** The whole mapping file. */
export const Mapping = record({
  /** Prepended to ids made from source names, e.g. `bn-` [none]. */
  idPrefix: z.string({ error: "must be text" }).regex(/^[a-z0-9-]*$/, { error: "must be lowercase letters, digits and '-'" }).optional(),
  /** Source datacenter (vCenter) or NetBox site slug → inventory site id [the --site]. */
  sites: z.record(z.string(), Id, { error: "must map source names to site ids" }).optional(),
  /** First matching rule gives the owner agency of a server. */
  owners: z.array(OwnerRule, { error: "must be a list of rules" }).optional(),
  systems: z.array(MappedSystem, { error: "must be a list of systems" }).optional(),
  tags: z.array(TagRule, { error: "must be a list of rules" }).optional(),
  /** Cluster name (or `default`) → host id, for VMs whose source names no host (NetBox, CSV). */
  hosts: z.record(z.string(), Id).optional(),
  /** Import vCenter datastores as storage [true]. */
  datastores: z.boolean({ error: "must be true or false" }).optional(),
  /** Import VM templates [false]. */
  templates: z.boolean({ error: "must be true or false" }).optional(),
  netbox: NetboxMapping.optional(),
  csv: record({
    /** Kind of a CSV server whose "Server type" and "Hypervisor" are both empty [physical]. */
    serverType: z.enum(["physical", "virtual"]).optional(),
  }).optional(),
  dependencies: record({
    /** Coupling of dependency rows that give none [loose]. */
    coupling: Coupling.optional(),
    /** Destination ports that make a dependency tight (database sessions) [DEFAULT_TIGHT_PORTS]. */
    tightPorts: z.array(z.number().int().min(1).max(65535)).optional(),
  }).optional(),
});
export type Mapping = z.infer<typeof Mapping>;

/** NetBox device role slugs understood without a mapping. */
export const DEFAULT_NETBOX_ROLES: Readonly<Record<string, ServerKind | "skip">> = {
  server: "physical",
  "physical-server": "physical",
  hypervisor: "physical",
  host: "physical",
  compute: "physical",
  storage: "storage",
  san: "storage",
  nas: "storage",
  "storage-array": "storage",
  switch: "network",
  "core-switch": "network",
  "access-switch": "network",
  "distribution-switch": "network",
  router: "network",
  "load-balancer": "network",
  firewall: "appliance",
  waf: "appliance",
  hsm: "appliance",
  appliance: "appliance",
  "patch-panel": "skip",
  pdu: "skip",
  "console-server": "skip",
};

/** Database and session ports: a dependency on one is tight unless the row says otherwise. */
export const DEFAULT_TIGHT_PORTS: readonly number[] = [1433, 1521, 3306, 5432, 6379, 27017, 50000];

/** Reads and checks a mapping file; an absent file is the empty mapping. */
export function readMapping(file: string | undefined): { mapping: Mapping; findings: Finding[] } {
  if (file === undefined) return { mapping: {}, findings: [] };
  const { docs, findings } = readYamlFile(file);
  if (findings.length > 0) return { mapping: {}, findings };
  const doc = docs.find((d) => d !== null && d !== undefined) ?? {};
  const docIndex = Math.max(0, docs.findIndex((d) => d !== null && d !== undefined));
  const result = Mapping.safeParse(doc);
  if (result.success) return { mapping: result.data, findings: [] };
  const out: Finding[] = result.error.issues.map((issue) => {
    const path = issue.path as (string | number)[];
    const place = locate(file, docIndex, path, undefined, { atKey: issue.message.startsWith("unknown field") });
    let value: unknown = doc;
    for (const step of path) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[step] : undefined;
    const message = value === undefined && path.length > 0 && issue.code === "invalid_type" ? "is required" : issue.message;
    return { severity: "error", rule: "invalid-mapping", ...place, path, message };
  });
  return { mapping: {}, findings: out };
}

const compiled = new Map<string, (s: string) => boolean>();

/** A predicate for one pattern (glob or `/regex/flags`), cached. */
export function patternTest(pattern: string): (s: string) => boolean {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const re = /^\/(.*)\/([a-z]*)$/.exec(pattern);
  let test: (s: string) => boolean;
  if (re) {
    const r = new RegExp(re[1], re[2]);
    test = (s) => r.test(s);
  } else {
    const glob = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    test = (s) => glob.test(s);
  }
  compiled.set(pattern, test);
  return test;
}

function factValues(facts: SourceFacts, key: MatchKey): readonly string[] {
  switch (key) {
    case "network":
      return facts.networks ?? [];
    case "tag":
      return facts.tags ?? [];
    default: {
      const v = facts[key];
      return v === undefined ? [] : [v];
    }
  }
}

/** True when every key of `rule` matches the facts (a missing fact never matches). */
export function matches(rule: Partial<Record<MatchKey, string>>, facts: SourceFacts): boolean {
  for (const key of MATCH_KEYS) {
    const pattern = rule[key];
    if (pattern === undefined) continue;
    const test = patternTest(pattern);
    if (!factValues(facts, key).some(test)) return false;
  }
  return true;
}

/** The first of `rules` that matches (undefined when none does). */
export function firstMatch<R extends Partial<Record<MatchKey, string>>>(rules: readonly R[] | undefined, facts: SourceFacts): R | undefined {
  return rules?.find((r) => matches(r, facts));
}

/** The rules of a mapped system as a list. */
export function systemRules(system: MappedSystem): readonly Match[] {
  return Array.isArray(system.match) ? system.match : [system.match];
}
