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
