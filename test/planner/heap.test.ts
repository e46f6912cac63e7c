import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Heap } from "../../planner/heap.js";

describe("heap", () => {
  it("hands items back smallest first, whatever the order of pushes and pops", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null)), { maxLength: 200 }), (ops) => {
        const heap = new Heap<number>((a, b) => a < b);
        const model: number[] = [];
        for (const op of ops) {
          if (op === null) {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(op);
            model.push(op);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model.length === 0 ? undefined : Math.min(...model));
        }
        const rest: number[] = [];
        for (let x = heap.pop(); x !== undefined; x = heap.pop()) rest.push(x);
        expect(rest).toEqual(model.sort((a, b) => a - b));
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
