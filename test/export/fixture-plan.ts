// A realistic plan for export tests, built in memory: Vietnamese names, five waves of which two end
// after the deadline, an unscheduled system, decommissions, procurement, violations and warnings.
// Builders take overrides so a test states only what matters to it.
import { Plan, type PlanServer, type PlanSystem, type Wave } from "../../planner/plan-schema.js";

/** A plan system with sensible defaults (a rehosted system of the Department of Science and Technology). */
export function makePlanSystem(over: Partial<PlanSystem> & { id: string }): PlanSystem {
  return {
    disposition: "rehost",
    reasons: ["chạy trên máy ảo, chuyển nguyên trạng"],
    name: `Hệ thống ${over.id}`,
    owner: "so-khcn",
    function: "other",
    securityLevel: 2,
    site: "dc-bg",
    targetSite: "dc-bn",
    platform: "virtual-machine",
    group: `g-${over.id}`,
    dataGiB: 100,
    externals: [],
    dependsOn: [],
    late: false,
    ...over,
  };
}

/** A wave with sensible defaults. */
export function makeWave(over: Partial<Wave> & { number: number; start: string; end: string; systems: string[] }): Wave {
  return { phase: "2026", dataGiB: 0, servers: [], maxSecurityLevel: 2, notes: [], ...over };
}

/** A plan server with sensible defaults (a virtual server at the closing site, reused). */
export function makePlanServer(over: Partial<PlanServer> & { id: string }): PlanServer {
  return {
    fate: "reuse",
    site: "dc-bg",
    kind: "virtual",
    systems: [],
    savings: { watts: 0, kwhPerYear: 0, rackUnits: 0 },
    reasons: ["khối lượng công việc chuyển đi"],
    ...over,
  };
}

const KWH = (watts: number) => Math.round((watts * 8760) / 1000);

/** The fixture plan: merger of dc-bg into dc-bn, deadline missed by two waves and one unscheduled system. */
export function makeFixturePlan(over: Partial<Plan> = {}): Plan {
  const systems: PlanSystem[] = [
    makePlanSystem({ id: "qlvb-bn", name: "Hệ thống quản lý văn bản và điều hành (QLVB) tỉnh", owner: "vp-ubnd", function: "qlvb", securityLevel: 3, site: "dc-bn", disposition: "retain", reasons: ["đã ở trung tâm giữ lại"], platform: "virtual-machine", dataGiB: 2048, users: 35205, externals: ["ndxp"] }),
    makePlanSystem({ id: "qlvb-bg", name: "Hệ thống QLVB Bắc Giang (cũ)", owner: "vp-ubnd", function: "qlvb", securityLevel: 3, disposition: "consolidate", into: "qlvb-bn", wave: 1, targetSite: undefined, platform: "none", reasons: ["trùng chức năng với qlvb-bn; hợp nhất dữ liệu vào hệ thống giữ lại"], dataGiB: 900, dependsOn: ["sso-bn"] }),
    makePlanSystem({ id: "sso-bn", name: "Hệ thống đăng nhập tập trung (SSO)", owner: "so-khcn", function: "sso", securityLevel: 3, site: "dc-bn", disposition: "retain", reasons: ["đã ở trung tâm giữ lại"], users: 35205 }),
    makePlanSystem({ id: "mot-cua-bg", name: "Hệ thống thông tin giải quyết TTHC (Một cửa điện tử) Bắc Giang", owner: "vp-ubnd", function: "tthc", securityLevel: 3, wave: 2, platform: "shared-kubernetes", disposition: "replatform", reasons: ["sẵn sàng container; chuyển lên nền tảng dùng chung"], dataGiB: 650, users: 12000, externals: ["ndxp", "dvcqg"], dependsOn: ["lgsp-bg", "sso-bn"] }),
    makePlanSystem({ id: "lgsp-bg", name: "Nền tảng LGSP Bắc Giang", owner: "so-khcn", function: "lgsp", securityLevel: 3, wave: 2, disposition: "rehost", dataGiB: 120, externals: ["ndxp"], reasons: ["phụ thuộc chặt với Một cửa điện tử; cùng đợt"] }),
    makePlanSystem({ id: "tich-hop-dl", name: "Trung tâm tích hợp dữ liệu – cổng dữ liệu mở", owner: "so-khcn", function: "open-data", wave: 1, disposition: "replatform", platform: "shared-kubernetes", reasons: ["thí điểm đợt 1"], dataGiB: 40 }),
    makePlanSystem({ id: "ke-toan-bg", name: "Phần mềm kế toán \"Ngân sách\" <Sở Tài chính>", owner: "so-tai-chinh", function: "accounting", wave: 3, disposition: "relocate", platform: "hardware", reasons: ["máy chủ vật lý còn bảo hành; di dời phần cứng"], dataGiB: 300 }),
    makePlanSystem({ id: "web-cu-bg", name: "Trang thông tin điện tử cũ", owner: "so-khcn", function: "website", securityLevel: 1, disposition: "retire", retireOn: "2026-12-15", targetSite: undefined, platform: "none", reasons: ["không còn sử dụng"], dataGiB: 5 }),
    makePlanSystem({ id: "y-te-bg", name: "Hệ thống quản lý hồ sơ sức khỏe điện tử", owner: "so-y-te", function: "health", securityLevel: 4, wave: 4, disposition: "rehost", late: true, reasons: ["cấp độ 4: đợt riêng, sau khi nâng năng lực"], dataGiB: 4200, users: 800 }),
    makePlanSystem({ id: "hoa-don-bg", name: "Cơ sở dữ liệu | thuế & phí", owner: "so-tai-chinh", function: "tax", wave: 5, disposition: "rehost", late: true, reasons: ["chờ mua sắm bổ sung lưu trữ"], dataGiB: 2500, dependsOn: ["y-te-bg"] }),
    makePlanSystem({ id: "dat-dai-bg", name: "Cơ sở dữ liệu đất đai", owner: "so-nnmt", function: "land", securityLevel: 3, disposition: "replatform", platform: "shared-kubernetes", late: true, reasons: ["nhóm phụ thuộc vượt giới hạn đợt"], dataGiB: 6000 }),
    makePlanSystem({ id: "hanh-chinh-xa", name: "Phần mềm một cửa xã Tân Yên", owner: "xa-tan-yen", function: "tthc", securityLevel: 2, site: "xa-tan-yen", disposition: "retain", targetSite: "xa-tan-yen", reasons: ["giữ lại theo quyết định của con người"], dataGiB: 20 }),
  ];
  const waves: Wave[] = [
    makeWave({ number: 1, start: "2026-11-28", end: "2026-11-29", systems: ["qlvb-bg", "tich-hop-dl"], dataGiB: 940, servers: ["vm-bg-01", "vm-bg-02"], maxSecurityLevel: 3, notes: ["đợt thí điểm"] }),
    makeWave({ number: 2, start: "2026-12-05", end: "2026-12-06", systems: ["lgsp-bg", "mot-cua-bg"], dataGiB: 770, servers: ["vm-bg-03", "vm-bg-04"], maxSecurityLevel: 3, notes: [] }),
    makeWave({ number: 3, start: "2026-12-12", end: "2026-12-13", systems: ["ke-toan-bg"], dataGiB: 300, servers: ["pm-bg-03"], maxSecurityLevel: 2, notes: ["di dời phần cứng"] }),
    makeWave({ number: 4, start: "2027-01-09", end: "2027-01-10", systems: ["y-te-bg"], phase: "2027-2028", dataGiB: 4200, servers: ["vm-bg-05"], maxSecurityLevel: 4, notes: ["sau mua sắm năng lực"] }),
    makeWave({ number: 5, start: "2027-01-16", end: "2027-01-17", systems: ["hoa-don-bg"], phase: "2027-2028", dataGiB: 2500, servers: ["vm-bg-06"], maxSecurityLevel: 2, notes: [] }),
  ];
  const servers: PlanServer[] = [
    makePlanServer({ id: "pm-bg-01", kind: "physical", fate: "decommission", freedOn: "2026-12-06", decommissionOn: "2027-01-05", owner: "so-khcn", savings: { watts: 650, kwhPerYear: KWH(650), rackUnits: 2 }, reasons: ["hết máy ảo sau đợt 2"] }),
    makePlanServer({ id: "pm-bg-02", kind: "physical", fate: "decommission", freedOn: "2027-01-17", decommissionOn: "2027-02-16", owner: "so-khcn", savings: { watts: 720, kwhPerYear: KWH(720), rackUnits: 2 }, reasons: ["hết máy ảo sau đợt 5"] }),
    makePlanServer({ id: "pm-bg-03", kind: "physical", fate: "relocate", systems: ["ke-toan-bg"], targetSite: "dc-bn", owner: "so-tai-chinh", target: { cpuCores: 64, memoryGiB: 128, storageGiB: 2000 }, reasons: ["còn bảo hành đến 2029"] }),
    makePlanServer({ id: "st-bg-01", kind: "storage", fate: "decommission", freedOn: "2027-01-17", decommissionOn: "2027-02-16", savings: { watts: 900, kwhPerYear: KWH(900), rackUnits: 4 }, reasons: ["dữ liệu đã chuyển"] }),
    makePlanServer({ id: "pm-bg-04", kind: "physical", fate: "decommission", freedOn: "2026-12-15", decommissionOn: "2027-01-14", systems: ["web-cu-bg"], owner: "so-khcn", savings: { watts: 400, kwhPerYear: KWH(400), rackUnits: 1 }, reasons: ["hệ thống dừng hoạt động 15/12/2026"] }),
    makePlanServer({ id: "vm-bg-01", hostedOn: "pm-bg-01", fate: "decommission", freedOn: "2026-11-29", decommissionOn: "2026-12-29", systems: ["qlvb-bg"], reasons: ["hợp nhất vào qlvb-bn"] }),
    makePlanServer({ id: "vm-bg-02", hostedOn: "pm-bg-01", freedOn: "2026-11-29", systems: ["tich-hop-dl"], targetSite: "dc-bn", target: { cpuCores: 4, memoryGiB: 8, storageGiB: 60 } }),
    makePlanServer({ id: "vm-bg-03", hostedOn: "pm-bg-01", freedOn: "2026-12-06", systems: ["lgsp-bg"], targetSite: "dc-bn", target: { cpuCores: 8, memoryGiB: 16, storageGiB: 200 } }),
    makePlanServer({ id: "vm-bg-04", hostedOn: "pm-bg-01", freedOn: "2026-12-06", systems: ["mot-cua-bg"], targetSite: "dc-bn", target: { cpuCores: 8, memoryGiB: 32, storageGiB: 700 } }),
    makePlanServer({ id: "vm-bg-05", hostedOn: "pm-bg-02", freedOn: "2027-01-10", systems: ["y-te-bg"], targetSite: "dc-bn", target: { cpuCores: 16, memoryGiB: 64, storageGiB: 4500 } }),
    makePlanServer({ id: "vm-bg-06", hostedOn: "pm-bg-02", freedOn: "2027-01-17", systems: ["hoa-don-bg"], targetSite: "dc-bn", target: { cpuCores: 8, memoryGiB: 32, storageGiB: 2600 } }),
    makePlanServer({ id: "vm-bg-07", hostedOn: "pm-bg-02", fate: "retain", systems: ["dat-dai-bg"], reasons: ["hệ thống chưa xếp được đợt"] }),
    makePlanServer({ id: "pm-bn-01", kind: "physical", site: "dc-bn", fate: "retain", targetSite: "dc-bn", reasons: ["ở trung tâm giữ lại"] }),
    makePlanServer({ id: "vm-bn-01", site: "dc-bn", hostedOn: "pm-bn-01", fate: "retain", systems: ["qlvb-bn", "sso-bn"], targetSite: "dc-bn", reasons: ["ở trung tâm giữ lại"] }),
    makePlanServer({ id: "pm-xa-01", kind: "physical", site: "xa-tan-yen", owner: "xa-tan-yen", fate: "retain", systems: ["hanh-chinh-xa"], targetSite: "xa-tan-yen", reasons: ["máy chủ riêng lẻ giữ lại"] }),
  ];
  const watts = 650 + 720 + 900 + 400;
  const plan: Plan = {
    schemaVersion: 1,
    asOf: "2026-11-23",
    targetSite: "dc-bn",
    systems,
    waves,
    servers,
    capacity: [
      { from: "2026-11-23", cpuCores: 512, memoryGiB: 2048, storageGiB: 40000, reason: "năng lực ban đầu" },
      { from: "2026-12-13", cpuCores: 768, memoryGiB: 2176, storageGiB: 42000, reason: "di dời pm-bg-03" },
      { from: "2027-01-05", cpuCores: 1024, memoryGiB: 3072, storageGiB: 60000, reason: "mua sắm bổ sung" },
    ],
    procurement: [
      {
        by: "2027-01-05",
        cpuCores: 64,
        memoryGiB: 896,
        storageGiB: 18000,
        reason: "lưu trữ không đủ cho y-te-bg và hoa-don-bg",
        vcpus: 256,
        adds: { cpuCores: 205, memoryGiB: 717, storageGiB: 14400 },
      },
    ],
    unscheduled: [{ system: "dat-dai-bg", reason: "nhóm 11 hệ thống vượt giới hạn 8 hệ thống/đợt và không còn ngày trước 2030-12-31" }],
    deadline: {
      date: "2026-12-31",
      met: false,
      late: ["dat-dai-bg", "hoa-don-bg", "y-te-bg"],
      projectedCompletion: "2027-01-17",
      criticalChain: [
        { kind: "capacity", subject: "dc-bn", message: "lưu trữ tại dc-bn không đủ cho y-te-bg trước khi mua sắm ngày 05/01/2027" },
        { kind: "calendar", subject: "2026-12-19", message: "tuần 19–20/12 bị chặn (blackout: kỳ họp HĐND)" },
        { kind: "dependency", subject: "hoa-don-bg", message: "hoa-don-bg phụ thuộc chặt y-te-bg <cùng cơ sở dữ liệu>" },
      ],
      windowsBeforeDeadline: 10,
    },
    violations: [{ rule: "retired-dependency", subject: "web-cu-bg", message: "hanh-chinh-xa vẫn gọi web-cu-bg đã dừng hoạt động" }],
    generator: "dcplan 0.1.0",
    profile: {
      startDate: "2026-11-23",
      deadline: "2026-12-31",
      horizonEnd: "2030-12-31",
      weekdays: ["sat", "sun"],
      blackouts: [{ from: "2026-12-19", to: "2026-12-20", reason: "kỳ họp HĐND" }],
      maxSystems: 8,
      maxDataGiB: 5000,
      quietPeriodDays: 30,
      headroomPct: 20,
      cpuOvercommit: 4,
      pins: [],
      procurementLeadDays: 42,
      maxDataGiBSource: "wan",
      wanMbps: 1000,
      wanUsableShare: 0.5,
      dataGiBPerWindowDay: 2500,
    },
    targetSiteReasons: ["dc-bn có nhiều tủ rack và đường TSLCD 1 Gbit/s"],
    sites: [
      { id: "dc-bn", name: "Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh" },
      { id: "dc-bg", name: "Trung tâm tích hợp dữ liệu Bắc Giang (cũ)" },
      { id: "xa-tan-yen", name: "UBND xã Tân Yên" },
    ],
    agencies: [
      { id: "so-khcn", name: "Sở Khoa học và Công nghệ", kind: "department" },
      { id: "vp-ubnd", name: "Văn phòng UBND tỉnh", kind: "department" },
      { id: "so-tai-chinh", name: "Sở Tài chính", kind: "department" },
      { id: "so-y-te", name: "Sở Y tế", kind: "department" },
      { id: "so-nnmt", name: "Sở Nông nghiệp và Môi trường", kind: "department" },
      { id: "xa-tan-yen", name: "UBND xã Tân Yên", kind: "commune" },
    ],
    externals: [
      { id: "ndxp", name: "NDXP" },
      { id: "dvcqg", name: "Cổng Dịch vụ công quốc gia" },
    ],
    groups: systems.map((s) => ({ id: s.group, systems: [s.id], reason: "đơn lẻ" })),
    lowerBound: { waves: 4, binding: "data", gap: 1, components: { chain: 2, systems: 2, data: 4, pins: 0, capacity: 3 } },
    remaining: ["hanh-chinh-xa"],
    roadmap: [
      { phase: "2027-2028", action: "replatform", subject: "lgsp-bg", subjectKind: "system", by: "2027-06-30", reason: "đưa LGSP lên nền tảng dùng chung" },
      { phase: "2027-2028", action: "hardware-refresh", subject: "pm-bg-03", subjectKind: "server", by: "2028-12-31", reason: "hết bảo hành 2029" },
      { phase: "2029-2030", action: "ai-candidate", subject: "qlvb-bn", subjectKind: "system", by: "2030-06-30", reason: "kho văn bản lớn" },
      { phase: "2027-2028", action: "connect-national-platform", subject: "y-te-bg", subjectKind: "system", by: "2027-03-31", reason: "kết nối NDXP" },
    ],
    summary: {
      before: { servers: 15, physicalServers: 6, rackUnits: 30, racks: 4, powerWatts: 6200 },
      after: { servers: 8, physicalServers: 3, rackUnits: 21, racks: 3, powerWatts: 3530 },
      savings: { watts, kwhPerYear: KWH(watts), rackUnits: 9, racks: 1 },
      systemsByDisposition: { retain: 3, rehost: 3, replatform: 3, relocate: 1, consolidate: 1, retire: 1 },
      sharedPlatformShare: 0.2,
      standaloneServersRemaining: 1,
    },
    warnings: [{ rule: "large-wave", subject: "wave-4", message: "đợt 4 chép 4.200 GiB, gần giới hạn 5.000 GiB" }],
    ...over,
  };
  return Plan.parse(plan);
}
