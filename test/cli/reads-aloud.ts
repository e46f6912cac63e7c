// What a Vietnamese reader of the CLI's output must not meet in its sentences: English words (any
// word of the English catalogue), configuration keys (camelCase or dotted keys), and the ids of
// the inventory (systems, sites, agencies, functions). Data is taken out first: names from the
// inventory, server host names, file paths, the commands the output suggests typing, and the
// planner's own sentences (their wording is the planner's, checked by its own tests).
import { CLI_MESSAGES } from "../../planner/cli/messages/index.js";
import type { Plan } from "../../planner/plan-schema.js";

/** Words that read the same in both languages (units, formats, acronyms). */
const SHARED = new Set(["GiB", "KB", "JSON", "CPU", "vCPU", "kWh", "dcplan", "plan", "export", "explain", "html", "xlsx", "json", "out", "format", "lang", "all", "warnings", "list", "json"]);

/** Units written with inner capitals that are not configuration keys. */
const UNITS = new Set(["vCPU", "vCPUs", "GiB", "MiB", "TiB", "kWh", "kW"]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.-]*[\p{L}\p{N}]|\p{L}/gu;

/** English words the catalogue's English uses (3 letters or more), less those shared with Vietnamese and those the Vietnamese uses (toneless syllables such as "tin", "quan"). */
function englishWords(): Set<string> {
  const vietnamese = new Set(Object.values(CLI_MESSAGES.vi).flatMap((t) => (t.match(WORD) ?? []).map((w) => w.toLowerCase())));
  const words = new Set<string>();
  for (const template of Object.values(CLI_MESSAGES.en)) {
    for (const w of template.replace(/\{[^}]*\}/g, " ").match(WORD) ?? []) {
      if (/^[A-Za-z]{3,}$/.test(w) && !SHARED.has(w) && !vietnamese.has(w.toLowerCase())) words.add(w.toLowerCase());
    }
  }
  return words;
}

/** What a scan found wrong: each token with why. */
export interface Problem {
  readonly token: string;
  readonly why: string;
  readonly line: string;
}

/** Scans Vietnamese CLI output for English, configuration keys and ids; `plan` names the ids, the names and the planner's sentences. */
export function readAloudProblems(output: string, plan: Pick<Plan, "systems" | "sites" | "agencies" | "externals" | "servers" | "translations" | "groups">): Problem[] {
  const english = englishWords();
  const ids = new Map<string, string>();
  for (const s of plan.systems) {
    ids.set(s.id, "system id");
    ids.set(s.function, "function id");
  }
  for (const s of plan.sites) ids.set(s.id, "site id");
  for (const a of plan.agencies) ids.set(a.id, "agency id");
  for (const e of plan.externals) ids.set(e.id, "external id");
  for (const g of plan.groups) ids.set(g.id, "group id");
  const data = [...plan.systems.map((s) => s.name), ...plan.sites.map((s) => s.name), ...plan.agencies.map((a) => a.name), ...plan.externals.map((e) => e.name), ...plan.servers.map((s) => s.id)];
  const plannerSentences = Object.values(plan.translations?.vi ?? {});
  const strip = [...plannerSentences, ...data].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const problems: Problem[] = [];
  for (const raw of output.split("\n")) {
    // a located finding keeps its file:line:col and subject; a suggested command is typed as it is
    if (/^\s*\S+:\d+:\d+: /.test(raw)) continue;
    let line = raw.replace(/^\s*dcplan .*? {3}/, " ");
    for (const s of strip) line = line.split(s).join(" ");
    line = line.replace(/(?:[\w.-]+\/)+[\w.-]*|[\w.-]+\.(?:json|yaml|html|xlsx|csv|md)\b/g, " ").replace(/--[a-z-]+/g, " ");
    for (const token of line.match(WORD) ?? []) {
      if (UNITS.has(token)) continue;
      if (ids.has(token)) problems.push({ token, why: ids.get(token)!, line: raw });
      else if (/^[a-z]+[A-Z]\w*$/.test(token) || /^[a-z]+\.[a-z]+/i.test(token)) problems.push({ token, why: "configuration key", line: raw });
      else if (english.has(token.toLowerCase()) && /^[A-Za-z]+$/.test(token)) problems.push({ token, why: "English", line: raw });
    }
  }
  return problems;
}
