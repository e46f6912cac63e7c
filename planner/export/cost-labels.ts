// The words of the cost views (the roadmap's "Kinh phí" section, the per-agency plans' share, the
// XLSX cost sheets, the report's funding rows), in Vietnamese and English. Budget terms follow the
// State Budget Law's usage: chi đầu tư (capital spending, capex), chi thường xuyên (recurrent
// spending, opex).
import type { CostKind, CostWhat } from "../plan-schema.js";
import type { Lang } from "./i18n.js";

const VI = {
  costTitle: "Kinh phí",
  costYears: (from: number, to: number) => `giai đoạn ${from}–${to}`,
  headline: (years: string, capex: string, opex: string, savings: string, net: string) =>
    `Kinh phí ${years}: chi đầu tư ${capex}, chi thường xuyên tăng thêm ${opex}; tiết kiệm ${savings}. Chi phí ròng (chi − tiết kiệm): ${net}.`,
  netGain: (amount: string) => `Hợp nhất tiết kiệm nhiều hơn số chi: ${amount} trong giai đoạn.`,
  payback: (date: string) => `Số tiết kiệm bù đủ số chi kể từ ngày ${date} (thời điểm hoàn vốn).`,
  noPayback: "Trong giai đoạn, số tiết kiệm chưa bù đủ số chi.",
  nothingSpent: "Kế hoạch không phát sinh khoản chi nào.",
  perYear: (amount: string) => `Sau khi hợp nhất xong, tiết kiệm ${amount} mỗi năm.`,
  presentNet: (rate: string, amount: string) => `Giá trị hiện tại của chi phí ròng (chiết khấu ${rate}/năm): ${amount}.`,
  basis: "Cơ sở tính",
  byYearTitle: "Kinh phí theo năm",
  chartTitle: "Chi và tiết kiệm theo năm",
  chartUnit: "Đơn vị: đồng",
  chartDesc: (first: number, last: number) => `Biểu đồ cột: mỗi năm từ ${first} đến ${last}, cột chi (chi đầu tư và chi thường xuyên) và cột tiết kiệm, theo đồng.`,
  topTitle: "Các khoản lớn nhất",
  byAgencyTitle: "Kinh phí theo cơ quan chi trả",
  pricesTitle: "Đơn giá áp dụng",
  linesTitle: "Các khoản kinh phí",
  summaryTitle: "Kinh phí tổng hợp",
  summaryBy: "Tổng hợp theo",
  summaryWhich: "Năm hoặc cơ quan",
  ownShare: "Phần kinh phí của cơ quan",
  ownShareNone: "Kế hoạch không có khoản chi hay khoản tiết kiệm nào thuộc ngân sách của cơ quan.",
  year: "Năm",
  total: "Tổng cộng",
  capex: "Chi đầu tư",
  opex: "Chi thường xuyên",
  spending: "Chi",
  savings: "Tiết kiệm",
  net: "Chi phí ròng",
  savingsPerYear: "Tiết kiệm mỗi năm sau hợp nhất",
  opexAdded: "Chi thường xuyên tăng thêm",
  netLong: "Chi phí ròng (chi − tiết kiệm)",
  paybackLabel: "Thời điểm hoàn vốn",
  paybackNone: "chưa hoàn vốn trong giai đoạn",
  kind: "Loại",
  what: "Khoản",
  subject: "Đối tượng",
  agency: "Cơ quan chi trả",
  quantity: "Số lượng",
  unit: "Đơn vị",
  unitPrice: "Đơn giá (đồng)",
  amount: "Thành tiền (đồng)",
  years: "Năm",
  from: "Từ ngày",
  to: "Đến ngày",
  price: "Đơn giá",
  quoted: "Ngày báo giá",
  source: "Nguồn",
  priceRef: "Mục trong bảng đơn giá",
  perUnit: (n: string, unit: string) => `${n} ngày công mỗi ${unit}`,
  province: "Ngân sách tỉnh (dùng chung)",
  wave: (n: number) => `Đợt chuyển đổi ${n}`,
  procurement: (n: number, by: string) => `Mua sắm bổ sung lần ${n} (trước ${by})`,
  server: (id: string) => `Máy chủ ${id}`,
  site: (name: string) => `Trung tâm dữ liệu: ${name}`,
  fundingRow: "Kinh phí thực hiện hợp nhất: chi đầu tư và chi thường xuyên",
  savingsRow: "Kinh phí tiết kiệm được",
  unitDong: "đồng",
  noCost: "Kế hoạch chưa được tính kinh phí (lập kế hoạch với --prices).",
};

type CostLabels = { [K in keyof typeof VI]: (typeof VI)[K] };

const EN: CostLabels = {
  costTitle: "Cost",
  costYears: (from, to) => `${from}–${to}`,
  headline: (years, capex, opex, savings, net) => `Cost ${years}: capital spending ${capex}, added recurrent spending ${opex}; savings ${savings}. Net cost (spending − savings): ${net}.`,
  netGain: (amount) => `The merger saves more than it spends: ${amount} over the period.`,
  payback: (date) => `Savings cover the spending from ${date} on (payback).`,
  noPayback: "Within the period, the savings do not cover the spending.",
  nothingSpent: "The plan spends nothing.",
  perYear: (amount) => `Once the merger is done it saves ${amount} a year.`,
  presentNet: (rate, amount) => `Present value of the net cost (discounted at ${rate} a year): ${amount}.`,
  basis: "Basis",
  byYearTitle: "Cost by year",
  chartTitle: "Spending and savings by year",
  chartUnit: "In đồng (bn = billion, m = million)",
  chartDesc: (first, last) => `Bar chart: for each year from ${first} to ${last}, a spending bar (capital and recurrent) and a savings bar, in đồng.`,
  topTitle: "Largest items",
  byAgencyTitle: "Cost by paying agency",
  pricesTitle: "Unit prices used",
  linesTitle: "Cost lines",
  summaryTitle: "Cost summary",
  summaryBy: "Summed by",
  summaryWhich: "Year or agency",
  ownShare: "The agency's share of the cost",
  ownShareNone: "Nothing in the plan is spent or saved from the agency's budget.",
  year: "Year",
  total: "Total",
  capex: "Capital spending",
  opex: "Recurrent spending",
  spending: "Spending",
  savings: "Savings",
  net: "Net cost",
  savingsPerYear: "Savings a year after the merger",
  opexAdded: "Added recurrent spending",
  netLong: "Net cost (spending − savings)",
  paybackLabel: "Payback",
  paybackNone: "not within the period",
  kind: "Kind",
  what: "Item",
  subject: "Subject",
  agency: "Paying agency",
  quantity: "Quantity",
  unit: "Unit",
  unitPrice: "Unit price (đồng)",
  amount: "Amount (đồng)",
  years: "Years",
  from: "From",
  to: "To",
  price: "Unit price",
  quoted: "Quoted on",
  source: "Source",
  priceRef: "Price-book entry",
  perUnit: (n, unit) => `${n} engineer-days per ${unit}`,
  province: "Provincial budget (shared)",
  wave: (n) => `Cutover wave ${n}`,
  procurement: (n, by) => `Additional purchase ${n} (by ${by})`,
  server: (id) => `Server ${id}`,
  site: (name) => `Data centre: ${name}`,
  fundingRow: "Funding of the merger: capital and recurrent spending",
  savingsRow: "Savings",
  unitDong: "đồng",
  noCost: "The plan has not been costed (plan with --prices).",
};

/** The cost words of a language. */
export function costLabels(lang: Lang): CostLabels {
  return lang === "vi" ? VI : EN;
}

const KIND: Record<Lang, Record<CostKind, string>> = {
  vi: { capex: "Chi đầu tư", opex: "Chi thường xuyên", savings: "Tiết kiệm" },
  en: { capex: "Capital spending", opex: "Recurrent spending", savings: "Savings" },
};

/** A cost line's kind in words. */
export function costKindLabel(kind: CostKind, lang: Lang): string {
  return KIND[lang][kind];
}

const WHAT: Record<Lang, Record<CostWhat, string>> = {
  vi: {
    "hardware-servers": "Mua máy chủ",
    "hardware-cores": "Mua lõi CPU",
    "hardware-memory": "Mua bộ nhớ",
    "hardware-storage": "Mua dung lượng lưu trữ",
    "hardware-racks": "Mua tủ rack",
    "hardware-power": "Bổ sung công suất điện",
    "labour-cutover": "Nhân công đợt chuyển đổi",
    "labour-migration": "Nhân công chuyển đổi hệ thống",
    electricity: "Điện năng",
    space: "Không gian tủ rack",
    support: "Hỗ trợ kỹ thuật của hãng",
    licence: "Bản quyền phần mềm",
    "wan-tslcd": "Thuê kênh truyền số liệu chuyên dùng",
    "wan-internet": "Thuê kênh Internet",
  },
  en: {
    "hardware-servers": "Servers bought",
    "hardware-cores": "CPU cores bought",
    "hardware-memory": "Memory bought",
    "hardware-storage": "Storage bought",
    "hardware-racks": "Racks bought",
    "hardware-power": "Power capacity added",
    "labour-cutover": "Cutover window work",
    "labour-migration": "System migration work",
    electricity: "Electricity",
    space: "Rack space",
    support: "Vendor support",
    licence: "Software licences",
    "wan-tslcd": "TSLCD lease",
    "wan-internet": "Internet lease",
  },
};

/** What a cost line pays for, in words. */
export function costWhatLabel(what: CostWhat, lang: Lang): string {
  return WHAT[lang][what];
}

const UNIT: Record<Lang, Record<string, string>> = {
  vi: {
    server: "máy chủ",
    core: "lõi",
    gib: "GiB",
    tib: "TiB",
    rack: "tủ",
    kw: "kW",
    kwh: "kWh",
    "rack-year": "tủ × năm",
    "rack-unit-year": "U × năm",
    "server-year": "máy chủ × năm",
    "host-year": "máy chủ ảo hóa × năm",
    "device-year": "thiết bị × năm",
    "core-year": "lõi × năm",
    "mbps-month": "Mbit/s × tháng",
    "engineer-day": "ngày công",
    window: "đợt chuyển đổi",
    system: "hệ thống",
  },
  en: {
    server: "servers",
    core: "cores",
    gib: "GiB",
    tib: "TiB",
    rack: "racks",
    kw: "kW",
    kwh: "kWh",
    "rack-year": "rack-years",
    "rack-unit-year": "U-years",
    "server-year": "server-years",
    "host-year": "host-years",
    "device-year": "device-years",
    "core-year": "core-years",
    "mbps-month": "Mbit/s-months",
    "engineer-day": "engineer-days",
    window: "cutover window",
    system: "system",
  },
};

/** A unit in words (the unit itself when unknown). */
export function costUnitLabel(unit: string, lang: Lang): string {
  return UNIT[lang][unit] ?? unit;
}

const REF: Record<Lang, Record<string, string>> = {
  vi: {
    "hardware.server": "Máy chủ (theo cấu hình mua sắm)",
    "hardware.core": "Lõi CPU",
    "hardware.memory": "Bộ nhớ",
    "hardware.storage": "Dung lượng lưu trữ",
    "hardware.rack": "Tủ rack",
    "hardware.power": "Công suất điện",
    electricity: "Điện năng",
    space: "Không gian tủ rack",
    "wan.tslcd": "Kênh truyền số liệu chuyên dùng",
    "wan.internet": "Kênh Internet",
    "support.server": "Hỗ trợ kỹ thuật: máy chủ",
    "support.host": "Hỗ trợ kỹ thuật: máy chủ ảo hóa",
    "support.storage": "Hỗ trợ kỹ thuật: thiết bị lưu trữ",
    "support.network": "Hỗ trợ kỹ thuật: thiết bị mạng",
    "support.appliance": "Hỗ trợ kỹ thuật: thiết bị chuyên dụng",
    "labour.cutoverWindow": "Nhân công: một đợt chuyển đổi",
    "labour.rehost": "Nhân công: chuyển nguyên trạng một hệ thống",
    "labour.replatform": "Nhân công: chuyển một hệ thống lên nền tảng dùng chung",
    "labour.relocate": "Nhân công: di dời phần cứng của một hệ thống",
    "labour.consolidate": "Nhân công: hợp nhất một hệ thống vào hệ thống giữ lại",
  },
  en: {
    "hardware.server": "Server (the model bought)",
    "hardware.core": "CPU core",
    "hardware.memory": "Memory",
    "hardware.storage": "Storage",
    "hardware.rack": "Rack",
    "hardware.power": "Power capacity",
    electricity: "Electricity",
    space: "Rack space",
    "wan.tslcd": "TSLCD lease",
    "wan.internet": "Internet lease",
    "support.server": "Support: server",
    "support.host": "Support: hypervisor host",
    "support.storage": "Support: storage",
    "support.network": "Support: network device",
    "support.appliance": "Support: appliance",
    "labour.cutoverWindow": "Labour: one cutover window",
    "labour.rehost": "Labour: moving a system as it is",
    "labour.replatform": "Labour: moving a system onto the shared platform",
    "labour.relocate": "Labour: moving a system's hardware",
    "labour.consolidate": "Labour: merging a system into its survivor",
  },
};

/** A price-book entry in words; a licence by its platform. */
export function priceRefLabel(ref: string, lang: Lang, platform?: string): string {
  if (ref.startsWith("licences.")) return lang === "vi" ? `Bản quyền ${platform ?? ref.slice(9)}` : `Licence: ${platform ?? ref.slice(9)}`;
  return REF[lang][ref] ?? ref;
}
