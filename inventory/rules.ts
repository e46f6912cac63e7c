// Cross-record rules of the inventory contract, one small function each. A rule reads the valid
// entities and pushes findings; the loader runs them all so one run reports every problem.
// Errors: duplicate ids, dangling or wrong-kind references, hostedOn rules and cycles,
// self-dependency. Warnings: things a planner should see (support ended, no servers, hot servers).
import type { PendingFinding } from "./load.js";
import type { InventoryIndex } from "./model.js";
import { type Collection, COLLECTIONS, ENTITY_NOUN, type Inventory } from "./schema.js";

/** Where an entity is defined: file, document and path of its list entry. */
export interface EntityOrigin {
  readonly file: string;
  readonly doc: number;
  readonly at: readonly (string | number)[];
  readonly collection: Collection;
}

/** What a rule sees. */
export interface RuleContext {
  readonly inventory: Inventory;
  readonly index: InventoryIndex;
  /** First definition of every id (valid or not). */
  readonly origins: ReadonlyMap<string, EntityOrigin>;
  /** Where each entity object (valid or salvaged) is defined. */
  readonly originOf: Pick<ReadonlyMap<object, EntityOrigin>, "get">;
  /** Ids of entities that failed their schema: references to them are not reported again. */
  readonly invalidIds: ReadonlyMap<string, Collection>;
  /** Every second (third…) definition of an id. */
  readonly duplicates: readonly { id: string; here: EntityOrigin; first: EntityOrigin }[];
  /** Day against which support dates are judged, `YYYY-MM-DD`. */
  readonly asOf: string;
  push(finding: PendingFinding): void;
}

export type Rule = (ctx: RuleContext) => void;

/** Share of usage above which a server is reported as hot, percent. */
export const HOT_USAGE_PCT = 90;

function at(ctx: RuleContext, entity: object, ...path: (string | number)[]): { file: string; doc: number; at: (string | number)[] } {
  const o = ctx.originOf.get(entity)!;
  return { file: o.file, doc: o.doc, at: [...o.at, ...path] };
}

function kindOf(ctx: RuleContext, id: string): Collection | undefined {
  return ctx.index.kindOf.get(id) ?? ctx.invalidIds.get(id);
}

/**
 * True when `id` names an entity of one of `expected` kinds (kindOf is one of them), asked of the
 * kinds' own maps, the small ones first: a good reference, checked without building its path or
 * message (checkRef then says nothing). Sites and agencies are a handful each; the map of every
 * id holds 120k. False sends the reference to checkRef, which says what is wrong.
 */
function refOk(ctx: RuleContext, id: string, expected: readonly Collection[]): boolean {
  for (const kind of expected) {
    if (!ctx.index[kind].has(id)) continue;
    // An id in the maps of two kinds is defined twice, so reported a duplicate: with none, the
    // kind that holds it is its only kind (at 20k systems, a look-up in the 100k servers' map
    // less for each dependency on a system).
    if (ctx.duplicates.length === 0) return true;
    // The kinds in the order indexInventory's kindOf takes them (an id's first kind wins).
    let earlier = false;
    for (const k of COLLECTIONS) {
      if (k === kind) break;
      if (ctx.index[k].has(id)) {
        earlier = true;
        break;
      }
    }
    if (!earlier) return true;
  }
  return false;
}

const SITES: readonly Collection[] = ["sites"];
const AGENCIES: readonly Collection[] = ["agencies"];
const SERVERS: readonly Collection[] = ["servers"];
const SYSTEMS: readonly Collection[] = ["systems"];
const DEPENDENCY_KINDS: readonly Collection[] = ["systems", "externals"];

/**
 * Checks that `id` names an entity of one of `expected` kinds; pushes unknown-reference or
 * wrong-kind otherwise. Returns true when the reference is good.
 */
function checkRef(ctx: RuleContext, ownerEntity: { id: string }, path: (string | number)[], id: string, expected: readonly Collection[], field: string): boolean {
  const kind = kindOf(ctx, id);
  // The common case (a good reference) returns before any message text is built: this runs for
  // every reference of a 100k-server inventory.
  if (kind !== undefined && expected.includes(kind)) return true;
  const owner = ownerEntity.id;
  const want = expected.map((k) => ENTITY_NOUN[k]).join(" or ");
  const a = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
  if (kind === undefined) {
    ctx.push({ severity: "error", rule: "unknown-reference", entity: owner, path, ...at(ctx, ownerEntity, ...path), message: `${field} "${id}" does not exist (expected the id of ${a(want)})` });
    return false;
  }
  if (!expected.includes(kind)) {
    ctx.push({ severity: "error", rule: "wrong-kind-reference", entity: owner, path, ...at(ctx, ownerEntity, ...path), message: `${field} "${id}" is ${a(ENTITY_NOUN[kind])}, not ${a(want)}` });
    return false;
  }
  return true;
}

export const duplicateIds: Rule = (ctx) => {
  for (const { id, here, first } of ctx.duplicates) {
    ctx.push({
      severity: "error",
      rule: "duplicate-id",
      entity: id,
      path: ["id"],
      file: here.file,
      doc: here.doc,
      at: [...here.at, "id"],
      message: `duplicate id "${id}" (ids are unique across all entity kinds); this ${ENTITY_NOUN[here.collection]} repeats the ${ENTITY_NOUN[first.collection]}`,
      related: { file: first.file, doc: first.doc, at: [...first.at, "id"], text: "defined at" },
    });
  }
};

export const serverReferences: Rule = (ctx) => {
  for (const s of ctx.inventory.servers) {
    if (typeof s.site === "string" && !refOk(ctx, s.site, SITES)) checkRef(ctx, s, ["site"], s.site, SITES, "site");
    if (typeof s.owner === "string" && !refOk(ctx, s.owner, AGENCIES)) checkRef(ctx, s, ["owner"], s.owner, AGENCIES, "owner");
  }
};

export const hostedOnRules: Rule = (ctx) => {
  for (const vm of ctx.inventory.servers) {
    if (typeof vm.hostedOn !== "string") continue;
    if (vm.hostedOn === vm.id) {
      ctx.push({ severity: "error", rule: "hosted-on-cycle", entity: vm.id, path: ["hostedOn"], ...at(ctx, vm, "hostedOn"), message: "a VM cannot be hosted on itself" });
      continue;
    }
    // The host, looked up once: a server in the servers' map is a good reference unless its id is also another kind's (refOk).
    const host = ctx.index.servers.get(vm.hostedOn);
    const ok = host !== undefined && (ctx.duplicates.length === 0 || refOk(ctx, vm.hostedOn, SERVERS));
    if (!ok && !checkRef(ctx, vm, ["hostedOn"], vm.hostedOn, SERVERS, "hostedOn")) continue;
    if (!host) continue; // the host failed its own schema and is reported there
    if (host.kind !== undefined && host.kind !== "physical") {
      ctx.push({ severity: "error", rule: "hosted-on-kind", entity: vm.id, path: ["hostedOn"], ...at(ctx, vm, "hostedOn"), message: `hostedOn "${host.id}" is a ${host.kind} server; a VM runs on a physical host` });
    }
    if (host.site !== undefined && vm.site !== undefined && host.site !== vm.site) {
      ctx.push({ severity: "error", rule: "hosted-on-site", entity: vm.id, path: ["hostedOn"], ...at(ctx, vm, "hostedOn"), message: `host "${host.id}" is at site "${host.site}" but this VM is at "${vm.site}"; a VM runs at its host's site` });
    }
  }
};

/** Cycles of hostedOn (a VM on a VM on …): reported once per cycle, on its smallest id. */
export const hostedOnCycles: Rule = (ctx) => {
  const state = new Map<string, 1 | 2>(); // 1 on the current path, 2 done
  for (const start of ctx.inventory.servers) {
    // Every member of a cycle is hosted on a server that is itself hosted: a VM on a physical
    // host (all of them, in a valid inventory) starts no walk, and a walk that reaches it stops.
    if (start.hostedOn === undefined || ctx.index.servers.get(start.hostedOn)?.hostedOn === undefined || state.has(start.id)) continue;
    const path: string[] = [];
    let cur: string | undefined = start.id;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      const next: string | undefined = ctx.index.servers.get(cur)?.hostedOn;
      cur = next !== undefined && next !== cur && ctx.index.servers.has(next) ? next : undefined;
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const first = [...cycle].sort()[0];
      const rotated = [...cycle.slice(cycle.indexOf(first)), first];
      ctx.push({ severity: "error", rule: "hosted-on-cycle", entity: first, path: ["hostedOn"], ...at(ctx, ctx.index.servers.get(first)!, "hostedOn"), message: `hostedOn forms a cycle: ${rotated.join(" → ")}` });
    }
    for (const id of path) state.set(id, 2);
  }
};

export const systemReferences: Rule = (ctx) => {
  for (const sys of ctx.inventory.systems) {
    if (typeof sys.owner === "string" && !refOk(ctx, sys.owner, AGENCIES)) checkRef(ctx, sys, ["owner"], sys.owner, AGENCIES, "owner");
    const servers = sys.servers ?? [];
    for (let i = 0; i < servers.length; i++) if (!refOk(ctx, servers[i], SERVERS)) checkRef(ctx, sys, ["servers", i], servers[i], SERVERS, "server");
    (sys.dependsOn ?? []).forEach((dep, i) => {
      if (dep.target === sys.id) {
        ctx.push({ severity: "error", rule: "self-dependency", entity: sys.id, path: ["dependsOn", i, "target"], ...at(ctx, sys, "dependsOn", i, "target"), message: "a system cannot depend on itself" });
        return;
      }
      if (!refOk(ctx, dep.target, DEPENDENCY_KINDS)) checkRef(ctx, sys, ["dependsOn", i, "target"], dep.target, DEPENDENCY_KINDS, "dependency target");
    });
    if (sys.consolidateInto !== undefined) {
      if (sys.consolidateInto === sys.id) {
        ctx.push({ severity: "error", rule: "self-consolidation", entity: sys.id, path: ["consolidateInto"], ...at(ctx, sys, "consolidateInto"), message: "a system cannot be consolidated into itself" });
      } else if (refOk(ctx, sys.consolidateInto, SYSTEMS) || checkRef(ctx, sys, ["consolidateInto"], sys.consolidateInto, SYSTEMS, "consolidateInto")) {
        const survivor = ctx.index.systems.get(sys.consolidateInto);
        if (survivor && survivor.function !== sys.function) {
          ctx.push({ severity: "warning", rule: "consolidate-other-function", entity: sys.id, path: ["consolidateInto"], ...at(ctx, sys, "consolidateInto"), message: `is consolidated into "${survivor.id}", whose function is "${survivor.function}", not "${sys.function}"` });
        }
      }
    }
    if (sys.consolidateInto !== undefined && sys.disposition === undefined) {
      ctx.push({ severity: "warning", rule: "consolidate-without-disposition", entity: sys.id, path: ["consolidateInto"], ...at(ctx, sys, "consolidateInto"), message: "has consolidateInto but no disposition; it is read as disposition: consolidate" });
    }
  }
};

export const supportEnded: Rule = (ctx) => {
  for (const s of ctx.inventory.servers) {
    if (s.supportEnds !== undefined && s.supportEnds < ctx.asOf) {
      ctx.push({ severity: "warning", rule: "support-ended", entity: s.id, path: ["supportEnds"], ...at(ctx, s, "supportEnds"), message: `vendor support ended on ${s.supportEnds}` });
    }
    if (s.os?.endOfSupport !== undefined && s.os.endOfSupport < ctx.asOf) {
      ctx.push({ severity: "warning", rule: "os-support-ended", entity: s.id, path: ["os", "endOfSupport"], ...at(ctx, s, "os", "endOfSupport"), message: `${s.os.name}${s.os.version ? ` ${s.os.version}` : ""} left support on ${s.os.endOfSupport}` });
    }
  }
};

export const systemsWithoutServers: Rule = (ctx) => {
  for (const sys of ctx.inventory.systems) {
    if (sys.servers !== undefined && sys.servers.length === 0) {
      ctx.push({ severity: "warning", rule: "no-servers", entity: sys.id, path: ["servers"], ...at(ctx, sys, "servers"), message: "runs on no server (SaaS or not yet inventoried): nothing to migrate" });
    }
  }
};

export const hotServers: Rule = (ctx) => {
  for (const s of ctx.inventory.servers) {
    for (const key of ["cpuPct", "memoryPct", "storageUsedPct"] as const) {
      const v = s.usage?.[key];
      if (v !== undefined && v > HOT_USAGE_PCT) {
        ctx.push({ severity: "warning", rule: "high-utilisation", entity: s.id, path: ["usage", key], ...at(ctx, s, "usage", key), message: `${key} ${v} % is above ${HOT_USAGE_PCT} %: size it up when it moves` });
      }
    }
  }
};

export const systemsAcrossSites: Rule = (ctx) => {
  for (const sys of ctx.inventory.systems) {
    // Most systems run at one site: check that before collecting the sites.
    const servers = sys.servers ?? [];
    let one: string | undefined;
    let several = false;
    for (const id of servers) {
      const site = ctx.index.servers.get(id)?.site;
      if (site === undefined) continue;
      if (one === undefined) one = site;
      else if (site !== one) {
        several = true;
        break;
      }
    }
    if (!several) continue;
    const sites = new Set(servers.map((id) => ctx.index.servers.get(id)?.site).filter((s): s is string => s !== undefined));
    if (sites.size > 1) {
      ctx.push({ severity: "warning", rule: "system-across-sites", entity: sys.id, path: ["servers"], ...at(ctx, sys, "servers"), message: `runs on servers at several sites (${[...sites].sort().join(", ")})` });
    }
  }
};

/** The rules that only ever warn: skipped when the warnings are not wanted (LoadOptions.warnings). */
export const warningOnlyRules: ReadonlySet<Rule> = new Set([supportEnded, systemsWithoutServers, hotServers, systemsAcrossSites]);

/** Every cross-record rule, in the order they run. */
export const crossRecordRules: readonly Rule[] = [
  duplicateIds,
  serverReferences,
  hostedOnRules,
  hostedOnCycles,
  systemReferences,
  supportEnded,
  systemsWithoutServers,
  hotServers,
  systemsAcrossSites,
];
