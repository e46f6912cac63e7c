// Money as people read it: whole đồng with the language's thousands separator and the currency
// (`1.234.567.000 ₫`; English `VND 1,234,567,000`), and short forms for headlines ("4,61 tỷ đồng",
// "883,8 triệu đồng"; English "4.61 billion VND"). JSON and XLSX keep plain integers: the XLSX gets
// a number format (MONEY_NUMFMT) instead of text. Formatting is by hand (i18n.ts formatNumber), so
// the bytes never depend on the machine's ICU data.
import { formatNumber, type Lang } from "./i18n.js";

/** A whole amount of đồng: `1.234.567.000 ₫` (vi), `VND 1,234,567,000` (en); negatives with "−". */
export function formatMoney(dong: number, lang: Lang): string {
  const n = formatNumber(Math.round(dong), lang);
  return lang === "vi" ? `${n} ₫` : `VND ${n}`;
}

/** A headline amount: tỷ (10⁹) or triệu (10⁶) đồng with up to 2 or 1 decimals, smaller sums in full. */
export function formatMoneyShort(dong: number, lang: Lang): string {
  const abs = Math.abs(dong);
  const scaled = (unit: number, digits: number) => trimZeros(formatNumber(dong / unit, lang, digits), lang);
  // 999 999 999 đồng would round to 1 000 triệu: say 1 tỷ instead.
  const billions = abs >= 999_950_000;
  const [big, mid, small] = lang === "vi" ? ["tỷ đồng", "triệu đồng", "đồng"] : ["billion VND", "million VND", "VND"];
  if (billions) return `${scaled(1e9, 2)} ${big}`;
  if (abs >= 999_950) return `${scaled(1e6, 1)} ${mid}`;
  return `${formatNumber(Math.round(dong), lang)} ${small}`;
}

/** A chart label: like formatMoneyShort without the currency word (`1,29 tỷ`, `612 triệu`; `1.29 bn`, `612 m`). */
export function formatMoneyCompact(dong: number, lang: Lang): string {
  return formatMoneyShort(dong, lang)
    .replace(/ (tỷ|triệu) đồng$/, " $1")
    .replace(/ đồng$/, "")
    .replace(/ billion VND$/, " bn")
    .replace(/ million VND$/, " m")
    .replace(/ VND$/, "");
}

/** Excel number format of money cells (the cell holds the integer; the sheet shows `1.234.567 ₫` in a Vietnamese locale). */
export function moneyNumFmt(lang: Lang): string {
  return lang === "vi" ? '#,##0 "₫"' : '"VND" #,##0';
}

/** "4,50" → "4,5", "4,00" → "4" (the decimal mark of `lang`). */
function trimZeros(s: string, lang: Lang): string {
  const mark = lang === "vi" ? "," : ".";
  if (!s.includes(mark)) return s;
  return s.replace(/0+$/, "").replace(new RegExp(`\\${mark}$`), "");
}
