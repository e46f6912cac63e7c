// One benchmark module at one size, in its own process (started by bench/run.ts with
// --expose-gc), so that resourceUsage().maxRSS is the peak of this module alone. Prints one line
// `BENCH_RESULT <json>` with the stage results.
// Usage: node --expose-gc --import tsx bench/child.ts <module.ts> <inventoryDir> <jsonFile> <servers> <label> <asOf>
//    or: node --expose-gc dist/bench/child.js dist/bench/<module.js> … (compiled; see bench/child-command.ts)
import { resourceUsage } from "node:process";
import { pathToFileURL } from "node:url";
import type { BenchContext, BenchFunction, StageResult } from "./types.js";

const MiB = 1024 * 1024;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const [modulePath, inventoryDir, jsonFile, servers, label, asOf] = process.argv.slice(2);
  const results: StageResult[] = [];
  gc();
  results.push({ stage: "(process start)", ms: 0, peakRssMiB: (resourceUsage().maxRSS * 1024) / MiB, heapMiB: process.memoryUsage().heapUsed / MiB });
  const ctx: BenchContext = {
    inventoryDir,
    jsonFile,
    servers: Number(servers),
    label,
    asOf,
    async stage(name, fn, note) {
      gc();
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const value = await fn();
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const peakRssMiB = (resourceUsage().maxRSS * 1024) / MiB;
      gc();
      results.push({ stage: name, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMiB, heapMiB: process.memoryUsage().heapUsed / MiB, note: note?.(value) });
      return value;
    },
  };
  const mod = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  const fn = (typeof mod.bench === "function" ? mod.bench : typeof mod.default === "function" ? mod.default : Object.values(mod).find((v) => typeof v === "function")) as BenchFunction | undefined;
  if (!fn) throw new Error(`${modulePath} exports no function`);
  const returned = await fn(ctx);
  if (Array.isArray(returned)) results.push(...returned);
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(results)}\n`);
  if (Array.isArray(mod.targets)) process.stdout.write(`BENCH_TARGETS ${JSON.stringify(mod.targets)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
