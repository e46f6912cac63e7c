// Warm or cold migration per rehosted system, from what the plan already knows.
//
// A wave's window can copy `profile.dataGiBPerWindowDay` × its days (every day from start to end is
// an allowed day, by the plan contract) over the inter-site WAN, and everything the wave moves
// shares it: `wave.dataGiB` counts the rehosted VMs' data and also the data of systems merged or
// replatformed in the same wave. A cold migration copies while the VM is off, so its data must fit
// in the window next to the rest. When the whole wave fits, every rehosted system goes cold (no
// changed-block tracking needed, nothing running twice). When it does not, the rehosted systems
// with the most data go warm, largest first (ties by id), until what remains fits: a warm migration
// copies while the source VM runs and keeps only the final delta for the window. A system whose
// data alone exceeds the window is always warm. Pure.
import type { Plan, PlanSystem, Wave } from "../planner/plan-schema.js";
import { compareIds } from "./builders/objects.js";
import { isRehosted } from "./rehosted-vms.js";

/** Forklift migration type. */
export type MigrationType = "warm" | "cold";

/** Calendar days from `start` to `end` inclusive (ISO dates). */
export function windowDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Data one wave's window can copy, GiB. */
export function windowCapacityGiB(plan: Plan, wave: Wave): number {
  return plan.profile.dataGiBPerWindowDay * windowDays(wave.start, wave.end);
}

/** The migration type of every rehosted system of the plan, by id. */
export function migrationTypes(plan: Plan): Map<string, MigrationType> {
  const out = new Map<string, MigrationType>();
  const byWave = new Map<number, PlanSystem[]>();
  for (const s of plan.systems) {
    if (!isRehosted(s)) continue;
    const list = byWave.get(s.wave!) ?? [];
    list.push(s);
    byWave.set(s.wave!, list);
  }
  for (const [number, systems] of byWave) {
    const wave = plan.waves.find((w) => w.number === number);
    // A wave the plan does not list (a hand-written plan) gives no window to reason about: copy cold.
    if (wave === undefined) {
      for (const s of systems) out.set(s.id, "cold");
      continue;
    }
    const capacity = windowCapacityGiB(plan, wave);
    let remaining = Math.max(wave.dataGiB, systems.reduce((sum, s) => sum + s.dataGiB, 0));
    for (const s of [...systems].sort((a, b) => b.dataGiB - a.dataGiB || compareIds(a.id, b.id))) {
      const warm = s.dataGiB > capacity || remaining > capacity + 1e-9;
      out.set(s.id, warm ? "warm" : "cold");
      if (warm) remaining -= s.dataGiB;
    }
  }
  return out;
}
