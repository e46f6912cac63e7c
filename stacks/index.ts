// Entry point Pulumi runs (`main: dist/stacks/index.js`): reads the stack configuration and runs
// the program. Only a default export: Pulumi refuses an entry module with both kinds of export.
import { pulumiConfigSource } from "./config.js";
import { runProgram } from "./program.js";

/** The Pulumi program; its result becomes the stack outputs. */
export default async function main(): Promise<Record<string, unknown>> {
  return { ...(await runProgram(await pulumiConfigSource())).outputs };
}
