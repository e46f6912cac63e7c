// Each cross-record rule: the failing case and its valid neighbour.
import { describe, expect, it } from "vitest";
import { type Finding, InventoryError } from "../../common/errors.js";
import { loadInventory } from "../../inventory/load.js";
import type { Inventory } from "../../inventory/schema.js";
import { makeAgency, makeExternal, makeInventory, makeServer, makeSite, makeSystem, writeInventory } from "../fixtures.js";

async function findings(inv: Inventory): Promise<{ rule: string; entity?: string; message: string; line?: number }[]> {
  try {
    const loaded = await loadInventory(writeInventory(inv), { asOf: "2026-11-22" });
    return loaded.warnings.map(pick);
  } catch (err) {
    if (!(err instanceof InventoryError)) throw err;
    return err.findings.map(pick);
  }
}
function pick(f: Finding) {
  return { rule: f.rule, entity: f.entity, message: f.message, line: f.line };
}
async function rules(inv: Inventory): Promise<string[]> {
  return (await findings(inv)).map((f) => `${f.rule} ${f.entity ?? ""}`.trim());
}

describe("duplicate ids", () => {
  it("names both places, across entity kinds", async () => {
    const inv = makeInventory({ externals: [makeExternal({ id: "qlvb-bn" })] });
    const f = await findings(inv);
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe("duplicate-id");
    expect(f[0].message).toMatch(/^duplicate id "qlvb-bn" .* this external repeats the system defined at .*inventory\.yaml:\d+:\d+$/);
  });
  it("passes with distinct ids", async () => {
    expect(await rules(makeInventory({ externals: [makeExternal({ id: "ndxp" })] }))).toEqual([]);
  });
});

describe("references", () => {
  it("reports a server at an unknown site and its valid neighbour", async () => {
    expect(await rules(makeInventory({ servers: [makeServer({ site: "dc-xx" }), makeServer({ kind: "virtual", site: "dc-xx" })] }))).toEqual(["unknown-reference host-1", "unknown-reference vm-1"]);
  });
  it("reports a system owned by a server (wrong kind)", async () => {
    const f = await findings(makeInventory({ systems: [makeSystem({ owner: "host-1" })] }));
    expect(f.map((x) => x.message)).toEqual(['owner "host-1" is a server, not an agency']);
  });
  it("reports a system on an unknown server and on an agency", async () => {
    expect(await rules(makeInventory({ systems: [makeSystem({ servers: ["vm-1", "vm-9", "so-khcn"] })] }))).toEqual(["unknown-reference qlvb-bn", "wrong-kind-reference qlvb-bn"]);
  });
  it("reports a dependency on an unknown id or on a server, accepts systems and externals", async () => {
    const sys = makeSystem({ dependsOn: [{ target: "ndxp", coupling: "loose" }, { target: "nope", coupling: "loose" }, { target: "host-1", coupling: "tight" }] });
    expect(await rules(makeInventory({ systems: [sys] }))).toEqual(["unknown-reference qlvb-bn", "wrong-kind-reference qlvb-bn"]);
    const ok = makeSystem({ dependsOn: [{ target: "ndxp", coupling: "loose", port: 443 }, { target: "sso", coupling: "loose" }] });
    expect(await rules(makeInventory({ systems: [ok, makeSystem({ id: "sso", function: "sso" })] }))).toEqual([]);
  });
  it("judges a reference to an id defined as two kinds by the first kind (the order of the kinds' lists), besides the duplicate", async () => {
    // "twin" is a server and a system: a dependency on it names a server, not a system.
    const consumer = makeSystem({ id: "consumer", function: "portal", dependsOn: [{ target: "twin", coupling: "loose" }] });
    const twin = makeSystem({ id: "twin", function: "twin" });
    expect(await rules(makeInventory({ servers: [makeServer(), makeServer({ kind: "virtual" }), makeServer({ id: "twin" })], systems: [makeSystem(), consumer, twin] }))).toEqual(["duplicate-id twin", "wrong-kind-reference consumer"]);
  });
  it("reports a server owned by a site", async () => {
    expect(await rules(makeInventory({ servers: [makeServer({ owner: "dc-bn" }), makeServer({ kind: "virtual" })] }))).toEqual(["wrong-kind-reference host-1"]);
  });
  it("reports consolidateInto naming an unknown system", async () => {
    expect(await rules(makeInventory({ systems: [makeSystem({ disposition: "consolidate", consolidateInto: "qlvb-zz" })] }))).toEqual(["unknown-reference qlvb-bn"]);
  });
});

describe("hostedOn", () => {
  it("rejects a VM hosted on a storage array", async () => {
    const inv = makeInventory({ servers: [makeServer({ kind: "storage", id: "san-1" }), makeServer({ kind: "virtual", hostedOn: "san-1" })] });
    expect((await findings(inv)).map((f) => f.message)).toEqual(['hostedOn "san-1" is a storage server; a VM runs on a physical host']);
  });
  it("rejects a VM hosted on another VM", async () => {
    const inv = makeInventory({ servers: [makeServer(), makeServer({ kind: "virtual" }), makeServer({ kind: "virtual", id: "vm-2", hostedOn: "vm-1" })] });
    expect(await rules(inv)).toEqual(["hosted-on-kind vm-2"]);
  });
  it("rejects a VM on a host at another site", async () => {
    const inv = makeInventory({ sites: [makeSite(), makeSite({ id: "dc-bg", name: "Bắc Giang" })], servers: [makeServer(), makeServer({ kind: "virtual", site: "dc-bg" })] });
    expect((await findings(inv)).map((f) => f.message)).toEqual(['host "host-1" is at site "dc-bn" but this VM is at "dc-bg"; a VM runs at its host\'s site']);
  });
  it("rejects cycles of hostedOn, once per cycle", async () => {
    const inv = makeInventory({
      servers: [makeServer({ kind: "virtual", id: "vm-a", hostedOn: "vm-b" }), makeServer({ kind: "virtual", id: "vm-b", hostedOn: "vm-c" }), makeServer({ kind: "virtual", id: "vm-c", hostedOn: "vm-a" })],
      systems: [makeSystem({ servers: ["vm-a"] })],
    });
    const f = await findings(inv);
    expect(f.filter((x) => x.rule === "hosted-on-cycle").map((x) => x.message)).toEqual(["hostedOn forms a cycle: vm-a → vm-b → vm-c → vm-a"]);
  });
  it("rejects a VM hosted on itself", async () => {
    expect(await rules(makeInventory({ servers: [makeServer({ kind: "virtual", hostedOn: "vm-1" })] }))).toEqual(["hosted-on-cycle vm-1"]);
  });
});

describe("dependencies", () => {
  it("rejects a system depending on itself, accepts one depending on another", async () => {
    expect(await rules(makeInventory({ systems: [makeSystem({ dependsOn: [{ target: "qlvb-bn", coupling: "tight" }] })] }))).toEqual(["self-dependency qlvb-bn"]);
  });
  it("checks references of an entity that also failed its schema", async () => {
    const sys = makeSystem({ securityLevel: 7, owner: "nobody", dependsOn: [{ target: "nope", coupling: "loose", port: 99999 }] });
    expect((await rules(makeInventory({ systems: [sys] }))).sort()).toEqual(["out-of-range qlvb-bn", "out-of-range qlvb-bn", "unknown-reference qlvb-bn", "unknown-reference qlvb-bn"]);
  });
  it("does not report references to an entity that failed its schema as dangling", async () => {
    const inv = makeInventory({ servers: [makeServer({ cpuCores: -1 }), makeServer({ kind: "virtual" })] });
    expect(await rules(inv)).toEqual(["out-of-range host-1"]);
  });
});

describe("warnings", () => {
  it("warns of hosts and OSes out of support, not of those still in support", async () => {
    const inv = makeInventory({
      servers: [makeServer({ supportEnds: "2025-06-30", os: { name: "VMware ESXi", version: "6.7", endOfSupport: "2022-10-15" } }), makeServer({ kind: "virtual", supportEnds: "2027-01-01", os: { name: "Ubuntu", version: "24.04", endOfSupport: "2029-05-31" } })],
    });
    expect((await findings(inv)).map((f) => f.message)).toEqual(["vendor support ended on 2025-06-30", "VMware ESXi 6.7 left support on 2022-10-15"]);
  });
  it("warns of a system without servers", async () => {
    expect(await rules(makeInventory({ systems: [makeSystem({ servers: [] })] }))).toEqual(["no-servers qlvb-bn"]);
  });
  it("warns of utilisation above 90 %, not at 90 %", async () => {
    const inv = makeInventory({ servers: [makeServer({ usage: { cpuPct: 90 } }), makeServer({ kind: "virtual", usage: { memoryPct: 97 } })] });
    expect((await findings(inv)).map((f) => `${f.entity} ${f.message}`)).toEqual(["vm-1 memoryPct 97 % is above 90 %: size it up when it moves"]);
  });
  it("does not fail the load for warnings", async () => {
    const loaded = await loadInventory(writeInventory(makeInventory({ systems: [makeSystem({ servers: [] })] })));
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0].line).toBeGreaterThan(0);
  });
  it("warns when a survivor has another function", async () => {
    const inv = makeInventory({ systems: [makeSystem({ disposition: "consolidate", consolidateInto: "sso" }), makeSystem({ id: "sso", function: "sso" })], agencies: [makeAgency()] });
    expect(await rules(inv)).toEqual(["consolidate-other-function qlvb-bn"]);
  });
});
