// docs/policies.md carries the rule catalogue generated from the code; this fails as soon as a rule
// changes without `npx tsx scripts/policies-doc.ts` being run.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../policies/catalogue.js";
import { catalogueMarkdown, DOC_BEGIN, DOC_END, replaceGenerated } from "../../policies/doc-table.js";

describe("docs/policies.md", () => {
  const doc = readFileSync("docs/policies.md", "utf8");
  it("holds the catalogue exactly as the code generates it (run `npx tsx scripts/policies-doc.ts` after changing a rule)", () => {
    expect(replaceGenerated(doc, catalogueMarkdown())).toBe(doc);
  });
  it("lists every rule once, with its levels and severity", () => {
    const part = doc.slice(doc.indexOf(DOC_BEGIN), doc.indexOf("### Parameters"));
    for (const r of CATALOGUE) expect(part.split(`| \`${r.id}\` |`).length - 1, r.id).toBe(1);
    expect(part).toMatch(/\| `replicas-high-availability` \| .* \| 3–5 \| mandatory \|/);
  });
  it("a changed rule makes the generated part differ", () => {
    const changed = CATALOGUE.map((r) => (r.id === "no-host-path" ? { ...r, severity: "advisory" as const } : r));
    expect(replaceGenerated(doc, catalogueMarkdown(changed))).not.toBe(doc);
  });
});
