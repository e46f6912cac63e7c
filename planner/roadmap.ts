// Later phases (not waves): work for 2027–2028 and 2029–2030 per system or server, following the
// province's roadmap (2027–2028: monitor, adjust, more shared platforms over TSLCD; 2029–2030:
// modernise with large-scale cloud, AI and big data).
//   2027–2028  replatform            every rehosted system: containerise onto the shared platform
//              expand-shared-platform surviving shared services (sso, lgsp, email, portal,
//                                     document-management, one-stop-shop) offered to more agencies
//              connect-national-platform systems that exchange with a national platform (an external)
//              hardware-refresh / os-upgrade whose support ends before 2029
//   2029–2030  hardware-refresh      kept hardware whose vendor support ends by 2030-12-31
//              os-upgrade            kept servers whose OS support ends by 2030-12-31
//              cloud-candidate       kept systems at security level ≤ 2 on the shared platform or VMs
//              big-data-candidate    kept systems holding ≥ 500 GiB of data
//              ai-candidate          kept citizen-facing services with ≥ 10 000 users
// Items whose date falls after horizonEnd are left out.
import type { InventoryIndex } from "../inventory/model.js";
import { maxDate, minDate } from "./dates.js";
import type { SystemDecision } from "./dispositions.js";
import { MessageLog, MSG } from "./messages.js";
import type { PlanServer, RoadmapItem } from "./plan-schema.js";

const SHARED_FUNCTIONS = new Set(["sso", "lgsp", "email", "portal", "document-management", "one-stop-shop"]);
const P1_END = "2028-12-31";
const P2_START = "2029-01-01";
const P2_END = "2030-12-31";

/** Roadmap items 2027–2030 (see file header), sorted by phase, date, subject and action. */
export function buildRoadmap(index: InventoryIndex, decisions: ReadonlyMap<string, SystemDecision>, servers: readonly PlanServer[], horizonEnd: string, log: MessageLog = new MessageLog()): RoadmapItem[] {
  const items: RoadmapItem[] = [];
  const add = (item: RoadmapItem): void => {
    if (item.by <= horizonEnd) items.push(item);
  };
  for (const sys of index.inventory.systems) {
    const d = decisions.get(sys.id)!.disposition;
    if (d === "retire" || d === "consolidate") continue;
    if (d === "rehost") add({ phase: "2027-2028", action: "replatform", subject: sys.id, subjectKind: "system", by: P1_END, reason: log.say(MSG.roadmapReplatform()) });
    if (SHARED_FUNCTIONS.has(sys.function)) add({ phase: "2027-2028", action: "expand-shared-platform", subject: sys.id, subjectKind: "system", by: P1_END, reason: log.say(MSG.roadmapExpandShared({ fn: sys.function })) });
    if ((sys.dependsOn ?? []).some((dep) => index.externals.has(dep.target)) || sys.function === "lgsp") {
      add({ phase: "2027-2028", action: "connect-national-platform", subject: sys.id, subjectKind: "system", by: P1_END, reason: log.say(MSG.roadmapConnectNational()) });
    }
    if (sys.securityLevel <= 2 && (d === "replatform" || sys.containerReady)) add({ phase: "2029-2030", action: "cloud-candidate", subject: sys.id, subjectKind: "system", by: P2_END, reason: log.say(MSG.roadmapCloud({ level: sys.securityLevel })) });
    if ((sys.dataGiB ?? 0) >= 500) add({ phase: "2029-2030", action: "big-data-candidate", subject: sys.id, subjectKind: "system", by: P2_END, reason: log.say(MSG.roadmapBigData({ dataGiB: sys.dataGiB ?? 0 })) });
    if ((sys.users ?? 0) >= 10_000) add({ phase: "2029-2030", action: "ai-candidate", subject: sys.id, subjectKind: "system", by: P2_END, reason: log.say(MSG.roadmapAi({ users: sys.users ?? 0 })) });
  }
  for (const ps of servers) {
    if (ps.fate === "decommission") continue;
    const s = index.servers.get(ps.id)!;
    if (s.kind !== "virtual" && s.supportEnds !== undefined && s.supportEnds <= P2_END) {
      const phase = s.supportEnds < P2_START ? "2027-2028" : "2029-2030";
      add({ phase, action: "hardware-refresh", subject: s.id, subjectKind: "server", by: phase === "2027-2028" ? minDate(maxDate(s.supportEnds, "2027-01-01"), P1_END) : s.supportEnds, reason: log.say(MSG.roadmapHardwareRefresh({ supportEnds: s.supportEnds })) });
    }
    if (s.os?.endOfSupport !== undefined && s.os.endOfSupport <= P2_END) {
      const phase = s.os.endOfSupport < P2_START ? "2027-2028" : "2029-2030";
      add({ phase, action: "os-upgrade", subject: s.id, subjectKind: "server", by: phase === "2027-2028" ? minDate(maxDate(s.os.endOfSupport, "2027-01-01"), P1_END) : s.os.endOfSupport, reason: log.say(MSG.roadmapOsUpgrade({ os: `${s.os.name}${s.os.version ? ` ${s.os.version}` : ""}`, endOfSupport: s.os.endOfSupport })) });
    }
  }
  return items.sort((a, b) => (a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : a.by < b.by ? -1 : a.by > b.by ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}
