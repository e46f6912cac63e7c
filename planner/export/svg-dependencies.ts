// The dependency view of one wave as a small inline SVG: the wave's systems in a column on the
// left, what they depend on outside the wave on the right (coloured by where it lives: an earlier
// wave, a later wave, staying at a site, retired), arrows from dependant to dependency, and
// dependencies inside the wave as arcs on the left edge. A two-column layout reads at a glance and
// needs no graph layout library; the table beside it carries the same facts for screen readers.
import type { Plan, PlanSystem } from "../plan-schema.js";
import { formatDate, type Lang, labels } from "./i18n.js";
import { COLORS, escapeXml as esc } from "./svg-timeline.js";
import { cmp, namesOf, systemsById } from "./tables.js";

const W = 1080;
const BOX_W = 420;
const ROW = 30;
const RIGHT_X = W - BOX_W - 10;
const LEFT_X = 40;

type Where = "same" | "earlier" | "later" | "stays" | "retired" | "unknown";

const FILL: Record<Where, string> = {
  same: "#e0ecf8",
  earlier: "#e8f5e9",
  later: "#fdecea",
  stays: "#f3f4f6",
  retired: "#fdecea",
  unknown: "#f3f4f6",
};
const STROKE: Record<Where, string> = {
  same: COLORS.onTime,
  earlier: "#1b5e20",
  later: COLORS.late,
  stays: COLORS.muted,
  retired: COLORS.late,
  unknown: COLORS.muted,
};

function truncate(s: string, max = 52): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Renders the dependency view of wave `waveNumber` (empty string if the wave is unknown). */
export function waveDependencySvg(plan: Plan, waveNumber: number, lang: Lang): string {
  const L = labels(lang);
  const wave = plan.waves.find((w) => w.number === waveNumber);
  if (!wave) return "";
  const names = namesOf(plan);
  const byId = systemsById(plan);
  const members = [...wave.systems].sort(cmp);
  const inWave = new Set(members);
  const whereOf = (id: string): [Where, string] => {
    const d = byId.get(id);
    if (!d) return ["unknown", id];
    if (d.disposition === "retire") return ["retired", L.retiredDep];
    if (d.wave === wave.number) return ["same", L.sameWave];
    if (d.wave !== undefined) return d.wave < wave.number ? ["earlier", L.earlierWave(d.wave)] : ["later", L.laterWave(d.wave)];
    return ["stays", L.staysAt(names.site(d.targetSite ?? d.site))];
  };
  const outside = [...new Set(members.flatMap((id) => byId.get(id)?.dependsOn ?? []).filter((d) => !inWave.has(d)))].sort(cmp);
  const rows = Math.max(members.length, outside.length, 1);
  const top = 30;
  const height = top + rows * ROW + 10;
  const yOf = (i: number, count: number) => top + i * ROW + ((rows - count) * ROW) / 2;
  const leftY = new Map(members.map((id, i) => [id, Math.round(yOf(i, members.length))]));
  const rightY = new Map(outside.map((id, i) => [id, Math.round(yOf(i, outside.length))]));
  const out: string[] = [];
  out.push(`<text x="${LEFT_X}" y="18" class="b">${esc(L.waveN(wave.number))}</text>`);
  out.push(`<text x="${RIGHT_X}" y="18" class="b">${esc(L.dependsOn)}</text>`);
  const edges: string[] = [];
  for (const id of members) {
    const y1 = leftY.get(id)! + 12;
    for (const dep of [...(byId.get(id)?.dependsOn ?? [])].sort(cmp)) {
      if (inWave.has(dep)) {
        // arc on the left edge between two members
        const y2 = leftY.get(dep)! + 12;
        const bulge = 10 + Math.abs(y2 - y1) / 4;
        edges.push(`<path d="M${LEFT_X} ${y1} C${LEFT_X - bulge} ${y1} ${LEFT_X - bulge} ${y2} ${LEFT_X} ${y2}" fill="none" stroke="${COLORS.onTime}" stroke-width="1.5" marker-end="url(#dep-arrow-${wave.number})"/>`);
      } else {
        const y2 = rightY.get(dep)! + 12;
        const [where] = whereOf(dep);
        edges.push(`<path d="M${LEFT_X + BOX_W} ${y1} C${(LEFT_X + BOX_W + RIGHT_X) / 2} ${y1} ${(LEFT_X + BOX_W + RIGHT_X) / 2} ${y2} ${RIGHT_X} ${y2}" fill="none" stroke="${STROKE[where]}" stroke-width="1.5" marker-end="url(#dep-arrow-${wave.number})"/>`);
      }
    }
  }
  out.push(...edges);
  const late = wave.end > plan.deadline.date;
  for (const id of members) {
    const y = leftY.get(id)!;
    const name = names.system(id);
    out.push(
      `<g><title>${esc(name)}</title><rect x="${LEFT_X}" y="${y}" width="${BOX_W}" height="24" rx="3" fill="${late ? FILL.later : FILL.same}" stroke="${late ? COLORS.late : COLORS.onTime}"/><text x="${LEFT_X + 8}" y="${y + 16}">${esc(truncate(name))}</text></g>`,
    );
  }
  for (const id of outside) {
    const y = rightY.get(id)!;
    const [where, label] = whereOf(id);
    const name = names.system(id);
    out.push(
      `<g><title>${esc(`${name} (${label})`)}</title><rect x="${RIGHT_X}" y="${y}" width="${BOX_W}" height="24" rx="12" fill="${FILL[where]}" stroke="${STROKE[where]}"/><text x="${RIGHT_X + 10}" y="${y + 16}">${esc(truncate(`${name} · ${label}`, 56))}</text></g>`,
    );
  }
  if (members.every((id) => (byId.get(id)?.dependsOn ?? []).length === 0)) {
    out.push(`<text x="${RIGHT_X}" y="${top + 16}" class="m">${esc(L.noDeps)}</text>`);
  }
  const id = `dep-${wave.number}`;
  const desc = `${L.waveN(wave.number)} (${formatDate(wave.start, lang)} – ${formatDate(wave.end, lang)}): ${members.length} ${L.unitSystems}; ${L.dependsOn}: ${outside.length}.`;
  return [
    `<svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`,
    `<title id="${id}-title">${esc(`${L.dependencyTitle}: ${L.waveN(wave.number)}`)}</title>`,
    `<desc id="${id}-desc">${esc(desc)}</desc>`,
    `<defs><marker id="dep-arrow-${wave.number}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="${COLORS.muted}"/></marker></defs>`,
    `<style>text{fill:${COLORS.ink};font-size:12px}.b{font-weight:700}.m{fill:${COLORS.muted}}</style>`,
    ...out,
    "</svg>",
  ].join("\n");
}
