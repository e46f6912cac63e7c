// The scheduler's shared vocabulary: units (what cuts over together), their traces, draft waves,
// relocations and what scheduling returns, plus the constants every stage reads. No logic here.
import type { AffinityGroup } from "../../inventory/queries/move-groups.js";
import type { InventoryIndex } from "../../inventory/model.js";
import type { Window } from "../calendar.js";
import type { SystemDecision } from "../dispositions.js";
import type { Message, MessageLog } from "../messages.js";
import type { Procurement, Size, Violation } from "../plan-schema.js";
import type { PlanningProfile } from "../profile.js";
import type { Footprint } from "../capacity.js";
import type { ProgressFacts, RecordedCutover } from "../progress/facts.js";

/** A set of systems that cut over in one wave. */
export interface Unit {
  readonly index: number;
  readonly id: string;
  readonly systems: string[];
  readonly dataGiB: number;
  /** Capacity the unit's servers take at the target site. */
  readonly demand: Size;
  /** Rack space and power of the hardware it carries to the target site (relocated systems' servers). */
  readonly footprint: Footprint;
  readonly maxSecurityLevel: number;
  readonly risk: number;
  /** Why its systems move together. */
  readonly reason: Message;
  readonly preds: number[];
  readonly succs: number[];
  readonly hardPreds: Set<number>;
  /** Strongly connected component of the ordering graph (cycles through loose dependencies; only their loose edges are cut). */
  comp: number;
  /** Window index of a date pin, -1 when none. */
  pinWindow: number;
  /** Pin date, when pinned. */
  pinDate?: string;
  /** First window index allowed by notBefore. */
  release: number;
  notBefore?: string;
  /** Set when move groups were merged because survivor-first edges close a cycle: the groups and those consolidations. */
  merged?: { readonly groups: string[]; readonly consolidations: string[] };
}

/** What happened to a unit while scheduling, for reasons, explain and the critical chain. */
export interface UnitTrace {
  wave?: number;
  window?: number;
  /** Window in which it first became ready. */
  readyWindow?: number;
  /** Provider unit whose placement made it ready last. */
  bindingPred?: number;
  /** Last reason it was deferred, with the window. */
  lastDefer?: { window: number; kind: DeferKind; text: Message };
  pinConflict?: Message;
}

/** Why a ready unit was left out of a wave. */
export type DeferKind = "wave-limit" | "data" | "capacity" | "pilot" | "group-size";

export interface DraftWave {
  readonly number: number;
  readonly window: Window;
  readonly units: number[];
  readonly systems: number;
  readonly dataGiB: number;
  readonly notes: string[];
  /** Set on a done wave: the recorded cutover it stands for (its systems are in no unit). */
  readonly recorded?: RecordedCutover;
}

/** A physical host freed at a closing site and moved to the target site for its capacity. */
export interface Relocation {
  readonly server: string;
  readonly freedOn: string;
  readonly relocateOn: string;
  readonly availableFrom: string;
  readonly adds: Size;
}

/** Racks and power bought with a wave (part of its procurement entry). */
export interface FootprintPurchase {
  readonly racks: number;
  readonly powerKw: number;
  /** Rack units and usable watts it adds. */
  readonly adds: Footprint;
}

/** One purchase: the contract's procurement entry plus what it adds to the target site. */
export type Purchase = Procurement & { vcpus: number; adds: Size; footprint?: FootprintPurchase };

export interface ScheduleResult {
  readonly units: Unit[];
  readonly unitOfSystem: Map<string, number>;
  readonly traces: UnitTrace[];
  readonly waves: DraftWave[];
  readonly unscheduled: { system: string; reason: Message }[];
  readonly procurement: Purchase[];
  /** Freed hosts not relocated because the target site had no rack space or power left for them. */
  readonly noRoom: Set<string>;
  /** Most rack space and power the target site's hardware took at any time, and its limit after the last purchase. */
  readonly footprint: { readonly peak: Footprint; readonly limit: Footprint };
  readonly relocations: Map<string, Relocation>;
  readonly violations: Violation[];
  readonly warnings: Violation[];
  /** Used capacity after each wave (index = wave number − 1). */
  readonly usedAfter: Size[];
  /** Capacity and use at the first wave's window before anything was placed, and whether buying was possible then. */
  readonly firstWave?: { capacity: Size; used: Size; canProcure: boolean };
}

/** What the scheduler and the server fates (decommission.ts) both start from. */
export interface PlanningContext {
  readonly index: InventoryIndex;
  readonly decisions: ReadonlyMap<string, SystemDecision>;
  /** `decisions` by system position (dense.ts; dispositions.ts decisionAt) [looked up in `decisions`]. */
  readonly decisionAt?: readonly SystemDecision[];
  readonly siteOf: ReadonlyMap<string, string | undefined>;
  readonly target: string;
  readonly profile: PlanningProfile;
  readonly windows: readonly Window[];
}

export interface ScheduleInput extends PlanningContext {
  readonly asOf: string;
  readonly groups: readonly AffinityGroup[];
  readonly initialUsable: Size;
  readonly initialUsed: Size;
  /** Right-sized target of each server moving onto the target's virtual capacity. */
  readonly incoming: ReadonlyMap<string, Size>;
  /** `incoming` by server position (dense.ts; capacity.ts incomingAt) [looked up in `incoming`]. */
  readonly incomingAt?: readonly (Size | undefined)[];
  /** Day retired systems are switched off. */
  readonly retireOn: string;
  /** Where the messages said while scheduling are recorded [a fresh log]. */
  readonly log?: MessageLog;
  /** Rack space and power of the target site (limit and use today) [unlimited]. */
  readonly footprint?: { readonly limit: Footprint; readonly used: Footprint };
  /** What the progress file records: done waves first, done systems never scheduled again (done-waves.ts) [nothing]. */
  readonly recorded?: ProgressFacts;
}

/** Where the stages report: violations and warnings in the order they are found, and the message log. */
export interface Findings {
  readonly violations: Violation[];
  readonly warnings: Violation[];
  /** Records a message and returns its English text. */
  readonly say: (msg: Message) => string;
}

/** Security level from which a system is kept out of the pilot waves. */
export const HIGH_SECURITY_LEVEL = 4;
/** Number of pilot waves at the start. */
export const PILOT_WAVES = 2;
/** A host relocated for capacity must stay in support at least this long after it is freed, days. */
export const RELOCATE_MIN_SUPPORT_DAYS = 365;
/** Units set aside per wave (did not fit) before the wave stops looking. */
export const MAX_DEFERRED_PER_WAVE = 512;

/** A value rounded to one decimal (GiB, cores in messages). */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
