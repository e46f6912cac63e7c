// The deadline options in the exports (planner/options/, docs/options.md). The HTML roadmap's
// section "Phương án đáp ứng thời hạn", right under the verdict: what each option changes and what
// it gives, in plain words, best first, with its cost against the plan when the plan was costed —
// no configuration key (the changes to apply are for planners: `dcplan options`). A per-agency plan
// says instead which deferral options would move that agency's own systems past the deadline
// (options-markdown.ts says the same in the per-agency Markdown plans).
import { changeText, namesOf as optionNames, outcomeText } from "../options/describe.js";
import { optionCostText } from "../options/report.js";
import type { DeadlineOption, Plan } from "../plan-schema.js";
import { formatDate, formatNumber, type Lang } from "./i18n.js";
import { escapeXml as esc } from "./svg-timeline.js";

/** Whose view the section gives: the province's options, or one agency's deferrals. */
export type OptionsView = "province" | "agency";

/** The section's words per language. */
export const OPTIONS_WORDS = {
  vi: {
    title: "Phương án đáp ứng thời hạn",
    intro: "Kế hoạch hiện tại không đạt thời hạn. Mỗi phương án dưới đây đã được kiểm chứng bằng cách lập lại toàn bộ kế hoạch với thay đổi của nó; xếp theo mức thay đổi từ nhỏ đến lớn, các phương án đạt thời hạn trước.",
    none: (n: number) => `Không tìm thấy phương án nào đáp ứng thời hạn trong ${formatNumber(n, "vi")} lần lập lại kế hoạch.`,
    cutShort: "Việc tìm kiếm dừng lại khi hết số lần lập lại kế hoạch cho phép; có thể còn phương án khác.",
    head: ["#", "Phương án", "Kết quả", "Chi phí so với kế hoạch"],
    meets: "Đạt thời hạn",
    defers: "Lùi một số hệ thống",
    agencyIntro: "Lộ trình của tỉnh có phương án để một số hệ thống chuyển đổi sau thời hạn, cho các hệ thống còn lại hoàn thành đúng hạn. Phương án đó ảnh hưởng đến cơ quan:",
    agencyItem: (n: number, total: number, systems: string, date: string) =>
      `Nếu chọn phương án ${n} của lộ trình (${total} hệ thống chuyển đổi sau thời hạn), các hệ thống sau của cơ quan chuyển đổi từ ngày ${date}: ${systems}.`,
    agencyNone: "Không phương án lùi hệ thống nào ảnh hưởng đến các hệ thống của cơ quan.",
  },
  en: {
    title: "Options to meet the deadline",
    intro: "The plan as it is misses the deadline. Each option below was confirmed by planning again in full with its change; they are ranked by how small the change is, those that meet the deadline first.",
    none: (n: number) => `No option within ${formatNumber(n, "en")} re-plans meets the deadline.`,
    cutShort: "The search stopped at its re-plan budget; there may be other options.",
    head: ["#", "Option", "Result", "Cost against the plan"],
    meets: "Meets the deadline",
    defers: "Defers systems",
    agencyIntro: "The province's roadmap has an option to cut some systems over after the deadline so that every other system finishes on time. It touches the agency:",
    agencyItem: (n: number, total: number, systems: string, date: string) => `If option ${n} of the roadmap is chosen (${total} systems cut over after the deadline), these systems of the agency cut over from ${date}: ${systems}.`,
    agencyNone: "No deferral option moves any of the agency's systems.",
  },
} as const;

/** The section's heading. */
export function optionsTitle(lang: Lang): string {
  return OPTIONS_WORDS[lang].title;
}

/** The deferred systems of an option. */
export function deferred(o: DeadlineOption): string[] {
  return o.levers.flatMap((l) => (l.kind === "deferral" ? (l.systems ?? []) : []));
}

/** The body of the options section (see file header); `plan` is the whole plan, or an agency's part of it for the agency view. */
export function optionsSectionHtml(plan: Plan, lang: Lang, view: OptionsView = "province"): string {
  const W = OPTIONS_WORDS[lang];
  const d = plan.deadline;
  const options = d.options ?? [];
  const names = { ...optionNames(plan), date: (iso: string) => formatDate(iso, lang) };
  if (view === "agency") {
    const items = agencyDeferrals(plan, lang).map((x) => `<li data-option="${esc(x.id)}">${esc(x.text)}</li>`);
    return items.length === 0 ? `<p data-options="none">${esc(W.agencyNone)}</p>` : `<p>${esc(W.agencyIntro)}</p>\n<ul class="plain">\n${items.join("\n")}\n</ul>`;
  }
  if (options.length === 0) {
    return [`<p>${esc(W.none(d.optionsSearch?.replans ?? 0))}</p>`, ...(d.optionsSearch?.exhausted ? [`<p>${esc(W.cutShort)}</p>`] : [])].join("\n");
  }
  const withCost = options.some((o) => o.cost);
  const head = (withCost ? W.head : W.head.slice(0, 3)).map((h, i) => `<th scope="col"${i === 0 ? ' class="num"' : ""}>${esc(h)}</th>`).join("");
  const rows = options.map((o, i) => {
    const badge = o.met ? `<span class="badge ok">${esc(W.meets)}</span>` : `<span class="badge late">${esc(W.defers)}</span>`;
    const cells = [
      `<th scope="row" class="num">${i + 1}</th>`,
      `<td>${esc(changeText(o, lang, names))}</td>`,
      `<td>${badge} ${esc(outcomeText(o, d.date, lang, names))}</td>`,
      ...(withCost ? [`<td>${esc(optionCostText(o, lang))}</td>`] : []),
    ];
    return `<tr data-option="${esc(o.id)}">${cells.join("")}</tr>`;
  });
  return `<p>${esc(W.intro)}</p>
<table>
<caption class="sr-only">${esc(W.title)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>${d.optionsSearch?.exhausted ? `\n<p>${esc(W.cutShort)}</p>` : ""}`;
}

/** The deferral options that move systems of the agency `plan` was cut to (planForOwner), each as a sentence. */
export function agencyDeferrals(plan: Plan, lang: Lang): { id: string; text: string }[] {
  const W = OPTIONS_WORDS[lang];
  const own = new Set(plan.systems.map((s) => s.id));
  const names = optionNames(plan);
  return (plan.deadline.options ?? [])
    .map((o, i) => ({ o, n: i + 1, mine: deferred(o).filter((s) => own.has(s)) }))
    .filter((x) => x.mine.length > 0)
    .map((x) => ({ id: x.o.id, text: W.agencyItem(x.n, deferred(x.o).length, x.mine.map((s) => names.system(s)).join("; "), formatDate(x.o.levers.find((l) => l.kind === "deferral")!.notBefore!, lang)) }));
}
