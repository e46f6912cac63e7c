// Later phases (not waves): work for 2027–2028 and 2029–2030 per system or server, following the
// province's roadmap (2027–2028: monitor, adjust, more shared platforms over TSLCD; 2029–2030:
// modernise with large-scale cloud, AI and big data), planned rather than listed:
//   replatform              every rehosted system: containerise onto the shared platform (by 2028)
//   expand-shared-platform  surviving shared services (sso, lgsp, email, portal,
//                           document-management, one-stop-shop) offered to more agencies (by 2028)
//   connect-national-platform  systems that exchange with national systems other than the national
//                           data platforms (those are 2026 milestones, national-connections.ts) (by 2028)
//   hardware-refresh        kept hardware whose vendor support ends by 2030-12-31 (by that date)
//   os-upgrade              kept servers whose OS support ends by 2030-12-31 (by that date)
//   cloud-candidate         kept systems at security level ≤ 2 on the shared platform or container-ready
//   big-data-candidate      kept systems holding ≥ 500 GiB of data
//   ai-candidate            kept citizen-facing services with ≥ 10 000 users (the last three from 2029, by 2030)
// Each item has an effort in points (EFFORT below) and is levelled over quarters at the profile's
// effort points a quarter (level-quarters.ts), earliest forcing date first, from the later phases'
// start (2027-01-01, or the as-of day when later). Its `by` is the day it is done, its `phase`
// follows that day, `due` the date that forces it; one done after `due` — or due before the later
// phases even start — is `late`, and its reason says so. Items whose forcing date falls after
// horizonEnd are left out.
import type { InventoryIndex } from "../inventory/model.js";
import { getOrMake } from "../common/maps.js";
import { serverAtOrById } from "./by-id.js";
import { bySystemPosition, denseIndex } from "./dense.js";
import { maxDate } from "./dates.js";
import type { SystemDecision } from "./dispositions.js";
import { levelOverQuarters, type Work } from "./level-quarters.js";
import { joinMessages, type Message, MessageLog, MSG, type Named } from "./messages.js";
import { isNationalDataPlatform } from "./national-connections.js";
import type { PlanServer, RoadmapAction, RoadmapItem } from "./plan-schema.js";

const SHARED_FUNCTIONS = new Set(["sso", "lgsp", "email", "portal", "document-management", "one-stop-shop"]);
/** First day of the later phases. */
export const LATER_PHASES_START = "2027-01-01";
const P1_END = "2028-12-31";
const P2_START = "2029-01-01";
const P2_END = "2030-12-31";

/** Effort points of one item of each action (one point ≈ a person-week of the centre's team). */
export const EFFORT: Readonly<Record<RoadmapAction, number>> = {
  "os-upgrade": 1,
  "connect-national-platform": 1,
  "hardware-refresh": 2,
  "expand-shared-platform": 3,
  replatform: 4,
  "cloud-candidate": 4,
  "big-data-candidate": 4,
  "ai-candidate": 4,
};
/** Order of actions falling due on the same day. */
const RANK: readonly RoadmapAction[] = ["hardware-refresh", "os-upgrade", "connect-national-platform", "replatform", "expand-shared-platform", "cloud-candidate", "big-data-candidate", "ai-candidate"];

/** How the later phases are planned. */
export interface RoadmapOptions {
  /** Effort points the centre carries out a quarter (profile `laterPhases.effortPerQuarter`). */
  readonly effortPerQuarter: number;
  /** The as-of day: nothing is planned before it. */
  readonly asOf: string;
  /** The decisions by system position (dense.ts; dispositions.ts decisionAt) [looked up in `decisions`]. */
  readonly decisionAt?: readonly SystemDecision[];
}

interface Draft {
  readonly action: RoadmapAction;
  readonly subject: string;
  readonly subjectKind: "system" | "server";
  readonly due: string;
  readonly release: string;
  readonly reason: Message;
}

/** Roadmap items 2027–2030 (see file header), levelled over quarters, sorted by phase, date, subject and action. */
export function buildRoadmap(index: InventoryIndex, decisions: ReadonlyMap<string, SystemDecision>, servers: readonly PlanServer[], horizonEnd: string, log: MessageLog = new MessageLog(), options: RoadmapOptions = { effortPerQuarter: 40, asOf: LATER_PHASES_START }): RoadmapItem[] {
  const start = maxDate(LATER_PHASES_START, options.asOf);
  const drafts: Draft[] = [];
  // Positional (no object spreads: it runs for every kept server and system).
  const add = (subject: string, subjectKind: Draft["subjectKind"], action: RoadmapAction, due: string, reason: () => Message, release = start): void => {
    if (due <= horizonEnd) drafts.push({ action, subject, subjectKind, due, release: maxDate(release, start), reason: reason() });
  };
  const named = (id: string): Named => ({ id, name: index.externals.get(id)?.name ?? id });
  // Servers share their reasons (one support date, one operating system and its end of support,
  // for many): each made once, keyed by the strings the servers hold (not by text made for the
  // purpose), instead of once per item. (Lateness is not: every late item has its own day done.)
  const refreshOn = new Map<string, Message>();
  const osUntil = new Map<string, Map<string, Map<string, Message>>>();
  const refreshReason = (supportEnds: string): Message => getOrMake(refreshOn, supportEnds, () => MSG.roadmapHardwareRefresh({ supportEnds }));
  const osReason = (os: { name: string; version?: string }, endOfSupport: string): Message => {
    const byVersion = getOrMake(getOrMake(osUntil, endOfSupport, () => new Map()), os.name, () => new Map());
    return getOrMake(byVersion, os.version ?? "", () => MSG.roadmapOsUpgrade({ os: `${os.name}${os.version ? ` ${os.version}` : ""}`, endOfSupport }));
  };
  // Systems in id order (dense.ts); the items' order is their own (sorted below), not the inventory's.
  const dense = denseIndex(index);
  const decisionAt = bySystemPosition(dense, decisions, options.decisionAt);
  for (let p = 0; p < dense.systems.length; p++) {
    const sys = dense.systems[p];
    const d = decisionAt[p]!.disposition;
    if (d === "retire" || d === "consolidate") continue;
    const id = sys.id;
    if (d === "rehost") add(id, "system", "replatform", P1_END, () => MSG.roadmapReplatform());
    if (SHARED_FUNCTIONS.has(sys.function)) add(id, "system", "expand-shared-platform", P1_END, () => MSG.roadmapExpandShared({ fn: sys.function }));
    const others = [...new Set((sys.dependsOn ?? []).map((dep) => dep.target).filter((t) => index.externals.has(t) && !isNationalDataPlatform(index.externals.get(t)!)))].sort();
    if (others.length > 0) add(id, "system", "connect-national-platform", P1_END, () => MSG.roadmapConnectNational({ externals: others.map(named) }));
    if (sys.securityLevel <= 2 && (d === "replatform" || sys.containerReady)) add(id, "system", "cloud-candidate", P2_END, () => MSG.roadmapCloud({ level: sys.securityLevel }), P2_START);
    if ((sys.dataGiB ?? 0) >= 500) add(id, "system", "big-data-candidate", P2_END, () => MSG.roadmapBigData({ dataGiB: sys.dataGiB ?? 0 }), P2_START);
    if ((sys.users ?? 0) >= 10_000) add(id, "system", "ai-candidate", P2_END, () => MSG.roadmapAi({ users: sys.users ?? 0 }), P2_START);
  }
  const serverOf = serverAtOrById(index);
  for (let i = 0; i < servers.length; i++) {
    const ps = servers[i];
    if (ps.fate === "decommission") continue;
    const s = serverOf(ps.id, i)!;
    if (s.kind !== "virtual" && s.supportEnds !== undefined && s.supportEnds <= P2_END) add(s.id, "server", "hardware-refresh", s.supportEnds, () => refreshReason(s.supportEnds!));
    const os = s.os;
    if (os?.endOfSupport !== undefined && os.endOfSupport <= P2_END) {
      add(s.id, "server", "os-upgrade", os.endOfSupport, () => osReason(os, os.endOfSupport!));
    }
  }
  // Keys break ties between items of one rank, that is of one action: the subject alone orders
  // them as "subject action" would (ids hold no character below the space), without 67k new strings.
  const work: Work[] = drafts.map((d) => ({ key: d.subject, due: d.due, release: d.release, effort: EFFORT[d.action], rank: RANK.indexOf(d.action) }));
  const placed = levelOverQuarters(work, start, options.effortPerQuarter);
  const items: RoadmapItem[] = drafts.map((d, i) => {
    const p = placed[i];
    const overdue = d.due < start;
    const late = overdue || p.late;
    const lateness = overdue ? MSG.roadmapOverdue({ due: d.due, start, by: p.done }) : p.late ? MSG.roadmapLate({ due: d.due, by: p.done, effortPerQuarter: options.effortPerQuarter }) : undefined;
    return {
      phase: p.done <= P1_END ? "2027-2028" : "2029-2030",
      action: d.action,
      subject: d.subject,
      subjectKind: d.subjectKind,
      by: p.done,
      reason: log.say(lateness ? joinMessages([d.reason, lateness]) : d.reason),
      due: d.due,
      quarter: p.quarter,
      effort: EFFORT[d.action],
      late,
    };
  });
  return items.sort((a, b) => (a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : a.by < b.by ? -1 : a.by > b.by ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}

/** Effort and items per quarter of levelled roadmap items, in quarter order. */
export function quarterLoads(items: readonly RoadmapItem[]): { quarter: string; effort: number; items: number; late: number }[] {
  const by = new Map<string, { quarter: string; effort: number; items: number; late: number }>();
  for (const r of items) {
    if (r.quarter === undefined) continue;
    const q = by.get(r.quarter) ?? by.set(r.quarter, { quarter: r.quarter, effort: 0, items: 0, late: 0 }).get(r.quarter)!;
    q.effort += r.effort ?? 0;
    q.items++;
    if (r.late) q.late++;
  }
  return [...by.values()].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}
