// `dcplan explain ID`: plans (as `dcplan plan` would) and explains one system or server: its
// disposition and why, its wave and why that wave, what it waits for, what waits for it, and what
// becomes of its servers.
import { UsageError } from "../../../common/errors.js";
import { loadInventory } from "../../../inventory/load.js";
import { explain } from "../../explain.js";
import { planWithProfile } from "../../plan.js";
import { prepareProfile } from "../../profile.js";
import { loadProgress } from "../../progress/load.js";
import type { Io } from "../../../common/io.js";
import type { CommandAction } from "./index.js";

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

/** `dcplan explain ID` (declared in index.ts). */
export const action: CommandAction = async ({ options, args, io }) => {
  await explainCommand(String(args[0]), options as unknown as ExplainOptions, io);
};
