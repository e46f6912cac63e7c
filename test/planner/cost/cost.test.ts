import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PriceBookError } from "../../../common/errors.js";
import { indexInventory } from "../../../inventory/model.js";
import type { Server } from "../../../inventory/schema.js";
import { packageRoot } from "../../../planner/cli/paths.js";
import { costDifference, costPlan, loadPriceBook, PROVINCE } from "../../../planner/cost/index.js";
import type { PriceBook } from "../../../planner/cost/price-book-schema.js";
import { serialisePlan } from "../../../planner/plan.js";
import type { Cost, CostLine } from "../../../planner/plan-schema.js";
import { makeAgency, makeSite } from "../../fixtures.js";
import { host, inventoryOf, planOf, sys, vm } from "../fixtures.js";
import { costedPlan, expectConsistent, fullBook, loadedBook, samplePlan } from "./fixtures.js";

const linesOf = (cost: Cost, pred: (l: CostLine) => boolean) => cost.lines.filter(pred);

/** Two VMs of 64 vCPUs / 256 GiB that do not fit bn-host (16 cores): the plan buys hardware. */
function shortOfCapacity() {
  const big = (id: string) => vm(`${id}-vm`, "bg-host", { cpuCores: 64, memoryGiB: 256 });
  return inventoryOf(
    [sys("big1", ["big1-vm"]), sys("big2", ["big2-vm"])],
    [host("bn-host", { site: "dc-bn", cpuCores: 16, memoryGiB: 300, storageGiB: 10_000 }), host("bg-host", { supportEnds: "2026-12-31" }), big("big1"), big("big2")],
  );
}

describe("costing a plan", () => {
  it("prices the migration work: one cutover window per wave for the province, each moving system by its disposition for its owner", () => {
    const inv = inventoryOf(
      [sys("web", [], { containerReady: true, owner: "so-yte" }), sys("app", []), sys("old", [], { disposition: "retire" })],
      [],
      { agencies: [makeAgency(), makeAgency({ id: "so-yte", name: "Sở Y tế" })] },
    );
    const { plan, cost } = costedPlan(inv);
    expectConsistent(cost);
    const windows = linesOf(cost, (l) => l.what === "labour-cutover");
    expect(windows).toHaveLength(plan.waves.length);
    expect(windows[0]).toMatchObject({ subject: "wave-1", kind: "capex", agency: PROVINCE, priceRef: "labour.cutoverWindow", quantity: 10, unit: "engineer-day", unitPrice: 3_000_000, amount: 30_000_000, from: plan.waves[0].start });
    const work = linesOf(cost, (l) => l.what === "labour-migration");
    expect(work.map((l) => [l.subject, l.priceRef, l.agency, l.amount])).toEqual([
      ["app", "labour.rehost", "so-khcn", 3_000_000],
      ["web", "labour.replatform", "so-yte", 15_000_000],
    ]);
    expect(cost.byAgency.find((a) => a.agency === "so-yte")).toMatchObject({ capex: 15_000_000, opex: 0 });
  });

  it("buys procured compute as whole servers of the book's model, in the year of `by`, and runs them from then on", () => {
    const { plan, cost } = costedPlan(shortOfCapacity(), fullBook(), { procurementLeadDays: 30 });
    expectConsistent(cost);
    const p = plan.procurement[0];
    expect(p).toMatchObject({ cpuCores: 32, memoryGiB: 384, by: "2026-12-25" });
    // 32 cores and 384 GiB fit one 64-core, 1 TiB server.
    expect(linesOf(cost, (l) => l.kind === "capex" && l.subject === "procurement-1")).toEqual([
      { what: "hardware-servers", subject: "procurement-1", kind: "capex", agency: PROVINCE, priceRef: "hardware.server", year: 2026, amount: 1_000_000_000, quantity: 1, unit: "server", unitPrice: 1_000_000_000, from: "2026-12-25", to: "2026-12-25" },
    ]);
    const opex2027 = linesOf(cost, (l) => l.kind === "opex" && l.year === 2027);
    // 500 W × 8 760 h × PUE 1.6 = 7 008 kWh; 64 cores licensed; 2 U; support after the one-year warranty (from 2027-12-25: 7 of 365 days).
    expect(opex2027.map((l) => [l.what, l.quantity, l.amount])).toEqual([
      ["electricity", 7008, 14_016_000],
      ["licence", 64, 192_000_000],
      ["space", 2, 2_000_000],
      ["support", 0.0192, 768_000],
    ]);
    expect(linesOf(cost, (l) => l.what === "electricity" && l.kind === "opex" && l.year === 2026)[0]).toMatchObject({ from: "2026-12-25", to: "2026-12-31", quantity: 134.4 });
  });

  it("prices cores and memory on their own when the server model has no price, and storage, racks and power per unit", () => {
    const book = fullBook();
    const { amount: _a, unit: _u, quoted: _q, ...model } = book.hardware!.server!;
    const { cost } = costedPlan(shortOfCapacity(), { ...book, hardware: { ...book.hardware, server: model } }, { procurementLeadDays: 30 });
    expectConsistent(cost);
    expect(linesOf(cost, (l) => l.kind === "capex" && l.subject === "procurement-1").map((l) => [l.priceRef, l.quantity, l.amount])).toEqual([
      ["hardware.core", 32, 160_000_000],
      ["hardware.memory", 384, 115_200_000],
    ]);
    // The hosts are still counted from the model: the same opex as when priced per server.
    expect(linesOf(cost, (l) => l.kind === "opex" && l.year === 2028).map((l) => l.amount)).toEqual([14_016_000, 192_000_000, 2_000_000, 40_000_000]);
  });

  it("prices racks and power capacity the plan buys for relocated hardware", () => {
    const appliance = (id: string): Server => ({ id, site: "dc-bg", kind: "appliance", rackUnits: 24, powerWatts: 800, supportEnds: "2030-06-30" });
    const inv = inventoryOf([sys("hsm-a", ["app-a"]), sys("hsm-b", ["app-b"]), sys("web", [])], [appliance("app-a"), appliance("app-b")], {
      sites: [makeSite({ id: "dc-bn", name: "Bắc Ninh", racks: 1, powerKw: 1 }), makeSite({ id: "dc-bg", name: "Bắc Giang", pue: 1.9 })],
    });
    const { plan, cost } = costedPlan(inv, fullBook(), { procurementLeadDays: 0 });
    expectConsistent(cost);
    const bought = plan.procurement.filter((p) => (p.racks ?? 0) > 0 || (p.powerKw ?? 0) > 0);
    expect(bought.length).toBeGreaterThan(0);
    const racks = bought.reduce((s, p) => s + (p.racks ?? 0), 0);
    const kw = bought.reduce((s, p) => s + (p.powerKw ?? 0), 0);
    expect(linesOf(cost, (l) => l.what === "hardware-racks").reduce((s, l) => s + l.amount, 0)).toBe(racks * 40_000_000);
    expect(linesOf(cost, (l) => l.what === "hardware-power").reduce((s, l) => s + l.amount, 0)).toBe(Math.round(kw * 30_000_000));
    // The relocated appliances draw their watts at PUE 1.6 instead of 1.9: 800 × 8 760 × 0.3 ÷ 1000 = 2 102.4 kWh a year each.
    const moved = linesOf(cost, (l) => l.subject === "app-a" && l.what === "electricity" && l.year === 2028)[0];
    expect(moved).toMatchObject({ kind: "savings", quantity: 2102.4, amount: 4_204_800 });
  });

  it("saves what a decommissioned device cost: electricity at its site's PUE, space, support while under contract, its platform's licences", () => {
    const inv = inventoryOf([sys("a", [])], [host("bg-host", { supportEnds: "2027-06-30", powerWatts: 600, rackUnits: 2, owner: "so-khcn", os: { name: "vmware esxi" } })]);
    const { plan, cost } = costedPlan(inv);
    expectConsistent(cost);
    const bg = plan.servers.find((s) => s.id === "bg-host")!;
    expect(bg).toMatchObject({ fate: "decommission", decommissionOn: "2026-12-29", savings: { kwhPerYear: 9986, rackUnits: 2 } });
    const saved = (year: number) => linesOf(cost, (l) => l.subject === "bg-host" && l.year === year).map((l) => [l.what, l.priceRef, l.quantity, l.from, l.to]);
    // 3 of 365 days in 2026; the host carries VMs, so its support is per host-year, until 30/06/2027.
    expect(saved(2026)).toEqual([
      ["electricity", "electricity", 82.0767, "2026-12-29", "2026-12-31"],
      ["licence", "licences.vsphere", 0.2630, "2026-12-29", "2026-12-31"],
      ["space", "space", 0.0164, "2026-12-29", "2026-12-31"],
      ["support", "support.host", 0.0082, "2026-12-29", "2026-12-31"],
    ]);
    expect(saved(2027).find((l) => l[0] === "support")).toEqual(["support", "support.host", 0.4959, "2027-01-01", "2027-06-30"]);
    expect(saved(2028).map((l) => l[0])).toEqual(["electricity", "licence", "space"]);
    // A full year once the merger is done: 9 986 kWh × 2 000 + 32 cores × 3 000 000 + 2 U × 1 000 000 (support has ended).
    expect(cost.byAgency.find((a) => a.agency === "so-khcn")!.savingsPerYear).toBe(19_972_000 + 96_000_000 + 2_000_000);
  });

  it("ends the TSLCD and Internet leases of a data centre when its last device leaves, and not while something still runs there", () => {
    const { plan, cost } = costedPlan(inventoryOf([sys("a", [])], [host("bg-host", { supportEnds: "2026-12-31" })]));
    expectConsistent(cost);
    const last = plan.servers.filter((s) => s.site === "dc-bg").map((s) => s.decommissionOn ?? s.freedOn!).sort().at(-1)!;
    const wan = linesOf(cost, (l) => l.subject === "dc-bg");
    expect(wan[0]).toMatchObject({ what: "wan-internet", from: last, agency: PROVINCE });
    expect(linesOf(cost, (l) => l.what === "wan-tslcd" && l.year === 2028)[0]).toMatchObject({ quantity: 12_000, unit: "mbps-month", amount: 1_200_000_000 });
    const staying = costedPlan(inventoryOf([sys("a", []), sys("police", [], { disposition: "retain" })], [host("bg-host", { supportEnds: "2026-12-31" })]));
    expect(linesOf(staying.cost, (l) => l.what.startsWith("wan-"))).toEqual([]);
  });

  it("charges the owner of a device, else the owner of its system, else the province", () => {
    const inv = inventoryOf(
      [sys("a", ["box"], { owner: "so-yte" }), sys("b", [])],
      [{ id: "box", site: "dc-bg", kind: "physical", cpuCores: 8, memoryGiB: 32, powerWatts: 200, rackUnits: 1 }],
      { agencies: [makeAgency(), makeAgency({ id: "so-yte", name: "Sở Y tế" })] },
    );
    const { cost } = costedPlan(inv);
    expect(new Set(linesOf(cost, (l) => l.subject === "box" && l.kind === "savings").map((l) => l.agency))).toEqual(new Set(["so-yte"]));
    expect(new Set(linesOf(cost, (l) => l.subject === "bg-host").map((l) => l.agency))).toEqual(new Set([PROVINCE]));
  });

  it("lists every price the plan needs and the book lacks, once each, with who needs it (PriceBookError)", () => {
    const inv = shortOfCapacity();
    const plan = planOf(inv, { procurementLeadDays: 30 });
    const book: PriceBook = { currency: "VND", labour: { rehost: { engineerDays: 1, dayRate: 1, unit: "system", quoted: "2026-01-01" } } };
    let error: unknown;
    try {
      costPlan(plan, indexInventory(inv), loadedBook(book));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PriceBookError);
    expect((error as PriceBookError).lines()).toMatchInlineSnapshot(`
      [
        "electricity: no price for electricity, per kWh; the plan needs it for bg-host",
        "hardware.memory: no price for procured memory, per GiB (or a price per server on hardware.server); the plan needs it for procurement-1",
        "hardware.core: no price for procured physical cores, per core (or a price per server on hardware.server); the plan needs it for procurement-1",
        "space: no price for rack space, per rack-year or rack-unit-year; the plan needs it for bg-host",
        "wan.internet: no price for the Internet lease of a closing data centre, per Mbit/s-month; the plan needs it for dc-bg",
        "hardware.server: no price for the server model procured compute is bought as (hardware.server: model, cpuCores, memoryGiB, powerWatts, rackUnits, warrantyYears); the plan needs it for procurement-1",
        "wan.tslcd: no price for the TSLCD lease of a closing data centre, per Mbit/s-month; the plan needs it for dc-bg",
        "labour.cutoverWindow: no price for the work of one cutover window (engineer-days × day rate per window); the plan needs it for wave-1",
      ]
    `);
  });

  it("locates a missing price in the book's file at the section that should hold it", () => {
    const inv = inventoryOf([sys("a", []), sys("b", [], { containerReady: true })]);
    const plan = planOf(inv);
    const book = fullBook();
    const { replatform: _r, ...labour } = book.labour!;
    const yaml = `currency: VND\nelectricity: { amount: 1, unit: kwh, quoted: 2026-01-01 }\nspace: { amount: 1, unit: rack-year, quoted: 2026-01-01 }\nwan:\n  tslcd: { amount: 1, unit: mbps-month, quoted: 2026-01-01 }\n  internet: { amount: 1, unit: mbps-month, quoted: 2026-01-01 }\nsupport: { host: { amount: 1, unit: host-year, quoted: 2026-01-01 } }\nlabour:\n${Object.entries(labour)
      .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
      .join("\n")}\n`;
    const loaded = loadPriceBook("prices.yaml", yaml);
    expect(() => costPlan(plan, indexInventory(inv), loaded)).toThrow(PriceBookError);
    try {
      costPlan(plan, indexInventory(inv), loaded);
    } catch (err) {
      expect((err as PriceBookError).lines()).toMatchInlineSnapshot(`
        [
          "prices.yaml:8:1: labour.replatform: no price for moving a system onto the shared platform (engineer-days × day rate per system); the plan needs it for b",
        ]
      `);
    }
  });

  it("changes exactly the lines that cite a price when that price changes (every price the sample uses)", async () => {
    const { plan, index, book } = await samplePlan();
    const base = costPlan(plan, index, book);
    expectConsistent(base);
    for (const ref of base.prices.map((p) => p.ref)) {
      const changed = costPlan(plan, index, { book: withPrice(book.book, ref, (x) => x * 2 + 7) });
      expectConsistent(changed);
      expect(changed.lines).toHaveLength(base.lines.length);
      changed.lines.forEach((l, i) => {
        const b = base.lines[i];
        expect({ ...l, amount: 0, unitPrice: 0 }).toEqual({ ...b, amount: 0, unitPrice: 0 });
        if (l.priceRef === ref) expect(l.amount).not.toBe(b.amount);
        else expect(l).toEqual(b);
      });
    }
  });

  it("gives the same bytes for the same inputs", async () => {
    const { plan, index, book } = await samplePlan();
    const once = serialisePlan({ ...plan, cost: costPlan(plan, index, book) });
    const again = serialisePlan({ ...plan, cost: costPlan(plan, index, loadPriceBook(join(packageRoot(), "planner", "sample", "prices.yaml"))) });
    expect(again).toBe(once);
  });

  it("costs the sample: labour in 2026–2027, the decommissioned hosts' savings from 2027, a payback date, a present value", async () => {
    const { plan, index, book } = await samplePlan();
    const cost = costPlan(plan, index, book);
    expect(cost.byYear.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(cost.total.capex).toBe(cost.lines.filter((l) => l.what.startsWith("labour-")).reduce((s, l) => s + l.amount, 0));
    // The hosts are decommissioned in 2027; 2026 saves only the last days of what is switched off
    // or moved in December (the stand-alone file server folded in, the relocated video MCU).
    expect(cost.lines.filter((l) => l.year === 2026 && l.kind === "savings" && /-esx-/.test(l.subject))).toEqual([]);
    expect(cost.byYear[0].savings).toBeLessThan(cost.byYear[2].savings / 1000);
    expect(cost.byYear[2].savings).toBeGreaterThan(0);
    expect(cost.paybackDate! > plan.waves[0].start).toBe(true);
    expect(cost.discountRatePct).toBe(6);
    // Discounting shrinks the later savings: the present net is smaller in size than the plain net.
    expect(Math.abs(cost.presentNet!)).toBeLessThan(Math.abs(cost.total.net));
    expect(cost.note).toMatch(/minh họa/);
  });
});

describe("costDifference", () => {
  it("is other − base by total and by year, over both plans' years", () => {
    const inv = shortOfCapacity();
    const late = costedPlan(inv, fullBook(), { procurementLeadDays: 30 }).cost;
    const early = costedPlan(inv, fullBook(), { procurementLeadDays: 0 }).cost;
    const d = costDifference(late, early);
    expect(d.net).toBe(early.total.net - late.total.net);
    expect(d.capex).toBe(early.total.capex - late.total.capex);
    expect(d.byYear.reduce((s, y) => s + y.net, 0)).toBe(d.net);
    expect(d.paybackDate).toEqual({ ...(late.paybackDate ? { base: late.paybackDate } : {}), ...(early.paybackDate ? { other: early.paybackDate } : {}) });
    expect(costDifference(late, late).byYear.every((y) => y.net === 0 && y.capex === 0)).toBe(true);
  });
});

/** The book with the entry at `ref` repriced by `f` (labour: its day rate). */
function withPrice(book: PriceBook, ref: string, f: (x: number) => number): PriceBook {
  const copy = structuredClone(book) as Record<string, Record<string, Record<string, number>> & Record<string, number>>;
  const [section, key] = ref.split(".");
  const node = (key === undefined ? copy[section] : copy[section][key]) as unknown as Record<string, number>;
  if (node.dayRate !== undefined) node.dayRate = f(node.dayRate);
  else node.amount = f(node.amount);
  return copy as unknown as PriceBook;
}
