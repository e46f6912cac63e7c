// Consolidation candidates: systems still in service (active or legacy) with the same `function`
// at different sites, typically the two copies of the e-government stack of the former provinces.
import type { System } from "../schema.js";
import { type InventoryIndex, systemSites } from "../model.js";

export interface DuplicateCandidate {
  readonly function: string;
  /** Systems of that function, sorted by site then id. */
  readonly systems: string[];
  /** The site of each of `systems`, same order (systemSite). */
  readonly systemSites: string[];
  /** Distinct sites involved, sorted. */
  readonly sites: string[];
}

/** Functions served by systems at two or more sites, sorted by function; `sites` [systemSites(index)] when the caller has them already. */
export function duplicateFunctionCandidates(index: InventoryIndex, sites: ReadonlyMap<System, string | undefined> = systemSites(index)): DuplicateCandidate[] {
  const byFunction = new Map<string, { id: string; site: string }[]>();
  for (const sys of index.inventory.systems) {
    if ((sys.lifecycle ?? "active") === "retiring") continue;
    const site = sites.get(sys);
    if (site === undefined) continue;
    const list = byFunction.get(sys.function);
    if (list) list.push({ id: sys.id, site });
    else byFunction.set(sys.function, [{ id: sys.id, site }]);
  }
  const out: DuplicateCandidate[] = [];
  for (const [fn, list] of byFunction) {
    const sites = [...new Set(list.map((x) => x.site))].sort();
    if (sites.length < 2) continue;
    list.sort((a, b) => a.site.localeCompare(b.site) || a.id.localeCompare(b.id));
    out.push({ function: fn, systems: list.map((x) => x.id), systemSites: list.map((x) => x.site), sites });
  }
  return out.sort((a, b) => a.function.localeCompare(b.function));
}
