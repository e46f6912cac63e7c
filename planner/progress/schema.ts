// Zod schema of the progress file (`--progress FILE`, contract: shared progress.md, docs/progress.md):
// the facts of the merger as it happens — cutover windows that took place with each system's
// result, systems switched off, servers decommissioned or relocated. Per-entry rules only; rules
// that look across entries or at the inventory live in rules.ts. Unknown keys are errors except
// `x-` keys at any level.
import { z } from "zod";
import { Id, IsoDate, record } from "../../inventory/schema.js";

/** How a system's cutover ended: moved for good, or rolled back. */
export const CutoverResult = z.enum(["done", "failed"]);
export type CutoverResult = z.infer<typeof CutoverResult>;

/** One system's result in a cutover window (`reason` is required when it failed: rules.ts). */
export const CutoverSystem = record({
  system: Id,
  result: CutoverResult,
  reason: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
});
export type CutoverSystem = z.infer<typeof CutoverSystem>;

/** A cutover window that took place: first and last day [start], and what happened to each system in it. */
export const Cutover = record({
  start: IsoDate,
  end: IsoDate.optional(),
  systems: z.array(CutoverSystem, { error: "must be a list of { system, result, reason }" }),
});
export type Cutover = z.infer<typeof Cutover>;

/** A system switched off on a day. */
export const Retirement = record({
  system: Id,
  on: IsoDate,
});
export type Retirement = z.infer<typeof Retirement>;

/** A hardware fact: a server decommissioned, or physically moved to the target site, on a day. */
export const ServerFact = record({
  server: Id,
  decommissionedOn: IsoDate.optional(),
  relocatedOn: IsoDate.optional(),
}).superRefine((f, ctx) => {
  if ((f.decommissionedOn === undefined) === (f.relocatedOn === undefined)) {
    ctx.addIssue({ code: "custom", path: [], message: 'a server fact needs exactly one of "decommissionedOn" or "relocatedOn"' });
  }
});
export type ServerFact = z.infer<typeof ServerFact>;

/** The whole file: one YAML document, a mapping. */
export const Progress = record({
  schemaVersion: z.literal(1, { error: "must be 1" }),
  cutovers: z.array(Cutover, { error: "must be a list of cutover windows" }).optional(),
  retirements: z.array(Retirement, { error: "must be a list of { system, on }" }).optional(),
  servers: z.array(ServerFact, { error: "must be a list of { server, decommissionedOn | relocatedOn }" }).optional(),
});
export type Progress = z.infer<typeof Progress>;

/** The top-level lists of the file, in the order they are written. */
export const PROGRESS_LISTS = ["cutovers", "retirements", "servers"] as const;
