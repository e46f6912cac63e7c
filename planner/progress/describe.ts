// The progress summary `dcplan validate --progress` prints: counts, each recorded window with its
// results, retirements, server facts, and the warnings, in English or Vietnamese (the CLI
// catalogue's `progress.*` keys). Pure: from checked progress.
import { sortFindings } from "../../common/errors.js";
import { type CliKey, cliText, formatLocalisedFinding, type Params } from "../cli/messages/index.js";
import { formatDate, type Lang } from "../export/i18n.js";
import type { CheckedProgress } from "./check.js";
import { progressSummary } from "./facts.js";

/** Text block describing `checked` (file `file`) in `lang` [en], one fact per line. */
export function describeProgress(file: string, checked: CheckedProgress, lang: Lang = "en"): string {
  const t = (key: CliKey, params: Params = {}): string => cliText(lang, key, params);
  const day = (iso: string | undefined): string => (iso === undefined || lang === "en" ? String(iso) : formatDate(iso, lang));
  const { facts } = checked;
  const sum = progressSummary(facts);
  const out: string[] = ["", t("progress.valid", { file })];
  if (sum.cutoversDone === 0 && sum.systemsRetired === 0 && sum.serversDecommissioned === 0 && sum.serversRelocated === 0) {
    out.push(`  ${t("progress.nothing")}`);
  } else {
    out.push(
      `  ${t("progress.counts", { cutovers: sum.cutoversDone, done: sum.systemsDone, failed: sum.systemsFailed, retired: sum.systemsRetired, decommissioned: sum.serversDecommissioned, relocated: sum.serversRelocated, last: day(sum.lastRecorded) })}`,
    );
    for (const c of facts.cutovers) {
      const failed = c.failed.map((f) => `${f.system} (${f.reason})`).join(", ");
      out.push(`  ${t("progress.window", { start: day(c.start), end: day(c.end), done: c.done.length === 0 ? t("progress.none") : c.done.join(", "), failed: failed ? t("progress.failed", { failed }) : "" })}`);
    }
    const retired = [...facts.retired].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
    if (retired.length > 0) out.push(`  ${t("progress.retired", { list: retired.map(([id, on]) => t("progress.retiredOne", { id, date: day(on) })).join(", ") })}`);
    // Sorted by the English text (id first), the same order in both languages.
    const servers = [
      ...[...facts.decommissioned].map(([id, on]) => ({ key: `${id} decommissioned ${on}`, text: t("progress.decommissionedOne", { id, date: day(on) }) })),
      ...[...facts.relocated].map(([id, on]) => ({ key: `${id} relocated ${on}`, text: t("progress.relocatedOne", { id, date: day(on) }) })),
    ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (servers.length > 0) out.push(`  ${t("progress.servers", { list: servers.map((s) => s.text).join(", ") })}`);
  }
  out.push(`  ${t("progress.warnings", { count: checked.warnings.length })}`);
  for (const w of sortFindings(checked.warnings)) out.push(`  ${formatLocalisedFinding(w, lang)}`);
  return `${out.join("\n")}\n`;
}
