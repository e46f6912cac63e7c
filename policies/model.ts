// What a rule of the catalogue is and what it sees: plain Kubernetes objects (as `kubectl apply`
// reads them, whatever produced them), a context telling the security level (cấp độ, Decree
// 85/2016/NĐ-CP) and recovery point objective of the system behind a namespace, and the rule's own
// parameters. A rule is a pure function from those to violations; the CrossGuard pack
// (crossguard.ts) and `dcplan check` (evaluate.ts) both call the same functions.

/** A Kubernetes object as plain data. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  [field: string]: unknown;
}

/** How much a failing rule weighs: a mandatory finding fails `dcplan check` (exit 1) and blocks `pulumi up`. */
export type Severity = "mandatory" | "advisory";

/** Rule families, in the order the catalogue lists them. */
export const FAMILIES = ["tenancy", "protection", "workloads", "platform"] as const;
export type Family = (typeof FAMILIES)[number];

/** Security levels 1–5 of Decree 85/2016/NĐ-CP. */
export const ALL_LEVELS: readonly number[] = [1, 2, 3, 4, 5];

/** Where a rule comes from: a legal text, a national standard or a community hardening control. */
export interface Source {
  /** Document, e.g. `TCVN 11930:2017`, `CIS Kubernetes Benchmark v1.10`. */
  readonly doc: string;
  /** Article, clause or control inside it, e.g. `Điều 9`, `5.1.3`, `Privileged Containers`. */
  readonly ref: string;
  /** What that part says, in a few words. */
  readonly title: string;
}

/** What a rule knows about the systems behind namespaces. */
export interface PolicyContext {
  /** Security level 1–5 of the system living in `namespace`, or undefined when it cannot be told. */
  levelOf(namespace: string | undefined): number | undefined;
  /** Recovery point objective of that system, hours, or undefined when unknown. */
  rpoHoursOf(namespace: string | undefined): number | undefined;
  /** System id of a namespace, when known (from the namespace label or the inventory/plan). */
  systemOf(namespace: string | undefined): string | undefined;
  /** Security level of a system in the inventory or plan (undefined without them). */
  approvedLevelOf(namespace: string | undefined): number | undefined;
}

/** One failure of a rule, about one object. */
export interface Violation {
  /** Index of the object in the list the rule was given. */
  readonly object: number;
  /** Why it fails and how to fix it, about this object. */
  readonly message: string;
  /** Path of the offending field inside the object, for locating it in a file (e.g. ["spec","replicas"]). */
  readonly path?: readonly (string | number)[];
}

/** Parameters of a rule, from the policy configuration (`--policy-config`, Pulumi's `--policy-pack-config`). */
export type Params = Readonly<Record<string, unknown>>;

/** A parameter a rule accepts, with its default and a JSON Schema fragment for CrossGuard's configSchema. */
export interface ParamSpec {
  readonly description: string;
  readonly default: unknown;
  /** JSON Schema (draft-07) of the value. */
  readonly schema: Readonly<Record<string, unknown>>;
}

interface RuleBase {
  /** Kebab-case id, also the CrossGuard policy name. */
  readonly id: string;
  readonly family: Family;
  /** What it checks, one line. */
  readonly title: string;
  /** Why it exists, one or two sentences. */
  readonly why: string;
  /** Default severity; a stack's policy configuration may override it. */
  readonly severity: Severity;
  /** Security levels of the systems it applies to (ALL_LEVELS when it applies everywhere). */
  readonly levels: readonly number[];
  readonly sources: readonly Source[];
  /** Kinds it looks at, for the catalogue table. */
  readonly kinds: readonly string[];
  /** Parameters, by name. */
  readonly params?: Readonly<Record<string, ParamSpec>>;
}

/**
 * A rule that needs nothing but one object (CrossGuard runs it as a resource policy, before the
 * resource is created). `context` still gives levels when `dcplan check` has an inventory.
 */
export interface ObjectRule extends RuleBase {
  readonly scope: "object";
  /** True for the objects it checks. */
  applies(o: KObject): boolean;
  /** Violations of one object: messages, optionally the offending path. */
  check(o: KObject, context: PolicyContext, params: Params): { message: string; path?: readonly (string | number)[] }[];
}

/** A rule over a whole set of objects (CrossGuard runs it as a stack policy). */
export interface SetRule extends RuleBase {
  readonly scope: "set";
  check(objects: readonly KObject[], context: PolicyContext, params: Params): Violation[];
}

export type Rule = ObjectRule | SetRule;

/** `metadata.name`, or `?` when missing. */
export function nameOf(o: KObject): string {
  return typeof o.metadata?.name === "string" ? o.metadata.name : "?";
}

/** `Kind/name` as findings show an object. */
export function subjectOf(o: KObject): string {
  return `${o.kind}/${nameOf(o)}`;
}

/** API group of an object (`""` for core, `apps`, `velero.io`). */
export function groupOf(o: KObject): string {
  const v = o.apiVersion ?? "";
  return v.includes("/") ? v.slice(0, v.indexOf("/")) : "";
}

/** True when `o` is of `kind` in API group `group` (any version). */
export function isKind(o: KObject, group: string, kind: string): boolean {
  return o.kind === kind && groupOf(o) === group;
}

/** A plain object field, or `{}`. */
export function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** An array field, or `[]`. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A string field, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Labels of an object. */
export function labelsOf(o: KObject): Record<string, string> {
  return obj(o.metadata?.labels) as Record<string, string>;
}

/** Annotations of an object. */
export function annotationsOf(o: KObject): Record<string, string> {
  return obj(o.metadata?.annotations) as Record<string, string>;
}

/** `1–5`, `3–5`, `4–5`, `3`, or `1, 3` for the catalogue table. */
export function levelsText(levels: readonly number[]): string {
  const sorted = [...levels].sort((a, b) => a - b);
  const contiguous = sorted.every((l, i) => i === 0 || l === sorted[i - 1] + 1);
  if (sorted.length > 1 && contiguous) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.join(", ");
}

const byNamespaceCache = new WeakMap<readonly KObject[], Map<string, KObject[]>>();

/** The objects of a set grouped by namespace (`""` for none), computed once per set: rules look up their neighbours in it. */
export function objectsByNamespace(objects: readonly KObject[]): ReadonlyMap<string, readonly KObject[]> {
  let m = byNamespaceCache.get(objects);
  if (!m) {
    m = new Map();
    for (const o of objects) {
      const ns = typeof o.metadata?.namespace === "string" ? o.metadata.namespace : "";
      const list = m.get(ns);
      if (list) list.push(o);
      else m.set(ns, [o]);
    }
    byNamespaceCache.set(objects, m);
  }
  return m;
}
