// What a plan spends and saves, before it is split into budget years: one priced item per thing the
// plan buys (procurement entries: servers or cores and memory, storage, racks, power), per piece of
// migration work (a cutover window per wave, each moving system by its disposition), per recurring
// cost it adds (electricity, space, licences and, after the warranty, support of procured hosts),
// and per recurring cost it ends (electricity at the site's PUE, space, support contracts still in
// force and licences of decommissioned devices; the PUE difference of relocated devices; the TSLCD
// and Internet leases of a data centre that closes). Each item cites one price-book entry; a price
// the plan needs but the book lacks is recorded once per entry with the subjects that need it.
// Who pays: the owner agency of the system or server, `province` for the shared platform.
import type { InventoryIndex } from "../../inventory/model.js";
import type { Server } from "../../inventory/schema.js";
import { DEFAULT_PUE, HOURS_PER_YEAR } from "../decommission.js";
import type { CostKind, CostWhat, Plan } from "../plan-schema.js";
import { RACK_UNITS } from "../summary.js";
import type { PriceBook, PriceUnit } from "./price-book-schema.js";

/** Agency id of the province's shared budget (shared platform, cutover windows, closing sites). */
export const PROVINCE = "province";

/** A priced item: one-off (`on`, `quantity`) or recurring (`from`..`to`, `perYear` units a full year). */
export interface CostItem {
  readonly what: CostWhat;
  readonly subject: string;
  readonly kind: CostKind;
  readonly agency: string;
  readonly priceRef: string;
  /** Unit of the quantity (the price's unit, or `engineer-day`). */
  readonly unit: string;
  /** Đồng per unit. */
  readonly unitPrice: number;
  readonly once?: { readonly on: string; readonly quantity: number };
  readonly recurring?: { readonly from: string; readonly to: string; readonly perYear: number };
}

/** A price the plan needs but the book lacks: the entry, what it prices, and who needs it. */
export interface MissingPrice {
  readonly ref: string;
  /** What the entry prices, in words (with its unit). */
  readonly prices: string;
  /** Subjects that need it (system, server, site ids, `wave-N`, `procurement-N`), in order of discovery. */
  readonly neededBy: string[];
}

/** Everything priced, plus what could not be. */
export interface PricedItems {
  readonly items: CostItem[];
  readonly missing: MissingPrice[];
}

/** A resolved price: the entry's amount per unit (labour: the day rate per engineer-day, × engineerDays). */
interface Resolved {
  readonly unit: string;
  readonly unitPrice: number;
  /** Labour only: engineer-days per window or system. */
  readonly engineerDays?: number;
}

const MOVING_DISPOSITIONS = ["rehost", "replatform", "relocate", "consolidate"] as const;
type MovingDisposition = (typeof MOVING_DISPOSITIONS)[number];

const DESCRIBE: Record<string, string> = {
  "hardware.server": "the server model procured compute is bought as (hardware.server: model, cpuCores, memoryGiB, powerWatts, rackUnits, warrantyYears)",
  "hardware.core": "procured physical cores, per core (or a price per server on hardware.server)",
  "hardware.memory": "procured memory, per GiB (or a price per server on hardware.server)",
  "hardware.storage": "procured storage, per TiB",
  "hardware.rack": "procured racks, per rack",
  "hardware.power": "procured power capacity, per kW",
  electricity: "electricity, per kWh",
  space: "rack space, per rack-year or rack-unit-year",
  "wan.tslcd": "the TSLCD lease of a closing data centre, per Mbit/s-month",
  "wan.internet": "the Internet lease of a closing data centre, per Mbit/s-month",
  "support.server": "vendor support of a server still under contract, per server-year",
  "support.host": "vendor support of a hypervisor host, per host-year",
  "labour.cutoverWindow": "the work of one cutover window (engineer-days × day rate per window)",
  "labour.rehost": "moving a system as it is (engineer-days × day rate per system)",
  "labour.replatform": "moving a system onto the shared platform (engineer-days × day rate per system)",
  "labour.relocate": "moving a system's hardware (engineer-days × day rate per system)",
  "labour.consolidate": "merging a system into its survivor (engineer-days × day rate per system)",
};

/** Items of `plan` priced with `book`; `end` is the last day recurring items are counted (ISO). */
export function priceItems(plan: Plan, index: InventoryIndex, book: PriceBook, end: string): PricedItems {
  const items: CostItem[] = [];
  const missing = new Map<string, MissingPrice>();
  const need = (ref: string, subject: string, prices = DESCRIBE[ref] ?? ref): void => {
    const m = missing.get(ref) ?? { ref, prices, neededBy: [] };
    if (!m.neededBy.includes(subject)) m.neededBy.push(subject);
    missing.set(ref, m);
  };
  /** The entry at `ref`, or undefined after recording that `subject` needs it. */
  const resolve = (ref: string, subject: string, describe?: string): Resolved | undefined => {
    const r = entryAt(book, ref);
    if (!r) need(ref, subject, describe);
    return r;
  };
  const once = (base: Omit<CostItem, "unit" | "unitPrice" | "once" | "recurring">, r: Resolved, on: string, quantity: number): void => {
    if (quantity > 0) items.push({ ...base, unit: r.unit, unitPrice: r.unitPrice, once: { on, quantity } });
  };
  const recurring = (base: Omit<CostItem, "unit" | "unitPrice" | "once" | "recurring">, r: Resolved, from: string, to: string, perYear: number): void => {
    if (perYear > 0 && from <= to) items.push({ ...base, unit: r.unit, unitPrice: r.unitPrice, recurring: { from, to, perYear } });
  };
  const pueOf = (site: string): number => index.sites.get(site)?.pue ?? DEFAULT_PUE;
  const targetPue = pueOf(plan.targetSite);

  // Procurement: the hardware itself (capex), then what the procured hosts cost to run (opex).
  plan.procurement.forEach((p, i) => {
    const subject = `procurement-${i + 1}`;
    const base = { subject, kind: "capex" as const, agency: PROVINCE };
    let hosts = 0;
    const model = book.hardware?.server;
    if (p.cpuCores > 0 || p.memoryGiB > 0) {
      if (!model) need("hardware.server", subject);
      else {
        hosts = Math.max(Math.ceil(p.cpuCores / model.cpuCores), Math.ceil(p.memoryGiB / model.memoryGiB));
        if (model.amount !== undefined) once({ ...base, what: "hardware-servers", priceRef: "hardware.server" }, { unit: "server", unitPrice: model.amount }, p.by, hosts);
      }
      if (!model || model.amount === undefined) {
        const core = p.cpuCores > 0 ? resolve("hardware.core", subject) : undefined;
        const memory = p.memoryGiB > 0 ? resolve("hardware.memory", subject) : undefined;
        if (core) once({ ...base, what: "hardware-cores", priceRef: "hardware.core" }, core, p.by, p.cpuCores);
        if (memory) once({ ...base, what: "hardware-memory", priceRef: "hardware.memory" }, memory, p.by, p.memoryGiB);
      }
    }
    if (p.storageGiB > 0) {
      const r = resolve("hardware.storage", subject);
      if (r) once({ ...base, what: "hardware-storage", priceRef: "hardware.storage" }, r, p.by, round4(p.storageGiB / 1024));
    }
    if ((p.racks ?? 0) > 0) {
      const r = resolve("hardware.rack", subject);
      if (r) once({ ...base, what: "hardware-racks", priceRef: "hardware.rack" }, r, p.by, p.racks!);
    }
    if ((p.powerKw ?? 0) > 0) {
      const r = resolve("hardware.power", subject);
      if (r) once({ ...base, what: "hardware-power", priceRef: "hardware.power" }, r, p.by, p.powerKw!);
    }
    if (hosts > 0 && model) {
      const opex = { subject, kind: "opex" as const, agency: PROVINCE };
      if (model.powerWatts > 0) {
        const r = resolve("electricity", subject);
        if (r) recurring({ ...opex, what: "electricity", priceRef: "electricity" }, r, p.by, end, kwhPerYear(hosts * model.powerWatts, targetPue));
      }
      if (model.rackUnits > 0) {
        const r = resolve("space", subject);
        if (r) recurring({ ...opex, what: "space", priceRef: "space" }, r, p.by, end, spacePerYear(r.unit, hosts * model.rackUnits));
      }
      for (const [id, lic] of licencesFor(book, model.os)) {
        recurring({ ...opex, what: "licence", priceRef: `licences.${id}` }, { unit: lic.unit, unitPrice: lic.amount }, p.by, end, lic.unit === "core-year" ? hosts * model.cpuCores : hosts);
      }
      const supportFrom = addMonths(p.by, Math.round(model.warrantyYears * 12));
      if (supportFrom <= end) {
        const r = resolve("support.host", subject);
        if (r) recurring({ ...opex, what: "support", priceRef: "support.host" }, r, supportFrom, end, hosts);
      }
    }
  });

  // Migration labour: a cutover window per wave (the province's team), each moving system (its owner).
  for (const w of [...plan.waves].sort((a, b) => a.number - b.number)) {
    const subject = `wave-${w.number}`;
    const r = resolve("labour.cutoverWindow", subject);
    if (r) once({ what: "labour-cutover", subject, kind: "capex", agency: PROVINCE, priceRef: "labour.cutoverWindow" }, r, w.start, r.engineerDays!);
  }
  const waveStart = new Map(plan.waves.map((w) => [w.number, w.start]));
  for (const s of plan.systems) {
    if (s.wave === undefined || !(MOVING_DISPOSITIONS as readonly string[]).includes(s.disposition)) continue;
    const ref = `labour.${s.disposition as MovingDisposition}`;
    const r = resolve(ref, s.id);
    const start = waveStart.get(s.wave);
    if (r && start) once({ what: "labour-migration", subject: s.id, kind: "capex", agency: s.owner, priceRef: ref }, r, start, r.engineerDays!);
  }

  // Devices that leave: what they no longer cost from the day they are decommissioned (or relocated).
  for (const p of plan.servers) {
    const server = index.servers.get(p.id);
    if (!server || server.kind === "virtual") continue;
    const agency = payerOf(server, index);
    const base = { subject: p.id, kind: "savings" as const, agency };
    if (p.fate === "decommission" && p.decommissionOn !== undefined) {
      const from = p.decommissionOn;
      if (p.savings.kwhPerYear > 0) {
        const r = resolve("electricity", p.id);
        if (r) recurring({ ...base, what: "electricity", priceRef: "electricity" }, r, from, end, p.savings.kwhPerYear);
      }
      if (p.savings.rackUnits > 0) {
        const r = resolve("space", p.id);
        if (r) recurring({ ...base, what: "space", priceRef: "space" }, r, from, end, spacePerYear(r.unit, p.savings.rackUnits));
      }
      if (server.supportEnds !== undefined && server.supportEnds >= from) {
        const ref = supportRef(server, index, book);
        const r = resolve(ref, p.id, ref === "support.server" && server.kind !== "physical" ? `vendor support of ${server.kind} devices, per device-year at support.${server.kind} or per server-year at support.server` : undefined);
        if (r) recurring({ ...base, what: "support", priceRef: ref }, r, from, minIso(server.supportEnds, end), 1);
      }
      for (const [id, lic] of licencesFor(book, server.os?.name)) {
        const perYear = lic.unit === "core-year" ? (server.cpuCores ?? 0) : 1;
        recurring({ ...base, what: "licence", priceRef: `licences.${id}` }, { unit: lic.unit, unitPrice: lic.amount }, from, end, perYear);
      }
    } else if (p.fate === "relocate" && p.relocateOn !== undefined && p.site !== plan.targetSite && (server.powerWatts ?? 0) > 0) {
      // The same watts at the target's PUE instead of the old site's.
      const delta = kwhPerYear(server.powerWatts!, pueOf(p.site)) - kwhPerYear(server.powerWatts!, targetPue);
      if (delta !== 0) {
        const r = resolve("electricity", p.id);
        if (r) recurring({ ...base, kind: delta > 0 ? "savings" : "opex", what: "electricity", priceRef: "electricity" }, r, p.relocateOn, end, Math.abs(delta));
      }
    }
  }

  // Data centres that close: their TSLCD and Internet leases end when their last device leaves.
  for (const [site, close] of closingSites(plan, index)) {
    const wan = index.sites.get(site)?.wan;
    const base = { subject: site, kind: "savings" as const, agency: PROVINCE };
    if ((wan?.tslcdMbps ?? 0) > 0) {
      const r = resolve("wan.tslcd", site);
      if (r) recurring({ ...base, what: "wan-tslcd", priceRef: "wan.tslcd" }, r, close, end, wan!.tslcdMbps! * 12);
    }
    if ((wan?.internetMbps ?? 0) > 0) {
      const r = resolve("wan.internet", site);
      if (r) recurring({ ...base, what: "wan-internet", priceRef: "wan.internet" }, r, close, end, wan!.internetMbps! * 12);
    }
  }
  return { items, missing: [...missing.values()] };
}

/** kWh a year that `watts` draw at a site of `pue`. */
function kwhPerYear(watts: number, pue: number): number {
  return round4((watts * HOURS_PER_YEAR * pue) / 1000);
}

/** Rack-years or rack-unit-years a year of `rackUnits` takes. */
function spacePerYear(unit: string, rackUnits: number): number {
  return unit === "rack-year" ? round4(rackUnits / RACK_UNITS) : rackUnits;
}

/** Rounds to 4 decimals (quantities are written with at most 4). */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The book's entry at a dotted ref, as a unit price; undefined when absent. */
function entryAt(book: PriceBook, ref: string): Resolved | undefined {
  const [section, key] = ref.split(".");
  const node = (key === undefined ? book[section as keyof PriceBook] : (book[section as keyof PriceBook] as Record<string, unknown> | undefined)?.[key]) as
    | { amount?: number; unit?: PriceUnit; engineerDays?: number; dayRate?: number }
    | undefined;
  if (!node || typeof node !== "object") return undefined;
  if (node.dayRate !== undefined) return { unit: "engineer-day", unitPrice: node.dayRate, engineerDays: node.engineerDays };
  if (node.amount === undefined || node.unit === undefined) return undefined;
  return { unit: node.unit, unitPrice: node.amount };
}

/** Support entry for a decommissioned device: hosts (with VMs) per host-year, other kinds their own entry when the book has it, else per server-year. */
function supportRef(server: Server, index: InventoryIndex, book: PriceBook): string {
  if (server.kind === "physical") return (index.vmsOf.get(server.id)?.length ?? 0) > 0 ? "support.host" : "support.server";
  const own = book.support?.[server.kind as "storage" | "network" | "appliance"];
  return own ? `support.${server.kind}` : "support.server";
}

/** Licences whose platform is `os` (case-insensitive), by id. */
function licencesFor(book: PriceBook, os: string | undefined): [string, NonNullable<PriceBook["licences"]>[string]][] {
  if (os === undefined) return [];
  const name = os.trim().toLowerCase();
  return Object.entries(book.licences ?? {})
    .filter(([, l]) => l.platform.trim().toLowerCase() === name)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Owner of a device, else the owner of the first system on it, else the province. */
function payerOf(server: Server, index: InventoryIndex): string {
  if (server.owner !== undefined) return server.owner;
  const first = [...(index.systemsOn.get(server.id) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  return first?.owner ?? PROVINCE;
}

/** Data-centre sites other than the target whose every device is decommissioned or relocated, with the day the last one leaves. */
export function closingSites(plan: Plan, index: InventoryIndex): Map<string, string> {
  const last = new Map<string, string | null>();
  for (const s of plan.servers) {
    if (s.site === plan.targetSite || (index.sites.get(s.site)?.kind ?? "datacenter") !== "datacenter") continue;
    if (last.get(s.site) === null) continue;
    const leaves = s.fate === "decommission" ? s.decommissionOn : s.fate === "relocate" ? (s.relocateOn ?? s.freedOn) : s.fate === "reuse" ? s.freedOn : undefined;
    if (leaves === undefined) last.set(s.site, null);
    else last.set(s.site, maxIso(last.get(s.site) ?? leaves, leaves));
  }
  const out = new Map<string, string>();
  for (const [site, day] of [...last].sort(([a], [b]) => (a < b ? -1 : 1))) if (day !== null && day !== undefined) out.set(site, day);
  return out;
}

/** `iso` plus whole `months` (the day clamped to the month's length). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(iso.slice(8, 10)), days);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const minIso = (a: string, b: string): string => (a <= b ? a : b);
const maxIso = (a: string, b: string): string => (a >= b ? a : b);
