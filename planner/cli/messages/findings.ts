// The messages of findings that other modules write in English (the inventory's schema and rules,
// the YAML reader, the planning profile, the price book, the plan file, the importers and their
// mapping, the survey, a stack's configuration) and of the import's notes, in Vietnamese: each entry is a finding's English message
// template with the rules that write it, and its Vietnamese twin. The CLI prints a finding under
// `--lang vi` by recognising its message here (template.ts); `file:line:col: entity field:` stays as
// it is. A message no entry recognises is printed in English, as written.
// test/cli/finding-messages.test.ts runs the inventory and profile rules on bad inputs and fails
// on any message without a Vietnamese twin, and on twins whose parameters differ.
import { type Finding, formatFinding } from "../../../common/errors.js";
import { cliText } from "./cli.js";
import type { Lang } from "../../export/i18n.js";
import { fill, matchTemplate } from "./template.js";

/** One finding message in both languages; `rules` limits it to findings of those rules [any rule]. */
export interface FindingTwin {
  readonly rules?: readonly string[];
  readonly en: string;
  readonly vi: string;
}

const SCHEMA = ["wrong-type", "out-of-range", "invalid-value", "invalid-field", "profile-schema", "unknown-field", "price-book-schema", "invalid-mapping", "invalid-cell", "invalid-config", "missing-config", "invalid-netbox"];

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
  { rules: SCHEMA, en: "must be ≥ 0 (a price cannot be negative)", vi: "phải ≥ 0 (giá không thể âm)" },
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
  // ── the price book (planner/cost/) ──────────────────────────────────────────────────────────
  { rules: ["document-shape"], en: "a price book is one YAML document; found more than one", vi: "bảng giá chỉ gồm một tài liệu YAML; ở đây có nhiều hơn một" },
  { rules: ["document-shape"], en: "a price book must be a mapping (currency, hardware, electricity, labour…)", vi: "bảng giá phải là một ánh xạ các mục (currency, hardware, electricity, labour…)" },
  { rules: SCHEMA, en: "must be a whole number of đồng", vi: "phải là số đồng nguyên" },
  { rules: SCHEMA, en: "is required: engineer-days per unit of work", vi: "là bắt buộc: số ngày công kỹ sư cho mỗi đơn vị công việc" },
  { rules: SCHEMA, en: "must be a number of engineer-days", vi: "phải là số ngày công kỹ sư" },
  { rules: SCHEMA, en: "must be at most {n} days (ten years)", vi: "không được quá {n} ngày (mười năm)" },
  { rules: SCHEMA, en: "must be at most {n} systems", vi: "không được quá {n} hệ thống" },
  { rules: SCHEMA, en: "must be at most {n} GiB (1 EiB)", vi: "không được quá {n} GiB (1 EiB)" },
  { rules: SCHEMA, en: "must be at most {n} vCPUs per core", vi: "không được quá {n} vCPU mỗi lõi" },
  { rules: SCHEMA, en: "must be at least 0.01 (1 %)", vi: "phải ít nhất 0,01 (1 %)" },
  { rules: SCHEMA, en: "must be at most {n} engineer-days", vi: "không được quá {n} ngày công kỹ sư" },
  { rules: SCHEMA, en: "must be a number of years", vi: "phải là số năm" },
  { rules: SCHEMA, en: "must be at most {n} years", vi: "không được quá {n} năm" },
  { rules: SCHEMA, en: "must be at most {n}", vi: "không được quá {n}" },
  { rules: SCHEMA, en: "is required with amount: server", vi: "là bắt buộc khi có amount (giá mỗi máy chủ): đơn vị tính là máy chủ" },
  { rules: SCHEMA, en: "is required with amount: the date the price was quoted", vi: "là bắt buộc khi có amount: ngày báo giá" },
  {
    rules: SCHEMA,
    en: "needs amount (the price per server); leave unit and quoted out when cores and memory are priced on their own",
    vi: "cần amount (giá mỗi máy chủ); bỏ unit và quoted khi giá lõi CPU và bộ nhớ được tính riêng",
  },
  { rules: SCHEMA, en: "is required: the unit this price is quoted per ({units})", vi: "là bắt buộc: đơn vị tính của giá này ({units})" },
  { rules: SCHEMA, en: "unknown unit {unit}: this price is quoted per one of {units}", vi: "đơn vị {unit} không hợp lệ: giá này tính theo một trong các đơn vị {units}" },
  { rules: SCHEMA, en: "unknown unit {unit}: this price is quoted per {units}", vi: "đơn vị {unit} không hợp lệ: giá này tính theo {units}" },
  { rules: SCHEMA, en: "is required: VND (every amount in the price book is in đồng)", vi: "là bắt buộc: VND (mọi số tiền trong bảng giá tính bằng đồng)" },
  { rules: SCHEMA, en: "must be VND (every amount is in đồng), got {value}", vi: "phải là VND (mọi số tiền tính bằng đồng), nhận được {value}" },
  // ── the plan file (planner/read-plan.ts) ────────────────────────────────────────────────────
  { rules: ["invalid-json"], en: "not valid JSON: {why}", vi: "không phải JSON hợp lệ: {why}" },
  { rules: ["invalid-json"], en: "is empty: not a plan file (write one with dcplan plan --out FILE)", vi: "trống: không phải tệp kế hoạch (ghi một tệp bằng dcplan plan --out TỆP)" },
  { rules: ["not-utf8"], en: "is not UTF-8 text (a plan file written by dcplan plan is UTF-8): the byte here is not", vi: "không phải văn bản UTF-8 (tệp kế hoạch do dcplan plan ghi là UTF-8): byte ở đây không hợp lệ" },
  // ── importing (inventory/import/): findings ──────────────────────────────────────────────────
  { rules: ["json-syntax"], en: "not valid JSON ({why}): save the API response as it is", vi: "không phải JSON hợp lệ ({why}): hãy lưu nguyên văn phản hồi của API" },
  {
    rules: ["not-netbox"],
    en: "not a NetBox API export: expected a page {count, next, previous, results: […]}, a list of pages, or a list of objects",
    vi: "không phải dữ liệu xuất từ API của NetBox: cần một trang {count, next, previous, results: […]}, một danh sách trang hoặc một danh sách đối tượng",
  },
  { rules: ["not-netbox"], en: "not a NetBox site, device or virtual machine (no url, device_type, vcpus or facility)", vi: "không phải địa điểm, thiết bị hay máy ảo của NetBox (không có url, device_type, vcpus hay facility)" },
  {
    rules: ["missing-page"],
    en: '{noun}: {seen} of {count} objects: a page is missing; give every page (follow "next" until it is null, or ask with ?limit=0 when MAX_PAGE_SIZE allows)',
    vi: '{noun}: có {seen} trên {count} đối tượng: thiếu một trang; hãy đưa đủ mọi trang (theo "next" cho đến khi nó là null, hoặc hỏi với ?limit=0 khi MAX_PAGE_SIZE cho phép)',
  },
  {
    rules: ["missing-sheet"],
    en: 'no sheet "vInfo": not an RVTools export, or exported without the vInfo tab (sheets found: {sheets})',
    vi: 'không có trang "vInfo": không phải tệp xuất từ RVTools, hoặc đã xuất mà không có trang vInfo (các trang có: {sheets})',
  },
  { rules: ["missing-column"], en: 'missing column "{column}" (the template\'s header row must be kept)', vi: 'thiếu cột "{column}" (phải giữ nguyên dòng tiêu đề của biểu mẫu)' },
  { rules: ["missing-column"], en: 'missing column "{column}" (keep the form\'s header row)', vi: 'thiếu cột "{column}" (hãy giữ nguyên dòng tiêu đề của phiếu)' },
  { rules: ["missing-column"], en: 'missing column "{column}"{others}', vi: 'thiếu cột "{column}"{others}' },
  { rules: ["unreadable-file"], en: "is a directory, not an XLSX workbook", vi: "là một thư mục, không phải sổ tính XLSX" },
  { rules: ["not-xlsx"], en: "cannot read as an XLSX workbook ({why}); save it as Excel Workbook (.xlsx)", vi: "không đọc được như một sổ tính XLSX ({why}); hãy lưu lại dưới dạng Excel Workbook (.xlsx)" },
  {
    rules: ["missing-sheet"],
    en: 'missing sheet "{sheet}": the workbook must keep every sheet of the template ({sheets}); write dcplan template to get a fresh one',
    vi: 'thiếu trang "{sheet}": sổ tính phải giữ đủ các trang của biểu mẫu ({sheets}); chạy dcplan template để có biểu mẫu mới',
  },
  {
    rules: ["missing-sheet"],
    en: 'missing sheet "{sheet}": keep every sheet of the form (dcplan survey template writes a fresh one)',
    vi: 'thiếu trang "{sheet}": hãy giữ đủ các trang của phiếu (dcplan survey template tạo phiếu mới)',
  },
  { rules: SCHEMA, en: "must be lowercase letters without accents, digits and '-', 1–63 characters", vi: "phải gồm chữ thường không dấu, chữ số và '-', dài 1–63 ký tự" },
  {
    rules: SCHEMA,
    en: "unknown {what} {value}: choose one from the drop-down list (sheet {lists}) or add it to sheet {sheet}",
    vi: "{what} {value} không có trong danh sách: chọn trong danh sách thả xuống (trang {lists}) hoặc thêm vào trang {sheet}",
  },
  { rules: SCHEMA, en: "unknown {what} {values}: list them on sheet {sheet} or check the ids", vi: "{what} {values} không có trong danh sách: hãy kê khai ở trang {sheet} hoặc kiểm tra lại mã" },
  {
    rules: ["wrong-encoding"],
    en: 'not UTF-8 text (byte 0x{byte}): the file was saved in another code page (Windows-1258, TCVN3…); save it as "CSV UTF-8 (Comma delimited)"',
    vi: 'không phải văn bản UTF-8 (byte 0x{byte}): tệp được lưu theo bảng mã khác (Windows-1258, TCVN3…); hãy lưu lại dưới dạng "CSV UTF-8 (Comma delimited)"',
  },
  { rules: ["empty-csv"], en: "is empty: a CSV with a header line is expected", vi: "trống: cần một tệp CSV có dòng tiêu đề" },
  { rules: SCHEMA, en: "must be a pattern (text)", vi: "phải là một mẫu (chuỗi ký tự)" },
  { rules: SCHEMA, en: "must be a tag (text)", vi: "phải là một nhãn (chuỗi ký tự)" },
  { rules: SCHEMA, en: "is not a valid regular expression: {why}", vi: "không phải biểu thức chính quy hợp lệ: {why}" },
  { rules: SCHEMA, en: "needs at least one of {keys} to match on", vi: "cần ít nhất một trong {keys} để so khớp" },
  { rules: SCHEMA, en: "must be a rule or a list of rules", vi: "phải là một quy tắc hoặc danh sách quy tắc" },
  { rules: SCHEMA, en: "must be a list of rules", vi: "phải là danh sách quy tắc" },
  { rules: SCHEMA, en: "must be a list of systems", vi: "phải là danh sách hệ thống" },
  { rules: SCHEMA, en: "must be physical, virtual, storage, network, appliance or skip", vi: "phải là physical, virtual, storage, network, appliance hoặc skip" },
  { rules: SCHEMA, en: "must be text", vi: "phải là chuỗi ký tự" },
  { rules: SCHEMA, en: "must be lowercase letters, digits and '-'", vi: "phải gồm chữ thường, chữ số và '-'" },
  { rules: SCHEMA, en: "must map source names to site ids", vi: "phải ánh xạ tên trong nguồn sang mã địa điểm" },
  { rules: ["id-clash"], en: 'server id "{id}" is already a {noun} in {file}', vi: 'mã máy chủ "{id}" đã là mã của một {noun} trong {file}' },
  { rules: ["id-clash"], en: 'system id "{id}" is already a {noun} in {file}', vi: 'mã hệ thống "{id}" đã là mã của một {noun} trong {file}' },
  { rules: ["id-clash"], en: 'id "{id}" is already a {noun} in {file}', vi: 'mã "{id}" đã là mã của một {noun} trong {file}' },
  { rules: ["yaml-syntax"], en: "cannot merge into this file: YAML syntax error: {why}", vi: "không gộp được vào tệp này: lỗi cú pháp YAML: {why}" },
  { rules: SCHEMA, en: "must be tcp or udp", vi: "phải là tcp hoặc udp" },
  { rules: SCHEMA, en: "must be tight or loose", vi: "phải là tight (chặt) hoặc loose (lỏng)" },
  { rules: SCHEMA, en: "a dependency row needs both ends (source and target)", vi: "mỗi dòng quan hệ phụ thuộc cần đủ hai đầu (nguồn và đích)" },
  { rules: SCHEMA, en: "a dependency row needs both ends (source and destination server name or IP)", vi: "mỗi dòng quan hệ phụ thuộc cần đủ hai đầu (tên hoặc địa chỉ IP của máy chủ nguồn và đích)" },
  { rules: SCHEMA, en: "a dependency row needs both ends ({ends})", vi: "mỗi dòng quan hệ phụ thuộc cần đủ hai đầu ({ends})" },
  { rules: SCHEMA, en: "is empty: every server row needs its name", vi: "trống: mỗi dòng máy chủ cần có tên" },
  { rules: SCHEMA, en: "is empty: the number of cores is mandatory", vi: "trống: số lõi CPU là bắt buộc" },
  { rules: SCHEMA, en: "is empty: the memory in MB is mandatory", vi: "trống: dung lượng bộ nhớ (MB) là bắt buộc" },
  { rules: SCHEMA, en: "must be Virtual or Physical", vi: "phải là Virtual (máy ảo) hoặc Physical (máy vật lý)" },
  { rules: SCHEMA, en: "must be a date dd/mm/yyyy", vi: "phải là ngày dạng dd/mm/yyyy" },
  { rules: SCHEMA, en: "must be a real calendar date", vi: "phải là một ngày có thật" },
  { rules: SCHEMA, en: "must be Có or Không", vi: "phải là Có hoặc Không" },
  { rules: SCHEMA, en: "unknown {what} {value}; choose one of {choices}", vi: "{what} {value} không có trong danh sách; chọn một trong {choices}" },
  { rules: ["unreadable-file", "unreadable"], en: "no such file", vi: "không có tệp này" },
  { rules: ["unreadable-file", "unreadable"], en: "cannot read: {why}", vi: "không đọc được: {why}" },
  { rules: SCHEMA, en: "host {host} is not in the inventory", vi: "máy chủ {host} không có trong dữ liệu kiểm kê" },
  {
    rules: SCHEMA,
    en: 'a virtual server needs the host it runs on: add a "Host" column, or set hosts.default in the mapping',
    vi: 'máy ảo cần ghi máy chủ vật lý mà nó chạy trên đó: thêm cột "Host", hoặc đặt hosts.default trong tệp ánh xạ',
  },
  {
    rules: SCHEMA,
    en: "physical server has no CPU cores: NetBox has no such field; set custom field {field} (or name yours in the mapping, netbox.customFields.cpuCores)",
    vi: "máy chủ vật lý không có số lõi CPU: NetBox không có trường này; hãy đặt trường tuỳ chỉnh {field} (hoặc khai báo tên trường của mình trong tệp ánh xạ, netbox.customFields.cpuCores)",
  },
  {
    rules: SCHEMA,
    en: "physical server has no memory: set custom field {field} in GiB (or name yours in the mapping, netbox.customFields.memoryGiB)",
    vi: "máy chủ vật lý không có dung lượng bộ nhớ: hãy đặt trường tuỳ chỉnh {field} theo GiB (hoặc khai báo tên trường của mình trong tệp ánh xạ, netbox.customFields.memoryGiB)",
  },
  { rules: SCHEMA, en: "virtual machine has no name", vi: "máy ảo không có tên" },
  { rules: SCHEMA, en: "must be a number of vCPUs > 0", vi: "phải là số vCPU > 0" },
  { rules: SCHEMA, en: "must be the memory in MB > 0", vi: "phải là dung lượng bộ nhớ theo MB > 0" },
  { rules: SCHEMA, en: "must be a disk size", vi: "phải là dung lượng đĩa" },
  { rules: SCHEMA, en: "host device {host} is neither in the devices export nor in the inventory", vi: "thiết bị chủ {host} không có trong dữ liệu xuất thiết bị lẫn dữ liệu kiểm kê" },
  {
    rules: SCHEMA,
    en: 'no host: NetBox gives no device and cluster "{cluster}" has {n} hosts in the export; set the VM\'s device in NetBox, or hosts.{key} in the mapping',
    vi: 'chưa có máy chủ vật lý: NetBox không ghi thiết bị và cụm "{cluster}" có {n} máy chủ trong dữ liệu xuất; hãy ghi thiết bị của máy ảo trong NetBox, hoặc hosts.{key} trong tệp ánh xạ',
  },
  {
    rules: SCHEMA,
    en: "no host: NetBox gives no device and no cluster; set the VM's device in NetBox, or hosts.{key} in the mapping",
    vi: "chưa có máy chủ vật lý: NetBox không ghi thiết bị và không ghi cụm; hãy ghi thiết bị của máy ảo trong NetBox, hoặc hosts.{key} trong tệp ánh xạ",
  },
  { rules: SCHEMA, en: "must be True or False", vi: "phải là True hoặc False" },
  {
    rules: SCHEMA,
    en: 'is empty: the host\'s physical cores ("# Cores", or "# CPU" × "Cores per CPU") are required',
    vi: 'trống: cần số lõi vật lý của máy chủ ("# Cores", hoặc "# CPU" × "Cores per CPU")',
  },
  { rules: SCHEMA, en: "is empty: every VM row needs its name", vi: "trống: mỗi dòng máy ảo cần có tên" },
  { rules: SCHEMA, en: "is empty: the ESXi host the VM runs on is required", vi: "trống: cần máy chủ ESXi mà máy ảo chạy trên đó" },
  { rules: SCHEMA, en: "host {host} is neither in vHost nor in the inventory", vi: "máy chủ {host} không có trong trang vHost lẫn dữ liệu kiểm kê" },
  { rules: SCHEMA, en: "is empty: every row needs its id (Mã)", vi: "trống: mỗi dòng cần có mã (Mã)" },
  { rules: SCHEMA, en: "duplicate id: also at {place}", vi: "mã bị trùng: cũng có ở {place}" },
  { rules: ["missing-price"], en: "no price for {prices}; the plan needs it for {subjects}", vi: "chưa có giá cho {prices}; kế hoạch cần giá này cho {subjects}" },
  // ── the commune IT-support survey (survey/) ─────────────────────────────────────────────────
  { rules: ["duplicate-form"], en: "{count} forms for this unit ({files}): keep one", vi: "có {count} phiếu cho đơn vị này ({files}): chỉ giữ một phiếu" },
  { rules: SCHEMA, en: "{value} is not in the list; choose one of {choices}", vi: "{value} không có trong danh sách; chọn một trong {choices}" },
  { rules: SCHEMA, en: "unknown commune or ward {value}: choose it from the drop-down list", vi: "xã, phường {value} không có trong danh sách: hãy chọn trong danh sách thả xuống" },
  { rules: SCHEMA, en: "{task} is not a task of the form: do not change column A", vi: "{task} không phải công việc của phiếu: không sửa cột A" },
  // ── a stack's configuration (stacks/, for `render`) ─────────────────────────────────────────
  { rules: ["missing-stack"], en: 'no stack file for stack "{stack}"', vi: 'không có tệp cấu hình cho stack "{stack}"' },
  { rules: ["unknown-config"], en: "unknown configuration key (known: {keys})", vi: "khoá cấu hình không hợp lệ (các khoá hợp lệ: {keys})" },
  { rules: ["unreadable"], en: "cannot read the file", vi: "không đọc được tệp" },
  { rules: ["invalid-yaml"], en: "not valid YAML: {why}", vi: "không phải YAML hợp lệ: {why}" },
  { rules: ["secret-in-plaintext"], en: "is stored in plaintext; set it with `pulumi config set --secret --path '{key}…'`", vi: "đang lưu dạng văn bản thường; hãy đặt bằng `pulumi config set --secret --path '{key}…'`" },
  {
    rules: ["ignored-provider-config"],
    en: "is not read: dcplan's resources use their own Kubernetes provider; set `pulumi config set {ours} …` instead and remove this key (`pulumi config rm kubernetes:{key}`)",
    vi: "không được đọc: tài nguyên của dcplan dùng trình cung cấp Kubernetes riêng; hãy đặt `pulumi config set {ours} …` thay vào đó và xoá khoá này (`pulumi config rm kubernetes:{key}`)",
  },
  { rules: SCHEMA, en: "must be an http(s) URL", vi: "phải là một địa chỉ http(s)" },
  { rules: SCHEMA, en: "must be an https:// URL ({what})", vi: "phải là một địa chỉ https:// ({what})" },
  { rules: SCHEMA, en: "must be namespace/name of a NetworkAttachmentDefinition", vi: "phải có dạng namespace/tên của một NetworkAttachmentDefinition" },
  {
    rules: SCHEMA,
    en: "is required for a multus destination (namespace/name of the NetworkAttachmentDefinition)",
    vi: "là bắt buộc với đích multus (namespace/tên của NetworkAttachmentDefinition)",
  },
  { rules: SCHEMA, en: "is only used with destination multus, not {destination}", vi: "chỉ dùng với đích multus, không dùng với {destination}" },
  { rules: SCHEMA, en: "must list the vCenter and ESXi management CIDRs", vi: "phải liệt kê các dải CIDR quản trị của vCenter và ESXi" },
  { rules: SCHEMA, en: "must name at least one datastore", vi: "phải có ít nhất một datastore" },
  { rules: SCHEMA, en: "must map at least one network", vi: "phải ánh xạ ít nhất một mạng" },
  { rules: SCHEMA, en: "must be an offset like +07:00", vi: "phải là độ lệch múi giờ dạng +07:00" },
  { rules: SCHEMA, en: "must list the SOC's addresses", vi: "phải liệt kê các địa chỉ của SOC" },
  { rules: SCHEMA, en: "must be an S3 bucket name (3–63 lowercase letters, digits, '.', '-')", vi: "phải là tên bucket S3 (3–63 ký tự: chữ thường, chữ số, '.', '-')" },
  { rules: SCHEMA, en: "must list at least one CIDR or range", vi: "phải có ít nhất một dải CIDR hoặc khoảng địa chỉ" },
  { rules: SCHEMA, en: "must name at least one pool", vi: "phải có ít nhất một pool" },
  { rules: SCHEMA, en: "must be a duration like 90s", vi: "phải là khoảng thời gian như 90s" },
  { rules: SCHEMA, en: "must be a duration like 90s or 1m30s", vi: "phải là khoảng thời gian như 90s hoặc 1m30s" },
  { rules: SCHEMA, en: "must be a Kubernetes minor version like v1.33", vi: "phải là phiên bản Kubernetes dạng v1.33" },
  { rules: SCHEMA, en: "must be a community like 65000:100 or large:1:2:3", vi: "phải là community dạng 65000:100 hoặc large:1:2:3" },
  // the most general last: any "must be a …" the twins above do not know
  { rules: SCHEMA, en: "must be a whole number {range}", vi: "phải là số nguyên {range}" },
  { rules: SCHEMA, en: "must be a number {range}", vi: "phải là một số {range}" },
  { rules: SCHEMA, en: "must be a {what}", vi: "phải là {what}" },
  // ── importing: notes printed in the import's summary (rules = the note's kind) ────────────────
  { rules: ["unmapped-vm"], en: 'VM "{name}" belongs to no system (no rule of the mapping matches it and no system lists it)', vi: 'máy ảo "{name}" chưa thuộc hệ thống nào (không quy tắc nào của tệp ánh xạ khớp với nó và không hệ thống nào liệt kê nó)' },
  { rules: ["skipped-device"], en: "device #{id} has no name: not imported (give it a name in NetBox)", vi: "thiết bị #{id} không có tên: không nhập (hãy đặt tên cho nó trong NetBox)" },
  { rules: ["skipped-device"], en: 'device "{name}" is {status} in NetBox: not imported', vi: 'thiết bị "{name}" có trạng thái {status} trong NetBox: không nhập' },
  {
    rules: ["skipped-device"],
    en: 'device "{name}" has role {role}, which no kind is given for: not imported (map it in mapping.yaml under netbox.roles)',
    vi: 'thiết bị "{name}" có vai trò {role} chưa được gán loại máy chủ: không nhập (khai báo vai trò này trong mapping.yaml, mục netbox.roles)',
  },
  { rules: ["skipped-vm"], en: 'virtual machine "{name}" is {status} in NetBox: not imported', vi: 'máy ảo "{name}" có trạng thái {status} trong NetBox: không nhập' },
  {
    rules: ["unresolved-dependency"],
    en: 'dependency {from} → {to} not imported: "{which}" is no system, external, or server that a system lists',
    vi: 'không nhập quan hệ phụ thuộc {from} → {to}: "{which}" không phải hệ thống, hệ thống bên ngoài hay máy chủ mà một hệ thống liệt kê',
  },
  {
    rules: ["template"],
    en: 'VM template "{name}" not imported (templates run nothing; set templates: true in the mapping to import them)',
    vi: 'không nhập mẫu máy ảo "{name}" (mẫu không chạy gì; đặt templates: true trong tệp ánh xạ để nhập chúng)',
  },
  { rules: ["srm-placeholder"], en: 'SRM placeholder "{name}" not imported (a replica\'s placeholder, not a running VM)', vi: 'không nhập máy ảo giữ chỗ SRM "{name}" (chỗ giữ cho bản sao, không phải máy ảo đang chạy)' },
  { rules: ["powered-off"], en: 'VM "{name}" is {state} (imported; a candidate to retire)', vi: 'máy ảo "{name}" đang ở trạng thái {state} (đã nhập; có thể xem xét loại bỏ)' },
  {
    rules: ["decision-kept"],
    en: "system {id}: the source says {source}, the inventory already says {inventory} ({file}); kept — change it there if the source is right",
    vi: "hệ thống {id}: nguồn ghi {source}, dữ liệu kiểm kê đã ghi {inventory} ({file}); giữ nguyên — hãy sửa ở đó nếu nguồn đúng",
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
    case "noun":
      return NOUN_VI[value] ?? NOUN_VI[value.replace(/ies$/, "y").replace(/s$/, "")] ?? (value === "virtual machines" ? "máy ảo" : value === "devices" ? "thiết bị" : value);
    case "others":
      return value.replace(/^ \(or (.*)\)$/, " (hoặc $1)");
    case "role":
      return value === "(none)" ? "(không có)" : value;
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
  if (f.vi !== undefined) {
    const { entity: _entity, path: _path, ...rest } = f;
    return { ...rest, message: f.vi };
  }
  const message = findingMessageVi(f.rule, f.message);
  return message === undefined ? f : { ...f, message };
}

/** A located finding as one line in `lang`: `file:line:col: warning: entity field: message`, the message (and the word warning) translated. */
export function formatLocalisedFinding(f: Finding, lang: Lang): string {
  const line = formatFinding(localiseFinding(f, lang));
  return lang === "en" || f.severity !== "warning" ? line : line.replace("warning: ", `${cliText(lang, "main.warning")}: `);
}
