// IPv4/IPv6 addresses, CIDRs and ranges as bigint intervals, for the WAN checks (pools must parse
// and overlap neither each other nor the node, pod and service networks). Written out rather than
// taken from a library: the project has none, and the grammar needed (dotted quads, RFC 4291 text
// with `::`, `/len`, `a-b`) is small.

/** An inclusive interval of addresses of one family. */
export interface AddressRange {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
  /** The text it came from. */
  readonly text: string;
}

/** Parses a dotted-quad IPv4 address, or undefined. */
export function parseIPv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

/** Parses an IPv6 address (with `::` and an optional trailing dotted quad), or undefined. */
export function parseIPv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let groups: string[];
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const split = (s: string): string[] => (s === "" ? [] : s.split(":"));
  let tail4: bigint | undefined;
  const expandTail = (list: string[]): string[] | undefined => {
    const last = list[list.length - 1];
    if (last !== undefined && last.includes(".")) {
      tail4 = parseIPv4(last);
      if (tail4 === undefined) return undefined;
      return [...list.slice(0, -1), "0", "0"];
    }
    return list;
  };
  if (halves.length === 2) {
    const head = split(halves[0]);
    const tail = expandTail(split(halves[1]));
    if (!tail) return undefined;
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  } else {
    const all = expandTail(split(text));
    if (!all) return undefined;
    groups = all;
  }
  if (groups.length !== 8) return undefined;
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail4 !== undefined) v = (v & ~0xffffffffn) | tail4;
  return v;
}

function parseAddress(text: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIPv6(text);
  if (v6 !== undefined) return { family: 6, value: v6 };
  return undefined;
}

/** True when `text` is an IPv4 or IPv6 address. */
export function isIpAddress(text: string): boolean {
  return parseAddress(text) !== undefined;
}

/**
 * Parses `10.0.0.0/24`, `2001:db8::/64`, `10.0.0.5-10.0.0.9` or a single address into a range;
 * returns an error message instead when it does not parse. Host bits set in a CIDR are an error
 * (`10.0.0.1/24` is almost always a typo for a host or a network).
 */
export function parseRange(text: string): AddressRange | string {
  const t = text.trim();
  if (t.includes("/")) {
    const [addr, lenText, extra] = t.split("/");
    if (extra !== undefined) return `"${text}" is not a CIDR`;
    const a = parseAddress(addr);
    if (!a) return `"${text}": "${addr}" is not an IPv4 or IPv6 address`;
    const bits = a.family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(lenText) || Number(lenText) > bits) return `"${text}": prefix length must be 0–${bits}`;
    const host = BigInt(bits - Number(lenText));
    const mask = (1n << host) - 1n;
    if ((a.value & mask) !== 0n) return `"${text}": host bits are set (did you mean ${formatNetwork(a.value & ~mask, a.family)}/${lenText}?)`;
    return { family: a.family, first: a.value, last: a.value | mask, text };
  }
  if (t.includes("-")) {
    const [from, to, extra] = t.split("-");
    if (extra !== undefined) return `"${text}" is not a range a-b`;
    const a = parseAddress(from.trim());
    const b = parseAddress(to.trim());
    if (!a || !b) return `"${text}": both ends of a range must be IPv4 or IPv6 addresses`;
    if (a.family !== b.family) return `"${text}": both ends of a range must be of the same family`;
    if (a.value > b.value) return `"${text}": the range is reversed`;
    return { family: a.family, first: a.value, last: b.value, text };
  }
  const a = parseAddress(t);
  if (!a) return `"${text}" is not an IPv4/IPv6 address, CIDR or range`;
  return { family: a.family, first: a.value, last: a.value, text };
}

function formatNetwork(v: bigint, family: 4 | 6): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join(".");
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((v >> s) & 0xffffn).toString(16));
  return groups.join(":");
}

/** True when two ranges share at least one address. */
export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}
