import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startWorker } from "../../common/worker.js";

describe("a worker module that cannot be loaded", () => {
  it("answers at once that it failed, so the caller does the work itself instead of waiting", () => {
    // Resolved beside common/worker.ts, where no such module is.
    const link = startWorker(new URL("../../common/worker.ts", import.meta.url).href, "no-such-worker", {});
    expect(link).toBeDefined();
    const answer = link!.receive(60_000) as { failed?: string } | undefined;
    link!.close();
    expect(answer?.failed).toMatch(/no-such-worker|Cannot find/);
    expect(link!.receive(0)).toBeUndefined();
  });
});

describe("a worker the main thread keeps sending to", () => {
  it("takes each message in order as it is sent, and says when none came within its patience", () => {
    const link = startWorker(import.meta.url, "echo-worker", { patienceMs: 60_000 });
    expect(link).toBeDefined();
    // Sent before the worker is up, and after: each answered in turn.
    for (let n = 1; n <= 3; n++) link!.send({ n });
    expect([1, 2, 3].map(() => (link!.receive(60_000) as { twice: number }).twice)).toEqual([2, 4, 6]);
    link!.send({ n: 21 });
    expect(link!.receive(60_000)).toEqual({ twice: 42 });
    link!.send({ stop: true });
    link!.close();
    // Nothing is sent after close.
    link!.send({ n: 1 });
    expect(link!.receive(0)).toBeUndefined();

    const idle = startWorker(import.meta.url, "echo-worker", { patienceMs: 50 })!;
    expect(idle.receive(60_000)).toEqual({ bored: true });
    idle.close();
  });
});

describe("a worker started from a process that evaluates code as modules", () => {
  it("starts and answers (workers inherit --input-type=module, which their boot code must survive)", () => {
    const here = new URL(import.meta.url);
    const script = `const { startWorker } = await import(${JSON.stringify(new URL("../../common/worker.ts", here).href)});
const link = startWorker(${JSON.stringify(here.href)}, "echo-worker", { patienceMs: 60000 });
link.send({ n: 2 });
process.stdout.write(JSON.stringify(link.receive(30000) ?? null));
link.send({ stop: true });
link.close();`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ twice: 4 });
  }, 90_000);
});
