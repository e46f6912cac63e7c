// The words the exports use for recorded progress (planned versus done), in Vietnamese (the
// readers' language, the default) and English; kept apart from i18n.ts's catalogue so the two can
// change independently. Dates come formatted by the caller (i18n.ts formatDate).
import type { Lang } from "./i18n.js";

const VI = {
  progressTitle: "Tiến độ thực hiện: kế hoạch và thực tế",
  noProgress: "Chưa ghi nhận tiến độ thực hiện: chưa có đợt chuyển đổi nào được ghi nhận là đã thực hiện, nên mọi công việc trong tài liệu này đều là kế hoạch.",
  recordedSummary: (cutovers: number, done: number, failed: number, last: string) =>
    `Đã ghi nhận ${cutovers} đợt chuyển đổi đã thực hiện, đến ngày ${last}: ${done} hệ thống đã chuyển xong; ${failed} hệ thống chuyển không thành công, đã được lập kế hoạch chuyển lại.`,
  recordedOther: (retired: number, decommissioned: number, relocated: number) =>
    `Ngoài ra: ${retired} hệ thống đã dừng hoạt động, ${decommissioned} máy chủ đã tắt hẳn, ${relocated} máy chủ đã di dời về trung tâm giữ lại.`,
  chartTitle: "Số hệ thống đã chuyển, cộng dồn theo thời gian",
  chartDesc: "Đường liền màu xanh lá: số hệ thống đã chuyển xong theo thực tế đã ghi nhận. Đường liền màu xanh dương: kế hoạch hiện nay (đã thực hiện cộng dự kiến). Dấu × đỏ: đợt có hệ thống chuyển không thành công.",
  chartDescBaseline: "Đường nét đứt màu xám: kế hoạch ban đầu.",
  lineBaseline: (date: string) => `Kế hoạch ban đầu (lập ngày ${date})`,
  lineRecorded: "Thực tế đã ghi nhận",
  lineForecast: "Kế hoạch hiện nay",
  failedMarker: "Có hệ thống không thành công",
  systemsAxis: "hệ thống",
  noBaseline: "Đường kế hoạch ban đầu chưa hiển thị vì chưa có kế hoạch gốc để so sánh.",
  tableTitle: "Các hệ thống đã ghi nhận",
  colSystem: "Hệ thống",
  colOwner: "Cơ quan chủ quản",
  colStatus: "Tình trạng",
  colWave: "Đợt",
  colDate: "Ngày",
  colNext: "Chuyển lại",
  colReason: "Ghi chú",
  statusDone: "Đã chuyển xong",
  statusFailed: "Không thành công",
  statusReplanned: "Không thành công, chuyển lại",
  statusRetired: "Đã dừng hoạt động",
  failedInWave: (wave: number) => `Không thành công ở đợt ${wave}, nay chuyển lại`,
  serverDecommissioned: "Máy chủ đã tắt hẳn",
  serverRelocated: "Máy chủ đã di dời",
  waveDone: "Đã thực hiện",
  wavePlanned: "Kế hoạch",
  existing: "Hiện có",
  notScheduled: "chưa xếp được đợt",
  sheet: "Tiến độ",
  reportAnnex: "Phụ lục: Tiến độ thực hiện đã ghi nhận trong kỳ",
};

type ProgressLabels = typeof VI;

const EN: ProgressLabels = {
  progressTitle: "Progress: planned and actual",
  noProgress: "No progress has been recorded yet: no cutover is recorded as done, so all work in this document is planned.",
  recordedSummary: (cutovers, done, failed, last) => `${cutovers} cutover${cutovers === 1 ? "" : "s"} recorded as done, up to ${last}: ${done} system${done === 1 ? "" : "s"} moved; ${failed} system${failed === 1 ? "" : "s"} failed and planned again.`,
  recordedOther: (retired, decommissioned, relocated) => `Also: ${retired} system${retired === 1 ? "" : "s"} switched off, ${decommissioned} server${decommissioned === 1 ? "" : "s"} decommissioned, ${relocated} moved to the target site.`,
  chartTitle: "Systems moved, cumulative over time",
  chartDesc: "Solid green: systems moved as recorded. Solid blue: the plan today (done plus planned). Red ×: a cutover in which systems failed.",
  chartDescBaseline: "Dashed grey: the original plan.",
  lineBaseline: (date) => `Original plan (made ${date})`,
  lineRecorded: "Recorded",
  lineForecast: "Plan today",
  failedMarker: "Systems failed",
  systemsAxis: "systems",
  noBaseline: "The original plan's line is not shown: no original plan was given to compare with.",
  tableTitle: "Systems with recorded progress",
  colSystem: "System",
  colOwner: "Owner",
  colStatus: "Status",
  colWave: "Wave",
  colDate: "Date",
  colNext: "Planned again",
  colReason: "Notes",
  statusDone: "Moved",
  statusFailed: "Failed",
  statusReplanned: "Failed, planned again",
  statusRetired: "Switched off",
  failedInWave: (wave) => `Failed in wave ${wave}, planned again`,
  serverDecommissioned: "Server decommissioned",
  serverRelocated: "Server moved",
  waveDone: "Done",
  wavePlanned: "Planned",
  existing: "Existing",
  notScheduled: "not scheduled",
  sheet: "Progress",
  reportAnnex: "Annex: progress recorded in the period",
};

/** The progress labels of `lang`. */
export function progressLabels(lang: Lang): ProgressLabels {
  return lang === "vi" ? VI : EN;
}
