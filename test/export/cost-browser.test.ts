// The sample's costed roadmap in a real browser (Debian's chromium through playwright-core): the
// "Kinh phí" section is there and visible, its cards and chart render, the chart's labels and bars
// stay inside the chart, text contrast is ≥ 4.5:1, no console error and no network request. Leaves
// test-output/roadmap-cost.png (the section) to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage } from "../chromium.js";
import { renderHtml } from "../../planner/export/html.js";
import { formatMoneyShort } from "../../planner/export/money.js";
import type { Plan } from "../../planner/plan-schema.js";
import { costedSamplePlan } from "../planner/cost/fixtures.js";

const OUT = resolve("test-output");
let plan: Plan;
let context: BrowserContext;
let closeChromium: () => Promise<void>;

beforeAll(async () => {
  plan = await costedSamplePlan();
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "roadmap-cost.html"), renderHtml({ plan, lang: "vi" }));
  ({ context, close: closeChromium } = await launchChromium());
});

afterAll(async () => {
  await closeChromium?.();
});

describe("the costed sample roadmap in chromium", () => {
  it("shows the Kinh phí section with its cards and chart, offline and without errors", async () => {
    const url = pathToFileURL(join(OUT, "roadmap-cost.html")).href;
    const { page, requests, errors } = await openPage(context, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const section = page.locator("#cost");
    expect(await section.isVisible()).toBe(true);
    expect(await page.locator("#cost-h").innerText()).toBe("Kinh phí");
    expect(await page.locator("nav a[href='#cost']").innerText()).toBe("Kinh phí");
    expect(await page.locator('[data-figure="cost-savings-per-year"]').innerText()).toBe(formatMoneyShort(plan.cost!.total.savingsPerYear, "vi").split(" ")[0]);
    expect(await page.locator('[data-figure="cost-headline"]').innerText()).toContain("tỷ đồng");
    // Every bar and label of the chart lies inside the chart's box.
    const chart = page.locator("#cost svg[role=img]");
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    const inside = await chart.evaluate((svg) => {
      const outer = svg.getBoundingClientRect();
      return [...svg.querySelectorAll("rect, text")].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < outer.left - 0.5 || r.right > outer.right + 0.5 || r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5;
      }).map((e) => e.textContent || e.tagName);
    });
    expect(inside).toEqual([]);
    expect(await chart.locator("rect title").count()).toBe(plan.cost!.byYear.reduce((n, y) => n + (y.capex > 0 ? 1 : 0) + (y.opex > 0 ? 1 : 0) + (y.savings > 0 ? 1 : 0), 0));
    // Text in the section (chart included, against white) is readable: contrast ≥ 4.5:1.
    const low = await section.evaluate((root) => {
      const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bg = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.closest("title")) continue;
        const svg = el.closest("svg") !== null;
        const fg = rgb(svg ? getComputedStyle(el).fill : getComputedStyle(el).color).slice(0, 3);
        const [a, b] = [lum(fg), lum(svg ? [255, 255, 255] : bg(el))].sort((x, y) => y - x);
        if ((a + 0.05) / (b + 0.05) < 4.5) out.push(n.textContent.trim().slice(0, 30));
      }
      return out;
    });
    expect(low).toEqual([]);
    await section.screenshot({ path: join(OUT, "roadmap-cost.png") });
    await page.close();
  });
});
