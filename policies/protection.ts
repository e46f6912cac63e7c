// Protection by security level (Decree 85/2016/NĐ-CP, TCVN 11930:2017): backups often enough for
// the system's recovery point objective and kept as long as its level requires (the one table in
// backup-table.ts), an offsite copy at the other site from level 3, and levels 4–5 kept on the
// secure node pool. Logs to the SOC are in logging.ts.
import { Tenancy } from "../stacks/config.js";
import { NODE_SELECTOR_ANNOTATION } from "../stacks/builders/tenancy.js";
import { BACKUP_TABLE, backupTier, isValidCron, ttlHours } from "./backup-table.js";
import { isNamespace, tenantNamespaces } from "./context.js";
import { maxGapHours } from "./cron.js";
import { ALL_LEVELS, annotationsOf, arr, isKind, type KObject, nameOf, obj, type PolicyContext, type SetRule, str, type Violation } from "./model.js";
import { SOURCES } from "./sources.js";
import { isVirtualMachine, podSpecOf, vmSpecOf } from "./workload.js";

const TENANCY_DEFAULTS = Tenancy.parse({});

/** A Velero Schedule as the backup rules see it. */
interface ScheduleView {
  readonly index: number;
  readonly name: string;
  readonly cron: string | undefined;
  readonly ttlHours: number;
  /** True when it writes to a default BackupStorageLocation (or names none). */
  readonly primary: boolean;
  /** True when it writes to a BackupStorageLocation that exists and is not a default. */
  readonly offsite: boolean;
  covers(ns: string): boolean;
}

/** The Velero Schedules of a set of objects that actually run (not paused). */
function schedulesOf(objects: readonly KObject[]): ScheduleView[] {
  const locations = objects.filter((o) => isKind(o, "velero.io", "BackupStorageLocation"));
  const defaults = new Set(locations.filter((o) => obj(o.spec).default === true).map(nameOf));
  const known = new Set(locations.map(nameOf));
  const out: ScheduleView[] = [];
  objects.forEach((o, index) => {
    if (!isKind(o, "velero.io", "Schedule")) return;
    const spec = obj(o.spec);
    if (spec.paused === true) return;
    const t = obj(spec.template);
    const included = arr(t.includedNamespaces).map(String);
    const excluded = arr(t.excludedNamespaces).map(String);
    const location = str(t.storageLocation);
    const ttl = typeof t.ttl === "string" ? (ttlHours(t.ttl) ?? 0) : 0;
    const cron = typeof spec.schedule === "string" && isValidCron(spec.schedule) ? spec.schedule : undefined;
    out.push({
      index,
      name: nameOf(o),
      cron,
      ttlHours: ttl,
      primary: location === undefined || defaults.has(location),
      offsite: location !== undefined && known.has(location) && !defaults.has(location),
      covers: (ns) => (included.length === 0 || included.includes("*") || included.includes(ns)) && !excluded.includes(ns),
    });
  });
  return out;
}

/** Tenant namespaces with a level the backup table knows, and the tier. */
function tenantsWithTier(objects: readonly KObject[], ctx: PolicyContext) {
  return tenantNamespaces(objects).flatMap((t) => {
    const level = ctx.levelOf(t.name);
    if (level === undefined || !BACKUP_TABLE.some((tier) => tier.levels.includes(level))) return [];
    return [{ ...t, level, tier: backupTier(level) }];
  });
}

const days = (h: number) => `${Math.round((h / 24) * 10) / 10} days`;
const hours = (h: number) => (h === Infinity ? "never" : `${Math.round(h * 100) / 100} h`);

export const tenantBackedUp: SetRule = {
  id: "tenant-backed-up",
  family: "protection",
  scope: "set",
  title: "Every tenant namespace is in a running Velero Schedule to the primary (default) location whose ttl is at least the retention its level requires (backup table)",
  why: "Centralised backup is the province's requirement for every system moving onto the shared platform; the retention grows with the level (14 days for levels 1–2, 30 for 3, 90 for 4–5).",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Namespace", "Schedule", "BackupStorageLocation"],
  sources: [SOURCES.tcvnBackup(ALL_LEVELS), SOURCES.decreePrinciples, SOURCES.velero],
  check(objects, ctx) {
    const schedules = schedulesOf(objects);
    return tenantsWithTier(objects, ctx)
      .filter((t) => !schedules.some((s) => s.primary && s.covers(t.name) && s.ttlHours >= t.tier.ttlHours))
      .map((t) => ({
        object: t.index,
        message: `tenant namespace ${t.name} (security level ${t.level}) is in no primary Schedule keeping backups ${days(t.tier.ttlHours)}: policies/backup-table.ts requires it. Add it to the level's Schedule (the Backup component does).`,
      }));
  },
};

export const backupIntervalMeetsRpo: SetRule = {
  id: "backup-interval-meets-rpo",
  family: "protection",
  scope: "set",
  title: "The primary Schedules covering a tenant namespace run at least every `rpoHours` of its system (without one, as often as the backup table's cron for its level)",
  why: "The recovery point objective is the most data the system may lose; a daily backup cannot honour a 4-hour RPO, whatever its retention.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Namespace", "Schedule"],
  sources: [SOURCES.tcvnBackup(ALL_LEVELS), SOURCES.velero],
  check(objects, ctx) {
    const schedules = schedulesOf(objects);
    const out: Violation[] = [];
    for (const t of tenantsWithTier(objects, ctx)) {
      const mine = schedules.filter((s) => s.primary && s.covers(t.name) && s.cron !== undefined);
      if (mine.length === 0) continue; // tenant-backed-up reports a namespace without a schedule
      const rpo = ctx.rpoHoursOf(t.name);
      const required = rpo ?? maxGapHours([t.tier.cron]);
      const gap = maxGapHours(mine.map((s) => s.cron!));
      if (gap > required + 1e-9) {
        out.push({
          object: t.index,
          message: `tenant namespace ${t.name} is backed up every ${hours(gap)} at worst (${mine.map((s) => s.name).join(", ")}), but ${rpo === undefined ? `its level ${t.level} requires every ${hours(required)} (backup table)` : `its system's recovery point objective is ${hours(rpo)}`}: a failure just before the next run loses more data than allowed. Add the namespace to a Schedule that runs often enough${rpo !== undefined && rpo < 1 ? ", or protect the data by replication (a sub-hour RPO is beyond scheduled backups)" : ""}.`,
        });
      }
    }
    return out;
  },
};

const OFFSITE_LEVELS = ALL_LEVELS.filter((l) => backupTier(l).offsite !== null);

export const backupOffsiteCopy: SetRule = {
  id: "backup-offsite-copy",
  family: "protection",
  scope: "set",
  title: "From level 3, every tenant namespace is also in a running Schedule to a non-default (offsite) BackupStorageLocation, kept as long as the backup table's offsite copy",
  why: "A copy at the other data centre is what survives the loss of the primary site; levels 3–5 cannot afford to lose the systems' data with the building.",
  severity: "mandatory",
  levels: OFFSITE_LEVELS,
  kinds: ["Namespace", "Schedule", "BackupStorageLocation"],
  sources: [SOURCES.tcvnBackup(OFFSITE_LEVELS), SOURCES.decreeLevel3, SOURCES.velero],
  check(objects, ctx) {
    const schedules = schedulesOf(objects);
    return tenantsWithTier(objects, ctx)
      .filter((t) => t.tier.offsite !== null)
      .filter((t) => !schedules.some((s) => s.offsite && s.covers(t.name) && s.ttlHours >= t.tier.offsite!.ttlHours))
      .map((t) => ({
        object: t.index,
        message: `tenant namespace ${t.name} (security level ${t.level}) has no offsite Schedule keeping copies ${days(t.tier.offsite!.ttlHours)}: level ${t.level} needs a copy at the other site. Add it to the level's offsite Schedule (a Schedule whose storageLocation is the other site's BackupStorageLocation).`,
      }));
  },
};

/** `key=value` pairs of a node-selector annotation (`a=b,c=d`). */
function selectorPairs(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (text ?? "").split(",")) {
    const i = part.indexOf("=");
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

const SECURE_LEVELS = [4, 5];

export const secureNodePool: SetRule = {
  id: "secure-node-pool",
  family: "protection",
  scope: "set",
  title: "Levels 4–5 run on the secure node pool: their namespaces carry the PodNodeSelector annotation for it, and no workload or VM there selects another pool or pins a node",
  why: "Systems of levels 4–5 must be separated from the rest; a dedicated, hardened node pool keeps a compromise of a lower-level system from reaching their memory and disks.",
  severity: "mandatory",
  levels: SECURE_LEVELS,
  kinds: ["Namespace", "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "VirtualMachine"],
  sources: [SOURCES.decreeLevels45, SOURCES.tcvnNetwork(SECURE_LEVELS), SOURCES.nsa("Network separation and hardening: Worker node segmentation")],
  params: {
    nodePoolLabel: { description: "node label key that selects a node pool", default: TENANCY_DEFAULTS.nodePoolLabel, schema: { type: "string", minLength: 1 } },
    securePool: { description: "node pool of security levels 4–5", default: TENANCY_DEFAULTS.securePool, schema: { type: "string", minLength: 1 } },
  },
  check(objects, ctx, params) {
    const label = String(params.nodePoolLabel);
    const pool = String(params.securePool);
    const out: Violation[] = [];
    objects.forEach((o, i) => {
      if (isNamespace(o)) {
        const level = ctx.levelOf(nameOf(o));
        if (level === undefined || level < 4) return;
        const pairs = selectorPairs(annotationsOf(o)[NODE_SELECTOR_ANNOTATION]);
        if (pairs.get(label) !== pool) {
          out.push({
            object: i,
            message: `namespace of a security level ${level} system does not pin its pods to the secure node pool: annotation ${NODE_SELECTOR_ANNOTATION} is ${JSON.stringify(annotationsOf(o)[NODE_SELECTOR_ANNOTATION] ?? null)}. Set it to "${label}=${pool}" (the PodNodeSelector admission plugin then adds it to every pod).`,
            path: ["metadata", "annotations"],
          });
        }
        return;
      }
      const at = podSpecOf(o) ?? (isVirtualMachine(o) ? vmSpecOf(o) : undefined);
      if (!at) return;
      const level = ctx.levelOf(o.metadata?.namespace);
      if (level === undefined || level < 4) return;
      const selected = str(obj(at.spec.nodeSelector)[label]);
      if (selected !== undefined && selected !== pool) {
        out.push({ object: i, message: `runs a security level ${level} system but selects node pool "${selected}": levels 4–5 run only on the "${pool}" pool. Remove nodeSelector ${label} or set it to "${pool}".`, path: [...at.path, "nodeSelector", label] });
      }
      if (typeof at.spec.nodeName === "string") {
        out.push({ object: i, message: `runs a security level ${level} system pinned to node ${at.spec.nodeName}: nodeName bypasses the scheduler and the secure pool's node selector. Remove nodeName.`, path: [...at.path, "nodeName"] });
      }
    });
    return out;
  },
};

/** The protection family (without logging), in catalogue order. */
export const BACKUP_RULES = [tenantBackedUp, backupIntervalMeetsRpo, backupOffsiteCopy];
