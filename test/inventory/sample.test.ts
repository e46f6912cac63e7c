// The bundled sample inventory is what `npm start` and the docs use: it must stay valid and keep
// the shape the brief asks for (both sites, their e-government stacks, enough servers and systems).
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../inventory/graph.js";
import { loadInventory } from "../../inventory/load.js";
import { systemSite } from "../../inventory/model.js";
import { duplicateFunctionCandidates, moveGroups } from "../../inventory/queries/index.js";
import { sampleInventoryDir } from "../../planner/cli/paths.js";

describe("the sample inventory", async () => {
  const loaded = await loadInventory(sampleInventoryDir(), { asOf: "2026-11-22" });
  const { inventory, index } = loaded;

  it("is valid and large enough", () => {
    expect(inventory.servers.length).toBeGreaterThanOrEqual(150);
    expect(inventory.systems.length).toBeGreaterThanOrEqual(60);
    expect(inventory.sites.map((s) => s.id).sort()).toEqual(["dc-bg", "dc-bn"]);
  });

  it("has the e-government stack at each site", () => {
    for (const fn of ["document-management", "one-stop-shop", "lgsp", "sso", "email", "portal", "security-monitoring"]) {
      const sites = inventory.systems.filter((s) => s.function === fn).map((s) => systemSite(index, s));
      expect(new Set(sites), fn).toEqual(new Set(["dc-bn", "dc-bg"]));
    }
    expect(duplicateFunctionCandidates(index).map((d) => d.function)).toContain("one-stop-shop");
  });

  it("has every server kind, security levels 1–4, externals and both couplings", () => {
    expect(new Set(inventory.servers.map((s) => s.kind))).toEqual(new Set(["physical", "virtual", "storage", "network", "appliance"]));
    expect(new Set(inventory.systems.map((s) => s.securityLevel))).toEqual(new Set([1, 2, 3, 4]));
    const couplings = new Set(inventory.systems.flatMap((s) => (s.dependsOn ?? []).map((d) => d.coupling)));
    expect(couplings).toEqual(new Set(["tight", "loose"]));
    for (const ext of ["ndxp", "ndop"]) expect(index.externals.has(ext), ext).toBe(true);
    expect(loaded.warnings.some((w) => w.rule === "support-ended")).toBe(true);
  });

  it("uses Vietnamese names with diacritics, in NFC", () => {
    const names = [...inventory.agencies, ...inventory.systems].map((e) => e.name);
    expect(names.some((n) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(n))).toBe(true);
    for (const n of names) expect(n).toBe(n.normalize("NFC"));
  });

  it("builds a graph with a tight group of three or more", () => {
    expect(buildGraph(inventory).order).toBe(inventory.sites.length + inventory.agencies.length + inventory.servers.length + inventory.systems.length + inventory.externals.length);
    expect(Math.max(...moveGroups(index).map((g) => g.systems.length))).toBeGreaterThanOrEqual(3);
  });
});
