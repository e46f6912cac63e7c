// RVTools workbooks of three version families (headers as RVTools writes them) import into
// inventories that validate, with every VM and host matching its source row: counts, cores,
// memory, storage, host, OS, power state. Also: datastores, vNetwork/vPartition facts, the
// mapping's owners and systems, templates left out, and the bad inputs (no vInfo, a wrong cell).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type RvtoolsEstate, generateRvtools, writeRvtoolsWorkbook } from "../../../bench/rvtools-workbook.js";
import { shortHostName, slugId } from "../../../inventory/import/ids.js";
import { parseOsName } from "../../../inventory/import/os-name.js";
import type { RvtoolsVersion } from "../../../inventory/import/rvtools-versions.js";
import { loadInventorySync } from "../../../inventory/load.js";
import { baseInventory, dcplanImport, serversOf, stripDir, tempFile, yamlOf } from "./helpers.js";

async function workbook(estate: RvtoolsEstate, version: RvtoolsVersion, omit?: string[]): Promise<string> {
  const file = tempFile(`rvtools-${version}.xlsx`);
  await writeRvtoolsWorkbook(file, estate, { version, omit, extraSheetRows: 5 });
  return file;
}

describe("dcplan import --from rvtools", () => {
  for (const version of ["4.x", "3.11", "3.6"] as const) {
    it(`imports an RVTools ${version} workbook row by row into an inventory that validates`, async () => {
      const estate = generateRvtools(60, 7);
      const file = await workbook(estate, version);
      const inv = baseInventory();
      const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-bn", "--out", inv]);
      expect(r.err).toBe("");
      expect(r.status).toBe(0);
      const loaded = loadInventorySync(inv, { asOf: "2026-11-30" });
      const servers = serversOf(join(inv, "rvtools-dc-bn.yaml"));
      const vms = [...servers.values()].filter((s) => s.kind === "virtual");
      const hosts = [...servers.values()].filter((s) => s.kind === "physical");
      expect(vms).toHaveLength(estate.vms.length);
      expect(hosts).toHaveLength(estate.hosts.length);
      expect(loaded.inventory.servers.filter((s) => s.kind === "storage")).toHaveLength(1); // the shared SAN datastore; local ones count on their hosts
      for (const vm of estate.vms) {
        const s = servers.get(slugId(vm.name))!;
        expect(s, vm.name).toBeDefined();
        expect(s.vmName ?? s.id).toBe(vm.name); // vmName is written only when it differs from the id (its default)
        expect(s.cpuCores).toBe(vm.cpus);
        expect((s.memoryGiB as number) * 1024).toBeCloseTo(vm.memoryMiB, 0);
        expect((s.storageGiB as number) * 1024).toBeCloseTo(vm.provisionedMiB, -1);
        expect(s.hostedOn).toBe(slugId(shortHostName(vm.host)));
        const os = parseOsName(version === "3.6" ? vm.osConfig : (vm.osTools ?? vm.osConfig))!;
        expect(s.os).toEqual({ name: os.name, ...(os.version ? { version: os.version } : {}) });
        expect((s["x-source"] as Record<string, unknown>).power).toBe(vm.power);
        expect((s["x-source"] as Record<string, unknown>).uuid).toBe(vm.uuid);
      }
      for (const h of estate.hosts) {
        const s = servers.get(slugId(shortHostName(h.name)))!;
        expect(s.cpuCores).toBe(h.sockets * h.coresPerCpu);
        expect((s.memoryGiB as number) * 1024).toBe(h.memoryMiB);
        expect(s.storageGiB).toBe(800); // its local datastore, 800 GiB
      }
      const totalMiB = estate.vms.reduce((n, v) => n + v.memoryMiB, 0);
      expect(loaded.inventory.servers.filter((s) => s.kind === "virtual").reduce((n, s) => n + (s.memoryGiB ?? 0) * 1024, 0)).toBeCloseTo(totalMiB, 0);
    });
  }

  it("takes used storage from vPartition, networks and addresses from vNetwork, and writes one comment per entity naming its row", async () => {
    const estate: RvtoolsEstate = {
      vcenter: "vc.bn",
      hosts: [{ name: "esx01.bn.local", datacenter: "DC-BN", cluster: "CL-EGOV", sockets: 2, coresPerCpu: 24, memoryMiB: 786432, cpuUsagePct: 41.5, memoryUsagePct: 63, vendor: "Dell Inc.", model: "PowerEdge R750", esx: "VMware ESXi 7.0.3 build-21930508" }],
      vms: [
        { name: "BN-QLVB-App 01", power: "poweredOn", cpus: 8, memoryMiB: 32768, provisionedMiB: 204800, inUseMiB: 100000, osConfig: "Ubuntu Linux (64-bit)", osTools: "Ubuntu 22.04.3 LTS", host: "esx01.bn.local", cluster: "CL-EGOV", datacenter: "DC-BN", folder: "Van phong UBND/QLVB", annotation: "QLVB - ung dung", uuid: "4211-a" },
        { name: "tpl-win2019", power: "poweredOff", template: true, cpus: 2, memoryMiB: 4096, provisionedMiB: 61440, inUseMiB: 20000, osConfig: "Microsoft Windows Server 2019 (64-bit)", host: "esx01.bn.local", cluster: "CL-EGOV", datacenter: "DC-BN", uuid: "4211-t" },
      ],
      nics: [
        { vm: "BN-QLVB-App 01", uuid: "4211-a", network: "VLAN-101-APP", ip: "10.1.1.10" },
        { vm: "BN-QLVB-App 01", uuid: "4211-a", network: "VLAN-900-MGMT", ip: "fe80::1, 10.9.9.10" },
      ],
      partitions: [
        { vm: "BN-QLVB-App 01", uuid: "4211-a", disk: "/", capacityMiB: 50000, consumedMiB: 20000 },
        { vm: "BN-QLVB-App 01", uuid: "4211-a", disk: "/data", capacityMiB: 150000, consumedMiB: 60000 },
      ],
      datastores: [],
    };
    const file = await workbook(estate, "4.x");
    const inv = baseInventory();
    const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-bn", "--out", inv]);
    expect(r.status).toBe(0);
    expect(stripDir(r.out, inv, file.replace(/\/[^/]+$/, ""))).toMatchInlineSnapshot(`
      "--- /dev/null
      +++ b/rvtools-dc-bn.yaml
      @@ new file, 28 lines: 2 servers (--full-diff shows them) @@
      import --from rvtools: 2 servers, 0 systems, 0 dependency rows read; 2 entities new, 0 servers with changed facts; writes 1 file
      templates left out (1):
        VM template "tpl-win2019" not imported (templates run nothing; set templates: true in the mapping to import them)
      VMs in no system (imported; add a system rule to the mapping or list them in a system) (1):
        VM "BN-QLVB-App 01" belongs to no system (no rule of the mapping matches it and no system lists it)
      "
    `);
    const text = (await import("node:fs")).readFileSync(join(inv, "rvtools-dc-bn.yaml"), "utf8");
    expect(text).toContain(`servers:
  # source: rvtools-4.x.xlsx vInfo row 2
  - id: bn-qlvb-app-01
    site: dc-bn
    kind: virtual
    hostedOn: esx01
    cpuCores: 8
    memoryGiB: 32
    storageGiB: 200
    usage: { storageUsedPct: 40 }
    os: { name: Ubuntu, version: "22.04.3 LTS" }
    vmName: BN-QLVB-App 01
    x-source: { cluster: CL-EGOV, datacenter: DC-BN, folder: Van phong UBND/QLVB, ips: ["10.1.1.10", "10.9.9.10"], networks: [VLAN-101-APP, VLAN-900-MGMT], power: poweredOn, uuid: "4211-a", vcenter: vc.bn }
  # source: rvtools-4.x.xlsx vHost row 2
  - id: esx01
    site: dc-bn
    kind: physical
    cpuCores: 48
    memoryGiB: 768
    usage: { cpuPct: 41.5, memoryPct: 63 }
    model: Dell PowerEdge R750
    os: { name: VMware ESXi, version: "7.0.3" }
    x-source: { cluster: CL-EGOV, datacenter: DC-BN, name: esx01.bn.local, vcenter: vc.bn }
`);
  });

  it("applies the mapping: sites by datacenter, owners by folder, systems by name pattern, tags by network", async () => {
    const estate = generateRvtools(30, 3, "vc.bg", "DC-BacGiang");
    const file = await workbook(estate, "4.x");
    const inv = baseInventory();
    const map = tempFile("mapping.yaml");
    (await import("node:fs")).writeFileSync(
      map,
      `idPrefix: bg-
sites: { DC-BacGiang: dc-bg }
owners:
  - { folder: "so-yte/*", owner: so-yte }
  - { name: "/-(db|app)-/", owner: so-khcn }
systems:
  - id: his-bg
    name: Hệ thống thông tin bệnh viện (HIS)
    owner: so-yte
    function: hospital-information
    securityLevel: 3
    match: { folder: "so-yte/*" }
tags:
  - { network: "VLAN-200-DMZ", add: dmz }
`,
    );
    const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-bn", "--map", map, "--out", inv]);
    expect(r.err).toBe("");
    const doc = yamlOf(join(inv, "rvtools-dc-bg.yaml")) as { servers: Record<string, unknown>[]; systems: Record<string, unknown>[] };
    const yte = estate.vms.filter((v) => v.folder?.startsWith("so-yte/"));
    expect(doc.systems).toEqual([{ id: "his-bg", name: "Hệ thống thông tin bệnh viện (HIS)", owner: "so-yte", function: "hospital-information", securityLevel: 3, servers: yte.map((v) => slugId(v.name, "bg-")).sort() }]);
    for (const s of doc.servers) expect(s.site).toBe("dc-bg");
    for (const v of estate.vms) {
      const s = doc.servers.find((x) => (x.vmName ?? x.id) === v.name || x.id === slugId(v.name, "bg-"))!;
      expect(s.id).toBe(slugId(v.name, "bg-"));
      const expected = v.folder?.startsWith("so-yte/") ? "so-yte" : /-(db|app)-/.test(v.name) ? "so-khcn" : undefined;
      expect(s.owner).toBe(expected);
    }
    const dmz = estate.nics!.filter((n) => n.network === "VLAN-200-DMZ").map((n) => slugId(n.vm, "bg-"));
    expect(doc.servers.filter((s) => (s.tags as string[] | undefined)?.includes("dmz")).map((s) => s.id).sort()).toEqual(dmz.sort());
    expect(r.out).toMatch(new RegExp(`VMs in no system .* \\(${estate.vms.length - yte.length}\\):`));
    loadInventorySync(inv, { asOf: "2026-11-30" });
  });

  it("refuses a workbook without vInfo: one line, exit 2, nothing written", async () => {
    const file = await workbook(generateRvtools(5, 1), "4.x", ["vInfo"]);
    const inv = baseInventory();
    const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-bn", "--out", inv]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(stripDir(r.err, file.replace(/\/[^/]+$/, ""))).toMatchInlineSnapshot(`
      "rvtools-4.x.xlsx: no sheet "vInfo": not an RVTools export, or exported without the vInfo tab (sheets found: vCPU, vMemory, vDisk, vHost, vDatastore, vNetwork, vPartition, vMetaData)
      "
    `);
    expect((await import("node:fs")).existsSync(join(inv, "rvtools-dc-bn.yaml"))).toBe(false);
  });

  it("names the cell of a wrong value and of a VM on an unknown host, every problem in one run", async () => {
    const estate = generateRvtools(3, 1);
    const bad: RvtoolsEstate = { ...estate, vms: [{ ...estate.vms[0], cpus: "eight" as unknown as number }, { ...estate.vms[1], host: "esx999.nowhere" }, estate.vms[2]] };
    const file = await workbook(bad, "4.x");
    const inv = baseInventory();
    const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-bn", "--out", inv]);
    expect(r.status).toBe(2);
    expect(stripDir(r.err, file.replace(/\/[^/]+$/, ""))).toMatchInlineSnapshot(`
      "rvtools-4.x.xlsx:vInfo!Q2: bn-so-yte-report-00000 CPUs: must be a whole number (got "eight")
      rvtools-4.x.xlsx:vInfo!CD3: bn-so-gddt-file-00001 Host: host "esx999.nowhere" is neither in vHost nor in the inventory
      "
    `);
  });
});
