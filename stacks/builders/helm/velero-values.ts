// Values of the Velero chart (12.1.0, Velero 1.18.1): the server with the S3-compatible object-store
// plugin and the KubeVirt plugin as init containers (each copies its binary into /target), the node
// agent (file-system backups of containers' volumes and the data mover that copies VM disks'
// CSI snapshots to the object store), CSI snapshots on. No BackupStorageLocation or credentials
// from the chart: the Backup component creates one location per site with its own Secret. CRDs
// come from the chart's crds/ at install; the chart's CRD-upgrade job is off, as it runs a kubectl
// image whose tag follows the cluster version, which an air-gapped registry would have to guess.
// Pure: the same inputs give the same values.
import { sortKeys } from "../objects.js";
import { fromRegistry, IMAGES, imageRepository, imageTag } from "./charts.js";

/** What the Velero values depend on. */
export interface VeleroValuesInput {
  /** Internal registry [upstream registries]. */
  readonly imageRegistry?: string;
}

function plugin(name: string, ref: string, registry: string | undefined): Record<string, unknown> {
  return { image: fromRegistry(ref, registry), imagePullPolicy: "IfNotPresent", name, volumeMounts: [{ mountPath: "/target", name: "plugins" }] };
}

/** The values file of the Velero release. */
export function veleroValues(input: VeleroValuesInput): Record<string, unknown> {
  const r = input.imageRegistry;
  const server = fromRegistry(IMAGES.velero, r);
  return sortKeys({
    image: { repository: imageRepository(server), tag: imageTag(server), pullPolicy: "IfNotPresent" },
    initContainers: [plugin("velero-plugin-for-aws", IMAGES.veleroPluginAws, r), plugin("kubevirt-velero-plugin", IMAGES.veleroPluginKubevirt, r)],
    upgradeCRDs: false,
    cleanUpCRDs: false,
    configuration: {
      backupStorageLocation: [],
      volumeSnapshotLocation: [],
      // CSI snapshots (VM disks: the KubeVirt plugin freezes the guest around them) and Kopia for file-system backups.
      features: "EnableCSI",
      uploaderType: "kopia",
      defaultVolumesToFsBackup: false,
    },
    credentials: { useSecret: false },
    snapshotsEnabled: false,
    backupsEnabled: true,
    deployNodeAgent: true,
    // The node agent reads pod volumes from the host: its namespace is labelled privileged.
    nodeAgent: { podVolumePath: "/var/lib/kubelet/pods", pluginVolumePath: "/var/lib/kubelet/plugins", dnsPolicy: "ClusterFirst" },
    metrics: { enabled: true, serviceMonitor: { autodetect: false, enabled: false } },
  });
}
