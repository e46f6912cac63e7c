import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { VERSION } from "../../common/version.js";
import { captureIo, makeInventory, makeServer, makeSite, makeSystem, tempDir, writeInventory, writeTree } from "../fixtures.js";

describe("dcplan validate", () => {
  it("prints the summary of a valid inventory and exits 0", async () => {
    const inv = makeInventory({
      sites: [makeSite(), makeSite({ id: "dc-bg", name: "Bắc Giang" })],
      servers: [makeServer({ supportEnds: "2024-01-01" }), makeServer({ kind: "virtual" }), makeServer({ id: "host-2", site: "dc-bg" }), makeServer({ kind: "storage" })],
      systems: [makeSystem(), makeSystem({ id: "qlvb-bg", servers: ["host-2"], securityLevel: 2 })],
    });
    const dir = writeInventory(inv);
    const io = captureIo();
    expect(await run(["validate", "--inventory", dir], io)).toBe(0);
    const out = io.out.split(dir).join("INV");
    expect(out).toMatchInlineSnapshot(`
      "Inventory INV: 1 file, valid.
        2 sites, 1 agencies, 4 servers, 2 systems, 1 externals, 0 dependencies

        site   physical  virtual  storage  network  appliance  servers  systems
        dc-bg         1        0        0        0          0        1        1
        dc-bn         1        1        1        0          0        3        1

      Systems by security level (cấp độ): level 1: 0, level 2: 1, level 3: 1, level 4: 0, level 5: 0

      Consolidation candidates (same function at different sites): 1
        document-management: qlvb-bg (dc-bg), qlvb-bn (dc-bn)

      Warnings: 1
        support-ended: 1
        INV/inventory.yaml:33:18: warning: host-1 supportEnds: vendor support ended on 2024-01-01
      "
    `);
    expect(io.err).toBe("");
  });

  it("prints every error, one per line, on stderr and exits 2 without a stack trace", async () => {
    const dir = writeTree({ "a.yaml": "sites:\n  - { id: dc-bn, name: Bắc Ninh, kind: datacenter, pue: 0.5 }\nservers:\n  - { id: h1, site: dc-bg, kind: physical, cpuCores: 2, memoryGiB: 4 }\n" });
    const io = captureIo();
    expect(await run(["validate", "--inventory", dir], io)).toBe(2);
    expect(io.err.split(dir).join("INV")).toMatchInlineSnapshot(`
      "INV/a.yaml:2:57: dc-bn pue: must be ≥ 1 (got 0.5)
      INV/a.yaml:4:21: h1 site: site "dc-bg" does not exist (expected the id of a site)
      "
    `);
    expect(io.out).toBe("");
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it("lists the first warnings of each rule, all with --warnings all, none with --warnings none", async () => {
    const hosts = Array.from({ length: 7 }, (_, i) => makeServer({ id: `host-${i + 1}`, supportEnds: "2020-01-01" }));
    const dir = writeInventory(makeInventory({ servers: [...hosts, makeServer({ kind: "virtual" })] }));
    const lines = async (mode: string) => {
      const io = captureIo();
      expect(await run(["validate", "--inventory", dir, "--warnings", mode], io)).toBe(0);
      return io.out.split("\n").filter((l) => l.includes("warning: ") || l.includes("more (--warnings all"));
    };
    const some = await lines("some");
    expect(some).toHaveLength(6);
    expect(some[0]).toMatch(/inventory\.yaml:\d+:\d+: warning: host-1 supportEnds: vendor support ended on 2020-01-01$/);
    expect(some[5]).toBe("  … and 2 more (--warnings all lists them)");
    expect(await lines("all")).toHaveLength(7);
    expect(await lines("none")).toHaveLength(0);
  });

  it("rejects a bad --as-of with exit 2", async () => {
    const io = captureIo();
    expect(await run(["validate", "--inventory", tempDir(), "--as-of", "2026-02-30"], io)).toBe(2);
    expect(io.err).toBe('dcplan: --as-of must be a real date YYYY-MM-DD, got "2026-02-30"\n');
  });

  it("rejects an unknown command or option with exit 2", async () => {
    const io = captureIo();
    expect(await run(["validat"], io)).toBe(2);
    expect(await run(["validate", "--inventroy", "x"], io)).toBe(2);
    expect(io.err).toContain("unknown option '--inventroy'");
  });

  it("shows an example in --help and the version with --version", async () => {
    const io = captureIo();
    expect(await run(["validate", "--help"], io)).toBe(0);
    expect(io.out).toContain("$ dcplan validate --inventory inventory/sample");
    expect(await run(["--version"], io)).toBe(0);
    expect(io.out).toContain(VERSION);
  });

  it("keeps the version in step with package.json", () => {
    expect(JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")).version).toBe(VERSION);
  });
});

describe("dcplan graph", () => {
  const inv = makeInventory({ systems: [makeSystem({ dependsOn: [{ target: "ndxp", coupling: "loose", port: 443 }] })] });
  it("renders mermaid around a focus", async () => {
    const io = captureIo();
    expect(await run(["graph", "--inventory", writeInventory(inv), "--format", "mermaid", "--focus", "qlvb-bn", "--depth", "1"], io)).toBe(0);
    expect(io.out.split("\n")[0]).toBe("flowchart LR");
    expect(io.out).toContain('n_qlvb_bn -.->|"loose 443/tcp"| n_ndxp');
    expect(io.out).not.toContain("n_dc_bn[");
  });
  it("writes JSON to --out atomically", async () => {
    const out = join(tempDir(), "g", "graph.json");
    expect(await run(["graph", "--inventory", writeInventory(inv), "--out", out], captureIo())).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).nodes).toHaveLength(6);
  });
  it("rejects an unknown focus, format or depth with exit 2", async () => {
    const dir = writeInventory(inv);
    const io = captureIo();
    expect(await run(["graph", "--inventory", dir, "--focus", "nope"], io)).toBe(2);
    expect(await run(["graph", "--inventory", dir, "--format", "svg"], io)).toBe(2);
    expect(await run(["graph", "--inventory", dir, "--depth", "-1"], io)).toBe(2);
    expect(io.err.split(dir).join("INV")).toMatchInlineSnapshot(`
      "dcplan: --focus "nope" is not an id in the inventory INV
      dcplan: --format must be one of json, dot, mermaid, got "svg"
      dcplan: --depth must be a whole number ≥ 0, got "-1"
      "
    `);
  });
});
