// The contract between the benchmark runner (bench/run.ts) and a benchmark module
// (bench/inventory.bench.ts, bench/plan.bench.ts, bench/pulumi.bench.ts). The runner starts one
// child process per module and size (so peak memory is that module's alone) and calls the module's
// exported function `bench(ctx)` (or its default export) with a BenchContext; the module times its
// stages with `ctx.stage`. A module may instead return rows `{ stage, ms, note? }` it timed itself.
// A module may also export `targets: Target[]`: the runner prints each with its figure, its
// baseline, the ratio and whether it is met (see bench/run.ts, "Targets").

/** What a benchmark module receives. */
export interface BenchContext {
  /** Directory holding the inventory as YAML (the same data in every module). */
  readonly inventoryDir: string;
  /** The same inventory as one JSON file. */
  readonly jsonFile: string;
  /** Servers in the inventory. */
  readonly servers: number;
  /** Size label, e.g. "10k". */
  readonly label: string;
  /** Day the inventory is judged against, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Runs `fn` as a named stage: wall time in ms and the process's peak RSS after it are recorded. */
  stage<T>(name: string, fn: () => T | Promise<T>, note?: (result: T) => string): Promise<T>;
}

/** One measured stage. */
export interface StageResult {
  readonly stage: string;
  /** Wall time, ms. */
  readonly ms: number;
  /** CPU time of the process over the stage (all threads, GC helpers included), ms. */
  readonly cpuMs?: number;
  /** Peak resident set size of the process so far (includes earlier stages), MiB. */
  readonly peakRssMiB?: number;
  /** Heap still in use after the stage and a full GC, MiB. */
  readonly heapMiB?: number;
  /** Anything worth printing next to the figures (counts…). */
  readonly note?: string;
}

/** Signature of a benchmark module's entry point. */
export type BenchFunction = (ctx: BenchContext) => Promise<StageResult[] | void>;

/**
 * A performance target a module declares. Stages are named "<module title>: <stage>", e.g.
 * "validate: dcplan validate" or "floor: JSON.parse". Evaluated at `size` (a size label such as
 * "100k") or, by default, at the largest size of the run.
 */
export interface Target {
  /** What the row is, for the reader ("validate, 20k systems"). */
  readonly what: string;
  /** The measured stage. */
  readonly stage: string;
  /** Stage it is compared with, measured in the same run. */
  readonly baseline?: string;
  /** At most this many times the baseline's wall time. */
  readonly maxRatio?: number;
  /** At least this many times faster than the baseline (baseline ÷ stage). */
  readonly minSpeedup?: number;
  /** At most this wall time, ms. */
  readonly maxMs?: number;
  /** At most this peak resident memory, MiB. */
  readonly maxMiB?: number;
  /** Size label where it applies [the largest size run]. */
  readonly size?: string;
}
