// Shared steps of every importer once a source is read: find the inventory entity an imported
// server is (by source UUID, then by name, then by id), hand out ids to new ones, and apply the
// mapping — owner, tags and system membership by rule — listing what no rule covers.
import type { Server, System } from "../schema.js";
import { IdAllocator, slugId } from "./ids.js";
import { firstMatch, type Mapping, matches, systemRules } from "./mapping.js";
import type { ScannedEntity, ScannedInventory } from "./scan.js";
import type { ImportBatch, SourceFacts } from "./types.js";

/** What an importer works against: the target inventory, the mapping, the default site. */
export interface ImportContext {
  /** Default site of everything imported (`--site`). */
  readonly site: string;
  readonly mapping: Mapping;
  /** Path of the mapping file, for origins of mapped systems. */
  readonly mappingFile?: string;
  readonly scan: ScannedInventory;
  /** Shared by every importer of one run, so ids stay unique. */
  readonly ids: IdAllocator;
}

/** A context over `scan` with a fresh id allocator holding every id already in use. */
export function makeContext(site: string, mapping: Mapping, scan: ScannedInventory, mappingFile?: string): ImportContext {
  return { site, mapping, mappingFile, scan, ids: new IdAllocator(scan.byId.keys()) };
}

/** The site of something the source places in `datacenter` (mapping `sites`, else `--site`). */
export function siteOf(ctx: ImportContext, datacenter: string | undefined): string {
  return (datacenter !== undefined ? ctx.mapping.sites?.[datacenter] : undefined) ?? ctx.site;
}

/** The existing server an imported one is: same source UUID, else same VM/source name, else same id of the same kind. */
export function findExisting(ctx: ImportContext, kind: Server["kind"], facts: SourceFacts, wantedId: string): ScannedEntity | undefined {
  if (facts.uuid !== undefined) {
    const hit = ctx.scan.byUuid.get(facts.uuid);
    if (hit) return hit;
  }
  const named = ctx.scan.byName.get(facts.name);
  if (named && named.raw.kind === kind) return named;
  const same = ctx.scan.byId.get(wantedId);
  if (same && same.collection === "servers" && same.raw.kind === kind && (same.raw.vmName === undefined || same.raw.vmName === facts.name)) return same;
  return undefined;
}

/** A server to identify: its kind, the name its id is made from, and its facts. */
export interface ServerKey {
  readonly kind: Server["kind"];
  /** Text the id is made from (a VM name, a host's short name). */
  readonly idName: string;
  readonly facts: SourceFacts;
}

/**
 * Ids for a set of imported servers: the existing id of a matched one, else a new id from its
 * name (unique, `-2`… on a clash). New ids are handed out in name order, so the result does not
 * depend on row order. Returns the ids in the order of `keys` and which were matched.
 */
export function assignServerIds(ctx: ImportContext, keys: readonly ServerKey[]): { id: string; existing?: ScannedEntity }[] {
  const prefix = ctx.mapping.idPrefix ?? "";
  const out: ({ id: string; existing?: ScannedEntity } | undefined)[] = keys.map((k) => {
    const existing = findExisting(ctx, k.kind, k.facts, slugId(k.idName, prefix));
    if (!existing) return undefined;
    ctx.ids.reserve(existing.id);
    return { id: existing.id, existing };
  });
  const order = keys.map((_, i) => i).filter((i) => out[i] === undefined);
  order.sort((a, b) => cmp(keys[a].idName, keys[b].idName) || cmp(keys[a].facts.uuid ?? "", keys[b].facts.uuid ?? "") || a - b);
  for (const i of order) out[i] = { id: ctx.ids.allocate(slugId(keys[i].idName, prefix)) };
  return out as { id: string; existing?: ScannedEntity }[];
}

/** Appends `value` to the list of `key` in `m` (creating it). */
export function pushTo<K, V>(m: Map<K, V[]>, key: K, value: V): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** Plain code-unit order (the same on every machine). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounds to `digits` decimals (sizes in GiB: 2). */
export function round(n: number, digits = 2): number {
  const k = 10 ** digits;
  return Math.round(n * k) / k;
}

/**
 * Applies the mapping to a batch: owners and tags of new servers, the systems the mapping defines
 * (with the servers that match their rules), and notes for VMs no system claims. Servers already in
 * the inventory keep what people gave them (the merge never replaces an owner or tags).
 */
export function applyMapping(batch: ImportBatch, ctx: ImportContext): void {
  const m = ctx.mapping;
  const claimed = new Set<string>();
  for (const sys of ctx.scan.byId.values()) {
    if (sys.collection !== "systems" || !Array.isArray(sys.raw.servers)) continue;
    for (const s of sys.raw.servers) if (typeof s === "string") claimed.add(s);
  }
  for (const s of batch.systems) for (const id of s.entity.servers) claimed.add(id);

  const servers = batch.servers;
  for (let i = 0; i < servers.length; i++) {
    const imp = servers[i];
    let server = imp.entity;
    if (server.owner === undefined) {
      const rule = firstMatch(m.owners, imp.facts);
      const tenant = imp.facts.tenant;
      const owner = rule?.owner ?? (tenant !== undefined ? (m.netbox?.tenants?.[tenant] ?? (ctx.scan.byId.get(tenant)?.collection === "agencies" ? tenant : undefined)) : undefined);
      if (owner !== undefined) server = { ...server, owner };
    }
    const tags = (m.tags ?? []).filter((r) => matches(r, imp.facts)).map((r) => r.add);
    if (tags.length > 0) server = { ...server, tags: [...new Set([...(server.tags ?? []), ...tags])] };
    if (server !== imp.entity) servers[i] = { ...imp, entity: server };
  }

  (m.systems ?? []).forEach((def, k) => {
    const members = servers.filter((s) => systemRules(def).some((r) => matches(r, s.facts))).map((s) => s.entity.id);
    for (const id of members) claimed.add(id);
    if (members.length === 0) return;
    const system: System = {
      id: def.id,
      name: def.name,
      owner: def.owner,
      function: def.function,
      securityLevel: def.securityLevel,
      servers: [...new Set(members)].sort(cmp),
      ...(def.users !== undefined ? { users: def.users } : {}),
      ...(def.dataGiB !== undefined ? { dataGiB: def.dataGiB } : {}),
      ...(def.rpoHours !== undefined ? { rpoHours: def.rpoHours } : {}),
      ...(def.rtoHours !== undefined ? { rtoHours: def.rtoHours } : {}),
      ...(def.containerReady !== undefined ? { containerReady: def.containerReady } : {}),
      ...(def.lifecycle !== undefined ? { lifecycle: def.lifecycle } : {}),
    };
    batch.systems.push({ entity: system, origin: { file: ctx.mappingFile ?? "mapping", path: `systems[${k}]` } });
  });

  for (const s of servers) {
    if (s.entity.kind !== "virtual" || claimed.has(s.entity.id)) continue;
    batch.notes.push({ kind: "unmapped-vm", subject: s.entity.id, message: `VM "${s.facts.name}" belongs to no system (no rule of the mapping matches it and no system lists it)`, origin: s.origin });
  }
}
