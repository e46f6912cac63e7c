// The message catalog: every sentence the planner writes into a plan (reasons, notes, violations,
// warnings, the critical chain, procurement and capacity reasons, the roadmap…), each kind one
// function of typed parameters that returns the sentence in English and in Vietnamese together.
// The plan's contract fields keep the English; the Vietnamese goes to the plan's additive
// `translations.vi` map (English text → Vietnamese text), which the exporters use under
// `--lang vi` (planner/export/i18n.ts `text`). English dates stay ISO (`2026-11-28`) as before;
// Vietnamese ones are `dd/mm/yyyy` and Vietnamese numbers group thousands with `.` and use `,`
// for decimals, formatted by hand (no Intl) so the bytes never depend on the machine's ICU data.
import type { Disposition } from "../inventory/schema.js";

/** One sentence in both languages. */
export interface Message {
  readonly en: string;
  readonly vi: string;
}

/** Records the messages said while planning, so the plan can carry their Vietnamese text. */
export class MessageLog {
  private readonly vi = new Map<string, string>();

  /** Records `m` and returns its English text (what the plan's contract fields hold). */
  say(m: Message): string {
    if (!this.vi.has(m.en)) this.vi.set(m.en, m.vi);
    return m.en;
  }

  /** Vietnamese text of an English message said earlier; undefined when it never was. */
  viOf(en: string): string | undefined {
    return this.vi.get(en);
  }
}

const m = (en: string, vi: string): Message => ({ en, vi });

/** An entity a sentence names: its id (English text) and its name (Vietnamese text, for leaders). */
export interface Named {
  readonly id: string;
  readonly name: string;
}

/** Names for Vietnamese: "a, b và c". */
const namesVi = (items: readonly Named[]): string =>
  items.length <= 1 ? (items[0]?.name ?? "") : `${items.slice(0, -1).map((x) => x.name).join(", ")} và ${items[items.length - 1].name}`;

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

/** Joins messages with `sep` in both languages. */
export function joinMessages(parts: readonly Message[], sep = "; "): Message {
  return m(parts.map((p) => p.en).join(sep), parts.map((p) => p.vi).join(sep));
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
const idDisp = (items: readonly { id: string; disposition: string }[]): Message =>
  m(items.map((x) => `${x.id}: ${x.disposition}`).join(", "), items.map((x) => `${x.id}: ${dispVi(x.disposition)}`).join(", "));

/** The catalog (see file header): one function per kind of message. */
export const MSG = {
  // ---- where a system runs (fragment of disposition reasons)
  whereService: (): Message => m("no servers (runs as a service)", "không có máy chủ (chạy dưới dạng dịch vụ)"),
  whereTarget: (p: { target: string }): Message => m(`at the target site ${p.target}`, `tại trung tâm giữ lại ${p.target}`),
  whereSite: (p: { site: string }): Message => m(`at ${p.site}`, `tại ${p.site}`),

  // ---- dispositions
  dispositionPinned: (p: { disposition: Disposition }): Message =>
    m(`disposition "${p.disposition}" pinned in the inventory by people`, `phương án "${DISP_VI[p.disposition]}" do cán bộ chỉ định cố định trong danh mục`),
  consolidateWithoutSurvivor: (p: { system: string; fn: string }): Message =>
    m(
      `${p.system} is pinned to consolidate but no other system has function "${p.fn}"; it is rehosted instead`,
      `${p.system} được chỉ định hợp nhất nhưng không có hệ thống nào khác cùng chức năng "${p.fn}"; hệ thống được chuyển nguyên trạng thay vì hợp nhất`,
    ),
  noSurvivorKeepsRunning: (): Message => m("no survivor exists for its function, so it keeps running", "chức năng này không có hệ thống giữ lại nên hệ thống tiếp tục hoạt động"),
  mergedIntoPinned: (p: { into: string }): Message => m(`merged into ${p.into} (consolidateInto pinned in the inventory)`, `hợp nhất vào ${p.into} (consolidateInto được chỉ định trong danh mục)`),
  mergedIntoBest: (p: { into: string; fn: string }): Message =>
    m(`merged into ${p.into}, the best-scoring system of function "${p.fn}"`, `hợp nhất vào ${p.into}, hệ thống đạt điểm cao nhất của chức năng "${p.fn}"`),
  staysWithPinned: (p: { system: Named; site: Named; target: string; pinned: Named; via: readonly Named[] }): Message =>
    m(
      `stays at ${p.site.id} with ${p.pinned.id}, which people pinned to stay there: it is tightly coupled to it${p.via.length > 0 ? ` through ${p.via.map((v) => v.id).join(", ")}` : ""}, and moving it to ${p.target} would split them across sites; listed as remaining after the merger`,
      `${p.system.name} ở lại ${p.site.name} cùng ${p.pinned.name} (được cán bộ chỉ định giữ nguyên tại đó) vì hai hệ thống phụ thuộc chặt vào nhau${p.via.length > 0 ? ` thông qua ${namesVi(p.via)}` : ""}; nếu chuyển đi, hai hệ thống sẽ bị tách ở hai trung tâm; thuộc danh sách hệ thống còn lại sau hợp nhất`,
    ),
  staysRemaining: (p: { where: Message }): Message => m(`stays ${p.where.en}: listed as remaining after the merger`, `ở lại ${p.where.vi}: thuộc danh sách hệ thống còn lại sau hợp nhất`),
  duplicateMerged: (p: { fn: string; where: Message; survivor: string; survivorSite: string | undefined; score: number; other: string; otherScore: number }): Message =>
    m(
      `duplicate of function "${p.fn}" ${p.where.en}; merged into ${p.survivor} at ${p.survivorSite} (survivor score ${p.score}; ${p.other} scored ${p.otherScore})`,
      `trùng chức năng "${p.fn}" ${p.where.vi}; hợp nhất vào ${p.survivor} tại ${p.survivorSite} (điểm của hệ thống giữ lại ${viNum(p.score)}; ${p.other} đạt ${viNum(p.otherScore)} điểm)`,
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
      `duplicate of function "${p.fn}" ${p.where.en}; merged into its counterpart ${p.survivor} at ${p.survivorSite}, together with its move group: duplicates in tightly coupled groups are merged group by group, and group ${p.group.id} survives whole (mean survivor score ${p.group.score} over ${p.group.scored} duplicated systems; group ${p.other.id}: ${p.other.score} over ${p.other.scored})${p.pin ? `, ranked first because ${p.pin.system} is pinned to consolidate into ${p.pin.into} in the inventory` : ""}`,
      `trùng chức năng "${p.fn}" ${p.where.vi}; hợp nhất vào hệ thống tương ứng ${p.survivor} tại ${p.survivorSite}, cùng cả nhóm chuyển đổi: các hệ thống trùng trong nhóm phụ thuộc chặt được hợp nhất theo từng nhóm, nhóm ${p.group.id} được giữ lại nguyên vẹn (điểm giữ lại trung bình ${viNum(p.group.score)} trên ${viNum(p.group.scored)} hệ thống trùng chức năng; nhóm ${p.other.id}: ${viNum(p.other.score)} trên ${viNum(p.other.scored)})${p.pin ? `, được ưu tiên vì ${p.pin.system} được chỉ định hợp nhất vào ${p.pin.into} trong danh mục` : ""}`,
    ),
  survivesWithGroup: (p: { fn: string; group: { id: string; score: number; scored: number }; against: readonly { id: string; score: number; scored: number }[] }): Message =>
    m(
      `survivor of function "${p.fn}": its move group ${p.group.id} survives whole (mean survivor score ${p.group.score} over ${p.group.scored} duplicated systems, against ${p.against.map((a) => `${a.id}: ${a.score}`).join(", ")}), and the duplicates of the other group are merged into their counterparts in it`,
      `hệ thống giữ lại của chức năng "${p.fn}": nhóm chuyển đổi ${p.group.id} được giữ lại nguyên vẹn (điểm giữ lại trung bình ${viNum(p.group.score)} trên ${viNum(p.group.scored)} hệ thống trùng chức năng, so với ${p.against.map((a) => `${a.id}: ${viNum(a.score)}`).join(", ")}), các hệ thống trùng của nhóm kia được hợp nhất vào hệ thống tương ứng trong nhóm này`,
    ),
  retireNoDependants: (): Message =>
    m("lifecycle retiring and no system depends on it", "vòng đời ở trạng thái sắp ngừng (retiring) và không còn hệ thống nào phụ thuộc vào hệ thống này"),
  retireOnlyRetiring: (p: { users: readonly string[] }): Message =>
    m(
      `lifecycle retiring; only systems that retire too depend on it (${list(p.users)})`,
      `vòng đời ở trạng thái sắp ngừng (retiring); chỉ các hệ thống cũng dừng hoạt động phụ thuộc vào hệ thống này (${list(p.users)})`,
    ),
  keptRetiring: (p: { user: string }): Message =>
    m(`lifecycle retiring, but ${p.user} still depends on it, so it is kept`, `vòng đời ở trạng thái sắp ngừng (retiring), nhưng ${p.user} vẫn phụ thuộc vào hệ thống này nên được giữ lại`),
  noServers: (): Message =>
    m("has no servers in the inventory (a service run elsewhere); nothing to move", "không có máy chủ trong danh mục (dịch vụ vận hành ở nơi khác); không có gì phải chuyển"),
  alreadyAtTarget: (p: { target: string }): Message => m(`already runs at the target site ${p.target}`, `đã vận hành tại trung tâm giữ lại ${p.target}`),
  relocateHardware: (p: { where: Message; target: string }): Message =>
    m(
      `runs on hardware that cannot be virtualised (appliance, HSM or hardware-bound server) ${p.where.en}; the hardware is moved to ${p.target}`,
      `chạy trên phần cứng không ảo hóa được (thiết bị chuyên dụng, HSM hoặc máy chủ gắn với phần cứng) ${p.where.vi}; phần cứng được di dời về ${p.target}`,
    ),
  foldStandalone: (p: { servers: readonly string[]; target: Named; shared: boolean }): Message =>
    m(
      `runs on stand-alone server${p.servers.length === 1 ? "" : "s"} ${list(p.servers)} at the target site ${p.target.id}: it moves onto the site's shared ${p.shared ? "Kubernetes platform" : "virtual machines"}, with central storage and backup, so the server can be switched off (the Provincial People's Committee's letter of March 2026, §3a: remove or integrate stand-alone servers)`,
      `đang chạy trên máy chủ riêng lẻ tại ${p.target.name}: chuyển lên ${p.shared ? "nền tảng Kubernetes" : "hạ tầng máy ảo"} dùng chung, dùng lưu trữ và sao lưu tập trung, để tắt máy chủ riêng lẻ (văn bản của UBND tỉnh tháng 3/2026, mục 3a: loại bỏ hoặc tích hợp các máy chủ riêng lẻ)`,
    ),
  replatformReady: (p: { where: Message; target: string }): Message =>
    m(`container-ready ${p.where.en}; moves onto the shared Kubernetes platform at ${p.target}`, `sẵn sàng container hóa ${p.where.vi}; chuyển lên nền tảng Kubernetes dùng chung tại ${p.target}`),
  rehostVm: (p: { where: Message; target: string }): Message =>
    m(`${p.where.en}, not container-ready; lifted and shifted as virtual machines to ${p.target}`, `${p.where.vi}, chưa sẵn sàng container hóa; chuyển nguyên trạng dưới dạng máy ảo về ${p.target}`),
  consolidateIntoDeparting: (p: { system: string; into: string; retired: boolean; next?: string }): Message =>
    p.retired
      ? m(`${p.system} is consolidated into ${p.into}, which is itself retired`, `${p.system} được hợp nhất vào ${p.into}, nhưng chính ${p.into} lại dừng hoạt động`)
      : m(`${p.system} is consolidated into ${p.into}, which is itself consolidated into ${p.next}`, `${p.system} được hợp nhất vào ${p.into}, nhưng chính ${p.into} lại được hợp nhất vào ${p.next}`),
  dependsOnRetired: (p: { system: string; disposition: Disposition; target: string }): Message =>
    m(
      `${p.system} (${p.disposition}) depends on ${p.target}, whose retirement is pinned in the inventory; the dependency breaks when ${p.target} is switched off`,
      `${p.system} (${DISP_VI[p.disposition]}) phụ thuộc vào ${p.target}, hệ thống được chỉ định dừng hoạt động trong danh mục; liên kết này sẽ đứt khi ${p.target} tắt`,
    ),

  // ---- move groups
  singleSystem: (): Message => m("a single system", "một hệ thống đơn lẻ"),
  tightDependency: (p: { from: string; to: string }): Message => m(`tight dependency ${p.from} → ${p.to}`, `phụ thuộc chặt ${p.from} → ${p.to}`),
  shareServer: (p: { server: string; systems: readonly string[] }): Message => m(`share server ${p.server}: ${list(p.systems)}`, `dùng chung máy chủ ${p.server}: ${list(p.systems)}`),
  mergedCycle: (p: { reasons: Message }): Message =>
    m(
      `${p.reasons.en}; merged: a consolidation survivor and its dependants depend on each other in a cycle`,
      `${p.reasons.vi}; gộp chung: hệ thống giữ lại sau hợp nhất và các hệ thống phụ thuộc vào nó phụ thuộc lẫn nhau theo vòng`,
    ),
  groupStays: (p: { reasons: readonly Message[] }): Message =>
    p.reasons.length > 0 ? m(`does not move (${p.reasons.map((r) => r.en).join("; ")})`, `không chuyển (${p.reasons.map((r) => r.vi).join("; ")})`) : m("does not move", "không chuyển"),

  // ---- pins and coupling (schedule)
  tightCouplingSplit: (p: { system: Named; target: Named; other: Named; otherSite: Named; mergedInto?: Named }): Message =>
    m(
      `${p.system.id} ${p.mergedInto ? `is merged into ${p.mergedInto.id} at ${p.target.id}` : `moves to ${p.target.id}`} but is tightly coupled to ${p.other.id}, which stays at ${p.otherSite.id}; people pinned both dispositions in the inventory, so change one of them`,
      `${p.system.name} ${p.mergedInto ? `được hợp nhất vào ${p.mergedInto.name} tại ${p.target.name}` : `chuyển về ${p.target.name}`} nhưng phụ thuộc chặt với ${p.other.name}, hệ thống ở lại ${p.otherSite.name}; cả hai phương án đều do cán bộ chỉ định trong danh mục nên cần sửa một trong hai`,
    ),
  pinIgnored: (p: { system: string; disposition: string | undefined }): Message =>
    m(`${p.system} is pinned but does not move (${p.disposition}); the pin has no effect`, `${p.system} có ngày cố định nhưng không phải chuyển (${dispVi(p.disposition)}); ngày cố định không có tác dụng`),
  pinOutsideWindows: (p: { system: string; date: string; start: string; horizonEnd: string }): Message =>
    m(
      `${p.system} is pinned to ${p.date}, which is not in a usable window between the start date ${p.start} and horizonEnd ${p.horizonEnd}; scheduled by the rules instead`,
      `${p.system} được cố định vào ngày ${viDate(p.date)}, nhưng ngày này không thuộc khung chuyển đổi nào từ ngày bắt đầu ${viDate(p.start)} đến ngày kết thúc lộ trình ${viDate(p.horizonEnd)}; hệ thống được xếp đợt theo quy tắc chung`,
    ),
  pinTwice: (p: { system: string; date: string; systems: readonly string[]; firstDate: string | undefined }): Message =>
    m(
      `${p.system} is pinned to ${p.date} but cuts over with ${list(p.systems)}, pinned to ${p.firstDate}; the first pin is kept`,
      `${p.system} được cố định vào ngày ${viDate(p.date)} nhưng phải chuyển cùng ${list(p.systems)}, đã cố định vào ngày ${viDate(p.firstDate ?? "")}; giữ ngày cố định đầu tiên`,
    ),
  pinHeldBack: (p: { unit: string; date: string | undefined; notBefore: string | undefined }): Message =>
    m(
      `${p.unit} is pinned to ${p.date} but held back until ${p.notBefore}; the hold-back wins`,
      `${p.unit} được cố định vào ngày ${viDate(p.date ?? "")} nhưng bị hoãn đến ngày ${viDate(p.notBefore ?? "")}; ưu tiên yêu cầu hoãn`,
    ),
  pulledWithPinned: (p: { unit: string; pinned: string }): Message =>
    m(`${p.unit} placed with pinned ${p.pinned}, which waits for it`, `${p.unit} được xếp cùng ${p.pinned} (có ngày cố định) vì ${p.pinned} phải chờ ${p.unit}`),
  conflictHeldBack: (p: { notBefore: string | undefined }): Message => m(`held back until ${p.notBefore}`, `bị hoãn đến ngày ${viDate(p.notBefore ?? "")}`),
  conflictSurvivor: (p: { units: readonly string[] }): Message =>
    m(`it must wait for ${list(p.units)} (consolidation survivor), not yet in place`, `phải chờ ${list(p.units)} (hệ thống giữ lại sau hợp nhất), hệ thống này chưa sẵn sàng`),
  conflictPinLimits: (): Message => m("the wave's limits are already taken by other pins", "giới hạn của đợt đã dành hết cho các hệ thống cố định ngày khác"),
  conflictOversizedPins: (): Message =>
    m("it is larger than the wave limits and other systems are pinned to the same wave", "nhóm vượt giới hạn một đợt trong khi đã có hệ thống khác cố định vào cùng đợt"),
  conflictCapacity: (): Message =>
    m("the target site has no capacity for it then and procured hardware cannot arrive by that date", "khi đó trung tâm giữ lại không đủ năng lực và thiết bị mua sắm chưa thể về kịp trước ngày đó"),
  pinConflict: (p: { systems: readonly string[]; date: string | undefined; conflict: Message }): Message =>
    m(
      `${list(p.systems)} pinned to ${p.date} cannot cut over then: ${p.conflict.en}; scheduled by the rules instead`,
      `${list(p.systems)} được cố định vào ngày ${viDate(p.date ?? "")} nhưng không thể chuyển vào ngày đó: ${p.conflict.vi}; hệ thống được xếp đợt theo quy tắc chung`,
    ),
  pinnedNote: (p: { systems: readonly string[]; date: string | undefined }): Message =>
    m(`pinned: ${list(p.systems)} on ${p.date}`, `cố định ngày: ${list(p.systems)} vào ngày ${viDate(p.date ?? "")}`),

  // ---- waves (schedule)
  oversizedNote: (p: { group: string; systems: number; dataGiB: number; limits?: { maxSystems: number; dataGiB: number } }): Message =>
    m(
      `group ${p.group} (${p.systems} systems, ${p.dataGiB} GiB) exceeds the wave limits${p.limits ? ` (${p.limits.maxSystems} systems, ${p.limits.dataGiB} GiB)` : ""} and has this wave to itself`,
      `nhóm ${p.group} (${viNum(p.systems)} hệ thống, ${viNum(p.dataGiB)} GiB) vượt giới hạn một đợt${p.limits ? ` (${viNum(p.limits.maxSystems)} hệ thống, ${viNum(p.limits.dataGiB)} GiB)` : ""} nên được xếp riêng đợt này`,
    ),
  oversizedWarning: (p: { group: string; members: readonly string[]; dataGiB: number; wave: number }): Message =>
    m(
      `move group ${p.group} (${list(p.members)}) has ${p.members.length} systems and ${p.dataGiB} GiB, more than one wave allows; it gets wave ${p.wave} to itself`,
      `nhóm chuyển đổi ${p.group} (${list(p.members)}) có ${viNum(p.members.length)} hệ thống và ${viNum(p.dataGiB)} GiB dữ liệu, vượt giới hạn một đợt; nhóm được xếp riêng đợt ${p.wave}`,
    ),
  forcedOversizedWave: (p: { wave: number; groups: readonly string[]; systems: readonly string[]; dataGiB: number; maxSystems: number; limit: number; consolidations: readonly string[] }): Message =>
    m(
      `wave ${p.wave} exceeds the wave limits (${p.maxSystems} systems, ${p.limit} GiB) with ${p.systems.length} systems and ${p.dataGiB} GiB of several move groups (${list(p.groups)}: ${list(p.systems)}), kept together in a wave of their own because the consolidations ${list(p.consolidations)} make each cut over no earlier than the other (survivor first); change the consolidateInto or disposition pins so the survivors sit in one group`,
      `đợt ${p.wave} vượt giới hạn một đợt (${viNum(p.maxSystems)} hệ thống, ${viNum(p.limit)} GiB) với ${viNum(p.systems.length)} hệ thống và ${viNum(p.dataGiB)} GiB của nhiều nhóm chuyển đổi (${list(p.groups)}: ${list(p.systems)}), được giữ chung trong một đợt riêng vì các phương án hợp nhất ${list(p.consolidations)} buộc mỗi nhóm không được chuyển trước nhóm kia (hệ thống giữ lại phải sẵn sàng trước); cần sửa chỉ định consolidateInto hoặc phương án để các hệ thống giữ lại nằm chung một nhóm`,
    ),
  deferBeforeProcurement: (p: { from: string }): Message =>
    m(`does not fit the target site's capacity before procured hardware can arrive (${p.from})`, `vượt năng lực của trung tâm giữ lại trước khi thiết bị mua sắm có thể về (${viDate(p.from)})`),
  deferCapacity: (p: { shortage: Message; from: string }): Message =>
    m(
      `the target site lacks capacity (${p.shortage.en}) and procured hardware cannot arrive before ${p.from}`,
      `trung tâm giữ lại thiếu năng lực (${p.shortage.vi}) và thiết bị mua sắm không thể về trước ngày ${viDate(p.from)}`,
    ),
  shortage: (p: { dimension: "cpu" | "memory" | "storage" | "rackUnits" | "powerWatts"; need: number; have: number }): Message => {
    const unit = { cpu: ["vCPUs", "vCPU"], memory: ["GiB memory", "GiB bộ nhớ"], storage: ["GiB storage", "GiB lưu trữ"], rackUnits: ["U of rack space", "U không gian rack"], powerWatts: ["W of power", "W công suất điện"] }[p.dimension];
    return m(`${p.need} > ${p.have} ${unit[0]}`, `${viNum(p.need)} > ${viNum(p.have)} ${unit[1]}`);
  },
  deferPilot: (p: { level: number }): Message => m(`security level ${p.level} is kept out of the pilot waves`, `hệ thống cấp độ ${p.level} không đưa vào các đợt thí điểm`),
  deferGroupSize: (p: { systems: number; dataGiB: number }): Message =>
    m(
      `group of ${p.systems} systems / ${p.dataGiB} GiB exceeds the wave limits and waits for a wave of its own`,
      `nhóm ${viNum(p.systems)} hệ thống / ${viNum(p.dataGiB)} GiB vượt giới hạn một đợt và chờ một đợt riêng`,
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
  waveTakenByOversized: (p: { wave?: number; group?: Named; systems?: number; dataGiB?: number } = {}): Message =>
    p.group !== undefined
      ? m(
          `wave ${p.wave} was taken by group ${p.group.id} (${p.systems} systems, ${p.dataGiB} GiB), larger than one wave`,
          `đợt ${p.wave} dành riêng cho nhóm ${p.group.name} (${viNum(p.systems ?? 0)} hệ thống, ${viNum(p.dataGiB ?? 0)} GiB) vượt giới hạn một đợt`,
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
      `held back until ${p.notBefore}, after the last window before horizonEnd ${p.horizonEnd}`,
      `bị hoãn đến ngày ${viDate(p.notBefore ?? "")}, sau khung chuyển đổi cuối cùng trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)}`,
    ),
  unscheduledWaits: (p: { provider: string | undefined; horizonEnd: string }): Message =>
    m(
      `waits for ${p.provider ?? "a provider"}, which found no wave before horizonEnd ${p.horizonEnd}`,
      `chờ ${p.provider ?? "hệ thống cung cấp"}, vốn chưa xếp được đợt nào trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)}`,
    ),
  unscheduledNoRoom: (p: { horizonEnd: string; why: Message }): Message =>
    m(`no window before horizonEnd ${p.horizonEnd} had room: ${p.why.en}`, `không khung chuyển đổi nào trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)} còn chỗ: ${p.why.vi}`),
  unscheduledNoWindow: (p: { horizonEnd: string }): Message =>
    m(`no window left before horizonEnd ${p.horizonEnd}`, `không còn khung chuyển đổi nào trước ngày kết thúc lộ trình ${viDate(p.horizonEnd)}`),

  // ---- system reasons about its wave (plan)
  inWave: (p: { wave: number; start: string; end: string; together?: { systems: readonly string[]; reason: Message } }): Message =>
    m(
      `wave ${p.wave} (${p.start}..${p.end})${p.together ? ` together with ${list(p.together.systems)}: ${p.together.reason.en}` : ""}`,
      `đợt ${p.wave} (từ ${viDate(p.start)} đến ${viDate(p.end)})${p.together ? `, cùng với ${list(p.together.systems)}: ${p.together.reason.vi}` : ""}`,
    ),
  pinnedInProfile: (p: { date: string }): Message => m(`pinned to ${p.date} in the profile`, `cố định vào ngày ${viDate(p.date)} theo hồ sơ lập kế hoạch`),
  heldBackInProfile: (p: { date: string }): Message => m(`held back until ${p.date} in the profile`, `hoãn đến ngày ${viDate(p.date)} theo hồ sơ lập kế hoạch`),
  pinNotHonoured: (p: { conflict: Message }): Message => m(`its pin could not be honoured: ${p.conflict.en}`, `không thể chuyển vào ngày cố định: ${p.conflict.vi}`),
  waitsForUnit: (p: { unit: string; wave: number | undefined }): Message => m(`waits for ${p.unit} (wave ${p.wave})`, `chờ ${p.unit} (đợt ${p.wave ?? "chưa xác định"})`),
  notEarlier: (p: { windowStart: string; why: Message }): Message =>
    m(`not earlier: in the window of ${p.windowStart}, ${p.why.en}`, `không thể sớm hơn: trong khung chuyển đổi ngày ${viDate(p.windowStart)}, ${p.why.vi}`),
  readyFrom: (p: { date: string }): Message =>
    m(`ready from ${p.date}; earlier waves were full with lower-risk groups`, `sẵn sàng từ ngày ${viDate(p.date)}; các đợt trước đã kín chỗ với các nhóm rủi ro thấp hơn`),
  pilotRisk: (p: { risk: number; level: number }): Message => m(`pilot wave: risk score ${p.risk} (security level ${p.level})`, `đợt thí điểm: điểm rủi ro ${viNum(p.risk)} (cấp độ ${p.level})`),
  unscheduledReason: (p: { reason: Message }): Message => m(`unscheduled: ${p.reason.en}`, `chưa xếp được đợt: ${p.reason.vi}`),
  retiredOn: (p: { date: string }): Message => m(`switched off on ${p.date}, the end of the first cutover window`, `tắt vào ngày ${viDate(p.date)}, ngày cuối của khung chuyển đổi đầu tiên`),
  consumerBeforeProvider: (p: { system: string; wave: number; provider: string; providerWave: number; coupling: string }): Message =>
    m(
      `${p.system} cuts over in wave ${p.wave}, before ${p.provider} (wave ${p.providerWave}) that it depends on (${p.coupling}); it uses ${p.provider} across the inter-site WAN meanwhile`,
      `${p.system} chuyển ở đợt ${p.wave}, trước ${p.provider} (đợt ${p.providerWave}) mà nó phụ thuộc (${COUPLING_VI[p.coupling] ?? p.coupling}); trong thời gian chờ, ${p.system} dùng ${p.provider} qua đường truyền WAN giữa hai trung tâm`,
    ),
  splitsTotal: (p: { count: number }): Message =>
    m(
      `${p.count} dependenc${p.count === 1 ? "y is" : "ies are"} split with the consumer cutting over before its provider`,
      `${viNum(p.count)} liên kết phụ thuộc bị tách: hệ thống sử dụng chuyển trước hệ thống cung cấp`,
    ),

  // ---- capacity steps (plan)
  capacityInitial: (p: { target: string; headroomPct: number; cpu: number; memory: number; storage: number; rackUnits?: { used: number; total: number }; powerWatts?: { used: number; total: number } }): Message =>
    m(
      `usable capacity of ${p.target} today after ${p.headroomPct}% headroom (${p.cpu} vCPUs, ${p.memory} GiB memory, ${p.storage} GiB storage already in use${p.rackUnits ? `; ${p.rackUnits.used} of ${p.rackUnits.total}U of rack space` : ""}${p.powerWatts ? `; ${p.powerWatts.used} of ${p.powerWatts.total} W of power` : ""})`,
      `năng lực khả dụng hiện nay của ${p.target} sau khi trừ ${viNum(p.headroomPct)}% dự phòng (đã sử dụng ${viNum(p.cpu)} vCPU, ${viNum(p.memory)} GiB bộ nhớ, ${viNum(p.storage)} GiB lưu trữ${p.rackUnits ? `; ${viNum(p.rackUnits.used)}/${viNum(p.rackUnits.total)}U không gian rack` : ""}${p.powerWatts ? `; ${viNum(p.powerWatts.used)}/${viNum(p.powerWatts.total)} W công suất điện` : ""})`,
    ),
  capacityRelocated: (p: { server: string; date: string }): Message =>
    m(`${p.server} relocated from the closing site on ${p.date}`, `${p.server} được di dời từ trung tâm đóng cửa ngày ${viDate(p.date)}`),
  capacityProcured: (p: { cores: number; memory: number; storage: number; racks?: number; powerKw?: number }): Message =>
    m(
      `procured: ${p.cores} cores, ${p.memory} GiB memory, ${p.storage} GiB storage${p.racks ? `, ${p.racks} rack(s)` : ""}${p.powerKw ? `, ${p.powerKw} kW of power` : ""}`,
      `mua sắm: ${viNum(p.cores)} lõi CPU, ${viNum(p.memory)} GiB bộ nhớ, ${viNum(p.storage)} GiB lưu trữ${p.racks ? `, ${viNum(p.racks)} tủ rack` : ""}${p.powerKw ? `, ${viNum(p.powerKw)} kW công suất điện` : ""}`,
    ),
  capacityFreed: (p: { server: string; date: string }): Message =>
    m(`${p.server} decommissioned at the target site on ${p.date}, freeing its rack space and power`, `${p.server} tại trung tâm giữ lại thanh lý ngày ${viDate(p.date)}, giải phóng không gian rack và công suất điện`),

  // ---- target site
  targetGiven: (p: { target: string }): Message => m(`given in the profile (targetSite: ${p.target})`, `được chỉ định trong hồ sơ lập kế hoạch (targetSite: ${p.target})`),
  targetProposed: (p: { total: number; freeCompute: number; support: number; pue: number; wan: number; critical: number }): Message =>
    m(
      `proposed by dcplan: highest site score ${p.total}/100 (free compute ${p.freeCompute}/30, hardware in support ${p.support}/20, PUE ${p.pue}/15, TSLCD uplink ${p.wan}/15, critical systems already there ${p.critical}/20)`,
      `do dcplan đề xuất: điểm cao nhất ${viNum(p.total)}/100 (năng lực tính toán còn trống ${viNum(p.freeCompute)}/30, phần cứng còn bảo hành ${viNum(p.support)}/20, PUE ${viNum(p.pue)}/15, đường truyền TSLCD ${viNum(p.wan)}/15, hệ thống quan trọng đang vận hành tại đây ${viNum(p.critical)}/20)`,
    ),
  targetSiteScore: (p: { site: string; total: number; freeVcpus: number; supportedPct: number; deadline: string; pue: number | undefined; tslcdMbps: number | undefined; critical: number }): Message =>
    m(
      `${p.site}: score ${p.total}; free ${p.freeVcpus} vCPUs, ${p.supportedPct}% of physical cores in support on ${p.deadline}, PUE ${p.pue ?? "unknown"}, TSLCD ${p.tslcdMbps ?? "unknown"} Mbit/s, critical-system weight ${p.critical}`,
      `${p.site}: ${viNum(p.total)} điểm; còn trống ${viNum(p.freeVcpus)} vCPU, ${viNum(p.supportedPct)}% lõi CPU vật lý còn bảo hành vào ngày ${viDate(p.deadline)}, PUE ${p.pue !== undefined ? viNum(p.pue) : "chưa rõ"}, TSLCD ${p.tslcdMbps !== undefined ? viNum(p.tslcdMbps) : "chưa rõ"} Mbit/s, trọng số hệ thống quan trọng ${viNum(p.critical)}`,
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
    oversized: readonly { group: Named; systems: number; dataGiB: number }[];
    /** Systems (or GiB) of the other groups, and the waves they need at least. */
    rest: number;
    restWaves: number;
    limit: number;
    need: number;
    windows: number;
    days: number;
    deadline: string;
  }): Message => {
    const sys = p.dimension === "systems";
    const unitEn = sys ? "systems" : "GiB";
    const unitVi = sys ? "hệ thống" : "GiB";
    const ceiling = Math.ceil(p.rest / p.limit - 1e-9);
    const shown = p.oversized.slice(0, 5);
    const more = p.oversized.length - shown.length;
    const bigEn = shown.map((o) => `${o.group.id} (${o.systems} systems, ${o.dataGiB} GiB)`).join("; ") + (more > 0 ? `; ${more} more` : "");
    const bigVi = shown.map((o) => `${o.group.name} (${viNum(o.systems)} hệ thống, ${viNum(o.dataGiB)} GiB)`).join("; ") + (more > 0 ? `; và ${viNum(more)} nhóm khác` : "");
    const one = p.oversized.length === 1;
    const headEn = sys ? `${p.moving} systems must move` : `${p.moving} GiB of data must be copied`;
    const headVi = sys ? `${viNum(p.moving)} hệ thống phải chuyển` : `${viNum(p.moving)} GiB dữ liệu phải sao chép`;
    const overEn = p.oversized.length === 0 ? "" : `${one ? "group" : `${p.oversized.length} groups`} ${bigEn} ${one ? "is" : "are"} larger than one wave and ${one ? "takes a wave" : "take a wave each"} alone; `;
    const overVi = p.oversized.length === 0 ? "" : `${one ? "nhóm" : `${viNum(p.oversized.length)} nhóm`} ${bigVi} vượt giới hạn một đợt nên phải chuyển riêng ${one ? "một đợt" : "mỗi nhóm một đợt"}; `;
    const restEn = `${p.oversized.length === 0 ? "they" : `the other ${p.rest} ${unitEn}`} need at least ${p.restWaves} waves at ≤ ${p.limit} ${unitEn} per wave (⌈${p.rest} ÷ ${p.limit}⌉ = ${ceiling}${p.restWaves > ceiling ? `, more because groups of over half a wave cannot share one` : ""})`;
    const restVi = `${p.oversized.length === 0 ? "" : `${viNum(p.rest)} ${unitVi} còn lại `}cần ít nhất ${viNum(p.restWaves)} đợt với tối đa ${viNum(p.limit)} ${unitVi} mỗi đợt${p.restWaves > ceiling ? " (các nhóm lớn hơn nửa đợt không thể xếp chung một đợt)" : ""}`;
    const totalEn = p.oversized.length === 0 ? "" : `; that is at least ${p.need} waves`;
    const totalVi = p.oversized.length === 0 ? "" : `; tổng cộng ít nhất ${viNum(p.need)} đợt`;
    const windowsEn = `only ${p.windows} cutover window${p.windows === 1 ? "" : "s"} (${p.days} cutover day${p.days === 1 ? "" : "s"}) remain before ${p.deadline}`;
    const windowsVi = `trước ngày ${viDate(p.deadline)} chỉ còn ${viNum(p.windows)} khung chuyển đổi (${viNum(p.days)} ngày được phép chuyển đổi)`;
    return m(`${headEn}: ${overEn}${restEn}${totalEn}, but ${windowsEn}`, `${headVi}: ${overVi}${restVi}${totalVi}, nhưng ${windowsVi}`);
  },
  blockedDays: (p: { count: number; days: readonly { date: string; why: Message }[]; more: boolean }): Message =>
    m(
      `${p.count} otherwise allowed day${p.count === 1 ? "" : "s"} before the deadline are blocked: ${p.days.map((d) => `${d.date} (${d.why.en})`).join("; ")}${p.more ? "; …" : ""}`,
      `${viNum(p.count)} ngày lẽ ra được phép chuyển đổi trước hạn bị chặn: ${p.days.map((d) => `${viDate(d.date)} (${d.why.vi})`).join("; ")}${p.more ? "; …" : ""}`,
    ),
  pinnedAfterDeadline: (p: { systems: readonly string[]; date: string | undefined }): Message =>
    m(`${list(p.systems)} pinned to ${p.date}, after the deadline`, `${list(p.systems)} được cố định vào ngày ${viDate(p.date ?? "")}, sau hạn hợp nhất`),
  heldBackChain: (p: { systems: readonly string[]; date: string | undefined }): Message => m(`${list(p.systems)} held back until ${p.date}`, `${list(p.systems)} bị hoãn đến ngày ${viDate(p.date ?? "")}`),
  chainWhere: (p: { wave?: number; start?: string }): Message =>
    p.wave !== undefined ? m(`wave ${p.wave} (${p.start})`, `đợt ${p.wave} (${viDate(p.start ?? "")})`) : m("no wave", "không đợt nào"),
  landsInDeferred: (p: { unit: Named; systems: readonly string[]; dataGiB: number; where: Message; windowStart: string; why: Message }): Message =>
    m(
      `${p.unit.id} (${list(p.systems)}: ${p.systems.length} system${p.systems.length === 1 ? "" : "s"}, ${p.dataGiB} GiB) lands in ${p.where.en}: in the window of ${p.windowStart} ${p.why.en}`,
      `nhóm ${p.unit.name} (${viNum(p.systems.length)} hệ thống, ${viNum(p.dataGiB)} GiB) rơi vào ${p.where.vi}: trong khung chuyển đổi ngày ${viDate(p.windowStart)}, ${p.why.vi}`,
    ),
  landsInFilled: (p: { unit: Named; systems: readonly string[]; where: Message }): Message =>
    m(
      `${p.unit.id} (${list(p.systems)}) lands in ${p.where.en}: earlier waves were filled by lower-risk groups`,
      `nhóm ${p.unit.name} (${viNum(p.systems.length)} hệ thống) rơi vào ${p.where.vi}: các đợt trước đã kín chỗ với các nhóm rủi ro thấp hơn`,
    ),
  chainWaits: (p: { unit: Named; provider: Named; hard: boolean; wave: number | undefined }): Message =>
    m(
      `${p.unit.id} waits for ${p.provider.id} (${p.hard ? "consolidation survivor in place first" : "provider no later than its consumer"}), placed in wave ${p.wave ?? "none"}`,
      `nhóm ${p.unit.name} chờ nhóm ${p.provider.name} (${p.hard ? "hệ thống giữ lại sau hợp nhất phải sẵn sàng trước" : "hệ thống cung cấp chuyển không muộn hơn hệ thống sử dụng"}), ${p.wave !== undefined ? `được xếp vào đợt ${p.wave}` : "chưa được xếp đợt"}`,
    ),
  chainProcured: (p: { wave: number; by: string; cores: number; memoryGiB: number; storageGiB: number; racks?: number; powerKw?: number }): Message =>
    m(
      `the hardware wave ${p.wave} needs is bought and installed by ${p.by} (${p.cores} physical cores, ${p.memoryGiB} GiB memory, ${p.storageGiB} GiB storage${p.racks ? `, ${p.racks} rack(s)` : ""}${p.powerKw ? `, ${p.powerKw} kW` : ""})`,
      `thiết bị đợt ${p.wave} cần được mua và lắp đặt xong chậm nhất ngày ${viDate(p.by)} (${viNum(p.cores)} lõi CPU vật lý, ${viNum(p.memoryGiB)} GiB bộ nhớ, ${viNum(p.storageGiB)} GiB lưu trữ${p.racks ? `, ${viNum(p.racks)} tủ rack` : ""}${p.powerKw ? `, ${viNum(p.powerKw)} kW` : ""})`,
    ),

  nationalConnection: (p: { system: Named; externals: readonly Named[]; takesOver: readonly Named[]; due: string; on: string | undefined; wave: number | undefined; met: boolean }): Message => {
    const to = p.externals.length > 0 ? p.externals.map((e) => e.id).join(", ") : "NDXP (no national platform is listed among its dependencies yet)";
    const toVi = p.externals.length > 0 ? namesVi(p.externals) : "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) (danh mục chưa ghi nhận kết nối này)";
    const over = p.takesOver.length > 0 ? `, taking over the national links of ${p.takesOver.map((x) => x.id).join(", ")} merged into it` : "";
    const overVi = p.takesOver.length > 0 ? `, tiếp nhận các kết nối quốc gia của ${namesVi(p.takesOver)} được hợp nhất vào` : "";
    const when =
      p.on === undefined
        ? m("not reached: a wave it needs found no window", "chưa đạt: một đợt chuyển đổi cần thiết chưa được xếp lịch")
        : p.wave !== undefined
          ? m(`reached on ${p.on}, the end of wave ${p.wave}`, `đạt ngày ${viDate(p.on)}, khi kết thúc đợt ${p.wave}`)
          : m(`in place from ${p.on}: it already runs at its place after the merger`, `đã bảo đảm từ ngày ${viDate(p.on)}: hệ thống đã vận hành tại nơi sau hợp nhất`);
    return m(
      `national connection, a 2026 milestone due ${p.due}: ${p.system.id} connects the merged centre to ${to}${over}; ${when.en}${p.met ? "" : ", after its due date"}`,
      `mốc năm 2026, hạn ${viDate(p.due)}: ${p.system.name} kết nối trung tâm sau hợp nhất với ${toVi}${overVi}; ${when.vi}${p.met ? "" : ", sau thời hạn"}`,
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
      `stand-alone server: ${p.what.en}; its workload now runs on the shared infrastructure of ${p.target}, so it is switched off rather than kept or relocated (remove or integrate stand-alone servers)`,
      `máy chủ riêng lẻ: ${p.what.vi}; tải đã chạy trên hạ tầng dùng chung của trung tâm giữ lại nên máy được tắt, không giữ lại hay di dời (loại bỏ hoặc tích hợp máy chủ riêng lẻ)`,
    ),
  standaloneNoSystem: (p: { target: string }): Message =>
    m(
      `stand-alone server running no system listed in the inventory: copy its files to the central storage of ${p.target} and switch it off`,
      `máy chủ riêng lẻ không chạy hệ thống nào trong danh mục: sao chép dữ liệu lên hệ thống lưu trữ tập trung rồi tắt máy`,
    ),
  standaloneKept: (p: { systems: readonly Named[] }): Message =>
    m(
      `stand-alone server kept: it runs ${p.systems.map((x) => x.id).join(", ")}, which people pinned to retain in the inventory`,
      `máy chủ riêng lẻ được giữ lại: đang chạy ${namesVi(p.systems)}, hệ thống được cán bộ chỉ định giữ nguyên trong danh mục`,
    ),
  systemRetained: (p: { system: string }): Message => m(`${p.system} is retained`, `${p.system} được giữ nguyên`),
  systemUnscheduled: (p: { system: string }): Message => m(`${p.system} found no wave (unscheduled)`, `${p.system} chưa xếp được đợt`),
  targetHost: (): Message => m("host at the target site: part of its capacity", "máy chủ vật lý tại trung tâm giữ lại: thuộc năng lực của trung tâm"),
  targetStorage: (): Message => m("storage at the target site: part of its capacity", "thiết bị lưu trữ tại trung tâm giữ lại: thuộc năng lực của trung tâm"),
  targetNoSystem: (): Message => m("at the target site, no system listed on it; kept", "tại trung tâm giữ lại, không ghi nhận hệ thống nào trên máy; giữ nguyên"),
  targetRuns: (p: { systems: readonly string[] }): Message => m(`at the target site and runs ${list(p.systems)}`, `tại trung tâm giữ lại và đang chạy ${list(p.systems)}`),
  everySystemLeaves: (p: { systems: readonly { id: string; disposition: string }[]; freedOn: string }): Message => {
    const items = idDisp(p.systems);
    return m(`every system on it leaves (${items.en}); freed on ${p.freedOn}`, `mọi hệ thống trên máy đều rời đi (${items.vi}); giải phóng ngày ${viDate(p.freedOn)}`);
  },
  stillRuns: (p: { system: string; why: Message; site: string }): Message =>
    m(`still runs ${p.system} (${p.why.en}) at ${p.site}, so it cannot be freed`, `vẫn chạy ${p.system} (${p.why.vi}) tại ${p.site} nên chưa thể giải phóng`),
  carriesHardwareBound: (p: { system: string; target: string; wave: number; start: string }): Message =>
    m(
      `carries hardware-bound system ${p.system}; physically moved to ${p.target} in wave ${p.wave} (${p.start})`,
      `chứa hệ thống gắn với phần cứng ${p.system}; di dời vật lý về ${p.target} trong đợt ${p.wave} (${viDate(p.start)})`,
    ),
  reuseVm: (p: { systems: readonly string[]; target: string; wave: number }): Message =>
    m(
      `its workload (${list(p.systems)}) continues as a VM at ${p.target} from wave ${p.wave}; right-sized from measured usage`,
      `tải (${list(p.systems)}) tiếp tục chạy dưới dạng máy ảo tại ${p.target} từ đợt ${p.wave}; cấu hình tính lại theo mức sử dụng đo được`,
    ),
  noSystemRuns: (): Message => m("no system runs on it", "không có hệ thống nào chạy trên máy"),
  leavesWithoutSuccessor: (p: { systems: readonly { id: string; disposition: string }[]; freedOn: string }): Message => {
    const items = idDisp(p.systems);
    return m(`its systems leave without a successor VM (${items.en}); freed on ${p.freedOn}`, `các hệ thống trên máy rời đi mà không cần máy ảo thay thế (${items.vi}); giải phóng ngày ${viDate(p.freedOn)}`);
  },
  noWorkload: (): Message => m("no workload", "không có tải"),
  lastWorkloadLeaves: (p: { date: string }): Message => m(`its last workload leaves on ${p.date}`, `tải cuối cùng rời máy ngày ${viDate(p.date)}`),
  hostRelocated: (p: { what: Message; supportEnds: string | undefined; target: string; relocateOn: string; availableFrom: string }): Message =>
    m(
      `${p.what.en}; still in vendor support until ${p.supportEnds}, so it is moved to ${p.target} on ${p.relocateOn} and adds capacity from ${p.availableFrom}`,
      `${p.what.vi}; còn bảo hành của hãng đến ngày ${viDate(p.supportEnds ?? "")} nên được di dời về ${p.target} ngày ${viDate(p.relocateOn)} và bổ sung năng lực từ ngày ${viDate(p.availableFrom)}`,
    ),
  hostDecommissioned: (p: { what: Message; why: Message }): Message => m(`${p.what.en}; ${p.why.en}`, `${p.what.vi}; ${p.why.vi}`),
  supportUnknown: (): Message => m("support end unknown", "chưa rõ thời hạn bảo hành"),
  supportTooSoon: (p: { supportEnds: string }): Message =>
    m(`vendor support ends ${p.supportEnds}, too soon to be worth moving`, `bảo hành của hãng hết ngày ${viDate(p.supportEnds)}, quá sớm để di dời`),
  noWindowToMove: (): Message => m("no window left to move it", "không còn khung chuyển đổi để di dời"),
  siteKeepsRunning: (p: { site: string; kind: string }): Message =>
    m(
      `${p.site} keeps running systems after the merger (retained or unscheduled), so its ${p.kind} gear stays`,
      `${p.site} vẫn còn hệ thống hoạt động sau hợp nhất (giữ nguyên hoặc chưa xếp được đợt) nên thiết bị ${GEAR_VI[p.kind] ?? p.kind} được giữ lại`,
    ),
  storageRelocated: (p: { site: string; freedOn: string; supportEnds: string | undefined; target: string; relocateOn: string }): Message =>
    m(
      `${p.site} is empty from ${p.freedOn}; storage still in vendor support until ${p.supportEnds}, moved to ${p.target} on ${p.relocateOn}`,
      `${p.site} không còn tải từ ngày ${viDate(p.freedOn)}; thiết bị lưu trữ còn bảo hành của hãng đến ngày ${viDate(p.supportEnds ?? "")} nên được di dời về ${p.target} ngày ${viDate(p.relocateOn)}`,
    ),
  siteEmpty: (p: { site: string; freedOn: string; storage?: { supportEnds: string | undefined } }): Message =>
    m(
      `${p.site} is empty from ${p.freedOn}${p.storage ? (p.storage.supportEnds ? `; vendor support ends ${p.storage.supportEnds}` : "; support end unknown") : ""}`,
      `${p.site} không còn tải từ ngày ${viDate(p.freedOn)}${p.storage ? (p.storage.supportEnds ? `; bảo hành của hãng hết ngày ${viDate(p.storage.supportEnds)}` : "; chưa rõ thời hạn bảo hành") : ""}`,
    ),

  // ---- racks and power at the target site
  rackSpaceWarning: (p: { target: string; rackUnits: number; racks: number }): Message =>
    m(
      `${p.target} would hold ${p.rackUnits}U of hardware after the merger (kept and relocated), more than its ${p.racks} racks × 42U = ${p.racks * 42}U; prepare ${Math.ceil((p.rackUnits - p.racks * 42) / 42)} more rack(s)`,
      `sau hợp nhất ${p.target} sẽ chứa ${viNum(p.rackUnits)}U thiết bị (giữ lại và di dời về), vượt ${viNum(p.racks)} tủ rack × 42U = ${viNum(p.racks * 42)}U hiện có; cần chuẩn bị thêm ${viNum(Math.ceil((p.rackUnits - p.racks * 42) / 42))} tủ rack`,
    ),
  powerWarning: (p: { target: string; kw: number; powerKw: number }): Message =>
    m(
      `${p.target} would draw ${p.kw} kW of IT power after the merger (kept and relocated hardware), more than its usable ${p.powerKw} kW`,
      `sau hợp nhất ${p.target} sẽ tiêu thụ ${viNum(p.kw)} kW điện cho thiết bị CNTT (giữ lại và di dời về), vượt công suất khả dụng ${viNum(p.powerKw)} kW`,
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
      "đã chuyển nguyên trạng dưới dạng máy ảo khi hợp nhất; container hóa lên nền tảng Kubernetes dùng chung khi nhà cung cấp hỗ trợ container",
    ),
  roadmapExpandShared: (p: { fn: string }): Message =>
    m(`the province's shared ${p.fn} service: extend it to every department, commune and ward over TSLCD`, `dịch vụ ${p.fn} dùng chung của tỉnh: mở rộng cho mọi sở, ngành, xã, phường qua mạng TSLCD`),
  roadmapConnectNational: (p: { externals: readonly Named[] }): Message =>
    m(
      `exchanges data with national systems (${p.externals.map((e) => e.id).join(", ")}): move its links to the merged centre's LGSP`,
      `trao đổi dữ liệu với các hệ thống quốc gia (${namesVi(p.externals)}): chuyển các kết nối sang nền tảng tích hợp, chia sẻ dữ liệu (LGSP) của trung tâm sau hợp nhất`,
    ),
  roadmapCloud: (p: { level: number }): Message =>
    m(`security level ${p.level} and container-ready: candidate for large-scale cloud`, `cấp độ ${p.level} và sẵn sàng container hóa: ứng viên chuyển lên điện toán đám mây quy mô lớn`),
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
  return m(text, text);
}

/** Every planner-written string in a plan (the fields the catalog fills), in a fixed order. */
export function planMessageStrings(plan: {
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
}): string[] {
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

/** The plan's `translations`: Vietnamese text of every planner-written string it holds, keys sorted. */
export function planTranslations(plan: Parameters<typeof planMessageStrings>[0], log: MessageLog): { vi: Record<string, string> } {
  const keys = [...new Set(planMessageStrings(plan))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const vi: Record<string, string> = {};
  for (const k of keys) {
    const t = log.viOf(k);
    if (t !== undefined) vi[k] = t;
  }
  return { vi };
}
