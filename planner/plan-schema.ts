// Zod schema of the plan JSON (contract: docs/plan.md). `dcplan plan` writes it, `dcplan export`
// and the Pulumi stacks read it. The contract's fields come first in each object; the fields after
// "additions" are dcplan's own, always written by dcplan, so exports need only the plan file.
import { z } from "zod";
import { Disposition, Id, IsoDate } from "../inventory/schema.js";

export const Phase = z.enum(["2026", "2027-2028", "2029-2030"]);
export type Phase = z.infer<typeof Phase>;

export const ServerFate = z.enum(["retain", "reuse", "relocate", "decommission"]);
export type ServerFate = z.infer<typeof ServerFate>;

/** Where a system runs after the merger. */
export const Platform = z.enum(["shared-kubernetes", "virtual-machine", "hardware", "saas", "none"]);
export type Platform = z.infer<typeof Platform>;

export const Size = z.object({
  /** vCPUs at the target site (a physical server kept as it is counts cores × cpuOvercommit; one moved as a VM, the cores it uses). */
  cpuCores: z.number().min(0),
  memoryGiB: z.number().min(0),
  storageGiB: z.number().min(0),
});
export type Size = z.infer<typeof Size>;

export const PlanSystem = z.object({
  id: Id,
  disposition: Disposition,
  /** Survivor, when `disposition` is `consolidate`. */
  into: Id.optional(),
  /** Wave number, exactly for rehost, replatform, relocate and consolidate. */
  wave: z.number().int().positive().optional(),
  /** Day a retired system is switched off. */
  retireOn: IsoDate.optional(),
  reasons: z.array(z.string()).min(1),
  // additions
  name: z.string(),
  owner: Id,
  function: Id,
  securityLevel: z.number().int().min(1).max(5),
  /** Site it runs at today. */
  site: Id,
  /** Site it runs at after the merger (absent when retired or consolidated away). */
  targetSite: Id.optional(),
  platform: Platform,
  /** Id of its move group (systems that cut over together). */
  group: z.string(),
  dataGiB: z.number().min(0),
  users: z.number().int().min(0).optional(),
  /** External platforms it connects to (NDXP, NDOP…), by external id. */
  externals: z.array(Id),
  /** Systems it depends on, by id (systems only). */
  dependsOn: z.array(Id),
  /** True when its wave ends after the deadline or it is unscheduled. */
  late: z.boolean(),
  /** What the progress file records of it, in date order (absent when nothing is). */
  history: z.array(z.lazy(() => SystemEvent)).optional(),
});
export type PlanSystem = z.infer<typeof PlanSystem>;

/** A recorded event of a system (progress file): moved in a done wave, failed in one, switched off. */
export const SystemEvent = z.object({
  date: IsoDate,
  event: z.enum(["done", "failed", "retired"]),
  /** Number of the done wave (done, failed). */
  wave: z.number().int().positive().optional(),
  /** Why it failed. */
  reason: z.string().optional(),
});
export type SystemEvent = z.infer<typeof SystemEvent>;

/** `done`: a cutover recorded in the progress file; `planned`: still to come. */
export const WaveStatus = z.enum(["done", "planned"]);
export type WaveStatus = z.infer<typeof WaveStatus>;

export const Wave = z.object({
  number: z.number().int().positive(),
  start: IsoDate,
  end: IsoDate,
  /** Systems moved in it; a done wave in which every system failed lists none (its `failed` does). */
  systems: z.array(Id),
  phase: Phase,
  /** Second edition: done (recorded) or planned; optional when read, older plans have none (all planned). */
  status: WaveStatus.optional(),
  /** Systems that failed in this done wave and are planned again later. */
  failed: z.array(Id).optional(),
  // additions
  /** Data copied in the wave, GiB. */
  dataGiB: z.number().min(0),
  /** Servers whose workload leaves its site in this wave. */
  servers: z.array(Id),
  /** Highest security level moved in this wave. */
  maxSecurityLevel: z.number().int().min(1).max(5),
  /** Why this wave looks the way it does (pilot, pinned, oversized group…). */
  notes: z.array(z.string()),
}).superRefine((w, ctx) => {
  if (w.systems.length === 0 && !(w.status === "done" && (w.failed?.length ?? 0) > 0)) ctx.addIssue({ code: "custom", path: ["systems"], message: "a wave lists at least one system (a done wave may instead list only failed ones)" });
});
export type Wave = z.infer<typeof Wave>;

export const Savings = z.object({
  watts: z.number().min(0),
  kwhPerYear: z.number().min(0),
  rackUnits: z.number().min(0),
});
export type Savings = z.infer<typeof Savings>;

export const PlanServer = z.object({
  id: Id,
  fate: ServerFate,
  freedOn: IsoDate.optional(),
  decommissionOn: IsoDate.optional(),
  target: Size.optional(),
  // additions
  /** First day of the window in which relocated hardware is moved to the target site. */
  relocateOn: IsoDate.optional(),
  site: Id,
  kind: z.enum(["physical", "virtual", "storage", "network", "appliance"]),
  owner: Id.optional(),
  hostedOn: Id.optional(),
  /** Systems that run on it (directly). */
  systems: z.array(Id),
  /** Site it ends up at (absent when decommissioned). */
  targetSite: Id.optional(),
  /** What switching it off saves (physical kinds that are decommissioned); zeros otherwise. */
  savings: Savings,
  reasons: z.array(z.string()).min(1),
  /** What the progress file records of it (decommissioned or relocated on a day); absent when nothing is. */
  history: z.array(z.object({ date: IsoDate, event: z.enum(["decommissioned", "relocated"]) })).optional(),
  /** Stand-alone server: tagged `standalone`, or at a site that is not a data centre (summary.ts `isStandaloneServer`). Optional: older plans lack it. */
  standalone: z.boolean().optional(),
});
export type PlanServer = z.infer<typeof PlanServer>;

export const CapacityStep = z.object({
  from: IsoDate,
  cpuCores: z.number(),
  memoryGiB: z.number(),
  storageGiB: z.number(),
  // additions
  /** What changed on this date (initial, relocated hosts, procurement…). */
  reason: z.string(),
  /** Rack units of the target site (racks × 42, procured racks included); absent when the inventory states no racks. */
  rackUnits: z.number().min(0).optional(),
  /** Usable power of the target site in watts (powerKw × 1000 less headroom, procured power included); absent when the inventory states none. */
  powerWatts: z.number().min(0).optional(),
});
export type CapacityStep = z.infer<typeof CapacityStep>;

export const Procurement = z.object({
  by: IsoDate,
  /** Physical cores to buy (what a purchase order states). */
  cpuCores: z.number().min(0),
  memoryGiB: z.number().min(0),
  storageGiB: z.number().min(0),
  reason: z.string(),
  // additions
  /** The same cores as vCPUs (× cpuOvercommit), the unit of `capacity`. */
  vcpus: z.number().min(0),
  /** Usable capacity (after headroom) the purchase adds to `capacity` from `by`. */
  adds: Size,
  /** Racks to add at the target site (42U each), when hardware relocated there would not fit. */
  racks: z.number().int().min(0).optional(),
  /** Power to add at the target site, kW (of which `headroomPct` stays unused). */
  powerKw: z.number().min(0).optional(),
});
export type Procurement = z.infer<typeof Procurement>;

export const Unscheduled = z.object({ system: Id, reason: z.string() });
export type Unscheduled = z.infer<typeof Unscheduled>;

/** One link of the chain that makes the merger late. */
export const ChainLink = z.object({
  kind: z.enum(["dependency", "wave-limit", "capacity", "calendar", "pin", "group-size", "consolidation"]),
  subject: z.string(),
  message: z.string(),
});
export type ChainLink = z.infer<typeof ChainLink>;

/**
 * One lever of a deadline option (planner/options/, docs/options.md): `kind` says which; the other
 * fields are those of that kind (a flat object rather than a union, so plan readers stay simple).
 */
export const OptionLever = z.object({
  kind: z.enum(["maxSystems", "maxDataGiB", "weekdays", "procurement", "targetSite", "deferral"]),
  /** maxSystems, maxDataGiB: the profile's value and the option's. */
  from: z.number().optional(),
  to: z.number().optional(),
  /** weekdays: the cutover days added, and the cutover windows and days they add before the deadline. */
  weekdays: z.array(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])).optional(),
  windowsAdded: z.number().int().optional(),
  daysAdded: z.number().int().optional(),
  /** procurement: days until bought hardware runs, the profile's and the option's; what must be bought and running by when. */
  leadDays: z.object({ from: z.number().int().min(0), to: z.number().int().min(0) }).optional(),
  purchases: z
    .array(z.object({ by: IsoDate, cpuCores: z.number().min(0), memoryGiB: z.number().min(0), storageGiB: z.number().min(0), racks: z.number().int().min(0).optional(), powerKw: z.number().min(0).optional() }))
    .optional(),
  /** targetSite: the site the plan keeps and the one the option keeps instead. */
  site: z.object({ from: Id, to: Id }).optional(),
  /** deferral: the systems held back until `notBefore` (the day after the deadline). */
  systems: z.array(Id).optional(),
  notBefore: IsoDate.optional(),
});
export type OptionLever = z.infer<typeof OptionLever>;

/** What an option costs more (positive) or less than the plan, in đồng (planner/cost/difference.ts). */
export const OptionCost = z.object({
  capex: z.number().int(),
  opex: z.number().int(),
  savings: z.number().int(),
  net: z.number().int(),
  savingsPerYear: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), capex: z.number().int(), opex: z.number().int(), savings: z.number().int(), net: z.number().int() })),
  presentNet: z.number().int().optional(),
  paybackDate: z.object({ base: IsoDate.optional(), other: IsoDate.optional() }),
});
export type OptionCost = z.infer<typeof OptionCost>;

/** A change of the profile that would meet the deadline (or defer named systems past it), confirmed by re-planning. */
export const DeadlineOption = z.object({
  id: z.string(),
  summary: z.string(),
  /** JSON merge patch (RFC 7386) of the planning profile. */
  change: z.record(z.string(), z.unknown()),
  waves: z.number().int().min(0),
  projectedCompletion: IsoDate.optional(),
  late: z.array(Id),
  met: z.boolean(),
  // additions
  /** The levers the change pulls (one, or two for a pair). */
  levers: z.array(OptionLever).min(1),
  /** How large the change is (the rank key, docs/options.md): the sum of the levers' relative changes. */
  size: z.number().min(0),
  /** Cost against the plan, when the plan was costed (`--prices`). */
  cost: OptionCost.optional(),
});
export type DeadlineOption = z.infer<typeof DeadlineOption>;

/** How the options were searched: re-plans used of the budget, and whether the budget ran out before the search was complete. */
export const OptionsSearch = z.object({ replans: z.number().int().min(0), budget: z.number().int().min(0), exhausted: z.boolean() });
export type OptionsSearch = z.infer<typeof OptionsSearch>;
/** A national connection of a surviving integration platform: a milestone of the 2026 phase, due on the deadline. */
export const NationalConnection = z.object({
  system: Id,
  /** National data platforms it connects to (external ids). */
  externals: z.array(Id),
  /** Systems merged into it whose national links it takes over. */
  takesOver: z.array(Id),
  due: IsoDate,
  /** Day it is reached; absent while a wave it needs is unscheduled. */
  on: IsoDate.optional(),
  met: z.boolean(),
  reason: z.string(),
});
export type NationalConnection = z.infer<typeof NationalConnection>;

export const Deadline = z.object({
  date: IsoDate,
  met: z.boolean(),
  late: z.array(Id),
  projectedCompletion: IsoDate.optional(),
  // additions
  criticalChain: z.array(ChainLink),
  /** Allowed cutover DAYS (not windows) between the start date and the deadline; the same as `cutoverDaysBeforeDeadline`, kept under its first name for readers of older plans. */
  windowsBeforeDeadline: z.number().int().min(0),
  /** Cutover windows (weekends or other runs of allowed days, one wave each) ending on or before the deadline. Optional: older plans lack it. */
  cutoverWindowsBeforeDeadline: z.number().int().min(0).optional(),
  /** Allowed cutover days in those windows. Optional: older plans lack it. */
  cutoverDaysBeforeDeadline: z.number().int().min(0).optional(),
  /** The merged centre's connections to the national data platforms (NDC, NDXP/NDOP): 2026 milestones. Optional: older plans lack it. */
  nationalConnections: z.array(NationalConnection).optional(),
  /** Second edition: when the deadline is missed, the changes that would meet it, best first (`dcplan plan` fills it; docs/options.md). */
  options: z.array(DeadlineOption).optional(),
  /** How `options` was searched (present with it). */
  optionsSearch: OptionsSearch.optional(),
});
export type Deadline = z.infer<typeof Deadline>;

export const Violation = z.object({ rule: z.string(), subject: z.string(), message: z.string() });
export type Violation = z.infer<typeof Violation>;

export const RoadmapAction = z.enum([
  "replatform",
  "expand-shared-platform",
  "hardware-refresh",
  "os-upgrade",
  "cloud-candidate",
  "ai-candidate",
  "big-data-candidate",
  "connect-national-platform",
]);
export type RoadmapAction = z.infer<typeof RoadmapAction>;

/** Later-phase work (2027–2030), per system or server. Not waves. */
export const RoadmapItem = z.object({
  phase: z.enum(["2027-2028", "2029-2030"]),
  action: RoadmapAction,
  /** System or server id. */
  subject: Id,
  subjectKind: z.enum(["system", "server"]),
  /** Day it is planned to be done: levelled over quarters at the profile's effort a quarter (dcplan since the later phases are planned). */
  by: IsoDate,
  reason: z.string(),
  // additions (optional: older plans lack them)
  /** Date that forces the work: the end of vendor or OS support, or the end of its phase. */
  due: IsoDate.optional(),
  /** Quarter it is done in, `YYYY-Qn`. */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional(),
  /** Effort points it takes (see docs/planner.md, later phases). */
  effort: z.number().int().positive().optional(),
  /** True when it is done after `due`, or `due` passed before the later phases start. */
  late: z.boolean().optional(),
});
export type RoadmapItem = z.infer<typeof RoadmapItem>;

export const Footprint = z.object({
  servers: z.number().int().min(0),
  physicalServers: z.number().int().min(0),
  rackUnits: z.number().min(0),
  racks: z.number().min(0),
  powerWatts: z.number().min(0),
});
export type Footprint = z.infer<typeof Footprint>;

export const Summary = z.object({
  before: Footprint,
  after: Footprint,
  savings: z.object({ watts: z.number(), kwhPerYear: z.number(), rackUnits: z.number(), racks: z.number() }),
  systemsByDisposition: z.record(z.string(), z.number().int().min(0)),
  /** Systems on the shared Kubernetes platform after the merger ÷ systems still running. */
  sharedPlatformShare: z.number().min(0).max(1),
  /** Stand-alone servers (tag `standalone`, or owned by an agency outside the data centre) left after the merger. */
  standaloneServersRemaining: z.number().int().min(0),
});
export type Summary = z.infer<typeof Summary>;

export const LowerBound = z.object({
  waves: z.number().int().min(0),
  /** Which constraint gives the bound: chain, systems, data or capacity. */
  binding: z.string(),
  /** Waves planned − bound. */
  gap: z.number().int(),
  // additions
  /** Each constraint's own bound on the number of waves. */
  components: z.object({ chain: z.number().int(), systems: z.number().int(), data: z.number().int(), pilot: z.number().int().optional(), pins: z.number().int(), capacity: z.number().int() }),
  /** Earliest day the moves could be done under the calendar, hold-backs and procurement lead time. */
  earliestCompletion: IsoDate.optional(),
});
export type LowerBound = z.infer<typeof LowerBound>;

export const MoveGroup = z.object({
  id: z.string(),
  systems: z.array(Id).min(1),
  /** Why these systems move together. */
  reason: z.string(),
});
export type MoveGroup = z.infer<typeof MoveGroup>;

export const ResolvedProfile = z.object({
  startDate: IsoDate,
  deadline: IsoDate,
  horizonEnd: IsoDate,
  weekdays: z.array(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])),
  blackouts: z.array(z.object({ from: IsoDate, to: IsoDate, reason: z.string() })),
  maxSystems: z.number().int().positive(),
  maxDataGiB: z.number().positive(),
  quietPeriodDays: z.number().int().min(0),
  headroomPct: z.number().min(0).max(100),
  cpuOvercommit: z.number().positive(),
  // additions
  /** The pins as given, sorted by system. */
  pins: z.array(z.object({ system: Id, date: IsoDate.optional(), notBefore: IsoDate.optional() })),
  /** Days from the as-of date until procured hardware can be running. */
  procurementLeadDays: z.number().int().min(0),
  /** Where maxDataGiB comes from: the profile, or the WAN formula. */
  maxDataGiBSource: z.enum(["profile", "wan"]),
  /** WAN formula inputs: smaller TSLCD uplink of the sites involved (Mbit/s) and the share a copy may use. */
  wanMbps: z.number().min(0),
  wanUsableShare: z.number().min(0).max(1),
  /** Data one window day can copy, GiB (WAN formula); a wave's limit is this × its days unless the profile fixes maxDataGiB. */
  dataGiBPerWindowDay: z.number().min(0),
  /** Effort points a quarter the later phases are levelled at (profile `laterPhases.effortPerQuarter`). Optional: older plans lack it. */
  effortPerQuarter: z.number().int().positive().optional(),
});
export type ResolvedProfile = z.infer<typeof ResolvedProfile>;

/** What the progress file records (`--progress`), counted; all zero when the plan was made without one. */
export const ProgressSummary = z.object({
  cutoversDone: z.number().int().min(0),
  systemsDone: z.number().int().min(0),
  /** Systems recorded failed and not done (nor retired) since: planned again. */
  systemsFailed: z.number().int().min(0),
  serversDecommissioned: z.number().int().min(0),
  /** The latest date recorded; absent when nothing is. */
  lastRecorded: IsoDate.optional(),
  // additions
  systemsRetired: z.number().int().min(0),
  serversRelocated: z.number().int().min(0),
});
export type ProgressSummary = z.infer<typeof ProgressSummary>;

/** What a cost line pays for or saves (docs/cost.md). */
export const CostWhat = z.enum([
  "hardware-servers",
  "hardware-cores",
  "hardware-memory",
  "hardware-storage",
  "hardware-racks",
  "hardware-power",
  "labour-cutover",
  "labour-migration",
  "electricity",
  "space",
  "support",
  "licence",
  "wan-tslcd",
  "wan-internet",
]);
export type CostWhat = z.infer<typeof CostWhat>;

/** capex: one-off spending; opex: recurring spending the plan adds; savings: recurring spending it ends. */
export const CostKind = z.enum(["capex", "opex", "savings"]);
export type CostKind = z.infer<typeof CostKind>;

const dong = z.number().int();

/** One priced item in one budget year: amount = round(quantity × unitPrice), in đồng. */
export const CostLine = z.object({
  what: CostWhat,
  /** What it is about: a system, server or site id, `wave-N`, `procurement-N`. */
  subject: z.string(),
  year: z.number().int(),
  amount: dong.min(0),
  kind: CostKind,
  /** Agency whose budget carries it: the owner agency, or `province` for shared platforms. */
  agency: z.string().optional(),
  /** Dotted key of the price-book entry it uses, e.g. `hardware.storage`, `licences.vsphere`. */
  priceRef: z.string(),
  // additions
  quantity: z.number().min(0),
  /** Unit of `quantity` (the price's unit, or `engineer-day` for labour). */
  unit: z.string(),
  /** Price per unit, đồng. */
  unitPrice: dong.min(0),
  /** Days it covers in `year` (both inclusive; the same day for one-off spending). */
  from: IsoDate,
  to: IsoDate,
});
export type CostLine = z.infer<typeof CostLine>;

export const CostYear = z.object({ year: z.number().int(), capex: dong, opex: dong, savings: dong, net: dong });
export type CostYear = z.infer<typeof CostYear>;

export const CostAgency = z.object({
  agency: z.string(),
  capex: dong,
  opex: dong,
  /** Recurring savings a full year brings once the merger is done (those still running on the last day costed). */
  savingsPerYear: dong,
  // additions
  /** Savings over all the years costed. */
  savings: dong,
  net: dong,
});
export type CostAgency = z.infer<typeof CostAgency>;

/** A price-book entry as the lines cite it (labour: the day rate per engineer-day, with the engineer-days per window or system). */
export const CostPrice = z.object({
  ref: z.string(),
  amount: dong.min(0),
  unit: z.string(),
  quoted: IsoDate,
  source: z.string().optional(),
  /** Labour: engineer-days per `per`. */
  engineerDays: z.number().min(0).optional(),
  per: z.string().optional(),
  /** Server model bought (hardware.server) or platform licensed (licences.*). */
  model: z.string().optional(),
  platform: z.string().optional(),
});
export type CostPrice = z.infer<typeof CostPrice>;

/** The plan in đồng (`--prices`): by budget year, by agency, in total, and every line (docs/cost.md). */
export const Cost = z.object({
  currency: z.literal("VND"),
  byYear: z.array(CostYear),
  byAgency: z.array(CostAgency),
  total: z.object({ capex: dong, opex: dong, savings: dong, net: dong, savingsPerYear: dong }),
  /** First day from which cumulative savings cover cumulative spending for good (discounted when the book gives a rate). */
  paybackDate: IsoDate.optional(),
  lines: z.array(CostLine),
  // additions
  /** The price book's own note (e.g. that its prices are illustrative). */
  note: z.string().optional(),
  /** Discount rate of the price book, % per year, and the net in today's đồng (year of the as-of date = year 0). */
  discountRatePct: z.number().optional(),
  presentNet: dong.optional(),
  /** The price-book entries the lines cite, by ref. */
  prices: z.array(CostPrice),
});
export type Cost = z.infer<typeof Cost>;

/** English text → translated text, per language (planner/messages.ts). */
export const Translations = z.object({ vi: z.record(z.string(), z.string()), en: z.record(z.string(), z.string()).optional() });
export type Translations = z.infer<typeof Translations>;

export const Plan = z.object({
  schemaVersion: z.literal(1),
  asOf: IsoDate,
  targetSite: Id,
  systems: z.array(PlanSystem),
  waves: z.array(Wave),
  servers: z.array(PlanServer),
  capacity: z.array(CapacityStep),
  procurement: z.array(Procurement),
  unscheduled: z.array(Unscheduled),
  deadline: Deadline,
  violations: z.array(Violation),
  // additions
  /** dcplan version that wrote the plan. */
  generator: z.string(),
  profile: ResolvedProfile,
  /** Why this target site (given in the profile, or proposed by the planner with its score). */
  targetSiteReasons: z.array(z.string()).min(1),
  sites: z.array(z.object({ id: Id, name: z.string() })),
  agencies: z.array(z.object({ id: Id, name: z.string(), kind: z.string() })),
  externals: z.array(z.object({ id: Id, name: z.string() })),
  groups: z.array(MoveGroup),
  lowerBound: LowerBound,
  /** Systems still running at a site other than the target after the merger (people-pinned retain). */
  remaining: z.array(Id),
  roadmap: z.array(RoadmapItem),
  /** How the roadmap's work is levelled: effort points a quarter, the start, and the load of each quarter. Optional: older plans lack it. */
  laterPhases: z
    .object({
      effortPerQuarter: z.number().int().positive(),
      start: IsoDate,
      quarters: z.array(z.object({ quarter: z.string(), effort: z.number().int().min(0), items: z.number().int().min(0), late: z.number().int().min(0) })),
      /** Roadmap items done after the date that forces them. */
      late: z.number().int().min(0),
    })
    .optional(),
  summary: Summary,
  /** Things a planner should look at that break no rule. */
  warnings: z.array(Violation),
  /** Every planner-written sentence of this plan in other languages: `vi` maps the English text to the Vietnamese (keys sorted). Optional: older plans have none. */
  translations: Translations.optional(),
  /** Second edition: what the progress file records; optional when read (older plans have none: nothing recorded). */
  progress: ProgressSummary.optional(),
  /** What the plan costs and saves, in đồng; present when the plan was made with `--prices` (planner/cost/). */
  cost: Cost.optional(),
});
export type Plan = z.infer<typeof Plan>;
