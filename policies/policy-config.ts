// Reading a policy configuration: the severities and parameters of the rules for one stack, in the
// JSON format of Pulumi's `--policy-pack-config` file, so the same file serves `pulumi preview
// --policy-pack policies --policy-pack-config F` and `dcplan check --policy-config F`:
//   { "all": "advisory", "image-digest-pinned": "mandatory",
//     "image-registry-allowed": { "enforcementLevel": "mandatory", "registries": ["registry.x"] } }
// A value is an enforcement level (`mandatory`, `advisory`, `disabled`) or an object with an
// optional `enforcementLevel` and the rule's parameters. Unknown rules and parameters, and values
// that do not match a parameter's schema, are errors located at their line.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { LineCounter, parseDocument } from "yaml";
import { type Finding, PolicyConfigError } from "../common/errors.js";
import { CATALOGUE, ruleById } from "./catalogue.js";
import type { PolicyConfig } from "./evaluate.js";
import type { Params, Severity } from "./model.js";

const LEVELS = ["mandatory", "advisory", "disabled"] as const;
type Level = Severity | "disabled";

/** Parses policy configuration `text` read from `file`; throws PolicyConfigError listing every problem. */
export function parsePolicyConfig(text: string, file: string): PolicyConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const findings: Finding[] = [];
  const at = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]);
    }
    return {};
  };
  const err = (path: readonly (string | number)[], entity: string | undefined, message: string) => findings.push({ severity: "error", rule: "invalid-policy-config", file, ...at(path), entity, message });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      findings.push({ severity: "error", rule: "invalid-policy-config", file, line: pos.line, col: pos.col, message: `not valid JSON/YAML: ${e.message.split("\n")[0]}` });
    }
    throw new PolicyConfigError(findings);
  }
  const value = doc.toJS() as unknown;
  const severity = new Map<string, Level>();
  const params = new Map<string, Params>();
  let all: Level | undefined;
  if (value === null || value === undefined) return { severity, params };
  if (typeof value !== "object" || Array.isArray(value)) {
    err([], undefined, "must be an object of rule ids (or `all`) to an enforcement level or an object of settings");
    throw new PolicyConfigError(findings);
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  const level = (v: unknown, path: (string | number)[], entity: string): Level | undefined => {
    if (typeof v === "string" && (LEVELS as readonly string[]).includes(v)) return v as Level;
    err(path, entity, `enforcement level ${JSON.stringify(v)} is not one of ${LEVELS.join(", ")}`);
    return undefined;
  };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === "all") {
      const l = typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>).enforcementLevel : v;
      all = level(l, typeof v === "object" ? [key, "enforcementLevel"] : [key], key);
      continue;
    }
    const rule = ruleById(key);
    if (!rule) {
      const stem = key.includes("-") ? key.slice(0, key.lastIndexOf("-") + 1) : key;
      const near = CATALOGUE.map((r) => r.id).filter((id) => id.startsWith(stem));
      err([key], key, `no rule with this id${near.length > 0 ? ` (rules starting like it: ${near.join(", ")})` : ""}; the catalogue is listed in docs/policies.md`);
      continue;
    }
    if (typeof v === "string") {
      const l = level(v, [key], key);
      if (l) severity.set(key, l);
      continue;
    }
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      err([key], key, "must be an enforcement level or an object of settings");
      continue;
    }
    const given: Record<string, unknown> = {};
    for (const [p, pv] of Object.entries(v as Record<string, unknown>)) {
      if (p === "enforcementLevel") {
        const l = level(pv, [key, p], key);
        if (l) severity.set(key, l);
        continue;
      }
      const spec = rule.params?.[p];
      if (!spec) {
        err([key, p], key, `rule ${key} has no parameter "${p}"${rule.params ? ` (parameters: ${Object.keys(rule.params).join(", ")})` : " (it takes none)"}`);
        continue;
      }
      const validate = ajv.compile(spec.schema);
      if (!validate(pv)) {
        err([key, p], key, `${p}: ${(validate.errors ?? []).map((e) => `${e.instancePath || "value"} ${e.message}`).join("; ")}`);
        continue;
      }
      given[p] = pv;
    }
    params.set(key, given);
  }
  if (findings.length > 0) throw new PolicyConfigError(findings);
  return { all, severity, params };
}

/** Reads a policy configuration file; throws PolicyConfigError when it cannot be read or is invalid. */
export function readPolicyConfig(file: string): PolicyConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PolicyConfigError([{ severity: "error", rule: "unreadable", file, message: code === "ENOENT" ? "no such file" : `cannot read: ${(err as Error).message}` }]);
  }
  return parsePolicyConfig(text, file);
}
