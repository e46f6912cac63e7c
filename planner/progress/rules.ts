// Cross-record rules of the progress contract, one small function each. A rule reads the valid
// entries of the progress file (load.ts) with the inventory and pushes findings; checkProgress
// (check.ts) runs them all, so one run reports every problem.
// Errors: dates after the as-of day, `end` before `start`, systems and servers not in the
// inventory, a system done twice or done and retired, listed twice in one cutover, a failure
// without a reason, done for a system whose retain/retire people pinned, a retirement of a system
// pinned to another disposition, overlapping cutover windows, a server recorded twice, a server
// decommissioned while something on it still runs.
// Warnings (facts are facts): a cutover on a day the calendar would not allow; tightly coupled
// systems split by one cutover (one done, one failed); a consolidated system done before its
// survivor; a failure recorded after the system was done.
import type { InventoryIndex } from "../../inventory/model.js";
import { suggest } from "../../inventory/schema.js";
import type { Calendar } from "../calendar.js";
import { addDays } from "../dates.js";
import { viDate } from "../messages.js";
import type { LocatedCutover, ProgressEntries, ProgressPath } from "./load.js";

/** A problem found by a rule, not yet located in the file. */
export interface ProgressFinding {
  readonly severity: "error" | "warning";
  /** Kebab-case rule name, e.g. `done-twice`. */
  readonly rule: string;
  /** System, server or cutover the finding is about. */
  readonly entity: string;
  /** Where in the file: path inside the document. */
  readonly at: ProgressPath;
  readonly message: string;
  /** The message in Vietnamese (warnings, which a plan carries and exports show). */
  readonly vi?: string;
}

/** What a rule sees. */
export interface ProgressRuleContext {
  readonly entries: ProgressEntries;
  readonly index: InventoryIndex;
  /** The plan's as-of day: nothing after it can have happened. */
  readonly asOf: string;
  /** The profile's calendar (cutover weekdays, blackouts, public holidays). */
  readonly calendar: Calendar;
  /** Survivor of every consolidated system as the planner decides it; the survivor rule is skipped without it. */
  readonly consolidations?: ReadonlyMap<string, string>;
  /** Systems the planner moves in a wave (for the survivor rule: a survivor that stays need not be cut over). */
  readonly moving?: ReadonlySet<string>;
  push(finding: ProgressFinding): void;
}

export type ProgressRule = (ctx: ProgressRuleContext) => void;

/** `start..end` of a valid cutover (end defaults to start). */
export function windowOf(c: LocatedCutover): { start: string; end: string } {
  return { start: c.value.start, end: c.value.end ?? c.value.start };
}

const cutoverLabel = (c: LocatedCutover): string => {
  const w = windowOf(c);
  return `cutover ${w.start}..${w.end}`;
};
const cutoverVi = (c: LocatedCutover): string => {
  const w = windowOf(c);
  return `đợt chuyển đổi ${w.start === w.end ? viDate(w.start) : `${viDate(w.start)} – ${viDate(w.end)}`}`;
};

/** Every system entry of every cutover, in file order. */
function* systemEntries(ctx: ProgressRuleContext) {
  for (const c of ctx.entries.cutovers) for (const s of c.systems) yield { cutover: c, entry: s.value, at: s.at };
}

/** Errors: any date after the as-of day. */
export const futureDates: ProgressRule = (ctx) => {
  const check = (date: string | undefined, entity: string, at: ProgressPath, what: string): void => {
    if (date !== undefined && date > ctx.asOf) ctx.push({ severity: "error", rule: "future-date", entity, at, message: `${what} ${date} is after the as-of day ${ctx.asOf}: the future cannot be recorded` });
  };
  for (const c of ctx.entries.cutovers) {
    check(c.value.start, cutoverLabel(c), [...c.at, "start"], "start");
    if (c.value.end !== undefined && c.value.start <= ctx.asOf) check(c.value.end, cutoverLabel(c), [...c.at, "end"], "end");
  }
  for (const r of ctx.entries.retirements) check(r.value.on, r.value.system, [...r.at, "on"], "retired on");
  for (const s of ctx.entries.servers) {
    check(s.value.decommissionedOn, s.value.server, [...s.at, "decommissionedOn"], "decommissioned on");
    check(s.value.relocatedOn, s.value.server, [...s.at, "relocatedOn"], "relocated on");
  }
};

/** Errors: a window whose last day comes before its first. */
export const endBeforeStart: ProgressRule = (ctx) => {
  for (const c of ctx.entries.cutovers) {
    if (c.value.end !== undefined && c.value.end < c.value.start) ctx.push({ severity: "error", rule: "end-before-start", entity: cutoverLabel(c), at: [...c.at, "end"], message: `end ${c.value.end} is before start ${c.value.start}` });
  }
};

function unknownId(ctx: ProgressRuleContext, id: string, want: "system" | "server"): string | undefined {
  const kind = ctx.index.kindOf.get(id);
  if (kind === (want === "system" ? "systems" : "servers")) return undefined;
  if (kind !== undefined) return `is ${kind === "agencies" ? "an agency" : `a ${kind === "externals" ? "external platform" : kind.slice(0, -1)}`} of the inventory, not a ${want}`;
  const known = want === "system" ? ctx.index.systems.keys() : ctx.index.servers.keys();
  return `is not a ${want} of the inventory${suggest(id, known)}`;
}

/** Errors: systems (cutovers, retirements) and servers that the inventory does not have. */
export const unknownEntities: ProgressRule = (ctx) => {
  for (const { entry, at } of systemEntries(ctx)) {
    const why = unknownId(ctx, entry.system, "system");
    if (why) ctx.push({ severity: "error", rule: "unknown-system", entity: entry.system, at: [...at, "system"], message: why });
  }
  for (const r of ctx.entries.retirements) {
    const why = unknownId(ctx, r.value.system, "system");
    if (why) ctx.push({ severity: "error", rule: "unknown-system", entity: r.value.system, at: [...r.at, "system"], message: why });
  }
  for (const s of ctx.entries.servers) {
    const why = unknownId(ctx, s.value.server, "server");
    if (why) ctx.push({ severity: "error", rule: "unknown-server", entity: s.value.server, at: [...s.at, "server"], message: why });
  }
};

/** Errors: a system listed twice in one cutover window (done and failed at once, or the same result twice). */
export const twiceInOneCutover: ProgressRule = (ctx) => {
  for (const c of ctx.entries.cutovers) {
    const seen = new Map<string, string>();
    for (const s of c.systems) {
      const first = seen.get(s.value.system);
      if (first !== undefined) ctx.push({ severity: "error", rule: "twice-in-cutover", entity: s.value.system, at: [...s.at, "system"], message: `is listed twice in the ${cutoverLabel(c)} (${first}, then ${s.value.result}): record one result per system and window` });
      else seen.set(s.value.system, s.value.result);
    }
  }
};

/** Errors: a system recorded done in two cutover windows. */
export const doneTwice: ProgressRule = (ctx) => {
  const first = new Map<string, LocatedCutover>();
  for (const { cutover, entry, at } of systemEntries(ctx)) {
    if (entry.result !== "done") continue;
    const before = first.get(entry.system);
    if (before === undefined) first.set(entry.system, cutover);
    else if (before !== cutover) ctx.push({ severity: "error", rule: "done-twice", entity: entry.system, at: [...at, "result"], message: `is recorded done twice: in the ${cutoverLabel(before)} and in the ${cutoverLabel(cutover)}` });
  }
};

/** Errors: a system recorded done and also retired. */
export const doneAndRetired: ProgressRule = (ctx) => {
  const done = new Map<string, LocatedCutover>();
  for (const { cutover, entry } of systemEntries(ctx)) if (entry.result === "done" && !done.has(entry.system)) done.set(entry.system, cutover);
  for (const r of ctx.entries.retirements) {
    const c = done.get(r.value.system);
    if (c) ctx.push({ severity: "error", rule: "done-and-retired", entity: r.value.system, at: [...r.at, "system"], message: `is recorded retired on ${r.value.on} but also done in the ${cutoverLabel(c)}: a system either moved or was switched off` });
  }
};

/** Errors: a system retired twice. */
export const retiredTwice: ProgressRule = (ctx) => {
  const first = new Map<string, string>();
  for (const r of ctx.entries.retirements) {
    const on = first.get(r.value.system);
    if (on === undefined) first.set(r.value.system, r.value.on);
    else ctx.push({ severity: "error", rule: "retired-twice", entity: r.value.system, at: [...r.at, "system"], message: `is recorded retired twice (on ${on} and on ${r.value.on})` });
  }
};

/** Errors: a failed system without a reason. */
export const failedWithoutReason: ProgressRule = (ctx) => {
  for (const { cutover, entry, at } of systemEntries(ctx)) {
    if (entry.result === "failed" && entry.reason === undefined) ctx.push({ severity: "error", rule: "failed-without-reason", entity: entry.system, at, message: `failed in the ${cutoverLabel(cutover)} without a reason: add reason: "…" (what went wrong, e.g. "replication lag; rolled back")` });
  }
};

/** Errors: done for a system whose `retain` or `retire` people pinned in the inventory (it never cuts over). */
export const doneButPinnedToStay: ProgressRule = (ctx) => {
  for (const { entry, at } of systemEntries(ctx)) {
    if (entry.result !== "done") continue;
    const pinned = ctx.index.systems.get(entry.system)?.disposition;
    if (pinned === "retain" || pinned === "retire") {
      ctx.push({ severity: "error", rule: "done-but-pinned", entity: entry.system, at: [...at, "result"], message: `is recorded done, but the inventory pins its disposition to "${pinned}", so it never cuts over: correct the inventory's disposition first if it really moved` });
    }
  }
};

/** Errors: a retirement of a system whose disposition people pinned to something else in the inventory. */
export const retiredButPinned: ProgressRule = (ctx) => {
  for (const r of ctx.entries.retirements) {
    const pinned = ctx.index.systems.get(r.value.system)?.disposition;
    if (pinned !== undefined && pinned !== "retire") {
      ctx.push({ severity: "error", rule: "retired-but-pinned", entity: r.value.system, at: [...r.at, "system"], message: `is recorded retired, but the inventory pins its disposition to "${pinned}": set disposition: retire in the inventory first if it really was switched off` });
    }
  }
};

/** Errors: two different cutover windows that overlap (one window is one wave; record it once). */
export const overlappingCutovers: ProgressRule = (ctx) => {
  const sorted = ctx.entries.cutovers
    .filter((c) => windowOf(c).end >= windowOf(c).start)
    .map((c) => ({ c, ...windowOf(c) }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  let last: (typeof sorted)[number] | undefined;
  for (const x of sorted) {
    if (last && x.start <= last.end && !(x.start === last.start && x.end === last.end)) {
      ctx.push({ severity: "error", rule: "overlapping-cutovers", entity: cutoverLabel(x.c), at: [...x.c.at, "start"], message: `overlaps the ${cutoverLabel(last.c)}: a window is recorded once, with every system cut over in it` });
    }
    if (!last || x.end > last.end) last = x;
  }
};

/** Errors: a server with two facts. */
export const serverTwice: ProgressRule = (ctx) => {
  const first = new Set<string>();
  for (const s of ctx.entries.servers) {
    if (first.has(s.value.server)) ctx.push({ severity: "error", rule: "server-twice", entity: s.value.server, at: [...s.at, "server"], message: "is recorded twice: one fact per server (decommissionedOn or relocatedOn)" });
    first.add(s.value.server);
  }
};

/**
 * Errors: a server recorded decommissioned while a system on it (for a host, on any of its VMs) is
 * neither recorded done in a cutover ending by then nor recorded retired by then.
 */
export const decommissionedStillRuns: ProgressRule = (ctx) => {
  const goneOn = new Map<string, string>();
  for (const { cutover, entry } of systemEntries(ctx)) {
    if (entry.result !== "done") continue;
    const end = windowOf(cutover).end;
    const before = goneOn.get(entry.system);
    if (before === undefined || end < before) goneOn.set(entry.system, end);
  }
  for (const r of ctx.entries.retirements) {
    const before = goneOn.get(r.value.system);
    if (before === undefined || r.value.on < before) goneOn.set(r.value.system, r.value.on);
  }
  for (const s of ctx.entries.servers) {
    const on = s.value.decommissionedOn;
    const server = ctx.index.servers.get(s.value.server);
    if (on === undefined || server === undefined) continue;
    const running: string[] = [];
    for (const sys of ctx.index.systemsOn.get(server.id) ?? []) {
      const gone = goneOn.get(sys.id);
      if (gone === undefined || gone > on) running.push(sys.id);
    }
    if (server.kind === "physical") {
      for (const vm of ctx.index.vmsOf.get(server.id) ?? []) {
        for (const sys of ctx.index.systemsOn.get(vm.id) ?? []) {
          const gone = goneOn.get(sys.id);
          if (gone === undefined || gone > on) running.push(`${sys.id} (on its VM ${vm.id})`);
        }
      }
    }
    if (running.length > 0) {
      const shown = running.slice(0, 5).join(", ") + (running.length > 5 ? ` and ${running.length - 5} more` : "");
      ctx.push({ severity: "error", rule: "decommissioned-still-runs", entity: server.id, at: [...s.at, "decommissionedOn"], message: `is recorded decommissioned on ${on} but still runs ${shown}: not recorded done or retired by then` });
    }
  }
};

/** Warnings: a cutover on a day the calendar would not allow (not a cutover weekday, a holiday, a blackout). */
export const offCalendarCutover: ProgressRule = (ctx) => {
  for (const c of ctx.entries.cutovers) {
    const { start, end } = windowOf(c);
    if (end < start || end > ctx.asOf) continue;
    for (let d = start, n = 0; d <= end && n < 31; d = addDays(d, 1), n++) {
      // isAllowed uses the calendar's cached holidays; the reason is worked out only for a blocked day.
      if (ctx.calendar.isAllowed(d)) continue;
      const why = ctx.calendar.blockedBecause(d);
      const whyMsg = ctx.calendar.blockedMessage(d);
      if (why && whyMsg) ctx.push({ severity: "warning", rule: "off-calendar-cutover", entity: cutoverLabel(c), at: [...c.at, "start"], message: `${d} is not an allowed cutover day (${why}); recorded as it happened`, vi: `${cutoverVi(c)}: ngày ${viDate(d)} không phải ngày được phép chuyển đổi (${whyMsg.vi}); ghi nhận theo thực tế` });
    }
  }
};

/** Warnings: two tightly coupled systems of which one was done and the other failed in the same cutover. */
export const tightPairSplit: ProgressRule = (ctx) => {
  for (const c of ctx.entries.cutovers) {
    const result = new Map(c.systems.map((s) => [s.value.system, s.value.result]));
    const doneAt = new Map(c.systems.filter((s) => s.value.result === "done").map((s) => [s.value.system, s]));
    const seen = new Set<string>();
    const warn = (done: (typeof c.systems)[number], other: string, theyDependOnIt: boolean): void => {
      const key = `${done.value.system} ${other}`;
      if (seen.has(key)) return;
      seen.add(key);
      const how = theyDependOnIt ? { en: "which depends on it tightly", vi: "hệ thống phụ thuộc chặt vào nó" } : { en: "which it depends on tightly", vi: "hệ thống nó phụ thuộc chặt" };
      ctx.push({
        severity: "warning",
        rule: "tight-pair-split",
        entity: done.value.system,
        at: [...done.at, "result"],
        message: `was done in the ${cutoverLabel(c)} while ${other}, ${how.en}, failed: the two now run at different sites until ${other} cuts over`,
        vi: `${done.value.system} đã chuyển xong trong ${cutoverVi(c)} nhưng ${other}, ${how.vi}, không thành công: hai hệ thống đang chạy ở hai trung tâm khác nhau cho đến khi ${other} được chuyển`,
      });
    };
    // Each tight dependency is looked at once, from the side that declares it.
    for (const s of c.systems) {
      for (const dep of ctx.index.systems.get(s.value.system)?.dependsOn ?? []) {
        if (dep.coupling !== "tight") continue;
        if (s.value.result === "done" && result.get(dep.target) === "failed") warn(s, dep.target, false);
        const provider = doneAt.get(dep.target);
        if (s.value.result === "failed" && provider) warn(provider, s.value.system, true);
      }
    }
  }
};

/** Warnings: a consolidated system recorded done before its survivor was cut over. */
export const consolidatedBeforeSurvivor: ProgressRule = (ctx) => {
  if (!ctx.consolidations) return;
  const doneEnd = new Map<string, string>();
  for (const { cutover, entry } of systemEntries(ctx)) if (entry.result === "done" && !doneEnd.has(entry.system)) doneEnd.set(entry.system, windowOf(cutover).end);
  for (const { cutover, entry, at } of systemEntries(ctx)) {
    if (entry.result !== "done") continue;
    const survivor = ctx.consolidations.get(entry.system);
    if (survivor === undefined || (ctx.moving && !ctx.moving.has(survivor))) continue;
    const survivorEnd = doneEnd.get(survivor);
    if (survivorEnd === undefined || survivorEnd > windowOf(cutover).end) {
      ctx.push({
        severity: "warning",
        rule: "consolidated-before-survivor",
        entity: entry.system,
        at: [...at, "result"],
        message: `was merged into ${survivor} in the ${cutoverLabel(cutover)}, but ${survivor} ${survivorEnd === undefined ? "is not recorded done yet" : `was cut over only on ${survivorEnd}`}: its users were served by a survivor still at the old site`,
        vi: `${entry.system} đã hợp nhất vào ${survivor} trong ${cutoverVi(cutover)}, nhưng ${survivor} ${survivorEnd === undefined ? "chưa được ghi nhận chuyển xong" : `đến ngày ${viDate(survivorEnd)} mới được chuyển`}: người dùng được phục vụ bởi hệ thống giữ lại vẫn còn ở trung tâm cũ`,
      });
    }
  }
};

/** Warnings: a failure recorded in a later window than the system's done (it counts as done). */
export const failedAfterDone: ProgressRule = (ctx) => {
  const doneEnd = new Map<string, LocatedCutover>();
  for (const { cutover, entry } of systemEntries(ctx)) if (entry.result === "done" && !doneEnd.has(entry.system)) doneEnd.set(entry.system, cutover);
  for (const { cutover, entry, at } of systemEntries(ctx)) {
    const done = doneEnd.get(entry.system);
    if (entry.result === "failed" && done && windowOf(cutover).start > windowOf(done).end) {
      ctx.push({ severity: "warning", rule: "failed-after-done", entity: entry.system, at: [...at, "result"], message: `is recorded failed in the ${cutoverLabel(cutover)}, after it was done in the ${cutoverLabel(done)}: it counts as done`, vi: `${entry.system} được ghi nhận không thành công trong ${cutoverVi(cutover)}, sau khi đã chuyển xong trong ${cutoverVi(done)}: vẫn tính là đã chuyển xong` });
    }
  }
};

/** Every rule, errors first; checkProgress runs them in this order. */
export const PROGRESS_RULES: readonly ProgressRule[] = [
  futureDates,
  endBeforeStart,
  unknownEntities,
  twiceInOneCutover,
  doneTwice,
  doneAndRetired,
  retiredTwice,
  failedWithoutReason,
  doneButPinnedToStay,
  retiredButPinned,
  overlappingCutovers,
  serverTwice,
  decommissionedStillRuns,
  offCalendarCutover,
  tightPairSplit,
  consolidatedBeforeSurvivor,
  failedAfterDone,
];
