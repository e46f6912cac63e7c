// The survey's HTML summary in a real browser (Debian's chromium through playwright-core): opens
// from disk with no console error and no request but itself, shows the figures the aggregate
// computed, has text contrast of at least 4.5:1, and prints. Leaves test-output/survey.png and
// test-output/survey.pdf to look at.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, lowContrast, openPage } from "../chromium.js";
import { loadInventorySync } from "../../inventory/load.js";
import { aggregateSurvey, type SurveySummary } from "../../survey/aggregate.js";
import { readSurveyForm } from "../../survey/read.js";
import { renderSurveyHtml } from "../../survey/report-html.js";
import { surveyUnits } from "../../survey/run.js";
import type { SurveyResponse } from "../../survey/types.js";

const OUT = resolve("test-output");
const SAMPLE = join(__dirname, "..", "..", "survey", "sample");
let context: BrowserContext;
let closeChromium: () => Promise<void>;
let summary: SurveySummary;

beforeAll(async () => {
  const units = surveyUnits(loadInventorySync(join(__dirname, "..", "..", "inventory", "sample"), { asOf: "2026-06-03" }).inventory);
  const responses: SurveyResponse[] = [];
  for (const f of readdirSync(SAMPLE).filter((n) => n.endsWith(".xlsx"))) responses.push((await readSurveyForm(join(SAMPLE, f), units)).response!);
  summary = aggregateSurvey(units, responses, "2026-06-03");
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "survey.html"), renderSurveyHtml(summary));
  ({ context, close: closeChromium } = await launchChromium());
});

afterAll(async () => {
  await closeChromium?.();
});

describe("the survey summary in chromium", () => {
  it("opens from file:// with no console error and no request, and shows the aggregate's figures", async () => {
    const url = pathToFileURL(join(OUT, "survey.html")).href;
    const { page, requests, errors } = await openPage(context, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    const cards = await page.locator(".card").allInnerTexts();
    expect(cards[0]).toContain(`${summary.returned}/${summary.expected}`);
    expect(cards[4]).toContain(String(summary.totals.people));
    expect(await page.locator("#returned li").allInnerTexts()).toEqual(summary.missing.map((u) => u.name));
    expect(await page.locator("#staff tbody tr").count()).toBe(summary.perUnit.length);
    expect(await page.locator("svg[role=img] > title").first().textContent()).toBe("Số đơn vị gặp khó khăn theo lĩnh vực");
    await page.screenshot({ path: join(OUT, "survey.png"), fullPage: true });
    await page.pdf({ path: join(OUT, "survey.pdf"), format: "A4", landscape: true, printBackground: true });
    await page.close();
  });

  it("has text contrast of at least 4.5:1 everywhere", async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(OUT, "survey.html")).href);
    const failures = await lowContrast(page, "body", { svgFills: true });
    expect(failures).toEqual([]);
    await page.close();
  });
});
