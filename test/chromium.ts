// Chromium for the browser tests (the roadmap, its cost and options sections, the comparison page, the survey summary): Debian's chromium
// through playwright-core, offline, a fresh user-data directory; a page opened with every request
// and console error recorded; and the text-contrast check (WCAG 2 relative luminance, ≥ 4.5:1).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** A browser context and how to close it. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "dcplan-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens `url` and returns the page with the requests made and the console errors and warnings seen. */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => void ((m.type() === "error" || m.type() === "warning") && errors.push(m.text())));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(300); // let any late request (fonts, favicon) show up
  return { page, requests, errors };
}

/**
 * Text of `page` under `selector` whose contrast with its background is below 4.5:1; with
 * `svgFills`, also SVG text whose fill has less than 4.5:1 against white (charts draw on white or
 * on pale bands).
 */
export async function lowContrast(page: Page, selector = "body", options: { readonly svgFills?: boolean } = {}): Promise<string[]> {
  return page.evaluate(([sel, svgFills]) => {
    const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    const root = document.querySelector(sel) ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent?.trim() || el.closest("svg")) continue;
      const fg = rgb(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5) out.push(`${ratio.toFixed(2)} ${el.tagName} "${n.textContent.trim().slice(0, 30)}"`);
    }
    if (svgFills) {
      for (const t of document.querySelectorAll(`${sel} svg text`)) {
        const ratio = 1.05 / (lum(rgb(getComputedStyle(t).fill).slice(0, 3)) + 0.05);
        if (ratio < 4.5) out.push(`${ratio.toFixed(2)} svg "${t.textContent}"`);
      }
    }
    return out;
  }, [selector, options.svgFills === true] as const);
}
