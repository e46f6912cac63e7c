// `dcplan validate` through the real command line (the compiled CLI, a fresh process each run) on
// the benchmark's inventory, with its default output: the summary and the first warnings of each
// rule, located. Compared in the summary with the JSON.parse floor of the same data.
import { join } from "node:path";
import { timeProcesses } from "./process-timing.js";
import type { BenchContext, StageResult, Target } from "./types.js";

const ROOT = join(import.meta.dirname, "..");
const RUNS = 3;

export const targets: Target[] = [
  { what: "validate, 20k systems (≤ 8× JSON.parse, ≤ 4 s, ≤ 1 GiB)", stage: "validate: dcplan validate", baseline: "floor: JSON.parse", maxRatio: 8, maxMs: 4000, maxMiB: 1024, size: "100k" },
];

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<StageResult[]> {
  const [f] = timeProcesses([{ label: "dcplan validate", argv: [process.execPath, join(ROOT, "bin", "dcplan.js"), "validate", "--inventory", ctx.inventoryDir, "--as-of", ctx.asOf] }], RUNS);
  return [{ stage: f.label, ms: f.ms, cpuMs: f.cpuMs, peakRssMiB: f.peakMiB, note: f.status === 0 ? `median of ${RUNS} runs, exit 0` : `exit ${f.status}: ${f.stderr.trim().split("\n")[0]}` }];
}
