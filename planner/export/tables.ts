// The plan as typed tables (waves, systems, servers, decommission schedule, risks), built once and
// rendered by every tabular format: XLSX writes typed cells, CSV writes ISO dates and plain numbers,
// HTML and Markdown format them for the language. Rows are sorted so output is deterministic.
import type { Inventory } from "../../inventory/schema.js";
import type { Plan, PlanServer, PlanSystem } from "../plan-schema.js";
import { figureItems, headlineFigures } from "./figures.js";
import {
  chainKindLabel,
  dispositionLabel,
  fateLabel,
  type Lang,
  labels,
  phaseLabel,
  platformLabel,
  serverKindLabel,
  text,
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
}

export type CellValue = string | number | boolean | null;

export type TableId = "summary" | "waves" | "systems" | "servers" | "decommission" | "risks";

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
}

// Renderers ask for names and systems per wave; caching per plan object keeps that linear.
const NAMES = new WeakMap<Plan, Names>();
const SYSTEMS = new WeakMap<Plan, ReadonlyMap<string, PlanSystem>>();
const WAVE_ENDS = new WeakMap<Plan, ReadonlyMap<number, string>>();

/** The plan's systems by id (cached per plan object). */
export function systemsById(plan: Plan): ReadonlyMap<string, PlanSystem> {
  let m = SYSTEMS.get(plan);
  if (!m) SYSTEMS.set(plan, (m = new Map(plan.systems.map((s) => [s.id, s]))));
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
  let names = NAMES.get(plan);
  if (!names) NAMES.set(plan, (names = buildNames(plan)));
  return names;
}

function buildNames(plan: Plan): Names {
  const systems = new Map(plan.systems.map((s) => [s.id, s.name]));
  const agencies = new Map(plan.agencies.map((a) => [a.id, a.name]));
  const sites = new Map(plan.sites.map((s) => [s.id, s.name]));
  const externals = new Map(plan.externals.map((e) => [e.id, e.name]));
  return {
    system: (id) => systems.get(id) ?? id,
    agency: (id) => (id === undefined ? "" : (agencies.get(id) ?? id)),
    site: (id) => (id === undefined ? "" : (sites.get(id) ?? id)),
    external: (id) => externals.get(id) ?? id,
  };
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

/** Messages in `lang` (i18n `text`), joined with "; ". */
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
  const rows = items.flatMap((i): { cells: CellValue[]; type: Exclude<ColumnType, "mixed"> }[] =>
    i.pair
      ? [
          { cells: [`${i.pair.label} — ${L.before}`, i.pair.before, i.unit], type: i.type },
          { cells: [`${i.pair.label} — ${L.after}`, i.value, i.unit], type: i.type },
        ]
      : [{ cells: [i.label, i.type === "text" ? i.text : i.value, i.unit], type: i.type }],
  );
  return {
    id: "summary",
    title: L.tableSummary,
    columns: [
      { key: "indicator", header: L.indicator, type: "text", width: 48 },
      { key: "value", header: L.value, type: "mixed", width: 22 },
      { key: "unit", header: L.unit, type: "text", width: 14 },
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
      { key: "systems", header: L.systems, type: "text", width: 60 },
      { key: "owners", header: L.owners, type: "text", width: 40 },
      { key: "max-security-level", header: L.maxSecurityLevel, type: "int", width: 12 },
      { key: "data-gib", header: L.dataGiB, type: "number", width: 12 },
      { key: "server-count", header: L.serverCount, type: "int", width: 10 },
      { key: "late", header: L.late, type: "bool", width: 8 },
      { key: "notes", header: L.notes, type: "text", width: 50 },
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
      { key: "id", header: L.id, type: "text", width: 18 },
      { key: "name", header: L.name, type: "text", width: 44 },
      { key: "owner", header: L.owner, type: "text", width: 34 },
      { key: "function", header: L.function, type: "text", width: 16 },
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
      { key: "reasons", header: L.reasons, type: "text", width: 60 },
    ],
    rows: [...plan.systems]
      .sort((a, b) => cmp(a.id, b.id))
      .map((s) => [
        s.id,
        s.name,
        names.agency(s.owner),
        s.function,
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
    { key: "reasons", header: L.reasons, type: "text", width: 60 },
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
    rows.push([
      unscheduled.has(id) ? L.riskUnscheduled : L.riskLate,
      `${names.system(id)} (${id})`,
      end ?? null,
      unscheduled.get(id) ?? (s?.wave !== undefined ? L.waveN(s.wave) : ""),
    ]);
  }
  for (const u of [...plan.unscheduled].sort((a, b) => cmp(a.system, b.system))) {
    if (!plan.deadline.late.includes(u.system)) rows.push([L.riskUnscheduled, `${names.system(u.system)} (${u.system})`, null, text(plan, lang, u.reason)]);
  }
  for (const link of plan.deadline.criticalChain) rows.push([`${L.riskChain}: ${chainKindLabel(link.kind, lang)}`, link.subject, null, text(plan, lang, link.message)]);
  for (const v of byRuleThenSubject(plan.violations)) rows.push([`${L.riskViolation}: ${v.rule}`, v.subject, null, text(plan, lang, v.message)]);
  for (const w of byRuleThenSubject(plan.warnings)) rows.push([`${L.riskWarning}: ${w.rule}`, w.subject, null, text(plan, lang, w.message)]);
  for (const p of [...plan.procurement].sort((a, b) => cmp(a.by, b.by))) {
    rows.push([L.riskProcurement, `${p.cpuCores} ${L.physCores}, ${p.memoryGiB} GiB RAM, ${p.storageGiB} GiB`, p.by, text(plan, lang, p.reason)]);
  }
  return {
    id: "risks",
    title: L.tableRisks,
    columns: [
      { key: "kind", header: L.riskKind, type: "text", width: 30 },
      { key: "subject", header: L.subject, type: "text", width: 40 },
      { key: "date", header: L.date, type: "date", width: 12 },
      { key: "message", header: L.message, type: "text", width: 80 },
    ],
    rows,
  };
}

/** All tables, in sheet order: Summary, Waves, Systems, Servers, Decommission, Risks. */
export function planTables(input: ExportInput): Table[] {
  return [summaryTable(input), wavesTable(input), systemsTable(input), serversTable(input), decommissionTable(input), risksTable(input)];
}

function uniqueSorted(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ""))].sort(cmp);
}
