// `dcplan import` as a command: its declared choices match the importers', a bad mapping file is
// reported at its lines, an unknown --site is a usage error, and the real process exits 2 with one
// line per problem and no stack trace.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError, InventoryError, UsageError } from "../../../common/errors.js";
import { runImport } from "../../../inventory/import/run.js";
import { SOURCE_KINDS } from "../../../inventory/import/types.js";
import { captureIo } from "../../fixtures.js";
import { IMPORT_SOURCES } from "../../../planner/cli/commands/index.js";
import { generateRvtools, writeRvtoolsWorkbook } from "../../../bench/rvtools-workbook.js";
import { baseInventory, dcplanImport, stripDir, tempFile } from "./helpers.js";

const ROOT = join(__dirname, "..", "..", "..");

describe("dcplan import (command)", () => {
  it("declares the sources the importers read", () => {
    expect([...IMPORT_SOURCES]).toEqual([...SOURCE_KINDS]);
  });

  it("locates every problem of the mapping file", async () => {
    const file = tempFile("vc.xlsx");
    await writeRvtoolsWorkbook(file, generateRvtools(2, 1));
    const map = join(file, "..", "mapping.yaml");
    writeFileSync(map, "sites: { DC-BacNinh: DC_BN }\nowner:\n  - { folder: x, owner: so-yte }\nsystems:\n  - id: a\n    name: A\n    owner: so-yte\n    function: f\n    securityLevel: 7\n    match: {}\ntags:\n  - { network: \"/[/\", add: dmz }\n");
    const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-bn", "--map", map, "--out", baseInventory()]);
    expect(r.status).toBe(2);
    expect(stripDir(r.err, join(file, ".."))).toMatchInlineSnapshot(`
      "mapping.yaml:1:22: sites.DC-BacNinh: must be a DNS-1123 label: lowercase letters, digits and '-', 1–63 characters, starting and ending with a letter or digit
      mapping.yaml:2:1: owner: unknown field "owner" (did you mean "owners"?)
      mapping.yaml:9:20: systems[0].securityLevel: must be a security level 1–5
      mapping.yaml:10:5: systems[0].match: needs at least one of name, annotation, cluster, folder, datacenter, network, tag, tenant, role, vcenter to match on
      mapping.yaml:12:16: tags[0].network: is not a valid regular expression: Invalid regular expression: /[/: Unterminated character class
      "
    `);
  });

  it("refuses a --site the inventory does not have", async () => {
    const file = tempFile("vc.xlsx");
    await writeRvtoolsWorkbook(file, generateRvtools(2, 1));
    const inv = baseInventory();
    const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-xx", "--out", inv]);
    expect(r.status).toBe(2);
    expect(stripDir(r.err, inv)).toBe("dcplan: --site dc-xx: no such site in the inventory <dir> (its sites: dc-bn, dc-bg)\n");
  });

  it("throws the error classes the CLI maps to exit 2: ImportError for the source, InventoryError for the result, UsageError for arguments", async () => {
    const file = tempFile("vc.xlsx");
    await writeRvtoolsWorkbook(file, generateRvtools(3, 1), { omit: ["vInfo"] });
    const io = captureIo();
    await expect(runImport({ from: "rvtools", files: [file], site: "dc-bn", out: baseInventory() }, io)).rejects.toBeInstanceOf(ImportError);
    await writeRvtoolsWorkbook(file, generateRvtools(3, 1));
    await expect(runImport({ from: "rvtools", files: [file], site: "dc-xx", out: baseInventory() }, io)).rejects.toBeInstanceOf(UsageError);
    // The import itself is fine, but the inventory it lands in is not: nothing is written.
    const broken = baseInventory({ "bad.yaml": "systems:\n  - { id: s, name: S, owner: nobody, function: f, securityLevel: 2, servers: [] }\n" });
    await expect(runImport({ from: "rvtools", files: [file], site: "dc-bn", out: broken }, io)).rejects.toBeInstanceOf(InventoryError);
    expect((await import("node:fs")).existsSync(join(broken, "rvtools-dc-bn.yaml"))).toBe(false);
  });

  it("exits 2 in the real process with one line per problem and no stack trace", async () => {
    const file = tempFile("not-a-workbook.xlsx");
    writeFileSync(file, "VM,CPUs\nvm1,2\n");
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "planner/cli/main.ts"), "import", file, "--from", "rvtools", "--site", "dc-bn", "--out", baseInventory()], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("not-a-workbook.xlsx: cannot read as an XLSX workbook (not a zip archive); save it as Excel Workbook (.xlsx)");
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });
});
