// `dcplan diff OLD.json NEW.json`: the difference between two plans (planner/diff.ts) as text,
// Markdown (for the pull request that updates the plan) or JSON; to standard output or --out.
import type { Command } from "commander";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { diffJson, diffMarkdown, diffPlans, diffText, type PlanDiff } from "../../diff.js";
import { readPlan } from "../../read-plan.js";
import { parseChoice } from "../options.js";

/** The formats `--format` accepts. */
export const DIFF_FORMATS = ["text", "md", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
  readonly format?: DiffFormat;
  readonly out?: string;
}

/** Runs `dcplan diff`; throws PlanFileError when either file is not a valid plan. */
export async function diffCommand(oldFile: string, newFile: string, options: DiffOptions, io: Io): Promise<PlanDiff> {
  const before = readPlan(oldFile);
  const after = readPlan(newFile);
  const d = diffPlans(before, after);
  const format = options.format ?? "text";
  const text = format === "json" ? diffJson(d) : format === "md" ? diffMarkdown(d) : diffText(d);
  if (options.out !== undefined) writeFileAtomic(options.out, text);
  else io.stdout(text);
  return d;
}

/** Adds `dcplan diff` to the program. */
export const addDiffCommand = (program: Command, io: Io): void => {
  program
    .command("diff")
    .description("what changed between two plans: systems that changed wave, disposition, date or status, servers whose decommission moved, the deadline verdict before and after")
    .argument("<old>", "the plan before (JSON written by `dcplan plan`)")
    .argument("<new>", "the plan after")
    .option("--format <format>", `one of ${DIFF_FORMATS.join(", ")}`, parseChoice("--format", DIFF_FORMATS), "text")
    .option("--out <file>", "write here (atomically) instead of standard output")
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan diff plan-2026-11-22.json plan.json
  $ dcplan diff plan-2026-11-22.json plan.json --format md > pr-body.md`,
    )
    .action(async (oldFile: string, newFile: string, opts: DiffOptions) => {
      await diffCommand(oldFile, newFile, opts, io);
    });
};
