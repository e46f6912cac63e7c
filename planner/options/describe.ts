// The words of an option, for people: what to change and what it gives, in English and in
// Vietnamese. Vietnamese sentences name systems and sites by their names and say what to do in
// plain words ("Tăng số hệ thống mỗi đợt từ 8 lên 12"), never a configuration key, id or English
// word; the change itself (the JSON merge patch) is shown next to them for the planner. The
// English `summary` written into the plan names systems and sites by id, like every contract
// field (machines read it); `translations.vi` carries its Vietnamese with names.
import { viDate, viNum } from "../messages.js";
import type { DeadlineOption, OptionLever, Plan } from "../plan-schema.js";

/** Display names of systems and sites (an unknown id is shown as it is). */
export interface Names {
  system(id: string): string;
  site(id: string): string;
  /** How an English sentence writes an ISO date [as it is: the contract's summaries]; Vietnamese always writes dd/mm/yyyy. */
  date?(iso: string): string;
}

/** Names as ids: the contract's English. */
export const ID_NAMES: Names = { system: (id) => id, site: (id) => id };

/** The names a plan carries. */
export function namesOf(plan: Pick<Plan, "systems" | "sites">): Names {
  const systems = new Map(plan.systems.map((s) => [s.id, s.name]));
  const sites = new Map(plan.sites.map((s) => [s.id, s.name]));
  return { system: (id) => systems.get(id) ?? id, site: (id) => sites.get(id) ?? id };
}

export type OptionLang = "en" | "vi";

const DAY_VI: Record<string, string> = { mon: "thứ Hai", tue: "thứ Ba", wed: "thứ Tư", thu: "thứ Năm", fri: "thứ Sáu", sat: "thứ Bảy", sun: "Chủ nhật" };
const DAY_EN: Record<string, string> = { mon: "Mondays", tue: "Tuesdays", wed: "Wednesdays", thu: "Thursdays", fri: "Fridays", sat: "Saturdays", sun: "Sundays" };

/** A date in the sentence's language. */
const dayOf = (iso: string, lang: OptionLang, names?: Names): string => (lang === "vi" ? viDate(iso) : (names?.date?.(iso) ?? iso));
const enNum = (n: number): string => String(Math.round(n * 100) / 100);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const joinEn = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
const joinVi = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} và ${xs[xs.length - 1]}`);

/** What one lever changes, as a sentence (no final full stop). */
export function leverText(lever: OptionLever, lang: OptionLang, names: Names): string {
  const vi = lang === "vi";
  switch (lever.kind) {
    case "maxSystems":
      return vi ? `Tăng số hệ thống chuyển đổi mỗi đợt từ ${viNum(lever.from!)} lên ${viNum(lever.to!)}` : `Raise the systems cut over per wave from ${enNum(lever.from!)} to ${enNum(lever.to!)}`;
    case "maxDataGiB":
      return vi
        ? `Tăng dung lượng dữ liệu sao chép mỗi đợt từ ${viNum(lever.from!)} GiB lên ${viNum(lever.to!)} GiB (cần thêm băng thông đường truyền giữa hai trung tâm)`
        : `Raise the data copied per wave from ${enNum(lever.from!)} GiB to ${enNum(lever.to!)} GiB (more bandwidth between the centres)`;
    case "weekdays": {
      const days = lever.weekdays ?? [];
      const w = lever.windowsAdded ?? 0;
      const d = lever.daysAdded ?? 0;
      if (vi) {
        const what = w > 0 ? `thêm ${viNum(w)} đợt chuyển đổi, ${viNum(d)} ngày chuyển đổi trước hạn` : `các đợt dài thêm, thêm ${viNum(d)} ngày chuyển đổi trước hạn, không thêm đợt`;
        return `Chuyển đổi cả vào ${joinVi(days.map((x) => DAY_VI[x]))} hằng tuần (${what})`;
      }
      const what = w > 0 ? `${plural(w, "more cutover window")}, ${plural(d, "more cutover day")} before the deadline` : `longer windows: ${plural(d, "more cutover day")} before the deadline, no more windows`;
      return `Also cut over on ${joinEn(days.map((x) => DAY_EN[x]))} (${what})`;
    }
    case "procurement": {
      const lead = lever.leadDays!;
      const buys = (lever.purchases ?? []).map((p) => purchaseText(p, lang, names));
      if (vi) {
        const speed = `thời gian từ khi mua đến khi vận hành rút từ ${viNum(lead.from)} xuống ${viNum(lead.to)} ngày`;
        return buys.length > 0 ? `Mua ngay thiết bị: ${buys.join("; ")} (${speed})` : `Mua sắm nhanh hơn: ${speed}`;
      }
      const speed = `running ${plural(lead.to, "day")} after ordering instead of ${lead.from}`;
      return buys.length > 0 ? `Buy hardware now: ${buys.join("; ")} (${speed})` : `Buy faster: hardware ${speed}`;
    }
    case "targetSite":
      return vi ? `Giữ lại ${names.site(lever.site!.to)} thay vì ${names.site(lever.site!.from)}` : `Keep ${names.site(lever.site!.to)} as the surviving site instead of ${names.site(lever.site!.from)}`;
    case "deferral": {
      const systems = (lever.systems ?? []).map((s) => names.system(s));
      return vi
        ? `Để ${viNum(systems.length)} hệ thống chuyển đổi sau thời hạn (từ ngày ${viDate(lever.notBefore!)}): ${systems.join("; ")}`
        : `Move ${plural(systems.length, "system")} after the deadline (from ${dayOf(lever.notBefore!, lang, names)}): ${systems.join("; ")}`;
    }
  }
}

function purchaseText(p: NonNullable<OptionLever["purchases"]>[number], lang: OptionLang, names: Names): string {
  const vi = lang === "vi";
  const parts: string[] = [];
  if (p.cpuCores > 0) parts.push(vi ? `${viNum(p.cpuCores)} lõi CPU` : `${enNum(p.cpuCores)} CPU cores`);
  if (p.memoryGiB > 0) parts.push(vi ? `${viNum(p.memoryGiB)} GiB bộ nhớ` : `${enNum(p.memoryGiB)} GiB memory`);
  if (p.storageGiB > 0) parts.push(vi ? `${viNum(p.storageGiB)} GiB lưu trữ` : `${enNum(p.storageGiB)} GiB storage`);
  if (p.racks) parts.push(vi ? `${viNum(p.racks)} tủ rack` : `${plural(p.racks, "rack")}`);
  if (p.powerKw) parts.push(vi ? `${viNum(p.powerKw)} kW điện` : `${enNum(p.powerKw)} kW power`);
  return vi ? `${parts.join(", ")}, vận hành trước ngày ${viDate(p.by)}` : `${parts.join(", ")} running by ${dayOf(p.by, lang, names)}`;
}

/** The change of an option: its levers' sentences joined. */
export function changeText(option: Pick<DeadlineOption, "levers">, lang: OptionLang, names: Names): string {
  const parts = option.levers.map((l) => leverText(l, lang, names));
  return lang === "vi" ? parts.join(", đồng thời ") : parts.join(", and ");
}

/** What the option gives: the verdict of its re-plan; `names.date` writes English dates [ISO]. */
export function outcomeText(option: Pick<DeadlineOption, "met" | "waves" | "projectedCompletion" | "late">, deadline: string, lang: OptionLang, names?: Names): string {
  const vi = lang === "vi";
  const end = option.projectedCompletion;
  const enDeadline = dayOf(deadline, "en", names);
  const enEnd = end === undefined ? undefined : dayOf(end, "en", names);
  if (option.met) {
    return vi
      ? `Đáp ứng thời hạn ${viDate(deadline)}: ${viNum(option.waves)} đợt, hoàn thành ngày ${viDate(end!)}`
      : `Meets the deadline ${enDeadline}: ${plural(option.waves, "wave")}, complete on ${enEnd}`;
  }
  const late = option.late.length;
  if (vi) {
    return `Mọi hệ thống khác hoàn thành trước hạn ${viDate(deadline)}; ${viNum(late)} hệ thống chuyển sau${end ? `, hoàn thành ngày ${viDate(end)}` : ", chưa xếp được đợt"} (tổng cộng ${viNum(option.waves)} đợt)`;
  }
  return `Every other system finishes by ${enDeadline}; ${plural(late, "system")} later${enEnd ? `, complete on ${enEnd}` : ", not yet scheduled"} (${plural(option.waves, "wave")} in all)`;
}

/** The whole option in one sentence: change, then what it gives. */
export function optionText(option: Pick<DeadlineOption, "levers" | "met" | "waves" | "projectedCompletion" | "late">, deadline: string, lang: OptionLang, names: Names): string {
  return `${changeText(option, lang, names)}. ${outcomeText(option, deadline, lang, names)}.`;
}
