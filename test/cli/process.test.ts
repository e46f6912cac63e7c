// The real process: exit statuses and clean error output as a shell script sees them.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeTree } from "../fixtures.js";

const ROOT = join(__dirname, "..", "..");

function dcplan(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "planner/cli/main.ts"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true", LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the dcplan process", () => {
  it("exits 2 on an invalid inventory with one line per problem and no stack trace", () => {
    const dir = writeTree({ "a.yaml": "sites:\n  - { id: DC_BN, name: x, kind: datacenter }\n  - { id: dc-bg, name: y, kind: cloudy }\n" });
    const r = dcplan("validate", "--inventory", dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/a\.yaml:2:\d+: DC_BN id: must be a DNS-1123 label/);
    expect(lines[1]).toMatch(/a\.yaml:3:\d+: dc-bg kind: must be one of/);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });
  it("exits 2 on bad arguments and 0 on a valid run", () => {
    expect(dcplan("plan", "--as-of", "2026-13-01").status).toBe(2);
    const ok = dcplan("plan", "--as-of", "2026-11-22");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).schemaVersion).toBe(1);
  });
});
