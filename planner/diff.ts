// Plan-to-plan difference (`dcplan diff OLD.json NEW.json`): what a planner pastes into the pull
// request that updates the plan. Per system: a changed disposition (or survivor), wave, wave dates,
// wave status (planned → done), a failure recorded, a changed retirement day, becoming unscheduled
// or scheduled, appearing or disappearing; per server: a changed fate or decommission date; and
// the deadline verdict before and after. Pure: two plans in, a PlanDiff out, rendered as text,
// Markdown or JSON (lists sorted by id, so the same plans give the same bytes).
import type { Plan, PlanServer } from "./plan-schema.js";

/** Where a system stands in one plan. */
export interface SystemState {
  readonly disposition: string;
  readonly into?: string;
  readonly wave?: number;
  readonly start?: string;
  readonly end?: string;
  /** Status of its wave (`planned` for plans older than wave status). */
  readonly status?: "done" | "planned";
  readonly retireOn?: string;
  readonly unscheduled?: boolean;
  readonly late?: boolean;
  /** Done waves it failed in, with the reason recorded. */
  readonly failed?: readonly { readonly wave: number; readonly date: string; readonly reason?: string }[];
}

/** What changed for one system. */
export type SystemChange = "added" | "removed" | "disposition" | "wave" | "date" | "done" | "failed" | "retire-date" | "unscheduled" | "scheduled";

export interface SystemDiff {
  readonly id: string;
  readonly changes: readonly SystemChange[];
  readonly old?: SystemState;
  readonly new?: SystemState;
}

/** Where a server stands in one plan. */
export interface ServerState {
  readonly fate: string;
  readonly decommissionOn?: string;
  readonly recorded?: boolean;
}

export interface ServerDiff {
  readonly id: string;
  readonly old?: ServerState;
  readonly new?: ServerState;
}

/** The deadline verdict of one plan. */
export interface Verdict {
  readonly date: string;
  readonly met: boolean;
  readonly late: number;
  readonly projectedCompletion?: string;
  readonly waves: number;
  readonly doneWaves: number;
}

/** The whole difference. */
export interface PlanDiff {
  readonly old: { readonly asOf: string; readonly verdict: Verdict };
  readonly new: { readonly asOf: string; readonly verdict: Verdict };
  readonly systems: readonly SystemDiff[];
  readonly servers: readonly ServerDiff[];
  /** Systems late in the new plan but not in the old, and the other way round. */
  readonly lateAdded: readonly string[];
  readonly lateRemoved: readonly string[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function systemStates(plan: Plan): Map<string, SystemState> {
  const waves = new Map(plan.waves.map((w) => [w.number, w]));
  const unscheduled = new Set(plan.unscheduled.map((u) => u.system));
  const failedIn = new Map<string, { wave: number; date: string; reason?: string }[]>();
  for (const w of plan.waves) for (const id of w.failed ?? []) (failedIn.get(id) ?? failedIn.set(id, []).get(id)!).push({ wave: w.number, date: w.end });
  const out = new Map<string, SystemState>();
  for (const s of plan.systems) {
    const w = s.wave !== undefined ? waves.get(s.wave) : undefined;
    const failures = (failedIn.get(s.id) ?? []).map((f) => {
      const reason = (s.history ?? []).find((h) => h.event === "failed" && h.wave === f.wave)?.reason;
      return { ...f, ...(reason !== undefined ? { reason } : {}) };
    });
    out.set(s.id, {
      disposition: s.disposition,
      ...(s.into !== undefined ? { into: s.into } : {}),
      ...(w ? { wave: w.number, start: w.start, end: w.end, status: w.status ?? "planned" } : {}),
      ...(s.retireOn !== undefined ? { retireOn: s.retireOn } : {}),
      ...(unscheduled.has(s.id) ? { unscheduled: true } : {}),
      ...(s.late ? { late: true } : {}),
      ...(failures.length > 0 ? { failed: failures } : {}),
    });
  }
  return out;
}

function serverState(s: PlanServer): ServerState {
  return { fate: s.fate, ...(s.decommissionOn !== undefined ? { decommissionOn: s.decommissionOn } : {}), ...((s.history?.length ?? 0) > 0 ? { recorded: true } : {}) };
}

function verdictOf(plan: Plan): Verdict {
  const d = plan.deadline;
  return { date: d.date, met: d.met, late: d.late.length, ...(d.projectedCompletion !== undefined ? { projectedCompletion: d.projectedCompletion } : {}), waves: plan.waves.length, doneWaves: plan.waves.filter((w) => w.status === "done").length };
}

/** The difference from `before` to `after` (see file header). */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const a = systemStates(before);
  const b = systemStates(after);
  const systems: SystemDiff[] = [];
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort(cmp)) {
    const o = a.get(id);
    const n = b.get(id);
    const changes: SystemChange[] = [];
    if (!o) changes.push("added");
    else if (!n) changes.push("removed");
    else {
      if (o.disposition !== n.disposition || o.into !== n.into) changes.push("disposition");
      if (o.wave !== n.wave) changes.push("wave");
      if (o.start !== n.start || o.end !== n.end) changes.push("date");
      if (n.status === "done" && o.status !== "done") changes.push("done");
      if ((n.failed?.length ?? 0) > (o.failed?.length ?? 0)) changes.push("failed");
      if (o.retireOn !== n.retireOn) changes.push("retire-date");
      if (!o.unscheduled && n.unscheduled) changes.push("unscheduled");
      if (o.unscheduled && !n.unscheduled) changes.push("scheduled");
    }
    if (changes.length > 0) systems.push({ id, changes, ...(o ? { old: o } : {}), ...(n ? { new: n } : {}) });
  }
  const sa = new Map(before.servers.map((s) => [s.id, serverState(s)]));
  const sb = new Map(after.servers.map((s) => [s.id, serverState(s)]));
  const servers: ServerDiff[] = [];
  for (const id of [...new Set([...sa.keys(), ...sb.keys()])].sort(cmp)) {
    const o = sa.get(id);
    const n = sb.get(id);
    if (o && n && o.fate === n.fate && o.decommissionOn === n.decommissionOn && Boolean(o.recorded) === Boolean(n.recorded)) continue;
    servers.push({ id, ...(o ? { old: o } : {}), ...(n ? { new: n } : {}) });
  }
  const lateA = new Set(before.deadline.late);
  const lateB = new Set(after.deadline.late);
  return {
    old: { asOf: before.asOf, verdict: verdictOf(before) },
    new: { asOf: after.asOf, verdict: verdictOf(after) },
    systems,
    servers,
    lateAdded: [...lateB].filter((id) => !lateA.has(id)).sort(cmp),
    lateRemoved: [...lateA].filter((id) => !lateB.has(id)).sort(cmp),
  };
}

/** `wave 3 (2026-12-12..2026-12-13, done)`, `retired 2026-11-29`, `unscheduled`, `no wave`. */
export function stateText(s: SystemState | undefined): string {
  if (!s) return "—";
  const disp = `${s.disposition}${s.into ? ` into ${s.into}` : ""}`;
  let where: string;
  if (s.wave !== undefined) where = `wave ${s.wave} (${s.start}..${s.end}${s.status === "done" ? ", done" : ""})`;
  else if (s.retireOn !== undefined) where = `switched off ${s.retireOn}`;
  else if (s.unscheduled) where = "unscheduled";
  else where = "no wave";
  const failed = (s.failed ?? []).map((f) => `failed in wave ${f.wave} (${f.date})${f.reason ? `: ${f.reason}` : ""}`);
  return [`${disp}, ${where}${s.late ? ", late" : ""}`, ...failed].join("; ");
}

function serverText(s: ServerState | undefined): string {
  if (!s) return "—";
  return `${s.fate}${s.decommissionOn ? ` ${s.decommissionOn}` : ""}${s.recorded ? " (recorded)" : ""}`;
}

/** `met (6 waves, 1 done)` / `missed: 1 system late, projected completion 2027-01-03 (6 waves)`. */
export function verdictText(v: Verdict): string {
  const waves = `${v.waves} wave${v.waves === 1 ? "" : "s"}${v.doneWaves > 0 ? `, ${v.doneWaves} done` : ""}`;
  if (v.met) return `met${v.projectedCompletion ? `, completion ${v.projectedCompletion}` : ""} (${waves})`;
  return `missed: ${v.late} system${v.late === 1 ? "" : "s"} late${v.projectedCompletion ? `, projected completion ${v.projectedCompletion}` : ", some unscheduled"} (${waves})`;
}

/** Plain text for a terminal. */
export function diffText(d: PlanDiff): string {
  const out: string[] = [];
  out.push(`Plan as of ${d.old.asOf} → as of ${d.new.asOf}`);
  out.push(`Deadline ${d.new.verdict.date}: ${verdictText(d.old.verdict)} → ${verdictText(d.new.verdict)}`);
  if (d.lateAdded.length > 0) out.push(`  newly late: ${d.lateAdded.join(", ")}`);
  if (d.lateRemoved.length > 0) out.push(`  no longer late: ${d.lateRemoved.join(", ")}`);
  out.push("", `Systems changed: ${d.systems.length}`);
  for (const s of d.systems) out.push(`  ${s.id} [${s.changes.join(", ")}]: ${stateText(s.old)} → ${stateText(s.new)}`);
  out.push("", `Servers changed: ${d.servers.length}`);
  for (const s of d.servers) out.push(`  ${s.id}: ${serverText(s.old)} → ${serverText(s.new)}`);
  return `${out.join("\n")}\n`;
}

const md = (s: string): string => s.replace(/\r?\n/g, " ").replace(/([\\`*_[\]<>|#~])/g, "\\$1");

/** GitHub-flavoured Markdown for a pull request. */
export function diffMarkdown(d: PlanDiff): string {
  const out: string[] = [];
  out.push(`### Plan as of ${d.old.asOf} → as of ${d.new.asOf}`, "");
  out.push(`| | before | after |`, `|---|---|---|`);
  out.push(`| deadline ${d.new.verdict.date} | ${md(verdictText(d.old.verdict))} | ${md(verdictText(d.new.verdict))} |`);
  out.push("");
  if (d.lateAdded.length > 0) out.push(`Newly late: ${d.lateAdded.map((id) => `\`${id}\``).join(", ")}`, "");
  if (d.lateRemoved.length > 0) out.push(`No longer late: ${d.lateRemoved.map((id) => `\`${id}\``).join(", ")}`, "");
  out.push(`#### Systems changed: ${d.systems.length}`, "");
  if (d.systems.length > 0) {
    out.push("| system | change | before | after |", "|---|---|---|---|");
    for (const s of d.systems) out.push(`| \`${s.id}\` | ${s.changes.join(", ")} | ${md(stateText(s.old))} | ${md(stateText(s.new))} |`);
    out.push("");
  }
  out.push(`#### Servers changed: ${d.servers.length}`, "");
  if (d.servers.length > 0) {
    out.push("| server | before | after |", "|---|---|---|");
    for (const s of d.servers) out.push(`| \`${s.id}\` | ${md(serverText(s.old))} | ${md(serverText(s.new))} |`);
    out.push("");
  }
  return `${out.join("\n")}`;
}

/** JSON, 2-space indented, trailing newline. */
export function diffJson(d: PlanDiff): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

