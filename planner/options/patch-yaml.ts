// A merge patch applied to a profile file's YAML text, keeping what people wrote: comments, key
// order, spacing and layout of everything the patch does not touch. The patch becomes text edits
// on the original: a value that exists is replaced where it stands (a scalar or a flow list in
// flow style, so its trailing comment stays; a block list or map as a block at its indentation); a
// key that does not exist is added after the last entry of its mapping (or at the end of the file);
// a null removes the key's lines. The result is parsed back and must equal the patched profile
// (applyMergePatch); when it does not — a layout these edits do not handle — the document is
// re-printed by the `yaml` library instead, which keeps comments but not their spacing.
// `dcplan options --apply ID --write-profile FILE` uses it so that a planner can take an option into
// the profile kept in git with a small, reviewable diff.
import { isCollection, isMap, isScalar, type Node, type Pair, parse, parseDocument, stringify } from "yaml";
import { applyMergePatch, canonicalPatch, type Json } from "./merge-patch.js";

const isObject = (v: unknown): v is { [key: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** `text` (a YAML mapping, possibly empty) with `patch` applied per RFC 7386 (see file header). */
export function patchYamlText(text: string, patch: Json): string {
  const expected = applyMergePatch(parse(text) ?? {}, patch);
  const edits: Edit[] = [];
  try {
    const doc = parseDocument(text);
    collect(text, doc.contents as Node | null, 0, patch, edits);
    // From the end, so earlier offsets stay valid; edits at one place keep their order.
    let out = text;
    const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.from - a.e.from || b.i - a.i);
    for (const { e } of order) out = out.slice(0, e.from) + e.text + out.slice(e.to);
    if (JSON.stringify(canonicalPatch((parse(out) ?? {}) as Json)) === JSON.stringify(canonicalPatch(expected))) return out;
  } catch (err) {
    // fall through to re-printing
    if (process.env.DCPLAN_DEBUG) process.stderr.write(`patchYamlText: ${(err as Error).message}\n`);
  }
  const doc = parseDocument(text);
  doc.contents = doc.createNode(expected) as never;
  return doc.toString();
}

function collect(text: string, map: Node | null, indent: number, patch: Json, edits: Edit[]): void {
  if (!isObject(patch)) throw new Error("not an object patch");
  if (map !== null && !isMap(map)) throw new Error("not a mapping");
  const pairs = (map?.items ?? []) as Pair<Node, Node | null>[];
  for (const [key, value] of Object.entries(patch)) {
    const pair = pairs.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (value === null) {
      if (pair) edits.push(removal(text, pair));
      continue;
    }
    if (!pair) {
      edits.push(addition(text, indent === 0 ? null : map, indent, key, value));
      continue;
    }
    const node = pair.value;
    if (isObject(value) && isMap(node) && !node.flow) {
      collect(text, node, columnOf(text, node.range![0]), value, edits);
      continue;
    }
    if (!node || !node.range) throw new Error("value without a place");
    const block = (isCollection(node) && !node.flow && (isObject(value) || Array.isArray(value))) || (Array.isArray(value) && value.some((x) => typeof x === "object" && x !== null));
    const col = columnOf(text, (pair.key as Node).range![0]);
    // A block value already starts on its own line, at its indentation; a flow one follows the key.
    const onOwnLine = text.lastIndexOf("\n", node.range[0] - 1) > (pair.key as Node).range![0];
    const body = block ? blockText(value, col + 2) : flowText(value);
    // A block collection's range runs to the next key: keep the line breaks (and blank lines) after it.
    let to = node.range[1];
    while (to > node.range[0] && /\s/.test(text[to - 1])) to--;
    if (block && onOwnLine) edits.push({ from: node.range[0], to, text: body.replace(/^\n */, "") });
    else {
      // Replace the space after "key:" too when the block starts on the next line.
      let from = node.range[0];
      if (block) while (from > 0 && text[from - 1] === " ") from--;
      edits.push({ from, to, text: body });
    }
  }
}

/** A value in flow style on one line, as the profiles are written: `[tue, sat, sun]`, `12`, `{ system: a, notBefore: 2027-01-01 }`. */
function flowText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(", ")}]`;
  if (isObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${stringify(k).trimEnd()}: ${flowText(v)}`).join(", ")} }`;
  }
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A value in block style indented by `indent` spaces (lists of mappings as one flow mapping per line). */
function blockText(value: Json, indent: number): string {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) return value.map((v) => `\n${pad}- ${flowText(v)}`).join("");
  if (isObject(value)) return Object.entries(value).map(([k, v]) => `\n${pad}${k}:${isObject(v) || (Array.isArray(v) && v.some((x) => typeof x === "object")) ? blockText(v, indent + 2) : ` ${flowText(v)}`}`).join("");
  return ` ${flowText(value)}`;
}

function addition(text: string, map: Node | null, indent: number, key: string, value: Json): Edit {
  const body = isObject(value) || (Array.isArray(value) && value.some((x) => typeof x === "object")) ? blockText(value, indent + 2) : ` ${flowText(value)}`;
  const line = `${" ".repeat(indent)}${key}:${body}`;
  const last = map && isMap(map) ? (map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined) : undefined;
  const lastEnd = last?.value?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1];
  if (lastEnd !== undefined) {
    // After the line holding the end of the mapping's last value (a nested mapping; the top level appends).
    const end = lineEnd(text, Math.max(0, lastEnd - 1));
    return { from: end, to: end, text: `\n${line}` };
  }
  const sep = text.length === 0 || text.endsWith("\n") ? "" : "\n";
  return { from: text.length, to: text.length, text: `${sep}${line}\n` };
}

function removal(text: string, pair: Pair<Node, Node | null>): Edit {
  const start = lineStart(text, (pair.key as Node).range![0]);
  const valueEnd = pair.value?.range ? pair.value.range[1] : (pair.key as Node).range![1];
  const end = lineEnd(text, Math.max(start, valueEnd - 1));
  return { from: start, to: Math.min(text.length, end + 1), text: "" };
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  return i < 0 ? text.length : i;
}

