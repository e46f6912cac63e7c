// `dcplan export` end to end through the CLI entry point, against temporary directories.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanFileError } from "../../common/errors.js";
import { readPlan } from "../../planner/read-plan.js";
import type { Io } from "../../common/io.js";
import { run } from "../../planner/cli/main.js";
import { makeFixturePlan } from "./fixture-plan.js";

let dir: string;
let planFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dcplan-export-"));
  planFile = join(dir, "plan.json");
  writeFileSync(planFile, `${JSON.stringify(makeFixturePlan(), null, 2)}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    isTTY: false,
    // English: the messages below are pinned in English (the CLI's default is Vietnamese).
    env: { LANG: "en_US.UTF-8" },
    today: () => "2026-11-22",
  };
  return io;
}

async function dcplan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo();
  const code = await run(args, io);
  return { code, out: io.out, err: io.err };
}

describe("dcplan export", () => {
  it("writes every format, says which file it wrote on standard output and nothing on standard error", async () => {
    for (const [format, out] of [
      ["html", "r.html"],
      ["xlsx", "r.xlsx"],
      ["md", "r.md"],
      ["mermaid", "r.mermaid.md"],
    ]) {
      const r = await dcplan("export", "--plan", planFile, "--format", format, "--out", join(dir, out));
      expect(r.code).toBe(0);
      expect(r.err).toBe("");
      expect(r.out).toContain(join(dir, out));
      expect(existsSync(join(dir, out))).toBe(true);
    }
    expect(readFileSync(join(dir, "r.html"), "utf8")).toContain("Trung tâm tích hợp dữ liệu");
  });

  it("writes a directory of CSV files", async () => {
    const r = await dcplan("export", "--plan", planFile, "--format", "csv", "--lang", "en", "--out", join(dir, "csv"));
    expect(r.code).toBe(0);
    expect(r.out.split("\n").filter(Boolean).map((l) => l.replace(dir, "DIR"))).toEqual([
      "Wrote 8 files to DIR/csv: the roadmap's tables as CSV (UTF-8, one file per table), in English.",
      ...["summary", "waves", "systems", "servers", "decommission", "risks", "national", "roadmap"].map((t) => `  ${t}.csv`),
    ]);
    expect(readdirSync(join(dir, "csv")).sort()).toEqual(["decommission.csv", "national.csv", "risks.csv", "roadmap.csv", "servers.csv", "summary.csv", "systems.csv", "waves.csv"]);
    expect(readFileSync(join(dir, "csv", "waves.csv"), "utf8")).toMatch(/^\uFEFFWave,Phase,Start,End/);
  });

  it("writes the report as STEM.html and STEM.xlsx", async () => {
    const r = await dcplan("export", "--plan", planFile, "--format", "report", "--period", "2026-H2", "--out", join(dir, "bao-cao.html"));
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "bao-cao.html"))).toBe(true);
    expect(existsSync(join(dir, "bao-cao.xlsx"))).toBe(true);
  });

  it("writes one file per owner agency with --by-owner", async () => {
    const r = await dcplan("export", "--plan", planFile, "--format", "xlsx", "--by-owner", "--out", join(dir, "owners"));
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "owners"))).toContain("so-y-te.xlsx");
  });

  it("rejects an unknown format, language or period, and --by-owner with csv (exit 2)", async () => {
    const cases = [
      ["--format", "pdf", "--out", "x"],
      ["--format", "html", "--lang", "fr", "--out", "x"],
      ["--format", "report", "--period", "2026-H3", "--out", "x"],
      ["--format", "report", "--period", "26", "--out", "x"],
      ["--format", "report", "--period", "1999", "--out", "x"],
      ["--format", "html", "--period", "2026-H2", "--out", "x"],
      ["--format", "csv", "--by-owner", "--out", "x"],
    ];
    const errors: string[] = [];
    for (const c of cases) {
      const r = await dcplan("export", "--plan", planFile, ...c);
      expect(r.code).toBe(2);
      errors.push(r.err.trim().split("\n")[0]);
    }
    expect(errors).toMatchInlineSnapshot(`
      [
        "dcplan: --format must be one of html, xlsx, csv, md, mermaid, report, got "pdf"",
        "dcplan: --lang must be one of vi, en, got "fr"",
        "dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "2026-H3"",
        "dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "26"",
        "dcplan: --period must be a year YYYY or a half-year YYYY-H1 or YYYY-H2 between 2000 and 2100, e.g. 2026 or 2026-H2, got "1999"",
        "dcplan: --period is only meaningful with --format report",
        "dcplan: --by-owner works with --format html, xlsx or md, not csv",
      ]
    `);
  });

  it("names the field and its line:col when the plan does not match the schema (exit 2)", async () => {
    const bad = makeFixturePlan() as unknown as { waves: { start: string }[]; systems: { disposition: string }[] };
    bad.waves[1].start = "2026-13-05";
    bad.systems[3].disposition = "move";
    const file = join(dir, "bad-plan.json");
    writeFileSync(file, JSON.stringify(bad, null, 2));
    const r = await dcplan("export", "--plan", file, "--format", "html", "--out", join(dir, "never.html"));
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/bad-plan\.json:\d+:\d+: mot-cua-bg systems\[3\]\.disposition: Invalid option/);
    expect(lines[1]).toMatch(/bad-plan\.json:\d+:\d+: waves\[1\]\.start: must be a real calendar date/);
    const [line, col] = /:(\d+):(\d+):/.exec(lines[1])!.slice(1).map(Number);
    expect(readFileSync(file, "utf8").split("\n")[line - 1].slice(col - 1)).toMatch(/^"2026-13-05"/);
    expect(existsSync(join(dir, "never.html"))).toBe(false);
  });

  it("reports invalid JSON with line and column", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, '{\n  "schemaVersion": 1,\n  "asOf": "2026-11-23",,\n}\n');
    const err = catchError(() => readPlan(file));
    expect(err).toBeInstanceOf(PlanFileError);
    expect((err as PlanFileError).lines()[0]).toMatch(/broken\.json:3:24: not valid JSON/);
  });

  it("reports a missing plan file", async () => {
    const r = await dcplan("export", "--plan", join(dir, "nope.json"), "--format", "html", "--out", join(dir, "x.html"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.json: no such file/);
  });

  it("leaves an existing output file untouched when the export fails", async () => {
    const out = join(dir, "keep.html");
    writeFileSync(out, "OLD REPORT");
    const file = join(dir, "truncated.json");
    writeFileSync(file, readFileSync(planFile, "utf8").slice(0, 5000));
    const r = await dcplan("export", "--plan", file, "--format", "html", "--out", out);
    expect(r.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("OLD REPORT");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("gives byte-identical files for the same plan", async () => {
    for (const format of ["html", "xlsx", "md", "mermaid"]) {
      await dcplan("export", "--plan", planFile, "--format", format, "--out", join(dir, `a.${format}`));
      await dcplan("export", "--plan", planFile, "--format", format, "--out", join(dir, `b.${format}`));
      expect(readFileSync(join(dir, `a.${format}`)).equals(readFileSync(join(dir, `b.${format}`))), format).toBe(true);
    }
    await dcplan("export", "--plan", planFile, "--format", "csv", "--out", join(dir, "csv-a"));
    await dcplan("export", "--plan", planFile, "--format", "csv", "--out", join(dir, "csv-b"));
    for (const f of readdirSync(join(dir, "csv-a"))) expect(readFileSync(join(dir, "csv-a", f)).equals(readFileSync(join(dir, "csv-b", f)))).toBe(true);
  });

  it("shows examples in --help", async () => {
    const r = await dcplan("export", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("--format report --period 2026-H2");
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error("expected an error");
}
