// National connections of the merged centre: milestones of the 2026 phase. The Provincial People's
// Committee's plan (March 2026, §4.1) wants the merged provincial data integration centre connected
// to the National Data Centre and to NDXP (and in step with NDOP) by 31/12/2026, so these
// connections are not later-phase roadmap work: each surviving integration platform — a system
// that keeps running and either is the provincial data-sharing platform (function `lgsp`) or
// exchanges data with a national data platform — has one milestone, due on the deadline. It is
// reached when the platform runs at its place after the merger with every national link of the
// platforms merged into it taken over: at the end of the platform's own wave when it moves, of the
// last wave merging a twin into it, or from the start date when neither happens; never while one of
// them is unscheduled. National data platforms are the inventory's externals whose id or name names
// NDXP, NDOP or the National Data Centre (Trung tâm Dữ liệu quốc gia); ministry systems (the
// population database, the national public-service portal…) stay later-phase roadmap work.
import { getOrMake } from "../common/maps.js";
import type { InventoryIndex } from "../inventory/model.js";
import type { External, System } from "../inventory/schema.js";
import { bySystemPosition, denseIndex } from "./dense.js";
import { maxDate } from "./dates.js";
import type { SystemDecision } from "./dispositions.js";
import { type Message, MSG, type Named } from "./messages.js";

/** A national connection milestone (before its sentences are said). */
export interface NationalConnection {
  readonly system: string;
  /** National data platforms it connects to (external ids, sorted; empty for an LGSP that lists none). */
  readonly externals: string[];
  /** Systems merged into it whose national links it takes over (sorted). */
  readonly takesOver: string[];
  readonly due: string;
  /** Day it is reached; undefined while the platform or a twin merged into it has no wave. */
  readonly on?: string;
  readonly met: boolean;
  readonly reason: Message;
}

const NATIONAL_DATA_PLATFORM = /\b(ndxp|ndop|ndc)\b|trung tâm dữ liệu quốc gia|national data cent(er|re)|tt-du-lieu-quoc-gia/i;

/** True for an external that is a national data platform (NDXP, NDOP, the National Data Centre). */
export function isNationalDataPlatform(e: Pick<External, "id" | "name">): boolean {
  let is = platformAnswers.get(e);
  if (is === undefined) platformAnswers.set(e, (is = NATIONAL_DATA_PLATFORM.test(e.id) || NATIONAL_DATA_PLATFORM.test(e.name)));
  return is;
}

/** Answers of isNationalDataPlatform by external (asked for each dependency of each system; an inventory has a few dozen externals, never changed once loaded). */
const platformAnswers = new WeakMap<object, boolean>();

/** Inputs: where each system's wave ends (moving and scheduled only), and the dates that matter. */
export interface NationalConnectionInput {
  readonly index: InventoryIndex;
  readonly decisions: ReadonlyMap<string, SystemDecision>;
  /** `decisions` by system position (dense.ts; dispositions.ts decisionAt) [looked up in `decisions`]. */
  readonly decisionAt?: readonly SystemDecision[];
  readonly waveEnd: ReadonlyMap<string, { number: number; end: string }>;
  readonly deadline: string;
  readonly startDate: string;
}

/** The national connection milestones of the surviving integration platforms (see file header), by system id. */
export function nationalConnections(input: NationalConnectionInput): NationalConnection[] {
  const { index, decisions, waveEnd, deadline, startDate } = input;
  // Systems in id order and their decisions by position (dense.ts).
  const dense = denseIndex(index);
  const decisionAt = bySystemPosition(dense, decisions, input.decisionAt);
  const nationalOf = (sys: System): string[] =>
    [...new Set((sys.dependsOn ?? []).map((d) => d.target).filter((t) => index.externals.has(t) && isNationalDataPlatform(index.externals.get(t)!)))].sort();
  const national = (id: string): string[] => nationalOf(index.systems.get(id)!);
  const isPlatform = (sys: System): boolean => sys.function === "lgsp" || nationalOf(sys).length > 0;
  const merged = new Map<string, string[]>();
  dense.systems.forEach((sys, p) => {
    const d = decisionAt[p];
    if (d?.disposition === "consolidate" && d.into !== undefined && isPlatform(sys)) getOrMake(merged, d.into, () => []).push(sys.id);
  });
  const named = (id: string): Named => ({ id, name: index.systems.get(id)?.name ?? id });
  const ext = (id: string): Named => ({ id, name: index.externals.get(id)?.name ?? id });
  const out: NationalConnection[] = [];
  for (let p = 0; p < dense.systems.length; p++) {
    const sys = dense.systems[p];
    const d = decisionAt[p]!.disposition;
    if (d === "retire" || d === "consolidate" || !isPlatform(sys)) continue;
    const twins = merged.get(sys.id) ?? [];
    const externals = [...new Set([...nationalOf(sys), ...twins.flatMap(national)])].sort();
    const moves = d !== "retain";
    const waits = [...(moves ? [sys.id] : []), ...twins];
    let on: string | undefined = startDate;
    let lastWave: number | undefined;
    for (const id of waits) {
      const w = waveEnd.get(id);
      if (!w) {
        on = undefined;
        break;
      }
      on = maxDate(on!, w.end);
      lastWave = Math.max(lastWave ?? 0, w.number);
    }
    const met = on !== undefined && on <= deadline;
    const reason = MSG.nationalConnection({ system: named(sys.id), externals: externals.map(ext), takesOver: twins.map(named), due: deadline, on, wave: lastWave, met });
    out.push({ system: sys.id, externals, takesOver: twins, due: deadline, ...(on !== undefined ? { on } : {}), met, reason });
  }
  return out;
}
