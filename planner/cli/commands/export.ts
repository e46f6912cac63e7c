// `dcplan export`: roadmap exports for people (HTML, XLSX, CSV, Markdown, Mermaid, the semi-annual
// report, per-agency plans). Reads and validates the plan file, renders every output in memory, and
// only then writes the files atomically, so a failure never leaves an output half-written.
import { statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import cliProgress from "cli-progress";
import { collectGarbage } from "../../../common/collect-garbage.js";
import { ProgressError, UsageError } from "../../../common/errors.js";
import type { Inventory } from "../../../inventory/schema.js";
import { renderByOwner } from "../../export/by-owner.js";
import { renderCsv } from "../../export/csv.js";
import { renderHtml } from "../../export/html.js";
import { LANGS, type Lang } from "../../export/i18n.js";
import { renderMarkdown } from "../../export/markdown.js";
import { renderMermaid } from "../../export/mermaid.js";
import type { Plan } from "../../plan-schema.js";
import { readPlan } from "../../read-plan.js";
import { parsePeriod, periodOf, renderReport } from "../../export/report.js";
import { readRows } from "../../export/report-rows.js";
import { renderXlsx } from "../../export/xlsx.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { cliText } from "../messages/index.js";
import { type CommandAction, EXPORT_FORMATS } from "./index.js";

/** Plan files at least this large (together with the baseline) are followed by a full garbage collection before rendering (common/collect-garbage.ts): about 4,000 systems. */
const LARGE_PLAN_BYTES = 32 * 2 ** 20;

/** The formats `--format` accepts (declared with the command in index.ts). */
export { EXPORT_FORMATS };
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Plan JSON file written by `dcplan plan`. */
  readonly plan: string;
  /** Inventory directory (adds server model and OS, and stand-alone tags for the report). */
  readonly inventory?: string;
  readonly format: ExportFormat;
  /** Language [vi]. */
  readonly lang?: Lang;
  /** Report period `YYYY` (a year) or `YYYY-H1|H2` (a half-year) [the half-year of the plan's asOf]. */
  readonly period?: string;
  /** Indicator rows of the report (JSON, like planner/export/appendix-01.json) [the bundled rows]. */
  readonly indicators?: string;
  /** One file per owner agency (html, xlsx or md), into the `out` directory. */
  readonly byOwner?: boolean;
  /** Progress file the plan was made from: checked to be exactly the plan's facts (what the exports call done). */
  readonly progress?: string;
  /** The original plan JSON, drawn against the recorded progress in the HTML roadmap. */
  readonly baseline?: string;
  /** Output file (html, xlsx, md, mermaid), directory (csv, --by-owner) or path stem (report). */
  readonly out: string;
}

/** A file to write: full path and content. */
interface Output {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Runs `dcplan export`; returns the paths written, in order. */
export async function exportCommand(options: ExportOptions, io: Io): Promise<string[]> {
  const lang = options.lang ?? "vi";
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(", ")}, got "${lang}"`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}, got "${options.format}"`);
  }
  if (options.byOwner && !["html", "xlsx", "md"].includes(options.format)) {
    throw new UsageError(`--by-owner works with --format html, xlsx or md, not ${options.format}`);
  }
  if (options.period !== undefined && options.format !== "report") throw new UsageError("--period is only meaningful with --format report");
  if (options.indicators !== undefined && options.format !== "report") throw new UsageError("--indicators is only meaningful with --format report");
  const period = options.period !== undefined ? parsePeriod(options.period) : undefined;

  const plan = readPlan(options.plan);
  const rows = options.indicators !== undefined ? readRows(options.indicators) : undefined;
  let inventory: Inventory | undefined;
  if (options.inventory !== undefined) {
    // Imported lazily: most exports need only the plan, and loading YAML is the slow part.
    const { loadInventory } = await import("../../../inventory/load.js");
    inventory = (await loadInventory(options.inventory, { asOf: plan.asOf, locateWarnings: false })).inventory;
  }
  if (options.progress !== undefined) await checkPlanFacts(plan, options.plan, options.progress);
  const baseline = options.baseline !== undefined ? readPlan(options.baseline) : undefined;
  // What reading a large plan left behind (its bytes and its text) goes before rendering allocates.
  if ([options.plan, options.baseline].reduce((n, f) => n + (f === undefined ? 0 : statSync(f).size), 0) >= LARGE_PLAN_BYTES) collectGarbage();
  const input = { plan, lang, inventory, ...(baseline ? { baseline } : {}) };
  const progress = io.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: "dcplan export {bar} {value}/{total} {file}" }, cliProgress.Presets.shades_classic) : undefined;

  const outputs: Output[] = [];
  if (options.byOwner) {
    const files = await renderByOwner(input, options.format as "html" | "xlsx" | "md", (done, total, name) => {
      if (done === 0) progress?.start(total, 0, { file: "" });
      progress?.update(done, { file: name });
    });
    outputs.push(...files.map((f) => ({ path: join(options.out, f.name), content: f.content })));
  } else {
    switch (options.format) {
      case "html":
        outputs.push({ path: options.out, content: renderHtml(input) });
        break;
      case "xlsx":
        outputs.push({ path: options.out, content: await renderXlsx(input) });
        break;
      case "csv":
        outputs.push(...renderCsv(input).map((f) => ({ path: join(options.out, f.name), content: f.content })));
        break;
      case "md":
        outputs.push({ path: options.out, content: renderMarkdown(input) });
        break;
      case "mermaid":
        outputs.push({ path: options.out, content: renderMermaid(plan, lang) });
        break;
      case "report": {
        const stem = [".html", ".xlsx"].includes(extname(options.out).toLowerCase()) ? options.out.slice(0, -extname(options.out).length) : options.out;
        const p = period ?? periodOf(plan.asOf);
        const report = await renderReport(input, p, rows);
        outputs.push({ path: `${stem}.html`, content: report.html }, { path: `${stem}.xlsx`, content: report.xlsx });
        break;
      }
    }
  }
  // Everything is rendered: now write, each file atomically, and say what was written (one line per file).
  progress?.stop();
  for (const o of outputs) writeFileAtomic(o.path, o.content);
  io.stdout(wroteText(options, outputs.map((o) => o.path), lang));
  return outputs.map((o) => o.path);
}

/** What `export` says it wrote, in `lang`: the file (or the directory and its files, one a line), what it holds and its language. */
export function wroteText(options: Pick<ExportOptions, "format" | "byOwner" | "out">, paths: readonly string[], lang: Lang): string {
  const language = cliText(lang, `export.language.${lang}`);
  if (options.byOwner || options.format === "csv") {
    const what = options.byOwner ? cliText(lang, "export.what.byOwner", { format: cliText(lang, `export.format.${options.format as "html" | "xlsx" | "md"}`) }) : cliText(lang, "export.what.csv");
    const files = paths.map((p) => `  ${relative(options.out, p)}\n`).join("");
    return `${cliText(lang, "export.wroteMany", { count: paths.length, dir: options.out, what, language })}\n${files}`;
  }
  if (options.format === "report") return `${cliText(lang, "export.wroteReport", { html: paths[0], xlsx: paths[1], what: cliText(lang, "export.what.report"), language })}\n`;
  return `${cliText(lang, "export.wroteOne", { path: paths[0], what: cliText(lang, `export.what.${options.format}`), language })}\n`;
}

/** `dcplan export` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await exportCommand(options as unknown as ExportOptions, io);
};

/**
 * Throws ProgressError unless the progress file's facts are exactly those the plan carries: what
 * the exports call done must come from this file (re-plan with `dcplan plan --progress` after
 * recording).
 */
async function checkPlanFacts(plan: Plan, planFile: string, file: string): Promise<void> {
  const [{ loadProgress }, { factsOf }, { sameFacts }] = await Promise.all([import("../../progress/load.js"), import("../../progress/facts.js"), import("../../export/recorded.js")]);
  const loaded = loadProgress(file);
  if (loaded.findings.length > 0) throw new ProgressError(loaded.findings);
  if (!sameFacts(plan, factsOf(loaded.entries))) {
    throw new ProgressError([{ severity: "error", rule: "plan-not-from-progress", file, message: `the plan ${planFile} was not made from this progress file (its done waves, retirements or server facts differ): run dcplan plan --progress ${file} again, then export` }]);
  }
}
