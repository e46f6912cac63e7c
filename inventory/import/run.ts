// `dcplan import` end to end: read the mapping and the sources, merge into the inventory's files,
// check the result with the inventory loader (in a scratch copy: nothing is written if it does not
// validate), print the diff and a summary, then write every changed file — all temporary files
// first, then the renames, so a failure never leaves an inventory half-imported.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { type Finding, ImportError, InternalError, InventoryError, UsageError } from "../../common/errors.js";
import type { Io } from "../../common/io.js";
import { loadInventorySync } from "../load.js";
import { makeContext, pushTo, type ImportContext } from "./assemble.js";
import { readCsvSources } from "./csv-sources.js";
import { diffWithQuiet } from "./line-diff.js";
import { readMapping } from "./mapping.js";
import { type MergePlan, planMerge } from "./merge.js";
import { readNetbox } from "./netbox.js";
import { readRvtools } from "./rvtools.js";
import { scanInventory } from "./scan.js";
import { emptyBatch, type ImportBatch, joinBatches, SOURCE_KEY, type SourceKind } from "./types.js";
import { readWorkbook } from "./workbook.js";

/** Options of `dcplan import`. */
export interface ImportOptions {
  readonly from: SourceKind;
  readonly files: readonly string[];
  /** Default site of what is imported. */
  readonly site: string;
  readonly map?: string;
  /** Directory of the import's own files. */
  readonly out: string;
  /** The inventory the import belongs to [the --out directory]. */
  readonly inventory?: string;
  /** Print the diff and the summary only [false]. */
  readonly dryRun?: boolean;
  /** Also print the whole content of new files in the diff [false: new files are summarised]. */
  readonly fullDiff?: boolean;
  /** List every note (unmapped VMs…) [false: the first NOTES_SHOWN of each kind]. */
  readonly listAll?: boolean;
}

/** Notes of each kind listed without --list-all. */
export const NOTES_SHOWN = 10;

/** What an import did (or would do, with --dry-run). */
export interface ImportResult {
  readonly batch: ImportBatch;
  readonly plan: MergePlan;
  readonly written: boolean;
}

/** Reads every source file of one kind into one batch. */
export async function readSources(from: SourceKind, files: readonly string[], ctx: ImportContext): Promise<ImportBatch> {
  switch (from) {
    case "rvtools": {
      const batches: ImportBatch[] = [];
      for (const f of files) batches.push(await readRvtools(f, ctx));
      return joinBatches("rvtools", batches);
    }
    case "netbox":
      return readNetbox(files, ctx);
    case "csv":
      return readCsvSources(files, ctx);
    case "workbook": {
      const batches: ImportBatch[] = [];
      for (const f of files) batches.push(await readWorkbook(f, ctx));
      return joinBatches("workbook", batches);
    }
    default:
      return emptyBatch(from);
  }
}

/** Runs an import (see file header); throws ImportError / InventoryError / UsageError on bad input. */
export async function runImport(opts: ImportOptions, io: Io): Promise<ImportResult> {
  if (opts.files.length === 0) throw new UsageError("import: give at least one source file");
  const inventoryDir = opts.inventory ?? opts.out;
  const { mapping, findings: mapFindings } = readMapping(opts.map);
  if (mapFindings.length > 0) throw new ImportError(mapFindings, "mapping");
  const scan = scanInventory(inventoryDir, existsSync(opts.out) && resolve(opts.out) !== resolve(inventoryDir) ? scanInventory(opts.out).files : []);
  const ctx = makeContext(opts.site, mapping, scan, opts.map);
  const batch = await readSources(opts.from, opts.files, ctx);
  const errors = batch.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) throw new ImportError(errors);
  const knownSite = scan.byId.get(opts.site)?.collection === "sites" || batch.sites.some((s) => s.entity.id === opts.site);
  if (!knownSite) throw new UsageError(`--site ${opts.site}: no such site in the inventory ${inventoryDir} (its sites: ${[...scan.byId.values()].filter((e) => e.collection === "sites").map((e) => e.id).join(", ") || "none"})`);

  const plan = planMerge({ batch, scan, outDir: opts.out, site: opts.site, mapping, read: (p) => (existsSync(p) ? readFileSync(p, "utf8") : undefined) });
  if (plan.findings.length > 0) throw new ImportError(plan.findings);
  validateAfter(inventoryDir, opts.out, plan);

  io.stdout(renderReport(opts, batch, plan));
  if (!opts.dryRun && plan.changes.length > 0) writeAll(plan.changes.map((c) => ({ path: c.path, text: c.after })));
  return { batch, plan, written: !opts.dryRun && plan.changes.length > 0 };
}

/**
 * Loads the inventory as it would be after the import (a scratch copy with the changed files) and
 * throws its findings, with the real paths, when it does not validate.
 */
function validateAfter(inventoryDir: string, outDir: string, plan: MergePlan): void {
  const scratch = mkdtempSync(join(tmpdir(), "dcplan-import-"));
  const real = resolve(inventoryDir);
  const outReal = resolve(outDir);
  const inside = (p: string) => p === real || p.startsWith(real + sep);
  const scratchPath = (p: string): string => {
    const abs = resolve(p);
    return inside(abs) ? join(scratch, "inventory", relative(real, abs)) : join(scratch, "out", relative(outReal, abs));
  };
  const back = new Map<string, string>();
  try {
    const files = existsSync(real) ? scanInventory(real).files : [];
    const outFiles = existsSync(outReal) && !inside(outReal) ? scanInventory(outReal).files : [];
    for (const f of [...files, ...outFiles]) {
      const target = scratchPath(f);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(f, target);
      back.set(target, f);
    }
    for (const c of plan.changes) {
      const target = scratchPath(c.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, c.after);
      back.set(target, c.path);
    }
    try {
      loadInventorySync(scratch, { locateWarnings: false });
    } catch (err) {
      if (err instanceof InventoryError) {
        const mapped: Finding[] = err.findings.map((f) => ({ ...f, file: f.file !== undefined ? (back.get(f.file) ?? f.file.replace(scratch, "(inventory)")) : f.file }));
        throw new InventoryError(mapped);
      }
      throw err;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The text printed before writing: the diff of every changed file, then the summary. */
export function renderReport(opts: Pick<ImportOptions, "from" | "dryRun" | "fullDiff" | "listAll">, batch: ImportBatch, plan: MergePlan): string {
  const out: string[] = [];
  let quieted = 0;
  const sourceComment = (a: string, b: string) => /^\s*# source: /.test(a) && /^\s*# source: /.test(b) && a.replace(/# .*/, "") === b.replace(/# .*/, "");
  for (const c of plan.changes) {
    if (c.before === undefined && !opts.fullDiff) {
      const lines = c.after.split("\n").length - 1;
      const added = plan.added.filter((a) => a.file === c.path);
      const counts = (["sites", "agencies", "servers", "systems", "externals"] as const).map((k) => [k, added.filter((a) => a.collection === k).length] as const).filter(([, n]) => n > 0);
      out.push(`--- /dev/null\n+++ b/${c.path}\n@@ new file, ${lines} lines: ${counts.map(([k, n]) => `${n} ${k}`).join(", ")} (--full-diff shows them) @@\n`);
    } else {
      const d = diffWithQuiet(c.path, c.before, c.after, sourceComment);
      out.push(d.text);
      quieted += d.quieted;
    }
  }
  const s: string[] = [];
  const verb = opts.dryRun ? "would write" : "writes";
  s.push(`import --from ${opts.from}: ${batch.servers.length} servers, ${batch.systems.length} systems, ${batch.dependencies.length} dependency rows read; ${plan.added.length} entities new, ${plan.updated.filter((u) => u.fields.some((f) => f !== SOURCE_KEY)).length} servers with changed facts; ${verb} ${plan.changes.length} file${plan.changes.length === 1 ? "" : "s"}${opts.dryRun ? " (dry run: nothing written)" : ""}`);
  if (quieted > 0) s.push(`${quieted} "source:" comment${quieted === 1 ? "" : "s"} updated (the entities moved to other rows of the source; not shown above)`);
  const groups = new Map<string, string[]>();
  for (const n of [...batch.notes, ...plan.notes]) pushTo(groups, n.kind, n.message);
  for (const [kind, messages] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    s.push(`${NOTE_TITLES[kind] ?? kind} (${messages.length}):`);
    const shown = opts.listAll ? messages : messages.slice(0, NOTES_SHOWN);
    for (const m of shown) s.push(`  ${m}`);
    if (shown.length < messages.length) s.push(`  … and ${messages.length - shown.length} more (--list-all lists them)`);
  }
  if (plan.vanished.length > 0) {
    s.push(`vanished from the source (${plan.vanished.length}; kept in the inventory — remove them by hand once they are really gone):`);
    const shown = opts.listAll ? plan.vanished : plan.vanished.slice(0, NOTES_SHOWN);
    for (const v of shown) s.push(`  ${v.id}${v.name !== undefined && v.name !== v.id ? ` (${v.name})` : ""} in ${v.file}`);
    if (shown.length < plan.vanished.length) s.push(`  … and ${plan.vanished.length - shown.length} more (--list-all lists them)`);
  }
  return `${out.join("")}${s.join("\n")}\n`;
}

const NOTE_TITLES: Record<string, string> = {
  "unmapped-vm": "VMs in no system (imported; add a system rule to the mapping or list them in a system)",
  "powered-off": "VMs not powered on (imported)",
  template: "templates left out",
  "srm-placeholder": "SRM placeholders left out",
  "unresolved-dependency": "dependency rows not imported",
  "skipped-device": "NetBox devices left out",
  "skipped-vm": "NetBox VMs left out",
  "defined-elsewhere": "already in the inventory",
  "decision-kept": "decisions the inventory already records differently (kept)",
};

/** Writes files all-or-nothing as far as the file system allows: every temporary file, then every rename. */
export function writeAll(files: readonly { path: string; text: string | Uint8Array }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      writeFileSync(tmp, f.text);
      temps.push({ tmp, path: f.path });
    }
  } catch (err) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw new InternalError(`cannot write the import: ${(err as Error).message}`, { cause: err });
  }
  for (const t of temps) renameSync(t.tmp, t.path);
}
