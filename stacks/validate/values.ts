// Offline validation of Helm values against the vendored charts (stacks/charts/<chart>/), the way
// Helm does it plus what Helm lets through:
//
// 1. Helm coalesces the chart's values.yaml with the given values (maps merge key by key, anything
//    else replaces, null removes the key) and validates the result against values.schema.json when
//    the chart ships one (Velero and MetalLB do; Fluent Bit does not). Same here, with ajv.
// 2. Neither schema closes its top level, and Fluent Bit has none, so a misspelled key would be
//    ignored silently by the chart. Here every key dcplan sets must exist in the chart's
//    values.yaml at the same path, except inside maps the chart leaves empty or null there (free
//    maps such as `luaScripts`, `podLabels`) and inside lists.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { parse } from "yaml";
import type { SchemaProblem } from "./builtin.js";

type Values = Record<string, unknown>;

/** The vendored chart directory, from the source tree (tsx) or from dist/. */
export function chartsDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, "..", "charts"), join(here, "..", "..", "..", "stacks", "charts")]) {
    if (existsSync(join(candidate, "SOURCES.md"))) return candidate;
  }
  throw new Error(`vendored charts not found next to ${here}`);
}

interface Chart {
  readonly defaults: Values;
  readonly validate?: ValidateFunction;
  readonly version: string;
}

const cache = new Map<string, Chart>();

/** The vendored chart in stacks/charts/<dir>: its default values, compiled schema (when it has one) and version. */
export function loadChart(dir: string): Chart {
  const cached = cache.get(dir);
  if (cached) return cached;
  const root = join(chartsDirectory(), dir);
  const defaults = (parse(readFileSync(join(root, "values.yaml"), "utf8")) ?? {}) as Values;
  const version = String((parse(readFileSync(join(root, "Chart.yaml"), "utf8")) as { version: unknown }).version);
  let validate: ValidateFunction | undefined;
  const schemaFile = join(root, "values.schema.json");
  if (existsSync(schemaFile)) {
    const { $schema: _ignored, ...schema } = JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
    validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  }
  const chart = { defaults, validate, version };
  cache.set(dir, chart);
  return chart;
}

const isMap = (v: unknown): v is Values => v !== null && typeof v === "object" && !Array.isArray(v);

/** Helm's coalescing of `values` over `defaults`: maps merge, other values replace, null deletes. */
export function coalesce(defaults: unknown, values: unknown): unknown {
  if (!isMap(defaults) || !isMap(values)) return values === undefined ? defaults : values;
  const out: Values = { ...defaults };
  for (const [k, v] of Object.entries(values)) {
    if (v === null) delete out[k];
    else out[k] = coalesce(defaults[k], v);
  }
  return out;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Keys of `values` that the chart's values.yaml does not have at that path. */
export function unknownKeys(defaults: unknown, values: unknown, pointer = ""): SchemaProblem[] {
  if (!isMap(values)) return [];
  // A map the chart leaves empty (or null) is free-form: any key is the user's.
  if (!isMap(defaults) || Object.keys(defaults).length === 0) return [];
  const out: SchemaProblem[] = [];
  for (const [k, v] of Object.entries(values)) {
    const here = `${pointer}/${escapePointer(k)}`;
    if (!(k in defaults)) out.push({ pointer: here, message: `unknown value "${k}" (not in the chart's values.yaml: misspelled, or from another chart version?)` });
    else if (isMap(v) && defaults[k] !== null) out.push(...unknownKeys(defaults[k], v, here));
  }
  return out;
}

function describe(e: ErrorObject): SchemaProblem {
  if (e.keyword === "required") return { pointer: e.instancePath, message: `missing required value "${String((e.params as { missingProperty: string }).missingProperty)}"` };
  if (e.keyword === "enum") return { pointer: e.instancePath, message: `must be one of ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}` };
  if (e.keyword === "additionalProperties") {
    const field = String((e.params as { additionalProperty: string }).additionalProperty);
    return { pointer: `${e.instancePath}/${field}`, message: `unknown value "${field}" (the chart's schema does not allow it)` };
  }
  return { pointer: e.instancePath, message: e.message ?? e.keyword };
}

/** Every problem of `values` for the vendored chart in `dir`: the schema on the coalesced values, then unknown keys. */
export function validateValues(dir: string, values: Values): SchemaProblem[] {
  const chart = loadChart(dir);
  const problems: SchemaProblem[] = [];
  if (chart.validate && !chart.validate(coalesce(chart.defaults, values))) problems.push(...(chart.validate.errors ?? []).map(describe));
  problems.push(...unknownKeys(chart.defaults, values));
  return problems;
}
