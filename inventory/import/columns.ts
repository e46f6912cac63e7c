// Finds a table's columns by their header text, whichever version of the tool wrote it: each field
// lists the header spellings it accepts (RVTools 3.x "Provisioned MB" and 4.x "Provisioned MiB",
// Azure Migrate's "*Server Name" and "Server name"). Headers compare without case, surrounding
// space, a leading "*" (Azure Migrate's mark of a mandatory column) or a byte-order mark.
import type { Cell } from "./xlsx-read.js";

/** One field of a table and the header spellings that carry it. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** Accepted header texts; the first is the one messages name. */
  readonly names: readonly string[];
  /** The table is unusable without it [false]. */
  readonly required?: boolean;
}

/** Header text as compared (see file header). */
export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, "").replace(/^\s*\*\s*/, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Where each field is (1-based column), which required fields are missing, and which spelling was seen. */
export interface HeaderIndex<K extends string> {
  readonly col: ReadonlyMap<K, number>;
  readonly missing: readonly ColumnSpec<K>[];
  /** The header text found for each field (to tell RVTools versions apart in messages). */
  readonly seen: ReadonlyMap<K, string>;
}

/** Locates `specs` in a header row (`cells[c]`, 1-based). The first matching column wins. */
export function indexHeader<K extends string>(cells: readonly (Cell | string | undefined)[], specs: readonly ColumnSpec<K>[]): HeaderIndex<K> {
  const byText = new Map<string, number>();
  const raw = new Map<number, string>();
  cells.forEach((c, i) => {
    if (c === null || c === undefined) return;
    const text = normaliseHeader(String(c));
    if (text !== "" && !byText.has(text)) byText.set(text, i);
    raw.set(i, String(c).trim());
  });
  const col = new Map<K, number>();
  const seen = new Map<K, string>();
  const missing: ColumnSpec<K>[] = [];
  for (const spec of specs) {
    const hit = spec.names.map((n) => byText.get(normaliseHeader(n))).find((i) => i !== undefined);
    if (hit !== undefined) {
      col.set(spec.key, hit);
      seen.set(spec.key, raw.get(hit) ?? spec.names[0]);
    } else if (spec.required) missing.push(spec);
  }
  return { col, missing, seen };
}
