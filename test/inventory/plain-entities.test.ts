import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../bench/generate.js";
import { loadInventorySync } from "../../inventory/load.js";
import { isIdText, plainServer, plainSystem } from "../../inventory/plain-entities.js";
import { ID_PATTERN, Server, System } from "../../inventory/schema.js";

const SAMPLE = join(__dirname, "..", "..", "inventory", "sample");

/** The same entity as zod outputs it: equal value for value, key for key, nothing shared with the input's lists and records. */
function expectSameAsZod(raw: unknown, fast: Record<string, unknown> | undefined, schema: typeof Server | typeof System): boolean {
  const zod = schema.safeParse(raw);
  if (fast === undefined) return false;
  expect(zod.success).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  // Always the same once through JSON (the read-ahead worker relies on it).
  expect(JSON.parse(JSON.stringify(fast))).toStrictEqual(fast);
  for (const [k, v] of Object.entries(fast)) if (typeof v === "object" && v !== null) expect(v).not.toBe((raw as Record<string, unknown>)[k]);
  return true;
}

/** Mostly `good` values, sometimes `bad` ones. */
const mostly = (good: readonly unknown[], bad: readonly unknown[]): fc.Arbitrary<unknown> => fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

const ids = mostly(["a", "srv-1", "x".repeat(63), "a1"], ["A", "-a", "", "a".repeat(64), 5, null, "a_b"]);
const counts = mostly([1, 8, 64], [0, -1, 2.5, 2 ** 53, Number.NaN, Infinity, "4", -0, 1e300]);
const numbers = mostly([0, 0.5, 16, 100], [100.5, -2, -0, "x", Infinity, null]);
const percents = mostly([0, 50, 100, 12.5], [100.5, -1, "5"]);
const dates = mostly(["2020-01-01", "2024-02-29"], ["2023-02-29", "2020-1-1", 20200101, "2020-01-01T00:00:00Z"]);
const extras = mostly(["note", 1, null, true, 1.5], [-0, { a: 1 }, [1]]);
const names = mostly(["Máy chủ", "x"], ["", 3]);

/** Which keys an entity has: required ones almost always, optional ones half the time, odd ones rarely; in a random order. */
function keysOf(required: readonly string[], optional: readonly string[]): fc.Arbitrary<string[]> {
  const odd = ["x-note", "x-other", "unknown", "<<", "__proto__"];
  const pick = (keys: readonly string[], weight: number) => fc.tuple(...keys.map((k) => fc.integer({ min: 0, max: 99 }).map((n) => (n < weight ? [k] : [])))).map((xs) => xs.flat());
  return fc.tuple(pick(required, 97), pick(optional, 50), pick(odd.slice(0, 2), 15), pick(odd.slice(2), 3)).chain((parts) => fc.shuffledSubarray(parts.flat(), { minLength: parts.flat().length }));
}

/** An object with the keys keysOf gives, valued from `fields` (odd keys from `extras`). */
function entity(fields: Record<string, fc.Arbitrary<unknown>>, required: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return keysOf(required, Object.keys(fields).filter((k) => !required.includes(k))).chain((chosen) =>
    fc.tuple(...chosen.map((k) => (Object.hasOwn(fields, k) ? fields[k] : extras))).map((values) => {
      // JSON.parse, so that "__proto__" is an own field as a parser gives it.
      const text = `{${chosen.map((k, i) => `${JSON.stringify(k)}:${values[i] === undefined || Number.isNaN(values[i]) || values[i] === Infinity || Object.is(values[i], -0) ? "0" : JSON.stringify(values[i])}`).join(",")}}`;
      const o = JSON.parse(text) as Record<string, unknown>;
      // Values JSON cannot carry, put back as they were.
      chosen.forEach((k, i) => {
        const v = values[i];
        if (k !== "__proto__" && (Number.isNaN(v) || v === Infinity || Object.is(v, -0))) o[k] = v;
      });
      return o;
    }),
  );
}

const server = entity(
  {
    id: ids,
    site: ids,
    kind: mostly(["physical", "virtual", "storage", "network", "appliance"], ["vm", 3]),
    hostedOn: ids,
    cpuCores: counts,
    memoryGiB: numbers,
    storageGiB: numbers,
    usage: fc.oneof(
      { weight: 6, arbitrary: fc.record({ storageUsedPct: percents, cpuPct: percents, memoryPct: percents, "x-a": extras }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({ bogus: 1 }, [], null, "x", { cpuPct: -0 }) },
    ),
    powerWatts: numbers,
    rackUnits: counts,
    model: mostly(["R740", ""], [5]),
    purchased: dates,
    supportEnds: dates,
    os: mostly([{ name: "Ubuntu", version: 22.04 }, { version: "2019", name: "Windows" }, { name: "x", endOfSupport: "2030-01-31", version: 7 }, { name: "x", "x-k": "v" }, { name: "x" }], [{ name: "" }, { version: 1 }, { name: "x", endOfSupport: "2024-13-01" }, { name: "x", "x-k": [1] }, { name: "x", version: true }, "Ubuntu"]),
    owner: ids,
    tags: mostly([["a"], [], ["a", "b"]], [[1], "a"]),
    vmName: names,
  },
  ["id", "site", "kind"],
);

const dependency = mostly(
  [{ target: "a", coupling: "tight" }, { coupling: "loose", target: "b-1", port: 443, protocol: "tcp" }, { target: "a", coupling: "loose", "x-why": "batch" }, { target: "a", coupling: "tight", port: 65535, protocol: "udp" }],
  [{ target: "a", coupling: "tight", port: 0 }, { target: "a", coupling: "tight", port: 65536 }, { target: "a", coupling: "soft" }, { target: "A", coupling: "tight" }, { target: "a" }, { target: "a", coupling: "loose", protocol: "icmp" }, { target: "a", coupling: "loose", extra: 1 }, "a"],
);
const system = entity(
  {
    id: ids,
    name: names,
    owner: ids,
    function: ids,
    securityLevel: mostly([1, 3, 5], [0, 6, 2.5, "3"]),
    servers: mostly([["a"], [], ["a", "b-2"]], [["A"], "a", [1]]),
    dependsOn: fc.array(dependency, { maxLength: 3 }),
    users: counts,
    dataGiB: numbers,
    rpoHours: numbers,
    rtoHours: numbers,
    containerReady: mostly([true, false], ["yes", 1]),
    lifecycle: mostly(["active", "legacy", "retiring"], ["old"]),
    disposition: mostly(["retain", "rehost", "replatform", "relocate", "consolidate", "retire"], ["keep"]),
    consolidateInto: ids,
  },
  ["id", "name", "owner", "function", "securityLevel", "servers"],
);

describe("the fast path past zod for servers and systems", () => {
  it("checks ids by hand exactly as the id pattern does", () => {
    const idChar = fc.constantFrom(..."az09-_A.Zé ".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.array(idChar, { maxLength: 70 }).map((cs) => cs.join(""))), (s) => {
        expect(isIdText(s)).toBe(ID_PATTERN.test(s));
      }),
      { numRuns: 5000, seed: 20261130 },
    );
    for (const s of ["a", "a".repeat(63), "a".repeat(64), "-a", "a-", "a-b", "0", "", "a--b", "A"]) expect(isIdText(s)).toBe(ID_PATTERN.test(s));
  });

  it("gives exactly zod's output for every entry it takes, and leaves the rest to zod", () => {
    let taken = 0;
    fc.assert(
      fc.property(server, (raw) => {
        if (expectSameAsZod(raw, plainServer(raw), Server)) taken++;
      }),
      { numRuns: 4000, seed: 20261130 },
    );
    fc.assert(
      fc.property(system, (raw) => {
        if (expectSameAsZod(raw, plainSystem(raw), System)) taken++;
      }),
      { numRuns: 4000, seed: 20261130 },
    );
    // Not vacuous: a fair share of the random entries were taken (and the rest left to zod).
    expect(taken).toBeGreaterThan(500);
    expect(taken).toBeLessThan(7200);
  });

  it("takes every server and system of a generated inventory, and the sample's valid ones as zod outputs them", () => {
    const inventory = generateInventory({ seed: 7, servers: 3_000, asOf: "2026-11-22" });
    for (const s of inventory.servers) expect(expectSameAsZod(s, plainServer(s), Server)).toBe(true);
    for (const s of inventory.systems) expect(expectSameAsZod(s, plainSystem(s), System)).toBe(true);
    const sample = loadInventorySync(SAMPLE, { asOf: "2026-11-23", locateWarnings: false }).inventory;
    let taken = 0;
    for (const s of sample.servers) if (expectSameAsZod(s, plainServer(s), Server)) taken++;
    for (const s of sample.systems) if (expectSameAsZod(s, plainSystem(s), System)) taken++;
    expect(taken).toBeGreaterThan((sample.servers.length + sample.systems.length) / 2);
  });
});
