// The platform's Helm charts: the versions dcplan builds values for (the charts vendored in
// stacks/charts/, whose values.yaml and values.schema.json the tests check the values against), the
// upstream repositories, and the images each chart pulls, so an air-gapped registry can mirror
// them under the same paths. A test keeps CHARTS in step with stacks/charts/*/Chart.yaml.

/** One chart dcplan installs. */
export interface ChartInfo {
  /** Chart name in its repository. */
  readonly chart: string;
  /** Directory under stacks/charts/. */
  readonly dir: string;
  /** Pinned chart version. */
  readonly version: string;
  /** Application version it ships. */
  readonly appVersion: string;
  /** Upstream chart repository. */
  readonly repository: string;
}

/** The charts by the key used in `dcplan:helm.charts`. */
export const CHARTS = {
  velero: { chart: "velero", dir: "velero", version: "12.1.0", appVersion: "1.18.1", repository: "https://vmware-tanzu.github.io/helm-charts" },
  metallb: { chart: "metallb", dir: "metallb", version: "0.16.1", appVersion: "v0.16.1", repository: "https://metallb.github.io/metallb" },
  fluentBit: { chart: "fluent-bit", dir: "fluent-bit", version: "0.58.1", appVersion: "5.1.1", repository: "https://fluent.github.io/helm-charts" },
} as const satisfies Record<string, ChartInfo>;

/** Key of a chart in CHARTS and in `dcplan:helm.charts`. */
export type ChartKey = keyof typeof CHARTS;

/**
 * Images the values refer to (upstream references). Plugin versions follow the compatibility tables:
 * velero-plugin-for-aws v1.14.x for Velero 1.18.x; kubevirt-velero-plugin v0.9.x for Velero 1.18.x.
 */
export const IMAGES = {
  velero: "docker.io/velero/velero:v1.18.1",
  veleroPluginAws: "docker.io/velero/velero-plugin-for-aws:v1.14.2",
  veleroPluginKubevirt: "quay.io/kubevirt/kubevirt-velero-plugin:v0.9.0",
  metallbController: "quay.io/metallb/controller:v0.16.1",
  metallbSpeaker: "quay.io/metallb/speaker:v0.16.1",
  frr: "quay.io/frrouting/frr:10.5.3",
  fluentBit: "cr.fluentbit.io/fluent/fluent-bit:5.1.1",
} as const;

/** True for an exact semantic version (`12.1.0`, `1.2.3-rc.1`): what "pinned" means. */
export function isPinnedVersion(v: string): boolean {
  return /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v);
}

/** Repository and path of an image reference without its tag (`quay.io/metallb/speaker:v0.16.1` → `quay.io/metallb/speaker`). */
export function imageRepository(ref: string): string {
  const at = ref.lastIndexOf(":");
  return at > ref.lastIndexOf("/") ? ref.slice(0, at) : ref;
}

/** Tag of an image reference. */
export function imageTag(ref: string): string {
  const at = ref.lastIndexOf(":");
  return at > ref.lastIndexOf("/") ? ref.slice(at + 1) : "latest";
}

/**
 * The reference to pull from: unchanged without a registry; otherwise the upstream path under the
 * registry, without the upstream host (`quay.io/metallb/speaker:v0.16.1` with `registry.local:5000`
 * → `registry.local:5000/metallb/speaker:v0.16.1`), the layout `skopeo sync` or `oc mirror` produce.
 */
export function fromRegistry(ref: string, registry: string | undefined): string {
  if (registry === undefined) return ref;
  const first = ref.split("/")[0];
  const hasHost = ref.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  return `${registry}/${hasHost ? ref.slice(first.length + 1) : ref}`;
}
