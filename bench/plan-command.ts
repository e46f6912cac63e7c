// `dcplan plan` through the real command line at 2k and 20k systems (10k and 100k servers, the same
// generator and seed, the benchmark profile of bench/plan.bench.ts written as a profile file: wave
// limits scaled with the inventory, so the profile has the same shape at both sizes). Each run is a
// fresh node process running the CLI (compiled dist/ when it is up to date, else tsx) that reports
// its own CPU time and peak resident memory at exit. The two sizes run alternately `rounds` times
// and the medians are kept (the machine is shared: single runs vary by tens of per cent).
// Baseline, in this process: reading the plan the command wrote, JSON.parse and serialising it
// again as the command does (JSON.stringify, 2-space indentation) — the least any program handing
// that plan on would cost. Printed: wall, CPU, peak RSS, the ratio to the baseline and the cost
// growth from 2k to 20k (CPU per system at 20k ÷ CPU per system at 2k; 1.00 = linear) against the
// targets of issue 15 (≤ 8 s, ≤ 1 GiB, growth ≤ 1.2).
// The host's speed, beside the load average: this machine shares its processor with others, which
// the load average does not see, and in its slow hours every figure here (the baseline included)
// is 20–30 % above its usual. So before each 20k run the benchmark also times reading and
// JSON.parse of the 20k inventory's JSON copy in a fresh process (the `host speed` row), for
// comparing runs made at different hours; issue 15 gave 460 ms for the same data when it set its
// targets (HOST_REFERENCE_MS; how, it does not say: in a process that has parsed it before, the
// same parse takes 5–40 % longer than in a fresh one). The verdicts are the measured times'.
// Beside them, for comparing hours, the same target read against the host's speed: the 20k wall
// time ÷ the probe, against 8 s ÷ 460 ms (PLAN_HOST_RATIO). The probe here is the fresh process's,
// the faster way to measure it, so that reading is the stricter one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Inventory } from "../inventory/schema.js";
import { BUILT_FOLDERS, newestSource } from "./child-command.js";
import { GENERATOR_VERSION, generateInventory } from "./generate.js";
import { benchProfile } from "./plan.bench.js";
import type { StageResult } from "./types.js";
import { writeInventoryJson, writeInventoryYaml } from "./write.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Issue 15's targets for `dcplan plan` at 20k systems. */
export const PLAN_TARGET = { ms: 8000, mib: 1024, growth: 1.2 } as const;
/** JSON.parse of the 20k-system inventory's JSON when issue 15 set its targets ("`JSON.parse` of the same data 0.46 s"), ms: orientation only (see file header). */
export const HOST_REFERENCE_MS = 460;
/** Issue 15's 8 s for `dcplan plan` at 20k systems as a multiple of the host's speed when it was set: 8 s ÷ 460 ms, rounded down to one decimal (17.3). */
export const PLAN_HOST_RATIO = Math.floor((10 * PLAN_TARGET.ms) / HOST_REFERENCE_MS) / 10;
/** Names of the rows (the runner prefixes the module's title, "planner: "). */
export const PLAN_STAGES = { big: "dcplan plan, 20k systems (command line)", small: "dcplan plan, 2k systems (command line)", baseline: "baseline: JSON.parse + serialise the 20k plan", host: "host speed: JSON.parse of the 20k inventory" } as const;

/** One run of the command. */
interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakMiB: number;
}

/** An inventory on disk: its YAML directory and its JSON copy. */
export interface InventoryFiles {
  readonly yamlDir: string;
  readonly jsonFile: string;
}

/** How to start the CLI in a fresh process: compiled when dist/ is up to date, else tsx. */
function cliEntry(): { args: string[]; how: string } {
  const built = join(ROOT, "dist", "planner", "cli", "main.js");
  const newest = BUILT_FOLDERS.map((d) => newestSource(join(ROOT, d))).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (existsSync(built) && statSync(built).mtimeMs >= newest.mtimeMs) return { args: [], how: `compiled ${built.slice(ROOT.length + 1)}` };
  return { args: ["--import", "tsx"], how: `tsx (dist/ older than ${newest.file.slice(ROOT.length + 1)})` };
}

/** Runs `dcplan plan` once in a fresh process (the plan alone: the options search a missed deadline starts is the options module's figure); its CPU time and peak RSS as it reports them at exit. */
function runPlan(files: InventoryFiles, profile: string, asOf: string, out: string, entry: { args: string[] }): Run {
  const main = entry.args.length > 0 ? join(ROOT, "planner", "cli", "main.ts") : join(ROOT, "dist", "planner", "cli", "main.js");
  const script = `const { run } = await import(${JSON.stringify(`file://${main}`)}); const code = await run(process.argv.slice(1)); const u = process.resourceUsage(); process.stderr.write("\\nRUSAGE " + JSON.stringify({ code, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, peakMiB: (u.maxRSS * 1024) / 2 ** 20 }) + "\\n");`;
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [...entry.args, "--input-type=module", "-e", script, "plan", "--inventory", files.yamlDir, "--profile", profile, "--as-of", asOf, "--out", out, "--options-budget", "0"], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 2 ** 20 });
  const wallMs = performance.now() - t0;
  const line = child.stderr.split("\n").find((l) => l.startsWith("RUSAGE "));
  const usage = line ? (JSON.parse(line.slice(7)) as { code: number; cpuMs: number; peakMiB: number }) : undefined;
  if (child.status !== 0 || !usage || usage.code !== 0) throw new Error(`dcplan plan failed (exit ${child.status}, ${usage?.code}):\n${child.stderr.slice(-2000)}`);
  return { wallMs, cpuMs: usage.cpuMs, peakMiB: usage.peakMiB };
}

/**
 * Reading and JSON.parse of an inventory's JSON copy, wall ms (the host's speed: see file header),
 * in a fresh process of its own like each run of the command: timed in this process, the second of
 * three probes was 15–30 % slower than the others (this process's heap already large).
 */
function hostProbe(jsonFile: string): number {
  const script = `const { readFileSync } = await import("node:fs"); const t0 = performance.now(); const v = JSON.parse(readFileSync(process.argv[1], "utf8")); const ms = performance.now() - t0; if (!Array.isArray(v.servers)) throw new Error("not an inventory"); process.stdout.write(String(ms));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, jsonFile], { encoding: "utf8" });
  const ms = Number(child.stdout);
  if (child.status !== 0 || !Number.isFinite(ms)) throw new Error(`timing JSON.parse of ${jsonFile} failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The benchmark profile of an inventory as a profile file. */
function writeProfile(inventory: Inventory, file: string): void {
  const p = benchProfile(inventory);
  writeFileSync(file, `targetSite: ${p.targetSite}\nwaveLimits:\n  maxSystems: ${p.waveLimits.maxSystems}\n  maxDataGiB: ${p.waveLimits.maxDataGiB}\n`);
}

/** The runner's cached dataset of `servers` servers beside `big` (same generator version and seed), or one generated into `scratch`. */
export function smallDataset(big: InventoryFiles, servers: number, asOf: string, scratch: string): InventoryFiles {
  const dir = dirname(big.yamlDir);
  const cached = join(dirname(dir), basename(dir).replace(/-\d+$/, `-${servers}`));
  if (existsSync(join(cached, "meta.json"))) return { yamlDir: join(cached, "yaml"), jsonFile: join(cached, "inventory.json") };
  const seed = Number(/-seed(\d+)-/.exec(basename(dir))?.[1] ?? 1);
  const inventory = generateInventory({ seed, servers, asOf });
  const out = join(scratch, `v${GENERATOR_VERSION}-seed${seed}-${servers}`);
  writeInventoryYaml(inventory, join(out, "yaml"));
  const json = writeInventoryJson(inventory, out);
  return { yamlDir: join(out, "yaml"), jsonFile: json.file };
}

/** Rows of the command-line benchmark (see file header): 2k and 20k alternately `rounds` times, medians, the baseline and the verdicts. */
export function benchPlanCommand(big: InventoryFiles, asOf: string, rounds = 3): StageResult[] {
  const scratch = mkdtempSync(join(tmpdir(), "dcplan-plan-bench-"));
  try {
    const small = smallDataset(big, 10_000, asOf, scratch);
    const entry = cliEntry();
    const sizes = [
      { label: "20k systems", files: big },
      { label: "2k systems", files: small },
    ].map((s, i) => {
      const inventory = JSON.parse(readFileSync(s.files.jsonFile, "utf8")) as Inventory;
      const profile = join(scratch, `profile-${i}.yaml`);
      writeProfile(inventory, profile);
      return { ...s, profile, systems: inventory.systems.length, servers: inventory.servers.length, out: join(scratch, `plan-${i}.json`), runs: [] as Run[] };
    });
    const loadBefore = loadavg()[0];
    const probes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      probes.push(hostProbe(big.jsonFile));
      for (const s of sizes) s.runs.push(runPlan(s.files, s.profile, asOf, s.out, entry));
    }
    const loadAfter = loadavg()[0];
    const probe = median(probes);
    const med = sizes.map((s) => ({ wallMs: median(s.runs.map((x) => x.wallMs)), cpuMs: median(s.runs.map((x) => x.cpuMs)), peakMiB: Math.max(...s.runs.map((x) => x.peakMiB)) }));
    // Baseline: the plan the command wrote, read, parsed and serialised again, in this process (medians of `rounds`).
    const base: Run[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const text = JSON.stringify(JSON.parse(readFileSync(sizes[0].out, "utf8")), null, 2);
      const c = process.cpuUsage(c0);
      base.push({ wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, peakMiB: text.length / 2 ** 20 });
    }
    const baseWall = median(base.map((b) => b.wallMs));
    const baseCpu = median(base.map((b) => b.cpuMs));
    const [b, s] = [sizes[0], sizes[1]];
    const growth = med[0].cpuMs / b.systems / (med[1].cpuMs / s.systems);
    const growthWall = med[0].wallMs / b.systems / (med[1].wallMs / s.systems);
    const planMiB = statSync(b.out).size / 2 ** 20;
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    const rows: StageResult[] = sizes.map((x, i) => ({
      stage: `dcplan plan, ${x.label} (command line)`,
      ms: med[i].wallMs,
      cpuMs: med[i].cpuMs,
      peakRssMiB: med[i].peakMiB,
      note: `${x.systems} systems, ${x.servers} servers; median of ${rounds} runs, ${x.runs.map((r) => `${Math.round(r.cpuMs)}`).join("/")} ms CPU; ${entry.how}; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
    }));
    rows.push({ stage: PLAN_STAGES.host, ms: probe, note: `fresh process before each 20k run, ${probes.map((p) => Math.round(p)).join("/")} ms (issue 15 gave ${HOST_REFERENCE_MS} ms for the same data); compare it between runs: the machine's slow hours show here` });
    rows.push({ stage: PLAN_STAGES.baseline, ms: baseWall, cpuMs: baseCpu, note: `${planMiB.toFixed(0)} MiB of plan JSON, in the benchmark's own process, median of ${rounds}` });
    rows.push({
      stage: "target: dcplan plan at 20k ≤ 8 s, ≤ 1 GiB",
      ms: med[0].wallMs,
      cpuMs: med[0].cpuMs,
      peakRssMiB: med[0].peakMiB,
      note: `CPU ${Math.round(med[0].cpuMs)} ms: ${verdict(med[0].cpuMs <= PLAN_TARGET.ms)}; wall ${Math.round(med[0].wallMs)} ms: ${verdict(med[0].wallMs <= PLAN_TARGET.ms)}; wall ÷ host speed × ${(med[0].wallMs / probe).toFixed(1)} (≤ ${PLAN_HOST_RATIO}): ${verdict(med[0].wallMs / probe <= PLAN_HOST_RATIO)}; peak ${Math.round(med[0].peakMiB)} MiB: ${verdict(med[0].peakMiB <= PLAN_TARGET.mib)}; × ${(med[0].cpuMs / baseCpu).toFixed(1)} CPU (× ${(med[0].wallMs / baseWall).toFixed(1)} wall) the baseline`,
    });
    rows.push({ stage: "target: cost growth 2k → 20k ≤ 1.2 (1.00 = linear)", ms: 0, note: `× ${growth.toFixed(2)} CPU per system (× ${growthWall.toFixed(2)} wall): ${verdict(growth <= PLAN_TARGET.growth)}` });
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
