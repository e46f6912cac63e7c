// Merges an import into the inventory's files, never overwriting what people wrote:
//  - a server already in the inventory (matched by source UUID, name or id, in any file) gets its
//    measured facts updated in place — MEASURED_FIELDS: host, cores, memory, storage, usage, model,
//    OS name and version, VM name, and `x-source` (the importer's record of the source) — plus an
//    owner when it has none; its "source:" comment line is rewritten; nothing else is touched;
//  - a system already in the inventory gains the servers new in this import that the mapping puts
//    in it, and the dependencies the source adds; its other fields are left as they are;
//  - sites, agencies and externals already there are left alone;
//  - anything new goes to the import's own file for its site (`<out>/<source>-<site>.yaml`), at its
//    sorted place, or into a new file written whole (render.ts);
//  - servers the import file holds (or that came from the same vCenter) that the source no longer
//    has are listed as vanished, not removed.
// Edits splice text at node offsets (yaml-edit.ts), so every other byte of every file stays.
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Finding } from "../../common/errors.js";
import type { Collection, Dependency } from "../schema.js";
import { cmp, pushTo } from "./assemble.js";
import { resolveDependencies } from "./dependencies.js";
import type { Mapping } from "./mapping.js";
import { ordered, renderFile, type RenderEntity, renderItem, renderValue, sourceRecord } from "./render.js";
import type { ScannedInventory } from "./scan.js";
import { type ImportBatch, type ImportNote, type Origin, ORIGIN_COMMENT_PREFIX, originComment, SOURCE_KEY } from "./types.js";
import { collectionOf, idOf, isMap, isSeq, lineEnd, pairOf, parseYaml, plain, TextEditor } from "./yaml-edit.js";
import { type Document, type Node, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { indexItems, itemKey, type LineIndex } from "./yaml-items.js";

/** Fields of a server that the source measures: updated on every import. Nested paths are `a.b`. */
export const MEASURED_FIELDS: readonly string[] = [
  "hostedOn",
  "cpuCores",
  "memoryGiB",
  "storageGiB",
  "usage.cpuPct",
  "usage.memoryPct",
  "usage.storageUsedPct",
  "powerWatts",
  "rackUnits",
  "model",
  "os.name",
  "os.version",
  "vmName",
  SOURCE_KEY,
];

/** One file's text before (absent for a new file) and after the import. */
export interface FileChange {
  readonly path: string;
  readonly before?: string;
  readonly after: string;
}

/** What the merge will do, before anything is written. */
export interface MergePlan {
  /** Files whose text changes, sorted by path. */
  readonly changes: FileChange[];
  readonly added: { collection: Collection; id: string; file: string }[];
  readonly updated: { id: string; file: string; fields: string[] }[];
  readonly vanished: { id: string; file: string; name?: string }[];
  readonly notes: ImportNote[];
  readonly findings: Finding[];
}

/** What the merge works from. */
export interface MergeInput {
  readonly batch: ImportBatch;
  readonly scan: ScannedInventory;
  /** Directory of the import's own files. */
  readonly outDir: string;
  /** Default site (`--site`): the file of entities that have no site. */
  readonly site: string;
  readonly mapping: Mapping;
  /** Text of a file, undefined when it does not exist. */
  readonly read: (path: string) => string | undefined;
}

/** A file's pending work. */
interface FileWork {
  site?: string;
  readonly updates: { id: string; value: Record<string, unknown>; origin: Origin }[];
  readonly inserts: RenderEntity[];
  readonly members: Map<string, string[]>;
  readonly deps: Map<string, Dependency[]>;
  /** Decisions a source (the workbook) gives for systems that have none yet. */
  readonly decisions: Map<string, { disposition: string; consolidateInto?: string }>;
}

/** Plans the merge of `input.batch` (see file header); pure but for `input.read`. */
export function planMerge(input: MergeInput): MergePlan {
  const { batch, scan } = input;
  const findings: Finding[] = [];
  const notes: ImportNote[] = [];
  const files = new Map<string, FileWork>();
  const work = (path: string, site?: string): FileWork => {
    let w = files.get(path);
    if (!w) files.set(path, (w = { site, updates: [], inserts: [], members: new Map(), deps: new Map(), decisions: new Map() }));
    return w;
  };
  const importFile = (site: string) => join(input.outDir, `${batch.source}-${site}.yaml`);
  const added: MergePlan["added"] = [];

  const newServers = new Set<string>();
  const serverSite = new Map<string, string>();
  for (const s of batch.servers) serverSite.set(s.entity.id, s.entity.site);
  for (const s of batch.servers) {
    const existing = scan.byId.get(s.entity.id);
    // vmName defaults to the id (inventory contract): written only when it differs.
    const { vmName, ...rest } = s.entity;
    const value = { ...rest, ...(vmName !== undefined && vmName !== s.entity.id ? { vmName } : {}), [SOURCE_KEY]: sourceRecord(s.facts, vmName, s.entity.id) } as Record<string, unknown>;
    if (existing && existing.collection === "servers") {
      work(existing.file).updates.push({ id: s.entity.id, value, origin: s.origin });
    } else if (existing) {
      findings.push({ severity: "error", rule: "id-clash", file: originPlace(s.origin), entity: s.entity.id, message: `server id "${s.entity.id}" is already a ${existing.collection.replace(/s$/, "").replace(/ie$/, "y")} in ${existing.file}` });
    } else {
      newServers.add(s.entity.id);
      const file = importFile(s.entity.site);
      work(file, s.entity.site).inserts.push({ collection: "servers", value, origin: s.origin });
      added.push({ collection: "servers", id: s.entity.id, file });
    }
  }

  const deps = resolveDependencies(batch, scan, input.mapping);
  notes.push(...deps.notes);
  const newSystems = new Set(batch.systems.filter((s) => !scan.byId.has(s.entity.id)).map((s) => s.entity.id));

  for (const s of batch.systems) {
    const existing = scan.byId.get(s.entity.id);
    if (existing && existing.collection !== "systems") {
      findings.push({ severity: "error", rule: "id-clash", file: originPlace(s.origin), entity: s.entity.id, message: `system id "${s.entity.id}" is already a ${existing.collection.replace(/s$/, "")} in ${existing.file}` });
      continue;
    }
    if (existing) {
      const listed = new Set(Array.isArray(existing.raw.servers) ? (existing.raw.servers as string[]) : []);
      const fresh = s.entity.servers.filter((id) => newServers.has(id) && !listed.has(id));
      if (fresh.length > 0) work(existing.file).members.set(s.entity.id, fresh);
      const d = s.entity.disposition;
      if (d !== undefined) {
        if (existing.raw.disposition === undefined) work(existing.file).decisions.set(s.entity.id, { disposition: d, ...(s.entity.consolidateInto !== undefined ? { consolidateInto: s.entity.consolidateInto } : {}) });
        else if (existing.raw.disposition !== d || (s.entity.consolidateInto !== undefined && existing.raw.consolidateInto !== s.entity.consolidateInto)) {
          notes.push({ kind: "decision-kept", subject: s.entity.id, message: `system ${s.entity.id}: the source says ${d}${s.entity.consolidateInto ? ` into ${s.entity.consolidateInto}` : ""}, the inventory already says ${String(existing.raw.disposition)}${existing.raw.consolidateInto ? ` into ${String(existing.raw.consolidateInto)}` : ""} (${existing.file}); kept — change it there if the source is right`, origin: s.origin });
        }
      }
      continue;
    }
    const site = majoritySite(s.entity.servers.map((id) => serverSite.get(id) ?? (scan.byId.get(id)?.raw.site as string | undefined))) ?? input.site;
    const dependsOn = [...(s.entity.dependsOn ?? []), ...(deps.bySystem.get(s.entity.id) ?? [])];
    const file = importFile(site);
    work(file, site).inserts.push({ collection: "systems", value: { ...s.entity, ...(dependsOn.length > 0 ? { dependsOn } : {}) }, origin: s.origin });
    added.push({ collection: "systems", id: s.entity.id, file });
  }
  for (const [system, list] of deps.bySystem) {
    if (newSystems.has(system)) continue;
    const existing = scan.byId.get(system);
    if (existing) work(existing.file).deps.set(system, list);
  }
  for (const collection of ["sites", "agencies", "externals"] as const) {
    for (const e of batch[collection]) {
      const existing = scan.byId.get(e.entity.id);
      if (existing) {
        if (existing.collection !== collection) findings.push({ severity: "error", rule: "id-clash", file: originPlace(e.origin), entity: e.entity.id, message: `id "${e.entity.id}" is already a ${existing.collection.replace(/s$/, "")} in ${existing.file}` });
        continue;
      }
      const site = collection === "sites" ? e.entity.id : input.site;
      const file = importFile(collection === "sites" ? input.site : site);
      work(file, input.site).inserts.push({ collection, value: e.entity as unknown as Record<string, unknown>, origin: e.origin });
      added.push({ collection, id: e.entity.id, file });
    }
  }

  const changes: FileChange[] = [];
  const updated: MergePlan["updated"] = [];
  for (const [path, w] of [...files].sort((a, b) => cmp(a[0], b[0]))) {
    const before = input.read(path);
    if (before === undefined) {
      changes.push({ path, after: renderFile(batch.source, w.site ?? input.site, w.inserts) });
      continue;
    }
    const editor = new TextEditor(before);
    const fast = indexItems(before);
    let full: { items: Map<string, YAMLMap>; docs: Document.Parsed[] } | undefined;
    let broken = false;
    const parseWhole = (): typeof full => {
      if (full || broken) return full;
      const parsed = parseYaml(before);
      if (parsed.errors.length > 0) {
        broken = true;
        for (const e of parsed.errors) findings.push({ severity: "error", rule: "yaml-syntax", file: path, line: e.line, col: e.col, message: `cannot merge into this file: YAML syntax error: ${e.message}` });
        return undefined;
      }
      full = { items: itemIndex(parsed.docs), docs: parsed.docs };
      return full;
    };
    /** Applies `edit` to one item: parsing that item alone when the file's lines allow, else the whole file. */
    const editItem = (collection: string, id: string, edit: (ed: TextEditor, item: YAMLMap) => void): void => {
      const loc = fast.simple ? fast.items.get(itemKey(collection, id)) : undefined;
      if (loc) {
        const chunk = before.slice(loc.line, loc.end);
        const doc = parseDocument(chunk, { uniqueKeys: true });
        const item = isSeq(doc.contents) ? (doc.contents as YAMLSeq).items[0] : undefined;
        if (doc.errors.length === 0 && isMap(item) && idOf(item) === id && (doc.contents as YAMLSeq).items.length === 1) {
          const sub = new TextEditor(chunk);
          edit(sub, item as YAMLMap);
          if (!sub.empty) editor.replace(loc.line, loc.end, sub.result());
          return;
        }
      }
      const item = parseWhole()?.items.get(itemKey(collection, id));
      if (item) edit(editor, item);
    };
    const contentOffset = (collection: string, id: string): number | undefined => {
      const loc = fast.simple ? fast.items.get(itemKey(collection, id)) : undefined;
      if (loc) return loc.line + loc.dash + 2;
      return parseWhole()?.items.get(itemKey(collection, id))?.range?.[0];
    };
    for (const u of w.updates) {
      const existing = scan.byId.get(u.id);
      const changed = existing && existing.file === path ? measuredChanges(existing.raw, u.value) : ["?"];
      if (changed.length > 0) {
        let fields: string[] = [];
        editItem("servers", u.id, (ed, item) => (fields = updateServer(ed, item, u.value)));
        if (fields.length > 0) updated.push({ id: u.id, file: path, fields });
      }
      const at = contentOffset("servers", u.id);
      if (at !== undefined) editor.setItemComment(at, ORIGIN_COMMENT_PREFIX, originComment(u.origin));
    }
    for (const [system, ids] of w.members) editItem("systems", system, (ed, item) => appendList(ed, item, "servers", ids));
    for (const [system, d] of w.decisions) {
      editItem("systems", system, (ed, item) => {
        ed.addPair(item, "disposition", renderValue(d.disposition, item.flow));
        if (d.consolidateInto !== undefined && !pairOf(item, "consolidateInto")) ed.addPair(item, "consolidateInto", renderValue(d.consolidateInto, item.flow));
      });
      updated.push({ id: system, file: path, fields: ["disposition"] });
    }
    for (const [system, list] of w.deps) editItem("systems", system, (ed, item) => appendList(ed, item, "dependsOn", list.map((d) => ordered("systems", { dependsOn: [d] }).dependsOn as unknown[]).flat()));
    if (w.inserts.length > 0) {
      if (!(fast.simple && insertByLines(editor, fast, w.inserts))) {
        const parsed = parseWhole();
        if (parsed) insertEntities(editor, parsed.docs, w.inserts);
      }
    }
    if (broken) continue;
    const after = editor.result();
    if (after !== before) changes.push({ path, before, after });
  }

  const seenIds = new Set(batch.servers.map((s) => s.entity.id));
  const vcenters = new Set(batch.servers.map((s) => s.facts.vcenter).filter((v): v is string => v !== undefined));
  const ownFiles = new Set([...files.keys()].filter((f) => f.startsWith(join(input.outDir, `${batch.source}-`))));
  const vanished: MergePlan["vanished"] = [];
  for (const e of scan.byId.values()) {
    if (e.collection !== "servers" || seenIds.has(e.id)) continue;
    const src = e.raw[SOURCE_KEY] as Record<string, unknown> | undefined;
    if (!src || typeof src !== "object") continue;
    const ownFile = e.file.startsWith(join(input.outDir, `${batch.source}-`)) || ownFiles.has(e.file);
    if (ownFile || (typeof src.vcenter === "string" && vcenters.has(src.vcenter))) vanished.push({ id: e.id, file: e.file, name: (e.raw.vmName as string | undefined) ?? (src.name as string | undefined) });
  }
  vanished.sort((a, b) => cmp(a.id, b.id));
  return { changes, added, updated, vanished, notes, findings };
}

function originPlace(o: Origin): string {
  if (o.sheet !== undefined) return `${o.file}:${o.sheet}!${o.row}`;
  if (o.path !== undefined) return `${o.file}:${o.path}`;
  if (o.row !== undefined) return `${o.file}:${o.row}`;
  return o.file;
}

function majoritySite(sites: (string | undefined)[]): string | undefined {
  const count = new Map<string, number>();
  for (const s of sites) if (s !== undefined) count.set(s, (count.get(s) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0];
}

/** Items of a parsed file by collection and id (first definition wins). */
function itemIndex(docs: readonly { contents: unknown }[]): Map<string, YAMLMap> {
  const index = new Map<string, YAMLMap>();
  for (const doc of docs) {
    for (const collection of ["servers", "systems"]) {
      const seq = collectionOf(doc as never, collection);
      if (!seq) continue;
      for (const item of seq.items) {
        const id = idOf(item);
        const key = `${collection}\u0000${id}`;
        if (id !== undefined && !index.has(key)) index.set(key, item as YAMLMap);
      }
    }
  }
  return index;
}

function getPath(obj: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** The measured fields whose value in `value` differs from the plain entity `raw` (an owner counts when `raw` has none). */
export function measuredChanges(raw: Record<string, unknown>, value: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const f of MEASURED_FIELDS) {
    const path = f.split(".");
    const v = getPath(value, path);
    if (v !== undefined && !isDeepStrictEqual(getPath(raw, path), v)) out.push(f);
  }
  if (value.owner !== undefined && raw.owner === undefined) out.push("owner");
  return out;
}

/**
 * Inserts new entities using the file's line index (see yaml-items.ts): before the first item
 * with a larger id when the list is sorted, else after its last item; a list the file lacks goes
 * at its end. False when the file's shape needs the whole-file path instead.
 */
function insertByLines(editor: TextEditor, fast: LineIndex, inserts: readonly RenderEntity[]): boolean {
  const byCollection = new Map<Collection, RenderEntity[]>();
  for (const e of inserts) pushTo(byCollection, e.collection, e);
  for (const collection of byCollection.keys()) {
    if (!fast.lists.has(collection) && new RegExp(`^${collection}:`, "m").test(editor.text)) return false; // present but empty or in flow style
  }
  const tail: string[] = [];
  for (const [collection, list] of byCollection) {
    list.sort((a, b) => cmp(String(a.value.id), String(b.value.id)));
    const items = fast.lists.get(collection);
    if (!items || items.length === 0) {
      tail.push(`\n${collection}:\n${list.map((e) => renderItem(e, 2)).join("")}`);
      continue;
    }
    const dash = items[0].dash;
    const sorted = items.every((it, i) => i === 0 || cmp(items[i - 1].id, it.id) <= 0);
    const last = items[items.length - 1];
    for (const e of list) {
      const id = String(e.value.id);
      const before = sorted ? items.find((it) => cmp(it.id, id) > 0) : undefined;
      if (before) editor.insert(editor.itemBlockStart(before.line + before.dash), renderItem(e, dash));
      else editor.insert(last.end, (last.end >= editor.text.length && !editor.text.endsWith("\n") ? "\n" : "") + renderItem(e, dash));
    }
  }
  if (tail.length > 0) editor.insert(editor.text.length, (editor.text === "" || editor.text.endsWith("\n") ? "" : "\n") + tail.join(""));
  return true;
}

/** Updates the measured facts of one server item; returns the fields changed. */
function updateServer(editor: TextEditor, item: YAMLMap, value: Record<string, unknown>): string[] {
  const changed: string[] = [];
  const groups = new Map<string, string[]>();
  for (const f of MEASURED_FIELDS) {
    const [top, sub] = f.split(".");
    if (getPath(value, sub === undefined ? [top] : [top, sub]) === undefined) continue;
    if (!groups.has(top)) groups.set(top, []);
    if (sub !== undefined) groups.get(top)!.push(sub);
  }
  for (const [top, subs] of groups) {
    const pair = pairOf(item, top);
    if (subs.length === 0) {
      const v = value[top];
      if (!pair) {
        editor.addPair(item, top, renderValue(v, item.flow));
        changed.push(top);
      } else if (!isDeepStrictEqual(plain(pair.value), v)) {
        replaceValue(editor, pair.value, pair.key as Node, renderValue(v, item.flow));
        changed.push(top);
      }
      continue;
    }
    const sub = Object.fromEntries(subs.map((s) => [s, (value[top] as Record<string, unknown>)[s]]));
    if (!pair || !isMap(pair.value)) {
      const old = plain(pair?.value ?? null);
      const merged = old && typeof old === "object" && !Array.isArray(old) ? { ...(old as object), ...sub } : sub;
      const text = renderValue(ordered("servers", { [top]: merged })[top]);
      if (!pair) editor.addPair(item, top, text);
      else replaceValue(editor, pair.value, pair.key as Node, text);
      changed.push(...subs.map((s) => `${top}.${s}`));
      continue;
    }
    const map = pair.value as YAMLMap;
    for (const s of subs) {
      const p = pairOf(map, s);
      const v = sub[s];
      if (!p) {
        editor.addPair(map, s, renderValue(v, map.flow));
        changed.push(`${top}.${s}`);
      } else if (!isDeepStrictEqual(plain(p.value), v)) {
        replaceValue(editor, p.value, p.key as Node, renderValue(v, map.flow));
        changed.push(`${top}.${s}`);
      }
    }
  }
  if (value.owner !== undefined && !pairOf(item, "owner")) {
    editor.addPair(item, "owner", renderValue(value.owner, item.flow));
    changed.push("owner");
  }
  return changed;
}

function replaceValue(editor: TextEditor, node: Node | null, key: Node, text: string): void {
  if (node) editor.replaceNode(node, text);
  else {
    const colon = editor.text.indexOf(":", key.range![1]);
    editor.insert(colon + 1, ` ${text}`);
  }
}

/** Appends values to a list field of an item (creating the field when absent). */
function appendList(editor: TextEditor, item: YAMLMap, key: string, values: readonly unknown[]): void {
  if (values.length === 0) return;
  const pair = pairOf(item, key);
  if (pair && isSeq(pair.value)) {
    const seq = pair.value as YAMLSeq;
    const present = new Set((plain(seq) as unknown[]).map((v) => JSON.stringify(v)));
    const fresh = values.filter((v) => !present.has(JSON.stringify(v)));
    editor.appendFlowItems(seq, fresh.map((v) => renderValue(v, seq.flow)));
    return;
  }
  if (pair) return; // not a list: left for validation to report
  const blockItems = values.some((v) => v !== null && typeof v === "object");
  if (item.flow || !blockItems) {
    editor.addPair(item, key, renderValue(values, item.flow));
    return;
  }
  const indent = editor.column((item.items[0].key as Node).range![0]);
  editor.addPair(item, key, values.map((v) => `\n${" ".repeat(indent + 2)}- ${renderValue(v, true)}`).join(""));
}

/** Inserts new entities into the lists of a parsed file (sorted place when the list is sorted). */
function insertEntities(editor: TextEditor, docs: readonly { contents: unknown; range?: unknown }[], inserts: readonly RenderEntity[]): void {
  const byCollection = new Map<Collection, RenderEntity[]>();
  for (const e of inserts) pushTo(byCollection, e.collection, e);
  for (const [collection, list] of byCollection) {
    list.sort((a, b) => cmp(String(a.value.id), String(b.value.id)));
    const seq = docs.map((d) => collectionOf(d as never, collection)).find((s) => s !== undefined);
    if (!seq || seq.items.length === 0 || seq.flow) {
      const text = list.map((e) => renderItem(e, 2)).join("");
      if (seq && seq.items.length === 0) {
        editor.replaceNode(seq, "");
        editor.insert(lineEnd(editor.text, seq.range![0]), `\n${text.replace(/\n$/, "")}`);
      } else if (seq) {
        editor.appendFlowItems(seq, list.map((e) => renderValue(ordered(collection, e.value))));
      } else {
        const doc = docs.find((d) => isMap(d.contents)) ?? docs[0];
        const contents = doc?.contents as YAMLMap | undefined;
        if (contents && isMap(contents) && contents.items.length > 0) {
          const { pos, prefix } = editor.after(contents);
          editor.insert(pos, `${prefix}${collection}:\n${text}`);
        } else {
          const sep = editor.text === "" || editor.text.endsWith("\n") ? "" : "\n";
          editor.insert(editor.text.length, `${sep}${collection}:\n${text}`);
        }
      }
      continue;
    }
    const dash = editor.dashColumn(seq);
    const ids = seq.items.map(idOf);
    const sorted = ids.every((id, i) => id !== undefined && (i === 0 || cmp(ids[i - 1]!, id) <= 0));
    for (const e of list) {
      const id = String(e.value.id);
      const before = sorted ? seq.items.find((it) => cmp(idOf(it)!, id) > 0) : undefined;
      if (before) editor.insert(editor.itemBlockStart((before as Node).range![0]), renderItem(e, dash));
      else {
        const { pos, prefix } = editor.after(seq);
        editor.insert(pos, prefix + renderItem(e, dash));
      }
    }
  }
}
