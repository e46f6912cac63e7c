// Writes RVTools-like workbooks with the exact header rows of an RVTools version family
// (inventory/import/rvtools-versions.ts), for the import tests and the import benchmark: hosts,
// VMs, datastores, networks and partitions given as plain records, every other column filled with a
// plausible constant so a row is as wide as RVTools writes it. Streams rows to disk (exceljs'
// WorkbookWriter), so 20,000 VMs take seconds. `generateRvtools` makes a seeded estate of any size.
import ExcelJS from "exceljs";
import { RVTOOLS_HEADERS, type RvtoolsVersion } from "../inventory/import/rvtools-versions.js";
import { mulberry32 } from "./generate.js";

/** An ESXi host row (vHost). */
export interface HostRecord {
  readonly name: string;
  readonly datacenter: string;
  readonly cluster: string;
  readonly sockets: number;
  readonly coresPerCpu: number;
  readonly memoryMiB: number;
  readonly cpuUsagePct?: number;
  readonly memoryUsagePct?: number;
  readonly vendor: string;
  readonly model: string;
  readonly esx: string;
  readonly cpuModel?: string;
}

/** A VM row (vInfo). */
export interface VmRecord {
  readonly name: string;
  readonly power: "poweredOn" | "poweredOff" | "suspended";
  readonly template?: boolean;
  readonly cpus: number;
  readonly memoryMiB: number;
  readonly provisionedMiB: number;
  readonly inUseMiB: number;
  readonly osConfig: string;
  readonly osTools?: string;
  readonly host: string;
  readonly cluster: string;
  readonly datacenter: string;
  readonly folder?: string;
  readonly annotation?: string;
  readonly uuid: string;
  readonly primaryIp?: string;
}

/** A datastore row (vDatastore). */
export interface DatastoreRecord {
  readonly name: string;
  readonly type: string;
  readonly capacityMiB: number;
  readonly inUseMiB: number;
  readonly hosts: readonly string[];
  readonly cluster?: string;
}

/** A NIC row (vNetwork). */
export interface NicRecord {
  readonly vm: string;
  readonly uuid: string;
  readonly network: string;
  readonly ip?: string;
}

/** A guest partition row (vPartition). */
export interface PartitionRecord {
  readonly vm: string;
  readonly uuid: string;
  readonly disk: string;
  readonly capacityMiB: number;
  readonly consumedMiB: number;
}

/** What a workbook holds. */
export interface RvtoolsEstate {
  readonly vcenter: string;
  readonly hosts: readonly HostRecord[];
  readonly vms: readonly VmRecord[];
  readonly datastores?: readonly DatastoreRecord[];
  readonly nics?: readonly NicRecord[];
  readonly partitions?: readonly PartitionRecord[];
}

type Value = string | number | boolean | null;

function vinfoValue(h: string, vm: VmRecord, vcenter: string): Value {
  switch (h) {
    case "VM":
      return vm.name;
    case "Powerstate":
      return vm.power;
    case "Template":
      return vm.template ?? false;
    case "SRM Placeholder":
      return false;
    case "CPUs":
      return vm.cpus;
    case "Memory":
      return vm.memoryMiB;
    case "Provisioned MiB":
    case "Provisioned MB":
      return vm.provisionedMiB;
    case "In Use MiB":
    case "In Use MB":
      return vm.inUseMiB;
    case "Total disk capacity MiB":
    case "Total disk capacity MB":
      return Math.round(vm.provisionedMiB * 0.9);
    case "OS according to the configuration file":
      return vm.osConfig;
    case "OS according to the VMware Tools":
      return vm.osTools ?? "";
    case "Host":
      return vm.host;
    case "Cluster":
      return vm.cluster;
    case "Datacenter":
      return vm.datacenter;
    case "Folder":
      return vm.folder ?? "";
    case "Annotation":
      return vm.annotation ?? "";
    case "VM UUID":
      return vm.uuid;
    case "VM ID":
      return `vm-${vm.uuid.slice(0, 6)}`;
    case "Primary IP Address":
      return vm.primaryIp ?? "";
    case "VI SDK Server":
      return vcenter;
    case "Path":
      return `[datastore1] ${vm.name}/${vm.name}.vmx`;
    case "Guest state":
      return vm.power === "poweredOn" ? "running" : "notRunning";
    case "Connection state":
      return "connected";
    case "NICs":
    case "Disks":
      return 1;
    case "HW version":
      return "vmx-19";
    case "Firmware":
      return "efi";
    default:
      return null;
  }
}

function vhostValue(h: string, host: HostRecord, vcenter: string): Value {
  switch (h) {
    case "Host":
      return host.name;
    case "Datacenter":
      return host.datacenter;
    case "Cluster":
      return host.cluster;
    case "CPU Model":
      return host.cpuModel ?? "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz";
    case "Speed":
      return 2000;
    case "# CPU":
      return host.sockets;
    case "Cores per CPU":
      return host.coresPerCpu;
    case "# Cores":
      return host.sockets * host.coresPerCpu;
    case "CPU usage %":
      return host.cpuUsagePct ?? null;
    case "# Memory":
      return host.memoryMiB;
    case "Memory usage %":
      return host.memoryUsagePct ?? null;
    case "Vendor":
      return host.vendor;
    case "Model":
      return host.model;
    case "ESX Version":
      return host.esx;
    case "VI SDK Server":
      return vcenter;
    case "HT Available":
    case "HT Active":
      return true;
    default:
      return null;
  }
}

function datastoreValue(h: string, d: DatastoreRecord, vcenter: string): Value {
  switch (h) {
    case "Name":
      return d.name;
    case "Type":
      return d.type;
    case "Capacity MiB":
    case "Capacity MB":
      return d.capacityMiB;
    case "In Use MiB":
    case "In Use MB":
      return d.inUseMiB;
    case "Free MiB":
    case "Free MB":
      return d.capacityMiB - d.inUseMiB;
    case "Free %":
      return Math.round(((d.capacityMiB - d.inUseMiB) / d.capacityMiB) * 100);
    case "# Hosts":
      return d.hosts.length;
    case "Hosts":
      return d.hosts.join(", ");
    case "Cluster name":
      return d.cluster ?? "";
    case "Accessible":
      return true;
    case "URL":
      return `ds:///vmfs/volumes/${d.name}/`;
    case "VI SDK Server":
      return vcenter;
    default:
      return null;
  }
}

function nicValue(h: string, n: NicRecord, vcenter: string): Value {
  switch (h) {
    case "VM":
      return n.vm;
    case "Network":
      return n.network;
    case "IPv4 Address":
    case "IP Address":
      return n.ip ?? "";
    case "Connected":
      return true;
    case "VM UUID":
      return n.uuid;
    case "VI SDK Server":
      return vcenter;
    case "Adapter":
      return "vmxnet3";
    default:
      return null;
  }
}

function partitionValue(h: string, p: PartitionRecord, vcenter: string): Value {
  switch (h) {
    case "VM":
      return p.vm;
    case "Disk":
      return p.disk;
    case "Capacity MiB":
    case "Capacity MB":
      return p.capacityMiB;
    case "Consumed MiB":
    case "Consumed MB":
      return p.consumedMiB;
    case "Free MiB":
    case "Free MB":
      return p.capacityMiB - p.consumedMiB;
    case "VM UUID":
      return p.uuid;
    case "VI SDK Server":
      return vcenter;
    default:
      return null;
  }
}

/** Options of writeRvtoolsWorkbook. */
export interface WriteOptions {
  readonly version?: RvtoolsVersion;
  /** Sheets to leave out (e.g. vInfo, to test its absence). */
  readonly omit?: readonly string[];
  /** Extra sheets RVTools writes that dcplan does not read (vCPU, vMemory, vDisk…), each with this many rows [0: none]. */
  readonly extraSheetRows?: number;
}

/** Writes `estate` as an RVTools workbook at `file`. */
export async function writeRvtoolsWorkbook(file: string, estate: RvtoolsEstate, opts: WriteOptions = {}): Promise<void> {
  const headers = RVTOOLS_HEADERS[opts.version ?? "4.x"];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = <T>(name: keyof typeof headers, rows: readonly T[], value: (h: string, r: T, vc: string) => Value) => {
    if (opts.omit?.includes(name)) return;
    const ws = wb.addWorksheet(name);
    ws.addRow(headers[name] as string[]).commit();
    for (const r of rows) ws.addRow(headers[name].map((h) => value(h, r, estate.vcenter))).commit();
    ws.commit();
  };
  sheet("vInfo", estate.vms, vinfoValue);
  if (opts.extraSheetRows) {
    for (const name of ["vCPU", "vMemory", "vDisk"]) {
      const ws = wb.addWorksheet(name);
      ws.addRow(["VM", "Powerstate", "Template", "Size", "Overall", "Level", "Shares", "Reservation", "Limit", "Annotation", "Datacenter", "Cluster", "Host", "VM UUID", "VI SDK Server"]).commit();
      for (let i = 0; i < Math.min(opts.extraSheetRows, estate.vms.length); i++) {
        const vm = estate.vms[i];
        ws.addRow([vm.name, vm.power, false, vm.cpus, 2000, "normal", 1000, 0, -1, vm.annotation ?? "", vm.datacenter, vm.cluster, vm.host, vm.uuid, estate.vcenter]).commit();
      }
      ws.commit();
    }
  }
  sheet("vHost", estate.hosts, vhostValue);
  sheet("vDatastore", estate.datastores ?? [], datastoreValue);
  sheet("vNetwork", estate.nics ?? [], nicValue);
  sheet("vPartition", estate.partitions ?? [], partitionValue);
  const meta = wb.addWorksheet("vMetaData");
  meta.addRow(["RVTools major version", "RVTools version", "xlsx creation datetime", "Server"]).commit();
  meta.addRow([opts.version === "4.x" || opts.version === undefined ? 4 : 3, opts.version ?? "4.x", "2026/11/30 08:00:00", estate.vcenter]).commit();
  meta.commit();
  await wb.commit();
}

const OSES: readonly [string, string | undefined][] = [
  ["Microsoft Windows Server 2019 (64-bit)", "Microsoft Windows Server 2019 Standard"],
  ["Microsoft Windows Server 2016 or later (64-bit)", "Microsoft Windows Server 2016 Datacenter"],
  ["Microsoft Windows Server 2012 (64-bit)", "Microsoft Windows Server 2012 R2 Standard"],
  ["Ubuntu Linux (64-bit)", "Ubuntu 22.04.4 LTS"],
  ["Red Hat Enterprise Linux 8 (64-bit)", "Red Hat Enterprise Linux 8.8 (Ootpa)"],
  ["CentOS 7 (64-bit)", "CentOS Linux release 7.9.2009 (Core)"],
  ["Oracle Linux 7 (64-bit)", undefined],
];

/** A seeded estate of `vms` VMs on hosts of 64 cores (`perHost` VMs a host [30]), with NICs, partitions and shared datastores. */
export function generateRvtools(vms: number, seed = 1, vcenter = "vc01.dc-bn.bacninh.gov.vn", datacenter = "DC-BacNinh", perHost = 30): RvtoolsEstate {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const hostCount = Math.max(1, Math.ceil(vms / perHost));
  const clusters = Math.max(1, Math.ceil(hostCount / 16));
  const hosts: HostRecord[] = Array.from({ length: hostCount }, (_, i) => ({
    name: `esx${String(i + 1).padStart(3, "0")}.dc-bn.bacninh.gov.vn`,
    datacenter,
    cluster: `CL-${String((i % clusters) + 1).padStart(2, "0")}`,
    sockets: 2,
    coresPerCpu: 32,
    memoryMiB: 1024 * 1024,
    cpuUsagePct: Math.round(rnd() * 700) / 10,
    memoryUsagePct: Math.round(300 + rnd() * 600) / 10,
    vendor: pick(["Dell Inc.", "HPE", "Lenovo"]),
    model: pick(["PowerEdge R750", "ProLiant DL380 Gen10 Plus", "ThinkSystem SR650 V2"]),
    esx: pick(["VMware ESXi 7.0.3 build-21930508", "VMware ESXi 8.0.2 build-22380479"]),
  }));
  const records: VmRecord[] = [];
  const nics: NicRecord[] = [];
  const partitions: PartitionRecord[] = [];
  const agencies = ["so-yte", "so-gddt", "so-tc", "so-nnmt", "so-noi-vu", "van-phong-ubnd", "so-khcn"];
  for (let i = 0; i < vms; i++) {
    const host = hosts[i % hostCount];
    const cpus = pick([2, 2, 4, 4, 4, 8, 8, 16]);
    const memoryMiB = pick([4, 8, 8, 16, 16, 32, 64]) * 1024;
    const provisionedMiB = pick([60, 100, 200, 500, 1000, 2000]) * 1024;
    const [osConfig, osTools] = pick(OSES);
    const agency = agencies[i % agencies.length];
    const name = `bn-${agency}-${pick(["app", "web", "db", "file", "report"])}-${String(i).padStart(5, "0")}`;
    const uuid = `4211${(i + seed * 1_000_003).toString(16).padStart(8, "0")}-${(i % 65536).toString(16).padStart(4, "0")}-4a2b-8c3d-${(i * 7919).toString(16).padStart(12, "0").slice(-12)}`;
    const power = rnd() < 0.06 ? "poweredOff" : "poweredOn";
    records.push({
      name,
      power,
      cpus,
      memoryMiB,
      provisionedMiB,
      inUseMiB: Math.round(provisionedMiB * (0.2 + rnd() * 0.7)),
      osConfig,
      osTools: power === "poweredOn" ? osTools : undefined,
      host: host.name,
      cluster: host.cluster,
      datacenter,
      folder: `${agency}/prod`,
      annotation: i % 5 === 0 ? `He thong cua ${agency}` : undefined,
      uuid,
      primaryIp: `10.${10 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
    });
    nics.push({ vm: name, uuid, network: pick(["VLAN-101-APP", "VLAN-102-DB", "VLAN-200-DMZ"]), ip: `10.${10 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` });
    if (power === "poweredOn") {
      const cap = Math.round(provisionedMiB * 0.45);
      partitions.push({ vm: name, uuid, disk: osConfig.includes("Windows") ? "C:\\" : "/", capacityMiB: cap, consumedMiB: Math.round(cap * (0.3 + rnd() * 0.6)) });
      partitions.push({ vm: name, uuid, disk: osConfig.includes("Windows") ? "D:\\" : "/data", capacityMiB: cap, consumedMiB: Math.round(cap * (0.2 + rnd() * 0.7)) });
    }
  }
  const datastores: DatastoreRecord[] = [];
  for (let c = 0; c < clusters; c++) {
    const members = hosts.filter((h) => h.cluster === `CL-${String(c + 1).padStart(2, "0")}`).map((h) => h.name);
    datastores.push({ name: `DS-SAN-CL${String(c + 1).padStart(2, "0")}-01`, type: "VMFS", capacityMiB: 64 * 1024 * 1024, inUseMiB: Math.round(40 * 1024 * 1024 * (0.5 + rnd() * 0.4)), hosts: members, cluster: `CL-${String(c + 1).padStart(2, "0")}` });
  }
  for (const h of hosts) datastores.push({ name: `${h.name.split(".")[0]}-local`, type: "VMFS", capacityMiB: 800 * 1024, inUseMiB: 20 * 1024, hosts: [h.name] });
  return { vcenter, hosts, vms: records, datastores, nics, partitions };
}
