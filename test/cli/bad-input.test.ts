// The bad-input suite for the inventory, the planning profile and `--out`: every case exits 2 with
// one located line per problem (file:line:col where there is a line), no stack trace, nothing on
// standard output, and nothing written or lost. Each case runs in-process (run() of main.ts, the
// text pinned below) and through the real process, which must print the same.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { InventoryError, OutputError, ProfileError } from "../../common/errors.js";
import { loadInventory } from "../../inventory/load.js";
import { loadProfile } from "../../planner/profile.js";
import { run } from "../../planner/cli/main.js";
import { writeInventoryWithBadEnd } from "../../bench/bad-inventory.js";
import { captureIo, tempDir, writeTree } from "../fixtures.js";
import { dcplanProcess, inPool, type ProcessResult, ROOT } from "./dcplan-process.js";

const SITE = "sites:\n  - id: dc-bn\n    name: Bắc Ninh\n    kind: datacenter\n";
const AGENCY = "agencies:\n  - { id: so-khcn, name: Sở Khoa học và Công nghệ, kind: department }\n";
const SAMPLE = join(ROOT, "inventory", "sample");

interface Outcome {
  readonly status: number;
  readonly err: string;
  readonly out: string;
  readonly process: ProcessResult;
}

/** Each case: builds its inputs under `dir` and returns the command line (after `dcplan`). */
const cases = new Map<string, (dir: string) => string[]>();
const outcomes = new Map<string, Outcome>();
const dirs = new Map<string, string>();
let planFile = "";

function bad(name: string, setup: (dir: string) => string[]): void {
  cases.set(name, setup);
}

/** The outcome of case `name`, with its directory shown as DIR and the project as ROOT. */
function outcome(name: string): Outcome {
  const o = outcomes.get(name)!;
  const dir = dirs.get(name)!;
  const clean = (s: string): string => s.split(dir).join("DIR").split(ROOT).join("ROOT");
  return { ...o, err: clean(o.err), out: clean(o.out), process: { ...o.process, stderr: clean(o.process.stderr), stdout: clean(o.process.stdout) } };
}

/** The common expectations: exit 2 in-process and as a process with the same lines, no stack trace, nothing on stdout. */
function expectRejected(name: string): string {
  const o = outcome(name);
  expect(o.status).toBe(2);
  expect(o.out).toBe("");
  expect(o.err).not.toMatch(/\n\s+at |internal error/);
  expect({ status: o.process.status, stderr: o.process.stderr, stdout: o.process.stdout }).toEqual({ status: 2, stderr: o.err, stdout: "" });
  return o.err;
}

/** Checks that case `name` left its directory as it found it: the files listed unchanged, no temporary file beside them. */
function expectUntouched(name: string, files: Record<string, string>): void {
  const dir = dirs.get(name)!;
  for (const [path, content] of Object.entries(files)) expect(readFileSync(join(dir, path), "utf8")).toBe(content);
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [e.name]));
  expect(walk(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

function latin1(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

// --- the inventory -------------------------------------------------------------------------

bad("latin-1 bytes in a value", (dir) => {
  writeFileSync(join(dir, "a.yaml"), Buffer.concat([Buffer.from(SITE.replace("Bắc Ninh", "B")), latin1("agencies:\n  - { id: so-yte, name: S\u00e9 Y t\u00e9, kind: department }\n")]));
  return ["validate", "--inventory", dir];
});
bad("latin-1 bytes in a comment", (dir) => {
  writeFileSync(join(dir, "a.yaml"), Buffer.concat([Buffer.from(SITE), latin1("# ghi ch\u00fa: \u00e9t\u00e9\n")]));
  return ["validate", "--inventory", dir];
});
bad("a UTF-16 file", (dir) => {
  writeFileSync(join(dir, "a.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SITE, "utf16le")]));
  return ["validate", "--inventory", dir];
});
bad("a truncated UTF-8 character at the end", (dir) => {
  writeFileSync(join(dir, "a.yaml"), Buffer.concat([Buffer.from(SITE), Buffer.from("# B\u1eaf").subarray(0, -1)]));
  return ["validate", "--inventory", dir];
});
bad("a pipe named like a YAML file", (dir) => {
  writeTree({ "a.yaml": SITE }, dir);
  spawnSync("mkfifo", [join(dir, "b.yaml")]);
  return ["validate", "--inventory", dir];
});
bad("a symbolic link to a file outside the inventory", (dir) => {
  const inv = join(dir, "inv");
  writeTree({ "inv/a.yaml": SITE, "elsewhere/systems.yaml": AGENCY }, dir);
  symlinkSync(join(dir, "elsewhere", "systems.yaml"), join(inv, "systems.yaml"));
  return ["validate", "--inventory", inv];
});
bad("a symbolic link to a directory outside the inventory", (dir) => {
  const inv = join(dir, "inv");
  writeTree({ "inv/a.yaml": SITE, "elsewhere/systems.yaml": AGENCY }, dir);
  symlinkSync(join(dir, "elsewhere"), join(inv, "shared"));
  return ["validate", "--inventory", inv];
});
bad("a symbolic link that loops to its own directory", (dir) => {
  writeTree({ "a.yaml": SITE, "bn/b.yaml": AGENCY }, dir);
  symlinkSync("..", join(dir, "bn", "up"));
  return ["validate", "--inventory", dir];
});
bad("a symbolic link to itself", (dir) => {
  writeTree({ "a.yaml": SITE }, dir);
  symlinkSync("self.yaml", join(dir, "self.yaml"));
  return ["validate", "--inventory", dir];
});
bad("a dangling symbolic link", (dir) => {
  writeTree({ "a.yaml": SITE }, dir);
  symlinkSync("gone.yaml", join(dir, "b.yaml"));
  return ["validate", "--inventory", dir];
});
bad("a second way to the same file", (dir) => {
  writeTree({ "a.yaml": SITE, "b.yaml": AGENCY }, dir);
  symlinkSync("b.yaml", join(dir, "c.yaml"));
  return ["validate", "--inventory", dir];
});
bad("a YAML merge key in an entity", (dir) => {
  writeTree({ "a.yaml": `${SITE}x-defaults: &d { kind: department }\nagencies:\n  - id: so-yte\n    name: Sở Y tế\n    <<: *d\n` }, dir);
  return ["validate", "--inventory", dir];
});
bad("a YAML merge key at the top of a document", (dir) => {
  writeTree({ "a.yaml": `${SITE}<<: { agencies: [] }\n` }, dir);
  return ["validate", "--inventory", dir];
});
bad("a misspelled required field", (dir) => {
  writeTree({ "a.yaml": `${SITE}${AGENCY}systems:\n  - id: qlvb\n    name: Quản lý văn bản\n    ownr: so-khcn\n    function: document-management\n    securityLevel: 3\n    servers: []\n` }, dir);
  return ["validate", "--inventory", dir];
});
bad("a misspelled required field and a bad value on a server", (dir) => {
  writeTree({ "a.yaml": `${SITE}servers:\n  - { id: h1, sit: dc-bn, kind: physical, cpuCores: 0, memoryGiB: 8 }\n` }, dir);
  return ["validate", "--inventory", dir];
});
bad("a bad value in a file outside the fast reader's subset", (dir) => {
  writeTree({ "a.yaml": `${SITE}    wan: &w { tslcdMbps: -5 }\n  - id: dc-bg\n    name: |\n      Bắc Giang\n    kind: datacenter\n    wan: *w\n` }, dir);
  return ["validate", "--inventory", dir];
});
bad("a bad value in a file with Windows line ends", (dir) => {
  writeTree({ "a.yaml": `${SITE}    pue: 0.5\n`.replace(/\n/g, "\r\n") }, dir);
  return ["validate", "--inventory", dir];
});
bad("a syntax error at the end of a 5 MB file", (dir) => {
  const line = "  - { id: host-N, site: dc-bn, kind: physical, cpuCores: 32, memoryGiB: 256, model: Dell PowerEdge R740 }\n";
  const n = Math.ceil(5_000_000 / line.length);
  const body = Array.from({ length: n }, (_, i) => line.replace("N", String(i))).join("");
  writeFileSync(join(dir, "a.yaml"), `${SITE}servers:\n${body}  - { id: last, site: dc-bn\n`);
  return ["validate", "--inventory", dir];
});
bad("an inventory that is a file", (dir) => {
  writeTree({ "a.yaml": SITE }, dir);
  return ["validate", "--inventory", join(dir, "a.yaml")];
});

// --- the planning profile ------------------------------------------------------------------

bad("a quiet period of a hundred million days", (dir) => {
  writeTree({ "profile.yaml": "quietPeriodDays: 100000000\n" }, dir);
  return ["validate", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("a procurement lead time of a hundred million days", (dir) => {
  writeTree({ "profile.yaml": "procurementLeadDays: 100000000\n" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("a horizon in the year 9999", (dir) => {
  writeTree({ "profile.yaml": "horizonEnd: 9999-12-31\n" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("blackouts and pins outside the planning years", (dir) => {
  writeTree({ "profile.yaml": "blackouts:\n  - { from: 1999-12-31, to: 9999-12-31, reason: forever }\npins:\n  - { system: mot-cua-bg, notBefore: 2200-01-01 }\n" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("absurd wave limits, overcommit and WAN share", (dir) => {
  writeTree({ "profile.yaml": "waveLimits:\n  maxSystems: 1000000000000\n  maxDataGiB: 1e300\ncpuOvercommit: 1e308\nwanUsableShare: 1e-300\n" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("a profile that is not UTF-8", (dir) => {
  writeFileSync(join(dir, "profile.yaml"), latin1("# h\u1ed3 s\u01a1\ntargetSite: dc-bn\nblackouts:\n  - { from: 2027-01-25, to: 2027-02-05, reason: T\u00eat }\n"));
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("a profile that is a directory", (dir) => {
  mkdirSync(join(dir, "profile.yaml"));
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("a YAML merge key in the profile", (dir) => {
  writeTree({ "profile.yaml": "x-limits: &l { maxSystems: 4 }\nwaveLimits:\n  <<: *l\n" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});
bad("a misspelled profile key", (dir) => {
  writeTree({ "profile.yaml": "quietPeriodDay: 30\nwaveLimits: { maxSystem: 4 }\n" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")];
});

// --- --out -----------------------------------------------------------------------------------

bad("plan --out onto a directory", (dir) => {
  writeTree({ "out/keep.txt": "kept" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--out", join(dir, "out")];
});
bad("plan --out onto a symbolic link", (dir) => {
  writeTree({ "real/plan.json": "{}" }, dir);
  symlinkSync(join(dir, "real", "plan.json"), join(dir, "plan.json"));
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--out", join(dir, "plan.json")];
});
bad("plan --out below a file", (dir) => {
  writeTree({ "notes.txt": "kept" }, dir);
  return ["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--out", join(dir, "notes.txt", "plan.json")];
});
bad("graph --out onto a device", () => ["graph", "--inventory", SAMPLE, "--out", "/dev/null"]);
bad("graph --out onto a pipe", (dir) => {
  spawnSync("mkfifo", [join(dir, "graph.json")]);
  return ["graph", "--inventory", SAMPLE, "--out", join(dir, "graph.json")];
});
bad("export csv --out onto an existing file", (dir) => {
  writeTree({ "roadmap.csv": "kept" }, dir);
  return ["export", "--plan", planFile, "--format", "csv", "--out", join(dir, "roadmap.csv")];
});
bad("export html --out onto an existing directory", (dir) => {
  writeTree({ "roadmap.html/index.html": "kept" }, dir);
  return ["export", "--plan", planFile, "--format", "html", "--out", join(dir, "roadmap.html")];
});

beforeAll(async () => {
  planFile = join(tempDir(), "plan.json");
  expect(await run(["plan", "--as-of", "2026-11-30", "--out", planFile], captureIo())).toBe(0);
  const argv = new Map<string, string[]>();
  for (const [name, setup] of cases) {
    const dir = tempDir("dcplan-bad-");
    dirs.set(name, dir);
    argv.set(name, setup(dir));
  }
  const processes = await inPool([...argv].map(([, args]) => () => dcplanProcess(args)));
  [...argv].forEach(([name, args], i) => outcomes.set(name, { status: -1, err: "", out: "", process: processes[i] }));
  for (const [name, args] of argv) {
    const io = captureIo();
    const status = await run(args, io);
    outcomes.set(name, { ...outcomes.get(name)!, status, err: io.err, out: io.out });
  }
}, 600_000);

describe("bad inventories", () => {
  it("latin-1 bytes in a value", () => {
    expect(expectRejected("latin-1 bytes in a value")).toMatchInlineSnapshot(`
      "DIR/a.yaml:6:26: is not UTF-8 text: byte 0xE9 here and 1 more (the file looks like Latin-1 or Windows-125x); save it as UTF-8
      "
    `);
  });
  it("latin-1 bytes in a comment", () => {
    expect(expectRejected("latin-1 bytes in a comment")).toMatchInlineSnapshot(`
      "DIR/a.yaml:5:9: is not UTF-8 text: byte 0xFA here and 2 more (the file looks like Latin-1 or Windows-125x); save it as UTF-8
      "
    `);
  });
  it("a UTF-16 file", () => {
    expect(expectRejected("a UTF-16 file")).toMatchInlineSnapshot(`
      "DIR/a.yaml:1:1: is UTF-16 text; save it as UTF-8
      "
    `);
  });
  it("a truncated UTF-8 character at the end", () => {
    expect(expectRejected("a truncated UTF-8 character at the end")).toMatchInlineSnapshot(`
      "DIR/a.yaml:5:4: is not UTF-8 text: byte 0xE1 here and 1 more (the file looks like Latin-1 or Windows-125x); save it as UTF-8
      "
    `);
  });
  it("a pipe named like a YAML file", () => {
    expect(expectRejected("a pipe named like a YAML file")).toMatchInlineSnapshot(`
      "DIR/b.yaml: is not a regular file (a device, a pipe or a socket): it is not read
      "
    `);
  });
  it("a symbolic link to a file outside the inventory", () => {
    expect(expectRejected("a symbolic link to a file outside the inventory")).toMatchInlineSnapshot(`
      "DIR/inv/systems.yaml: is a symbolic link to DIR/elsewhere/systems.yaml, outside the inventory directory: it is not read (copy the file into the inventory, or give its directory as --inventory)
      "
    `);
  });
  it("a symbolic link to a directory outside the inventory", () => {
    expect(expectRejected("a symbolic link to a directory outside the inventory")).toMatchInlineSnapshot(`
      "DIR/inv/shared: is a symbolic link to the directory DIR/elsewhere, outside the inventory directory: it is not read (copy what it holds into the inventory, or give that directory as --inventory)
      "
    `);
  });
  it("a symbolic link that loops to its own directory", () => {
    expect(expectRejected("a symbolic link that loops to its own directory")).toMatchInlineSnapshot(`
      "DIR/bn/up: is a symbolic link to .., a directory that contains the link itself (a loop): it is not read
      "
    `);
  });
  it("a symbolic link to itself", () => {
    expect(expectRejected("a symbolic link to itself")).toMatchInlineSnapshot(`
      "DIR/self.yaml: is a symbolic link to self.yaml that loops back on itself: it is not read
      "
    `);
  });
  it("a dangling symbolic link", () => {
    expect(expectRejected("a dangling symbolic link")).toMatchInlineSnapshot(`
      "DIR/b.yaml: is a symbolic link to gone.yaml, which does not exist: it is not read
      "
    `);
  });
  it("a second way to the same file", () => {
    expect(expectRejected("a second way to the same file")).toMatchInlineSnapshot(`
      "DIR/c.yaml: is a symbolic link to DIR/b.yaml, which is read already: it is not read twice (remove one of them)
      "
    `);
  });
  it("a YAML merge key in an entity", () => {
    expect(expectRejected("a YAML merge key in an entity")).toMatchInlineSnapshot(`
      "DIR/a.yaml:7:5: so-yte kind: is required: one of "department", "commune", "ward", "police", "party", "other"
      DIR/a.yaml:9:5: so-yte <<: YAML merge keys ("<<:") are not supported: write the fields out in full (other tools read these files too)
      "
    `);
  });
  it("a YAML merge key at the top of a document", () => {
    expect(expectRejected("a YAML merge key at the top of a document")).toMatchInlineSnapshot(`
      "DIR/a.yaml:5:1: YAML merge keys ("<<:") are not supported: write the fields out in full (other tools read these files too)
      "
    `);
  });
  it("a misspelled required field", () => {
    expect(expectRejected("a misspelled required field")).toMatchInlineSnapshot(`
      "DIR/a.yaml:8:5: qlvb owner: is required
      DIR/a.yaml:10:5: qlvb ownr: unknown field "ownr" (did you mean "owner"?)
      "
    `);
  });
  it("a misspelled required field and a bad value on a server", () => {
    expect(expectRejected("a misspelled required field and a bad value on a server")).toMatchInlineSnapshot(`
      "DIR/a.yaml:6:5: h1 site: is required
      DIR/a.yaml:6:15: h1 sit: unknown field "sit" (did you mean "site"?)
      DIR/a.yaml:6:53: h1 cpuCores: must be > 0 (got 0)
      "
    `);
  });
  it("a bad value in a file outside the fast reader's subset", () => {
    expect(expectRejected("a bad value in a file outside the fast reader's subset")).toMatchInlineSnapshot(`
      "DIR/a.yaml:5:26: dc-bn wan.tslcdMbps: must be ≥ 0 (got -5)
      DIR/a.yaml:10:5: dc-bg wan.tslcdMbps: must be ≥ 0 (got -5)
      "
    `);
  });
  it("a bad value in a file with Windows line ends", () => {
    expect(expectRejected("a bad value in a file with Windows line ends")).toMatchInlineSnapshot(`
      "DIR/a.yaml:5:10: dc-bn pue: must be ≥ 1 (got 0.5)
      "
    `);
  });
  it("a syntax error at the end of a 5 MB file", () => {
    expect(expectRejected("a syntax error at the end of a 5 MB file")).toMatchInlineSnapshot(`
      "DIR/a.yaml:47177:1: YAML syntax error: unexpected end of the stream within a flow collection
      "
    `);
  });
  it("an inventory that is a file", () => {
    expect(expectRejected("an inventory that is a file")).toMatchInlineSnapshot(`
      "DIR/a.yaml: is not a directory (an inventory is a directory of YAML files)
      "
    `);
  });
});

describe("bad planning profiles", () => {
  it("a quiet period of a hundred million days", () => {
    expect(expectRejected("a quiet period of a hundred million days")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:1:18: quietPeriodDays: must be at most 3650 days (ten years)
      "
    `);
  });
  it("a procurement lead time of a hundred million days", () => {
    expect(expectRejected("a procurement lead time of a hundred million days")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:1:22: procurementLeadDays: must be at most 3650 days (ten years)
      "
    `);
  });
  it("a horizon in the year 9999", () => {
    expect(expectRejected("a horizon in the year 9999")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:1:13: horizonEnd: must be a day from 2000-01-01 to 2100-12-31
      "
    `);
  });
  it("blackouts and pins outside the planning years", () => {
    expect(expectRejected("blackouts and pins outside the planning years")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:2:13: blackouts[0].from: must be a day from 2000-01-01 to 2100-12-31
      DIR/profile.yaml:2:29: blackouts[0].to: must be a day from 2000-01-01 to 2100-12-31
      DIR/profile.yaml:4:38: pins[0].notBefore: must be a day from 2000-01-01 to 2100-12-31
      "
    `);
  });
  it("absurd wave limits, overcommit and WAN share", () => {
    expect(expectRejected("absurd wave limits, overcommit and WAN share")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:2:15: waveLimits.maxSystems: must be at most 1000000 systems
      DIR/profile.yaml:3:15: waveLimits.maxDataGiB: must be at most 1000000000 GiB (1 EiB)
      DIR/profile.yaml:4:16: cpuOvercommit: must be at most 100 vCPUs per core
      DIR/profile.yaml:5:17: wanUsableShare: must be at least 0.01 (1 %)
      "
    `);
  });
  it("a profile that is not UTF-8", () => {
    expect(expectRejected("a profile that is not UTF-8")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:1:4: is not UTF-8 text: byte 0xD3 here and 2 more (the file looks like Latin-1 or Windows-125x); save it as UTF-8
      "
    `);
  });
  it("a profile that is a directory", () => {
    expect(expectRejected("a profile that is a directory")).toMatchInlineSnapshot(`
      "DIR/profile.yaml: is a directory, not a file
      "
    `);
  });
  it("a YAML merge key in the profile", () => {
    expect(expectRejected("a YAML merge key in the profile")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:3:3: waveLimits.<<: YAML merge keys ("<<:") are not supported: write the fields out in full (other tools read these files too)
      "
    `);
  });
  it("a misspelled profile key", () => {
    expect(expectRejected("a misspelled profile key")).toMatchInlineSnapshot(`
      "DIR/profile.yaml:1:1: quietPeriodDay: unknown field "quietPeriodDay" (did you mean "quietPeriodDays"?)
      DIR/profile.yaml:2:15: waveLimits.maxSystem: unknown field "maxSystem" (did you mean "maxSystems"?)
      "
    `);
  });
});

describe("bad --out paths", () => {
  it("plan --out onto a directory", () => {
    expect(expectRejected("plan --out onto a directory")).toMatchInlineSnapshot(`
      "DIR/out: is a directory: give a file path (the directory is left as it is)
      "
    `);
    expectUntouched("plan --out onto a directory", { "out/keep.txt": "kept" });
  });
  it("plan --out onto a symbolic link", () => {
    expect(expectRejected("plan --out onto a symbolic link")).toMatchInlineSnapshot(`
      "DIR/plan.json: is a symbolic link: dcplan replaces files, not links (give the path of the file it points to, or remove the link)
      "
    `);
    expectUntouched("plan --out onto a symbolic link", { "real/plan.json": "{}" });
    const dir = dirs.get("plan --out onto a symbolic link")!;
    expect(lstatSync(join(dir, "plan.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "plan.json"))).toBe(join(dir, "real", "plan.json"));
  });
  it("plan --out below a file", () => {
    expect(expectRejected("plan --out below a file")).toMatchInlineSnapshot(`
      "DIR/notes.txt/plan.json: cannot be written: DIR/notes.txt is a file, not a directory
      "
    `);
    expectUntouched("plan --out below a file", { "notes.txt": "kept" });
  });
  it("graph --out onto a device", () => {
    expect(expectRejected("graph --out onto a device")).toMatchInlineSnapshot(`
      "/dev/null: is a device, a pipe or a socket, not a file: give a file path
      "
    `);
  });
  it("graph --out onto a pipe", () => {
    expect(expectRejected("graph --out onto a pipe")).toMatchInlineSnapshot(`
      "DIR/graph.json: is a device, a pipe or a socket, not a file: give a file path
      "
    `);
    expect(lstatSync(join(dirs.get("graph --out onto a pipe")!, "graph.json")).isFIFO()).toBe(true);
  });
  it("export csv --out onto an existing file", () => {
    expect(expectRejected("export csv --out onto an existing file")).toMatchInlineSnapshot(`
      "DIR/roadmap.csv/summary.csv: cannot be written: DIR/roadmap.csv is a file, not a directory
      "
    `);
    expectUntouched("export csv --out onto an existing file", { "roadmap.csv": "kept" });
  });
  it("export html --out onto an existing directory", () => {
    expect(expectRejected("export html --out onto an existing directory")).toMatchInlineSnapshot(`
      "DIR/roadmap.html: is a directory: give a file path (the directory is left as it is)
      "
    `);
    expectUntouched("export html --out onto an existing directory", { "roadmap.html/index.html": "kept" });
  });
});

describe("the error classes behind them", () => {
  it("are InventoryError, ProfileError and OutputError", async () => {
    await expect(loadInventory(join(dirs.get("a symbolic link to itself")!), { asOf: "2026-11-30" })).rejects.toBeInstanceOf(InventoryError);
    await expect(loadInventory(join(dirs.get("latin-1 bytes in a value")!), { asOf: "2026-11-30" })).rejects.toBeInstanceOf(InventoryError);
    expect(() => loadProfile(join(dirs.get("a quiet period of a hundred million days")!, "profile.yaml"))).toThrow(ProfileError);
    expect(() => loadProfile(join(dirs.get("a profile that is a directory")!, "profile.yaml"))).toThrow(ProfileError);
    const { writeFileAtomic } = await import("../../common/io.js");
    expect(() => writeFileAtomic(join(dirs.get("plan --out onto a directory")!, "out"), "x")).toThrow(OutputError);
    expect(() => writeFileAtomic("/dev/null", "x")).toThrow(OutputError);
  });
});

describe("links that stay inside the inventory", () => {
  it("are followed: a linked file's entities are loaded, from a hidden directory too", async () => {
    const dir = writeTree({ "a.yaml": SITE, ".shared/agencies.yaml": AGENCY, "bn/more/x.yaml": "agencies:\n  - { id: so-yte, name: Sở Y tế, kind: department }\n" });
    symlinkSync(join(".shared", "agencies.yaml"), join(dir, "agencies.yaml"));
    symlinkSync(join("bn", "more"), join(dir, "more"));
    const loaded = await loadInventory(dir, { asOf: "2026-11-30" }).catch((e: unknown) => e);
    expect(loaded).toBeInstanceOf(InventoryError); // `more` is a second way to bn/more, read already
    expect((loaded as InventoryError).lines().map((l) => l.split(dir).join("DIR"))).toEqual(["DIR/more: is a symbolic link to DIR/bn/more, a directory read already: it is not read twice"]);
    const ok = writeTree({ "a.yaml": SITE, ".shared/agencies.yaml": AGENCY });
    symlinkSync(join(".shared", "agencies.yaml"), join(ok, "agencies.yaml"));
    expect((await loadInventory(ok, { asOf: "2026-11-30" })).inventory.agencies.map((a) => a.id)).toEqual(["so-khcn"]);
  });
});

describe("files the user running dcplan may not read", () => {
  // Root reads every file whatever its mode: as root, the process runs as nobody (uid 65534).
  const asUser = (): { uid?: number } => (process.getuid?.() === 0 ? { uid: 65534 } : {});
  const readableDir = (files: Record<string, string>): string => {
    const dir = writeTree(files);
    chmodSync(dir, 0o755);
    return dir;
  };

  it("an inventory file without read permission: exit 2, the file named, the other files still checked", async () => {
    const dir = readableDir({ "a.yaml": SITE, "b.yaml": AGENCY, "c.yaml": "servers:\n  - { id: h1, site: dc-bn, kind: physical, cpuCores: 0 }\n" });
    chmodSync(join(dir, "b.yaml"), 0o000);
    const r = await dcplanProcess(["validate", "--inventory", dir, "--as-of", "2026-11-30"], asUser());
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr.split(dir).join("DIR") }).toEqual({
      status: 2,
      stdout: "",
      stderr: "DIR/b.yaml: cannot be read: permission denied\nDIR/c.yaml:2:5: h1 memoryGiB: is required for a physical server\nDIR/c.yaml:2:54: h1 cpuCores: must be > 0 (got 0)\n",
    });
  });
  it("a profile without read permission: exit 2, the profile named", async () => {
    const dir = readableDir({ "profile.yaml": "quietPeriodDays: 30\n" });
    chmodSync(join(dir, "profile.yaml"), 0o000);
    const r = await dcplanProcess(["plan", "--inventory", SAMPLE, "--as-of", "2026-11-30", "--profile", join(dir, "profile.yaml")], asUser());
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr.split(dir).join("DIR") }).toEqual({ status: 2, stdout: "", stderr: "DIR/profile.yaml: cannot be read: permission denied\n" });
  });
});

describe("a large inventory with one bad value at its end", () => {
  it("is located in memory proportional to the file (25 MB under a 600 MiB heap; a `yaml` parse needs ≈ 1.5 GB)", async () => {
    const dir = tempDir("dcplan-big-");
    // The same file as the benchmark's large-input module writes at 200 MB (bench/large-input.bench.ts).
    const bad = writeInventoryWithBadEnd(join(dir, "big.yaml"), 25_000_000);
    const r = await dcplanProcess(["validate", "--inventory", dir, "--as-of", "2026-11-30", "--warnings", "none"], { nodeOptions: ["--max-old-space-size=600"] });
    expect({ status: r.status, stderr: r.stderr.split(dir).join("DIR") }).toEqual({ status: 2, stderr: `DIR/big.yaml:${bad.line}:${bad.column}: ${bad.message}\n` });
    // The bad value is on the file's last line, past line one million.
    expect(bad.line).toBe(readFileSync(join(dir, "big.yaml"), "utf8").split("\n").length - 1);
    expect(bad.line).toBeGreaterThan(1_000_000);
  });
});

