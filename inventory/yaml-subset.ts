// A fast reader for the subset of YAML that inventories are written in, and a locator over the
// same scanner. The subset: `---`/`...` documents, comments, block mappings and sequences, flow
// mappings and sequences (on one line or several), plain, single- and double-quoted scalars on one
// line, LF or CRLF line ends. Inside it the values are exactly js-yaml's (YAML 1.2 core schema, as
// the loader calls js-yaml): null/true/false words, decimal integers and floats; everything else a
// string; keys converted with String() as js-yaml does. Outside it — anchors, aliases, tags, block
// scalars (`|`, `>`), scalars over several lines, explicit keys, tabs as separation, directives,
// duplicate keys, numbers in other notations, anything js-yaml would reject — the reader answers
// `undefined` and the caller falls back to js-yaml (which reports syntax errors with a position).
//
// Why: js-yaml spends about 4.5× JSON.parse on a 100k-server inventory, most of it resolving every
// plain scalar against each implicit type and tracking state this subset does not need; this
// scanner reads the same files in about half that. The locator walks the same grammar to find
// where a path is (`["servers", 3, "usage", "cpuPct"]`), with the `yaml` package's answer (the
// node's first character; a missing path: its deepest existing parent; a collection: its key) in
// time linear in the file and memory proportional to it, where a `yaml` parse costs ≈ 60× the file
// (test/inventory/yaml-subset.test.ts proves both against js-yaml and `yaml` on generated and
// hand-written files).

/** Thrown inside the scanner when the text leaves the subset; never escapes this module. */
class OutsideSubset {}
const OUTSIDE = new OutsideSubset();

/** Kinds of node the locator records. */
const enum Kind {
  Map,
  Seq,
  Scalar,
  /** A flow-mapping key without `:` (its value is absent, not an empty scalar). */
  NoValue,
}

/** A node of the tree of wanted paths, filled in while scanning. */
interface Want {
  children?: Map<string | number, Want>;
  found?: boolean;
  kind?: Kind;
  /** Offset of the node's first character (the `yaml` package's range[0]). */
  start?: number;
  /** Offset of its key, when it is the value of a mapping entry. */
  keyStart?: number;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const DOT = 0x2e;

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Characters js-yaml rejects inside scalars or that this reader leaves to it (controls, C1, BOM, non-characters, surrogates). */
function isAwkward(c: number): boolean {
  return (c < SPACE && c !== TAB) || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c >= 0xfffe || (c >= 0xd800 && c <= 0xdfff);
}

// js-yaml's implicit number resolvers (lib/type/int.js, lib/type/float.js), reproduced so that
// anything they would read as a number in a notation this reader does not convert is left to js-yaml.
const JS_YAML_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const JS_YAML_INT = /^[-+]?(?:0b[0-1_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)$/;
/** Numbers converted here: plain decimal integers and fractions with few enough digits to convert the same way everywhere. */
const SIMPLE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const SIMPLE_FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;

/** Characters a plain scalar may run over without a decision (block context; flow context also stops at `,[]{}`). */
const PLAIN_RUN_BLOCK = /[^\n\r:#\t\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]*/y;
const PLAIN_RUN_FLOW = /[^\n\r:#\t,[\]{}\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]*/y;

/** The value js-yaml's core schema gives a plain scalar; throws OUTSIDE for numbers in other notations. */
function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === DASH || c === 0x2b || c === DOT) {
    const n = s.length;
    let k = c === DASH ? 1 : 0;
    let digits = k < n;
    for (let i = k; i < n; i++) {
      const d = s.charCodeAt(i);
      if (d < 0x30 || d > 0x39) {
        digits = false;
        break;
      }
    }
    // Decimal digits (after an optional minus), no leading zero, at most 15: an integer; js-yaml reads "-0" as 0.
    if (digits && n - k <= 15 && (n - k === 1 || s.charCodeAt(k) !== 0x30)) {
      const v = Number(s);
      return v === 0 ? 0 : v;
    }
    // A sign after the first character that does not follow an exponent: no number notation has
    // it, so the text is a string (dates, "2026-11-22", are the common case).
    for (k = 1; k < n; k++) {
      const ch = s.charCodeAt(k);
      if (ch === DASH || ch === 0x2b) {
        const p = s.charCodeAt(k - 1);
        if (p !== 0x65 && p !== 0x45) return s;
      }
    }
    if (SIMPLE_INT.test(s)) return s === "-0" ? 0 : Number(s); // js-yaml reads "-0" as 0, "-0.0" as -0
    if (SIMPLE_FLOAT.test(s)) return Number(s);
    if ((JS_YAML_INT.test(s) && !s.endsWith("_")) || (JS_YAML_FLOAT.test(s) && !s.endsWith("_"))) throw OUTSIDE;
    return s;
  }
  const n = s.length;
  if (n !== 1 && n !== 4 && n !== 5) return s;
  switch (s) {
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  return s;
}

/** A plain mapping key as written and as js-yaml keys the property (String() of its value). */
interface PlainKey {
  readonly text: string;
  readonly key: string;
  /** True when the key's value is a string (`1:` or `true:` are not, and never match a path step). */
  readonly isString: boolean;
}

/** The scanner: one per text and pass. */
class Scanner {
  pos = 0;
  /** Offset where the current line starts. */
  lineStart = 0;
  readonly len: number;
  /**
   * Mapping keys seen, by length, first and last character: a key is compared with the one seen
   * before instead of being cut out of the text again, so the few dozen distinct keys of an
   * inventory are each one string (cheaper to store as properties, less garbage).
   */
  private readonly keys = new Map<number, PlainKey>();
  /** Short plain values seen, by a hash of length and three characters (a value replaces the slot's previous one). */
  private readonly values: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);

  constructor(readonly src: string) {
    this.len = src.length;
  }

  /** A plain mapping key, `pos` at its first character: its text and the key js-yaml makes of it, shared by every occurrence. */
  plainKey(inFlow: boolean): PlainKey {
    const start = this.pos;
    this.plainEnd(inFlow);
    const end = this.pos;
    const n = end - start;
    if (n === 0) throw OUTSIDE;
    const slot = n * 0x40000 + (this.src.charCodeAt(start) & 0x1ff) * 0x200 + (this.src.charCodeAt(end - 1) & 0x1ff);
    const seen = this.keys.get(slot);
    if (seen !== undefined && this.matches(seen.text, start)) return seen;
    const text = this.src.slice(start, end);
    const v = plainValue(text);
    const entry: PlainKey = { text, key: typeof v === "string" ? text : String(v), isString: typeof v === "string" };
    this.keys.set(slot, entry);
    return entry;
  }

  /** True when `text` occurs in the source at `start` (a plain loop: cheaper than startsWith for a few characters). */
  matches(text: string, start: number): boolean {
    const src = this.src;
    for (let k = text.length - 1; k >= 0; k--) if (src.charCodeAt(start + k) !== text.charCodeAt(k)) return false;
    return true;
  }

  /** Code at `i`, or -1 past the end. */
  at(i: number): number {
    return i < this.len ? this.src.charCodeAt(i) : -1;
  }

  /** True when `i` is a line end (LF, CRLF) or the end of the text; a lone CR is outside the subset. */
  isEol(i: number): boolean {
    const c = this.at(i);
    if (c === LF || c === -1) return true;
    if (c === CR) {
      if (this.at(i + 1) !== LF) throw OUTSIDE;
      return true;
    }
    return false;
  }

  /** Moves past the line end at `pos` (which must be one). */
  nextLine(): void {
    const c = this.at(this.pos);
    if (c === -1) return;
    this.pos += c === CR ? 2 : 1;
    this.lineStart = this.pos;
  }

  /** Skips spaces on the current line; a tab is outside the subset. */
  skipSpaces(): void {
    let c = this.at(this.pos);
    while (c === SPACE) c = this.at(++this.pos);
    if (c === TAB) throw OUTSIDE;
  }

  /** Skips to the end of the line (a comment) without moving past it. */
  skipToEol(): void {
    let i = this.src.indexOf("\n", this.pos);
    if (i === -1) i = this.len;
    else if (i > 0 && this.src.charCodeAt(i - 1) === CR) i--;
    const cr = this.src.indexOf("\r", this.pos);
    if (cr !== -1 && cr < i) throw OUTSIDE; // a lone CR inside a comment is a line break for YAML
    this.pos = i;
  }

  /** After a node on this line: only spaces and a comment may follow before the line end. */
  endOfLine(): void {
    this.skipSpaces();
    if (this.at(this.pos) === HASH) {
      const p = this.pos;
      if (p > 0 && this.src.charCodeAt(p - 1) !== SPACE) throw OUTSIDE;
      this.skipToEol();
    }
    if (!this.isEol(this.pos)) throw OUTSIDE;
  }

  /** True when the line starting at `pos` (a line start) is a document marker `---` or `...`. */
  isMarker(i: number): boolean {
    const c = this.at(i);
    if ((c !== DASH && c !== DOT) || this.at(i + 1) !== c || this.at(i + 2) !== c) return false;
    const d = this.at(i + 3);
    if (d === SPACE || d === TAB || d === LF || d === CR || d === -1) return true;
    throw OUTSIDE; // `----` or `---x` at a line start: js-yaml reads a marker there, YAML a scalar
  }

  /**
   * From the end of a line holding content (or from the start of a line), skips blank and comment
   * lines to the next content. Returns its column, or -1 at the end of the text or at a document
   * marker (left unconsumed, `pos` at its line start).
   */
  nextContent(): number {
    if (this.pos !== this.lineStart) {
      if (this.pos >= this.len) return -1;
      this.nextLine();
    }
    for (;;) {
      if (this.pos >= this.len) return -1;
      if (this.isMarker(this.pos)) return -1;
      let c = this.at(this.pos);
      while (c === SPACE) c = this.at(++this.pos);
      if (c === HASH) {
        this.skipToEol();
        if (this.pos >= this.len) return -1;
        this.nextLine();
        continue;
      }
      if (c === TAB) throw OUTSIDE;
      if (c === -1) return -1;
      if (c === LF || c === CR) {
        if (c === CR && this.at(this.pos + 1) !== LF) throw OUTSIDE;
        this.nextLine();
        continue;
      }
      return this.pos - this.lineStart;
    }
  }

  // --- scalars -----------------------------------------------------------------------------

  /** A double-quoted scalar on one line, `pos` at the opening quote; leaves `pos` after the closing one. */
  doubleQuoted(): string {
    const start = this.pos;
    const src = this.src;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = i < this.len ? src.charCodeAt(i) : -1;
      if (c === DQUOTE) break;
      if (c === -1 || c === LF || c === CR) throw OUTSIDE; // several lines: folding is left to js-yaml
      if (c === 0x5c) {
        escaped = true;
        const e = i + 1 < this.len ? src.charCodeAt(i + 1) : -1;
        // JSON's escapes only (JSON.parse then reads them as js-yaml does); \u of a surrogate is left to js-yaml.
        if (e === 0x75) {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw OUTSIDE;
          const code = parseInt(hex, 16);
          if (isAwkward(code)) throw OUTSIDE;
          i += 6;
          continue;
        }
        if (e !== DQUOTE && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) throw OUTSIDE;
        i += 2;
        continue;
      }
      if (c === TAB || isAwkward(c)) throw OUTSIDE;
      i++;
    }
    this.pos = i + 1;
    return escaped ? (JSON.parse(src.slice(start, i + 1)) as string) : src.slice(start + 1, i);
  }

  /** A single-quoted scalar on one line, `pos` at the opening quote. */
  singleQuoted(): string {
    const src = this.src;
    let i = this.pos + 1;
    let out = "";
    let from = i;
    for (;;) {
      const c = i < this.len ? src.charCodeAt(i) : -1;
      if (c === SQUOTE) {
        if (this.at(i + 1) === SQUOTE) {
          out += src.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (c === -1 || c === LF || c === CR || c === TAB || isAwkward(c)) throw OUTSIDE;
      i++;
    }
    this.pos = i + 1;
    return out + src.slice(from, i);
  }

  /**
   * A plain scalar from `pos` to before `: `, ` #`, the line end or (in flow context) a flow
   * indicator; trailing spaces are not part of it. Leaves `pos` right after its last character.
   */
  plain(inFlow: boolean): string {
    const start = this.pos;
    this.plainEnd(inFlow);
    const end = this.pos;
    const n = end - start;
    if (n > 24 || n < 2) return this.src.slice(start, end);
    // Short values repeat (sites, kinds, owners, couplings): share one string per slot.
    const src = this.src;
    const slot = (n * 31 + src.charCodeAt(start) * 7 + src.charCodeAt(end - 1) * 3 + src.charCodeAt(start + (n >> 1))) & 4095;
    const seen = this.values[slot];
    if (seen !== undefined && seen.length === n && this.matches(seen, start)) return seen;
    const value = src.slice(start, end);
    this.values[slot] = value;
    return value;
  }

  /** Moves `pos` to the end of the plain scalar starting at `pos` (see plain()). */
  plainEnd(inFlow: boolean): void {
    const src = this.src;
    const start = this.pos;
    const first = this.at(start);
    // Indicators that cannot start a plain scalar (or start one this reader leaves to js-yaml).
    switch (first) {
      case DASH:
      case 0x3f /* ? */:
      case COLON: {
        const n = this.at(start + 1);
        if (n === SPACE || n === TAB || n === LF || n === CR || n === -1 || (inFlow && isFlowIndicator(n))) throw OUTSIDE;
        break;
      }
      case COMMA:
      case LBRACKET:
      case RBRACKET:
      case LBRACE:
      case RBRACE:
      case HASH:
      case 0x26 /* & */:
      case 0x2a /* * */:
      case 0x21 /* ! */:
      case 0x7c /* | */:
      case 0x3e /* > */:
      case SQUOTE:
      case DQUOTE:
      case 0x25 /* % */:
      case 0x40 /* @ */:
      case 0x60 /* ` */:
        throw OUTSIDE;
    }
    // Runs of ordinary characters are skipped by a sticky regular expression (compiled to machine
    // code by V8); the loop only decides at the characters that may end the scalar.
    const ordinary = inFlow ? PLAIN_RUN_FLOW : PLAIN_RUN_BLOCK;
    let i = start;
    for (;;) {
      ordinary.lastIndex = i;
      ordinary.test(src);
      i = ordinary.lastIndex;
      const c = i < this.len ? src.charCodeAt(i) : -1;
      if (c === COLON) {
        const n = i + 1 < this.len ? src.charCodeAt(i + 1) : -1;
        if (n === SPACE || n === LF || n === CR || n === -1 || n === TAB || (inFlow && isFlowIndicator(n))) break;
        i++;
        continue;
      }
      if (c === HASH) {
        if (src.charCodeAt(i - 1) === SPACE) break;
        i++;
        continue;
      }
      if (c === -1 || c === LF || c === CR || (inFlow && isFlowIndicator(c))) break;
      throw OUTSIDE; // a tab or a character js-yaml rejects
    }
    let end = i; // after the last non-space character
    while (end > start && src.charCodeAt(end - 1) === SPACE) end--;
    this.pos = end;
  }
}

/** Reads a whole text; `want` (per document) turns on position recording. */
class Reader extends Scanner {
  /** False while locating: the values are not kept (the file was read once already), so memory stays flat. */
  private readonly build: boolean;
  /** Set while the entries of a top-level list are handed to `onItem`: the document index and key. */
  private streaming: { readonly doc: number; readonly key: string } | undefined;

  constructor(
    src: string,
    private readonly wants?: readonly (Want | undefined)[],
    private readonly onItem?: ListItemHandler,
  ) {
    super(src);
    this.build = wants === undefined;
  }

  /** Every document's value, as js-yaml's loadAll gives them. */
  documents(): unknown[] {
    const docs: unknown[] = [];
    const src = this.src;
    if (src.length === 0) return docs;
    if (src.charCodeAt(0) === 0xfeff) this.pos = this.lineStart = 1;
    if (src.indexOf("\0") !== -1) throw OUTSIDE;
    // js-yaml appends a line end to a text that lacks one, skips leading spaces and reads
    // documents while more than that final character remains; a text of one line end holds none.
    let spaces = this.pos;
    while (spaces < src.length && src.charCodeAt(spaces) === SPACE) spaces++;
    const effectiveLength = src.length - spaces + (this.isTrailingBreak() ? 0 : 1);
    if (effectiveLength <= 1) return docs;
    for (;;) {
      const want = this.wants?.[docs.length];
      let col = this.nextContent();
      if (col === -1 && this.pos < this.len && this.at(this.pos) === DASH) {
        // `---`: the document starts; only a comment may follow on its line.
        this.pos += 3;
        this.endOfLine();
        col = this.nextContent();
      }
      let value: unknown = null;
      if (col !== -1) value = this.blockNode(-1, col, want, docs.length);
      docs.push(value);
      // After the document: the end, `---` (another document) or `...`.
      col = this.nextContent();
      if (col !== -1) throw OUTSIDE;
      if (this.pos >= this.len) break;
      if (this.at(this.pos) === DOT) {
        this.pos += 3;
        this.endOfLine();
        if (this.nextContent() !== -1) throw OUTSIDE;
        if (this.pos >= this.len) break;
        if (this.at(this.pos) === DOT) throw OUTSIDE; // `...` twice: left to js-yaml
        continue;
      }
    }
    return docs;
  }

  private isTrailingBreak(): boolean {
    const last = this.src.charCodeAt(this.src.length - 1);
    return last === LF || last === CR;
  }

  /**
   * A block node whose first character is at `pos`, column `col`, inside a parent at `parentIndent`.
   * Leaves `pos` at the end of the node's last line.
   */
  private blockNode(parentIndent: number, col: number, want: Want | undefined, rootOfDoc = -1): unknown {
    const c = this.at(this.pos);
    if (c === DASH && this.isSeparator(this.pos + 1)) return this.blockSequence(col, want);
    const start = this.pos;
    if (c === LBRACKET || c === LBRACE) {
      const value = this.flow(parentIndent, want);
      this.skipSpaces();
      if (this.at(this.pos) === COLON) throw OUTSIDE; // a flow collection as a key
      this.endOfLine();
      return value;
    }
    let text: string;
    let quoted = false;
    if (c === DQUOTE) {
      text = this.doubleQuoted();
      quoted = true;
    } else if (c === SQUOTE) {
      text = this.singleQuoted();
      quoted = true;
    } else text = this.plain(false);
    this.skipSpaces();
    if (this.at(this.pos) === COLON && this.isSeparator(this.pos + 1)) return this.blockMapping(col, start, quoted ? text : String(plainValue(text)), quoted || typeof plainValue(text) === "string", want, rootOfDoc);
    if (text.length === 0 && !quoted) throw OUTSIDE;
    this.endOfLine();
    if (want) {
      want.kind = Kind.Scalar;
      want.start = start;
    }
    return quoted ? text : plainValue(text);
  }

  /** True when the character at `i` ends an indicator (space, line end, end of text). */
  private isSeparator(i: number): boolean {
    const c = this.at(i);
    if (c === TAB) throw OUTSIDE;
    return c === SPACE || c === LF || c === CR || c === -1;
  }

  private blockSequence(indent: number, want: Want | undefined): unknown[] {
    const out: unknown[] = [];
    let count = 0;
    // The entries of a top-level list go to onItem one by one (the list itself stays empty), so
    // the loader validates each while it is young and it is never kept twice.
    const stream = this.streaming;
    this.streaming = undefined;
    if (want) {
      want.kind = Kind.Seq;
      want.start = this.pos;
    }
    for (;;) {
      // `pos` at the `-` of an entry, at column `indent`.
      const itemWant = want?.children?.get(count);
      count++;
      if (itemWant) itemWant.found = true;
      this.pos++;
      this.skipSpaces();
      let item: unknown = null;
      if (this.isEolOrComment()) {
        const emptyAt = this.pos;
        this.endOfLine();
        const save = this.pos;
        const saveLine = this.lineStart;
        const col = this.nextContent();
        if (col > indent) item = this.blockNode(indent, col, itemWant);
        else {
          // js-yaml reads a less indented `- ` after an empty entry as part of this sequence.
          if (col !== -1 && col < indent && this.at(this.pos) === DASH && this.isSeparator(this.pos + 1)) throw OUTSIDE;
          this.pos = save;
          this.lineStart = saveLine;
          if (itemWant) {
            itemWant.kind = Kind.Scalar;
            itemWant.start = emptyAt;
          }
        }
      } else {
        item = this.blockNode(indent, this.pos - this.lineStart, itemWant);
      }
      if (stream) this.onItem!(stream.doc, stream.key, count - 1, item);
      else if (this.build) out.push(item);
      const save = this.pos;
      const saveLine = this.lineStart;
      const col = this.nextContent();
      if (col === indent && this.at(this.pos) === DASH && this.isSeparator(this.pos + 1)) continue;
      if (col > indent) throw OUTSIDE;
      this.pos = save;
      this.lineStart = saveLine;
      return out;
    }
  }

  private isEolOrComment(): boolean {
    const c = this.at(this.pos);
    return c === LF || c === CR || c === -1 || c === HASH;
  }

  /**
   * A block mapping at column `indent` whose first key (text `firstKey`, at offset `keyStart`) has
   * been read, `pos` at its `:`.
   */
  private blockMapping(indent: number, keyStart: number, firstKey: string, firstKeyIsString: boolean, want: Want | undefined, rootOfDoc = -1): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (want) {
      want.kind = Kind.Map;
      want.start = keyStart;
    }
    let key = firstKey;
    let keyIsString = firstKeyIsString;
    let keyAt = keyStart;
    for (;;) {
      // `pos` at the `:` after `key`.
      if (key === "__proto__" || (this.build && out[key] !== undefined)) throw OUTSIDE; // duplicate (or a key js-yaml treats specially)
      const valueWant = keyIsString ? want?.children?.get(key) : undefined;
      if (valueWant) {
        valueWant.found = true;
        valueWant.keyStart = keyAt;
      }
      this.pos++;
      this.skipSpaces();
      let value: unknown = null;
      if (this.isEolOrComment()) {
        const emptyAt = this.pos;
        this.endOfLine();
        const save = this.pos;
        const saveLine = this.lineStart;
        const col = this.nextContent();
        const list = this.at(this.pos) === DASH && this.isSeparator(this.pos + 1);
        if (list && rootOfDoc !== -1 && this.onItem && (col > indent || col === indent)) this.streaming = { doc: rootOfDoc, key };
        if (col > indent) value = this.blockNode(indent, col, valueWant);
        else if (col === indent && list) value = this.blockSequence(col, valueWant);
        else {
          this.pos = save;
          this.lineStart = saveLine;
          if (valueWant) {
            valueWant.kind = Kind.Scalar;
            valueWant.start = emptyAt;
          }
        }
        this.streaming = undefined;
      } else {
        value = this.inlineValue(indent, valueWant);
      }
      if (this.build) out[key] = value;
      const save = this.pos;
      const saveLine = this.lineStart;
      const col = this.nextContent();
      if (col !== indent) {
        if (col > indent) throw OUTSIDE;
        this.pos = save;
        this.lineStart = saveLine;
        return out;
      }
      // The next key, at the same column.
      keyAt = this.pos;
      const c = this.at(this.pos);
      if (c === DQUOTE || c === SQUOTE) {
        key = c === DQUOTE ? this.doubleQuoted() : this.singleQuoted();
        keyIsString = true;
      } else if (c === DASH && this.isSeparator(this.pos + 1)) {
        throw OUTSIDE; // a sequence entry where a key was expected
      } else {
        const k = this.plainKey(false);
        keyIsString = k.isString;
        key = k.key;
      }
      this.skipSpaces();
      if (this.at(this.pos) !== COLON || !this.isSeparator(this.pos + 1)) throw OUTSIDE;
    }
  }

  /** The value after `key: ` on the same line: a flow collection or a scalar. */
  private inlineValue(indent: number, want: Want | undefined): unknown {
    const c = this.at(this.pos);
    const start = this.pos;
    let value: unknown;
    if (c === LBRACKET || c === LBRACE) value = this.flow(indent, want);
    else {
      if (c === DQUOTE) value = this.doubleQuoted();
      else if (c === SQUOTE) value = this.singleQuoted();
      else {
        const text = this.plain(false);
        if (text.length === 0) throw OUTSIDE;
        this.skipSpaces();
        if (this.at(this.pos) === COLON) throw OUTSIDE; // `a: b: c`
        value = plainValue(text);
      }
      if (want) {
        want.kind = Kind.Scalar;
        want.start = start;
      }
    }
    this.endOfLine();
    return value;
  }

  // --- flow collections --------------------------------------------------------------------

  /** Skips spaces, line ends and comments inside a flow collection; continuation lines must be indented past `indent`. */
  private flowSpace(indent: number): void {
    for (;;) {
      const c = this.at(this.pos);
      if (c === SPACE) this.pos++;
      else if (c === TAB) throw OUTSIDE;
      else if (c === HASH) {
        if (this.pos > 0 && this.src.charCodeAt(this.pos - 1) !== SPACE && this.pos !== this.lineStart) throw OUTSIDE;
        this.skipToEol();
      } else if (c === LF || c === CR) {
        if (c === CR && this.at(this.pos + 1) !== LF) throw OUTSIDE;
        this.nextLine();
        if (this.isMarker(this.pos)) throw OUTSIDE;
        let d = this.at(this.pos);
        while (d === SPACE) d = this.at(++this.pos);
        if (d !== LF && d !== CR && d !== HASH && d !== -1 && this.pos - this.lineStart <= indent) throw OUTSIDE;
      } else return;
    }
  }

  /** A flow mapping or sequence, `pos` at its `{` or `[`; leaves `pos` after the closing bracket. */
  private flow(indent: number, want: Want | undefined): unknown {
    const open = this.at(this.pos);
    if (want) {
      want.kind = open === LBRACE ? Kind.Map : Kind.Seq;
      want.start = this.pos;
    }
    this.pos++;
    if (open === LBRACKET) {
      const out: unknown[] = [];
      let count = 0;
      for (;;) {
        this.flowSpace(indent);
        if (this.at(this.pos) === RBRACKET) {
          this.pos++;
          return out;
        }
        const itemWant = want?.children?.get(count);
        count++;
        if (itemWant) itemWant.found = true;
        const item = this.flowValue(indent, itemWant);
        if (this.build) out.push(item);
        this.flowSpace(indent);
        const c = this.at(this.pos);
        if (c === COMMA) this.pos++;
        else if (c !== RBRACKET) throw OUTSIDE; // `[a: b]` and the like
      }
    }
    const out: Record<string, unknown> = {};
    for (;;) {
      this.flowSpace(indent);
      let c = this.at(this.pos);
      if (c === RBRACE) {
        this.pos++;
        return out;
      }
      const keyAt = this.pos;
      let key: string;
      let keyIsString = true;
      let quoted = false;
      if (c === DQUOTE || c === SQUOTE) {
        key = c === DQUOTE ? this.doubleQuoted() : this.singleQuoted();
        quoted = true;
      } else if (c === LBRACE || c === LBRACKET) throw OUTSIDE;
      else {
        const k = this.plainKey(true);
        keyIsString = k.isString;
        key = k.key;
      }
      if (key === "__proto__" || (this.build && out[key] !== undefined)) throw OUTSIDE;
      const valueWant = keyIsString ? want?.children?.get(key) : undefined;
      if (valueWant) {
        valueWant.found = true;
        valueWant.keyStart = keyAt;
      }
      this.skipSpaces();
      c = this.at(this.pos);
      let value: unknown = null;
      if (c === COLON && (quoted || this.isFlowValueSeparator(this.pos + 1))) {
        this.pos++;
        this.flowSpace(indent);
        c = this.at(this.pos);
        if (c === COMMA || c === RBRACE) {
          if (valueWant) {
            valueWant.kind = Kind.Scalar;
            valueWant.start = this.pos;
          }
        } else value = this.flowValue(indent, valueWant);
      } else if (c === COMMA || c === RBRACE) {
        if (valueWant) valueWant.kind = Kind.NoValue;
      } else throw OUTSIDE;
      if (this.build) out[key] = value;
      this.flowSpace(indent);
      c = this.at(this.pos);
      if (c === COMMA) this.pos++;
      else if (c !== RBRACE) throw OUTSIDE;
    }
  }

  private isFlowValueSeparator(i: number): boolean {
    const c = this.at(i);
    return c === SPACE || c === LF || c === CR || c === -1 || isFlowIndicator(c);
  }

  /** A value inside a flow collection. */
  private flowValue(indent: number, want: Want | undefined): unknown {
    const c = this.at(this.pos);
    if (c === LBRACE || c === LBRACKET) return this.flow(indent, want);
    const start = this.pos;
    let value: unknown;
    if (c === DQUOTE) value = this.doubleQuoted();
    else if (c === SQUOTE) value = this.singleQuoted();
    else {
      const text = this.plain(true);
      if (text.length === 0) throw OUTSIDE;
      value = plainValue(text);
    }
    if (want) {
      want.kind = Kind.Scalar;
      want.start = start;
    }
    return value;
  }
}

/** Receives the entries of a top-level list (`servers:` followed by `- …` lines) one by one. */
export type ListItemHandler = (doc: number, key: string, index: number, item: unknown) => void;

/**
 * Every document of `text` as js-yaml's `loadAll(text, { schema: CORE_SCHEMA })` would return
 * them, or undefined when the text is outside the subset this reader handles (then use js-yaml).
 * With `onItem`, the entries of each block list that is the value of a document's top-level key
 * are passed to it in order instead (that list is returned empty); when the answer is undefined,
 * entries already passed are to be discarded.
 */
export function readYamlSubset(text: string, onItem?: ListItemHandler): unknown[] | undefined {
  try {
    return new Reader(text, undefined, onItem).documents();
  } catch (err) {
    if (err === OUTSIDE) return undefined;
    throw err;
  }
}

/** A path inside a document to locate, and how. */
export interface PathQuery {
  /** Document index (0-based, counted as js-yaml counts them). */
  readonly doc: number;
  /** Keys and list indices from the document's root. */
  readonly path: readonly (string | number)[];
  /** Point at the key of the last mapping entry rather than its value (unknown fields) [false]. */
  readonly atKey?: boolean;
}

/**
 * The offset (UTF-16 code units from the start of `text`) of each query's node, the way the
 * `yaml` package places it (see locate() in yaml-source.ts), or undefined for a query whose
 * document has no content; returns undefined altogether when the text is outside the subset.
 */
export function locateInSubset(text: string, queries: readonly PathQuery[]): (number | undefined)[] | undefined {
  const roots: Want[] = [];
  for (const q of queries) {
    let node = (roots[q.doc] ??= {});
    for (const step of q.path) {
      node.children ??= new Map();
      let child = node.children.get(step);
      if (!child) node.children.set(step, (child = {}));
      node = child;
    }
  }
  try {
    const docs = new Reader(text, roots).documents();
    roots.forEach((root, d) => {
      if (d < docs.length && docs[d] !== null) root.found = true;
    });
  } catch (err) {
    if (err === OUTSIDE) return undefined;
    throw err;
  }
  return queries.map((q) => resolve(roots[q.doc], q.path, q.atKey ?? false));
}

/** The `yaml` package's choice of node for `path` (yaml-source.ts locate()), over what the scan recorded. */
function resolve(root: Want, path: readonly (string | number)[], atKey: boolean): number | undefined {
  if (!root.found || root.start === undefined) return undefined;
  let node = root;
  let keyStart: number | undefined;
  let onKey = false;
  for (const step of path) {
    const child = node.children?.get(step);
    if (node.kind === Kind.Map && typeof step === "string") {
      if (!child?.found) break;
      keyStart = child.keyStart;
      if (child.kind === Kind.NoValue) {
        onKey = true;
        break;
      }
      node = child;
    } else if (node.kind === Kind.Seq && typeof step === "number") {
      if (!child?.found) break;
      keyStart = undefined;
      node = child;
    } else break;
  }
  if (onKey) return keyStart;
  const collection = node.kind === Kind.Map || node.kind === Kind.Seq;
  return keyStart !== undefined && (collection || atKey) ? keyStart : node.start;
}
