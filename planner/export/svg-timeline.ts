// The 2026–2030 timeline as an inline SVG: an overview band of the three phases with every wave and
// decommission marked, and a zoomed panel of the merger months where each wave is its own bar (the
// waves span weeks, which a five-year scale would squeeze into a few pixels). Pure string output,
// integer coordinates, so the bytes are stable. No xmlns: inline SVG in HTML needs none, and the
// roadmap then contains no URL at all.
import type { Plan } from "../plan-schema.js";
import { formatDate, formatDayMonth, formatNumber, type Lang, labels, phaseLabel } from "./i18n.js";
import { cmp, decommissions, sortedWaves } from "./tables.js";

/** Colours chosen for ≥ 4.5:1 contrast of text on them (white on the dark ones, ink on the pale ones). */
export const COLORS = {
  ink: "#1f2937",
  muted: "#4b5563",
  onTime: "#1d4e89",
  late: "#a4161a",
  decommission: "#5b21b6",
  retire: "#7c2d12",
  grid: "#d1d5db",
  bands: ["#dbeafe", "#dcfce7", "#fef3c7"],
} as const;

const W = 1080;
const LEFT = 130;
const RIGHT = W - 24;

/** Escapes text for XML/HTML content and attribute values. */
export function escapeXml(s: string): string {
  if (!/[&<>"']/.test(s)) return s;
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
function nextMonthStart(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** Renders the timeline SVG of a plan; `idPrefix` keeps element ids unique when embedded twice. */
export function timelineSvg(plan: Plan, lang: Lang, idPrefix = "tl"): string {
  const L = labels(lang);
  const waves = sortedWaves(plan);
  const decs = decommissions(plan);
  const retires = plan.systems.filter((s) => s.retireOn !== undefined).sort((a, b) => cmp(a.retireOn!, b.retireOn!) || cmp(a.id, b.id));
  const deadline = plan.deadline.date;
  const out: string[] = [];
  const text = (x: number, y: number, s: string, attrs = "") => `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ""}>${escapeXml(s)}</text>`;

  // Overview: 2026-01-01 … 2031-01-01.
  const o0 = day("2026-01-01");
  const o1 = day("2031-01-01");
  const ox = (iso: string) => Math.round(LEFT + ((day(iso) - o0) / (o1 - o0)) * (RIGHT - LEFT));
  let y = 24;
  out.push(text(0, y, L.timelineOverview, 'class="h"'));
  y += 12;
  const bands: [string, string, "2026" | "2027-2028" | "2029-2030"][] = [
    ["2026-01-01", "2027-01-01", "2026"],
    ["2027-01-01", "2029-01-01", "2027-2028"],
    ["2029-01-01", "2031-01-01", "2029-2030"],
  ];
  bands.forEach(([from, to, phase], i) => {
    out.push(`<rect x="${ox(from)}" y="${y}" width="${ox(to) - ox(from)}" height="30" fill="${COLORS.bands[i]}"/>`);
    out.push(text(ox(from) + 6, y + 20, phaseLabel(phase, lang), 'class="b"'));
  });
  out.push(text(0, y + 20, L.phase, 'class="m"'));
  const waveRow = y + 38;
  out.push(text(0, waveRow + 10, L.wavesTitle, 'class="m"'));
  for (const w of waves) {
    const x = ox(w.start);
    out.push(`<rect x="${x}" y="${waveRow}" width="3" height="12" fill="${w.end > deadline ? COLORS.late : COLORS.onTime}"><title>${escapeXml(`${L.waveN(w.number)}: ${formatDate(w.start, lang)} – ${formatDate(w.end, lang)}`)}</title></rect>`);
  }
  const decRow = waveRow + 20;
  out.push(text(0, decRow + 10, L.decommissionMarker, 'class="m"'));
  for (const d of uniqueDates(decs.map((s) => s.decommissionOn!))) {
    const x = ox(d);
    out.push(`<path d="M${x} ${decRow} l5 6 l-5 6 l-5 -6 z" fill="${COLORS.decommission}"/>`);
  }
  const roadRow = decRow + 20;
  out.push(text(0, roadRow + 10, L.action, 'class="m"'));
  for (const d of uniqueDates(plan.roadmap.map((r) => r.by))) {
    out.push(`<circle cx="${ox(d)}" cy="${roadRow + 6}" r="4" fill="${COLORS.muted}"/>`);
  }
  const axis = roadRow + 20;
  out.push(`<line x1="${LEFT}" y1="${axis}" x2="${RIGHT}" y2="${axis}" stroke="${COLORS.muted}"/>`);
  for (let year = 2026; year <= 2031; year++) {
    const x = ox(`${year}-01-01`);
    out.push(`<line x1="${x}" y1="${axis}" x2="${x}" y2="${axis + 5}" stroke="${COLORS.muted}"/>`);
    if (year <= 2030) out.push(text(x + 4, axis + 17, String(year), 'class="m"'));
  }
  out.push(`<line x1="${ox(deadline)}" y1="${36}" x2="${ox(deadline)}" y2="${axis}" stroke="${COLORS.late}" stroke-width="2" stroke-dasharray="4 3"/>`);
  y = axis + 44;

  // Zoom: the months from the as-of date (or the first event) to the last wave, retirement or decommission.
  const starts = [plan.asOf, ...waves.map((w) => w.start), ...retires.map((s) => s.retireOn!)].sort(cmp);
  const ends = [deadline, ...waves.map((w) => w.end), ...decs.map((s) => s.decommissionOn!), ...retires.map((s) => s.retireOn!)].sort(cmp);
  const z0 = day(monthStart(starts[0]));
  const z1 = day(nextMonthStart(ends[ends.length - 1]));
  const zx = (d: number) => Math.round(LEFT + ((d - z0) / (z1 - z0)) * (RIGHT - LEFT));
  out.push(text(0, y, `${L.timelineZoom} (${formatDate(isoOf(z0), lang)} – ${formatDate(isoOf(z1 - 1), lang)})`, 'class="h"'));
  y += 14;
  const zoomTop = y;
  // Month grid and labels.
  for (let m = isoOf(z0); day(m) <= z1; m = nextMonthStart(m)) {
    const x = zx(day(m));
    out.push(`<line x1="${x}" y1="${zoomTop + 14}" x2="${x}" y2="__BOTTOM__" stroke="${COLORS.grid}"/>`);
    if (day(m) < z1) out.push(text(x + 3, zoomTop + 10, lang === "vi" ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : formatDate(m, lang).replace(/^1 /, ""), 'class="m"'));
  }
  y = zoomTop + 20;
  const rowH = 20;
  for (const w of waves) {
    const late = w.end > deadline;
    const x = zx(day(w.start));
    const width = Math.max(4, zx(day(w.end) + 1) - x);
    const label = `${w.systems.length} ${L.unitSystems} · ${formatDayMonth(w.start, lang)}–${formatDayMonth(w.end, lang)}`;
    out.push(text(0, y + 13, L.waveN(w.number), `class="b"${late ? ` style="fill:${COLORS.late}"` : ""}`));
    out.push(`<rect x="${x}" y="${y + 2}" width="${width}" height="${rowH - 6}" rx="2" fill="${late ? COLORS.late : COLORS.onTime}"><title>${escapeXml(`${L.waveN(w.number)}: ${formatDate(w.start, lang)} – ${formatDate(w.end, lang)}, ${w.systems.length} ${L.unitSystems}${late ? ` (${L.late})` : ""}`)}</title></rect>`);
    // Label to the right of the bar, or to its left near the right edge.
    const lx = x + width + 6;
    out.push(lx > RIGHT - 170 ? text(x - 6, y + 13, label, 'class="m" text-anchor="end"') : text(lx, y + 13, label, 'class="m"'));
    y += rowH;
  }
  if (retires.length > 0) {
    out.push(text(0, y + 13, L.retireOn, 'class="m"'));
    for (const d of uniqueDates(retires.map((s) => s.retireOn!))) {
      const x = zx(day(d));
      out.push(`<rect x="${x - 4}" y="${y + 4}" width="8" height="10" fill="${COLORS.retire}"><title>${escapeXml(`${L.retireOn}: ${formatDate(d, lang)}`)}</title></rect>`);
    }
    y += rowH;
  }
  out.push(text(0, y + 13, L.decommissionMarker, 'class="m"'));
  const decCounts = new Map<string, number>();
  for (const s of decs) decCounts.set(s.decommissionOn!, (decCounts.get(s.decommissionOn!) ?? 0) + 1);
  for (const [d, count] of [...decCounts].sort((a, b) => cmp(a[0], b[0]))) {
    const x = zx(day(d));
    out.push(`<path d="M${x} ${y + 2} l6 7 l-6 7 l-6 -7 z" fill="${COLORS.decommission}"><title>${escapeXml(`${L.decommissionMarker} ${formatDate(d, lang)}: ${formatNumber(count, lang)} ${L.unitServers}`)}</title></path>`);
    out.push(text(x + 8, y + 14, formatNumber(count, lang), 'class="s"'));
  }
  y += rowH + 4;
  const bottom = y;
  const dx = zx(day(deadline) + 1);
  out.push(`<line x1="${dx}" y1="${zoomTop + 14}" x2="${dx}" y2="${bottom}" stroke="${COLORS.late}" stroke-width="2" stroke-dasharray="5 3"/>`);
  // near the right edge the label ends at the line instead of running off the picture
  out.push(dx > RIGHT - 170 ? text(dx - 4, bottom + 14, `${L.deadline} ${formatDate(deadline, lang)}`, `class="b" text-anchor="end" style="fill:${COLORS.late}"`) : text(dx + 4, bottom + 14, `${L.deadline} ${formatDate(deadline, lang)}`, `class="b" style="fill:${COLORS.late}"`));
  const ax = zx(day(plan.asOf));
  out.push(`<line x1="${ax}" y1="${zoomTop + 14}" x2="${ax}" y2="${bottom}" stroke="${COLORS.ink}" stroke-width="1.5"/>`);
  out.push(text(ax + 4, bottom + 14, `${L.asOfMarker} ${formatDate(plan.asOf, lang)}`, 'class="m"'));
  y = bottom + 34;

  // Legend.
  const legend: [string, string][] = [
    [COLORS.onTime, L.onTime],
    [COLORS.late, L.late],
    [COLORS.decommission, L.decommissionMarker],
  ];
  let lx = LEFT;
  for (const [color, name] of legend) {
    out.push(`<rect x="${lx}" y="${y - 10}" width="14" height="12" fill="${color}"/>`);
    out.push(text(lx + 20, y, name, 'class="m"'));
    lx += 40 + name.length * 8;
  }
  const height = y + 10;
  const body = out.join("\n").replaceAll("__BOTTOM__", String(bottom));
  const summary = `${L.timelineDesc} ${L.waveCount}: ${waves.length}; ${L.decommissionedServers}: ${decs.length}; ${L.deadline}: ${formatDate(deadline, lang)}.`;
  return [
    `<svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`,
    `<title id="${idPrefix}-title">${escapeXml(L.timelineTitle)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(summary)}</desc>`,
    `<style>text{fill:${COLORS.ink};font-size:12px}.h{font-size:14px;font-weight:700}.b{font-weight:700}.m{fill:${COLORS.muted}}.s{font-size:11px}</style>`,
    body,
    "</svg>",
  ].join("\n");
}

function uniqueDates(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort(cmp);
}
