import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { PriceBookError } from "../../../common/errors.js";
import { loadPriceBook } from "../../../planner/cost/index.js";
import { packageRoot } from "../../../planner/cli/paths.js";
import { writeTree } from "../../fixtures.js";
import { fullBook } from "./fixtures.js";

/** Writes `yaml` as prices.yaml and returns the PriceBookError lines (file name only). */
function errorsOf(yaml: string): string[] {
  const dir = writeTree({ "prices.yaml": yaml });
  try {
    loadPriceBook(join(dir, "prices.yaml"));
  } catch (err) {
    expect(err).toBeInstanceOf(PriceBookError);
    return (err as PriceBookError).lines().map((l) => l.replace(`${dir}/`, ""));
  }
  throw new Error("expected a PriceBookError");
}

describe("price book", () => {
  it("loads the sample's illustrative book, which says it is illustrative", () => {
    const loaded = loadPriceBook(join(packageRoot(), "planner", "sample", "prices.yaml"));
    expect(loaded.book.currency).toBe("VND");
    expect(loaded.book.note).toMatch(/minh họa/);
    expect(loaded.book.hardware?.server?.amount).toBeGreaterThan(0);
  });

  it("loads a complete book written by the fixture builder", () => {
    const dir = writeTree({ "prices.yaml": stringify(fullBook()) });
    expect(loadPriceBook(join(dir, "prices.yaml")).book).toEqual(fullBook());
  });

  it("rejects a negative price, an unknown unit and a missing currency, each located", () => {
    expect(errorsOf("hardware:\n  storage: { amount: -5, unit: tib, quoted: 2026-10-15 }\nelectricity: { amount: 2300, unit: mwh, quoted: 2026-09-01 }\n")).toMatchInlineSnapshot(`
      [
        "prices.yaml:1:1: currency: is required: VND (every amount in the price book is in đồng)",
        "prices.yaml:2:22: hardware.storage.amount: must be ≥ 0 (a price cannot be negative)",
        "prices.yaml:3:36: electricity.unit: unknown unit "mwh": this price is quoted per kwh",
      ]
    `);
  });

  it("rejects another currency, a fractional đồng, a date that does not exist and a missing unit", () => {
    expect(errorsOf("currency: USD\nelectricity: { amount: 0.1, quoted: 2026-02-30 }\nspace: { amount: 1, unit: u-year, quoted: 2026-01-01 }\n")).toMatchInlineSnapshot(`
      [
        "prices.yaml:1:11: currency: must be VND (every amount is in đồng), got "USD"",
        "prices.yaml:2:1: electricity.unit: is required: the unit this price is quoted per (kwh)",
        "prices.yaml:2:24: electricity.amount: must be a whole number of đồng",
        "prices.yaml:2:37: electricity.quoted: must be a real calendar date YYYY-MM-DD",
        "prices.yaml:3:27: space.unit: unknown unit "u-year": this price is quoted per one of rack-year, rack-unit-year",
      ]
    `);
  });

  it("rejects an unknown field with a suggestion, a bad licence id and a price per server without its date", () => {
    expect(
      errorsOf(
        "currency: VND\nelectrcity: { amount: 1, unit: kwh, quoted: 2026-01-01 }\nlicences:\n  Bad_Id: { platform: x, amount: 1, unit: core-year, quoted: 2026-01-01 }\nhardware:\n  server: { model: m, cpuCores: 8, memoryGiB: 64, powerWatts: 300, rackUnits: 1, warrantyYears: 3, amount: 5, unit: server }\n",
      ),
    ).toMatchInlineSnapshot(`
      [
        "prices.yaml:2:1: electrcity: unknown field "electrcity" (did you mean "electricity"?)",
        "prices.yaml:4:3: licences.Bad_Id: "Bad_Id" is not a valid id: must be a DNS-1123 label: lowercase letters, digits and '-', 1–63 characters, starting and ending with a letter or digit",
        "prices.yaml:6:3: hardware.server.quoted: is required with amount: the date the price was quoted",
      ]
    `);
  });

  it("rejects a labour entry without engineer-days and a YAML syntax error", () => {
    expect(errorsOf("currency: VND\nlabour:\n  rehost: { dayRate: 1500000, unit: system, quoted: 2026-01-01 }\n")).toMatchInlineSnapshot(`
      [
        "prices.yaml:3:3: labour.rehost.engineerDays: is required: engineer-days per unit of work",
      ]
    `);
    expect(errorsOf("currency: VND\ncurrency: VND\n")).toMatchInlineSnapshot(`
      [
        "prices.yaml:2:1: duplicate key in a mapping: the same key appears twice",
      ]
    `);
    expect(errorsOf("- a\n- b\n")).toMatchInlineSnapshot(`
      [
        "prices.yaml:1:1: a price book must be a mapping (currency, hardware, electricity, labour…)",
      ]
    `);
  });
});
