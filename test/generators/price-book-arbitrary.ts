// fast-check arbitrary of complete, valid price books for the cost property tests: every entry a
// plan can need, amounts from 0 to billions of đồng, both ways of pricing compute (per server, or
// per core and GiB), either space unit, optional per-kind support, licences for platforms the
// generated inventories run (or not), an optional discount rate.
import fc from "fast-check";
import type { PriceBook } from "../../planner/cost/price-book-schema.js";

const QUOTED = ["2026-01-15", "2026-06-30", "2026-10-01"] as const;
const PLATFORMS = ["VMware ESXi", "Windows Server", "Red Hat Enterprise Linux", "Proxmox VE"] as const;

const amount = (max: number) => fc.integer({ min: 0, max });
const quoted = fc.constantFrom(...QUOTED);
const priced = <U extends string>(unit: U, max: number) => fc.record({ amount: amount(max), unit: fc.constant(unit), quoted });
const labour = <U extends string>(unit: U) =>
  fc.record({ engineerDays: fc.integer({ min: 0, max: 60 }).map((x) => x / 2), dayRate: amount(5_000_000), unit: fc.constant(unit), quoted });

/** Complete price books (every entry present; see file header). */
export const priceBookArbitrary: fc.Arbitrary<PriceBook> = fc
  .record({
    server: fc.record({
      model: fc.constant("generated server"),
      cpuCores: fc.integer({ min: 8, max: 128 }),
      memoryGiB: fc.constantFrom(128, 256, 512, 1024, 2048),
      powerWatts: fc.integer({ min: 0, max: 1500 }),
      rackUnits: fc.integer({ min: 0, max: 4 }),
      warrantyYears: fc.integer({ min: 0, max: 5 }),
      os: fc.option(fc.constantFrom(...PLATFORMS), { nil: undefined }),
    }),
    serverPrice: fc.option(amount(2_000_000_000), { nil: undefined }),
    core: priced("core", 20_000_000),
    memory: priced("gib", 1_000_000),
    storage: priced("tib", 50_000_000),
    rack: priced("rack", 100_000_000),
    power: priced("kw", 100_000_000),
    electricity: priced("kwh", 5_000),
    space: fc.record({ amount: amount(100_000_000), unit: fc.constantFrom<"rack-year" | "rack-unit-year">("rack-year", "rack-unit-year"), quoted }),
    tslcd: priced("mbps-month", 500_000),
    internet: priced("mbps-month", 1_000_000),
    supportServer: priced("server-year", 100_000_000),
    supportHost: priced("host-year", 100_000_000),
    supportDevices: fc.subarray(["storage", "network", "appliance"] as const),
    deviceSupport: priced("device-year", 300_000_000),
    licences: fc.uniqueArray(fc.record({ platform: fc.constantFrom(...PLATFORMS), amount: amount(10_000_000), unit: fc.constantFrom<"core-year" | "host-year">("core-year", "host-year"), quoted }), { maxLength: 3, selector: (l) => l.platform }),
    labour: fc.record({ cutoverWindow: labour("window"), rehost: labour("system"), replatform: labour("system"), relocate: labour("system"), consolidate: labour("system") }),
    discountRatePct: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  })
  .map(({ server: { os, ...server }, ...g }): PriceBook => ({
    currency: "VND",
    ...(g.discountRatePct !== undefined ? { discountRatePct: g.discountRatePct } : {}),
    hardware: {
      server: { ...server, ...(os !== undefined ? { os } : {}), ...(g.serverPrice !== undefined ? { amount: g.serverPrice, unit: "server" as const, quoted: "2026-10-01" } : {}) },
      core: g.core,
      memory: g.memory,
      storage: g.storage,
      rack: g.rack,
      power: g.power,
    },
    electricity: g.electricity,
    space: g.space,
    wan: { tslcd: g.tslcd, internet: g.internet },
    support: { server: g.supportServer, host: g.supportHost, ...Object.fromEntries(g.supportDevices.map((k) => [k, g.deviceSupport])) },
    licences: Object.fromEntries(g.licences.map((l, i) => [`licence-${i}`, l])),
    labour: g.labour,
  }));
