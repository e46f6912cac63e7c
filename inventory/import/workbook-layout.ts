// The province's inventory workbook (biểu mẫu kê khai), shared by the template writer
// (template.ts) and the reader (workbook.ts): one sheet per entity kind plus one for dependencies,
// in Vietnamese, each column with its header, the inventory field it fills, its type, whether it
// is required, its drop-down choices and an example value. Row 1 holds the headers, row 2 an
// example whose id starts with `vi-du` (never imported), data follows. Choices are written in
// Vietnamese and read back in Vietnamese or as the inventory's own values.
import type { Collection } from "../schema.js";

/** Sheet names (Vietnamese; Excel allows at most 31 characters). */
export const SHEET = {
  guide: "Hướng dẫn",
  sites: "Địa điểm",
  agencies: "Cơ quan",
  servers: "Máy chủ",
  systems: "Hệ thống",
  dependencies: "Phụ thuộc",
  externals: "Hệ thống ngoài",
  lists: "Danh mục",
} as const;

/** Rows whose id starts with this are examples (skipped on import). */
export const EXAMPLE_PREFIX = "vi-du";

/** A fixed set of choices: inventory value → Vietnamese label (written) and other accepted spellings. */
export type Choices = ReadonlyMap<string, readonly string[]>;

const choices = (entries: [string, ...string[]][]): Choices => new Map(entries.map(([v, ...labels]) => [v, labels]));

export const SITE_KINDS = choices([
  ["datacenter", "Trung tâm dữ liệu"],
  ["cloud", "Đám mây"],
  ["colocation", "Thuê chỗ đặt"],
]);
export const AGENCY_KINDS = choices([
  ["department", "Sở, ban, ngành", "Sở"],
  ["commune", "Xã"],
  ["ward", "Phường"],
  ["police", "Công an"],
  ["party", "Cơ quan Đảng", "Đảng"],
  ["other", "Khác"],
]);
export const SERVER_KINDS = choices([
  ["physical", "Máy chủ vật lý", "Vật lý"],
  ["virtual", "Máy ảo"],
  ["storage", "Thiết bị lưu trữ", "Lưu trữ"],
  ["network", "Thiết bị mạng", "Mạng"],
  ["appliance", "Thiết bị chuyên dụng", "Chuyên dụng"],
]);
export const COUPLINGS = choices([
  ["tight", "Chặt", "Chặt chẽ"],
  ["loose", "Lỏng", "Lỏng lẻo"],
]);
export const PROTOCOLS = choices([
  ["tcp", "TCP"],
  ["udp", "UDP"],
]);
export const LIFECYCLES = choices([
  ["active", "Đang vận hành"],
  ["legacy", "Cũ, vẫn dùng"],
  ["retiring", "Sắp dừng"],
]);
export const DISPOSITIONS = choices([
  ["retain", "Giữ nguyên"],
  ["rehost", "Chuyển nguyên trạng"],
  ["replatform", "Chuyển lên nền tảng dùng chung"],
  ["relocate", "Di dời thiết bị"],
  ["consolidate", "Hợp nhất"],
  ["retire", "Loại bỏ"],
]);
export const YES_NO = choices([
  ["true", "Có"],
  ["false", "Không"],
]);

/** The lists on sheet Danh mục that drop-downs read (entities known when the template was written). */
export type ListName = "sites" | "agencies" | "servers" | "systems" | "targets";

/** How a column's cells are read and checked. */
export type ColumnType =
  | { readonly kind: "id" }
  | { readonly kind: "text" }
  | { readonly kind: "int"; readonly min?: number; readonly max?: number; readonly exclusiveMin?: boolean; /** Offer min…max as a drop-down [false]. */ readonly dropdown?: boolean }
  | { readonly kind: "number"; readonly min?: number; readonly max?: number; readonly exclusiveMin?: boolean }
  | { readonly kind: "date" }
  | { readonly kind: "choice"; readonly choices: Choices; readonly what: string }
  | { readonly kind: "ref"; readonly list: ListName; readonly what: string }
  | { readonly kind: "refs"; readonly list: ListName; readonly what: string }
  | { readonly kind: "tags" };

/** One column of a sheet. */
export interface WorkbookColumn {
  /** Inventory field (dotted for nested: `usage.cpuPct`, `os.name`); `x-note` for free notes. */
  readonly field: string;
  /** Header text (Vietnamese, with the unit). */
  readonly header: string;
  /** What to write, shown as the header cell's note and on the guide sheet. */
  readonly help: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  /** Column width in characters. */
  readonly width: number;
  /** Value in the example row. */
  readonly example?: string | number;
}

/** One data sheet. */
export interface WorkbookSheet {
  readonly key: Collection | "dependencies";
  readonly name: string;
  /** What the sheet lists (for the guide). */
  readonly purpose: string;
  readonly columns: readonly WorkbookColumn[];
}

const id = (help: string, example: string): WorkbookColumn => ({ field: "id", header: "Mã", help, type: { kind: "id" }, required: true, width: 22, example });

/** The data sheets in order. */
export const WORKBOOK_SHEETS: readonly WorkbookSheet[] = [
  {
    key: "sites",
    name: SHEET.sites,
    purpose: "Các trung tâm dữ liệu, đám mây, nơi thuê chỗ đặt thiết bị.",
    columns: [
      id("Mã địa điểm: chữ thường không dấu, số và dấu gạch ngang, ví dụ dc-bn.", "vi-du-dc"),
      { field: "name", header: "Tên", help: "Tên đầy đủ.", type: { kind: "text" }, required: true, width: 40, example: "Trung tâm tích hợp dữ liệu tỉnh (ví dụ)" },
      { field: "kind", header: "Loại", help: "Chọn trong danh sách.", type: { kind: "choice", choices: SITE_KINDS, what: "site kind" }, required: true, width: 20, example: "Trung tâm dữ liệu" },
      { field: "racks", header: "Số tủ rack", help: "Số tủ rack đã lắp đặt.", type: { kind: "int", min: 0 }, width: 12, example: 10 },
      { field: "powerKw", header: "Công suất điện (kW)", help: "Công suất điện dùng được cho thiết bị CNTT, kW.", type: { kind: "number", min: 0 }, width: 14, example: 60 },
      { field: "pue", header: "PUE", help: "Hiệu quả sử dụng điện (≥ 1).", type: { kind: "number", min: 1 }, width: 8, example: 1.6 },
      { field: "wan.tslcdMbps", header: "Băng thông TSLCD (Mbit/s)", help: "Đường truyền số liệu chuyên dùng, Mbit/s.", type: { kind: "number", min: 0 }, width: 16, example: 1000 },
      { field: "wan.internetMbps", header: "Băng thông Internet (Mbit/s)", help: "Mbit/s.", type: { kind: "number", min: 0 }, width: 16, example: 1000 },
    ],
  },
  {
    key: "agencies",
    name: SHEET.agencies,
    purpose: "Các cơ quan, đơn vị sở hữu hệ thống, máy chủ (chỉ kê khai đơn vị chưa có trong danh mục).",
    columns: [
      id("Mã cơ quan: chữ thường không dấu, ví dụ so-yte, x-tien-du.", "vi-du-so"),
      { field: "name", header: "Tên", help: "Tên đầy đủ của cơ quan, đơn vị.", type: { kind: "text" }, required: true, width: 40, example: "Sở Ví dụ" },
      { field: "kind", header: "Loại", help: "Chọn trong danh sách.", type: { kind: "choice", choices: AGENCY_KINDS, what: "agency kind" }, required: true, width: 18, example: "Sở, ban, ngành" },
    ],
  },
  {
    key: "servers",
    name: SHEET.servers,
    purpose: "Máy chủ vật lý, máy ảo, thiết bị lưu trữ, mạng, thiết bị chuyên dụng.",
    columns: [
      id("Mã máy chủ, duy nhất: chữ thường không dấu, số, dấu gạch ngang.", "vi-du-may-chu-01"),
      { field: "site", header: "Địa điểm", help: "Nơi đặt máy chủ: chọn trong danh sách.", type: { kind: "ref", list: "sites", what: "site" }, required: true, width: 14, example: "dc-bn" },
      { field: "kind", header: "Loại", help: "Chọn trong danh sách.", type: { kind: "choice", choices: SERVER_KINDS, what: "server kind" }, required: true, width: 20, example: "Máy chủ vật lý" },
      { field: "hostedOn", header: "Chạy trên máy chủ", help: "Chỉ với máy ảo: mã máy chủ vật lý chạy máy ảo này (cùng địa điểm).", type: { kind: "ref", list: "servers", what: "host" }, width: 18 },
      { field: "cpuCores", header: "Số lõi CPU", help: "Số lõi vật lý (máy chủ vật lý) hoặc số vCPU (máy ảo). Bắt buộc với máy chủ vật lý và máy ảo.", type: { kind: "int", min: 1 }, width: 10, example: 16 },
      { field: "memoryGiB", header: "Bộ nhớ (GiB)", help: "Dung lượng RAM, GiB. Bắt buộc với máy chủ vật lý và máy ảo.", type: { kind: "number", min: 0, exclusiveMin: true }, width: 11, example: 64 },
      { field: "storageGiB", header: "Lưu trữ (GiB)", help: "Dung lượng lưu trữ đã cấp, GiB.", type: { kind: "number", min: 0 }, width: 11, example: 2400 },
      { field: "usage.cpuPct", header: "CPU sử dụng (%)", help: "Mức sử dụng CPU (phân vị 95 của 30 ngày gần nhất), 0–100.", type: { kind: "number", min: 0, max: 100 }, width: 11, example: 22 },
      { field: "usage.memoryPct", header: "Bộ nhớ sử dụng (%)", help: "Mức sử dụng bộ nhớ, 0–100.", type: { kind: "number", min: 0, max: 100 }, width: 11, example: 58 },
      { field: "usage.storageUsedPct", header: "Lưu trữ đã dùng (%)", help: "Phần dung lượng lưu trữ đã dùng, 0–100.", type: { kind: "number", min: 0, max: 100 }, width: 11, example: 81 },
      { field: "powerWatts", header: "Công suất điện (W)", help: "Chỉ với thiết bị vật lý: công suất đo được hoặc danh định, W.", type: { kind: "number", min: 0 }, width: 11, example: 380 },
      { field: "rackUnits", header: "Số U", help: "Chỉ với thiết bị vật lý: số U chiếm trong tủ rack.", type: { kind: "int", min: 0 }, width: 7, example: 2 },
      { field: "model", header: "Model", help: "Hãng và model thiết bị.", type: { kind: "text" }, width: 24, example: "HPE ProLiant DL380 Gen9" },
      { field: "purchased", header: "Ngày mua", help: "Ngày mua, dd/mm/yyyy.", type: { kind: "date" }, width: 12, example: "2016-05-12" },
      { field: "supportEnds", header: "Hết bảo hành, hỗ trợ", help: "Ngày hết bảo hành hoặc hỗ trợ của hãng, dd/mm/yyyy.", type: { kind: "date" }, width: 12, example: "2021-05-31" },
      { field: "os.name", header: "Hệ điều hành", help: "Tên hệ điều hành.", type: { kind: "text" }, width: 18, example: "Windows Server" },
      { field: "os.version", header: "Phiên bản HĐH", help: "Phiên bản hệ điều hành.", type: { kind: "text" }, width: 12, example: "2012 R2" },
      { field: "os.endOfSupport", header: "HĐH hết hỗ trợ", help: "Ngày hệ điều hành hết hỗ trợ, dd/mm/yyyy.", type: { kind: "date" }, width: 12, example: "2023-10-10" },
      { field: "owner", header: "Cơ quan sở hữu", help: "Cơ quan, đơn vị sở hữu: chọn trong danh sách.", type: { kind: "ref", list: "agencies", what: "agency" }, width: 30, example: "so-yte" },
      { field: "tags", header: "Nhãn", help: "Các nhãn cách nhau bởi dấu phẩy: prod, dev, test, dmz, standalone (máy chủ riêng lẻ)…", type: { kind: "tags" }, width: 18, example: "prod, standalone" },
      { field: "vmName", header: "Tên máy ảo (vCenter)", help: "Chỉ với máy ảo: tên máy ảo trong vCenter, nếu khác mã.", type: { kind: "text" }, width: 20 },
      { field: "x-note", header: "Ghi chú", help: "Ghi chú tự do.", type: { kind: "text" }, width: 30, example: "Chạy phần mềm khám chữa bệnh cũ" },
    ],
  },
  {
    key: "systems",
    name: SHEET.systems,
    purpose: "Hệ thống thông tin: đơn vị được lập kế hoạch và chuyển đổi; kèm phương án xử lý máy chủ riêng lẻ (văn bản 003 mục 3c).",
    columns: [
      id("Mã hệ thống: chữ thường không dấu, ví dụ qlvb-bn.", "vi-du-he-thong"),
      { field: "name", header: "Tên", help: "Tên hệ thống thông tin.", type: { kind: "text" }, required: true, width: 40, example: "Phần mềm khám chữa bệnh (ví dụ)" },
      { field: "owner", header: "Cơ quan chủ quản", help: "Chọn trong danh sách.", type: { kind: "ref", list: "agencies", what: "agency" }, required: true, width: 30, example: "so-yte" },
      { field: "function", header: "Chức năng", help: "Chức năng, chữ thường không dấu, ví dụ document-management, one-stop-shop, portal, email. Hai hệ thống cùng chức năng ở hai nơi là ứng viên hợp nhất.", type: { kind: "id" }, required: true, width: 22, example: "clinic-management" },
      { field: "securityLevel", header: "Cấp độ", help: "Cấp độ an toàn hệ thống thông tin 1–5 (Nghị định 85/2016/NĐ-CP).", type: { kind: "int", min: 1, max: 5, dropdown: true }, required: true, width: 8, example: 2 },
      { field: "servers", header: "Máy chủ", help: "Mã các máy chủ hệ thống chạy trên, cách nhau bởi dấu phẩy (để trống với dịch vụ thuê ngoài).", type: { kind: "refs", list: "servers", what: "server" }, width: 30, example: "vi-du-may-chu-01" },
      { field: "users", header: "Số người dùng", help: "Số tài khoản hoặc người dùng hằng ngày.", type: { kind: "int", min: 0 }, width: 10, example: 300 },
      { field: "dataGiB", header: "Dữ liệu cần chuyển (GiB)", help: "Dung lượng dữ liệu phải sao chép khi chuyển, GiB.", type: { kind: "number", min: 0 }, width: 12, example: 800 },
      { field: "rpoHours", header: "RPO (giờ)", help: "Lượng dữ liệu tối đa được phép mất, tính bằng giờ.", type: { kind: "number", min: 0 }, width: 9, example: 24 },
      { field: "rtoHours", header: "RTO (giờ)", help: "Thời gian khôi phục tối đa, giờ.", type: { kind: "number", min: 0 }, width: 9, example: 8 },
      { field: "containerReady", header: "Chạy được trên container", help: "Có / Không.", type: { kind: "choice", choices: YES_NO, what: "yes/no" }, width: 12, example: "Không" },
      { field: "lifecycle", header: "Vòng đời", help: "Chọn trong danh sách.", type: { kind: "choice", choices: LIFECYCLES, what: "lifecycle" }, width: 16, example: "Cũ, vẫn dùng" },
      { field: "disposition", header: "Phương án", help: "Phương án đơn vị đã quyết định (để trống nếu chưa quyết định).", type: { kind: "choice", choices: DISPOSITIONS, what: "disposition" }, width: 26, example: "Chuyển nguyên trạng" },
      { field: "consolidateInto", header: "Hợp nhất vào", help: "Khi phương án là Hợp nhất: mã hệ thống được giữ lại.", type: { kind: "ref", list: "systems", what: "system" }, width: 18 },
      { field: "x-note", header: "Ghi chú", help: "Ghi chú tự do.", type: { kind: "text" }, width: 30 },
    ],
  },
  {
    key: "dependencies",
    name: SHEET.dependencies,
    purpose: "Hệ thống nào cần hệ thống nào, để chuyển cùng đợt khi gắn kết chặt.",
    columns: [
      { field: "system", header: "Hệ thống", help: "Mã hệ thống phụ thuộc: chọn trong danh sách.", type: { kind: "ref", list: "systems", what: "system" }, required: true, width: 22, example: "vi-du-he-thong" },
      { field: "target", header: "Phụ thuộc vào", help: "Mã hệ thống hoặc hệ thống ngoài được dùng.", type: { kind: "ref", list: "targets", what: "system or external" }, required: true, width: 22, example: "ndxp" },
      { field: "coupling", header: "Mức gắn kết", help: "Chặt: không thể chạy ở hai nơi khác nhau (phiên CSDL, lưu trữ dùng chung) — chuyển cùng đợt. Lỏng: qua API, trao đổi tệp, chịu được đường WAN.", type: { kind: "choice", choices: COUPLINGS, what: "coupling" }, required: true, width: 12, example: "Lỏng" },
      { field: "port", header: "Cổng", help: "Cổng kết nối 1–65535.", type: { kind: "int", min: 1, max: 65535 }, width: 8, example: 443 },
      { field: "protocol", header: "Giao thức", help: "TCP (mặc định) hoặc UDP.", type: { kind: "choice", choices: PROTOCOLS, what: "protocol" }, width: 10, example: "TCP" },
    ],
  },
  {
    key: "externals",
    name: SHEET.externals,
    purpose: "Hệ thống bên ngoài được dùng nhưng không chuyển đổi: nền tảng quốc gia, phần mềm của bộ, dịch vụ viễn thông.",
    columns: [
      id("Mã hệ thống ngoài, ví dụ ndxp.", "vi-du-ngoai"),
      { field: "name", header: "Tên", help: "Tên hệ thống.", type: { kind: "text" }, required: true, width: 40, example: "Nền tảng quốc gia (ví dụ)" },
      { field: "endpoint", header: "Địa chỉ", help: "Địa chỉ kết nối (URL).", type: { kind: "text" }, width: 30, example: "https://vi-du.gov.vn" },
    ],
  },
];

/** The Vietnamese label of a choice value (its first spelling). */
export function choiceLabel(choices: Choices, value: string): string {
  return choices.get(value)?.[0] ?? value;
}

/** Text of an entity in a drop-down list: `Tên (id)` for agencies, the id alone otherwise. */
export function listEntry(id: string, name?: string): string {
  return name !== undefined && name !== "" ? `${name} (${id})` : id;
}

/** The id a drop-down entry stands for (`Sở Y tế (so-yte)` → `so-yte`). */
export function entryId(text: string): string {
  const m = /\(([a-z0-9][a-z0-9-]*)\)\s*$/.exec(text);
  return m ? m[1] : text.trim();
}
