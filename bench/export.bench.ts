// Export benchmark (bench/run.ts module "exports"): reads the cached plan of the benchmark inventory
// (bench/plan-cache.ts) as `dcplan export` does and renders the HTML roadmap, the Markdown and the
// CSV tables in Vietnamese, beside their baselines: JSON.parse of the same plan file (the floor of
// reading it) and reading the plan back (planner/read-plan.ts). Targets (issue 15): reading ≤ 2×
// JSON.parse; each of HTML, Markdown, CSV ≤ 2× reading. The XLSX runs in a process of its own
// (bench/export-xlsx.bench.ts) so its peak memory is its own.
import { readFileSync } from "node:fs";
import { renderCsv } from "../planner/export/csv.js";
import { renderHtml } from "../planner/export/html.js";
import { renderMarkdown } from "../planner/export/markdown.js";
import type { Plan } from "../planner/plan-schema.js";
import { readPlan } from "../planner/read-plan.js";
import { cachedPlan } from "./plan-cache.js";
import type { BenchContext, StageResult } from "./types.js";

/** Runner entry point (bench/types.ts). */
export async function bench(ctx: BenchContext): Promise<StageResult[]> {
  const file = cachedPlan(ctx.jsonFile, ctx.asOf);
  const floor = await timed(ctx, "plan JSON.parse (floor)", () => JSON.parse(readFileSync(file, "utf8")) as Plan, (p) => `${p.systems.length} systems, ${p.servers.length} servers`);
  void floor;
  const read = await timed(ctx, "read plan (readPlan)", () => readPlan(file));
  const input = { plan: read.value, lang: "vi" as const };
  const html = await timed(ctx, "export html", () => renderHtml(input), (s) => `${(s.length / 2 ** 20).toFixed(1)} MiB`);
  const md = await timed(ctx, "export md", () => renderMarkdown(input));
  const csv = await timed(ctx, "export csv", () => renderCsv(input));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const readRatio = read.ms / floor.ms;
  const worst = Math.max(html.ms, md.ms, csv.ms) / read.ms;
  // fixed costs (compiling the check, first calls) weigh on small plans; the targets are for 100k servers
  const judge = (ok: boolean) => (ctx.servers < 100_000 ? "target at 100k servers" : ok ? "met" : "MISSED");
  return [
    {
      stage: "exports: ratios",
      ms: 0,
      note: `CPU time: read ${ratio(read.ms, floor.ms)} JSON.parse (≤ 2×: ${judge(readRatio <= 2)}); html ${ratio(html.ms, read.ms)}, md ${ratio(md.ms, read.ms)}, csv ${ratio(csv.ms, read.ms)} reading (≤ 2×: ${judge(worst <= 2)})`,
    },
  ];
}

/**
 * Runs `fn` as stage `name`; returns its value and CPU time in ms (of `fn` alone): the ratios use
 * CPU time, which other processes on a shared machine disturb far less than wall time.
 */
async function timed<T>(ctx: BenchContext, name: string, fn: () => T, note?: (v: T) => string): Promise<{ value: T; ms: number }> {
  let ms = 0;
  const value = await ctx.stage(
    name,
    () => {
      const c0 = process.cpuUsage();
      const v = fn();
      const c = process.cpuUsage(c0);
      ms = (c.user + c.system) / 1000;
      return v;
    },
    note,
  );
  return { value, ms };
}
