// The one-file HTML summary of the commune IT-support survey, in Vietnamese, for the provincial
// meeting (leaders of the province, departments, telecom providers, communes and wards): who
// returned the form, the key figures as cards, IT staff against the daily workload, the problems
// most units share (with a bar chart), the support asked for by form and the headcount, the
// telecom providers, and every unit's line. Self-contained (inline CSS and SVG, no script, no
// external URL), prints on A4 landscape, the roadmap's stylesheet for a common look. Names, not
// ids; numbers in Vietnamese format; dates dd/mm/yyyy.
import { CSS } from "../planner/export/html.js";
import { formatDate, formatNumber, formatPercent } from "../planner/export/i18n.js";
import { escapeXml as esc } from "../planner/export/svg-timeline.js";
import type { SurveySummary } from "./aggregate.js";
import { PROBLEM_AREAS } from "./form.js";
import { TITLES, unitKind } from "./report-tables.js";

const n = (x: number, digits = 0) => formatNumber(x, "vi", digits);
const num = (x: number | undefined) => (x === undefined ? "" : n(x, Number.isInteger(x) ? 0 : 1));

const EXTRA_CSS = `
.cards { grid-template-columns: repeat(3, 1fr); }
tbody th[scope=row] { white-space: nowrap; }
.sample { background: #fff4e5; border: 2px solid #b54708; color: #7a2e0e; padding: 8px 12px; border-radius: 6px; font-weight: 700; margin: 10px 0 0; }
.lead { font-size: 15px; max-width: 980px; }
.chart svg { display: block; max-width: 100%; height: auto; }
ul.missing { columns: 3; margin: 4px 0 10px; }
@media print { ul.missing { columns: 4; } #units { break-before: page; page-break-before: always; } }`;

function table(headers: readonly [string, boolean][], rows: readonly string[][], caption?: string): string {
  const head = headers.map(([h, numeric]) => `<th scope="col"${numeric ? ' class="num"' : ""}>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${headers[i][1] ? ' class="num"' : ""}>${esc(c)}</td>`)).join("")}</tr>`).join("\n");
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${esc(heading)}</h2>\n${body}\n</section>`;
}

/** Horizontal bars: units reporting a problem in each area. */
function areaChart(s: SurveySummary): string {
  const areas = PROBLEM_AREAS.map((a) => ({ area: a, units: new Set(s.perProblem.filter((p) => p.area === a).flatMap((p) => p.units)).size })).filter((a) => a.units > 0);
  if (areas.length === 0) return "";
  const W = 760;
  const left = 190;
  const rowH = 30;
  const max = Math.max(...areas.map((a) => a.units), 1);
  const scale = (W - left - 60) / max;
  const bars = areas
    .map((a, i) => {
      const y = 10 + i * rowH;
      const w = Math.max(2, a.units * scale);
      return `<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="13" fill="#1f2937">${esc(a.area)}</text><rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="18" fill="#1d4e89"/><text x="${(left + w + 6).toFixed(1)}" y="${y + 17}" font-size="13" fill="#1f2937">${n(a.units)}</text>`;
    })
    .join("");
  const h = 20 + areas.length * rowH;
  return `<figure class="chart"><svg role="img" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>Số đơn vị gặp khó khăn theo lĩnh vực</title>${bars}</svg><figcaption>Số xã, phường nêu khó khăn trong từng lĩnh vực (một đơn vị có thể nêu nhiều lĩnh vực).</figcaption></figure>`;
}

/** The HTML summary (see file header); a string, NFC. */
export function renderSurveyHtml(s: SurveySummary): string {
  const t = s.totals;
  const title = "Tổng hợp khảo sát nhu cầu hỗ trợ kỹ thuật công nghệ thông tin cấp xã";
  const share = s.expected > 0 ? s.returned / s.expected : 0;
  const cards: [string, string, string, boolean][] = [
    ["Phiếu đã nhận", `${n(s.returned)}/${n(s.expected)}`, `đơn vị (${formatPercent(share, "vi")})`, s.missing.length > 0],
    ["Đơn vị không có cán bộ CNTT chuyên trách", n(t.unitsWithoutFullTime), "đơn vị", t.unitsWithoutFullTime > 0],
    ["Giờ công CNTT mỗi ngày", n(t.hoursPerDay, Number.isInteger(t.hoursPerDay) ? 0 : 1), `giờ, ${n(t.requestsPerDay, Number.isInteger(t.requestsPerDay) ? 0 : 1)} lượt việc`, false],
    ["Nhân lực còn thiếu theo khối lượng", n(t.fteGap), "người", t.fteGap > 0],
    ["Nhân sự đề nghị hỗ trợ tại đơn vị", n(t.people), `người, ${n(t.personMonths)} người-tháng`, false],
    ["Khó khăn mức nghiêm trọng", n(t.severe), `trong ${n(t.problems)} khó khăn được nêu`, t.severe > 0],
  ];
  const cardHtml = `<div class="cards">${cards.map(([label, value, unit, bad]) => `<div class="card${bad ? " bad" : ""}"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div><div class="unit">${esc(unit)}</div></div>`).join("")}</div>`;

  const returned = s.missing.length === 0 ? `<p class="lead">Tất cả ${n(s.expected)} xã, phường đã gửi phiếu.</p>` : `<p class="lead">Đã nhận phiếu của ${n(s.returned)}/${n(s.expected)} xã, phường. Còn ${n(s.missing.length)} đơn vị chưa gửi:</p>\n<ul class="missing">${s.missing.map((u) => `<li>${esc(u.name)}</li>`).join("")}</ul>`;

  const staffLead = `<p class="lead">Các đơn vị đã gửi phiếu có ${n(t.staff)} cán bộ làm công việc công nghệ thông tin, trong đó ${n(t.fullTime)} người chuyên trách và ${n(t.partTime)} người kiêm nhiệm; ${n(t.unitsWithoutFullTime)} đơn vị không có cán bộ chuyên trách. Khối lượng công việc CNTT hằng ngày là ${n(t.requestsPerDay, Number.isInteger(t.requestsPerDay) ? 0 : 1)} lượt, ${n(t.hoursPerDay, Number.isInteger(t.hoursPerDay) ? 0 : 1)} giờ công, tương đương ${n(t.fteNeeded)} người làm toàn thời gian (8 giờ mỗi ngày); so với cán bộ chuyên trách hiện có, còn thiếu ${n(t.fteGap)} người.</p>`;
  const staffTable = table(
    [["Đơn vị", false], ["Chuyên trách", true], ["Kiêm nhiệm", true], ["Có chuyên môn CNTT", true], ["Lượt việc/ngày", true], ["Giờ công/ngày", true], ["Nhân lực cần", true], ["Còn thiếu", true]],
    s.perUnit.map((u) => [u.unit.name, n(u.fullTime), n(u.partTime), n(u.itTrained), num(u.requestsPerDay), num(u.hoursPerDay), n(u.fteNeeded), n(u.fteGap)]),
  );

  const problemName = (p: SurveySummary["perProblem"][number]) => (p.system === "—" || p.system === "Khác" ? p.area : `${p.area} — ${p.system.charAt(0).toLocaleLowerCase("vi")}${p.system.slice(1)}`);
  const topProblems = s.perProblem.slice(0, 3).map((p) => `${problemName(p)} (${n(p.units.length)} đơn vị)`);
  const problemsLead = s.perProblem.length === 0 ? `<p class="lead">Không đơn vị nào nêu khó khăn.</p>` : `<p class="lead">Các đơn vị nêu ${n(t.problems)} khó khăn, vướng mắc, ${n(t.severe)} ở mức nghiêm trọng. Những khó khăn nhiều đơn vị gặp nhất: ${esc(topProblems.join("; "))}.</p>`;
  const problemsTable = table(
    [["Lĩnh vực", false], ["Hệ thống, thiết bị", false], ["Số đơn vị", true], ["Nghiêm trọng", true], ["Hằng ngày", true], ["Giờ gián đoạn/tháng", true], ["Các đơn vị", false]],
    s.perProblem.map((p) => [p.area, p.system, n(p.units.length), n(p.severe), n(p.daily), num(p.downtimeHours), p.units.map((id) => s.perUnit.find((u) => u.unit.id === id)?.unit.name.replace(/^UBND /, "") ?? id).join(", ")]),
  );

  const supportLead = `<p class="lead">${n(t.unitsAskingPeople)} đơn vị đề nghị bố trí nhân sự hỗ trợ tại đơn vị (thuê nhân sự doanh nghiệp viễn thông hoặc hỗ trợ tại chỗ khi có yêu cầu), tổng cộng ${n(t.people)} người, ${n(t.personMonths)} người-tháng.</p>`;
  const formsTable = table([["Hình thức hỗ trợ", false], ["Số đơn vị", true], ["Số người", true], ["Người-tháng", true]], s.perForm.map((f) => [f.form, n(f.units), n(f.people), n(f.personMonths)]));
  const providersTable = table(
    [["Nhà mạng", false], ["Đơn vị dùng TSLCD", true], ["TSLCD bình quân (Mbit/s)", true], ["Đơn vị dùng Internet", true], ["Đơn vị gặp sự cố đường truyền", true], ["Đơn vị đề xuất", true], ["Nhân sự đề xuất", true], ["Người-tháng", true]],
    s.perProvider.map((p) => [p.provider, n(p.tslcdUnits), num(p.meanTslcdMbps), n(p.internetUnits), n(p.lineProblemUnits), n(p.proposedBy), n(p.people), n(p.personMonths)]),
  );
  const unitsTable = table(
    [["Đơn vị", false], ["Loại", false], ["Ngày lập biểu", false], ["Nhà mạng TSLCD", false], ["TSLCD (Mbit/s)", true], ["Nhà mạng Internet", false], ["Khó khăn", true], ["Nghiêm trọng", true], ["Nhân sự đề nghị", true], ["Người-tháng", true]],
    s.perUnit.map((u) => [u.unit.name, unitKind(u.unit), u.date ? formatDate(u.date, "vi") : "", u.tslcdProvider ?? "", num(u.tslcdMbps), u.internetProvider ?? "", n(u.problems), n(u.severe), n(u.people), n(u.personMonths)]),
  );
  const body = [
    section("figures", "Số liệu chính", cardHtml),
    section("returned", "1. Tình hình gửi phiếu", returned),
    section("staff", "2. Nhân lực và khối lượng công việc công nghệ thông tin", `${staffLead}\n${staffTable}`),
    section("problems", "3. Khó khăn, vướng mắc", `${problemsLead}\n${areaChart(s)}\n${problemsTable}`),
    section("support", "4. Nhu cầu hỗ trợ", `${supportLead}\n${formsTable}`),
    section("providers", "5. Doanh nghiệp viễn thông", `<p class="lead">Nhà mạng cung cấp đường truyền số liệu chuyên dùng (TSLCD) và Internet cho các xã, phường, số đơn vị gặp sự cố đường truyền của từng nhà mạng và nhân sự các đơn vị đề xuất thuê của nhà mạng đó.</p>\n${providersTable}`),
    section("units", `6. ${TITLES.units}`, unitsTable),
  ].join("\n");

  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
${CSS}
${EXTRA_CSS}
</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="sub">Phục vụ cuộc họp của lãnh đạo UBND tỉnh với các sở, ngành, doanh nghiệp viễn thông và UBND các xã, phường về hỗ trợ vận hành hệ thống công nghệ thông tin và giải quyết thủ tục hành chính trên môi trường số.</p>
<dl class="meta">
<div><dt>Ngày tổng hợp</dt><dd>${esc(formatDate(s.date, "vi"))}</dd></div>
<div><dt>Phiếu đã nhận</dt><dd>${esc(`${n(s.returned)}/${n(s.expected)} xã, phường`)}</dd></div>
</dl>
${s.sample ? '<p class="sample">DỮ LIỆU MẪU: các phiếu là phiếu mẫu do công cụ tạo ra, mọi số liệu đều hư cấu, chỉ để minh họa.</p>' : ""}
</header>
${body}
<footer><p>Số liệu do các xã, phường kê khai theo phiếu khảo sát thống nhất; tổng hợp bằng công cụ dcplan ngày ${esc(formatDate(s.date, "vi"))}.</p></footer>
</body>
</html>
`.normalize("NFC");
}
