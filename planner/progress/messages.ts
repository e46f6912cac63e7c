// The sentences a plan made with a progress file says about what has happened (reasons of done,
// failed and retired systems, notes of done waves, reasons of servers recorded decommissioned or
// relocated), each in English and Vietnamese like the planner's catalog (planner/messages.ts),
// whose Message type, date and number formats they share.
import type { Disposition } from "../../inventory/schema.js";
import { DISP_VI, type Message, viDate, viNum } from "../messages.js";

const m = (en: string, vi: string): Message => ({ en, vi });
const span = (start: string, end: string): Message => (start === end ? m(start, viDate(start)) : m(`${start}..${end}`, `${viDate(start)} – ${viDate(end)}`));

/** The catalog of progress sentences (see file header). */
export const PROGRESS_MSG = {
  /** Reason of a system moved in a recorded cutover. */
  recordedDone: (p: { wave: number; start: string; end: string }): Message => {
    const s = span(p.start, p.end);
    return m(`recorded done: cut over in wave ${p.wave} (${s.en}), a cutover recorded in the progress file`, `đã chuyển đổi xong (ghi nhận): chuyển trong đợt ${p.wave} (${s.vi}), theo sổ theo dõi tiến độ`);
  },
  /** Reason of a done system the plan would not have moved: the fact wins. */
  movedAgainstPlan: (p: { planned: Disposition; now: Disposition }): Message =>
    m(
      `recorded done although the plan had it as "${p.planned}": counted as moved (${p.now})`,
      `đã ghi nhận chuyển đổi xong dù kế hoạch xác định phương án "${DISP_VI[p.planned]}": tính là đã chuyển (${DISP_VI[p.now]})`,
    ),
  /** Reason of a system that failed in a recorded cutover and is planned again. */
  failedAttempt: (p: { wave: number; start: string; end: string; reason: string; replanned: boolean }): Message => {
    const s = span(p.start, p.end);
    return m(
      `failed in wave ${p.wave} (${s.en}) and rolled back: ${p.reason}${p.replanned ? "; planned again after that attempt" : ""}`,
      `chuyển đổi không thành công ở đợt ${p.wave} (${s.vi}), đã quay lại hệ thống cũ: ${p.reason}${p.replanned ? "; được lập kế hoạch chuyển lại sau lần thử đó" : ""}`,
    );
  },
  /** Reason of a system recorded switched off. */
  recordedRetired: (p: { date: string }): Message => m(`switched off on ${p.date} (recorded in the progress file)`, `đã dừng hoạt động ngày ${viDate(p.date)} (theo sổ theo dõi tiến độ)`),
  /** Reason of a recorded retirement the plan would not have made: the fact wins. */
  retiredAgainstPlan: (p: { planned: Disposition }): Message =>
    m(`recorded switched off although the plan had it as "${p.planned}"`, `đã ghi nhận dừng hoạt động dù kế hoạch xác định phương án "${DISP_VI[p.planned]}"`),
  /** Note of a done wave. */
  doneWaveNote: (p: { done: number; failed: readonly string[] }): Message =>
    m(
      `recorded cutover: ${p.done} system${p.done === 1 ? "" : "s"} done${p.failed.length > 0 ? `, ${p.failed.length} failed and planned again (${p.failed.join(", ")})` : ""}`,
      `đợt chuyển đổi đã thực hiện: ${viNum(p.done)} hệ thống chuyển xong${p.failed.length > 0 ? `, ${viNum(p.failed.length)} hệ thống không thành công, được lập kế hoạch lại (${p.failed.join(", ")})` : ""}`,
    ),
  /** Reason of the move group part already moved. */
  groupDone: (p: { waves: readonly number[] }): Message =>
    m(`already moved in wave${p.waves.length === 1 ? "" : "s"} ${p.waves.join(", ")} (recorded)`, `đã chuyển trong đợt ${p.waves.join(", ")} (ghi nhận)`),
  /** Warning: a profile pin on a system already moved. */
  pinOnDone: (p: { system: string; start: string; end: string }): Message => {
    const s = span(p.start, p.end);
    return m(`${p.system} is pinned but already moved (recorded done in the cutover of ${s.en}); the pin has no effect`, `${p.system} có ngày cố định nhưng đã chuyển xong (ghi nhận trong đợt chuyển đổi ${s.vi}); ngày cố định không có tác dụng`);
  },
  /** Reason of a server recorded decommissioned. */
  serverDecommissioned: (p: { date: string }): Message => m(`decommissioned on ${p.date} (recorded in the progress file)`, `đã thanh lý, tắt hẳn ngày ${viDate(p.date)} (theo sổ theo dõi tiến độ)`),
  /** Reason of a server recorded relocated to the target site. */
  serverRelocated: (p: { date: string; target: string }): Message =>
    m(`moved to the target site ${p.target} on ${p.date} (recorded in the progress file)`, `đã di dời về trung tâm giữ lại ${p.target} ngày ${viDate(p.date)} (theo sổ theo dõi tiến độ)`),
};
