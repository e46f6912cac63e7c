// The workbooks print: each is converted to PDF by LibreOffice headless (`soffice --convert-to pdf`,
// Debian's libreoffice-calc-nogui; poppler-utils reads the PDF), as a reader would print them.
// Asserted: the page count (pinned for the fixture plan's workbook, whose content this test owns;
// bounded for the sample's), every sheet printed under its name, no page without content between
// its running header and footer, and text no smaller than 60 % of 10-point type (no sheet shrunk
// to a hairline). Leaves test-output/xlsx-pdf/*.pdf to look at (pdftoppm -png -r 50 to see pages).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { planForOwner, renderByOwner } from "../../planner/export/by-owner.js";
import { parsePeriod, renderReport } from "../../planner/export/report.js";
import { renderXlsx } from "../../planner/export/xlsx.js";
import { planMigration } from "../../planner/plan.js";
import { loadProfile } from "../../planner/profile.js";
import { makeFixturePlan } from "./fixture-plan.js";
import { loadWorkbook } from "./workbook.js";

const OUT = resolve("test-output", "xlsx-pdf");
let profileDir: string;

/** Converts `files` (in OUT) to PDF with LibreOffice headless, a fresh user profile. */
function toPdf(files: readonly string[]): void {
  execFileSync("soffice", ["--headless", `-env:UserInstallation=${pathToFileURL(profileDir).href}`, "--convert-to", "pdf", "--outdir", OUT, ...files.map((f) => join(OUT, f))], { stdio: "pipe", timeout: 120_000 });
}

/** Pages of a PDF: the text of each (pdftotext; pages end with a form feed) and the heights of its words (pdftotext -bbox). */
function pages(pdf: string): { text: string; wordHeights: number[] }[] {
  const text = execFileSync("pdftotext", ["-layout", join(OUT, pdf), "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f");
  const bbox = execFileSync("pdftotext", ["-bbox", join(OUT, pdf), "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("<page ").slice(1);
  return bbox.map((page, i) => ({
    text: text[i] ?? "",
    wordHeights: [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])),
  }));
}

/** What a page shows between its running header (title, sheet name) and footer (generator, page number). */
function body(page: string): string {
  const lines = page.split("\n").filter((l) => l.trim() !== "");
  return lines.slice(1, -1).join("\n").trim();
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Checks what every printed workbook must satisfy; returns pages per sheet name. */
async function checkPrinted(xlsx: string, bytes: Uint8Array): Promise<Map<string, number>> {
  const wb = await loadWorkbook(bytes);
  const sheets = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
  const printed = pages(xlsx.replace(/\.xlsx$/, ".pdf"));
  const perSheet = new Map<string, number>();
  printed.forEach((p, i) => {
    const head = p.text.split("\n").find((l) => l.trim() !== "") ?? "";
    const sheet = sheets.filter((s) => head.trimEnd().endsWith(s)).sort((a, b) => b.length - a.length)[0];
    expect(sheet, `${xlsx} page ${i + 1}: running header names its sheet: ${head}`).toBeDefined();
    perSheet.set(sheet!, (perSheet.get(sheet!) ?? 0) + 1);
    expect(body(p.text).length, `${xlsx} page ${i + 1} (${sheet}) has content`).toBeGreaterThan(0);
    // 10-point text printed at ≥ 60 % is ≥ 6 points: words of a hairline sheet are ~2 points high
    expect(median(p.wordHeights), `${xlsx} page ${i + 1} (${sheet}) is readable`).toBeGreaterThanOrEqual(5.5);
  });
  expect([...perSheet.keys()].sort()).toEqual([...sheets].sort());
  return perSheet;
}

const books = new Map<string, Uint8Array>();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  profileDir = mkdtempSync(join(tmpdir(), "dcplan-soffice-"));
  const fixture = makeFixturePlan();
  books.set("fixture-roadmap.xlsx", await renderXlsx({ plan: fixture, lang: "vi" }));
  books.set("fixture-report.xlsx", (await renderReport({ plan: fixture, lang: "vi" }, parsePeriod("2026"))).xlsx);
  books.set("fixture-agency.xlsx", (await renderByOwner({ plan: planForOwner(fixture, "so-khcn"), lang: "vi" }, "xlsx"))[0].content as Uint8Array);
  const loaded = await loadInventory(new URL("../../inventory/sample", import.meta.url).pathname, { asOf: "2026-11-30", locateWarnings: false });
  const { profile } = loadProfile(new URL("../../planner/sample/profile.yaml", import.meta.url).pathname);
  const plan = planMigration(loaded, profile, "2026-11-30");
  const input = { plan, lang: "vi" as const, inventory: loaded.inventory };
  books.set("sample-roadmap.xlsx", await renderXlsx(input));
  books.set("sample-report-2026.xlsx", (await renderReport(input, parsePeriod("2026"))).xlsx);
  const owners = await renderByOwner({ plan, lang: "vi" }, "xlsx");
  books.set("sample-agency.xlsx", owners.reduce((a, b) => (b.content.length > a.content.length ? b : a)).content as Uint8Array);
  for (const [name, bytes] of books) writeFileSync(join(OUT, name), bytes);
  // one LibreOffice start for every workbook
  toPdf([...books.keys()]);
}, 240_000);
afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

describe("the workbooks printed by LibreOffice", () => {
  it("the fixture plan's workbook and report print on the pinned number of pages, none empty", async () => {
    const r = await checkPrinted("fixture-roadmap.xlsx", books.get("fixture-roadmap.xlsx")!);
    expect(Object.fromEntries(r)).toEqual({ "Tổng hợp": 1, "Các đợt": 1, "Hệ thống": 3, "Máy chủ": 2, "Lịch thanh lý": 1, "Rủi ro": 1, "Kết nối quốc gia": 1, "Lộ trình": 1 });
    const b = await checkPrinted("fixture-report.xlsx", books.get("fixture-report.xlsx")!);
    expect(b.get("Báo cáo")).toBe(1);
    // the progress annex (empty for this plan) adds one page
    expect([...b.values()].reduce((x, y) => x + y, 0)).toBe(10);
    await checkPrinted("fixture-agency.xlsx", books.get("fixture-agency.xlsx")!);
  });

  it("the sample's workbook, yearly report and per-agency workbooks print readably, no page empty", async () => {
    const r = await checkPrinted("sample-roadmap.xlsx", books.get("sample-roadmap.xlsx")!);
    expect(r.get("Tổng hợp")).toBe(1);
    const total = [...r.values()].reduce((x, y) => x + y, 0);
    // 79 systems and 186 servers: a few dozen pages, not hundreds (nor 8 hairline ones)
    expect(total).toBeGreaterThanOrEqual(15);
    expect(total).toBeLessThanOrEqual(60);
    const b = await checkPrinted("sample-report-2026.xlsx", books.get("sample-report-2026.xlsx")!);
    expect(b.get("Báo cáo")).toBe(1);
    await checkPrinted("sample-agency.xlsx", books.get("sample-agency.xlsx")!);
  });
});
