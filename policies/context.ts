// Which system lives in a namespace, and at which security level (cấp độ) and recovery point
// objective: "the namespace tells the system, the system its level". A Namespace among the checked
// objects speaks for itself through dcplan's labels (`dcplan.gov.vn/system`,
// `dcplan.gov.vn/security-level`) and the `dcplan.gov.vn/rpo-hours` annotation; otherwise the
// namespace name is taken as the system id. The inventory and the plan, when given, are the
// approved record: their level wins over a label (a mismatch is a finding of its own).
import { RPO_ANNOTATION, TENANT_LABELS } from "../stacks/builders/tenancy.js";
import { annotationsOf, type KObject, labelsOf, nameOf, type PolicyContext } from "./model.js";

export { RPO_ANNOTATION };

/** What the inventory or the plan says about one system. */
export interface SystemRecord {
  readonly securityLevel: number;
  readonly rpoHours?: number;
}

/** Systems by id, from the inventory and/or the plan. */
export type SystemRecords = ReadonlyMap<string, SystemRecord>;

/** True for a core/v1 Namespace. */
export function isNamespace(o: KObject): boolean {
  return o.kind === "Namespace" && o.apiVersion === "v1";
}

/** A tenant namespace (label dcplan.gov.vn/tenant=true) among the objects. */
export interface TenantNamespace {
  readonly index: number;
  readonly name: string;
  /** Level from the namespace label, or undefined when missing or not 1–5. */
  readonly labelLevel: number | undefined;
}

/** Level 1–5 from label text, or undefined. */
export function parseLevel(text: unknown): number | undefined {
  if (typeof text !== "string" || !/^[1-5]$/.test(text)) return undefined;
  return Number(text);
}

/** Tenant namespaces of a set of objects, in object order. */
export function tenantNamespaces(objects: readonly KObject[]): TenantNamespace[] {
  const out: TenantNamespace[] = [];
  objects.forEach((o, index) => {
    if (isNamespace(o) && labelsOf(o)[TENANT_LABELS.tenant] === "true") out.push({ index, name: nameOf(o), labelLevel: parseLevel(labelsOf(o)[TENANT_LABELS.securityLevel]) });
  });
  return out;
}

/** Builds the context of a set of objects, with the inventory/plan's systems when given. */
export function policyContext(objects: readonly KObject[], systems?: SystemRecords): PolicyContext {
  const namespaces = new Map<string, KObject>();
  for (const o of objects) if (isNamespace(o) && typeof o.metadata?.name === "string") namespaces.set(o.metadata.name, o);
  const systemOf = (ns: string | undefined): string | undefined => {
    if (ns === undefined) return undefined;
    const n = namespaces.get(ns);
    const label = n ? labelsOf(n)[TENANT_LABELS.system] : undefined;
    if (label) return label;
    if (systems?.has(ns) || n) return ns;
    return undefined;
  };
  const approvedLevelOf = (ns: string | undefined): number | undefined => {
    const id = systemOf(ns) ?? ns;
    return id === undefined ? undefined : systems?.get(id)?.securityLevel;
  };
  return {
    systemOf,
    approvedLevelOf,
    levelOf(ns) {
      if (ns === undefined) return undefined;
      const approved = approvedLevelOf(ns);
      if (approved !== undefined) return approved;
      const n = namespaces.get(ns);
      return n ? parseLevel(labelsOf(n)[TENANT_LABELS.securityLevel]) : undefined;
    },
    rpoHoursOf(ns) {
      if (ns === undefined) return undefined;
      const id = systemOf(ns) ?? ns;
      const recorded = systems?.get(id)?.rpoHours;
      if (recorded !== undefined) return recorded;
      const n = namespaces.get(ns);
      const text = n ? annotationsOf(n)[RPO_ANNOTATION] : undefined;
      const v = text === undefined ? NaN : Number(text);
      return Number.isFinite(v) && v >= 0 ? v : undefined;
    },
  };
}
