// How the benchmark runner (bench/run.ts) starts a module's child process: the compiled JavaScript
// in dist/bench when it is up to date (`npm install` builds dist/; tsconfig.build.json includes
// bench/), else the TypeScript source under tsx. Compiled code is what a user's `pulumi up` runs
// (Pulumi.yaml `main: dist/stacks/index.js`); tsx adds source-map work to every stack trace the
// Pulumi SDK captures, which makes the Pulumi benchmark several seconds slower.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Folders tsconfig.build.json compiles into dist/: a compiled module is stale when any .ts file in them is newer. */
export const BUILT_FOLDERS: readonly string[] = ["common", "inventory", "planner", "stacks", "policies", "survey", "bench"];

/** The newest .ts file under `dir` and its modification time (ms since the epoch; 0 when none). */
export function newestSource(dir: string): { file: string; mtimeMs: number } {
  let best = { file: "", mtimeMs: 0 };
  if (!existsSync(dir)) return best;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestSource(path) : entry.name.endsWith(".ts") ? { file: path, mtimeMs: statSync(path).mtimeMs } : best;
    if (candidate.mtimeMs > best.mtimeMs) best = candidate;
  }
  return best;
}

/** How a module's child process runs. */
export interface ChildCommand {
  /** Node arguments before the child's own (runner script and module). */
  readonly args: string[];
  /** True when the compiled JavaScript runs. */
  readonly compiled: boolean;
  /** What is run and why, for the report. */
  readonly how: string;
}

/**
 * The command for bench module `module` (e.g. `pulumi.bench.ts`) of the project at `root`. With
 * `preferCompiled`, `dist/bench/child.js` and the compiled module run in plain node when both exist
 * and are newer than every .ts file of BUILT_FOLDERS; otherwise (or without `preferCompiled`) tsx
 * runs `bench/child.ts` and the source, and `how` says why.
 */
export function childCommand(root: string, module: string, preferCompiled: boolean): ChildCommand {
  const bench = join(root, "bench");
  const source = { args: ["--import", "tsx", join(bench, "child.ts"), join(bench, module)], compiled: false };
  if (!preferCompiled) return { ...source, how: "tsx" };
  const dist = join(root, "dist", "bench");
  const compiled = [join(dist, "child.js"), join(dist, module.replace(/\.ts$/, ".js"))];
  const missing = compiled.find((f) => !existsSync(f));
  if (missing) return { ...source, how: `tsx (${relative(root, missing)} not built: npm run build)` };
  const built = Math.min(...compiled.map((f) => statSync(f).mtimeMs));
  const newest = BUILT_FOLDERS.map((d) => newestSource(join(root, d))).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (newest.mtimeMs > built) return { ...source, how: `tsx (${relative(root, compiled[1])} is older than ${relative(root, newest.file)}: npm run build)` };
  return { args: compiled, compiled: true, how: `compiled ${relative(root, compiled[1])} in node (as pulumi up runs it)` };
}
