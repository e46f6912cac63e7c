// Mermaid diagrams: a gantt of the waves, the phases, the deadline and the decommission dates, and
// one flowchart per wave of its systems' dependencies. Labels are escaped with Mermaid's entity
// codes (`#quot;`, `#58;`…), which Mermaid decodes in every diagram type, so a name with quotes,
// colons, brackets or a semicolon cannot break the syntax. The output file is Markdown with one
// fenced block per diagram, which GitHub, GitLab and `mmdc` all render.
import { nfc } from "./nfc.js";
import type { Plan } from "../plan-schema.js";
import { actionLabel, formatDate, type Lang, labels, phaseLabel } from "./i18n.js";
import { cmp, decommissions, namesOf, sortedWaves, systemsById } from "./tables.js";

/** Escapes text for a Mermaid label (inside double quotes or as gantt task text). */
export function escapeMermaid(s: string): string {
  // One pass, so the `#` and `;` of an inserted entity are never escaped again.
  return nfc(s)
    .replace(/[\r\n]+/g, " ")
    .replace(/[#%":;<>[\]{}|`]/g, (c) => MERMAID_ENTITIES[c] ?? `#${c.charCodeAt(0)};`);
}

const MERMAID_ENTITIES: Record<string, string> = { '"': "#quot;", "<": "#lt;", ">": "#gt;" };

/**
 * A gantt chart: `phases` shows 2026–2030 with the three phase bands and the waves as milestones;
 * `merger` zooms on the waves (late ones marked crit), the deadline and the decommission dates.
 * Two charts because two-day waves vanish on a five-year axis.
 */
export function ganttDiagram(plan: Plan, lang: Lang, view: "phases" | "merger" = "merger"): string {
  const L = labels(lang);
  const title = view === "phases" ? L.timelineOverview : L.timelineZoom;
  const lines = ["gantt", `  title ${escapeMermaid(title)}`, "  dateFormat YYYY-MM-DD", `  axisFormat ${view === "phases" ? "%Y" : "%d/%m"}`, "  todayMarker off"];
  const waves = sortedWaves(plan);
  if (view === "phases") {
    lines.push(`  section ${escapeMermaid(L.phase)}`);
    lines.push(`    ${escapeMermaid(phaseLabel("2026", lang))} :p1, 2026-01-01, 2026-12-31`);
    lines.push(`    ${escapeMermaid(phaseLabel("2027-2028", lang))} :p2, 2027-01-01, 2028-12-31`);
    lines.push(`    ${escapeMermaid(phaseLabel("2029-2030", lang))} :p3, 2029-01-01, 2030-12-31`);
    lines.push(`  section ${escapeMermaid(L.wavesTitle)}`);
    for (const w of waves) lines.push(`    ${escapeMermaid(L.waveN(w.number))} :milestone, ${w.end > plan.deadline.date ? "crit, " : ""}w${w.number}, ${w.start}, 0d`);
    lines.push(`    ${escapeMermaid(`${L.deadline} ${formatDate(plan.deadline.date, lang)}`)} :milestone, crit, deadline, ${plan.deadline.date}, 0d`);
    const roadmap = [...plan.roadmap].sort((a, b) => cmp(a.by, b.by) || cmp(a.action, b.action) || cmp(a.subject, b.subject));
    if (roadmap.length > 0) {
      lines.push(`  section ${escapeMermaid(L.roadmapTitle)}`);
      roadmap.forEach((r, i) => lines.push(`    ${escapeMermaid(`${actionLabel(r.action, lang)}: ${r.subject}`)} :milestone, r${i + 1}, ${r.by}, 0d`));
    }
    return lines.join("\n");
  }
  lines.push(`  section ${escapeMermaid(L.wavesTitle)}`);
  for (const w of waves) {
    const days = Math.round((Date.parse(w.end) - Date.parse(w.start)) / 86_400_000) + 1;
    const late = w.end > plan.deadline.date;
    lines.push(`    ${escapeMermaid(`${L.waveN(w.number)} (${w.systems.length} ${L.unitSystems})`)} :${late ? "crit, " : ""}w${w.number}, ${w.start}, ${days}d`);
  }
  lines.push(`    ${escapeMermaid(`${L.deadline} ${formatDate(plan.deadline.date, lang)}`)} :milestone, crit, deadline, ${plan.deadline.date}, 0d`);
  const byDate = new Map<string, number>();
  for (const s of decommissions(plan)) byDate.set(s.decommissionOn!, (byDate.get(s.decommissionOn!) ?? 0) + 1);
  if (byDate.size > 0) {
    lines.push(`  section ${escapeMermaid(L.decommissionTitle)}`);
    let i = 0;
    for (const [date, count] of [...byDate].sort((a, b) => cmp(a[0], b[0]))) {
      lines.push(`    ${escapeMermaid(`${L.decommissionMarker} ${count} ${L.unitServers}`)} :milestone, d${++i}, ${date}, 0d`);
    }
  }
  return lines.join("\n");
}

const nodeId = (id: string) => `s_${id.replace(/-/g, "_")}`;

/** The dependency flowchart of one wave: its systems, and what they depend on (same wave, earlier, later, staying). */
export function waveFlowchart(plan: Plan, waveNumber: number, lang: Lang): string {
  const L = labels(lang);
  const names = namesOf(plan);
  const byId = systemsById(plan);
  const wave = plan.waves.find((w) => w.number === waveNumber);
  const lines = ["flowchart LR"];
  if (!wave) return lines.join("\n");
  const members = [...wave.systems].sort(cmp);
  lines.push(`  subgraph w${wave.number}["${escapeMermaid(`${L.waveN(wave.number)} · ${formatDate(wave.start, lang)} – ${formatDate(wave.end, lang)}`)}"]`);
  for (const id of members) lines.push(`    ${nodeId(id)}["${escapeMermaid(names.system(id))}"]`);
  lines.push("  end");
  const outside = new Map<string, string>();
  const edges: string[] = [];
  for (const id of members) {
    for (const dep of [...(byId.get(id)?.dependsOn ?? [])].sort(cmp)) {
      edges.push(`  ${nodeId(id)} --> ${nodeId(dep)}`);
      if (members.includes(dep)) continue;
      const d = byId.get(dep);
      const where = !d
        ? ""
        : d.disposition === "retire"
          ? L.retiredDep
          : d.wave !== undefined
            ? L.waveN(d.wave)
            : L.staysAt(names.site(d.targetSite ?? d.site));
      outside.set(dep, `${names.system(dep)} (${where})`);
    }
  }
  for (const [dep, label] of [...outside].sort((a, b) => cmp(a[0], b[0]))) lines.push(`  ${nodeId(dep)}(["${escapeMermaid(label)}"])`);
  lines.push(...edges);
  const late = wave.end > plan.deadline.date;
  lines.push(`  classDef late fill:#fdecea,stroke:#a4161a,color:#1f2937`);
  if (late) lines.push(`  class ${members.map(nodeId).join(",")} late`);
  return lines.join("\n");
}

/** The Mermaid export: a Markdown document with the gantt and one flowchart per wave. */
export function renderMermaid(plan: Plan, lang: Lang): string {
  const L = labels(lang);
  const out = [`# ${L.docTitle}`, "", `## ${L.timelineOverview}`, "", "```mermaid", ganttDiagram(plan, lang, "phases"), "```", ""];
  out.push(`## ${L.timelineZoom}`, "", "```mermaid", ganttDiagram(plan, lang, "merger"), "```", "");
  out.push(`## ${L.dependencyTitle}`, "");
  for (const w of sortedWaves(plan)) {
    out.push(`### ${L.waveN(w.number)}`, "", "```mermaid", waveFlowchart(plan, w.number, lang), "```", "");
  }
  return nfc(out.join("\n"));
}
