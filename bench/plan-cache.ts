// The plan of a benchmark inventory, made once and kept beside the inventory's cached JSON
// (bench/.data/…/plan-<key>.json): the export benchmarks read a plan as `dcplan export` does, and
// planning 20,000 systems takes longer than exporting them. The key hashes the planner's and the
// inventory code's sources, the benchmark profile and the generator version, so a changed planner
// makes a new plan.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeFileAtomic } from "../common/io.js";
import { indexInventory } from "../inventory/model.js";
import type { Inventory } from "../inventory/schema.js";
import { planMigration, serialisePlan } from "../planner/plan.js";
import { GENERATOR_VERSION } from "./generate.js";
import { benchProfile } from "./plan.bench.js";

/** The project root (where package.json is), from the source file or its compiled copy under dist/. */
const ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** Planner files that read plans rather than make them (a change there makes no new plan). */
const READERS = new Set(["read-plan.ts", "schema-check.ts", "explain.ts"]);

/** Hash of the sources a plan depends on (planner and inventory code, generator version). */
function sourceKey(): string {
  const h = createHash("sha256").update(`generator ${GENERATOR_VERSION}\n`);
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "export" && entry.name !== "cli" && entry.name !== "sample") walk(path);
      } else if (/\.ts$/.test(entry.name) && !READERS.has(entry.name)) h.update(`${path.slice(ROOT.length)}\n`).update(readFileSync(path));
    }
  };
  // compiled or source, whichever is running: hash the TypeScript sources, which both come from
  for (const dir of ["planner", "inventory", "common"]) walk(join(ROOT, dir));
  // the benchmark's profile
  h.update(readFileSync(join(ROOT, "bench", "plan.bench.ts")));
  return h.digest("hex").slice(0, 16);
}

/**
 * Path of the cached plan of the inventory in `jsonFile` as of `asOf`. When missing, it is planned
 * and written by a child process (this file run as a script), so the memory of planning does not
 * count in the peak of the benchmark that asked.
 */
export function cachedPlan(jsonFile: string, asOf: string): string {
  const file = planPath(jsonFile, asOf);
  if (existsSync(file)) return file;
  const dir = dirname(jsonFile);
  for (const old of readdirSync(dir)) if (/^plan-[0-9a-f]{16}-.*\.json$/.test(old)) rmSync(join(dir, old), { force: true });
  process.stderr.write(`planning ${jsonFile} for the export benchmarks (cached as ${file})…\n`);
  const child = spawnSync(process.execPath, [...process.execArgv.filter((a) => !a.startsWith("--expose-gc")), fileURLToPath(import.meta.url), jsonFile, asOf], { stdio: ["ignore", "inherit", "inherit"] });
  if (child.status !== 0 || !existsSync(file)) throw new Error(`planning ${jsonFile} failed (exit ${child.status ?? child.signal})`);
  return file;
}

function planPath(jsonFile: string, asOf: string): string {
  return join(dirname(jsonFile), `plan-${sourceKey()}-${asOf}.json`);
}

/** Plans the inventory in `jsonFile` as of `asOf` and writes the plan where cachedPlan looks for it. */
function writePlan(jsonFile: string, asOf: string): void {
  const inventory = JSON.parse(readFileSync(jsonFile, "utf8")) as Inventory;
  const plan = planMigration({ inventory, index: indexInventory(inventory) }, benchProfile(inventory), asOf);
  writeFileAtomic(planPath(jsonFile, asOf), serialisePlan(plan));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) writePlan(process.argv[2], process.argv[3]);
