// Runs dcplan as a real process, the way a shell script does: the compiled CLI (dist/, what
// `npx dcplan` runs) when it is newer than every source file, else the TypeScript source under tsx.
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { BUILT_FOLDERS, newestSource } from "../../bench/child-command.js";

export const ROOT = join(__dirname, "..", "..");

/** What a run of the process gave. */
export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let command: string[] | undefined;

/** Node arguments that start the CLI: compiled when up to date, else tsx. */
export function cliCommand(): string[] {
  if (command) return command;
  const compiled = join(ROOT, "dist", "planner", "cli", "main.js");
  const fresh = existsSync(compiled) && BUILT_FOLDERS.every((d) => newestSource(join(ROOT, d)).mtimeMs <= statSync(compiled).mtimeMs);
  command = fresh ? [compiled] : ["--import", "tsx", join(ROOT, "planner", "cli", "main.ts")];
  return command;
}

/**
 * Runs `dcplan ...args` in `cwd` [the project root]; `nodeOptions` go before the script (e.g. a heap
 * limit); `uid` runs it as another user (the caller must be root), e.g. so file permissions apply.
 */
export function dcplanProcess(args: readonly string[], options: { cwd?: string; nodeOptions?: readonly string[]; uid?: number } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), ...cliCommand(), ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, CI: "true" }, ...user });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `jobs` at most `limit` at a time (the machine has two cores). */
export async function inPool<T>(jobs: readonly (() => Promise<T>)[], limit = 2): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}
