// Every label the exports print, in Vietnamese (the working language of every reader, the default)
// and English, plus the date and number formats of each language. Formatting is done by hand
// rather than with Intl so the bytes do not depend on the ICU data of the machine.
import type { Disposition } from "../../inventory/schema.js";
import type { Phase, Platform, RoadmapAction, ServerFate } from "../plan-schema.js";

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** One glossary entry: the term, its Vietnamese name and what it means. */
export interface GlossaryEntry {
  readonly term: string;
  readonly meaning: string;
}

const VI = {
  docTitle: "Lộ trình hợp nhất Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh 2026–2030",
  docSubtitle: "Hợp nhất 02 Trung tâm tích hợp dữ liệu (trước sáp nhập tỉnh) thành 01 Trung tâm tích hợp dữ liệu tỉnh",
  asOf: "Số liệu tính đến ngày",
  targetSite: "Trung tâm giữ lại",
  generator: "Lập bằng",
  contents: "Mục lục",
  // headline figures
  figuresTitle: "Các chỉ số chính",
  verdictTitle: "Kết luận về thời hạn hợp nhất",
  verdictMet: (deadline: string, done: string) => `ĐẠT: hợp nhất hoàn thành trước hạn ${deadline} (dự kiến xong ngày ${done}).`,
  verdictMetNoWaves: (deadline: string) => `ĐẠT: không còn đợt chuyển đổi nào trước hạn ${deadline}.`,
  verdictNotMet: (deadline: string, done: string | undefined, late: number) =>
    `KHÔNG ĐẠT: hợp nhất không xong trước hạn ${deadline}; ${done ? `dự kiến hoàn thành ngày ${done}` : "chưa xác định được ngày hoàn thành"}; ${late} hệ thống trễ hạn.`,
  serversBeforeAfter: "Máy chủ (trước → sau)",
  servers: "Máy chủ",
  physicalServers: "Máy chủ vật lý",
  racks: "Tủ rack",
  before: "trước hợp nhất",
  after: "sau hợp nhất",
  physicalBeforeAfter: "Máy chủ vật lý (trước → sau)",
  racksBeforeAfter: "Tủ rack (trước → sau)",
  powerSaved: "Công suất điện tiết kiệm",
  energySaved: "Điện năng tiết kiệm mỗi năm",
  rackUnitsSaved: "Không gian rack giải phóng",
  systemsTotal: "Hệ thống thông tin",
  sharedShare: "Tỷ lệ hệ thống trên nền tảng dùng chung",
  deadline: "Hạn hợp nhất",
  deadlineMet: "Đạt hạn",
  deadlineVerdict: "Kết luận thời hạn",
  projectedCompletion: "Dự kiến hoàn thành",
  lateSystems: "Hệ thống trễ hạn",
  waveCount: "Số đợt chuyển đổi",
  decommissionedServers: "Máy chủ thanh lý",
  standaloneRemaining: "Máy chủ riêng lẻ còn lại",
  unscheduledCount: "Hệ thống chưa xếp được đợt",
  violationCount: "Vi phạm ràng buộc",
  yes: "Có",
  no: "Không",
  met: "Đạt",
  onTime: "Đúng hạn",
  notMet: "Không đạt",
  unknown: "chưa xác định",
  none: "Không có",
  unitServers: "máy chủ",
  unitRacks: "tủ",
  unitKw: "kW",
  unitKwhYear: "kWh/năm",
  unitU: "U",
  unitSystems: "hệ thống",
  unitGiB: "GiB",
  byDisposition: "Hệ thống theo phương án xử lý",
  // sections
  timelineTitle: "Lộ trình 2026–2030",
  timelineDesc: "Các giai đoạn 2026, 2027–2028, 2029–2030; các đợt chuyển đổi và các ngày thanh lý máy chủ.",
  timelineOverview: "Toàn cảnh 2026–2030",
  timelineZoom: "Chi tiết giai đoạn hợp nhất",
  wavesTitle: "Các đợt chuyển đổi",
  lateTitle: "Hệ thống trễ hạn và chuỗi nguyên nhân",
  criticalChain: "Chuỗi nguyên nhân trễ hạn",
  decommissionTitle: "Lịch thanh lý máy chủ",
  dependencyTitle: "Phụ thuộc theo từng đợt",
  procurementTitle: "Năng lực và mua sắm bổ sung",
  issuesTitle: "Vi phạm và cảnh báo",
  roadmapTitle: "Nhiệm vụ giai đoạn 2027–2030",
  nationalTitle: "Kết nối với các nền tảng dữ liệu quốc gia (mốc năm 2026)",
  nationalIntro: "Các nền tảng tích hợp, chia sẻ dữ liệu của trung tâm sau hợp nhất phải kết nối với các nền tảng dữ liệu quốc gia chậm nhất vào hạn hợp nhất.",
  connectsTo: "Kết nối với",
  connectingSystem: "Hệ thống kết nối",
  milestoneNote: "Diễn giải",
  plannedBy: "Dự kiến xong",
  takesOver: "Tiếp nhận kết nối của",
  dueDate: "Thời hạn",
  reachedOn: "Ngày đạt",
  milestoneMet: "Đạt",
  milestoneLate: "Đạt sau thời hạn",
  milestoneNotReached: "Chưa đạt",
  quarter: "Quý",
  quarterLabel: (q: string) => (/^\d{4}-Q[1-4]$/.test(q) ? `Quý ${q.slice(6)}/${q.slice(0, 4)}` : q),
  laterPhasesIntro: (effort: number, start: string, late: number, total: number) =>
    `Các nhiệm vụ sau hợp nhất được phân bổ theo quý, mỗi quý tối đa ${effort} điểm công việc (khối lượng ước tính của nhiệm vụ), bắt đầu từ ngày ${start}; ${late === 0 ? "không có nhiệm vụ nào trễ hạn" : `${late}/${total} nhiệm vụ hoàn thành sau thời hạn`}.`,
  nationalNone: "Kế hoạch không ghi nhận kết nối quốc gia nào của các nền tảng tích hợp.",
  tableRoadmap: "Lộ trình 2027–2030",
  tableNational: "Kết nối quốc gia",
  glossaryTitle: "Thuật ngữ",
  remainingTitle: "Hệ thống vẫn chạy ngoài trung tâm giữ lại",
  // table captions and columns
  wave: "Đợt",
  waveN: (n: number) => `Đợt ${n}`,
  phase: "Giai đoạn",
  start: "Bắt đầu",
  end: "Kết thúc",
  days: "Số ngày",
  systems: "Hệ thống",
  systemCount: "Số hệ thống",
  owners: "Cơ quan chủ quản",
  owner: "Cơ quan chủ quản",
  securityLevel: "Cấp độ ATTT",
  maxSecurityLevel: "Cấp độ ATTT cao nhất",
  dataGiB: "Dữ liệu (GiB)",
  serverCount: "Số máy chủ",
  late: "Trễ hạn",
  notes: "Ghi chú",
  id: "Mã",
  name: "Tên",
  function: "Chức năng",
  site: "Nơi đặt hiện tại",
  targetSiteCol: "Nơi đặt sau hợp nhất",
  disposition: "Phương án",
  into: "Hợp nhất vào",
  retireOn: "Ngày dừng",
  cutover: "Ngày chuyển",
  platform: "Nền tảng",
  users: "Người dùng",
  reasons: "Lý do",
  externals: "Kết nối quốc gia",
  dependsOn: "Phụ thuộc",
  kind: "Loại",
  hostedOn: "Chạy trên",
  model: "Kiểu máy",
  os: "Hệ điều hành",
  fate: "Xử lý máy chủ",
  freedOn: "Ngày giải phóng",
  decommissionOn: "Ngày thanh lý",
  quietDays: "Số ngày chờ",
  targetCpu: "vCPU đích",
  targetMemory: "RAM đích (GiB)",
  targetStorage: "Lưu trữ đích (GiB)",
  powerW: "Công suất (W)",
  kwhYear: "kWh/năm",
  rackUnits: "Rack (U)",
  subject: "Đối tượng",
  date: "Ngày",
  message: "Nội dung",
  riskKind: "Loại rủi ro",
  by: "Hạn",
  cpuCores: "vCPU",
  physCores: "lõi CPU vật lý",
  memoryGiB: "RAM (GiB)",
  storageGiB: "Lưu trữ (GiB)",
  reason: "Lý do",
  from: "Từ ngày",
  action: "Nhiệm vụ",
  indicator: "Chỉ tiêu",
  value: "Giá trị",
  unit: "Đơn vị",
  term: "Thuật ngữ",
  meaning: "Ý nghĩa",
  rule: "Quy tắc",
  subjectId: "Mã đối tượng",
  actionId: "Mã nhiệm vụ",
  page: "Trang",
  dependsOnWave: "Nằm ở",
  sameWave: "cùng đợt",
  earlierWave: (n: number) => `đợt ${n} (trước)`,
  laterWave: (n: number) => `đợt ${n} (sau)`,
  staysAt: (site: string) => `giữ tại ${site}`,
  retiredDep: "đã dừng",
  noDeps: "Không phụ thuộc hệ thống khác",
  capacityTitle: "Năng lực khả dụng tại trung tâm giữ lại",
  riskLate: "Trễ hạn",
  riskUnscheduled: "Chưa xếp đợt",
  riskChain: "Chuỗi nguyên nhân",
  riskViolation: "Vi phạm",
  riskWarning: "Cảnh báo",
  riskProcurement: "Mua sắm",
  tablesTitle: "Bảng",
  tableSummary: "Tổng hợp",
  tableWaves: "Các đợt chuyển đổi",
  tableSystems: "Hệ thống thông tin",
  tableServers: "Máy chủ",
  tableDecommission: "Lịch thanh lý",
  tableRisks: "Rủi ro",
  deadlineLine: "Hạn 31/12",
  asOfMarker: "Hôm nay",
  decommissionMarker: "Thanh lý",
  moreRows: (n: number) => `… và ${n} dòng nữa (xem tệp XLSX)`,
  // by owner
  ownerPlanTitle: (agency: string) => `Phương án loại bỏ, hợp nhất máy chủ riêng lẻ — ${agency}`,
  ownerPlanIntro: "Phần của cơ quan trong lộ trình hợp nhất: hệ thống, máy chủ, phương án xử lý, đợt chuyển đổi và ngày thanh lý.",
  ownerVerdictNone: (systems: number, decommissioned: number, last: string | undefined) =>
    `KHÔNG CÓ HỆ THỐNG PHẢI CHUYỂN: ${systems > 0 ? `${systems} hệ thống của cơ quan giữ nguyên hoặc dừng hoạt động, không thuộc đợt chuyển đổi nào` : "cơ quan không có hệ thống thông tin nào trong danh mục"}${decommissioned > 0 && last ? `; ${decommissioned} máy chủ của cơ quan được thanh lý, chậm nhất ngày ${last}` : ""}.`,
  ownerVerdictMet: (moving: number, deadline: string, lastEnd: string) => `ĐẠT: ${moving} hệ thống của cơ quan chuyển xong trước hạn ${deadline} (đợt chuyển đổi cuối của cơ quan kết thúc ngày ${lastEnd}).`,
  ownerVerdictNotMet: (late: number, moving: number, deadline: string, lastEnd: string | undefined) =>
    `KHÔNG ĐẠT: ${late}/${moving} hệ thống phải chuyển của cơ quan trễ hạn ${deadline}; ${lastEnd ? `đợt chuyển đổi cuối của cơ quan kết thúc ngày ${lastEnd}` : "có hệ thống chưa xếp được đợt chuyển đổi"}.`,
  ownerMoving: "Hệ thống phải chuyển",
  ownerLastDecommission: "Ngày thanh lý máy chủ cuối cùng",
  // report
  reportTitle: (period: string) => `Báo cáo kết quả hợp nhất hạ tầng thông tin, hạ tầng số — ${period}`,
  reportBasis: "Theo Mẫu tại Phụ lục 01 ban hành kèm theo Công văn số 5199/BKHCN-CĐSQG (nội dung tương ứng; không phải bản sao biểu mẫu).",
  reportPeriod: "Kỳ báo cáo",
  periodLabel: (year: number, half: 1 | 2) => `6 tháng ${half === 1 ? "đầu" : "cuối"} năm ${year}`,
  reportStatusDone: "Đã thực hiện",
  reportStatusPlanned: "Kế hoạch",
  status: "Tình trạng",
  reportSection1: "I. Máy chủ, hệ thống lưu trữ đã hợp nhất, loại bỏ",
  reportSection2: "II. Hệ thống thông tin chuyển lên nền tảng dùng chung",
  reportSection3: "III. Hệ thống kết nối Nền tảng NDXP/NDOP",
  reportSection4: "IV. Máy chủ riêng lẻ còn lại",
  reportSection5: "V. Khó khăn, vướng mắc",
  reportSection6: "VI. Kế hoạch kỳ tới",
  reportConsolidated: "Máy chủ chuyển về trung tâm giữ lại",
  reportDecommissioned: "Máy chủ thanh lý",
  reportStorage: "Trong đó: hệ thống lưu trữ",
  reportMovedShared: "Hệ thống chuyển lên nền tảng dùng chung",
  reportConnected: "Hệ thống kết nối NDXP/NDOP",
  reportStandalone: "Máy chủ riêng lẻ còn lại cuối kỳ",
  reportNextWaves: "Đợt chuyển đổi kỳ tới",
  reportNextDecommission: "Máy chủ thanh lý kỳ tới",
  reportNextRoadmap: "Nhiệm vụ kỳ tới",
  reportCount: "Cộng",
  reportNoItems: "Không có trong kỳ.",
  reportNeedsInventory: "Kế hoạch này chưa đánh dấu máy chủ riêng lẻ: số liệu là số máy chủ riêng lẻ còn lại sau hợp nhất theo kế hoạch; xuất báo cáo kèm danh mục để có số theo kỳ.",
  sheetReport: "Báo cáo",
  periodYear: (year: number) => `Năm ${year}`,
  reportStart: "Đầu kỳ",
  reportDoneInPeriod: "Đã thực hiện trong kỳ",
  reportPlannedInPeriod: "Kế hoạch trong kỳ",
  reportEnd: "Cuối kỳ (cộng)",
  reportSurvivingCentre: "trung tâm giữ lại sau hợp nhất",
  reportCentreStillRuns: (n: number, names: readonly string[]) => `còn ${n} hệ thống vận hành tại đây${names.length > 0 ? `: ${names.join("; ")}${n > names.length ? "; …" : ""}` : ""}`,
  reportCentreEmptied: "không còn hệ thống nào vận hành",
  reportOpen: "Đang vận hành",
  reportClosed: "Đã đóng",
  reportCentresBefore: (n: number) => `trước hợp nhất: ${n} trung tâm`,
  reportMergerDone: (date: string) => `Đã hoàn thành (${date})`,
  reportMergerPlanned: (date: string) => `Hoàn thành theo kế hoạch ngày ${date}`,
  reportMergerNotDone: (date: string | undefined) => `Chưa hoàn thành trong kỳ${date ? ` (dự kiến hoàn thành ngày ${date})` : " (chưa xác định được ngày hoàn thành)"}`,
  reportNationalNote: "tính theo các kết nối ghi trong danh mục",
  reportMilestones: (n: number, total: number, deadline: string) => `${n}/${total} nền tảng đã kết nối; hạn ${deadline}`,
  reportBeforePeriod: "Có từ trước kỳ báo cáo",
  reportCovered: "Được sao lưu tập trung",
  reportNotCovered: "Chưa được sao lưu tập trung",
  reportOfSystems: (n: number, total: number) => `${n}/${total} hệ thống`,
  reportLinked: "Đã kết nối",
  reportNotLinked: "Chưa kết nối",
  reportDecommissionLater: "Thanh lý sau kỳ báo cáo",
  reportKept: "Giữ lại",
  reportPlansNeedInventory: (n: number) => `${n} cơ quan có máy chủ riêng lẻ; ngày nhận phương án của từng cơ quan ghi trong danh mục: xuất báo cáo kèm danh mục để tính`,
  reportReceived: "Đã gửi",
  reportNotReceived: "Chưa gửi",
  reportOfAgencies: (n: number, total: number) => `${n}/${total} cơ quan có máy chủ riêng lẻ`,
  reportTrace: "Chi tiết chỉ tiêu",
  reportTraceKind: "Loại đối tượng",
  reportCounted: "Tính vào số liệu",
  traceKinds: (k: string) => ({ system: "Hệ thống", server: "Máy chủ", centre: "Trung tâm", connection: "Kết nối", agency: "Cơ quan" })[k] ?? k,
} as const;

type Labels = { readonly [K in keyof typeof VI]: (typeof VI)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const EN: Labels = {
  docTitle: "Roadmap for merging the Bắc Ninh provincial data integration centres 2026–2030",
  docSubtitle: "Merging the 2 former data integration centres (before the provinces merged) into 1 provincial data integration centre",
  asOf: "Figures as of",
  targetSite: "Surviving site",
  generator: "Generated by",
  contents: "Contents",
  figuresTitle: "Headline figures",
  verdictTitle: "Deadline verdict",
  verdictMet: (deadline, done) => `MET: the merger completes before the ${deadline} deadline (projected completion ${done}).`,
  verdictMetNoWaves: (deadline) => `MET: no cutover wave remains before the ${deadline} deadline.`,
  verdictNotMet: (deadline, done, late) =>
    `NOT MET: the merger does not complete by the ${deadline} deadline; ${done ? `projected completion ${done}` : "no projected completion date"}; ${late} systems late.`,
  serversBeforeAfter: "Servers (before → after)",
  servers: "Servers",
  physicalServers: "Physical servers",
  racks: "Racks",
  before: "before the merger",
  after: "after the merger",
  physicalBeforeAfter: "Physical servers (before → after)",
  racksBeforeAfter: "Racks (before → after)",
  powerSaved: "Power saved",
  energySaved: "Energy saved per year",
  rackUnitsSaved: "Rack space freed",
  systemsTotal: "Information systems",
  sharedShare: "Share on the shared platform",
  deadline: "Merger deadline",
  deadlineMet: "Deadline met",
  deadlineVerdict: "Deadline verdict",
  projectedCompletion: "Projected completion",
  lateSystems: "Late systems",
  waveCount: "Cutover waves",
  decommissionedServers: "Servers decommissioned",
  standaloneRemaining: "Stand-alone servers remaining",
  unscheduledCount: "Systems without a wave",
  violationCount: "Rule violations",
  yes: "Yes",
  no: "No",
  met: "Met",
  onTime: "On time",
  notMet: "Not met",
  unknown: "unknown",
  none: "None",
  unitServers: "servers",
  unitRacks: "racks",
  unitKw: "kW",
  unitKwhYear: "kWh/year",
  unitU: "U",
  unitSystems: "systems",
  unitGiB: "GiB",
  byDisposition: "Systems by disposition",
  timelineTitle: "Roadmap 2026–2030",
  timelineDesc: "Phases 2026, 2027–2028 and 2029–2030; the cutover waves and the server decommission dates.",
  timelineOverview: "Overview 2026–2030",
  timelineZoom: "The merger in detail",
  wavesTitle: "Cutover waves",
  lateTitle: "Late systems and the critical chain",
  criticalChain: "Critical chain",
  decommissionTitle: "Decommission schedule",
  dependencyTitle: "Dependencies per wave",
  procurementTitle: "Capacity and procurement",
  issuesTitle: "Violations and warnings",
  roadmapTitle: "Work in 2027–2030",
  nationalTitle: "Connections to the national data platforms (2026 milestones)",
  nationalIntro: "The merged centre's data integration platforms must be connected to the national data platforms by the merger deadline.",
  connectsTo: "Connects to",
  connectingSystem: "Connecting system",
  milestoneNote: "Details",
  plannedBy: "Planned done",
  takesOver: "Takes over the links of",
  dueDate: "Due",
  reachedOn: "Reached on",
  milestoneMet: "Met",
  milestoneLate: "Met after its due date",
  milestoneNotReached: "Not reached",
  quarter: "Quarter",
  quarterLabel: (q) => (/^\d{4}-Q[1-4]$/.test(q) ? `Q${q.slice(6)} ${q.slice(0, 4)}` : q),
  laterPhasesIntro: (effort, start, late, total) =>
    `The work after the merger is levelled by quarter at up to ${effort} effort points a quarter (each task's estimated workload), from ${start}; ${late === 0 ? "no task is late" : `${late} of ${total} tasks finish after their due date`}.`,
  nationalNone: "The plan records no national connection of the integration platforms.",
  tableRoadmap: "Roadmap 2027–2030",
  tableNational: "National connections",
  glossaryTitle: "Glossary",
  remainingTitle: "Systems still running outside the surviving site",
  wave: "Wave",
  waveN: (n) => `Wave ${n}`,
  phase: "Phase",
  start: "Start",
  end: "End",
  days: "Days",
  systems: "Systems",
  systemCount: "Systems",
  owners: "Owner agencies",
  owner: "Owner agency",
  securityLevel: "Security level",
  maxSecurityLevel: "Highest security level",
  dataGiB: "Data (GiB)",
  serverCount: "Servers",
  late: "Late",
  notes: "Notes",
  id: "Id",
  name: "Name",
  function: "Function",
  site: "Site today",
  targetSiteCol: "Site after the merger",
  disposition: "Disposition",
  into: "Merged into",
  retireOn: "Switched off",
  cutover: "Cutover",
  platform: "Platform",
  users: "Users",
  reasons: "Reasons",
  externals: "National platforms",
  dependsOn: "Depends on",
  kind: "Kind",
  hostedOn: "Hosted on",
  model: "Model",
  os: "Operating system",
  fate: "Fate",
  freedOn: "Freed on",
  decommissionOn: "Decommissioned on",
  quietDays: "Quiet days",
  targetCpu: "Target vCPU",
  targetMemory: "Target memory (GiB)",
  targetStorage: "Target storage (GiB)",
  powerW: "Power (W)",
  kwhYear: "kWh/year",
  rackUnits: "Rack (U)",
  subject: "Subject",
  date: "Date",
  message: "Message",
  riskKind: "Risk",
  by: "By",
  cpuCores: "vCPU",
  physCores: "physical cores",
  memoryGiB: "Memory (GiB)",
  storageGiB: "Storage (GiB)",
  reason: "Reason",
  from: "From",
  action: "Action",
  indicator: "Indicator",
  value: "Value",
  unit: "Unit",
  term: "Term",
  meaning: "Meaning",
  rule: "Rule",
  subjectId: "Subject id",
  actionId: "Action id",
  page: "Page",
  dependsOnWave: "Where",
  sameWave: "same wave",
  earlierWave: (n) => `wave ${n} (earlier)`,
  laterWave: (n) => `wave ${n} (later)`,
  staysAt: (site) => `stays at ${site}`,
  retiredDep: "retired",
  noDeps: "No dependency on other systems",
  capacityTitle: "Usable capacity at the surviving site",
  riskLate: "Late",
  riskUnscheduled: "Unscheduled",
  riskChain: "Critical chain",
  riskViolation: "Violation",
  riskWarning: "Warning",
  riskProcurement: "Procurement",
  tablesTitle: "Tables",
  tableSummary: "Summary",
  tableWaves: "Cutover waves",
  tableSystems: "Information systems",
  tableServers: "Servers",
  tableDecommission: "Decommission schedule",
  tableRisks: "Risks",
  deadlineLine: "Deadline 31/12",
  asOfMarker: "Today",
  decommissionMarker: "Decommission",
  moreRows: (n) => `… and ${n} more rows (see the XLSX file)`,
  ownerPlanTitle: (agency) => `Plan for removing or merging stand-alone servers — ${agency}`,
  ownerPlanIntro: "The agency's part of the merger roadmap: its systems, servers, dispositions, waves and decommission dates.",
  ownerVerdictNone: (systems, decommissioned, last) =>
    `NOTHING TO MOVE: ${systems > 0 ? `the agency's ${systems} systems are retained or retired where they are, in no cutover wave` : "the agency has no information system in the inventory"}${decommissioned > 0 && last ? `; ${decommissioned} of its servers are decommissioned, the last on ${last}` : ""}.`,
  ownerVerdictMet: (moving, deadline, lastEnd) => `MET: the agency's ${moving} moving systems cut over before the ${deadline} deadline (its last cutover wave ends ${lastEnd}).`,
  ownerVerdictNotMet: (late, moving, deadline, lastEnd) =>
    `NOT MET: ${late} of the agency's ${moving} moving systems are late for the ${deadline} deadline; ${lastEnd ? `its last cutover wave ends ${lastEnd}` : "some have no cutover wave yet"}.`,
  ownerMoving: "Systems to move",
  ownerLastDecommission: "Last server decommissioned",
  reportTitle: (period) => `Report on consolidating information and digital infrastructure — ${period}`,
  reportBasis: "Following the template of Appendix 01 to official letter 5199/BKHCN-CĐSQG (matching content; not a copy of the form).",
  reportPeriod: "Reporting period",
  periodLabel: (year, half) => `${half === 1 ? "First" : "Second"} half of ${year}`,
  reportStatusDone: "Done",
  reportStatusPlanned: "Planned",
  status: "Status",
  reportSection1: "I. Servers and storage consolidated or decommissioned",
  reportSection2: "II. Information systems moved to the shared platform",
  reportSection3: "III. Systems connected to NDXP/NDOP",
  reportSection4: "IV. Stand-alone servers remaining",
  reportSection5: "V. Problems and obstacles",
  reportSection6: "VI. Plan for the next period",
  reportConsolidated: "Servers moved to the surviving site",
  reportDecommissioned: "Servers decommissioned",
  reportStorage: "Of which: storage systems",
  reportMovedShared: "Systems moved to the shared platform",
  reportConnected: "Systems connected to NDXP/NDOP",
  reportStandalone: "Stand-alone servers remaining at the end of the period",
  reportNextWaves: "Waves in the next period",
  reportNextDecommission: "Servers decommissioned in the next period",
  reportNextRoadmap: "Work in the next period",
  reportCount: "Total",
  reportNoItems: "None in the period.",
  reportNeedsInventory: "This plan does not mark stand-alone servers: the figure is the plan's count left after the merger; export the report with the inventory (--inventory) for the count per period.",
  sheetReport: "Report",
  periodYear: (year) => `Year ${year}`,
  reportStart: "Start of period",
  reportDoneInPeriod: "Done in the period",
  reportPlannedInPeriod: "Planned in the period",
  reportEnd: "End of period (total)",
  reportSurvivingCentre: "the centre that survives the merger",
  reportCentreStillRuns: (n, names) => `${n} systems still run here${names.length > 0 ? `: ${names.join("; ")}${n > names.length ? "; …" : ""}` : ""}`,
  reportCentreEmptied: "no system runs here any more",
  reportOpen: "In operation",
  reportClosed: "Closed",
  reportCentresBefore: (n) => `before the merger: ${n} centres`,
  reportMergerDone: (date) => `Complete (${date})`,
  reportMergerPlanned: (date) => `Complete as planned on ${date}`,
  reportMergerNotDone: (date) => `Not complete in the period${date ? ` (projected completion ${date})` : " (no projected completion date)"}`,
  reportNationalNote: "counted from the connections the inventory records",
  reportMilestones: (n, total, deadline) => `${n} of ${total} platforms connected; due ${deadline}`,
  reportBeforePeriod: "Before the period",
  reportCovered: "Covered by the centralised backup",
  reportNotCovered: "Not covered by the centralised backup",
  reportOfSystems: (n, total) => `${n} of ${total} systems`,
  reportLinked: "Linked",
  reportNotLinked: "Not linked",
  reportDecommissionLater: "Decommissioned after the period",
  reportKept: "Kept",
  reportPlansNeedInventory: (n) => `${n} agencies own stand-alone servers; the day each plan arrived needs --inventory (the agency's x-server-plan-received field)`,
  reportReceived: "Sent",
  reportNotReceived: "Not sent",
  reportOfAgencies: (n, total) => `${n} of ${total} agencies that own stand-alone servers`,
  reportTrace: "Indicator details",
  reportTraceKind: "Kind",
  reportCounted: "Counted",
  traceKinds: (k) => ({ system: "System", server: "Server", centre: "Centre", connection: "Connection", agency: "Agency" })[k] ?? k,
};

/** The labels of a language. */
export function labels(lang: Lang): Labels {
  return lang === "vi" ? VI : EN;
}
export type { Labels };

const DISPOSITIONS: Record<Lang, Record<Disposition, string>> = {
  vi: { retain: "Giữ nguyên", rehost: "Chuyển nguyên trạng", replatform: "Chuyển lên nền tảng dùng chung", relocate: "Di dời phần cứng", consolidate: "Hợp nhất", retire: "Dừng hoạt động" },
  en: { retain: "Retain", rehost: "Rehost", replatform: "Replatform", relocate: "Relocate", consolidate: "Consolidate", retire: "Retire" },
};
/** The order dispositions are listed in everywhere. */
export const DISPOSITION_ORDER: readonly Disposition[] = ["retain", "rehost", "replatform", "relocate", "consolidate", "retire"];

/** Label of a disposition. */
export function dispositionLabel(d: Disposition, lang: Lang): string {
  return DISPOSITIONS[lang][d];
}

const FATES: Record<Lang, Record<ServerFate, string>> = {
  vi: { retain: "Giữ nguyên", reuse: "Tái sử dụng", relocate: "Di dời", decommission: "Thanh lý" },
  en: { retain: "Retain", reuse: "Reuse", relocate: "Relocate", decommission: "Decommission" },
};
/** Label of a server's fate. */
export function fateLabel(f: ServerFate, lang: Lang): string {
  return FATES[lang][f];
}

const PHASES: Record<Lang, Record<Phase, string>> = {
  vi: { "2026": "Giai đoạn 2026", "2027-2028": "Giai đoạn 2027–2028", "2029-2030": "Giai đoạn 2029–2030" },
  en: { "2026": "Phase 2026", "2027-2028": "Phase 2027–2028", "2029-2030": "Phase 2029–2030" },
};
/** Label of a phase. */
export function phaseLabel(p: Phase, lang: Lang): string {
  return PHASES[lang][p];
}

const PLATFORMS: Record<Lang, Record<Platform, string>> = {
  vi: { "shared-kubernetes": "Nền tảng dùng chung (Kubernetes)", "virtual-machine": "Máy ảo", hardware: "Phần cứng riêng", saas: "Dịch vụ thuê ngoài (SaaS)", none: "Không" },
  en: { "shared-kubernetes": "Shared platform (Kubernetes)", "virtual-machine": "Virtual machine", hardware: "Dedicated hardware", saas: "SaaS", none: "None" },
};
/** Label of a platform. */
export function platformLabel(p: Platform, lang: Lang): string {
  return PLATFORMS[lang][p];
}

const KINDS: Record<Lang, Record<string, string>> = {
  vi: { physical: "Máy chủ vật lý", virtual: "Máy ảo", storage: "Lưu trữ", network: "Thiết bị mạng", appliance: "Thiết bị chuyên dụng" },
  en: { physical: "Physical", virtual: "Virtual", storage: "Storage", network: "Network", appliance: "Appliance" },
};
/** Label of a server kind. */
export function serverKindLabel(kind: string, lang: Lang): string {
  return KINDS[lang][kind] ?? kind;
}

const ACTIONS: Record<Lang, Record<RoadmapAction, string>> = {
  vi: {
    replatform: "Chuyển lên nền tảng dùng chung",
    "expand-shared-platform": "Mở rộng nền tảng dùng chung",
    "hardware-refresh": "Thay thế phần cứng hết bảo hành",
    "os-upgrade": "Nâng cấp hệ điều hành",
    "cloud-candidate": "Ứng viên điện toán đám mây",
    "ai-candidate": "Ứng viên trí tuệ nhân tạo",
    "big-data-candidate": "Ứng viên dữ liệu lớn",
    "connect-national-platform": "Kết nối nền tảng quốc gia (NDXP/NDOP)",
  },
  en: {
    replatform: "Replatform onto the shared platform",
    "expand-shared-platform": "Expand the shared platform",
    "hardware-refresh": "Refresh out-of-support hardware",
    "os-upgrade": "Upgrade the operating system",
    "cloud-candidate": "Cloud candidate",
    "ai-candidate": "AI candidate",
    "big-data-candidate": "Big-data candidate",
    "connect-national-platform": "Connect to a national platform (NDXP/NDOP)",
  },
};
/** Label of a roadmap action. */
export function actionLabel(a: RoadmapAction, lang: Lang): string {
  return ACTIONS[lang][a];
}

const CHAIN_KINDS: Record<Lang, Record<string, string>> = {
  vi: { dependency: "Phụ thuộc", "wave-limit": "Giới hạn đợt", capacity: "Năng lực", calendar: "Lịch", pin: "Ngày cố định", "group-size": "Nhóm lớn", consolidation: "Hợp nhất" },
  en: { dependency: "Dependency", "wave-limit": "Wave limit", capacity: "Capacity", calendar: "Calendar", pin: "Pin", "group-size": "Group size", consolidation: "Consolidation" },
};
/** Label of a critical-chain link kind. */
export function chainKindLabel(kind: string, lang: Lang): string {
  return CHAIN_KINDS[lang][kind] ?? kind;
}

const GLOSSARY: Record<Lang, readonly GlossaryEntry[]> = {
  vi: [
    { term: "TSLCD", meaning: "Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước." },
    { term: "NDXP", meaning: "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia." },
    { term: "NDOP", meaning: "Nền tảng chia sẻ, điều phối, tích hợp dữ liệu quốc gia." },
    { term: "LGSP", meaning: "Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh, kết nối với NDXP." },
    { term: "TTHC", meaning: "Thủ tục hành chính; hệ thống thông tin giải quyết TTHC (Một cửa điện tử)." },
    { term: "QLVB", meaning: "Hệ thống quản lý văn bản và điều hành." },
    { term: "SSO", meaning: "Hệ thống đăng nhập tập trung (một lần) của tỉnh." },
    { term: "Cấp độ ATTT", meaning: "Cấp độ an toàn hệ thống thông tin 1–5 theo Nghị định 85/2016/NĐ-CP." },
    { term: "Đợt chuyển đổi", meaning: "Một lần chuyển các hệ thống sang trung tâm giữ lại, vào các ngày được phép chuyển đổi." },
    { term: "Thanh lý", meaning: "Tắt và đưa máy chủ ra khỏi vận hành sau thời gian chờ kể từ ngày giải phóng." },
    { term: "Chuỗi nguyên nhân trễ hạn", meaning: "Chuỗi ràng buộc làm cho việc hợp nhất không xong trước hạn." },
  ],
  en: [
    { term: "TSLCD", meaning: "Mạng truyền số liệu chuyên dùng: the dedicated government data network." },
    { term: "NDXP", meaning: "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia: the national data integration and sharing platform." },
    { term: "NDOP", meaning: "Nền tảng chia sẻ, điều phối, tích hợp dữ liệu quốc gia: the national data sharing, coordination and integration platform." },
    { term: "LGSP", meaning: "The province's local government service platform: its data-sharing bus, linked to NDXP." },
    { term: "TTHC", meaning: "Thủ tục hành chính: administrative procedures; the one-stop-shop system handles them." },
    { term: "QLVB", meaning: "Quản lý văn bản và điều hành: the document management and executive workflow system." },
    { term: "SSO", meaning: "Đăng nhập tập trung: the province's single sign-on." },
    { term: "Security level", meaning: "Cấp độ an toàn hệ thống thông tin 1–5 under Decree 85/2016/NĐ-CP." },
    { term: "Wave", meaning: "One cutover of systems to the surviving site, on allowed days." },
    { term: "Decommission", meaning: "Switching a server off for good, after a quiet period from the day it is freed." },
    { term: "Critical chain", meaning: "The chain of constraints that makes the merger miss the deadline." },
  ],
};
/** The glossary of a language. */
export function glossary(lang: Lang): readonly GlossaryEntry[] {
  return GLOSSARY[lang];
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Formats an ISO date `YYYY-MM-DD`: `dd/mm/yyyy` in Vietnamese, `d Mon yyyy` in English. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-");
  if (lang === "vi") return `${d}/${m}/${y}`;
  return `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}`;
}

/** Short day and month of an ISO date (`dd/mm` or `d Mon`), for chart labels. */
export function formatDayMonth(iso: string, lang: Lang): string {
  const [, m, d] = iso.split("-");
  return lang === "vi" ? `${d}/${m}` : `${Number(d)} ${EN_MONTHS[Number(m) - 1]}`;
}

/** Formats a number with `digits` decimals (default 0): `1.234,5` in Vietnamese, `1,234.5` in English. */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  const negative = n < 0;
  const fixed = Math.abs(n).toFixed(digits);
  const [int, frac] = fixed.split(".");
  const group = lang === "vi" ? "." : ",";
  const decimal = lang === "vi" ? "," : ".";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const out = frac !== undefined ? `${grouped}${decimal}${frac}` : grouped;
  return negative && Number(fixed) !== 0 ? `−${out}` : out;
}

/** Formats a share 0–1 as a percentage with `digits` decimals (default 0), e.g. `42 %` / `42%`. */
export function formatPercent(share: number, lang: Lang, digits = 0): string {
  return lang === "vi" ? `${formatNumber(share * 100, lang, digits)} %` : `${formatNumber(share * 100, lang, digits)}%`;
}

const RULES: Record<Lang, Record<string, string>> = {
  vi: {
    "oversized-group": "Nhóm vượt giới hạn một đợt",
    "forced-oversized-wave": "Đợt vượt giới hạn do ràng buộc hợp nhất",
    "tight-coupling-split": "Tách hai hệ thống phụ thuộc chặt",
    "pin-conflict": "Ngày cố định không thực hiện được",
    "pin-ignored": "Ngày cố định không có tác dụng",
    "consumer-before-provider": "Hệ thống sử dụng chuyển trước hệ thống cung cấp",
    "consumer-before-provider-total": "Tổng số liên kết phụ thuộc bị tách",
    "depends-on-retired": "Phụ thuộc vào hệ thống dừng hoạt động",
    "consolidate-into-departing": "Hợp nhất vào hệ thống không còn giữ lại",
    "consolidate-without-survivor": "Hợp nhất nhưng không có hệ thống giữ lại",
    "rack-space": "Thiếu không gian rack",
    power: "Thiếu công suất điện",
  },
  en: {
    "oversized-group": "Group larger than a wave",
    "forced-oversized-wave": "Wave over its limits, forced by consolidations",
    "tight-coupling-split": "Tightly coupled systems split",
    "pin-conflict": "Pinned date cannot be kept",
    "pin-ignored": "Pin without effect",
    "consumer-before-provider": "Consumer cuts over before its provider",
    "consumer-before-provider-total": "Dependencies split in total",
    "depends-on-retired": "Depends on a retired system",
    "consolidate-into-departing": "Merged into a system that does not stay",
    "consolidate-without-survivor": "Consolidation without a survivor",
    "rack-space": "Not enough rack space",
    power: "Not enough power",
  },
};

/** A rule of a violation or warning in words; a rule this table does not know, by its kind ("Vi phạm" / "Cảnh báo"). */
export function ruleLabel(rule: string, kind: "violation" | "warning", lang: Lang): string {
  return RULES[lang][rule] ?? (kind === "violation" ? labels(lang).riskViolation : labels(lang).riskWarning);
}
