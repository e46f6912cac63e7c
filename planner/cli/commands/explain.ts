// `dcplan explain ID`: plans (as `dcplan plan` would) and explains one system or server: its
// disposition and why, its wave and why that wave, what it waits for, what waits for it, and what
// becomes of its servers.
import type { Command } from "commander";
import { UsageError } from "../../../common/errors.js";
import { loadInventory } from "../../../inventory/load.js";
import { explain } from "../../explain.js";
import { planWithProfile } from "../../plan.js";
import { prepareProfile } from "../../profile.js";
import { loadProgress } from "../../progress/load.js";
import type { Io } from "../../../common/io.js";
import { parseDateOption } from "../options.js";
import { defaultInventoryDir } from "../paths.js";

export interface ExplainOptions {
  readonly inventory: string;
  readonly profile?: string;
  readonly asOf?: string;
  /** Progress file: the plan starts from what has happened, and the system's history is told. */
  readonly progress?: string;
}

/** Runs `dcplan explain`; throws UsageError when `id` is neither a system nor a server. */
export async function explainCommand(id: string, options: ExplainOptions, io: Io): Promise<string> {
  const asOf = options.asOf ?? io.today();
  const loaded = await loadInventory(options.inventory, { asOf, locateWarnings: false });
  const profile = prepareProfile(options.profile, loaded.index, asOf);
  const detailed = planWithProfile(loaded, profile, asOf, options.progress !== undefined ? loadProgress(options.progress) : undefined);
  const text = explain(detailed, loaded.index, id);
  if (text === undefined) throw new UsageError(`"${id}" is neither a system nor a server of the inventory ${options.inventory}`);
  io.stdout(text);
  return text;
}

export const addExplainCommand = (program: Command, io: Io): void => {
  program
    .command("explain")
    .description("explain one system or server: disposition and why, wave and why, what it waits for, what waits for it, its servers' fates")
    .argument("<id>", "system or server id")
    .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
    .option("--profile <file>", "planning profile (YAML)")
    .option("--as-of <date>", "planning day YYYY-MM-DD [today]", parseDateOption("--as-of"))
    .option("--progress <file>", "progress file (what has happened): plan from the facts and tell the system's history")
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan explain --inventory inventory/sample --as-of 2026-11-22 qlvb-bg
  $ dcplan explain --inventory inventory/sample bg-esx-09
  $ dcplan explain --inventory inventory/sample --progress planner/sample/progress.yaml web-xa-bg`,
    )
    .action(async (id: string, opts: ExplainOptions) => {
      await explainCommand(id, opts, io);
    });
};
