import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InventoryError } from "../../common/errors.js";
import { listYamlFiles, loadInventory } from "../../inventory/load.js";
import { makeInventory, makeServer, makeSystem, tempDir, writeInventory, writeTree } from "../fixtures.js";

/** The formatted error lines of a failing load, with the temp dir replaced by `INV`. */
async function errorsOf(dir: string): Promise<string[]> {
  try {
    await loadInventory(dir, { asOf: "2026-11-22" });
  } catch (err) {
    expect(err).toBeInstanceOf(InventoryError);
    return (err as InventoryError).lines().map((l) => l.split(dir).join("INV"));
  }
  throw new Error("expected the inventory to be rejected");
}

const SITE = "sites:\n  - id: dc-bn\n    name: Bắc Ninh\n    kind: datacenter\n";

describe("loading a directory", () => {
  it("loads a valid inventory split over files and documents, in path order", async () => {
    const dir = writeTree({
      "b/servers.yaml": "servers:\n  - { id: host-1, site: dc-bn, kind: physical, cpuCores: 8, memoryGiB: 64 }\n---\nservers:\n  - { id: host-2, site: dc-bn, kind: physical, cpuCores: 8, memoryGiB: 64 }\n",
      "a.yml": SITE,
      "notes.txt": "not read",
      "c/d/systems.yaml": "agencies:\n  - { id: so-khcn, name: Sở Khoa học và Công nghệ, kind: department }\nsystems:\n  - { id: sso, name: Đăng nhập tập trung, owner: so-khcn, function: sso, securityLevel: 3, servers: [host-1] }\n",
    });
    const loaded = await loadInventory(dir, { asOf: "2026-11-22" });
    expect(loaded.files.map((f) => f.slice(dir.length + 1))).toEqual(["a.yml", "b/servers.yaml", "c/d/systems.yaml"]);
    expect(loaded.inventory.servers.map((s) => s.id)).toEqual(["host-1", "host-2"]);
    expect(loaded.inventory.systems[0].name).toBe("Đăng nhập tập trung");
  });

  it("skips the rules that only warn when the warnings are not wanted, and still reports every error", async () => {
    const sample = join(__dirname, "..", "..", "inventory", "sample");
    const all = await loadInventory(sample, { asOf: "2026-11-22", locateWarnings: false });
    expect(all.warnings.length).toBeGreaterThan(0);
    const none = await loadInventory(sample, { asOf: "2026-11-22", locateWarnings: false, warnings: false });
    expect(none.warnings).toEqual([]);
    expect(none.inventory).toEqual(all.inventory);
    // An error of a rule that also warns (a dangling reference) still stops the load.
    const dir = writeTree({ "a.yaml": SITE, "b.yaml": "servers:\n  - { id: host-1, site: dc-hn, kind: physical, cpuCores: 8, memoryGiB: 64, supportEnds: 2020-01-01 }\n" });
    await expect(loadInventory(dir, { asOf: "2026-11-22", warnings: false })).rejects.toThrow(InventoryError);
  });

  it("sorts files by path the same way everywhere", () => {
    const dir = writeTree({ "B.yaml": SITE, "a.yaml": "", "a/z.yaml": "", "a-b.yaml": "" });
    expect(listYamlFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(["B.yaml", "a-b.yaml", "a.yaml", "a/z.yaml"]);
  });

  it("rejects a missing directory", async () => {
    expect(await errorsOf(join(tempDir(), "nope"))).toEqual(["INV: inventory directory not found"]);
  });

  it("rejects an empty directory", async () => {
    const dir = tempDir();
    expect(await errorsOf(dir)).toEqual(["INV: no *.yaml or *.yml file in the inventory directory"]);
  });

  it("rejects an inventory without sites", async () => {
    const dir = writeTree({ "a.yaml": "agencies:\n  - { id: so-khcn, name: Sở, kind: department }\n" });
    expect(await errorsOf(dir)).toEqual(["INV: the inventory has no sites (at least one `sites:` entry is required)"]);
  });

  it("reports a .yaml file that is not YAML with its line", async () => {
    const dir = writeTree({ "a.yaml": SITE, "bad.yaml": "servers:\n  - id: x\n    kind: [physical\n" });
    const errors = await errorsOf(dir);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^INV\/bad\.yaml:\d+:\d+: YAML syntax error: /);
  });

  it("rejects a document that is a list instead of a mapping", async () => {
    const dir = writeTree({ "a.yaml": SITE, "b.yaml": "- id: dc-bg\n  name: Bắc Giang\n" });
    expect(await errorsOf(dir)).toEqual(["INV/b.yaml:1:1: document 1 is a list; each document must be a mapping with any of the keys sites, agencies, servers, systems, externals"]);
  });

  it("rejects a duplicate key in a mapping, with its line", async () => {
    const dir = writeTree({ "a.yaml": "sites:\n  - id: dc-bn\n    name: Bắc Ninh\n    kind: datacenter\n    name: Bắc Ninh 2\n" });
    const errors = await errorsOf(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^INV\/a\.yaml:5:5: duplicate key in a mapping/);
  });

  it("rejects unknown top-level keys and suggests the right one, keeps x- keys", async () => {
    const dir = writeTree({ "a.yaml": `${SITE}x-owner: Sở KHCN\nserver:\n  - id: h\n` });
    expect(await errorsOf(dir)).toEqual(['INV/a.yaml:6:1: unknown top-level key "server" (did you mean "servers"?); expected sites, agencies, servers, systems, externals']);
  });

  it("points an unknown field at its key, not its value", async () => {
    const dir = writeTree({ "a.yaml": `${SITE}    racksInstalled: 12\n` });
    expect(await errorsOf(dir)).toEqual(['INV/a.yaml:5:5: dc-bn racksInstalled: unknown field "racksInstalled"']);
  });

  it("rejects a top-level key that is not a list", async () => {
    const dir = writeTree({ "a.yaml": `${SITE}servers:\n  id: h\n` });
    expect(await errorsOf(dir)).toEqual(['INV/a.yaml:5:1: "servers" must be a list of servers']);
  });

  it("accepts empty documents and files with only comments", async () => {
    const dir = writeTree({ "a.yaml": SITE, "b.yaml": "# nothing yet\n", "c.yaml": "---\n---\n" });
    expect((await loadInventory(dir)).inventory.sites).toHaveLength(1);
  });

  it("gives the right line for the only error near the end of a 5 MB file", async () => {
    const lines = [SITE.trimEnd(), "servers:"];
    let i = 0;
    while (lines.reduce((n, l) => n + l.length + 1, 0) < 5_000_000) {
      lines.push(`  - id: host-${i}\n    site: dc-bn\n    kind: physical\n    cpuCores: 32\n    memoryGiB: 256\n    model: Dell PowerEdge R740`);
      i++;
    }
    lines.push("  - id: host-last\n    site: dc-bn\n    kind: physical\n    cpuCores: 32\n    memoryGiB: -4");
    const text = `${lines.join("\n")}\n`;
    const dir = tempDir();
    writeFileSync(join(dir, "big.yaml"), text);
    const expectedLine = text.split("\n").length - 1; // the last line holds memoryGiB
    expect(await errorsOf(dir)).toEqual([`INV/big.yaml:${expectedLine}:16: host-last memoryGiB: must be > 0 (got -4)`]);
  });

  it("reports every problem of every file in one run", async () => {
    const dir = writeTree({
      "a.yaml": SITE,
      "b.yaml": "servers:\n  - { id: h1, site: dc-bn, kind: physical, cpuCores: 0, memoryGiB: 8 }\n  - { id: h2, site: dc-xx, kind: physical, cpuCores: 4, memoryGiB: 8 }\n",
      "c.yaml": "systems:\n  - { id: s1, name: S, owner: nobody, function: sso, securityLevel: 9, servers: [h1] }\n",
    });
    expect(await errorsOf(dir)).toMatchInlineSnapshot(`
      [
        "INV/b.yaml:2:54: h1 cpuCores: must be > 0 (got 0)",
        "INV/b.yaml:3:21: h2 site: site "dc-xx" does not exist (expected the id of a site)",
        "INV/c.yaml:2:31: s1 owner: owner "nobody" does not exist (expected the id of an agency)",
        "INV/c.yaml:2:69: s1 securityLevel: must be a security level 1–5 (got 9)",
      ]
    `);
  });

  it("names an entity without a valid id by its position", async () => {
    const dir = writeTree({ "a.yaml": `${SITE}agencies:\n  - { name: Sở Y tế, kind: department }\n` });
    expect(await errorsOf(dir)).toEqual(["INV/a.yaml:6:5: agency #1 id: is required"]);
  });

  it("rejects a missing required field at the entity", async () => {
    const dir = writeTree({ "a.yaml": "sites:\n  - id: dc-bn\n    kind: datacenter\n" });
    expect(await errorsOf(dir)).toEqual(["INV/a.yaml:2:5: dc-bn name: is required"]);
  });

  it("rejects wrong types", async () => {
    const dir = writeTree({ "a.yaml": `${SITE}servers:\n  - { id: h1, site: dc-bn, kind: physical, cpuCores: "eight", memoryGiB: 8, tags: prod }\n` });
    expect(await errorsOf(dir)).toEqual(['INV/a.yaml:6:54: h1 cpuCores: must be a whole number (got "eight")', 'INV/a.yaml:6:83: h1 tags: must be a list of strings (got "prod")']);
  });

  it("reads a file the fast reader gives up on halfway with js-yaml, each entity once", async () => {
    const servers = "servers:\n  - { id: h1, site: dc-bn, kind: physical, cpuCores: 8, memoryGiB: 64 }\n  - { id: h2, site: dc-bn, kind: physical, cpuCores: 0, memoryGiB: 64 }\n";
    const dir = writeTree({ "a.yaml": `${SITE}${servers}x-note: |\n  a block scalar: outside the fast reader's subset\n` });
    expect(await errorsOf(dir)).toEqual(["INV/a.yaml:7:54: h2 cpuCores: must be > 0 (got 0)"]);
    const ok = writeTree({ "a.yaml": `${SITE}${servers.replace("cpuCores: 0", "cpuCores: 4")}x-note: |\n  text\n` });
    expect((await loadInventory(ok, { asOf: "2026-11-22" })).inventory.servers.map((x) => x.id)).toEqual(["h1", "h2"]);
  });

  it("loads the round trip of a fixture inventory", async () => {
    const inv = makeInventory({ servers: [makeServer(), makeServer({ kind: "virtual" })], systems: [makeSystem()] });
    const loaded = await loadInventory(writeInventory(inv));
    expect(loaded.inventory).toEqual(inv);
  });
});
