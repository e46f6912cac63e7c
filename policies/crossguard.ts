// The CrossGuard policies of the dcplan pack, one per rule of the catalogue: an object rule becomes
// a resource policy (checked as each resource is previewed), a set rule a stack policy (checked
// over every resource of the stack). Pulumi resources become the plain objects the rules read: the
// Kubernetes provider's inputs already are the object (apiVersion and kind from the type token when
// absent), and a Helm release (`kubernetes:helm.sh/v3:Release`) becomes a `helm.sh/v3` Release
// object with its chart, version and values under `spec`. Severities overridden in Pulumi's
// `--policy-pack-config` file reach the policies as enforcement levels, parameters through
// getConfig. Only type imports from @pulumi/policy: the pack itself is built in index.ts alone.
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { CATALOGUE } from "./catalogue.js";
import { policyContext, type SystemRecords } from "./context.js";
import { resolvedParams } from "./evaluate.js";
import { type KObject, type Params, type Rule, subjectOf } from "./model.js";

/** Type tokens of Kubernetes resources the tests and messages use. */
export const TYPES = {
  namespace: "kubernetes:core/v1:Namespace",
  resourceQuota: "kubernetes:core/v1:ResourceQuota",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  schedule: "kubernetes:velero.io/v1:Schedule",
  backupStorageLocation: "kubernetes:velero.io/v1:BackupStorageLocation",
  bgpPeerV1beta1: "kubernetes:metallb.io/v1beta1:BGPPeer",
  bgpPeerV1beta2: "kubernetes:metallb.io/v1beta2:BGPPeer",
  ipAddressPool: "kubernetes:metallb.io/v1beta1:IPAddressPool",
  helmRelease: "kubernetes:helm.sh/v3:Release",
} as const;

/** Pulumi type token of a plain object (`kubernetes:core/v1:Namespace`, `kubernetes:velero.io/v1:Schedule`). */
export function typeToken(o: { apiVersion: string; kind: string }): string {
  return `kubernetes:${o.apiVersion.includes("/") ? o.apiVersion : `core/${o.apiVersion}`}:${o.kind}`;
}

/** The plain object a Pulumi resource stands for, or undefined for resources that are not Kubernetes objects. */
export function objectOf(type: string, props: Record<string, unknown>, name: string): KObject | undefined {
  const m = /^kubernetes:([^:]+):([^:]+)$/.exec(type);
  if (!m) return undefined;
  const apiVersion = m[1].startsWith("core/") ? m[1].slice(5) : m[1];
  if (type === TYPES.helmRelease) {
    return { apiVersion, kind: m[2], metadata: { name: typeof props.name === "string" ? props.name : name, namespace: typeof props.namespace === "string" ? props.namespace : undefined }, spec: props };
  }
  const metadata = (props.metadata ?? {}) as KObject["metadata"];
  return { ...props, apiVersion: typeof props.apiVersion === "string" ? props.apiVersion : apiVersion, kind: typeof props.kind === "string" ? props.kind : m[2], metadata: { ...metadata, name: metadata.name ?? name } };
}

/** The JSON Schema of a rule's parameters, for Pulumi to validate the pack's configuration. */
function configSchema(rule: Rule): PolicyConfigSchema | undefined {
  if (!rule.params) return undefined;
  const properties: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(rule.params)) properties[k] = { ...spec.schema, description: spec.description, default: spec.default };
  return { properties } as PolicyConfigSchema;
}

/**
 * The CrossGuard policy of one catalogue rule. `systems` (what the inventory records per system)
 * is for tests that hand both paths the same inventory; the pack passes none, since a policy pack
 * sees the stack's resources only, so levels come from the namespace labels there.
 */
export function crossGuardPolicy(rule: Rule, systems?: SystemRecords): ResourceValidationPolicy | StackValidationPolicy {
  const base = { name: rule.id, description: `${rule.title}. ${rule.why}`, enforcementLevel: rule.severity as EnforcementLevel, configSchema: configSchema(rule) };
  const params = (args: { getConfig<T extends object>(): T }): Params => resolvedParams(rule, args.getConfig<Record<string, unknown>>());
  if (rule.scope === "object") {
    return {
      ...base,
      validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
        const o = objectOf(args.type, args.props, args.name);
        if (!o || !rule.applies(o)) return;
        for (const v of rule.check(o, policyContext([o], systems), params(args))) report(`${subjectOf(o)}: ${v.message}`);
      },
    };
  }
  return {
    ...base,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const kept: { o: KObject; r: PolicyResource }[] = [];
      for (const r of args.resources) {
        const o = objectOf(r.type, r.props, r.name);
        if (o) kept.push({ o, r });
      }
      const objects = kept.map((k) => k.o);
      for (const v of rule.check(objects, policyContext(objects, systems), params(args))) report(`${subjectOf(objects[v.object])}: ${v.message}`, kept[v.object].r.urn);
    },
  };
}

/** Every rule of the catalogue as a CrossGuard policy, with its default enforcement level. */
export function allPolicies(systems?: SystemRecords): (ResourceValidationPolicy | StackValidationPolicy)[] {
  return CATALOGUE.map((r) => crossGuardPolicy(r, systems));
}
