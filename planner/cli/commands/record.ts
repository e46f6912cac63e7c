// `dcplan record`: appends facts to the progress file (a cutover window's done and failed systems,
// retirements, decommissioned or relocated servers) without touching the rest of it. The existing
// file is checked first, the new text is checked against the inventory, profile and as-of day
// (planner/progress/check.ts) before anything is written, and the file is replaced atomically.
// Facts already recorded exactly so are skipped: running the same command twice changes nothing.
import { existsSync, readFileSync } from "node:fs";
import { formatFinding, ProgressError, sortFindings, UsageError } from "../../../common/errors.js";
import { type Io, writeFileAtomic } from "../../../common/io.js";
import { isCalendarDate } from "../../../inventory/calendar-date.js";
import { loadInventory } from "../../../inventory/load.js";
import { prepareProfile } from "../../profile.js";
import { appendFacts, type FactsToRecord, placeAppendFinding, type SystemResult } from "../../progress/append.js";
import { loadProgress } from "../../progress/load.js";
import { checkProgressFor } from "../../progress/prepare.js";
import type { CommandAction } from "./index.js";

export interface RecordOptions {
  /** Progress file to append to (created when missing). */
  readonly progress: string;
  readonly inventory: string;
  readonly profile?: string;
  /** Day of recording `YYYY-MM-DD` [io.today()]: nothing after it can be recorded. */
  readonly asOf?: string;
  /** Cutover window `START..END` (or one day) the --done / --failed results belong to. */
  readonly window?: string;
  /** Systems moved for good in the window (each value a comma-separated list). */
  readonly done?: readonly string[];
  /** `SYSTEM:REASON` of each system that failed in the window and was rolled back. */
  readonly failed?: readonly string[];
  /** Systems switched off --on the day. */
  readonly retired?: readonly string[];
  /** Servers decommissioned --on the day. */
  readonly decommissioned?: readonly string[];
  /** Servers moved to the target site --on the day. */
  readonly relocated?: readonly string[];
  /** Day of --retired, --decommissioned and --relocated. */
  readonly on?: string;
}

/** What `record` did. */
export interface RecordOutcome {
  readonly added: readonly string[];
  readonly already: readonly string[];
  readonly written: boolean;
}

const ids = (values: readonly string[] | undefined): string[] => (values ?? []).flatMap((v) => v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0);

/** Parses `--window START..END` (or one day `START`). */
export function parseWindow(value: string): { start: string; end: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(value.trim());
  if (!m || !isCalendarDate(m[1]) || (m[2] !== undefined && !isCalendarDate(m[2]))) throw new UsageError(`--window must be START..END with real dates YYYY-MM-DD (or one day), e.g. 2026-12-05..2026-12-06, got "${value}"`);
  return { start: m[1], end: m[2] ?? m[1] };
}

/** The facts the options describe; UsageError when they are incomplete or contradict themselves. */
export function factsFromOptions(o: RecordOptions): FactsToRecord {
  const done = ids(o.done);
  const failed: SystemResult[] = (o.failed ?? []).map((f) => {
    const i = f.indexOf(":");
    const system = i < 0 ? "" : f.slice(0, i).trim();
    const reason = i < 0 ? "" : f.slice(i + 1).trim();
    if (system === "" || reason === "") throw new UsageError(`--failed takes SYSTEM:REASON, e.g. --failed "lgsp-bg:replication lag; rolled back to dc-bg", got "${f}"`);
    return { system, result: "failed", reason };
  });
  const retired = ids(o.retired);
  const decommissioned = ids(o.decommissioned);
  const relocated = ids(o.relocated);
  const results = done.length + failed.length;
  const dated = retired.length + decommissioned.length + relocated.length;
  if (results > 0 && o.window === undefined) throw new UsageError("--done and --failed need --window START..END, the cutover window they happened in");
  if (o.window !== undefined && results === 0) throw new UsageError("--window needs --done or --failed: which systems were cut over in it");
  if (dated > 0 && o.on === undefined) throw new UsageError("--retired, --decommissioned and --relocated need --on DATE");
  if (o.on !== undefined && dated === 0) throw new UsageError("--on needs --retired, --decommissioned or --relocated");
  if (results + dated === 0) throw new UsageError("nothing to record: give --window with --done/--failed, or --retired/--decommissioned/--relocated with --on");
  const on = o.on ?? "";
  return {
    ...(o.window !== undefined ? { window: parseWindow(o.window) } : {}),
    systems: [...done.map((system): SystemResult => ({ system, result: "done" })), ...failed],
    retirements: retired.map((system) => ({ system, on })),
    servers: [...decommissioned.map((server) => ({ server, decommissionedOn: on })), ...relocated.map((server) => ({ server, relocatedOn: on }))],
  };
}

/** Runs `dcplan record`; throws UsageError, InventoryError, ProfileError or ProgressError (nothing written then). */
export async function recordCommand(options: RecordOptions, io: Io): Promise<RecordOutcome> {
  const facts = factsFromOptions(options);
  const asOf = options.asOf ?? io.today();
  const loaded = await loadInventory(options.inventory, { asOf, locateWarnings: false });
  const profile = prepareProfile(options.profile, loaded.index, asOf);
  const file = options.progress;
  let before: string | undefined;
  if (existsSync(file)) {
    // The file as it is must be valid: its own problems are reported at their real places.
    checkProgressFor(loadProgress(file), loaded.index, profile, asOf);
    before = readFileSync(file, "utf8");
  }
  const appended = appendFacts(before, facts);
  if (appended.added.length === 0) {
    io.stdout(`Nothing to record in ${file}: already recorded: ${appended.already.join("; ")}\n`);
    return { added: [], already: appended.already, written: false };
  }
  let warnings;
  try {
    warnings = checkProgressFor(loadProgress(file, appended.text), loaded.index, profile, asOf).warnings;
  } catch (err) {
    if (err instanceof ProgressError) throw new ProgressError(err.findings.map((f) => placeAppendFinding(f, appended, "dcplan record")));
    throw err;
  }
  writeFileAtomic(file, appended.text);
  const lines = [`Recorded in ${file}:`, ...appended.added.map((a) => `  + ${a}`), ...appended.already.map((a) => `  = ${a} (already recorded)`)];
  if (warnings.length > 0) lines.push(`Warnings: ${warnings.length}`, ...sortFindings(warnings).map((w) => `  ${formatFinding(w)}`));
  lines.push(`Next: dcplan plan --progress ${file} … --out plan.json, then dcplan diff OLD.json plan.json`);
  io.stdout(`${lines.join("\n")}\n`);
  return { added: appended.added, already: appended.already, written: true };
}

/** `dcplan record` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  await recordCommand(options as unknown as RecordOptions, io);
};
