// An invariant checker for plans, written from the invariant list of the plan contract
// (docs/plan.md, "Invariants any checker may test") and the contract's definitions — deliberately
// NOT from the planner's code: it recomputes holidays from date-holidays itself, walks the
// inventory itself and trusts nothing in the plan but the facts it checks. Returns one string per
// violation found (empty list: the plan keeps every invariant). One gap of the contract is filled
// here, on the strict side: an oversized wave holding several move groups (survivor-first forced by
// pinned consolidations) is accepted only when the plan lists a `forced-oversized-wave` violation
// for it (see the waveLimits check below).
//
// With the progress file the plan was made from (contract progress.md, second edition of plan.md),
// it also checks the done waves: one per recorded window with a system, numbered with the planned
// ones in date order, listing the done and failed systems; done systems never scheduled again and
// still moving; failed ones planned again; recorded retirements and server facts honoured; the
// progress summary's counts. The rules about calendar days, the as-of day and wave limits hold for
// planned waves only, and so does capacity (checked at planned waves, counting what done waves
// moved); facts may split a tight pair, put a consolidated system before its survivor, or switch a
// server off before its quiet period ends.
import Holidays from "date-holidays";
import type { Inventory } from "../../inventory/schema.js";
import type { Plan } from "../../planner/plan-schema.js";
import type { Progress } from "../../planner/progress/schema.js";

const MOVING = new Set(["rehost", "replatform", "relocate", "consolidate"]);
const DAY = 86_400_000;
const toDay = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const toIso = (d: number): string => new Date(d * DAY).toISOString().slice(0, 10);
const WD = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const holidayCache = new Map<number, Set<string>>();
/** Public holidays per the contract: 1/1, Tết (lunar NYE .. 6th day), Hùng Kings, 30/4, 1/5, 2/9 ± 1. */
function holidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (set) return set;
  set = new Set<string>();
  const hd = new Holidays("VN");
  for (const y of [year - 1, year, year + 1]) {
    for (const h of hd.getHolidays(y)) {
      if (h.type !== "public") continue;
      const d = h.date.slice(0, 10);
      if (/Giao thừa/.test(h.name)) for (let i = 0; i <= 6; i++) set.add(toIso(toDay(d) + i));
      else set.add(d);
    }
    set.add(`${y}-01-01`).add(`${y}-04-30`).add(`${y}-05-01`).add(`${y}-09-01`).add(`${y}-09-02`).add(`${y}-09-03`);
  }
  holidayCache.set(year, set);
  return set;
}

/** What a progress file records, recomputed here from the file itself (not from the planner's code). */
interface Recorded {
  /** Windows with a system, by start: done and failed systems. */
  readonly windows: { start: string; end: string; done: Set<string>; failed: Set<string> }[];
  readonly doneIn: Map<string, { start: string; end: string }>;
  readonly failedNotDone: Set<string>;
  readonly retired: Map<string, string>;
  readonly decommissioned: Map<string, string>;
  readonly relocated: Map<string, string>;
}

function recordedOf(progress: Progress | undefined): Recorded {
  const byKey = new Map<string, { start: string; end: string; done: Set<string>; failed: Set<string> }>();
  for (const c of progress?.cutovers ?? []) {
    if (c.systems.length === 0) continue;
    const end = c.end ?? c.start;
    const key = `${c.start}..${end}`;
    const w = byKey.get(key) ?? byKey.set(key, { start: c.start, end, done: new Set(), failed: new Set() }).get(key)!;
    for (const s of c.systems) (s.result === "done" ? w.done : w.failed).add(s.system);
  }
  const windows = [...byKey.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const doneIn = new Map<string, { start: string; end: string }>();
  for (const w of windows) for (const id of w.done) if (!doneIn.has(id)) doneIn.set(id, w);
  const retired = new Map((progress?.retirements ?? []).map((r) => [r.system, r.on]));
  const failedNotDone = new Set<string>();
  for (const w of windows) for (const id of w.failed) if (!doneIn.has(id) && !retired.has(id)) failedNotDone.add(id);
  const decommissioned = new Map<string, string>();
  const relocated = new Map<string, string>();
  for (const f of progress?.servers ?? []) {
    if (f.decommissionedOn) decommissioned.set(f.server, f.decommissionedOn);
    if (f.relocatedOn) relocated.set(f.server, f.relocatedOn);
  }
  return { windows, doneIn, failedNotDone, retired, decommissioned, relocated };
}

/** Every violation of the contract's invariants by `plan` for `inventory` (and the progress file it was made from). */
export function checkInvariants(inventory: Inventory, plan: Plan, progress?: Progress): string[] {
  const out: string[] = [];
  const bad = (msg: string): void => void out.push(msg);
  const rec = recordedOf(progress);
  const isDone = (w: Plan["waves"][number]): boolean => w.status === "done";
  const p = plan.profile;
  const target = plan.targetSite;
  const systems = new Map(inventory.systems.map((s) => [s.id, s]));
  const servers = new Map(inventory.servers.map((s) => [s.id, s]));

  // Every system once, every server once.
  const seenSys = new Map<string, number>();
  for (const s of plan.systems) seenSys.set(s.id, (seenSys.get(s.id) ?? 0) + 1);
  for (const s of inventory.systems) if (seenSys.get(s.id) !== 1) bad(`system ${s.id} appears ${seenSys.get(s.id) ?? 0} times in systems`);
  for (const id of seenSys.keys()) if (!systems.has(id)) bad(`plan lists unknown system ${id}`);
  const seenSrv = new Map<string, number>();
  for (const s of plan.servers) seenSrv.set(s.id, (seenSrv.get(s.id) ?? 0) + 1);
  for (const s of inventory.servers) if (seenSrv.get(s.id) !== 1) bad(`server ${s.id} appears ${seenSrv.get(s.id) ?? 0} times in servers`);
  const ps = new Map(plan.systems.map((s) => [s.id, s]));
  const unscheduled = new Set(plan.unscheduled.map((u) => u.system));

  // Waves: numbered in date order, not empty, not overlapping, allowed days only, phase by start.
  const inWave = new Map<string, number[]>();
  const blackouts = p.blackouts;
  const weekdays = new Set<string>(p.weekdays);
  plan.waves.forEach((w, i) => {
    if (w.number !== i + 1) bad(`wave at position ${i + 1} is numbered ${w.number}`);
    if (w.status !== (isDone(w) ? "done" : "planned")) bad(`wave ${w.number} has status ${w.status}`);
    if (w.systems.length === 0 && !(isDone(w) && (w.failed?.length ?? 0) > 0)) bad(`wave ${w.number} is empty`);
    if (w.start > w.end) bad(`wave ${w.number} ends before it starts`);
    if (i > 0 && plan.waves[i - 1].end >= w.start) bad(`wave ${w.number} overlaps or precedes wave ${i}`);
    const y0 = +w.start.slice(0, 4);
    if (w.phase !== (y0 <= 2026 ? "2026" : y0 <= 2028 ? "2027-2028" : "2029-2030")) bad(`wave ${w.number} starting ${w.start} has phase ${w.phase}`);
    for (const id of w.systems) (inWave.get(id) ?? inWave.set(id, []).get(id)!).push(w.number);
    // A done wave is a fact: the calendar, the as-of day and the limits are the planned waves' rules.
    if (isDone(w)) return;
    if (w.failed !== undefined) bad(`planned wave ${w.number} lists failed systems`);
    if (w.start < plan.asOf) bad(`wave ${w.number} starts ${w.start}, before the as-of date ${plan.asOf}`);
    for (let d = toDay(w.start); d <= toDay(w.end); d++) {
      const iso = toIso(d);
      if (!weekdays.has(WD[new Date(d * DAY).getUTCDay()])) bad(`wave ${w.number} uses ${iso}, not in windows.weekdays`);
      if (holidays(+iso.slice(0, 4)).has(iso)) bad(`wave ${w.number} uses ${iso}, a public holiday`);
      for (const b of blackouts) if (b.from <= iso && iso <= b.to) bad(`wave ${w.number} uses ${iso}, in blackout ${b.from}..${b.to}`);
    }
  });

  // Done waves: exactly the recorded windows with a system, in order, with their done and failed systems.
  const doneWaves = plan.waves.filter(isDone);
  if (doneWaves.length !== rec.windows.length) bad(`${doneWaves.length} done waves for ${rec.windows.length} recorded cutover windows`);
  rec.windows.forEach((r, i) => {
    const w = doneWaves[i];
    if (!w) return;
    if (w.start !== r.start || w.end !== r.end) bad(`done wave ${w.number} is ${w.start}..${w.end}, recorded window ${r.start}..${r.end}`);
    const same = (a: Iterable<string>, b: Iterable<string>): boolean => [...a].sort().join() === [...b].sort().join();
    if (!same(w.systems, r.done)) bad(`done wave ${w.number} lists [${w.systems.join(", ")}], recorded done [${[...r.done].join(", ")}]`);
    if (!same(w.failed ?? [], r.failed)) bad(`done wave ${w.number} lists failed [${(w.failed ?? []).join(", ")}], recorded [${[...r.failed].join(", ")}]`);
  });
  if (doneWaves.some((w, i) => plan.waves[i] !== w)) bad("done waves do not come before every planned wave");
  const doneWaveOf = new Map<string, number>();
  for (const w of doneWaves) for (const id of w.systems) doneWaveOf.set(id, w.number);
  for (const [id] of rec.doneIn) {
    const s = ps.get(id);
    if (!s) continue;
    if (!MOVING.has(s.disposition)) bad(`${id} is recorded done but has disposition ${s.disposition}`);
    if (s.wave === undefined || s.wave !== doneWaveOf.get(id)) bad(`${id} is recorded done but has wave ${s.wave}, not its done wave ${doneWaveOf.get(id)}`);
    if (unscheduled.has(id)) bad(`${id} is recorded done but listed as unscheduled`);
  }
  for (const id of rec.failedNotDone) {
    const s = ps.get(id);
    if (!s) continue;
    const w = s.wave !== undefined ? plan.waves[s.wave - 1] : undefined;
    if (MOVING.has(s.disposition) && !unscheduled.has(id) && (!w || isDone(w))) bad(`${id} failed and is not planned again (wave ${s.wave})`);
    if (!s.reasons.some((r) => /failed/.test(r))) bad(`${id} failed but its reasons do not say so`);
  }
  for (const [id, on] of rec.retired) {
    const s = ps.get(id);
    if (s && (s.disposition !== "retire" || s.retireOn !== on)) bad(`${id} is recorded retired on ${on} but planned ${s.disposition}${s.retireOn ? ` on ${s.retireOn}` : ""}`);
  }
  for (const [id, on] of rec.decommissioned) {
    const s = plan.servers.find((x) => x.id === id);
    if (s && (s.fate !== "decommission" || s.decommissionOn !== on)) bad(`server ${id} is recorded decommissioned on ${on} but planned ${s.fate} ${s.decommissionOn ?? ""}`);
  }
  for (const [id, on] of rec.relocated) {
    const s = plan.servers.find((x) => x.id === id);
    if (s && (s.fate !== "relocate" || s.relocateOn !== on || s.targetSite !== target)) bad(`server ${id} is recorded relocated on ${on} but planned ${s.fate} ${s.relocateOn ?? ""}`);
  }
  if (plan.progress) {
    const want = { cutoversDone: rec.windows.length, systemsDone: rec.doneIn.size, systemsFailed: rec.failedNotDone.size, serversDecommissioned: rec.decommissioned.size };
    for (const [k, v] of Object.entries(want)) if (plan.progress[k as keyof typeof want] !== v) bad(`progress.${k} is ${plan.progress[k as keyof typeof want]}, recorded ${v}`);
    const dates = [...rec.windows.map((w) => w.end), ...rec.retired.values(), ...rec.decommissioned.values(), ...rec.relocated.values()].sort();
    if (plan.progress.lastRecorded !== dates.at(-1)) bad(`progress.lastRecorded is ${plan.progress.lastRecorded}, recorded ${dates.at(-1)}`);
  } else if (progress) bad("the plan carries no progress summary");

  // Moving dispositions have exactly one wave and are listed in it (or are unscheduled); others none.
  for (const s of plan.systems) {
    const listed = inWave.get(s.id) ?? [];
    if (MOVING.has(s.disposition)) {
      if (unscheduled.has(s.id)) {
        if (s.wave !== undefined || listed.length > 0) bad(`unscheduled system ${s.id} has a wave`);
      } else if (s.wave === undefined || listed.length !== 1 || listed[0] !== s.wave) bad(`moving system ${s.id} has wave ${s.wave} but is listed in waves [${listed.join(", ")}]`);
    } else {
      if (s.wave !== undefined || listed.length > 0) bad(`${s.disposition} system ${s.id} has a wave`);
      if (unscheduled.has(s.id)) bad(`${s.disposition} system ${s.id} is listed as unscheduled`);
    }
    if (s.disposition === "consolidate" && (s.into === undefined || !systems.has(s.into))) bad(`consolidated ${s.id} has no valid survivor`);
    if (s.disposition === "retire" && s.retireOn === undefined) bad(`retired ${s.id} has no retireOn`);
    const inv = systems.get(s.id);
    if (inv?.disposition !== undefined && inv.disposition !== s.disposition) bad(`${s.id}: disposition pinned as ${inv.disposition} in the inventory, planned ${s.disposition}`);
    if (inv?.consolidateInto !== undefined && s.into !== inv.consolidateInto) bad(`${s.id}: consolidateInto ${inv.consolidateInto} pinned, planned into ${s.into}`);
  }
  for (const u of plan.unscheduled) if (!MOVING.has(ps.get(u.system)?.disposition ?? "")) bad(`unscheduled ${u.system} does not have a moving disposition`);

  // Sites today, from the inventory (majority of servers; ties to the smaller site id).
  const siteOf = (id: string): string | undefined => {
    const counts = new Map<string, number>();
    for (const sid of systems.get(id)!.servers) {
      const site = servers.get(sid)?.site;
      if (site) counts.set(site, (counts.get(site) ?? 0) + 1);
    }
    let best: string | undefined;
    let n = 0;
    for (const [site, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > n) [best, n] = [site, c];
    return best;
  };
  const mentioned = (list: { subject: string; message: string }[], a: string, b: string): boolean => list.some((v) => (v.subject === a || v.subject === b || v.message.includes(a)) && v.message.includes(b));

  // Where a system runs after the merger: its site when retained, the target when it moves, its
  // survivor's place when merged away (followed through chains), nowhere when retired.
  const finalSite = (id: string, depth = 0): string | undefined => {
    const s = ps.get(id);
    if (!s || depth > 20) return undefined;
    if (s.disposition === "retain") return siteOf(id);
    if (s.disposition === "retire") return undefined;
    if (s.disposition === "consolidate") return s.into !== undefined ? finalSite(s.into, depth + 1) : undefined;
    return target;
  };
  const pinnedByPeople = (id: string): boolean => systems.get(id)?.disposition !== undefined;

  // Tight couplings. A moving system (a consolidated one counts where its survivor runs) is never
  // left tightly coupled to a system that stays at another site. The contract gives no way out,
  // except the one it implies: people pinned both sides into contradiction (the moving side's
  // disposition is pinned, the staying side is a pinned retain or held by one); then, and only
  // then, the plan must own up to it as a tight-coupling-split violation.
  for (const s of inventory.systems) {
    for (const dep of s.dependsOn ?? []) {
      const t = ps.get(dep.target);
      const me = ps.get(s.id)!;
      if (!t) continue;
      if (dep.coupling === "tight") {
        const mMove = MOVING.has(me.disposition);
        const tMove = MOVING.has(t.disposition);
        const fact = rec.doneIn.has(s.id) || rec.doneIn.has(dep.target);
        if (mMove && tMove && me.wave !== t.wave && !fact) bad(`${s.id} and ${dep.target} are tightly coupled but in waves ${me.wave} and ${t.wave}`);
        for (const [a, b] of [[me, t], [t, me]] as const) {
          if (!MOVING.has(a.disposition) || b.disposition !== "retain") continue;
          const bSite = siteOf(b.id);
          if (bSite === undefined || bSite === target) continue;
          const aSite = finalSite(a.id);
          if (aSite === undefined || aSite === bSite) continue;
          const what = a.disposition === "consolidate" ? `is merged into ${a.into} at ${aSite}` : "moves";
          if (!pinnedByPeople(a.id)) bad(`${a.id} ${what} but stays tightly coupled to ${b.id} at ${bSite}; only people's pins may force that`);
          else if (!plan.violations.some((v) => v.rule === "tight-coupling-split" && mentioned([v], a.id, b.id))) bad(`${a.id} ${what} but stays tightly coupled to ${b.id} at ${bSite}, unreported`);
        }
      }
      // Dependants of a consolidated system cut over in the survivor's wave or later.
      if (t.disposition === "consolidate" && MOVING.has(me.disposition) && me.wave !== undefined && t.into !== undefined && !rec.doneIn.has(s.id)) {
        const sv = ps.get(t.into);
        if (sv?.wave !== undefined && me.wave < sv.wave) bad(`${s.id} (wave ${me.wave}) depends on consolidated ${t.id} but cuts over before its survivor ${t.into} (wave ${sv.wave})`);
      }
      // Nothing that keeps running depends on a retired system; pinned retirements are reported.
      if (t.disposition === "retire" && me.disposition !== "retire") {
        if (systems.get(t.id)!.disposition !== "retire") bad(`${s.id} keeps running but depends on ${t.id}, which the planner retired`);
        else if (!mentioned(plan.violations, s.id, t.id)) bad(`${s.id} depends on ${t.id}, whose retirement is pinned, but violations do not list it`);
      }
    }
  }

  // Groups larger than a wave: alone in their wave, with a warning.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const s of inventory.systems) for (const dep of s.dependsOn ?? []) if (dep.coupling === "tight" && systems.has(dep.target)) union(s.id, dep.target);
  const onServer = new Map<string, string>();
  for (const s of inventory.systems) for (const sid of s.servers) onServer.has(sid) ? union(s.id, onServer.get(sid)!) : onServer.set(sid, s.id);
  for (const w of plan.waves) {
    if (isDone(w)) continue;
    const data = w.systems.reduce((n, id) => n + (systems.get(id)?.dataGiB ?? 0), 0);
    const over = w.systems.length > p.maxSystems || data > p.maxDataGiB + 1e-6;
    if (!over) continue;
    const roots = new Set(w.systems.map(find));
    // The contract's gap: "a system that depends on a consolidated one cuts over in the survivor's
    // wave or later" can force several groups into one wave (consolidations pinned by people that
    // point both ways), and then "no wave exceeds waveLimits" and "only a group larger than the
    // limits gets a wave of its own" cannot both hold. The contract does not say which gives way.
    // This checker accepts such a wave ONLY when the plan owns up to it: a `forced-oversized-wave`
    // violation naming the wave and every system in it.
    const owned = plan.violations.some((v) => v.rule === "forced-oversized-wave" && new RegExp(`\\bwave ${w.number}\\b`).test(v.message) && w.systems.every((id) => v.message.includes(id)));
    if (roots.size !== 1 && !owned) bad(`wave ${w.number} exceeds waveLimits (${w.systems.length} systems, ${data} GiB) and holds more than one group`);
    else if (!plan.warnings.some((x) => w.systems.some((id) => x.message.includes(id)))) bad(`wave ${w.number} exceeds waveLimits without a warning`);
  }

  // Capacity: at every wave, the target sizes of everything at the target site fit.
  const waveOfSys = new Map(plan.systems.filter((s) => s.wave !== undefined).map((s) => [s.id, s.wave!]));
  const steps = [...plan.capacity].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const atTarget: { arrival: number; t: { cpuCores: number; memoryGiB: number; storageGiB: number } }[] = [];
  for (const s of plan.servers) {
    if (!s.target || s.targetSite !== target) continue;
    const inv = servers.get(s.id)!;
    if (inv.site === target) {
      atTarget.push({ arrival: 0, t: s.target });
      continue;
    }
    const waves = s.systems.map((id) => waveOfSys.get(id)).filter((x): x is number => x !== undefined);
    atTarget.push({ arrival: waves.length === 0 ? Infinity : Math.min(...waves), t: s.target });
  }
  for (const w of plan.waves) {
    if (isDone(w)) continue;
    const step = steps.filter((c) => c.from <= w.start).pop();
    if (!step) {
      bad(`no capacity step on or before wave ${w.number} (${w.start})`);
      continue;
    }
    let cpu = 0;
    let mem = 0;
    let disk = 0;
    for (const x of atTarget) if (x.arrival <= w.number) [cpu, mem, disk] = [cpu + x.t.cpuCores, mem + x.t.memoryGiB, disk + x.t.storageGiB];
    if (cpu > step.cpuCores + 1e-6 || mem > step.memoryGiB + 1e-6 || disk > step.storageGiB + 1e-6) {
      bad(`wave ${w.number}: target site holds ${cpu} vCPU / ${mem} GiB / ${disk} GiB, capacity ${step.cpuCores} / ${step.memoryGiB} / ${step.storageGiB}`);
    }
  }

  // Rack space and power (capacity includes racks and power where the inventory states them): the
  // first step states racks × 42U and at most powerKw; at every wave, the hardware standing at the
  // target site — its own until decommissioned, plus what was relocated there by the wave's end —
  // fits the step's rackUnits / powerWatts, unless it is no more than what stood there already.
  const site = inventory.sites.find((s) => s.id === target);
  if (site?.racks !== undefined && steps[0]?.rackUnits !== site.racks * 42) bad(`first capacity step has rackUnits ${steps[0]?.rackUnits}, the site has ${site.racks} racks × 42U`);
  if (site?.powerKw !== undefined && !(steps[0]?.powerWatts !== undefined && steps[0].powerWatts <= site.powerKw * 1000)) bad(`first capacity step has powerWatts ${steps[0]?.powerWatts}, the site has ${site.powerKw} kW`);
  const hardware = (id: string): [number, number] => {
    const s = servers.get(id)!;
    return s.kind === "virtual" ? [0, 0] : [s.rackUnits ?? 0, s.powerWatts ?? 0];
  };
  let ru0 = 0;
  let w0 = 0;
  for (const s of inventory.servers) if (s.site === target) [ru0, w0] = [ru0 + hardware(s.id)[0], w0 + hardware(s.id)[1]];
  for (const w of plan.waves) {
    if (isDone(w)) continue;
    const step = steps.filter((c) => c.from <= w.start).pop();
    if (!step || (step.rackUnits === undefined && step.powerWatts === undefined)) continue;
    let ru = 0;
    let watts = 0;
    for (const s of plan.servers) {
      const inv = servers.get(s.id)!;
      const stands = inv.site === target ? !(s.fate === "decommission" && s.decommissionOn !== undefined && s.decommissionOn < w.start) : s.fate === "relocate" && s.targetSite === target && s.relocateOn !== undefined && s.relocateOn <= w.end;
      if (stands) [ru, watts] = [ru + hardware(s.id)[0], watts + hardware(s.id)[1]];
    }
    if (step.rackUnits !== undefined && ru > Math.max(step.rackUnits, ru0)) bad(`wave ${w.number}: ${ru}U of hardware at the target site, rack space ${step.rackUnits}U`);
    if (step.powerWatts !== undefined && watts > Math.max(step.powerWatts, w0)) bad(`wave ${w.number}: ${watts} W of hardware at the target site, usable power ${step.powerWatts} W`);
  }

  // Servers: freed after their workload left; decommissioned after the quiet period; never while running a retained system.
  const wave = (n: number) => plan.waves[n - 1];
  const leaves = (id: string): string | undefined => {
    const s = ps.get(id)!;
    if (s.retireOn) return s.retireOn;
    return s.wave !== undefined ? wave(s.wave).end : undefined;
  };
  const vmsOf = new Map<string, string[]>();
  for (const s of inventory.servers) if (s.hostedOn) (vmsOf.get(s.hostedOn) ?? vmsOf.set(s.hostedOn, []).get(s.hostedOn)!).push(s.id);
  const systemsOnServer = new Map<string, string[]>();
  for (const s of inventory.systems) for (const sid of s.servers) (systemsOnServer.get(sid) ?? systemsOnServer.set(sid, []).get(sid)!).push(s.id);
  for (const s of plan.servers) {
    const workload = [...(systemsOnServer.get(s.id) ?? [])];
    for (const vm of vmsOf.get(s.id) ?? []) workload.push(...(systemsOnServer.get(vm) ?? []));
    if (s.freedOn !== undefined && servers.get(s.id)!.site !== target) {
      for (const id of workload) {
        const left = leaves(id);
        if (left !== undefined && left > s.freedOn && ps.get(id)!.disposition !== "relocate") bad(`server ${s.id} freed ${s.freedOn}, before ${id} leaves it on ${left}`);
      }
    }
    if (s.fate === "decommission") {
      if (s.freedOn === undefined || s.decommissionOn === undefined) bad(`decommissioned server ${s.id} lacks freedOn or decommissionOn`);
      else if (toDay(s.decommissionOn) < toDay(s.freedOn) + p.quietPeriodDays && !rec.decommissioned.has(s.id)) bad(`server ${s.id} decommissioned ${s.decommissionOn}, before freedOn ${s.freedOn} + ${p.quietPeriodDays} days`);
      for (const id of workload) {
        const d = ps.get(id)!.disposition;
        if (d === "retain" || unscheduled.has(id)) bad(`server ${s.id} is decommissioned but still runs ${id} (${unscheduled.has(id) ? "unscheduled" : d})`);
      }
    } else if (s.decommissionOn !== undefined && s.freedOn !== undefined && toDay(s.decommissionOn) < toDay(s.freedOn) + p.quietPeriodDays) {
      bad(`server ${s.id} has decommissionOn before freedOn + quiet period`);
    }
  }

  // Nothing runs at another site after the merger except people-pinned retains and the systems
  // tightly coupled to them (directly or through other such systems), which stay with them; all are
  // listed as remaining.
  const remaining = new Set(plan.remaining);
  const staysOff = (id: string): boolean => ps.get(id)?.disposition === "retain" && siteOf(id) !== undefined && siteOf(id) !== target;
  const tightNeighbours = new Map<string, string[]>();
  for (const s of inventory.systems) {
    for (const dep of s.dependsOn ?? []) {
      if (dep.coupling !== "tight" || !systems.has(dep.target)) continue;
      (tightNeighbours.get(s.id) ?? tightNeighbours.set(s.id, []).get(s.id)!).push(dep.target);
      (tightNeighbours.get(dep.target) ?? tightNeighbours.set(dep.target, []).get(dep.target)!).push(s.id);
    }
  }
  const heldByPin = new Set<string>();
  const queue = inventory.systems.filter((s) => s.disposition === "retain" && staysOff(s.id)).map((s) => s.id);
  for (const id of queue) heldByPin.add(id);
  for (let i = 0; i < queue.length; i++) {
    for (const n of tightNeighbours.get(queue[i]) ?? []) {
      if (heldByPin.has(n) || !staysOff(n)) continue;
      heldByPin.add(n);
      queue.push(n);
    }
  }
  for (const s of plan.systems) {
    if (!staysOff(s.id)) continue;
    const site = siteOf(s.id);
    if (!heldByPin.has(s.id)) bad(`${s.id} is retained at ${site} without a people-pinned retain, nor a tight coupling to one`);
    else if (!remaining.has(s.id)) bad(`${s.id} stays at ${site} but is not listed in remaining`);
  }

  // Deadline truth.
  const d = plan.deadline;
  const met = plan.waves.every((w) => w.end <= d.date) && plan.unscheduled.length === 0;
  if (d.met !== met) bad(`deadline.met is ${d.met}, should be ${met}`);
  const late = new Set<string>(plan.unscheduled.map((u) => u.system));
  for (const w of plan.waves) if (w.end > d.date) for (const id of w.systems) late.add(id);
  const given = new Set(d.late);
  for (const id of late) if (!given.has(id)) bad(`deadline.late misses ${id}`);
  for (const id of given) if (!late.has(id)) bad(`deadline.late wrongly lists ${id}`);
  if (given.size !== d.late.length) bad("deadline.late lists a system twice");
  return out;
}
