// Logs to the provincial SOC (security operations centre): the container logs of every tenant
// namespace from the level the retention table names must leave the cluster through a Fluent Bit
// pipeline — a tail input reading that namespace's log files, no grep filter dropping it, and a
// network output over TLS (to the SOC hosts when they are configured). The pipeline is read where
// a cluster has it: the Fluent Bit ConfigMap (classic `*.conf` or YAML `fluent-bit.yaml`, what the
// chart renders) or the values of a Helm release of the fluent-bit chart (`config.inputs`,
// `config.filters`, `config.outputs`, what Pulumi registers as `kubernetes:helm.sh/v3:Release`).
import { parse as parseYaml } from "yaml";
import { tenantNamespaces } from "./context.js";
import { logRetention } from "./log-retention-table.js";
import { ALL_LEVELS, arr, groupOf, type KObject, nameOf, obj, type SetRule, str, type Violation } from "./model.js";
import { SOURCES } from "./sources.js";

/** One section of a Fluent Bit configuration, keys lower-cased (a key may repeat, e.g. grep `Exclude`). */
export interface FluentSection {
  /** `input`, `filter`, `output`… */
  readonly kind: string;
  readonly entries: readonly (readonly [string, string])[];
}

/** A section's first value of `key` (case-insensitive). */
export function sectionValue(s: FluentSection, key: string): string | undefined {
  return s.entries.find(([k]) => k === key.toLowerCase())?.[1];
}

/** Parses the classic Fluent Bit format (`[INPUT]` headers, `Key Value` lines, `#` comments). */
export function parseClassicConfig(text: string): FluentSection[] {
  const out: { kind: string; entries: [string, string][] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("@")) continue;
    const header = /^\[([A-Za-z_]+)\]$/.exec(line);
    if (header) {
      out.push({ kind: header[1].toLowerCase(), entries: [] });
      continue;
    }
    const m = /^(\S+)\s+(.*)$/.exec(line);
    if (m && out.length > 0) out[out.length - 1].entries.push([m[1].toLowerCase(), m[2].trim()]);
  }
  return out;
}

/** Parses the YAML Fluent Bit format (`pipeline.inputs/filters/outputs` lists of maps). */
export function parseYamlConfig(text: string): FluentSection[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return [];
  }
  const pipeline = obj(obj(doc).pipeline);
  const out: FluentSection[] = [];
  for (const [list, kind] of [["inputs", "input"], ["filters", "filter"], ["outputs", "output"]] as const) {
    for (const item of arr(pipeline[list]).map(obj)) {
      const entries: [string, string][] = [];
      for (const [k, v] of Object.entries(item)) for (const x of Array.isArray(v) ? v : [v]) entries.push([k.toLowerCase(), String(x)]);
      out.push({ kind, entries });
    }
  }
  return out;
}

/** A Fluent Bit pipeline found among the objects, and the object it came from. */
export interface FluentPipeline {
  readonly index: number;
  readonly sections: readonly FluentSection[];
}

/** True for a Helm release pseudo-object (`helm.sh/v3` Release) of the fluent-bit chart: by name (`fluent-bit`, `fluent/fluent-bit`) or archive (`charts/fluent-bit-0.58.1.tgz`). */
export function isFluentBitRelease(o: KObject): boolean {
  return o.kind === "Release" && groupOf(o) === "helm.sh" && /(^|\/)fluent-bit(-\d[^/]*\.tgz)?$/.test(str(obj(o.spec).chart) ?? "");
}

/** Every Fluent Bit pipeline among the objects (ConfigMaps holding one, fluent-bit Helm releases). */
export function fluentPipelines(objects: readonly KObject[]): FluentPipeline[] {
  const out: FluentPipeline[] = [];
  objects.forEach((o, index) => {
    let sections: FluentSection[] = [];
    if (o.kind === "ConfigMap" && o.apiVersion === "v1") {
      const data = obj(o.data);
      for (const key of Object.keys(data).sort()) {
        const text = str(data[key]) ?? "";
        if (key.endsWith(".conf")) sections.push(...parseClassicConfig(text));
        else if ((key.endsWith(".yaml") || key.endsWith(".yml")) && /\bpipeline\s*:/.test(text)) sections.push(...parseYamlConfig(text));
      }
    } else if (isFluentBitRelease(o)) {
      const config = obj(obj(obj(o.spec).values).config);
      sections = ["inputs", "filters", "outputs"].flatMap((k) => parseClassicConfig(str(config[k]) ?? ""));
    }
    if (sections.some((s) => s.kind === "input") && sections.some((s) => s.kind === "output")) out.push({ index, sections });
  });
  return out;
}

/** A Fluent Bit wildcard pattern (`*` any run of characters) as a RegExp. */
function wildcard(pattern: string, star = ".*"): RegExp {
  return new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\\\?/g, star === ".*" ? "." : "[^/]")).join(star)}$`);
}

/** True when a tail `Path` (comma-separated globs; `*` stops at `/`) matches a file. */
function globMatches(globs: string, file: string): boolean {
  return globs.split(",").some((g) => g.trim() !== "" && wildcard(g.trim(), "[^/]*").test(file));
}

/** Tag a tail input gives a file: its `Tag` with `*` replaced by the path, `/` turned into `.`. */
function tailTag(tag: string | undefined, file: string): string {
  if (tag === undefined) return "tail.0";
  return tag.includes("*") ? tag.replace("*", file.replace(/^\//, "").replace(/\//g, ".")) : tag;
}

/** True when a section's Match / Match_Regex selects `tag`. */
function routes(s: FluentSection, tag: string): boolean {
  const match = sectionValue(s, "match");
  const re = sectionValue(s, "match_regex");
  if (match !== undefined) return wildcard(match).test(tag);
  if (re !== undefined) {
    try {
      return new RegExp(re).test(tag);
    } catch {
      return false;
    }
  }
  return false;
}

const NAMESPACE_KEY = /^\$?kubernetes(\['namespace_name'\]|\["namespace_name"\]|\.namespace_name)$/;

/** True when a grep filter on the route drops the namespace's records. */
function dropped(s: FluentSection, namespace: string): boolean {
  if (sectionValue(s, "name") !== "grep") return false;
  for (const [k, v] of s.entries) {
    if (k !== "regex" && k !== "exclude") continue;
    const m = /^(\S+)\s+(.*)$/.exec(v);
    if (!m || !NAMESPACE_KEY.test(m[1])) continue;
    let re: RegExp;
    try {
      re = new RegExp(m[2]);
    } catch {
      continue;
    }
    if (k === "exclude" && re.test(namespace)) return true;
    if (k === "regex" && !re.test(namespace)) return true;
  }
  return false;
}

/** Output plugins that ship records off the node over the network. */
const NETWORK_OUTPUTS = new Set(["syslog", "http", "forward", "opentelemetry", "tcp", "kafka", "splunk", "es", "loki", "gelf"]);

const on = (v: string | undefined) => v !== undefined && ["on", "true", "yes"].includes(v.toLowerCase());

/** Why a pipeline does not carry a namespace's logs to the SOC, or undefined when it does. */
function gap(p: FluentPipeline, namespace: string, socHosts: readonly string[]): string | undefined {
  const file = `/var/log/containers/app-0_${namespace}_app-0123456789abcdef.log`;
  const tails = p.sections.filter((s) => s.kind === "input" && sectionValue(s, "name") === "tail");
  const reading = tails.filter((s) => globMatches(sectionValue(s, "path") ?? "", file) && !globMatches(sectionValue(s, "exclude_path") ?? "", file));
  if (reading.length === 0) return "no tail input reads its container logs (/var/log/containers/*.log)";
  const filters = p.sections.filter((s) => s.kind === "filter");
  const outputs = p.sections.filter((s) => s.kind === "output");
  let why = "no output sends them over the network with TLS";
  for (const input of reading) {
    const tag = tailTag(sectionValue(input, "tag"), file);
    if (filters.some((f) => routes(f, tag) && dropped(f, namespace))) {
      why = "a grep filter drops its records";
      continue;
    }
    for (const o of outputs.filter((x) => routes(x, tag))) {
      const name = sectionValue(o, "name") ?? "";
      const host = sectionValue(o, "host") ?? "";
      if (!NETWORK_OUTPUTS.has(name)) continue;
      if (!on(sectionValue(o, "tls"))) {
        why = `output ${name} to ${host || "?"} does not use TLS`;
        continue;
      }
      if (socHosts.length > 0 && !socHosts.includes(host)) {
        why = `output ${name} goes to ${host || "?"}, not to the SOC (${socHosts.join(", ")})`;
        continue;
      }
      return undefined;
    }
  }
  return why;
}

/**
 * The security levels whose logs must reach central log management, the SOC: those the log
 * retention table (log-retention-table.ts, the one the platform's Fluent Bit values read) marks
 * central — TCVN 11930:2017 asks for central collection from level 3 (levels 1–2 keep their logs;
 * the platform forwards them anyway).
 */
export const SOC_LEVELS: readonly number[] = ALL_LEVELS.filter((l) => logRetention(l).central);

export const logsToSoc: SetRule = {
  id: "logs-to-soc",
  family: "protection",
  scope: "set",
  title: "From level 3 (the log retention table's central levels), the container logs of every tenant namespace reach the SOC through a Fluent Bit pipeline: a tail input reading them, no grep filter dropping them, a network output over TLS",
  why: "The province centralises security monitoring at its SOC (the People's Committee's plan of March 2026 for merging the data centres); a system whose logs never leave the node is invisible to it, and the logs are lost with the node.",
  severity: "mandatory",
  levels: SOC_LEVELS,
  kinds: ["Namespace", "ConfigMap (Fluent Bit)", "Release (helm fluent-bit)"],
  sources: [SOURCES.tcvnServerLogs(SOC_LEVELS), SOURCES.nsa("Audit Logging and Threat Detection: Logging"), SOURCES.decreePrinciples],
  params: {
    socHosts: { description: "hosts of the SOC's log endpoints; empty accepts any TLS network output", default: [], schema: { type: "array", items: { type: "string" } } },
  },
  check(objects, ctx, params) {
    const socHosts = params.socHosts as string[];
    const pipelines = fluentPipelines(objects);
    const out: Violation[] = [];
    for (const t of tenantNamespaces(objects)) {
      const level = ctx.levelOf(t.name);
      if (level === undefined || !SOC_LEVELS.includes(level)) continue;
      if (pipelines.length === 0) {
        out.push({ object: t.index, message: `tenant namespace ${t.name} (security level ${level}): no Fluent Bit pipeline among the objects forwards its logs to the SOC. Deploy the platform's Fluent Bit release with an output to the SOC.` });
        continue;
      }
      const gaps = pipelines.map((p) => gap(p, t.name, socHosts));
      if (gaps.some((g) => g === undefined)) continue;
      out.push({ object: t.index, message: `tenant namespace ${t.name} (security level ${level}): its logs do not reach the SOC: ${[...new Set(gaps)].join("; ")} (in ${pipelines.map((p) => `${objects[p.index].kind}/${nameOf(objects[p.index])}`).join(", ")}). Fix the Fluent Bit pipeline so they do.` });
    }
    return out;
  },
};
