// The survey aggregate as typed tables (Vietnamese headers), shared by the XLSX and the HTML
// summary: key figures, per commune or ward, per problem, per telecom provider, per form of
// support, and the units that have not returned the form.
import type { Table } from "../planner/export/tables.js";
import type { SurveySummary } from "./aggregate.js";
import type { SurveyUnit } from "./form.js";

/** `xã` / `phường`. */
export function unitKind(u: SurveyUnit): string {
  return u.kind === "ward" ? "Phường" : "Xã";
}

/** Sheet and section titles. */
export const TITLES = {
  figures: "Tổng hợp",
  units: "Theo đơn vị",
  problems: "Theo khó khăn",
  providers: "Theo nhà mạng",
  forms: "Nhu cầu hỗ trợ",
  missing: "Chưa gửi phiếu",
} as const;

/** Key figures: label, value, note. */
export function figureRows(s: SurveySummary): [string, number, string][] {
  const t = s.totals;
  return [
    ["Số đơn vị được khảo sát", s.expected, "Xã, phường"],
    ["Số đơn vị đã gửi phiếu", s.returned, ""],
    ["Số đơn vị chưa gửi phiếu", s.missing.length, "Xem trang Chưa gửi phiếu"],
    ["Cán bộ làm công việc CNTT", t.staff, "Người, ở các đơn vị đã gửi phiếu"],
    ["— chuyên trách", t.fullTime, "Người"],
    ["— kiêm nhiệm", t.partTime, "Người"],
    ["Đơn vị không có cán bộ CNTT chuyên trách", t.unitsWithoutFullTime, "Đơn vị"],
    ["Lượt việc CNTT mỗi ngày", t.requestsPerDay, "Tổng các đơn vị"],
    ["Giờ công CNTT mỗi ngày", t.hoursPerDay, "Tổng các đơn vị"],
    ["Nhân lực cần theo khối lượng công việc", t.fteNeeded, "Người: giờ công mỗi ngày chia 8, làm tròn lên, từng đơn vị"],
    ["Nhân lực còn thiếu so với cán bộ chuyên trách", t.fteGap, "Người"],
    ["Khó khăn, vướng mắc được nêu", t.problems, "Lượt"],
    ["— mức nghiêm trọng", t.severe, "Lượt"],
    ["Nhân sự đề nghị hỗ trợ tại đơn vị", t.people, "Người (thuê doanh nghiệp viễn thông hoặc hỗ trợ tại chỗ)"],
    ["Người-tháng đề nghị", t.personMonths, "Số người × số tháng"],
    ["Đơn vị đề nghị nhân sự hỗ trợ", t.unitsAskingPeople, "Đơn vị"],
  ];
}

/** Every table of the aggregate. */
export function surveyTables(s: SurveySummary): Table[] {
  const col = (key: string, header: string, type: Table["columns"][number]["type"], width: number) => ({ key, header, type, width });
  return [
    {
      id: "figures",
      title: TITLES.figures,
      columns: [col("figure", "Chỉ tiêu", "text", 48), col("value", "Giá trị", "number", 12), col("note", "Ghi chú", "text", 56)],
      rows: figureRows(s),
    },
    {
      id: "units",
      title: TITLES.units,
      columns: [
        col("unit", "Đơn vị", "text", 28),
        col("kind", "Loại", "text", 8),
        col("date", "Ngày lập biểu", "date", 12),
        col("full-time", "CB CNTT chuyên trách", "int", 11),
        col("part-time", "CB CNTT kiêm nhiệm", "int", 11),
        col("trained", "Có chuyên môn CNTT", "int", 11),
        col("requests", "Lượt việc CNTT/ngày", "number", 11),
        col("hours", "Giờ công CNTT/ngày", "number", 11),
        col("fte", "Nhân lực cần theo khối lượng", "int", 12),
        col("gap", "Còn thiếu", "int", 9),
        col("problems", "Khó khăn", "int", 9),
        col("severe", "Nghiêm trọng", "int", 10),
        col("tslcd", "Nhà mạng TSLCD", "text", 18),
        col("tslcd-mbps", "TSLCD (Mbit/s)", "number", 10),
        col("internet", "Nhà mạng Internet", "text", 18),
        col("internet-mbps", "Internet (Mbit/s)", "number", 10),
        col("people", "Nhân sự đề nghị", "int", 10),
        col("person-months", "Người-tháng", "int", 10),
      ],
      rows: s.perUnit.map((u) => [u.unit.name, unitKind(u.unit), u.date ?? null, u.fullTime, u.partTime, u.itTrained, u.requestsPerDay, u.hoursPerDay, u.fteNeeded, u.fteGap, u.problems, u.severe, u.tslcdProvider ?? null, u.tslcdMbps ?? null, u.internetProvider ?? null, u.internetMbps ?? null, u.people, u.personMonths]),
    },
    {
      id: "problems",
      title: TITLES.problems,
      columns: [col("area", "Lĩnh vực", "text", 20), col("system", "Hệ thống, thiết bị", "text", 36), col("units", "Số đơn vị", "int", 9), col("reports", "Số lượt nêu", "int", 9), col("severe", "Nghiêm trọng", "int", 10), col("daily", "Xảy ra hằng ngày", "int", 10), col("downtime", "Giờ gián đoạn/tháng", "number", 11), col("who", "Các đơn vị", "text", 60)],
      rows: s.perProblem.map((p) => [p.area, p.system, p.units.length, p.reports, p.severe, p.daily, p.downtimeHours, p.units.map((id) => s.perUnit.find((u) => u.unit.id === id)?.unit.name.replace(/^UBND /, "") ?? id).join(", ")]),
    },
    {
      id: "providers",
      title: TITLES.providers,
      columns: [col("provider", "Nhà mạng", "text", 24), col("tslcd", "Đơn vị dùng TSLCD", "int", 11), col("mbps", "TSLCD bình quân (Mbit/s)", "number", 12), col("internet", "Đơn vị dùng Internet", "int", 11), col("line-problems", "Đơn vị gặp sự cố đường truyền", "int", 12), col("proposed", "Đơn vị đề xuất nhà mạng", "int", 12), col("people", "Nhân sự đề xuất", "int", 10), col("person-months", "Người-tháng", "int", 10)],
      rows: s.perProvider.map((p) => [p.provider, p.tslcdUnits, p.meanTslcdMbps ?? null, p.internetUnits, p.lineProblemUnits, p.proposedBy, p.people, p.personMonths]),
    },
    {
      id: "forms",
      title: TITLES.forms,
      columns: [col("form", "Hình thức hỗ trợ", "text", 50), col("units", "Số đơn vị", "int", 10), col("people", "Số người", "int", 10), col("person-months", "Người-tháng", "int", 11)],
      rows: s.perForm.map((f) => [f.form, f.units, f.people, f.personMonths]),
    },
    {
      id: "missing",
      title: TITLES.missing,
      columns: [col("unit", "Đơn vị", "text", 32), col("kind", "Loại", "text", 8)],
      rows: s.missing.map((u) => [u.name, unitKind(u)]),
    },
  ];
}
