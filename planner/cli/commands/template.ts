// `dcplan template --out bieu-mau.xlsx [--agency ID]`: the province's inventory workbook in
// Vietnamese (inventory/import/template.ts) with drop-downs listing the inventory's sites, agencies,
// servers and systems; with --agency, pre-filled with that agency's servers, systems and their
// dependencies, so the department reviews its rows and records its plan (Phương án) instead of
// retyping them. Read back with `dcplan import --from workbook`.
import { writeFileAtomic } from "../../../common/io.js";
import { renderTemplate } from "../../../inventory/import/template.js";
import { loadInventory } from "../../../inventory/load.js";
import type { Inventory } from "../../../inventory/schema.js";
import type { Lang } from "../../export/i18n.js";
import { cliText, usageError } from "../messages/index.js";
import type { CommandAction } from "./index.js";

/** Options of `dcplan template` (declared in index.ts). */
export interface TemplateOptions {
  readonly out: string;
  readonly agency?: string;
  readonly inventory: string;
  /** Date stamped in the workbook [today]. */
  readonly asOf?: string;
  /** Language of the status line [en]. */
  readonly lang?: Lang;
}

/** The rows of `agency` in `inventory`: its servers, its systems (with their dependencies). */
export function agencyRows(inventory: Inventory, agency: string): Partial<Inventory> {
  return { servers: inventory.servers.filter((s) => s.owner === agency), systems: inventory.systems.filter((s) => s.owner === agency) };
}

/** `dcplan template` (declared in index.ts). */
export const action: CommandAction = async ({ options, io }) => {
  const opts = options as unknown as TemplateOptions;
  const date = opts.asOf ?? io.today();
  const { inventory } = await loadInventory(opts.inventory, { asOf: date, locateWarnings: false });
  const agency = opts.agency !== undefined ? inventory.agencies.find((a) => a.id === opts.agency) : undefined;
  if (opts.agency !== undefined && !agency) throw usageError("template.unknownAgency", { agency: opts.agency, inventory: opts.inventory });
  const rows = agency ? agencyRows(inventory, agency.id) : undefined;
  const bytes = await renderTemplate({ known: inventory, rows, agency, date });
  writeFileAtomic(opts.out, bytes);
  const lang = opts.lang ?? "en";
  const filled = rows ? cliText(lang, "template.filled", { servers: rows.servers?.length ?? 0, systems: rows.systems?.length ?? 0, agency: agency!.name }) : "";
  io.stdout(`${cliText(lang, "template.wrote", { path: opts.out, filled })}\n`);
};
