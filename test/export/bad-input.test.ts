// `dcplan export` on bad input: bad plan files, bad periods, bad --lang/--format combinations, bad
// indicator tables. Each gives exit status 2, one located line per problem on standard error, no
// stack trace, nothing written, and an existing output file left as it was. A good neighbour of
// the plan-file cases (a BOM, a plan older than translations) passes.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../common/io.js";
import { run } from "../../planner/cli/main.js";
import { makeFixturePlan } from "./fixture-plan.js";

let dir: string;
let good: string;
const OLD = "OLD REPORT, NOT TO BE LOST";

async function dcplan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, today: () => "2026-11-30", env: { LANG: "en_US.UTF-8" } }; // English: the texts pinned below
  const code = await run(args, io);
  return { code, out, err: err.replaceAll(dir, "DIR") };
}

/** Writes a plan file made from the fixture plan, changed by `change` (on its JSON), returns its path. */
function planFile(name: string, change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(JSON.stringify(makeFixturePlan())) as Record<string, any>;
  change(p);
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(p, null, 2)}\n`);
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dcplan-bad-export-"));
  good = planFile("good.json", () => {});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs export with `args` (and --out onto an existing file); checks exit 2, no stack trace, nothing written, the old file kept; returns stderr. */
async function refused(args: readonly string[], out = "out.html"): Promise<string> {
  const target = join(dir, "outs", out);
  mkdirSync(join(dir, "outs"), { recursive: true });
  writeFileSync(target, OLD);
  const before = readdirSync(join(dir, "outs")).sort();
  const r = await dcplan("export", ...args, "--out", target);
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).not.toMatch(/\n\s+at |Error:|TypeError|\.ts:\d+:\d+\)/);
  expect(readFileSync(target, "utf8")).toBe(OLD);
  expect(readdirSync(join(dir, "outs")).sort()).toEqual(before);
  return r.err.trim();
}

describe("export refuses bad plan files", () => {
  it("says what is wrong with each, where, and writes nothing", async () => {
    const cases: [string, string][] = [
      ["missing", join(dir, "nope.json")],
      ["a directory", (mkdirSync(join(dir, "a-dir"), { recursive: true }), join(dir, "a-dir"))],
      ["empty", (writeFileSync(join(dir, "empty.json"), ""), join(dir, "empty.json"))],
      ["blank", (writeFileSync(join(dir, "blank.json"), "  \n\n"), join(dir, "blank.json"))],
      ["not JSON", (writeFileSync(join(dir, "yaml.json"), "schemaVersion: 1\nasOf: 2026-11-30\n"), join(dir, "yaml.json"))],
      ["cut short", (writeFileSync(join(dir, "cut.json"), readFileSync(good, "utf8").slice(0, 4000)), join(dir, "cut.json"))],
      ["Latin-1 bytes", (writeFileSync(join(dir, "latin1.json"), Buffer.concat([Buffer.from('{\n  "schemaVersion": 1,\n  "name": "S'), Buffer.from([0xe0]), Buffer.from(' T\u00e0i ch\u00ednh"\n}\n', "latin1")])), join(dir, "latin1.json"))],
      ["an array", (writeFileSync(join(dir, "array.json"), "[]\n"), join(dir, "array.json"))],
      ["null", (writeFileSync(join(dir, "null.json"), "null\n"), join(dir, "null.json"))],
      ["another schema version", planFile("v2.json", (p) => (p.schemaVersion = 2))],
      ["a negative size", planFile("negative.json", (p) => (p.systems[2].dataGiB = -5))],
      ["a security level of 7", planFile("level.json", (p) => (p.systems[0].securityLevel = 7))],
      ["a translation that is not text", planFile("translation.json", (p) => (p.translations = { vi: { "a reason": 42 } }))],
      ["a wave listing an unknown system", planFile("wave-system.json", (p) => p.waves[0].systems.push("khong-co"))],
      ["a system in a missing wave", planFile("system-wave.json", (p) => (p.systems[1].wave = 9))],
      ["a survivor that is not a system", planFile("into.json", (p) => (p.systems[1].into = "khong-co"))],
      ["a server hosted on an unknown host", planFile("host.json", (p) => (p.servers[6].hostedOn = "khong-co"))],
      ["a system listed twice", planFile("twice.json", (p) => p.systems.push({ ...p.systems[0] }))],
      ["an unknown late system", planFile("late.json", (p) => p.deadline.late.push("khong-co"))],
    ];
    const said: string[] = [];
    for (const [what, file] of cases) said.push(`${what}: ${await refused(["--plan", file, "--format", "html"])}`);
    expect(said.map((s) => s.replace(/\n/g, " ⏎ "))).toMatchInlineSnapshot(`
      [
        "missing: DIR/nope.json: no such file",
        "a directory: DIR/a-dir: is a directory, not a plan file",
        "empty: DIR/empty.json: is empty: not a plan file (write one with dcplan plan --out FILE)",
        "blank: DIR/blank.json: is empty: not a plan file (write one with dcplan plan --out FILE)",
        "not JSON: DIR/yaml.json:1:1: not valid JSON: Unexpected token 's', "schemaVers"... is not valid JSON",
        "cut short: DIR/cut.json:166:35: not valid JSON: Unterminated string",
        "Latin-1 bytes: DIR/latin1.json:3:13: is not UTF-8 text (a plan file written by dcplan plan is UTF-8): the byte here is not",
        "an array: DIR/array.json:1:1: Invalid input: expected object, received array",
        "null: DIR/null.json:1:1: Invalid input: expected object, received null",
        "another schema version: DIR/v2.json:2:20: schemaVersion: Invalid input: expected 1",
        "a negative size: DIR/negative.json:64:18: sso-bn systems[2].dataGiB: Too small: expected number to be >=0",
        "a security level of 7: DIR/level.json:15:24: qlvb-bn systems[0].securityLevel: Too big: expected number to be <=5",
        "a translation that is not text: DIR/translation.json:1006:19: translations.vi.a reason: Invalid input: expected string, received number",
        "a wave listing an unknown system: DIR/wave-system.json:268:9: waves[0].systems[2]: wave 1 lists "khong-co", which is not in systems",
        "a system in a missing wave: DIR/system-wave.json:32:15: qlvb-bg systems[1].wave: wave 9 is not in waves",
        "a survivor that is not a system: DIR/into.json:31:15: qlvb-bg systems[1].into: "khong-co" is not in systems",
        "a server hosted on an unknown host: DIR/host.json:476:19: vm-bg-02 servers[6].hostedOn: "khong-co" is not in servers",
        "a system listed twice: DIR/twice.json:260:13: qlvb-bn systems[12].id: is listed twice",
        "an unknown late system: DIR/late.json:715:7: deadline.late[3]: "khong-co" is not in systems",
      ]
    `);
  });

  it("lists every problem of a plan file in one run", async () => {
    const file = planFile("many.json", (p) => {
      p.systems[3].disposition = "move";
      p.waves[1].start = "2026-13-05";
      p.servers[0].fate = "sell";
    });
    const err = await refused(["--plan", file, "--format", "xlsx"], "out.xlsx");
    expect(err.split("\n")).toHaveLength(3);
  });

  it("reads a plan with a byte-order mark, and one older than translations (the good neighbours)", async () => {
    const bom = join(dir, "bom.json");
    writeFileSync(bom, `\uFEFF${readFileSync(good, "utf8")}`);
    const old = planFile("old.json", (p) => delete p.translations);
    for (const f of [bom, old]) {
      const r = await dcplan("export", "--plan", f, "--format", "md", "--out", join(dir, "ok.md"));
      expect(r.code, r.err).toBe(0);
    }
  });

  it("refuses a plan it may not read", async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const file = planFile("locked.json", () => {});
    chmodSync(file, 0o000);
    expect(await refused(["--plan", file, "--format", "html"])).toMatch(/locked\.json: cannot read it: permission denied/);
  });
});

describe("export refuses bad periods, languages, formats and indicator tables", () => {
  it("says which option is wrong and writes nothing", async () => {
    mkdirSync(join(dir, "a-dir-2"), { recursive: true });
    writeFileSync(join(dir, "rows-bad.json"), '{ "rows": [ { "no": "1", "measure": "servers-moved", "vi": "x", "en": "x" } ] }');
    writeFileSync(join(dir, "rows-notjson.json"), "rows:\n  - no: 1\n");
    const cases: [string, string[]][] = [
      ["half-year 3", ["--format", "report", "--period", "2026-H3"]],
      ["lower-case half", ["--format", "report", "--period", "2026-h2"]],
      ["two-digit year", ["--format", "report", "--period", "26"]],
      ["year before 2000", ["--format", "report", "--period", "1999"]],
      ["year after 2100", ["--format", "report", "--period", "2101"]],
      ["a quarter", ["--format", "report", "--period", "2026-Q1"]],
      ["empty period", ["--format", "report", "--period", ""]],
      ["period without report", ["--format", "html", "--period", "2026"]],
      ["unknown language", ["--format", "html", "--lang", "fr"]],
      ["language in capitals", ["--format", "html", "--lang", "VI"]],
      ["unknown format", ["--format", "pdf"]],
      ["by owner with report", ["--format", "report", "--by-owner"]],
      ["by owner with csv", ["--format", "csv", "--by-owner"]],
      ["by owner with mermaid", ["--format", "mermaid", "--by-owner"]],
      ["indicators without report", ["--format", "html", "--indicators", join(dir, "rows-bad.json")]],
      ["indicators missing", ["--format", "report", "--indicators", join(dir, "nope-rows.json")]],
      ["indicators a directory", ["--format", "report", "--indicators", join(dir, "a-dir-2")]],
      ["indicators not JSON", ["--format", "report", "--indicators", join(dir, "rows-notjson.json")]],
      ["indicators with an unknown measure", ["--format", "report", "--indicators", join(dir, "rows-bad.json")]],
    ];
    const said: string[] = [];
    for (const [what, args] of cases) said.push(`${what}: ${await refused(["--plan", good, ...args])}`);
    expect(said).toMatchInlineSnapshot(`
      [
        "half-year 3: dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "2026-H3"",
        "lower-case half: dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "2026-h2"",
        "two-digit year: dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "26"",
        "year before 2000: dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "1999"",
        "year after 2100: dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "2101"",
        "a quarter: dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "2026-Q1"",
        "empty period: dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got """,
        "period without report: dcplan: --period is only meaningful with --format report",
        "unknown language: dcplan: --lang must be one of vi, en, got "fr"",
        "language in capitals: dcplan: --lang must be one of vi, en, got "VI"",
        "unknown format: dcplan: --format must be one of html, xlsx, csv, md, mermaid, report, got "pdf"",
        "by owner with report: dcplan: --by-owner works with --format html, xlsx or md, not report",
        "by owner with csv: dcplan: --by-owner works with --format html, xlsx or md, not csv",
        "by owner with mermaid: dcplan: --by-owner works with --format html, xlsx or md, not mermaid",
        "indicators without report: dcplan: --indicators is only meaningful with --format report",
        "indicators missing: DIR/nope-rows.json: no such file",
        "indicators a directory: DIR/a-dir-2: is a directory, not a file",
        "indicators not JSON: DIR/rows-notjson.json:1:1: not valid JSON: Unexpected token 'r', "rows:
        - no: 1
      " is not valid JSON",
        "indicators with an unknown measure: DIR/rows-bad.json:1:37: rows[0].measure: must be one of integration-centres, merger-complete, servers-consolidated, servers-decommissioned, storage-decommissioned, systems-shared-platform, national-connections, national-milestones, backup-coverage, security-monitoring-centres, security-monitoring-national, standalone-remaining, agency-server-plans, late-systems, funding, savings",
      ]
    `);
    expect(existsSync(join(dir, "outs", "out.xlsx"))).toBe(true);
  });
});
