// Finds the entities of an inventory file by its lines, without parsing the whole file: the
// top-level keys (`servers:` at column 0) and, under each, the block-list items that start with
// `- id: …`, with the text range of each item (its `-` line to its last indented line). The merge
// then parses only the items it changes (a 20,000-server file parses in seconds with the `yaml`
// package; one item in microseconds). A file this does not understand — several documents, lists
// in flow style, items not starting with their id — is reported as not simple, and the merge
// parses it whole instead.

/** One list item found by its lines. */
export interface ItemLoc {
  readonly collection: string;
  readonly id: string;
  /** Offset of the start of the item's `-` line. */
  readonly line: number;
  /** Column of the `-`. */
  readonly dash: number;
  /** Offset just after the item's last line (its newline included, or the end of the text). */
  readonly end: number;
}

/** The items of a file by collection and id, and each collection's items in file order. */
export interface LineIndex {
  /** False when the file has a shape this index does not handle (see file header). */
  readonly simple: boolean;
  readonly items: ReadonlyMap<string, ItemLoc>;
  readonly lists: ReadonlyMap<string, readonly ItemLoc[]>;
}

/** Key of an item in LineIndex.items. */
export function itemKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

const TOP_KEY = /^([A-Za-z_][\w-]*):[ \t]*(#.*)?$/;
const TOP_ANY = /^[^\s#-]/;
const ITEM = /^( *)- id:[ \t]*(.*)$/;

/** The scalar of an `id:` line: quotes removed, a trailing comment dropped. */
function scalar(raw: string): string | undefined {
  const s = raw.trim();
  if (s.startsWith('"')) {
    const end = s.indexOf('"', 1);
    if (end < 0 || s.slice(1, end).includes("\\")) return undefined;
    return s.slice(1, end);
  }
  if (s.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'/.exec(s);
    return m ? m[1].replace(/''/g, "'") : undefined;
  }
  const v = s.replace(/\s+#.*$/, "").trim();
  return v === "" || /^[[{&*!|>]/.test(v) ? undefined : v;
}

/** Indexes `text` by its lines (see file header). */
export function indexItems(text: string): LineIndex {
  const items = new Map<string, ItemLoc>();
  const lists = new Map<string, ItemLoc[]>();
  let simple = true;
  let collection: string | undefined;
  let open: { collection: string; id: string; line: number; dash: number; end: number } | undefined;
  const close = () => {
    if (!open) return;
    const loc: ItemLoc = { ...open };
    const key = itemKey(loc.collection, loc.id);
    if (!items.has(key)) items.set(key, loc);
    const list = lists.get(loc.collection);
    if (list) list.push(loc);
    else lists.set(loc.collection, [loc]);
    open = undefined;
  };
  let pos = 0;
  let lineNo = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const next = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, nl < 0 ? text.length : nl).replace(/\r$/, "");
    lineNo++;
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) {
      pos = next;
      continue;
    }
    const indent = line.length - trimmed.length;
    if ((line.startsWith("---") || line.startsWith("...")) && lineNo > 1) simple = false;
    if (line.startsWith("---") && lineNo === 1 && line.trim() === "---") {
      pos = next;
      continue;
    }
    if (open && indent > open.dash) {
      open.end = next;
      pos = next;
      continue;
    }
    const item = ITEM.exec(line);
    if (item && collection !== undefined) {
      close();
      const id = scalar(item[2]);
      if (id === undefined) simple = false;
      else open = { collection, id, line: pos, dash: item[1].length, end: next };
      pos = next;
      continue;
    }
    close();
    if (indent === 0 && TOP_ANY.test(line)) {
      const key = TOP_KEY.exec(line);
      collection = key ? key[1] : undefined;
      if (!key && /^(sites|agencies|servers|systems|externals):/.test(line)) simple = false; // a flow list or inline value
    } else if (collection !== undefined && /^ *-/.test(line)) simple = false; // an item not starting with its id
    pos = next;
  }
  close();
  return { simple, items, lists };
}
