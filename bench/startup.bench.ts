// Start-up: `dcplan --help` and `dcplan validate` on a tiny inventory, each as a fresh process of
// the compiled CLI (bin/dcplan.js, what `npx dcplan` runs), against `node -e 0` in the same run.
// A command loads only its own modules (planner/cli/commands/index.ts), so both stay within a
// few times bare node. Runs once per benchmark (start-up does not depend on the inventory size).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { timeProcesses } from "./process-timing.js";
import type { BenchContext, StageResult, Target } from "./types.js";

const ROOT = join(import.meta.dirname, "..");
/** Interleaved runs of each command; the median is reported. */
const RUNS = 15;

export const targets: Target[] = [
  { what: "start-up: dcplan --help", stage: "startup: dcplan --help", baseline: "startup: node -e 0", maxRatio: 4 },
  { what: "start-up: dcplan validate, tiny inventory", stage: "startup: dcplan validate (tiny inventory)", baseline: "startup: node -e 0", maxRatio: 4 },
];

const TINY = `sites:
  - { id: dc-bn, name: Bắc Ninh, kind: datacenter }
agencies:
  - { id: so-khcn, name: Sở Khoa học và Công nghệ, kind: department }
servers:
  - { id: host-1, site: dc-bn, kind: physical, cpuCores: 16, memoryGiB: 128 }
systems:
  - { id: qlvb, name: Quản lý văn bản, owner: so-khcn, function: document-management, securityLevel: 3, servers: [host-1] }
`;

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<StageResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dcplan-bench-tiny-"));
  writeFileSync(join(dir, "inventory.yaml"), TINY);
  const cli = join(ROOT, "bin", "dcplan.js");
  try {
    const figures = timeProcesses(
      [
        { label: "node -e 0", argv: [process.execPath, "-e", "0"] },
        { label: "dcplan --help", argv: [process.execPath, cli, "--help"] },
        { label: "dcplan validate (tiny inventory)", argv: [process.execPath, cli, "validate", "--inventory", dir, "--as-of", ctx.asOf] },
      ],
      RUNS,
    );
    const base = figures[0].ms;
    return figures.map((f) => ({
      stage: f.label,
      ms: f.ms,
      cpuMs: f.cpuMs,
      peakRssMiB: f.peakMiB,
      note: f.status !== 0 ? `exit ${f.status}: ${f.stderr.trim().split("\n")[0]}` : f.label === "node -e 0" ? `median of ${RUNS} interleaved runs` : `${(f.ms / base).toFixed(1)}× node -e 0`,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
