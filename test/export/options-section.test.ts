// The deadline options in the exports: the roadmap's section "Phương án đáp ứng thời hạn" right
// under the verdict, one row per option in plain Vietnamese (no configuration key), the cost column
// of a costed plan; the per-agency plans name the deferrals that move the agency's own systems, in
// HTML and Markdown; in chromium the section shows offline, without errors, readable (contrast).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { costPlan, loadPriceBook } from "../../planner/cost/index.js";
import { planForOwner, renderByOwner } from "../../planner/export/by-owner.js";
import { HTML_SECTIONS, renderHtml } from "../../planner/export/html.js";
import { renderMarkdown } from "../../planner/export/markdown.js";
import { attachOptions, deadlineOptions } from "../../planner/options/index.js";
import { planWithProfile } from "../../planner/plan.js";
import { checkProfile, loadProfile } from "../../planner/profile.js";
import { launchChromium, lowContrast, openPage } from "../chromium.js";

const AS_OF = "2026-11-30";
const input = await loadInventory("inventory/sample", { asOf: AS_OF, locateWarnings: false });
const asRead = loadProfile("planner/sample/profile.yaml");
const base = planWithProfile(input, checkProfile(asRead, input.index, AS_OF), AS_OF);
const prices = loadPriceBook("planner/sample/prices.yaml");
base.plan.cost = costPlan(base.plan, input.index, prices);
const plan = attachOptions(structuredClone(base.plan), deadlineOptions({ planner: input, profile: asRead.profile, asOf: AS_OF }, base, { prices }));
const deferral = plan.deadline.options!.find((o) => !o.met)!;
const deferredSystems = deferral.levers[0].systems!;
const touched = [...new Set(deferredSystems.map((id) => plan.systems.find((s) => s.id === id)!.owner))].sort();
const untouched = plan.agencies.map((a) => a.id).find((a) => !touched.includes(a) && plan.systems.some((s) => s.owner === a))!;

describe("the roadmap's options section", () => {
  const html = renderHtml({ plan, lang: "vi" });

  it("comes right under the verdict, one row per option, best first", () => {
    expect(HTML_SECTIONS.indexOf("options")).toBe(HTML_SECTIONS.indexOf("verdict") + 1);
    const order = [...html.matchAll(/<section id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(["verdict", "options", "figures"]);
    expect(html).toContain('<h2 id="options-h">Phương án đáp ứng thời hạn</h2>');
    const rows = [...html.matchAll(/<tr data-option="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(plan.deadline.options!.map((o) => o.id));
  });

  it("speaks plain Vietnamese: names, not ids or configuration keys; the cost against the plan in đồng", () => {
    // The text people read (tags and their attributes left out).
    const section = html.slice(html.indexOf('<section id="options"'), html.indexOf("</section>", html.indexOf('<section id="options"'))).replace(/<[^>]+>/g, " ");
    expect(section).not.toMatch(/maxSystems|maxDataGiB|waveLimits|weekdays|notBefore|pins|procurementLeadDays|targetSite/);
    for (const id of deferredSystems) expect(section).not.toMatch(new RegExp(`[ :;(]${id}[ ;,.)]`));
    expect(section).toContain("Chi phí so với kế hoạch");
    expect(section).toMatch(/(tăng|giảm) [\d,]+ (triệu|tỷ) đồng|không đổi/);
    expect(renderHtml({ plan, lang: "en" })).toContain('<h2 id="options-h">Options to meet the deadline</h2>');
  });

  it("is absent from a plan that carries no options", () => {
    expect(renderHtml({ plan: base.plan, lang: "vi" })).not.toContain('id="options"');
  });
});

describe("the roadmap in Markdown", () => {
  it("gives the options right under the verdict, in plain words, each with its verdict", () => {
    const md = renderMarkdown({ plan, lang: "vi" });
    const at = md.indexOf("## Phương án đáp ứng thời hạn");
    expect(at).toBeGreaterThan(md.indexOf("## Kết luận"));
    expect(at).toBeLessThan(md.indexOf("## ", md.indexOf("## Kết luận") + 3) + 1);
    const section = md.slice(at, md.indexOf("\n## ", at + 3));
    const rows = section.split("\n").filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.length).toBe(plan.deadline.options!.length);
    plan.deadline.options!.forEach((o, i) => expect(rows[i]).toContain(o.met ? "**Đạt thời hạn**: Đáp ứng thời hạn 31/12/2026" : "**Lùi một số hệ thống**: Mọi hệ thống khác hoàn thành trước hạn 31/12/2026"));
    expect(section).not.toMatch(/maxSystems|maxDataGiB|waveLimits|weekdays|notBefore|pins|procurementLeadDays|targetSite|\d{4}-\d{2}-\d{2}/);
    for (const id of deferredSystems) expect(section).not.toMatch(new RegExp(`[ :;(]${id}[ ;,.)]`));
  });

  it("writes English dates as the English verdict does, never as ISO", () => {
    const md = renderMarkdown({ plan, lang: "en" });
    const at = md.indexOf("## Options to meet the deadline");
    const section = md.slice(at, md.indexOf("\n## ", at + 3));
    expect(section).toContain("Meets the deadline 31 Dec 2026");
    expect(section).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const html = renderHtml({ plan, lang: "en" });
    const s = html.slice(html.indexOf('<section id="options"'), html.indexOf("</section>", html.indexOf('<section id="options"'))).replace(/<[^>]+>/g, " ");
    expect(s).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("has no options section when the plan carries none", () => {
    expect(renderMarkdown({ plan: base.plan, lang: "vi" })).not.toContain("Phương án đáp ứng thời hạn");
  });
});

describe("the per-agency plans", () => {
  it("name the deferrals that move the agency's own systems, and say when none does", async () => {
    const files = await renderByOwner({ plan, lang: "vi" }, "html");
    for (const agency of touched) {
      const page = files.find((f) => f.name === `${agency}.html`)!.content as string;
      const own = deferredSystems.filter((id) => plan.systems.find((s) => s.id === id)!.owner === agency);
      expect(page).toContain(`data-option="${deferral.id}"`);
      for (const id of own) expect(page).toContain(plan.systems.find((s) => s.id === id)!.name);
    }
    const other = files.find((f) => f.name === `${untouched}.html`)!.content as string;
    expect(other).toContain('data-options="none"');
    expect(other).toContain("Không phương án lùi hệ thống nào ảnh hưởng đến các hệ thống của cơ quan.");
    const md = await renderByOwner({ plan, lang: "en" }, "md");
    const first = md.find((f) => f.name === `${touched[0]}.md`)!.content as string;
    expect(first).toContain("## Options to meet the deadline");
    expect(first).toContain(`If option ${plan.deadline.options!.indexOf(deferral) + 1} of the roadmap is chosen`);
    expect(planForOwner(plan, untouched).deadline.options).toEqual(plan.deadline.options);
  });
});

describe("the options section in chromium", () => {
  const OUT = resolve("test-output");
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, "roadmap-options.html"), renderHtml({ plan, lang: "vi" }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the section offline, without errors, with readable text", async () => {
    const url = pathToFileURL(join(OUT, "roadmap-options.html")).href;
    const { page, requests, errors } = await openPage(browser.context, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator("#options").isVisible()).toBe(true);
    expect(await page.locator("#options tbody tr").count()).toBe(plan.deadline.options!.length);
    expect(await lowContrast(page, "#options")).toEqual([]);
    await page.locator("#options").screenshot({ path: join(OUT, "roadmap-options.png") });
    await page.close();
  });
});
