// The tenancy of the shared platform as one Pulumi component: wraps buildTenancy (namespaces,
// quotas, limit ranges, network policies, RBAC, priority classes) and registers each object, a
// batch at a time (register.ts); `ready` resolves when every child is constructed.
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { buildTenancy } from "../builders/tenancy.js";
import type { Tenancy } from "../config.js";
import type { PlatformModel } from "../model.js";
import { registerObject, RegistrationBatches } from "./register.js";

/** Arguments of SharedPlatform. */
export interface SharedPlatformArgs {
  /** Tenants, dependency edges among them and egress rules (from `platformModel`); required. */
  readonly model: PlatformModel;
  /** Tenancy settings (quota headroom, Pod Security version, node pool, agency group prefix); required. */
  readonly tenancy: Tenancy;
  /** Volume mode of migrated VMs' disks, for their quota [Filesystem]. */
  readonly volumeMode?: "Filesystem" | "Block";
  /** Kubernetes provider of the target cluster [Pulumi's default provider]. */
  readonly provider?: k8s.Provider;
  /** Batching shared with the program's other components [batches of 10 of its own]. */
  readonly batches?: RegistrationBatches;
}

/** Namespaces and their guard rails for every system on the shared platform up to the wave cutoff. */
export class SharedPlatform extends pulumi.ComponentResource {
  /** Tenant namespace names, sorted. */
  readonly namespaces: pulumi.Output<string[]>;
  /** Number of Kubernetes objects registered. */
  readonly objectCount: pulumi.Output<number>;
  /** The registered Kubernetes resources, in builder order (for inspection and tests); complete once `ready` resolves. */
  readonly resources: pulumi.CustomResource[] = [];
  /** The registered Namespace of each tenant, for objects other components put in it; complete once `ready` resolves. */
  readonly namespaceResources = new Map<string, pulumi.CustomResource>();
  /** Resolves when every child is constructed. */
  readonly ready: Promise<void>;

  constructor(name: string, args: SharedPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    // Built before super(): a builder error must surface before any resource is registered.
    const objects = buildTenancy(args.model, args.tenancy, args.volumeMode);
    super("dcplan:platform:SharedPlatform", name, {}, opts);
    this.namespaces = pulumi.output(objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name));
    this.objectCount = pulumi.output(objects.length);
    this.ready = (args.batches ?? new RegistrationBatches()).run(this.create(name, objects, args));
  }

  /** Registers every object, yielding after each (run by RegistrationBatches.run). */
  private *create(name: string, objects: ReturnType<typeof buildTenancy>, args: SharedPlatformArgs): Generator<void, void, undefined> {
    const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
    // One options object per namespace (its objects depend on it), shared by its 6–10 objects.
    const nsOpts = new Map<string, pulumi.CustomResourceOptions>();
    for (const o of objects) {
      if (o.kind !== "Namespace") continue;
      const ns = registerObject(name, o, childOpts);
      this.namespaceResources.set(o.metadata.name, ns);
      nsOpts.set(o.metadata.name, { ...childOpts, dependsOn: [ns] });
      yield;
    }
    for (const o of objects) {
      if (o.kind === "Namespace") {
        this.resources.push(this.namespaceResources.get(o.metadata.name)!);
        continue;
      }
      const nsOptions = o.metadata.namespace === undefined ? undefined : nsOpts.get(o.metadata.namespace);
      this.resources.push(registerObject(name, o, nsOptions ?? childOpts));
      yield;
    }
    this.registerOutputs({ namespaces: this.namespaces, objectCount: this.objectCount });
  }
}
