import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../bench/generate.js";
import { writeInventoryYaml } from "../../bench/write.js";
import { InventoryError } from "../../common/errors.js";
import { type LoadedInventory, loadInventorySync } from "../../inventory/load.js";
import { claimReadAhead, dropReadAhead, lastReadAheadCounts, PARALLEL_MIN_BYTES, prefetchReadAhead, workerShare } from "../../inventory/parallel-read.js";
import { tempDir, writeTree } from "../fixtures.js";

const SAMPLE = join(__dirname, "..", "..", "inventory", "sample");

/** What a load gives, comparable across runs: the inventory, its warnings and origins, or every error line. */
function outcome(dir: string, readAhead: "always" | "never", quiet = false): { loaded?: Omit<LoadedInventory, "index" | "origins"> & { origins: unknown[] }; errors?: string[] } {
  try {
    // quiet: as `dcplan plan` loads (no warnings): the worker then hands back no texts, and a file with an error is read again to place it.
    const { index: _index, origins, ...rest } = loadInventorySync(dir, { asOf: "2026-11-22", readAhead, ...(quiet ? { warnings: false, locateWarnings: false } : {}) });
    return { loaded: { ...rest, origins: [...origins] } };
  } catch (err) {
    expect(err).toBeInstanceOf(InventoryError);
    return { errors: (err as InventoryError).lines() };
  }
}

/** Loads `dir` on one thread and with the worker reading its last files, with warnings and without (no texts handed back); each pair must give the same. */
function sameBothWays(dir: string): ReturnType<typeof outcome> {
  for (const quiet of [true, false]) {
    const alone = outcome(dir, "never", quiet);
    const ahead = outcome(dir, "always", quiet);
    expect(ahead).toEqual(alone);
    // Same values, and the same keys in the same order (JSON is what the plan is made of).
    expect(JSON.stringify(ahead)).toBe(JSON.stringify(alone));
  }
  return outcome(dir, "never");
}

describe("reading the last files on a second thread", () => {
  it("takes the last files, about half the bytes, only from a large inventory on two cores", () => {
    const files = ["a", "b", "c", "d"];
    const big = PARALLEL_MIN_BYTES / 2;
    expect(workerShare(files, [big, big, big, big], 2)).toEqual(["c", "d"]);
    expect(workerShare(files, [big, big, big, big], 1)).toEqual([]);
    expect(workerShare(files, [1, 1, 1, 1], 2)).toEqual([]);
    expect(workerShare(files, [1, 1, 1, 1], 1, true)).toEqual(["c", "d"]);
    expect(workerShare(["a"], [big * 4], 2, true)).toEqual([]);
  });

  it("loads the sample the same way, the worker reading the last files itself", () => {
    expect(sameBothWays(SAMPLE).loaded?.inventory.systems.length).toBeGreaterThan(0);
    const counts = lastReadAheadCounts();
    expect(counts.given).toBeGreaterThan(0);
    expect(counts.read).toBe(counts.given);
  });

  it("can be started before the inventory is loaded (a command still loading its modules), and is used only for that inventory", () => {
    const dir = tempDir();
    writeInventoryYaml(generateInventory({ seed: 7, servers: 2_000, asOf: "2026-11-22" }), dir);
    const alone = outcome(dir, "never");
    prefetchReadAhead(dir, "always");
    const early = loadInventorySync(dir, { asOf: "2026-11-22" });
    expect(lastReadAheadCounts()).toMatchObject({ early: true });
    expect(lastReadAheadCounts().read).toBe(lastReadAheadCounts().given);
    const { index: _index, origins, ...rest } = early;
    expect(JSON.stringify({ loaded: { ...rest, origins: [...origins] } })).toBe(JSON.stringify(alone));
    // Started for another directory: stopped, and this one read as ever.
    prefetchReadAhead(SAMPLE, "always");
    expect(lastReadAheadCounts().early).toBe(false);
    expect(loadInventorySync(dir, { asOf: "2026-11-22", readAhead: "never" }).inventory.servers.length).toBe(2_000);
    expect(claimReadAhead(SAMPLE, [])).toBeUndefined();
    // Nothing claimed it: dropped.
    prefetchReadAhead(dir, "always");
    dropReadAhead();
    expect(claimReadAhead(dir, [])).toBeUndefined();
  });

  it("loads a generated inventory of many files the same way", () => {
    const dir = tempDir();
    writeInventoryYaml(generateInventory({ seed: 7, servers: 2_000, asOf: "2026-11-22" }), dir);
    expect(sameBothWays(dir).loaded?.inventory.servers.length).toBe(2_000);
    // Without texts (as `dcplan plan` loads) the worker still reads every file it was given.
    outcome(dir, "always", true);
    expect(lastReadAheadCounts().given).toBeGreaterThan(0);
    expect(lastReadAheadCounts().read).toBe(lastReadAheadCounts().given);
  });

  it("reports the same problems, in the same order, when the worker's files hold them", () => {
    const site = "sites:\n  - { id: dc-bn, name: Bắc Ninh, kind: datacenter }\n";
    const dir = writeTree({
      "a.yaml": `${site}agencies:\n  - { id: so-a, name: Sở A, kind: department }\nservers:\n  - { id: host-1, site: dc-bn, kind: physical, cpuCores: 8, memoryGiB: 64 }\n`,
      // Worker's share: an invalid entry, a duplicate id, an unknown top-level key, a flow list, a file
      // outside the fast reader's subset (an anchor) and -0, which JSON would not carry.
      "m.yaml": "servers:\n  - { id: host-1, site: dc-bn, kind: physical, cpuCores: 8, memoryGiB: 64 }\n  - id: vm-2\n    site: dc-bn\n    kind: virtual\n    cpuCores: many\nserverz:\n  - id: x\n",
      "n.yaml": "systems: [{ id: s-1, name: Một, owner: so-a, function: sso, securityLevel: 9, servers: [host-1] }]\n",
      "o.yaml": "x-defaults: &d { site: dc-bn, kind: physical, cpuCores: 4, memoryGiB: 8 }\nservers:\n  - { id: host-3, site: dc-bn, kind: physical, cpuCores: 4, memoryGiB: 8 }\n",
      "p.yaml": "servers:\n  - { id: host-4, site: dc-bn, kind: physical, cpuCores: 4, memoryGiB: 8, usage: { cpuPct: -0 } }\n",
    });
    writeFileSync(join(dir, "q.yaml"), Buffer.from([0x73, 0x65, 0x72, 0x76, 0x65, 0x72, 0x73, 0x3a, 0x20, 0xe9, 0x0a]));
    const errors = sameBothWays(dir).errors ?? [];
    expect(errors.some((l) => /m\.yaml:\d+:\d+: .*cpuCores/.test(l))).toBe(true);
    expect(errors.some((l) => /host-1/.test(l) && /also defined|defined twice|duplicate/i.test(l))).toBe(true);
    expect(errors.some((l) => /serverz/.test(l))).toBe(true);
    expect(errors.some((l) => /n\.yaml:\d+:\d+: .*securityLevel/.test(l))).toBe(true);
    expect(errors.some((l) => /q\.yaml/.test(l))).toBe(true);
  });

  it("keeps values JSON would not carry exactly (-0): the worker hands such a file back unread", () => {
    const dir = writeTree({
      "a.yaml": "sites:\n  - { id: dc-bn, name: Bắc Ninh, kind: datacenter }\n",
      "b.yaml": "servers:\n  - id: host-4\n    site: dc-bn\n    kind: physical\n    cpuCores: 4\n    memoryGiB: 8\n    usage:\n      cpuPct: -0\n",
    });
    const alone = loadInventorySync(dir, { asOf: "2026-11-22", readAhead: "never" });
    const ahead = loadInventorySync(dir, { asOf: "2026-11-22", readAhead: "always" });
    expect(Object.is(ahead.inventory.servers[0].usage?.cpuPct, alone.inventory.servers[0].usage?.cpuPct)).toBe(true);
    expect(lastReadAheadCounts()).toEqual({ given: 1, read: Object.is(alone.inventory.servers[0].usage?.cpuPct, -0) ? 0 : 1, early: false });
  });
});
