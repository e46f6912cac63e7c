// A pure, seeded generator of synthetic but realistic inventories of the merged province, used by
// the benchmark (1k–100k servers) and, at small sizes, by the property tests. Same options → the
// same inventory, byte for byte once written: randomness comes only from a seeded mulberry32.
//
// Shape (see the benchmark issue): two sites dc-bn and dc-bg (optionally a cloud third), provincial
// departments, police, party, communes and wards; ≈ 5 servers per system (physical hypervisor
// hosts with VMs at the same site and sized to fit, some bare-metal database servers, storage
// arrays, network and security appliances); systems in tight clusters of 1–4 (an application with
// its database, cache or report server); ≈ 3 dependencies per system whose in-degree follows a
// power law (Zipf over a ranking that puts the e-government hubs — LGSP, SSO, SOC — first), plus
// national externals (NDXP, NDOP…); a few loose cycles; a few servers shared by two systems; a
// share of functions duplicated at the other site (the consolidation candidates).
import type { Agency, Dependency, External, Inventory, Server, Site, System } from "../inventory/schema.js";

/** Bump when the output for the same options changes: the benchmark regenerates its cache. */
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** PRNG seed (any integer). */
  readonly seed: number;
  /** Number of servers, exactly (≥ 1). */
  readonly servers: number;
  /** Systems per server [0.2, i.e. ≈ 5 servers per system]. */
  readonly systemsPerServer?: number;
  /** Add a third site, a provincial cloud zone [false]. */
  readonly thirdSite?: boolean;
  /** Day the inventory describes, `YYYY-MM-DD`; dates are spread around it [2026-11-22]. */
  readonly asOf?: string;
}

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight; `weights` parallel to `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------
// Reference data

interface SiteSpec {
  readonly site: Site;
  /** Short prefix of server and system ids. */
  readonly short: string;
  /** Share of servers. */
  readonly share: number;
}

const SITES: readonly SiteSpec[] = [
  { site: { id: "dc-bn", name: "Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh (cơ sở Bắc Ninh)", kind: "datacenter", racks: 42, powerKw: 320, pue: 1.7, wan: { tslcdMbps: 1000, internetMbps: 2000 } }, short: "bn", share: 0.55 },
  { site: { id: "dc-bg", name: "Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh (cơ sở Bắc Giang cũ)", kind: "datacenter", racks: 30, powerKw: 220, pue: 1.9, wan: { tslcdMbps: 500, internetMbps: 1000 } }, short: "bg", share: 0.45 },
];
const CLOUD_SITE: SiteSpec = { site: { id: "cloud-bn", name: "Vùng điện toán đám mây tỉnh (thuê dịch vụ)", kind: "cloud", wan: { tslcdMbps: 1000, internetMbps: 1000 } }, short: "cl", share: 0.08 };

/** Provincial departments (sở, ban, ngành) with the domain their systems serve. */
const DEPARTMENTS: readonly { id: string; name: string; domain: string; label: string }[] = [
  { id: "vp-ubnd", name: "Văn phòng Ủy ban nhân dân tỉnh", domain: "govoffice", label: "Văn phòng UBND" },
  { id: "so-khcn", name: "Sở Khoa học và Công nghệ", domain: "digital", label: "Khoa học và Công nghệ" },
  { id: "so-yte", name: "Sở Y tế", domain: "health", label: "Y tế" },
  { id: "so-gddt", name: "Sở Giáo dục và Đào tạo", domain: "education", label: "Giáo dục" },
  { id: "so-nnmt", name: "Sở Nông nghiệp và Môi trường", domain: "land", label: "Đất đai và Môi trường" },
  { id: "so-tc", name: "Sở Tài chính", domain: "finance", label: "Tài chính" },
  { id: "so-xd", name: "Sở Xây dựng", domain: "construction", label: "Xây dựng" },
  { id: "so-nv", name: "Sở Nội vụ", domain: "civilservice", label: "Nội vụ" },
  { id: "so-tp", name: "Sở Tư pháp", domain: "justice", label: "Tư pháp" },
  { id: "so-ct", name: "Sở Công Thương", domain: "trade", label: "Công Thương" },
  { id: "so-vhttdl", name: "Sở Văn hóa, Thể thao và Du lịch", domain: "culture", label: "Văn hóa và Du lịch" },
  { id: "so-dtxh", name: "Sở Dân tộc và Tôn giáo", domain: "ethnic", label: "Dân tộc và Tôn giáo" },
  { id: "thanh-tra", name: "Thanh tra tỉnh", domain: "inspection", label: "Thanh tra" },
  { id: "bhxh", name: "Bảo hiểm xã hội tỉnh", domain: "insurance", label: "Bảo hiểm xã hội" },
  { id: "bql-kcn", name: "Ban Quản lý các khu công nghiệp", domain: "industrial", label: "Khu công nghiệp" },
];
const POLICE: Agency = { id: "cong-an-tinh", name: "Công an tỉnh Bắc Ninh", kind: "police" };
const PARTY: Agency = { id: "tinh-uy", name: "Văn phòng Tỉnh ủy", kind: "party" };

/** Name stems of communes and wards (real places of both former provinces; the rest numbered). */
const PLACES: readonly [string, string][] = [
  ["Kinh Bắc", "kinh-bac"], ["Võ Cường", "vo-cuong"], ["Vũ Ninh", "vu-ninh"], ["Hạp Lĩnh", "hap-linh"], ["Nam Sơn", "nam-son"],
  ["Từ Sơn", "tu-son"], ["Tam Sơn", "tam-son"], ["Đồng Nguyên", "dong-nguyen"], ["Phù Khê", "phu-khe"], ["Thuận Thành", "thuan-thanh"],
  ["Mão Điền", "mao-dien"], ["Trí Quả", "tri-qua"], ["Song Liễu", "song-lieu"], ["Quế Võ", "que-vo"], ["Phương Liễu", "phuong-lieu"],
  ["Nhân Hòa", "nhan-hoa"], ["Đào Viên", "dao-vien"], ["Bồng Lai", "bong-lai"], ["Chi Lăng", "chi-lang"], ["Phù Lãng", "phu-lang"],
  ["Yên Phong", "yen-phong"], ["Văn Môn", "van-mon"], ["Tam Giang", "tam-giang"], ["Yên Trung", "yen-trung"], ["Tam Đa", "tam-da"],
  ["Tiên Du", "tien-du"], ["Liên Bão", "lien-bao"], ["Tân Chi", "tan-chi"], ["Đại Đồng", "dai-dong"], ["Phật Tích", "phat-tich"],
  ["Gia Bình", "gia-binh"], ["Nhân Thắng", "nhan-thang"], ["Đại Lai", "dai-lai"], ["Cao Đức", "cao-duc"], ["Đông Cứu", "dong-cuu"],
  ["Lương Tài", "luong-tai"], ["Lâm Thao", "lam-thao"], ["Trung Chính", "trung-chinh"], ["Trung Kênh", "trung-kenh"], ["Bắc Giang", "bac-giang"],
  ["Đa Mai", "da-mai"], ["Tiền Phong", "tien-phong"], ["Tân An", "tan-an"], ["Yên Dũng", "yen-dung"], ["Tân Tiến", "tan-tien"],
  ["Cảnh Thụy", "canh-thuy"], ["Chũ", "chu"], ["Phượng Sơn", "phuong-son"], ["Lục Ngạn", "luc-ngan"], ["Sơn Hải", "son-hai"],
  ["Biển Động", "bien-dong"], ["Lục Nam", "luc-nam"], ["Bảo Đài", "bao-dai"], ["Cẩm Lý", "cam-ly"], ["Đông Phú", "dong-phu"],
  ["Việt Yên", "viet-yen"], ["Nếnh", "nenh"], ["Vân Hà", "van-ha"], ["Hiệp Hòa", "hiep-hoa"], ["Hợp Thịnh", "hop-thinh"],
  ["Xuân Cẩm", "xuan-cam"], ["Tân Yên", "tan-yen"], ["Nhã Nam", "nha-nam"], ["Phúc Hòa", "phuc-hoa"], ["Lạng Giang", "lang-giang"],
  ["Mỹ Thái", "my-thai"], ["Kép", "kep"], ["Yên Thế", "yen-the"], ["Bố Hạ", "bo-ha"], ["Đồng Kỳ", "dong-ky"],
  ["Sơn Động", "son-dong"], ["An Lạc", "an-lac"], ["Tuấn Đạo", "tuan-dao"], ["Dương Hưu", "duong-huu"], ["Tây Yên Tử", "tay-yen-tu"],
];
/** The province has 99 communes and wards after the 2025 reorganisation. */
const COMMUNE_COUNT = 99;

/** The e-government stack each former province ran (function, short id, name, level, hub weight). */
const EGOV: readonly { fn: string; short: string; name: string; level: number; owner: string }[] = [
  { fn: "lgsp", short: "lgsp", name: "Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)", level: 3, owner: "so-khcn" },
  { fn: "sso", short: "sso", name: "Hệ thống xác thực tập trung (SSO)", level: 3, owner: "so-khcn" },
  { fn: "security-monitoring", short: "soc", name: "Hệ thống giám sát an toàn thông tin (SOC)", level: 4, owner: "so-khcn" },
  { fn: "one-stop-shop", short: "motcua", name: "Hệ thống thông tin giải quyết thủ tục hành chính (một cửa điện tử)", level: 3, owner: "vp-ubnd" },
  { fn: "document-management", short: "qlvb", name: "Hệ thống quản lý văn bản và điều hành (QLVB)", level: 3, owner: "vp-ubnd" },
  { fn: "email", short: "mail", name: "Hệ thống thư điện tử công vụ", level: 3, owner: "so-khcn" },
  { fn: "portal", short: "portal", name: "Cổng thông tin điện tử tỉnh", level: 2, owner: "vp-ubnd" },
];

/** Kinds of departmental application, combined with a department's domain into a function id. */
const APP_KINDS: readonly { key: string; label: string }[] = [
  { key: "records", label: "Phần mềm quản lý hồ sơ" },
  { key: "registry", label: "Cơ sở dữ liệu chuyên ngành" },
  { key: "reporting", label: "Hệ thống báo cáo" },
  { key: "gis", label: "Hệ thống thông tin địa lý" },
  { key: "licensing", label: "Phần mềm cấp phép" },
  { key: "inspection", label: "Phần mềm quản lý thanh tra, kiểm tra" },
  { key: "statistics", label: "Hệ thống thống kê" },
  { key: "archive", label: "Hệ thống lưu trữ điện tử" },
  { key: "hr", label: "Phần mềm quản lý cán bộ" },
  { key: "accounting", label: "Phần mềm kế toán" },
  { key: "monitoring", label: "Hệ thống giám sát, điều hành" },
  { key: "elearning", label: "Hệ thống học trực tuyến" },
];
const COMMUNE_APP_KINDS: readonly { key: string; label: string }[] = [
  { key: "commune-portal", label: "Trang thông tin điện tử" },
  { key: "commune-registry", label: "Phần mềm hộ tịch, chứng thực" },
  { key: "commune-land", label: "Phần mềm quản lý đất đai" },
];

/** Cluster members behind an application: suffix of id and function, label, port, kind of server. */
const MEMBERS: readonly { suffix: string; label: string; ports: readonly number[] }[] = [
  { suffix: "db", label: "Cơ sở dữ liệu", ports: [5432, 3306, 1433, 1521] },
  { suffix: "cache", label: "Bộ đệm", ports: [6379] },
  { suffix: "report", label: "Máy chủ báo cáo", ports: [8080] },
  { suffix: "search", label: "Máy chủ tìm kiếm", ports: [9200] },
];

const EXTERNALS: readonly External[] = [
  { id: "ndxp", name: "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", endpoint: "https://ndxp.gov.vn" },
  { id: "ndop", name: "Nền tảng điều phối dữ liệu quốc gia (NDOP)" },
  { id: "dvcqg", name: "Cổng Dịch vụ công quốc gia", endpoint: "https://dichvucong.gov.vn" },
  { id: "csdlqg-dan-cu", name: "Cơ sở dữ liệu quốc gia về dân cư" },
  { id: "ho-tich-btp", name: "Phần mềm đăng ký, quản lý hộ tịch (Bộ Tư pháp)" },
  { id: "dkkd-bkhdt", name: "Hệ thống thông tin quốc gia về đăng ký doanh nghiệp" },
  { id: "vnpt-sms", name: "Dịch vụ tin nhắn thương hiệu (VNPT)" },
  { id: "ca-chinh-phu", name: "Dịch vụ chứng thực chữ ký số chuyên dùng Chính phủ" },
];
/** Externals depended on mostly by hubs; departmental systems reach them via LGSP but not always. */
const EXTERNAL_WEIGHTS = [8, 5, 6, 4, 2, 2, 2, 3];

interface OsSpec {
  readonly name: string;
  readonly version: string;
  readonly endOfSupport: string;
}
const LINUX: readonly OsSpec[] = [
  { name: "Ubuntu Server", version: "18.04", endOfSupport: "2023-05-31" },
  { name: "Ubuntu Server", version: "20.04", endOfSupport: "2025-05-31" },
  { name: "Ubuntu Server", version: "22.04", endOfSupport: "2027-06-01" },
  { name: "Ubuntu Server", version: "24.04", endOfSupport: "2029-05-31" },
  { name: "CentOS", version: "7", endOfSupport: "2024-06-30" },
  { name: "Red Hat Enterprise Linux", version: "8", endOfSupport: "2029-05-31" },
  { name: "Red Hat Enterprise Linux", version: "9", endOfSupport: "2032-05-31" },
  { name: "Oracle Linux", version: "8", endOfSupport: "2029-07-01" },
];
const LINUX_WEIGHTS = [3, 8, 12, 6, 7, 5, 4, 2];
const WINDOWS: readonly OsSpec[] = [
  { name: "Windows Server", version: "2012 R2", endOfSupport: "2023-10-10" },
  { name: "Windows Server", version: "2016", endOfSupport: "2027-01-12" },
  { name: "Windows Server", version: "2019", endOfSupport: "2029-01-09" },
  { name: "Windows Server", version: "2022", endOfSupport: "2031-10-14" },
];
const WINDOWS_WEIGHTS = [2, 4, 5, 3];
const HYPERVISORS: readonly OsSpec[] = [
  { name: "VMware ESXi", version: "6.7", endOfSupport: "2022-10-15" },
  { name: "VMware ESXi", version: "7.0", endOfSupport: "2025-10-02" },
  { name: "VMware ESXi", version: "8.0", endOfSupport: "2027-10-11" },
  { name: "Proxmox VE", version: "8", endOfSupport: "2026-07-31" },
];
const HYPERVISOR_WEIGHTS = [2, 5, 4, 2];
const HOST_MODELS = ["Dell PowerEdge R740", "Dell PowerEdge R750", "HPE ProLiant DL380 Gen10", "HPE ProLiant DL380 Gen11", "Lenovo ThinkSystem SR650", "Fujitsu PRIMERGY RX2540 M5"];
const STORAGE_MODELS = ["Dell PowerStore 1200T", "Dell Unity XT 480", "HPE MSA 2060", "NetApp AFF A250", "Huawei OceanStor 5310"];
const NETWORK_MODELS = ["Cisco Nexus 93180YC-FX", "Cisco Catalyst 9300", "Juniper EX4400", "Huawei CE6881"];
const APPLIANCE_MODELS = ["Fortinet FortiGate 600E", "Palo Alto PA-3220", "Check Point 6600", "F5 BIG-IP i4800", "Imperva X2510", "Sophos XGS 4300"];

// ---------------------------------------------------------------------------------------------
// Helpers

function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  return md === "02-29" ? `${y}-02-28` : `${y}${iso.slice(4)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Picks the largest option from `sizes` that fits `room` (falls back to the smallest). */
function fit(sizes: readonly number[], wanted: number, room: number): number {
  let best = sizes[0];
  for (const s of sizes) if (s <= wanted && s <= room) best = s;
  return best;
}

// ---------------------------------------------------------------------------------------------
// The generator

interface PlannedSystem {
  readonly system: System & { dependsOn: Dependency[]; servers: string[] };
  readonly site: SiteSpec;
  readonly cluster: number;
  readonly isApp: boolean;
}

/** Generates an inventory; pure and deterministic for the same options. */
export function generateInventory(options: GenerateOptions): Inventory {
  const rng = new Rng(options.seed);
  const asOf = options.asOf ?? "2026-11-22";
  const totalServers = Math.max(1, Math.floor(options.servers));
  const systemsPerServer = options.systemsPerServer ?? 0.2;
  const totalSystems = Math.max(1, Math.round(totalServers * systemsPerServer));
  const siteSpecs = options.thirdSite ? [...SITES, CLOUD_SITE] : SITES;

  // Agencies: departments, police, party, communes and wards.
  const agencies: Agency[] = DEPARTMENTS.map((d) => ({ id: d.id, name: d.name, kind: "department" as const }));
  agencies.push(POLICE, PARTY);
  const communes: Agency[] = [];
  for (let i = 0; i < COMMUNE_COUNT; i++) {
    const ward = i % 3 === 0;
    const [name, slug] = i < PLACES.length ? PLACES[i] : [`số ${i + 1}`, `so-${pad(i + 1, 2)}`];
    communes.push({ id: `${ward ? "phuong" : "xa"}-${slug}`, name: `${ward ? "Phường" : "Xã"} ${name}`, kind: ward ? "ward" : "commune" });
  }
  agencies.push(...communes);

  // Split servers and systems between sites (largest remainder, so the totals are exact).
  const shares = siteSpecs.map((s) => s.share);
  const serverCounts = apportion(totalServers, shares);
  const systemCounts = apportion(totalSystems, shares);

  const servers: Server[] = [];
  const planned: PlannedSystem[] = [];
  let clusterCounter = 0;
  /** Systems ranked for preferential attachment: hubs first. */
  const hubs: PlannedSystem[] = [];

  siteSpecs.forEach((spec, siteIndex) => {
    const n = serverCounts[siteIndex];
    const nSystems = systemCounts[siteIndex];
    const siteServers: Server[] = [];
    // Infrastructure: ≈ 8 % of servers (storage 35 %, network 40 %, appliances 25 %); none below 12 servers.
    const infra = n >= 12 ? Math.round(n * 0.08) : 0;
    const storage = Math.round(infra * 0.35);
    const network = Math.round(infra * 0.4);
    const appliance = infra - storage - network;
    const compute = n - infra;
    // Compute: one physical host per ≈ 7 compute servers, ≈ 3 % bare metal, the rest VMs.
    const hosts = compute >= 3 ? Math.max(1, Math.round(compute / 7)) : 0;
    const bare = compute >= 3 ? Math.round(compute * 0.03) : compute;
    const vms = compute - hosts - bare;

    const hostRecords: Server[] = [];
    for (let i = 0; i < hosts; i++) {
      const purchased = addDays(asOf, -rng.int(365, 365 * 12));
      const host: Server = {
        id: `${spec.short}-esx-${pad(i + 1, 5)}`,
        site: spec.site.id,
        kind: "physical",
        cpuCores: rng.pick([32, 40, 48, 64, 96]),
        memoryGiB: rng.pick([512, 768, 1024]),
        storageGiB: rng.pick([960, 1920, 3840]),
        usage: { cpuPct: rng.int(15, 96), memoryPct: rng.int(30, 95) },
        powerWatts: rng.int(450, 900),
        rackUnits: 2,
        model: rng.pick(HOST_MODELS),
        purchased,
        supportEnds: addYears(purchased, rng.pick([3, 5, 5, 7])),
        os: { ...rng.weighted(HYPERVISORS, HYPERVISOR_WEIGHTS) },
        owner: "so-khcn",
        tags: ["hypervisor"],
      };
      hostRecords.push(host);
      siteServers.push(host);
    }
    // VMs: spread round-robin over the hosts, each sized to fit what is left on its host
    // (memory never overcommitted, vCPUs at most 4 per physical core).
    const room = hostRecords.map((h) => ({ mem: h.memoryGiB!, cpu: h.cpuCores! * 4 }));
    const assignable: Server[] = [];
    for (let i = 0; i < vms; i++) {
      const h = i % hosts;
      const host = hostRecords[h];
      const windows = rng.chance(0.25);
      const memoryGiB = fit([2, 4, 8, 16, 32, 64], rng.pick([4, 8, 8, 16, 16, 32, 64]), room[h].mem);
      const cpuCores = fit([1, 2, 4, 8, 16], rng.pick([2, 4, 4, 8, 16]), room[h].cpu);
      room[h].mem -= memoryGiB;
      room[h].cpu -= cpuCores;
      const vm: Server = {
        id: `${spec.short}-vm-${pad(i + 1, 6)}`,
        site: spec.site.id,
        kind: "virtual",
        hostedOn: host.id,
        cpuCores,
        memoryGiB,
        storageGiB: rng.pick([50, 100, 200, 500, 1000]),
        usage: { cpuPct: rng.int(2, 97), memoryPct: rng.int(10, 95), storageUsedPct: rng.int(5, 95) },
        os: windows ? { ...rng.weighted(WINDOWS, WINDOWS_WEIGHTS) } : { ...rng.weighted(LINUX, LINUX_WEIGHTS) },
      };
      siteServers.push(vm);
      assignable.push(vm);
    }
    for (let i = 0; i < bare; i++) {
      const purchased = addDays(asOf, -rng.int(365, 365 * 11));
      const s: Server = {
        id: `${spec.short}-db-${pad(i + 1, 5)}`,
        site: spec.site.id,
        kind: "physical",
        cpuCores: rng.pick([16, 24, 32]),
        memoryGiB: rng.pick([128, 256, 384]),
        storageGiB: rng.pick([3840, 7680]),
        usage: { cpuPct: rng.int(10, 90), memoryPct: rng.int(30, 95), storageUsedPct: rng.int(20, 95) },
        powerWatts: rng.int(350, 700),
        rackUnits: rng.pick([1, 2]),
        model: rng.pick(HOST_MODELS),
        purchased,
        supportEnds: addYears(purchased, 5),
        os: { ...rng.weighted(LINUX, LINUX_WEIGHTS) },
        tags: ["bare-metal", "database"],
      };
      siteServers.push(s);
      assignable.push(s);
    }
    const infraKinds: [Server["kind"], number, string, readonly string[]][] = [
      ["storage", storage, "san", STORAGE_MODELS],
      ["network", network, "sw", NETWORK_MODELS],
      ["appliance", appliance, "fw", APPLIANCE_MODELS],
    ];
    for (const [kind, count, prefix, models] of infraKinds) {
      for (let i = 0; i < count; i++) {
        const purchased = addDays(asOf, -rng.int(365, 365 * 10));
        const s: Server = {
          id: `${spec.short}-${prefix}-${pad(i + 1, 4)}`,
          site: spec.site.id,
          kind,
          ...(kind === "storage" ? { storageGiB: rng.pick([61_440, 122_880, 245_760]), usage: { storageUsedPct: rng.int(30, 95) } } : {}),
          powerWatts: rng.int(150, 1200),
          rackUnits: kind === "storage" ? rng.pick([2, 4]) : 1,
          model: rng.pick(models),
          purchased,
          supportEnds: addYears(purchased, rng.pick([3, 5])),
          owner: "so-khcn",
        };
        siteServers.push(s);
      }
    }
    servers.push(...siteServers);

    // Systems of this site, in tight clusters. The e-government stack comes first (the hubs).
    const siteSystems: PlannedSystem[] = [];
    const addSystem = (sys: PlannedSystem["system"], cluster: number, isApp: boolean): PlannedSystem => {
      const p: PlannedSystem = { system: sys, site: spec, cluster, isApp };
      siteSystems.push(p);
      return p;
    };
    const base = (id: string, name: string, owner: string, fn: string, level: number): PlannedSystem["system"] => ({
      id,
      name,
      owner,
      function: fn,
      securityLevel: level,
      servers: [],
      dependsOn: [],
    });
    const egovCount = spec.site.kind === "datacenter" ? Math.min(EGOV.length, nSystems) : 0;
    for (let i = 0; i < egovCount; i++) {
      const e = EGOV[i];
      const p = addSystem(base(`${spec.short}-${e.short}`, `${e.name} (${spec.short === "bn" ? "Bắc Ninh" : "Bắc Giang cũ"})`, e.owner, e.fn, e.level), clusterCounter++, true);
      hubs.push(p);
    }
    let serial = 0;
    while (siteSystems.length < nSystems) {
      const left = nSystems - siteSystems.length;
      const size = Math.min(left, rng.weighted([1, 2, 3, 4], [40, 35, 18, 7]));
      const cluster = clusterCounter++;
      // Owner: mostly departments; a fifth communes and wards, some police.
      const r = rng.next();
      let owner: string;
      let fn: string;
      let label: string;
      if (r < 0.2) {
        const commune = rng.pick(communes);
        const kind = rng.pick(COMMUNE_APP_KINDS);
        owner = commune.id;
        fn = kind.key;
        label = `${kind.label} ${commune.name}`;
      } else if (r < 0.25) {
        owner = POLICE.id;
        fn = `police-${rng.pick(APP_KINDS).key}`;
        label = `Hệ thống nghiệp vụ Công an tỉnh`;
      } else {
        const dept = rng.pick(DEPARTMENTS);
        const kind = rng.pick(APP_KINDS);
        owner = dept.id;
        fn = `${dept.domain}-${kind.key}`;
        label = `${kind.label} ngành ${dept.label}`;
      }
      serial++;
      const stem = `${spec.short}-${fn}-${pad(serial, 5)}`;
      const level = rng.weighted([1, 2, 3, 4, 5], [12, 48, 30, 9, 1]);
      const app = addSystem(base(stem, label, owner, fn, level), cluster, true);
      const members = rng.shuffle([...MEMBERS]).slice(0, size - 1);
      for (const m of members) {
        const member = addSystem(base(`${stem}-${m.suffix}`, `${m.label} — ${label}`, owner, `${fn}-${m.suffix}`, level), cluster, false);
        app.system.dependsOn.push({ target: member.system.id, coupling: "tight", port: rng.pick(m.ports) });
      }
    }

    // Servers: every VM and bare-metal server goes to exactly one system (≥ 1 each when there are
    // enough); the rest spread at random, which gives a Poisson-like count per system.
    const order = rng.shuffle([...assignable]);
    const withServers = siteSystems.filter((p) => !p.isApp || !rng.chance(0.005)); // ≈ 0.5 % of apps are SaaS: no server
    const takers = withServers.length > 0 ? withServers : siteSystems;
    // A site with servers but no system (tiny inventories) keeps them unassigned.
    if (takers.length > 0) {
      order.forEach((s, i) => {
        const p = i < takers.length ? takers[i] : takers[Math.floor(rng.next() * takers.length)];
        p.system.servers.push(s.id);
      });
    }
    // Systems left without a server while the site has some: share one (real inventories do).
    if (order.length > 0) {
      for (const p of takers) if (p.system.servers.length === 0) p.system.servers.push(rng.pick(order).id);
    }
    // ≈ 2 % of systems also run on a server of another system at the site.
    for (const p of takers) {
      if (order.length > 1 && rng.chance(0.02)) {
        const s = rng.pick(order).id;
        if (!p.system.servers.includes(s)) p.system.servers.push(s);
      }
    }
    // Owners of VMs and bare metal: the agency of the (first) system running on them, for most.
    const ownerOf = new Map<string, string>();
    for (const p of siteSystems) for (const sid of p.system.servers) if (!ownerOf.has(sid)) ownerOf.set(sid, p.system.owner);
    for (const s of assignable) {
      const o = ownerOf.get(s.id);
      if (o && rng.chance(0.8)) (s as { owner?: string }).owner = o;
    }
    planned.push(...siteSystems);
  });

  // Duplicated functions: ≈ 8 % of applications at dc-bg take the function of an application at
  // dc-bn (the consolidation candidates), on top of the duplicated e-government stack.
  const byCluster = new Map<number, PlannedSystem[]>();
  for (const p of planned) {
    const list = byCluster.get(p.cluster);
    if (list) list.push(p);
    else byCluster.set(p.cluster, [p]);
  }
  const bn = planned.filter((p) => p.site.site.id === "dc-bn" && p.isApp && !hubs.includes(p));
  for (const p of planned) {
    if (p.site.site.id !== "dc-bg" || !p.isApp || bn.length === 0 || hubs.includes(p) || !rng.chance(0.08)) continue;
    const twin = rng.pick(bn);
    const old = p.system.function;
    // Members keep "<app function>-<suffix>", so they follow the application.
    for (const q of byCluster.get(p.cluster)!) {
      (q.system as { function: string }).function = `${twin.system.function}${q.system.function.slice(old.length)}`;
    }
    if (rng.chance(0.3)) {
      (p.system as System).disposition = "consolidate";
      (p.system as System).consolidateInto = twin.system.id;
    }
  }

  // Attributes: lifecycle, containerReady, users, data, RPO/RTO.
  for (const p of planned) {
    const s = p.system as System & { lifecycle?: string };
    const lifecycle = rng.weighted(["active", "legacy", "retiring"] as const, [80, 15, 5]);
    if (lifecycle !== "active" || rng.chance(0.3)) (s as { lifecycle?: string }).lifecycle = lifecycle;
    if (lifecycle === "retiring" && s.disposition === undefined && rng.chance(0.5)) (s as { disposition?: string }).disposition = "retire";
    if (rng.chance(p.isApp ? 0.35 : 0.1)) (s as { containerReady?: boolean }).containerReady = true;
    else if (rng.chance(0.2)) (s as { containerReady?: boolean }).containerReady = false;
    if (p.isApp) (s as { users?: number }).users = Math.floor(20 * Math.pow(10, rng.next() * 3.5));
    (s as { dataGiB?: number }).dataGiB = Math.round(Math.pow(10, rng.next() * 4) * (p.isApp ? 1 : 4));
    if (rng.chance(0.6)) {
      (s as { rpoHours?: number }).rpoHours = rng.pick([1, 4, 24]);
      (s as { rtoHours?: number }).rtoHours = rng.pick([4, 8, 24, 72]);
    }
  }

  // Loose dependencies with a power-law in-degree: targets drawn by Zipf (s = 1) over a ranking
  // with the hubs first and the rest of the systems shuffled. Cluster members (databases…) are
  // reached only through their application, as in life.
  const apps = planned.filter((p) => p.isApp);
  const ranking = [...hubs, ...rng.shuffle(apps.filter((p) => !hubs.includes(p)))];
  const rankOf = new Map(ranking.map((p, i) => [p, i]));
  const cumulative = new Float64Array(ranking.length);
  let acc = 0;
  for (let i = 0; i < ranking.length; i++) {
    acc += 1 / (i + 1);
    cumulative[i] = acc;
  }
  const zipf = (): PlannedSystem => {
    const r = rng.next() * acc;
    let lo = 0;
    let hi = ranking.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return ranking[lo];
  };
  const tightPerSystem = planned.reduce((n, p) => n + p.system.dependsOn.length, 0) / planned.length;
  // ≈ 3 dependencies per system in all: tight ones already made, ≈ 0.4 on externals, the rest loose.
  const loosePerApp = Math.max(0, ((3 - tightPerSystem - 0.4) * planned.length) / Math.max(1, apps.length));
  const lgspOf = new Map(hubs.filter((h) => h.system.function === "lgsp").map((h) => [h.site.site.id, h.system.id]));
  for (const p of apps) {
    const deps = p.system.dependsOn;
    const count = Math.floor(loosePerApp) + (rng.chance(loosePerApp - Math.floor(loosePerApp)) ? 1 : 0);
    const chosen = new Set<string>(deps.map((d) => d.target));
    let added = 0;
    const myRank = rankOf.get(p)!;
    for (let attempt = 0; attempt < count * 8 && added < count; attempt++) {
      const t = zipf();
      // Dependencies point towards more central systems (lower rank), mostly at the same site; so
      // the graph is nearly a DAG and its cycles are the deliberate ones below.
      if (rankOf.get(t)! >= myRank || t.cluster === p.cluster || chosen.has(t.system.id)) continue;
      if (t.site !== p.site && !rng.chance(0.1)) continue;
      chosen.add(t.system.id);
      added++;
      deps.push({ target: t.system.id, coupling: "loose", port: 443 });
      // Now and then a second entry on the same target with another port (the graph merges them).
      if (rng.chance(0.02)) deps.push({ target: t.system.id, coupling: "loose", port: 8443 });
    }
  }
  // Externals: hubs (LGSP above all) reach the national platforms; a few systems call them directly.
  const externalsPerSystem = (0.4 * planned.length) / Math.max(1, apps.length);
  for (const p of apps) {
    const isLgsp = p.system.function === "lgsp";
    const n = isLgsp ? EXTERNALS.length : Math.floor(externalsPerSystem) + (rng.chance(externalsPerSystem % 1) ? 1 : 0);
    const seen = new Set(p.system.dependsOn.map((d) => d.target));
    for (let k = 0; k < n; k++) {
      const e = isLgsp ? EXTERNALS[k] : rng.weighted(EXTERNALS, EXTERNAL_WEIGHTS);
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      p.system.dependsOn.push({ target: e.id, coupling: "loose", port: 443 });
    }
    // A share of systems publish services through the site's LGSP.
    const lgsp = lgspOf.get(p.site.site.id);
    if (lgsp && lgsp !== p.system.id && !seen.has(lgsp) && rng.chance(0.05)) p.system.dependsOn.push({ target: lgsp, coupling: "loose", port: 8243 });
  }
  const systemById = new Map(planned.map((p) => [p.system.id, p]));
  // Loose cycles: ≈ 1.5 % of loose dependencies between peripheral systems get a callback the
  // other way, each system in at most one (callbacks on central systems would chain thousands of
  // systems into one component, which no real province has).
  const peripheral = Math.max(hubs.length, Math.floor(ranking.length * 0.05));
  const inCycle = new Set<PlannedSystem>();
  for (const p of apps) {
    for (const d of [...p.system.dependsOn]) {
      if (d.coupling !== "loose" || inCycle.has(p) || !rng.chance(0.015)) continue;
      const t = systemById.get(d.target);
      if (!t || !t.isApp || rankOf.get(t)! < peripheral || inCycle.has(t) || t.system.dependsOn.some((x) => x.target === p.system.id)) continue;
      inCycle.add(p);
      inCycle.add(t);
      t.system.dependsOn.push({ target: p.system.id, coupling: "loose", port: 443, protocol: "tcp" });
    }
  }
  // A tenth of systems ship their logs to their site's SOC over syslog (udp 514).
  const soc = hubs.filter((h) => h.system.function === "security-monitoring");
  for (const p of apps) {
    if (soc.length === 0 || !rng.chance(0.1)) continue;
    const target = soc.find((s) => s.site === p.site) ?? soc[0];
    if (target !== p && !p.system.dependsOn.some((d) => d.target === target.system.id)) p.system.dependsOn.push({ target: target.system.id, coupling: "loose", port: 514, protocol: "udp" });
  }

  const systems: System[] = planned.map((p) => {
    const s = p.system;
    if (s.dependsOn.length === 0) {
      const { dependsOn: _none, ...rest } = s;
      return rest;
    }
    return s;
  });
  const sites = siteSpecs.map((s) => ({ ...s.site }));
  return { sites, agencies, servers, systems, externals: EXTERNALS.map((e) => ({ ...e })) };
}

/** Splits `total` in proportion to `shares` (largest remainder; the parts sum to `total`). */
function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (total * s) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}
