// Fixture builders for the cost tests: a complete price book with round prices (a test overrides
// only what matters to it), costing a fixture inventory, and the consistency every costed plan keeps.
import { join } from "node:path";
import { expect } from "vitest";
import { loadInventory } from "../../../inventory/load.js";
import { type InventoryIndex, indexInventory } from "../../../inventory/model.js";
import { packageRoot } from "../../../planner/cli/paths.js";
import type { Inventory } from "../../../inventory/schema.js";
import { costPlan, loadPriceBook, sums } from "../../../planner/cost/index.js";
import type { LoadedPriceBook } from "../../../planner/cost/price-book.js";
import type { PriceBook } from "../../../planner/cost/price-book-schema.js";
import { Cost, type Plan } from "../../../planner/plan-schema.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { planWithProfile } from "../../../planner/plan.js";
import { prepareProfile } from "../../../planner/profile.js";
import { AS_OF, planOf } from "../fixtures.js";

const Q = "2026-10-01";

/** A price book with every entry, round amounts; `over` replaces whole top-level sections. */
export function fullBook(over: Partial<PriceBook> = {}): PriceBook {
  return {
    currency: "VND",
    hardware: {
      server: { model: "2 × 32 cores, 1 TiB", cpuCores: 64, memoryGiB: 1024, powerWatts: 500, rackUnits: 2, warrantyYears: 1, os: "VMware ESXi", amount: 1_000_000_000, unit: "server", quoted: Q },
      core: { amount: 5_000_000, unit: "core", quoted: Q },
      memory: { amount: 300_000, unit: "gib", quoted: Q },
      storage: { amount: 20_000_000, unit: "tib", quoted: Q },
      rack: { amount: 40_000_000, unit: "rack", quoted: Q },
      power: { amount: 30_000_000, unit: "kw", quoted: Q },
    },
    electricity: { amount: 2_000, unit: "kwh", quoted: Q },
    space: { amount: 1_000_000, unit: "rack-unit-year", quoted: Q },
    wan: { tslcd: { amount: 100_000, unit: "mbps-month", quoted: Q }, internet: { amount: 200_000, unit: "mbps-month", quoted: Q } },
    support: { server: { amount: 30_000_000, unit: "server-year", quoted: Q }, host: { amount: 40_000_000, unit: "host-year", quoted: Q } },
    licences: { vsphere: { platform: "VMware ESXi", amount: 3_000_000, unit: "core-year", quoted: Q } },
    labour: {
      cutoverWindow: { engineerDays: 10, dayRate: 3_000_000, unit: "window", quoted: Q },
      rehost: { engineerDays: 2, dayRate: 1_500_000, unit: "system", quoted: Q },
      replatform: { engineerDays: 10, dayRate: 1_500_000, unit: "system", quoted: Q },
      relocate: { engineerDays: 3, dayRate: 1_500_000, unit: "system", quoted: Q },
      consolidate: { engineerDays: 5, dayRate: 1_500_000, unit: "system", quoted: Q },
    },
    ...over,
  };
}

/** An in-memory book as the costing takes it. */
export function loadedBook(book: PriceBook = fullBook()): LoadedPriceBook {
  return { book };
}

/** Plans `inventory` (target dc-bn) and costs the plan. */
export function costedPlan(inventory: Inventory, book: PriceBook = fullBook(), profile: Profile = {}, asOf = AS_OF): { plan: Plan; cost: Cost } {
  const plan = planOf(inventory, profile, asOf);
  return { plan, cost: costPlan(plan, indexInventory(inventory), loadedBook(book)) };
}

/** Every view of a cost equals the sums of its lines, exactly, and every line is quantity × unit price. */
export function expectConsistent(cost: Cost): void {
  expect(Cost.safeParse(cost).success).toBe(true);
  for (const l of cost.lines) {
    expect(Number.isSafeInteger(l.amount)).toBe(true);
    expect(l.amount).toBe(Math.round(l.quantity * l.unitPrice));
    expect(l.from <= l.to && l.from.startsWith(String(l.year)) && l.to.startsWith(String(l.year))).toBe(true);
  }
  const total = sums(cost.lines);
  expect({ capex: cost.total.capex, opex: cost.total.opex, savings: cost.total.savings, net: cost.total.net }).toEqual(total);
  expect(cost.total.net).toBe(cost.total.capex + cost.total.opex - cost.total.savings);
  for (const y of cost.byYear) expect(y).toEqual({ year: y.year, ...sums(cost.lines.filter((l) => l.year === y.year)) });
  expect(sums(cost.byYear.map((y) => ({ amount: y.capex, kind: "capex" as const })))).toMatchObject({ capex: total.capex });
  expect(cost.byYear.reduce((s, y) => s + y.opex, 0)).toBe(total.opex);
  expect(cost.byYear.reduce((s, y) => s + y.savings, 0)).toBe(total.savings);
  expect(cost.byYear.reduce((s, y) => s + y.net, 0)).toBe(total.net);
  expect(new Set(cost.lines.map((l) => l.year)).size).toBeLessThanOrEqual(cost.byYear.length);
  for (const l of cost.lines) expect(cost.byYear.some((y) => y.year === l.year)).toBe(true);
  for (const a of cost.byAgency) {
    const s = sums(cost.lines.filter((l) => l.agency === a.agency));
    expect({ capex: a.capex, opex: a.opex, savings: a.savings, net: a.net }).toEqual(s);
  }
  expect(cost.byAgency.reduce((s, a) => s + a.capex, 0)).toBe(total.capex);
  expect(cost.byAgency.reduce((s, a) => s + a.opex, 0)).toBe(total.opex);
  expect(cost.byAgency.reduce((s, a) => s + a.savings, 0)).toBe(total.savings);
  expect(cost.byAgency.reduce((s, a) => s + a.savingsPerYear, 0)).toBe(cost.total.savingsPerYear);
  expect(new Set(cost.byAgency.map((a) => a.agency)).size).toBe(cost.byAgency.length);
  const refs = new Set(cost.prices.map((p) => p.ref));
  for (const l of cost.lines) expect(refs.has(l.priceRef)).toBe(true);
}

/** The bundled sample planned as of 2026-11-30 with its profile (not costed), its index and the sample's illustrative price book. */
export async function samplePlan(): Promise<{ plan: Plan; index: InventoryIndex; book: LoadedPriceBook }> {
  const root = packageRoot();
  const loaded = await loadInventory(join(root, "inventory", "sample"), { asOf: "2026-11-30", locateWarnings: false });
  const { plan } = planWithProfile(loaded, prepareProfile(join(root, "planner", "sample", "profile.yaml"), loaded.index, "2026-11-30"), "2026-11-30");
  return { plan, index: loaded.index, book: loadPriceBook(join(root, "planner", "sample", "prices.yaml")) };
}

/** The sample plan with its cost. */
export async function costedSamplePlan(): Promise<Plan> {
  const { plan, index, book } = await samplePlan();
  return { ...plan, cost: costPlan(plan, index, book) };
}
