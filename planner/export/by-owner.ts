// Per-agency plans (`--by-owner`): for each owner agency, the part of the roadmap it owes the
// province — its systems, servers, dispositions, waves and decommission dates — as the "phương án
// loại bỏ, hợp nhất máy chủ riêng lẻ" (plan for removing or merging stand-alone servers) each
// department and commune sends. Each file is the normal renderer run on the plan cut down to the
// agency, without the province-wide headline figures.
import { costForAgency } from "../cost/agency.js";
import type { Plan } from "../plan-schema.js";
import { costTables } from "./cost-section.js";
import { agencyOptionsMarkdown } from "./options-markdown.js";
import type { OutputFile } from "./csv.js";
import { type HtmlSection, renderHtml } from "./html.js";
import { formatDate, type Lang, labels } from "./i18n.js";
import { renderMarkdown } from "./markdown.js";
import { cmp, cutFrom, decommissionTable, type ExportInput, indicatorTable, type IndicatorRow, namesOf, risksTable, serversTable, systemsTable, type Table, wavesTable } from "./tables.js";
import { tablesToXlsx } from "./xlsx.js";
import { progressMarkdown, progressTable } from "./progress-section.js";

/** Owner agencies that own at least one system or server, by id. */
export function ownersOf(plan: Plan): string[] {
  const ids = new Set<string>();
  for (const s of plan.systems) ids.add(s.owner);
  for (const s of plan.servers) if (s.owner !== undefined) ids.add(s.owner);
  return [...ids].sort(cmp);
}

/**
 * The plan cut down to one agency: its systems; the servers it owns or that run its systems; the
 * waves that move its systems (listing only those); its late and unscheduled systems; the issues
 * about its systems and servers. Province-wide fields (capacity, summary) are kept as they are.
 */
export function planForOwner(plan: Plan, agency: string): Plan {
  const systems = plan.systems.filter((s) => s.owner === agency);
  const sysIds = new Set(systems.map((s) => s.id));
  const servers = plan.servers.filter((s) => s.owner === agency || s.systems.some((id) => sysIds.has(id)));
  const srvIds = new Set(servers.map((s) => s.id));
  const subjects = new Set([...sysIds, ...srvIds]);
  const waves: Plan["waves"] = plan.waves
    .map(({ failed: allFailed, ...w }) => {
      // A done wave keeps the agency's systems that failed in it.
      const failed = (allFailed ?? []).filter((id) => sysIds.has(id));
      return { ...w, systems: w.systems.filter((id) => sysIds.has(id)), servers: w.servers.filter((id) => srvIds.has(id)), ...(failed.length > 0 ? { failed } : {}) };
    })
    .filter((w) => w.systems.length > 0 || (w.failed?.length ?? 0) > 0);
  const late = plan.deadline.late.filter((id) => sysIds.has(id));
  const part: Plan = {
    ...plan,
    systems,
    servers,
    waves,
    unscheduled: plan.unscheduled.filter((u) => sysIds.has(u.system)),
    deadline: {
      ...plan.deadline,
      late,
      met: late.length === 0,
      projectedCompletion: waves.length > 0 && late.every((id) => !plan.unscheduled.some((u) => u.system === id)) ? waves.map((w) => w.end).sort(cmp).at(-1) : undefined,
      criticalChain: late.length === 0 ? [] : plan.deadline.criticalChain,
    },
    violations: plan.violations.filter((v) => subjects.has(v.subject)),
    warnings: plan.warnings.filter((v) => subjects.has(v.subject)),
    remaining: plan.remaining.filter((id) => sysIds.has(id)),
    roadmap: plan.roadmap.filter((r) => subjects.has(r.subject)),
    groups: plan.groups.filter((g) => g.systems.some((id) => sysIds.has(id))),
    ...(plan.cost ? { cost: costForAgency(plan.cost, agency, plan.asOf) } : {}),
  };
  return cutFrom(part, plan);
}

/** The verdict of an agency's own share: nothing to move, met, or not met (with its own figures). */
export interface AgencyVerdict {
  readonly tone: "met" | "not-met" | "none";
  readonly text: string;
}

/** The verdict of `part` (a plan cut down by planForOwner): about the agency's own systems, true to its own dates. */
export function agencyVerdict(part: Plan, lang: Lang): AgencyVerdict {
  const L = labels(lang);
  const deadline = formatDate(part.deadline.date, lang);
  const moving = part.systems.filter((s) => s.wave !== undefined || part.unscheduled.some((u) => u.system === s.id));
  if (moving.length === 0) {
    const dates = part.servers.filter((s) => s.decommissionOn !== undefined).map((s) => s.decommissionOn!);
    const last = dates.length > 0 ? formatDate(dates.sort(cmp).at(-1)!, lang) : undefined;
    return { tone: "none", text: L.ownerVerdictNone(part.systems.length, dates.length, last) };
  }
  const late = moving.filter((s) => part.deadline.late.includes(s.id));
  const ends = part.waves.map((w) => w.end).sort(cmp);
  const lastEnd = ends.length > 0 ? formatDate(ends.at(-1)!, lang) : undefined;
  if (late.length === 0) return { tone: "met", text: L.ownerVerdictMet(moving.length, deadline, lastEnd ?? deadline) };
  const unscheduled = late.filter((s) => s.wave === undefined).length;
  return { tone: "not-met", text: L.ownerVerdictNotMet(late.length, moving.length, deadline, unscheduled > 0 ? undefined : lastEnd) };
}

/** The agency's summary table (the first sheet of its workbook): its verdict and its counts. */
export function agencySummaryTable(part: Plan, lang: Lang): Table {
  const L = labels(lang);
  const verdict = agencyVerdict(part, lang);
  const moving = part.systems.filter((s) => s.wave !== undefined || part.unscheduled.some((u) => u.system === s.id));
  const decommissioned = part.servers.filter((s) => s.decommissionOn !== undefined);
  const rows: IndicatorRow[] = [
    { cells: [L.deadlineVerdict, verdict.text, ""], type: "text" },
    { cells: [L.systemsTotal, part.systems.length, L.unitSystems], type: "int" },
    { cells: [L.ownerMoving, moving.length, L.unitSystems], type: "int" },
    { cells: [L.lateSystems, moving.filter((s) => part.deadline.late.includes(s.id)).length, L.unitSystems], type: "int" },
    { cells: [L.servers, part.servers.length, L.unitServers], type: "int" },
    { cells: [L.decommissionedServers, decommissioned.length, L.unitServers], type: "int" },
  ];
  const lastDecommission = decommissioned.map((s) => s.decommissionOn!).sort(cmp).at(-1);
  if (lastDecommission) rows.push({ cells: [L.ownerLastDecommission, lastDecommission, ""], type: "date" });
  return indicatorTable(lang, rows, [36, 70, 12]);
}

const OWNER_SECTIONS: readonly HtmlSection[] = ["verdict", "options", "cost", "timeline", "progress", "waves", "systems", "servers", "late", "national", "decommission", "dependencies", "issues", "roadmap", "glossary"];

/**
 * One file per owner agency (`<agency-id>.html|xlsx|md`); `onProgress(done, total, name)` is called
 * with done = 0 first and after each file.
 */
export async function renderByOwner(
  input: ExportInput,
  format: "html" | "xlsx" | "md",
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<OutputFile[]> {
  const { plan, lang } = input;
  const L = labels(lang);
  const names = namesOf(plan);
  const owners = ownersOf(plan);
  const files: OutputFile[] = [];
  onProgress?.(0, owners.length, "");
  for (const agency of owners) {
    const sub: ExportInput = { ...input, plan: planForOwner(plan, agency) };
    const title = L.ownerPlanTitle(names.agency(agency));
    const name = `${agency}.${format}`;
    const verdict = agencyVerdict(sub.plan, lang);
    if (format === "html") files.push({ name, content: renderHtml(sub, { title, intro: L.ownerPlanIntro, sections: OWNER_SECTIONS, verdict, costView: "agency", optionsView: "agency" }) });
    else if (format === "md") files.push({ name, content: `${renderMarkdown(sub, { title, intro: L.ownerPlanIntro, figures: false, systemsAndServers: true, verdict, afterVerdict: agencyOptionsMarkdown(sub.plan, lang) })}\n${progressMarkdown(sub)}` });
    else {
      const tables = [agencySummaryTable(sub.plan, lang), wavesTable(sub), systemsTable(sub), serversTable(sub), decommissionTable(sub), risksTable(sub), ...costTables(sub), progressTable(sub)];
      files.push({ name, content: await tablesToXlsx(tables, { lang, date: plan.asOf, title }) });
    }
    if (onProgress) {
      onProgress(files.length, owners.length, name);
      // Let the progress bar's timer redraw between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return files;
}
