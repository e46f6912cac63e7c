// Names of the functions systems serve (the inventory's `function` ids, which are English
// kebab-case keys) in Vietnamese and English, for sentences and tables people read. The inventory
// has no names for functions, so they live here: the functions of the bundled sample, and the
// compound ids of the benchmark generator's vocabulary (a sector's kind of application, e.g.
// `health-records`, and the members behind an application, e.g. `health-records-db`). An id this
// table does not know is shown as its words (`endpoint protection`); add it here to name it.

/** A function's name in both languages (noun phrases that read after "chức năng" / "function"). */
interface FunctionName {
  readonly vi: string;
  readonly en: string;
}

const NAMES: Readonly<Record<string, FunctionName>> = {
  "agriculture-database": { vi: "cơ sở dữ liệu nông nghiệp", en: "agriculture database" },
  backup: { vi: "sao lưu dự phòng", en: "backup" },
  "budget-management": { vi: "quản lý ngân sách", en: "budget management" },
  "business-registration-interface": { vi: "kết nối đăng ký kinh doanh", en: "business registration interface" },
  "cctv-recording": { vi: "ghi hình camera giám sát", en: "CCTV recording" },
  "civil-registration-interface": { vi: "kết nối hộ tịch", en: "civil registration interface" },
  "civil-servant-database": { vi: "cơ sở dữ liệu cán bộ, công chức", en: "civil servant database" },
  "clinic-management": { vi: "quản lý phòng khám", en: "clinic management" },
  "commune-land": { vi: "quản lý đất đai cấp xã", en: "commune land management" },
  "commune-portal": { vi: "trang thông tin điện tử cấp xã", en: "commune website" },
  "commune-registry": { vi: "hộ tịch, chứng thực cấp xã", en: "commune civil registry" },
  "commune-websites": { vi: "trang thông tin điện tử xã, phường", en: "commune and ward websites" },
  "complaints-handling": { vi: "tiếp công dân, giải quyết khiếu nại, tố cáo", en: "complaints handling" },
  "construction-permits": { vi: "cấp phép xây dựng", en: "construction permits" },
  "crime-report-handling": { vi: "tiếp nhận, xử lý tin báo tội phạm", en: "crime report handling" },
  "criminal-record-certificates": { vi: "cấp phiếu lý lịch tư pháp", en: "criminal record certificates" },
  "data-warehouse": { vi: "kho dữ liệu", en: "data warehouse" },
  "dev-test-environment": { vi: "môi trường phát triển, kiểm thử", en: "development and test environment" },
  devops: { vi: "công cụ phát triển, vận hành phần mềm", en: "development and operations tooling" },
  "digital-archive": { vi: "lưu trữ điện tử", en: "digital archive" },
  "digital-signature": { vi: "chữ ký số", en: "digital signature" },
  "document-file-store": { vi: "kho tệp văn bản", en: "document file store" },
  "document-management": { vi: "quản lý văn bản và điều hành", en: "document management" },
  "document-management-db": { vi: "cơ sở dữ liệu quản lý văn bản", en: "document management database" },
  "dossier-repository": { vi: "kho hồ sơ điện tử", en: "dossier repository" },
  "education-database": { vi: "cơ sở dữ liệu ngành giáo dục", en: "education database" },
  "electronic-health-records": { vi: "hồ sơ sức khỏe điện tử", en: "electronic health records" },
  email: { vi: "thư điện tử công vụ", en: "official email" },
  "emulation-awards": { vi: "thi đua, khen thưởng", en: "emulation and awards" },
  "endpoint-protection": { vi: "phòng chống mã độc", en: "endpoint protection" },
  "environmental-monitoring": { vi: "quan trắc môi trường", en: "environmental monitoring" },
  "forest-fire-warning": { vi: "cảnh báo cháy rừng", en: "forest fire warning" },
  "health-data-warehouse": { vi: "kho dữ liệu y tế", en: "health data warehouse" },
  "industry-trade-database": { vi: "cơ sở dữ liệu ngành công thương", en: "industry and trade database" },
  "infrastructure-monitoring": { vi: "giám sát hạ tầng", en: "infrastructure monitoring" },
  "land-database": { vi: "cơ sở dữ liệu đất đai", en: "land database" },
  "land-gis": { vi: "bản đồ địa chính số", en: "land GIS" },
  "land-registration": { vi: "đăng ký đất đai", en: "land registration" },
  lgsp: { vi: "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)", en: "provincial data-sharing platform (LGSP)" },
  "one-stop-shop": { vi: "một cửa điện tử (giải quyết thủ tục hành chính)", en: "one-stop shop (administrative procedures)" },
  "one-stop-shop-db": { vi: "cơ sở dữ liệu một cửa điện tử", en: "one-stop shop database" },
  "one-stop-shop-staging": { vi: "môi trường thử nghiệm một cửa điện tử", en: "one-stop shop staging" },
  "open-data": { vi: "dữ liệu mở", en: "open data" },
  "operations-centre": { vi: "trung tâm điều hành", en: "operations centre" },
  "paperless-meeting": { vi: "phòng họp không giấy", en: "paperless meetings" },
  "party-document-management": { vi: "quản lý văn bản khối Đảng", en: "party document management" },
  "planning-gis": { vi: "bản đồ quy hoạch", en: "planning GIS" },
  portal: { vi: "cổng thông tin điện tử", en: "web portal" },
  "queue-management": { vi: "xếp hàng, đánh giá hài lòng tại Bộ phận Một cửa", en: "queue management" },
  "school-enrolment": { vi: "tuyển sinh trực tuyến", en: "school enrolment" },
  "security-monitoring": { vi: "giám sát an toàn thông tin", en: "security monitoring" },
  "smart-radio": { vi: "truyền thanh thông minh", en: "smart radio" },
  "sms-gateway": { vi: "gửi tin nhắn SMS", en: "SMS gateway" },
  sso: { vi: "đăng nhập tập trung (SSO)", en: "single sign-on (SSO)" },
  "tourism-portal": { vi: "cổng thông tin du lịch", en: "tourism portal" },
  traceability: { vi: "truy xuất nguồn gốc", en: "traceability" },
  "traffic-surveillance": { vi: "giám sát giao thông", en: "traffic surveillance" },
  "video-conferencing": { vi: "hội nghị truyền hình trực tuyến", en: "video conferencing" },
};

/** Kinds of a sector's application (`<sector>-<kind>`). */
const KINDS: Readonly<Record<string, FunctionName>> = {
  records: { vi: "quản lý hồ sơ", en: "records" },
  registry: { vi: "cơ sở dữ liệu chuyên ngành", en: "registry" },
  reporting: { vi: "báo cáo", en: "reporting" },
  gis: { vi: "thông tin địa lý", en: "GIS" },
  licensing: { vi: "cấp phép", en: "licensing" },
  inspection: { vi: "thanh tra, kiểm tra", en: "inspection" },
  statistics: { vi: "thống kê", en: "statistics" },
  archive: { vi: "lưu trữ điện tử", en: "archive" },
  hr: { vi: "quản lý cán bộ", en: "human resources" },
  accounting: { vi: "kế toán", en: "accounting" },
  monitoring: { vi: "giám sát, điều hành", en: "monitoring" },
  elearning: { vi: "học trực tuyến", en: "e-learning" },
};

/** Sectors (`<sector>-<kind>`), as "ngành …" / an English adjective. */
const SECTORS: Readonly<Record<string, FunctionName>> = {
  govoffice: { vi: "văn phòng Ủy ban nhân dân", en: "government office" },
  digital: { vi: "khoa học và công nghệ", en: "science and technology" },
  health: { vi: "y tế", en: "health" },
  education: { vi: "giáo dục", en: "education" },
  land: { vi: "đất đai và môi trường", en: "land and environment" },
  finance: { vi: "tài chính", en: "finance" },
  construction: { vi: "xây dựng", en: "construction" },
  civilservice: { vi: "nội vụ", en: "civil service" },
  justice: { vi: "tư pháp", en: "justice" },
  trade: { vi: "công thương", en: "industry and trade" },
  culture: { vi: "văn hóa và du lịch", en: "culture and tourism" },
  ethnic: { vi: "dân tộc và tôn giáo", en: "ethnic and religious affairs" },
  inspection: { vi: "thanh tra", en: "inspection" },
  insurance: { vi: "bảo hiểm xã hội", en: "social insurance" },
  industrial: { vi: "khu công nghiệp", en: "industrial zones" },
  police: { vi: "công an", en: "police" },
};

/** Members behind an application (`<function>-<member>`). */
const MEMBERS: Readonly<Record<string, FunctionName>> = {
  db: { vi: "cơ sở dữ liệu", en: "database" },
  cache: { vi: "bộ đệm", en: "cache" },
  report: { vi: "máy chủ báo cáo", en: "report server" },
  search: { vi: "máy chủ tìm kiếm", en: "search server" },
  staging: { vi: "môi trường thử nghiệm", en: "staging" },
};

function lookup(id: string): FunctionName | undefined {
  const exact = NAMES[id];
  if (exact) return exact;
  const dash = id.lastIndexOf("-");
  if (dash <= 0) return undefined;
  const head = id.slice(0, dash);
  const tail = id.slice(dash + 1);
  const member = MEMBERS[tail];
  if (member) {
    const base = lookup(head);
    if (base) return { vi: `${member.vi} của ${base.vi}`, en: `${base.en} ${member.en}` };
  }
  const kind = KINDS[tail];
  const sector = SECTORS[head];
  if (kind && sector) return { vi: `${kind.vi} ngành ${sector.vi}`, en: `${sector.en} ${kind.en}` };
  return undefined;
}

/** The name of function `id` in `lang` (lower case, a noun phrase); unknown ids as their words. */
export function functionName(id: string, lang: "vi" | "en"): string {
  return lookup(id)?.[lang] ?? id.replace(/-/g, " ");
}

/** True when `id` has a name here (an unknown one is shown as its words). */
export function isKnownFunction(id: string): boolean {
  return lookup(id) !== undefined;
}
