// `dcplan validate`: loads and checks the inventory, prints a summary (counts by site and kind, by
// security level, consolidation candidates, warnings). Exit 2 with every error on invalid input.
import type { Command } from "commander";
import { formatFinding, sortFindings } from "../../../inventory/errors.js";
import { type LoadedInventory, loadInventory } from "../../../inventory/load.js";
import { systemSite } from "../../../inventory/model.js";
import { duplicateFunctionCandidates } from "../../../inventory/queries/index.js";
import type { Io } from "../io.js";
import { parseDateOption } from "../options.js";
import { sampleInventoryDir } from "../paths.js";

export interface ValidateOptions {
  readonly inventory: string;
  readonly asOf?: string;
  readonly profile?: string;
}

const SERVER_KINDS = ["physical", "virtual", "storage", "network", "appliance"] as const;

/** The summary printed by `dcplan validate` (pure: from a loaded inventory). */
export function inventorySummary(dir: string, loaded: LoadedInventory): string {
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
  const warnings = sortFindings(loaded.warnings);
  out.push(`Warnings: ${warnings.length}`);
  const byRule = new Map<string, number>();
  for (const w of warnings) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
  if (byRule.size > 0) out.push(`  ${[...byRule].sort((a, b) => a[0].localeCompare(b[0])).map(([r, n]) => `${r}: ${n}`).join(", ")}`);
  for (const w of warnings) out.push(`  ${formatFinding(w)}`);
  return `${out.join("\n")}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]): string => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")}`;
  return [fmt(header), ...rows.map(fmt)];
}

/** Runs `dcplan validate` and prints the summary; throws InventoryError on invalid input. */
export async function validateCommand(options: ValidateOptions, io: Io): Promise<LoadedInventory> {
  const loaded = await loadInventory(options.inventory, { asOf: options.asOf ?? io.today() });
  io.stdout(inventorySummary(options.inventory, loaded));
  return loaded;
}

export const addValidateCommand = (program: Command, io: Io): void => {
  program
    .command("validate")
    .description("load and check the inventory (and profile); print a summary; exit 2 with every error on invalid input")
    .option("--inventory <dir>", "inventory directory", sampleInventoryDir())
    .option("--as-of <date>", "judge support dates against this day (YYYY-MM-DD) [today]", parseDateOption("--as-of"))
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan validate --inventory inventory/sample
  $ dcplan validate --inventory inventory/sample --profile profiles/2026.yaml`,
    )
    .action(async (opts: ValidateOptions) => {
      await validateCommand(opts, io);
    });
};
