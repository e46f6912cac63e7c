import { describe, expect, it } from "vitest";
import { makeServer } from "../fixtures.js";
import { host, inventoryOf, planOf, sys, systemOf, vm } from "./fixtures.js";

describe("dispositions", () => {
  it("retains what runs at the target, rehosts VMs, replatforms container-ready systems, relocates appliances", () => {
    const plan = planOf(
      inventoryOf(
        [sys("bn-app", ["bn-vm"]), sys("bg-app", []), sys("bg-k8s", [], { containerReady: true }), sys("bg-hsm", ["bg-hsm-1"])],
        [vm("bn-vm", "bn-host", { site: "dc-bn" }), makeServer({ id: "bg-hsm-1", kind: "appliance", site: "dc-bg" })],
      ),
    );
    expect(systemOf(plan, "bn-app").disposition).toBe("retain");
    expect(systemOf(plan, "bg-app").disposition).toBe("rehost");
    expect(systemOf(plan, "bg-k8s")).toMatchObject({ disposition: "replatform", platform: "shared-kubernetes" });
    expect(systemOf(plan, "bg-hsm")).toMatchObject({ disposition: "relocate", platform: "hardware" });
    for (const s of plan.systems) expect(s.reasons.length).toBeGreaterThan(0);
  });

  it("consolidates duplicates of a function across sites into the survivor at the target site", () => {
    const plan = planOf(inventoryOf([sys("qlvb-bn", ["bn-vm"], { function: "document-management", users: 100 }), sys("qlvb-bg", [], { function: "document-management", users: 5000 })], [vm("bn-vm", "bn-host", { site: "dc-bn" })]));
    expect(systemOf(plan, "qlvb-bg")).toMatchObject({ disposition: "consolidate", into: "qlvb-bn" });
    expect(systemOf(plan, "qlvb-bg").wave).toBe(1);
    expect(systemOf(plan, "qlvb-bn").disposition).toBe("retain");
  });

  it("keeps a pinned disposition and a pinned survivor", () => {
    const plan = planOf(inventoryOf([sys("a", [], { disposition: "rehost", containerReady: true }), sys("b", [], { function: "x", disposition: "consolidate", consolidateInto: "c" }), sys("c", [], { function: "y" })]));
    expect(systemOf(plan, "a").disposition).toBe("rehost");
    expect(systemOf(plan, "b")).toMatchObject({ disposition: "consolidate", into: "c" });
  });

  it("retires a retiring system nobody depends on, with retireOn, but keeps one that is still used", () => {
    const plan = planOf(inventoryOf([sys("old", [], { lifecycle: "retiring" }), sys("used", [], { lifecycle: "retiring" }), sys("user", [], { dependsOn: [{ target: "used", coupling: "loose" }] })]));
    expect(systemOf(plan, "old")).toMatchObject({ disposition: "retire", retireOn: "2026-11-29" });
    expect(systemOf(plan, "old").wave).toBeUndefined();
    expect(systemOf(plan, "used").disposition).toBe("rehost");
    expect(systemOf(plan, "used").reasons.join(" ")).toMatch(/user still depends on it/);
    expect(plan.violations).toEqual([]);
  });

  it("retires a chain of retiring systems used only by each other", () => {
    const plan = planOf(inventoryOf([sys("r1", [], { lifecycle: "retiring", dependsOn: [{ target: "r2", coupling: "loose" }] }), sys("r2", [], { lifecycle: "retiring" })]));
    expect([systemOf(plan, "r1").disposition, systemOf(plan, "r2").disposition]).toEqual(["retire", "retire"]);
  });

  it("lists a kept system that depends on a retirement pinned by people as a violation", () => {
    const plan = planOf(inventoryOf([sys("gone", [], { disposition: "retire" }), sys("user", [], { dependsOn: [{ target: "gone", coupling: "loose" }] })]));
    expect(plan.violations).toEqual([expect.objectContaining({ rule: "depends-on-retired", subject: "user" })]);
  });

  it("lists people-pinned retains at the closing site as remaining", () => {
    const plan = planOf(inventoryOf([sys("stay", [], { disposition: "retain" })]));
    expect(plan.remaining).toEqual(["stay"]);
  });

  it("proposes a target site with reasons when the profile gives none", () => {
    const inv = inventoryOf([sys("a", [])], [host("bn-host", { site: "dc-bn", cpuCores: 256, memoryGiB: 8192, storageGiB: 500_000 })]);
    const plan = planOf(inv, { targetSite: undefined });
    expect(plan.targetSite).toBe("dc-bn");
    expect(plan.targetSiteReasons[0]).toMatch(/proposed by dcplan: highest site score/);
  });
});
