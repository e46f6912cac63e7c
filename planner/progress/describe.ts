// The progress summary `dcplan validate --progress` prints: counts, each recorded window with its
// results, retirements, server facts, and the warnings. Pure: from checked progress.
import { formatFinding, sortFindings } from "../../common/errors.js";
import type { CheckedProgress } from "./check.js";
import { progressSummary } from "./facts.js";

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Text block describing `checked` (file `file`), one fact per line. */
export function describeProgress(file: string, checked: CheckedProgress): string {
  const { facts } = checked;
  const sum = progressSummary(facts);
  const out: string[] = ["", `Progress ${file}: valid.`];
  if (sum.cutoversDone === 0 && sum.systemsRetired === 0 && sum.serversDecommissioned === 0 && sum.serversRelocated === 0) {
    out.push("  nothing recorded yet");
  } else {
    out.push(
      `  ${plural(sum.cutoversDone, "cutover")}: ${sum.systemsDone} done, ${plural(sum.systemsFailed, "system")} failed and to be planned again; ${sum.systemsRetired} retired; ${plural(sum.serversDecommissioned, "server")} decommissioned, ${sum.serversRelocated} relocated; last recorded ${sum.lastRecorded}`,
    );
    for (const c of facts.cutovers) {
      const failed = c.failed.map((f) => `${f.system} (${f.reason})`).join(", ");
      out.push(`  ${c.start}..${c.end}: done ${c.done.length === 0 ? "none" : c.done.join(", ")}${failed ? `; failed ${failed}` : ""}`);
    }
    const retired = [...facts.retired].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
    if (retired.length > 0) out.push(`  retired: ${retired.map(([id, on]) => `${id} on ${on}`).join(", ")}`);
    const servers = [...[...facts.decommissioned].map(([id, on]) => `${id} decommissioned ${on}`), ...[...facts.relocated].map(([id, on]) => `${id} relocated ${on}`)].sort();
    if (servers.length > 0) out.push(`  servers: ${servers.join(", ")}`);
  }
  out.push(`  Warnings: ${checked.warnings.length}`);
  for (const w of sortFindings(checked.warnings)) out.push(`  ${formatFinding(w)}`);
  return `${out.join("\n")}\n`;
}
