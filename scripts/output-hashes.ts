// Output hashes: the bytes dcplan writes for a fixed set of inputs, one SHA-256 per output, so a
// refactor can be proven not to change anything (hash before, change, hash after, compare).
//
//   npx tsx scripts/output-hashes.ts [--large] [--out FILE] [--compare FILE] [--only plans,exports,stacks]
//
// What it hashes (every run goes through the real command line, `run()` of planner/cli/main.ts,
// except the property-family plans, which call planMigration directly as the property tests do):
//  - plans of the bundled sample at three as-of days, with and without the sample's profile
//    and progress file where they exist (the progress file from 2026-11-29 on);
//  - plans of the benchmark generator's inventories (seeds 1–3 at 500 and 5,000 servers, i.e.
//    ≈ 100 and 1,000 systems; --large adds 100,000 servers ≈ 20,000 systems) with the benchmark
//    profile and with the default profile;
//  - 150 plans of the property tests' generated and hand-shaped inventories with random profiles
//    (fast-check, fixed seed), hashed together as one line per family, and 40 planned again from
//    a simulated merger (bench/simulate-progress.ts);
//  - every export format of the sample plan in both languages, the semi-annual report, the
//    per-agency plans, explain of a few systems, validate and graph; the sample plan made from
//    its progress file exported with it, diff against the plan before the weekend;
//  - the manifests `dcplan render` writes for the committed stacks.
// With --compare FILE, prints the lines that differ and exits 1 when any does. Text the command
// line prints has this checkout's path replaced by <checkout>, so a baseline hashed in a second
// checkout (git worktree) at another path compares.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { generateInventory } from "../bench/generate.js";
import { benchProfile } from "../bench/plan.bench.js";
import { simulateProgress } from "../bench/simulate-progress.js";
import { progressFrom } from "../planner/progress/load.js";
import { writeInventoryYaml } from "../bench/write.js";
import { indexInventory } from "../inventory/model.js";
import { run } from "../planner/cli/main.js";
import { planMigration, serialisePlan } from "../planner/plan.js";
import { knobs, profileFor } from "../test/generators/profile-arbitrary.js";
import { generatorOptions, shapedInventory } from "../test/generators/inventory-arbitrary.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLE = join(ROOT, "inventory", "sample");

interface Args {
  large: boolean;
  out?: string;
  compare?: string;
  only?: Set<string>;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { large: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--large") args.large = true;
    else if (a === "--out") args.out = argv[++i];
    else if (a === "--compare") args.compare = argv[++i];
    else if (a === "--only") args.only = new Set(argv[++i].split(","));
    else throw new Error(`unknown argument ${a}: usage: output-hashes.ts [--large] [--out FILE] [--compare FILE] [--only plans,exports,stacks]`);
  }
  return args;
}

const sha = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** Runs the CLI in-process; returns stdout, throwing with stderr when the exit status is not 0. */
async function cli(argv: string[]): Promise<string> {
  let out = "";
  let err = "";
  const code = await run(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, today: () => "2026-11-30" });
  if (code !== 0) throw new Error(`dcplan ${argv.join(" ")} exited ${code}:\n${err}`);
  // Text naming files (validate's findings) names them under this checkout: the checkout's own
  // path is replaced, so that two checkouts at different paths (before and after) compare.
  return out.split(ROOT).join("<checkout>");
}

/** Hash lines of every file under `path` (a file or a directory), named relative to `base` under `label`. */
function hashTree(path: string, label: string, lines: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    lines.push(`${sha(readFileSync(path))}  ${label}`);
    return;
  }
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else lines.push(`${sha(readFileSync(p))}  ${label}/${relative(path, p)}`);
    }
  };
  walk(path);
}

/** Sample profile and progress files, when the project ships them. */
function sampleExtras(): { profile?: string; progress?: string } {
  const profile = join(ROOT, "planner", "sample", "profile.yaml");
  const progress = join(ROOT, "planner", "sample", "progress.yaml");
  return { ...(existsSync(profile) ? { profile } : {}), ...(existsSync(progress) ? { progress } : {}) };
}

async function planHashes(tmp: string, args: Args, lines: string[]): Promise<void> {
  const extras = sampleExtras();
  for (const asOf of ["2026-11-22", "2026-11-30", "2027-03-01"]) {
    const out = join(tmp, `sample-${asOf}.json`);
    await cli(["plan", "--inventory", SAMPLE, "--as-of", asOf, "--out", out]);
    hashTree(out, `plan/sample/${asOf}`, lines);
    if (extras.profile) {
      const withProfile = join(tmp, `sample-profile-${asOf}.json`);
      await cli(["plan", "--inventory", SAMPLE, "--profile", extras.profile, "--as-of", asOf, "--out", withProfile]);
      hashTree(withProfile, `plan/sample+profile/${asOf}`, lines);
    }
    // The progress file records the weekend of 2026-11-28: it can be read only from then on.
    if (extras.profile && extras.progress && asOf >= "2026-11-29") {
      const withProgress = join(tmp, `sample-progress-${asOf}.json`);
      await cli(["plan", "--inventory", SAMPLE, "--profile", extras.profile, "--progress", extras.progress, "--as-of", asOf, "--out", withProgress]);
      hashTree(withProgress, `plan/sample+profile+progress/${asOf}`, lines);
    }
  }
  // The benchmark generator's families, through the command line (YAML written, loaded, planned).
  const sizes = [500, 5000, ...(args.large ? [100_000] : [])];
  for (const servers of sizes) {
    for (const seed of servers >= 100_000 ? [1] : [1, 2, 3]) {
      const inventory = generateInventory({ seed, servers });
      const dir = join(tmp, `gen-${seed}-${servers}`);
      writeInventoryYaml(inventory, join(dir, "inv"));
      const profile = join(dir, "profile.yaml");
      writeFileSync(profile, JSON.stringify(benchProfile(inventory)));
      for (const [name, extra] of [["bench-profile", ["--profile", profile]], ["default-profile", []]] as const) {
        const out = join(dir, `${name}.json`);
        await cli(["plan", "--inventory", join(dir, "inv"), ...extra, "--as-of", "2026-11-22", "--out", out]);
        hashTree(out, `plan/generated/seed${seed}-${servers}/${name}`, lines);
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // The property tests' families planned again from a simulated merger (bench/simulate-progress.ts).
  {
    const h = createHash("sha256");
    for (const [inventory, k, seed] of fc.sample(fc.tuple(generatorOptions(300).map(generateInventory), knobs, fc.integer()), { seed: 20261130, numRuns: 40 })) {
      const input = { inventory, index: indexInventory(inventory) };
      const profile = profileFor(inventory, k);
      const simulated = simulateProgress(inventory, planMigration(input, profile, k.asOf), { waves: 3, failShare: 0.2, seed });
      if (simulated) h.update(serialisePlan(planMigration(input, profile, simulated.asOf, progressFrom(simulated.progress))));
    }
    lines.push(`${h.digest("hex")}  plan/property/realistic+progress (40 plans)`);
  }
  // The property tests' families with random profiles: one hash per family over every plan.
  const families = [
    ["realistic", fc.tuple(generatorOptions(300).map(generateInventory), knobs)],
    ["shaped", fc.tuple(shapedInventory(), knobs)],
  ] as const;
  for (const [name, arb] of families) {
    const h = createHash("sha256");
    for (const [inventory, k] of fc.sample(arb as fc.Arbitrary<[import("../inventory/schema.js").Inventory, import("../test/generators/profile-arbitrary.js").Knobs]>, { seed: 20261130, numRuns: 75 })) {
      const plan = planMigration({ inventory, index: indexInventory(inventory) }, profileFor(inventory, k), k.asOf);
      h.update(serialisePlan(plan));
    }
    lines.push(`${h.digest("hex")}  plan/property/${name} (75 plans)`);
  }
}

async function exportHashes(tmp: string, lines: string[]): Promise<void> {
  const extras = sampleExtras();
  const plan = join(tmp, "export-plan.json");
  await cli(["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--out", plan, ...(extras.profile ? ["--profile", extras.profile] : [])]);
  const e = join(tmp, "exports");
  for (const lang of ["vi", "en"]) {
    for (const [format, name] of [["html", "roadmap.html"], ["xlsx", "roadmap.xlsx"], ["md", "roadmap.md"], ["mermaid", "roadmap.mmd"], ["csv", "csv"]] as const) {
      await cli(["export", "--plan", plan, "--format", format, "--lang", lang, "--out", join(e, lang, name)]);
    }
    await cli(["export", "--plan", plan, "--format", "report", "--lang", lang, "--inventory", SAMPLE, "--out", join(e, lang, "report")]);
    await cli(["export", "--plan", plan, "--format", "report", "--lang", lang, "--period", "2026-H2", "--out", join(e, lang, "report-plan-only")]);
    for (const format of ["html", "md", "xlsx"]) await cli(["export", "--plan", plan, "--format", format, "--lang", lang, "--by-owner", "--out", join(e, lang, `by-owner-${format}`)]);
  }
  if (extras.profile && extras.progress) {
    // The sample plan made from its progress file, exported with it and with the plan before the weekend as baseline.
    const made = join(tmp, "export-plan-progress.json");
    const before = join(tmp, "export-plan-before.json");
    await cli(["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", extras.profile, "--progress", extras.progress, "--out", made]);
    await cli(["plan", "--inventory", SAMPLE, "--as-of", "2026-11-22", "--profile", extras.profile, "--out", before]);
    for (const lang of ["vi", "en"]) {
      const with_ = ["--plan", made, "--progress", extras.progress, "--lang", lang];
      await cli(["export", ...with_, "--baseline", before, "--format", "html", "--out", join(e, "progress", lang, "roadmap.html")]);
      await cli(["export", ...with_, "--format", "report", "--period", "2026-H2", "--inventory", SAMPLE, "--out", join(e, "progress", lang, "report")]);
      for (const format of ["html", "md", "xlsx"]) await cli(["export", ...with_, "--format", format, "--by-owner", "--out", join(e, "progress", lang, `by-owner-${format}`)]);
    }
    for (const format of ["text", "md", "json"]) lines.push(`${sha(await cli(["diff", before, made, "--format", format]))}  cli/diff ${format}`);
    lines.push(`${sha(await cli(["explain", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", extras.profile, "--progress", extras.progress, "web-xa-bg"]))}  cli/explain web-xa-bg --progress`);
    lines.push(`${sha(await cli(["validate", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", extras.profile, "--progress", extras.progress, "--warnings", "none"]))}  cli/validate --progress`);
  }
  hashTree(e, "export", lines);
  const text: [string, string[]][] = [
    ["validate", ["validate", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--warnings", "all"]],
    ["graph.json", ["graph", "--inventory", SAMPLE, "--format", "json"]],
    ["graph.dot", ["graph", "--inventory", SAMPLE, "--format", "dot"]],
    ["explain mot-cua-bg", ["explain", "--inventory", SAMPLE, "--as-of", "2026-11-30", "mot-cua-bg"]],
    ["explain email-bg", ["explain", "--inventory", SAMPLE, "--as-of", "2026-11-30", "email-bg"]],
  ];
  for (const [name, argv] of text) {
    try {
      lines.push(`${sha(await cli(argv))}  cli/${name}`);
    } catch (err) {
      lines.push(`${sha(String((err as Error).message))}  cli/${name} (failed)`);
    }
  }
}

async function stackHashes(tmp: string, lines: string[]): Promise<void> {
  for (const stack of ["dev", "staging", "prod"]) {
    if (!existsSync(join(ROOT, "stacks", `Pulumi.${stack}.yaml`))) continue;
    const out = join(tmp, "render", stack);
    await cli(["render", "--stack", stack, "--out", out]);
    hashTree(out, `render/${stack}`, lines);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), "dcplan-hashes-"));
  const lines: string[] = [];
  try {
    const want = (part: string): boolean => !args.only || args.only.has(part);
    if (want("plans")) await planHashes(tmp, args, lines);
    if (want("exports")) await exportHashes(tmp, lines);
    if (want("stacks")) await stackHashes(tmp, lines);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const text = `${lines.join("\n")}\n`;
  if (args.out) writeFileSync(args.out, text);
  else if (!args.compare) process.stdout.write(text);
  if (args.compare) {
    const before = new Map(readFileSync(args.compare, "utf8").trim().split("\n").map((l) => [l.slice(66), l.slice(0, 64)] as const));
    let differ = 0;
    for (const l of lines) {
      const name = l.slice(66);
      const old = before.get(name);
      if (old === undefined) process.stdout.write(`new      ${name}\n`);
      else if (old !== l.slice(0, 64)) {
        differ++;
        process.stdout.write(`CHANGED  ${name}\n`);
      }
      before.delete(name);
    }
    for (const name of before.keys()) process.stdout.write(`missing  ${name}\n`);
    process.stdout.write(`${lines.length} outputs, ${differ} changed, ${before.size} missing\n`);
    if (differ > 0 || before.size > 0) process.exitCode = 1;
  }
}

await main();
