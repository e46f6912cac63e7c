// Dispositions pinned by people on top of a generated inventory: the decisions a province really
// writes into its inventory before planning (this system stays where it is; that one is rehosted
// whatever the planner thinks). Applied after bench/generate.ts, seeded on its own, so the
// generator's output for the same options is unchanged. Used by the benchmark's "people pins"
// family and by the property tests: pinned `retain`s inside tight clusters are what made the
// planner move a database away from the application pinned to stay beside it.
import type { Inventory, System } from "../inventory/schema.js";
import { mulberry32 } from "./generate.js";

export interface PeoplePinOptions {
  /** PRNG seed of the pins (any integer). */
  readonly seed: number;
  /** Share of systems pinned `retain` [0.03]. */
  readonly retainShare?: number;
  /** Share of those pins whose tightly coupled neighbour people pinned to move anyway (`rehost`): a contradiction the plan must report [0.1]. */
  readonly contradictionShare?: number;
}

/** A copy of `inventory` with seeded people-pinned dispositions (see file header); systems already pinned are left alone. */
export function withPeoplePins(inventory: Inventory, options: PeoplePinOptions): Inventory {
  const rng = mulberry32(options.seed);
  const retainShare = options.retainShare ?? 0.03;
  const contradictionShare = options.contradictionShare ?? 0.1;
  const systems = inventory.systems.map((s) => ({ ...s }) as System);
  const byId = new Map(systems.map((s) => [s.id, s]));
  const neighbours = new Map<string, string[]>();
  for (const s of systems) {
    for (const d of s.dependsOn ?? []) {
      if (d.coupling !== "tight" || !byId.has(d.target)) continue;
      (neighbours.get(s.id) ?? neighbours.set(s.id, []).get(s.id)!).push(d.target);
      (neighbours.get(d.target) ?? neighbours.set(d.target, []).get(d.target)!).push(s.id);
    }
  }
  for (const s of systems) {
    if (rng() >= retainShare || s.disposition !== undefined) continue;
    (s as { disposition?: string }).disposition = "retain";
    if (rng() >= contradictionShare) continue;
    const other = (neighbours.get(s.id) ?? []).map((id) => byId.get(id)!).find((n) => n.disposition === undefined && n.servers.length > 0);
    if (other) (other as { disposition?: string }).disposition = "rehost";
  }
  return { ...inventory, systems };
}
