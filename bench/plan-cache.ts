// The plan of a benchmark inventory, made once and kept beside the inventory's cached JSON
// (bench/.data/…/plan-<key>.json): the export benchmarks read a plan as `dcplan export` does, and
// planning 20,000 systems takes longer than exporting them. The key hashes the planner's and the
// inventory code's sources and the generator version, so a changed planner makes a new plan.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../common/io.js";
import { indexInventory } from "../inventory/model.js";
import type { Inventory } from "../inventory/schema.js";
import { planMigration, serialisePlan } from "../planner/plan.js";
import { GENERATOR_VERSION } from "./generate.js";
import { benchProfile } from "./plan.bench.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Hash of the sources a plan depends on (planner and inventory code, generator version). */
function sourceKey(): string {
  const h = createHash("sha256").update(`generator ${GENERATOR_VERSION}\n`);
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "export" && entry.name !== "cli" && entry.name !== "sample") walk(path);
      } else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) h.update(`${path.slice(ROOT.length)}\n`).update(readFileSync(path));
    }
  };
  // compiled or source, whichever is running: hash the TypeScript sources, which both come from
  for (const dir of ["planner", "inventory", "common"]) walk(join(ROOT, dir));
  return h.digest("hex").slice(0, 16);
}

/** Path of the cached plan of the inventory in `jsonFile` as of `asOf` (planned and written if missing). */
export function cachedPlan(jsonFile: string, asOf: string): string {
  const dir = dirname(jsonFile);
  const file = join(dir, `plan-${sourceKey()}-${asOf}.json`);
  if (existsSync(file)) return file;
  for (const old of readdirSync(dir)) if (/^plan-[0-9a-f]{16}-.*\.json$/.test(old)) rmSync(join(dir, old), { force: true });
  process.stderr.write(`planning ${jsonFile} for the export benchmarks (cached as ${file})…\n`);
  const inventory = JSON.parse(readFileSync(jsonFile, "utf8")) as Inventory;
  const plan = planMigration({ inventory, index: indexInventory(inventory) }, benchProfile(inventory), asOf);
  writeFileAtomic(file, serialisePlan(plan));
  return file;
}
