// Loading with every warning located (what `validate --warnings all` prints): each file with a
// warning is scanned again by the fast reader's locator (yaml-subset.ts) for line and column.
// Opt-in (`--locate`).
import { loadInventorySync } from "../inventory/load.js";
import type { BenchContext } from "./types.js";

/** Times loadInventorySync with locateWarnings on. */
export async function bench(ctx: BenchContext): Promise<void> {
  await ctx.stage("load, warnings located", () => loadInventorySync(ctx.inventoryDir, { asOf: ctx.asOf, locateWarnings: true }), (l) => `${l.warnings.length} warnings`);
}
