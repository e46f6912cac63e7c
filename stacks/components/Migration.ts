// The Forklift side of the waves as one Pulumi component: wraps buildMigration (Providers, maps,
// Plans, Migrations, the VMs' instancetypes and the migration pods' policies) and migrationSecrets
// (vCenter credentials, registered as Pulumi secrets). Objects in a tenant namespace wait for the
// namespace; a Provider for its credentials; a Plan for its Providers, maps and instancetypes; a
// Migration for its Plan.
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { buildMigration, FORKLIFT_API, type MigrationModel, migrationSecrets, type VsphereSecretValue } from "../builders/migration.js";
import type { K8sObject } from "../builders/objects.js";
import type { SecretValue } from "../secret.js";
import { registerObject, RegistrationBatches } from "./register.js";

/** Arguments of Migration. */
export interface MigrationArgs {
  /** Forklift namespace, vSphere sources, storage classes and the plans of the deployed VM tenants; required. */
  readonly model: MigrationModel;
  /** vCenter credentials per site id; required for every site a plan migrates from; only ever registered as secrets. */
  readonly credentials: ReadonlyMap<string, SecretValue<VsphereSecretValue>>;
  /** Registered tenant Namespaces by name, which objects in them wait for [none]. */
  readonly namespaces?: ReadonlyMap<string, pulumi.Resource>;
  /** Kubernetes provider of the target cluster [Pulumi's default provider]. */
  readonly provider?: k8s.Provider;
  /** Batching shared with the program's other components [batches of 10 of its own]. */
  readonly batches?: RegistrationBatches;
}

/** Forklift Providers, NetworkMaps, StorageMaps, Plans and Migrations for the waves up to the cutoff. */
export class Migration extends pulumi.ComponentResource {
  /** Plan names, sorted. */
  readonly plans: pulumi.Output<string[]>;
  /** The registered Secrets, for inspection and tests; complete once `ready` resolves. */
  secrets: readonly pulumi.CustomResource[] = [];
  /** The other registered resources, in builder order; complete once `ready` resolves. */
  readonly resources: pulumi.CustomResource[] = [];
  /** Resolves when every child is constructed. */
  readonly ready: Promise<void>;

  constructor(name: string, args: MigrationArgs, opts?: pulumi.ComponentResourceOptions) {
    const objects = buildMigration(args.model);
    const secrets = migrationSecrets(args.model, new Map([...args.credentials].map(([site, v]) => [site, v.reveal()])));
    super("dcplan:migration:Migration", name, {}, opts);
    this.plans = pulumi.output(objects.filter((o) => o.kind === "Plan").map((o) => o.metadata.name));
    this.ready = (args.batches ?? new RegistrationBatches()).run(this.create(name, objects, secrets, args));
  }

  /** Registers the secrets, then every object in dependency order, yielding after each (run by RegistrationBatches.run). */
  private *create(name: string, objects: K8sObject[], secrets: K8sObject[], args: MigrationArgs): Generator<void, void, undefined> {
    const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
    const registered = new Map<string, pulumi.CustomResource>();
    const key = (kind: string, namespace: string | undefined, n: string) => `${kind}/${namespace ?? ""}/${n}`;
    const add = (o: K8sObject, dependsOn: pulumi.Resource[]) => {
      const r = registerObject(name, o, childOpts, dependsOn);
      registered.set(key(o.kind, o.metadata.namespace, o.metadata.name), r);
      return r;
    };
    const secretResources: pulumi.CustomResource[] = [];
    for (const s of secrets) {
      secretResources.push(add(s, []));
      yield;
    }
    this.secrets = secretResources;
    const ns = args.namespaces ?? new Map<string, pulumi.Resource>();
    // Builder order is kind, namespace, name: Migration, NetworkMap, NetworkPolicy, Plan, Provider,
    // StorageMap, VirtualMachineInstancetype. Register in dependency order instead.
    const order = ["Provider", "NetworkMap", "StorageMap", "VirtualMachineInstancetype", "NetworkPolicy", "Plan", "Migration"];
    const sorted = [...objects].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    for (const o of sorted) {
      const deps: pulumi.Resource[] = [];
      const tenantNs = o.metadata.namespace === undefined ? undefined : ns.get(o.metadata.namespace);
      if (tenantNs) deps.push(tenantNs);
      if (o.kind === "Provider") deps.push(...secretResources);
      if (o.kind === "Plan") {
        const spec = o.spec as { provider: { source: { name: string }; destination: { name: string } }; map: { network: { name: string }; storage: { name: string } }; targetNamespace: string; vms: { instanceType: string }[] };
        const fns = o.metadata.namespace;
        for (const k of [key("Provider", fns, spec.provider.source.name), key("Provider", fns, spec.provider.destination.name), key("NetworkMap", fns, spec.map.network.name), key("StorageMap", fns, spec.map.storage.name)]) {
          const r = registered.get(k);
          if (r) deps.push(r);
        }
        for (const vm of spec.vms) {
          const r = registered.get(key("VirtualMachineInstancetype", spec.targetNamespace, vm.instanceType));
          if (r) deps.push(r);
        }
        const target = ns.get(spec.targetNamespace);
        if (target) deps.push(target);
      }
      if (o.kind === "Migration" && o.apiVersion === FORKLIFT_API) {
        const plan = registered.get(key("Plan", o.metadata.namespace, (o.spec as { plan: { name: string } }).plan.name));
        if (plan) deps.push(plan);
      }
      this.resources.push(add(o, deps));
      yield;
    }
    this.registerOutputs({ plans: this.plans });
  }
}
