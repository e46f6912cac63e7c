// Property tests of the costing over generated inventories (bench/generate.ts), generated planning
// profiles (capacity shortages make the plan buy hardware) and generated price books: every view
// sums to the lines exactly, the same inputs give the same bytes, a price change moves exactly the
// lines that cite it, and a book missing a price the plan needs is refused naming that price.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../../bench/generate.js";
import { PriceBookError } from "../../../common/errors.js";
import { indexInventory } from "../../../inventory/model.js";
import { costPlan } from "../../../planner/cost/index.js";
import { PriceBook } from "../../../planner/cost/price-book-schema.js";
import { planMigration } from "../../../planner/plan.js";
import { priceBookArbitrary } from "../../generators/price-book-arbitrary.js";
import { knobs, profileFor } from "../../generators/profile-arbitrary.js";
import { expectConsistent } from "./fixtures.js";

const inventories = fc.record({ seed: fc.integer(), servers: fc.integer({ min: 5, max: 120 }), thirdSite: fc.boolean(), systemsPerServer: fc.constantFrom(0.1, 0.2, 0.5) });

/** A generated plan with its index. */
function planned(opts: Parameters<typeof generateInventory>[0], k: Parameters<typeof profileFor>[1]) {
  const inventory = generateInventory(opts);
  const index = indexInventory(inventory);
  const plan = planMigration({ inventory, index }, profileFor(inventory, k, "dc-bn"), k.asOf);
  return { plan, index };
}

/** The book with the entry at `ref` set by `f` (labour: its day rate), or removed when `f` is undefined. */
function edit(book: PriceBook, ref: string, f?: (x: number) => number): PriceBook {
  const copy = structuredClone(book) as unknown as Record<string, Record<string, Record<string, number> | undefined>>;
  const [section, key] = ref.split(".");
  if (f === undefined) {
    if (key === undefined) delete copy[section];
    else delete copy[section][key];
  } else {
    const node = (key === undefined ? copy[section] : copy[section][key]) as Record<string, number>;
    if (node.dayRate !== undefined) node.dayRate = f(node.dayRate);
    else node.amount = f(node.amount);
  }
  return copy as unknown as PriceBook;
}

describe("cost properties", () => {
  it("sums every view to its lines exactly, deterministically, on generated inventories, profiles and price books", () => {
    let procured = 0;
    fc.assert(
      fc.property(inventories, knobs, priceBookArbitrary, (opts, k, book) => {
        expect(PriceBook.safeParse(book).success).toBe(true);
        const { plan, index } = planned(opts, k);
        const cost = costPlan(plan, index, { book });
        expectConsistent(cost);
        expect(JSON.stringify(costPlan(plan, index, { book }))).toBe(JSON.stringify(cost));
        // Every purchase, wave and moving system is priced.
        if (plan.procurement.length > 0) procured++;
        for (let i = 1; i <= plan.procurement.length; i++) {
          const p = plan.procurement[i - 1];
          if (p.cpuCores + p.memoryGiB + p.storageGiB + (p.racks ?? 0) + (p.powerKw ?? 0) > 0) expect(cost.lines.some((l) => l.subject === `procurement-${i}` && l.kind === "capex")).toBe(true);
        }
        const windows = cost.lines.filter((l) => l.what === "labour-cutover");
        if (book.labour!.cutoverWindow!.engineerDays > 0) expect(windows).toHaveLength(plan.waves.length);
        for (const l of cost.lines) expect(l.year).toBeGreaterThanOrEqual(Math.min(2026, Number(plan.asOf.slice(0, 4))));
      }),
      { numRuns: 40, seed: 20261130 },
    );
    expect(procured).toBeGreaterThan(0);
  });

  it("changes exactly the lines citing a price when it changes, and refuses a book without a price the plan uses", () => {
    fc.assert(
      fc.property(inventories, knobs, priceBookArbitrary, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (opts, k, book, pick, delta) => {
        const { plan, index } = planned(opts, k);
        const base = costPlan(plan, index, { book });
        if (base.prices.length === 0) return;
        const ref = base.prices[pick % base.prices.length].ref;
        const changed = costPlan(plan, index, { book: edit(book, ref, (x) => x + delta) });
        expect(changed.lines).toHaveLength(base.lines.length);
        changed.lines.forEach((l, i) => {
          if (l.priceRef !== ref) expect(l).toEqual(base.lines[i]);
          else expect(l).toEqual({ ...base.lines[i], unitPrice: l.unitPrice, amount: Math.round(l.quantity * l.unitPrice) });
        });
        // A licence is needed only where the book names it, and a device kind's own support falls back to support.server.
        if (ref.startsWith("licences.") || /^support\.(storage|network|appliance)$/.test(ref)) return;
        let error: unknown;
        try {
          costPlan(plan, index, { book: edit(book, ref) });
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(PriceBookError);
        const refs = (error as PriceBookError).findings.map((f) => (f.path ?? []).join("."));
        expect(refs).toContain(ref);
        expect(new Set(refs).size).toBe(refs.length);
      }),
      { numRuns: 40, seed: 20261201 },
    );
  });
});
