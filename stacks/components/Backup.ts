// Centralised Velero backup as one Pulumi component: wraps buildBackup (storage locations, schedules
// per security level) and backupSecrets (S3 credentials, registered as Pulumi secrets).
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { type BackupModel, backupSecrets, buildBackup, type S3Credentials } from "../builders/backup.js";
import type { SecretValue } from "../secret.js";
import { RegistrationBatches, registerWithSecrets } from "./register.js";

/** Arguments of Backup. */
export interface BackupArgs {
  /** Velero namespace, provider, primary and offsite object stores, namespaces to cover; required. */
  readonly model: BackupModel;
  /** S3 credentials per site id (primary and offsite); required; only ever registered as secrets. */
  readonly credentials: ReadonlyMap<string, SecretValue<S3Credentials>>;
  /** Kubernetes provider of the target cluster [Pulumi's default provider]. */
  readonly provider?: k8s.Provider;
  /** What every child waits for: the Velero release, whose chart brings the CRDs [nothing]. */
  readonly after?: readonly pulumi.Resource[];
  /** Batching shared with the program's other components [batches of 10 of its own]. */
  readonly batches?: RegistrationBatches;
}

/** Velero BackupStorageLocations (primary is the only default), their credentials and the Schedules. */
export class Backup extends pulumi.ComponentResource {
  /** BackupStorageLocation names: the default (primary) one first. */
  readonly storageLocations: pulumi.Output<string[]>;
  /** Schedule names, sorted. */
  readonly schedules: pulumi.Output<string[]>;

  /** The registered Secrets (credentials or passwords), for inspection and tests; complete once `ready` resolves. */
  secrets: readonly pulumi.CustomResource[] = [];
  /** The other registered resources, in builder order; complete once `ready` resolves. */
  resources: readonly pulumi.CustomResource[] = [];
  /** Resolves when every child is constructed. */
  readonly ready: Promise<void>;

  constructor(name: string, args: BackupArgs, opts?: pulumi.ComponentResourceOptions) {
    const objects = buildBackup(args.model);
    const secrets = backupSecrets(args.model, new Map([...args.credentials].map(([site, v]) => [site, v.reveal()])));
    super("dcplan:backup:Backup", name, {}, opts);
    this.storageLocations = pulumi.output([args.model.primary.site, args.model.offsite.site]);
    this.schedules = pulumi.output(objects.filter((o) => o.kind === "Schedule").map((o) => o.metadata.name));
    const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider, dependsOn: args.after ? [...args.after] : undefined };
    this.ready = (args.batches ?? new RegistrationBatches()).run(registerWithSecrets(name, secrets, objects, childOpts, ["BackupStorageLocation"])).then((r) => {
      this.secrets = r.secrets;
      this.resources = r.resources;
      this.registerOutputs({ storageLocations: this.storageLocations, schedules: this.schedules });
    });
  }
}
