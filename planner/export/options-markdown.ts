// The deadline options in the per-agency Markdown plans: which deferral options would move the
// agency's own systems past the deadline (the HTML's agency view, options-section.ts).
import type { Plan } from "../plan-schema.js";
import type { Lang } from "./i18n.js";
import { escapeMd } from "./markdown.js";
import { agencyDeferrals, OPTIONS_WORDS } from "./options-section.js";

/** The agency view in Markdown, with its heading; nothing when the plan carries no options. */
export function agencyOptionsMarkdown(plan: Plan, lang: Lang): string[] {
  if (!plan.deadline.options) return [];
  const W = OPTIONS_WORDS[lang];
  const items = agencyDeferrals(plan, lang).map((x) => `- ${escapeMd(x.text)}`);
  return [`## ${escapeMd(W.title)}`, "", ...(items.length === 0 ? [escapeMd(W.agencyNone)] : [escapeMd(W.agencyIntro), "", ...items]), ""];
}
