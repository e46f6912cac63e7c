// V8's optimising compiler tuned for one long run of a command on a small machine (`dcplan plan`).
//
// At 20k systems the optimising compiler (TurboFan) used about 3.5 s of CPU in a 5–8 s command, on
// V8's helper threads at normal priority: on two cores that time is taken from the main thread,
// which waited about 1 s for a core while it could have run. Much of it is on-stack replacement
// (recompiling a function while one of its long loops runs: about 100 of the 630 compilations and a
// quarter of their time) and large inlined bodies compiled again after a deoptimisation. With
// on-stack replacement off and a smaller inlining budget per function, the command's CPU over all
// threads fell 1.2–1.4 s (10 %) and its wall time 0.3–0.5 s in alternating runs, with the main
// thread's own CPU unchanged and the plan byte for byte the same (docs/benchmarks.md, ninth round).
// The functions that matter are called many times, so they are still optimised; a loop that runs
// once runs in V8's baseline code.
//
// The flags are V8's own, set from here rather than on the command line so that every way of
// starting the command (the `dcplan` script, `node dist/planner/cli/main.js`, the benchmark's child
// processes) gets them, and only the commands that ask for them. They apply to the whole process,
// worker threads included, from the next compilation on; they change how fast the code runs, never
// what it computes.
import { setFlagsFromString } from "node:v8";

/** The flags, in the order set (see file header). */
export const LONG_RUN_V8_FLAGS = ["--no-use-osr", "--max-inlined-bytecode-size-cumulative=150"] as const;

let tuned = false;

/** Sets LONG_RUN_V8_FLAGS once for this process (see file header); DCPLAN_V8_DEFAULTS=1 in the environment keeps V8's defaults (comparing, profiling). */
export function tuneCompilerForLongRun(): void {
  if (tuned || process.env.DCPLAN_V8_DEFAULTS === "1") return;
  tuned = true;
  for (const flag of LONG_RUN_V8_FLAGS) setFlagsFromString(flag);
}
