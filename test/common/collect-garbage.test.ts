import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../common/collect-garbage.js";

/** A WeakRef to a fresh object nothing else holds, and a strong one to another; made in a job of their own (a WeakRef's target is kept until its job ends). */
async function refs(): Promise<{ dropped: WeakRef<object>; kept: object; keptRef: WeakRef<object> }> {
  const kept = { values: new Array(1000).fill(2) };
  const made = { dropped: new WeakRef({ values: new Array(1000).fill(1) }), kept, keptRef: new WeakRef(kept) };
  await new Promise((resolve) => setTimeout(resolve, 0));
  return made;
}

describe("collectGarbage", () => {
  it("collects what nothing holds any more, and only that, each time it is called", async () => {
    for (let round = 0; round < 2; round++) {
      const { dropped, kept, keptRef } = await refs();
      collectGarbage();
      expect(dropped.deref()).toBeUndefined();
      expect(keptRef.deref()).toBe(kept);
    }
  });
});
