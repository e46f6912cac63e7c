// What a reader of an export sees, and what must not be in it: extracts the visible text of the
// HTML, Markdown, CSV and XLSX exports, and finds in Vietnamese text the internal identifiers
// (system, site, agency, external, group and function ids, rule ids, configuration keys, slugs,
// ISO dates) and English words that only the technical columns may carry. Names from the plan or
// the inventory (system names, server host names, models, operating systems) are data and are
// taken out before scanning.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Inventory } from "../../inventory/schema.js";
import { glossary, labels } from "../../planner/export/i18n.js";
import type { Plan } from "../../planner/plan-schema.js";

/** One thing found: the token, why it is wrong, and the text around it. */
export interface Finding {
  readonly where: string;
  readonly token: string;
  readonly why: string;
  readonly context: string;
}

/** What the scanner knows about a plan: identifiers that must not show, and names that may. */
export interface ScanContext {
  readonly ids: ReadonlyMap<string, string>;
  readonly english: ReadonlySet<string>;
  /** Data strings taken out before scanning, longest first. */
  readonly names: readonly string[];
  /** Beginnings of names, for names cut short with "…" (chart labels). */
  readonly prefixes: ReadonlySet<string>;
  readonly serverIds: ReadonlySet<string>;
}

// Words that are Vietnamese (toneless syllables) or accepted technical loanwords and acronyms in
// Vietnamese IT writing; they may appear in English texts too.
const ALLOWED = new Set([
  // toneless Vietnamese syllables that are also English words
  "an", "ban", "vi", "can", "con", "long", "sao", "tin", "the", "tan", "nam", "dan", "bang", "hang", "mang", "chi", "cho", "ma", "to", "do", "in", "da", "ta", "com", "gia", "tam", "thi", "theo", "sau", "tai", "cao", "so", "nay", "dung",
  // loanwords, units, acronyms and product names used as they are in Vietnamese
  "container", "kubernetes", "rack", "gib", "vcpu", "vcpus", "wan", "lan", "tslcd", "pue", "soc", "sso", "lgsp", "ndxp", "ndop", "tthc", "qlvb", "saas", "mbit", "kwh", "dcplan", "sms", "gis", "ip", "hsm", "ai", "it", "vm", "ubnd", "ttdl", "csdl", "attt", "cntt", "ndc", "nas", "sql", "oracle", "postgresql", "server", "windows", "linux", "ubuntu", "vmware", "esxi", "nagios", "zabbix", "cctv", "led",
]);

/** Units and terms written with inner capitals that are not configuration keys. */
const UNITS = new Set(["kW", "kWh", "kV", "kVA", "vCPU", "vCPUs", "GiB", "MiB", "TiB", "MHz", "eKYC"]);

/** The scan context of a plan (and its inventory, when the export was given one). */
export function scanContext(plan: Plan, inventory?: Inventory): ScanContext {
  const ids = new Map<string, string>();
  const add = (id: string, kind: string) => {
    if (id.length >= 3 && !ids.has(id)) ids.set(id, kind);
  };
  for (const g of plan.groups) add(g.id, "group id");
  for (const s of plan.systems) {
    add(s.id, "system id");
    add(s.function, "function id");
    add(s.group, "group id");
  }
  for (const s of plan.sites) add(s.id, "site id");
  for (const a of plan.agencies) add(a.id, "agency id");
  for (const e of plan.externals) add(e.id, "external id");
  for (const v of [...plan.violations, ...plan.warnings]) add(v.rule, "rule id");
  const serverIds = new Set(plan.servers.map((s) => s.id));
  // a server named like a system is named by its host name, which is fine
  for (const id of serverIds) ids.delete(id);

  const names = new Set<string>();
  for (const s of plan.systems) names.add(s.name);
  for (const x of [...plan.sites, ...plan.agencies, ...plan.externals]) names.add(x.name);
  names.add(plan.generator);
  for (const s of inventory?.servers ?? []) {
    if (s.model) names.add(s.model);
    if (s.os) names.add([s.os.name, s.os.version].filter(Boolean).join(" "));
    if (s.os) names.add(s.os.name);
  }
  // the profile's blackout reasons are the people's own words
  for (const b of plan.profile.blackouts) names.add(b.reason);
  const sortedNames = [...names].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);

  // English: the words of every English text dcplan writes (labels, glossary, the plan's messages),
  // names taken out, ids (tokens with '-' or digits) skipped.
  const english = new Set<string>();
  const words = (text: string) => {
    let s = text;
    for (const n of sortedNames) if (s.includes(n)) s = s.split(n).join(" ");
    for (const tok of s.replace(/Bắc Ninh|Bắc Giang/g, " ").split(/[\s,;:()"'.…/=<>≤≥+×→–—!?]+/)) {
      if (/^[A-Za-z]{2,}$/.test(tok) && !ALLOWED.has(tok.toLowerCase())) english.add(tok.toLowerCase());
    }
  };
  const en = labels("en") as unknown as Record<string, unknown>;
  for (const v of Object.values(en)) {
    if (typeof v === "string") words(v);
    else if (typeof v === "function") {
      for (const args of [[1, 2, 3], ["a", "b", "c"], [1, ["a"]]]) {
        try {
          words(String((v as (...a: unknown[]) => string)(...args)));
          break;
        } catch {
          // another shape of arguments
        }
      }
    }
  }
  for (const g of glossary("en")) words(`${g.term} ${g.meaning.replace(/^[^:]*:/, "")}`);
  for (const k of Object.keys(plan.translations?.vi ?? {})) words(k);
  for (const t of Object.values(plan.translations?.en ?? {})) words(t);

  const prefixes = new Set<string>();
  for (const n of sortedNames) for (let k = 6; k < n.length; k++) prefixes.add(n.slice(0, k));
  return { ids, english, names: sortedNames, prefixes, serverIds };
}

/** Finds identifiers and English words in Vietnamese `text` (from `where`). */
export function scanText(text: string, ctx: ScanContext, where: string): Finding[] {
  let t = text.normalize("NFC");
  for (const n of ctx.names) if (t.includes(n)) t = t.split(n).join(" ¶ ");
  // a name cut short: "Hệ thống thông tin đất đai VBDLIS (khu vực Bắc Gian…"
  t = t.replace(/([^\n¶]{1,80})…/g, (whole, before: string) => {
    for (let k = 0; k < before.length; k++) if (ctx.prefixes.has(before.slice(k))) return `${before.slice(0, k)} ¶ `;
    return whole;
  });
  const out: Finding[] = [];
  const around = (i: number) => t.slice(Math.max(0, i - 60), i + 60).replace(/\s+/g, " ");
  for (const m of t.matchAll(/[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z]/g)) {
    const tok = m[0];
    const i = m.index ?? 0;
    const prev = t[i - 1] ?? "";
    const next = t[i + tok.length] ?? "";
    // part of a Vietnamese word (a letter with diacritics right before or after)
    if (/\p{L}/u.test(prev) || /\p{L}/u.test(next)) continue;
    if (ctx.serverIds.has(tok)) continue;
    const kind = ctx.ids.get(tok);
    if (kind) out.push({ where, token: tok, why: kind, context: around(i) });
    else if (UNITS.has(tok)) continue;
    else if (/^[a-z]+[A-Z][A-Za-z]*(\.[a-z]+[A-Za-z]*)?$/.test(tok) || /^[a-z]+[A-Za-z]*\.[a-z]+[A-Z][A-Za-z]*$/.test(tok)) out.push({ where, token: tok, why: "configuration key", context: around(i) });
    else if (/^\d{4}-\d{2}-\d{2}$/.test(tok)) out.push({ where, token: tok, why: "ISO date", context: around(i) });
    else if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(tok) && /[a-z]/.test(tok)) out.push({ where, token: tok, why: "slug", context: around(i) });
    else if (/^[A-Za-z]+$/.test(tok) && ctx.english.has(tok.toLowerCase()) && !(tok.length <= 5 && tok === tok.toUpperCase())) out.push({ where, token: tok, why: "English word", context: around(i) });
  }
  return out;
}

/** The text a reader of an HTML document sees (tags, styles and attributes removed, entities decoded). */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<[^>]+>/g, " "),
  );
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The text a reader of Markdown sees: fenced code blocks (Mermaid syntax) dropped, escapes undone. */
export function markdownText(md: string): string {
  return md.replace(/```[\s\S]*?```/g, " ").replace(/<\/?(details|summary)>/g, " ").replace(/\\([\\`*_[\]<>|#~])/g, "$1");
}

/** Column keys of a workbook's technical columns, per displayed sheet name, from its `_meta` sheet (empty when it has none). */
async function technicalColumns(wb: ExcelJS.Workbook): Promise<Map<string, Set<number>>> {
  const out = new Map<string, Set<number>>();
  const meta = wb.getWorksheet("_meta");
  if (!meta) return out;
  const header = (meta.getRow(1).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  meta.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as unknown[];
    if (String(v[col("technical")]) !== "yes") return;
    const sheet = String(v[col("sheet")]);
    if (!out.has(sheet)) out.set(sheet, new Set());
    out.get(sheet)!.add(Number(v[col("column")]));
  });
  return out;
}

/** The texts a reader of a workbook sees: sheet names and the string cells of visible sheets, technical columns left out. */
export async function workbookTexts(bytes: Uint8Array): Promise<{ sheet: string; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const technical = await technicalColumns(wb);
  const out: { sheet: string; text: string }[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible") continue;
    const skip = technical.get(ws.name) ?? new Set<number>();
    const parts: string[] = [ws.name];
    ws.eachRow((row) => {
      row.eachCell((cell, c) => {
        if (skip.has(c)) return;
        const v = cell.value;
        if (typeof v === "string") parts.push(v);
        else if (v && typeof v === "object" && "richText" in v) parts.push(v.richText.map((r) => r.text).join(""));
      });
    });
    out.push({ sheet: ws.name, text: parts.join("\n") });
  }
  return out;
}

/** The text cells of a CSV file, the columns at `technical` (0-based) left out. */
export function csvText(csv: string, technical: ReadonlySet<number>): string {
  const rows = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
  return rows.map((r) => r.filter((_, i) => !technical.has(i)).join("\n")).join("\n");
}
