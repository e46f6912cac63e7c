// Appends facts to the text of a progress file without touching the rest of it: the `yaml`
// package's document API finds where each list ends (node ranges) and renders the new entries,
// which are spliced into the original text, so comments, order, spacing and quoting of everything
// already there stay byte for byte. New entries follow the style of the list they join (a block
// mapping per system, a flow `{ system, on }` per retirement, unless the list already uses the
// other). A fact already recorded exactly so is not added again, so running the same `dcplan
// record` twice changes nothing. Pure: text in, text out; the command checks the result (check.ts)
// before writing it.
import { Document, isMap, isScalar, isSeq, type Node, type Pair, parseDocument, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";

/** One system's result in the window being recorded. */
export interface SystemResult {
  readonly system: string;
  readonly result: "done" | "failed";
  readonly reason?: string;
}

/** What one `dcplan record` adds. */
export interface FactsToRecord {
  /** The cutover window the results belong to. */
  readonly window?: { readonly start: string; readonly end: string };
  readonly systems: readonly SystemResult[];
  readonly retirements: readonly { readonly system: string; readonly on: string }[];
  readonly servers: readonly ({ readonly server: string; readonly decommissionedOn: string } | { readonly server: string; readonly relocatedOn: string })[];
}

/** The new text, what was added and what was already there. */
export interface AppendResult {
  readonly text: string;
  /** One line per fact added, e.g. `portal-bg done in 2026-12-05..2026-12-06`. */
  readonly added: string[];
  /** One line per fact that was already recorded. */
  readonly already: string[];
  /** Character ranges of the new text that were inserted (for telling the command line's facts from the file's). */
  readonly inserted: { readonly from: number; readonly to: number }[];
}

/** First lines of a progress file that `dcplan record` creates. */
export const NEW_FILE_HEADER = "# Progress of the merger: what has actually happened, recorded with `dcplan record` (format: docs/progress.md).\nschemaVersion: 1\n";

interface Edit {
  /** Replace text[from, to) with `insert`. */
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

const describeSystem = (s: SystemResult, w: { start: string; end: string }): string => `${s.system} ${s.result} in ${w.start}..${w.end}${s.result === "failed" ? ` (${s.reason})` : ""}`;

/** Appends `facts` to `text` (undefined or empty: a new file); see file header. */
export function appendFacts(text: string | undefined, facts: FactsToRecord): AppendResult {
  let src = text ?? "";
  // The new entries end with a newline; a file that lacked its final one gets it.
  if (src.length > 0 && !src.endsWith("\n")) src += "\n";
  if (parseDocument(src).contents === null) src = `${src}${src.trim().length === 0 ? NEW_FILE_HEADER : "schemaVersion: 1\n"}`;
  const doc = parseDocument(src);
  const root = doc.contents;
  if (!isMap(root) || doc.errors.length > 0) throw new Error("appendFacts: the progress text must be one YAML mapping (load and check it first)");
  const edits: Edit[] = [];
  const added: string[] = [];
  const already: string[] = [];

  if (facts.window && facts.systems.length > 0) {
    const w = facts.window;
    const cutovers = valueOf(root, "cutovers");
    const match = isSeq(cutovers)
      ? cutovers.items.find((c): c is YAMLMap => isMap(c) && scalar(c, "start") === w.start && (scalar(c, "end") ?? scalar(c, "start")) === w.end)
      : undefined;
    const newSystems: SystemResult[] = [];
    for (const s of facts.systems) {
      const existing = match ? seqItems(valueOf(match, "systems")) : [];
      const same = existing.some((e) => isMap(e) && scalar(e, "system") === s.system && scalar(e, "result") === s.result && (s.result === "done" || scalar(e, "reason") === s.reason));
      const twice = newSystems.some((n) => n.system === s.system && n.result === s.result && n.reason === s.reason);
      if (same || twice) already.push(describeSystem(s, w));
      else {
        newSystems.push(s);
        added.push(describeSystem(s, w));
      }
    }
    const entries = newSystems.map((s) => ({ system: s.system, result: s.result, ...(s.reason !== undefined ? { reason: s.reason } : {}) }));
    if (entries.length > 0) {
      if (match) edits.push(appendToList(src, match, "systems", entries, lastItemFlow(valueOf(match, "systems")) ?? systemsStyle(cutovers)));
      else {
        const cutover = { start: w.start, end: w.end, systems: entries };
        edits.push(appendToList(src, root, "cutovers", [cutover], false, systemsStyle(cutovers)));
      }
    }
  }

  const retirements = valueOf(root, "retirements");
  const newRetirements = facts.retirements.filter((r, i) => {
    const known = seqItems(retirements).some((e) => isMap(e) && scalar(e, "system") === r.system && scalar(e, "on") === r.on) || facts.retirements.slice(0, i).some((x) => x.system === r.system && x.on === r.on);
    (known ? already : added).push(`${r.system} retired on ${r.on}`);
    return !known;
  });
  if (newRetirements.length > 0) edits.push(appendToList(src, root, "retirements", newRetirements.map((r) => ({ system: r.system, on: r.on })), lastItemFlow(retirements) ?? true));

  const servers = valueOf(root, "servers");
  const newServers = facts.servers.filter((f, i) => {
    const [field, date] = "decommissionedOn" in f ? ["decommissionedOn", f.decommissionedOn] : ["relocatedOn", f.relocatedOn];
    const same = (x: unknown): boolean => isMap(x) && scalar(x, "server") === f.server && scalar(x, field) === date;
    const known = seqItems(servers).some(same) || facts.servers.slice(0, i).some((x) => x.server === f.server && (x as Record<string, string>)[field] === date);
    (known ? already : added).push(`${f.server} ${field === "decommissionedOn" ? "decommissioned" : "relocated"} on ${date}`);
    return !known;
  });
  if (newServers.length > 0) edits.push(appendToList(src, root, "servers", newServers.map((f) => ({ ...f })), lastItemFlow(servers) ?? true));

  // Apply in text order; edits at the same place keep the order they were made in.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.from - b.e.from || a.i - b.i);
  let out = "";
  let at = 0;
  const inserted: { from: number; to: number }[] = [];
  for (const { e } of sorted) {
    out += src.slice(at, e.from);
    inserted.push({ from: out.length, to: out.length + e.insert.length });
    out += e.insert;
    at = Math.max(at, e.to);
  }
  out += src.slice(at);
  return { text: out, added, already, inserted };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key) as Pair | undefined;
}

function valueOf(map: YAMLMap, key: string): unknown {
  return pairOf(map, key)?.value;
}

function scalar(map: YAMLMap, key: string): string | undefined {
  const v = valueOf(map, key);
  return isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : undefined;
}

function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** Whether the last item of a list is a flow mapping (undefined for an empty or absent list). */
function lastItemFlow(node: unknown): boolean | undefined {
  const last = seqItems(node).at(-1);
  return isMap(last) ? Boolean(last.flow) : undefined;
}

/** Style of system entries in the existing cutovers (the last one's), block when there are none. */
function systemsStyle(cutovers: unknown): boolean {
  for (const c of [...seqItems(cutovers)].reverse()) {
    if (!isMap(c)) continue;
    const flow = lastItemFlow(valueOf(c, "systems"));
    if (flow !== undefined) return flow;
  }
  return false;
}

/** Column (0-based) of offset `pos` in `text`. */
function columnOf(text: string, pos: number): number {
  return pos - (text.lastIndexOf("\n", pos - 1) + 1);
}

/** Offset just after the end of the line holding `pos` (the text's end when there is no newline). */
function endOfLine(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === "\n") return pos;
  const nl = text.indexOf("\n", pos);
  return nl < 0 ? text.length : nl + 1;
}

/** YAML of `items` as block list entries indented by `indent`; mappings in flow style when `flow`, nested system lists as `nestedFlow`. */
function renderItems(items: readonly object[], indent: number, flow: boolean, nestedFlow = false): string {
  const doc = new Document(items);
  // Reasons are free text (colons, '#', commas): always double-quoted, so they read back as written.
  const quoteReason = (m: YAMLMap): void => {
    const reason = valueOf(m, "reason");
    if (isScalar(reason)) reason.type = "QUOTE_DOUBLE";
  };
  for (const it of (doc.contents as YAMLSeq).items) {
    if (!isMap(it)) continue;
    it.flow = flow;
    quoteReason(it);
    const systems = valueOf(it, "systems");
    if (isSeq(systems)) for (const s of systems.items) if (isMap(s)) {
      s.flow = nestedFlow;
      quoteReason(s);
    }
  }
  const pad = " ".repeat(indent);
  return doc
    .toString({ lineWidth: 0 })
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => `${pad}${l}\n`)
    .join("");
}

/** The edit that appends `items` to the list under `key` of `map` (creating the key when absent). */
function appendToList(text: string, map: YAMLMap, key: string, items: readonly object[], flow: boolean, nestedFlow = false): Edit {
  const pair = pairOf(map, key);
  const mapIndent = map.range ? columnOf(text, firstKeyOffset(map) ?? map.range[0]) : 0;
  const value = pair?.value as Node | null | undefined;
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const last = value.items[value.items.length - 1] as Node;
    const pos = endOfLine(text, last.range ? last.range[1] : value.range[1]);
    return { from: pos, to: pos, insert: renderItems(items, columnOf(text, value.range[0]), flow, nestedFlow) };
  }
  if (isSeq(value) && value.flow && value.items.length > 0 && value.range) {
    // A non-empty flow list (`[ {…}, {…} ]`) is written again as a flow list with the new entries.
    const all = new Document([...value.items.map((i) => (i as Node).toJSON()), ...items]);
    for (const it of (all.contents as YAMLSeq).items) if (isMap(it)) it.flow = true;
    (all.contents as YAMLSeq).flow = true;
    return { from: value.range[0], to: value.range[1], insert: all.toString({ lineWidth: 0 }).trimEnd() };
  }
  const block = renderItems(items, mapIndent + 2, flow, nestedFlow);
  if (pair && isScalar(pair.key) && (pair.key as Scalar).range) {
    // `key:` with nothing, `~` or `[]`: the value becomes the block list, the rest of the line (a comment) stays.
    const keyEnd = (pair.key as Scalar).range![1];
    const colonEnd = text.indexOf(":", keyEnd) + 1;
    const valueEnd = Math.max(colonEnd, value && (value as Node).range ? (value as Node).range![1] : colonEnd);
    const lineEnd = endOfLine(text, valueEnd);
    const rest = text.slice(valueEnd, lineEnd).replace(/\n$/, "");
    return { from: keyEnd, to: lineEnd, insert: `:${rest}\n${block}` };
  }
  // No such key: add it after the mapping's last entry.
  const end = map.range ? endOfLine(text, map.range[1]) : text.length;
  return { from: end, to: end, insert: `${" ".repeat(mapIndent)}${key}:\n${block}` };
}

/** Offset of the first key of a block mapping (its range starts there). */
function firstKeyOffset(map: YAMLMap): number | undefined {
  const first = map.items[0];
  return first && isScalar(first.key) && (first.key as Scalar).range ? (first.key as Scalar).range![0] : undefined;
}

/**
 * Where a finding about the appended text belongs: findings on inserted lines come from the
 * command line (no file place); others are moved back to their line in the text before the append.
 */
export function placeAppendFinding<T extends { file?: string; line?: number; col?: number }>(finding: T, appended: AppendResult, commandLine: string): T {
  if (finding.line === undefined) return finding;
  const starts = [0];
  for (let i = 0; i < appended.text.length; i++) if (appended.text.charCodeAt(i) === 10) starts.push(i + 1);
  const insertedLine = (line: number): boolean => appended.inserted.some((r) => starts[line - 1] >= r.from && starts[line - 1] < r.to);
  if (insertedLine(finding.line)) {
    const { line: _l, col: _c, ...rest } = finding;
    return { ...rest, file: commandLine } as T;
  }
  let shift = 0;
  for (let l = 1; l < finding.line; l++) if (insertedLine(l)) shift++;
  return { ...finding, line: finding.line - shift };
}
