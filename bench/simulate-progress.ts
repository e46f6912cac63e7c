// A seeded simulation of the merger as it happens, for property tests and the benchmark: the first
// waves of a plan are cut over, some systems fail (reasons recorded) and some of those succeed in a
// later weekend, retirements planned by then take place, and servers whose workload has gone are
// switched off or moved. The result is a progress file in the contract's format (progress.md) that
// breaks none of its rules, and the day after the last recorded fact to plan from again.
import type { Inventory } from "../inventory/schema.js";
import { mulberry32 } from "./generate.js";
import type { Plan } from "../planner/plan-schema.js";
import type { Progress } from "../planner/progress/schema.js";

/** What to simulate. */
export interface SimulationOptions {
  /** Waves of the plan cut over (the first ones). */
  readonly waves: number;
  /** Share of a wave's systems that fail, 0–1 [0.1]. */
  readonly failShare?: number;
  /** Share of failed systems done in a later simulated weekend, 0–1 [0.5]. */
  readonly retryShare?: number;
  /** Share of servers whose workload has gone that are recorded decommissioned or relocated, 0–1 [0.5]. */
  readonly serverShare?: number;
  /** Days between the last recorded cutover and the new as-of day [2]. */
  readonly daysAfter?: number;
  readonly seed: number;
}

const addDays = (iso: string, n: number): string => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

/** Simulates what happened during the first `waves` waves of `plan` (see file header). */
export function simulateProgress(inventory: Inventory, plan: Plan, o: SimulationOptions): { progress: Progress; asOf: string } | undefined {
  const waves = plan.waves.filter((w) => w.status !== "done").slice(0, o.waves);
  if (waves.length === 0) return undefined;
  const rnd = mulberry32(o.seed);
  const failShare = o.failShare ?? 0.1;
  const retryShare = o.retryShare ?? 0.5;
  const serverShare = o.serverShare ?? 0.5;
  const asOf = addDays(waves[waves.length - 1].end, o.daysAfter ?? 2);
  const cutovers: NonNullable<Progress["cutovers"]> = waves.map((w) => ({ start: w.start, end: w.end, systems: [] }));
  const goneOn = new Map<string, string>();
  waves.forEach((w, i) => {
    for (const system of w.systems) {
      if (rnd() < failShare) {
        cutovers[i].systems.push({ system, result: "failed", reason: `simulated failure ${Math.floor(rnd() * 1000)}: rolled back` });
        // Some succeed on a later simulated weekend.
        if (i + 1 < waves.length && rnd() < retryShare) {
          const j = i + 1 + Math.floor(rnd() * (waves.length - i - 1));
          cutovers[j].systems.push({ system, result: "done" });
          goneOn.set(system, waves[j].end);
        }
      } else {
        cutovers[i].systems.push({ system, result: "done" });
        goneOn.set(system, w.end);
      }
    }
  });
  const retirements: NonNullable<Progress["retirements"]> = [];
  for (const s of plan.systems) {
    if (s.disposition === "retire" && s.retireOn !== undefined && s.retireOn <= asOf && rnd() < 0.7) {
      retirements.push({ system: s.id, on: s.retireOn });
      goneOn.set(s.id, s.retireOn);
    }
  }
  // Servers whose every system (for a host, its VMs' too) has gone by the chosen day.
  const systemsOn = new Map<string, string[]>();
  for (const sys of inventory.systems) for (const sid of sys.servers) (systemsOn.get(sid) ?? systemsOn.set(sid, []).get(sid)!).push(sys.id);
  const vmsOf = new Map<string, string[]>();
  for (const s of inventory.servers) if (s.hostedOn) (vmsOf.get(s.hostedOn) ?? vmsOf.set(s.hostedOn, []).get(s.hostedOn)!).push(s.id);
  const servers: NonNullable<Progress["servers"]> = [];
  for (const s of plan.servers) {
    if (s.site === plan.targetSite || !(s.fate === "decommission" || s.fate === "relocate")) continue;
    const kind = inventory.servers.find((x) => x.id === s.id)?.kind;
    const workload = [...(systemsOn.get(s.id) ?? []), ...(kind === "physical" ? (vmsOf.get(s.id) ?? []).flatMap((vm) => systemsOn.get(vm) ?? []) : [])];
    if (workload.length === 0 || workload.some((id) => !goneOn.has(id))) continue;
    const gone = workload.map((id) => goneOn.get(id)!).sort().at(-1)!;
    if (rnd() >= serverShare) continue;
    const day = addDays(gone, Math.floor(rnd() * 3));
    if (day > asOf) continue;
    servers.push(s.fate === "relocate" ? { server: s.id, relocatedOn: day } : { server: s.id, decommissionedOn: day });
  }
  return { progress: { schemaVersion: 1, cutovers, retirements, servers }, asOf };
}
