// The CLI's message catalogue (English and Vietnamese), in one place: the CLI's own words
// (cli.ts), the Vietnamese of other modules' finding messages (findings.ts), the Vietnamese help
// (help.ts), and the template syntax they share (template.ts).
export { CLI_MESSAGES, type CliKey, cliText, RECOGNISED_TWINS } from "./cli.js";
export { FINDING_TWINS, type FindingTwin, findingMessageVi, formatLocalisedFinding, localiseFinding } from "./findings.js";
export { COMMAND_HELP_VI, type CommandHelpVi, HELP_VI, LANG_HELP_EN } from "./help.js";
export { fill, formatCount, matchTemplate, type Params, placeholders, translateText, type Twin } from "./template.js";
export { CliUsageError, usageError } from "./usage-error.js";
