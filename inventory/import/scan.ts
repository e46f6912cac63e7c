// What an import needs to know of the inventory it writes into, read leniently (an inventory that
// does not validate yet still gives its ids): every id with its kind and file, and for servers the
// keys an imported server is matched by — the source's UUID and name recorded under `x-source`, the
// VM name, the id. Parsed with js-yaml like the loader (fast); files that do not parse are skipped
// here and reported by the validation that follows the import.
import { existsSync, readFileSync, statSync } from "node:fs";
import jsYaml from "js-yaml";
import { listYamlFiles } from "../load.js";
import { type Collection, COLLECTIONS } from "../schema.js";
import { SOURCE_KEY } from "./types.js";

/** One entity found in the inventory. */
export interface ScannedEntity {
  readonly id: string;
  readonly collection: Collection;
  readonly file: string;
  /** The entity as parsed (plain data). */
  readonly raw: Record<string, unknown>;
}

/** The inventory an import writes into, indexed for matching. */
export interface ScannedInventory {
  /** Files read, sorted by path. */
  readonly files: readonly string[];
  /** First definition of every id. */
  readonly byId: ReadonlyMap<string, ScannedEntity>;
  /** Servers by `x-source.uuid`. */
  readonly byUuid: ReadonlyMap<string, ScannedEntity>;
  /** Servers by `vmName`, and by `x-source.name` (the name in the source, e.g. a host's). */
  readonly byName: ReadonlyMap<string, ScannedEntity>;
  /** Servers by IPv4 address recorded under `x-source.ips`. */
  readonly byIp: ReadonlyMap<string, ScannedEntity>;
}

/** An empty inventory (a new directory). */
export const EMPTY_SCAN: ScannedInventory = { files: [], byId: new Map(), byUuid: new Map(), byName: new Map(), byIp: new Map() };

/** Scans the YAML files of `dir` (absent or empty directory: an empty scan). */
export function scanInventory(dir: string, extraFiles: readonly string[] = []): ScannedInventory {
  const files = existsSync(dir) && statSync(dir).isDirectory() ? listYamlFiles(dir) : [];
  for (const f of extraFiles) if (!files.includes(f) && existsSync(f)) files.push(f);
  const byId = new Map<string, ScannedEntity>();
  const byUuid = new Map<string, ScannedEntity>();
  const byName = new Map<string, ScannedEntity>();
  const byIp = new Map<string, ScannedEntity>();
  for (const file of files) {
    let docs: unknown[];
    try {
      docs = jsYaml.loadAll(readFileSync(file, "utf8"), undefined, { schema: jsYaml.CORE_SCHEMA }) as unknown[];
    } catch {
      continue;
    }
    for (const doc of docs) {
      if (!doc || typeof doc !== "object" || Array.isArray(doc)) continue;
      for (const collection of COLLECTIONS) {
        const list = (doc as Record<string, unknown>)[collection];
        if (!Array.isArray(list)) continue;
        for (const raw of list) {
          if (!raw || typeof raw !== "object" || typeof (raw as { id?: unknown }).id !== "string") continue;
          const e: ScannedEntity = { id: (raw as { id: string }).id, collection, file, raw: raw as Record<string, unknown> };
          if (!byId.has(e.id)) byId.set(e.id, e);
          if (collection !== "servers") continue;
          const src = e.raw[SOURCE_KEY];
          const s = src && typeof src === "object" ? (src as Record<string, unknown>) : {};
          if (typeof s.uuid === "string" && !byUuid.has(s.uuid)) byUuid.set(s.uuid, e);
          for (const name of [e.raw.vmName, s.name]) if (typeof name === "string" && !byName.has(name)) byName.set(name, e);
          if (Array.isArray(s.ips)) for (const ip of s.ips) if (typeof ip === "string" && !byIp.has(ip)) byIp.set(ip, e);
        }
      }
    }
  }
  return { files, byId, byUuid, byName, byIp };
}
