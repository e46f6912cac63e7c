// A planner's first hour works: every dcplan command of the README and every example of every
// command's --help runs as written (bash, in order, in one temporary copy of the samples, so an
// example may use what an earlier one wrote, as in a planner's session; `npx dcplan` is this
// checkout's dcplan), exits 0 (or 1 for `check` reporting findings) and prints no stack trace. Lines of the README that are not
// dcplan commands must each be listed with why they are not run, so none is forgotten.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Example, helpExamples, makeWorkspace, notRunReason, readmeCommands, shellLine } from "./examples.js";

const ROOT = join(__dirname, "..", "..");
const readme = readmeCommands(readFileSync(join(ROOT, "README.md"), "utf8"));

let workspace: { dir: string; bin: string };
beforeAll(async () => {
  workspace = await makeWorkspace(ROOT);
});

/** Runs `command` as bash would in the workspace (pipefail, so a failing dcplan in a pipe fails). */
function runAsWritten(command: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("bash", ["-o", "pipefail", "-c", shellLine(command)], {
    cwd: workspace.dir,
    encoding: "utf8",
    env: { ...process.env, PATH: `${workspace.bin}:${process.env.PATH}`, CI: "true" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectRuns(e: Example): void {
  const r = runAsWritten(e.command);
  const said = `${e.where}: ${e.command}\n${r.stderr.slice(0, 4000)}`;
  // `dcplan check` exits 1 when it finds a mandatory rule broken: on the bundled agency manifests
  // that is the answer the example shows (a report on standard output or in --out), not a failure.
  if (/^(npx )?dcplan check /.test(e.command) && r.status === 1) expect(r.stdout.length + (/--out /.test(e.command) ? 1 : 0), said).toBeGreaterThan(0);
  else expect(r.status, said).toBe(0);
  expect(r.stderr, said).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe("the README's commands", () => {
  it("are each a dcplan command or listed with why this test does not run them", () => {
    expect(readme.length).toBeGreaterThan(10);
    expect(readme.filter((e) => notRunReason(e.command)?.startsWith("UNLISTED")).map((e) => `${e.where}: ${e.command}`)).toEqual([]);
  });
  for (const e of readme.filter((x) => notRunReason(x.command) === undefined)) {
    it(`${e.where}: ${e.command}`, () => expectRuns(e));
  }
});

describe("every command's --help examples", () => {
  it("exist for every command", () => {
    expect(helpExamples().map((e) => e.where).filter((w, i, all) => all.indexOf(w) === i).length).toBeGreaterThan(5);
  });
  for (const e of helpExamples()) {
    it(`${e.where}: ${e.command}`, () => expectRuns(e));
  }
});

describe("the runner", () => {
  it("fails an example that breaks: a missing file, an unknown option, a failing command in a pipe", () => {
    for (const command of ["dcplan validate --profile profiles/2026.yaml", "npx dcplan plan --bogus", "dcplan graph --format nope | cat"]) {
      expect(runAsWritten(command).status, command).not.toBe(0);
    }
  });
  it("reads a README's code blocks and inline commands, and asks for a reason for other lines", () => {
    const md = "text `npx dcplan render --stack prod --out m/ && kubectl apply -f m/` and `npx dcplan …`\n```sh\nnpm ci && npm start    # installs\nnpx dcplan validate\nmake all\n```\n```yaml\nnpx dcplan not-a-command\n```\n";
    expect(readmeCommands(md).map((e) => [e.where, e.command, notRunReason(e.command)?.slice(0, 9)])).toEqual([
      ["README.md:1", "npx dcplan render --stack prod --out m/", undefined],
      ["README.md:1", "kubectl apply -f m/", "needs a K"],
      ["README.md:3", "npm ci", "installs "],
      ["README.md:3", "npm start", "the main "],
      ["README.md:4", "npx dcplan validate", undefined],
      ["README.md:5", "make all", "UNLISTED:"],
    ]);
  });
});
