// Turns dependency rows (whose ends are names) into system dependencies. An end may name a system,
// an external, or a server — by id, VM name, name in the source, or IPv4 address — which stands for
// every system that lists the server. Rows inside one system, repeated rows (Azure Migrate writes a
// row per connection and time slot) and dependencies the system already declares are dropped; rows
// whose ends cannot be resolved are listed. Coupling: the row's, else tight for a database port
// (mapping `dependencies.tightPorts`), else the mapping's default (loose). New dependencies keep the
// order of the rows.
import type { Dependency } from "../schema.js";
import { pushTo } from "./assemble.js";
import { DEFAULT_TIGHT_PORTS, type Mapping } from "./mapping.js";
import type { ScannedInventory } from "./scan.js";
import type { ImportBatch, ImportNote } from "./types.js";

/** New dependencies per system id, and the rows that could not be used. */
export interface ResolvedDependencies {
  readonly bySystem: Map<string, Dependency[]>;
  readonly notes: ImportNote[];
}

/** Existing dependencies of a system, as `target|port|protocol` keys. */
function depKey(d: { target: string; port?: number; protocol?: string }): string {
  return `${d.target}|${d.port ?? ""}|${d.protocol ?? "tcp"}`;
}

/** Resolves the batch's dependency rows against the batch and the inventory (see file header). */
export function resolveDependencies(batch: ImportBatch, scan: ScannedInventory, mapping: Mapping): ResolvedDependencies {
  const bySystem = new Map<string, Dependency[]>();
  const notes: ImportNote[] = [];
  if (batch.dependencies.length === 0) return { bySystem, notes };

  const systems = new Map<string, { servers: string[]; deps: Set<string> }>();
  const externals = new Set<string>();
  for (const e of scan.byId.values()) {
    if (e.collection === "externals") externals.add(e.id);
    if (e.collection !== "systems") continue;
    const servers = Array.isArray(e.raw.servers) ? (e.raw.servers as unknown[]).filter((s): s is string => typeof s === "string") : [];
    const deps = Array.isArray(e.raw.dependsOn) ? (e.raw.dependsOn as { target?: unknown; port?: number; protocol?: string }[]).filter((d) => typeof d?.target === "string").map((d) => depKey(d as { target: string })) : [];
    systems.set(e.id, { servers, deps: new Set(deps) });
  }
  for (const e of batch.externals) externals.add(e.entity.id);
  for (const s of batch.systems) {
    const prev = systems.get(s.entity.id);
    const deps = new Set([...(prev?.deps ?? []), ...(s.entity.dependsOn ?? []).map(depKey)]);
    systems.set(s.entity.id, { servers: [...new Set([...(prev?.servers ?? []), ...s.entity.servers])], deps });
  }
  const systemsOf = new Map<string, string[]>();
  for (const [id, s] of systems) for (const server of s.servers) pushTo(systemsOf, server, id);

  const serverByName = new Map<string, string>();
  for (const s of batch.servers) {
    for (const n of [s.entity.id, s.entity.vmName, s.facts.name, ...(s.facts.ips ?? [])]) if (n !== undefined && !serverByName.has(n)) serverByName.set(n, s.entity.id);
  }
  for (const [name, e] of scan.byName) if (!serverByName.has(name)) serverByName.set(name, e.id);
  for (const [ip, e] of scan.byIp) if (!serverByName.has(ip)) serverByName.set(ip, e.id);
  for (const e of scan.byId.values()) if (e.collection === "servers" && !serverByName.has(e.id)) serverByName.set(e.id, e.id);
  const lower = new Map<string, string>();
  for (const [name, id] of serverByName) if (!lower.has(name.toLowerCase())) lower.set(name.toLowerCase(), id);

  const resolve = (text: string): { systems: string[]; external?: string } => {
    if (systems.has(text)) return { systems: [text] };
    if (externals.has(text)) return { systems: [], external: text };
    const server = serverByName.get(text) ?? lower.get(text.toLowerCase()) ?? lower.get(text.toLowerCase().split(".")[0]);
    return { systems: server !== undefined ? (systemsOf.get(server) ?? []) : [] };
  };

  const tight = new Set(mapping.dependencies?.tightPorts ?? DEFAULT_TIGHT_PORTS);
  const added = new Set<string>();
  for (const row of batch.dependencies) {
    const from = resolve(row.from);
    const to = resolve(row.to);
    const targets = to.external !== undefined ? [to.external] : to.systems;
    if (from.systems.length === 0 || targets.length === 0) {
      const which = from.systems.length === 0 ? row.from : row.to;
      notes.push({ kind: "unresolved-dependency", subject: `${row.from} → ${row.to}`, message: `dependency ${row.from} → ${row.to} not imported: "${which}" is no system, external, or server that a system lists`, origin: row.origin });
      continue;
    }
    const coupling = row.coupling ?? (row.port !== undefined && tight.has(row.port) ? "tight" : (mapping.dependencies?.coupling ?? "loose"));
    for (const f of from.systems) {
      for (const t of targets) {
        if (f === t) continue;
        const dep: Dependency = { target: t, coupling, ...(row.port !== undefined ? { port: row.port } : {}), ...(row.protocol !== undefined ? { protocol: row.protocol } : {}) };
        const key = depKey(dep);
        const existing = systems.get(f)?.deps;
        if (existing?.has(key) || existing?.has(depKey({ target: t })) || added.has(`${f}→${key}`)) continue;
        added.add(`${f}→${key}`);
        const list = bySystem.get(f) ?? [];
        list.push(dep);
        bySystem.set(f, list);
      }
    }
  }
  return { bySystem, notes };
}
