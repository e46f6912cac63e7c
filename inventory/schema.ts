// Zod schemas of the inventory format (contract: docs/inventory.md), with the types inferred from them.
// Per-record rules only; rules that look across records live in rules.ts.
import { z } from "zod";
import { isCalendarDate } from "./calendar-date.js";

/** DNS-1123 label: ids become Kubernetes names. */
export const ID_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const Id = z
  .string({ error: "must be a string id" })
  .regex(ID_PATTERN, { error: "must be a DNS-1123 label: lowercase letters, digits and '-', 1–63 characters, starting and ending with a letter or digit" });
export type Id = z.infer<typeof Id>;

export { isCalendarDate };

/** ISO date `YYYY-MM-DD` that exists in the calendar. */
export const IsoDate = z
  .string({ error: "must be a date YYYY-MM-DD" })
  .refine(isCalendarDate, { error: "must be a real calendar date YYYY-MM-DD" });
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * An object that rejects unknown fields, except keys starting with `x-` (kept, ignored).
 * zod's strictObject would reject `x-` keys too, hence the catch-all plus a check.
 */
export function record<T extends z.ZodRawShape>(shape: T) {
  const known = new Set(Object.keys(shape));
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine(
      (value, ctx) => {
        for (const key of Object.keys(value)) {
          if (!known.has(key) && !key.startsWith("x-")) ctx.addIssue({ code: "custom", path: [key], message: unknownFieldMessage(key, known) });
        }
      },
      // Also when a field failed (a missing required one…): `ownr:` must get "unknown field ownr,
      // did you mean owner" beside "owner is required", not only the latter.
      { when: (payload) => payload.value !== null && typeof payload.value === "object" && !Array.isArray(payload.value) },
    );
}

/** The message for an unknown key (a YAML merge key `<<` gets its own: dcplan does not expand them). */
export function unknownFieldMessage(key: string, known: Iterable<string>): string {
  if (key === "<<") return 'YAML merge keys ("<<:") are not supported: write the fields out in full (other tools read these files too)';
  return `unknown field "${key}"${suggest(key, known)}`;
}

/** ", did you mean "x"?" when a known key is one or two edits away. */
export function suggest(key: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    // A known key that starts with what was typed ("headroom" for "headroomPct") is a good guess too.
    const prefix = key.length >= 4 && k.toLowerCase().startsWith(key.toLowerCase()) ? 1 : 3;
    const d = Math.min(prefix, editDistance(key.toLowerCase(), k.toLowerCase()));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : "";
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

const nonNegative = (what = "number") => z.number({ error: `must be a ${what}` }).min(0, { error: "must be ≥ 0" });
const percent = z.number({ error: "must be a number" }).min(0, { error: "must be a percentage 0–100" }).max(100, { error: "must be a percentage 0–100" });
const nonNegativeInt = z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(0, { error: "must be ≥ 0" });

export const SiteKind = z.enum(["datacenter", "cloud", "colocation"]);
export type SiteKind = z.infer<typeof SiteKind>;

export const Wan = record({
  /** Uplink to TSLCD (mạng truyền số liệu chuyên dùng, the dedicated government data network), Mbit/s. */
  tslcdMbps: nonNegative().optional(),
  /** Internet uplink, Mbit/s. */
  internetMbps: nonNegative().optional(),
});

export const Site = record({
  id: Id,
  name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  kind: SiteKind,
  racks: nonNegativeInt.optional(),
  powerKw: nonNegative().optional(),
  pue: z.number({ error: "must be a number" }).min(1, { error: "must be ≥ 1" }).optional(),
  wan: Wan.optional(),
});
export type Site = z.infer<typeof Site>;

export const AgencyKind = z.enum(["department", "commune", "ward", "police", "party", "other"]);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const Agency = record({
  id: Id,
  name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  kind: AgencyKind,
});
export type Agency = z.infer<typeof Agency>;

export const ServerKind = z.enum(["physical", "virtual", "storage", "network", "appliance"]);
export type ServerKind = z.infer<typeof ServerKind>;

export const Usage = record({
  cpuPct: percent.optional(),
  memoryPct: percent.optional(),
  storageUsedPct: percent.optional(),
});
export type Usage = z.infer<typeof Usage>;

export const OperatingSystem = record({
  name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  version: z.union([z.string(), z.number()], { error: "must be a string" }).transform(String).optional(),
  endOfSupport: IsoDate.optional(),
});
export type OperatingSystem = z.infer<typeof OperatingSystem>;

export const Server = record({
  id: Id,
  site: Id,
  kind: ServerKind,
  hostedOn: Id.optional(),
  cpuCores: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).positive({ error: "must be > 0" }).optional(),
  memoryGiB: z.number({ error: "must be a number" }).positive({ error: "must be > 0" }).optional(),
  storageGiB: nonNegative().optional(),
  usage: Usage.optional(),
  powerWatts: nonNegative().optional(),
  rackUnits: nonNegativeInt.optional(),
  model: z.string({ error: "must be a string" }).optional(),
  purchased: IsoDate.optional(),
  supportEnds: IsoDate.optional(),
  os: OperatingSystem.optional(),
  owner: Id.optional(),
  tags: z.array(z.string({ error: "must be a string" }), { error: "must be a list of strings" }).optional(),
  /** dcplan addition: the VM's name in its source hypervisor (vCenter, as RVTools and Forklift name it); virtual servers only [the server id]. */
  vmName: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
}).superRefine((s, ctx) => {
  const compute = s.kind === "physical" || s.kind === "virtual";
  if (compute && s.cpuCores === undefined) ctx.addIssue({ code: "custom", path: ["cpuCores"], message: `is required for a ${s.kind} server` });
  if (compute && s.memoryGiB === undefined) ctx.addIssue({ code: "custom", path: ["memoryGiB"], message: `is required for a ${s.kind} server` });
  if (s.kind === "virtual" && s.hostedOn === undefined) ctx.addIssue({ code: "custom", path: ["hostedOn"], message: "is required for a virtual server (the physical host it runs on)" });
  if (s.kind !== "virtual" && s.hostedOn !== undefined) ctx.addIssue({ code: "custom", path: ["hostedOn"], message: `is only allowed on virtual servers, not on a ${s.kind} one` });
  if (s.kind === "virtual" && s.powerWatts !== undefined) ctx.addIssue({ code: "custom", path: ["powerWatts"], message: "is only allowed on physical kinds, not on a virtual server" });
  if (s.kind !== "virtual" && s.vmName !== undefined) ctx.addIssue({ code: "custom", path: ["vmName"], message: `is only allowed on virtual servers, not on a ${s.kind} one` });
  if (s.kind === "virtual" && s.rackUnits !== undefined) ctx.addIssue({ code: "custom", path: ["rackUnits"], message: "is only allowed on physical kinds, not on a virtual server" });
});
export type Server = z.infer<typeof Server>;

export const Coupling = z.enum(["tight", "loose"]);
export type Coupling = z.infer<typeof Coupling>;

export const Dependency = record({
  target: Id,
  coupling: Coupling,
  port: z.number({ error: "must be a port number" }).int({ error: "must be a whole number" }).min(1, { error: "must be a port 1–65535" }).max(65535, { error: "must be a port 1–65535" }).optional(),
  protocol: z.enum(["tcp", "udp"]).optional(),
});
export type Dependency = z.infer<typeof Dependency>;

export const Disposition = z.enum(["retain", "rehost", "replatform", "relocate", "consolidate", "retire"]);
export type Disposition = z.infer<typeof Disposition>;

export const Lifecycle = z.enum(["active", "legacy", "retiring"]);
export type Lifecycle = z.infer<typeof Lifecycle>;

export const System = record({
  id: Id,
  name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  owner: Id,
  function: Id,
  securityLevel: z.number({ error: "must be a whole number 1–5" }).int({ error: "must be a whole number 1–5" }).min(1, { error: "must be a security level 1–5" }).max(5, { error: "must be a security level 1–5" }),
  servers: z.array(Id, { error: "must be a list of server ids" }),
  dependsOn: z.array(Dependency, { error: "must be a list of dependencies" }).optional(),
  users: nonNegativeInt.optional(),
  dataGiB: nonNegative().optional(),
  rpoHours: nonNegative().optional(),
  rtoHours: nonNegative().optional(),
  containerReady: z.boolean({ error: "must be true or false" }).optional(),
  lifecycle: Lifecycle.optional(),
  disposition: Disposition.optional(),
  consolidateInto: Id.optional(),
}).superRefine((s, ctx) => {
  if (s.consolidateInto !== undefined && s.disposition !== undefined && s.disposition !== "consolidate") {
    ctx.addIssue({ code: "custom", path: ["consolidateInto"], message: `is only meaningful with disposition "consolidate", not "${s.disposition}"` });
  }
});
export type System = z.infer<typeof System>;

export const External = record({
  id: Id,
  name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  endpoint: z.string({ error: "must be a string" }).optional(),
});
export type External = z.infer<typeof External>;

/** The kinds of entity, in the order the top-level keys are documented. */
export const COLLECTIONS = ["sites", "agencies", "servers", "systems", "externals"] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** True when `key` names one of the inventory's entity lists. */
export function isCollectionKey(key: string): key is Collection {
  return (COLLECTIONS as readonly string[]).includes(key);
}

/** Schema of one list entry per top-level key. */
export const ENTITY_SCHEMAS = {
  sites: Site,
  agencies: Agency,
  servers: Server,
  systems: System,
  externals: External,
} as const;

/** A whole, validated inventory: the lists of every document concatenated in file order. */
export interface Inventory {
  readonly sites: readonly Site[];
  readonly agencies: readonly Agency[];
  readonly servers: readonly Server[];
  readonly systems: readonly System[];
  readonly externals: readonly External[];
}

/** Singular names, for messages ("server", "system"…). */
export const ENTITY_NOUN: Record<Collection, string> = {
  sites: "site",
  agencies: "agency",
  servers: "server",
  systems: "system",
  externals: "external",
};
