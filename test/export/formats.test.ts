// Each export format rendered from the fixture plan: content, escaping, Vietnamese, determinism.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderByOwner, planForOwner } from "../../planner/export/by-owner.js";
import { renderCsv } from "../../planner/export/csv.js";
import { figureItems, headlineFigures } from "../../planner/export/figures.js";
import { renderHtml } from "../../planner/export/html.js";
import { formatDate, formatNumber, labels } from "../../planner/export/i18n.js";
import { renderMarkdown } from "../../planner/export/markdown.js";
import { escapeMermaid, ganttDiagram, renderMermaid, waveFlowchart } from "../../planner/export/mermaid.js";
import { parsePeriod, renderReport, reportTables } from "../../planner/export/report.js";
import { renderXlsx } from "../../planner/export/xlsx.js";
import { makeFixturePlan, makePlanSystem } from "./fixture-plan.js";

const VI_NAME = "Trung tâm tích hợp dữ liệu";
const plan = makeFixturePlan();
const inVi = { plan, lang: "vi" as const };
const inEn = { plan, lang: "en" as const };

describe("i18n", () => {
  it("formats dates dd/mm/yyyy and numbers with Vietnamese grouping", () => {
    expect(formatDate("2026-12-31", "vi")).toBe("31/12/2026");
    expect(formatDate("2026-01-05", "en")).toBe("5 Jan 2026");
    expect(formatNumber(1234567.25, "vi", 1)).toBe("1.234.567,3");
    expect(formatNumber(1234567.25, "en", 1)).toBe("1,234,567.3");
    expect(formatNumber(-0.01, "vi")).toBe("0");
  });
});

describe("headline figures", () => {
  it("come from the plan's summary and lists", () => {
    const f = headlineFigures(plan);
    expect(f).toMatchObject({ serversBefore: 15, serversAfter: 8, deadlineMet: false, projectedCompletion: "2027-01-17", lateSystems: 3, waves: 5, serversDecommissioned: 5 });
    expect(f.powerSavedKw).toBeCloseTo(2.67);
    expect(Object.fromEntries(f.systemsByDisposition)).toEqual({ retain: 3, rehost: 3, replatform: 3, relocate: 1, consolidate: 1, retire: 1 });
    const items = figureItems(f, "vi");
    expect(items.find((i) => i.key === "power-saved")?.text).toBe("2,7");
    expect(items.find((i) => i.key === "servers")?.text).toBe("15 → 8");
  });
});

describe("html", () => {
  const html = renderHtml(inVi);

  it("is one self-contained file: no URL, no external resource, no script", () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z]|<link|<script|<img|@import|url\((?!#)/i);
  });

  it("is in Vietnamese with NFC diacritics and declares its language", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain(VI_NAME);
    expect(html).toBe(html.normalize("NFC"));
    expect(renderHtml(inEn)).toMatch(/<html lang="en">/);
  });

  it("states the deadline verdict plainly, with projected completion and the critical chain", () => {
    expect(html).toContain("KHÔNG ĐẠT: hợp nhất không xong trước hạn 31/12/2026; dự kiến hoàn thành ngày 17/01/2027; 3 hệ thống trễ hạn.");
    expect(html).toContain("Chuỗi nguyên nhân");
    const met = renderHtml({ plan: makeFixturePlan({ deadline: { ...plan.deadline, met: true, late: [], projectedCompletion: "2026-12-13", criticalChain: [] } }), lang: "vi" });
    expect(met).toContain("ĐẠT: hợp nhất hoàn thành trước hạn 31/12/2026 (dự kiến xong ngày 13/12/2026).");
  });

  it("is accessible: headings in order, captions, th scope, labelled SVG", () => {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
    const tables = html.match(/<table/g)?.length ?? 0;
    expect(html.match(/<caption[ >]/g)?.length).toBe(tables);
    expect(html).not.toMatch(/<th(?! scope="(col|row)")[ >]/);
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="tl-title tl-desc"/);
    expect(html).toContain('<title id="tl-title">Lộ trình 2026–2030</title>');
    for (const w of plan.waves) expect(html).toMatch(new RegExp(`<svg [^>]*role="img" aria-labelledby="dep-${w.number}-title dep-${w.number}-desc"`));
  });

  it("prints on A4 landscape", () => {
    expect(html).toContain("@page { size: A4 landscape;");
    expect(html).toMatch(/break-inside: avoid/);
  });

  it("escapes names", () => {
    expect(html).toContain("Phần mềm kế toán &quot;Ngân sách&quot; &lt;Sở Tài chính&gt;");
    expect(html).not.toContain("<Sở Tài chính>");
  });

  it("lists every wave and the glossary", () => {
    for (const w of plan.waves) expect(html).toContain(`data-wave="${w.number}"`);
    for (const term of ["TSLCD", "NDXP", "NDOP", "LGSP", "TTHC", "QLVB", "SSO"]) expect(html).toContain(`<dt>${term}</dt>`);
  });

  it("is deterministic", () => {
    expect(renderHtml(inVi)).toBe(html);
  });
});

describe("xlsx", () => {
  afterEach(() => vi.useRealTimers());

  async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return wb;
  }

  it("has the six sheets with Vietnamese headers, frozen header rows, filters and one row per entity", async () => {
    const wb = await read(await renderXlsx(inVi));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Waves", "Systems", "Servers", "Decommission", "Risks"]);
    const waves = wb.getWorksheet("Waves")!;
    expect(waves.getRow(1).values).toEqual(expect.arrayContaining(["Đợt", "Bắt đầu", "Kết thúc", "Cấp độ ATTT cao nhất"]));
    expect(waves.rowCount).toBe(1 + plan.waves.length);
    expect(wb.getWorksheet("Systems")!.rowCount).toBe(1 + plan.systems.length);
    expect(wb.getWorksheet("Servers")!.rowCount).toBe(1 + plan.servers.length);
    expect(wb.getWorksheet("Decommission")!.rowCount).toBe(1 + plan.servers.filter((s) => s.decommissionOn).length);
    expect(waves.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(waves.autoFilter).toBeTruthy();
    expect(waves.getColumn(7).width).toBeGreaterThan(20);
    expect(waves.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1 });
  });

  it("writes real Date cells at UTC midnight and number cells", async () => {
    const wb = await read(await renderXlsx(inVi));
    const waves = wb.getWorksheet("Waves")!;
    const start = waves.getRow(2).getCell(3);
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect((start.value as Date).toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(start.numFmt).toBe("dd/mm/yyyy");
    expect(waves.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
    const summary = wb.getWorksheet("Summary")!;
    const kwh = summary.getRows(2, summary.rowCount - 1)!.find((r) => String(r.getCell(1).value).startsWith("Điện năng"))!;
    expect(kwh.getCell(2).value).toBe(headlineFigures(plan).kwhPerYear);
    const done = summary.getRows(2, summary.rowCount - 1)!.find((r) => r.getCell(1).value === "Dự kiến hoàn thành")!;
    expect(done.getCell(2).type).toBe(ExcelJS.ValueType.Date);
  });

  it("keeps Vietnamese intact", async () => {
    const wb = await read(await renderXlsx(inVi));
    const names = (wb.getWorksheet("Systems")!.getColumn(2).values as unknown[]).filter((v) => v !== undefined).map(String);
    expect(names).toContain("Trung tâm tích hợp dữ liệu – cổng dữ liệu mở");
    for (const n of names) expect(n).toBe(n.normalize("NFC"));
  });

  it("gives the same bytes whatever the clock says", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-03-01T10:00:00Z"));
    const a = await renderXlsx(inVi);
    vi.setSystemTime(new Date("2029-08-17T23:59:58Z"));
    const b = await renderXlsx(inVi);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("csv", () => {
  const files = renderCsv(inVi);

  it("writes one file per table, UTF-8 with BOM and CRLF", () => {
    expect(files.map((f) => f.name)).toEqual(["summary.csv", "waves.csv", "systems.csv", "servers.csv", "decommission.csv", "risks.csv"]);
    for (const f of files) {
      const text = f.content as string;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain("\r\n");
      expect(text.replace(/\r\n/g, "")).not.toMatch(/(?<!")\n(?!")/); // no bare LF outside quoted values
    }
  });

  it("parses back with the same rows, ISO dates and Vietnamese intact", () => {
    const systems = parse((files.find((f) => f.name === "systems.csv")!.content as string).slice(1), { columns: true }) as Record<string, string>[];
    expect(systems).toHaveLength(plan.systems.length);
    const kt = systems.find((r) => r["Mã"] === "ke-toan-bg")!;
    expect(kt["Tên"]).toBe('Phần mềm kế toán "Ngân sách" <Sở Tài chính>');
    const waves = parse((files.find((f) => f.name === "waves.csv")!.content as string).slice(1), { columns: true }) as Record<string, string>[];
    expect(waves.map((w) => w["Bắt đầu"])).toEqual(plan.waves.map((w) => w.start));
    const sites = parse((files.find((f) => f.name === "servers.csv")!.content as string).slice(1), { columns: true }) as Record<string, string>[];
    expect(sites.some((r) => r["Nơi đặt hiện tại"].startsWith(VI_NAME))).toBe(true);
  });
});

describe("markdown", () => {
  const md = renderMarkdown(inVi);

  it("matches the pinned snapshot", async () => {
    await expect(md).toMatchFileSnapshot("__snapshots__/fixture-plan.md");
  });

  it("escapes table-breaking characters", () => {
    expect(md).toContain("Cơ sở dữ liệu \\| thuế & phí");
    expect(md).toContain(VI_NAME);
  });
});

describe("mermaid", () => {
  it("escapes labels so names cannot break the syntax", () => {
    expect(escapeMermaid('A "b": c; <d> #1')).toBe("A #quot;b#quot;#58; c#59; #lt;d#gt; #35;1");
    const p = makeFixturePlan();
    const chart = waveFlowchart(p, 3, "vi");
    expect(chart).toContain('s_ke_toan_bg["Phần mềm kế toán #quot;Ngân sách#quot; #lt;Sở Tài chính#gt;"]');
  });

  it("draws a gantt with every wave, late ones as crit", () => {
    const g = ganttDiagram(plan, "vi", "merger");
    for (const w of plan.waves) expect(g).toMatch(new RegExp(`:(crit, )?w${w.number}, ${w.start}, 2d$`, "m"));
    expect(g).toMatch(/:crit, w4, 2027-01-09, 2d/);
    // every task line has exactly one unescaped colon (the metadata separator)
    for (const line of g.split("\n").filter((l) => l.startsWith("    "))) expect(line.split(":").length).toBe(2);
  });

  it("shows where each dependency lives", () => {
    const chart = waveFlowchart(plan, 2, "vi");
    expect(chart).toContain("s_mot_cua_bg --> s_lgsp_bg");
    expect(chart).toMatch(/s_sso_bn\(\["Hệ thống đăng nhập tập trung \(SSO\) \(giữ tại/);
  });

  it("is deterministic and NFC", () => {
    const text = renderMermaid(plan, "vi");
    expect(renderMermaid(plan, "vi")).toBe(text);
    expect(text).toBe(text.normalize("NFC"));
  });
});

describe("semi-annual report", () => {
  it("counts the period's work, done before the as-of date and planned after", () => {
    const [indicators, consolidated, shared, , , problems, next] = reportTables(inVi, parsePeriod("2026-H2"));
    // freed and kept: vm-bg-02 (29/11), vm-bg-03, vm-bg-04 (06/12); decommissioned: vm-bg-01 (29/12)
    expect(indicators.rows[0].slice(3)).toEqual([0, 3, 3]);
    expect(indicators.rows[1].slice(3)).toEqual([0, 1, 1]);
    expect(consolidated.rows.map((r) => r[0])).toEqual(["vm-bg-02", "vm-bg-03", "vm-bg-04", "vm-bg-01"]);
    expect(shared.rows.map((r) => r[0])).toEqual(["Trung tâm tích hợp dữ liệu – cổng dữ liệu mở", "Hệ thống thông tin giải quyết TTHC (Một cửa điện tử) Bắc Giang"]);
    expect(problems.rows.length).toBeGreaterThan(0);
    expect(next.rows.filter((r) => r[0] === "Đợt chuyển đổi kỳ tới").map((r) => r[1])).toEqual(["Đợt 4", "Đợt 5"]);
  });

  it("lists the stand-alone servers still running at the period's end, from the inventory's tags", () => {
    const inventory = {
      sites: [],
      agencies: [],
      servers: [
        { id: "pm-xa-01", site: "xa-tan-yen", kind: "physical" as const, cpuCores: 8, memoryGiB: 16, tags: ["standalone"] },
        { id: "pm-bg-04", site: "dc-bg", kind: "physical" as const, cpuCores: 8, memoryGiB: 16, tags: ["standalone"] },
      ],
      systems: [],
      externals: [],
    };
    const standalone = (period: string) => reportTables({ ...inVi, inventory }, parsePeriod(period))[4].rows;
    // pm-bg-04 is decommissioned on 14/01/2027: still there at the end of 2026, gone by mid-2027
    expect(standalone("2026-H2").map((r) => [r[0], r[3]])).toEqual([
      ["pm-bg-04", "Thanh lý"],
      ["pm-xa-01", "Giữ nguyên"],
    ]);
    expect(standalone("2027-H1").map((r) => r[0])).toEqual(["pm-xa-01"]);
  });

  it("lists the stand-alone servers from the plan's standalone flags when no inventory is given", async () => {
    const flagged = { ...inVi.plan, servers: inVi.plan.servers.map((s) => ({ ...s, standalone: s.id === "pm-xa-01" || s.id === "pm-bg-04" })) };
    const rows = reportTables({ ...inVi, plan: flagged }, parsePeriod("2026-H2"))[4].rows;
    expect(rows.map((r) => r[0])).toEqual(["pm-bg-04", "pm-xa-01"]);
    expect((await renderReport({ ...inVi, plan: flagged }, parsePeriod("2026-H2"))).html).not.toContain(labels("vi").reportNeedsInventory);
    // A plan written before the flags, without the inventory: section IV is empty and says why.
    expect(reportTables(inVi, parsePeriod("2026-H2"))[4].rows).toEqual([]);
    expect((await renderReport(inVi, parsePeriod("2026-H2"))).html).toContain(labels("vi").reportNeedsInventory);
  });

  it("renders HTML and XLSX", async () => {
    const { html, xlsx } = await renderReport(inVi, parsePeriod("2027-H1"));
    expect(html).toContain("Báo cáo kết quả hợp nhất hạ tầng thông tin, hạ tầng số — 6 tháng đầu năm 2027");
    expect(html).toContain("5199/BKHCN-CĐSQG");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe("Report");
    expect(wb.worksheets).toHaveLength(8);
    expect(wb.worksheets[7].name).toBe("Progress");
  });
});

describe("per-agency plans", () => {
  it("gives each owner agency only its own systems", async () => {
    const files = await renderByOwner(inVi, "md");
    expect(files.map((f) => f.name)).toEqual(["so-khcn.md", "so-nnmt.md", "so-tai-chinh.md", "so-y-te.md", "vp-ubnd.md", "xa-tan-yen.md"]);
    const yTe = files.find((f) => f.name === "so-y-te.md")!.content as string;
    expect(yTe).toContain("Phương án loại bỏ, hợp nhất máy chủ riêng lẻ — Sở Y tế");
    expect(yTe).toContain("Hệ thống quản lý hồ sơ sức khỏe điện tử");
    expect(yTe).not.toContain("Nền tảng LGSP");
    // a commune's retained stand-alone server is in its plan even though nothing moves
    expect(files.find((f) => f.name === "xa-tan-yen.md")!.content as string).toMatch(/\| pm-xa-01 \| Máy chủ vật lý \|.*\| Giữ nguyên \|/);
  });

  it("cuts waves down to the agency's systems and recomputes its verdict", () => {
    const p = planForOwner(plan, "vp-ubnd");
    expect(p.waves.map((w) => [w.number, w.systems])).toEqual([
      [1, ["qlvb-bg"]],
      [2, ["mot-cua-bg"]],
    ]);
    expect(p.deadline.met).toBe(true);
    expect(planForOwner(plan, "so-y-te").deadline).toMatchObject({ met: false, late: ["y-te-bg"] });
  });

  it("renders html and xlsx too", async () => {
    const html = await renderByOwner(inVi, "html");
    expect(html).toHaveLength(6);
    expect(html[0].content as string).toMatch(/^<!DOCTYPE html>/);
    const xlsx = await renderByOwner(inVi, "xlsx");
    expect((xlsx[0].content as Uint8Array).length).toBeGreaterThan(1000);
  });
});

describe("robustness", () => {
  it("renders a plan without waves", () => {
    const p = makeFixturePlan({ waves: [], systems: [makePlanSystem({ id: "a", disposition: "retain" })], deadline: { ...plan.deadline, met: true, late: [], projectedCompletion: undefined, criticalChain: [] }, unscheduled: [] });
    expect(renderHtml({ plan: p, lang: "vi" })).toContain("ĐẠT: không còn đợt chuyển đổi nào trước hạn 31/12/2026.");
    expect(renderMarkdown({ plan: p, lang: "en" })).toContain("MET");
    expect(renderMermaid(p, "vi")).toContain("gantt");
  });
});

describe("Vietnamese in every format", () => {
  it("comes out NFC with its diacritics even when the plan has decomposed (NFD) text", async () => {
    const nfd = `${VI_NAME} Quảng Ngãi`.normalize("NFD");
    const nfc = nfd.normalize("NFC");
    expect(nfd).not.toBe(nfc);
    const p = makeFixturePlan();
    p.systems.find((s) => s.id === "lgsp-bg")!.name = nfd;
    const input = { plan: p, lang: "vi" as const };
    const texts = { html: renderHtml(input), md: renderMarkdown(input), mermaid: renderMermaid(p, "vi") };
    for (const [name, text] of Object.entries(texts)) {
      expect(text.includes(nfc), name).toBe(true);
      expect(text.includes(nfd), name).toBe(false);
    }
    const systems = parse((renderCsv(input).find((f) => f.name === "systems.csv")!.content as string).slice(1), { columns: true }) as Record<string, string>[];
    expect(systems.find((r) => r["Mã"] === "lgsp-bg")!["Tên"]).toBe(nfc);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(input)) as unknown as ArrayBuffer);
    const row = wb.getWorksheet("Systems")!.getRows(2, p.systems.length)!.find((r) => r.getCell(1).value === "lgsp-bg")!;
    expect(row.getCell(2).value).toBe(nfc);
    const report = await renderReport(input, parsePeriod("2026-H2"));
    expect(report.html).toContain("Máy chủ chuyển về trung tâm giữ lại");
  });
});
