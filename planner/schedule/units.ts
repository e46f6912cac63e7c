// Units and their ordering edges: what the window loop schedules.
//
// A unit is a move group (systems joined by a tight dependency or a shared server, from
// `moveGroups`) restricted to its moving systems. Ordering edges between units, all meaning "no
// earlier than" (the same wave is fine): a provider before its consumer (loose dependency, soft),
// a consolidation survivor before the system merged into it and before that system's dependants
// (hard). Units on a cycle of hard edges alone are merged (one wave satisfies "≥" both ways); other
// cycles are cut at their loose edges: inside such a strongly connected component order is free but
// for its hard edges (which form no cycle), and the consumer-before-provider splits that result are
// counted and reported. Cost: O(systems + dependencies) plus two Tarjan passes.
import { tarjan } from "../../inventory/queries/scc.js";
import { byServerPosition, bySystemPosition, type DenseIndex, denseIndex } from "../dense.js";
import { MOVING, type SystemDecision } from "../dispositions.js";
import type { Size } from "../plan-schema.js";
import type { InventoryIndex } from "../../inventory/model.js";
import { joinMessages, type Message, moveGroupReason, MSG, type NamedGroup } from "../messages.js";
import { addFootprint, footprintOf, ZERO_FOOTPRINT } from "../capacity.js";
import { addSize, ZERO_SIZE } from "../sizing.js";
import type { ScheduleInput, Unit } from "./types.js";

/** The inventory by position and what the scheduler knows of each system and server by position (dense.ts). */
interface Positions {
  readonly dense: DenseIndex;
  readonly decisionAt: readonly (SystemDecision | undefined)[];
  readonly incomingAt: readonly (Size | undefined)[];
}

const DEV_TAGS = new Set(["dev", "test", "testing", "staging", "uat"]);
const PROD_TAGS = new Set(["prod", "production"]);

/** A move group restricted to its moving systems. */
interface RawGroup {
  readonly id: string;
  readonly systems: string[];
  readonly reason: Message;
}

/** An ordering edge between raw groups: [provider group, consumer group, hard, the consolidation "merged → survivor" behind a hard edge]. */
type OrderingEdge = [number, number, boolean, string?];

/** The units and the map from each moving system to its unit. */
export interface UnitGraph {
  readonly units: Unit[];
  readonly unitOfSystem: Map<string, number>;
}

/** Builds the units of the moving systems with their ordering edges (see file header). */
export function buildUnits(input: ScheduleInput): UnitGraph {
  // Systems, servers, decisions and the servers moving in by position (dense.ts).
  const dense = denseIndex(input.index);
  const at: Positions = { dense, decisionAt: bySystemPosition(dense, input.decisions, input.decisionAt), incomingAt: byServerPosition(dense, input.incoming, input.incomingAt) };
  const rawGroups = movingGroups(input);
  // The raw group of each system by position (-1: none).
  const groupAt = new Int32Array(dense.systems.length).fill(-1);
  rawGroups.forEach((g, i) => g.systems.forEach((s) => (groupAt[dense.systemAt.get(s)!] = i)));
  const edges = orderingEdges(input, at, groupAt);
  const { units, unitOfSystem, unitIndexOfGroup } = mergeHardCycles(input, at, rawGroups, edges);
  linkUnits(units, edges, unitIndexOfGroup);
  return { units, unitOfSystem };
}

/** A unit as a sentence names it: its id, the name of the system it is named after (its first system's otherwise), and its systems. */
export function unitNamed(index: InventoryIndex, u: Pick<Unit, "id" | "systems">): NamedGroup {
  const head = index.systems.get(u.id.startsWith("g-") ? u.id.slice(2) : u.id) ?? index.systems.get(u.systems[0]);
  return { id: u.id, name: head?.name ?? u.id, systems: u.systems };
}

/** Whether unit v waits for its predecessor u: always across components, inside one only for a survivor-first edge. */
export function waitsFor(v: Unit, u: Unit): boolean {
  return u.comp !== v.comp || v.hardPreds.has(u.index);
}

/** The move groups that have a moving system, restricted to those systems. */
function movingGroups(input: ScheduleInput): RawGroup[] {
  // Systems recorded done have moved: they are in no unit (done-waves.ts).
  const moving = (id: string): boolean => MOVING.has(input.decisions.get(id)?.disposition ?? "retain") && !input.recorded?.doneIn.has(id);
  const rawGroups: RawGroup[] = [];
  for (const g of input.groups) {
    const members = g.systems.filter(moving);
    if (members.length === 0) continue;
    rawGroups.push({ id: g.id, systems: members, reason: g.reasons.length > 0 ? joinMessages(g.reasons.map(moveGroupReason)) : MSG.singleSystem() });
  }
  return rawGroups;
}

/** Provider-before-consumer (loose) and survivor-first (hard) edges between groups, in inventory order; `groupAt`: each system's raw group by position (-1: none). */
function orderingEdges(input: ScheduleInput, at: Positions, groupAt: Int32Array): OrderingEdge[] {
  const { dense, decisionAt } = at;
  const edges: OrderingEdge[] = [];
  const groupOfId = (id: string): number => {
    const p = dense.systemAt.get(id);
    return p === undefined ? -1 : groupAt[p];
  };
  for (const sys of input.index.inventory.systems) {
    const me = dense.systemAt.get(sys.id)!;
    const c = groupAt[me];
    if (c < 0) continue;
    const targets = dense.dependsOn[me];
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (t < 0) continue;
      const p = groupAt[t];
      const pd = decisionAt[t];
      if (p >= 0 && p !== c && pd?.disposition !== "consolidate") edges.push([p, c, false]);
      // Dependants of a consolidated system wait for its survivor.
      if (pd?.disposition === "consolidate" && pd.into !== undefined) {
        const s = groupOfId(pd.into);
        if (s >= 0 && s !== c) edges.push([s, c, true, `${sys.dependsOn![i].target} → ${pd.into}`]);
      }
    }
    const d = decisionAt[me]!;
    if (d.disposition === "consolidate" && d.into !== undefined) {
      const s = groupOfId(d.into);
      if (s >= 0 && s !== c) edges.push([s, c, true, `${sys.id} → ${d.into}`]);
    }
  }
  return edges;
}

/**
 * Makes one unit per group, except that the groups on a cycle of survivor-first edges alone become
 * one unit (forced: one wave satisfies "≥" both ways). A cycle that needs a loose edge to close is
 * not merged: the loose edge (a preference) is cut instead, and the hard edges inside the loose
 * component stay enforced (see `waitsFor`).
 */
function mergeHardCycles(input: ScheduleInput, at: Positions, rawGroups: readonly RawGroup[], edges: readonly OrderingEdge[]): UnitGraph & { unitIndexOfGroup: Int32Array } {
  const adj = new Map<string, string[]>();
  rawGroups.forEach((_, i) => adj.set(String(i), []));
  for (const [a, b, hard] of edges) if (hard) adj.get(String(a))!.push(String(b));
  const comps = tarjan(adj);
  const compOf = new Int32Array(rawGroups.length);
  comps.forEach((c, ci) => c.forEach((n) => (compOf[Number(n)] = ci)));
  const hardCycle = new Set<number>();
  // The consolidations whose survivor-first edges close each merged cycle, for the forced-wave violation.
  const forcedBy = new Map<number, Set<string>>();
  for (const [a, b, hard, why] of edges) {
    if (!hard || compOf[a] !== compOf[b]) continue;
    hardCycle.add(compOf[a]);
    (forcedBy.get(compOf[a]) ?? forcedBy.set(compOf[a], new Set()).get(compOf[a])!).add(why!);
  }
  // Merge: every group of a hard-cycle component maps to the component's first group.
  const mergedInto = new Int32Array(rawGroups.length).map((_, i) => i);
  const compHead = new Map<number, number>();
  for (let i = 0; i < rawGroups.length; i++) {
    if (!hardCycle.has(compOf[i])) continue;
    const head = compHead.get(compOf[i]);
    if (head === undefined) compHead.set(compOf[i], i);
    else mergedInto[i] = head;
  }
  const unitIndexOfGroup = new Int32Array(rawGroups.length);
  const units: Unit[] = [];
  const unitOfSystem = new Map<string, number>();
  for (let i = 0; i < rawGroups.length; i++) {
    if (mergedInto[i] !== i) continue;
    const members: number[] = [i];
    if (compHead.get(compOf[i]) === i) for (const n of comps[compOf[i]]) if (Number(n) !== i) members.push(Number(n));
    const systems = members.flatMap((m) => rawGroups[m].systems).sort();
    const reason = members.length > 1 ? MSG.mergedCycle({ reasons: joinMessages(members.map((m) => rawGroups[m].reason)) }) : rawGroups[i].reason;
    const u = makeUnit(units.length, rawGroups[i].id, systems, reason, input, at);
    if (members.length > 1) u.merged = { groups: members.map((m) => rawGroups[m].id).sort(), consolidations: [...forcedBy.get(compOf[i])!].sort() };
    units.push(u);
    for (const m of members) unitIndexOfGroup[m] = u.index;
    for (const s of systems) unitOfSystem.set(s, u.index);
  }
  return { units, unitOfSystem, unitIndexOfGroup };
}

/** Sets each unit's predecessors, successors and survivor-first predecessors, then its strongly connected component over every edge. */
function linkUnits(units: Unit[], edges: readonly OrderingEdge[], unitIndexOfGroup: Int32Array): void {
  const seenEdge = new Set<string>();
  for (const [a0, b0, hard] of edges) {
    const a = unitIndexOfGroup[a0];
    const b = unitIndexOfGroup[b0];
    if (a === b) continue;
    const key = `${a}>${b}`;
    if (hard) units[b].hardPreds.add(a);
    if (seenEdge.has(key)) continue;
    seenEdge.add(key);
    units[a].succs.push(b);
    units[b].preds.push(a);
  }
  // Inside one component, loose edges are cut.
  const unitAdj = new Map<string, string[]>();
  for (const u of units) unitAdj.set(String(u.index), u.succs.map(String));
  tarjan(unitAdj).forEach((c, ci) => c.forEach((n) => (units[Number(n)].comp = ci)));
}

/** A unit's size, demand at the target, footprint carried there and risk (security level, then users, then environment). */
function makeUnit(i: number, id: string, systems: string[], reason: Message, input: ScheduleInput, at: Positions): Unit {
  const { target } = input;
  const { dense, decisionAt, incomingAt } = at;
  let data = 0;
  let maxSL = 1;
  let users = 0;
  let prod = false;
  let dev = 0;
  let demand = ZERO_SIZE;
  let footprint = ZERO_FOOTPRINT;
  // Server positions (dense.ts): in numeric order they are in id order.
  const servers = new Set<number>();
  const carried = new Set<number>();
  for (const id of systems) {
    const p = dense.systemAt.get(id)!;
    const s = dense.systems[p];
    data += s.dataGiB ?? 0;
    maxSL = Math.max(maxSL, s.securityLevel);
    users += s.users ?? 0;
    const relocated = decisionAt[p]?.disposition === "relocate";
    for (const q of dense.serversOf[p]) {
      if (q < 0) continue;
      const srv = dense.servers[q];
      // A server at the target moves only when it is a stand-alone one folded into the shared capacity.
      if (srv.site === target && incomingAt[q] === undefined) continue;
      servers.add(q);
      // Hardware of a relocated system is carried to the target site and takes rack space and power there.
      if (srv.kind !== "virtual" && relocated) carried.add(q);
      const tags = srv.tags ?? [];
      if (tags.some((t) => PROD_TAGS.has(t))) prod = true;
      if (tags.some((t) => DEV_TAGS.has(t))) dev++;
    }
  }
  for (const q of [...servers].sort((a, b) => a - b)) {
    const t = incomingAt[q];
    if (t) demand = addSize(demand, t);
    if (carried.has(q)) footprint = addFootprint(footprint, footprintOf(dense.servers[q]));
  }
  const env = prod ? 6 : dev > 0 && dev === servers.size ? 0 : 3;
  const risk = maxSL * 100 + Math.min(9, Math.floor(Math.log10(1 + users))) * 10 + env;
  return { index: i, id, systems, dataGiB: Math.round(data * 10) / 10, demand, footprint, maxSecurityLevel: maxSL, risk, reason, preds: [], succs: [], hardPreds: new Set(), comp: -1, pinWindow: -1, release: 0 };
}
