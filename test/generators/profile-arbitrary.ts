// fast-check arbitrary of planning profiles for property tests and the output-hash harness
// (scripts/output-hashes.ts): as-of days before and after the deadline, other cutover weekdays,
// tight wave limits, capacity shortages (high headroom, long procurement lead times), pins and
// hold-backs on allowed days, blackouts, and an already-passed deadline.
import fc from "fast-check";
import { indexInventory } from "../../inventory/model.js";
import { moveGroups } from "../../inventory/queries/move-groups.js";
import type { Inventory } from "../../inventory/schema.js";
import { Calendar } from "../../planner/calendar.js";
import type { Profile } from "../../planner/profile-schema.js";

const AS_OFS = ["2026-11-22", "2026-12-20", "2027-01-20", "2027-04-20", "2027-08-25", "2027-03-01"];
const WEEKDAY_SETS: Profile["windows"][] = [undefined, { weekdays: ["sat", "sun"] }, { weekdays: ["fri", "sat", "sun"] }, { weekdays: ["sun"] }, { weekdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] }];

export interface Knobs {
  asOf: string;
  windows: Profile["windows"];
  maxSystems?: number;
  maxDataGiB?: number;
  headroomPct?: number;
  procurementLeadDays?: number;
  pins: { pick: number; kind: "date" | "notBefore"; offset: number }[];
  blackout?: { offset: number; length: number };
  passedDeadline: boolean;
}

export const knobs: fc.Arbitrary<Knobs> = fc.record({
  asOf: fc.constantFrom(...AS_OFS),
  windows: fc.constantFrom(...WEEKDAY_SETS),
  maxSystems: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  maxDataGiB: fc.option(fc.constantFrom(200, 1000, 5000), { nil: undefined }),
  headroomPct: fc.option(fc.integer({ min: 0, max: 95 }), { nil: undefined }),
  procurementLeadDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  pins: fc.array(fc.record({ pick: fc.nat(), kind: fc.constantFrom<"date" | "notBefore">("date", "notBefore"), offset: fc.integer({ min: 0, max: 40 }) }), { maxLength: 3 }),
  blackout: fc.option(fc.record({ offset: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 20 }) }), { nil: undefined }),
  passedDeadline: fc.boolean(),
});

const addDays = (iso: string, n: number): string => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

/** A valid profile for `inventory` from the knobs: pins only on allowed days, at most one per move group. */
export function profileFor(inventory: Inventory, k: Knobs, targetSite?: string): Profile {
  const blackouts = k.blackout ? [{ from: addDays(k.asOf, k.blackout.offset), to: addDays(k.asOf, k.blackout.offset + k.blackout.length), reason: "generated blackout" }] : [];
  const calendar = new Calendar({ weekdays: k.windows?.weekdays ?? ["sat", "sun"], blackouts });
  const windows = calendar.windows(k.asOf, "2030-12-31");
  const groups = moveGroups(indexInventory(inventory));
  const used = new Set<string>();
  const pins: NonNullable<Profile["pins"]> = [];
  for (const p of k.pins) {
    if (groups.length === 0 || windows.length === 0) break;
    const g = groups[p.pick % groups.length];
    if (used.has(g.id)) continue;
    used.add(g.id);
    const system = g.systems[p.pick % g.systems.length];
    if (inventory.systems.find((s) => s.id === system)?.disposition !== undefined) continue;
    const w = windows[Math.min(windows.length - 1, p.offset)];
    pins.push(p.kind === "date" ? { system, date: w.start } : { system, notBefore: addDays(k.asOf, p.offset * 3) });
  }
  return {
    ...(targetSite ? { targetSite } : {}),
    ...(k.windows ? { windows: k.windows } : {}),
    ...(blackouts.length > 0 ? { blackouts } : {}),
    waveLimits: { ...(k.maxSystems !== undefined ? { maxSystems: k.maxSystems } : {}), ...(k.maxDataGiB !== undefined ? { maxDataGiB: k.maxDataGiB } : {}) },
    ...(k.headroomPct !== undefined ? { headroomPct: k.headroomPct } : {}),
    ...(k.procurementLeadDays !== undefined ? { procurementLeadDays: k.procurementLeadDays } : {}),
    ...(pins.length > 0 ? { pins } : {}),
    ...(k.passedDeadline ? { deadline: "2026-12-31" } : {}),
  };
}

