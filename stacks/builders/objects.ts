// Plain Kubernetes objects as the builders return them, and the few helpers every builder uses:
// deep key sorting (so two runs give the same bytes), the common labels, and a stable order.

/** Object metadata the builders set. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Kubernetes object as plain data (what `kubectl apply` reads). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** Label put on everything dcplan creates, so an operator can list or prune it. */
export const MANAGED_BY = { "app.kubernetes.io/managed-by": "dcplan" } as const;

/** Prefix of dcplan's own label keys. */
export const LABEL_PREFIX = "dcplan.gov.vn";

/** A copy of `value` with the keys of every object sorted (arrays keep their order). */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of sortedKeys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out as T;
  }
  return value;
}

/**
 * The keys of `o` in code-unit order, as `Object.keys(o).sort()` gives them, by insertion sort:
 * objects have a handful of keys, often already in order, and Array.prototype.sort allocates a
 * work array per call (sortKeys runs on every object of every resource: about twice as fast).
 */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Builds an object with sorted keys and undefined fields dropped. */
export function k8s(apiVersion: string, kind: string, metadata: ObjectMeta, body: Record<string, unknown> = {}): K8sObject {
  return sortKeys({ apiVersion, kind, metadata, ...body });
}

/** `namespace/name` or `name` for cluster-scoped objects. */
export function objectKey(o: K8sObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

/** Deterministic order inside one builder's output: kind, namespace, name. */
export function byKindNamespaceName(a: K8sObject, b: K8sObject): number {
  return (
    compareIds(a.kind, b.kind) ||
    compareIds(a.metadata.namespace ?? "", b.metadata.namespace ?? "") ||
    compareIds(a.metadata.name, b.metadata.name)
  );
}

/** Plain string comparison (code-unit order, locale-independent) for sorting ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
