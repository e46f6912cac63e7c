// RVTools workbooks (the XLSX export of a vCenter's inventory, "Export all to Excel") into
// inventory servers. Sheets and columns as RVTools writes them; 3.x and 4.x spell sizes differently
// ("Provisioned MB" / "Provisioned MiB", same binary unit), and both are accepted (docs/import.md
// lists the columns per version):
//   vInfo      one VM per row → a `virtual` server: CPUs, Memory (MiB → GiB), Provisioned (or Total
//              disk capacity) → storageGiB, OS from VMware Tools else from the configuration file,
//              the Host it runs on, power state, cluster, datacenter, folder, annotation, UUID;
//   vHost      one ESXi host per row → a `physical` server: # Cores, # Memory, Vendor + Model, ESX
//              Version, CPU and memory usage %;
//   vDatastore shared datastores → `storage` (capacity, used %); a datastore of one host adds its
//              capacity to that host's storageGiB instead;
//   vNetwork   the networks and IPv4 addresses of each VM (for mapping rules and dependency rows);
//   vPartition the guest's partitions: used storage % of a VM (capacity and consumed summed), else
//              In Use ÷ Provisioned from vInfo.
// Only vInfo is required. Templates and SRM placeholders are left out (listed).
import type { Finding } from "../../common/errors.js";
import type { Server, Usage } from "../schema.js";
import { applyMapping, assignServerIds, cmp, findExisting, type ImportContext, round, siteOf as siteFor } from "./assemble.js";
import { cellBoolean, cellNumber, cellText, shown } from "./cells.js";
import { type ColumnSpec, indexHeader } from "./columns.js";
import { shortHostName, slugId } from "./ids.js";
import { parseOsName } from "./os-name.js";
import { emptyBatch, type ImportBatch, type ImportedServer, type Origin, type SourceFacts } from "./types.js";
import { type Cell, cellPlace, readXlsxRows } from "./xlsx-read.js";

/** The sheets read, in the order RVTools writes them. */
export const RVTOOLS_SHEETS = ["vInfo", "vHost", "vDatastore", "vNetwork", "vPartition"] as const;
type SheetName = (typeof RVTOOLS_SHEETS)[number];

const col = <K extends string>(key: K, names: string[], required = false): ColumnSpec<K> => ({ key, names, required });

/** vInfo columns: first spelling RVTools 4.x, then 3.x. */
export const VINFO_COLUMNS = [
  col("name", ["VM"], true),
  col("power", ["Powerstate", "Power state"]),
  col("template", ["Template"]),
  col("srm", ["SRM Placeholder"]),
  col("cpus", ["CPUs"], true),
  col("memory", ["Memory", "Memory MiB", "Memory MB"], true),
  col("provisioned", ["Provisioned MiB", "Provisioned MB"]),
  col("inUse", ["In Use MiB", "In Use MB"]),
  col("totalDisk", ["Total disk capacity MiB", "Total disk capacity MB"]),
  col("osConfig", ["OS according to the configuration file", "OS"]),
  col("osTools", ["OS according to the VMware Tools"]),
  col("host", ["Host"], true),
  col("cluster", ["Cluster"]),
  col("datacenter", ["Datacenter"]),
  col("folder", ["Folder"]),
  col("annotation", ["Annotation"]),
  col("uuid", ["VM UUID"]),
  col("vmId", ["VM ID"]),
  col("ip", ["Primary IP Address"]),
  col("vcenter", ["VI SDK Server"]),
] as const;

export const VHOST_COLUMNS = [
  col("name", ["Host"], true),
  col("datacenter", ["Datacenter"]),
  col("cluster", ["Cluster"]),
  col("cpuModel", ["CPU Model"]),
  col("sockets", ["# CPU"]),
  col("coresPerCpu", ["Cores per CPU"]),
  col("cores", ["# Cores"]),
  col("memory", ["# Memory"], true),
  col("cpuUsage", ["CPU usage %"]),
  col("memUsage", ["Memory usage %"]),
  col("vendor", ["Vendor"]),
  col("model", ["Model"]),
  col("esx", ["ESX Version"]),
  col("serial", ["Serial number", "Service tag"]),
  col("uuid", ["UUID"]),
  col("vcenter", ["VI SDK Server"]),
] as const;

export const VDATASTORE_COLUMNS = [
  col("name", ["Name"], true),
  col("type", ["Type"]),
  col("capacity", ["Capacity MiB", "Capacity MB"], true),
  col("inUse", ["In Use MiB", "In Use MB"]),
  col("free", ["Free MiB", "Free MB"]),
  col("hostCount", ["# Hosts"]),
  col("hosts", ["Hosts"]),
  col("cluster", ["Cluster name"]),
  col("url", ["URL"]),
  col("vcenter", ["VI SDK Server"]),
] as const;

export const VNETWORK_COLUMNS = [
  col("vm", ["VM"], true),
  col("network", ["Network"]),
  col("ipv4", ["IPv4 Address", "IP Address"]),
  col("connected", ["Connected"]),
  col("uuid", ["VM UUID"]),
  col("vcenter", ["VI SDK Server"]),
] as const;

export const VPARTITION_COLUMNS = [
  col("vm", ["VM"], true),
  col("capacity", ["Capacity MiB", "Capacity MB"], true),
  col("consumed", ["Consumed MiB", "Consumed MB"], true),
  col("uuid", ["VM UUID"]),
  col("vcenter", ["VI SDK Server"]),
] as const;

const SPECS: Record<SheetName, readonly ColumnSpec[]> = {
  vInfo: VINFO_COLUMNS,
  vHost: VHOST_COLUMNS,
  vDatastore: VDATASTORE_COLUMNS,
  vNetwork: VNETWORK_COLUMNS,
  vPartition: VPARTITION_COLUMNS,
};

/** The rows of one sheet with its header located. */
interface Table {
  readonly sheet: SheetName;
  headerRow: number;
  col: ReadonlyMap<string, number>;
  seen: ReadonlyMap<string, string>;
  readonly rows: { row: number; cells: readonly Cell[] }[];
}

/** Reads one RVTools workbook into a batch (ids and mapping applied against `ctx`). */
export async function readRvtools(file: string, ctx: ImportContext): Promise<ImportBatch> {
  const batch = emptyBatch("rvtools");
  const tables = new Map<SheetName, Table>();
  const read = await readXlsxRows(
    file,
    (sheet) => (RVTOOLS_SHEETS as readonly string[]).includes(sheet),
    (sheet, row, cells) => {
      const name = sheet as SheetName;
      let t = tables.get(name);
      if (!t) {
        const h = indexHeader(cells, SPECS[name]);
        t = { sheet: name, headerRow: row, col: h.col, seen: h.seen, rows: [] };
        tables.set(name, t);
        for (const m of h.missing) batch.findings.push(missingColumn(file, name, row, m));
        if (name === "vInfo" && !h.col.has("provisioned") && !h.col.has("totalDisk")) {
          batch.findings.push({ severity: "error", rule: "missing-column", file: cellPlace(file, name, row), message: 'missing column "Provisioned MiB" (RVTools 4.x; "Provisioned MB" in 3.x) or "Total disk capacity MiB": the VM\'s storage' });
        }
        return;
      }
      t.rows.push({ row, cells });
    },
  );
  batch.findings.push(...read.findings);
  if (read.findings.length > 0) return batch;
  if (!read.sheets.includes("vInfo")) {
    batch.findings.push({
      severity: "error",
      rule: "missing-sheet",
      file,
      message: `no sheet "vInfo": not an RVTools export, or exported without the vInfo tab (sheets found: ${read.sheets.slice(0, 8).join(", ") || "none"}${read.sheets.length > 8 ? ", …" : ""})`,
    });
    return batch;
  }
  if (!tables.has("vInfo")) return batch; // an empty vInfo: nothing to import
  if (batch.findings.length > 0) return batch;
  assemble(file, tables, ctx, batch);
  applyMapping(batch, ctx);
  return batch;
}

function missingColumn(file: string, sheet: string, row: number, spec: ColumnSpec): Finding {
  const others = spec.names.slice(1);
  return {
    severity: "error",
    rule: "missing-column",
    file: cellPlace(file, sheet, row),
    message: `missing column "${spec.names[0]}"${others.length > 0 ? ` (or ${others.map((n) => `"${n}"`).join(", ")})` : ""}`,
  };
}

/** Reads typed values of one row, collecting cell-level findings. */
class RowReader {
  constructor(
    private readonly file: string,
    private readonly table: Table,
    private readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly findings: Finding[],
    private readonly entity: string | undefined,
  ) {}

  private at(key: string): number | undefined {
    return this.table.col.get(key);
  }

  cell(key: string): Cell {
    const c = this.at(key);
    return c === undefined ? null : (this.cells[c] ?? null);
  }

  text(key: string): string | undefined {
    return cellText(this.cell(key));
  }

  number(key: string, rule: Parameters<typeof cellNumber>[1] = {}): number | undefined {
    const r = cellNumber(this.cell(key), rule);
    if (r.ok) return r.value;
    this.fail(key, r.message);
    return undefined;
  }

  bool(key: string): boolean | undefined {
    const c = this.cell(key);
    if (c === null) return undefined;
    const r = cellBoolean(c);
    if (r.ok) return r.value;
    this.fail(key, `must be True or False (got ${shown(c)})`);
    return undefined;
  }

  fail(key: string, message: string): void {
    const c = this.at(key);
    this.findings.push({ severity: "error", rule: "invalid-cell", file: cellPlace(this.file, this.table.sheet, this.row, c), entity: this.entity, path: [this.table.seen.get(key) ?? key], message });
  }

  origin(): Origin {
    return { file: this.file, sheet: this.table.sheet, row: this.row };
  }
}

interface VmExtra {
  networks: Set<string>;
  ips: Set<string>;
  capacity: number;
  consumed: number;
  partitions: number;
}

function vmKey(uuid: string | undefined, vcenter: string | undefined, name: string): string {
  return uuid ?? `${vcenter ?? ""}\u0000${name}`;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function assemble(file: string, tables: ReadonlyMap<SheetName, Table>, ctx: ImportContext, batch: ImportBatch): void {
  const findings = batch.findings;
  const vInfo = tables.get("vInfo")!;
  const uuidEverywhere = (t: Table | undefined) => t !== undefined && t.col.has("uuid") && vInfo.col.has("uuid");

  // --- per-VM extras from vNetwork and vPartition --------------------------------------------
  const extras = new Map<string, VmExtra>();
  const extraOf = (key: string): VmExtra => {
    let e = extras.get(key);
    if (!e) extras.set(key, (e = { networks: new Set(), ips: new Set(), capacity: 0, consumed: 0, partitions: 0 }));
    return e;
  };
  const net = tables.get("vNetwork");
  if (net) {
    const byUuid = uuidEverywhere(net);
    for (const { row, cells } of net.rows) {
      const r = new RowReader(file, net, row, cells, findings, undefined);
      const vm = r.text("vm");
      if (vm === undefined) continue;
      const e = extraOf(vmKey(byUuid ? r.text("uuid") : undefined, r.text("vcenter"), vm));
      const network = r.text("network");
      if (network !== undefined) e.networks.add(network);
      for (const ip of (r.text("ipv4") ?? "").split(/[,;\s]+/)) if (IPV4.test(ip)) e.ips.add(ip);
    }
  }
  const part = tables.get("vPartition");
  if (part) {
    const byUuid = uuidEverywhere(part);
    for (const { row, cells } of part.rows) {
      const vm = cellText(cells[part.col.get("vm") ?? 0] ?? null);
      if (vm === undefined) continue;
      const r = new RowReader(file, part, row, cells, findings, vm);
      const capacity = r.number("capacity", { min: 0 });
      const consumed = r.number("consumed", { min: 0 });
      if (capacity === undefined || consumed === undefined) continue;
      const e = extraOf(vmKey(byUuid ? r.text("uuid") : undefined, r.text("vcenter"), vm));
      e.capacity += capacity;
      e.consumed += consumed;
      e.partitions++;
    }
  }

  // --- hosts (vHost) ------------------------------------------------------------------------
  interface HostRow {
    name: string;
    vcenter?: string;
    server: Omit<Server, "id">;
    facts: SourceFacts;
    origin: Origin;
  }
  const hostRows: HostRow[] = [];
  const vHost = tables.get("vHost");
  if (vHost) {
    for (const { row, cells } of vHost.rows) {
      const name = cellText(cells[vHost.col.get("name") ?? 0] ?? null);
      if (name === undefined) continue;
      const r = new RowReader(file, vHost, row, cells, findings, name);
      const sockets = r.number("sockets", { int: true, min: 1 });
      const perCpu = r.number("coresPerCpu", { int: true, min: 1 });
      let cores = r.number("cores", { int: true, min: 1 });
      if (cores === undefined && sockets !== undefined && perCpu !== undefined) cores = sockets * perCpu;
      const memory = r.number("memory", { min: 0, exclusiveMin: true });
      if (cores === undefined && r.cell("cores") === null) r.fail("cores", 'is empty: the host\'s physical cores ("# Cores", or "# CPU" × "Cores per CPU") are required');
      const cpuUsage = r.number("cpuUsage", { min: 0, max: 100 });
      const memUsage = r.number("memUsage", { min: 0, max: 100 });
      const vendor = r.text("vendor");
      const model = r.text("model");
      const esx = parseOsName(r.text("esx"));
      const datacenter = r.text("datacenter");
      if (cores === undefined || memory === undefined) continue;
      const usage: Usage = { ...(cpuUsage !== undefined ? { cpuPct: round(cpuUsage, 1) } : {}), ...(memUsage !== undefined ? { memoryPct: round(memUsage, 1) } : {}) };
      const server: Omit<Server, "id"> = {
        site: siteFor(ctx, datacenter),
        kind: "physical",
        cpuCores: cores,
        memoryGiB: round(memory / 1024),
        ...(Object.keys(usage).length > 0 ? { usage } : {}),
        ...(model !== undefined ? { model: modelName(vendor, model) } : {}),
        ...(esx ? { os: { name: esx.name, ...(esx.version ? { version: esx.version } : {}) } } : {}),
      };
      const vcenter = r.text("vcenter");
      hostRows.push({ name, vcenter, server, facts: { name, datacenter, cluster: r.text("cluster"), vcenter }, origin: r.origin() });
    }
  }
  const hostIds = assignServerIds(
    ctx,
    hostRows.map((h) => ({ kind: "physical" as const, idName: shortHostName(h.name), facts: h.facts })),
  );
  const hostByName = new Map<string, ImportedServer>();
  hostRows.forEach((h, i) => {
    const imported: ImportedServer = { entity: { id: hostIds[i].id, ...h.server } as Server, origin: h.origin, facts: h.facts };
    batch.servers.push(imported);
    hostByName.set(`${h.vcenter ?? ""}\u0000${h.name}`, imported);
    if (!hostByName.has(`\u0000${h.name}`)) hostByName.set(`\u0000${h.name}`, imported);
  });
  const hostOf = (vcenter: string | undefined, name: string): string | undefined => {
    const h = hostByName.get(`${vcenter ?? ""}\u0000${name}`) ?? hostByName.get(`\u0000${name}`);
    if (h) return h.entity.id;
    const known = findExisting(ctx, "physical", { name }, slugId(shortHostName(name), ctx.mapping.idPrefix ?? ""));
    return known?.id;
  };

  // --- datastores (vDatastore) ----------------------------------------------------------------
  const ds = tables.get("vDatastore");
  const dsRows: { name: string; server: Omit<Server, "id">; facts: SourceFacts; origin: Origin }[] = [];
  if (ds) {
    for (const { row, cells } of ds.rows) {
      const name = cellText(cells[ds.col.get("name") ?? 0] ?? null);
      if (name === undefined) continue;
      const r = new RowReader(file, ds, row, cells, findings, name);
      const capacity = r.number("capacity", { min: 0 });
      let inUse = r.number("inUse", { min: 0 });
      const free = r.number("free", { min: 0 });
      if (inUse === undefined && free !== undefined && capacity !== undefined) inUse = capacity - free;
      const hostCount = r.number("hostCount", { int: true, min: 0 });
      const hosts = (r.text("hosts") ?? "").split(/[,;]\s*/).map((h) => h.trim()).filter(Boolean);
      if (capacity === undefined) continue;
      const vcenter = r.text("vcenter");
      if ((hostCount ?? hosts.length) === 1 && hosts.length === 1) {
        // A host's local disk: its capacity is the host's storage.
        const host = hostByName.get(`${vcenter ?? ""}\u0000${hosts[0]}`) ?? hostByName.get(`\u0000${hosts[0]}`);
        if (host) {
          const entity = host.entity as Server;
          (host as { entity: Server }).entity = { ...entity, storageGiB: round((entity.storageGiB ?? 0) + capacity / 1024) };
        }
        continue;
      }
      if (ctx.mapping.datastores === false) continue;
      const firstHost = hosts.map((h) => hostByName.get(`${vcenter ?? ""}\u0000${h}`) ?? hostByName.get(`\u0000${h}`)).find(Boolean);
      const usedPct = capacity > 0 && inUse !== undefined ? round((Math.max(0, inUse) / capacity) * 100, 1) : undefined;
      dsRows.push({
        name,
        server: {
          site: firstHost?.entity.site ?? ctx.site,
          kind: "storage",
          storageGiB: round(capacity / 1024),
          ...(usedPct !== undefined ? { usage: { storageUsedPct: Math.min(100, usedPct) } } : {}),
          model: `${r.text("type") ?? "VMware"} datastore`,
          tags: ["datastore"],
        },
        facts: { name, cluster: r.text("cluster"), vcenter, uuid: r.text("url") },
        origin: r.origin(),
      });
    }
  }
  const dsIds = assignServerIds(ctx, dsRows.map((d) => ({ kind: "storage" as const, idName: d.name, facts: d.facts })));
  dsRows.forEach((d, i) => batch.servers.push({ entity: { id: dsIds[i].id, ...d.server } as Server, origin: d.origin, facts: d.facts }));

  // --- VMs (vInfo) ------------------------------------------------------------------------------
  const vmRows: { name: string; server: Omit<Server, "id">; facts: SourceFacts; origin: Origin }[] = [];
  for (const { row, cells } of vInfo.rows) {
    const name = cellText(cells[vInfo.col.get("name") ?? 0] ?? null);
    const r = new RowReader(file, vInfo, row, cells, findings, name);
    if (name === undefined) {
      r.fail("name", "is empty: every VM row needs its name");
      continue;
    }
    const template = r.bool("template");
    const srm = r.bool("srm");
    if (template === true && ctx.mapping.templates !== true) {
      batch.notes.push({ kind: "template", subject: name, message: `VM template "${name}" not imported (templates run nothing; set templates: true in the mapping to import them)`, origin: r.origin() });
      continue;
    }
    if (srm === true) {
      batch.notes.push({ kind: "srm-placeholder", subject: name, message: `SRM placeholder "${name}" not imported (a replica's placeholder, not a running VM)`, origin: r.origin() });
      continue;
    }
    const cpus = r.number("cpus", { int: true, min: 1 });
    const memory = r.number("memory", { min: 0, exclusiveMin: true });
    const provisioned = r.number("provisioned", { min: 0 });
    const totalDisk = r.number("totalDisk", { min: 0 });
    const inUse = r.number("inUse", { min: 0 });
    const hostName = r.text("host");
    const vcenter = r.text("vcenter");
    const uuid = r.text("uuid") ?? (r.text("vmId") !== undefined ? `${vcenter ?? ""}/${r.text("vmId")}` : undefined);
    let hostedOn: string | undefined;
    if (hostName === undefined) r.fail("host", "is empty: the ESXi host the VM runs on is required");
    else {
      hostedOn = hostOf(vcenter, hostName);
      if (hostedOn === undefined) r.fail("host", `host ${JSON.stringify(hostName)} is neither in vHost nor in the inventory`);
    }
    if (cpus === undefined || memory === undefined || hostedOn === undefined) continue;
    const key = vmKey(vInfo.col.has("uuid") ? r.text("uuid") : undefined, vcenter, name);
    const extra = extras.get(key) ?? extras.get(vmKey(undefined, vcenter, name));
    const storageMiB = provisioned ?? totalDisk;
    let usedPct: number | undefined;
    if (extra && extra.partitions > 0 && extra.capacity > 0) usedPct = (extra.consumed / extra.capacity) * 100;
    else if (inUse !== undefined && storageMiB !== undefined && storageMiB > 0) usedPct = (inUse / storageMiB) * 100;
    const os = parseOsName(r.text("osTools") ?? r.text("osConfig"));
    const datacenter = r.text("datacenter");
    const power = r.text("power");
    const networks = extra ? [...extra.networks].sort(cmp) : [];
    const ips = new Set(extra?.ips ?? []);
    const primary = r.text("ip");
    if (primary !== undefined && IPV4.test(primary)) ips.add(primary);
    vmRows.push({
      name,
      server: {
        site: siteFor(ctx, datacenter),
        kind: "virtual",
        hostedOn,
        cpuCores: cpus,
        memoryGiB: round(memory / 1024),
        ...(storageMiB !== undefined ? { storageGiB: round(storageMiB / 1024) } : {}),
        ...(usedPct !== undefined ? { usage: { storageUsedPct: Math.min(100, round(usedPct, 1)) } } : {}),
        ...(os ? { os: { name: os.name, ...(os.version ? { version: os.version } : {}) } } : {}),
        vmName: name,
      },
      facts: {
        name,
        uuid,
        datacenter,
        cluster: r.text("cluster"),
        folder: r.text("folder"),
        annotation: r.text("annotation"),
        networks,
        ips: [...ips].sort(cmp),
        powerState: power,
        host: hostName,
        vcenter,
      },
      origin: r.origin(),
    });
  }
  const vmIds = assignServerIds(ctx, vmRows.map((v) => ({ kind: "virtual" as const, idName: v.name, facts: v.facts })));
  vmRows.forEach((v, i) => {
    batch.servers.push({ entity: { id: vmIds[i].id, ...v.server } as Server, origin: v.origin, facts: v.facts });
    if (v.facts.powerState !== undefined && v.facts.powerState !== "poweredOn") {
      batch.notes.push({ kind: "powered-off", subject: vmIds[i].id, message: `VM "${v.name}" is ${v.facts.powerState} (imported; a candidate to retire)`, origin: v.origin });
    }
  });
  // The VM a host runs must be at the host's site: a VM whose datacenter maps elsewhere follows its host.
  const siteById = new Map(batch.servers.map((s) => [s.entity.id, s.entity.site]));
  for (const s of batch.servers) {
    if (s.entity.kind !== "virtual" || s.entity.hostedOn === undefined) continue;
    const hostSite = siteById.get(s.entity.hostedOn) ?? (ctx.scan.byId.get(s.entity.hostedOn)?.raw.site as string | undefined);
    if (hostSite !== undefined && hostSite !== s.entity.site) (s as { entity: Server }).entity = { ...s.entity, site: hostSite };
  }
}

/** "Dell Inc." + "PowerEdge R750" → "Dell PowerEdge R750"; a model that already names its vendor stays. */
export function modelName(vendor: string | undefined, model: string): string {
  if (vendor === undefined) return model;
  const v = vendor.replace(/,?\s+(Inc|Corp|Corporation|Co|Ltd|LLC)\.?$/i, "").replace(/^Hewlett[- ]Packard Enterprise$/i, "HPE").trim();
  return model.toLowerCase().startsWith(v.toLowerCase().split(" ")[0]) ? model : `${v} ${model}`;
}
