// Loading with warnings located (`dcplan validate`'s default): each file with a warning is parsed
// a second time with `yaml` for line and column. Opt-in (`--locate`): slow on large inventories.
import { loadInventorySync } from "../inventory/load.js";
import type { BenchContext } from "./types.js";

/** Times loadInventorySync with locateWarnings on. */
export async function bench(ctx: BenchContext): Promise<void> {
  await ctx.stage("load, warnings located", () => loadInventorySync(ctx.inventoryDir, { asOf: ctx.asOf, locateWarnings: true }), (l) => `${l.warnings.length} warnings`);
}
