// Deferral: the fewest systems moved past the deadline so that every other system finishes on time;
// among as few, what matters least (lowest security level, fewest users); never a system that
// another one still to finish depends on.
import { describe, expect, it } from "vitest";
import type { Inventory } from "../../../inventory/schema.js";
import type { Profile } from "../../../planner/profile-schema.js";
import { makeSite } from "../../fixtures.js";
import { inventoryOf, sys } from "../fixtures.js";
import { dependantsLeftBehind, optionsOf, promiseOf, replanned, verdictOf } from "./fixtures.js";

function withColocation(inv: Inventory): Inventory {
  return { ...inv, sites: [inv.sites[0], makeSite({ id: "dc-bg", name: "Phòng máy Bắc Giang", kind: "colocation" })] };
}

describe("deferral", () => {
  // Five weekend windows at 2 systems a wave hold 10 of the 12 systems.
  const systems = [
    ...Array.from({ length: 8 }, (_, i) => sys(`ho-so-${i + 1}`, [], { securityLevel: 2, users: 500 })),
    sys("ban-do", [], { securityLevel: 1, users: 50 }),
    sys("bao-cao", [], { securityLevel: 3, users: 2000, dependsOn: [{ target: "ban-do", coupling: "loose" }] }),
    sys("lich-hop", [], { securityLevel: 1, users: 20 }),
    sys("tin-tuc", [], { securityLevel: 1, users: 10 }),
  ];
  const inventory = withColocation(inventoryOf(systems));
  const profile: Profile = { targetSite: "dc-bn", waveLimits: { maxSystems: 2 } };

  it("defers the fewest systems, the least important ones, never one a system still on time depends on", () => {
    const { found, plan } = optionsOf(inventory, profile);
    const o = found.options.find((x) => x.id.startsWith("defer-"))!;
    // ban-do has the lowest level but bao-cao (level 3) depends on it: deferring it would take both.
    expect(o.levers).toEqual([{ kind: "deferral", systems: ["lich-hop", "tin-tuc"], notBefore: "2027-01-01" }]);
    expect(o).toMatchObject({ met: false, late: ["lich-hop", "tin-tuc"], change: { pins: [{ system: "lich-hop", notBefore: "2027-01-01" }, { system: "tin-tuc", notBefore: "2027-01-01" }] } });
    const again = replanned(inventory, profile, o);
    expect(verdictOf(again)).toEqual(promiseOf(o));
    expect(dependantsLeftBehind(again, o)).toEqual([]);
    expect(plan.deadline.options!.at(-1)!.id).toBe(o.id);
  });

  it("defers a provider together with what depends on it when that is the smallest set", () => {
    // Now the only level-1 systems are ban-do and its consumer's chain; the others matter more.
    const inv = withColocation(
      inventoryOf([
        ...Array.from({ length: 10 }, (_, i) => sys(`ho-so-${i + 1}`, [], { securityLevel: 3, users: 5000 })),
        sys("ban-do", [], { securityLevel: 1, users: 50 }),
        sys("bao-cao", [], { securityLevel: 1, users: 60, dependsOn: [{ target: "ban-do", coupling: "loose" }] }),
      ]),
    );
    const { found } = optionsOf(inv, profile);
    const o = found.options.find((x) => x.id.startsWith("defer-"))!;
    expect(o.levers[0].systems).toEqual(["ban-do", "bao-cao"]);
    const again = replanned(inv, profile, o);
    expect(verdictOf(again)).toEqual(promiseOf(o));
    expect(dependantsLeftBehind(again, o)).toEqual([]);
  });

  it("keeps the profile's own pins and replaces a hold-back of a deferred system", () => {
    const pinned: Profile = { ...profile, pins: [{ system: "ho-so-1", date: "2026-12-05" }, { system: "tin-tuc", notBefore: "2026-12-01" }] };
    const { found } = optionsOf(inventory, pinned);
    const o = found.options.find((x) => x.id.startsWith("defer-"))!;
    const pins = (o.change as { pins: { system: string }[] }).pins;
    expect(pins).toContainEqual({ system: "ho-so-1", date: "2026-12-05" });
    expect(pins.filter((p) => p.system === "tin-tuc")).toEqual([{ system: "tin-tuc", notBefore: "2027-01-01" }]);
    expect(verdictOf(replanned(inventory, pinned, o))).toEqual(promiseOf(o));
  });
});
