// Edits YAML text in place, so that everything not edited stays byte for byte: the `yaml`
// package's document API locates nodes (their source ranges), and each edit replaces or inserts
// text at those offsets — a scalar's value, a new key after a map's last key, a new item after a
// list's last item or before a given item, the comment line above an item. Re-serialising the
// document instead would re-flow people's formatting, quoting and comments.
import { isCollection, isMap, isScalar, isSeq, type Node, parseAllDocuments, type Document, type Pair, type YAMLMap, type YAMLSeq } from "yaml";

/** A parsed document and its text. */
export interface ParsedYaml {
  readonly text: string;
  readonly docs: Document.Parsed[];
  /** Syntax problems (the text cannot be edited safely when there are any). */
  readonly errors: { line: number; col: number; message: string }[];
}

/** Parses `text` (all documents) keeping node ranges. */
export function parseYaml(text: string): ParsedYaml {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const errors: ParsedYaml["errors"] = [];
  for (const d of list) {
    for (const e of d.errors) {
      const { line, col } = lineCol(text, e.pos[0]);
      errors.push({ line, col, message: e.message.split("\n")[0] });
    }
  }
  return { text, docs: list, errors };
}

/** 1-based line and column of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** Offset of the start of the line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** Offset of the newline ending the line holding `pos` (or the text's length). */
export function lineEnd(text: string, pos: number): number {
  const i = text.indexOf("\n", pos);
  return i === -1 ? text.length : i;
}

/** Offset of the last non-blank character before `end`. */
function lastContent(text: string, end: number): number {
  let p = Math.min(end, text.length) - 1;
  while (p > 0 && /\s/.test(text[p])) p--;
  return p;
}

/** Where a node's own text ends: for a block collection, the end of its last value. */
export function contentEnd(node: Node): number {
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1] as Pair<Node, Node | null>;
    return last.value ? contentEnd(last.value) : (last.key as Node).range![1];
  }
  if (isSeq(node) && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1] as Node);
  return node.range![1];
}

/** The pair of `map` whose key is `key`. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
}

/** The plain value of a node (`toJSON`), or undefined. */
export function plain(node: Node | null | undefined): unknown {
  if (!node) return undefined;
  return (node as { toJSON(): unknown }).toJSON();
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly seq: number;
}

/** Collects edits against one text and applies them together (see file header). */
export class TextEditor {
  private readonly edits: Edit[] = [];
  private n = 0;

  constructor(readonly text: string) {}

  /** Replaces text[start, end) with `text`. */
  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.n++ });
  }

  /** Inserts `text` at `pos`; several inserts at one place keep the order they were made in. */
  insert(pos: number, text: string): void {
    this.replace(pos, pos, text);
  }

  /** True when nothing was edited. */
  get empty(): boolean {
    return this.edits.length === 0;
  }

  /** The edited text. */
  result(): string {
    // By place; at one place inserts first (a replacement starting there must not swallow them), then in the order made.
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.seq - b.seq);
    const parts: string[] = [];
    let at = 0;
    for (const e of sorted) {
      if (e.start < at) continue; // overlaps an earlier edit (never made by the merge)
      parts.push(this.text.slice(at, e.start), e.text);
      at = e.end;
    }
    parts.push(this.text.slice(at));
    return parts.join("");
  }

  /** Column (0-based) of an offset. */
  column(pos: number): number {
    return pos - lineStart(this.text, pos);
  }

  /** Replaces the text of a node (a scalar's value, a whole flow collection). */
  replaceNode(node: Node, text: string): void {
    const [start, end] = node.range!;
    this.replace(start, end, text);
  }

  /**
   * Adds `key: valueText` to `map`: inside a flow map after its last pair; in a block map on a new
   * line after its last line, at the indentation of its keys. `valueText` may start with a newline
   * (a block value on the following lines).
   */
  addPair(map: YAMLMap, key: string, valueText: string): void {
    const sep = valueText.startsWith("\n") ? ":" : ": ";
    if (map.flow) {
      if (map.items.length === 0) {
        const open = map.range![0];
        this.replace(open, map.range![1], `{ ${key}${sep}${valueText} }`);
        return;
      }
      const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
      const end = (last.value ?? last.key).range![1];
      this.insert(end, `, ${key}${sep}${valueText}`);
      return;
    }
    const indent = this.column((map.items[0].key as Node).range![0]);
    const at = lineEnd(this.text, lastContent(this.text, contentEnd(map)));
    this.insert(at, `\n${" ".repeat(indent)}${key}${sep}${valueText}`);
  }

  /** Column of the `-` of the items of a block list (from its first item). */
  dashColumn(seq: YAMLSeq): number {
    const first = seq.items[0] as Node;
    const start = first.range![0];
    const ls = lineStart(this.text, start);
    const dash = this.text.lastIndexOf("-", start);
    return dash >= ls ? dash - ls : this.column(start);
  }

  /** Appends items to a list: flow texts after the last item of a flow list, `- text` lines in a block list. */
  appendFlowItems(seq: YAMLSeq, itemTexts: readonly string[]): void {
    if (itemTexts.length === 0) return;
    if (seq.flow || seq.items.length === 0) {
      if (seq.items.length === 0) this.replaceNode(seq, `[${itemTexts.join(", ")}]`);
      else this.insert((seq.items[seq.items.length - 1] as Node).range![1], `, ${itemTexts.join(", ")}`);
      return;
    }
    const dash = this.dashColumn(seq);
    const at = lineEnd(this.text, lastContent(this.text, contentEnd(seq)));
    this.insert(at, itemTexts.map((t) => `\n${" ".repeat(dash)}- ${t}`).join(""));
  }

  /** Offset of the line after a node's last line (where a new block item or key goes), and the newline to add first at the end of a file. */
  after(node: Node): { pos: number; prefix: string } {
    const end = lineEnd(this.text, lastContent(this.text, contentEnd(node)));
    return end >= this.text.length ? { pos: this.text.length, prefix: "\n" } : { pos: end + 1, prefix: "" };
  }

  /** Offset of the first line of the comment block directly above the block-list item at `offset` (or of its `-` line). */
  itemBlockStart(offset: number): number {
    let start = lineStart(this.text, offset);
    for (;;) {
      if (start === 0) return start;
      const prevStart = lineStart(this.text, start - 1);
      const line = this.text.slice(prevStart, start - 1);
      if (!/^\s*#/.test(line)) return start;
      start = prevStart;
    }
  }

  /**
   * Sets the comment line of the comment block above a block-list item (whose content starts at
   * `offset`) that starts with `# <prefix>` to `# <comment>`; adds it right above the item's line
   * when there is none.
   */
  setItemComment(offset: number, prefix: string, comment: string): void {
    const itemLine = lineStart(this.text, offset);
    if (!/^\s*-\s*$/.test(this.text.slice(itemLine, offset))) return; // not a block-list item on its own line
    const indent = this.text.slice(itemLine, itemLine + this.dashIndent(offset));
    for (let s = this.itemBlockStart(offset); s < itemLine; s = lineEnd(this.text, s) + 1) {
      const line = this.text.slice(s, lineEnd(this.text, s));
      const m = /^(\s*)#\s?(.*)$/.exec(line);
      if (m && m[2].startsWith(prefix)) {
        if (m[2] !== comment) this.replace(s, s + line.length, `${m[1]}# ${comment}`);
        return;
      }
    }
    this.insert(itemLine, `${indent}# ${comment}\n`);
  }

  private dashIndent(start: number): number {
    const ls = lineStart(this.text, start);
    const dash = this.text.lastIndexOf("-", start);
    return dash >= ls ? dash - ls : 0;
  }
}

/** The top-level list `collection` of a document, when the document is a mapping that has it. */
export function collectionOf(doc: Document.Parsed, collection: string): YAMLSeq | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  const pair = pairOf(contents, collection);
  return pair && isSeq(pair.value) ? (pair.value as YAMLSeq) : undefined;
}

/** The item of `seq` whose `id` is `id`. */
export function itemById(seq: YAMLSeq, id: string): YAMLMap | undefined {
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const p = pairOf(item, "id");
    if (p && isScalar(p.value) && String(p.value.value) === id) return item as YAMLMap;
  }
  return undefined;
}

/** The `id` of a list item (undefined when it has none). */
export function idOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const p = pairOf(item, "id");
  return p && isScalar(p.value) ? String(p.value.value) : undefined;
}

export { isCollection, isMap, isScalar, isSeq };
