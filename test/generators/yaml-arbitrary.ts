// Random YAML texts for the reader and locator properties (test/inventory/yaml-subset.test.ts): a
// random tree of mappings, sequences and scalars, written with a random style per node (block or
// flow collections, plain, single- or double-quoted scalars), random indentation, comments, blank
// lines, trailing spaces, CRLF line ends and document markers. Scalars come from a pool that
// includes what YAML reads as something else (numbers in other notations, null and boolean words,
// dates, strings with `: `, ` #`, quotes, indicators, Vietnamese text, control characters), and a
// share of the texts is mutated afterwards, so both sides of the subset's border are exercised.
import fc from "fast-check";

export type Tree = null | string | Tree[] | { [key: string]: Tree };

const SCALARS = [
  "dc-bn", "host-0001", "Bắc Ninh", "Trung tâm tích hợp dữ liệu", "2026-11-22", "2026-13-45", "8", "8.0", "0", "-0", "-4", "3.14", "1e3", "1_000", "0x1F", "0o17", "0b101",
  "007", "+5", ".5", ".inf", "-.Inf", ".nan", "123456789012345678", "1.", "~", "null", "Null", "NULL", "true", "True", "FALSE", "yes", "on", "a: b", "a:b", "a #b", "a#b",
  "#x", "- x", "-x", "?x", ": x", "x:", "[a]", "{a}", "a, b", "a]", "'q'", '"q"', "it's", 'say "hi"', "back\\slash", "tab\there", "line\nbreak", "*ref", "&anc", "!tag",
  "|", ">", "%x", "@x", "`x", "", " lead", "trail ", "https://ndxp.gov.vn/api", "C:\\dir", "\u00e9t\u00e9", "\u0085", "\u2028", "\ufeff", "😀", "__proto__", "constructor", "a b c",
];
const KEYS = ["id", "name", "site", "kind", "servers", "usage", "cpuPct", "owner", "x-note", "1", "true", "null", "~", "a b", "a:b", "__proto__", "toString", "Bắc", "k"];

/** A random value tree of bounded depth. */
export function tree(depth = 3): fc.Arbitrary<Tree> {
  const leaf = fc.oneof(fc.constantFrom<Tree>(...SCALARS), fc.constant<Tree>(null));
  if (depth === 0) return leaf;
  const sub = tree(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(sub, { maxLength: 4 }) },
    { weight: 3, arbitrary: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), sub), { maxLength: 5, selector: ([k]) => k }).map((entries) => Object.fromEntries(entries) as Tree) },
  );
}

/** How each node is written: a stream of choices the writer consumes. */
export interface Style {
  readonly choices: readonly number[];
  readonly indent: number;
  readonly crlf: boolean;
}

export const style: fc.Arbitrary<Style> = fc.record({
  choices: fc.array(fc.nat({ max: 99 }), { minLength: 64, maxLength: 64 }),
  indent: fc.integer({ min: 1, max: 4 }),
  crlf: fc.boolean(),
});

/** Writes `value` as YAML text in the given style (not always valid YAML: that is the point). */
export function writeYaml(docs: readonly Tree[], s: Style): string {
  let k = 0;
  const pick = (n: number): number => s.choices[k++ % s.choices.length] % n;
  const pad = (n: number): string => " ".repeat(n);
  const scalar = (v: string | null, inFlow: boolean): string => {
    if (v === null) return ["", "~", "null"][pick(3)];
    const how = pick(10);
    if (how < 5) return v; // plain, even when it should not be
    if (how < 7) return `'${v.replace(/'/g, "''")}'`;
    if (how < 9) return JSON.stringify(v);
    return inFlow ? JSON.stringify(v) : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  };
  const key = (kk: string): string => (pick(6) === 0 ? JSON.stringify(kk) : pick(8) === 0 ? `'${kk}'` : kk);
  const comment = (): string => (pick(7) === 0 ? ` # ${["note", "ghi chú", "a: b", "#"][pick(4)]}` : pick(9) === 0 ? "  " : "");
  const flow = (v: Tree): string => {
    if (Array.isArray(v)) return `[${v.map(flow).join(pick(4) === 0 ? "," : ", ")}${pick(10) === 0 ? "," : ""}]`;
    if (v !== null && typeof v === "object") {
      const e = Object.entries(v);
      return e.length === 0 ? "{}" : `{ ${e.map(([kk, x]) => (x === null && pick(4) === 0 ? key(kk) : `${key(kk)}:${pick(8) === 0 ? "" : " "}${flow(x)}`)).join(", ")} }`;
    }
    return scalar(v, true);
  };
  const lines: string[] = [];
  const block = (v: Tree, indent: number, lead: string): void => {
    // `lead` is what starts the first line ("key:" or "-" prefix already laid out by the caller).
    if (Array.isArray(v) && v.length > 0 && pick(4) !== 0) {
      let first = true;
      for (const item of v) {
        const prefix = first && lead !== "" ? lead : pad(indent);
        first = false;
        if (item !== null && typeof item === "object" && pick(3) !== 0 && (Array.isArray(item) ? item.length > 0 : Object.keys(item).length > 0)) {
          if (pick(3) === 0) {
            lines.push(`${prefix}-${comment()}`);
            block(item, indent + s.indent, "");
          } else block(item, indent + 2, `${prefix}- `);
        } else lines.push(`${prefix}- ${Array.isArray(item) || (item !== null && typeof item === "object") ? flow(item) : scalar(item as string | null, false)}${comment()}`);
      }
      return;
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0 && pick(4) !== 0) {
      let first = true;
      for (const [kk, x] of Object.entries(v)) {
        const prefix = first && lead !== "" ? lead : pad(indent);
        first = false;
        if (pick(12) === 0) lines.push(pick(2) === 0 ? "" : `${pad(pick(6))}# comment`);
        if (x !== null && typeof x === "object" && pick(3) !== 0 && (Array.isArray(x) ? x.length > 0 : Object.keys(x).length > 0)) {
          lines.push(`${prefix}${key(kk)}:${comment()}`);
          block(x, Array.isArray(x) && pick(3) === 0 ? indent : indent + s.indent, "");
        } else lines.push(`${prefix}${key(kk)}: ${x !== null && typeof x === "object" ? flow(x) : scalar(x, false)}${comment()}`);
      }
      return;
    }
    const text = v !== null && typeof v === "object" ? flow(v) : scalar(v, false);
    lines.push(`${lead !== "" ? lead : pad(indent)}${text}${comment()}`);
  };
  docs.forEach((d, i) => {
    if (i > 0 || pick(3) === 0) lines.push(["---", "--- # next", "...\n---"][i === 0 ? 0 : pick(3)]);
    if (pick(5) === 0) lines.push("# header comment");
    block(d, 0, "");
  });
  if (pick(6) === 0) lines.push("...");
  const text = lines.join("\n") + (pick(8) === 0 ? "" : "\n");
  return s.crlf ? text.replace(/\n/g, "\r\n") : text;
}

/** A YAML text: mostly as written, sometimes with one character inserted, deleted or replaced. */
export function yamlText(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(tree(), { minLength: 1, maxLength: 3 }), style, fc.option(fc.tuple(fc.nat(), fc.constantFrom("", ":", " ", "\n", "-", "#", "'", '"', "[", "}", ",", "\t", "  ", "\r"), fc.boolean()), { freq: 3 }))
    .map(([docs, s, mutation]) => {
      const text = writeYaml(docs, s);
      if (!mutation || text.length === 0) return text;
      const [at, insert, replace] = mutation;
      const i = at % text.length;
      return text.slice(0, i) + insert + text.slice(i + (replace ? 1 : 0));
    });
}
