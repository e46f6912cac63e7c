// How long the logs of an information system must be kept, by security level (cấp độ, Decree
// 85/2016/NĐ-CP), and from which level they must be collected centrally: the one table the log
// shipping (stacks/builders/helm/fluent-bit-values.ts, which forwards every level to the SOC) and
// the policy rules read, next to the backup table. The platform keeps no logs itself: these are
// the SOC's retention duties for what the platform sends it.
//
// Source. TCVN 11930:2017 (basic requirements for securing information systems by security level)
// requires from level 2 that system logs be recorded and kept, and from level 3 that they be
// collected and managed centrally; the minimum durations below are those of Circular
// 09/2020/TT-NHNN, Article 26(2), the published rule that states them per level (level 2: online
// ≥ 1 month, archived ≥ 6 months; level 3 and above: online ≥ 3 months, centrally, archived ≥ 1
// year), adopted by the province for its shared platform until its own regulation says otherwise.
// Levels 4–5 keep the level-3 minimum (the source sets none higher). Level 1 has no duty; the
// platform forwards its logs anyway and the SOC keeps them as level 2.

/** Log retention duties of one group of security levels. */
export interface LogRetentionTier {
  /** Security levels this tier covers. */
  readonly levels: readonly number[];
  /** Logs must reach the central log management (the SOC) [TCVN 11930:2017, from level 3]. */
  readonly central: boolean;
  /** Days the SOC keeps logs searchable online, at least. */
  readonly onlineDays: number;
  /** Days the SOC keeps logs archived (backed up), at least; includes the online period. */
  readonly archiveDays: number;
  /** Where the figures come from. */
  readonly source: string;
}

const SOURCE_L2 = "TCVN 11930:2017 (logs recorded from level 2); durations: Circular 09/2020/TT-NHNN, Art. 26(2)";
const SOURCE_L3 = "TCVN 11930:2017 (central log management from level 3); durations: Circular 09/2020/TT-NHNN, Art. 26(2)";

/** The retention table, levels 1–5. */
export const LOG_RETENTION_TABLE: readonly LogRetentionTier[] = [
  { levels: [1, 2], central: false, onlineDays: 30, archiveDays: 180, source: `${SOURCE_L2}; level 1 kept as level 2` },
  { levels: [3, 4, 5], central: true, onlineDays: 90, archiveDays: 365, source: SOURCE_L3 },
];

/** The retention tier of a security level 1–5; throws on a level outside the table (a bug, not user input). */
export function logRetention(level: number): LogRetentionTier {
  const tier = LOG_RETENTION_TABLE.find((t) => t.levels.includes(level));
  if (!tier) throw new Error(`no log retention tier for security level ${level}`);
  return tier;
}
