// The options of a plan for the terminal and for pull requests: the verdict, then a table a leader
// reads (what to change, in plain words; what it gives; its cost against the plan), then the change
// to apply to the planning profile for each option (the JSON merge patch, for the planner). Also
// the short list `dcplan plan` prints on standard error. Pure: plan in, text out.
import { headlineFigures, verdictText } from "../export/figures.js";
import { formatDate, formatNumber, type Lang } from "../export/i18n.js";
import { formatMoneyShort } from "../export/money.js";
import type { DeadlineOption, Plan } from "../plan-schema.js";
import { changeText, namesOf, optionText, outcomeText } from "./describe.js";

/** Words of the options report per language. */
const WORDS = {
  vi: {
    intro: "Phương án đáp ứng thời hạn (mỗi phương án đã được kiểm chứng bằng cách lập lại kế hoạch với thay đổi của nó):",
    none: (n: number) => `Không tìm thấy phương án nào đáp ứng thời hạn trong ${formatNumber(n, "vi")} lần lập lại kế hoạch.`,
    cutShort: "Việc tìm kiếm dừng lại khi hết số lần lập lại kế hoạch cho phép; có thể còn phương án khác.",
    notSearched: "Kế hoạch này chưa tìm phương án (lập kế hoạch với --options-budget 0).",
    metAlready: (deadline: string) => `Thời hạn ${deadline} đạt: không cần phương án nào.`,
    head: ["#", "Phương án", "Kết quả", "Chi phí so với kế hoạch"],
    patches: "Thay đổi cần áp dụng vào hồ sơ kế hoạch (JSON merge patch):",
    costMore: (s: string) => `tăng ${s}`,
    costLess: (s: string) => `giảm ${s}`,
    costSame: "không đổi",
  },
  en: {
    intro: "Options to meet the deadline (each confirmed by planning again with its change):",
    none: (n: number) => `No option within ${formatNumber(n, "en")} re-plans meets the deadline.`,
    cutShort: "The search stopped at its re-plan budget; there may be other options.",
    notSearched: "This plan was made without searching for options (--options-budget 0).",
    metAlready: (deadline: string) => `The deadline ${deadline} is met: no option is needed.`,
    head: ["#", "Option", "Result", "Cost against the plan"],
    patches: "Change to apply to the planning profile (JSON merge patch):",
    costMore: (s: string) => `${s} more`,
    costLess: (s: string) => `${s} less`,
    costSame: "no change",
  },
} as const;

/** Output formats of `dcplan options` (the command declares the same list: OPTIONS_FORMATS in planner/cli/commands/index.ts). */
export type OptionsFormat = "text" | "md" | "json";

/**
 * The lines `dcplan plan` adds to its summary, in `lang` [en]: on standard error in English the
 * contract's summaries (with ids, as the plan's summary line); by names in Vietnamese, and in English
 * too when `byName` (a person at a terminal).
 */
export function optionsSummaryLines(plan: Plan, lang: Lang = "en", byName = false): string[] {
  const options = plan.deadline.options;
  if (!options) return [];
  if (lang === "vi") return optionsSummaryLinesVi(plan, options);
  const names = byName ? namesOf(plan) : undefined;
  if (options.length === 0) return [`dcplan plan: no option within ${plan.deadline.optionsSearch?.replans ?? 0} re-plans meets the deadline`];
  const meet = options.filter((o) => o.met).length;
  const defer = options.length - meet;
  const what = [meet > 0 ? `${meet} option${meet === 1 ? "" : "s"} meet${meet === 1 ? "s" : ""} the deadline` : "no option meets the deadline", ...(defer > 0 ? [`${defer} defer${defer === 1 ? "s" : ""} systems past it`] : [])].join(", ");
  return [`dcplan plan: ${what} (\`dcplan options\` shows them with their changes):`, ...options.map((o, i) => `  ${i + 1}. ${names ? optionText(o, plan.deadline.date, "en", names) : o.summary}`)];
}

function optionsSummaryLinesVi(plan: Plan, options: readonly DeadlineOption[]): string[] {
  if (options.length === 0) return [`dcplan plan: không phương án nào đáp ứng thời hạn trong ${formatNumber(plan.deadline.optionsSearch?.replans ?? 0, "vi")} lần lập lại kế hoạch`];
  const meet = options.filter((o) => o.met).length;
  const defer = options.length - meet;
  const what = [meet > 0 ? `${meet} phương án đáp ứng thời hạn` : "không phương án nào đáp ứng thời hạn", ...(defer > 0 ? [`${defer} phương án lùi một số hệ thống sau thời hạn`] : [])].join(", ");
  const names = namesOf(plan);
  return [`dcplan plan: ${what} (\`dcplan options\` liệt kê kèm thay đổi cần làm):`, ...options.map((o, i) => `  ${i + 1}. ${optionText(o, plan.deadline.date, "vi", names)}`)];
}

/** The cost cell of an option: the net difference in đồng, or empty without a price book. */
export function optionCostText(option: DeadlineOption, lang: Lang): string {
  if (!option.cost) return "";
  const w = WORDS[lang];
  const net = option.cost.net;
  return net === 0 ? w.costSame : net > 0 ? w.costMore(formatMoneyShort(net, lang)) : w.costLess(formatMoneyShort(-net, lang));
}

/** The options report of `plan` in `format` and `lang` (see file header). */
export function optionsReport(plan: Plan, format: OptionsFormat, lang: Lang): string {
  const d = plan.deadline;
  if (format === "json") {
    const { criticalChain: _c, ...deadline } = d;
    void _c;
    return `${JSON.stringify({ asOf: plan.asOf, targetSite: plan.targetSite, deadline }, null, 2)}\n`;
  }
  const w = WORDS[lang];
  // Dates as the verdict writes them (31/12/2026, 31 Dec 2026).
  const names = { ...namesOf(plan), date: (iso: string) => formatDate(iso, lang) };
  const verdict = verdictText(headlineFigures(plan), lang);
  const lines: string[] = [format === "md" ? `**${verdict}**` : verdict, ""];
  if (d.met) return `${[...lines, w.metAlready(formatDate(d.date, lang))].join("\n")}\n`;
  const options = d.options;
  if (!options) return `${[...lines, w.notSearched].join("\n")}\n`;
  if (options.length === 0) {
    lines.push(w.none(d.optionsSearch?.replans ?? 0));
    if (d.optionsSearch?.exhausted) lines.push(w.cutShort);
    return `${lines.join("\n")}\n`;
  }
  const withCost = options.some((o) => o.cost);
  const head = withCost ? [...w.head] : w.head.slice(0, 3);
  const rows = options.map((o, i) => {
    const row = [String(i + 1), changeText(o, lang, names), outcomeText(o, d.date, lang, names)];
    return withCost ? [...row, optionCostText(o, lang)] : row;
  });
  lines.push(w.intro, "");
  if (format === "md") {
    lines.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---:" : "---")).join("|")}|`);
    for (const r of rows) lines.push(`| ${r.map(mdCell).join(" | ")} |`);
    lines.push("", w.patches, "");
    options.forEach((o, i) => lines.push(`${i + 1}. \`${o.id}\`: \`${JSON.stringify(o.change)}\``));
  } else {
    lines.push(...textTable(head, rows, [3, 52, 40, 22]));
    lines.push("", w.patches);
    options.forEach((o, i) => lines.push(`  ${i + 1}. ${o.id}: ${JSON.stringify(o.change)}`));
  }
  if (d.optionsSearch?.exhausted) lines.push("", w.cutShort);
  return `${lines.join("\n")}\n`;
}

function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A plain-text table with columns of at most `widths` characters, cells wrapped at spaces. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): string[] {
  const all = [head, ...rows];
  const w = head.map((_, c) => Math.max(...all.map((r) => longestWord(r[c] ?? "")), Math.min(widths[c] ?? 40, ...[Math.max(...all.map((r) => (r[c] ?? "").length))])));
  const rule = `+${w.map((x) => "-".repeat(x + 2)).join("+")}+`;
  const out = [rule];
  all.forEach((r, ri) => {
    const cells = r.map((cell, c) => wrap(cell, w[c]));
    const height = Math.max(...cells.map((x) => x.length));
    for (let l = 0; l < height; l++) out.push(`| ${cells.map((x, c) => (x[l] ?? "").padEnd(w[c])).join(" | ")} |`);
    if (ri === 0 || ri === all.length - 1) out.push(rule);
    else out.push(`|${w.map((x) => " ".repeat(x + 2)).join("|")}|`);
  });
  return out;
}

function longestWord(s: string): number {
  return s.split(" ").reduce((m, x) => Math.max(m, x.length), 0);
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  out.push(line);
  return out;
}
