// A full garbage collection on request, for a command that has just let go of something large and
// is about to allocate a lot: reading a 20k-system plan holds its file (170 MB) as bytes and as a
// string (about 330 MB: the Vietnamese makes it two bytes a character) while JSON.parse builds the
// plan; all of that is garbage once the plan is read, but V8 grows the heap rather than collect it
// while the workbook is rendered, and the process peaked at 948 MiB instead of 782 MiB
// (`dcplan export --format xlsx` at 20k systems, issue 15's limit: 800 MiB). Node exposes the collector only with
// `--expose-gc` on the command line; the flag set at run time makes `gc` available in a new context.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/** Collects garbage now, the whole heap (about 0.1 s with a 20k-system plan held). */
export function collectGarbage(): void {
  if (gc === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") gc = exposed;
    else {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    }
  }
  gc();
}
