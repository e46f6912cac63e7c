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
 * Registers resources a batch at a time, each batch from a shallow stack. The Pulumi SDK serialises
 * every resource's inputs asynchronously after its constructor returns; constructed all at once,
 * 10k resources keep their promises and serialised copies alive together (1.6 GB under the mocks),
 * and the garbage collector copies them from the young generation into the old one, which cost half
 * the CPU time. Yielding to the event loop after each small batch lets the SDK finish it (under the
 * mocks: register it; with the engine: send the RPCs) while its garbage is still young. Measured at
 * 10k resources (CPU time, shared machine): batches of 10 took about half the time of batches of
 * 500 and 0.36 of the memory of all at once; batches of 1 were no better than 10.
 *
 * A component describes its registrations as a generator that yields after each resource; `run`
 * resumes it from a setImmediate callback, `size` resources per turn. The SDK records a source
 * position and a stack trace per resource by parsing `new Error().stack` with no frame limit
 * (async frames included), so its cost grows with the depth of the stack at construction: resumed
 * from inside awaiting async functions (the component, the program, its caller…) a resource saw
 * 9–10 frames past the SDK's; from here it sees the builder wrapper, the component's generator and
 * this driver. The first frame past the SDK's own stays dcplan's (registerObject), as before.
 * Nothing waits for the engine, so deployment parallelism is unchanged. One instance is shared by
 * the components of a program; their generators run one after the other in the order given.
 */
export class RegistrationBatches {
  #count = 0;
  /** @param size resources per batch [10]. */
  constructor(readonly size = 10) {}

  /**
   * Runs `registrations` (a generator that yields once per resource it registers) to its end,
   * `size` resources per turn of the event loop, every turn from a setImmediate callback; resolves
   * with the generator's return value, rejects with what it throws.
   */
  run<T>(registrations: Generator<unknown, T, undefined>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const turn = (): void => {
        try {
          for (let i = 0; i < this.size; i++) {
            const step = registrations.next();
            if (step.done) return resolve(step.value);
            this.#count++;
          }
          setImmediate(turn);
        } catch (err) {
          reject(err);
        }
      };
      setImmediate(turn);
    });
  }

  /** Resources registered so far. */
  get count(): number {
    return this.#count;
  }
}

/**
 * Registers `secrets` first, then `objects` in builder order, under `component`, yielding after
 * each (run it with RegistrationBatches.run); objects of a kind in `needsSecrets` (the ones that
 * reference a Secret) depend on every secret.
 */
export function* registerWithSecrets(
  component: string,
  secrets: readonly K8sObject[],
  objects: readonly K8sObject[],
  opts: pulumi.CustomResourceOptions,
  needsSecrets: readonly string[],
): Generator<void, { secrets: pulumi.CustomResource[]; resources: pulumi.CustomResource[] }, undefined> {
  const secretResources: pulumi.CustomResource[] = [];
  for (const s of secrets) {
    secretResources.push(registerObject(component, s, opts));
    yield;
  }
  const resources: pulumi.CustomResource[] = [];
  for (const o of objects) {
    resources.push(registerObject(component, o, opts, needsSecrets.includes(o.kind) ? secretResources : undefined));
    yield;
  }
  return { secrets: secretResources, resources };
}
