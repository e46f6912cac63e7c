// The deadline options in the Markdown exports: in the roadmap (`export --format md`), the
// province's options as a table right under the verdict, as the HTML section says them
// (options-section.ts: plain words, best first, cost against the plan when costed, no
// configuration key); in the per-agency Markdown plans, which deferral options would move the
// agency's own systems past the deadline (the HTML's agency view).
import { changeText, namesOf, outcomeText } from "../options/describe.js";
import { optionCostText } from "../options/report.js";
import type { Plan } from "../plan-schema.js";
import { formatDate, type Lang } from "./i18n.js";
import { escapeMd } from "./markdown.js";
import { agencyDeferrals, OPTIONS_WORDS } from "./options-section.js";

/** The province's options in Markdown, with their heading; nothing when the plan carries no options. */
export function optionsMarkdown(plan: Plan, lang: Lang): string[] {
  const options = plan.deadline.options;
  if (!options) return [];
  const W = OPTIONS_WORDS[lang];
  const search = plan.deadline.optionsSearch;
  const out = [`## ${escapeMd(W.title)}`, ""];
  if (options.length === 0) {
    out.push(escapeMd(W.none(search?.replans ?? 0)), "");
  } else {
    const names = { ...namesOf(plan), date: (iso: string) => formatDate(iso, lang) };
    const withCost = options.some((o) => o.cost);
    const head = withCost ? [...W.head] : W.head.slice(0, 3);
    out.push(escapeMd(W.intro), "", `| ${head.map(escapeMd).join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---:" : "---")).join("|")}|`);
    options.forEach((o, i) => {
      const cells = [String(i + 1), escapeMd(changeText(o, lang, names)), `**${escapeMd(o.met ? W.meets : W.defers)}**: ${escapeMd(outcomeText(o, plan.deadline.date, lang, names))}`, ...(withCost ? [escapeMd(optionCostText(o, lang))] : [])];
      out.push(`| ${cells.join(" | ")} |`);
    });
    out.push("");
  }
  if (search?.exhausted) out.push(escapeMd(W.cutShort), "");
  return out;
}

/** The agency view in Markdown, with its heading; nothing when the plan carries no options. */
export function agencyOptionsMarkdown(plan: Plan, lang: Lang): string[] {
  if (!plan.deadline.options) return [];
  const W = OPTIONS_WORDS[lang];
  const items = agencyDeferrals(plan, lang).map((x) => `- ${escapeMd(x.text)}`);
  return [`## ${escapeMd(W.title)}`, "", ...(items.length === 0 ? [escapeMd(W.agencyNone)] : [escapeMd(W.agencyIntro), "", ...items]), ""];
}
