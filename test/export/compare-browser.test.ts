// The comparison page in a real browser (Debian's chromium through playwright-core), opened from
// disk: no network request but the file, no console error, every scenario's verdict shown as the
// roadmap states it, the measures side by side with one column per scenario, text contrast ≥ 4.5:1,
// A4 landscape when printed. Leaves test-output/compare.png and compare.pdf to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareScenarios, scenarioVerdict } from "../../planner/export/compare.js";
import { renderCompareHtml } from "../../planner/export/compare-html.js";
import { launchChromium, lowContrast, openPage } from "../chromium.js";
import { compareScenariosFixture } from "./compare-fixture.js";

const OUT = resolve("test-output");
const scenarios = compareScenariosFixture();
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "compare.html"), renderCompareHtml(scenarios, compareScenarios(scenarios), "vi"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("the comparison page in chromium", () => {
  it("opens offline without errors and shows every scenario's verdict and figures", async () => {
    const url = pathToFileURL(join(OUT, "compare.html")).href;
    const { page, requests, errors } = await openPage(browser.context, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    for (const s of scenarios) {
      const verdict = page.locator(`[data-scenario="${s.name}"]`);
      expect(await verdict.isVisible()).toBe(true);
      expect(await verdict.innerText()).toBe(scenarioVerdict(s.plan, "vi"));
      expect(await verdict.getAttribute("class")).toBe(`verdict ${s.plan.deadline.met ? "met" : "not-met"}`);
    }
    const head = await page.locator("#side-by-side thead th").allInnerTexts();
    expect(head).toEqual(["Chỉ số", ...scenarios.map((s) => s.title)]);
    const waves = await page.locator("#side-by-side tbody tr", { hasText: "Số đợt chuyển đổi" }).locator("td").allInnerTexts();
    expect(waves).toEqual(scenarios.map((s) => String(s.plan.waves.length)));
    expect(await page.locator("#differences tbody tr").count()).toBe(compareScenarios(scenarios).differences.length);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, "compare.png"), fullPage: true });
    await page.close();
  });

  it("prints on A4 landscape pages", async () => {
    const { page } = await openPage(browser.context, pathToFileURL(join(OUT, "compare.html")).href);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUT, "compare.pdf"), pdf);
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([842, 595]);
    await page.close();
  });
});
