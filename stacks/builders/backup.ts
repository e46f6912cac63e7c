// Centralised backup with Velero: a BackupStorageLocation on the primary site's S3-compatible store
// (the only default) and one on the other site for the offsite copy, the credentials Secret of
// each, and Schedules per security level from the one table in policies/backup-table.ts. Every
// deployed namespace is listed in the schedules its level requires. Namespaces of containers are
// backed up file by file (Kopia, through the node agent); namespaces of migrated VMs in schedules
// of their own (`-vms`), through CSI snapshots that the KubeVirt plugin takes with the guest frozen
// and the data mover then copies to the object store: how the plugin is tested upstream, and a
// consistent disk instead of files copied from under a running VM. Pure and deterministic.
import { BACKUP_TABLE, veleroTtl } from "../../policies/backup-table.js";
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
  /** Deployed namespaces with their security level and what runs in them [containers]. */
  readonly namespaces: readonly { readonly id: string; readonly securityLevel: number; readonly workload?: "containers" | "virtual-machines" }[];
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

/** The Schedules: per tier of the backup table, one primary schedule and (where required) one offsite, listing the tier's namespaces. Tiers with no namespace get none. */
export function schedules(model: BackupModel): K8sObject[] {
  const out: K8sObject[] = [];
  for (const tier of BACKUP_TABLE) {
    const levels = tier.levels.join("-");
    for (const workload of ["containers", "virtual-machines"] as const) {
      const namespaces = model.namespaces
        .filter((n) => tier.levels.includes(n.securityLevel) && (n.workload ?? "containers") === workload)
        .map((n) => n.id)
        .sort(compareIds);
      if (namespaces.length === 0) continue;
      const vms = workload === "virtual-machines";
      const suffix = vms ? "-vms" : "";
      const make = (name: string, cron: string, ttlHours: number, site: string, role: string) =>
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
      out.push(make(`level-${levels}-${tier.name}${suffix}`, tier.cron, tier.ttlHours, model.primary.site, "primary"));
      if (tier.offsite) out.push(make(`level-${levels}-offsite${suffix}`, tier.offsite.cron, tier.offsite.ttlHours, model.offsite.site, "offsite"));
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
