// `dcplan import --from rvtools|netbox|csv|workbook FILE… --site ID [--map FILE] --out DIR`: brings
// an RVTools export, a NetBox API export, Azure Migrate / dependency CSVs or the province's
// workbook into the inventory's YAML, merging with what is there (inventory/import/run.ts: read,
// merge, validate, print the diff, write). Nothing is written when anything is wrong or with
// --dry-run.
import { type ImportOptions, runImport } from "../../../inventory/import/run.js";
import type { CommandAction } from "./index.js";

/** `dcplan import` (declared in index.ts; the files are its arguments). */
export const action: CommandAction = async ({ options, args, io }) => {
  const opts = options as unknown as Omit<ImportOptions, "files">;
  await runImport({ ...opts, files: (args[0] as string[] | undefined) ?? [] }, io);
};
