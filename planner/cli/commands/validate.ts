// `dcplan validate`: loads and checks the inventory, prints a summary (counts by site and kind, by
// security level, consolidation candidates, warnings). Exit 2 with every error on invalid input.
import { type Finding, formatFinding, sortFindings } from "../../../common/errors.js";
import { type LoadedInventory, loadInventory, locateAll, type PendingFinding } from "../../../inventory/load.js";
import { systemSites } from "../../../inventory/model.js";
import { duplicateFunctionCandidates } from "../../../inventory/queries/duplicates.js";
import type { Io } from "../../../common/io.js";
import { type CommandAction, WARNINGS_PER_RULE } from "./index.js";

export interface ValidateOptions {
  readonly inventory: string;
  readonly asOf?: string;
  readonly profile?: string;
  /** Progress file (what has happened) to check against the inventory and profile. */
  readonly progress?: string;
  /** How many warnings to list: `all`, `none`, or the first few per rule [`some`]. */
  readonly warnings?: WarningsMode;
}

export type WarningsMode = "all" | "some" | "none";

export { WARNINGS_PER_RULE };

const SERVER_KINDS = ["physical", "virtual", "storage", "network", "appliance"] as const;

/** The summary printed by `dcplan validate` (pure: from a loaded inventory). */
export function inventorySummary(dir: string, loaded: LoadedInventory, warningsMode: WarningsMode = "some"): string {
  const { inventory, index } = loaded;
  const out: string[] = [];
  out.push(`Inventory ${dir}: ${loaded.files.length} file${loaded.files.length === 1 ? "" : "s"}, valid.`);
  out.push(
    `  ${inventory.sites.length} sites, ${inventory.agencies.length} agencies, ${inventory.servers.length} servers, ${inventory.systems.length} systems, ${inventory.externals.length} externals, ${inventory.systems.reduce((n, s) => n + (s.dependsOn?.length ?? 0), 0)} dependencies`,
  );
  out.push("");
  const header = ["site", ...SERVER_KINDS, "servers", "systems"];
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
    rows.push([site.id, ...SERVER_KINDS.map((k) => String(kinds.get(k) ?? 0)), String(total), String(systemsAt.get(site.id) ?? 0)]);
  }
  const saas = inventory.systems.filter((s) => s.servers.length === 0).length;
  if (saas > 0) rows.push(["(no server)", ...SERVER_KINDS.map(() => "0"), "0", String(saas)]);
  out.push(...table(header, rows));
  out.push("");
  const levels = [1, 2, 3, 4, 5].map((l) => `level ${l}: ${inventory.systems.filter((s) => s.securityLevel === l).length}`);
  out.push(`Systems by security level (cấp độ): ${levels.join(", ")}`);
  const dups = duplicateFunctionCandidates(index, sites);
  out.push("");
  out.push(`Consolidation candidates (same function at different sites): ${dups.length}`);
  for (const d of dups) {
    out.push(`  ${d.function}: ${d.systems.map((id, i) => `${id} (${d.systemSites[i]})`).join(", ")}`);
  }
  out.push("");
  const warnings = loaded.warnings; // in inventory order within each rule; located below when shown
  out.push(`Warnings: ${warnings.length}`);
  const byRule = new Map<string, number>();
  for (const w of warnings) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
  if (byRule.size > 0) out.push(`  ${[...byRule].sort((a, b) => a[0].localeCompare(b[0])).map(([r, n]) => `${r}: ${n}`).join(", ")}`);
  if (warningsMode !== "none") {
    const shown = warningsMode === "all" ? warnings : firstPerRule(warnings, WARNINGS_PER_RULE);
    // Only the warnings shown are located: on a 100k-server inventory locating all of them
    // would parse every file again with `yaml` (tens of seconds).
    for (const w of sortFindings(locateAll(shown as PendingFinding[]))) out.push(`  ${formatFinding(w)}`);
    const hidden = warnings.length - shown.length;
    if (hidden > 0) out.push(`  … and ${hidden} more (--warnings all lists them)`);
  }
  return `${out.join("\n")}\n`;
}

/** The first `n` findings of each rule, in their order. */
function firstPerRule<T extends Finding>(findings: readonly T[], n: number): T[] {
  const count = new Map<string, number>();
  return findings.filter((f) => {
    const c = count.get(f.rule) ?? 0;
    count.set(f.rule, c + 1);
    return c < n;
  });
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]): string => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")}`;
  return [fmt(header), ...rows.map(fmt)];
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
  io.stdout(inventorySummary(options.inventory, loaded, options.warnings));
  if (profiles && profile && options.profile !== undefined) io.stdout(profiles.profileSummary(options.profile, profile));
  if (progressModules && progress && options.progress !== undefined) io.stdout(progressModules[1].describeProgress(options.progress, progress));
  return loaded;
}

/** `dcplan validate` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await validateCommand(options as unknown as ValidateOptions, io);
};
