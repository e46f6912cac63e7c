// Zod schema of the planning profile (`--profile FILE`, contract: docs/plan.md). Every field is
// optional; defaults are applied by resolveProfile in profile.ts. Unknown keys are errors.
import { z } from "zod";
import { Id, IsoDate, record } from "../inventory/schema.js";

export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof Weekday>;

export const Blackout = record({
  from: IsoDate,
  to: IsoDate,
  reason: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
});
export type Blackout = z.infer<typeof Blackout>;

/** `{ system, date }` cuts the system over in the wave on that date; `{ system, notBefore }` holds it back. */
export const Pin = record({
  system: Id,
  date: IsoDate.optional(),
  notBefore: IsoDate.optional(),
}).superRefine((p, ctx) => {
  if ((p.date === undefined) === (p.notBefore === undefined)) {
    ctx.addIssue({ code: "custom", path: [], message: "a pin needs exactly one of \"date\" or \"notBefore\"" });
  }
});
export type Pin = z.infer<typeof Pin>;

export const Profile = record({
  /** dcplan addition: the scenario's name for people (`dcplan compare`), e.g. "Thêm thứ Ba" [the profile file's name]; planning ignores it. */
  title: z.string({ error: "must be a string" }).trim().min(1, { error: "must not be empty" }).max(80, { error: "must be at most 80 characters" }).optional(),
  startDate: IsoDate.optional(),
  deadline: IsoDate.optional(),
  horizonEnd: IsoDate.optional(),
  targetSite: Id.optional(),
  windows: record({
    weekdays: z.array(Weekday, { error: "must be a list of weekdays (mon … sun)" }).min(1, { error: "must name at least one weekday" }).optional(),
  }).optional(),
  blackouts: z.array(Blackout, { error: "must be a list of { from, to, reason }" }).optional(),
  waveLimits: record({
    maxSystems: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).positive({ error: "must be > 0" }).optional(),
    maxDataGiB: z.number({ error: "must be a number" }).positive({ error: "must be > 0" }).optional(),
  }).optional(),
  quietPeriodDays: z.number({ error: "must be a whole number of days" }).int({ error: "must be a whole number of days" }).min(0, { error: "must be ≥ 0" }).optional(),
  headroomPct: z.number({ error: "must be a number" }).min(0, { error: "must be a percentage 0–100" }).max(99, { error: "must be below 100" }).optional(),
  cpuOvercommit: z.number({ error: "must be a number" }).positive({ error: "must be > 0" }).optional(),
  pins: z.array(Pin, { error: "must be a list of pins" }).optional(),
  /** dcplan addition: days from the as-of date until procured hardware can be running [60]. */
  procurementLeadDays: z.number({ error: "must be a whole number of days" }).int({ error: "must be a whole number of days" }).min(0, { error: "must be ≥ 0" }).optional(),
  /** dcplan addition: how the later phases (2027–2030) are planned. */
  laterPhases: record({
    /** Effort points the centre carries out a quarter (one point ≈ a person-week) [40]. */
    effortPerQuarter: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(1, { error: "must be ≥ 1" }).max(100_000, { error: "must be ≤ 100000" }).optional(),
  }).optional(),
  /** dcplan addition: share of the smaller inter-site TSLCD uplink a wave's copy may use, 0–1 [0.5]. */
  wanUsableShare: z.number({ error: "must be a number" }).gt(0, { error: "must be > 0" }).max(1, { error: "must be ≤ 1" }).optional(),
});
export type Profile = z.infer<typeof Profile>;
