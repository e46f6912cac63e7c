// The message catalog: every sentence the planner writes into a plan (reasons, notes, violations,
// warnings, the critical chain, procurement and capacity reasons, the roadmap…), each kind one
// function of typed parameters that returns the sentence in English and in Vietnamese together.
//
// Three readers, three forms. The plan's contract fields keep the English with ids, as machines
// and checkers read them (`merged into lgsp-bn`). People read the *shown* forms: the same sentence
// in English and in Vietnamese where every entity is referred to by a reference marker (system,
// site, agency, external, function, move group, server, profile setting) that `resolveRefs` turns
// into the entity's name (`hợp nhất vào Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Bắc Ninh (LGSP)`),
// so no id, configuration key or slug reaches a leader. The plan carries the shown forms, names
// resolved, in its additive `translations` map (`vi`, and `en` where the English shown form differs
// from the contract text); the exporters use them (planner/export/i18n.ts `text`).
// English dates stay ISO (`2026-11-28`) as before; Vietnamese ones are `dd/mm/yyyy` and Vietnamese
// numbers group thousands with `.` and use `,` for decimals, formatted by hand (no Intl) so the
// bytes never depend on the machine's ICU data.
import type { Disposition } from "../inventory/schema.js";
import { functionName } from "./functions.js";

/** One sentence in both languages. */
export interface Message {
  /** The contract text: English, entities by id. */
  readonly en: string;
  /** Vietnamese, entities by id (the shown form with ids; for readers without names at hand). */
  readonly vi: string;
  /** The forms people read, entities as reference markers (resolveRefs); absent when equal to en/vi. */
  readonly shown?: { readonly en: string; readonly vi: string };
}

/** The English form people read of `x` (references marked). */
const E = (x: Message): string => x.shown?.en ?? x.en;
/** The Vietnamese form people read of `x` (references marked). */
const V = (x: Message): string => x.shown?.vi ?? x.vi;

// ---- reference markers: U+E000 kind U+E001 payload U+E002 (private-use characters, never in data)
const REF = "\uE000";
const MID = "\uE001";
const END = "\uE002";

/** What a reference names. A kind ending in `s` is a list (payload: ids joined by ","). */
export type RefKind = "system" | "systems" | "site" | "agency" | "external" | "externals" | "function" | "group" | "groups" | "server" | "servers" | "setting" | "pair";

const ref = (kind: RefKind, payload: string): string => `${REF}${kind}${MID}${payload}${END}`;
const sys = (id: string): string => ref("system", id);
const syss = (ids: readonly string[]): string => ref("systems", ids.join(","));
const site = (id: string | undefined): string => (id === undefined ? "undefined" : ref("site", id));
const fn = (id: string): string => ref("function", id);
const grp = (id: string | undefined): string => (id === undefined ? "undefined" : ref("group", id));
const grps = (ids: readonly string[]): string => ref("groups", ids.join(","));
const srv = (id: string): string => ref("server", id);
const srvs = (ids: readonly string[]): string => ref("servers", ids.join(","));
const exts = (ids: readonly string[]): string => ref("externals", ids.join(","));
const setting = (key: string): string => ref("setting", key);
/** A consolidation pair written `a → b` (two system ids). */
const pairs = (items: readonly string[]): string => ref("pair", items.join(","));

/**
 * `text` with each reference marker replaced by `by(text, kindFrom, kindTo, payload)` (the kind is
 * text[kindFrom, kindTo), left in place for callers that only compare it): what
 * `text.replace(/\uE000([a-z-]+)\uE001([^\uE002]*)\uE002/g, (_, kind, payload) => …)` gives, scanned by
 * hand (every message goes through here twice or more; a regular expression with a callback cost
 * three times as much). A marker start not followed by a kind, U+E001 and a closing U+E002 stays as it is.
 */
function replaceRefsAt(text: string, by: (text: string, kindFrom: number, kindTo: number, payload: string) => string): string {
  let at = text.indexOf(REF);
  if (at < 0) return text;
  let out = "";
  let from = 0;
  while (at >= 0) {
    let k = at + 1;
    for (let c = text.charCodeAt(k); (c >= 97 && c <= 122) || c === 45; c = text.charCodeAt(++k));
    if (k > at + 1 && text.charCodeAt(k) === 0xe001) {
      const end = text.indexOf(END, k + 1);
      if (end >= 0) {
        out += text.slice(from, at) + by(text, at + 1, k, text.slice(k + 1, end));
        from = end + 1;
        at = text.indexOf(REF, from);
        continue;
      }
    }
    at = text.indexOf(REF, at + 1);
  }
  return out + text.slice(from);
}

/** replaceRefsAt with the kind cut out: `by(kind, payload)`. */
function replaceRefs(text: string, by: (kind: string, payload: string) => string): string {
  return replaceRefsAt(text, (t, kindFrom, kindTo, payload) => by(t.slice(kindFrom, kindTo), payload));
}

/** True when `text` from `from` to `to` is the kind of a list reference (systems, groups, servers, externals, pair), compared in place. */
function isListKind(text: string, from: number, to: number): boolean {
  const n = to - from;
  const same = (word: string): boolean => {
    for (let i = 0; i < n; i++) if (text.charCodeAt(from + i) !== word.charCodeAt(i)) return false;
    return true;
  };
  switch (n) {
    case 4:
      return same("pair");
    case 6:
      return same("groups");
    case 7:
      return same("systems") || same("servers");
    case 9:
      return same("externals");
    default:
      return false;
  }
}

/** The contract (id) form of text with reference markers: each reference by its id(s), lists joined by ", " (the kind compared in place, not cut out). */
export function plainRefs(text: string): string {
  return replaceRefsAt(text, (t, kindFrom, kindTo, payload) => (isListKind(t, kindFrom, kindTo) ? payload.replaceAll(",", ", ") : payload));
}

/** Names of the entities a plan refers to, for resolveRefs (undefined: not known, the id is shown). */
export interface RefNames {
  system(id: string): string | undefined;
  site(id: string): string | undefined;
  agency(id: string): string | undefined;
  external(id: string): string | undefined;
  /** The systems of a move group, by id. */
  groupSystems(id: string): readonly string[] | undefined;
  /** True for the function ids the plan's systems serve (a quoted one is named in English) [none]. */
  isFunction?(id: string): boolean;
  /**
   * What a word of contract English stands for, in one look-up (resolveIdsInEnglish, for every word
   * of every sentence): the systems of the move group it is the id of, else the name of the system,
   * site, agency or external it is the id of (in that order); undefined for any other word. The
   * same answers as the look-ups above one by one [made from them].
   */
  englishToken?(id: string): string | readonly string[] | undefined;
}

/** A name list is cut after this many names ("… and 7 other systems"). */
const LIST_MAX = 6;

// Vietnamese lists are cut after LIST_MAX names and separated by "; " (names hold commas); English
// lists keep the contract's shape (every item, ", "), so that English is the contract text with
// each id replaced by its name (resolveIdsInEnglish) and the plan need not store it (planTranslations).
function nameList(names: readonly string[], lang: "vi" | "en", noun: { vi: string; en: string }): string {
  if (lang === "en") return names.join(", ");
  if (names.length <= LIST_MAX) return names.join("; ");
  const more = names.length - (LIST_MAX - 1);
  return `${names.slice(0, LIST_MAX - 1).join("; ")} và ${viNum(more)} ${noun.vi} khác`;
}

/** A move group as people read it: its one system's name, or "the group of A, B" / "nhóm gồm A; B". */
function groupPhrase(id: string, lang: "vi" | "en", names: RefNames): string {
  const members = names.groupSystems(id);
  if (!members) return id;
  const system = (s: string): string => names.system(s) ?? s;
  if (members.length === 1) return system(members[0]);
  const list = nameList(members.map(system), lang, SYSTEMS_NOUN);
  return lang === "vi" ? `nhóm gồm ${list}` : `the group of ${list}`;
}

/** A word that may be an id in contract English, with the words "group " or "move group " before it (resolveIdsInEnglish). */
const ENGLISH_TOKEN = /(\b(?:move )?group )?(?<![A-Za-z0-9_.-])([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?![A-Za-z0-9_-])/g;

/**
 * English as people read it from the contract text alone: every token that is the id of a system,
 * site, agency, external or move group of the plan becomes its name (a group: "the group of …"), a
 * quoted function id its name. Matches resolveRefs(…, "en") of the shown form for every message
 * whose shown English has the contract's shape; planTranslations stores the others.
 */
export function resolveIdsInEnglish(text: string, names: RefNames): string {
  const token = names.englishToken ?? ((id: string) => names.groupSystems(id) ?? names.system(id) ?? names.site(id) ?? names.agency(id) ?? names.external(id));
  return text.replace(ENGLISH_TOKEN, (match, prefix: string | undefined, tok: string, offset: number, whole: string) => {
    const is = token(tok);
    // "group g-a" / "move group g-a" read "the group of A, B" (or the one system's name)
    if (is !== undefined && typeof is !== "string") return groupPhrase(tok, "en", names);
    if (prefix) return `${prefix}${is ?? tok}`;
    if (is !== undefined) return is;
    offset += match.length - tok.length;
    if (whole[offset - 1] === '"' && whole[offset + tok.length] === '"' && names.isFunction?.(tok)) return functionName(tok, "en");
    return tok;
  });
}

const SYSTEMS_NOUN = { vi: "hệ thống", en: "systems" };
const SERVERS_NOUN = { vi: "máy chủ", en: "servers" };
const EXTERNALS_NOUN = { vi: "hệ thống quốc gia", en: "national systems" };

/** The form people read of text with reference markers: every reference by its name in `lang`. */
export function resolveRefs(text: string, lang: "vi" | "en", names: RefNames): string {
  if (text.indexOf(REF) < 0) return text;
  const system = (id: string): string => names.system(id) ?? id;
  return replaceRefs(text, (k, payload) => {
    const kind = k as RefKind;
    const ids = payload === "" ? [] : payload.split(",");
    switch (kind) {
      case "system":
        return system(payload);
      case "systems":
        return nameList(ids.map(system), lang, SYSTEMS_NOUN);
      case "site":
        return names.site(payload) ?? payload;
      case "agency":
        return names.agency(payload) ?? payload;
      case "external":
        return names.external(payload) ?? payload;
      case "externals":
        return nameList(ids.map((x) => names.external(x) ?? x), lang, EXTERNALS_NOUN);
      case "function":
        return functionName(payload, lang);
      case "group":
        return groupPhrase(payload, lang, names);
      case "groups":
        return lang === "en" ? ids.map((g) => groupPhrase(g, "en", names)).join(", ") : nameList([...new Set(ids.flatMap((g) => names.groupSystems(g) ?? [g]))].map(system), lang, SYSTEMS_NOUN);
      case "server":
        return payload;
      case "servers":
        return nameList(ids, lang, SERVERS_NOUN);
      case "setting":
        return settingName(payload, lang);
      case "pair":
        return ids
          .map((p) => {
            const [a, b] = p.split(" → ");
            return b === undefined ? system(a) : lang === "vi" ? `${system(a)} hợp nhất vào ${system(b)}` : `${system(a)} → ${system(b)}`;
          })
          .join(lang === "vi" ? "; " : ", ");
      default:
        return payload;
    }
  });
}

const SETTINGS: Readonly<Record<string, { vi: string; en: string }>> = {
  "waveLimits.maxSystems": { vi: "số hệ thống tối đa mỗi đợt", en: "the most systems per wave" },
  "waveLimits.maxDataGiB": { vi: "lượng dữ liệu tối đa mỗi đợt", en: "the most data per wave" },
  horizonEnd: { vi: "ngày kết thúc lộ trình", en: "the end of the roadmap" },
  startDate: { vi: "ngày bắt đầu", en: "the start date" },
  deadline: { vi: "hạn hợp nhất", en: "the merger deadline" },
  targetSite: { vi: "trung tâm giữ lại", en: "the surviving site" },
  consolidateInto: { vi: "chỉ định hợp nhất vào hệ thống khác", en: "the system it is merged into" },
  disposition: { vi: "phương án xử lý", en: "the disposition" },
  pins: { vi: "ngày chuyển đổi cố định", en: "the pinned cutover dates" },
  "windows.weekdays": { vi: "các ngày trong tuần được phép chuyển đổi", en: "the weekdays allowed for cutovers" },
  blackouts: { vi: "thời gian tạm dừng chuyển đổi", en: "the blackout periods" },
  quietPeriodDays: { vi: "thời gian chờ trước khi thanh lý", en: "the quiet period before decommissioning" },
  headroomPct: { vi: "tỷ lệ dự phòng năng lực", en: "the capacity headroom" },
  cpuOvercommit: { vi: "tỷ lệ vCPU trên lõi CPU vật lý", en: "the vCPUs per physical core" },
  procurementLeadDays: { vi: "thời gian mua sắm thiết bị", en: "the procurement lead time" },
  calendar: { vi: "lịch chuyển đổi", en: "the cutover calendar" },
};

/** A profile setting or inventory field (`waveLimits.maxSystems`…) in words; unknown keys as they are. */
export function settingName(key: string, lang: "vi" | "en"): string {
  return SETTINGS[key]?.[lang] ?? key;
}

/** Told of each contract text the first time it is said, with the shown forms that stay its own (MessageLog). */
export interface MessageObserver {
  said(en: string, shown: ShownForms): void;
}

/**
 * Records the messages said while planning, so the plan can carry the forms people read
 * (planTranslations). The first shown form said for a contract text wins; an `observer` hears of
 * each one as it is recorded (background-translations.ts makes the translations meanwhile).
 */
export class MessageLog {
  private readonly shown = new Map<string, { readonly en: string; readonly vi: string; readonly marked: boolean; readonly at: number }>();

  constructor(private readonly observer?: MessageObserver) {}

  /** Records `m` and returns its contract English text (what the plan's contract fields hold). */
  say(m: Message): string {
    if (!this.shown.has(m.en)) {
      const shown = { en: E(m), vi: V(m), marked: m.shown !== undefined, at: this.shown.size };
      this.shown.set(m.en, shown);
      this.observer?.said(m.en, shown);
    }
    return m.en;
  }

  /** Vietnamese text (entities by id) of an English message said earlier; undefined when it never was. */
  viOf(en: string): string | undefined {
    const s = this.shown.get(en);
    return s === undefined ? undefined : plainRefs(s.vi);
  }

  /** The shown forms (references marked) of an English message said earlier; `marked` false for a message written without references (its English is the contract text). */
  shownOf(en: string): ShownForms | undefined {
    return this.shown.get(en);
  }

  /** Where `en` stands among the contract texts said, in the order they were first said (0, 1, …); undefined when it never was. */
  positionOf(en: string): number | undefined {
    return this.shown.get(en)?.at;
  }

  /** The contract texts said with their shown forms, in the order first said. */
  said(): IterableIterator<[string, ShownForms]> {
    return this.shown.entries();
  }
}

/**
 * A message whose shown forms mark references (see m), its Vietnamese with ids made only when
 * asked for: the plan holds the contract English and its translations the shown forms, so at 20k
 * systems nearly all of 116k such texts were made for nothing. `parts` when it joins messages
 * (joinMessages), whose own Vietnamese are then asked for.
 */
class Marked implements Message {
  private plainVi: string | undefined;

  constructor(
    readonly en: string,
    readonly shown: { readonly en: string; readonly vi: string },
    private readonly parts?: { readonly of: readonly Message[]; readonly sep: string },
  ) {}

  get vi(): string {
    if (this.plainVi === undefined) this.plainVi = this.parts === undefined ? plainRefs(this.shown.vi) : this.parts.of.map((p) => p.vi).join(this.parts.sep);
    return this.plainVi;
  }
}

/**
 * A message from its shown forms (references marked with the helpers above): the contract English
 * is `contract` when given (when the shown English is phrased differently), else the shown
 * English with every reference by its id.
 */
const m = (en: string, vi: string, contract?: string): Message => {
  const plainEn = contract ?? plainRefs(en);
  if (vi.indexOf(REF) < 0) return plainEn === en ? { en, vi } : { en: plainEn, vi, shown: { en, vi } };
  if (plainEn === en) {
    const plainVi = plainRefs(vi);
    return plainVi === vi ? { en, vi } : { en, vi: plainVi, shown: { en, vi } };
  }
  return new Marked(plainEn, { en, vi });
};

/** An entity a sentence names: its id and its name (sentences mark the id; the plan's translations resolve it to the name). */
export interface Named {
  readonly id: string;
  readonly name: string;
}

/** A move group or schedule unit a sentence names: its id, the name of the system it is named after, and its (moving) systems. */
export interface NamedGroup extends Named {
  readonly systems: readonly string[];
}

/** A group as people read it in English: its one system, or "the group of A, B" (references marked). */
const groupEn = (g: NamedGroup): string => (g.systems.length === 1 ? sys(g.systems[0]) : `the group of ${syss(g.systems)}`);
/** A group as people read it in Vietnamese: its one system, or "nhóm gồm A; B" (references marked). */
const groupVi = (g: NamedGroup): string => (g.systems.length === 1 ? sys(g.systems[0]) : `nhóm gồm ${syss(g.systems)}`);
const ids = (xs: readonly Named[]): string[] => xs.map((x) => x.id);

/** `YYYY-MM-DD` as `dd/mm/yyyy`. */
export function viDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/** A number the Vietnamese way: `1.234,5` (decimals as given, at most 2). */
export function viNum(n: number): string {
  const negative = n < 0;
  const s = String(Math.round(Math.abs(n) * 100) / 100);
  const [int, frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `,${frac}` : ""}`;
}

/** Joins messages with `sep` in every form. */
export function joinMessages(parts: readonly Message[], sep = "; "): Message {
  const en = parts.map((p) => p.en).join(sep);
  if (parts.every((p) => p.shown === undefined)) return { en, vi: parts.map((p) => p.vi).join(sep) };
  return new Marked(en, { en: parts.map(E).join(sep), vi: parts.map(V).join(sep) }, { of: parts, sep });
}

/** Disposition names in Vietnamese. */
export const DISP_VI: Record<Disposition, string> = {
  retain: "giữ nguyên",
  rehost: "chuyển nguyên trạng",
  replatform: "chuyển lên nền tảng dùng chung",
  relocate: "di dời phần cứng",
  consolidate: "hợp nhất",
  retire: "dừng hoạt động",
};
const dispVi = (d: string | undefined): string => (d !== undefined && d in DISP_VI ? DISP_VI[d as Disposition] : String(d));
const COUPLING_VI: Record<string, string> = { tight: "phụ thuộc chặt", loose: "phụ thuộc lỏng" };
const WEEKDAY_VI: Record<string, string> = { mon: "thứ Hai", tue: "thứ Ba", wed: "thứ Tư", thu: "thứ Năm", fri: "thứ Sáu", sat: "thứ Bảy", sun: "Chủ nhật" };
const GEAR_VI: Record<string, string> = { storage: "lưu trữ", network: "mạng", appliance: "chuyên dụng", physical: "máy chủ vật lý", virtual: "máy ảo" };
const list = (ids: readonly string[]): string => ids.join(", ");
/** `a: consolidate, b: retire` (contract) / `A (hợp nhất); B (dừng hoạt động)` (shown). */
const idDisp = (items: readonly { id: string; disposition: string }[]): Message =>
  m(items.map((x) => `${sys(x.id)}: ${x.disposition}`).join(", "), items.map((x) => `${sys(x.id)} (${dispVi(x.disposition)})`).join("; "));

/** The catalog (see file header): one function per kind of message. */
export const MSG = {
  // ---- where a system runs (fragment of disposition reasons)
  whereService: (): Message => m("no servers (runs as a service)", "không có máy chủ (chạy dưới dạng dịch vụ)"),
  whereTarget: (p: { target: string }): Message => m(`at the target site ${site(p.target)}`, `tại ${site(p.target)} (trung tâm giữ lại)`),
  whereSite: (p: { site: string }): Message => m(`at ${site(p.site)}`, `tại ${site(p.site)}`),

  // ---- dispositions
  dispositionPinned: (p: { disposition: Disposition }): Message =>
    m(`disposition "${p.disposition}" pinned in the inventory by people`, `phương án "${DISP_VI[p.disposition]}" do cán bộ chỉ định cố định trong danh mục`),
  consolidateWithoutSurvivor: (p: { system: string; fn: string }): Message =>
    m(
      `${sys(p.system)} is pinned to consolidate but no other system has function "${fn(p.fn)}"; it is rehosted instead`,
      `${sys(p.system)} được chỉ định hợp nhất nhưng không có hệ thống nào khác cùng chức năng ${fn(p.fn)}; hệ thống được chuyển nguyên trạng thay vì hợp nhất`,
    ),
  noSurvivorKeepsRunning: (): Message => m("no survivor exists for its function, so it keeps running", "chức năng này không có hệ thống giữ lại nên hệ thống tiếp tục hoạt động"),
  mergedIntoPinned: (p: { into: string }): Message =>
    m(`merged into ${sys(p.into)} (as people set in the inventory)`, `hợp nhất vào ${sys(p.into)} (theo chỉ định trong danh mục)`, `merged into ${p.into} (consolidateInto pinned in the inventory)`),
  mergedIntoBest: (p: { into: string; fn: string }): Message =>
    m(`merged into ${sys(p.into)}, the best-scoring system of function "${fn(p.fn)}"`, `hợp nhất vào ${sys(p.into)}, hệ thống đạt điểm cao nhất trong các hệ thống cùng chức năng ${fn(p.fn)}`),
  staysWithPinned: (p: { system: Named; site: Named; target: string; pinned: Named; via: readonly Named[] }): Message =>
    m(
      `stays at ${site(p.site.id)} with ${sys(p.pinned.id)}, which people pinned to stay there: it is tightly coupled to it${p.via.length > 0 ? ` through ${syss(ids(p.via))}` : ""}, and moving it to ${site(p.target)} would split them across sites; listed as remaining after the merger`,
      `${sys(p.system.id)} ở lại ${site(p.site.id)} cùng ${sys(p.pinned.id)} (được cán bộ chỉ định giữ nguyên tại đó) vì hai hệ thống phụ thuộc chặt vào nhau${p.via.length > 0 ? ` thông qua ${syss(ids(p.via))}` : ""}; nếu chuyển đi, hai hệ thống sẽ bị tách ở hai trung tâm; thuộc danh sách hệ thống còn lại sau hợp nhất`,
    ),
  staysRemaining: (p: { where: Message }): Message =>
    m(`stays ${E(p.where)}: listed as remaining after the merger`, `ở lại ${V(p.where)}: thuộc danh sách hệ thống còn lại sau hợp nhất`, `stays ${p.where.en}: listed as remaining after the merger`),
  duplicateMerged: (p: { fn: string; where: Message; survivor: string; survivorSite: string | undefined; score: number; other: string; otherScore: number }): Message =>
    m(
      `duplicate of function "${fn(p.fn)}" ${E(p.where)}; merged into ${sys(p.survivor)} at ${site(p.survivorSite)} (survivor score ${p.score}; ${sys(p.other)} scored ${p.otherScore})`,
      `trùng chức năng ${fn(p.fn)} ${V(p.where)}; hợp nhất vào ${sys(p.survivor)}${p.survivorSite === undefined ? "" : ` tại ${site(p.survivorSite)}`} (điểm của hệ thống giữ lại ${viNum(p.score)}; ${sys(p.other)} đạt ${viNum(p.otherScore)} điểm)`,
      `duplicate of function "${p.fn}" ${p.where.en}; merged into ${p.survivor} at ${p.survivorSite} (survivor score ${p.score}; ${p.other} scored ${p.otherScore})`,
    ),
  duplicateMergedByGroup: (p: {
    fn: string;
    where: Message;
    survivor: string;
    survivorSite: string | undefined;
    group: { id: string; score: number; scored: number };
    other: { id: string; score: number; scored: number };
    pin?: { system: string; into: string };
  }): Message =>
    m(
      `duplicate of function "${fn(p.fn)}" ${E(p.where)}; merged into its counterpart ${sys(p.survivor)} at ${site(p.survivorSite)}, together with its move group: duplicates in tightly coupled groups are merged group by group, and ${grp(p.group.id)} survives whole (mean survivor score ${p.group.score} over ${p.group.scored} duplicated systems; ${grp(p.other.id)}: ${p.other.score} over ${p.other.scored})${p.pin ? `, ranked first because ${sys(p.pin.system)} is pinned to consolidate into ${sys(p.pin.into)} in the inventory` : ""}`,
      `trùng chức năng ${fn(p.fn)} ${V(p.where)}; hợp nhất vào hệ thống tương ứng ${sys(p.survivor)}${p.survivorSite === undefined ? "" : ` tại ${site(p.survivorSite)}`}, cùng cả nhóm chuyển đổi: các hệ thống trùng chức năng trong nhóm phụ thuộc chặt được hợp nhất theo từng nhóm, ${grp(p.group.id)} được giữ lại nguyên vẹn (điểm giữ lại trung bình ${viNum(p.group.score)} trên ${viNum(p.group.scored)} hệ thống trùng chức năng; ${grp(p.other.id)}: ${viNum(p.other.score)} trên ${viNum(p.other.scored)})${p.pin ? `, được ưu tiên vì ${sys(p.pin.system)} được chỉ định hợp nhất vào ${sys(p.pin.into)} trong danh mục` : ""}`,
      `duplicate of function "${p.fn}" ${p.where.en}; merged into its counterpart ${p.survivor} at ${p.survivorSite}, together with its move group: duplicates in tightly coupled groups are merged group by group, and group ${p.group.id} survives whole (mean survivor score ${p.group.score} over ${p.group.scored} duplicated systems; group ${p.other.id}: ${p.other.score} over ${p.other.scored})${p.pin ? `, ranked first because ${p.pin.system} is pinned to consolidate into ${p.pin.into} in the inventory` : ""}`,
    ),
  survivesWithGroup: (p: { fn: string; group: { id: string; score: number; scored: number }; against: readonly { id: string; score: number; scored: number }[] }): Message =>
    m(
      `survivor of function "${fn(p.fn)}": ${grp(p.group.id)} survives whole (mean survivor score ${p.group.score} over ${p.group.scored} duplicated systems, against ${p.against.map((a) => `${grp(a.id)}: ${a.score}`).join(", ")}), and the duplicates of the other group are merged into their counterparts in it`,
      `hệ thống giữ lại của chức năng ${fn(p.fn)}: ${grp(p.group.id)} được giữ lại nguyên vẹn (điểm giữ lại trung bình ${viNum(p.group.score)} trên ${viNum(p.group.scored)} hệ thống trùng chức năng, so với ${p.against.map((a) => `${grp(a.id)}: ${viNum(a.score)} điểm`).join("; ")}), các hệ thống trùng chức năng của nhóm kia được hợp nhất vào hệ thống tương ứng trong nhóm này`,
      `survivor of function "${p.fn}": its move group ${p.group.id} survives whole (mean survivor score ${p.group.score} over ${p.group.scored} duplicated systems, against ${p.against.map((a) => `${a.id}: ${a.score}`).join(", ")}), and the duplicates of the other group are merged into their counterparts in it`,
    ),
  retireNoDependants: (): Message =>
    m("lifecycle retiring and no system depends on it", "đang trong giai đoạn chuẩn bị ngừng sử dụng và không còn hệ thống nào phụ thuộc vào hệ thống này"),
  retireOnlyRetiring: (p: { users: readonly string[] }): Message =>
    m(
      `lifecycle retiring; only systems that retire too depend on it (${syss(p.users)})`,
      `đang trong giai đoạn chuẩn bị ngừng sử dụng; chỉ các hệ thống cũng dừng hoạt động phụ thuộc vào hệ thống này (${syss(p.users)})`,
    ),
  keptRetiring: (p: { user: string }): Message =>
    m(`lifecycle retiring, but ${sys(p.user)} still depends on it, so it is kept`, `đang trong giai đoạn chuẩn bị ngừng sử dụng, nhưng ${sys(p.user)} vẫn phụ thuộc vào hệ thống này nên được giữ lại`),
  noServers: (): Message =>
    m("has no servers in the inventory (a service run elsewhere); nothing to move", "không có máy chủ trong danh mục (dịch vụ vận hành ở nơi khác); không có gì phải chuyển"),
  alreadyAtTarget: (p: { target: string }): Message => m(`already runs at the target site ${site(p.target)}`, `đã vận hành tại ${site(p.target)} (trung tâm giữ lại)`),
  relocateHardware: (p: { where: Message; target: string }): Message =>
    m(
      `runs on hardware that cannot be virtualised (appliance, HSM or hardware-bound server) ${E(p.where)}; the hardware is moved to ${site(p.target)}`,
      `chạy trên phần cứng không ảo hóa được (thiết bị chuyên dụng, thiết bị bảo mật phần cứng hoặc máy chủ gắn với phần cứng) ${V(p.where)}; phần cứng được di dời về ${site(p.target)}`,
      `runs on hardware that cannot be virtualised (appliance, HSM or hardware-bound server) ${p.where.en}; the hardware is moved to ${p.target}`,
    ),
  foldStandalone: (p: { servers: readonly string[]; target: Named; shared: boolean }): Message =>
    m(
      `runs on stand-alone server${p.servers.length === 1 ? "" : "s"} ${srvs(p.servers)} at the target site ${site(p.target.id)}: it moves onto the site's shared ${p.shared ? "Kubernetes platform" : "virtual machines"}, with central storage and backup, so the server can be switched off (the Provincial People's Committee's letter of March 2026, §3a: remove or integrate stand-alone servers)`,
      `đang chạy trên máy chủ riêng lẻ tại ${site(p.target.id)}: chuyển lên ${p.shared ? "nền tảng Kubernetes" : "hạ tầng máy ảo"} dùng chung, dùng lưu trữ và sao lưu tập trung, để tắt máy chủ riêng lẻ (văn bản của UBND tỉnh tháng 3/2026, mục 3a: loại bỏ hoặc tích hợp các máy chủ riêng lẻ)`,
    ),
  replatformReady: (p: { where: Message; target: string }): Message =>
    m(
      `container-ready ${E(p.where)}; moves onto the shared Kubernetes platform at ${site(p.target)}`,
      `sẵn sàng đóng gói container ${V(p.where)}; chuyển lên nền tảng dùng chung (Kubernetes) tại ${site(p.target)}`,
      `container-ready ${p.where.en}; moves onto the shared Kubernetes platform at ${p.target}`,
    ),
  rehostVm: (p: { where: Message; target: string }): Message =>
    m(
      `${E(p.where)}, not container-ready; lifted and shifted as virtual machines to ${site(p.target)}`,
      `${V(p.where)}, chưa sẵn sàng đóng gói container; chuyển nguyên trạng dưới dạng máy ảo về ${site(p.target)}`,
      `${p.where.en}, not container-ready; lifted and shifted as virtual machines to ${p.target}`,
    ),
  consolidateIntoDeparting: (p: { system: string; into: string; retired: boolean; next?: string }): Message =>
    p.retired
      ? m(`${sys(p.system)} is consolidated into ${sys(p.into)}, which is itself retired`, `${sys(p.system)} được hợp nhất vào ${sys(p.into)}, nhưng chính ${sys(p.into)} lại dừng hoạt động`)
      : m(
          `${sys(p.system)} is consolidated into ${sys(p.into)}, which is itself consolidated into ${p.next === undefined ? "undefined" : sys(p.next)}`,
          `${sys(p.system)} được hợp nhất vào ${sys(p.into)}, nhưng chính ${sys(p.into)} lại được hợp nhất vào ${p.next === undefined ? "hệ thống khác" : sys(p.next)}`,
        ),
  dependsOnRetired: (p: { system: string; disposition: Disposition; target: string }): Message =>
    m(
      `${sys(p.system)} (${p.disposition}) depends on ${sys(p.target)}, whose retirement is pinned in the inventory; the dependency breaks when ${sys(p.target)} is switched off`,
      `${sys(p.system)} (${DISP_VI[p.disposition]}) phụ thuộc vào ${sys(p.target)}, hệ thống được chỉ định dừng hoạt động trong danh mục; liên kết này sẽ đứt khi ${sys(p.target)} tắt`,
    ),

  // ---- move groups
  singleSystem: (): Message => m("a single system", "một hệ thống đơn lẻ"),
  tightDependency: (p: { from: string; to: string }): Message =>
    m(`tight dependency ${sys(p.from)} → ${sys(p.to)}`, `${sys(p.from)} phụ thuộc chặt vào ${sys(p.to)}`),
  shareServer: (p: { server: string; systems: readonly string[] }): Message =>
    m(`share server ${srv(p.server)}: ${syss(p.systems)}`, `${syss(p.systems)} dùng chung máy chủ ${srv(p.server)}`),
  mergedCycle: (p: { reasons: Message }): Message =>
    m(
      `${E(p.reasons)}; merged: a consolidation survivor and its dependants depend on each other in a cycle`,
      `${V(p.reasons)}; gộp chung: hệ thống giữ lại sau hợp nhất và các hệ thống phụ thuộc vào nó phụ thuộc lẫn nhau theo vòng`,
      `${p.reasons.en}; merged: a consolidation survivor and its dependants depend on each other in a cycle`,
    ),
  groupStays: (p: { reasons: readonly Message[] }): Message =>
    p.reasons.length > 0
      ? m(`does not move (${p.reasons.map(E).join("; ")})`, `không chuyển (${p.reasons.map(V).join("; ")})`, `does not move (${p.reasons.map((r) => r.en).join("; ")})`)
      : m("does not move", "không chuyển"),

  // ---- pins and coupling (schedule)
  tightCouplingSplit: (p: { system: Named; target: Named; other: Named; otherSite: Named; mergedInto?: Named }): Message =>
    m(
      `${sys(p.system.id)} ${p.mergedInto ? `is merged into ${sys(p.mergedInto.id)} at ${site(p.target.id)}` : `moves to ${site(p.target.id)}`} but is tightly coupled to ${sys(p.other.id)}, which stays at ${site(p.otherSite.id)}; people pinned both dispositions in the inventory, so change one of them`,
      `${sys(p.system.id)} ${p.mergedInto ? `được hợp nhất vào ${sys(p.mergedInto.id)} tại ${site(p.target.id)}` : `chuyển về ${site(p.target.id)}`} nhưng phụ thuộc chặt với ${sys(p.other.id)}, hệ thống ở lại ${site(p.otherSite.id)}; cả hai phương án đều do cán bộ chỉ định trong danh mục nên cần sửa một trong hai`,
    ),
  pinIgnored: (p: { system: string; disposition: string | undefined }): Message =>
    m(`${sys(p.system)} is pinned but does not move (${p.disposition}); the pin has no effect`, `${sys(p.system)} có ngày cố định nhưng không phải chuyển (${dispVi(p.disposition)}); ngày cố định không có tác dụng`),
  pinOutsideWindows: (p: { system: string; date: string; start: string; horizonEnd: string }): Message =>
    m(
      `${sys(p.system)} is pinned to ${p.date}, which is not in a usable window between the start date ${p.start} and the end of the roadmap ${p.horizonEnd}; scheduled by the rules instead`,
      `${sys(p.system)} được cố định vào ngày ${viDate(p.date)}, nhưng ngày này không thuộc khung chuyển đổi nào từ ngày bắt đầu ${viDate(p.start)} đến ngày kết thúc lộ trình ${viDate(p.horizonEnd)}; hệ thống được xếp đợt theo quy tắc chung`,
      `${p.system} is pinned to ${p.date}, which is not in a usable window between the start date ${p.start} and horizonEnd ${p.horizonEnd}; scheduled by the rules instead`,
    ),
  pinTwice: (p: { system: string; date: string; systems: readonly string[]; firstDate: string | undefined }): Message =>
    m(
      `${sys(p.system)} is pinned to ${p.date} but cuts over with ${syss(p.systems)}, pinned to ${p.firstDate}; the first pin is kept`,
      `${sys(p.system)} được cố định vào ngày ${viDate(p.date)} nhưng phải chuyển cùng ${syss(p.systems)}, đã cố định vào ngày ${viDate(p.firstDate ?? "")}; giữ ngày cố định đầu tiên`,
    ),
  pinHeldBack: (p: { unit: string; date: string | undefined; notBefore: string | undefined }): Message =>
    m(
      `${grp(p.unit)} is pinned to ${p.date} but held back until ${p.notBefore}; the hold-back wins`,
      `${grp(p.unit)} được cố định vào ngày ${viDate(p.date ?? "")} nhưng bị hoãn đến ngày ${viDate(p.notBefore ?? "")}; ưu tiên yêu cầu hoãn`,
    ),
  pulledWithPinned: (p: { unit: string; pinned: string }): Message =>
    m(`${grp(p.unit)} placed with pinned ${grp(p.pinned)}, which waits for it`, `${grp(p.unit)} được xếp cùng ${grp(p.pinned)} (có ngày cố định) vì ${grp(p.pinned)} phải chờ ${grp(p.unit)}`),
  conflictHeldBack: (p: { notBefore: string | undefined }): Message => m(`held back until ${p.notBefore}`, `bị hoãn đến ngày ${viDate(p.notBefore ?? "")}`),
  conflictSurvivor: (p: { units: readonly string[] }): Message =>
    m(`it must wait for ${grps(p.units)} (consolidation survivor), not yet in place`, `phải chờ ${grps(p.units)} (hệ thống giữ lại sau hợp nhất), khi đó chưa sẵn sàng`),
  conflictPinLimits: (): Message => m("the wave's limits are already taken by other pins", "giới hạn của đợt đã dành hết cho các hệ thống cố định ngày khác"),
  conflictOversizedPins: (): Message =>
    m("it is larger than the wave limits and other systems are pinned to the same wave", "nhóm vượt giới hạn một đợt trong khi đã có hệ thống khác cố định vào cùng đợt"),
  conflictCapacity: (): Message =>
    m("the target site has no capacity for it then and procured hardware cannot arrive by that date", "khi đó trung tâm giữ lại không đủ năng lực và thiết bị mua sắm chưa thể về kịp trước ngày đó"),
  pinConflict: (p: { systems: readonly string[]; date: string | undefined; conflict: Message }): Message =>
    m(
      `${syss(p.systems)} pinned to ${p.date} cannot cut over then: ${E(p.conflict)}; scheduled by the rules instead`,
      `${syss(p.systems)} được cố định vào ngày ${viDate(p.date ?? "")} nhưng không thể chuyển vào ngày đó: ${V(p.conflict)}; hệ thống được xếp đợt theo quy tắc chung`,
      `${list(p.systems)} pinned to ${p.date} cannot cut over then: ${p.conflict.en}; scheduled by the rules instead`,
    ),
  pinnedNote: (p: { systems: readonly string[]; date: string | undefined }): Message =>
    m(`pinned: ${syss(p.systems)} on ${p.date}`, `cố định ngày: ${syss(p.systems)} vào ngày ${viDate(p.date ?? "")}`),

  // ---- waves (schedule)
  oversizedNote: (p: { group: string; systems: number; dataGiB: number; limits?: { maxSystems: number; dataGiB: number } }): Message =>
    m(
      `${grp(p.group)} (${p.systems} systems, ${p.dataGiB} GiB) exceeds the wave limits${p.limits ? ` (${p.limits.maxSystems} systems, ${p.limits.dataGiB} GiB)` : ""} and has this wave to itself`,
      `${grp(p.group)} (${viNum(p.systems)} hệ thống, ${viNum(p.dataGiB)} GiB dữ liệu) vượt giới hạn một đợt${p.limits ? ` (${viNum(p.limits.maxSystems)} hệ thống, ${viNum(p.limits.dataGiB)} GiB)` : ""} nên được xếp riêng đợt này`,
      `group ${p.group} (${p.systems} systems, ${p.dataGiB} GiB) exceeds the wave limits${p.limits ? ` (${p.limits.maxSystems} systems, ${p.limits.dataGiB} GiB)` : ""} and has this wave to itself`,
    ),
  oversizedWarning: (p: { group: string; members: readonly string[]; dataGiB: number; wave: number }): Message =>
    m(
      `the move group of ${syss(p.members)} has ${p.members.length} systems and ${p.dataGiB} GiB, more than one wave allows; it gets wave ${p.wave} to itself`,
      `nhóm chuyển đổi gồm ${syss(p.members)} có ${viNum(p.members.length)} hệ thống và ${viNum(p.dataGiB)} GiB dữ liệu, vượt giới hạn một đợt; nhóm được xếp riêng đợt ${p.wave}`,
      `move group ${p.group} (${list(p.members)}) has ${p.members.length} systems and ${p.dataGiB} GiB, more than one wave allows; it gets wave ${p.wave} to itself`,
    ),
  forcedOversizedWave: (p: { wave: number; groups: readonly string[]; systems: readonly string[]; dataGiB: number; maxSystems: number; limit: number; consolidations: readonly string[] }): Message =>
    m(
      `wave ${p.wave} exceeds the wave limits (${p.maxSystems} systems, ${p.limit} GiB) with ${p.systems.length} systems and ${p.dataGiB} GiB of several move groups (${syss(p.systems)}), kept together in a wave of their own because the consolidations (${pairs(p.consolidations)}) make each cut over no earlier than the other (survivor first); change which system each is merged into, or the dispositions, so the survivors sit in one group`,
      `đợt ${p.wave} vượt giới hạn một đợt (${viNum(p.maxSystems)} hệ thống, ${viNum(p.limit)} GiB) với ${viNum(p.systems.length)} hệ thống và ${viNum(p.dataGiB)} GiB dữ liệu của nhiều nhóm chuyển đổi (${syss(p.systems)}), được giữ chung trong một đợt riêng vì các phương án hợp nhất (${pairs(p.consolidations)}) buộc mỗi nhóm không được chuyển trước nhóm kia (hệ thống giữ lại phải sẵn sàng trước); cần sửa chỉ định hệ thống hợp nhất vào hoặc phương án xử lý để các hệ thống giữ lại nằm chung một nhóm`,
      `wave ${p.wave} exceeds the wave limits (${p.maxSystems} systems, ${p.limit} GiB) with ${p.systems.length} systems and ${p.dataGiB} GiB of several move groups (${list(p.groups)}: ${list(p.systems)}), kept together in a wave of their own because the consolidations ${list(p.consolidations)} make each cut over no earlier than the other (survivor first); change the consolidateInto or disposition pins so the survivors sit in one group`,
    ),
  deferBeforeProcurement: (p: { from: string }): Message =>
    m(`does not fit the target site's capacity before procured hardware can arrive (${p.from})`, `vượt năng lực của trung tâm giữ lại trước khi thiết bị mua sắm có thể về (${viDate(p.from)})`),
  deferCapacity: (p: { shortage: Message; from: string }): Message =>
    m(
      `the target site lacks capacity (${E(p.shortage)}) and procured hardware cannot arrive before ${p.from}`,
      `trung tâm giữ lại thiếu năng lực (${V(p.shortage)}) và thiết bị mua sắm không thể về trước ngày ${viDate(p.from)}`,
      `the target site lacks capacity (${p.shortage.en}) and procured hardware cannot arrive before ${p.from}`,
    ),
  shortage: (p: { dimension: "cpu" | "memory" | "storage" | "rackUnits" | "powerWatts"; need: number; have: number }): Message => {
    const unit = { cpu: ["vCPUs", "vCPU"], memory: ["GiB memory", "GiB bộ nhớ"], storage: ["GiB storage", "GiB lưu trữ"], rackUnits: ["U of rack space", "U không gian rack"], powerWatts: ["W of power", "W công suất điện"] }[p.dimension];
    return m(`${p.need} > ${p.have} ${unit[0]}`, `cần ${viNum(p.need)}, chỉ có ${viNum(p.have)} ${unit[1]}`);
  },
  deferPilot: (p: { level: number }): Message => m(`security level ${p.level} is kept out of the pilot waves`, `hệ thống cấp độ ${p.level} không đưa vào các đợt thí điểm`),
  deferGroupSize: (p: { systems: number; dataGiB: number }): Message =>
    m(
      `group of ${p.systems} systems / ${p.dataGiB} GiB exceeds the wave limits and waits for a wave of its own`,
      `nhóm ${viNum(p.systems)} hệ thống, ${viNum(p.dataGiB)} GiB dữ liệu vượt giới hạn một đợt và chờ một đợt riêng`,
    ),
  deferWaveFull: (p: { maxSystems: number; wave?: number }): Message =>
    p.wave !== undefined
      ? m(`wave ${p.wave} was full (${p.maxSystems} systems)`, `đợt ${p.wave} đã đủ ${viNum(p.maxSystems)} hệ thống`)
      : m(`wave full (${p.maxSystems} systems)`, `đợt đã đủ ${viNum(p.maxSystems)} hệ thống`),
  deferData: (p: { limit: number; wave?: number }): Message =>
    p.wave !== undefined
      ? m(`wave ${p.wave}'s data copy would exceed ${p.limit} GiB`, `lượng dữ liệu sao chép của đợt ${p.wave} sẽ vượt ${viNum(p.limit)} GiB`)
      : m(`the wave's data copy would exceed ${p.limit} GiB`, `lượng dữ liệu sao chép của đợt sẽ vượt ${viNum(p.limit)} GiB`),
  waveWasFull: (p: { systems: number; maxSystems: number; dataGiB: number; limit: number; wave?: number }): Message =>
    m(
      `${p.wave !== undefined ? `wave ${p.wave}` : "the wave"} had no room left (${p.systems} of ${p.maxSystems} systems, ${p.dataGiB} of ${p.limit} GiB taken)`,
      `${p.wave !== undefined ? `đợt ${p.wave}` : "đợt"} không còn chỗ (đã dùng ${viNum(p.systems)}/${viNum(p.maxSystems)} hệ thống, ${viNum(p.dataGiB)}/${viNum(p.limit)} GiB)`,
    ),
  waveTakenByOversized: (p: { wave?: number; group?: NamedGroup; systems?: number; dataGiB?: number } = {}): Message =>
    p.group !== undefined
      ? m(
          `wave ${p.wave} was taken by ${groupEn(p.group)} (${p.systems} system${p.systems === 1 ? "" : "s"}, ${p.dataGiB} GiB), larger than one wave`,
          `đợt ${p.wave} dành riêng cho ${groupVi(p.group)} (${viNum(p.systems ?? 0)} hệ thống, ${viNum(p.dataGiB ?? 0)} GiB) vượt giới hạn một đợt`,
          `wave ${p.wave} was taken by group ${p.group.id} (${p.systems} systems, ${p.dataGiB} GiB), larger than one wave`,
        )
      : m("the wave was taken by a group larger than the wave limits", "đợt đã dành cho một nhóm vượt giới hạn một đợt"),
  procurementReason: (p: { wave: number; start: string; cpu: number; memory: number; storage: number; headroomPct: number; cores: number; vcpus: number; overcommit: number; buyMemory: number; buyStorage: number; by: string }): Message =>
    m(
      `wave ${p.wave} on ${p.start} brings the target site's use to ${p.cpu} vCPUs, ${p.memory} GiB memory, ${p.storage} GiB storage, above its usable capacity after ${p.headroomPct}% headroom; buy ${p.cores} physical cores (${p.vcpus} vCPUs at ${p.overcommit}:1), ${p.buyMemory} GiB memory and ${p.buyStorage} GiB storage, installed by ${p.by}`,
      `đợt ${p.wave} ngày ${viDate(p.start)} đưa mức sử dụng của trung tâm giữ lại lên ${viNum(p.cpu)} vCPU, ${viNum(p.memory)} GiB bộ nhớ, ${viNum(p.storage)} GiB lưu trữ, vượt năng lực khả dụng sau khi trừ ${viNum(p.headroomPct)}% dự phòng; cần mua ${viNum(p.cores)} lõi CPU vật lý (${viNum(p.vcpus)} vCPU theo tỷ lệ ${viNum(p.overcommit)}:1), ${viNum(p.buyMemory)} GiB bộ nhớ và ${viNum(p.buyStorage)} GiB lưu trữ, lắp đặt xong chậm nhất ngày ${viDate(p.by)}`,
    ),
  needsProcurementNote: (p: { by: string }): Message => m(`needs hardware procured by ${p.by}`, `cần thiết bị mua sắm về chậm nhất ngày ${viDate(p.by)}`),
  pilotNote: (p: { wave: number; level: number }): Message =>
    m(`pilot wave ${p.wave}: lowest-risk systems first; security level ≥ ${p.level} held back`, `đợt thí điểm ${p.wave}: ưu tiên các hệ thống rủi ro thấp nhất; chưa chuyển hệ thống cấp độ ${p.level} trở lên`),
  unscheduledHeldBack: (p: { notBefore: string | undefined; horizonEnd: string }): Message =>
    m(
      `held back until ${p.notBefore}, after the last window before the end of the roadmap ${p.horizonEnd}`,
      `bị hoãn đến ngày ${viDate(p.notBefore ?? "")}, sau khung chuyển đổi cuối cùng trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)}`,
      `held back until ${p.notBefore}, after the last window before horizonEnd ${p.horizonEnd}`,
    ),
  unscheduledWaits: (p: { provider: string | undefined; horizonEnd: string }): Message =>
    m(
      `waits for ${p.provider === undefined ? "a provider" : grp(p.provider)}, which found no wave before the end of the roadmap ${p.horizonEnd}`,
      `chờ ${p.provider === undefined ? "hệ thống cung cấp" : grp(p.provider)}, vốn chưa xếp được đợt nào trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)}`,
      `waits for ${p.provider ?? "a provider"}, which found no wave before horizonEnd ${p.horizonEnd}`,
    ),
  unscheduledNoRoom: (p: { horizonEnd: string; why: Message }): Message =>
    m(
      `no window before the end of the roadmap ${p.horizonEnd} had room: ${E(p.why)}`,
      `không khung chuyển đổi nào trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)} còn chỗ: ${V(p.why)}`,
      `no window before horizonEnd ${p.horizonEnd} had room: ${p.why.en}`,
    ),
  unscheduledNoWindow: (p: { horizonEnd: string }): Message =>
    m(`no window left before the end of the roadmap ${p.horizonEnd}`, `không còn khung chuyển đổi nào trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)}`, `no window left before horizonEnd ${p.horizonEnd}`),

  // ---- system reasons about its wave (plan)
  inWave: (p: { wave: number; start: string; end: string; together?: { systems: readonly string[]; reason: Message } }): Message =>
    m(
      `wave ${p.wave} (${p.start}..${p.end})${p.together ? ` together with ${syss(p.together.systems)}: ${E(p.together.reason)}` : ""}`,
      `đợt ${p.wave} (từ ${viDate(p.start)} đến ${viDate(p.end)})${p.together ? `, cùng với ${syss(p.together.systems)}: ${V(p.together.reason)}` : ""}`,
      `wave ${p.wave} (${p.start}..${p.end})${p.together ? ` together with ${list(p.together.systems)}: ${p.together.reason.en}` : ""}`,
    ),
  pinnedInProfile: (p: { date: string }): Message => m(`pinned to ${p.date} in the profile`, `cố định vào ngày ${viDate(p.date)} theo hồ sơ lập kế hoạch`),
  heldBackInProfile: (p: { date: string }): Message => m(`held back until ${p.date} in the profile`, `hoãn đến ngày ${viDate(p.date)} theo hồ sơ lập kế hoạch`),
  pinNotHonoured: (p: { conflict: Message }): Message =>
    m(`its pin could not be honoured: ${E(p.conflict)}`, `không thể chuyển vào ngày cố định: ${V(p.conflict)}`, `its pin could not be honoured: ${p.conflict.en}`),
  waitsForUnit: (p: { unit: string; wave: number | undefined }): Message =>
    m(`waits for ${grp(p.unit)} (wave ${p.wave})`, `chờ ${grp(p.unit)} (${p.wave === undefined ? "chưa xếp được đợt" : `đợt ${p.wave}`})`),
  notEarlier: (p: { windowStart: string; why: Message }): Message =>
    m(`not earlier: in the window of ${p.windowStart}, ${E(p.why)}`, `không thể sớm hơn: trong khung chuyển đổi ngày ${viDate(p.windowStart)}, ${V(p.why)}`, `not earlier: in the window of ${p.windowStart}, ${p.why.en}`),
  readyFrom: (p: { date: string }): Message =>
    m(`ready from ${p.date}; earlier waves were full with lower-risk groups`, `sẵn sàng từ ngày ${viDate(p.date)}; các đợt trước đã kín chỗ với các nhóm rủi ro thấp hơn`),
  pilotRisk: (p: { risk: number; level: number }): Message => m(`pilot wave: risk score ${p.risk} (security level ${p.level})`, `đợt thí điểm: điểm rủi ro ${viNum(p.risk)} (cấp độ ${p.level})`),
  unscheduledReason: (p: { reason: Message }): Message => m(`unscheduled: ${E(p.reason)}`, `chưa xếp được đợt: ${V(p.reason)}`, `unscheduled: ${p.reason.en}`),
  retiredOn: (p: { date: string }): Message => m(`switched off on ${p.date}, the end of the first cutover window`, `tắt vào ngày ${viDate(p.date)}, ngày cuối của khung chuyển đổi đầu tiên`),
  consumerBeforeProvider: (p: { system: string; wave: number; provider: string; providerWave: number; coupling: string }): Message =>
    m(
      `${sys(p.system)} cuts over in wave ${p.wave}, before ${sys(p.provider)} (wave ${p.providerWave}) that it depends on (${p.coupling}); it uses ${sys(p.provider)} across the inter-site WAN meanwhile`,
      `${sys(p.system)} chuyển ở đợt ${p.wave}, trước ${sys(p.provider)} (đợt ${p.providerWave}) mà nó phụ thuộc (${COUPLING_VI[p.coupling] ?? p.coupling}); trong thời gian chờ, ${sys(p.system)} dùng ${sys(p.provider)} qua đường truyền WAN giữa hai trung tâm`,
    ),
  splitsTotal: (p: { count: number }): Message =>
    m(
      `${p.count} dependenc${p.count === 1 ? "y is" : "ies are"} split with the consumer cutting over before its provider`,
      `${viNum(p.count)} liên kết phụ thuộc bị tách: hệ thống sử dụng chuyển trước hệ thống cung cấp`,
    ),

  // ---- capacity steps (plan)
  capacityInitial: (p: { target: string; headroomPct: number; cpu: number; memory: number; storage: number; rackUnits?: { used: number; total: number }; powerWatts?: { used: number; total: number } }): Message =>
    m(
      `usable capacity of ${site(p.target)} today after ${p.headroomPct}% headroom (${p.cpu} vCPUs, ${p.memory} GiB memory, ${p.storage} GiB storage already in use${p.rackUnits ? `; ${p.rackUnits.used} of ${p.rackUnits.total}U of rack space` : ""}${p.powerWatts ? `; ${p.powerWatts.used} of ${p.powerWatts.total} W of power` : ""})`,
      `năng lực khả dụng hiện nay của ${site(p.target)} sau khi trừ ${viNum(p.headroomPct)}% dự phòng (đã sử dụng ${viNum(p.cpu)} vCPU, ${viNum(p.memory)} GiB bộ nhớ, ${viNum(p.storage)} GiB lưu trữ${p.rackUnits ? `; ${viNum(p.rackUnits.used)}/${viNum(p.rackUnits.total)}U không gian rack` : ""}${p.powerWatts ? `; ${viNum(p.powerWatts.used)}/${viNum(p.powerWatts.total)} W công suất điện` : ""})`,
    ),
  capacityRelocated: (p: { server: string; date: string }): Message =>
    m(`${srv(p.server)} relocated from the closing site on ${p.date}`, `máy chủ ${srv(p.server)} được di dời từ trung tâm đóng cửa ngày ${viDate(p.date)}`),
  capacityProcured: (p: { cores: number; memory: number; storage: number; racks?: number; powerKw?: number }): Message =>
    m(
      `procured: ${p.cores} cores, ${p.memory} GiB memory, ${p.storage} GiB storage${p.racks ? `, ${p.racks} rack(s)` : ""}${p.powerKw ? `, ${p.powerKw} kW of power` : ""}`,
      `mua sắm: ${viNum(p.cores)} lõi CPU, ${viNum(p.memory)} GiB bộ nhớ, ${viNum(p.storage)} GiB lưu trữ${p.racks ? `, ${viNum(p.racks)} tủ rack` : ""}${p.powerKw ? `, ${viNum(p.powerKw)} kW công suất điện` : ""}`,
    ),
  capacityFreed: (p: { server: string; date: string }): Message =>
    m(
      `${srv(p.server)} decommissioned at the target site on ${p.date}, freeing its rack space and power`,
      `máy chủ ${srv(p.server)} tại trung tâm giữ lại thanh lý ngày ${viDate(p.date)}, giải phóng không gian rack và công suất điện`,
    ),

  // ---- target site
  targetGiven: (p: { target: string }): Message =>
    m(`given in the planning profile: ${site(p.target)}`, `được chỉ định trong hồ sơ lập kế hoạch: ${site(p.target)}`, `given in the profile (targetSite: ${p.target})`),
  targetProposed: (p: { total: number; freeCompute: number; support: number; pue: number; wan: number; critical: number }): Message =>
    m(
      `proposed by dcplan: highest site score ${p.total}/100 (free compute ${p.freeCompute}/30, hardware in support ${p.support}/20, PUE ${p.pue}/15, TSLCD uplink ${p.wan}/15, critical systems already there ${p.critical}/20)`,
      `do dcplan đề xuất: điểm cao nhất ${viNum(p.total)}/100 (năng lực tính toán còn trống ${viNum(p.freeCompute)}/30, phần cứng còn bảo hành ${viNum(p.support)}/20, hiệu quả sử dụng điện (PUE) ${viNum(p.pue)}/15, đường truyền TSLCD ${viNum(p.wan)}/15, hệ thống quan trọng đang vận hành tại đây ${viNum(p.critical)}/20)`,
    ),
  targetSiteScore: (p: { site: string; total: number; freeVcpus: number; supportedPct: number; deadline: string; pue: number | undefined; tslcdMbps: number | undefined; critical: number }): Message =>
    m(
      `${site(p.site)}: score ${p.total}; free ${p.freeVcpus} vCPUs, ${p.supportedPct}% of physical cores in support on ${p.deadline}, PUE ${p.pue ?? "unknown"}, TSLCD ${p.tslcdMbps ?? "unknown"} Mbit/s, critical-system weight ${p.critical}`,
      `${site(p.site)}: ${viNum(p.total)} điểm; còn trống ${viNum(p.freeVcpus)} vCPU, ${viNum(p.supportedPct)}% lõi CPU vật lý còn bảo hành vào ngày ${viDate(p.deadline)}, PUE ${p.pue !== undefined ? viNum(p.pue) : "chưa rõ"}, TSLCD ${p.tslcdMbps !== undefined ? viNum(p.tslcdMbps) : "chưa rõ"} Mbit/s, trọng số hệ thống quan trọng ${viNum(p.critical)}`,
    ),

  // ---- deadline
  deadlinePassed: (p: { deadline: string; start: string }): Message =>
    m(
      `the deadline ${p.deadline} has already passed (planning starts ${p.start}); every moving system is late`,
      `hạn ${viDate(p.deadline)} đã qua (kế hoạch bắt đầu từ ngày ${viDate(p.start)}); mọi hệ thống phải chuyển đều trễ hạn`,
    ),
  tooFewWindows: (p: {
    dimension: "systems" | "data";
    /** Systems (or GiB) that must move. */
    moving: number;
    /** Groups larger than one wave, each taking a wave alone. */
    oversized: readonly { group: NamedGroup; systems: number; dataGiB: number }[];
    /** Systems (or GiB) of the other groups, and the waves they need at least. */
    rest: number;
    restWaves: number;
    limit: number;
    need: number;
    windows: number;
    days: number;
    deadline: string;
  }): Message => {
    const bySystems = p.dimension === "systems";
    const unitEn = bySystems ? "systems" : "GiB";
    const unitVi = bySystems ? "hệ thống" : "GiB";
    const ceiling = Math.ceil(p.rest / p.limit - 1e-9);
    const shown = p.oversized.slice(0, 5);
    const more = p.oversized.length - shown.length;
    const bigEn = shown.map((o) => `${o.group.id} (${o.systems} systems, ${o.dataGiB} GiB)`).join("; ") + (more > 0 ? `; ${more} more` : "");
    const bigShownEn = shown.map((o) => `${groupEn(o.group)} (${o.systems} system${o.systems === 1 ? "" : "s"}, ${o.dataGiB} GiB)`).join("; ") + (more > 0 ? `; ${more} more` : "");
    const bigVi = shown.map((o) => `${groupVi(o.group)} (${viNum(o.systems)} hệ thống, ${viNum(o.dataGiB)} GiB)`).join("; ") + (more > 0 ? `; và ${viNum(more)} nhóm khác` : "");
    const one = p.oversized.length === 1;
    const headEn = bySystems ? `${p.moving} systems must move` : `${p.moving} GiB of data must be copied`;
    const headVi = bySystems ? `${viNum(p.moving)} hệ thống phải chuyển` : `${viNum(p.moving)} GiB dữ liệu phải sao chép`;
    const overEn = p.oversized.length === 0 ? "" : `${one ? "group" : `${p.oversized.length} groups`} ${bigEn} ${one ? "is" : "are"} larger than one wave and ${one ? "takes a wave" : "take a wave each"} alone; `;
    const overShownEn = p.oversized.length === 0 ? "" : one ? `${bigShownEn} is larger than one wave and takes a wave alone; ` : `${p.oversized.length} groups are larger than one wave and take a wave each alone (${bigShownEn}); `;
    const overVi = p.oversized.length === 0 ? "" : one ? `${bigVi} vượt giới hạn một đợt nên phải chuyển riêng một đợt; ` : `${viNum(p.oversized.length)} nhóm vượt giới hạn một đợt nên phải chuyển riêng mỗi nhóm một đợt (${bigVi}); `;
    const restEn = `${p.oversized.length === 0 ? "they" : `the other ${p.rest} ${unitEn}`} need at least ${p.restWaves} waves at ≤ ${p.limit} ${unitEn} per wave (⌈${p.rest} ÷ ${p.limit}⌉ = ${ceiling}${p.restWaves > ceiling ? `, more because groups of over half a wave cannot share one` : ""})`;
    const restVi = `${p.oversized.length === 0 ? "" : `${viNum(p.rest)} ${unitVi} còn lại `}cần ít nhất ${viNum(p.restWaves)} đợt với tối đa ${viNum(p.limit)} ${unitVi} mỗi đợt${p.restWaves > ceiling ? " (các nhóm lớn hơn nửa đợt không thể xếp chung một đợt)" : ""}`;
    const totalEn = p.oversized.length === 0 ? "" : `; that is at least ${p.need} waves`;
    const totalVi = p.oversized.length === 0 ? "" : `; tổng cộng ít nhất ${viNum(p.need)} đợt`;
    const windowsEn = `only ${p.windows} cutover window${p.windows === 1 ? "" : "s"} (${p.days} cutover day${p.days === 1 ? "" : "s"}) remain before ${p.deadline}`;
    const windowsVi = `trước ngày ${viDate(p.deadline)} chỉ còn ${viNum(p.windows)} khung chuyển đổi (${viNum(p.days)} ngày được phép chuyển đổi)`;
    return m(`${headEn}: ${overShownEn}${restEn}${totalEn}, but ${windowsEn}`, `${headVi}: ${overVi}${restVi}${totalVi}, nhưng ${windowsVi}`, `${headEn}: ${overEn}${restEn}${totalEn}, but ${windowsEn}`);
  },
  blockedDays: (p: { count: number; days: readonly { date: string; why: Message }[]; more: boolean }): Message =>
    m(
      `${p.count} otherwise allowed day${p.count === 1 ? "" : "s"} before the deadline are blocked: ${p.days.map((d) => `${d.date} (${E(d.why)})`).join("; ")}${p.more ? "; …" : ""}`,
      `${viNum(p.count)} ngày lẽ ra được phép chuyển đổi trước hạn bị chặn: ${p.days.map((d) => `${viDate(d.date)} (${V(d.why)})`).join("; ")}${p.more ? "; …" : ""}`,
      `${p.count} otherwise allowed day${p.count === 1 ? "" : "s"} before the deadline are blocked: ${p.days.map((d) => `${d.date} (${d.why.en})`).join("; ")}${p.more ? "; …" : ""}`,
    ),
  pinnedAfterDeadline: (p: { systems: readonly string[]; date: string | undefined }): Message =>
    m(`${syss(p.systems)} pinned to ${p.date}, after the deadline`, `${syss(p.systems)} được cố định vào ngày ${viDate(p.date ?? "")}, sau hạn hợp nhất`),
  heldBackChain: (p: { systems: readonly string[]; date: string | undefined }): Message =>
    m(`${syss(p.systems)} held back until ${p.date}`, `${syss(p.systems)} bị hoãn đến ngày ${viDate(p.date ?? "")}`),
  chainWhere: (p: { wave?: number; start?: string }): Message =>
    p.wave !== undefined ? m(`wave ${p.wave} (${p.start})`, `đợt ${p.wave} (${viDate(p.start ?? "")})`) : m("no wave", "không đợt nào"),
  landsInDeferred: (p: { unit: Named; systems: readonly string[]; dataGiB: number; where: Message; windowStart: string; why: Message }): Message =>
    m(
      `${groupEn({ ...p.unit, systems: p.systems })} (${p.systems.length} system${p.systems.length === 1 ? "" : "s"}, ${p.dataGiB} GiB) lands in ${E(p.where)}: in the window of ${p.windowStart}, ${E(p.why)}`,
      `${groupVi({ ...p.unit, systems: p.systems })} (${viNum(p.systems.length)} hệ thống, ${viNum(p.dataGiB)} GiB) rơi vào ${V(p.where)}: trong khung chuyển đổi ngày ${viDate(p.windowStart)}, ${V(p.why)}`,
      `${p.unit.id} (${list(p.systems)}: ${p.systems.length} system${p.systems.length === 1 ? "" : "s"}, ${p.dataGiB} GiB) lands in ${p.where.en}: in the window of ${p.windowStart} ${p.why.en}`,
    ),
  landsInFilled: (p: { unit: Named; systems: readonly string[]; where: Message }): Message =>
    m(
      `${groupEn({ ...p.unit, systems: p.systems })} lands in ${E(p.where)}: earlier waves were filled by lower-risk groups`,
      `${groupVi({ ...p.unit, systems: p.systems })} rơi vào ${V(p.where)}: các đợt trước đã kín chỗ với các nhóm rủi ro thấp hơn`,
      `${p.unit.id} (${list(p.systems)}) lands in ${p.where.en}: earlier waves were filled by lower-risk groups`,
    ),
  chainWaits: (p: { unit: NamedGroup; provider: NamedGroup; hard: boolean; wave: number | undefined }): Message =>
    m(
      `${groupEn(p.unit)} waits for ${groupEn(p.provider)} (${p.hard ? "consolidation survivor in place first" : "provider no later than its consumer"}), placed in wave ${p.wave ?? "none"}`,
      `${groupVi(p.unit)} chờ ${groupVi(p.provider)} (${p.hard ? "hệ thống giữ lại sau hợp nhất phải sẵn sàng trước" : "hệ thống cung cấp chuyển không muộn hơn hệ thống sử dụng"}), ${p.wave !== undefined ? `được xếp vào đợt ${p.wave}` : "chưa được xếp đợt"}`,
      `${p.unit.id} waits for ${p.provider.id} (${p.hard ? "consolidation survivor in place first" : "provider no later than its consumer"}), placed in wave ${p.wave ?? "none"}`,
    ),

  chainProcured: (p: { wave: number; by: string; cores: number; memoryGiB: number; storageGiB: number; racks?: number; powerKw?: number }): Message =>
    m(
      `the hardware wave ${p.wave} needs is bought and installed by ${p.by} (${p.cores} physical cores, ${p.memoryGiB} GiB memory, ${p.storageGiB} GiB storage${p.racks ? `, ${p.racks} rack(s)` : ""}${p.powerKw ? `, ${p.powerKw} kW` : ""})`,
      `thiết bị đợt ${p.wave} cần được mua và lắp đặt xong chậm nhất ngày ${viDate(p.by)} (${viNum(p.cores)} lõi CPU vật lý, ${viNum(p.memoryGiB)} GiB bộ nhớ, ${viNum(p.storageGiB)} GiB lưu trữ${p.racks ? `, ${viNum(p.racks)} tủ rack` : ""}${p.powerKw ? `, ${viNum(p.powerKw)} kW` : ""})`,
    ),
  nationalConnection: (p: { system: Named; externals: readonly Named[]; takesOver: readonly Named[]; due: string; on: string | undefined; wave: number | undefined; met: boolean }): Message => {
    const to = p.externals.length > 0 ? exts(ids(p.externals)) : "NDXP (no national platform is listed among its dependencies yet)";
    const toVi = p.externals.length > 0 ? exts(ids(p.externals)) : "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) (danh mục chưa ghi nhận kết nối này)";
    const over = p.takesOver.length > 0 ? `, taking over the national links of ${syss(ids(p.takesOver))} merged into it` : "";
    const overVi = p.takesOver.length > 0 ? `, tiếp nhận các kết nối quốc gia của ${syss(ids(p.takesOver))} được hợp nhất vào` : "";
    const when =
      p.on === undefined
        ? m("not reached: a wave it needs found no window", "chưa đạt: một đợt chuyển đổi cần thiết chưa được xếp lịch")
        : p.wave !== undefined
          ? m(`reached on ${p.on}, the end of wave ${p.wave}`, `đạt ngày ${viDate(p.on)}, khi kết thúc đợt ${p.wave}`)
          : m(`in place from ${p.on}: it already runs at its place after the merger`, `đã bảo đảm từ ngày ${viDate(p.on)}: hệ thống đã vận hành tại nơi sau hợp nhất`);
    return m(
      `national connection, a 2026 milestone due ${p.due}: ${sys(p.system.id)} connects the merged centre to ${to}${over}; ${when.en}${p.met ? "" : ", after its due date"}`,
      `mốc năm 2026, hạn ${viDate(p.due)}: ${sys(p.system.id)} kết nối trung tâm sau hợp nhất với ${toVi}${overVi}; ${when.vi}${p.met ? "" : ", sau thời hạn"}`,
    );
  },

  // ---- calendar (why a day is blocked)
  notCutoverWeekday: (p: { weekday: string }): Message => m(`${p.weekday} is not a cutover weekday`, `${WEEKDAY_VI[p.weekday] ?? p.weekday} không phải ngày được phép chuyển đổi`),
  publicHoliday: (p: { name: string; nameVi: string }): Message => m(`public holiday: ${p.name}`, `ngày lễ: ${p.nameVi}`),
  blackout: (p: { from: string; to: string; reason: string }): Message =>
    m(`blackout ${p.from}..${p.to}: ${p.reason}`, `thời gian tạm dừng chuyển đổi từ ${viDate(p.from)} đến ${viDate(p.to)}: ${p.reason}`),

  // ---- server fates
  standaloneSwitchedOff: (p: { what: Message; target: string }): Message =>
    m(
      `stand-alone server: ${E(p.what)}; its workload now runs on the shared infrastructure of ${site(p.target)}, so it is switched off rather than kept or relocated (remove or integrate stand-alone servers)`,
      `máy chủ riêng lẻ: ${V(p.what)}; tải đã chạy trên hạ tầng dùng chung của trung tâm giữ lại nên máy được tắt, không giữ lại hay di dời (loại bỏ hoặc tích hợp máy chủ riêng lẻ)`,
      `stand-alone server: ${p.what.en}; its workload now runs on the shared infrastructure of ${p.target}, so it is switched off rather than kept or relocated (remove or integrate stand-alone servers)`,
    ),
  standaloneNoSystem: (p: { target: string }): Message =>
    m(
      `stand-alone server running no system listed in the inventory: copy its files to the central storage of ${site(p.target)} and switch it off`,
      `máy chủ riêng lẻ không chạy hệ thống nào trong danh mục: sao chép dữ liệu lên hệ thống lưu trữ tập trung rồi tắt máy`,
    ),
  standaloneKept: (p: { systems: readonly Named[] }): Message =>
    m(
      `stand-alone server kept: it runs ${syss(ids(p.systems))}, which people pinned to retain in the inventory`,
      `máy chủ riêng lẻ được giữ lại: đang chạy ${syss(ids(p.systems))}, hệ thống được cán bộ chỉ định giữ nguyên trong danh mục`,
    ),
  systemRetained: (p: { system: string }): Message => m(`${sys(p.system)} is retained`, `${sys(p.system)} được giữ nguyên`),
  systemUnscheduled: (p: { system: string }): Message => m(`${sys(p.system)} found no wave (unscheduled)`, `${sys(p.system)} chưa xếp được đợt`),
  targetHost: (): Message => m("host at the target site: part of its capacity", "máy chủ vật lý tại trung tâm giữ lại: thuộc năng lực của trung tâm"),
  targetStorage: (): Message => m("storage at the target site: part of its capacity", "thiết bị lưu trữ tại trung tâm giữ lại: thuộc năng lực của trung tâm"),
  targetNoSystem: (): Message => m("at the target site, no system listed on it; kept", "tại trung tâm giữ lại, không ghi nhận hệ thống nào trên máy; giữ nguyên"),
  targetRuns: (p: { systems: readonly string[] }): Message => m(`at the target site and runs ${syss(p.systems)}`, `tại trung tâm giữ lại và đang chạy ${syss(p.systems)}`),
  everySystemLeaves: (p: { systems: readonly { id: string; disposition: string }[]; freedOn: string }): Message => {
    const items = idDisp(p.systems);
    return m(
      `every system on it leaves (${E(items)}); freed on ${p.freedOn}`,
      `mọi hệ thống trên máy đều rời đi (${V(items)}); giải phóng ngày ${viDate(p.freedOn)}`,
      `every system on it leaves (${items.en}); freed on ${p.freedOn}`,
    );
  },
  stillRuns: (p: { system: string; why: Message; site: string }): Message =>
    m(
      `still runs ${sys(p.system)} (${E(p.why)}) at ${site(p.site)}, so it cannot be freed`,
      `vẫn chạy ${sys(p.system)} (${V(p.why)}) tại ${site(p.site)} nên chưa thể giải phóng`,
      `still runs ${p.system} (${p.why.en}) at ${p.site}, so it cannot be freed`,
    ),
  carriesHardwareBound: (p: { system: string; target: string; wave: number; start: string }): Message =>
    m(
      `carries hardware-bound system ${sys(p.system)}; physically moved to ${site(p.target)} in wave ${p.wave} (${p.start})`,
      `chứa hệ thống gắn với phần cứng ${sys(p.system)}; di dời vật lý về ${site(p.target)} trong đợt ${p.wave} (${viDate(p.start)})`,
    ),
  reuseVm: (p: { systems: readonly string[]; target: string; wave: number }): Message =>
    m(
      `its workload (${syss(p.systems)}) continues as a VM at ${site(p.target)} from wave ${p.wave}; right-sized from measured usage`,
      `tải (${syss(p.systems)}) tiếp tục chạy dưới dạng máy ảo tại ${site(p.target)} từ đợt ${p.wave}; cấu hình tính lại theo mức sử dụng đo được`,
    ),
  noSystemRuns: (): Message => m("no system runs on it", "không có hệ thống nào chạy trên máy"),
  leavesWithoutSuccessor: (p: { systems: readonly { id: string; disposition: string }[]; freedOn: string }): Message => {
    const items = idDisp(p.systems);
    return m(
      `its systems leave without a successor VM (${E(items)}); freed on ${p.freedOn}`,
      `các hệ thống trên máy rời đi mà không cần máy ảo thay thế (${V(items)}); giải phóng ngày ${viDate(p.freedOn)}`,
      `its systems leave without a successor VM (${items.en}); freed on ${p.freedOn}`,
    );
  },
  noWorkload: (): Message => m("no workload", "không có tải"),
  lastWorkloadLeaves: (p: { date: string }): Message => m(`its last workload leaves on ${p.date}`, `tải cuối cùng rời máy ngày ${viDate(p.date)}`),
  hostRelocated: (p: { what: Message; supportEnds: string | undefined; target: string; relocateOn: string; availableFrom: string }): Message =>
    m(
      `${E(p.what)}; still in vendor support until ${p.supportEnds}, so it is moved to ${site(p.target)} on ${p.relocateOn} and adds capacity from ${p.availableFrom}`,
      `${V(p.what)}; còn bảo hành của hãng đến ngày ${viDate(p.supportEnds ?? "")} nên được di dời về ${site(p.target)} ngày ${viDate(p.relocateOn)} và bổ sung năng lực từ ngày ${viDate(p.availableFrom)}`,
      `${p.what.en}; still in vendor support until ${p.supportEnds}, so it is moved to ${p.target} on ${p.relocateOn} and adds capacity from ${p.availableFrom}`,
    ),
  hostDecommissioned: (p: { what: Message; why: Message }): Message => m(`${E(p.what)}; ${E(p.why)}`, `${V(p.what)}; ${V(p.why)}`, `${p.what.en}; ${p.why.en}`),
  supportUnknown: (): Message => m("support end unknown", "chưa rõ thời hạn bảo hành"),
  supportTooSoon: (p: { supportEnds: string }): Message =>
    m(`vendor support ends ${p.supportEnds}, too soon to be worth moving`, `bảo hành của hãng hết ngày ${viDate(p.supportEnds)}, quá sớm để di dời`),
  noWindowToMove: (): Message => m("no window left to move it", "không còn khung chuyển đổi để di dời"),
  siteKeepsRunning: (p: { site: string; kind: string }): Message =>
    m(
      `${site(p.site)} keeps running systems after the merger (retained or unscheduled), so its ${p.kind} gear stays`,
      `${site(p.site)} vẫn còn hệ thống hoạt động sau hợp nhất (giữ nguyên hoặc chưa xếp được đợt) nên thiết bị ${GEAR_VI[p.kind] ?? p.kind} được giữ lại`,
    ),
  storageRelocated: (p: { site: string; freedOn: string; supportEnds: string | undefined; target: string; relocateOn: string }): Message =>
    m(
      `${site(p.site)} is empty from ${p.freedOn}; storage still in vendor support until ${p.supportEnds}, moved to ${site(p.target)} on ${p.relocateOn}`,
      `${site(p.site)} không còn tải từ ngày ${viDate(p.freedOn)}; thiết bị lưu trữ còn bảo hành của hãng đến ngày ${viDate(p.supportEnds ?? "")} nên được di dời về ${site(p.target)} ngày ${viDate(p.relocateOn)}`,
    ),
  siteEmpty: (p: { site: string; freedOn: string; storage?: { supportEnds: string | undefined } }): Message =>
    m(
      `${site(p.site)} is empty from ${p.freedOn}${p.storage ? (p.storage.supportEnds ? `; vendor support ends ${p.storage.supportEnds}` : "; support end unknown") : ""}`,
      `${site(p.site)} không còn tải từ ngày ${viDate(p.freedOn)}${p.storage ? (p.storage.supportEnds ? `; bảo hành của hãng hết ngày ${viDate(p.storage.supportEnds)}` : "; chưa rõ thời hạn bảo hành") : ""}`,
    ),

  // ---- racks and power at the target site
  rackSpaceWarning: (p: { target: string; rackUnits: number; racks: number }): Message =>
    m(
      `${site(p.target)} would hold ${p.rackUnits}U of hardware after the merger (kept and relocated), more than its ${p.racks} racks × 42U = ${p.racks * 42}U; prepare ${Math.ceil((p.rackUnits - p.racks * 42) / 42)} more rack(s)`,
      `sau hợp nhất ${site(p.target)} sẽ chứa ${viNum(p.rackUnits)}U thiết bị (giữ lại và di dời về), vượt ${viNum(p.racks)} tủ rack × 42U = ${viNum(p.racks * 42)}U hiện có; cần chuẩn bị thêm ${viNum(Math.ceil((p.rackUnits - p.racks * 42) / 42))} tủ rack`,
    ),
  powerWarning: (p: { target: string; kw: number; powerKw: number }): Message =>
    m(
      `${site(p.target)} would draw ${p.kw} kW of IT power after the merger (kept and relocated hardware), more than its usable ${p.powerKw} kW`,
      `sau hợp nhất ${site(p.target)} sẽ tiêu thụ ${viNum(p.kw)} kW điện cho thiết bị công nghệ thông tin (giữ lại và di dời về), vượt công suất khả dụng ${viNum(p.powerKw)} kW`,
    ),
  noFootprintRoom: (): Message => m("the target site has no rack space or power left for it", "trung tâm giữ lại không còn không gian rack hoặc công suất điện cho thiết bị này"),
  procurementFootprint: (p: { wave: number; start: string; rackUnits: number; rackUnitsHave: number; watts: number; wattsHave: number; headroomPct: number; racks: number; powerKw: number; by: string }): Message =>
    m(
      `wave ${p.wave} on ${p.start} brings the target site's hardware to ${p.rackUnits}U and ${p.watts} W, above its ${p.rackUnitsHave}U of rack space and ${p.wattsHave} W of usable power (after ${p.headroomPct}% headroom); prepare ${p.racks} more rack(s) and ${p.powerKw} kW more power by ${p.by}`,
      `đợt ${p.wave} ngày ${viDate(p.start)} đưa thiết bị tại trung tâm giữ lại lên ${viNum(p.rackUnits)}U và ${viNum(p.watts)} W, vượt ${viNum(p.rackUnitsHave)}U không gian rack và ${viNum(p.wattsHave)} W công suất khả dụng (sau khi trừ ${viNum(p.headroomPct)}% dự phòng); cần bổ sung ${viNum(p.racks)} tủ rack và ${viNum(p.powerKw)} kW công suất điện chậm nhất ngày ${viDate(p.by)}`,
    ),

  // ---- roadmap 2027–2030
  roadmapReplatform: (): Message =>
    m(
      "rehosted as virtual machines in the merger; containerise it onto the shared Kubernetes platform once the vendor supports containers",
      "đã chuyển nguyên trạng dưới dạng máy ảo khi hợp nhất; đóng gói container và chuyển lên nền tảng dùng chung (Kubernetes) khi nhà cung cấp phần mềm hỗ trợ",
    ),
  roadmapExpandShared: (p: { fn: string }): Message =>
    m(
      `the province's shared ${fn(p.fn)} service: extend it to every department, commune and ward over TSLCD`,
      `dịch vụ ${fn(p.fn)} dùng chung của tỉnh: mở rộng cho mọi sở, ngành, xã, phường qua mạng TSLCD`,
      `the province's shared ${p.fn} service: extend it to every department, commune and ward over TSLCD`,
    ),
  roadmapConnectNational: (p: { externals: readonly Named[] }): Message =>
    m(
      `exchanges data with national systems (${exts(ids(p.externals))}): move its links to the merged centre's LGSP`,
      `trao đổi dữ liệu với các hệ thống quốc gia (${exts(ids(p.externals))}): chuyển các kết nối sang nền tảng tích hợp, chia sẻ dữ liệu (LGSP) của trung tâm sau hợp nhất`,
    ),
  roadmapCloud: (p: { level: number }): Message =>
    m(`security level ${p.level} and container-ready: candidate for large-scale cloud`, `cấp độ ${p.level} và sẵn sàng đóng gói container: ứng viên chuyển lên điện toán đám mây quy mô lớn`),
  roadmapBigData: (p: { dataGiB: number }): Message => m(`holds ${p.dataGiB} GiB: feed it to the provincial big-data platform`, `lưu trữ ${viNum(p.dataGiB)} GiB dữ liệu: đưa vào nền tảng dữ liệu lớn của tỉnh`),
  roadmapAi: (p: { users: number }): Message =>
    m(`${p.users} users: candidate for AI assistance (search, triage, virtual assistant)`, `${viNum(p.users)} người dùng: ứng viên ứng dụng trí tuệ nhân tạo (tìm kiếm, phân loại, trợ lý ảo)`),
  roadmapHardwareRefresh: (p: { supportEnds: string }): Message =>
    m(`vendor support ends ${p.supportEnds}: replace or renew before then`, `bảo hành của hãng hết ngày ${viDate(p.supportEnds)}: thay thế hoặc gia hạn trước thời điểm đó`),
  roadmapOsUpgrade: (p: { os: string; endOfSupport: string }): Message =>
    m(`${p.os} support ends ${p.endOfSupport}: upgrade the operating system`, `${p.os} hết hỗ trợ ngày ${viDate(p.endOfSupport)}: nâng cấp hệ điều hành`),

  roadmapOverdue: (p: { due: string; start: string; by: string }): Message =>
    m(
      `late: its date ${p.due} passed before the later phases start (${p.start}); it is among the first work, done by ${p.by}`,
      `trễ hạn: thời hạn ${viDate(p.due)} đã qua trước khi các giai đoạn sau bắt đầu (${viDate(p.start)}); được ưu tiên thực hiện trước, xong chậm nhất ngày ${viDate(p.by)}`,
    ),
  roadmapLate: (p: { due: string; by: string; effortPerQuarter: number }): Message =>
    m(
      `late: due ${p.due}, but at ${p.effortPerQuarter} effort points a quarter the work due before it fills the time until ${p.by}`,
      `trễ hạn: cần xong trước ngày ${viDate(p.due)}, nhưng với năng lực ${viNum(p.effortPerQuarter)} điểm công việc mỗi quý, các việc đến hạn sớm hơn kéo dài đến ngày ${viDate(p.by)}`,
    ),
} as const;

/**
 * A reason of the inventory's move groups (`inventory/queries/move-groups.ts`, which writes them
 * in English only) as a message: its two shapes are parsed back into catalog entries; anything
 * else passes through unchanged in both languages.
 */
export function moveGroupReason(text: string): Message {
  const tight = /^tight dependency (\S+) → (\S+)$/.exec(text);
  if (tight) return MSG.tightDependency({ from: tight[1], to: tight[2] });
  const share = /^share server (\S+): (.*)$/.exec(text);
  if (share) return MSG.shareServer({ server: share[1], systems: share[2].split(", ") });
  return { en: text, vi: text };
}

/** The fields of a plan that hold planner-written strings. */
export interface PlanStrings {
  systems: readonly { reasons: readonly string[] }[];
  waves: readonly { notes: readonly string[] }[];
  servers: readonly { reasons: readonly string[] }[];
  capacity: readonly { reason: string }[];
  procurement: readonly { reason: string }[];
  unscheduled: readonly { reason: string }[];
  deadline: { criticalChain: readonly { message: string }[]; nationalConnections?: readonly { reason: string }[] };
  violations: readonly { message: string }[];
  warnings: readonly { message: string }[];
  targetSiteReasons: readonly string[];
  groups: readonly { reason: string }[];
  roadmap: readonly { reason: string }[];
}

/** Every planner-written string in a plan (the fields the catalog fills), in a fixed order. */
export function planMessageStrings(plan: PlanStrings): string[] {
  const out: string[] = [];
  for (const s of plan.systems) out.push(...s.reasons);
  for (const w of plan.waves) out.push(...w.notes);
  for (const s of plan.servers) out.push(...s.reasons);
  for (const c of plan.capacity) out.push(c.reason);
  for (const p of plan.procurement) out.push(p.reason);
  for (const u of plan.unscheduled) out.push(u.reason);
  for (const c of plan.deadline.criticalChain) out.push(c.message);
  for (const c of plan.deadline.nationalConnections ?? []) out.push(c.reason);
  for (const v of plan.violations) out.push(v.message);
  for (const v of plan.warnings) out.push(v.message);
  out.push(...plan.targetSiteReasons);
  for (const g of plan.groups) out.push(g.reason);
  for (const r of plan.roadmap) out.push(r.reason);
  return out;
}

/** The plan's lists that name entities (all optional: a plan-like object may lack some). */
export interface PlanNameLists {
  readonly systems?: readonly { readonly id: string; readonly name?: string; readonly function?: string }[];
  readonly sites?: readonly { readonly id: string; readonly name: string }[];
  readonly agencies?: readonly { readonly id: string; readonly name: string }[];
  readonly externals?: readonly { readonly id: string; readonly name: string }[];
  readonly groups?: readonly { readonly id: string; readonly systems: readonly string[] }[];
}

/** RefNames from a plan's own lists. */
export function refNamesOf(plan: PlanNameLists): RefNames {
  const byId = <T extends { readonly id: string }>(xs: readonly T[] | undefined): Map<string, T> => new Map((xs ?? []).map((x) => [x.id, x]));
  const systems = byId(plan.systems);
  const sites = byId(plan.sites);
  const agencies = byId(plan.agencies);
  const externals = byId(plan.externals);
  const groups = byId(plan.groups);
  const functions = new Set((plan.systems ?? []).map((s) => s.function).filter((f): f is string => f !== undefined));
  let tokens: Map<string, string | readonly string[]> | undefined;
  // Later kinds overwrite earlier ones: a group before a system, a system before a site, and so on.
  const makeTokens = (): Map<string, string | readonly string[]> => {
    const out = new Map<string, string | readonly string[]>();
    for (const kind of [externals, agencies, sites, systems]) for (const [id, x] of kind) if (x.name !== undefined) out.set(id, x.name);
    for (const [id, g] of groups) if (g.systems !== undefined) out.set(id, g.systems);
    return out;
  };
  return {
    system: (id) => systems.get(id)?.name,
    site: (id) => sites.get(id)?.name,
    agency: (id) => agencies.get(id)?.name,
    external: (id) => externals.get(id)?.name,
    groupSystems: (id) => groups.get(id)?.systems,
    isFunction: (id) => functions.has(id),
    englishToken: (id) => (tokens ??= makeTokens()).get(id),
  };
}

/**
 * The plan's `translations`, keys (the contract texts) sorted: `vi` holds the Vietnamese people
 * read of every planner-written string, entities by name; `en` the English people read only where
 * it is not the contract text with ids replaced by names (resolveIdsInEnglish): settings in words,
 * sentences phrased differently.
 */
export function planTranslations(plan: PlanStrings & PlanNameLists, log: MessageLog): PlanTranslations {
  return translationsFor(planMessageStrings(plan), refNamesOf(plan), (k) => log.shownOf(k));
}

/** The shown forms of a message said while planning (MessageLog.shownOf). */
export type ShownForms = { readonly en: string; readonly vi: string; readonly marked: boolean };

/** A plan's `translations` (see planTranslations). */
export type PlanTranslations = { vi: Record<string, string>; en?: Record<string, string> };

/** One translation: the contract text, its Vietnamese, and its English where stored (see planTranslations). */
export type TranslationEntry = readonly [key: string, vi: string, en: string | undefined];

/** The translations of a plan's message strings one by one, keys in the order the plan's `translations` objects list them. */
export function* translationEntries(strings: readonly string[], names: RefNames, shownOf: (en: string) => ShownForms | undefined): Generator<TranslationEntry> {
  const keys = [...new Set(strings)];
  for (const i of objectKeyOrder(keys)) {
    const shown = shownOf(keys[i]);
    if (shown !== undefined) yield translationEntry(keys[i], shown, names);
  }
}

/** The translation of contract text `k` said with `shown`: its Vietnamese, and its English where stored (see planTranslations). */
export function translationEntry(k: string, shown: ShownForms, names: RefNames): TranslationEntry {
  const vi = resolveRefs(shown.vi, "vi", names);
  // English is stored only where it is not the contract text with ids replaced by names (a
  // message written without references reads its contract text that way).
  if (!shown.marked) return [k, vi, undefined];
  const e = resolveRefs(shown.en, "en", names);
  return [k, vi, e !== resolveIdsInEnglish(k, names) ? e : undefined];
}

/** True for a key an object lists before the others, by value (an array index: "0", "17", never "01"). */
export function isArrayIndexKey(k: string): boolean {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 2 ** 32 - 1;
}

/**
 * The positions of distinct `keys` (those `used` marks, when given) in the order the plan's
 * `translations` objects list them: array-index keys first, by value, then the others by code
 * unit (translationEntries; the translations worker over the sentences said).
 */
export function objectKeyOrder(keys: readonly string[], used?: Uint8Array): number[] {
  const indices: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < keys.length; i++) if (used === undefined || used[i] === 1) (isArrayIndexKey(keys[i]) ? indices : others).push(i);
  others.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  indices.sort((a, b) => Number(keys[a]) - Number(keys[b]));
  return indices.length === 0 ? others : indices.concat(others);
}

/** planTranslations from its parts: the plan's message strings (repeats allowed), the names it refers to, the shown forms of each string. */
export function translationsFor(strings: readonly string[], names: RefNames, shownOf: (en: string) => ShownForms | undefined): PlanTranslations {
  const vi: Record<string, string> = {};
  const en: Record<string, string> = {};
  let anyEn = false;
  for (const [k, v, e] of translationEntries(strings, names, shownOf)) {
    vi[k] = v;
    if (e !== undefined) {
      en[k] = e;
      anyEn = true;
    }
  }
  return anyEn ? { vi, en } : { vi };
}
