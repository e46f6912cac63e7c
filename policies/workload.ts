// Reading workloads out of plain objects: the pod template of every kind that runs pods (and where
// it sits inside the object, so a finding can point at the field), its containers, image
// references, label selectors and the KubeVirt VirtualMachine template. Pure helpers for the rules.
import { arr, groupOf, type KObject, obj, str } from "./model.js";

/** Kinds whose objects run pods, and where their pod spec is. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** Kinds (core, apps, batch) that run pods. */
export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

/** Workloads that keep running (probes, replicas and disruption budgets make sense for them). */
export const SERVICE_KINDS: readonly string[] = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Pod"];

/** Kinds a replica count and a disruption budget apply to. */
export const REPLICATED_KINDS: readonly string[] = ["Deployment", "StatefulSet"];

/** True for an object of a built-in kind that runs pods. */
export function isWorkload(o: KObject): boolean {
  if (!(o.kind in POD_SPEC_PATHS)) return false;
  const g = groupOf(o);
  return g === "" || g === "apps" || g === "batch" || g === "extensions";
}

/** The pod spec of a workload and its path inside the object. */
export interface PodSpecAt {
  readonly spec: Record<string, unknown>;
  readonly path: readonly (string | number)[];
}

/** The pod spec of a workload object, or undefined for other objects. */
export function podSpecOf(o: KObject): PodSpecAt | undefined {
  if (!isWorkload(o)) return undefined;
  const path = POD_SPEC_PATHS[o.kind];
  let v: unknown = o;
  for (const k of path) v = obj(v)[k];
  return { spec: obj(v), path };
}

/** Labels of the pods a workload creates (its template's labels; a Pod's own labels). */
export function podLabelsOf(o: KObject): Record<string, string> {
  if (o.kind === "Pod") return obj(o.metadata?.labels) as Record<string, string>;
  const tpl = o.kind === "CronJob" ? obj(obj(obj(obj(o.spec).jobTemplate).spec).template) : obj(obj(o.spec).template);
  return obj(obj(tpl.metadata).labels) as Record<string, string>;
}

/** One container of a pod spec, with its path inside the object. */
export interface ContainerAt {
  readonly container: Record<string, unknown>;
  readonly name: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly list: string;
  readonly path: readonly (string | number)[];
}

/** Every container of a pod spec (regular, init, ephemeral). */
export function containersOf(at: PodSpecAt, lists: readonly string[] = ["initContainers", "containers", "ephemeralContainers"]): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const list of lists) {
    arr(at.spec[list]).forEach((c, i) => {
      const container = obj(c);
      out.push({ container, name: str(container.name) ?? `#${i}`, list, path: [...at.path, list, i] });
    });
  }
  return out;
}

/** `container app`, `init container migrate`, for messages. */
export function containerLabel(c: ContainerAt): string {
  return c.list === "containers" ? `container ${c.name}` : c.list === "initContainers" ? `init container ${c.name}` : `ephemeral container ${c.name}`;
}

/** A parsed image reference. */
export interface ImageRef {
  /** Registry host, `docker.io` when the reference names none. */
  readonly registry: string;
  /** Repository path without the registry. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * Parses an image reference the way container runtimes do: the first path component is a registry
 * when it contains a dot or a colon or is `localhost`; otherwise the image is on Docker Hub.
 */
export function parseImage(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf("/");
  let registry = "docker.io";
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost") {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, repository: rest, tag, digest };
}

/** A label selector (`matchLabels`, `matchExpressions`) as Kubernetes evaluates it; null/undefined selects nothing. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === null || selector === undefined || typeof selector !== "object") return false;
  const s = obj(selector);
  for (const [k, v] of Object.entries(obj(s.matchLabels))) if (labels[k] !== v) return false;
  for (const e of arr(s.matchExpressions)) {
    const x = obj(e);
    const key = str(x.key) ?? "";
    const values = arr(x.values).map(String);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (x.operator) {
      case "In":
        if (!has || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True when a selector is present and empty (`{}`): it selects everything. */
export function isEmptySelector(selector: unknown): boolean {
  if (selector === null || selector === undefined || typeof selector !== "object" || Array.isArray(selector)) return false;
  const s = obj(selector);
  return Object.keys(obj(s.matchLabels)).length === 0 && arr(s.matchExpressions).length === 0;
}

/** True for a KubeVirt VirtualMachine. */
export function isVirtualMachine(o: KObject): boolean {
  return o.kind === "VirtualMachine" && groupOf(o) === "kubevirt.io";
}

/** The VMI spec of a KubeVirt VirtualMachine (`spec.template.spec`). */
export function vmSpecOf(o: KObject): PodSpecAt {
  return { spec: obj(obj(obj(o.spec).template).spec), path: ["spec", "template", "spec"] };
}
