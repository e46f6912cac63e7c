// `npm run bench [-- --sizes 1k,10k,100k] [--seed N] [--repeat N] [--locate] [--only …]`: generates seeded inventories
// (cached under bench/.data/, regenerated when GENERATOR_VERSION changes), then runs each benchmark
// module at each size in its own child process with --expose-gc (peak memory = maxRSS of that
// process alone) and prints one table. Modules: start-up and `validate` through the compiled
// command line, the inventory stages, the graph core beside networkx, the JSON.parse floor, a
// 200 MB inventory with one bad value at its end (located through the command line), and,
// when their files exist, the planner (bench/plan.bench.ts), planning from recorded progress
// (bench/progress.bench.ts), the costing (bench/cost.bench.ts), the exports (bench/export.bench.ts
// and bench/export-xlsx.bench.ts, on the inventory's plan cached by bench/plan-cache.ts), Pulumi
// under mocks (bench/pulumi.bench.ts) and the RVTools import (bench/import.bench.ts); see bench/types.ts for the
// interface they implement. Last, every target the modules declare is printed with its figure,
// baseline, ratio and verdict.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../common/io.js";
import { BUILT_FOLDERS, type ChildCommand, childCommand, newestSource } from "./child-command.js";
import { GENERATOR_VERSION, generateInventory } from "./generate.js";
import type { StageResult, Target } from "./types.js";
import { writeInventoryJson, writeInventoryYaml } from "./write.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const DATA = join(HERE, ".data");
/** The day every benchmark judges support dates against (fixed: same data → same warnings). */
const AS_OF = "2026-11-22";
/** Stages that make up "load, validate and build the graph" and the queries, summed for the target. */
const INVENTORY_STAGES = ["load", "graph", "move groups", "SCC", "condensation"];
/** Name of that total among the stages (the inventory module's target refers to it). */
const INVENTORY_TOTAL = "inventory: load + graph + move groups + SCC + condensation";

interface Args {
  sizes: { label: string; servers: number }[];
  seed: number;
  locate: boolean;
  /** Runs per module and size; the fastest is kept (the machine is shared, the others are noise). */
  repeat: number;
  /** Module titles to run (startup, validate, inventory, graph-core, floor, large-input, planner, progress, cost, pulumi, import); undefined = all. */
  only?: Set<string>;
}

function parseSize(s: string): { label: string; servers: number } {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`--sizes: "${s}" is not a size like 1k, 10k, 100k or 2500`);
  const servers = Math.round(Number(m[1]) * (m[2].toLowerCase() === "k" ? 1e3 : m[2].toLowerCase() === "m" ? 1e6 : 1));
  return { label: s.trim().toLowerCase(), servers };
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sizes: ["1k", "10k", "100k"].map(parseSize), seed: 1, locate: false, repeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const [, inline] = a.split("=", 2);
      return inline ?? argv[++i];
    };
    if (a.startsWith("--sizes")) args.sizes = value().split(",").filter(Boolean).map(parseSize);
    else if (a.startsWith("--seed")) args.seed = Number(value());
    else if (a === "--locate") args.locate = true;
    else if (a.startsWith("--repeat")) args.repeat = Math.max(1, Number(value()));
    else if (a.startsWith("--only")) args.only = new Set(value().split(",").filter(Boolean));
    else if (a === "--help" || a === "-h") {
      process.stdout.write("usage: npm run bench -- [--sizes 1k,10k,100k] [--seed 1] [--repeat 1] [--locate] [--only startup,validate,inventory,graph-core,floor,large-input,planner,progress,cost,exports,exports-xlsx,pulumi,import]\n  e.g. npm run bench -- --sizes 1k,10k\n");
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  return args;
}

interface Dataset {
  readonly dir: string;
  readonly yamlDir: string;
  readonly jsonFile: string;
  readonly meta: { servers: number; systems: number; dependencies: number; yamlFiles: number; yamlBytes: number; jsonBytes: number };
}

/** The cached dataset for a size, generated and written if missing or from an older generator. */
function dataset(servers: number, seed: number): Dataset {
  const dir = join(DATA, `v${GENERATOR_VERSION}-seed${seed}-${servers}`);
  const metaFile = join(dir, "meta.json");
  const yamlDir = join(dir, "yaml");
  const jsonFile = join(dir, "inventory.json");
  if (existsSync(metaFile)) return { dir, yamlDir, jsonFile, meta: JSON.parse(readFileSync(metaFile, "utf8")) as Dataset["meta"] };
  rmSync(dir, { recursive: true, force: true });
  // Datasets of older generator versions are stale for good: drop them (100k servers ≈ 80 MB).
  if (existsSync(DATA)) {
    for (const old of readdirSync(DATA)) if (/^v\d+-/.test(old) && !old.startsWith(`v${GENERATOR_VERSION}-`)) rmSync(join(DATA, old), { recursive: true, force: true });
  }
  process.stderr.write(`generating ${servers} servers (seed ${seed}) in ${relative(ROOT, dir)}…\n`);
  const inventory = generateInventory({ seed, servers, asOf: AS_OF });
  const yaml = writeInventoryYaml(inventory, yamlDir);
  const json = writeInventoryJson(inventory, dir);
  const meta: Dataset["meta"] = {
    servers: inventory.servers.length,
    systems: inventory.systems.length,
    dependencies: inventory.systems.reduce((n, s) => n + (s.dependsOn?.length ?? 0), 0),
    yamlFiles: yaml.files.length,
    yamlBytes: yaml.bytes,
    jsonBytes: json.bytes,
  };
  // Written last: its presence says the dataset is complete.
  writeFileAtomic(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return { dir, yamlDir, jsonFile, meta };
}

/** Targets declared by the modules run, by their `what` (each module prints them after its results). */
const declaredTargets = new Map<string, Target>();

/** Runs one module at one size in a child process; undefined (and a message) when it fails. */
function runModule(module: string, data: Dataset, label: string, command: ChildCommand): StageResult[] | undefined {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=4096", ...command.args, data.yamlDir, data.jsonFile, String(data.meta.servers), label, AS_OF],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const line = child.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  const targetLine = child.stdout.split("\n").find((l) => l.startsWith("BENCH_TARGETS "));
  if (targetLine) for (const t of JSON.parse(targetLine.slice("BENCH_TARGETS ".length)) as Target[]) declaredTargets.set(t.what, t);
  if (child.status !== 0 || !line) {
    process.stderr.write(`${module} at ${label} failed (exit ${child.status ?? child.signal}):\n${child.stderr.trim().split("\n").slice(-15).join("\n")}\n`);
    return undefined;
  }
  return JSON.parse(line.slice("BENCH_RESULT ".length)) as StageResult[];
}

function totalMs(results: readonly StageResult[]): number {
  return results.reduce((n, r) => n + r.ms, 0);
}

function fmt(n: number | undefined, digits = 0): string {
  return n === undefined || !Number.isFinite(n) ? "" : n.toFixed(digits);
}

/** A Markdown table; columns listed in `left` (by default the first two and the last) are left-aligned, the others right-aligned. */
function table(header: string[], rows: string[][], left?: readonly number[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const isLeft = (i: number, n: number): boolean => (left ? left.includes(i) : i === 0 || i === 1 || i === n - 1);
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (isLeft(i, cells.length) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** Builds dist/ when a source is newer than the compiled CLI: the start-up and validate modules run `bin/dcplan.js`, which runs dist/. */
function ensureBuilt(): void {
  const compiled = join(ROOT, "dist", "planner", "cli", "main.js");
  const newest = BUILT_FOLDERS.map((d) => newestSource(join(ROOT, d))).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= newest.mtimeMs) return;
  process.stderr.write(`building dist/ (${relative(ROOT, newest.file)} is newer than the compiled CLI)…\n`);
  const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, encoding: "utf8" });
  if (tsc.status !== 0) throw new Error(`npm run build failed:\n${tsc.stdout}${tsc.stderr}`);
}

/** Whether a figure meets a target: ratio to the baseline, time and memory (undefined figures fail their limit). */
function meets(t: Target, ms: number | undefined, baselineMs: number | undefined, peakMiB: number | undefined): boolean {
  const ratio = ms !== undefined && baselineMs !== undefined ? ms / baselineMs : undefined;
  return (
    (t.maxRatio === undefined || (ratio !== undefined && ratio <= t.maxRatio)) &&
    (t.minSpeedup === undefined || (ratio !== undefined && 1 / ratio >= t.minSpeedup)) &&
    (t.maxMs === undefined || (ms !== undefined && ms <= t.maxMs)) &&
    (t.maxMiB === undefined || (peakMiB !== undefined && peakMiB <= t.maxMiB))
  );
}

/** A ratio as the target states it: "2.4×" or, for speed-ups, "7.6× faster". */
function shownRatio(t: Target, ms: number | undefined, baselineMs: number | undefined): string {
  if (ms === undefined || baselineMs === undefined) return "";
  return t.minSpeedup !== undefined ? `${fmt(baselineMs / ms, 1)}× faster` : `${fmt(ms / baselineMs, 1)}×`;
}

/**
 * Every declared target at its size: figure, baseline, ratio, limit and verdict on wall time, then
 * the same on CPU time (every thread of the process; the baseline's CPU time too): on a shared
 * machine the wall times include waiting for the cores, the CPU times do not, so "met by CPU" is
 * what a quiet machine would give (CPU ≥ wall there, since the GC runs on helper threads).
 */
function targetRows(stages: ReadonlyMap<string, ReadonlyMap<string, StageResult>>, lastSize: string): string[][] {
  const rows: string[][] = [];
  for (const t of declaredTargets.values()) {
    const size = t.size ?? lastSize;
    const at = stages.get(size);
    const r = at?.get(t.stage);
    const b = t.baseline ? at?.get(t.baseline) : undefined;
    const limits: string[] = [];
    if (t.maxRatio !== undefined) limits.push(`≤ ${t.maxRatio}× ${t.baseline}`);
    if (t.minSpeedup !== undefined) limits.push(`≥ ${t.minSpeedup}× faster than ${t.baseline}`);
    if (t.maxMs !== undefined) limits.push(`≤ ${t.maxMs} ms`);
    if (t.maxMiB !== undefined) limits.push(`≤ ${t.maxMiB} MiB`);
    if (!r || (t.baseline && !b)) {
      rows.push([t.what, size, "", "", "", limits.join(", "), at ? "not measured (module skipped or failed)" : `not run (no size ${size}: --sizes …,${size})`, "", "", ""]);
      continue;
    }
    const byCpu = r.cpuMs !== undefined && (!t.baseline || b?.cpuMs !== undefined);
    rows.push([
      t.what,
      size,
      `${fmt(r.ms)} ms${r.peakRssMiB !== undefined ? `, ${fmt(r.peakRssMiB)} MiB` : ""}`,
      b ? `${fmt(b.ms)} ms` : "",
      shownRatio(t, r.ms, b?.ms),
      limits.join(", "),
      meets(t, r.ms, b?.ms, r.peakRssMiB) ? "met" : "MISSED",
      byCpu ? `${fmt(r.cpuMs)} ms${b ? ` vs ${fmt(b.cpuMs)} ms` : ""}` : "",
      byCpu && b ? shownRatio(t, r.cpuMs, b.cpuMs) : "",
      byCpu ? (meets(t, r.cpuMs, b?.cpuMs, r.peakRssMiB) ? "met" : "MISSED") : "no CPU figure",
    ]);
  }
  return rows;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const loadStart = loadavg()[0];
  // compiled: run from dist/ when it is up to date. Only the Pulumi program: Pulumi runs the
  // compiled JavaScript (Pulumi.yaml `main`), while the other modules' figures are the CLI's under tsx.
  // once: run at the first size only (the figure does not depend on the inventory); cli: runs the
  // compiled command line, so dist/ is rebuilt first when stale.
  const modules: { file: string; title: string; compiled?: boolean; once?: boolean; cli?: boolean }[] = [
    { file: "startup.bench.ts", title: "startup", once: true, cli: true },
    { file: "validate.bench.ts", title: "validate", cli: true },
    { file: "inventory.bench.ts", title: "inventory" },
    { file: "graph-core.bench.ts", title: "graph-core" },
    { file: "json-floor.bench.ts", title: "floor" },
    { file: "large-input.bench.ts", title: "large-input", once: true, cli: true },
  ];
  if (args.locate) modules.push({ file: "locate.bench.ts", title: "inventory" });
  for (const [file, title, compiled] of [
    ["plan.bench.ts", "planner", false],
    ["progress.bench.ts", "progress", false],
    ["cost.bench.ts", "cost", false],
    ["export.bench.ts", "exports", true],
    ["export-xlsx.bench.ts", "exports-xlsx", true],
    ["pulumi.bench.ts", "pulumi", true],
    ["import.bench.ts", "import", false],
    ["options.bench.ts", "options", false],
  ] as const) {
    if (existsSync(join(HERE, file))) modules.push({ file, title, compiled });
    else process.stdout.write(`bench/${file} not found: ${title} benchmark skipped\n`);
  }

  const only = args.only;
  const unknown = only ? [...only].filter((name) => !modules.some((m) => m.title === name)) : [];
  if (unknown.length > 0) {
    process.stderr.write(`--only: no benchmark module named ${unknown.join(", ")}; the modules are ${[...new Set(modules.map((m) => m.title))].join(", ")}\n`);
    process.exit(2);
  }
  if (only) modules.splice(0, modules.length, ...modules.filter((m) => only.has(m.title)));
  if (modules.some((m) => m.cli)) ensureBuilt();
  /** Every stage measured, per size label, by "<module>: <stage>". */
  const stagesBySize = new Map<string, Map<string, StageResult>>();
  const rows: string[][] = [];
  const summary: string[][] = [];
  const runners = new Map<string, string>();
  const perServer: { label: string; servers: number; ms: number; cpuMs: number }[] = [];
  for (const size of args.sizes) {
    const data = dataset(size.servers, args.seed);
    const m = data.meta;
    process.stderr.write(`${size.label}: ${m.servers} servers, ${m.systems} systems, ${m.dependencies} dependencies, ${m.yamlFiles} YAML files (${fmt(m.yamlBytes / 2 ** 20, 1)} MiB)…\n`);
    let inventoryMs = 0;
    let inventoryCpuMs = 0;
    let inventoryPeak = 0;
    let loadMs: number | undefined;
    let jsonMs: number | undefined;
    const stages = new Map<string, StageResult>();
    stagesBySize.set(size.label, stages);
    for (const mod of modules) {
      if (mod.once && size !== args.sizes[0]) continue;
      let results: StageResult[] | undefined;
      const command = childCommand(ROOT, mod.file, mod.compiled ?? false);
      if (mod.compiled) {
        process.stderr.write(`${mod.title}: runs ${command.how}\n`);
        runners.set(mod.title, command.how);
      }
      for (let run = 0; run < args.repeat; run++) {
        const r = runModule(mod.file, data, size.label, command);
        if (r && (!results || totalMs(r) < totalMs(results))) results = r;
      }
      if (!results) {
        rows.push([size.label, `${mod.title}: failed`, "", "", "", "", "", "see above"]);
        continue;
      }
      for (const r of results) {
        if (r.stage === "(process start)") continue;
        if (mod.file === "inventory.bench.ts" && INVENTORY_STAGES.includes(r.stage)) {
          inventoryMs += r.ms;
          inventoryCpuMs += r.cpuMs ?? 0;
          inventoryPeak = Math.max(inventoryPeak, r.peakRssMiB ?? 0);
        }
        if (mod.file === "inventory.bench.ts" && r.stage === "load") loadMs = r.ms;
        if (r.stage === "JSON.parse") jsonMs = r.ms;
        stages.set(`${mod.title}: ${r.stage}`, r);
        rows.push([size.label, `${mod.title}: ${r.stage}`, fmt(r.ms), fmt(r.cpuMs), fmt((r.ms * 1000) / m.servers, 1), fmt(r.peakRssMiB), fmt(r.heapMiB), r.note ?? ""]);
      }
    }
    perServer.push({ label: size.label, servers: m.servers, ms: inventoryMs, cpuMs: inventoryCpuMs });
    if (INVENTORY_STAGES.every((st) => stages.has(`inventory: ${st}`))) stages.set(INVENTORY_TOTAL, { stage: INVENTORY_TOTAL, ms: inventoryMs, cpuMs: inventoryCpuMs, peakRssMiB: inventoryPeak });
    // Modules run once (start-up, the large file) do not depend on the size: their figures count at every size.
    const onceTitles = modules.filter((mod) => mod.once).map((mod) => `${mod.title}: `);
    for (const [name, r] of stagesBySize.get(args.sizes[0].label) ?? []) if (onceTitles.some((t) => name.startsWith(t)) && !stages.has(name)) stages.set(name, r);
    const ratio = loadMs !== undefined && jsonMs !== undefined ? loadMs / jsonMs : undefined;
    if (stages.has("inventory: load")) summary.push([
      size.label,
      `${m.servers} / ${m.systems} / ${m.dependencies}`,
      fmt(inventoryMs),
      fmt(inventoryCpuMs),
      fmt((inventoryMs * 1000) / m.servers, 1),
      fmt(inventoryPeak),
      ratio === undefined ? "" : `${fmt(ratio, 1)}×`,
      `${m.yamlFiles} files, ${fmt(m.yamlBytes / 2 ** 20, 1)} MiB YAML, ${fmt(m.jsonBytes / 2 ** 20, 1)} MiB JSON`,
    ]);
  }

  // The machine is shared: a load average above its core count means the wall times include waiting.
  process.stdout.write(`\nseed ${args.seed}${args.repeat > 1 ? `, fastest of ${args.repeat} runs per module and size` : ""}; node ${process.version}; ${cpus().length} cores; load average ${loadStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end\n`);
  for (const [title, how] of runners) process.stdout.write(`${title}: ran ${how}\n`);
  process.stdout.write(`\nPer stage (each module in its own process; ms is wall time, CPU ms counts every thread of the process — compare them to see contention from other processes; peak RSS is the process's maximum so far; heap is what is still in use after a full GC):\n`);
  process.stdout.write(`${table(["size", "stage", "ms", "CPU ms", "µs/server", "peak RSS MiB", "heap MiB", "note"], rows)}\n`);
  if (summary.length > 0) {
    process.stdout.write(`\nInventory total (load + graph + move groups + SCC + condensation):\n`);
    process.stdout.write(`${table(["size", "servers / systems / deps", "ms", "CPU ms", "µs/server", "peak RSS MiB", "load ÷ JSON.parse", "data"], summary)}\n`);
  }
  if (summary.length > 1) {
    const first = perServer[0];
    const last = perServer[perServer.length - 1];
    const growth = last.ms / first.ms / (last.servers / first.servers);
    process.stdout.write(`Growth ${first.label} → ${last.label}: cost per server × ${fmt(growth, 2)} (1.00 = linear)\n`);
  }
  if (declaredTargets.size > 0) {
    process.stdout.write(`\nTargets, judged on wall time and on CPU time (every thread; the baseline's too). With the load average above the core count the wall times include waiting for a core: judge by CPU and re-run on a quiet machine.\n`);
    process.stdout.write(`${table(["what", "size", "measured", "baseline", "ratio", "target", "result (wall)", "CPU", "CPU ratio", "result (CPU)"], targetRows(stagesBySize, args.sizes[args.sizes.length - 1].label), [0, 1, 5, 6, 9])}\n`);
  }
}

main();
