#!/usr/bin/env node
// Installed as `dcplan`. Runs the compiled CLI (npm install builds it through the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../dist/planner/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  process.stderr.write("dcplan: not built yet: run `npm install` (or `npm run build`) in the dcplan checkout first\n");
  process.exit(1);
}
const { run, stopQuietlyOnClosedPipe } = await import(main);
stopQuietlyOnClosedPipe();
process.exitCode = await run(process.argv.slice(2));
