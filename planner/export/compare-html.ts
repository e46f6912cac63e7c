// The comparison of scenarios as one self-contained HTML page (no script, no network, prints on A4
// landscape, the roadmap's stylesheet): each scenario's deadline verdict first, as the roadmap
// states it; then the measures side by side, one column per scenario; then the systems placed
// differently, each scenario's disposition and wave in words.
import { type Comparison, COMPARE_WORDS, comparisonTables, type Scenario, scenarioTitle, scenarioVerdict } from "./compare.js";
import { htmlDocument, sectionHtml, tableHtml } from "./html.js";
import { dispositionLabel, formatDate, type Lang, labels } from "./i18n.js";
import { escapeXml as esc } from "./svg-timeline.js";
import { namesOf, type Table } from "./tables.js";

/** The comparison page of `scenarios` (in the order given) in `lang`. */
export function renderCompareHtml(scenarios: readonly Scenario[], comparison: Comparison, lang: Lang): string {
  const W = COMPARE_WORDS[lang];
  const L = labels(lang);
  const first = scenarios[0].plan;
  const names = namesOf(first);
  const [side] = comparisonTables(comparison, lang, names);
  const verdicts = scenarios
    .map((s, i) => {
      const met = s.plan.deadline.met;
      return `<article aria-labelledby="scenario-${i + 1}-h">
<h3 id="scenario-${i + 1}-h">${esc(scenarioTitle(s))} <span class="sub">(${esc(W.profile)}: ${esc(s.profile)})</span></h3>
<p class="verdict ${met ? "met" : "not-met"}" data-scenario="${esc(s.name)}">${esc(scenarioVerdict(s.plan, lang))}</p>
</article>`;
    })
    .join("\n");
  const diffTable: Table = {
    id: "differences",
    title: W.differences,
    columns: [
      { key: "system", header: W.system, type: "text", width: 40 },
      { key: "owner", header: W.owner, type: "text", width: 28 },
      ...scenarios.map((s, i) => ({ key: `scenario-${i + 1}`, header: scenarioTitle(s), type: "text" as const, width: 24 })),
    ],
    rows: comparison.differences.map((d) => {
      // The survivor is named only where the scenarios merge the system into different ones.
      const intoDiffers = d.in.some((x) => x.into !== d.in[0].into);
      return [
        d.name,
        names.agency(d.owner),
        ...d.in.map((x) => {
          const where = x.wave !== undefined ? W.waveOn(x.wave, x.start ? formatDate(x.start, lang) : "") : W.noWave;
          return `${dispositionLabel(x.disposition, lang)}${intoDiffers && x.into ? ` → ${names.system(x.into)}` : ""}; ${where}${x.late ? ` (${W.lateMark})` : ""}`;
        }),
      ];
    }),
  };
  const body = [
    sectionHtml("verdicts", W.verdict, verdicts),
    sectionHtml("side-by-side", W.scenarios, tableHtml({ ...side, rows: side.rows.slice(1), rowTypes: side.rowTypes!.slice(1) }, lang, { rowHeader: 0, caption: W.scenarios, hideCaption: true })),
    sectionHtml(
      "differences",
      W.differences,
      comparison.differences.length === 0 ? `<p>${esc(W.noDifferences)}</p>` : `<p>${esc(W.differencesIntro)}</p>\n${tableHtml(diffTable, lang, { rowHeader: 0, caption: W.differences, hideCaption: true })}`,
    ),
  ].join("\n");
  return htmlDocument({
    plan: first,
    lang,
    title: W.title,
    subtitle: W.subtitle,
    meta: [
      [L.asOf, formatDate(first.asOf, lang)],
      [W.scenarios, String(scenarios.length)],
    ],
    generatorMeta: true,
    body: `<main>\n${body}\n</main>`,
  });
}
