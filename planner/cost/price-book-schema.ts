// Zod schema of the price book (`--prices FILE`, docs/cost.md): the unit prices in đồng that turn a
// plan into money, each with the unit it is quoted per and the date it was quoted. Per-entry rules
// only; which prices a plan needs is decided by cost.ts, against the plan.
import { z } from "zod";
import { Id, isCalendarDate, suggest } from "../../inventory/schema.js";

/** The units a price can be quoted per (and a cost line's quantity is counted in). */
export const PRICE_UNITS = [
  "server",
  "core",
  "gib",
  "tib",
  "rack",
  "kw",
  "kwh",
  "rack-year",
  "rack-unit-year",
  "server-year",
  "host-year",
  "device-year",
  "core-year",
  "mbps-month",
  "window",
  "system",
] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** Runs a refinement even when a field of the object already failed (so one run reports every problem). */
const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) };

/**
 * An object that rejects unknown fields (with a suggestion), except keys starting with `x-`, and
 * reports them beside the problems of its known fields (inventory/schema.ts `record` reports them
 * only when the known fields are fine).
 */
function record<T extends z.ZodRawShape>(shape: T) {
  const known = new Set(Object.keys(shape));
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!known.has(key) && !key.startsWith("x-")) ctx.addIssue({ code: "custom", path: [key], message: `unknown field "${key}"${suggest(key, known)}` });
      }
    }, always);
}

/** Whole đồng ≥ 0 (the đồng has no smaller unit in use). */
const dong = z
  .number({ error: (issue) => (issue.input === undefined ? "is required: an amount in đồng (a whole number)" : "must be an amount in đồng (a whole number)") })
  .int({ error: "must be a whole number of đồng" })
  .min(0, { error: "must be ≥ 0 (a price cannot be negative)" })
  .max(1e15, { error: "must be below 10¹⁵ đồng" });

/** A `unit` field that accepts only `units`, with a message naming them. */
function unitOf<const U extends readonly [PriceUnit, ...PriceUnit[]]>(units: U) {
  const list = units.join(", ");
  return z.enum(units, {
    error: (issue) =>
      issue.input === undefined ? `is required: the unit this price is quoted per (${list})` : `unknown unit ${JSON.stringify(issue.input)}: this price is quoted per ${units.length === 1 ? list : `one of ${list}`}`,
  });
}

/** The day a price was quoted: a real calendar date. */
const quotedOn = z
  .string({ error: (issue) => (issue.input === undefined ? "is required: the date the price was quoted, YYYY-MM-DD" : "must be a date YYYY-MM-DD") })
  .refine(isCalendarDate, { error: "must be a real calendar date YYYY-MM-DD" });

/** Where the price comes from (a quotation, a tariff, a norm), for the reader; optional. */
const source = z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional();

/** One unit price: amount in đồng per `unit`, quoted on `quoted`. */
function price<const U extends readonly [PriceUnit, ...PriceUnit[]]>(units: U) {
  return record({ amount: dong, unit: unitOf(units), quoted: quotedOn, source });
}

/** Labour: engineer-days × day rate per unit of work. */
function labour<const U extends readonly [PriceUnit, ...PriceUnit[]]>(units: U) {
  return record({
    engineerDays: z.number({ error: (issue) => (issue.input === undefined ? "is required: engineer-days per unit of work" : "must be a number of engineer-days") }).min(0, { error: "must be ≥ 0" }).max(100_000, { error: "must be at most 100 000 engineer-days" }),
    dayRate: dong,
    unit: unitOf(units),
    quoted: quotedOn,
    source,
  });
}

/**
 * The server model procured compute is bought as: it counts the hosts a purchase of cores and
 * memory makes, their power, rack space and licences; priced per server when `amount` is given.
 */
export const ServerModel = record({
  model: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  cpuCores: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).positive({ error: "must be > 0" }),
  memoryGiB: z.number({ error: "must be a number" }).positive({ error: "must be > 0" }),
  /** Average draw, watts (for the electricity of procured hosts). */
  powerWatts: z.number({ error: "must be a number" }).min(0, { error: "must be ≥ 0" }),
  rackUnits: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(0, { error: "must be ≥ 0" }),
  /** Years of vendor support included in the price; `support.host` applies after them. */
  warrantyYears: z.number({ error: "must be a number of years" }).min(0, { error: "must be ≥ 0" }).max(20, { error: "must be at most 20 years" }),
  /** Platform the hosts run (matched against `licences[].platform`), e.g. `VMware ESXi`. */
  os: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
  amount: dong.optional(),
  unit: unitOf(["server"]).optional(),
  quoted: quotedOn.optional(),
  source,
}).superRefine((m, ctx) => {
  if (m.amount !== undefined) {
    if (m.unit === undefined) ctx.addIssue({ code: "custom", path: ["unit"], message: "is required with amount: server" });
    if (m.quoted === undefined) ctx.addIssue({ code: "custom", path: ["quoted"], message: "is required with amount: the date the price was quoted" });
  } else if (m.unit !== undefined || m.quoted !== undefined) {
    ctx.addIssue({ code: "custom", path: [m.unit !== undefined ? "unit" : "quoted"], message: "needs amount (the price per server); leave unit and quoted out when cores and memory are priced on their own" });
  }
}, always);
export type ServerModel = z.infer<typeof ServerModel>;

/** A licence a platform needs, per core-year or per host-year of the hosts that run it. */
export const Licence = record({
  /** Operating system or hypervisor name as the inventory's `os.name` spells it (case-insensitive). */
  platform: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  amount: dong,
  unit: unitOf(["core-year", "host-year"]),
  quoted: quotedOn,
  source,
});
export type Licence = z.infer<typeof Licence>;

export const PriceBook = record({
  /** Only `VND`: every amount is in đồng. */
  currency: z.literal("VND", {
    error: (issue) => (issue.input === undefined ? "is required: VND (every amount in the price book is in đồng)" : `must be VND (every amount is in đồng), got ${JSON.stringify(issue.input)}`),
  }),
  /** What the book is (e.g. that it is illustrative); shown beside the figures in the exports. */
  note: z.string({ error: "must be a string" }).optional(),
  /** Discount rate for present values and the discounted payback, % per year. */
  discountRatePct: z.number({ error: "must be a number" }).min(0, { error: "must be ≥ 0" }).max(100, { error: "must be at most 100" }).optional(),
  hardware: record({
    server: ServerModel.optional(),
    core: price(["core"]).optional(),
    memory: price(["gib"]).optional(),
    storage: price(["tib"]).optional(),
    rack: price(["rack"]).optional(),
    power: price(["kw"]).optional(),
  }).optional(),
  electricity: price(["kwh"]).optional(),
  space: price(["rack-year", "rack-unit-year"]).optional(),
  wan: record({
    /** TSLCD (mạng truyền số liệu chuyên dùng, the dedicated government data network) lease. */
    tslcd: price(["mbps-month"]).optional(),
    internet: price(["mbps-month"]).optional(),
  }).optional(),
  support: record({
    server: price(["server-year"]).optional(),
    host: price(["host-year"]).optional(),
    storage: price(["device-year"]).optional(),
    network: price(["device-year"]).optional(),
    appliance: price(["device-year"]).optional(),
  }).optional(),
  /** Licences by id (a DNS-1123 label, e.g. `vsphere-foundation`). */
  licences: z.record(Id, Licence, { error: (issue) => (issue.code === "invalid_type" ? "must be a mapping of licence ids to { platform, amount, unit, quoted }" : undefined) }).optional(),
  labour: record({
    cutoverWindow: labour(["window"]).optional(),
    rehost: labour(["system"]).optional(),
    replatform: labour(["system"]).optional(),
    relocate: labour(["system"]).optional(),
    consolidate: labour(["system"]).optional(),
  }).optional(),
});
export type PriceBook = z.infer<typeof PriceBook>;
