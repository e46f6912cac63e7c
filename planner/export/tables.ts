// The plan as typed tables (waves, systems, servers, decommission schedule, risks), built once and
// rendered by every tabular format: XLSX writes typed cells, CSV writes ISO dates and plain numbers,
// HTML and Markdown format them for the language. Rows are sorted so output is deterministic.
import type { Inventory } from "../../inventory/schema.js";
import type { Plan, PlanServer, PlanSystem } from "../plan-schema.js";
import { figureItems, headlineFigures } from "./figures.js";
import { functionName } from "../functions.js";
import { type RefNames, refNamesOf, resolveIdsInEnglish, settingName } from "../messages.js";
import {
  actionLabel,
  chainKindLabel,
  dispositionLabel,
  fateLabel,
  type Lang,
  labels,
  phaseLabel,
  platformLabel,
  ruleLabel,
  serverKindLabel,
} from "./i18n.js";

/** How a column's values are typed. `date` values are ISO `YYYY-MM-DD` strings. */
export type ColumnType = "text" | "date" | "int" | "number" | "percent" | "bool" | "mixed";

export interface Column {
  /** Stable key (English, kebab-case), independent of the language. */
  readonly key: string;
  readonly header: string;
  readonly type: ColumnType;
  /** Suggested width in characters. */
  readonly width: number;
  /**
   * A technical column: ids and rule keys kept for scripts and for tracing (the XLSX `_meta` sheet
   * marks it); every other column speaks to people (names, words) [false].
   */
  readonly technical?: boolean;
}

export type CellValue = string | number | boolean | null;

export type TableId = "summary" | "waves" | "systems" | "servers" | "decommission" | "risks" | "national" | "roadmap";

export interface Table {
  /** A TableId for the plan's tables; other exports (the report) use their own ids. */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  /** For columns of type `mixed`: the type of each row's value. */
  readonly rowTypes?: readonly Exclude<ColumnType, "mixed">[];
}

/** What an exporter gets: the plan, the language, and optionally the inventory (for server details). */
export interface ExportInput {
  readonly plan: Plan;
  readonly lang: Lang;
  readonly inventory?: Inventory;
  /** The original plan, for the planned-versus-actual view of the HTML roadmap (`--baseline`). */
  readonly baseline?: Plan;
}

/** Looks up display names by id; unknown ids fall back to the id itself. */
export interface Names {
  system(id: string): string;
  agency(id: string | undefined): string;
  site(id: string | undefined): string;
  external(id: string): string;
  /** Names of a move group's systems; undefined for an unknown group. */
  group(id: string): string[] | undefined;
}

// Renderers ask for names and systems per wave; caching per plan object keeps that linear.
const NAMES = new WeakMap<Plan, Names>();
const SYSTEMS = new WeakMap<Plan, ReadonlyMap<string, PlanSystem>>();
const WAVE_ENDS = new WeakMap<Plan, ReadonlyMap<number, string>>();

// A plan cut down to a part (one agency's plan, by-owner.ts) names and finds systems, sites and
// groups in the whole plan: its systems depend on other agencies' systems.
const WHOLE = new WeakMap<Plan, Plan>();

/** Records that `part` is cut from `whole`, so names and system lookups of `part` use `whole`'s lists. */
export function cutFrom(part: Plan, whole: Plan): Plan {
  WHOLE.set(part, WHOLE.get(whole) ?? whole);
  return part;
}

/** The plan's systems by id, with those of the whole plan it was cut from (cached per plan object). */
export function systemsById(plan: Plan): ReadonlyMap<string, PlanSystem> {
  const whole = WHOLE.get(plan) ?? plan;
  let m = SYSTEMS.get(whole);
  if (!m) SYSTEMS.set(whole, (m = new Map(whole.systems.map((s) => [s.id, s]))));
  return m;
}

/** Last day (ISO) of each wave by number (cached per plan object). */
export function waveEnds(plan: Plan): ReadonlyMap<number, string> {
  let m = WAVE_ENDS.get(plan);
  if (!m) WAVE_ENDS.set(plan, (m = new Map(plan.waves.map((w) => [w.number, w.end]))));
  return m;
}

/** Name lookups from the plan's own lists (cached per plan object). */
export function namesOf(plan: Plan): Names {
  const whole = WHOLE.get(plan) ?? plan;
  let names = NAMES.get(whole);
  if (!names) NAMES.set(whole, (names = buildNames(whole)));
  return names;
}

function buildNames(plan: Plan): Names {
  const systems = new Map(plan.systems.map((s) => [s.id, s.name]));
  const agencies = new Map(plan.agencies.map((a) => [a.id, a.name]));
  const sites = new Map(plan.sites.map((s) => [s.id, s.name]));
  const externals = new Map(plan.externals.map((e) => [e.id, e.name]));
  const groups = new Map(plan.groups.map((g) => [g.id, g.systems]));
  return {
    system: (id) => systems.get(id) ?? id,
    agency: (id) => (id === undefined ? "" : (agencies.get(id) ?? id)),
    site: (id) => (id === undefined ? "" : (sites.get(id) ?? id)),
    external: (id) => externals.get(id) ?? id,
    group: (id) => groups.get(id)?.map((s) => systems.get(s) ?? s),
  };
}

/**
 * The subject of a violation, warning or critical-chain link as people read it: a system, site or
 * agency by its name, a move group by its systems' names, a profile setting in words, a server by
 * its host name; "" for a subject of another kind (the technical column keeps it as written).
 */
export function subjectLabel(plan: Plan, lang: Lang, subject: string): string {
  const names = namesOf(plan);
  if (systemsById(plan).has(subject)) return names.system(subject);
  const members = names.group(subject);
  if (members) return members.length <= 6 ? members.join("; ") : `${members.slice(0, 5).join("; ")} ${lang === "vi" ? `và ${members.length - 5} hệ thống khác` : `and ${members.length - 5} other systems`}`;
  if (plan.sites.some((s) => s.id === subject)) return names.site(subject);
  // (the agencies' list is the whole plan's in a cut-down one too)
  if (plan.agencies.some((a) => a.id === subject)) return names.agency(subject);
  if (serverIds(WHOLE.get(plan) ?? plan).has(subject)) return subject;
  const setting = settingName(subject, lang);
  return setting === subject ? "" : setting.charAt(0).toUpperCase() + setting.slice(1);
}

const SERVER_IDS = new WeakMap<Plan, ReadonlySet<string>>();
function serverIds(plan: Plan): ReadonlySet<string> {
  let s = SERVER_IDS.get(plan);
  if (!s) SERVER_IDS.set(plan, (s = new Set(plan.servers.map((x) => x.id))));
  return s;
}

/** The function a system serves, by its name (capitalised, for a table cell). */
export function functionLabel(id: string, lang: Lang): string {
  const name = functionName(id, lang);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Waves in number order. */
export function sortedWaves(plan: Plan): Plan["waves"] {
  return [...plan.waves].sort((a, b) => a.number - b.number);
}

/** Servers with a decommission date, by date then id. */
export function decommissions(plan: Plan): PlanServer[] {
  return plan.servers
    .filter((s) => s.decommissionOn !== undefined)
    .sort((a, b) => cmp(a.decommissionOn!, b.decommissionOn!) || cmp(a.id, b.id));
}

/** Number of days from ISO date `a` to ISO date `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Violations or warnings by rule, then subject (a sorted copy). */
export function byRuleThenSubject<T extends { readonly rule: string; readonly subject: string }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => cmp(a.rule, b.rule) || cmp(a.subject, b.subject));
}

const REF_NAMES = new WeakMap<Plan, RefNames>();

/**
 * A sentence the planner wrote into `plan` (a reason, note, message…) as people read it in `lang`:
 * under `vi` the plan's `translations.vi` entry (planner/messages.ts: entities by name, settings in
 * words); under `en` the `translations.en` entry where there is one, else the sentence with every
 * id replaced by its name (resolveIdsInEnglish). A plan older than translations shows its sentences
 * as written.
 */
export function text(plan: Plan, lang: Lang, s: string): string {
  const own = plan.translations?.[lang]?.[s];
  if (own !== undefined) return own;
  if (lang === "vi" || plan.translations === undefined) return s;
  const whole = WHOLE.get(plan) ?? plan;
  let names = REF_NAMES.get(whole);
  if (!names) REF_NAMES.set(whole, (names = refNamesOf(whole)));
  return resolveIdsInEnglish(s, names);
}

/** Messages in `lang` (`text`), joined with "; ". */
export function joinTexts(plan: Plan, lang: Lang, messages: readonly string[]): string {
  return messages.map((m) => text(plan, lang, m)).join("; ");
}

/** String comparison by code unit (locale-independent, so order is the same everywhere). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The summary table: one row per headline figure. */
export function summaryTable(input: ExportInput): Table {
  const L = labels(input.lang);
  const items = figureItems(headlineFigures(input.plan), input.lang);
  // A before → after figure becomes two rows so both values are number cells.
  const rows = items.flatMap((i): IndicatorRow[] =>
    i.pair
      ? [
          { cells: [`${i.pair.label} — ${L.before}`, i.pair.before, i.unit], type: i.type },
          { cells: [`${i.pair.label} — ${L.after}`, i.value, i.unit], type: i.type },
        ]
      : [{ cells: [i.label, i.type === "text" ? i.text : i.value, i.unit], type: i.type }],
  );
  return indicatorTable(input.lang, rows, [48, 22, 14]);
}

/** A row of an indicator table: its cells (indicator, value, unit) and the value's type. */
export interface IndicatorRow {
  readonly cells: CellValue[];
  readonly type: Exclude<ColumnType, "mixed">;
}

/** The summary sheet's shape (indicator, value, unit) over `rows`, with the three columns' `widths`; the province's summary and each agency's use it. */
export function indicatorTable(lang: Lang, rows: readonly IndicatorRow[], widths: readonly [number, number, number]): Table {
  const L = labels(lang);
  return {
    id: "summary",
    title: L.tableSummary,
    columns: [
      { key: "indicator", header: L.indicator, type: "text", width: widths[0] },
      { key: "value", header: L.value, type: "mixed", width: widths[1] },
      { key: "unit", header: L.unit, type: "text", width: widths[2] },
    ],
    rows: rows.map((r) => r.cells),
    rowTypes: rows.map((r) => r.type),
  };
}

/** One row per wave. */
export function wavesTable(input: ExportInput): Table {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const byId = systemsById(plan);
  return {
    id: "waves",
    title: L.tableWaves,
    columns: [
      { key: "wave", header: L.wave, type: "int", width: 7 },
      { key: "phase", header: L.phase, type: "text", width: 20 },
      { key: "start", header: L.start, type: "date", width: 12 },
      { key: "end", header: L.end, type: "date", width: 12 },
      { key: "days", header: L.days, type: "int", width: 8 },
      { key: "system-count", header: L.systemCount, type: "int", width: 10 },
      { key: "systems", header: L.systems, type: "text", width: 50 },
      { key: "owners", header: L.owners, type: "text", width: 32 },
      { key: "max-security-level", header: L.maxSecurityLevel, type: "int", width: 12 },
      { key: "data-gib", header: L.dataGiB, type: "number", width: 12 },
      { key: "server-count", header: L.serverCount, type: "int", width: 10 },
      { key: "late", header: L.late, type: "bool", width: 8 },
      { key: "notes", header: L.notes, type: "text", width: 40 },
    ],
    rows: sortedWaves(plan).map((w) => {
      const systems = [...w.systems].sort(cmp);
      const owners = uniqueSorted(systems.map((id) => names.agency(byId.get(id)?.owner)));
      return [
        w.number,
        phaseLabel(w.phase, lang),
        w.start,
        w.end,
        daysBetween(w.start, w.end) + 1,
        systems.length,
        systems.map((id) => names.system(id)).join("; "),
        owners.join("; "),
        w.maxSecurityLevel,
        w.dataGiB,
        w.servers.length,
        w.end > plan.deadline.date,
        joinTexts(plan, lang, w.notes),
      ];
    }),
  };
}

/** One row per system, by id. */
export function systemsTable(input: ExportInput): Table {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const waveEnd = waveEnds(plan);
  return {
    id: "systems",
    title: L.tableSystems,
    columns: [
      { key: "id", header: L.id, type: "text", width: 18, technical: true },
      { key: "name", header: L.name, type: "text", width: 44 },
      { key: "owner", header: L.owner, type: "text", width: 34 },
      { key: "function", header: L.function, type: "text", width: 24 },
      { key: "security-level", header: L.securityLevel, type: "int", width: 10 },
      { key: "site", header: L.site, type: "text", width: 30 },
      { key: "disposition", header: L.disposition, type: "text", width: 24 },
      { key: "into", header: L.into, type: "text", width: 30 },
      { key: "wave", header: L.wave, type: "int", width: 7 },
      { key: "cutover", header: L.cutover, type: "date", width: 12 },
      { key: "retire-on", header: L.retireOn, type: "date", width: 12 },
      { key: "target-site", header: L.targetSiteCol, type: "text", width: 30 },
      { key: "platform", header: L.platform, type: "text", width: 26 },
      { key: "data-gib", header: L.dataGiB, type: "number", width: 12 },
      { key: "users", header: L.users, type: "int", width: 10 },
      { key: "externals", header: L.externals, type: "text", width: 20 },
      { key: "late", header: L.late, type: "bool", width: 8 },
      { key: "reasons", header: L.reasons, type: "text", width: 90 },
    ],
    rows: [...plan.systems]
      .sort((a, b) => cmp(a.id, b.id))
      .map((s) => [
        s.id,
        s.name,
        names.agency(s.owner),
        functionLabel(s.function, lang),
        s.securityLevel,
        names.site(s.site),
        dispositionLabel(s.disposition, lang),
        s.into ? names.system(s.into) : null,
        s.wave ?? null,
        s.wave !== undefined ? (waveEnd.get(s.wave) ?? null) : null,
        s.retireOn ?? null,
        s.targetSite ? names.site(s.targetSite) : null,
        platformLabel(s.platform, lang),
        s.dataGiB,
        s.users ?? null,
        [...s.externals].sort(cmp).map((e) => names.external(e)).join("; "),
        s.late,
        joinTexts(plan, lang, s.reasons),
      ]),
  };
}

/** One row per server, by id; with the inventory, the model and operating system too. */
export function serversTable(input: ExportInput): Table {
  const { plan, lang, inventory } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const inv = new Map((inventory?.servers ?? []).map((s) => [s.id, s]));
  const columns: Column[] = [
    { key: "id", header: L.id, type: "text", width: 18 },
    { key: "kind", header: L.kind, type: "text", width: 16 },
    { key: "site", header: L.site, type: "text", width: 30 },
    { key: "owner", header: L.owner, type: "text", width: 30 },
    { key: "hosted-on", header: L.hostedOn, type: "text", width: 16 },
    { key: "systems", header: L.systems, type: "text", width: 40 },
    { key: "fate", header: L.fate, type: "text", width: 14 },
    { key: "freed-on", header: L.freedOn, type: "date", width: 12 },
    { key: "decommission-on", header: L.decommissionOn, type: "date", width: 12 },
    { key: "target-site", header: L.targetSiteCol, type: "text", width: 30 },
    { key: "target-cpu", header: L.targetCpu, type: "number", width: 10 },
    { key: "target-memory-gib", header: L.targetMemory, type: "number", width: 12 },
    { key: "target-storage-gib", header: L.targetStorage, type: "number", width: 14 },
    { key: "power-w-saved", header: L.powerW, type: "number", width: 11 },
    { key: "kwh-year-saved", header: L.kwhYear, type: "number", width: 11 },
    { key: "rack-units-saved", header: L.rackUnits, type: "number", width: 9 },
    { key: "reasons", header: L.reasons, type: "text", width: 90 },
  ];
  if (inventory) {
    columns.push({ key: "model", header: L.model, type: "text", width: 24 }, { key: "os", header: L.os, type: "text", width: 20 });
  }
  return {
    id: "servers",
    title: L.tableServers,
    columns,
    rows: [...plan.servers]
      .sort((a, b) => cmp(a.id, b.id))
      .map((s) => {
        const row: CellValue[] = [
          s.id,
          serverKindLabel(s.kind, lang),
          names.site(s.site),
          names.agency(s.owner),
          s.hostedOn ?? null,
          [...s.systems].sort(cmp).map((id) => names.system(id)).join("; "),
          fateLabel(s.fate, lang),
          s.freedOn ?? null,
          s.decommissionOn ?? null,
          s.targetSite ? names.site(s.targetSite) : null,
          s.target?.cpuCores ?? null,
          s.target?.memoryGiB ?? null,
          s.target?.storageGiB ?? null,
          s.savings.watts,
          s.savings.kwhPerYear,
          s.savings.rackUnits,
          joinTexts(plan, lang, s.reasons),
        ];
        if (inventory) {
          const i = inv.get(s.id);
          row.push(i?.model ?? null, i?.os ? [i.os.name, i.os.version].filter(Boolean).join(" ") : null);
        }
        return row;
      }),
  };
}

/** The decommission schedule: one row per server with a decommission date, by date. */
export function decommissionTable(input: ExportInput): Table {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  return {
    id: "decommission",
    title: L.tableDecommission,
    columns: [
      { key: "decommission-on", header: L.decommissionOn, type: "date", width: 12 },
      { key: "server", header: L.id, type: "text", width: 18 },
      { key: "kind", header: L.kind, type: "text", width: 16 },
      { key: "site", header: L.site, type: "text", width: 30 },
      { key: "owner", header: L.owner, type: "text", width: 30 },
      { key: "systems", header: L.systems, type: "text", width: 40 },
      { key: "freed-on", header: L.freedOn, type: "date", width: 12 },
      { key: "quiet-days", header: L.quietDays, type: "int", width: 10 },
      { key: "power-w-saved", header: L.powerW, type: "number", width: 11 },
      { key: "kwh-year-saved", header: L.kwhYear, type: "number", width: 11 },
      { key: "rack-units-saved", header: L.rackUnits, type: "number", width: 9 },
    ],
    rows: decommissions(plan).map((s) => [
      s.decommissionOn!,
      s.id,
      serverKindLabel(s.kind, lang),
      names.site(s.site),
      names.agency(s.owner),
      [...s.systems].sort(cmp).map((id) => names.system(id)).join("; "),
      s.freedOn ?? null,
      s.freedOn ? daysBetween(s.freedOn, s.decommissionOn!) : null,
      s.savings.watts,
      s.savings.kwhPerYear,
      s.savings.rackUnits,
    ]),
  };
}

/** Everything that can go wrong: late and unscheduled systems, the critical chain, violations, warnings, procurement. */
export function risksTable(input: ExportInput): Table {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const byId = systemsById(plan);
  const waveEnd = waveEnds(plan);
  const unscheduled = new Map(plan.unscheduled.map((u) => [u.system, text(plan, lang, u.reason)]));
  const rows: CellValue[][] = [];
  for (const id of [...plan.deadline.late].sort(cmp)) {
    const s = byId.get(id);
    const end = s?.wave !== undefined ? waveEnd.get(s.wave) : undefined;
    rows.push([unscheduled.has(id) ? L.riskUnscheduled : L.riskLate, names.system(id), end ?? null, unscheduled.get(id) ?? (s?.wave !== undefined ? L.waveN(s.wave) : ""), unscheduled.has(id) ? "unscheduled" : "late", id]);
  }
  for (const u of [...plan.unscheduled].sort((a, b) => cmp(a.system, b.system))) {
    if (!plan.deadline.late.includes(u.system)) rows.push([L.riskUnscheduled, names.system(u.system), null, text(plan, lang, u.reason), "unscheduled", u.system]);
  }
  for (const link of plan.deadline.criticalChain) {
    rows.push([`${L.riskChain}: ${chainKindLabel(link.kind, lang)}`, subjectLabel(plan, lang, link.subject), null, text(plan, lang, link.message), `chain:${link.kind}`, link.subject]);
  }
  for (const v of byRuleThenSubject(plan.violations)) rows.push([`${L.riskViolation}: ${ruleLabel(v.rule, "violation", lang)}`, subjectLabel(plan, lang, v.subject), null, text(plan, lang, v.message), v.rule, v.subject]);
  for (const w of byRuleThenSubject(plan.warnings)) rows.push([`${L.riskWarning}: ${ruleLabel(w.rule, "warning", lang)}`, subjectLabel(plan, lang, w.subject), null, text(plan, lang, w.message), w.rule, w.subject]);
  for (const p of [...plan.procurement].sort((a, b) => cmp(a.by, b.by))) {
    rows.push([L.riskProcurement, `${p.cpuCores} ${L.physCores}, ${p.memoryGiB} GiB RAM, ${p.storageGiB} GiB`, p.by, text(plan, lang, p.reason), "procurement", ""]);
  }
  return {
    id: "risks",
    title: L.tableRisks,
    columns: [
      { key: "kind", header: L.riskKind, type: "text", width: 30 },
      { key: "subject", header: L.subject, type: "text", width: 40 },
      { key: "date", header: L.date, type: "date", width: 12 },
      { key: "message", header: L.message, type: "text", width: 80 },
      { key: "rule", header: L.rule, type: "text", width: 24, technical: true },
      { key: "subject-id", header: L.subjectId, type: "text", width: 24, technical: true },
    ],
    rows,
  };
}

/** A national connection's status in words: met by its due date, met after it, or not reached. */
export function milestoneStatus(c: { readonly on?: string; readonly met: boolean }, lang: Lang): string {
  const L = labels(lang);
  return c.on === undefined ? L.milestoneNotReached : c.met ? L.milestoneMet : L.milestoneLate;
}

/**
 * The 2026 milestones: one row per national connection of a surviving integration platform (the
 * plan's `deadline.nationalConnections`) whose system is in `plan` (a per-agency plan keeps its own).
 */
export function nationalTable(input: ExportInput): Table {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const own = systemsById(plan);
  const rows = [...(plan.deadline.nationalConnections ?? [])]
    .filter((c) => own.has(c.system))
    .sort((a, b) => cmp(a.due, b.due) || cmp(a.system, b.system))
    .map((c): CellValue[] => [
      names.system(c.system),
      [...c.externals].sort(cmp).map((e) => names.external(e)).join("; "),
      [...c.takesOver].sort(cmp).map((x) => names.system(x)).join("; "),
      c.due,
      c.on ?? null,
      milestoneStatus(c, lang),
      text(plan, lang, c.reason),
      c.system,
    ]);
  return {
    id: "national",
    title: L.tableNational,
    columns: [
      { key: "system", header: L.connectingSystem, type: "text", width: 30 },
      { key: "connects-to", header: L.connectsTo, type: "text", width: 34 },
      { key: "takes-over", header: L.takesOver, type: "text", width: 26 },
      { key: "due", header: L.dueDate, type: "date", width: 11 },
      { key: "reached-on", header: L.reachedOn, type: "date", width: 11 },
      { key: "status", header: L.status, type: "text", width: 14 },
      { key: "note", header: L.milestoneNote, type: "text", width: 60 },
      { key: "system-id", header: L.subjectId, type: "text", width: 18, technical: true },
    ],
    rows,
  };
}

/**
 * The later phases (2027–2030): one row per roadmap item, by the day it is planned to be done, with
 * its quarter, the date that forces it and whether it is late (plans before the later phases were
 * levelled lack quarter, due and late: those cells stay empty).
 */
export function roadmapTable(input: ExportInput): Table {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const rows = [...plan.roadmap]
    .sort((a, b) => cmp(a.by, b.by) || cmp(a.action, b.action) || cmp(a.subject, b.subject))
    .map((r): CellValue[] => [
      r.quarter ? L.quarterLabel(r.quarter) : "",
      r.by,
      r.due ?? null,
      r.late === undefined ? "" : r.late ? L.late : L.onTime,
      phaseLabel(r.phase, lang),
      actionLabel(r.action, lang),
      r.subjectKind === "system" ? names.system(r.subject) : r.subject,
      text(plan, lang, r.reason),
      r.action,
      r.subject,
    ]);
  return {
    id: "roadmap",
    title: L.tableRoadmap,
    columns: [
      { key: "quarter", header: L.quarter, type: "text", width: 11 },
      { key: "by", header: L.plannedBy, type: "date", width: 11 },
      { key: "due", header: L.dueDate, type: "date", width: 11 },
      { key: "status", header: L.status, type: "text", width: 10 },
      { key: "phase", header: L.phase, type: "text", width: 20 },
      { key: "action", header: L.action, type: "text", width: 28 },
      { key: "subject", header: L.subject, type: "text", width: 30 },
      { key: "reason", header: L.reason, type: "text", width: 60 },
      { key: "action-id", header: L.actionId, type: "text", width: 22, technical: true },
      { key: "subject-id", header: L.subjectId, type: "text", width: 18, technical: true },
    ],
    rows,
  };
}

/** All tables, in sheet order: Summary, Waves, Systems, Servers, Decommission, Risks, National connections, Roadmap. */
export function planTables(input: ExportInput): Table[] {
  return [summaryTable(input), wavesTable(input), systemsTable(input), serversTable(input), decommissionTable(input), risksTable(input), nationalTable(input), roadmapTable(input)];
}

function uniqueSorted(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ""))].sort(cmp);
}
