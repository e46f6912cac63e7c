// Planned versus actual as an inline SVG: the number of systems moved, cumulative over time, as
// step lines — recorded (done waves, up to the as-of day), the plan today (done plus planned
// waves) and, when given, the original plan — with the number of systems the merger moves in all,
// the deadline and the as-of day, and a red × on every done wave in which systems failed. Pure
// string output with integer coordinates (stable bytes), no script, no URL.
import type { Plan } from "../plan-schema.js";
import { formatDate, formatNumber, type Lang, labels } from "./i18n.js";
import { progressLabels } from "./progress-labels.js";
import { recordedOf } from "./recorded.js";
import { COLORS, escapeXml as esc } from "./svg-timeline.js";

const W = 1080;
const LEFT = 64;
const RIGHT = W - 150;
const TOP = 30;
const BOTTOM = 290;
const RECORDED = "#1b5e20";
const BASELINE = "#6b7280";
const MOVING = new Set(["rehost", "replatform", "relocate", "consolidate"]);

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** Cumulative systems moved at each wave's last day: `[date, total]`, in date order. */
function cumulative(waves: readonly { end: string; systems: readonly string[] }[]): [string, number][] {
  const out: [string, number][] = [];
  let n = 0;
  for (const w of [...waves].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))) {
    n += w.systems.length;
    if (out.length > 0 && out[out.length - 1][0] === w.end) out[out.length - 1][1] = n;
    else out.push([w.end, n]);
  }
  return out;
}

/** A round step for `max` spread over about five ticks (1, 2 or 5 × 10ᵏ). */
function tickStep(max: number): number {
  const raw = Math.max(1, max / 5);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
}

/** Renders the planned-versus-actual chart of `plan` (and of `baseline`, the original plan, when given). */
export function progressSvg(plan: Plan, lang: Lang, baseline?: Plan, idPrefix = "pg"): string {
  const L = labels(lang);
  const P = progressLabels(lang);
  const rec = recordedOf(plan);
  const recorded = cumulative(rec.cutovers.map((c) => ({ end: c.end, systems: c.done })));
  const forecast = cumulative(plan.waves);
  const original = baseline ? cumulative(baseline.waves) : undefined;
  const total = plan.systems.filter((s) => MOVING.has(s.disposition)).length;
  const starts = [plan.asOf, ...plan.waves.map((w) => w.start), ...(baseline?.waves.map((w) => w.start) ?? [])].sort();
  const ends = [plan.asOf, plan.deadline.date, ...plan.waves.map((w) => w.end), ...(baseline?.waves.map((w) => w.end) ?? [])].sort();
  const d0 = day(starts[0]) - 7;
  const d1 = day(ends[ends.length - 1]) + 7;
  const x = (iso: string): number => Math.round(LEFT + ((day(iso) - d0) / (d1 - d0)) * (RIGHT - LEFT));
  const yMax = Math.max(1, total, ...forecast.map((p) => p[1]), ...(original ?? []).map((p) => p[1]));
  const step = tickStep(yMax);
  const top = Math.ceil(yMax / step) * step;
  const y = (n: number): number => Math.round(BOTTOM - (n / top) * (BOTTOM - TOP));
  const out: string[] = [];
  const text = (tx: number, ty: number, s: string, attrs = ""): string => `<text x="${tx}" y="${ty}"${attrs ? ` ${attrs}` : ""}>${esc(s)}</text>`;

  // Grid: systems on the left, months along the bottom.
  for (let n = 0; n <= top; n += step) {
    out.push(`<line x1="${LEFT}" y1="${y(n)}" x2="${RIGHT}" y2="${y(n)}" stroke="${COLORS.grid}"/>`);
    out.push(text(LEFT - 6, y(n) + 4, formatNumber(n, lang), 'class="m" text-anchor="end"'));
  }
  out.push(text(4, TOP - 12, P.systemsAxis, 'class="m"'));
  const months: string[] = [];
  for (let m = `${isoOf(d0).slice(0, 7)}-01`; day(m) <= d1; m = nextMonth(m)) if (day(m) >= d0) months.push(m);
  const every = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((m, i) => {
    out.push(`<line x1="${x(m)}" y1="${BOTTOM}" x2="${x(m)}" y2="${BOTTOM + 5}" stroke="${COLORS.muted}"/>`);
    if (i % every === 0) out.push(text(x(m) + 3, BOTTOM + 18, lang === "vi" ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : `${m.slice(0, 7)}`, 'class="m"'));
  });
  out.push(`<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}" stroke="${COLORS.muted}"/>`);

  // What the merger moves in all.
  out.push(`<line x1="${LEFT}" y1="${y(total)}" x2="${RIGHT}" y2="${y(total)}" stroke="${COLORS.ink}" stroke-dasharray="2 3"/>`);
  out.push(text(RIGHT + 6, y(total) + 4, `${formatNumber(total, lang)} ${L.unitSystems}`, 'class="m"'));

  // The deadline and the as-of day.
  out.push(`<line x1="${x(plan.deadline.date)}" y1="${TOP}" x2="${x(plan.deadline.date)}" y2="${BOTTOM}" stroke="${COLORS.late}" stroke-width="2" stroke-dasharray="5 3"/>`);
  out.push(text(x(plan.deadline.date) + 4, TOP + 10, `${L.deadline} ${formatDate(plan.deadline.date, lang)}`, `class="b" style="fill:${COLORS.late}"`));
  out.push(`<line x1="${x(plan.asOf)}" y1="${TOP}" x2="${x(plan.asOf)}" y2="${BOTTOM}" stroke="${COLORS.ink}" stroke-width="1.5"/>`);
  out.push(text(x(plan.asOf) + 4, BOTTOM - 8, `${L.asOfMarker} ${formatDate(plan.asOf, lang)}`, 'class="m"'));

  const path = (points: readonly [string, number][], from: string, to: string | undefined, color: string, attrs: string, label: string): void => {
    let d = `M${x(from)} ${y(0)}`;
    for (const [date, n] of points) d += ` H${x(date)} V${y(n)}`;
    if (to !== undefined) d += ` H${x(to)}`;
    out.push(`<path d="${d}" fill="none" stroke="${color}" ${attrs}><title>${esc(label)}</title></path>`);
    const last = points.at(-1);
    if (last) out.push(text(x(to ?? last[0]) + 6, y(last[1]) + 4, formatNumber(last[1], lang), `class="b" style="fill:${color}"`));
  };
  if (original && baseline) path(original, starts[0], undefined, BASELINE, 'stroke-width="2" stroke-dasharray="6 4"', P.lineBaseline(formatDate(baseline.asOf, lang)));
  path(forecast, starts[0], undefined, COLORS.onTime, 'stroke-width="2.5"', P.lineForecast);
  if (recorded.length > 0) path(recorded, starts[0], plan.asOf, RECORDED, 'stroke-width="3.5"', P.lineRecorded);

  // Failed systems, where they failed.
  const after = new Map(recorded);
  for (const c of rec.cutovers) {
    if (c.failed.length === 0) continue;
    const cx = x(c.end);
    const cy = y(after.get(c.end) ?? 0);
    out.push(`<path d="M${cx - 5} ${cy - 5} L${cx + 5} ${cy + 5} M${cx - 5} ${cy + 5} L${cx + 5} ${cy - 5}" stroke="${COLORS.late}" stroke-width="2.5"><title>${esc(`${L.waveN(c.wave)} (${formatDate(c.end, lang)}): ${formatNumber(c.failed.length, lang)} ${P.statusFailed.toLowerCase()}: ${c.failed.join(", ")}`)}</title></path>`);
  }

  // Legend.
  const legend: [string, string, string][] = [
    [RECORDED, "", P.lineRecorded],
    [COLORS.onTime, "", P.lineForecast],
    ...(baseline ? [[BASELINE, ' stroke-dasharray="6 4"', P.lineBaseline(formatDate(baseline.asOf, lang))] as [string, string, string]] : []),
  ];
  let lx = LEFT;
  const ly = BOTTOM + 44;
  for (const [color, dash, name] of legend) {
    out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 24}" y2="${ly - 4}" stroke="${color}" stroke-width="3"${dash}/>`);
    out.push(text(lx + 30, ly, name, 'class="m"'));
    lx += 60 + name.length * 7;
  }
  if (rec.cutovers.some((c) => c.failed.length > 0)) {
    out.push(`<path d="M${lx} ${ly - 9} l10 10 M${lx} ${ly + 1} l10 -10" stroke="${COLORS.late}" stroke-width="2.5"/>`);
    out.push(text(lx + 16, ly, P.failedMarker, 'class="m"'));
  }
  const height = ly + 14;
  const done = recorded.at(-1)?.[1] ?? 0;
  const planned = forecast.at(-1)?.[1] ?? 0;
  const summary = `${P.chartDesc}${baseline ? ` ${P.chartDescBaseline}` : ""} ${P.lineRecorded}: ${formatNumber(done, lang)}; ${P.lineForecast}: ${formatNumber(planned, lang)}${original ? `; ${P.lineBaseline(formatDate(baseline!.asOf, lang))}: ${formatNumber(original.at(-1)?.[1] ?? 0, lang)}` : ""}; ${formatNumber(total, lang)} ${L.unitSystems}.`;
  return [
    `<svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`,
    `<title id="${idPrefix}-title">${esc(P.chartTitle)}</title>`,
    `<desc id="${idPrefix}-desc">${esc(summary)}</desc>`,
    `<style>text{fill:${COLORS.ink};font-size:12px}.b{font-weight:700}.m{fill:${COLORS.muted}}</style>`,
    ...out,
    "</svg>",
  ].join("\n");
}

function nextMonth(iso: string): string {
  const yr = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 12 ? `${yr + 1}-01-01` : `${yr}-${String(m + 1).padStart(2, "0")}-01`;
}
