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
