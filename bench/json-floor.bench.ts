// The floor: reading and JSON.parse of the same inventory as one JSON file.
import { readFileSync } from "node:fs";
import type { BenchContext } from "./types.js";

/** Times JSON.parse of `ctx.jsonFile` (read included). */
export async function bench(ctx: BenchContext): Promise<void> {
  await ctx.stage("JSON.parse", () => JSON.parse(readFileSync(ctx.jsonFile, "utf8")) as { servers: unknown[] }, (v) => `${v.servers.length} servers`);
}
