// The command line's entry point: builds the commander program from the command registry
// (commands/index.ts: each command's options are declared there and its module is imported only
// when it runs), runs it, and maps error classes to exit statuses (contract: 0 success, 2 invalid
// input or arguments, 1 anything else). This is the only place that decides an exit status.
//
// Language: every command takes `--lang vi|en` (added here, so a command cannot forget it); the
// language of a run is the `--lang` on its command line, else the environment's locale, else
// Vietnamese (lang.ts). It is known before commander parses anything, so the help, commander's own
// errors, usage errors and the findings of bad input are all printed in it (messages/).
import { Command, CommanderError, Help, type Option } from "commander";
import { DcplanError, type Finding, InputError, UsageError } from "../../common/errors.js";
import { COMMANDS } from "./commands/index.js";
import { type Io, processIo } from "../../common/io.js";
import { VERSION } from "../../common/version.js";
import { argvLang, defaultLang, LANGS, type Lang } from "./lang.js";
import { CliUsageError, COMMAND_HELP_VI, cliText, HELP_VI, LANG_HELP_EN, localiseFinding, RECOGNISED_TWINS, translateText } from "./messages/index.js";
import { parseChoice } from "./options.js";

/** The language of a run: `--lang` on the command line, else the locale of `io.env`, else Vietnamese. */
export function runLang(argv: readonly string[], io: Pick<Io, "env">): Lang {
  return argvLang(argv) ?? defaultLang(io.env);
}

/** Builds the program in `lang` [the locale's]: one subcommand per registry entry, each with `--lang`, its action loaded when it runs. */
export function buildProgram(io: Io, lang: Lang = defaultLang(io.env)): Command {
  const vi = lang === "vi";
  const write = { writeOut: (s: string) => io.stdout(s), writeErr: (s: string) => io.stderr(s), outputError: (s: string, w: (s: string) => void) => w(translateCommander(s, lang)) };
  const program = new Command("dcplan")
    .description(
      vi
        ? HELP_VI.program
        : "Plans the merger of the provincial data centres: inventory → dependency graph → dated migration waves → decommission roadmap 2026–2030 → exports and Pulumi stacks.",
    )
    .version(VERSION, "-V, --version", vi ? HELP_VI.version : undefined)
    .enablePositionalOptions()
    .showHelpAfterError(cliText(lang, "main.runWithHelp"))
    .configureOutput(write)
    .exitOverride();
  // `dcplan --lang en --help`: the program accepts --lang too (before the command name).
  program.addOption(langOption(program, lang));
  if (vi) localiseHelp(program);
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    entry.declare(command);
    if (!command.options.some((o) => o.long === "--lang")) command.addOption(langOption(command, lang));
    if (vi) localiseCommandHelp(command, entry.name);
    if (entry.examples.length > 0) command.addHelpText("after", `\n${cliText(lang, "main.examples")}\n${entry.examples.map((e) => `  $ ${e}`).join("\n")}`);
    command.action(async (...parsed: unknown[]) => {
      // commander passes the positional arguments, then the options, then the command itself.
      const options = parsed[parsed.length - 2] as Record<string, unknown>;
      const action = await entry.load();
      await action({ options, args: parsed.slice(0, -2), io });
    });
  }
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(write);
  return program;
}

/** `--lang <lang>` with the run's language as its default (so `options.lang` is always set). */
function langOption(command: Command, lang: Lang): Option {
  return command.createOption("--lang <lang>", lang === "vi" ? HELP_VI.lang : LANG_HELP_EN).argParser(parseChoice("--lang", LANGS)).default(lang);
}

/** Vietnamese headings and commander's own help texts for `command` and, through inheritance, its subcommands. */
function localiseHelp(command: Command): void {
  command.helpOption("-h, --help", HELP_VI.help);
  command.helpCommand("help [command]", HELP_VI.helpCommand);
  command.configureHelp({
    styleTitle: (title: string) => HELP_VI.titles[title] ?? title,
    optionDescription(this: Help, option: Option) {
      return viExtras(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Parameters<Help["argumentDescription"]>[0]) {
      return viExtras(Help.prototype.argumentDescription.call(this, argument));
    },
  });
}

function viExtras(description: string): string {
  return description.replace(/\((default|choices): /g, (_all, word: string) => `(${word === "default" ? HELP_VI.default : HELP_VI.choices}: `).replace(/, (default|choices): /g, (_all, word: string) => `, ${word === "default" ? HELP_VI.default : HELP_VI.choices}: `);
}

/** The Vietnamese descriptions of a registry command, its options and arguments (English where the catalogue has none). */
function localiseCommandHelp(command: Command, name: string): void {
  const help = COMMAND_HELP_VI[name];
  command.helpOption("-h, --help", HELP_VI.help);
  if (!help) return;
  command.description(help.description);
  for (const option of command.options) {
    const text = option.long !== undefined ? help.options[option.long] : undefined;
    if (text !== undefined) option.description = text;
  }
  for (const argument of command.registeredArguments) {
    const text = help.arguments?.[argument.name()];
    if (text !== undefined) argument.description = text;
  }
}

/** Commander's English error text (one or more lines) in `lang`; lines the catalogue does not know stay as they are. */
function translateCommander(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return text
    .split("\n")
    .map((line) => (line === "" ? line : (translateText(RECOGNISED_TWINS, line, lang) ?? line)))
    .join("\n");
}

/** Runs the command line with `argv` (without node and script) and returns the exit status. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const lang = runLang(argv, io);
  const program = buildProgram(io, lang);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (err) {
    return report(err, io, lang);
  }
}

function report(err: unknown, io: Io, lang: Lang): number {
  if (err instanceof CommanderError) {
    // help and version "errors" are successes; commander already printed the message.
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
    return 2;
  }
  if (err instanceof UsageError) {
    const text = err instanceof CliUsageError ? cliText(lang, err.key, err.params) : (translateText(RECOGNISED_TWINS, err.message, lang) ?? err.message);
    io.stderr(`dcplan: ${text}\n`);
    return 2;
  }
  if (err instanceof DcplanError) {
    for (const line of localisedLines(err, lang)) io.stderr(`${line}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`dcplan: ${cliText(lang, "main.internalError", { message })}\n`);
  if (process.env.DCPLAN_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return 1;
}

/**
 * The lines of an error in `lang`: an InputError's findings with their messages translated
 * (messages/findings.ts), formatted and ordered by the error's own `lines()` (subclasses order
 * them their way, e.g. spreadsheet cells), through a view of the error that holds the translated
 * findings.
 */
function localisedLines(err: DcplanError, lang: Lang): string[] {
  if (lang === "en" || !(err instanceof InputError)) return err.lines();
  const findings: Finding[] = err.findings.map((f) => localiseFinding(f, lang));
  const view = Object.create(err, { findings: { value: findings } }) as InputError;
  return view.lines();
}

/** `dcplan plan | head`: when the reader of standard output goes away, stop without a stack trace. */
export function stopQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(process.exitCode ?? 0);
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  stopQuietlyOnClosedPipe();
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
