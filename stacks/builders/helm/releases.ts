// The platform services as pinned Helm releases, in install order: MetalLB (its CRDs before the
// pools and peers), Velero (before the storage locations and schedules), then the two Fluent Bit
// releases that ship logs to the SOC. Each release names its chart by archive (air-gapped) or by
// repository, with the exact version dcplan built its values for. The same list drives the Pulumi
// `helm.v3.Release` resources and the `helm upgrade --install` commands `dcplan render` writes, so
// both install the same thing. Pure.
import type { Helm } from "../../config.js";
import { yamlText } from "../yaml-text.js";
import { type ChartKey, CHARTS } from "./charts.js";
import { EVENTS_RELEASE, type FluentBitValuesInput, fluentBitEventsValues, fluentBitValues } from "./fluent-bit-values.js";
import { metallbValues } from "./metallb-values.js";
import { veleroValues } from "./velero-values.js";

/** One release. */
export interface HelmRelease {
  /** Release name. */
  readonly name: string;
  /** Key of the chart in CHARTS. */
  readonly chartKey: ChartKey;
  /** Chart archive (relative to the project root) or, with `repository`, the chart's name there. */
  readonly chart: string;
  /** Chart repository URL; absent for an archive. */
  readonly repository?: string;
  /** Pinned chart version. */
  readonly version: string;
  readonly namespace: string;
  readonly values: Record<string, unknown>;
}

/** What the releases are built from. */
export interface HelmModel {
  readonly helm: Helm;
  /** Namespaces of Velero, MetalLB and the log forwarders. */
  readonly namespaces: { readonly velero: string; readonly metallb: string; readonly logging: string };
  /** Inputs of the Fluent Bit values (registry excluded). */
  readonly logging: Omit<FluentBitValuesInput, "imageRegistry">;
}

function source(helm: Helm, key: ChartKey): { chart: string; repository?: string; version: string } {
  const c = helm.charts[key];
  const info = CHARTS[key];
  const version = c.version ?? info.version;
  return c.archive !== undefined ? { chart: c.archive, version } : { chart: info.chart, repository: c.repository ?? info.repository, version };
}

/** The releases in install order. */
export function buildHelmReleases(model: HelmModel): HelmRelease[] {
  const registry = model.helm.imageRegistry;
  const fb: FluentBitValuesInput = { ...model.logging, imageRegistry: registry };
  return [
    { name: "metallb", chartKey: "metallb", ...source(model.helm, "metallb"), namespace: model.namespaces.metallb, values: metallbValues({ imageRegistry: registry }) },
    { name: "velero", chartKey: "velero", ...source(model.helm, "velero"), namespace: model.namespaces.velero, values: veleroValues({ imageRegistry: registry }) },
    { name: "fluent-bit", chartKey: "fluentBit", ...source(model.helm, "fluentBit"), namespace: model.namespaces.logging, values: fluentBitValues(fb) },
    { name: EVENTS_RELEASE, chartKey: "fluentBit", ...source(model.helm, "fluentBit"), namespace: model.namespaces.logging, values: fluentBitEventsValues(fb) },
  ];
}

/** File name of a release's values, next to the install script. */
export function valuesFileName(r: HelmRelease): string {
  return `${r.name}.values.yaml`;
}

/** The values file's text. */
export function valuesFileText(r: HelmRelease, header: string): string {
  return `${header}${yamlText(r.values)}`;
}

const shellQuote = (s: string): string => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'"'"'`)}'`);

/** One `helm upgrade --install` command; values files are read from `$HERE` (the script's directory). */
export function helmCommand(r: HelmRelease): string {
  const parts = ["helm", "upgrade", "--install", r.name, shellQuote(r.chart)];
  if (r.repository !== undefined) parts.push("--repo", shellQuote(r.repository));
  parts.push("--version", r.version, "--namespace", r.namespace, "--values", `"$HERE/${valuesFileName(r)}"`, "--wait", "--timeout", "15m");
  return parts.join(" ");
}

/**
 * The install script: applies the namespaces and the SOC's CA first (the releases run in them and
 * mount it), then the releases in order. Run from the project root, where the chart archives'
 * paths are relative to; afterwards `kubectl apply -f <dir>` applies the rest.
 */
export function installScript(releases: readonly HelmRelease[], header: string, firstManifests: readonly string[]): string {
  const lines = [
    "#!/bin/sh",
    header.trimEnd(),
    "# Installs the platform services (pinned Helm releases) in order. Run it from the project root (chart",
    "# archives are relative to it), before `kubectl apply -f` of the manifest directory.",
    "set -eu",
    'HERE=$(dirname "$0")',
    ...(firstManifests.length > 0 ? [`kubectl apply ${firstManifests.map((f) => `-f "$HERE/../${f}"`).join(" ")}`] : []),
    ...releases.map(helmCommand),
    "",
  ];
  return lines.join("\n");
}
