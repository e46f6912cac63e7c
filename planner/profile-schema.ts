// Zod schema of the planning profile (`--profile FILE`, contract: docs/plan.md). Every field is
// optional; defaults are applied by resolveProfile in profile.ts. Unknown keys are errors.
import { z } from "zod";
import { Id, IsoDate, record } from "../inventory/schema.js";

// Bounds: every number and date has a range a real plan can have, so an absurd value (a typo of
// a few zeros) is a located error rather than an overflowing date ("internal error") or a
// calendar of eight thousand years that never finishes.

/** First and last day a profile may name: the planner's calendar (holidays, Tết) covers these years. */
export const PLANNING_YEARS = { first: "2000-01-01", last: "2100-12-31" } as const;
/** Longest quiet period and procurement lead time, days (ten years). */
export const MAX_PROFILE_DAYS = 3650;

/** A planning date: a real `YYYY-MM-DD` day within PLANNING_YEARS. */
const PlanningDate = IsoDate.refine((d) => d >= PLANNING_YEARS.first && d <= PLANNING_YEARS.last, { error: `must be a day from ${PLANNING_YEARS.first} to ${PLANNING_YEARS.last}` });

/** Whole days from 0 to MAX_PROFILE_DAYS. */
const Days = z
  .number({ error: "must be a whole number of days" })
  .int({ error: "must be a whole number of days" })
  .min(0, { error: "must be ≥ 0" })
  .max(MAX_PROFILE_DAYS, { error: `must be at most ${MAX_PROFILE_DAYS} days (ten years)` });

export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof Weekday>;

export const Blackout = record({
  from: PlanningDate,
  to: PlanningDate,
  reason: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
});
export type Blackout = z.infer<typeof Blackout>;

/** `{ system, date }` cuts the system over in the wave on that date; `{ system, notBefore }` holds it back. */
export const Pin = record({
  system: Id,
  date: PlanningDate.optional(),
  notBefore: PlanningDate.optional(),
}).superRefine((p, ctx) => {
  if ((p.date === undefined) === (p.notBefore === undefined)) {
    ctx.addIssue({ code: "custom", path: [], message: "a pin needs exactly one of \"date\" or \"notBefore\"" });
  }
});
export type Pin = z.infer<typeof Pin>;

export const Profile = record({
  /** dcplan addition: the scenario's name for people (`dcplan compare`), e.g. "Thêm thứ Ba" [the profile file's name]; planning ignores it. */
  title: z.string({ error: "must be a string" }).trim().min(1, { error: "must not be empty" }).max(80, { error: "must be at most 80 characters" }).optional(),
  startDate: PlanningDate.optional(),
  deadline: PlanningDate.optional(),
  horizonEnd: PlanningDate.optional(),
  targetSite: Id.optional(),
  windows: record({
    weekdays: z.array(Weekday, { error: "must be a list of weekdays (mon … sun)" }).min(1, { error: "must name at least one weekday" }).optional(),
  }).optional(),
  blackouts: z.array(Blackout, { error: "must be a list of { from, to, reason }" }).optional(),
  waveLimits: record({
    maxSystems: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).positive({ error: "must be > 0" }).max(1_000_000, { error: "must be at most 1000000 systems" }).optional(),
    maxDataGiB: z.number({ error: "must be a number" }).positive({ error: "must be > 0" }).max(1e9, { error: "must be at most 1000000000 GiB (1 EiB)" }).optional(),
  }).optional(),
  quietPeriodDays: Days.optional(),
  headroomPct: z.number({ error: "must be a number" }).min(0, { error: "must be a percentage 0–100" }).max(99, { error: "must be below 100" }).optional(),
  cpuOvercommit: z.number({ error: "must be a number" }).positive({ error: "must be > 0" }).max(100, { error: "must be at most 100 vCPUs per core" }).optional(),
  pins: z.array(Pin, { error: "must be a list of pins" }).optional(),
  /** dcplan addition: days from the as-of date until procured hardware can be running [60]. */
  procurementLeadDays: Days.optional(),
  /** dcplan addition: how the later phases (2027–2030) are planned. */
  laterPhases: record({
    /** Effort points the centre carries out a quarter (one point ≈ a person-week) [40]. */
    effortPerQuarter: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(1, { error: "must be ≥ 1" }).max(100_000, { error: "must be ≤ 100000" }).optional(),
  }).optional(),
  /** dcplan addition: share of the smaller inter-site TSLCD uplink a wave's copy may use, 0–1 [0.5]. */
  wanUsableShare: z.number({ error: "must be a number" }).min(0.01, { error: "must be at least 0.01 (1 %)" }).max(1, { error: "must be ≤ 1" }).optional(),
});
export type Profile = z.infer<typeof Profile>;
