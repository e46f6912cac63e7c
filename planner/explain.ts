// Explanations for people: why a system got its disposition and its wave, what it waits for, what
// waits for it and what becomes of its servers; or, for a server, its fate and dates. Pure: reads
// a plan (and the scheduler's working state) and returns text, in English or Vietnamese. The words
// are the CLI catalogue's (planner/cli/messages/cli.ts, keys `explain.*`); the planner's own
// sentences (reasons) come from the plan, translated by its `translations`. The English text names
// things by their ids, as planners type them; the Vietnamese by their names, dates as dd/mm/yyyy.
import type { InventoryIndex } from "../inventory/model.js";
import { type CliKey, cliText, type Params } from "./cli/messages/index.js";
import { dispositionLabel, fateLabel, formatDate, type Lang, phaseLabel, platformLabel } from "./export/i18n.js";
import { text } from "./export/tables.js";
import type { DetailedPlan } from "./plan.js";
import type { Plan, PlanServer, PlanSystem, Size } from "./plan-schema.js";

/** The words of one explanation: the catalogue in `lang`, and how things are named in it. */
function wordsFor(plan: Plan, lang: Lang) {
  const vi = lang === "vi";
  const t = (key: CliKey, params: Params = {}): string => cliText(lang, key, params);
  const systemName = new Map(plan.systems.map((s) => [s.id, s.name]));
  const names = new Map<string, string>([...plan.sites, ...plan.agencies, ...plan.externals].map((x) => [x.id, x.name]));
  return {
    t,
    vi,
    /** A system, site, agency or external as the language names it. */
    name: (id: string): string => (vi ? (systemName.get(id) ?? names.get(id) ?? id) : id),
    date: (iso: string): string => (vi ? formatDate(iso, lang) : iso),
    disposition: (d: Plan["systems"][number]["disposition"] | undefined): string => (vi && d !== undefined ? dispositionLabel(d, lang) : String(d)),
    fate: (f: PlanServer["fate"]): string => (vi ? fateLabel(f, lang) : f),
    kind: (k: string): string => t(`explain.kind.${k}` as CliKey),
    coupling: (c: string): string => t(`explain.coupling.${c}` as CliKey),
    wave: (n: number | undefined): string => (n !== undefined ? t("explain.inWave", { wave: String(n) }) : ""),
    said: (s: string): string => text(plan, lang, s),
    /** ", function <id>" in English; in Vietnamese nothing, as the inventory gives functions ids, not names. */
    functionPart: (fn: string): string => (vi ? "" : t("explain.function", { function: fn })),
  };
}

type Words = ReturnType<typeof wordsFor>;

function size(w: Words, s: Size): string {
  return w.t("explain.size", { cpu: s.cpuCores, memory: s.memoryGiB, storage: s.storageGiB });
}

function serverLine(w: Words, s: PlanServer): string {
  const parts = [
    w.t("explain.serverHead", { id: s.id, kind: w.kind(s.kind), site: w.name(s.site), fate: w.fate(s.fate), target: s.targetSite && s.fate !== "retain" ? ` → ${w.name(s.targetSite)}` : "" }),
  ];
  if (s.freedOn) parts.push(w.t("explain.freed", { date: w.date(s.freedOn) }));
  if (s.relocateOn) parts.push(w.t("explain.moved", { date: w.date(s.relocateOn) }));
  if (s.decommissionOn) parts.push(w.t("explain.decommissioned", { date: w.date(s.decommissionOn) }));
  if (s.target) parts.push(w.t("explain.targetSize", { size: size(w, s.target) }));
  return parts.join(", ");
}

/** The "History:" block of a system with recorded events (progress file), oldest first; nothing without. */
function historyLines(w: Words, history: PlanSystem["history"]): string[] {
  if (!history || history.length === 0) return [];
  const out = [w.t("explain.history")];
  for (const h of history) {
    const date = w.date(h.date);
    if (h.event === "done") out.push(`  - ${w.t("explain.historyDone", { date, wave: String(h.wave) })}`);
    else if (h.event === "failed") out.push(`  - ${w.t("explain.historyFailed", { date, wave: String(h.wave), reason: h.reason ? `: ${h.reason}` : "" })}`);
    else out.push(`  - ${w.t("explain.historyRetired", { date })}`);
  }
  return out;
}

/** Text explaining system or server `id` in `lang` [en]; undefined when the id is neither. */
export function explain(detailed: DetailedPlan, index: InventoryIndex, id: string, lang: Lang = "en"): string | undefined {
  const { plan, schedule } = detailed;
  const w = wordsFor(plan, lang);
  const { t } = w;
  const out: string[] = [];
  const sys = plan.systems.find((s) => s.id === id);
  if (sys) {
    const waveOf = new Map(plan.systems.map((s) => [s.id, s.wave]));
    const dispOf = new Map(plan.systems.map((s) => [s.id, s.disposition]));
    out.push(t("explain.system", { id: sys.id, name: sys.name }));
    out.push(
      `  ${t("explain.facts", { owner: w.name(sys.owner), function: w.functionPart(sys.function), level: String(sys.securityLevel), site: w.name(sys.site), users: sys.users !== undefined ? t("explain.users", { users: sys.users }) : "", data: sys.dataGiB })}`,
    );
    out.push("");
    out.push(
      t("explain.disposition", {
        disposition: w.disposition(sys.disposition),
        into: sys.into ? t("explain.into", { system: w.name(sys.into) }) : "",
        after: sys.targetSite ? t("explain.after", { site: w.name(sys.targetSite), platform: w.vi ? platformLabel(sys.platform, lang) : sys.platform }) : "",
      }),
    );
    if (sys.wave !== undefined) {
      const wave = plan.waves[sys.wave - 1];
      out.push(
        t("explain.wave", {
          wave: String(wave.number),
          start: w.date(wave.start),
          end: w.date(wave.end),
          phase: w.vi ? phaseLabel(wave.phase, lang) : wave.phase,
          done: wave.status === "done" ? t("explain.waveDone") : "",
          late: sys.late ? t("explain.late", { deadline: w.date(plan.deadline.date) }) : "",
        }),
      );
    } else if (sys.retireOn) {
      out.push(t("explain.switchedOff", { date: w.date(sys.retireOn) }));
    } else {
      const u = plan.unscheduled.find((x) => x.system === id);
      out.push(u ? t("explain.unscheduled", { reason: w.said(u.reason) }) : t("explain.noWave"));
    }
    out.push(...historyLines(w, sys.history));
    out.push(t("explain.why"));
    for (const r of sys.reasons) out.push(`  - ${w.said(r)}`);
    const ui = schedule.unitOfSystem.get(id);
    if (ui !== undefined) {
      const u = schedule.units[ui];
      if (u.systems.length > 1) out.push(t("explain.together", { systems: u.systems.filter((s) => s !== id).map(w.name).join(", "), reason: w.vi ? u.reason.vi : u.reason.en }));
    }
    const deps = index.systems.get(id)!.dependsOn ?? [];
    out.push(t("explain.waitsFor"));
    let any = false;
    for (const d of deps) {
      any = true;
      if (index.externals.has(d.target)) out.push(`  - ${t("explain.external", { target: w.name(d.target), coupling: w.coupling(d.coupling) })}`);
      else out.push(`  - ${t("explain.dependency", { target: w.name(d.target), coupling: w.coupling(d.coupling), disposition: w.disposition(dispOf.get(d.target)), wave: w.wave(waveOf.get(d.target)) })}`);
    }
    if (sys.into) {
      any = true;
      out.push(`  - ${t("explain.survivor", { system: w.name(sys.into), disposition: w.disposition(dispOf.get(sys.into)), wave: w.wave(waveOf.get(sys.into)) })}`);
    }
    if (!any) out.push(`  ${t("explain.nothing")}`);
    out.push(t("explain.waitedOnBy"));
    const users = plan.systems.filter((s) => s.dependsOn.includes(id) || s.into === id);
    if (users.length === 0) out.push(`  ${t("explain.nothing")}`);
    for (const s of users) out.push(`  - ${t("explain.user", { system: w.name(s.id), disposition: w.disposition(s.disposition), wave: w.wave(s.wave), merged: s.into === id ? t("explain.mergedIntoIt") : "" })}`);
    out.push(t("explain.servers"));
    const servers = plan.servers.filter((s) => s.systems.includes(id));
    if (servers.length === 0) out.push(`  ${t("explain.none")}`);
    for (const s of servers) out.push(`  - ${serverLine(w, s)}: ${s.reasons.map(w.said).join("; ")}`);
    const v = [...plan.violations, ...plan.warnings].filter((x) => x.subject === id || x.message.includes(` ${id} `));
    if (v.length > 0) {
      out.push(t("explain.problems"));
      for (const x of v) out.push(`  - ${w.vi ? w.said(x.message) : `${x.rule}: ${x.message}`}`);
    }
    return `${out.join("\n")}\n`;
  }
  const srv = plan.servers.find((s) => s.id === id);
  if (srv) {
    out.push(t("explain.server", { line: serverLine(w, srv) }));
    for (const h of srv.history ?? []) out.push(t(`explain.recorded.${h.event}`, { date: w.date(h.date) }));
    out.push(t("explain.why"));
    for (const r of srv.reasons) out.push(`  - ${w.said(r)}`);
    if (srv.hostedOn) out.push(t("explain.runsOn", { host: srv.hostedOn }));
    const vms = plan.servers.filter((s) => s.hostedOn === id);
    if (vms.length > 0) {
      out.push(t("explain.vms"));
      for (const vm of vms) out.push(`  - ${serverLine(w, vm)}`);
    }
    const systems = srv.systems.map((s) => t("explain.systemOn", { system: w.name(s), disposition: w.disposition(plan.systems.find((x) => x.id === s)?.disposition) }));
    out.push(t("explain.systemsOn", { systems: systems.length === 0 ? t("explain.none") : systems.join(", ") }));
    if (srv.savings.watts > 0 || srv.savings.rackUnits > 0) out.push(t("explain.saves", { watts: srv.savings.watts, kwh: srv.savings.kwhPerYear, units: srv.savings.rackUnits }));
    return `${out.join("\n")}\n`;
  }
  return undefined;
}
