// `dcplan plan --prices FILE` through run([...], io) and as a real process.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../../planner/cli/paths.js";
import { run } from "../../../planner/cli/main.js";
import { Plan } from "../../../planner/plan-schema.js";
import { captureIo, writeInventory, writeTree } from "../../fixtures.js";
import { inventoryOf, sys } from "../fixtures.js";
import { fullBook } from "./fixtures.js";

const ROOT = packageRoot();
const SAMPLE_PRICES = join(ROOT, "planner", "sample", "prices.yaml");
const SAMPLE_PROFILE = join(ROOT, "planner", "sample", "profile.yaml");
const inventoryDir = writeInventory(inventoryOf([sys("app", []), sys("web", [], { containerReady: true })]));

describe("dcplan plan --prices", () => {
  it("adds the cost to the plan and a cost line to standard error; without --prices the plan has none", async () => {
    const book = writeTree({ "prices.yaml": stringify(fullBook()) });
    const io = captureIo();
    expect(await run(["plan", "--inventory", inventoryDir, "--as-of", "2026-11-22", "--prices", join(book, "prices.yaml")], io)).toBe(0);
    const plan = Plan.parse(JSON.parse(io.out));
    expect(plan.cost?.currency).toBe("VND");
    expect(plan.cost!.total.capex).toBeGreaterThan(0);
    expect(io.err.split("\n")[1]).toMatch(/^dcplan plan: cost 2026–2030 \(VND\): capex [\d,]+, opex [\d,]+, savings [\d,]+, net -?[\d,]+; /);
    const plain = captureIo();
    await run(["plan", "--inventory", inventoryDir, "--as-of", "2026-11-22"], plain);
    expect(JSON.parse(plain.out).cost).toBeUndefined();
    expect(plain.err.split("\n")).toHaveLength(2);
  });

  it("writes the same bytes twice for the sample with its illustrative price book", async () => {
    const outs = [];
    for (let i = 0; i < 2; i++) {
      const io = captureIo();
      expect(await run(["plan", "--profile", SAMPLE_PROFILE, "--prices", SAMPLE_PRICES, "--as-of", "2026-11-30"], io)).toBe(0);
      outs.push(io.out);
    }
    expect(outs[1]).toBe(outs[0]);
    expect(outs[0]).toContain('"cost": {\n    "currency": "VND",');
  });

  it("exits 2 on a bad price book, every problem located, and writes nothing", async () => {
    const dir = writeTree({ "prices.yaml": "currency: EUR\nelectricity: { amount: -2300, unit: kWh, quoted: 2026-09-01 }\n" });
    const out = join(dir, "plan.json");
    const io = captureIo();
    expect(await run(["plan", "--inventory", inventoryDir, "--as-of", "2026-11-22", "--prices", join(dir, "prices.yaml"), "--out", out], io)).toBe(2);
    expect(io.err.replaceAll(`${dir}/`, "")).toMatchInlineSnapshot(`
      "prices.yaml:1:11: currency: must be VND (every amount is in đồng), got "EUR"
      prices.yaml:2:24: electricity.amount: must be ≥ 0 (a price cannot be negative)
      prices.yaml:2:37: electricity.unit: unknown unit "kWh": this price is quoted per kwh
      "
    `);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 naming each price the plan needs and the book lacks, once, with where it is needed", async () => {
    const { labour, ...rest } = fullBook();
    const dir = writeTree({ "prices.yaml": stringify({ ...rest, labour: { cutoverWindow: labour!.cutoverWindow } }) });
    const io = captureIo();
    expect(await run(["plan", "--inventory", inventoryDir, "--as-of", "2026-11-22", "--prices", join(dir, "prices.yaml")], io)).toBe(2);
    expect(io.err.replaceAll(`${dir}/`, "")).toMatchInlineSnapshot(`
      "prices.yaml:66:1: labour.rehost: no price for moving a system as it is (engineer-days × day rate per system); the plan needs it for app
      prices.yaml:66:1: labour.replatform: no price for moving a system onto the shared platform (engineer-days × day rate per system); the plan needs it for web
      "
    `);
    expect(io.out).toBe("");
  });

  it("as a process: exit 2, one line per missing price, no stack trace; exit 0 and the cost on the sample", () => {
    const dcplan = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "planner/cli/main.ts"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
    const dir = writeTree({ "prices.yaml": "currency: VND\n" });
    const bad = dcplan("plan", "--profile", SAMPLE_PROFILE, "--as-of", "2026-11-30", "--prices", join(dir, "prices.yaml"));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    const lines = bad.stderr.trim().split("\n");
    expect(lines.every((l) => l.startsWith(`${join(dir, "prices.yaml")}:1:1: `))).toBe(true);
    expect(lines.map((l) => l.split(": ")[1]).sort()).toEqual(["electricity", "labour.consolidate", "labour.cutoverWindow", "labour.rehost", "labour.relocate", "labour.replatform", "space"]);
    expect(bad.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    const out = join(dir, "plan.json");
    const ok = dcplan("plan", "--profile", SAMPLE_PROFILE, "--as-of", "2026-11-30", "--prices", SAMPLE_PRICES, "--out", out);
    expect(ok.status).toBe(0);
    expect(Plan.parse(JSON.parse(readFileSync(out, "utf8"))).cost!.byYear.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
});
