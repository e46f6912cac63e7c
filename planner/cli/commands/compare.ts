// `dcplan compare`: the same inventory planned with several profiles, side by side. Each --profile
// is one scenario, named after its file (without the extension); every profile is read and
// checked before anything is planned, so one run reports the problems of all of them. The
// comparison (planner/export/compare.ts) is rendered as one HTML page, an XLSX workbook, Markdown
// or JSON and written atomically.
import { basename, extname } from "node:path";
import { type Finding, InputError, ProfileError, ProgressError, UsageError } from "../../../common/errors.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { loadInventory } from "../../../inventory/load.js";
import { type Comparison, compareScenarios, type Scenario } from "../../export/compare.js";
import { renderCompareHtml } from "../../export/compare-html.js";
import { renderCompareMarkdown } from "../../export/compare-md.js";
import { renderCompareXlsx } from "../../export/compare-xlsx.js";
import type { Lang } from "../../export/i18n.js";
import { planWithProfile } from "../../plan.js";
import { checkProfile, type LoadedProfile, loadProfile, type PlanningProfile } from "../../profile.js";
import { type LoadedProgress, loadProgress } from "../../progress/load.js";
import { COMPARE_FORMATS, type CommandAction } from "./index.js";

export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareOptions {
  readonly inventory: string;
  /** Profile files, one scenario each (at least two). */
  readonly profile: readonly string[];
  /** Planning day `YYYY-MM-DD` [io.today()]. */
  readonly asOf?: string;
  /** Progress file: what has happened; every scenario is planned from it (docs/progress.md). */
  readonly progress?: string;
  /** Price book: each scenario's cost, and its difference from the first. */
  readonly prices?: string;
  readonly format: CompareFormat;
  readonly lang?: Lang;
  readonly out: string;
}

/** A scenario's name: its profile file's name without the extension. */
export function scenarioName(file: string): string {
  return basename(file, extname(file));
}

/** Runs `dcplan compare`; returns the comparison written. */
export async function compareCommand(options: CompareOptions, io: Io): Promise<Comparison> {
  const lang = options.lang ?? "vi";
  const files = options.profile ?? [];
  if (files.length < 2) throw new UsageError(`compare needs at least two --profile files, one per scenario (got ${files.length})`);
  const byName = new Map<string, string[]>();
  for (const f of files) byName.set(scenarioName(f), [...(byName.get(scenarioName(f)) ?? []), f]);
  const clashes = [...byName].filter(([, fs]) => fs.length > 1);
  if (clashes.length > 0) {
    throw new UsageError(
      clashes.map(([name, fs]) => `--profile: ${fs.length} scenarios would be named "${name}" (${fs.join(", ")}); a scenario is named after its profile file without the extension: give each a different file name`).join("\n"),
    );
  }
  const asOf = options.asOf ?? io.today();
  const costing = options.prices !== undefined ? await import("../../cost/index.js") : undefined;
  const prices = costing?.loadPriceBook(options.prices!);
  const input = await loadInventory(options.inventory, { asOf, locateWarnings: false });
  // Every profile checked before any is planned: one run, every problem.
  const findings: Finding[] = [];
  const profiles: { file: string; resolved: PlanningProfile; title?: string }[] = [];
  for (const file of files) {
    try {
      const loaded: LoadedProfile = loadProfile(file);
      profiles.push({ file, resolved: checkProfile(loaded, input.index, asOf), ...(loaded.profile.title !== undefined ? { title: loaded.profile.title } : {}) });
    } catch (err) {
      if (err instanceof InputError) findings.push(...err.findings.map((f) => ({ ...f, file: f.file ?? file })));
      else throw err;
    }
  }
  const progressFindings: Finding[] = [];
  let progress: LoadedProgress | undefined;
  if (options.progress !== undefined) {
    try {
      progress = loadProgress(options.progress);
    } catch (err) {
      if (err instanceof InputError) progressFindings.push(...err.findings.map((f) => ({ ...f, file: f.file ?? options.progress })));
      else throw err;
    }
  }
  // Every problem of every file in one run; the class says which kind of file is at fault first.
  if (findings.length > 0) throw new ProfileError([...findings, ...progressFindings]);
  if (progressFindings.length > 0) throw new ProgressError(progressFindings);
  // People tell scenarios apart by their titles: two the same would read as one.
  const byTitle = new Map<string, string[]>();
  for (const p of profiles) byTitle.set(p.title ?? scenarioName(p.file), [...(byTitle.get(p.title ?? scenarioName(p.file)) ?? []), p.file]);
  const sameTitle = [...byTitle].filter(([, fs]) => fs.length > 1);
  if (sameTitle.length > 0) {
    throw new UsageError(sameTitle.map(([title, fs]) => `--profile: ${fs.length} scenarios have the title "${title}" (${fs.join(", ")}); give each profile a different title`).join("\n"));
  }
  const scenarios: Scenario[] = profiles.map(({ file, resolved, title }) => {
    const { plan } = planWithProfile(input, resolved, asOf, progress);
    if (costing && prices) plan.cost = costing.costPlan(plan, input.index, prices);
    return { name: scenarioName(file), ...(title !== undefined ? { title } : {}), profile: file, plan };
  });
  const comparison = compareScenarios(scenarios);
  let content: string | Uint8Array;
  switch (options.format) {
    case "html":
      content = renderCompareHtml(scenarios, comparison, lang);
      break;
    case "md":
      content = renderCompareMarkdown(scenarios, comparison, lang);
      break;
    case "xlsx":
      content = await renderCompareXlsx(comparison, scenarios[0].plan, lang);
      break;
    case "json":
      content = `${JSON.stringify(comparison, null, 2)}\n`;
      break;
    default:
      throw new UsageError(`--format must be one of ${COMPARE_FORMATS.join(", ")}, got "${String(options.format)}"`);
  }
  writeFileAtomic(options.out, content);
  io.stderr(`dcplan compare: ${scenarios.map((s) => `${s.name}: ${s.plan.deadline.met ? "met" : `missed (${s.plan.deadline.late.length} late)`}`).join("; ")}; wrote ${options.out}\n`);
  return comparison;
}

/** `dcplan compare` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await compareCommand(options as unknown as CompareOptions, io);
};
