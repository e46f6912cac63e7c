// Property tests over generated valid inventories: they load after a round trip through YAML, the
// graph has the nodes and edges the inventory implies, move groups partition the systems along
// tight dependencies and shared servers, and the condensation is a consistent DAG.
import { readFileSync, rmSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { hasCycle } from "graphology-dag";
import jsYaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { generateInventory } from "../../bench/generate.js";
import { documentYaml, writeInventoryJson, writeInventoryYaml } from "../../bench/write.js";
import { buildGraph, type EdgeKind } from "../../inventory/graph.js";
import { loadInventorySync } from "../../inventory/load.js";
import { indexInventory } from "../../inventory/model.js";
import { condensation, moveGroups, stronglyConnectedComponents } from "../../inventory/queries/index.js";
import type { Inventory } from "../../inventory/schema.js";
import { tempDir } from "../fixtures.js";
import { generatorOptions, validInventory } from "../generators/inventory-arbitrary.js";

const AS_OF = "2026-11-22";
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function writeTemp(inventory: Inventory, files?: number): { dir: string; files: string[] } {
  const dir = tempDir("dcplan-prop-");
  dirs.push(dir);
  return { dir, files: writeInventoryYaml(inventory, dir, { files }).files };
}

/** Systems joined by tight system-to-system dependencies or a shared server: an independent union-find. */
function expectedGroups(inv: Inventory): string[][] {
  const parent = new Map(inv.systems.map((s) => [s.id, s.id]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const join = (a: string, b: string): void => {
    parent.set(find(a), find(b));
  };
  const onServer = new Map<string, string>();
  for (const sys of inv.systems) {
    for (const d of sys.dependsOn ?? []) if (d.coupling === "tight" && parent.has(d.target)) join(sys.id, d.target);
    for (const sid of sys.servers) {
      const other = onServer.get(sid);
      if (other) join(sys.id, other);
      else onServer.set(sid, sys.id);
    }
  }
  const groups = new Map<string, string[]>();
  for (const s of inv.systems) groups.set(find(s.id), [...(groups.get(find(s.id)) ?? []), s.id]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe("generated inventories", () => {
  it("load with zero errors after being written as YAML, and read back equal", () => {
    fc.assert(
      fc.property(validInventory(), fc.integer({ min: 2, max: 5 }), (inv, files) => {
        const { dir } = writeTemp(inv, files);
        const loaded = loadInventorySync(dir, { asOf: AS_OF, locateWarnings: false });
        expect(loaded.inventory).toEqual(inv);
        expect(loaded.warnings.every((w) => w.severity === "warning")).toBe(true);
      }),
      { numRuns: 50, seed: 20261122 },
    );
  });

  it("are written as YAML that js-yaml (core schema) and `yaml` parse identically", () => {
    fc.assert(
      fc.property(validInventory(), (inv) => {
        for (const file of writeTemp(inv, 3).files) {
          const text = readFileSync(file, "utf8");
          const viaJsYaml = jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA });
          const docs = parseAllDocuments(text, { uniqueKeys: true });
          const viaYaml = (Array.isArray(docs) ? docs : []).map((d) => {
            expect(d.errors).toEqual([]);
            return d.toJS();
          });
          expect(viaYaml).toEqual(viaJsYaml);
        }
      }),
      { numRuns: 20, seed: 20261122 },
    );
  });

  it("locate warnings on the line of the field they name", () => {
    fc.assert(
      fc.property(generatorOptions(120), (options) => {
        const { dir } = writeTemp(generateInventory({ ...options, asOf: AS_OF }));
        const loaded = loadInventorySync(dir, { asOf: AS_OF });
        for (const w of loaded.warnings) {
          const line = readFileSync(w.file!, "utf8").split("\n")[w.line! - 1];
          const field = w.path?.filter((p): p is string => typeof p === "string").at(-1);
          expect(line).toContain(`${field}:`);
        }
      }),
      { numRuns: 10, seed: 20261122 },
    );
  });

  it("come out of the generator the same for the same options, byte for byte", () => {
    fc.assert(
      fc.property(generatorOptions(200), (options) => {
        const a = generateInventory(options);
        const b = generateInventory(options);
        expect(a).toEqual(b);
        const da = tempDir("dcplan-prop-");
        const db = tempDir("dcplan-prop-");
        dirs.push(da, db);
        expect(readFileSync(writeInventoryJson(a, da).file, "utf8")).toBe(readFileSync(writeInventoryJson(b, db).file, "utf8"));
      }),
      { numRuns: 20, seed: 20261122 },
    );
  });

  it("have the requested server count, VMs on a physical host at their site and sized to fit it", () => {
    fc.assert(
      fc.property(generatorOptions(), (options) => {
        const inv = generateInventory(options);
        expect(inv.servers).toHaveLength(options.servers);
        expect(inv.systems.length).toBe(Math.max(1, Math.round(options.servers * (options.systemsPerServer ?? 0.2))));
        const index = indexInventory(inv);
        for (const [hostId, vms] of index.vmsOf) {
          const host = index.servers.get(hostId)!;
          expect(host.kind).toBe("physical");
          expect(vms.every((vm) => vm.site === host.site)).toBe(true);
          expect(vms.reduce((n, vm) => n + vm.memoryGiB!, 0)).toBeLessThanOrEqual(host.memoryGiB!);
        }
      }),
      { numRuns: 50, seed: 20261122 },
    );
  });
});

describe("graph of a generated inventory", () => {
  it("has one node per entity and the edges per kind the inventory implies", () => {
    fc.assert(
      fc.property(validInventory(), (inv) => {
        const g = buildGraph(inv);
        const entities = inv.sites.length + inv.agencies.length + inv.servers.length + inv.systems.length + inv.externals.length;
        expect(g.order).toBe(entities);
        const counts: Record<EdgeKind, number> = { "located-at": 0, "hosted-on": 0, "runs-on": 0, "owned-by": 0, "depends-on": 0 };
        g.forEachEdge((_k, attrs) => {
          counts[attrs.kind]++;
        });
        const pairs = (f: (s: Inventory["systems"][number]) => readonly string[]): number => new Set(inv.systems.flatMap((s) => f(s).map((t) => `${s.id}\u0000${t}`))).size;
        expect(counts).toEqual({
          "located-at": inv.servers.length,
          "hosted-on": inv.servers.filter((s) => s.kind === "virtual").length,
          "runs-on": pairs((s) => s.servers),
          "owned-by": inv.systems.length + inv.servers.filter((s) => s.owner !== undefined).length,
          "depends-on": pairs((s) => (s.dependsOn ?? []).map((d) => d.target)),
        });
        // A merged dependency edge is tight when any of its entries is.
        for (const sys of inv.systems) {
          for (const d of sys.dependsOn ?? []) {
            const tight = (sys.dependsOn ?? []).some((x) => x.target === d.target && x.coupling === "tight");
            expect(g.getEdgeAttributes(sys.id, d.target).coupling).toBe(tight ? "tight" : "loose");
          }
        }
      }),
      { numRuns: 80, seed: 20261122 },
    );
  });

  it("has move groups that partition the systems along tight dependencies and shared servers", () => {
    fc.assert(
      fc.property(validInventory(), (inv) => {
        const groups = moveGroups(indexInventory(inv));
        const all = groups.flatMap((g) => g.systems);
        expect([...all].sort()).toEqual(inv.systems.map((s) => s.id).sort());
        expect(new Set(all).size).toBe(all.length);
        const groupOf = new Map(groups.flatMap((g) => g.systems.map((s) => [s, g.id] as const)));
        for (const sys of inv.systems) {
          for (const d of sys.dependsOn ?? []) if (d.coupling === "tight" && groupOf.has(d.target)) expect(groupOf.get(d.target)).toBe(groupOf.get(sys.id));
        }
        // Nothing more is joined than tight dependencies and shared servers join.
        expect(groups.map((g) => g.systems)).toEqual(expectedGroups(inv));
        for (const g of groups) expect(g.id).toBe(`g-${g.systems[0]}`);
      }),
      { numRuns: 80, seed: 20261122 },
    );
  });

  it("condenses into an acyclic DAG of strongly connected components", () => {
    fc.assert(
      fc.property(validInventory(), (inv) => {
        const g = buildGraph(inv);
        const sccs = stronglyConnectedComponents(g);
        const c = condensation(g);
        expect(c.components).toEqual(sccs);
        expect(hasCycle(c.dag)).toBe(false);
        expect([...c.componentOf.keys()].sort()).toEqual(inv.systems.map((s) => s.id).sort());
        // Every system-to-system dependency stays inside its component or is an edge of the DAG
        // from consumer to provider, and providers are listed first.
        const systems = new Set(inv.systems.map((s) => s.id));
        const succ = new Map(inv.systems.map((s) => [s.id, [] as string[]]));
        const pred = new Map(inv.systems.map((s) => [s.id, [] as string[]]));
        for (const sys of inv.systems) {
          for (const d of sys.dependsOn ?? []) {
            if (!systems.has(d.target)) continue;
            succ.get(sys.id)!.push(d.target);
            pred.get(d.target)!.push(sys.id);
            const from = c.componentOf.get(sys.id)!;
            const to = c.componentOf.get(d.target)!;
            if (from !== to) {
              expect(c.dag.hasEdge(String(from), String(to))).toBe(true);
              expect(to).toBeLessThan(from);
            }
          }
        }
        // Each component is strongly connected: from its first member every member is reachable
        // forwards and backwards without leaving the component.
        const reach = (start: string, next: Map<string, string[]>, inside: Set<string>): Set<string> => {
          const seen = new Set([start]);
          const todo = [start];
          while (todo.length > 0) for (const n of next.get(todo.pop()!)!) if (inside.has(n) && !seen.has(n)) seen.add(n), todo.push(n);
          return seen;
        };
        for (const comp of c.components) {
          const inside = new Set(comp);
          expect(reach(comp[0], succ, inside).size).toBe(comp.length);
          expect(reach(comp[0], pred, inside).size).toBe(comp.length);
        }
      }),
      { numRuns: 80, seed: 20261122 },
    );
  });

  it("finds the loose cycles the generator plants", () => {
    // The realistic generator plants loose 2-cycles once inventories are big enough; a fixed
    // seed at 2000 servers must show some, or the benchmark would not exercise cyclic components.
    const inv = generateInventory({ seed: 7, servers: 2000 });
    const cyclic = stronglyConnectedComponents(buildGraph(inv)).filter((c) => c.length > 1);
    expect(cyclic.length).toBeGreaterThan(0);
    expect(Math.max(...cyclic.map((c) => c.length))).toBeLessThan(10);
  });
});

describe("writeInventoryYaml", () => {
  it("splits into the requested number of chunk files, several documents each, in inventory order", () => {
    const inv = generateInventory({ seed: 3, servers: 400 });
    const { dir, files } = writeTemp(inv, 4);
    expect(files.filter((f) => /\/(servers|systems)\//.test(f)).length).toBeGreaterThanOrEqual(4);
    const text = readFileSync(files[files.length - 1], "utf8");
    expect(text.split("\n").filter((l) => l === "---").length).toBeGreaterThan(0);
    expect(isDeepStrictEqual(loadInventorySync(dir, { asOf: AS_OF, locateWarnings: false }).inventory.servers.map((s) => s.id), inv.servers.map((s) => s.id))).toBe(true);
  });

  it("quotes whatever would not read back as the same string, number or boolean", () => {
    const key = fc.oneof(fc.constantFrom("id", "x-note", "true", "Null", "TRUE", "~", "1", "a b", "- x", "#"), fc.string({ unit: "binary", minLength: 1, maxLength: 8 }));
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom("true", "null", "~", "yes", "1", "0x1f", "1e3", ".inf", "2025-13-45", "2026-01-01", "- a", "a: b", "#x", "'", '"', "\\", "\u2028", "\u0085", "\ufeff", "\u0081", "\uffff", "a\nb"),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
      fc.boolean(),
      fc.constant(null),
    );
    const flat = fc.dictionary(key, value, { maxKeys: 4 });
    const entity = fc.record({ id: fc.string({ unit: "binary", maxLength: 6 }), flat, list: fc.array(value, { maxLength: 3 }), deps: fc.array(flat, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 4 }), (entities) => {
        const text = documentYaml({ systems: entities });
        const viaJsYaml = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
        const viaYaml = parseAllDocuments(text, { uniqueKeys: true });
        const expected = { systems: JSON.parse(JSON.stringify(entities)) as unknown };
        expect(viaJsYaml).toEqual(expected);
        expect((Array.isArray(viaYaml) ? viaYaml : []).map((d) => d.toJS())).toEqual([expected]);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
