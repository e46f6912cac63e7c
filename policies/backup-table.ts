// The backup policy by information-system security level (cấp độ, Decree 85/2016/NĐ-CP): how often
// a namespace is backed up, how long a backup is kept, and whether a copy goes to the other site.
// The one table both the Velero Schedules (stacks/builders/backup.ts) and the CrossGuard rules
// (policies/rules.ts) read, so what is deployed and what is enforced cannot drift apart.

/** Backup cadence and retention of one security level. */
export interface BackupTier {
  /** Security levels this tier covers. */
  readonly levels: readonly number[];
  /** Short name used in Schedule names, e.g. `daily`. */
  readonly name: string;
  /** Cron expression (5 fields, cluster time zone) of the primary backup. */
  readonly cron: string;
  /** Retention of each backup, hours (Velero `ttl`). */
  readonly ttlHours: number;
  /** Offsite copy to the other site's object store, or null when the level needs none. */
  readonly offsite: { readonly cron: string; readonly ttlHours: number } | null;
}

/**
 * Levels 1–2: daily, kept 14 days. Level 3: daily, kept 30 days, plus a daily offsite copy.
 * Levels 4–5: every 6 hours, kept 90 days, plus an offsite copy every 6 hours. Start minutes are
 * staggered so the schedules do not all hit the object store at once.
 */
export const BACKUP_TABLE: readonly BackupTier[] = [
  { levels: [1, 2], name: "daily", cron: "0 1 * * *", ttlHours: 14 * 24, offsite: null },
  { levels: [3], name: "daily", cron: "30 1 * * *", ttlHours: 30 * 24, offsite: { cron: "30 3 * * *", ttlHours: 30 * 24 } },
  { levels: [4, 5], name: "6h", cron: "15 */6 * * *", ttlHours: 90 * 24, offsite: { cron: "45 */6 * * *", ttlHours: 90 * 24 } },
];

/** The tier of a security level 1–5; throws on a level outside the table (a bug, not user input). */
export function backupTier(level: number): BackupTier {
  const tier = BACKUP_TABLE.find((t) => t.levels.includes(level));
  if (!tier) throw new Error(`no backup tier for security level ${level}`);
  return tier;
}

/** Velero duration text for a number of hours, e.g. 336 → `336h0m0s` (the form Velero itself writes). */
export function veleroTtl(hours: number): string {
  return `${hours}h0m0s`;
}

/** Hours of a Velero/Go duration (`336h0m0s`, `720h`, `90m`), or undefined if it does not parse. */
export function ttlHours(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text === "") return undefined;
  return Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
}

const CRON_FIELDS: readonly [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/**
 * True for a standard 5-field cron expression (numbers, `*`, ranges, lists, steps; no names or
 * macros): what Velero's cron parser (robfig/cron, standard spec) accepts for dcplan's schedules.
 */
export function isValidCron(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  return fields.every((field, i) => {
    const [lo, hi] = CRON_FIELDS[i];
    return field.split(",").every((part) => {
      const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
      if (!m) return false;
      if (m[4] !== undefined && Number(m[4]) < 1) return false;
      if (m[1] === "*") return true;
      const a = Number(m[2]);
      const b = m[3] === undefined ? a : Number(m[3]);
      return a >= lo && b <= hi && a <= b;
    });
  });
}
