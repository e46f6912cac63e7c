// Import benchmark: `dcplan import --from rvtools` of a workbook of 20,000 VMs (about 670 hosts,
// NICs and two partitions per VM, shared and local datastores, and three more sheets RVTools writes
// that the import skips), generated deterministically (bench/rvtools-workbook.ts, seed 1) and cached
// in bench/.data/. Stages: the first import into an inventory with only its sites (read, merge,
// validate the result with the inventory loader, write), the same import again (nothing changes),
// and an import of the next month's export (200 VMs resized, 100 new, 50 gone). Target: the first
// import ≤ 15 s and ≤ 1.5 GiB. The workbooks are generated in a separate process so their memory
// does not count. Runs at size 10k only (its data does not depend on the inventory size):
// `npm run bench -- --only import --sizes 10k`, or alone `npx tsx bench/import.bench.ts`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { resourceUsage } from "node:process";
import type { Io } from "../common/io.js";
import { runImport } from "../inventory/import/run.js";
import { generateRvtools, type RvtoolsEstate, writeRvtoolsWorkbook } from "./rvtools-workbook.js";
import type { BenchContext, StageResult } from "./types.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** Version of the generated workbooks: bump when the generator changes. */
const WORKBOOK_VERSION = 1;
const VMS = 20_000;
const TARGET_MS = 15_000;
const TARGET_MIB = 1536;

/** The two cached workbooks (generated when missing). */
export function workbookPaths(dataDir = join(HERE, ".data")): { first: string; next: string } {
  return { first: join(dataDir, `rvtools-v${WORKBOOK_VERSION}-${VMS}.xlsx`), next: join(dataDir, `rvtools-v${WORKBOOK_VERSION}-${VMS}-next.xlsx`) };
}

/** Next month's export: 200 VMs resized, 100 new, 50 gone. */
export function nextMonth(estate: RvtoolsEstate): RvtoolsEstate {
  const gone = new Set(estate.vms.slice(0, 50).map((v) => v.name));
  const vms = estate.vms.filter((v) => !gone.has(v.name)).map((v, i) => (i % 100 === 7 ? { ...v, cpus: v.cpus * 2, memoryMiB: v.memoryMiB * 2 } : v));
  for (let k = 0; k < 100; k++) vms.push({ ...estate.vms[k + 100], name: `bn-moi-${String(k).padStart(3, "0")}`, uuid: `new-${k}` });
  return { ...estate, vms };
}

/** Writes both workbooks (run in its own process by the benchmark). */
export async function generateWorkbooks(): Promise<void> {
  const { first, next } = workbookPaths();
  mkdirSync(dirname(first), { recursive: true });
  const estate = generateRvtools(VMS, 1);
  await writeRvtoolsWorkbook(`${first}.tmp`, estate, { extraSheetRows: VMS });
  await writeRvtoolsWorkbook(`${next}.tmp`, nextMonth(estate), { extraSheetRows: VMS });
  // Renamed last: their presence says they are complete.
  const { renameSync } = await import("node:fs");
  renameSync(`${next}.tmp`, next);
  renameSync(`${first}.tmp`, first);
}

function ensureWorkbooks(): void {
  const { first, next } = workbookPaths();
  if (existsSync(first) && existsSync(next)) return;
  process.stderr.write(`generating two RVTools workbooks of ${VMS} VMs in ${dirname(first)}…\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--generate"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("generating the RVTools workbooks failed");
}

const quiet: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, today: () => "2026-11-30" };

const SITES = "sites:\n  - { id: dc-bn, name: Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh, kind: datacenter }\n";

/** "met", or "MISSED", or met on CPU time only when other processes held the cores (wall time then includes waiting). */
function verdict(ms: number, cpuMs: number, peakMiB: number): string {
  if (peakMiB > TARGET_MIB) return "MISSED (memory)";
  if (ms <= TARGET_MS) return "met";
  return cpuMs <= TARGET_MS ? "met on CPU time, MISSED on wall time: other processes competed for the cores (see the load average)" : "MISSED";
}

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<StageResult[] | void> {
  if (ctx.label !== "10k") return [{ stage: "skipped", ms: 0, note: "RVTools import of 20,000 VMs: runs at size 10k only" }];
  ensureWorkbooks();
  const { first, next } = workbookPaths();
  const inv = mkdtempSync(join(tmpdir(), "dcplan-bench-import-"));
  writeFileSync(join(inv, "sites.yaml"), SITES);
  try {
    let firstMs = 0;
    let firstCpuMs = 0;
    let firstPeak = 0;
    await ctx.stage(
      "import 20k VMs",
      async () => {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const r = await runImport({ from: "rvtools", files: [first], site: "dc-bn", out: inv }, quiet);
        const c = process.cpuUsage(c0);
        firstMs = performance.now() - t0;
        firstCpuMs = (c.user + c.system) / 1000;
        firstPeak = (resourceUsage().maxRSS * 1024) / 2 ** 20;
        return r;
      },
      (r) => `${r.batch.servers.length} servers written; target ≤ ${TARGET_MS / 1000} s and ≤ ${TARGET_MIB} MiB: ${verdict(firstMs, firstCpuMs, firstPeak)}`,
    );
    await ctx.stage("re-import, unchanged", () => runImport({ from: "rvtools", files: [first], site: "dc-bn", out: inv }, quiet), (r) => `${r.plan.changes.length} files changed`);
    await ctx.stage("re-import, next month", () => runImport({ from: "rvtools", files: [next], site: "dc-bn", out: inv }, quiet), (r) => `${r.plan.added.length} new, ${r.plan.updated.length} updated, ${r.plan.vanished.length} vanished`);
  } finally {
    rmSync(inv, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  if (process.argv.includes("--generate")) await generateWorkbooks();
  else {
    // Stand-alone: the same stages, printed.
    const results: StageResult[] = [];
    const ctx: BenchContext = {
      inventoryDir: "",
      jsonFile: "",
      servers: 0,
      label: "10k",
      asOf: "2026-11-30",
      async stage(name, fn, note) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const v = await fn();
        const c = process.cpuUsage(c0);
        results.push({ stage: name, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, peakRssMiB: (resourceUsage().maxRSS * 1024) / 2 ** 20, note: note?.(v) });
        return v;
      },
    };
    await bench(ctx);
    for (const r of results) process.stdout.write(`${r.stage}: ${r.ms.toFixed(0)} ms wall, ${r.cpuMs?.toFixed(0)} ms CPU, peak RSS ${r.peakRssMiB?.toFixed(0)} MiB — ${r.note ?? ""}\n`);
  }
}
