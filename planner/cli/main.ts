// The command line's entry point: builds the commander program from the command registry
// (commands/index.ts: each command's options are declared there and its module is imported only
// when it runs), runs it, and maps error classes to exit statuses (contract: 0 success, 2 invalid
// input or arguments, 1 anything else). This is the only place that decides an exit status.
import { Command, CommanderError } from "commander";
import { DcplanError, UsageError } from "../../common/errors.js";
import { COMMANDS } from "./commands/index.js";
import { type Io, processIo } from "../../common/io.js";
import { VERSION } from "../../common/version.js";

/** Builds the program: one subcommand per registry entry, its action loaded when it runs. */
export function buildProgram(io: Io): Command {
  const program = new Command("dcplan")
    .description(
      "Plans the merger of the provincial data centres: inventory → dependency graph → dated migration waves → decommission roadmap 2026–2030 → exports and Pulumi stacks.",
    )
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride();
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    entry.declare(command);
    if (entry.examples.length > 0) command.addHelpText("after", `\nExamples:\n${entry.examples.map((e) => `  $ ${e}`).join("\n")}`);
    command.action(async (...parsed: unknown[]) => {
      // commander passes the positional arguments, then the options, then the command itself.
      const options = parsed[parsed.length - 2] as Record<string, unknown>;
      const action = await entry.load();
      await action({ options, args: parsed.slice(0, -2), io });
    });
  }
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  return program;
}

/** Runs the command line with `argv` (without node and script) and returns the exit status. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    // help and version "errors" are successes; commander already printed the message.
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
    return 2;
  }
  if (err instanceof UsageError) {
    io.stderr(`dcplan: ${err.message}\n`);
    return 2;
  }
  if (err instanceof DcplanError) {
    for (const line of err.lines()) io.stderr(`${line}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`dcplan: internal error: ${message}\n`);
  if (process.env.DCPLAN_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return 1;
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
