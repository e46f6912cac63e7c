// The HTML roadmap in a real browser: Debian's chromium driven by playwright-core opens the file
// from disk. No console errors, no network request but the file itself, the headline figures in the
// DOM equal figures.ts's, every wave is shown, text contrast ≥ 4.5:1, and it prints on A4
// landscape. Leaves test-output/roadmap.png (full page) and test-output/roadmap.pdf to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, lowContrast, openPage } from "../chromium.js";
import { figureItems, headlineFigures } from "../../planner/export/figures.js";
import { renderHtml } from "../../planner/export/html.js";
import { makeFixturePlan } from "./fixture-plan.js";

const OUT = resolve("test-output");
const plan = makeFixturePlan();
let context: BrowserContext;
let closeChromium: () => Promise<void>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "roadmap.html"), renderHtml({ plan, lang: "vi" }));
  ({ context, close: closeChromium } = await launchChromium());
});

afterAll(async () => {
  await closeChromium?.();
});

describe("the HTML roadmap in chromium", () => {
  it("opens from file:// with no console error and no network request", async () => {
    const url = pathToFileURL(join(OUT, "roadmap.html")).href;
    const { page, requests, errors } = await openPage(context, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);

    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    // every headline figure shown equals what figures.ts computes from the plan
    for (const item of figureItems(headlineFigures(plan), "vi")) {
      expect(await page.locator(`[data-figure="${item.key}"]`).innerText(), item.key).toBe(item.text);
    }
    expect(await page.locator('[data-figure="verdict"]').innerText()).toContain("KHÔNG ĐẠT");
    // every wave: a row in the waves table and a bar label in the timeline
    for (const w of plan.waves) {
      await expect(page.locator(`tr[data-wave="${w.number}"]`).count()).resolves.toBe(1);
      await expect(page.locator("#timeline svg text", { hasText: new RegExp(`^Đợt ${w.number}$`) }).count()).resolves.toBe(1);
    }
    expect(await page.locator("svg[role=img] > title").first().textContent()).toBe("Lộ trình 2026–2030");
    await page.screenshot({ path: join(OUT, "roadmap.png"), fullPage: true });
    await page.close();
  });

  it("has text contrast of at least 4.5:1 everywhere", async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(OUT, "roadmap.html")).href);
    // SVG text sits on white or on the pale phase bands; the fills are checked against white.
    const failures = await lowContrast(page, "body", { svgFills: true });
    expect(failures).toEqual([]);
    await page.close();
  });

  it("prints on A4 landscape pages", async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(OUT, "roadmap.html")).href);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUT, "roadmap.pdf"), pdf);
    const text = pdf.toString("latin1");
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(1);
    for (const box of boxes) expect(box).toEqual([842, 595]); // A4 landscape in points
    await page.close();
  });
});
