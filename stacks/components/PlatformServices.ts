// The platform services as one Pulumi component: the namespaces they run in, the SOC's CA and the
// logging namespace's policies (buildPlatformServices), then the pinned Helm releases in order
// (buildHelmReleases: MetalLB, Velero, Fluent Bit). A release waits for its namespace (and Fluent
// Bit for the CA) and for the release before it; `releases` lets the Backup and Wan components wait
// for the charts that bring their CRDs.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { HelmRelease } from "../builders/helm/releases.js";
import type { K8sObject } from "../builders/objects.js";
import { SOC_CA_SECRET } from "../builders/platform.js";
import { registerObject, RegistrationBatches } from "./register.js";

/** Arguments of PlatformServices. */
export interface PlatformServicesArgs {
  /** Platform namespaces, the CA Secret and the logging policies (from buildPlatformServices); required. */
  readonly objects: readonly K8sObject[];
  /** The releases in install order (from buildHelmReleases); required. */
  readonly releases: readonly HelmRelease[];
  /** Kubernetes provider of the target cluster [Pulumi's default provider]. */
  readonly provider?: k8s.Provider;
  /** Batching shared with the program's other components [batches of 10 of its own]. */
  readonly batches?: RegistrationBatches;
}

/** The arguments of a Pulumi Helm release for `r`: the same chart, version, namespace and values `dcplan render`'s commands install. */
export function releaseArgs(r: HelmRelease): k8s.helm.v3.ReleaseArgs {
  return {
    name: r.name,
    chart: r.chart,
    version: r.version,
    repositoryOpts: r.repository === undefined ? undefined : { repo: r.repository },
    namespace: r.namespace,
    createNamespace: false,
    values: r.values,
    timeout: 900,
  };
}

/** Platform namespaces, the SOC's CA, the logging NetworkPolicies and the platform's Helm releases. */
export class PlatformServices extends pulumi.ComponentResource {
  /** Release names in install order. */
  readonly releaseNames: pulumi.Output<string[]>;
  /** The registered releases by name. */
  readonly releases = new Map<string, k8s.helm.v3.Release>();
  /** The other registered resources, in builder order. */
  readonly resources: pulumi.CustomResource[] = [];

  constructor(name: string, args: PlatformServicesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("dcplan:platform:PlatformServices", name, {}, opts);
    const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
    const namespaces = new Map<string, pulumi.CustomResource>();
    for (const o of args.objects.filter((x) => x.kind === "Namespace")) namespaces.set(o.metadata.name, registerObject(name, o, childOpts));
    let ca: pulumi.CustomResource | undefined;
    for (const o of args.objects) {
      if (o.kind === "Namespace") {
        this.resources.push(namespaces.get(o.metadata.name)!);
        continue;
      }
      const ns = namespaces.get(o.metadata.namespace ?? "");
      const r = registerObject(name, o, childOpts, ns ? [ns] : undefined);
      if (o.kind === "Secret" && o.metadata.name === SOC_CA_SECRET) ca = r;
      this.resources.push(r);
    }
    let previous: pulumi.Resource | undefined;
    for (const r of args.releases) {
      const deps: pulumi.Resource[] = [];
      const ns = namespaces.get(r.namespace);
      if (ns) deps.push(ns);
      if (r.chartKey === "fluentBit" && ca) deps.push(ca);
      if (previous) deps.push(previous);
      const release = new k8s.helm.v3.Release(`${name}-release-${r.name}`, releaseArgs(r), { ...childOpts, dependsOn: deps });
      this.releases.set(r.name, release);
      previous = release;
    }
    this.releaseNames = pulumi.output(args.releases.map((r) => r.name));
    this.registerOutputs({ releaseNames: this.releaseNames });
  }
}
