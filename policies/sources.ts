// The sources the rules cite, written once. Vietnamese law first: Decree 85/2016/NĐ-CP on
// information-system security by level (cấp độ) and TCVN 11930:2017, the national standard of
// basic requirements per level that Circular 03/2017/TT-BTTTT makes the reference for it. TCVN
// 11930 has one clause per level — 5 for level 1 up to 9 for level 5 — each split into management
// (x.1) and technical requirements (x.2): network (x.2.1), servers (x.2.2), applications (x.2.3)
// and data (x.2.4). Then the community's Kubernetes hardening references: the CIS Kubernetes
// Benchmark v1.10 (control ids as kube-bench's cfg/cis-1.10 numbers them), the NSA/CISA Kubernetes
// Hardening Guidance v1.2 (sections) and the Kubernetes Pod Security Standards (controls).
import type { Source } from "./model.js";

const DECREE = "Decree 85/2016/NĐ-CP";
const TCVN = "TCVN 11930:2017";
const CIS = "CIS Kubernetes Benchmark v1.10";
const NSA = "NSA/CISA Kubernetes Hardening Guidance v1.2";
const PSS = "Pod Security Standards";

/** TCVN 11930:2017 clause of a technical requirement group for each level in `levels` (clause 4 + level). */
function tcvn(levels: readonly number[], group: 1 | 2 | 3 | 4, title: string): Source {
  const refs = levels.map((l) => `${4 + l}.2.${group}`);
  return { doc: TCVN, ref: refs.length > 2 ? `${refs[0]}–${refs[refs.length - 1]}` : refs.join(", "), title };
}

/** The catalogue's sources, by topic. */
export const SOURCES = {
  decreePrinciples: { doc: DECREE, ref: "Điều 4", title: "protection by security level, from design through operation" },
  decreeLevel3: { doc: DECREE, ref: "Điều 9", title: "level 3: systems serving citizens and businesses, whose disruption harms the public interest (the one-stop-shop systems)" },
  decreeLevels45: { doc: DECREE, ref: "Điều 10, Điều 11", title: "levels 4–5: systems whose disruption harms national defence and security" },
  decreeLevels: { doc: DECREE, ref: "Điều 7–11", title: "criteria of security levels 1 to 5" },
  tcvnNetwork: (levels: readonly number[]) => tcvn(levels, 1, "network security: system design, access control inside and from outside the network"),
  tcvnServerAccess: (levels: readonly number[]) => tcvn(levels, 2, "server security: authentication and access control"),
  tcvnServerLogs: (levels: readonly number[]) => tcvn(levels, 2, "server security: system logs kept and protected"),
  tcvnNetworkLogs: (levels: readonly number[]) => tcvn(levels, 1, "network security: system logs collected centrally"),
  tcvnApplication: (levels: readonly number[]) => tcvn(levels, 3, "application security"),
  tcvnBackup: (levels: readonly number[]) => tcvn(levels, 4, "data security: backup (sao lưu dự phòng)"),
  tcvnDesign: (levels: readonly number[]) => tcvn(levels, 1, "network security: system design with redundancy for continuity"),
  cis: (id: string, title: string): Source => ({ doc: CIS, ref: id, title }),
  nsa: (section: string): Source => ({ doc: NSA, ref: section, title: "" }),
  pss: (profile: "Baseline" | "Restricted", control: string): Source => ({ doc: PSS, ref: `${profile}: ${control}`, title: "" }),
  kubevirt: { doc: "KubeVirt user guide", ref: "Live migration; eviction strategy", title: "VMs with evictionStrategy LiveMigrate and ReadWriteMany volumes move off a drained node without downtime" },
  forklift: { doc: "Forklift (MTV) v2.12.5 CRDs", ref: "Plan, StorageMap, Provider", title: "migration plans map source datastores to storage classes; providers reach the source over TLS" },
  velero: { doc: "Velero v1.18 documentation", ref: "Schedule, BackupStorageLocation", title: "scheduled backups, retention (ttl) and the default location" },
  metallb: { doc: "MetalLB v0.16 documentation", ref: "IPAddressPool, BGPPeer", title: "address pools and BGP sessions (TCP-MD5 password through a Secret)" },
} as const;
