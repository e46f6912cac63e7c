// Plain-text tables for the terminal: columns padded to their widest cell (counted in characters,
// which is right for Vietnamese precomposed letters), the first column left-aligned, the others
// right-aligned, two spaces between columns and two before the first.

/** The lines of a table with `header` over `rows`; `left` lists further columns to align left [none]. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], left: readonly number[] = []): string[] {
  const width = (s: string): number => [...s].length;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const pad = (c: string, i: number): string => {
    const fill = " ".repeat(widths[i] - width(c));
    return i === 0 || left.includes(i) ? c + fill : fill + c;
  };
  const fmt = (r: readonly string[]): string => `  ${r.map(pad).join("  ")}`;
  return [fmt(header), ...rows.map(fmt)];
}
