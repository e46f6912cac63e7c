// Splits an operating-system string as hypervisors and discovery tools write it into the
// inventory's `{ name, version }`: "Microsoft Windows Server 2012 R2 Standard" → Windows Server /
// 2012 R2, "Ubuntu 22.04.3 LTS" → Ubuntu / 22.04.3 LTS, "CentOS Linux release 7.9.2009 (Core)" →
// CentOS Linux / 7.9.2009, "Red Hat Enterprise Linux 8 (64-bit)" → Red Hat Enterprise Linux / 8,
// "VMware ESXi 7.0.3 build-21930508" → VMware ESXi / 7.0.3. The vendor prefix "Microsoft", the
// bitness, "or later", Windows editions and code names in parentheses are dropped; a string with no
// version ("Ubuntu Linux (64-bit)") keeps its name alone.

/** An operating system as the inventory records it. */
export interface OsName {
  readonly name: string;
  readonly version?: string;
}

const EDITIONS = /\s+(Standard|Datacenter|Enterprise|Essentials|Foundation|Web|Evaluation)(\s+Edition)?$/i;

/** Parses an OS string (see file header); undefined for an empty one. */
export function parseOsName(raw: string | undefined): OsName | undefined {
  if (raw === undefined) return undefined;
  let s = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  if (s === "") return undefined;
  s = s
    .replace(/\((32|64)-bit\)/gi, "")
    .replace(/\b(32|64)-bit\b/gi, "")
    .replace(/\bor later\b/gi, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/^Microsoft\s+/i, "")
    .replace(/\s+build[- ]\S+$/i, "")
    .replace(/\s+/g, " ")
    .trim();
  for (let i = 0; i < 2; i++) s = s.replace(EDITIONS, "").trim();
  if (/^Other\b/i.test(s)) return { name: s }; // "Other 3.x Linux": VMware's catch-all, no version to split
  const release = /^(.*?)\s+release\s+(\S.*)$/i.exec(s);
  if (release) return { name: release[1].trim(), version: release[2].trim() };
  const tokens = s.split(" ");
  const at = tokens.findIndex((t, i) => i > 0 && /^\d/.test(t));
  if (at < 0) return { name: s };
  const name = tokens.slice(0, at).join(" ");
  const version = tokens.slice(at).join(" ");
  return { name, version };
}
