// The cost by year as an inline SVG bar chart: for each budget year a spending bar (capital
// spending below, recurrent spending stacked on it) and a savings bar beside it, on one scale with
// gridlines, each bar labelled with its amount in the headline money format. Pure string output,
// integer coordinates (stable bytes), no xmlns and no URL, like the timeline.
import type { CostYear } from "../plan-schema.js";
import { costLabels } from "./cost-labels.js";
import type { Lang } from "./i18n.js";
import { formatMoneyCompact, formatMoneyShort } from "./money.js";
import { COLORS, escapeXml as esc } from "./svg-timeline.js";

/** Bar colours (white text is never drawn on them; the amounts sit above the bars). */
export const COST_COLORS = { capex: "#1d4e89", opex: "#6b9bd1", savings: "#2e7d32" } as const;

const W = 760;
const H = 300;
const LEFT = 96;
const RIGHT = W - 16;
const TOP = 44;
const BOTTOM = H - 36;

/** The chart of `byYear`; `idPrefix` keeps element ids unique when embedded twice. */
export function costChartSvg(byYear: readonly CostYear[], lang: Lang, idPrefix = "cost"): string {
  const C = costLabels(lang);
  const max = Math.max(1, ...byYear.map((y) => Math.max(y.capex + y.opex, y.savings)));
  const step = niceStep(max / 4);
  const top = step * Math.ceil(max / step);
  const yOf = (v: number) => Math.round(BOTTOM - (v / top) * (BOTTOM - TOP));
  const out: string[] = [];
  for (let v = 0; v <= top; v += step) {
    const y = yOf(v);
    out.push(`<line x1="${LEFT}" y1="${y}" x2="${RIGHT}" y2="${y}" stroke="${COLORS.grid}"/>`);
    out.push(`<text x="${LEFT - 6}" y="${y + 4}" text-anchor="end" class="m">${esc(formatMoneyCompact(v, lang))}</text>`);
  }
  const group = (RIGHT - LEFT) / Math.max(1, byYear.length);
  const bar = Math.min(44, Math.floor(group / 3));
  byYear.forEach((yr, i) => {
    const cx = Math.round(LEFT + group * (i + 0.5));
    const sx = cx - bar - 2;
    const vx = cx + 2;
    const spend = yr.capex + yr.opex;
    const capexTop = yOf(yr.capex);
    const spendTop = yOf(spend);
    const title = (what: string, v: number) => `<title>${esc(`${yr.year} · ${what}: ${formatMoneyShort(v, lang)}`)}</title>`;
    if (yr.capex > 0) out.push(`<rect x="${sx}" y="${capexTop}" width="${bar}" height="${BOTTOM - capexTop}" fill="${COST_COLORS.capex}">${title(C.capex, yr.capex)}</rect>`);
    if (yr.opex > 0) out.push(`<rect x="${sx}" y="${spendTop}" width="${bar}" height="${capexTop - spendTop}" fill="${COST_COLORS.opex}">${title(C.opex, yr.opex)}</rect>`);
    const saveTop = yOf(yr.savings);
    if (yr.savings > 0) out.push(`<rect x="${vx}" y="${saveTop}" width="${bar}" height="${BOTTOM - saveTop}" fill="${COST_COLORS.savings}">${title(C.savings, yr.savings)}</rect>`);
    // Amounts centred above their bars; when both tops are close, the savings label goes one line up.
    const clash = spend > 0 && yr.savings > 0 && Math.abs(spendTop - saveTop) < 14;
    if (spend > 0) out.push(`<text x="${sx + Math.round(bar / 2)}" y="${spendTop - 4}" text-anchor="middle" class="s">${esc(formatMoneyCompact(spend, lang))}</text>`);
    if (yr.savings > 0) out.push(`<text x="${vx + Math.round(bar / 2)}" y="${Math.min(saveTop, clash ? spendTop - 14 : saveTop) - 4}" text-anchor="middle" class="s">${esc(formatMoneyCompact(yr.savings, lang))}</text>`);
    out.push(`<text x="${cx}" y="${BOTTOM + 18}" text-anchor="middle" class="b">${yr.year}</text>`);
  });
  out.push(`<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}" stroke="${COLORS.ink}"/>`);
  // Legend.
  const legend: [string, string][] = [
    [COST_COLORS.capex, C.capex],
    [COST_COLORS.opex, C.opex],
    [COST_COLORS.savings, C.savings],
  ];
  let lx = LEFT;
  for (const [color, label] of legend) {
    out.push(`<rect x="${lx}" y="14" width="14" height="14" fill="${color}"/>`);
    out.push(`<text x="${lx + 20}" y="26">${esc(label)}</text>`);
    lx += 40 + label.length * 8;
  }
  out.push(`<text x="${RIGHT}" y="26" text-anchor="end" class="m">${esc(C.chartUnit)}</text>`);
  const first = byYear[0]?.year ?? 0;
  const last = byYear[byYear.length - 1]?.year ?? 0;
  return [
    `<svg viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${W}px" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`,
    `<title id="${idPrefix}-title">${esc(C.chartTitle)}</title>`,
    `<desc id="${idPrefix}-desc">${esc(C.chartDesc(first, last))}</desc>`,
    `<style>text{fill:${COLORS.ink};font-size:12px}.b{font-weight:700}.m{fill:${COLORS.muted};font-size:11px}.s{font-size:11px}</style>`,
    ...out,
    "</svg>",
  ].join("\n");
}

/** 1, 2 or 5 × a power of ten, at least `x`. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
