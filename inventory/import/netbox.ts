// NetBox REST API exports into inventory servers and sites: the JSON of /api/dcim/sites/,
// /api/dcim/devices/ and /api/virtualization/virtual-machines/, as saved from the API — one page
// (`{count, next, previous, results}`), a list of pages, or a plain list of objects; pages may be
// split over several files. Related objects are NetBox's nested brief objects (`site`, `role` or
// `device_role` before 4.0, `device_type.manufacturer`, `cluster`, `device`, `tenant`, `platform`),
// `status` is `{value, label}`. Each kind's objects must add up to its `count`, or a page is missing.
//  - devices → servers whose kind comes from the role (mapping `netbox.roles`, else
//    DEFAULT_NETBOX_ROLES); NetBox has no CPU or memory fields, so physical servers take them from
//    custom fields (mapping `netbox.customFields`, else cpu_cores / memory_gb);
//  - virtual machines → `virtual` servers on their `device` (else the host the mapping gives for
//    their cluster, else the cluster's only host): vcpus, memory (MB, binary as vCenter writes it),
//    disk (MB since NetBox 4.1, GB before: mapping `netbox.diskUnit`), platform → OS;
//  - sites → sites, only those an imported server is at and the inventory does not have yet.
// Planned and inventory-status objects are not running anywhere: left out and listed.
import { readFileSync } from "node:fs";
import type { Finding } from "../../common/errors.js";
import { locate } from "../yaml-source.js";
import { ID_PATTERN, type Server, type ServerKind, type Site } from "../schema.js";
import { applyMapping, assignServerIds, cmp, type ImportContext, pushTo, round } from "./assemble.js";
import { shortHostName } from "./ids.js";
import { DEFAULT_NETBOX_ROLES } from "./mapping.js";
import { parseOsName } from "./os-name.js";
import { emptyBatch, type ImportBatch, type Origin, type SourceFacts } from "./types.js";

type Json = Record<string, unknown>;
type Path = (string | number)[];

/** The three NetBox object kinds read. */
export type NetboxKind = "site" | "device" | "vm";

interface Obj {
  readonly kind: NetboxKind;
  readonly raw: Json;
  readonly file: string;
  readonly path: Path;
  readonly text: string;
}

const NOT_RUNNING = new Set(["planned", "inventory"]);

/** Custom-field names tried when the mapping names none. */
const DEFAULT_FIELDS = {
  cpuCores: ["cpu_cores", "cores", "cpu_count", "so_loi_cpu"],
  memoryGiB: ["memory_gb", "memory_gib", "ram_gb", "bo_nho_gb"],
  storageGiB: ["storage_gb", "disk_gb"],
  powerWatts: ["power_watts", "power_draw"],
} as const;

/** The kind of a NetBox object, from its URL or, failing that, its fields. */
export function netboxKind(o: Json): NetboxKind | undefined {
  const url = typeof o.url === "string" ? o.url : "";
  if (url.includes("/api/dcim/devices/")) return "device";
  if (url.includes("/api/virtualization/virtual-machines/")) return "vm";
  if (url.includes("/api/dcim/sites/")) return "site";
  if ("device_type" in o) return "device";
  if ("vcpus" in o || ("cluster" in o && "memory" in o)) return "vm";
  if ("facility" in o || "time_zone" in o || "physical_address" in o) return "site";
  return undefined;
}

const brief = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim().normalize("NFC") : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : undefined);

function statusOf(o: Json): string | undefined {
  const s = o.status;
  if (typeof s === "string") return s;
  return str(brief(s)?.value);
}

/** Reads NetBox export files into one batch (ids and mapping applied against `ctx`). */
export async function readNetbox(files: readonly string[], ctx: ImportContext): Promise<ImportBatch> {
  const batch = emptyBatch("netbox");
  const objects: Obj[] = [];
  const counts = new Map<NetboxKind, { count: number; file: string; path: Path; text: string }>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      batch.findings.push({ severity: "error", rule: "unreadable-file", file, message: (err as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read: ${(err as Error).message}` });
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const pos = m ? lineColOf(text, Number(m[1])) : undefined;
      batch.findings.push({ severity: "error", rule: "json-syntax", file, line: pos?.line, col: pos?.col, message: `not valid JSON (${(err as Error).message.split("\n")[0]}): save the API response as it is` });
      continue;
    }
    const pages: { page: Json | unknown[]; path: Path }[] = Array.isArray(data) && data.length > 0 && data.every((p) => brief(p) && Array.isArray((p as Json).results)) ? data.map((p, i) => ({ page: p as Json, path: [i] })) : [{ page: data as Json, path: [] }];
    for (const { page, path } of pages) {
      const results = Array.isArray(page) ? page : Array.isArray((page as Json).results) ? ((page as Json).results as unknown[]) : undefined;
      if (!results) {
        batch.findings.push({ severity: "error", rule: "not-netbox", file, message: "not a NetBox API export: expected a page {count, next, previous, results: […]}, a list of pages, or a list of objects" });
        continue;
      }
      const base = Array.isArray(page) ? path : [...path, "results"];
      results.forEach((r, i) => {
        const o = brief(r);
        const kind = o ? netboxKind(o) : undefined;
        if (!o || !kind) {
          batch.findings.push({ severity: "error", rule: "not-netbox", ...locate(file, 0, [...base, i], text), message: "not a NetBox site, device or virtual machine (no url, device_type, vcpus or facility)" });
          return;
        }
        objects.push({ kind, raw: o, file, path: [...base, i], text });
      });
      if (!Array.isArray(page) && typeof (page as Json).count === "number" && results.length > 0) {
        const kind = netboxKind(brief(results[0]) ?? {});
        if (kind) {
          const prev = counts.get(kind);
          if (!prev || prev.count < ((page as Json).count as number)) counts.set(kind, { count: (page as Json).count as number, file, path: [...path, "count"], text });
        }
      }
    }
  }
  // Every page present: objects of each kind (distinct NetBox ids) add up to the count.
  for (const [kind, c] of counts) {
    const ids = new Set(objects.filter((o) => o.kind === kind).map((o) => String(o.raw.id ?? o.raw.url ?? JSON.stringify(o.raw))));
    if (ids.size < c.count) {
      batch.findings.push({
        severity: "error",
        rule: "missing-page",
        ...locate(c.file, 0, c.path, c.text),
        message: `${NOUN[kind]}: ${ids.size} of ${c.count} objects: a page is missing; give every page (follow "next" until it is null, or ask with ?limit=0 when MAX_PAGE_SIZE allows)`,
      });
    }
  }
  if (batch.findings.length > 0) return batch;
  const unique = dedupe(objects);
  assemble(unique, ctx, batch);
  if (batch.findings.length === 0) applyMapping(batch, ctx);
  return batch;
}

const NOUN: Record<NetboxKind, string> = { site: "sites", device: "devices", vm: "virtual machines" };

function dedupe(objects: readonly Obj[]): Obj[] {
  const seen = new Set<string>();
  return objects.filter((o) => {
    const key = `${o.kind}:${String(o.raw.id ?? o.raw.url ?? o.path.join("."))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lineColOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

function pathText(path: Path): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").replace(/^\./, "");
}

function origin(o: Obj): Origin {
  return { file: o.file, path: pathText(o.path) };
}

function fail(batch: ImportBatch, o: Obj, sub: Path, entity: string | undefined, message: string): void {
  const f: Finding = { severity: "error", rule: "invalid-netbox", ...locate(o.file, 0, [...o.path, ...sub], o.text), entity, path: sub, message };
  batch.findings.push(f);
}

function customField(o: Json, names: readonly string[]): { name: string; value: number | undefined; raw: unknown } | undefined {
  const cf = brief(o.custom_fields);
  if (!cf) return undefined;
  for (const n of names) if (n in cf && cf[n] !== null) return { name: n, value: num(cf[n]), raw: cf[n] };
  return undefined;
}

function assemble(objects: readonly Obj[], ctx: ImportContext, batch: ImportBatch): void {
  const nb = ctx.mapping.netbox ?? {};
  const fieldNames = (key: keyof typeof DEFAULT_FIELDS): readonly string[] => {
    const named = nb.customFields?.[key];
    return named !== undefined ? [named] : DEFAULT_FIELDS[key];
  };
  const siteObjs = new Map<string, Obj>();
  for (const o of objects) if (o.kind === "site") for (const k of [str(o.raw.slug), String(o.raw.id)]) if (k !== undefined) siteObjs.set(k, o);
  const siteOfBrief = (b: Json | undefined): string => {
    const slug = str(b?.slug) ?? str(siteObjs.get(String(b?.id ?? ""))?.raw.slug);
    if (slug === undefined) return ctx.site;
    return ctx.mapping.sites?.[slug] ?? ctx.mapping.sites?.[str(b?.name) ?? ""] ?? (ctx.scan.byId.get(slug)?.collection === "sites" ? slug : ID_PATTERN.test(slug) && siteObjs.has(slug) ? slug : ctx.site);
  };
  const tagsOf = (o: Json): string[] => (Array.isArray(o.tags) ? (o.tags as unknown[]).map((t) => str(brief(t)?.slug) ?? str(t)).filter((t): t is string => t !== undefined) : []);

  // --- devices ------------------------------------------------------------------------------
  interface Draft {
    o: Obj;
    name: string;
    server: Omit<Server, "id">;
    facts: SourceFacts;
    idName: string;
    /** Had a bad value (reported): known by name, not imported. */
    invalid?: boolean;
  }
  const devices: Draft[] = [];
  for (const o of objects.filter((x) => x.kind === "device")) {
    const name = str(o.raw.name);
    const role = brief(o.raw.role) ?? brief(o.raw.device_role);
    const roleSlug = str(role?.slug) ?? str(role?.name)?.toLowerCase();
    const status = statusOf(o.raw);
    if (name === undefined) {
      batch.notes.push({ kind: "skipped-device", subject: String(o.raw.id ?? "?"), message: `device #${String(o.raw.id ?? "?")} has no name: not imported (give it a name in NetBox)`, origin: origin(o) });
      continue;
    }
    if (status !== undefined && NOT_RUNNING.has(status)) {
      batch.notes.push({ kind: "skipped-device", subject: name, message: `device "${name}" is ${status} in NetBox: not imported`, origin: origin(o) });
      continue;
    }
    const kind = roleSlug !== undefined ? (nb.roles?.[roleSlug] ?? DEFAULT_NETBOX_ROLES[roleSlug]) : undefined;
    if (kind === undefined || kind === "skip") {
      if (kind === undefined) batch.notes.push({ kind: "skipped-device", subject: name, message: `device "${name}" has role ${roleSlug === undefined ? "(none)" : `"${roleSlug}"`}, which no kind is given for: not imported (map it in mapping.yaml under netbox.roles)`, origin: origin(o) });
      continue;
    }
    const dt = brief(o.raw.device_type);
    const manufacturer = str(brief(dt?.manufacturer)?.name);
    const model = str(dt?.model);
    const platform = parseOsName(str(brief(o.raw.platform)?.name));
    const cores = customField(o.raw, fieldNames("cpuCores"));
    const memory = customField(o.raw, fieldNames("memoryGiB"));
    const storage = customField(o.raw, fieldNames("storageGiB"));
    const power = customField(o.raw, fieldNames("powerWatts"));
    let invalid = false;
    for (const [f, rule] of [
      [cores, "whole number > 0"],
      [memory, "number > 0"],
      [storage, "number ≥ 0"],
      [power, "number ≥ 0"],
    ] as const) {
      if (f && (f.value === undefined || (rule.startsWith("whole") && !Number.isInteger(f.value)))) {
        fail(batch, o, ["custom_fields", f.name], name, `must be a ${rule} (got ${JSON.stringify(f.raw)})`);
        invalid = true;
      }
    }
    const uHeight = num(dt?.u_height);
    const server: Omit<Server, "id"> = {
      site: siteOfBrief(brief(o.raw.site)),
      kind: kind as ServerKind,
      ...(kind === "physical" && cores?.value !== undefined ? { cpuCores: cores.value } : {}),
      ...(kind === "physical" && memory?.value !== undefined ? { memoryGiB: memory.value } : {}),
      ...(storage?.value !== undefined ? { storageGiB: storage.value } : {}),
      ...(power?.value !== undefined ? { powerWatts: power.value } : {}),
      ...(uHeight !== undefined && Number.isInteger(uHeight) ? { rackUnits: uHeight } : {}),
      ...(model !== undefined ? { model: manufacturer !== undefined && !model.toLowerCase().startsWith(manufacturer.toLowerCase()) ? `${manufacturer} ${model}` : model } : {}),
      ...(platform ? { os: { name: platform.name, ...(platform.version ? { version: platform.version } : {}) } } : {}),
    } as Omit<Server, "id">;
    const facts: SourceFacts = {
      name,
      uuid: str(o.raw.url) ?? `netbox:dcim.device:${String(o.raw.id)}`,
      datacenter: str(brief(o.raw.site)?.slug),
      cluster: str(brief(o.raw.cluster)?.name),
      annotation: str(o.raw.description) ?? str(o.raw.comments),
      tags: tagsOf(o.raw),
      tenant: str(brief(o.raw.tenant)?.slug),
      role: roleSlug,
      powerState: status,
      ips: ipsOf(o.raw),
    };
    devices.push({ o, name, server, facts, idName: kind === "physical" ? shortHostName(name) : name, invalid });
  }
  const deviceIds = assignServerIds(ctx, devices.map((d) => ({ kind: d.server.kind as Server["kind"], idName: d.idName, facts: d.facts })));
  const deviceIdByNetbox = new Map<string, string>();
  const hostsOfCluster = new Map<string, string[]>();
  devices.forEach((d, i) => {
    const id = deviceIds[i].id;
    deviceIdByNetbox.set(String(d.o.raw.id), id);
    deviceIdByNetbox.set(d.name, id);
    if (d.invalid) return;
    if (d.server.kind === "physical" && !deviceIds[i].existing) {
      if (d.server.cpuCores === undefined) fail(batch, d.o, ["custom_fields"], d.name, `physical server has no CPU cores: NetBox has no such field; set custom field ${fieldNames("cpuCores")[0]} (or name yours in the mapping, netbox.customFields.cpuCores)`);
      if (d.server.memoryGiB === undefined) fail(batch, d.o, ["custom_fields"], d.name, `physical server has no memory: set custom field ${fieldNames("memoryGiB")[0]} in GiB (or name yours in the mapping, netbox.customFields.memoryGiB)`);
    }
    deviceIdByNetbox.set(String(d.o.raw.id), id);
    deviceIdByNetbox.set(d.name, id);
    if (d.facts.cluster !== undefined && d.server.kind === "physical") pushTo(hostsOfCluster, d.facts.cluster, id);
    batch.servers.push({ entity: { id, ...d.server } as Server, origin: origin(d.o), facts: d.facts });
  });

  // --- virtual machines -----------------------------------------------------------------------
  const vms: Draft[] = [];
  const diskToGiB = (nb.diskUnit ?? "MB") === "MB" ? 1 / 1024 : 1;
  for (const o of objects.filter((x) => x.kind === "vm")) {
    const name = str(o.raw.name);
    const status = statusOf(o.raw);
    if (name === undefined) {
      fail(batch, o, ["name"], undefined, "virtual machine has no name");
      continue;
    }
    if (status !== undefined && NOT_RUNNING.has(status)) {
      batch.notes.push({ kind: "skipped-vm", subject: name, message: `virtual machine "${name}" is ${status} in NetBox: not imported`, origin: origin(o) });
      continue;
    }
    const vcpus = num(o.raw.vcpus);
    const memory = num(o.raw.memory);
    const disk = num(o.raw.disk);
    if (vcpus === undefined || vcpus <= 0) fail(batch, o, ["vcpus"], name, `must be a number of vCPUs > 0 (got ${JSON.stringify(o.raw.vcpus ?? null)})`);
    if (memory === undefined || memory <= 0) fail(batch, o, ["memory"], name, `must be the memory in MB > 0 (got ${JSON.stringify(o.raw.memory ?? null)})`);
    if (o.raw.disk !== null && o.raw.disk !== undefined && disk === undefined) fail(batch, o, ["disk"], name, `must be a disk size (got ${JSON.stringify(o.raw.disk)})`);
    const cluster = str(brief(o.raw.cluster)?.name);
    const device = brief(o.raw.device);
    let host: string | undefined;
    if (device) host = deviceIdByNetbox.get(String(device.id)) ?? deviceIdByNetbox.get(str(device.name) ?? "") ?? ctx.scan.byName.get(str(device.name) ?? "")?.id;
    host ??= (cluster !== undefined ? ctx.mapping.hosts?.[cluster] : undefined) ?? ctx.mapping.hosts?.default;
    if (host === undefined && cluster !== undefined && hostsOfCluster.get(cluster)?.length === 1) host = hostsOfCluster.get(cluster)![0];
    if (host === undefined) {
      const n = cluster !== undefined ? (hostsOfCluster.get(cluster)?.length ?? 0) : 0;
      fail(batch, o, device ? ["device"] : ["cluster"], name, device ? `host device ${JSON.stringify(str(device.name) ?? device.id)} is neither in the devices export nor in the inventory` : `no host: NetBox gives no device${cluster !== undefined ? ` and cluster "${cluster}" has ${n} hosts in the export` : " and no cluster"}; set the VM's device in NetBox, or hosts.${cluster ?? "default"} in the mapping`);
      continue;
    }
    if (vcpus === undefined || memory === undefined || vcpus <= 0 || memory <= 0) continue;
    const platform = parseOsName(str(brief(o.raw.platform)?.name));
    vms.push({
      o,
      name,
      idName: name,
      server: {
        site: siteOfBrief(brief(o.raw.site)),
        kind: "virtual",
        hostedOn: host,
        cpuCores: Math.ceil(vcpus),
        memoryGiB: round(memory / 1024),
        ...(disk !== undefined ? { storageGiB: round(disk * diskToGiB) } : {}),
        ...(platform ? { os: { name: platform.name, ...(platform.version ? { version: platform.version } : {}) } } : {}),
        vmName: name,
      },
      facts: {
        name,
        uuid: str(o.raw.url) ?? `netbox:virtualization.virtual-machine:${String(o.raw.id)}`,
        datacenter: str(brief(o.raw.site)?.slug),
        cluster,
        annotation: str(o.raw.description) ?? str(o.raw.comments),
        tags: tagsOf(o.raw),
        tenant: str(brief(o.raw.tenant)?.slug),
        role: str(brief(o.raw.role)?.slug),
        powerState: status,
        host: str(device?.name),
        ips: ipsOf(o.raw),
      },
    });
  }
  const vmIds = assignServerIds(ctx, vms.map((v) => ({ kind: "virtual" as const, idName: v.idName, facts: v.facts })));
  const siteOfServer = new Map(batch.servers.map((s) => [s.entity.id, s.entity.site]));
  vms.forEach((v, i) => {
    const host = v.server.hostedOn as string;
    const hostSite = siteOfServer.get(host) ?? (ctx.scan.byId.get(host)?.raw.site as string | undefined);
    const server = { id: vmIds[i].id, ...v.server, ...(hostSite !== undefined ? { site: hostSite } : {}) } as Server;
    batch.servers.push({ entity: server, origin: origin(v.o), facts: v.facts });
  });

  // --- sites the imported servers are at, that the inventory lacks -------------------------------
  const used = new Set(batch.servers.map((s) => s.entity.site));
  const emitted = new Set<string>();
  for (const o of [...siteObjs.values()]) {
    const slug = str(o.raw.slug);
    if (slug === undefined) continue;
    const id = ctx.mapping.sites?.[slug] ?? slug;
    if (!used.has(id) || emitted.has(id) || ctx.scan.byId.has(id)) continue;
    emitted.add(id);
    const site: Site = { id, name: str(o.raw.name) ?? id, kind: "datacenter" };
    batch.sites.push({ entity: site, origin: origin(o) });
  }
  batch.sites.sort((a, b) => cmp(a.entity.id, b.entity.id));
}

function ipsOf(o: Json): string[] {
  const out: string[] = [];
  for (const k of ["primary_ip4", "primary_ip", "oob_ip"]) {
    const a = str(brief(o[k])?.address);
    if (a !== undefined) {
      const ip = a.split("/")[0];
      if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) && !out.includes(ip)) out.push(ip);
    }
  }
  return out;
}
