// Scenarios side by side (`dcplan compare`): the same inventory planned with several profiles, one
// scenario each, compared on what a leader decides with — deadline met or not, late systems,
// projected completion, waves against the lower bound, what must be bought, servers and racks
// freed, power saved, stand-alone servers left, cost — then the systems whose wave or disposition
// differs between scenarios. One model, computed once from the plans; every format (HTML, XLSX,
// Markdown, JSON) renders it, as typed tables (tables.ts) where it can. The cost difference of each
// scenario is against the first one (planner/cost/difference.ts).
import { costDifference, type CostDifference } from "../cost/difference.js";
import type { Disposition } from "../../inventory/schema.js";
import type { Plan } from "../plan-schema.js";
import { headlineFigures, verdictText } from "./figures.js";
import { dispositionLabel, type Lang } from "./i18n.js";
import type { CellValue, Column, ColumnType, Table } from "./tables.js";

/** One scenario: a name (unique), the profile file it came from, its plan. */
export interface Scenario {
  readonly name: string;
  /** Its name for people: the profile's `title` [name]. */
  readonly title?: string;
  readonly profile: string;
  readonly plan: Plan;
}

/** What a scenario gives, in figures. */
export interface ScenarioFigures {
  readonly name: string;
  /** The name people read (the profile's `title`, else the name). */
  readonly title: string;
  readonly profile: string;
  readonly targetSite: string;
  readonly deadline: string;
  readonly met: boolean;
  readonly late: readonly string[];
  readonly projectedCompletion?: string;
  readonly waves: number;
  readonly lowerBound: number;
  /** Everything the plan buys: physical cores, memory, storage, racks, kW, and the first day it must run. */
  readonly procurement: { readonly purchases: number; readonly cpuCores: number; readonly memoryGiB: number; readonly storageGiB: number; readonly racks: number; readonly powerKw: number; readonly firstBy?: string };
  readonly serversDecommissioned: number;
  readonly serversBefore: number;
  readonly serversAfter: number;
  readonly racksFreed: number;
  readonly rackUnitsFreed: number;
  readonly powerSavedKw: number;
  readonly kwhPerYear: number;
  readonly standaloneLeft: number;
  /** Options to meet the deadline the plan carries (none searched: undefined). */
  readonly options?: number;
  /** With a price book: the cost, and its difference from the first scenario. */
  readonly cost?: { readonly capex: number; readonly opex: number; readonly savings: number; readonly net: number; readonly paybackDate?: string; readonly againstFirst: CostDifference };
}

/** A system placed differently by the scenarios: per scenario its disposition, wave and the wave's first day. */
export interface SystemDifference {
  readonly system: string;
  readonly name: string;
  readonly owner: string;
  readonly in: readonly { readonly disposition: Disposition; readonly into?: string; readonly wave?: number; readonly start?: string; readonly late: boolean }[];
}

/** The comparison of scenarios (see file header). */
export interface Comparison {
  readonly asOf: string;
  readonly scenarios: readonly ScenarioFigures[];
  readonly differences: readonly SystemDifference[];
}

/** Compares scenarios planned from the same inventory, in the order given. */
export function compareScenarios(scenarios: readonly Scenario[]): Comparison {
  const first = scenarios[0]?.plan;
  const figures = scenarios.map((s): ScenarioFigures => {
    const p = s.plan;
    const f = headlineFigures(p);
    const buy = p.procurement.reduce(
      (a, x) => ({ purchases: a.purchases + 1, cpuCores: a.cpuCores + x.cpuCores, memoryGiB: a.memoryGiB + x.memoryGiB, storageGiB: a.storageGiB + x.storageGiB, racks: a.racks + (x.racks ?? 0), powerKw: a.powerKw + (x.powerKw ?? 0) }),
      { purchases: 0, cpuCores: 0, memoryGiB: 0, storageGiB: 0, racks: 0, powerKw: 0 },
    );
    const firstBy = p.procurement.map((x) => x.by).sort()[0];
    return {
      name: s.name,
      title: scenarioTitle(s),
      profile: s.profile,
      targetSite: p.targetSite,
      deadline: p.deadline.date,
      met: p.deadline.met,
      late: [...p.deadline.late],
      ...(p.deadline.projectedCompletion !== undefined ? { projectedCompletion: p.deadline.projectedCompletion } : {}),
      waves: p.waves.length,
      lowerBound: p.lowerBound.waves,
      procurement: { ...buy, ...(firstBy !== undefined ? { firstBy } : {}) },
      serversDecommissioned: f.serversDecommissioned,
      serversBefore: f.serversBefore,
      serversAfter: f.serversAfter,
      racksFreed: f.racksBefore - f.racksAfter,
      rackUnitsFreed: f.rackUnitsSaved,
      powerSavedKw: Math.round(f.powerSavedKw * 10) / 10,
      kwhPerYear: f.kwhPerYear,
      standaloneLeft: f.standaloneRemaining,
      ...(p.deadline.options !== undefined ? { options: p.deadline.options.length } : {}),
      ...(p.cost && first?.cost
        ? { cost: { capex: p.cost.total.capex, opex: p.cost.total.opex, savings: p.cost.total.savings, net: p.cost.total.net, ...(p.cost.paybackDate ? { paybackDate: p.cost.paybackDate } : {}), againstFirst: costDifference(first.cost, p.cost) } }
        : {}),
    };
  });
  const ids = [...new Set(scenarios.flatMap((s) => s.plan.systems.map((x) => x.id)))].sort();
  const bySystem = scenarios.map((s) => new Map(s.plan.systems.map((x) => [x.id, x])));
  const starts = scenarios.map((s) => new Map(s.plan.waves.map((w) => [w.number, w.start])));
  const differences: SystemDifference[] = [];
  for (const id of ids) {
    const per = bySystem.map((m, i) => {
      const x = m.get(id);
      if (!x) return undefined;
      return { disposition: x.disposition, ...(x.into !== undefined ? { into: x.into } : {}), ...(x.wave !== undefined ? { wave: x.wave, start: starts[i].get(x.wave) } : {}), late: x.late };
    });
    if (per.some((x) => x === undefined)) continue;
    const all = per as NonNullable<(typeof per)[number]>[];
    const same = all.every((x) => x.disposition === all[0].disposition && x.into === all[0].into && x.wave === all[0].wave);
    if (same) continue;
    const sys = bySystem.find((m) => m.has(id))!.get(id)!;
    differences.push({ system: id, name: sys.name, owner: sys.owner, in: all });
  }
  return { asOf: scenarios[0]?.plan.asOf ?? "", scenarios: figures, differences };
}

/** The words of the comparison per language. */
export const COMPARE_WORDS = {
  vi: {
    title: "So sánh các kịch bản hợp nhất",
    subtitle: "Cùng một danh mục hệ thống, lập kế hoạch với các hồ sơ khác nhau",
    scenarios: "Kịch bản",
    measure: "Chỉ số",
    verdict: "Kết luận về thời hạn",
    met: "Đạt thời hạn",
    late: "Số hệ thống trễ hạn",
    completion: "Dự kiến hoàn thành",
    waves: "Số đợt chuyển đổi",
    lowerBound: "Số đợt tối thiểu (cận dưới)",
    target: "Trung tâm giữ lại",
    buyCores: "Mua sắm: lõi CPU",
    buyMemory: "Mua sắm: bộ nhớ (GiB)",
    buyStorage: "Mua sắm: lưu trữ (GiB)",
    buyRacks: "Mua sắm: tủ rack",
    buyPower: "Mua sắm: công suất điện (kW)",
    buyBy: "Mua sắm: vận hành sớm nhất từ",
    decommissioned: "Máy chủ thanh lý",
    racksFreed: "Tủ rack giải phóng",
    rackUnitsFreed: "Không gian rack giải phóng (U)",
    powerSaved: "Công suất điện tiết kiệm (kW)",
    energySaved: "Điện năng tiết kiệm mỗi năm (kWh)",
    standaloneLeft: "Máy chủ độc lập còn lại",
    options: "Số phương án đáp ứng thời hạn",
    capex: "Chi đầu tư (đồng)",
    opex: "Chi thường xuyên tăng thêm (đồng)",
    savings: "Tiết kiệm (đồng)",
    net: "Chi phí ròng (đồng)",
    netVsFirst: "Chi phí ròng so với kịch bản đầu (đồng)",
    payback: "Ngày hoàn vốn",
    profile: "Hồ sơ kế hoạch",
    differences: "Hệ thống được xếp khác nhau giữa các kịch bản",
    differencesIntro: "Các hệ thống có phương án hoặc đợt chuyển đổi khác nhau giữa các kịch bản.",
    noDifferences: "Mọi hệ thống có cùng phương án và cùng đợt chuyển đổi trong mọi kịch bản.",
    system: "Hệ thống",
    systemId: "Mã hệ thống",
    owner: "Cơ quan chủ quản",
    disposition: "phương án",
    wave: "đợt",
    start: "bắt đầu",
    noWave: "không chuyển",
    waveOn: (n: number, d: string) => `đợt ${n} (${d})`,
    lateMark: "trễ hạn",
    yes: "Có",
    no: "Không",
  },
  en: {
    title: "Merger scenarios compared",
    subtitle: "The same inventory planned with different profiles",
    scenarios: "Scenarios",
    measure: "Measure",
    verdict: "Deadline verdict",
    met: "Deadline met",
    late: "Systems late",
    completion: "Projected completion",
    waves: "Cutover waves",
    lowerBound: "Fewest waves possible (lower bound)",
    target: "Surviving site",
    buyCores: "To buy: CPU cores",
    buyMemory: "To buy: memory (GiB)",
    buyStorage: "To buy: storage (GiB)",
    buyRacks: "To buy: racks",
    buyPower: "To buy: power (kW)",
    buyBy: "To buy: first running by",
    decommissioned: "Servers decommissioned",
    racksFreed: "Racks freed",
    rackUnitsFreed: "Rack space freed (U)",
    powerSaved: "Power saved (kW)",
    energySaved: "Energy saved per year (kWh)",
    standaloneLeft: "Stand-alone servers left",
    options: "Options to meet the deadline",
    capex: "Capital spending (VND)",
    opex: "Added recurrent spending (VND)",
    savings: "Savings (VND)",
    net: "Net cost (VND)",
    netVsFirst: "Net cost against the first scenario (VND)",
    payback: "Payback date",
    profile: "Planning profile",
    differences: "Systems placed differently",
    differencesIntro: "The systems whose disposition or cutover wave differs between scenarios.",
    noDifferences: "Every system has the same disposition and cutover wave in every scenario.",
    system: "System",
    systemId: "System id",
    owner: "Owner agency",
    disposition: "disposition",
    wave: "wave",
    start: "starts",
    noWave: "does not move",
    waveOn: (n: number, d: string) => `wave ${n} (${d})`,
    lateMark: "late",
    yes: "Yes",
    no: "No",
  },
} as const;

/** One measure of the side-by-side view: its key, label, type and value per scenario. */
export interface Measure {
  readonly key: string;
  readonly label: string;
  readonly type: Exclude<ColumnType, "mixed">;
  readonly values: readonly CellValue[];
}

/** The measures compared, in the order people read them (cost ones only when every scenario is costed). */
export function measures(c: Comparison, lang: Lang, names: { site(id: string): string }): Measure[] {
  const W = COMPARE_WORDS[lang];
  const s = c.scenarios;
  const m = (key: string, label: string, type: Measure["type"], value: (x: ScenarioFigures) => CellValue): Measure => ({ key, label, type, values: s.map(value) });
  const out: Measure[] = [
    m("met", W.met, "bool", (x) => x.met),
    m("late", W.late, "int", (x) => x.late.length),
    m("projected-completion", W.completion, "date", (x) => x.projectedCompletion ?? null),
    m("waves", W.waves, "int", (x) => x.waves),
    m("lower-bound", W.lowerBound, "int", (x) => x.lowerBound),
    m("target-site", W.target, "text", (x) => names.site(x.targetSite)),
    m("buy-cores", W.buyCores, "int", (x) => x.procurement.cpuCores),
    m("buy-memory", W.buyMemory, "int", (x) => x.procurement.memoryGiB),
    m("buy-storage", W.buyStorage, "int", (x) => x.procurement.storageGiB),
    m("buy-racks", W.buyRacks, "int", (x) => x.procurement.racks),
    m("buy-power", W.buyPower, "number", (x) => x.procurement.powerKw),
    m("buy-by", W.buyBy, "date", (x) => x.procurement.firstBy ?? null),
    m("servers-decommissioned", W.decommissioned, "int", (x) => x.serversDecommissioned),
    m("racks-freed", W.racksFreed, "int", (x) => x.racksFreed),
    m("rack-units-freed", W.rackUnitsFreed, "int", (x) => x.rackUnitsFreed),
    m("power-saved", W.powerSaved, "number", (x) => x.powerSavedKw),
    m("energy-saved", W.energySaved, "int", (x) => x.kwhPerYear),
    m("standalone-left", W.standaloneLeft, "int", (x) => x.standaloneLeft),
  ];
  if (s.every((x) => x.options !== undefined)) out.push(m("options", W.options, "int", (x) => x.options ?? 0));
  if (s.length > 0 && s.every((x) => x.cost)) {
    out.push(
      m("capex", W.capex, "int", (x) => x.cost!.capex),
      m("opex", W.opex, "int", (x) => x.cost!.opex),
      m("savings", W.savings, "int", (x) => x.cost!.savings),
      m("net", W.net, "int", (x) => x.cost!.net),
      m("net-vs-first", W.netVsFirst, "int", (x) => x.cost!.againstFirst.net),
      m("payback", W.payback, "date", (x) => x.cost!.paybackDate ?? null),
    );
  }
  return out;
}

/** The name people read for a scenario: its profile's `title`, else its name. */
export function scenarioTitle(s: Pick<Scenario, "name" | "title">): string {
  return s.title ?? s.name;
}

/** The verdict sentence of a scenario (the roadmap's, figures.ts). */
export function scenarioVerdict(plan: Plan, lang: Lang): string {
  return verdictText(headlineFigures(plan), lang);
}

/** Typed tables of the comparison: the measures side by side (one column per scenario, the profile first), the systems placed differently. */
export function comparisonTables(c: Comparison, lang: Lang, names: { site(id: string): string; agency(id: string): string }): Table[] {
  const W = COMPARE_WORDS[lang];
  const ms = measures(c, lang, names);
  const col = (key: string, header: string, type: ColumnType, width: number): Column => ({ key, header, type, width });
  const fit = (header: string, min: number): number => Math.max(min, header.length + 2);
  const side: Table = {
    id: "scenarios",
    title: W.scenarios,
    columns: [col("measure", W.measure, "text", 40), ...c.scenarios.map((s, i) => col(`scenario-${i + 1}`, s.title, "mixed", fit(s.title, 26)))],
    rows: [[W.profile, ...c.scenarios.map((s) => s.profile)], ...ms.map((x) => [x.label, ...x.values])],
    rowTypes: ["text", ...ms.map((x) => x.type)],
  };
  const differences: Table = {
    id: "differences",
    title: W.differences,
    columns: [
      col("system", W.systemId, "text", 18),
      col("name", W.system, "text", 44),
      col("owner", W.owner, "text", 28),
      ...c.scenarios.flatMap((s, i) => {
        const h = [`${s.title} · ${W.disposition}`, `${s.title} · ${W.wave}`, `${s.title} · ${W.start}`];
        return [col(`disposition-${i + 1}`, h[0], "text", fit(h[0], 22)), col(`wave-${i + 1}`, h[1], "int", fit(h[1], 8)), col(`start-${i + 1}`, h[2], "date", fit(h[2], 12))];
      }),
    ],
    rows: c.differences.map((d) => [d.system, d.name, names.agency(d.owner), ...d.in.flatMap((x) => [dispositionLabel(x.disposition, lang), x.wave ?? null, x.start ?? null])]),
  };
  return [side, differences];
}
