// `dcplan validate`: loads and checks the inventory, prints a summary (counts by site and kind, by
// security level, consolidation candidates, warnings). Exit 2 with every error on invalid input.
import { type Finding, sortFindings } from "../../../common/errors.js";
import { type LoadedInventory, loadInventory, locateAll, type PendingFinding } from "../../../inventory/load.js";
import { systemSites } from "../../../inventory/model.js";
import { duplicateFunctionCandidates } from "../../../inventory/queries/duplicates.js";
import type { Io } from "../../../common/io.js";
import type { InventoryIndex } from "../../../inventory/model.js";
import { formatDate, type Lang } from "../../export/i18n.js";
import type { PlanningProfile } from "../../profile.js";
import { CLI_MESSAGES, type CliKey, cliText, formatCount, formatLocalisedFinding, type Params } from "../messages/index.js";
import { textTable } from "../text-table.js";
import { type CommandAction, WARNINGS_PER_RULE } from "./index.js";

export interface ValidateOptions {
  readonly inventory: string;
  readonly asOf?: string;
  readonly profile?: string;
  /** Progress file (what has happened) to check against the inventory and profile. */
  readonly progress?: string;
  /** How many warnings to list: `all`, `none`, or the first few per rule [`some`]. */
  readonly warnings?: WarningsMode;
  /** Language of the summary [en]. */
  readonly lang?: Lang;
}

export type WarningsMode = "all" | "some" | "none";

export { WARNINGS_PER_RULE };

const SERVER_KINDS = ["physical", "virtual", "storage", "network", "appliance"] as const;

/** The summary printed by `dcplan validate` (pure: from a loaded inventory), in `lang` [en]. */
export function inventorySummary(dir: string, loaded: LoadedInventory, warningsMode: WarningsMode = "some", lang: Lang = "en"): string {
  const { inventory, index } = loaded;
  const t = (key: CliKey, params: Params = {}): string => cliText(lang, key, params);
  const vi = lang === "vi";
  const siteName = (id: string | undefined): string => (vi && id !== undefined ? (index.sites.get(id)?.name ?? id) : String(id));
  const out: string[] = [];
  out.push(t("validate.valid", { dir, files: loaded.files.length }));
  out.push(
    `  ${t("validate.counts", { sites: inventory.sites.length, agencies: inventory.agencies.length, servers: inventory.servers.length, systems: inventory.systems.length, externals: inventory.externals.length, dependencies: inventory.systems.reduce((n, s) => n + (s.dependsOn?.length ?? 0), 0) })}`,
  );
  out.push("");
  const header = [t("validate.site"), ...SERVER_KINDS.map((k) => t(`validate.kind.${k}`)), t("validate.servers"), t("validate.systems")];
  const rows: string[][] = [];
  // One pass over servers and systems (not one per site: 100k servers × sites).
  const serversAt = new Map<string, Map<string, number>>();
  for (const s of inventory.servers) {
    let kinds = serversAt.get(s.site);
    if (!kinds) serversAt.set(s.site, (kinds = new Map()));
    kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
  }
  const sites = systemSites(index);
  const systemsAt = new Map<string | undefined, number>();
  for (const s of inventory.systems) {
    const site = sites.get(s);
    systemsAt.set(site, (systemsAt.get(site) ?? 0) + 1);
  }
  for (const site of [...inventory.sites].sort((a, b) => a.id.localeCompare(b.id))) {
    const kinds = serversAt.get(site.id) ?? new Map<string, number>();
    const total = [...kinds.values()].reduce((n, k) => n + k, 0);
    rows.push([siteName(site.id), ...SERVER_KINDS.map((k) => String(kinds.get(k) ?? 0)), String(total), String(systemsAt.get(site.id) ?? 0)]);
  }
  const saas = inventory.systems.filter((s) => s.servers.length === 0).length;
  if (saas > 0) rows.push([t("validate.noServer"), ...SERVER_KINDS.map(() => "0"), "0", String(saas)]);
  out.push(...textTable(header, rows));
  out.push("");
  const levels = [1, 2, 3, 4, 5].map((l) => t("validate.level", { level: String(l), count: inventory.systems.filter((s) => s.securityLevel === l).length }));
  out.push(t("validate.levels", { levels: levels.join(", ") }));
  const dups = duplicateFunctionCandidates(index, sites);
  out.push("");
  out.push(t("validate.candidates", { count: dups.length }));
  for (const d of dups) {
    const systems = d.systems.map((id, i) => t("validate.candidateSystem", { system: vi ? index.systems.get(id)!.name : id, site: siteName(d.systemSites[i]) }));
    out.push(`  ${t("validate.candidate", { function: functionName(d.function, lang), systems: systems.join(vi ? "; " : ", ") })}`);
  }
  out.push("");
  const warnings = loaded.warnings; // in inventory order within each rule; located below when shown
  out.push(t("validate.warnings", { count: warnings.length }));
  const byRule = new Map<string, number>();
  for (const w of warnings) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
  if (byRule.size > 0) out.push(`  ${[...byRule].sort((a, b) => a[0].localeCompare(b[0])).map(([r, n]) => `${ruleName(r, lang)}: ${formatCount(n, lang)}`).join(", ")}`);
  if (warningsMode !== "none") {
    const shown = warningsMode === "all" ? warnings : firstPerRule(warnings, WARNINGS_PER_RULE);
    // Only the warnings shown are located: on a 100k-server inventory locating all of them
    // would parse every file again with `yaml` (tens of seconds).
    for (const w of sortFindings(locateAll(shown as PendingFinding[]))) out.push(`  ${formatLocalisedFinding(w, lang)}`);
    const hidden = warnings.length - shown.length;
    if (hidden > 0) out.push(`  ${t("validate.moreWarnings", { count: hidden })}`);
  }
  return `${out.join("\n")}\n`;
}

/** A rule's name for people: the rule id in English, words in Vietnamese (the id when the catalogue has no words for it). */
function ruleName(rule: string, lang: Lang): string {
  if (lang === "en") return rule;
  const key = `rule.${rule}`;
  return key in CLI_MESSAGES.vi ? cliText(lang, key as CliKey) : rule;
}

/** A function's name: its id in English (what planners type), a description in Vietnamese. */
function functionName(fn: string, lang: Lang): string {
  return lang === "en" ? fn : cliText(lang, "validate.sameFunction");
}

/** The profile's resolved values in `lang`: the profile module's own text in English, sentences without configuration keys in Vietnamese. */
export function profileSummaryText(file: string, p: PlanningProfile, index: InventoryIndex, lang: Lang, english: (file: string, p: PlanningProfile) => string): string {
  if (lang === "en") return english(file, p);
  const t = (key: CliKey, params: Params = {}): string => cliText(lang, key, params);
  const date = (iso: string): string => formatDate(iso, lang);
  const systemName = (id: string): string => index.systems.get(id)?.name ?? id;
  const lines = [
    "",
    t("validate.profileValid", { file }),
    `  ${t("profile.dates", { start: date(p.startDate), deadline: date(p.deadline), horizon: date(p.horizonEnd) })}`,
    `  ${p.targetSite !== undefined ? t("profile.target", { site: index.sites.get(p.targetSite)?.name ?? p.targetSite }) : t("profile.targetProposed")}`,
    `  ${t("profile.windows", { weekdays: p.weekdays.map((d) => t(`weekday.${d}` as CliKey)).join(", "), blackouts: p.blackouts.length === 0 ? t("profile.none") : p.blackouts.map((b) => t("profile.blackout", { from: date(b.from), to: date(b.to), reason: b.reason })).join("; ") })}`,
    `  ${t("profile.waveLimits", { systems: p.maxSystems, data: p.maxDataGiB })}${p.maxDataGiBSource === "wan" ? t("profile.fromWan", { mbps: p.wanMbps, share: formatCount(p.wanUsableShare, lang), perDay: p.dataGiBPerWindowDay }) : ""}`,
    `  ${t("profile.numbers", { quiet: p.quietPeriodDays, headroom: p.headroomPct, overcommit: p.cpuOvercommit, lead: p.procurementLeadDays })}`,
    `  ${t("profile.effort", { effort: p.effortPerQuarter })}`,
    `  ${t("profile.pins", { pins: p.pins.length === 0 ? t("profile.none") : p.pins.map((x) => (x.date ? t("profile.pinOn", { system: systemName(x.system), date: date(x.date) }) : t("profile.pinNotBefore", { system: systemName(x.system), date: date(x.notBefore!) }))).join("; ") })}`,
  ];
  return `${lines.join("\n")}\n`;
}

/** A located finding as one line in `lang` (messages/findings.ts). */
export { formatLocalisedFinding };

/** The first `n` findings of each rule, in their order. */
function firstPerRule<T extends Finding>(findings: readonly T[], n: number): T[] {
  const count = new Map<string, number>();
  return findings.filter((f) => {
    const c = count.get(f.rule) ?? 0;
    count.set(f.rule, c + 1);
    return c < n;
  });
}


/** Runs `dcplan validate` and prints the summary; throws InventoryError on invalid input. */
export async function validateCommand(options: ValidateOptions, io: Io): Promise<LoadedInventory> {
  const loaded = await loadInventory(options.inventory, { asOf: options.asOf ?? io.today(), locateWarnings: false });
  // The profile is checked against the inventory before anything is printed, so a bad profile
  // gives exit 2 with its located findings only.
  // The profile module (and the holiday calendar it needs) is imported only when there is a profile.
  const asOf = options.asOf ?? io.today();
  const profiles = options.profile === undefined && options.progress === undefined ? undefined : await import("../../profile.js");
  const profile = profiles ? profiles.prepareProfile(options.profile, loaded.index, asOf) : undefined;
  // The progress file is checked against the inventory, the profile's calendar and the planner's dispositions.
  const progressModules = options.progress === undefined ? undefined : await Promise.all([import("../../progress/prepare.js"), import("../../progress/describe.js")]);
  const progress = progressModules && profile && options.progress !== undefined ? progressModules[0].prepareProgress(options.progress, loaded.index, profile, asOf) : undefined;
  const lang = options.lang ?? "en";
  io.stdout(inventorySummary(options.inventory, loaded, options.warnings, lang));
  if (profiles && profile && options.profile !== undefined) io.stdout(profileSummaryText(options.profile, profile, loaded.index, lang, profiles.profileSummary));
  if (progressModules && progress && options.progress !== undefined) io.stdout(progressModules[1].describeProgress(options.progress, progress, lang));
  return loaded;
}

/** `dcplan validate` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await validateCommand(options as unknown as ValidateOptions, io);
};
