// The tenancy of the shared platform as one Pulumi component: wraps buildTenancy (namespaces,
// quotas, limit ranges, network policies, RBAC, priority classes) and registers each object.
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { buildTenancy } from "../builders/tenancy.js";
import type { Tenancy } from "../config.js";
import type { PlatformModel } from "../model.js";
import { registerObject } from "./register.js";

/** Arguments of SharedPlatform. */
export interface SharedPlatformArgs {
  /** Tenants, dependency edges among them and egress rules (from `platformModel`); required. */
  readonly model: PlatformModel;
  /** Tenancy settings (quota headroom, Pod Security version, node pool, agency group prefix); required. */
  readonly tenancy: Tenancy;
  /** Kubernetes provider of the target cluster [Pulumi's default provider]. */
  readonly provider?: k8s.Provider;
}

/** Namespaces and their guard rails for every system on the shared platform up to the wave cutoff. */
export class SharedPlatform extends pulumi.ComponentResource {
  /** Tenant namespace names, sorted. */
  readonly namespaces: pulumi.Output<string[]>;
  /** Number of Kubernetes objects registered. */
  readonly objectCount: pulumi.Output<number>;
  /** The registered Kubernetes resources, in builder order (for inspection and tests). */
  readonly resources: readonly pulumi.CustomResource[];

  constructor(name: string, args: SharedPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    // Built before super(): a builder error must surface before any resource is registered.
    const objects = buildTenancy(args.model, args.tenancy);
    super("dcplan:platform:SharedPlatform", name, {}, opts);
    const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
    const namespaces = new Map<string, pulumi.CustomResource>();
    // One options object per namespace (its objects depend on it), shared by its 6–10 objects.
    const nsOpts = new Map<string, pulumi.CustomResourceOptions>();
    for (const o of objects) {
      if (o.kind !== "Namespace") continue;
      const ns = registerObject(name, o, childOpts);
      namespaces.set(o.metadata.name, ns);
      nsOpts.set(o.metadata.name, { ...childOpts, dependsOn: [ns] });
    }
    const resources: pulumi.CustomResource[] = [];
    for (const o of objects) {
      if (o.kind === "Namespace") {
        resources.push(namespaces.get(o.metadata.name)!);
        continue;
      }
      const nsOptions = o.metadata.namespace === undefined ? undefined : nsOpts.get(o.metadata.namespace);
      resources.push(registerObject(name, o, nsOptions ?? childOpts));
    }
    this.resources = resources;
    this.namespaces = pulumi.output([...namespaces.keys()]);
    this.objectCount = pulumi.output(objects.length);
    this.registerOutputs({ namespaces: this.namespaces, objectCount: this.objectCount });
  }
}
