// Centralised backup with Velero: a BackupStorageLocation on the primary site's S3-compatible store
// (the only default) and one on the other site for the offsite copy, the credentials Secret of
// each, and Schedules per security level from the one table in policies/backup-table.ts. Every
// deployed namespace is listed in the schedules its level requires. Namespaces of containers are
// backed up file by file (Kopia, through the node agent); namespaces of migrated VMs in schedules
// of their own (`-vms`), through CSI snapshots that the KubeVirt plugin takes with the guest frozen
// and the data mover then copies to the object store: how the plugin is tested upstream, and a
// consistent disk instead of files copied from under a running VM. A namespace whose system's
// recovery point objective (`rpoHours`) is shorter than its tier's interval moves from the tier's
// primary schedule to one that runs often enough (`-every-4h`, kept as long as the tier keeps its
// backups); its offsite copy stays the tier's. Pure and deterministic.
import { BACKUP_TABLE, type BackupTier, veleroTtl } from "../../policies/backup-table.js";
import { maxGapHours } from "../../policies/cron.js";
import type { BackupLocation } from "../config.js";
import { byKindNamespaceName, compareIds, k8s, type K8sObject, LABEL_PREFIX, MANAGED_BY } from "./objects.js";

/** S3 credentials of one site. */
export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** What the backup builder needs. */
export interface BackupModel {
  /** Namespace Velero runs in. */
  readonly namespace: string;
  /** Velero object-store provider plugin, e.g. `aws`. */
  readonly provider: string;
  /** Primary site id and its object store. */
  readonly primary: { readonly site: string; readonly location: BackupLocation };
  /** Offsite site id and its object store. */
  readonly offsite: { readonly site: string; readonly location: BackupLocation };
  /** Deployed namespaces with their security level, what runs in them [containers] and their system's recovery point objective, hours [the tier's interval]. */
  readonly namespaces: readonly { readonly id: string; readonly securityLevel: number; readonly workload?: "containers" | "virtual-machines"; readonly rpoHours?: number }[];
}

/** Name of the BackupStorageLocation of a site. */
export function storageLocationName(site: string): string {
  return site;
}

/** Name of the credentials Secret of a site's object store. */
export function credentialsSecretName(site: string): string {
  return `velero-credentials-${site}`;
}

/** Key of the credentials file inside the Secret (the Velero AWS plugin's shared-credentials format). */
export const CREDENTIALS_KEY = "cloud";

/** The shared-credentials file the Velero AWS plugin reads. */
export function credentialsFile(c: S3Credentials): string {
  return `[default]\naws_access_key_id=${c.accessKeyId}\naws_secret_access_key=${c.secretAccessKey}\n`;
}

function storageLocation(model: BackupModel, site: string, location: BackupLocation, isDefault: boolean): K8sObject {
  return k8s(
    "velero.io/v1",
    "BackupStorageLocation",
    { name: storageLocationName(site), namespace: model.namespace, labels: { ...MANAGED_BY, [`${LABEL_PREFIX}/site`]: site, [`${LABEL_PREFIX}/role`]: isDefault ? "primary" : "offsite" } },
    {
      spec: {
        accessMode: "ReadWrite",
        config: { region: location.region, s3ForcePathStyle: "true", s3Url: location.endpoint },
        credential: { key: CREDENTIALS_KEY, name: credentialsSecretName(site) },
        default: isDefault,
        objectStorage: { bucket: location.bucket, prefix: location.prefix },
        provider: model.provider,
      },
    },
  );
}

/** Hour steps (divisors of 24) and minute steps (divisors of 60) a cron can repeat at evenly. */
const HOUR_STEPS = [12, 8, 6, 4, 3, 2, 1];
const MINUTE_STEPS = [30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1];

/**
 * The primary schedule a namespace needs to meet a recovery point objective of `rpoHours` that its
 * tier's cron does not: the longest even step (hours dividing 24, else minutes dividing 60) not
 * longer than the objective, at the tier's start minute; undefined when the tier's cron already
 * meets it or no cron can (an objective under a minute: replication, not backups).
 */
export function rpoSchedule(tier: BackupTier, rpoHours: number | undefined): { readonly label: string; readonly cron: string } | undefined {
  if (rpoHours === undefined || rpoHours >= maxGapHours([tier.cron])) return undefined;
  const minute = /^\d+$/.test(tier.cron.split(/\s+/)[0]) ? Number(tier.cron.split(/\s+/)[0]) : 0;
  const hours = HOUR_STEPS.find((h) => h <= rpoHours);
  if (hours !== undefined) return { label: `${hours}h`, cron: hours === 1 ? `${minute} * * * *` : `${minute} */${hours} * * *` };
  const minutes = MINUTE_STEPS.find((m) => m <= rpoHours * 60);
  if (minutes === undefined) return undefined;
  return { label: `${minutes}m`, cron: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *` };
}

/**
 * The Schedules: per tier of the backup table and kind of workload, one primary schedule and
 * (where required) one offsite, listing the tier's namespaces; namespaces whose RPO the primary
 * cron does not meet go to an `-every-<step>` primary schedule instead. Tiers with no namespace get none.
 */
export function schedules(model: BackupModel): K8sObject[] {
  const out: K8sObject[] = [];
  for (const tier of BACKUP_TABLE) {
    const levels = tier.levels.join("-");
    for (const workload of ["containers", "virtual-machines"] as const) {
      const members = model.namespaces
        .filter((n) => tier.levels.includes(n.securityLevel) && (n.workload ?? "containers") === workload)
        .sort((a, b) => compareIds(a.id, b.id));
      if (members.length === 0) continue;
      const vms = workload === "virtual-machines";
      const suffix = vms ? "-vms" : "";
      const make = (name: string, cron: string, ttlHours: number, site: string, role: string, namespaces: string[]) =>
        k8s(
          "velero.io/v1",
          "Schedule",
          {
            name,
            namespace: model.namespace,
            labels: { ...MANAGED_BY, [`${LABEL_PREFIX}/security-levels`]: levels, [`${LABEL_PREFIX}/role`]: role, ...(vms ? { [`${LABEL_PREFIX}/workload`]: workload } : {}) },
          },
          {
            spec: {
              schedule: cron,
              // Backups must outlive the Schedule object: with owner references, deleting or
              // recreating the Schedule would garbage-collect every backup it made.
              useOwnerReferencesInBackup: false,
              template: vms
                ? { defaultVolumesToFsBackup: false, includedNamespaces: namespaces, snapshotMoveData: true, snapshotVolumes: true, storageLocation: storageLocationName(site), ttl: veleroTtl(ttlHours) }
                : { defaultVolumesToFsBackup: true, includedNamespaces: namespaces, storageLocation: storageLocationName(site), ttl: veleroTtl(ttlHours) },
            },
          },
        );
      const regular: string[] = [];
      const faster = new Map<string, { cron: string; namespaces: string[] }>();
      for (const n of members) {
        const own = rpoSchedule(tier, n.rpoHours);
        if (own === undefined) regular.push(n.id);
        else {
          const group = faster.get(own.label) ?? { cron: own.cron, namespaces: [] };
          group.namespaces.push(n.id);
          faster.set(own.label, group);
        }
      }
      if (regular.length > 0) out.push(make(`level-${levels}-${tier.name}${suffix}`, tier.cron, tier.ttlHours, model.primary.site, "primary", regular));
      for (const [label, group] of faster) out.push(make(`level-${levels}-every-${label}${suffix}`, group.cron, tier.ttlHours, model.primary.site, "primary", group.namespaces));
      if (tier.offsite) out.push(make(`level-${levels}-offsite${suffix}`, tier.offsite.cron, tier.offsite.ttlHours, model.offsite.site, "offsite", members.map((n) => n.id)));
    }
  }
  return out;
}

/** BackupStorageLocations (primary is the one default) and Schedules, sorted. Secrets come from backupSecrets. */
export function buildBackup(model: BackupModel): K8sObject[] {
  return [
    storageLocation(model, model.primary.site, model.primary.location, true),
    storageLocation(model, model.offsite.site, model.offsite.location, false),
    ...schedules(model),
  ].sort(byKindNamespaceName);
}

/** The credentials Secret of each BackupStorageLocation, from the (revealed) S3 credentials per site. */
export function backupSecrets(model: BackupModel, credentials: ReadonlyMap<string, S3Credentials>): K8sObject[] {
  return [model.primary.site, model.offsite.site].map((site) => {
    const c = credentials.get(site);
    if (!c) throw new Error(`no S3 credentials for site ${site}`); // checked in prepareStack before this runs
    return k8s(
      "v1",
      "Secret",
      { name: credentialsSecretName(site), namespace: model.namespace, labels: { ...MANAGED_BY, [`${LABEL_PREFIX}/site`]: site } },
      { stringData: { [CREDENTIALS_KEY]: credentialsFile(c) }, type: "Opaque" },
    );
  }).sort(byKindNamespaceName);
}
