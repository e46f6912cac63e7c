// CrossGuard rules of the dcplan policy pack, one factory per rule. They check what the stacks
// register — and anything else in the stack — against the project's guard rails, so a hand edit or
// another program cannot quietly weaken them. Each violation says why the rule exists and how to
// fix it. Only type imports from @pulumi/policy here: constructing a PolicyPack starts a server,
// which happens in policies/index.ts alone (tests import this module).
import type {
  EnforcementLevel,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { type AddressRange, overlaps, parseRange } from "../stacks/builders/ip.js";
import { BACKUP_TABLE, backupTier, isValidCron, ttlHours } from "./backup-table.js";

/** Type tokens of the Kubernetes resources the rules look at. */
export const TYPES = {
  namespace: "kubernetes:core/v1:Namespace",
  resourceQuota: "kubernetes:core/v1:ResourceQuota",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  schedule: "kubernetes:velero.io/v1:Schedule",
  backupStorageLocation: "kubernetes:velero.io/v1:BackupStorageLocation",
  bgpPeerV1beta1: "kubernetes:metallb.io/v1beta1:BGPPeer",
  bgpPeerV1beta2: "kubernetes:metallb.io/v1beta2:BGPPeer",
  ipAddressPool: "kubernetes:metallb.io/v1beta1:IPAddressPool",
} as const;

const LEVEL_LABEL = "dcplan.gov.vn/security-level";
const TENANT_LABEL = "dcplan.gov.vn/tenant";
const PSA = "pod-security.kubernetes.io";

type Props = Record<string, unknown>;
const meta = (p: Props) => (p.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string> };
const spec = (p: Props) => (p.spec ?? {}) as Props;

/** Tenant namespaces (label dcplan.gov.vn/tenant=true) of a stack, with their security level. */
function tenantNamespaces(resources: readonly PolicyResource[]): { name: string; level: number; urn: string }[] {
  return resources
    .filter((r) => r.type === TYPES.namespace && meta(r.props).labels?.[TENANT_LABEL] === "true")
    .map((r) => ({ name: meta(r.props).name ?? "", level: Number(meta(r.props).labels?.[LEVEL_LABEL]), urn: r.urn }));
}

/** Namespaces must enforce the Pod Security Standard of their security level, warn and audit `restricted`, with pinned versions. */
export function namespacePodSecurity(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
  return {
    name: "namespace-pod-security",
    description: "Namespaces of information systems enforce the Pod Security Standard of their security level (restricted from level 3, baseline below), warn and audit restricted, versions pinned.",
    enforcementLevel,
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      if (args.type !== TYPES.namespace) return;
      const labels = meta(args.props).labels ?? {};
      const levelText = labels[LEVEL_LABEL];
      if (levelText === undefined) return; // not a system's namespace
      const level = Number(levelText);
      const expected = level >= 3 ? "restricted" : "baseline";
      if (labels[`${PSA}/enforce`] !== expected) {
        report(
          `namespace of a security level ${levelText} system enforces Pod Security "${labels[`${PSA}/enforce`] ?? "nothing"}": level ${level} requires "${expected}" (Decree 85/2016 protection by level). Set label ${PSA}/enforce=${expected}.`,
        );
      }
      for (const mode of ["warn", "audit"]) {
        if (labels[`${PSA}/${mode}`] !== "restricted") report(`Pod Security ${mode} must be "restricted" so every namespace shows what would break under the strictest profile. Set label ${PSA}/${mode}=restricted.`);
      }
      for (const mode of ["enforce", "warn", "audit"]) {
        const v = labels[`${PSA}/${mode}-version`];
        if (v === undefined || v === "latest") {
          report(`Pod Security ${mode}-version is ${v ?? "unset"}: an unpinned version changes the rules silently on a cluster upgrade. Pin it, e.g. ${PSA}/${mode}-version=v1.33.`);
        }
      }
    },
  };
}

/** Velero Schedules have an explicit ttl, a valid cron and useOwnerReferencesInBackup false. */
export function veleroScheduleSafe(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
  return {
    name: "velero-schedule-safe",
    description: "Velero Schedules set an explicit ttl, a valid 5-field cron expression, and useOwnerReferencesInBackup: false.",
    enforcementLevel,
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      if (args.type !== TYPES.schedule) return;
      const s = spec(args.props);
      const template = (s.template ?? {}) as Props;
      const ttl = typeof template.ttl === "string" ? ttlHours(template.ttl) : undefined;
      if (ttl === undefined || ttl <= 0) {
        report(`template.ttl is ${JSON.stringify(template.ttl ?? null)}: without an explicit retention Velero keeps backups 30 days whatever the security level needs. Set template.ttl from policies/backup-table.ts (e.g. "720h0m0s").`);
      }
      if (typeof s.schedule !== "string" || !isValidCron(s.schedule)) {
        report(`schedule ${JSON.stringify(s.schedule ?? null)} is not a valid 5-field cron expression, so no backup would ever run. Use e.g. "0 1 * * *".`);
      }
      if (s.useOwnerReferencesInBackup !== false) {
        report("useOwnerReferencesInBackup must be false: with owner references, deleting or recreating the Schedule garbage-collects every backup it made. Set spec.useOwnerReferencesInBackup: false.");
      }
    },
  };
}

/** BGPPeers never carry their password inline: only a passwordSecret reference. */
export function bgpPasswordNotInline(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
  return {
    name: "bgp-password-not-inline",
    description: "MetalLB BGPPeers reference their TCP-MD5 password through passwordSecret, never spec.password.",
    enforcementLevel,
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      if (args.type !== TYPES.bgpPeerV1beta1 && args.type !== TYPES.bgpPeerV1beta2) return;
      if (spec(args.props).password !== undefined) {
        report("spec.password puts the BGP session password in plain text in the object (and in every backup of it). Put it in a kubernetes.io/basic-auth Secret and set spec.passwordSecret (dcplan:bgpPasswords does this).");
      }
    },
  };
}

/** Exactly one default BackupStorageLocation per Velero namespace. */
export function singleDefaultBackupLocation(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
  return {
    name: "single-default-backup-location",
    description: "Exactly one Velero BackupStorageLocation per namespace is the default.",
    enforcementLevel,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const byNs = new Map<string, PolicyResource[]>();
      for (const r of args.resources.filter((x) => x.type === TYPES.backupStorageLocation)) {
        const ns = meta(r.props).namespace ?? "velero";
        byNs.set(ns, [...(byNs.get(ns) ?? []), r]);
      }
      for (const [ns, locations] of byNs) {
        const defaults = locations.filter((r) => spec(r.props).default === true);
        if (defaults.length !== 1) {
          report(
            `namespace ${ns} has ${defaults.length} default BackupStorageLocations (${defaults.map((r) => meta(r.props).name).join(", ") || "none"}): backups without an explicit location go to the default, so there must be exactly one, at the primary site. Set spec.default: true on the primary location only.`,
          );
        }
      }
    },
  };
}

/** IPAddressPools do not overlap one another. */
export function ipAddressPoolsDisjoint(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
  return {
    name: "ip-address-pools-disjoint",
    description: "MetalLB IPAddressPools do not overlap one another.",
    enforcementLevel,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const seen: { range: AddressRange; pool: string }[] = [];
      for (const r of args.resources.filter((x) => x.type === TYPES.ipAddressPool)) {
        const pool = meta(r.props).name ?? r.urn;
        for (const text of ((spec(r.props).addresses ?? []) as string[])) {
          const range = parseRange(text);
          if (typeof range === "string") {
            report(`IPAddressPool ${pool}: ${range}. Fix the address in dcplan:wan.pools.`, r.urn);
            continue;
          }
          for (const other of seen) {
            if (overlaps(range, other.range)) {
              report(`IPAddressPool ${pool} (${text}) overlaps pool ${other.pool} (${other.range.text}): MetalLB would hand the same address to two services. Make the pools disjoint.`, r.urn);
            }
          }
          seen.push({ range, pool });
        }
      }
    },
  };
}

/** Every tenant namespace has a default-deny NetworkPolicy (all pods, ingress and egress, no rule). */
export function tenantDefaultDeny(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
  return {
    name: "tenant-default-deny",
    description: "Every tenant namespace has a NetworkPolicy that denies all ingress and egress by default.",
    enforcementLevel,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const denies = new Set(
        args.resources
          .filter((r) => r.type === TYPES.networkPolicy)
          .filter((r) => {
            const s = spec(r.props);
            const selector = (s.podSelector ?? {}) as Props;
            const types = (s.policyTypes ?? []) as string[];
            return Object.keys(selector).every((k) => Object.keys((selector[k] ?? {}) as Props).length === 0) && types.includes("Ingress") && types.includes("Egress") && !(s.ingress as unknown[] | undefined)?.length && !(s.egress as unknown[] | undefined)?.length;
          })
          .map((r) => meta(r.props).namespace),
      );
      for (const ns of tenantNamespaces(args.resources)) {
        if (!denies.has(ns.name)) {
          report(`tenant namespace ${ns.name} has no default-deny NetworkPolicy: without one every pod accepts traffic from the whole cluster, and the dependency-derived allow rules mean nothing. Add a NetworkPolicy with podSelector {} and policyTypes [Ingress, Egress].`, ns.urn);
        }
      }
    },
  };
}

/** Every tenant namespace has a ResourceQuota. */
export function tenantResourceQuota(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
  return {
    name: "tenant-resource-quota",
    description: "Every tenant namespace has a ResourceQuota.",
    enforcementLevel,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const quotas = new Set(args.resources.filter((r) => r.type === TYPES.resourceQuota).map((r) => meta(r.props).namespace));
      for (const ns of tenantNamespaces(args.resources)) {
        if (!quotas.has(ns.name)) report(`tenant namespace ${ns.name} has no ResourceQuota: one system could starve every other on the shared platform. Add a ResourceQuota sized from the inventory (the SharedPlatform component does).`, ns.urn);
      }
    },
  };
}

/** Every tenant namespace is in the Velero Schedules its security level requires (backup table), offsite included. */
export function tenantBackedUp(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
  return {
    name: "tenant-backed-up",
    description: "Every tenant namespace is included in a Velero Schedule with the retention its security level requires, plus an offsite one where required.",
    enforcementLevel,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const defaults = new Set(args.resources.filter((r) => r.type === TYPES.backupStorageLocation && spec(r.props).default === true).map((r) => meta(r.props).name));
      const schedules = args.resources
        .filter((r) => r.type === TYPES.schedule)
        .map((r) => {
          const t = (spec(r.props).template ?? {}) as { includedNamespaces?: string[]; storageLocation?: string; ttl?: string };
          return { namespaces: t.includedNamespaces ?? [], location: t.storageLocation, ttl: t.ttl ? (ttlHours(t.ttl) ?? 0) : 0 };
        });
      for (const ns of tenantNamespaces(args.resources)) {
        if (!BACKUP_TABLE.some((t) => t.levels.includes(ns.level))) continue;
        const tier = backupTier(ns.level);
        const mine = schedules.filter((s) => s.namespaces.includes(ns.name) || s.namespaces.includes("*"));
        const primary = mine.filter((s) => s.location === undefined || defaults.has(s.location));
        const offsite = mine.filter((s) => s.location !== undefined && !defaults.has(s.location));
        if (!primary.some((s) => s.ttl >= tier.ttlHours)) {
          report(`tenant namespace ${ns.name} (security level ${ns.level}) is in no primary Schedule keeping backups ${tier.ttlHours / 24} days: policies/backup-table.ts requires it. Add it to the level's Schedule (the Backup component does).`, ns.urn);
        }
        if (tier.offsite && !offsite.some((s) => s.ttl >= tier.offsite!.ttlHours)) {
          report(`tenant namespace ${ns.name} (security level ${ns.level}) has no offsite Schedule: level ${ns.level} needs a copy at the other site. Add it to the level's offsite Schedule.`, ns.urn);
        }
      }
    },
  };
}

/** Every rule of the pack with its default enforcement level. */
export function allPolicies(): (ResourceValidationPolicy | StackValidationPolicy)[] {
  return [
    namespacePodSecurity(),
    veleroScheduleSafe(),
    bgpPasswordNotInline(),
    singleDefaultBackupLocation(),
    ipAddressPoolsDisjoint(),
    tenantDefaultDeny(),
    tenantResourceQuota(),
    tenantBackedUp(),
  ];
}
