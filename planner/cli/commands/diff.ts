// `dcplan diff OLD.json NEW.json`: the difference between two plans (planner/diff.ts) as text,
// Markdown (for the pull request that updates the plan) or JSON; to standard output or --out.
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { diffJson, diffMarkdown, diffPlans, diffText, type PlanDiff } from "../../diff.js";
import { readPlan } from "../../read-plan.js";
import { type CommandAction, DIFF_FORMATS } from "./index.js";

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

/** `dcplan diff OLD NEW` (declared in index.ts). */
export const action: CommandAction = async ({ options, args, io }) => {
  await diffCommand(String(args[0]), String(args[1]), options as DiffOptions, io);
};
