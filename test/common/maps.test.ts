import { describe, expect, it } from "vitest";
import { getOrMake } from "../../common/maps.js";

describe("getOrMake", () => {
  it("makes a key's value once and hands the same value back after", () => {
    const map = new Map<string, string[]>();
    let made = 0;
    const make = (): string[] => {
      made++;
      return [];
    };
    const a = getOrMake(map, "a", make);
    a.push("x");
    expect(getOrMake(map, "a", make)).toBe(a);
    expect(getOrMake(map, "b", make)).not.toBe(a);
    expect(made).toBe(2);
    expect([...map.keys()]).toEqual(["a", "b"]);
  });

  it("treats a stored undefined as no value", () => {
    const map = new Map<string, number | undefined>([["a", undefined]]);
    expect(getOrMake(map, "a", () => 1)).toBe(1);
    expect(map.get("a")).toBe(1);
  });
});
