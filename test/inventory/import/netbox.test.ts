// NetBox API exports — /api/dcim/sites/, /api/dcim/devices/ (two pages in two files),
// /api/virtualization/virtual-machines/ (a list of pages in one file), with NetBox's nested brief
// objects and `status: {value, label}` — import into an inventory that validates, each device and
// VM matching its JSON object; a missing page, an unmapped role and a host without CPU fields are
// reported.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInventorySync } from "../../../inventory/load.js";
import { baseInventory, dcplanImport, serversOf, stripDir, tempFile, yamlOf } from "./helpers.js";

const API = "https://netbox.bacgiang.gov.vn/api";
const brief = <T extends Record<string, unknown>>(kind: string, id: number, extra: T) => ({ id, url: `${API}/${kind}/${id}/`, display: extra.name ?? extra.model, ...extra });
const status = (value: string) => ({ value, label: value[0].toUpperCase() + value.slice(1) });

const SITE = brief("dcim/sites", 2, { name: "TTTHDL Bắc Giang", slug: "ttthdl-bg", description: "" });

function device(id: number, name: string, role: string, model: string, extra: Record<string, unknown> = {}) {
  return {
    ...brief("dcim/devices", id, { name }),
    device_type: { ...brief("dcim/device-types", 10 + id, { model, slug: model.toLowerCase().replace(/\s+/g, "-") }), manufacturer: brief("dcim/manufacturers", 1, { name: "Dell", slug: "dell" }) },
    role: brief("dcim/device-roles", 3, { name: role, slug: role }),
    tenant: null,
    platform: null,
    serial: `SN${id}`,
    site: SITE,
    location: null,
    rack: brief("dcim/racks", 7, { name: "R07" }),
    position: 10 + id,
    status: status("active"),
    cluster: role === "hypervisor" ? brief("virtualization/clusters", 1, { name: "CL-BG-01" }) : null,
    primary_ip4: null,
    tags: [],
    custom_fields: {},
    ...extra,
  };
}

const DEVICES = [
  device(1, "bg-esx-01", "hypervisor", "PowerEdge R740", { custom_fields: { cpu_cores: 40, memory_gb: 512 }, platform: brief("dcim/platforms", 1, { name: "VMware ESXi 7.0.3", slug: "esxi-7" }) }),
  device(2, "bg-esx-02", "hypervisor", "PowerEdge R740", { custom_fields: { cpu_cores: 40, memory_gb: 512, power_watts: 620 } }),
  device(3, "bg-san-01", "storage", "PowerVault ME5024", { custom_fields: { storage_gb: 96000 } }),
  device(4, "bg-core-sw-01", "core-switch", "S5248F-ON", { tenant: brief("tenancy/tenants", 4, { name: "Sở Khoa học và Công nghệ", slug: "so-khcn" }) }),
  device(5, "bg-pdu-01", "pdu", "Rack PDU", {}),
  device(6, "bg-esx-new", "hypervisor", "PowerEdge R760", { status: status("planned") }),
];

function vm(id: number, name: string, vcpus: number | string, memory: number, disk: number, host: number | null, extra: Record<string, unknown> = {}) {
  return {
    ...brief("virtualization/virtual-machines", id, { name }),
    status: status("active"),
    site: SITE,
    cluster: brief("virtualization/clusters", 1, { name: "CL-BG-01" }),
    device: host === null ? null : brief("dcim/devices", host, { name: `bg-esx-0${host}` }),
    role: null,
    tenant: brief("tenancy/tenants", 5, { name: "Sở Y tế", slug: "so-yte" }),
    platform: brief("dcim/platforms", 3, { name: "Ubuntu 22.04 LTS", slug: "ubuntu-22-04" }),
    primary_ip4: { id: id + 100, url: `${API}/ipam/ip-addresses/${id + 100}/`, family: { value: 4, label: "IPv4" }, address: `10.20.0.${id}/24` },
    vcpus,
    memory,
    disk,
    description: "",
    comments: "",
    tags: [{ id: 1, url: `${API}/extras/tags/1/`, name: "prod", slug: "prod", color: "9e9e9e" }],
    custom_fields: {},
    ...extra,
  };
}

const VMS = [
  vm(11, "bg-his-app-01", 8, 32768, 204800, 1),
  vm(12, "bg-his-db-01", "16.00", 131072, 2048000, 2),
  vm(13, "bg-portal-01", 4, 8192, 102400, null),
  vm(14, "bg-old-01", 2, 4096, 51200, 1, { status: status("offline") }),
  vm(15, "bg-future-01", 2, 4096, 51200, 1, { status: status("planned") }),
];

function page<T>(results: T[], count: number, offset: number, limit: number, path: string) {
  return { count, next: offset + limit < count ? `${API}/${path}/?limit=${limit}&offset=${offset + limit}` : null, previous: offset > 0 ? `${API}/${path}/?limit=${limit}&offset=${Math.max(0, offset - limit)}` : null, results };
}

function writeJson(name: string, data: unknown): string {
  const file = tempFile(name);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

function exportFiles(pages = true): string[] {
  const sites = writeJson("sites.json", page([SITE], 1, 0, 50, "dcim/sites"));
  const dev1 = writeJson("devices-1.json", page(DEVICES.slice(0, 3), DEVICES.length, 0, 3, "dcim/devices"));
  const dev2 = writeJson("devices-2.json", page(DEVICES.slice(3), DEVICES.length, 3, 3, "dcim/devices"));
  const vms = writeJson("virtual-machines.json", [page(VMS.slice(0, 2), VMS.length, 0, 2, "virtualization/virtual-machines"), page(VMS.slice(2, 4), VMS.length, 2, 2, "virtualization/virtual-machines"), page(VMS.slice(4), VMS.length, 4, 2, "virtualization/virtual-machines")]);
  return pages ? [sites, dev1, dev2, vms] : [sites, dev1, vms];
}

describe("dcplan import --from netbox", () => {
  it("imports a paged export object by object into an inventory that validates", async () => {
    const inv = baseInventory();
    const map = tempFile("mapping.yaml");
    writeFileSync(map, "sites: { ttthdl-bg: dc-bg }\nhosts: { CL-BG-01: bg-esx-02 }\nnetbox:\n  tenants: { so-yte: so-yte }\n");
    const r = await dcplanImport([...exportFiles(), "--from", "netbox", "--site", "dc-bn", "--map", map, "--out", inv]);
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    const servers = serversOf(join(inv, "netbox-dc-bg.yaml"));
    expect([...servers.keys()].sort()).toEqual(["bg-core-sw-01", "bg-esx-01", "bg-esx-02", "bg-his-app-01", "bg-his-db-01", "bg-old-01", "bg-portal-01", "bg-san-01"]);
    expect(servers.get("bg-esx-01")).toMatchObject({ site: "dc-bg", kind: "physical", cpuCores: 40, memoryGiB: 512, model: "Dell PowerEdge R740", os: { name: "VMware ESXi", version: "7.0.3" } });
    expect(servers.get("bg-esx-02")).toMatchObject({ powerWatts: 620 });
    expect(servers.get("bg-san-01")).toMatchObject({ kind: "storage", storageGiB: 96000 });
    expect(servers.get("bg-core-sw-01")).toMatchObject({ kind: "network", owner: "so-khcn" });
    for (const v of VMS.slice(0, 4)) {
      const s = servers.get(v.name)!;
      expect(s.cpuCores).toBe(Math.ceil(Number(v.vcpus)));
      expect((s.memoryGiB as number) * 1024).toBe(v.memory);
      expect((s.storageGiB as number) * 1024).toBe(v.disk);
      expect(s.owner).toBe("so-yte");
      expect(s.vmName ?? s.id).toBe(v.name);
      expect((s["x-source"] as Record<string, unknown>).uuid).toBe(v.url);
    }
    expect(servers.get("bg-his-app-01")!.hostedOn).toBe("bg-esx-01");
    expect(servers.get("bg-portal-01")!.hostedOn).toBe("bg-esx-02"); // no device in NetBox: the mapping's host for its cluster
    expect((servers.get("bg-old-01")!["x-source"] as Record<string, unknown>).power).toBe("offline");
    expect(r.out).toContain("NetBox devices left out (1):");
    expect(r.out).toContain('device "bg-esx-new" is planned in NetBox: not imported');
    expect(r.out).toContain('virtual machine "bg-future-01" is planned in NetBox: not imported');
    loadInventorySync(inv, { asOf: "2026-11-30" });
  });

  it("needs the host of a VM whose NetBox record names none when its cluster has several", async () => {
    const inv = baseInventory();
    const r = await dcplanImport([...exportFiles(), "--from", "netbox", "--site", "dc-bg", "--out", inv]);
    expect(r.status).toBe(2);
    expect(stripDir(r.err, tempFile("x").replace(/\/[^/]+\/x$/, ""))).toMatch(/virtual-machines\.json:\d+:\d+: bg-portal-01 cluster: no host: NetBox gives no device and cluster "CL-BG-01" has 2 hosts in the export; set the VM's device in NetBox, or hosts\.CL-BG-01 in the mapping\n$/);
  });

  it("reports a missing page with the count it expected", async () => {
    const inv = baseInventory();
    const map = tempFile("mapping.yaml");
    writeFileSync(map, "hosts: { CL-BG-01: bg-esx-01 }\n");
    const r = await dcplanImport([...exportFiles(false), "--from", "netbox", "--site", "dc-bg", "--map", map, "--out", inv]);
    expect(r.status).toBe(2);
    expect(r.err.replace(/^.*\//, "")).toMatchInlineSnapshot(`
      "devices-1.json:2:12: devices: 3 of 6 objects: a page is missing; give every page (follow "next" until it is null, or ask with ?limit=0 when MAX_PAGE_SIZE allows)
      "
    `);
  });

  it("names the JSON place of a host without CPU fields and of a bad vcpus", async () => {
    const inv = baseInventory();
    const devices = writeJson("devices.json", page([device(1, "bg-esx-01", "server", "PowerEdge R740", { custom_fields: { cpu_cores: "many", memory_gb: 512 } }), device(2, "bg-esx-02", "server", "PowerEdge R740")], 2, 0, 50, "dcim/devices"));
    const vms = join(devices, "..", "vms.json");
    writeFileSync(vms, `${JSON.stringify(page([vm(11, "bg-a", "x", 1024, 10, 1)], 1, 0, 50, "virtualization/virtual-machines"), null, 2)}\n`);
    const r = await dcplanImport([devices, vms, "--from", "netbox", "--site", "dc-bg", "--out", inv]);
    expect(r.status).toBe(2);
    const lines = r.err.trim().split("\n").map((l) => l.replace(/^.*\//, ""));
    expect(lines).toEqual([
      'devices.json:59:22: bg-esx-01 custom_fields.cpu_cores: must be a whole number > 0 (got "many")',
      "devices.json:115:7: bg-esx-02 custom_fields: physical server has no CPU cores: NetBox has no such field; set custom field cpu_cores (or name yours in the mapping, netbox.customFields.cpuCores)",
      "devices.json:115:7: bg-esx-02 custom_fields: physical server has no memory: set custom field memory_gb in GiB (or name yours in the mapping, netbox.customFields.memoryGiB)",
      'vms.json:59:16: bg-a vcpus: must be a number of vCPUs > 0 (got "x")',
    ]);
    expect(yamlOf(join(inv, "sites.yaml")).sites).toHaveLength(2);
  });
});
