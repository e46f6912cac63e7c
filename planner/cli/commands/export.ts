// `dcplan export`: roadmap exports for people (HTML, XLSX, CSV, Markdown, Mermaid, the semi-annual
// report, per-agency plans). Reads and validates the plan file, renders every output in memory, and
// only then writes the files atomically, so a failure never leaves an output half-written.
import { extname, join } from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { UsageError } from "../../../common/errors.js";
import type { Inventory } from "../../../inventory/schema.js";
import { renderByOwner } from "../../export/by-owner.js";
import { renderCsv } from "../../export/csv.js";
import { renderHtml } from "../../export/html.js";
import { LANGS, type Lang } from "../../export/i18n.js";
import { renderMarkdown } from "../../export/markdown.js";
import { renderMermaid } from "../../export/mermaid.js";
import { readPlan } from "../../read-plan.js";
import { parsePeriod, periodOf, renderReport } from "../../export/report.js";
import { renderXlsx } from "../../export/xlsx.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { parseChoice } from "../options.js";

/** The formats `--format` accepts. */
export const EXPORT_FORMATS = ["html", "xlsx", "csv", "md", "mermaid", "report"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Plan JSON file written by `dcplan plan`. */
  readonly plan: string;
  /** Inventory directory (adds server model and OS, and stand-alone tags for the report). */
  readonly inventory?: string;
  readonly format: ExportFormat;
  /** Language [vi]. */
  readonly lang?: Lang;
  /** Report period `YYYY-H1|H2` [the half-year of the plan's asOf]. */
  readonly period?: string;
  /** One file per owner agency (html, xlsx or md), into the `out` directory. */
  readonly byOwner?: boolean;
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
  const period = options.period !== undefined ? parsePeriod(options.period) : undefined;

  const plan = readPlan(options.plan);
  let inventory: Inventory | undefined;
  if (options.inventory !== undefined) {
    // Imported lazily: most exports need only the plan, and loading YAML is the slow part.
    const { loadInventory } = await import("../../../inventory/load.js");
    inventory = (await loadInventory(options.inventory, { asOf: plan.asOf, locateWarnings: false })).inventory;
  }
  const input = { plan, lang, inventory };
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
        const report = await renderReport(input, period ?? periodOf(plan.asOf));
        outputs.push({ path: `${stem}.html`, content: report.html }, { path: `${stem}.xlsx`, content: report.xlsx });
        break;
      }
    }
  }
  // Everything is rendered: now write, each file atomically.
  progress?.stop();
  for (const o of outputs) writeFileAtomic(o.path, o.content);
  if (io.isTTY) io.stderr(`dcplan export: wrote ${outputs.length} file${outputs.length === 1 ? "" : "s"} (${options.format}, ${lang})${outputs.length === 1 ? `: ${outputs[0].path}` : ` under ${options.out}`}\n`);
  return outputs.map((o) => o.path);
}

/** Adds `dcplan export` to the program. */
export const addExportCommand = (program: Command, io: Io): void => {
  program
    .command("export")
    .description("roadmap exports for people: HTML roadmap, XLSX, CSV, Markdown, Mermaid, the semi-annual report, per-agency plans")
    .requiredOption("--plan <file>", "plan JSON written by `dcplan plan`")
    .option("--inventory <dir>", "inventory directory (adds server model and OS; stand-alone servers per period in the report)")
    .requiredOption("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`, parseChoice("--format", EXPORT_FORMATS))
    .option("--lang <lang>", "vi (Vietnamese) or en", parseChoice("--lang", LANGS), "vi")
    .option("--period <period>", "with --format report: half-year YYYY-H1 or YYYY-H2 [the half-year of the plan's as-of date]")
    .option("--by-owner", "one file per owner agency (with html, xlsx or md), written into the --out directory")
    .requiredOption("--out <path>", "output file; a directory for csv and --by-owner; a path stem for report (writes STEM.html and STEM.xlsx)")
    .addHelpText(
      "after",
      `
Examples:
  $ dcplan plan --inventory inventory/sample --as-of 2026-11-23 --out plan.json
  $ dcplan export --plan plan.json --format html --out roadmap.html
  $ dcplan export --plan plan.json --format xlsx --lang en --out roadmap.xlsx
  $ dcplan export --plan plan.json --format csv --out roadmap-csv/
  $ dcplan export --plan plan.json --format md --out ROADMAP.md
  $ dcplan export --plan plan.json --format mermaid --out roadmap-diagrams.md
  $ dcplan export --plan plan.json --format report --period 2026-H2 --inventory inventory/sample --out bao-cao-2026-H2
  $ dcplan export --plan plan.json --format html --by-owner --out theo-co-quan/`,
    )
    .action(async (opts: ExportOptions) => {
      await exportCommand(opts, io);
    });
};
