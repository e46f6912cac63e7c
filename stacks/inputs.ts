// The inventory and the plan a stack is built from. The inventory is loaded from `dcplan:inventory`;
// the plan is read from `dcplan:plan` when set (a JSON file written by `dcplan plan`), otherwise
// computed in-process from the inventory (and `dcplan:profile`, `dcplan:progress`, `dcplan:asOf`)
// with the planner, so there is one source of truth and no stale plan file to forget.
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { ConfigError } from "../common/errors.js";
import { type LoadedInventory, loadInventory } from "../inventory/load.js";
import type { InventoryIndex } from "../inventory/model.js";
import { readPlan } from "../planner/read-plan.js";
import { planMigration } from "../planner/plan.js";
import type { Plan } from "../planner/plan-schema.js";
import { loadProfile } from "../planner/profile.js";
import { loadProgress } from "../planner/progress/load.js";
import type { Profile } from "../planner/profile-schema.js";
import { configFinding, type StackConfig } from "./config.js";

/** Inventory and plan of one stack. */
export interface StackInputs {
  readonly index: InventoryIndex;
  readonly plan: Plan;
}

/** Resolves a configured path against the project root (the directory of Pulumi.yaml). */
export function projectPath(root: string, p: string): string {
  return isAbsolute(p) ? p : resolve(root, p);
}

function planInProcess(root: string, config: StackConfig, loaded: LoadedInventory): Plan {
  if (config.asOf === undefined) {
    // Planning depends on the date; without a fixed asOf every `pulumi preview` could differ.
    throw new ConfigError([configFinding("asOf", [], "is required when the plan is computed in-process (no dcplan:plan): the planning date YYYY-MM-DD keeps previews reproducible", "missing-config")]);
  }
  const profile = config.profile === undefined ? {} : loadProfile(projectPath(root, config.profile)).profile;
  // What has happened (cutovers done and failed): done systems keep their done wave, failed ones are planned again.
  const progress = config.progress === undefined ? undefined : loadProgress(projectPath(root, config.progress));
  return planMigration({ inventory: loaded.inventory, index: loaded.index }, profile as Profile, config.asOf, progress);
}

/** Loads the inventory and reads or computes the plan; throws InventoryError / PlanFileError / ProgressError / ConfigError. */
export async function loadStackInputs(root: string, config: StackConfig): Promise<StackInputs> {
  if (config.plan !== undefined && config.progress !== undefined) {
    // A plan file already carries the facts it was made from; a second source could disagree.
    throw new ConfigError([configFinding("progress", [], "is only read when the plan is computed in-process: dcplan:plan is set, so make that plan with `dcplan plan --progress` and remove dcplan:progress", "invalid-config")]);
  }
  const loaded = await loadInventory(projectPath(root, config.inventory), config.asOf ? { asOf: config.asOf } : {});
  const plan = config.plan !== undefined ? readPlan(projectPath(root, config.plan)) : planInProcess(root, config, loaded);
  return { index: loaded.index, plan };
}

/** The SOC's CA (PEM text) from `dcplan:logging.soc.caFile`, undefined when unset; a ConfigError naming the key when the file cannot be read. */
export function readSocCa(root: string, config: StackConfig): string | undefined {
  const file = config.logging.soc.caFile;
  if (file === undefined) return undefined;
  try {
    return readFileSync(projectPath(root, file), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError([configFinding("logging", ["soc", "caFile"], `cannot read "${file}"${code === "ENOENT" ? ": no such file" : ""} (relative to the directory of Pulumi.yaml)`, "unreadable")]);
  }
}
