// `dcplan template --out bieu-mau.xlsx [--agency ID]`: the province's inventory workbook in
// Vietnamese (inventory/import/template.ts) with drop-downs listing the inventory's sites, agencies,
// servers and systems; with --agency, pre-filled with that agency's servers, systems and their
// dependencies, so the department reviews its rows and records its plan (Phương án) instead of
// retyping them. Read back with `dcplan import --from workbook`.
import { UsageError } from "../../../common/errors.js";
import { writeFileAtomic } from "../../../common/io.js";
import { renderTemplate } from "../../../inventory/import/template.js";
import { loadInventory } from "../../../inventory/load.js";
import type { Inventory } from "../../../inventory/schema.js";
import type { CommandAction } from "./index.js";

/** Options of `dcplan template` (declared in index.ts). */
export interface TemplateOptions {
  readonly out: string;
  readonly agency?: string;
  readonly inventory: string;
  /** Date stamped in the workbook [today]. */
  readonly asOf?: string;
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
  if (opts.agency !== undefined && !agency) throw new UsageError(`--agency ${opts.agency}: no such agency in ${opts.inventory}`);
  const rows = agency ? agencyRows(inventory, agency.id) : undefined;
  const bytes = await renderTemplate({ known: inventory, rows, agency, date });
  writeFileAtomic(opts.out, bytes);
  const filled = rows ? `, pre-filled with ${rows.servers?.length ?? 0} servers and ${rows.systems?.length ?? 0} systems of ${agency!.name}` : "";
  io.stdout(`wrote ${opts.out}: the inventory workbook (sheets Hướng dẫn, Địa điểm, Cơ quan, Máy chủ, Hệ thống, Phụ thuộc, Hệ thống ngoài)${filled}; read it back with dcplan import --from workbook ${opts.out} --site <site> --out <inventory dir>\n`);
};
