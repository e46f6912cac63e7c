// Registers one plain object from a builder as a Pulumi Kubernetes resource, so the component
// classes stay thin wrappers. Core kinds go through their typed classes (their type token is
// `kubernetes:core/v1:…`, and Secret marks its data secret); every other kind through
// apiextensions.CustomResource, whose token `kubernetes:<apiVersion>:<kind>` is the same as the
// typed class's for NetworkPolicy, Role, RoleBinding and PriorityClass. Those typed classes add
// aliases to long-gone API versions (v1alpha1/v1beta1) that dcplan never deployed; computing them
// for every resource cost about a fifth of the registration time at 10k resources. The
// object's fields are passed as they are, so what Pulumi registers equals what the builders (and
// `dcplan render`) produce; only Secret data is wrapped in `pulumi.secret`.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { K8sObject } from "../builders/objects.js";

type Ctor = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

const TYPED: Record<string, Ctor> = {
  "v1/Namespace": k8s.core.v1.Namespace as unknown as Ctor,
  "v1/ResourceQuota": k8s.core.v1.ResourceQuota as unknown as Ctor,
  "v1/LimitRange": k8s.core.v1.LimitRange as unknown as Ctor,
  "v1/Secret": k8s.core.v1.Secret as unknown as Ctor,
};

/** Pulumi logical name of an object inside component `component`: `${component}-${kind}-${namespace}-${name}`, lowercase. */
export function childName(component: string, o: K8sObject): string {
  const parts = [component, o.kind.toLowerCase(), o.metadata.namespace, o.metadata.name].filter((p) => p !== undefined);
  return parts.join("-");
}

function baseDependsOn(opts: pulumi.CustomResourceOptions): pulumi.Input<pulumi.Resource>[] {
  const d = opts.dependsOn;
  if (d === undefined) return [];
  return Array.isArray(d) ? d : [d as pulumi.Input<pulumi.Resource>];
}

/** Registers `o` under `component` with the shared options (plus `dependsOn` when given, added to the options' own). */
export function registerObject(component: string, o: K8sObject, opts: pulumi.CustomResourceOptions, dependsOn?: pulumi.Resource[]): pulumi.CustomResource {
  const name = childName(component, o);
  const args: Record<string, unknown> = { ...o };
  if (o.kind === "Secret" && o.apiVersion === "v1") {
    if (args.stringData !== undefined) args.stringData = pulumi.secret(args.stringData);
    if (args.data !== undefined) args.data = pulumi.secret(args.data);
  }
  const options = dependsOn && dependsOn.length > 0 ? { ...opts, dependsOn: [...baseDependsOn(opts), ...dependsOn] } : opts;
  const Typed = TYPED[`${o.apiVersion}/${o.kind}`];
  if (Typed) return new Typed(name, args as never, options);
  return new k8s.apiextensions.CustomResource(name, args as unknown as k8s.apiextensions.CustomResourceArgs, options);
}

/**
 * Registers resources a batch at a time. The Pulumi SDK serialises every resource's inputs
 * asynchronously after its constructor returns; constructed all at once, 10k resources keep their
 * promises and serialised copies alive together (1.6 GB under the mocks), and the garbage collector
 * copies them from the young generation into the old one, which cost half the CPU time. Yielding to
 * the event loop after each small batch lets the SDK finish it (under the mocks: register it; with
 * the engine: send the RPCs) while its garbage is still young. Measured at 10k resources (CPU time,
 * shared machine): batches of 10 took about half the time of batches of 500 and 0.36 of the memory
 * of all at once; batches of 1 were no better than 10. Nothing waits for the engine, so deployment
 * parallelism is unchanged. One instance is shared by the components of a program.
 */
export class RegistrationBatches {
  #count = 0;
  /** @param size resources per batch [10]. */
  constructor(readonly size = 10) {}

  /** Counts one registered resource; resolves at once, or after a turn of the event loop at the end of a batch. */
  async registered(): Promise<void> {
    if (++this.#count % this.size === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Resources registered so far. */
  get count(): number {
    return this.#count;
  }
}

/**
 * Registers `secrets` first, then `objects` in builder order, under `component`, a batch at a time;
 * objects of a kind in `needsSecrets` (the ones that reference a Secret) depend on every secret.
 */
export async function registerWithSecretsInBatches(
  component: string,
  secrets: readonly K8sObject[],
  objects: readonly K8sObject[],
  opts: pulumi.CustomResourceOptions,
  needsSecrets: readonly string[],
  batches: RegistrationBatches,
): Promise<{ secrets: pulumi.CustomResource[]; resources: pulumi.CustomResource[] }> {
  const secretResources: pulumi.CustomResource[] = [];
  for (const s of secrets) {
    secretResources.push(registerObject(component, s, opts));
    await batches.registered();
  }
  const resources: pulumi.CustomResource[] = [];
  for (const o of objects) {
    resources.push(registerObject(component, o, opts, needsSecrets.includes(o.kind) ? secretResources : undefined));
    await batches.registered();
  }
  return { secrets: secretResources, resources };
}
