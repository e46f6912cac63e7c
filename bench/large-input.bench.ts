// A 200 MB inventory file with one bad value at its end (bench/bad-inventory.ts), validated through
// the compiled command line under a 2 GiB heap: it must end with exit 2 and the finding at the
// file's last line (the module fails otherwise), in memory proportional to the file (a `yaml`
// parse of it, what locating used to cost, needs ≈ 60× the file: 12 GB). Runs once per
// benchmark (its file does not depend on the inventory size); the file is written to a temporary
// directory and removed afterwards. The bad-input test checks the same file at 25 MB.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeInventoryWithBadEnd } from "./bad-inventory.js";
import { timeProcesses } from "./process-timing.js";
import type { BenchContext, StageResult, Target } from "./types.js";

const ROOT = join(import.meta.dirname, "..");
/** Size of the file, bytes (override with DCPLAN_BENCH_LARGE_MB for a quicker look). */
const BYTES = Number(process.env.DCPLAN_BENCH_LARGE_MB ?? 200) * 1e6;
/** Heap limit of the validating process, MiB: a regression towards a full `yaml` parse runs out of it. */
const HEAP_MIB = 2048;

export const targets: Target[] = [
  { what: "200 MB inventory, one bad value at its end: exit 2, its line, ≤ 10× the file in memory", stage: "large-input: dcplan validate, one bad value at the end", maxMiB: 2000 },
];

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<StageResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dcplan-bench-large-"));
  try {
    const file = join(dir, "big.yaml");
    const bad = writeInventoryWithBadEnd(file, BYTES);
    const [f] = timeProcesses([{ label: "dcplan validate, one bad value at the end", argv: [process.execPath, `--max-old-space-size=${HEAP_MIB}`, join(ROOT, "bin", "dcplan.js"), "validate", "--inventory", dir, "--as-of", ctx.asOf, "--warnings", "none"] }], 1);
    const expected = `${file}:${bad.line}:${bad.column}: ${bad.message}\n`;
    if (f.status !== 2 || f.stderr !== expected) throw new Error(`expected exit 2 and ${JSON.stringify(expected)}, got exit ${f.status} and ${JSON.stringify(f.stderr.slice(0, 2000))}`);
    const mb = bad.bytes / 1e6;
    return [
      {
        stage: f.label,
        ms: f.ms,
        cpuMs: f.cpuMs,
        peakRssMiB: f.peakMiB,
        note: `${mb.toFixed(0)} MB, ${bad.line} lines: exit 2 at line ${bad.line}${f.peakMiB !== undefined ? `; ${(f.peakMiB / mb).toFixed(1)} MiB per MB of file` : ""}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
