// CSV sources of `dcplan import --from csv`, told apart by their header line:
//  - Azure Migrate's server import template ("Server name", "Cores", "Memory (In MB)", "OS name",
//    "OS version", "Server type", "Hypervisor", "CPU/Memory utilization percentage", "Storage in use
//    (In GB)", "Disk N size (In GB)"…; mandatory columns may carry Azure's leading "*") → servers:
//    virtual when "Server type" is Virtual or a "Hypervisor" is named, physical when Physical,
//    else the mapping's `csv.serverType` (physical). A VM needs its host: dcplan's extra "Host"
//    column, or `hosts.default` in the mapping. Optional extra column "Site".
//  - dependencies: dcplan's own columns source, target, port, protocol, coupling; or Azure
//    Migrate's dependency analysis export ("Source server name", "Source IP", "Destination server
//    name", "Destination IP", "Destination port") → dependency rows, resolved to systems later.
import type { Finding } from "../../common/errors.js";
import type { Server } from "../schema.js";
import { applyMapping, assignServerIds, type ImportContext, round } from "./assemble.js";
import { type ColumnSpec, indexHeader, normaliseHeader } from "./columns.js";
import { cellNumber } from "./cells.js";
import { type CsvField, readCsvFile } from "./csv.js";
import { parseOsName } from "./os-name.js";
import { emptyBatch, type ImportBatch, joinBatches, type SourceFacts } from "./types.js";

const col = <K extends string>(key: K, names: string[], required = false): ColumnSpec<K> => ({ key, names, required });

/** Azure Migrate's import template columns (dcplan accepts the older and newer spellings). */
export const AZURE_SERVER_COLUMNS = [
  col("name", ["Server name", "Server Name"], true),
  col("ips", ["IP addresses", "IP address"]),
  col("cores", ["Cores"], true),
  col("memory", ["Memory (In MB)", "Memory (MB)", "Memory"], true),
  col("osName", ["OS name"]),
  col("osVersion", ["OS version"]),
  col("serverType", ["Server type"]),
  col("hypervisor", ["Hypervisor"]),
  col("cpuUtil", ["CPU utilization percentage"]),
  col("memUtil", ["Memory utilization percentage"]),
  col("storageInUse", ["Storage in use (In GB)", "Storage in use"]),
  col("host", ["Host"]),
  col("site", ["Site"]),
] as const;

/** dcplan's dependency CSV. */
export const DEPENDENCY_COLUMNS = [col("source", ["source"], true), col("target", ["target"], true), col("port", ["port"]), col("protocol", ["protocol"]), col("coupling", ["coupling"])] as const;

/** Azure Migrate's dependency analysis export. */
export const AZURE_DEPENDENCY_COLUMNS = [
  col("sourceName", ["Source server name"], true),
  col("sourceIp", ["Source IP"]),
  col("targetName", ["Destination server name"], true),
  col("targetIp", ["Destination IP"]),
  col("port", ["Destination port"]),
] as const;

const DISK = /^disk (\d+) size(?: \(in gb\))?$/;

/** What a CSV file holds, from its header. */
export function csvKind(header: readonly string[]): "servers" | "dependencies" | "azure-dependencies" | undefined {
  const h = new Set(header.map(normaliseHeader));
  if (h.has("source server name") && h.has("destination server name")) return "azure-dependencies";
  if (h.has("source") && h.has("target")) return "dependencies";
  if (h.has("server name") && h.has("cores")) return "servers";
  return undefined;
}

/** Reads CSV files (servers and dependency lists, in any mix) into one batch. */
export async function readCsvSources(files: readonly string[], ctx: ImportContext): Promise<ImportBatch> {
  const batches: ImportBatch[] = [];
  for (const file of files) batches.push(readOne(file, ctx));
  const batch = joinBatches("csv", batches);
  if (batch.findings.length === 0) applyMapping(batch, ctx);
  return batch;
}

function place(file: string, f: { line: number; col: number }): Pick<Finding, "file" | "line" | "col"> {
  return { file, line: f.line, col: f.col };
}

function readOne(file: string, ctx: ImportContext): ImportBatch {
  const batch = emptyBatch("csv");
  const { table, findings } = readCsvFile(file);
  batch.findings.push(...findings);
  if (!table) return batch;
  const kind = csvKind(table.header.map((f) => f.value));
  if (kind === undefined) {
    batch.findings.push({ severity: "error", rule: "unknown-csv", ...place(file, table.header[0] ?? { line: 1, col: 1 }), message: 'unknown CSV: expected Azure Migrate\'s import template ("Server name", "Cores", "Memory (In MB)"…), a dependency list (source, target, port, coupling) or Azure Migrate\'s dependency export ("Source server name", "Destination server name"…)' });
    return batch;
  }
  const headerCells = [undefined, ...table.header.map((f) => f.value)];
  const at = (row: readonly CsvField[], c: number | undefined): CsvField | undefined => (c === undefined ? undefined : row[c - 1]);
  const text = (row: readonly CsvField[], c: number | undefined): string | undefined => {
    const v = at(row, c)?.value.trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const number = (row: readonly CsvField[], c: number | undefined, header: string, entity: string | undefined, rule: Parameters<typeof cellNumber>[1]): number | undefined => {
    const f = at(row, c);
    if (!f || f.value.trim() === "") return undefined;
    const r = cellNumber(f.value.trim(), rule);
    if (r.ok) return r.value;
    batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, f), entity, path: [header], message: r.message });
    return undefined;
  };

  if (kind === "dependencies" || kind === "azure-dependencies") {
    const specs = kind === "dependencies" ? DEPENDENCY_COLUMNS : AZURE_DEPENDENCY_COLUMNS;
    const h = indexHeader(headerCells, specs as readonly ColumnSpec[]);
    for (const row of table.rows) {
      const line = row[0]?.line ?? 0;
      const from = kind === "dependencies" ? text(row, h.col.get("source")) : (text(row, h.col.get("sourceName")) ?? text(row, h.col.get("sourceIp")));
      const to = kind === "dependencies" ? text(row, h.col.get("target")) : (text(row, h.col.get("targetName")) ?? text(row, h.col.get("targetIp")));
      const port = number(row, h.col.get("port"), "port", from, { int: true, min: 1, max: 65535 });
      const protocolText = text(row, h.col.get("protocol"))?.toLowerCase();
      const couplingText = text(row, h.col.get("coupling"))?.toLowerCase();
      if (protocolText !== undefined && protocolText !== "tcp" && protocolText !== "udp") batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, at(row, h.col.get("protocol"))!), entity: from, path: ["protocol"], message: `must be tcp or udp (got ${JSON.stringify(protocolText)})` });
      if (couplingText !== undefined && couplingText !== "tight" && couplingText !== "loose") batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, at(row, h.col.get("coupling"))!), entity: from, path: ["coupling"], message: `must be tight or loose (got ${JSON.stringify(couplingText)})` });
      if (from === undefined || to === undefined) {
        batch.findings.push({ severity: "error", rule: "invalid-cell", file, line, col: 1, message: `a dependency row needs both ends (${kind === "dependencies" ? "source and target" : "source and destination server name or IP"})` });
        continue;
      }
      batch.dependencies.push({
        from,
        to,
        ...(port !== undefined ? { port } : {}),
        ...(protocolText === "udp" || protocolText === "tcp" ? { protocol: protocolText } : {}),
        ...(couplingText === "tight" || couplingText === "loose" ? { coupling: couplingText } : {}),
        origin: { file, row: line },
      });
    }
    return batch;
  }

  // Azure Migrate servers.
  const h = indexHeader(headerCells, AZURE_SERVER_COLUMNS);
  for (const m of h.missing) batch.findings.push({ severity: "error", rule: "missing-column", file, line: 1, col: 1, message: `missing column "${m.names[0]}"` });
  if (h.missing.length > 0) return batch;
  const disks: number[] = [];
  table.header.forEach((f, i) => {
    if (DISK.test(normaliseHeader(f.value))) disks.push(i + 1);
  });
  const drafts: { server: Omit<Server, "id">; facts: SourceFacts; row: number }[] = [];
  for (const row of table.rows) {
    const line = row[0]?.line ?? 0;
    const name = text(row, h.col.get("name"));
    if (name === undefined) {
      batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, at(row, h.col.get("name")) ?? { line, col: 1 }), path: ["Server name"], message: "is empty: every server row needs its name" });
      continue;
    }
    const cores = number(row, h.col.get("cores"), "Cores", name, { int: true, min: 1 });
    const memory = number(row, h.col.get("memory"), "Memory (In MB)", name, { min: 0, exclusiveMin: true });
    const cpuUtil = number(row, h.col.get("cpuUtil"), "CPU utilization percentage", name, { min: 0, max: 100 });
    const memUtil = number(row, h.col.get("memUtil"), "Memory utilization percentage", name, { min: 0, max: 100 });
    const inUse = number(row, h.col.get("storageInUse"), "Storage in use (In GB)", name, { min: 0 });
    let storage: number | undefined;
    for (const c of disks) {
      const size = number(row, c, table.header[c - 1].value, name, { min: 0 });
      if (size !== undefined) storage = (storage ?? 0) + size;
    }
    if (cores === undefined && at(row, h.col.get("cores"))?.value.trim() === "") batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, at(row, h.col.get("cores"))!), entity: name, path: ["Cores"], message: "is empty: the number of cores is mandatory" });
    if (memory === undefined && (at(row, h.col.get("memory"))?.value.trim() ?? "") === "") batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, at(row, h.col.get("memory")) ?? { line, col: 1 }), entity: name, path: ["Memory (In MB)"], message: "is empty: the memory in MB is mandatory" });
    const typeText = text(row, h.col.get("serverType"))?.toLowerCase();
    const hypervisor = text(row, h.col.get("hypervisor"));
    const kind: "virtual" | "physical" = typeText === "virtual" || (typeText === undefined && hypervisor !== undefined) ? "virtual" : typeText === "physical" ? "physical" : (ctx.mapping.csv?.serverType ?? "physical");
    if (typeText !== undefined && typeText !== "virtual" && typeText !== "physical") batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, at(row, h.col.get("serverType"))!), entity: name, path: ["Server type"], message: `must be Virtual or Physical (got ${JSON.stringify(text(row, h.col.get("serverType")))})` });
    const hostText = text(row, h.col.get("host"));
    let hostedOn: string | undefined;
    if (kind === "virtual") {
      hostedOn = hostText !== undefined ? (ctx.scan.byName.get(hostText)?.id ?? (ctx.scan.byId.get(hostText)?.collection === "servers" ? hostText : undefined)) : ctx.mapping.hosts?.default;
      if (hostedOn === undefined) {
        batch.findings.push({ severity: "error", rule: "invalid-cell", ...place(file, at(row, h.col.get("host")) ?? at(row, h.col.get("name"))!), entity: name, path: ["Host"], message: hostText !== undefined ? `host ${JSON.stringify(hostText)} is not in the inventory` : 'a virtual server needs the host it runs on: add a "Host" column, or set hosts.default in the mapping' });
        continue;
      }
    }
    if (cores === undefined || memory === undefined) continue;
    const os = parseOsName([text(row, h.col.get("osName")), text(row, h.col.get("osVersion"))].filter(Boolean).join(" ") || undefined);
    const ips = (text(row, h.col.get("ips")) ?? "").split(/[,;\s]+/).filter((ip) => /^\d{1,3}(\.\d{1,3}){3}$/.test(ip));
    const usage = {
      ...(cpuUtil !== undefined ? { cpuPct: round(cpuUtil, 1) } : {}),
      ...(memUtil !== undefined ? { memoryPct: round(memUtil, 1) } : {}),
      ...(inUse !== undefined && storage !== undefined && storage > 0 ? { storageUsedPct: Math.min(100, round((inUse / storage) * 100, 1)) } : {}),
    };
    const site = text(row, h.col.get("site"));
    drafts.push({
      row: line,
      server: {
        site: site !== undefined ? (ctx.mapping.sites?.[site] ?? site) : ctx.site,
        kind,
        ...(hostedOn !== undefined ? { hostedOn } : {}),
        cpuCores: cores,
        memoryGiB: round(memory / 1024),
        ...(storage !== undefined ? { storageGiB: round(storage) } : {}),
        ...(Object.keys(usage).length > 0 ? { usage } : {}),
        ...(os ? { os: { name: os.name, ...(os.version ? { version: os.version } : {}) } } : {}),
        ...(kind === "virtual" ? { vmName: name } : {}),
      } as Omit<Server, "id">,
      facts: { name, ips, host: hostText },
    });
  }
  const ids = assignServerIds(ctx, drafts.map((d) => ({ kind: d.server.kind as Server["kind"], idName: d.facts.name, facts: d.facts })));
  drafts.forEach((d, i) => batch.servers.push({ entity: { id: ids[i].id, ...d.server } as Server, origin: { file, row: d.row }, facts: d.facts }));
  return batch;
}
