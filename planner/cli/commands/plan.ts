// `dcplan plan`: inventory + profile → plan JSON (contract: docs/plan.md). Reads its inputs, calls
// the pure planner, and then:
//   - standard output piped (a script, `| jq`): the plan JSON on standard output, byte for byte
//     what it always was, and a one-line summary on standard error;
//   - --out FILE: the JSON written atomically to FILE (standard output stays empty unless it is a
//     terminal or --json asks for the JSON there too);
//   - standard output a terminal (a person): no 300 KB of JSON but what a person reads — the
//     verdict on the deadline first, a short table of the waves, where the plan went and what to
//     open next (terminalSummary), in the run's language; --json prints the JSON instead.
// With --prices the plan is costed (planner/cost/, docs/cost.md) and carries `cost`. When the
// deadline is missed, the plan carries `deadline.options` (planner/options/, docs/options.md): the
// changes of the profile that would meet it, each confirmed by re-planning, listed briefly after the
// summary.
import { fstatSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadInventory } from "../../../inventory/load.js";
import { formatDate, formatNumber, type Lang } from "../../export/i18n.js";
import { text } from "../../export/tables.js";
import type { Cost, Plan } from "../../plan-schema.js";
import { type BackgroundTranslations, inventoryNames, streamTranslations } from "../../background-translations.js";
import { planTranslations } from "../../messages.js";
import { type DetailedPlan, planJsonPiecesWith, planWithProfile } from "../../plan.js";
import { checkProfile, type LoadedProfile, loadProfile } from "../../profile.js";
import { loadProgress } from "../../progress/load.js";
import { type Io, type Piece, WholeFile, wholeFileBytes, writeFileAtomicOverlapped } from "../../../common/io.js";
import { type CliKey, cliText, type Params } from "../messages/index.js";
import { textTable } from "../text-table.js";
import type { CommandAction } from "./index.js";

export interface PlanOptions {
  readonly inventory: string;
  readonly profile?: string;
  /** Planning day `YYYY-MM-DD` [io.today()]. */
  readonly asOf?: string;
  /** Progress file: what has happened (cutovers done and failed, retirements, server facts). */
  readonly progress?: string;
  readonly out?: string;
  /** Print the plan JSON on standard output even when it is a terminal [false]. */
  readonly json?: boolean;
  /** Price book (YAML): cost the plan in đồng (docs/cost.md). */
  readonly prices?: string;
  /** Language of the summaries [en]. */
  readonly lang?: Lang;
  /** Re-plans the search for deadline options may make [scaled to the inventory; 0: no search]. */
  readonly optionsBudget?: number;
}

/** Waves listed in full on a terminal; longer plans show the first WAVES_SHOWN − 2 and a line for the rest. */
export const WAVES_SHOWN = 12;

/** One line for standard error: waves, bound, deadline truth (in `lang` [en]). */
export function planSummaryLine(plan: Plan, lang: Lang = "en"): string {
  const t = (key: CliKey, params: Params = {}): string => cliText(lang, key, params);
  const d = plan.deadline;
  const day = (iso: string): string => (lang === "en" ? iso : formatDate(iso, lang));
  const truth = d.met
    ? t("plan.summaryMet")
    : d.projectedCompletion
      ? t("plan.summaryMissed", { late: d.late.length, done: day(d.projectedCompletion) })
      : t("plan.summaryMissedUnscheduled", { late: d.late.length, unscheduled: plan.unscheduled.length });
  const done = doneWaves(plan);
  return t("plan.summaryLine", {
    site: lang === "en" ? plan.targetSite : siteName(plan, plan.targetSite),
    waves: plan.waves.length,
    done: done > 0 ? t("plan.summaryDone", { done }) : "",
    bound: plan.lowerBound.waves,
    deadline: day(d.date),
    truth,
    violations: plan.violations.length,
  });
}

/** One line for standard error on a costed plan: capex, opex, savings and net over the years costed, payback (in `lang` [en]). */
export function costSummaryLine(cost: Cost, lang: Lang = "en"): string {
  const n = (x: number): string => (lang === "en" ? `${x < 0 ? "-" : ""}${String(Math.abs(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}` : formatNumber(x, lang));
  const t = cost.total;
  return cliText(lang, "plan.costLine", {
    from: String(cost.byYear[0].year),
    to: String(cost.byYear[cost.byYear.length - 1].year),
    capex: n(t.capex),
    opex: n(t.opex),
    savings: n(t.savings),
    net: n(t.net),
    payback: cost.paybackDate ? cliText(lang, "plan.costPaysBack", { date: lang === "en" ? cost.paybackDate : formatDate(cost.paybackDate, lang) }) : cliText(lang, "plan.costNoPayback"),
    perYear: n(t.savingsPerYear),
  });
}

/** What the terminal summary says about where the plan went and how to go on. */
export interface SummaryContext {
  /** The file the plan was written to; undefined when it was not written. */
  readonly out?: string;
  /** Size of the plan JSON, bytes. */
  readonly bytes: number;
  /** The options that chose the inputs, as typed (`--inventory DIR`, `--profile FILE`, `--as-of DATE`…), repeated in the commands suggested next. */
  readonly inputs: readonly string[];
}

/**
 * The summary a person reads on a terminal, in `lang`: the verdict on the deadline first (and, when
 * it is missed, which systems are late and why), the plan's shape, its cost, a short table of the
 * waves, where the plan was written and the commands to run next.
 */
export function terminalSummary(plan: Plan, lang: Lang, context: SummaryContext): string {
  const t = (key: CliKey, params: Params = {}): string => cliText(lang, key, params);
  const day = (iso: string): string => formatDate(iso, lang);
  const d = plan.deadline;
  const nameOf = new Map(plan.systems.map((s) => [s.id, s.name]));
  const out: string[] = [];
  const lastEnd = plan.waves.length > 0 ? plan.waves[plan.waves.length - 1].end : undefined;
  if (d.met) out.push(lastEnd === undefined ? t("plan.verdictMetNothing", { deadline: day(d.date) }) : t("plan.verdictMet", { deadline: day(d.date), done: day(d.projectedCompletion ?? lastEnd) }));
  else if (d.projectedCompletion) out.push(t("plan.verdictMissed", { deadline: day(d.date), done: day(d.projectedCompletion), late: d.late.length }));
  else out.push(t("plan.verdictMissedUnscheduled", { deadline: day(d.date), unscheduled: plan.unscheduled.length, late: d.late.length }));
  if (!d.met) {
    const shown = d.late.slice(0, 5).map((id) => nameOf.get(id) ?? id);
    const more = d.late.length - shown.length;
    out.push(`  ${t("plan.lateSystems", { systems: `${shown.join("; ")}${more > 0 ? `; ${t("plan.andMore", { count: more })}` : ""}` })}`);
    for (const link of d.criticalChain.slice(0, 3)) out.push(`  ${t("plan.because", { cause: text(plan, lang, link.message) })}`);
  }
  out.push("");
  const moving = plan.systems.filter((s) => s.wave !== undefined).length;
  out.push(t("plan.shape", { site: siteName(plan, plan.targetSite), waves: plan.waves.length, bound: plan.lowerBound.waves, moving, violations: plan.violations.length }));
  const done = doneWaves(plan);
  if (done > 0) out.push(t("plan.doneWaves", { done }));
  if (plan.cost) {
    const c = plan.cost.total;
    const money = (x: number): string => formatNumber(x, lang);
    out.push(
      t("plan.cost", {
        from: String(plan.cost.byYear[0].year),
        to: String(plan.cost.byYear[plan.cost.byYear.length - 1].year),
        capex: money(c.capex),
        opex: money(c.opex),
        savings: money(c.savings),
        net: money(c.net),
        payback: plan.cost.paybackDate ? t("plan.paysBack", { date: day(plan.cost.paybackDate) }) : t("plan.noPayback"),
      }),
    );
  }
  if (plan.waves.length > 0) {
    out.push("");
    const listed = plan.waves.length <= WAVES_SHOWN ? plan.waves : plan.waves.slice(0, WAVES_SHOWN - 2);
    const rows = listed.map((w) => [
      String(w.number),
      day(w.start),
      day(w.end),
      String(w.systems.length),
      formatNumber(w.dataGiB, lang),
      [waveStatus(w) === "done" ? t("plan.waveDone") : "", w.end > d.date ? t("plan.waveLate") : ""].filter(Boolean).join(", "),
    ]);
    out.push(...textTable([t("plan.wave"), t("plan.from"), t("plan.to"), t("plan.systems"), t("plan.dataGiB"), t("plan.note")], rows, [1, 2, 5]).map((l) => l.replace(/\s+$/, "")));
    if (listed.length < plan.waves.length) {
      const last = plan.waves[plan.waves.length - 1];
      out.push(`  ${t("plan.moreWaves", { count: plan.waves.length - listed.length, from: day(last.start), to: day(last.end) })}`);
    }
  }
  out.push("");
  const inputs = context.inputs.join(" ");
  const cmd = (...parts: string[]): string => ["dcplan", ...parts].filter((p) => p !== "").join(" ");
  const next: [string, string][] = [];
  if (context.out !== undefined) {
    out.push(t("plan.wrote", { path: context.out, size: Math.max(1, Math.round(context.bytes / 1024)) }));
    next.push([cmd("export", "--plan", context.out, "--format", "html", "--out", "roadmap.html"), t("plan.nextHtml")]);
    next.push([cmd("export", "--plan", context.out, "--format", "xlsx", "--out", "roadmap.xlsx"), t("plan.nextXlsx")]);
  } else {
    out.push(t("plan.notWritten"));
    next.push([cmd("plan", inputs, "--out", "plan.json"), t("plan.nextOut")]);
  }
  const late = d.late[0];
  if (late !== undefined) next.push([cmd("explain", inputs, late), t("plan.nextExplain", { name: nameOf.get(late) ?? late })]);
  else if (plan.systems.length > 0) next.push([cmd("explain", inputs, plan.systems[0].id), t("plan.nextExplainAny")]);
  out.push(t("plan.next"));
  const width = Math.max(...next.map(([c]) => c.length));
  for (const [c, why] of next) out.push(`  ${c.padEnd(width)}   ${why}`);
  return `${out.join("\n")}\n`;
}

/** A site's name in the plan (its id when the plan has no name for it). */
function siteName(plan: Plan, id: string): string {
  return plan.sites.find((s) => s.id === id)?.name ?? id;
}

/** A wave's status when the plan records one (plans made with a progress file); "planned" otherwise. */
function waveStatus(wave: Plan["waves"][number]): string {
  return (wave as { status?: string }).status ?? "planned";
}

function doneWaves(plan: Plan): number {
  return plan.waves.filter((w) => waveStatus(w) === "done").length;
}

/** The input options of a run as typed, for the commands suggested next (the sample inventory, the default, is left out). */
function inputOptions(options: PlanOptions, defaultInventory: string | undefined): string[] {
  const out: string[] = [];
  if (options.inventory !== defaultInventory) out.push("--inventory", options.inventory);
  if (options.profile !== undefined) out.push("--profile", options.profile);
  if (options.asOf !== undefined) out.push("--as-of", options.asOf);
  return out.map(shellWord);
}

/** A word as a POSIX shell reads it back: quoted when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** A plan made, with what writing it needs. */
interface Made {
  readonly plan: Plan;
  /** The options' lines, when the search ran: by name for a person at a terminal, else as the summary line. */
  readonly optionLines: (byName: boolean) => string[];
  /** The plan's translations being made on a second thread (its `translations` member reads them), when they are. */
  readonly translations?: BackgroundTranslations;
}

/**
 * Loads the inputs and plans (costed, with deadline options when the search runs). A function of
 * its own so that the inventory, the scheduler's state and the message log are garbage once it
 * returns: the plan alone is written. With `background` (the directory the plan is written to), and
 * no options search, the translations are made on a second thread while the plan is written
 * (background-translations.ts).
 */
async function makePlan(options: PlanOptions, io: Io, background: string | undefined): Promise<Made> {
  const asOf = options.asOf ?? io.today();
  const lang = options.lang ?? "en";
  // Imported only when asked for: most plans are not costed.
  const costing = options.prices !== undefined ? await import("../../cost/index.js") : undefined;
  const book = costing?.loadPriceBook(options.prices!);
  // The plan shows no inventory warnings (`dcplan validate` does): not checked here.
  const loaded = await loadInventory(options.inventory, { asOf, locateWarnings: false, warnings: false });
  const asRead: LoadedProfile = options.profile === undefined ? { profile: {} } : loadProfile(options.profile);
  const progress = options.progress !== undefined ? loadProgress(options.progress) : undefined;
  // The translations are made on a second thread as the sentences are said, when the plan goes to a file.
  const stream = background === undefined ? undefined : streamTranslations(() => inventoryNames(loaded.index), background);
  let detailed: DetailedPlan;
  try {
    detailed = planWithProfile(loaded, checkProfile(asRead, loaded.index, asOf), asOf, progress, { deferTranslations: true, ...(stream ? { log: stream.log, onGroups: (groups) => stream.groups(groups) } : {}) });
  } catch (err) {
    stream?.close();
    throw err;
  }
  const { plan } = detailed;
  const search = !plan.deadline.met && options.optionsBudget !== 0;
  // The options add their sentences to the translations: those are made here first when they run.
  if (search) stream?.close();
  const translations = search ? undefined : stream?.finish(plan);
  if (translations) {
    // Written from the worker's text (planCommand); made here only if something reads them.
    Object.defineProperty(plan, "translations", {
      configurable: true,
      enumerable: true,
      get: () => translations.value(),
      set: (value: Plan["translations"]) => Object.defineProperty(plan, "translations", { value, writable: true, enumerable: true, configurable: true }),
    });
  } else plan.translations = planTranslations(plan, detailed.messages);
  if (costing && book) plan.cost = costing.costPlan(plan, loaded.index, book);
  if (!search) return { plan, optionLines: () => [], ...(translations ? { translations } : {}) };
  // Imported only when the deadline is missed.
  const opts = await import("../../options/index.js");
  opts.attachOptions(plan, opts.deadlineOptions({ planner: loaded, profile: asRead.profile, asOf, ...(progress ? { progress } : {}) }, detailed, { ...(options.optionsBudget !== undefined ? { budget: options.optionsBudget } : {}), ...(book ? { prices: book } : {}) }));
  return { plan, optionLines: (byName) => opts.optionsSummaryLines(plan, lang, byName) };
}

/** Runs `dcplan plan`; returns the plan. Throws InventoryError / ProfileError / PriceBookError on bad input. */
export async function planCommand(options: PlanOptions, io: Io, defaultInventory?: string): Promise<Plan> {
  const lang = options.lang ?? "en";
  const person = io.stdoutIsTTY === true && options.json !== true;
  // Translations made on a second thread go into the file (as bytes): not for standard output, nor
  // for a person's summary, which reads them.
  const toFileOnly = !person && options.out !== undefined && options.json !== true;
  const { plan, optionLines, translations } = await makePlan(options, io, toFileOnly ? dirname(resolve(options.out!)) : undefined);
  try {
    // In pieces: a 20k-system plan is ≈ 160 MB of JSON, never held as one string.
    let bytes = 0;
    // Bytes are counted only for the person's summary (it says how large the file is).
    const counted = function* (gathered: boolean): Generator<Piece> {
      for (const piece of planJsonPiecesWith(plan, translations ? () => translations.pieces() : undefined, gathered)) {
        translations?.poll();
        if (person) bytes += typeof piece === "string" ? Buffer.byteLength(piece, "utf8") : piece instanceof WholeFile ? fstatSync(piece.fd).size : piece.length;
        yield piece;
      }
    };
    // The disk's copying runs on Node's thread pool meanwhile (the second core is free by now).
    if (options.out !== undefined) await writeFileAtomicOverlapped(options.out, counted(true));
    if (!person && (options.out === undefined || options.json === true)) {
      for (const piece of counted(false)) io.stdout(typeof piece === "string" ? piece : (piece instanceof WholeFile ? wholeFileBytes(piece) : Buffer.from(piece)).toString("utf8"));
    }
    if (person) {
      io.stdout(terminalSummary(plan, lang, { out: options.out, bytes, inputs: inputOptions(options, defaultInventory) }));
      const forPerson = optionLines(true);
      if (forPerson.length > 0) io.stdout(`\n${forPerson.map((line) => `${line.replace(/^dcplan plan: /, "")}\n`).join("")}`);
    } else {
      io.stderr(`${planSummaryLine(plan, lang)}\n`);
      if (plan.cost) io.stderr(`${costSummaryLine(plan.cost, lang)}\n`);
      for (const line of optionLines(false)) io.stderr(`${line}\n`);
    }
  } finally {
    translations?.close();
  }
  return plan;
}

/** `dcplan plan` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  const { defaultInventoryDir } = await import("../paths.js");
  await planCommand(options as unknown as PlanOptions, io, defaultInventoryDir());
};
