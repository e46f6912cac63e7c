// The messages of findings that other modules write in English (the inventory's schema and rules,
// the YAML reader, the planning profile), in Vietnamese: each entry is a finding's English message
// template with the rules that write it, and its Vietnamese twin. The CLI prints a finding under
// `--lang vi` by recognising its message here (template.ts); `file:line:col: entity field:` stays as
// it is. A message no entry recognises is printed in English, as written.
// test/cli/finding-messages.test.ts runs the inventory and profile rules on bad inputs and fails
// on any message without a Vietnamese twin, and on twins whose parameters differ.
import type { Finding } from "../../../common/errors.js";
import type { Lang } from "../../export/i18n.js";
import { fill, matchTemplate } from "./template.js";

/** One finding message in both languages; `rules` limits it to findings of those rules [any rule]. */
export interface FindingTwin {
  readonly rules?: readonly string[];
  readonly en: string;
  readonly vi: string;
}

const SCHEMA = ["wrong-type", "out-of-range", "invalid-value", "invalid-field", "profile-schema", "unknown-field"];

/** Every finding message dcplan translates, most specific first. */
export const FINDING_TWINS: readonly FindingTwin[] = [
  // ── the inventory's schema (zod messages as inventory/load.ts completes them) ────────────────
  { rules: SCHEMA, en: "is required", vi: "là bắt buộc nhưng chưa có" },
  { rules: SCHEMA, en: "must be a string id", vi: "phải là một mã (chuỗi ký tự)" },
  {
    rules: SCHEMA,
    en: "must be a DNS-1123 label: lowercase letters, digits and '-', 1–63 characters, starting and ending with a letter or digit",
    vi: "phải là nhãn DNS-1123: chữ thường, chữ số và '-', dài 1–63 ký tự, bắt đầu và kết thúc bằng chữ hoặc số",
  },
  { rules: SCHEMA, en: "must be a date YYYY-MM-DD", vi: "phải là ngày dạng YYYY-MM-DD" },
  { rules: SCHEMA, en: "must be a real calendar date YYYY-MM-DD", vi: "phải là một ngày có thật dạng YYYY-MM-DD" },
  { rules: SCHEMA, en: 'unknown field "{key}"', vi: 'trường "{key}" không có trong định dạng' },
  { rules: SCHEMA, en: "must be a number", vi: "phải là một số" },
  { rules: SCHEMA, en: "must be a whole number", vi: "phải là số nguyên" },
  { rules: SCHEMA, en: "must be a whole number of days", vi: "phải là số ngày nguyên" },
  { rules: SCHEMA, en: "must be a string", vi: "phải là chuỗi ký tự" },
  { rules: SCHEMA, en: "must be a port number", vi: "phải là số cổng" },
  { rules: SCHEMA, en: "must be a port 1–65535", vi: "phải là cổng 1–65535" },
  { rules: SCHEMA, en: "must be a whole number 1–5", vi: "phải là số nguyên 1–5" },
  { rules: SCHEMA, en: "must be a security level 1–5", vi: "phải là cấp độ an toàn thông tin 1–5" },
  { rules: SCHEMA, en: "must be a percentage 0–100", vi: "phải là tỉ lệ phần trăm 0–100" },
  { rules: SCHEMA, en: "must be below {n}", vi: "phải nhỏ hơn {n}" },
  { rules: SCHEMA, en: "must be ≥ {n}", vi: "phải ≥ {n}" },
  { rules: SCHEMA, en: "must be > {n}", vi: "phải > {n}" },
  { rules: SCHEMA, en: "must be ≤ {n}", vi: "phải ≤ {n}" },
  { rules: SCHEMA, en: "must not be empty", vi: "không được để trống" },
  { rules: SCHEMA, en: "must be true or false", vi: "phải là true hoặc false" },
  { rules: SCHEMA, en: "must be a list of strings", vi: "phải là danh sách chuỗi ký tự" },
  { rules: SCHEMA, en: "must be a list of server ids", vi: "phải là danh sách mã máy chủ" },
  { rules: SCHEMA, en: "must be a list of dependencies", vi: "phải là danh sách quan hệ phụ thuộc" },
  { rules: SCHEMA, en: "must be a list of weekdays (mon … sun)", vi: "phải là danh sách ngày trong tuần (mon … sun)" },
  { rules: SCHEMA, en: "must name at least one weekday", vi: "phải có ít nhất một ngày trong tuần" },
  { rules: SCHEMA, en: "must be a list of { from, to, reason }", vi: "phải là danh sách các mục { from, to, reason }" },
  { rules: SCHEMA, en: "must be a list of pins", vi: "phải là danh sách các mục cố định ngày" },
  { rules: SCHEMA, en: 'a pin needs exactly one of "date" or "notBefore"', vi: 'mỗi mục cố định ngày cần đúng một trong hai trường "date" hoặc "notBefore"' },
  { rules: SCHEMA, en: "has the wrong type", vi: "sai kiểu dữ liệu" },
  { rules: SCHEMA, en: "must be one of {values}", vi: "phải là một trong {values}" },
  { rules: SCHEMA, en: "must be a mapping (got {what})", vi: "phải là một ánh xạ khoá–giá trị (nhận được {what})" },
  { rules: SCHEMA, en: "must be a {what}", vi: "phải là {what}" },
  { rules: SCHEMA, en: "is required for a {kind} server", vi: "là bắt buộc với máy chủ {kind}" },
  { rules: SCHEMA, en: "is required for a virtual server (the physical host it runs on)", vi: "là bắt buộc với máy ảo (máy chủ vật lý mà máy ảo chạy trên đó)" },
  { rules: SCHEMA, en: "is only allowed on virtual servers, not on a {kind} one", vi: "chỉ dùng cho máy ảo, không dùng cho máy chủ {kind}" },
  { rules: SCHEMA, en: "is only allowed on physical kinds, not on a virtual server", vi: "chỉ dùng cho thiết bị vật lý, không dùng cho máy ảo" },
  { rules: SCHEMA, en: 'is only meaningful with disposition "consolidate", not "{disposition}"', vi: 'chỉ có nghĩa khi phương án (disposition) là "consolidate", không phải "{disposition}"' },
  // ── reading files (inventory/load.ts, inventory/yaml-source.ts) ─────────────────────────────
  { rules: ["no-inventory"], en: "inventory directory not found", vi: "không tìm thấy thư mục kiểm kê" },
  { rules: ["no-inventory"], en: "is not a directory (an inventory is a directory of YAML files)", vi: "không phải thư mục (dữ liệu kiểm kê là một thư mục các tệp YAML)" },
  { rules: ["no-inventory"], en: "no *.yaml or *.yml file in the inventory directory", vi: "thư mục kiểm kê không có tệp *.yaml hay *.yml nào" },
  { rules: ["no-sites"], en: "the inventory has no sites (at least one `sites:` entry is required)", vi: "dữ liệu kiểm kê không có địa điểm nào (cần ít nhất một mục trong `sites:`)" },
  { rules: ["unreadable-file"], en: "file not found", vi: "không tìm thấy tệp" },
  { rules: ["unreadable-file"], en: "cannot read file: {reason}", vi: "không đọc được tệp: {reason}" },
  { rules: ["yaml-syntax"], en: "YAML syntax error: {reason}", vi: "lỗi cú pháp YAML: {reason}" },
  { rules: ["yaml-syntax"], en: "duplicate key in a mapping: {reason}", vi: "khoá bị lặp trong một ánh xạ: {reason}" },
  {
    rules: ["document-shape"],
    en: "document {n} is {what}; each document must be a mapping with any of the keys {keys}",
    vi: "tài liệu thứ {n} là {what}; mỗi tài liệu phải là một ánh xạ với các khoá {keys}",
  },
  { rules: ["unknown-field"], en: 'unknown top-level key "{key}" (did you mean "{known}"?); expected {keys}', vi: 'khoá cấp cao nhất "{key}" không hợp lệ (có phải là "{known}"?); cần một trong {keys}' },
  { rules: ["unknown-field"], en: 'unknown top-level key "{key}"; expected {keys}', vi: 'khoá cấp cao nhất "{key}" không hợp lệ; cần một trong {keys}' },
  { rules: ["wrong-type"], en: '"{key}" must be a list of {collection}', vi: '"{key}" phải là một danh sách {collection}' },
  // ── the inventory's cross-record rules (inventory/rules.ts) ─────────────────────────────────
  { rules: ["unknown-reference"], en: '{field} "{id}" does not exist (expected the id of {want})', vi: '{field} "{id}" không tồn tại (cần mã của {want})' },
  { rules: ["wrong-kind-reference"], en: '{field} "{id}" is {have}, not {want}', vi: '{field} "{id}" là {have}, không phải {want}' },
  {
    rules: ["duplicate-id"],
    en: 'duplicate id "{id}" (ids are unique across all entity kinds); this {here} repeats the {first} defined at {place}',
    vi: 'mã "{id}" bị trùng (mã là duy nhất trong toàn bộ dữ liệu kiểm kê); {here} này trùng với {first} đã khai báo tại {place}',
  },
  {
    rules: ["duplicate-id"],
    en: 'duplicate id "{id}" (ids are unique across all entity kinds); this {here} repeats the {first}',
    vi: 'mã "{id}" bị trùng (mã là duy nhất trong toàn bộ dữ liệu kiểm kê); {here} này trùng với {first} đã khai báo trước',
  },
  { rules: ["hosted-on-cycle"], en: "a VM cannot be hosted on itself", vi: "máy ảo không thể chạy trên chính nó" },
  { rules: ["hosted-on-cycle"], en: "hostedOn forms a cycle: {cycle}", vi: "hostedOn tạo thành vòng lặp: {cycle}" },
  { rules: ["hosted-on-kind"], en: 'hostedOn "{host}" is a {kind} server; a VM runs on a physical host', vi: 'hostedOn "{host}" là máy chủ {kind}; máy ảo phải chạy trên máy chủ vật lý' },
  {
    rules: ["hosted-on-site"],
    en: 'host "{host}" is at site "{hostSite}" but this VM is at "{vmSite}"; a VM runs at its host\'s site',
    vi: 'máy chủ "{host}" ở địa điểm "{hostSite}" nhưng máy ảo này ở "{vmSite}"; máy ảo phải ở cùng địa điểm với máy chủ của nó',
  },
  { rules: ["self-dependency"], en: "a system cannot depend on itself", vi: "hệ thống không thể phụ thuộc vào chính nó" },
  { rules: ["self-consolidation"], en: "a system cannot be consolidated into itself", vi: "hệ thống không thể hợp nhất vào chính nó" },
  {
    rules: ["consolidate-other-function"],
    en: 'is consolidated into "{survivor}", whose function is "{survivorFunction}", not "{function}"',
    vi: 'được hợp nhất vào "{survivor}" có chức năng "{survivorFunction}", khác chức năng "{function}" của nó',
  },
  {
    rules: ["consolidate-without-disposition"],
    en: "has consolidateInto but no disposition; it is read as disposition: consolidate",
    vi: "có consolidateInto nhưng chưa ghi phương án (disposition); được hiểu là hợp nhất (consolidate)",
  },
  { rules: ["support-ended"], en: "vendor support ended on {date}", vi: "hãng đã ngừng hỗ trợ từ ngày {date}" },
  { rules: ["os-support-ended"], en: "{os} left support on {date}", vi: "{os} hết hỗ trợ từ ngày {date}" },
  { rules: ["no-servers"], en: "runs on no server (SaaS or not yet inventoried): nothing to migrate", vi: "không chạy trên máy chủ nào (dịch vụ thuê ngoài hoặc chưa kiểm kê): không có gì để chuyển" },
  { rules: ["high-utilisation"], en: "{usage} {pct} % is above {limit} %: size it up when it moves", vi: "{usage} dùng {pct} %, vượt {limit} %: cần tăng cấu hình khi chuyển" },
  { rules: ["system-across-sites"], en: "runs on servers at several sites ({sites})", vi: "chạy trên máy chủ ở nhiều địa điểm ({sites})" },
  // ── the planning profile (planner/profile.ts) ───────────────────────────────────────────────
  { rules: ["document-shape"], en: "a profile is one YAML document; found more than one", vi: "hồ sơ lập kế hoạch chỉ gồm một tài liệu YAML; ở đây có nhiều hơn một" },
  {
    rules: ["document-shape"],
    en: "a profile must be a mapping of settings (startDate, deadline, windows, pins…)",
    vi: "hồ sơ lập kế hoạch phải là một ánh xạ các thiết lập (startDate, deadline, windows, pins…)",
  },
  { rules: ["blackout-order"], en: "blackout starts ({from}) after it ends ({to})", vi: "thời gian tạm dừng bắt đầu ({from}) sau khi đã kết thúc ({to})" },
  { rules: ["horizon-order"], en: "horizonEnd {date} is before the start date {start}", vi: "ngày kết thúc lộ trình {date} trước ngày bắt đầu {start}" },
  { rules: ["pin-duplicate"], en: 'system "{system}" is pinned twice (also {other})', vi: 'hệ thống "{system}" được cố định ngày hai lần (cả ở {other})' },
  { rules: ["pin-not-allowed"], en: "pin date {date} is not an allowed cutover day ({why})", vi: "ngày cố định {date} không phải ngày được phép chuyển đổi ({why})" },
  { rules: ["unknown-site"], en: 'target site "{site}" is not a site of the inventory (sites: {sites})', vi: 'trung tâm giữ lại "{site}" không phải địa điểm nào của dữ liệu kiểm kê (các địa điểm: {sites})' },
  { rules: ["unknown-system"], en: 'pins a system "{system}" that is not in the inventory', vi: 'cố định ngày cho hệ thống "{system}" không có trong dữ liệu kiểm kê' },
  {
    rules: ["pin-not-moving"],
    en: 'system "{system}" has disposition "{disposition}" in the inventory, so it has no wave to pin',
    vi: 'hệ thống "{system}" có phương án "{disposition}" trong dữ liệu kiểm kê nên không có đợt chuyển đổi nào để cố định',
  },
  {
    rules: ["pin-contradiction"],
    en: '"{system}" is pinned to {date} but must cut over together with "{other}", pinned to {otherDate}',
    vi: '"{system}" được cố định ngày {date} nhưng phải chuyển đổi cùng "{other}", đã cố định ngày {otherDate}',
  },
  {
    rules: ["pin-contradiction"],
    en: '"{system}" is held back until {date} but must cut over together with "{other}", pinned to {otherDate}',
    vi: '"{system}" bị hoãn đến ngày {date} nhưng phải chuyển đổi cùng "{other}", đã cố định ngày {otherDate}',
  },
];

/** Endings other code appends to a message: ` (got X)`, ` (did you mean "x"?)`. Translated after the message before them. */
const SUFFIXES: readonly { readonly en: RegExp; readonly vi: (m: RegExpExecArray) => string }[] = [
  { en: / \(got ([^()]*)\)$/, vi: (m) => ` (nhận được ${m[1]})` },
  { en: / \(did you mean "([^"]*)"\?\)$/, vi: (m) => ` (có phải là "${m[1]}"?)` },
];

const KIND_VI: Readonly<Record<string, string>> = { physical: "vật lý", virtual: "ảo", storage: "lưu trữ", network: "mạng", appliance: "chuyên dụng" };
const NOUN_VI: Readonly<Record<string, string>> = { site: "địa điểm", agency: "cơ quan", server: "máy chủ", system: "hệ thống", external: "hệ thống bên ngoài" };
const USAGE_VI: Readonly<Record<string, string>> = { cpuPct: "CPU", memoryPct: "bộ nhớ", storageUsedPct: "dung lượng lưu trữ" };
const COLLECTION_VI: Readonly<Record<string, string>> = { sites: "địa điểm", agencies: "cơ quan", servers: "máy chủ", systems: "hệ thống", externals: "hệ thống bên ngoài" };
const FIELD_VI: Readonly<Record<string, string>> = {
  site: "địa điểm",
  owner: "cơ quan chủ quản",
  server: "máy chủ",
  hostedOn: "máy chủ vật lý",
  "dependency target": "hệ thống được phụ thuộc",
  consolidateInto: "hệ thống hợp nhất vào",
};
const WHAT_VI: Readonly<Record<string, string>> = { "a list": "một danh sách", nothing: "giá trị rỗng", string: "một chuỗi", number: "một số", boolean: "giá trị đúng/sai", "a string": "một chuỗi", "a number": "một số", "a boolean": "giá trị đúng/sai" };

/** A parameter's value as the Vietnamese sentence needs it (nouns, kinds and dates in words). */
function viValue(name: string, value: string): string {
  switch (name) {
    case "kind":
      return KIND_VI[value] ?? value;
    case "here":
    case "first":
      return NOUN_VI[value] ?? value;
    case "want":
    case "have":
      return `một ${value
        .replace(/^an? /, "")
        .split(" or ")
        .map((n) => NOUN_VI[n] ?? n)
        .join(" hoặc ")}`;
    case "field":
      return FIELD_VI[value] ?? value;
    case "collection":
      return COLLECTION_VI[value] ?? value;
    case "usage":
      return USAGE_VI[value] ?? value;
    case "what":
      return WHAT_VI[value] ?? value;
    case "date":
    case "start":
    case "from":
    case "to":
    case "otherDate":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
    default:
      return value;
  }
}

/** The Vietnamese of a finding's English message; undefined when no twin recognises it. */
export function findingMessageVi(rule: string, message: string): string | undefined {
  // Endings first: "must be one of {values}" would otherwise swallow " (got …)" into {values}.
  for (const s of SUFFIXES) {
    const m = s.en.exec(message);
    if (!m) continue;
    const head = findingMessageVi(rule, message.slice(0, m.index));
    if (head !== undefined) return head + s.vi(m);
  }
  for (const twin of FINDING_TWINS) {
    if (twin.rules && !twin.rules.includes(rule)) continue;
    const params = matchTemplate(twin.en, message);
    if (!params) continue;
    const vi: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) vi[k] = viValue(k, v);
    return fill(twin.vi, vi, "vi");
  }
  return undefined;
}

/** `f` with its message in `lang` (as it was when no twin recognises it). */
export function localiseFinding(f: Finding, lang: Lang): Finding {
  if (lang === "en") return f;
  const message = findingMessageVi(f.rule, f.message);
  return message === undefined ? f : { ...f, message };
}
