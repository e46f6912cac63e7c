// Times a command as a separate process, the way a user runs it: wall time from spawn to exit and,
// where GNU time is installed (/usr/bin/time), the process's CPU time (user + system, every thread)
// and peak resident memory. Runs of several
// commands are interleaved so a burst of load on the shared machine hits them all alike; the
// median of each is kept.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const GNU_TIME = "/usr/bin/time";

/** One command to time: its arguments (the program first) and a label. */
export interface TimedCommand {
  readonly label: string;
  readonly argv: readonly string[];
  readonly cwd?: string;
}

/** Median wall time, ms, CPU time, ms, and peak RSS, MiB (both when measurable), of each command; the last exit status. */
export interface ProcessFigures {
  readonly label: string;
  readonly ms: number;
  readonly cpuMs?: number;
  readonly peakMiB?: number;
  readonly status: number | null;
  readonly stderr: string;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs every command `runs` times, interleaved, and returns their medians. */
export function timeProcesses(commands: readonly TimedCommand[], runs: number): ProcessFigures[] {
  const withTime = existsSync(GNU_TIME);
  const ms = commands.map(() => [] as number[]);
  const mib = commands.map(() => [] as number[]);
  const cpu = commands.map(() => [] as number[]);
  const last: { status: number | null; stderr: string }[] = commands.map(() => ({ status: null, stderr: "" }));
  for (let r = 0; r < runs; r++) {
    commands.forEach((c, i) => {
      const [program, ...args] = c.argv;
      const argv = withTime ? [GNU_TIME, "-f", "BENCH_RSS_KIB %M %U %S", program, ...args] : [program, ...args];
      const t0 = performance.now();
      const child = spawnSync(argv[0], argv.slice(1), { cwd: c.cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: "true" } });
      ms[i].push(performance.now() - t0);
      const rss = /BENCH_RSS_KIB (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(child.stderr ?? "");
      if (rss) {
        mib[i].push(Number(rss[1]) / 1024);
        cpu[i].push((Number(rss[2]) + Number(rss[3])) * 1000);
      }
      last[i] = { status: child.status, stderr: (child.stderr ?? "").replace(/(Command exited with non-zero status \d+\n)?BENCH_RSS_KIB [\d. ]+\s*$/, "") };
    });
  }
  return commands.map((c, i) => ({ label: c.label, ms: median(ms[i]), cpuMs: cpu[i].length > 0 ? median(cpu[i]) : undefined, peakMiB: mib[i].length > 0 ? median(mib[i]) : undefined, status: last[i].status, stderr: last[i].stderr }));
}
