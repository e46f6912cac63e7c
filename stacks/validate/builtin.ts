// Offline validation of built-in Kubernetes objects with kubernetes-models (its compiled OpenAPI
// validators catch wrong types, enum values, missing required fields and a wrong kind) plus an
// unknown-field check, which those validators do not do (they accept additional properties).
//
// The unknown-field check probes the same validators instead of re-reading the OpenAPI document
// (kubernetes-models ships only compiled validators, no schema JSON): for each field of the object,
// its value is swapped for a Symbol, which no schema type accepts. A field the schema knows is then
// reported at its own path; a field the schema does not know passes silently — so silence means
// "unknown field". Map-valued fields (labels, quota `hard`) are known through their
// additionalProperties schema, so any key there counts as known, which is right.
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { Secret } from "kubernetes-models/v1/Secret";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { PriorityClass } from "kubernetes-models/scheduling.k8s.io/v1/PriorityClass";

/** One schema problem at a JSON pointer inside the object. */
export interface SchemaProblem {
  /** JSON pointer, e.g. `/spec/limits/0/defaultRequst`. */
  readonly pointer: string;
  readonly message: string;
}

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

const MODELS: Record<string, ModelClass> = {
  "v1/ConfigMap": ConfigMap as unknown as ModelClass,
  "v1/LimitRange": LimitRange as unknown as ModelClass,
  "v1/Namespace": Namespace as unknown as ModelClass,
  "v1/ResourceQuota": ResourceQuota as unknown as ModelClass,
  "v1/Secret": Secret as unknown as ModelClass,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy as unknown as ModelClass,
  "rbac.authorization.k8s.io/v1/Role": Role as unknown as ModelClass,
  "rbac.authorization.k8s.io/v1/RoleBinding": RoleBinding as unknown as ModelClass,
  "scheduling.k8s.io/v1/PriorityClass": PriorityClass as unknown as ModelClass,
};

/**
 * Fields the compiled validators do not know although Kubernetes does: kubernetes-models' generator
 * strips every `description` key from the OpenAPI schemas (documentation), and with it the one real
 * property of that name. Checked here by hand instead (a string).
 */
const MISSING_FROM_VALIDATORS: Record<string, Record<string, "string">> = {
  "scheduling.k8s.io/v1/PriorityClass": { "/description": "string" },
};

/** True when kubernetes-models validation is wired for this apiVersion/kind. */
export function isBuiltinKind(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in MODELS;
}

interface AjvLikeError {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
}

function run(model: Validatable): AjvLikeError[] {
  try {
    model.validate();
    return [];
  } catch (err) {
    const errors = (err as { errors?: AjvLikeError[] }).errors;
    if (!errors) throw err;
    return errors;
  }
}

function describe(e: AjvLikeError): string {
  if (e.keyword === "required") return `missing required field "${String(e.params?.missingProperty)}"`;
  if (e.keyword === "enum") return `must be one of ${JSON.stringify(e.params?.allowedValues)}`;
  return e.message ?? e.keyword;
}

const PROBE = Symbol("unknown-field-probe");

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Fields of `root` (walked from `node` at `pointer`) that the validator does not know. Mutates a
 * field at a time and restores it, so `node` must be owned by the caller for the duration.
 */
function unknownFields(model: Validatable, node: unknown, pointer: string, out: SchemaProblem[], missing: Record<string, "string"> = {}): void {
  if (node === null || typeof node !== "object") return;
  const container = node as Record<string, unknown>;
  const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
  for (const key of keys) {
    const here = `${pointer}/${escapePointer(key)}`;
    const saved = container[key];
    if (missing[here] !== undefined) continue; // checked by checkMissing
    container[key] = PROBE;
    let known: boolean;
    try {
      known = run(model).some((e) => e.instancePath === here);
    } finally {
      container[key] = saved;
    }
    if (!known) {
      out.push({ pointer: here, message: `unknown field "${key}" (not in the Kubernetes schema: misspelled, or from another API version?)` });
      continue;
    }
    unknownFields(model, saved, here, out, missing);
  }
}

/**
 * Schema problems of a built-in object (type, enum, required and unknown fields), or undefined when
 * the kind is not one dcplan validates as built-in.
 */
export function validateBuiltin(obj: Record<string, unknown>): SchemaProblem[] | undefined {
  const kindKey = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const Model = MODELS[kindKey];
  if (!Model) return undefined;
  const copy = structuredClone(obj);
  const model = new Model(copy as never);
  const problems: SchemaProblem[] = run(model).map((e) => ({ pointer: e.instancePath, message: describe(e) }));
  for (const [pointer, type] of Object.entries(MISSING_FROM_VALIDATORS[kindKey] ?? {})) {
    const value = copy[pointer.slice(1)];
    if (value !== undefined && typeof value !== type) problems.push({ pointer, message: `must be ${type}` });
  }
  // Probing only makes sense on an otherwise valid object: other errors would mask the probe's.
  if (problems.length === 0) unknownFields(model, model, "", problems, MISSING_FROM_VALIDATORS[kindKey]);
  return problems;
}

/** Problems of an ObjectMeta (validated inside a ConfigMap, the simplest kind that carries one). */
export function validateObjectMeta(metadata: unknown): SchemaProblem[] {
  const problems = validateBuiltin({ apiVersion: "v1", kind: "ConfigMap", metadata }) ?? [];
  return problems.map((p) => ({ ...p, pointer: p.pointer }));
}
