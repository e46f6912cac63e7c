// Explanations for people: why a system got its disposition and its wave, what it waits for, what
// waits for it and what becomes of its servers; or, for a server, its fate and dates. Pure: reads
// a plan (and the scheduler's working state) and returns text.
import type { InventoryIndex } from "../inventory/model.js";
import type { DetailedPlan } from "./plan.js";
import type { PlanServer, PlanSystem, Size } from "./plan-schema.js";

const size = (s: Size): string => `${s.cpuCores} vCPU, ${s.memoryGiB} GiB memory, ${s.storageGiB} GiB storage`;

function serverLine(s: PlanServer): string {
  const parts = [`${s.id} (${s.kind} at ${s.site}): ${s.fate}${s.targetSite && s.fate !== "retain" ? ` → ${s.targetSite}` : ""}`];
  if (s.freedOn) parts.push(`freed ${s.freedOn}`);
  if (s.relocateOn) parts.push(`moved ${s.relocateOn}`);
  if (s.decommissionOn) parts.push(`decommissioned ${s.decommissionOn}`);
  if (s.target) parts.push(`target ${size(s.target)}`);
  return parts.join(", ");
}

/** The "History:" block of a system with recorded events (progress file), oldest first; nothing without. */
function historyLines(history: PlanSystem["history"]): string[] {
  if (!history || history.length === 0) return [];
  const out = ["History (recorded in the progress file):"];
  for (const h of history) {
    if (h.event === "done") out.push(`  - ${h.date}: cut over for good in wave ${h.wave}`);
    else if (h.event === "failed") out.push(`  - ${h.date}: failed in wave ${h.wave} and rolled back${h.reason ? `: ${h.reason}` : ""}`);
    else out.push(`  - ${h.date}: switched off`);
  }
  return out;
}

/** Text explaining system or server `id`; undefined when the id is neither. */
export function explain(detailed: DetailedPlan, index: InventoryIndex, id: string): string | undefined {
  const { plan, schedule } = detailed;
  const out: string[] = [];
  const sys = plan.systems.find((s) => s.id === id);
  if (sys) {
    const waveOf = new Map(plan.systems.map((s) => [s.id, s.wave]));
    const dispOf = new Map(plan.systems.map((s) => [s.id, s.disposition]));
    out.push(`System ${sys.id} — ${sys.name}`);
    out.push(`  owner ${sys.owner}, function ${sys.function}, security level ${sys.securityLevel}, runs at ${sys.site}${sys.users !== undefined ? `, ${sys.users} users` : ""}, ${sys.dataGiB} GiB of data`);
    out.push("");
    out.push(`Disposition: ${sys.disposition}${sys.into ? ` into ${sys.into}` : ""}${sys.targetSite ? ` (runs at ${sys.targetSite} after the merger, ${sys.platform})` : ""}`);
    if (sys.wave !== undefined) {
      const w = plan.waves[sys.wave - 1];
      out.push(`Wave: ${w.number}, ${w.start}..${w.end} (phase ${w.phase}${w.status === "done" ? ", done: recorded in the progress file" : ""})${sys.late ? `, LATE: after the deadline ${plan.deadline.date}` : ""}`);
    } else if (sys.retireOn) {
      out.push(`Switched off: ${sys.retireOn}`);
    } else {
      const u = plan.unscheduled.find((x) => x.system === id);
      out.push(u ? `Wave: none — unscheduled: ${u.reason}` : "Wave: none (it does not move)");
    }
    out.push(...historyLines(sys.history));
    out.push("Why:");
    for (const r of sys.reasons) out.push(`  - ${r}`);
    const ui = schedule.unitOfSystem.get(id);
    if (ui !== undefined) {
      const u = schedule.units[ui];
      if (u.systems.length > 1) out.push(`Cuts over together with: ${u.systems.filter((s) => s !== id).join(", ")} (${u.reason.en})`);
    }
    const deps = index.systems.get(id)!.dependsOn ?? [];
    out.push("Waits for:");
    let any = false;
    for (const d of deps) {
      any = true;
      if (index.externals.has(d.target)) out.push(`  - ${d.target} (external, ${d.coupling}): never moves`);
      else out.push(`  - ${d.target} (${d.coupling}): ${dispOf.get(d.target)}${waveOf.get(d.target) !== undefined ? `, wave ${waveOf.get(d.target)}` : ""}`);
    }
    if (sys.into) {
      any = true;
      out.push(`  - survivor ${sys.into}: ${dispOf.get(sys.into)}${waveOf.get(sys.into) !== undefined ? `, wave ${waveOf.get(sys.into)}` : ""} (must be in place first)`);
    }
    if (!any) out.push("  nothing");
    out.push("Waited on by:");
    const users = plan.systems.filter((s) => s.dependsOn.includes(id) || s.into === id);
    if (users.length === 0) out.push("  nothing");
    for (const s of users) out.push(`  - ${s.id}: ${s.disposition}${s.wave !== undefined ? `, wave ${s.wave}` : ""}${s.into === id ? " (merged into it)" : ""}`);
    out.push("Servers:");
    const servers = plan.servers.filter((s) => s.systems.includes(id));
    if (servers.length === 0) out.push("  none");
    for (const s of servers) out.push(`  - ${serverLine(s)}: ${s.reasons.join("; ")}`);
    const v = [...plan.violations, ...plan.warnings].filter((x) => x.subject === id || x.message.includes(` ${id} `));
    if (v.length > 0) {
      out.push("Problems:");
      for (const x of v) out.push(`  - ${x.rule}: ${x.message}`);
    }
    return `${out.join("\n")}\n`;
  }
  const srv = plan.servers.find((s) => s.id === id);
  if (srv) {
    out.push(`Server ${serverLine(srv)}`);
    for (const h of srv.history ?? []) out.push(`Recorded: ${h.event} on ${h.date}`);
    out.push("Why:");
    for (const r of srv.reasons) out.push(`  - ${r}`);
    if (srv.hostedOn) out.push(`Runs on host ${srv.hostedOn}`);
    const vms = plan.servers.filter((s) => s.hostedOn === id);
    if (vms.length > 0) {
      out.push("Its VMs:");
      for (const vm of vms) out.push(`  - ${serverLine(vm)}`);
    }
    out.push(`Systems on it: ${srv.systems.length === 0 ? "none" : srv.systems.map((s) => `${s} (${plan.systems.find((x) => x.id === s)?.disposition})`).join(", ")}`);
    if (srv.savings.watts > 0 || srv.savings.rackUnits > 0) out.push(`Saves: ${srv.savings.watts} W, ${srv.savings.kwhPerYear} kWh/year, ${srv.savings.rackUnits} U`);
    return `${out.join("\n")}\n`;
  }
  return undefined;
}
