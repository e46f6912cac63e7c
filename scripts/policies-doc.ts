// Writes the rule catalogue table into docs/policies.md (between its GENERATED markers) from the
// code in policies/, so the document cannot drift from the rules. `--check` writes nothing and
// exits 1 when the document is out of date (test/policies/doc.test.ts does the same).
//   npx tsx scripts/policies-doc.ts [--check]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../common/io.js";
import { catalogueMarkdown, replaceGenerated } from "../policies/doc-table.js";

const file = join(import.meta.dirname, "..", "docs", "policies.md");
const current = readFileSync(file, "utf8");
const next = replaceGenerated(current, catalogueMarkdown());
if (process.argv.includes("--check")) {
  if (next !== current) {
    process.stderr.write("docs/policies.md is out of date with policies/: run `npx tsx scripts/policies-doc.ts`\n");
    process.exitCode = 1;
  }
} else if (next !== current) {
  writeFileAtomic(file, next);
  process.stdout.write("docs/policies.md: catalogue updated\n");
} else {
  process.stdout.write("docs/policies.md: catalogue already up to date\n");
}
