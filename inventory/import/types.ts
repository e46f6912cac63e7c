// What every importer produces (RVTools, NetBox, CSV, the province's workbook): entities already in
// the inventory format, each with the place in its source it came from, plus what the source says
// about a server beyond the format (cluster, folder, annotation, networks…) for the mapping rules
// and for matching a server again on the next import. Pure data.
import type { Finding } from "../../common/errors.js";
import type { Agency, Coupling, External, Server, Site, System } from "../schema.js";

/** The kinds of source `dcplan import --from` reads. */
export const SOURCE_KINDS = ["rvtools", "netbox", "csv", "workbook"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where an entity came from, for the comment above it and for messages. */
export interface Origin {
  /** The source file as given on the command line. */
  readonly file: string;
  /** Sheet of a workbook. */
  readonly sheet?: string;
  /** 1-based row of the sheet, or line of a CSV file. */
  readonly row?: number;
  /** Place inside a JSON file, e.g. `results[3]` (NetBox). */
  readonly path?: string;
}

/** What the source knows about a server beyond the inventory fields (all optional but `name`). */
export interface SourceFacts {
  /** The server's name in the source (VM name in vCenter, device name in NetBox, Server name in CSV). */
  readonly name: string;
  /** Identity that survives a rename (vCenter VM UUID, NetBox object URL), used to match it again. */
  readonly uuid?: string;
  /** vCenter datacenter, NetBox site slug. */
  readonly datacenter?: string;
  readonly cluster?: string;
  /** vCenter VM folder. */
  readonly folder?: string;
  /** vCenter annotation (notes), NetBox description or comments. */
  readonly annotation?: string;
  /** Port groups / networks the server is connected to. */
  readonly networks?: readonly string[];
  /** IPv4 addresses, for matching dependency rows that name an address. */
  readonly ips?: readonly string[];
  /** NetBox tags (slugs). */
  readonly tags?: readonly string[];
  /** NetBox tenant slug. */
  readonly tenant?: string;
  /** NetBox device role slug. */
  readonly role?: string;
  /** vCenter power state (poweredOn, poweredOff, suspended) or NetBox status value (active, offline…). */
  readonly powerState?: string;
  /** Name of the host the VM runs on, as the source writes it. */
  readonly host?: string;
  /** vCenter server the export came from (RVTools "VI SDK Server"). */
  readonly vcenter?: string;
}

/** An entity read from a source, with its origin. */
export interface Imported<T> {
  readonly entity: T;
  readonly origin: Origin;
}

/** A server read from a source: the entity, where it came from, and the source's facts. */
export interface ImportedServer extends Imported<Server> {
  readonly facts: SourceFacts;
}

/** A dependency row whose ends are still names: system, external, server id, VM name or IP address. */
export interface ImportedDependency {
  readonly from: string;
  readonly to: string;
  readonly coupling?: Coupling;
  readonly port?: number;
  readonly protocol?: "tcp" | "udp";
  readonly origin: Origin;
}

/** Something an importer did not turn into an entity, listed for people to look at. */
export interface ImportNote {
  /** Short kebab-case reason, e.g. `unmapped-vm`, `skipped-device`. */
  readonly kind: string;
  /** The thing, as the source names it. */
  readonly subject: string;
  readonly message: string;
  readonly origin?: Origin;
}

/** Everything one source gave. */
export interface ImportBatch {
  readonly source: SourceKind;
  readonly sites: Imported<Site>[];
  readonly agencies: Imported<Agency>[];
  readonly servers: ImportedServer[];
  readonly systems: Imported<System>[];
  readonly externals: Imported<External>[];
  readonly dependencies: ImportedDependency[];
  readonly notes: ImportNote[];
  /** Problems in the source; any error means nothing is written. */
  readonly findings: Finding[];
}

/** An empty batch of `source`. */
export function emptyBatch(source: SourceKind): ImportBatch {
  return { source, sites: [], agencies: [], servers: [], systems: [], externals: [], dependencies: [], notes: [], findings: [] };
}

/** Concatenates batches of the same source (several files of one kind). */
export function joinBatches(source: SourceKind, batches: readonly ImportBatch[]): ImportBatch {
  const out = emptyBatch(source);
  for (const b of batches) {
    out.sites.push(...b.sites);
    out.agencies.push(...b.agencies);
    out.servers.push(...b.servers);
    out.systems.push(...b.systems);
    out.externals.push(...b.externals);
    out.dependencies.push(...b.dependencies);
    out.notes.push(...b.notes);
    out.findings.push(...b.findings);
  }
  return out;
}

/** The comment written above an imported entity: `source: vcenter-bn.xlsx vInfo row 12`. */
export function originComment(o: Origin): string {
  const base = o.file.split(/[\\/]/).pop() ?? o.file;
  if (o.sheet !== undefined) return `source: ${base} ${o.sheet} row ${o.row}`;
  if (o.path !== undefined) return `source: ${base} ${o.path}`;
  if (o.row !== undefined) return `source: ${base} line ${o.row}`;
  return `source: ${base}`;
}

/** The prefix that marks the importer's own comment (the one it rewrites on the next import). */
export const ORIGIN_COMMENT_PREFIX = "source: ";

/** Key holding what the importer records of the source on a server (importer-owned; see docs/import.md). */
export const SOURCE_KEY = "x-source";
