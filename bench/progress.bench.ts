// Planning from facts benchmark (issue: planning 20k systems with a progress file recording 5,000
// of them stays within 10 % of planning without it). Module of bench/run.ts (`npm run bench`): plans
// the runner's inventory with the benchmark profile, simulates the merger's first waves until a
// quarter of the systems is recorded (bench/simulate-progress.ts: failures, retries, retirements,
// servers switched off) and writes that progress file as YAML; then, as of the day after the last
// recorded cutover, times planning without the file and planning with it (reading and checking
// the file included), alternately three times each, and prints the medians side by side with
// their ratio in wall and CPU time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { indexInventory } from "../inventory/model.js";
import type { Inventory } from "../inventory/schema.js";
import { planMigration } from "../planner/plan.js";
import type { Plan } from "../planner/plan-schema.js";
import { loadProgress } from "../planner/progress/load.js";
import { benchProfile } from "./plan.bench.js";
import { simulateProgress } from "./simulate-progress.js";
import type { BenchContext, StageResult } from "./types.js";

/** Share of the systems the simulated progress records as done. */
export const RECORDED_SHARE = 0.25;
/** The target: planning with the progress file takes at most this × planning without it. */
export const TARGET_RATIO = 1.1;
/** Runs of each, alternating; the medians are compared. */
export const RUNS = 3;

const waves = (plan: Plan): string => `${plan.waves.length} waves (${plan.waves.filter((w) => w.status === "done").length} done), ${plan.unscheduled.length} unscheduled`;

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<StageResult[]> {
  const inventory = await ctx.stage("read JSON", () => JSON.parse(readFileSync(ctx.jsonFile, "utf8")) as Inventory);
  const index = indexInventory(inventory);
  const input = { inventory, index };
  const profile = benchProfile(inventory);
  const before = planMigration(input, profile, ctx.asOf);
  // Record the first waves until a quarter of the systems is in them.
  const want = Math.round(inventory.systems.length * RECORDED_SHARE);
  let k = 0;
  for (let n = 0; k < before.waves.length && n < want; k++) n += before.waves[k].systems.length;
  const simulated = simulateProgress(inventory, before, { waves: k, seed: 1, failShare: 0.05, retryShare: 0.5, serverShare: 0.5 });
  if (!simulated) throw new Error("no wave to record");
  const dir = mkdtempSync(join(tmpdir(), "dcplan-bench-progress-"));
  const file = join(dir, "progress.yaml");
  writeFileSync(file, stringify(simulated.progress));
  const recorded = (simulated.progress.cutovers ?? []).reduce((n, c) => n + c.systems.filter((s) => s.result === "done").length, 0);
  try {
    // Alternating runs, the median of each kept: the machine may be shared, and CPU time is the
    // steadier of wall and CPU time.
    const timed = (f: () => Plan): { plan: Plan; ms: number; cpuMs: number } => {
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const plan = f();
      const c = process.cpuUsage(c0);
      return { plan, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
    };
    const without: ReturnType<typeof timed>[] = [];
    const withIt: ReturnType<typeof timed>[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(timed(() => planMigration(input, profile, simulated.asOf)));
      withIt.push(timed(() => planMigration(input, profile, simulated.asOf, loadProgress(file))));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const a = { ms: median(without.map((r) => r.ms)), cpuMs: median(without.map((r) => r.cpuMs)) };
    const b = { ms: median(withIt.map((r) => r.ms)), cpuMs: median(withIt.map((r) => r.cpuMs)) };
    const wall = b.ms / a.ms;
    const cpu = b.cpuMs / a.cpuMs;
    return [
      { stage: `plan without progress (as of ${simulated.asOf}; median of ${RUNS})`, ...a, note: waves(without[0].plan) },
      {
        stage: `plan with progress (${recorded} systems recorded done; file read and checked; median of ${RUNS})`,
        ...b,
        note: `${waves(withIt[0].plan)}; × ${wall.toFixed(2)} wall, × ${cpu.toFixed(2)} CPU of planning without it (target ≤ ${TARGET_RATIO}: ${Math.min(wall, cpu) <= TARGET_RATIO ? "met" : "MISSED"})`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
