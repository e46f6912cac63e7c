// Offline validation of Velero and MetalLB custom resources against the openAPIV3Schema of their
// CRDs, vendored unmodified in stacks/crds/ (see SOURCES.md there). Compiled with ajv after one
// transformation: every object schema that lists properties and neither allows additional
// properties nor sets x-kubernetes-preserve-unknown-fields is closed (additionalProperties: false),
// because the API server prunes unknown fields of structural schemas silently — a misspelled field
// would simply vanish. `metadata` is checked as an ObjectMeta by builtin.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { parse } from "yaml";
import type { SchemaProblem } from "./builtin.js";

/** The vendored CRD directory, from the source tree (tsx) or from dist/. */
export function crdDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, "..", "crds"), join(here, "..", "..", "..", "stacks", "crds")]) {
    if (existsSync(join(candidate, "SOURCES.md"))) return candidate;
  }
  throw new Error(`vendored CRDs not found next to ${here}`);
}

type Schema = Record<string, unknown>;

function closeSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeSchema);
  if (node === null || typeof node !== "object") return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) {
    // Property names inside `properties` are data, not keywords: recurse into their values only.
    if (k === "properties" && v && typeof v === "object") {
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([name, s]) => [name, closeSchema(s)]));
    } else out[k] = closeSchema(v);
  }
  if (out.properties && out.additionalProperties === undefined && out["x-kubernetes-preserve-unknown-fields"] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

interface CrdVersion {
  readonly validate: ValidateFunction;
  readonly deprecated: boolean;
}

let cache: Map<string, CrdVersion> | undefined;

function load(): Map<string, CrdVersion> {
  if (cache) return cache;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const out = new Map<string, CrdVersion>();
  const root = crdDirectory();
  for (const group of readdirSync(root).sort()) {
    const dir = join(root, group);
    if (!existsSync(dir) || group.endsWith(".md")) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".yaml")) continue;
      const crd = parse(readFileSync(join(dir, file), "utf8")) as {
        spec: { group: string; names: { kind: string }; versions: { name: string; deprecated?: boolean; schema: { openAPIV3Schema: Schema } }[] };
      };
      for (const v of crd.spec.versions) {
        const apiVersion = `${crd.spec.group}/${v.name}`;
        const schema = closeSchema(v.schema.openAPIV3Schema) as Schema;
        const props = { ...(schema.properties as Schema) };
        props.apiVersion = { type: "string", const: apiVersion };
        props.kind = { type: "string", const: crd.spec.names.kind };
        props.metadata = { type: "object" };
        const full = { ...schema, properties: props, required: ["apiVersion", "kind", "metadata", "spec"], additionalProperties: false };
        out.set(`${apiVersion}/${crd.spec.names.kind}`, { validate: ajv.compile(full), deprecated: v.deprecated === true });
      }
    }
  }
  cache = out;
  return out;
}

function describe(e: ErrorObject): { pointer: string; message: string } {
  if (e.keyword === "additionalProperties") {
    const field = String((e.params as { additionalProperty: string }).additionalProperty);
    return { pointer: `${e.instancePath}/${field}`, message: `unknown field "${field}" (not in the CRD schema: misspelled, or from another API version?)` };
  }
  if (e.keyword === "required") return { pointer: e.instancePath, message: `missing required field "${String((e.params as { missingProperty: string }).missingProperty)}"` };
  if (e.keyword === "enum") return { pointer: e.instancePath, message: `must be one of ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}` };
  return { pointer: e.instancePath, message: e.message ?? e.keyword };
}

/** True when a vendored CRD defines this apiVersion/kind. */
export function isCustomKind(apiVersion: string, kind: string): boolean {
  return load().has(`${apiVersion}/${kind}`);
}

/** Schema problems of a custom resource, or undefined when no vendored CRD defines its kind. */
export function validateCustomResource(obj: Record<string, unknown>): SchemaProblem[] | undefined {
  const v = load().get(`${String(obj.apiVersion)}/${String(obj.kind)}`);
  if (!v) return undefined;
  const problems: SchemaProblem[] = [];
  if (!v.validate(obj)) for (const e of v.validate.errors ?? []) problems.push(describe(e));
  if (v.deprecated) problems.push({ pointer: "/apiVersion", message: `${String(obj.apiVersion)} ${String(obj.kind)} is deprecated: use the storage version` });
  return problems;
}
