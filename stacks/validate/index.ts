// Offline validation of every object dcplan builds, used by `dcplan render` and by the tests:
// built-in kinds through kubernetes-models (+ unknown fields), custom resources through the
// vendored CRD schemas (+ unknown fields), the metadata of both as an ObjectMeta; and the values
// of every Helm release against its vendored chart (values.ts).
import type { Finding } from "../../common/errors.js";
import { InternalError, formatFinding } from "../../common/errors.js";
import { CHARTS } from "../builders/helm/charts.js";
import type { HelmRelease } from "../builders/helm/releases.js";
import { objectKey, type K8sObject } from "../builders/objects.js";
import { type SchemaProblem, validateBuiltin, validateObjectMeta } from "./builtin.js";
import { validateCustomResource } from "./crd.js";
import { loadChart, validateValues } from "./values.js";

export { crdDirectory, isCustomKind, validateCustomResource } from "./crd.js";
export { isBuiltinKind, validateBuiltin, validateObjectMeta, type SchemaProblem } from "./builtin.js";
export { chartsDirectory, coalesce, loadChart, unknownKeys, validateValues } from "./values.js";

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

/** Problems of one release's values against its vendored chart (and a version the chart is not). */
export function validateRelease(r: HelmRelease): Finding[] {
  const dir = CHARTS[r.chartKey].dir;
  const entity = `helm release ${r.namespace}/${r.name}`;
  const findings: Finding[] = validateValues(dir, r.values).map((p) => ({ severity: "error", rule: "values-schema", entity, path: pointerPath(p.pointer), message: p.message }));
  const vendored = loadChart(dir).version;
  if (r.version !== vendored) findings.push({ severity: "error", rule: "values-schema", entity, message: `values are built for chart ${vendored}, the release installs ${r.version}` });
  return findings;
}

/** Throws InternalError listing every problem of every release's values. */
export function assertValidReleases(releases: readonly HelmRelease[]): void {
  const findings = releases.flatMap(validateRelease);
  if (findings.length > 0) throw new InternalError(`built Helm values fail their charts:\n${findings.map(formatFinding).join("\n")}`);
}
