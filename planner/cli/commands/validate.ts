// `dcplan validate`: loads and checks the inventory, prints a summary (counts by site and kind, by
// security level, consolidation candidates, warnings). Exit 2 with every error on invalid input.
import type { Command } from "commander";
import { type Finding, formatFinding, sortFindings } from "../../../common/errors.js";
import { type LoadedInventory, loadInventory, locateAll, type PendingFinding } from "../../../inventory/load.js";
import { systemSite } from "../../../inventory/model.js";
import { duplicateFunctionCandidates } from "../../../inventory/queries/index.js";
import type { Io } from "../../../common/io.js";
import { parseChoice, parseDateOption } from "../options.js";
import { defaultInventoryDir } from "../paths.js";
import { prepareProfile, profileSummary } from "../../profile.js";
import { describeProgress } from "../../progress/describe.js";
import { prepareProgress } from "../../progress/prepare.js";

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

/** Warnings listed per rule under `--warnings some`. */
export const WARNINGS_PER_RULE = 5;

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
  for (const site of [...inventory.sites].sort((a, b) => a.id.localeCompare(b.id))) {
    const servers = inventory.servers.filter((s) => s.site === site.id);
    const systems = inventory.systems.filter((s) => systemSite(index, s) === site.id);
    rows.push([site.id, ...SERVER_KINDS.map((k) => String(servers.filter((s) => s.kind === k).length)), String(servers.length), String(systems.length)]);
  }
  const saas = inventory.systems.filter((s) => s.servers.length === 0).length;
  if (saas > 0) rows.push(["(no server)", ...SERVER_KINDS.map(() => "0"), "0", String(saas)]);
  out.push(...table(header, rows));
  out.push("");
  const levels = [1, 2, 3, 4, 5].map((l) => `level ${l}: ${inventory.systems.filter((s) => s.securityLevel === l).length}`);
  out.push(`Systems by security level (cấp độ): ${levels.join(", ")}`);
  const dups = duplicateFunctionCandidates(index);
  out.push("");
  out.push(`Consolidation candidates (same function at different sites): ${dups.length}`);
  for (const d of dups) {
    out.push(`  ${d.function}: ${d.systems.map((id) => `${id} (${systemSite(index, index.systems.get(id)!)})`).join(", ")}`);
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
  const asOf = options.asOf ?? io.today();
  const profile = options.profile === undefined && options.progress === undefined ? undefined : prepareProfile(options.profile, loaded.index, asOf);
  const progress = options.progress !== undefined && profile ? prepareProgress(options.progress, loaded.index, profile, asOf) : undefined;
  io.stdout(inventorySummary(options.inventory, loaded, options.warnings));
  if (profile && options.profile !== undefined) io.stdout(profileSummary(options.profile, profile));
  if (progress && options.progress !== undefined) io.stdout(describeProgress(options.progress, progress));
  return loaded;
}

export const addValidateCommand = (program: Command, io: Io): void => {
  program
    .command("validate")
    .description("load and check the inventory (and profile); print a summary; exit 2 with every error on invalid input")
    .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
    .option("--as-of <date>", "judge support dates against this day (YYYY-MM-DD) [today]", parseDateOption("--as-of"))
    .option("--profile <file>", "also check this planning profile (YAML) and print its resolved values")
    .option("--progress <file>", "also check this progress file (cutovers done and failed, retirements, server facts) against the inventory, profile and as-of day")
    .option("--warnings <mode>", `list all warnings, none, or the first ${WARNINGS_PER_RULE} of each rule (some)`, parseChoice("--warnings", ["all", "some", "none"] as const), "some")
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan validate --inventory inventory/sample
  $ dcplan validate --inventory inventory/sample --profile profiles/2026.yaml
  $ dcplan validate --inventory inventory/sample --profile planner/sample/profile.yaml --progress planner/sample/progress.yaml`,
    )
    .action(async (opts: ValidateOptions) => {
      await validateCommand(opts, io);
    });
};
