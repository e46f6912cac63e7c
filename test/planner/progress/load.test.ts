// Loading a progress file: YAML syntax, the per-entry schema, every problem located at
// file:line:col in one run (the class is checked, and the text pinned where people read it).
import { describe, expect, it } from "vitest";
import { ProgressError } from "../../../common/errors.js";
import { loadProgress, progressFrom } from "../../../planner/progress/load.js";
import { writeTree } from "../../fixtures.js";

function problems(text: string): string[] {
  const dir = writeTree({ "progress.yaml": text });
  try {
    const loaded = loadProgress(`${dir}/progress.yaml`);
    return loaded.findings.map((f) => `${f.line}:${f.col} ${f.entity ?? ""} ${f.message}`);
  } catch (err) {
    expect(err).toBeInstanceOf(ProgressError);
    return (err as ProgressError).findings.map((f) => `${f.line}:${f.col} ${f.message}`);
  }
}

describe("loadProgress", () => {
  it("accepts the contract's example", () => {
    const text = `schemaVersion: 1
cutovers:
  - start: 2026-12-05
    end: 2026-12-06
    systems:
      - system: portal-bg
        result: done
      - system: lgsp-bg
        result: failed
        reason: "replication lag; rolled back to dc-bg"
retirements:
  - { system: ca-tin-bao, on: 2026-12-01 }
servers:
  - { server: bg-srv-12, decommissionedOn: 2027-01-20 }
  - { server: bg-esx-09, relocatedOn: 2027-01-16 }
x-note: kept and ignored
`;
    expect(problems(text)).toEqual([]);
    const loaded = loadProgress(`${writeTree({ "p.yaml": text })}/p.yaml`);
    expect(loaded.entries.cutovers[0].systems.map((s) => s.value.system)).toEqual(["portal-bg", "lgsp-bg"]);
    expect(loaded.entries.servers.map((s) => s.at)).toEqual([["servers", 0], ["servers", 1]]);
  });

  it("locates every schema problem, keeping the valid entries for the rules", () => {
    const text = `schemaVersion: 2
cutovers:
  - start: 2026-12-05
    end: 2026-12-32
    systems:
      - { system: portal-bg, result: moved }
      - { system: sso-bg, result: done }
  - start: 2026-12-12
    systems:
      - { system: Bad_Id, result: done, when: today }
      - { system: pcmd-bg, result: done }
retirements:
  - { system: ca-tin-bao }
servers:
  - { server: bg-srv-12 }
  - { server: bg-srv-13, decommissionedOn: 2027-01-20, relocatedOn: 2027-01-21 }
extra: 1
`;
    expect(problems(text)).toMatchInlineSnapshot(`
      [
        "17:1  unknown top-level key "extra"; expected schemaVersion, cutovers, retirements, servers",
        "1:16  schemaVersion must be 1 (got 2)",
        "4:10 cutover 2026-12-05..2026-12-32 must be a real calendar date YYYY-MM-DD (got "2026-12-32")",
        "6:38 portal-bg must be one of "done", "failed" (got "moved")",
        "10:19 Bad_Id must be a DNS-1123 label: lowercase letters, digits and '-', 1–63 characters, starting and ending with a letter or digit (got "Bad_Id")",
        "10:41 Bad_Id unknown field "when"",
        "13:5 ca-tin-bao is required",
        "15:5 bg-srv-12 a server fact needs exactly one of "decommissionedOn" or "relocatedOn"",
        "16:5 bg-srv-13 a server fact needs exactly one of "decommissionedOn" or "relocatedOn"",
      ]
    `);
    const loaded = loadProgress(`${writeTree({ "p.yaml": text })}/p.yaml`);
    // The second window is kept with its valid entry only; the first (bad end date) is left out.
    expect(loaded.entries.cutovers.map((c) => [c.value.start, c.systems.map((s) => s.value.system)])).toEqual([["2026-12-12", ["pcmd-bg"]]]);
  });

  it("reports syntax errors and duplicate keys with their place", () => {
    expect(problems("schemaVersion: 1\ncutovers:\n  - start: 2026-12-05\n    start: 2026-12-06\n    systems: []\n")).toEqual(["4:5 duplicate key in a mapping: the same key appears twice"]);
    expect(problems("schemaVersion: 1\ncutovers: [\n")[0]).toMatch(/^\d+:\d+ YAML syntax error/);
  });

  it("says what is wrong with an empty, missing or non-mapping file", () => {
    expect(problems("# nothing yet\n")).toEqual(["1:1 the progress file is empty: it needs at least `schemaVersion: 1`"]);
    expect(problems("- 1\n")).toEqual(["1:1 a progress file must be a mapping with schemaVersion, cutovers, retirements, servers (got a list)"]);
    expect(() => loadProgress("/nonexistent/progress.yaml")).toThrow(ProgressError);
    expect(problems("cutovers:\n")).toEqual(["1:1  schemaVersion is required (schemaVersion: 1)"]);
  });

  it("takes a progress in memory (findings without places)", () => {
    const loaded = progressFrom({ schemaVersion: 1, cutovers: [{ start: "2026-12-05", systems: [{ system: "a", result: "done" }] }] });
    expect(loaded.findings).toEqual([]);
    expect(loaded.entries.cutovers[0].value.end).toBeUndefined();
  });
});
