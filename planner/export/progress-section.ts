// Recorded progress for people, in the roadmap, the semi-annual report and the per-agency plans: a
// summary sentence (or that nothing has been recorded), the planned-versus-actual chart
// (svg-progress.ts) and one row per recorded fact — a system moved, failed and planned again,
// switched off; a server switched off or moved — with its wave, day and, for a failure, the reason
// and where the system was planned again. Everything shown as done comes from recorded.ts.
import { escapeMd, mdTable } from "./markdown.js";
import { formatDate, labels } from "./i18n.js";
import { progressLabels } from "./progress-labels.js";
import { recordedOf } from "./recorded.js";
import { progressSvg } from "./svg-progress.js";
import { escapeXml as esc } from "./svg-timeline.js";
import { type CellValue, cmp, type ExportInput, namesOf, type Table } from "./tables.js";
import type { Plan, PlanSystem } from "../plan-schema.js";

/** One or two sentences: what has been recorded, or that nothing has. */
export function progressSummaryText(plan: Plan, lang: ExportInput["lang"]): string[] {
  const P = progressLabels(lang);
  const r = recordedOf(plan);
  if (!r.any) return [P.noProgress];
  const failed = [...r.failures.keys()].filter((id) => !r.doneOn.has(id) && !r.retiredOn.has(id)).length;
  const out = [P.recordedSummary(r.cutovers.length, r.doneOn.size, failed, formatDate(r.lastRecorded ?? plan.asOf, lang))];
  if (r.retiredOn.size + r.decommissionedOn.size + r.relocatedOn.size > 0) out.push(P.recordedOther(r.retiredOn.size, r.decommissionedOn.size, r.relocatedOn.size));
  return out;
}

/** Every recorded fact of the plan, by date then subject (see file header); only those dated within `period` when given, titled `title`. */
export function progressTable(input: ExportInput, period?: { from: string; to: string }, title?: string): Table {
  const { plan, lang } = input;
  const L = labels(lang);
  const P = progressLabels(lang);
  const names = namesOf(plan);
  const r = recordedOf(plan);
  const byId = new Map(plan.systems.map((s) => [s.id, s]));
  const waveOf = new Map(plan.waves.map((w) => [w.number, w]));
  const rows: { date: string; subject: string; row: CellValue[] }[] = [];
  const nextOf = (id: string): string | null => {
    const s = byId.get(id);
    if (!s || r.doneOn.has(id)) return null;
    const w = s.wave !== undefined ? waveOf.get(s.wave) : undefined;
    if (w && w.status !== "done") return `${L.waveN(w.number)} (${formatDate(w.start, lang)})`;
    return plan.unscheduled.some((u) => u.system === id) ? P.notScheduled : null;
  };
  for (const s of plan.systems) {
    const failures = r.failures.get(s.id) ?? [];
    for (const f of failures) {
      const next = nextOf(s.id);
      rows.push({ date: f.date, subject: s.id, row: [s.name, names.agency(s.owner), next !== null ? P.statusReplanned : P.statusFailed, f.wave, f.date, next, f.reason ?? ""] });
    }
    const doneOn = r.doneOn.get(s.id);
    if (doneOn !== undefined) rows.push({ date: doneOn, subject: s.id, row: [s.name, names.agency(s.owner), P.statusDone, s.wave ?? null, doneOn, null, ""] });
    const retiredOn = r.retiredOn.get(s.id);
    if (retiredOn !== undefined) rows.push({ date: retiredOn, subject: s.id, row: [s.name, names.agency(s.owner), P.statusRetired, null, retiredOn, null, ""] });
  }
  for (const s of plan.servers) {
    const off = r.decommissionedOn.get(s.id);
    if (off !== undefined) rows.push({ date: off, subject: s.id, row: [s.id, names.agency(s.owner), P.serverDecommissioned, null, off, null, ""] });
    const moved = r.relocatedOn.get(s.id);
    if (moved !== undefined) rows.push({ date: moved, subject: s.id, row: [s.id, names.agency(s.owner), P.serverRelocated, null, moved, null, ""] });
  }
  rows.sort((a, b) => cmp(a.date, b.date) || cmp(a.subject, b.subject) || cmp(String(a.row[2]), String(b.row[2])));
  const shown = period ? rows.filter((x) => x.date >= period.from && x.date <= period.to) : rows;
  return {
    id: "progress",
    title: title ?? P.tableTitle,
    columns: [
      { key: "subject", header: P.colSystem, type: "text", width: 44 },
      { key: "owner", header: P.colOwner, type: "text", width: 30 },
      { key: "status", header: P.colStatus, type: "text", width: 24 },
      { key: "wave", header: P.colWave, type: "int", width: 7 },
      { key: "date", header: P.colDate, type: "date", width: 12 },
      { key: "next", header: P.colNext, type: "text", width: 22 },
      { key: "reason", header: P.colReason, type: "text", width: 60 },
    ],
    rows: shown.map((x) => x.row),
  };
}

/** The roadmap's progress section body: summary, chart (with the original plan when given), the facts. */
export function progressHtml(input: ExportInput, tableHtml: (t: Table) => string, baseline?: Plan): string {
  const { plan, lang } = input;
  const P = progressLabels(lang);
  const r = recordedOf(plan);
  const summary = progressSummaryText(plan, lang).map((s) => `<p${r.any ? "" : ' class="no-progress"'}>${esc(s)}</p>`).join("\n");
  if (!r.any && !baseline) return summary;
  const chart = `<figure class="timeline progress">\n${progressSvg(plan, lang, baseline)}\n<figcaption>${esc(P.chartDesc)} ${esc(baseline ? P.chartDescBaseline : P.noBaseline)}</figcaption>\n</figure>`;
  const table = progressTable(input);
  return `${summary}\n${chart}${table.rows.length > 0 ? `\n<h3>${esc(P.tableTitle)}</h3>\n${tableHtml(table)}` : ""}`;
}

/** The progress section of a Markdown document (heading level 2). */
export function progressMarkdown(input: ExportInput): string {
  const P = progressLabels(input.lang);
  const table = progressTable(input);
  const out = [`## ${escapeMd(P.progressTitle)}`, "", ...progressSummaryText(input.plan, input.lang).flatMap((s) => [escapeMd(s), ""])];
  if (table.rows.length > 0) out.push(mdTable(table, input.lang), "");
  return out.join("\n");
}

/** A badge for a system of a planned wave that failed before (recorded): it is planned again. */
export function replannedBadge(plan: Plan, s: PlanSystem, lang: ExportInput["lang"]): string {
  const r = recordedOf(plan);
  const f = r.failures.get(s.id);
  if (!f || r.doneOn.has(s.id)) return "";
  const last = f[f.length - 1];
  return ` <span class="badge late" title="${esc(last.reason ?? "")}">${esc(progressLabels(lang).failedInWave(last.wave))}</span>`;
}

/** For the roadmap's waves table: a done wave's status badge, and the systems that failed in it. */
export function waveStatusCell(plan: Plan, w: Plan["waves"][number], lang: ExportInput["lang"]): { status: string; failed: string } {
  if (w.status !== "done") return { status: "", failed: "" };
  const P = progressLabels(lang);
  const names = namesOf(plan);
  const failed = (w.failed ?? []).map((id) => `<li>${esc(names.system(id))} <span class="badge late">${esc(P.statusFailed)}</span></li>`).join("");
  return { status: `<span class="badge ok">${esc(P.waveDone)}</span> `, failed: failed ? `<ul class="plain">${failed}</ul>` : "" };
}
