// `dcplan import --from rvtools|netbox|csv|workbook FILE… --site ID [--map FILE] --out DIR`: brings
// an RVTools export, a NetBox API export, Azure Migrate / dependency CSVs or the province's
// workbook into the inventory's YAML, merging with what is there (inventory/import/run.ts: read,
// merge, validate, print the diff, write). Nothing is written when anything is wrong or with
// --dry-run.
import { runImport } from "../../../inventory/import/run.js";
import type { SourceKind } from "../../../inventory/import/types.js";
import type { CommandAction } from "./index.js";

/** Options of `dcplan import` (declared in index.ts). */
export interface ImportCommandOptions {
  readonly from: SourceKind;
  readonly site: string;
  readonly map?: string;
  readonly out: string;
  readonly inventory?: string;
  readonly dryRun?: boolean;
  readonly fullDiff?: boolean;
  readonly listAll?: boolean;
}

/** `dcplan import` (declared in index.ts). */
export const action: CommandAction = async ({ options, args, io }) => {
  const opts = options as unknown as ImportCommandOptions;
  await runImport({ ...opts, files: (args[0] as string[] | undefined) ?? [] }, io);
};
