// Offline validation of every object dcplan builds, used by `dcplan render` and by the tests:
// built-in kinds through kubernetes-models (+ unknown fields), custom resources through the
// vendored CRD schemas (+ unknown fields), the metadata of both as an ObjectMeta.
import type { Finding } from "../../common/errors.js";
import { InternalError, formatFinding } from "../../common/errors.js";
import { objectKey, type K8sObject } from "../builders/objects.js";
import { type SchemaProblem, validateBuiltin, validateObjectMeta } from "./builtin.js";
import { validateCustomResource } from "./crd.js";

export { crdDirectory, isCustomKind, validateCustomResource } from "./crd.js";
export { isBuiltinKind, validateBuiltin, validateObjectMeta, type SchemaProblem } from "./builtin.js";

function pointerPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Every schema problem of one object, as findings naming `Kind namespace/name` and the field path. */
export function validateObject(obj: K8sObject): Finding[] {
  const o = obj as unknown as Record<string, unknown>;
  let problems: SchemaProblem[] | undefined = validateBuiltin(o);
  if (problems === undefined) {
    problems = validateCustomResource(o);
    if (problems !== undefined) problems = [...problems, ...validateObjectMeta(obj.metadata).map((p) => ({ ...p, pointer: p.pointer }))];
  }
  const entity = `${obj.kind} ${objectKey(obj)}`;
  if (problems === undefined) {
    return [{ severity: "error", rule: "unknown-kind", entity, message: `no schema for ${obj.apiVersion} ${obj.kind}: dcplan only writes kinds it can validate` }];
  }
  return problems.map((p) => ({ severity: "error", rule: "schema", entity, path: pointerPath(p.pointer), message: p.message }));
}

/** Problems of every object, in object order. */
export function validateObjects(objects: readonly K8sObject[]): Finding[] {
  return objects.flatMap(validateObject);
}

/** Throws InternalError listing every problem: a built object that fails its schema is a dcplan bug (or a config value zod let through). */
export function assertValidObjects(objects: readonly K8sObject[]): void {
  const findings = validateObjects(objects);
  if (findings.length > 0) {
    throw new InternalError(`built objects fail their schemas:\n${findings.map(formatFinding).join("\n")}`);
  }
}
