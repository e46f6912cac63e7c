// The fast reader gives js-yaml's values (or declines), and the locator gives the `yaml` package's
// positions, on generated inventories, the sample, hand-written files and random YAML texts.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { LineCounter, parseAllDocuments } from "yaml";
import { generateInventory } from "../../bench/generate.js";
import { writeInventoryYaml } from "../../bench/write.js";
import { listYamlFiles } from "../../inventory/load.js";
import { locate, forgetPositions } from "../../inventory/yaml-source.js";
import { locateInSubset, type PathQuery, readYamlSubset } from "../../inventory/yaml-subset.js";
import { tempDir } from "../fixtures.js";
import { validInventory } from "../generators/inventory-arbitrary.js";
import { yamlText } from "../generators/yaml-arbitrary.js";
import { join } from "node:path";

const ERROR = Symbol("js-yaml rejects the text");

function viaJsYaml(text: string): unknown[] | typeof ERROR {
  try {
    return jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return ERROR;
  }
}

/** Equal values with equal key order and -0 kept apart from 0. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Every path into `value` (collections and scalars), plus a missing child under each collection. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, "missing"]);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, "missing", "deeper"], [...prefix, 0]);
  } else out.push([...prefix, "below"]);
  return out;
}

let fileCounter = 0;
/** The `yaml` package's answer for each query, as "line:col" (or "" for the file alone). */
function yamlAnswers(text: string, queries: readonly PathQuery[]): string[] {
  const file = `mem-${fileCounter++}.yaml`;
  const out = queries.map((q, i) => {
    // The text is given once: locate() parses it and keeps the parse for the file's next queries.
    const p = locate(file, q.doc, q.path, i === 0 ? text : undefined, { atKey: q.atKey });
    return p.line === undefined ? "" : `${p.line}:${p.col}`;
  });
  forgetPositions(file);
  return out;
}

function subsetAnswers(text: string, queries: readonly PathQuery[]): string[] | undefined {
  const offsets = locateInSubset(text, queries);
  if (!offsets) return undefined;
  const lc = new LineCounter();
  lc.addNewLine(0);
  let i = -1;
  while ((i = text.indexOf("\n", i + 1)) !== -1) lc.addNewLine(i + 1);
  return offsets.map((o) => {
    if (o === undefined) return "";
    const p = lc.linePos(o);
    return `${p.line}:${p.col}`;
  });
}

/** Queries for every path of every non-empty document, with and without atKey. */
function queriesFor(docs: readonly unknown[]): PathQuery[] {
  const queries: PathQuery[] = [];
  docs.forEach((d, doc) => {
    if (d === null) return;
    for (const path of pathsOf(d)) queries.push({ doc, path }, { doc, path, atKey: true });
  });
  return queries;
}

/** True when `yaml` sees the same documents (its document count differs from js-yaml's around empty ones). */
function yamlAgrees(text: string, docs: readonly unknown[]): boolean {
  const parsed = parseAllDocuments(text);
  const list = Array.isArray(parsed) ? parsed : [];
  return list.length === docs.length && list.every((d) => d.errors.length === 0);
}

describe("the fast YAML reader", () => {
  it("reads generated inventories exactly as js-yaml does, at every size the benchmark writes", () => {
    for (const servers of [300, 3000]) {
      const dir = tempDir("dcplan-subset-");
      const { files } = writeInventoryYaml(generateInventory({ seed: servers, servers }), dir, { files: 3 });
      for (const f of files) {
        const text = readFileSync(f, "utf8");
        const docs = readYamlSubset(text);
        expect(docs, f).toBeDefined();
        expect(same(docs, viaJsYaml(text))).toBe(true);
      }
    }
  });

  it("reads the bundled sample exactly as js-yaml does", () => {
    for (const f of listYamlFiles(join(__dirname, "../../inventory/sample"))) {
      const text = readFileSync(f, "utf8");
      const docs = readYamlSubset(text);
      expect(docs, f).toBeDefined();
      expect(same(docs, viaJsYaml(text)), f).toBe(true);
    }
  });

  it("gives js-yaml's values or declines, on random YAML texts (and reads most of those js-yaml reads)", () => {
    let accepted = 0;
    let readable = 0;
    fc.assert(
      fc.property(yamlText(), (text) => {
        const reference = viaJsYaml(text);
        if (reference !== ERROR) readable++;
        const docs = readYamlSubset(text);
        if (docs === undefined) return;
        accepted++;
        expect(reference).not.toBe(ERROR);
        expect(same(docs, reference)).toBe(true);
      }),
      { numRuns: 3000, seed: 15_2026 },
    );
    expect(accepted / readable).toBeGreaterThan(0.45);
  });

  it("reads what hand-written inventories contain", () => {
    const cases: [string, unknown[] | undefined][] = [
      ["", []],
      ["\n", []],
      ["# only a comment\n", [null]],
      ["---\n", [null]],
      ["a: 1\n---\n", [{ a: 1 }, null]],
      ["a: 1\n...\n", [{ a: 1 }]],
      ["\ufeffsites: []\n", [{ sites: [] }]],
      ["sites:\r\n  - id: dc-bn # comment\r\n    name: 'Bắc Ninh'\r\n", [{ sites: [{ id: "dc-bn", name: "Bắc Ninh" }] }]],
      ["a:\n- 1\n- 2\nb: {}\n", [{ a: [1, 2], b: {} }]],
      ['k: { "a":1, b, c: }\n', [{ k: { a: 1, b: null, c: null } }]],
      ["k: [a,\n  b]\n", [{ k: ["a", "b"] }]],
      ["endpoint: https://ndxp.gov.vn:443/x\n", [{ endpoint: "https://ndxp.gov.vn:443/x" }]],
      ["v: 8.0\nw: '8.0'\nx: 1.50\n", [{ v: 8, w: "8.0", x: 1.5 }]],
      ["d: 2026-11-22\n", [{ d: "2026-11-22" }]],
      // outside the subset: left to js-yaml
      ["a: &x 1\nb: *x\n", undefined],
      ["a: |\n  text\n", undefined],
      ["a: one\n  two\n", undefined],
      ["a: 0x1F\n", undefined],
      ["a: 1\na: 2\n", undefined],
      ["<<: {a: 1}\n", [{ "<<": { a: 1 } }]],
      ["a:\tb\n", undefined],
      ["? a\n: b\n", undefined],
      ["a: \"two\n  lines\"\n", undefined],
    ];
    for (const [text, expected] of cases) {
      const docs = readYamlSubset(text);
      expect(docs, JSON.stringify(text)).toEqual(expected);
      if (expected !== undefined) expect(same(docs, viaJsYaml(text)), JSON.stringify(text)).toBe(true);
    }
  });
});

describe("the locator", () => {
  it("places every path of random YAML texts where the `yaml` package does", () => {
    let compared = 0;
    fc.assert(
      fc.property(yamlText(), (text) => {
        const docs = readYamlSubset(text);
        if (docs === undefined || !yamlAgrees(text, docs)) return;
        const queries = queriesFor(docs);
        const mine = subsetAnswers(text, queries);
        expect(mine).toBeDefined();
        const theirs = yamlAnswers(text, queries);
        for (let i = 0; i < queries.length; i++) {
          if (mine![i] !== theirs[i]) expect({ text, query: queries[i], mine: mine![i] }).toEqual({ text, query: queries[i], mine: theirs[i] });
        }
        compared += queries.length;
      }),
      { numRuns: 1500, seed: 20261130 },
    );
    expect(compared).toBeGreaterThan(5000);
  });

  it("places every path of generated inventories where the `yaml` package does", () => {
    fc.assert(
      fc.property(validInventory(), (inv) => {
        const { files } = writeInventoryYaml(inv, tempDir("dcplan-loc-"), { files: 2 });
        for (const f of files) {
          const text = readFileSync(f, "utf8");
          const docs = readYamlSubset(text)!;
          const queries = queriesFor(docs);
          expect(subsetAnswers(text, queries)).toEqual(yamlAnswers(text, queries));
        }
      }),
      { numRuns: 8, seed: 7 },
    );
  });

  it("places every path of the bundled sample where the `yaml` package does", () => {
    for (const f of listYamlFiles(join(__dirname, "../../inventory/sample"))) {
      const text = readFileSync(f, "utf8");
      const queries = queriesFor(readYamlSubset(text)!);
      expect(subsetAnswers(text, queries), f).toEqual(yamlAnswers(text, queries));
    }
  });

  it("declines texts outside the subset", () => {
    expect(locateInSubset("a: &x 1\n", [{ doc: 0, path: ["a"] }])).toBeUndefined();
  });
});
