import { describe, expect, it } from "vitest";
import { Agency, isCalendarDate, Server, Site, System } from "../../inventory/schema.js";
import { makeAgency, makeServer, makeSite, makeSystem } from "../fixtures.js";

function issues(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("ids", () => {
  it.each(["dc-bn", "a", "0abc", "x".repeat(63)])("accepts the DNS-1123 label %s", (id) => {
    expect(issues(Site, makeSite({ id }))).toEqual([]);
  });
  it.each(["DC-BN", "-dc", "dc-", "dc_bn", "dc.bn", "x".repeat(64), "", "bắc-ninh"])("rejects %j", (id) => {
    expect(issues(Site, makeSite({ id }))[0]).toMatch(/^id: must be a DNS-1123 label/);
  });
});

describe("dates", () => {
  it("accepts real calendar dates, leap days included", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-12-31")).toBe(true);
  });
  it.each(["2025-13-45", "2026-02-29", "2026-04-31", "2026-1-05", "26-01-01", "2026-00-10"])("rejects %s instead of rolling it over", (d) => {
    expect(isCalendarDate(d)).toBe(false);
    expect(issues(Server, makeServer({ supportEnds: d }))).toEqual(["supportEnds: must be a real calendar date YYYY-MM-DD"]);
  });
});

describe("unknown fields", () => {
  it("rejects an unknown field and suggests the near one", () => {
    expect(issues(Server, { ...makeServer(), cpuCore: 4 })).toEqual(['cpuCore: unknown field "cpuCore" (did you mean "cpuCores"?)']);
  });
  it("suggests the known field a truncated one starts with", () => {
    expect(issues(Server, { ...makeServer(), storage: 100 })).toEqual(['storage: unknown field "storage" (did you mean "storageGiB"?)']);
  });
  it("keeps x- fields at any level", () => {
    expect(issues(Server, { ...makeServer(), "x-note": "rack A3", usage: { cpuPct: 3, "x-source": "zabbix" } })).toEqual([]);
  });
  it("rejects unknown fields in nested objects", () => {
    expect(issues(Site, makeSite({ wan: { tslcdMbps: 100, fooMbps: 3 } as never }))).toEqual(['wan.fooMbps: unknown field "fooMbps"']);
  });
});

describe("servers", () => {
  it("requires cpuCores and memoryGiB on physical and virtual servers", () => {
    const { cpuCores: _c, memoryGiB: _m, ...bare } = makeServer();
    expect(issues(Server, bare)).toEqual(["cpuCores: is required for a physical server", "memoryGiB: is required for a physical server"]);
  });
  it("does not require them on storage, network and appliances", () => {
    expect(issues(Server, makeServer({ kind: "storage" }))).toEqual([]);
    expect(issues(Server, makeServer({ kind: "appliance" }))).toEqual([]);
  });
  it("requires hostedOn on a VM and forbids it elsewhere", () => {
    const { hostedOn: _h, ...vm } = makeServer({ kind: "virtual" });
    expect(issues(Server, vm)).toEqual(["hostedOn: is required for a virtual server (the physical host it runs on)"]);
    expect(issues(Server, makeServer({ hostedOn: "host-2" }))).toEqual(["hostedOn: is only allowed on virtual servers, not on a physical one"]);
  });
  it("forbids power and rack units on a VM", () => {
    expect(issues(Server, makeServer({ kind: "virtual", powerWatts: 100, rackUnits: 1 }))).toEqual([
      "powerWatts: is only allowed on physical kinds, not on a virtual server",
      "rackUnits: is only allowed on physical kinds, not on a virtual server",
    ]);
  });
  it("checks ranges: cores > 0 and whole, percentages 0–100, storage ≥ 0", () => {
    expect(issues(Server, makeServer({ cpuCores: 0 }))).toEqual(["cpuCores: must be > 0"]);
    expect(issues(Server, makeServer({ cpuCores: 2.5 }))).toEqual(["cpuCores: must be a whole number"]);
    expect(issues(Server, makeServer({ usage: { cpuPct: 101 } }))).toEqual(["usage.cpuPct: must be a percentage 0–100"]);
    expect(issues(Server, makeServer({ storageGiB: -1 }))).toEqual(["storageGiB: must be ≥ 0"]);
    expect(issues(Server, makeServer({ usage: { cpuPct: 100, memoryPct: 0 } }))).toEqual([]);
  });
  it("rejects an unknown kind", () => {
    expect(issues(Server, makeServer({ kind: "blade" as never }))[0]).toMatch(/^kind: /);
  });
  it("accepts an OS version written as a number and keeps it as text", () => {
    const r = Server.safeParse(makeServer({ os: { name: "Windows Server", version: 2019 as never, endOfSupport: "2029-01-09" } }));
    expect(r.success && r.data.os?.version).toBe("2019");
  });
});

describe("systems", () => {
  it("requires a security level 1–5", () => {
    expect(issues(System, makeSystem({ securityLevel: 0 }))).toEqual(["securityLevel: must be a security level 1–5"]);
    expect(issues(System, makeSystem({ securityLevel: 6 }))).toEqual(["securityLevel: must be a security level 1–5"]);
    expect(issues(System, makeSystem({ securityLevel: 5 }))).toEqual([]);
  });
  it("requires servers (an empty list is fine for SaaS)", () => {
    const { servers: _s, ...bare } = makeSystem();
    expect(issues(System, bare)[0]).toMatch(/^servers: /);
    expect(issues(System, makeSystem({ servers: [] }))).toEqual([]);
  });
  it("checks dependencies: coupling, port range, protocol", () => {
    expect(issues(System, makeSystem({ dependsOn: [{ target: "ndxp", coupling: "loose", port: 443, protocol: "tcp" }] }))).toEqual([]);
    expect(issues(System, makeSystem({ dependsOn: [{ target: "ndxp", coupling: "medium" as never }] }))[0]).toMatch(/^dependsOn\.0\.coupling: /);
    expect(issues(System, makeSystem({ dependsOn: [{ target: "ndxp", coupling: "loose", port: 0 }] }))).toEqual(["dependsOn.0.port: must be a port 1–65535"]);
    expect(issues(System, makeSystem({ dependsOn: [{ target: "ndxp", coupling: "loose", protocol: "icmp" as never }] }))[0]).toMatch(/^dependsOn\.0\.protocol: /);
  });
  it("rejects consolidateInto with another disposition", () => {
    expect(issues(System, makeSystem({ disposition: "rehost", consolidateInto: "qlvb-bg" }))).toEqual(['consolidateInto: is only meaningful with disposition "consolidate", not "rehost"']);
    expect(issues(System, makeSystem({ disposition: "consolidate", consolidateInto: "qlvb-bg" }))).toEqual([]);
  });
  it("rejects an unknown disposition and lifecycle", () => {
    expect(issues(System, makeSystem({ disposition: "migrate" as never }))[0]).toMatch(/^disposition: /);
    expect(issues(System, makeSystem({ lifecycle: "dead" as never }))[0]).toMatch(/^lifecycle: /);
  });
});

describe("agencies", () => {
  it("accepts the contract's kinds only", () => {
    expect(issues(Agency, makeAgency({ kind: "police" }))).toEqual([]);
    expect(issues(Agency, makeAgency({ kind: "ministry" as never }))[0]).toMatch(/^kind: /);
  });
});
