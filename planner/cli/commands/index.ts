// The command registry: every command's name, description, arguments, options and help examples,
// declared here WITHOUT importing the command's code, and a `load()` that imports the module
// holding its action only when that command runs. `dcplan --help` or a small `dcplan validate` then
// start in a fraction of the time it takes to import every command's dependencies (exceljs alone
// costs ≈ 0.4 s, Pulumi more); see docs/benchmarks.md, "start-up".
//
// To add a command:
//   1. write planner/cli/commands/<name>.ts with the pure-ish function tests call
//      (`fooCommand(options, io)`) and `export const action: CommandAction = …` that calls it;
//   2. add an entry to COMMANDS below: name, description, `declare` (arguments and options, with
//      parsers from ../options.js), `examples` and `load: async () => (await import("./<name>.js")).action`;
//   3. nothing else: main.ts builds the program from COMMANDS and adds `--lang vi|en` to every
//      command (the action finds it in `options.lang`; do not declare it here). Words the command
//      prints come from the catalogue in ../messages/, Vietnamese help in ../messages/help.ts.
// Everything this file imports at the top is loaded on EVERY start, so import only types, ../options.js,
// ../paths.js and constants from modules that import nothing heavy (test/cli/startup.test.ts
// checks that no command module and no heavy package is reachable from here).
import type { Command } from "commander";
import type { Io } from "../../../common/io.js";
import { parseChoice, parseDateOption, parseIntOption } from "../options.js";
import { defaultInventoryDir } from "../paths.js";

/** One run of a command, as commander parsed it. */
export interface Invocation {
  /** Options by their camel-cased long name, parsed and defaulted as declared. */
  readonly options: Record<string, unknown>;
  /** Positional arguments, in declared order. */
  readonly args: readonly unknown[];
  readonly io: Io;
}

/** A command's action; throws the classes of common/errors.ts on bad input (main.ts maps them to exit statuses). */
export type CommandAction = (invocation: Invocation) => Promise<void>;

/** A command of the registry. */
export interface CommandEntry {
  /** The word after `dcplan`. */
  readonly name: string;
  /** One line for `dcplan --help`. */
  readonly description: string;
  /** Declares the arguments and options on `command` (cheap: runs on every start). */
  readonly declare: (command: Command) => void;
  /** Command lines shown under "Examples:" in the command's `--help`, without the `$ `. */
  readonly examples: readonly string[];
  /** Imports the command's module and returns its action; called only when the command runs. */
  readonly load: () => Promise<CommandAction>;
}

/** Formats of `dcplan export --format` (the export module checks the same list). */
export const EXPORT_FORMATS = ["html", "xlsx", "csv", "md", "mermaid", "report"] as const;

/** Formats of `dcplan compare --format` (the compare module checks the same list). */
export const COMPARE_FORMATS = ["html", "xlsx", "md", "json"] as const;

/** Formats of `dcplan options --format` (planner/options/report.ts checks the same list). */
export const OPTIONS_FORMATS = ["text", "md", "json"] as const;

/** Environment variables `dcplan render --secrets-from-env` reads (stacks/render.ts SECRET_ENV; a test keeps them equal). */
export const RENDER_SECRET_ENV_NAMES = ["DCPLAN_BACKUP_CREDENTIALS", "DCPLAN_BGP_PASSWORDS", "DCPLAN_VSPHERE_CREDENTIALS"] as const;

/** Report formats of `dcplan check --format` (policies/check.ts CHECK_FORMATS; a test keeps them equal). */
export const CHECK_FORMATS = ["text", "json", "sarif"] as const;

/** Formats of `dcplan diff --format`. */
export const DIFF_FORMATS = ["text", "md", "json"] as const;

/** Sources of `dcplan import --from` (inventory/import/types.ts SOURCE_KINDS; a test keeps them equal). */
export const IMPORT_SOURCES = ["rvtools", "netbox", "csv", "workbook"] as const;

/** Steps of `dcplan survey`. */
export const SURVEY_STEPS = ["template", "import"] as const;

/** Warnings `dcplan validate --warnings some` lists per rule. */
export const WARNINGS_PER_RULE = 5;

/** Every command, in the order `dcplan --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "validate",
    description: "load and check the inventory (and profile); print a summary; exit 2 with every error on invalid input",
    declare: (c) =>
      c
        .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
        .option("--as-of <date>", "judge support dates against this day (YYYY-MM-DD) [today]", parseDateOption("--as-of"))
        .option("--profile <file>", "also check this planning profile (YAML) and print its resolved values")
        .option("--progress <file>", "also check this progress file (cutovers done and failed, retirements, server facts) against the inventory, profile and as-of day")
        .option("--warnings <mode>", `list all warnings, none, or the first ${WARNINGS_PER_RULE} of each rule (some)`, parseChoice("--warnings", ["all", "some", "none"] as const), "some"),
    examples: [
      "dcplan validate --inventory inventory/sample",
      "dcplan validate --inventory inventory/sample --profile planner/sample/profile.yaml",
      "dcplan validate --inventory inventory/sample --profile planner/sample/profile.yaml --progress planner/sample/progress.yaml",
    ],
    load: async () => (await import("./validate.js")).action,
  },
  {
    name: "graph",
    description: "print the dependency graph (sites, agencies, servers, systems, externals and typed edges)",
    declare: (c) =>
      c
        .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
        .option("--format <format>", "json, dot or mermaid", parseChoice("--format", ["json", "dot", "mermaid"] as const), "json")
        .option("--focus <id>", "only the neighbourhood of this entity")
        .option("--depth <n>", "with --focus: how many steps around it", parseIntOption("--depth", 0), 2)
        .option("--out <file>", "write to this file instead of standard output"),
    examples: [
      "dcplan graph --inventory inventory/sample --format mermaid --focus mot-cua-bn --depth 1",
      "dcplan graph --inventory inventory/sample --format dot | dot -Tsvg > graph.svg",
    ],
    load: async () => (await import("./graph.js")).action,
  },
  {
    name: "export",
    description: "roadmap exports for people: HTML roadmap, XLSX, CSV, Markdown, Mermaid, the semi-annual report, per-agency plans",
    declare: (c) =>
      c
        .requiredOption("--plan <file>", "plan JSON written by `dcplan plan`")
        .option("--inventory <dir>", "inventory directory (adds server model and OS; stand-alone servers per period in the report)")
        .requiredOption("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`, parseChoice("--format", EXPORT_FORMATS))
        .option("--period <period>", "with --format report: a year YYYY or a half-year YYYY-H1 or YYYY-H2 [the half-year of the plan's as-of date]")
        .option("--indicators <file>", "with --format report: the indicator rows (JSON, like planner/export/appendix-01.json) [the bundled rows]")
        .option("--by-owner", "one file per owner agency (with html, xlsx or md), written into the --out directory")
        .option("--progress <file>", "the progress file the plan was made from: refused unless the plan carries exactly its facts (only they count as done)")
        .option("--baseline <file>", "the original plan JSON, drawn against what was recorded in the HTML roadmap's planned-versus-actual view")
        .requiredOption("--out <path>", "output file; a directory for csv and --by-owner; a path stem for report (writes STEM.html and STEM.xlsx)"),
    examples: [
      "dcplan plan --inventory inventory/sample --as-of 2026-11-23 --out plan.json",
      "dcplan export --plan plan.json --format html --out roadmap.html",
      "dcplan export --plan plan.json --format xlsx --lang en --out roadmap.xlsx",
      "dcplan export --plan plan.json --format csv --out roadmap-csv/",
      "dcplan export --plan plan.json --format md --out ROADMAP.md",
      "dcplan export --plan plan.json --format mermaid --out roadmap-diagrams.md",
      "dcplan export --plan plan.json --format report --period 2026-H2 --inventory inventory/sample --out bao-cao-2026-H2",
      "dcplan export --plan plan.json --format report --period 2026 --inventory inventory/sample --out bao-cao-nam-2026",
      "dcplan export --plan plan.json --format html --by-owner --out theo-co-quan/",
      "dcplan plan --inventory inventory/sample --profile planner/sample/profile.yaml --as-of 2026-11-22 --out plan-2026-11-22.json",
      "dcplan plan --inventory inventory/sample --profile planner/sample/profile.yaml --progress planner/sample/progress.yaml --out plan.json",
      "dcplan export --plan plan.json --progress planner/sample/progress.yaml --baseline plan-2026-11-22.json --format html --out roadmap.html",
    ],
    load: async () => (await import("./export.js")).action,
  },
  {
    name: "plan",
    description: "plan the merger: dispositions, dated waves, capacity, deadline truth, decommission roadmap 2026–2030 (plan JSON)",
    declare: (c) =>
      c
        .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
        .option("--profile <file>", "planning profile (YAML); every field optional")
        .option("--as-of <date>", "planning day YYYY-MM-DD; waves start after it [today]", parseDateOption("--as-of"))
        .option("--progress <file>", "progress file: cutovers done and failed, retirements, server facts; the plan starts from them (docs/progress.md)")
        .option("--out <file>", "write the plan JSON here (atomically) instead of standard output")
        .option("--json", "print the plan JSON to standard output even on a terminal (piped, it always is)", false)
        .option("--prices <file>", "price book (YAML, docs/cost.md): add the plan's cost in đồng by year and by agency")
        .option("--options-budget <n>", "when the deadline is missed: re-plans the search for options to meet it may make (0: no search) [scaled to the inventory]", parseIntOption("--options-budget", 0)),
    examples: [
      "dcplan plan --inventory inventory/sample --as-of 2026-11-22 --out plan.json",
      "dcplan plan --inventory inventory/sample --profile planner/sample/profile.yaml | jq .deadline",
      "dcplan plan --inventory inventory/sample --profile planner/sample/profile.yaml --progress planner/sample/progress.yaml --out plan.json",
      "dcplan plan --profile planner/sample/profile.yaml --prices planner/sample/prices.yaml --out plan.json",
    ],
    // The read-ahead of a large inventory (inventory/parallel-read.ts) starts while the planner's
    // modules load; V8's compiler is tuned for one long run first (common/compiler-tuning.ts).
    load: async () => async (invocation) => {
      (await import("../../../common/compiler-tuning.js")).tuneCompilerForLongRun();
      const ahead = await import("../../../inventory/parallel-read.js");
      if (typeof invocation.options.inventory === "string") ahead.prefetchReadAhead(invocation.options.inventory, "auto", { texts: false });
      try {
        await (await import("./plan.js")).action(invocation);
      } finally {
        ahead.dropReadAhead();
      }
    },
  },
  {
    name: "options",
    description: "when the deadline is missed: the changes of the profile that would meet it (each confirmed by planning again), as a table in Vietnamese or English, with the change to apply",
    declare: (c) =>
      c
        .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
        .option("--profile <file>", "planning profile (YAML) the options change")
        .option("--as-of <date>", "planning day YYYY-MM-DD [today]", parseDateOption("--as-of"))
        .option("--progress <file>", "progress file (what has happened): the plan and every option's re-plan start from it")
        .option("--prices <file>", "price book (YAML): each option's cost against the plan")
        .option("--budget <n>", "re-plans the search may make [scaled to the inventory]", parseIntOption("--budget", 1))
        .option("--plan <file>", "show the options a plan JSON already carries instead of planning")
        .option("--format <format>", "text, md or json", parseChoice("--format", OPTIONS_FORMATS), "text")
        .option("--out <file>", "write the report here instead of standard output")
        .option("--apply <id>", "with --write-profile: the option whose change to apply")
        .option("--write-profile <file>", "write the profile with the --apply option's change (comments and layout kept)"),
    examples: [
      "dcplan options --inventory inventory/sample --profile planner/sample/profile.yaml --as-of 2026-11-30",
      "dcplan options --profile planner/sample/profile.yaml --prices planner/sample/prices.yaml --lang en --format md --out OPTIONS.md",
      "dcplan options --plan plan.json",
      "dcplan options --profile planner/sample/profile.yaml --apply weekdays-wed --write-profile profile-wed.yaml",
    ],
    load: async () => (await import("./options.js")).action,
  },
  {
    name: "compare",
    description: "scenarios side by side: the same inventory planned with several profiles (deadline, late systems, waves, procurement, savings, cost) and the systems placed differently",
    declare: (c) =>
      c
        .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
        .option("--profile <file>", "a planning profile, one scenario named after the file (repeat: at least two)", collect, [])
        .option("--as-of <date>", "planning day YYYY-MM-DD [today]", parseDateOption("--as-of"))
        .option("--progress <file>", "progress file (what has happened): every scenario is planned from it")
        .option("--prices <file>", "price book (YAML): each scenario's cost and its difference from the first")
        .requiredOption("--format <format>", `one of ${COMPARE_FORMATS.join(", ")}`, parseChoice("--format", COMPARE_FORMATS))
        .requiredOption("--out <path>", "output file"),
    examples: [
      "dcplan compare --profile planner/sample/profile.yaml --profile profile-wed.yaml --as-of 2026-11-30 --format html --out so-sanh.html",
      "dcplan compare --profile planner/sample/profile.yaml --profile profile-wed.yaml --prices planner/sample/prices.yaml --format xlsx --out scenarios.xlsx",
    ],
    load: async () => (await import("./compare.js")).action,
  },
  {
    name: "explain",
    description: "explain one system or server: disposition and why, wave and why, what it waits for, what waits for it, its servers' fates",
    declare: (c) =>
      c
        .argument("<id>", "system or server id")
        .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
        .option("--profile <file>", "planning profile (YAML)")
        .option("--as-of <date>", "planning day YYYY-MM-DD [today]", parseDateOption("--as-of"))
        .option("--progress <file>", "progress file (what has happened): plan from the facts and tell the system's history"),
    examples: [
      "dcplan explain --inventory inventory/sample --as-of 2026-11-22 qlvb-bg",
      "dcplan explain --inventory inventory/sample bg-esx-09",
      "dcplan explain --inventory inventory/sample --profile planner/sample/profile.yaml --progress planner/sample/progress.yaml web-xa-bg",
    ],
    load: async () => (await import("./explain.js")).action,
  },
  {
    name: "import",
    description: "bring RVTools, NetBox, Azure Migrate / dependency CSV or the province's workbook into the inventory YAML, merging: measured facts updated, people's edits kept",
    declare: (c) =>
      c
        .argument("<files...>", "source files (several RVTools workbooks, NetBox pages, CSVs…)")
        .requiredOption("--from <source>", `one of ${IMPORT_SOURCES.join(", ")}`, parseChoice("--from", IMPORT_SOURCES))
        .requiredOption("--site <id>", "site of what the source does not place (its datacenters unless the mapping says otherwise)")
        .option("--map <file>", "mapping file (YAML): sites, owners, systems by pattern, tags, hosts, NetBox roles (docs/import.md)")
        .requiredOption("--out <dir>", "directory of the import's files (<source>-<site>.yaml); usually the inventory directory")
        .option("--inventory <dir>", "the inventory the import belongs to, when --out is not it [--out]")
        .option("--dry-run", "print the diff and the summary, write nothing", false)
        .option("--full-diff", "also print every line of new files", false)
        .option("--list-all", "list every unmapped VM, vanished server… (default: the first 10 of each)", false),
    examples: [
      "dcplan import --from rvtools vcenter-bn.xlsx --site dc-bn --map mapping.yaml --out inventory/ --dry-run",
      "dcplan import --from netbox sites.json devices.json virtual-machines.json --site dc-bg --out inventory/",
      "dcplan import --from csv azure-migrate.csv dependencies.csv --site dc-bn --out inventory/",
      "dcplan import --from workbook bieu-mau-so-yte.xlsx --site dc-bn --out inventory/",
    ],
    load: async () => (await import("./import.js")).action,
  },
  {
    name: "template",
    description: "write the province's inventory workbook (XLSX, Vietnamese, drop-downs), optionally pre-filled with one agency's servers and systems",
    declare: (c) =>
      c
        .requiredOption("--out <file>", "the XLSX to write, e.g. bieu-mau.xlsx")
        .option("--agency <id>", "the agency the form is for: named on it and pre-filled with its servers and systems")
        .option("--inventory <dir>", "inventory whose sites, agencies, servers and systems the drop-downs list", defaultInventoryDir())
        .option("--as-of <date>", "date stamped in the workbook (YYYY-MM-DD) [today]", parseDateOption("--as-of")),
    examples: ["dcplan template --out bieu-mau.xlsx", "dcplan template --agency so-yte --out bieu-mau-so-yte.xlsx"],
    load: async () => (await import("./template.js")).action,
  },
  {
    name: "survey",
    description: "the commune IT-support survey: `survey template` writes the unified form, `survey import DIR` checks every returned form and writes the aggregate (XLSX and HTML)",
    declare: (c) =>
      c
        .argument("<step>", `${SURVEY_STEPS.join(" or ")}`, parseChoice("step", SURVEY_STEPS))
        .argument("[dir]", "with import: the directory of returned forms (*.xlsx)")
        .requiredOption("--out <path>", "template: the XLSX to write; import: the directory for tong-hop-khao-sat.xlsx and .html")
        .option("--unit <id>", "template: the commune or ward the form is for (pre-filled)")
        .option("--inventory <dir>", "inventory whose communes and wards are the units surveyed", defaultInventoryDir())
        .option("--as-of <date>", "date of the template or of the summary (YYYY-MM-DD) [today]", parseDateOption("--as-of")),
    examples: ["dcplan survey template --out phieu-khao-sat.xlsx", "dcplan survey template --unit x-tien-du --out phieu-x-tien-du.xlsx", "dcplan survey import survey/sample --out tong-hop/"],
    load: async () => (await import("./survey.js")).action,
  },
  {
    name: "render",
    description:
      "write the Kubernetes manifests of a Pulumi stack (tenancy, Velero backup, MetalLB WAN, Forklift migrations) for kubectl apply, and the Helm values and install commands of the platform services, without the Pulumi CLI",
    declare: (c) =>
      c
        .requiredOption("--stack <name>", "stack name: reads stacks/Pulumi.<name>.yaml and the defaults in Pulumi.yaml")
        .requiredOption("--out <dir>", "output directory (files 00-…yaml to 80-…yaml in apply order; helm/ with the values files and install.sh)")
        .option("--project <dir>", "project root, the directory of Pulumi.yaml", ".")
        .option("--secrets-from-env", `also write Secret manifests (mode 0600), from ${RENDER_SECRET_ENV_NAMES.join(", ")} (JSON)`, false),
    examples: ["dcplan render --stack dev --out manifests/dev", "dcplan render --stack prod --out manifests/prod"],
    load: async () => (await import("./render.js")).action,
  },
  {
    name: "check",
    description: "check Kubernetes objects against the policy catalogue (tenancy, protection by security level, workload hardening, platform objects) offline: a stack's rendered manifests and/or any YAML",
    declare: (c) =>
      c
        .option("--stack <name>", "check the objects `dcplan render --stack NAME` writes (stacks/Pulumi.<name>.yaml), with that stack's inventory and plan")
        .option("--manifests <path>", "check every .yaml/.yml/.json manifest in this file or directory (multi-document files, Lists, helm template output; a render's helm/ directory as its Helm releases)")
        .option("--inventory <dir>", "inventory telling each namespace's system, security level and RPO [the stack's, with --stack; none otherwise]")
        .option("--plan <file>", "plan JSON telling each system's security level [the stack's, with --stack]")
        .option("--policy-config <file>", "severities and parameters per rule, in Pulumi's --policy-pack-config format [policies/config/<stack>.json when it exists]")
        .option("--format <format>", `report format: ${CHECK_FORMATS.join(", ")}`, parseChoice("--format", CHECK_FORMATS), "text")
        .option("--out <file>", "write the report to this file (atomically) instead of standard output")
        .option("--project <dir>", "project root, the directory of Pulumi.yaml", ".")
        .addHelpText("after", "\nExit status: 0 when no mandatory rule is violated (advisory findings are reported), 1 when one is, 2 on bad input.\n"),
    examples: [
      "dcplan check --stack prod",
      "dcplan check --manifests test/policies/agency/so-khcn-lgsp/ --inventory inventory/sample",
      "dcplan check --manifests test/policies/agency/ttpvhcc-kho-so-hoa/rendered.yaml --inventory inventory/sample --format json",
      "dcplan check --stack prod --manifests test/policies/agency/ --format sarif --out check.sarif",
    ],
    load: async () => (await import("./check.js")).action,
  },
  {
    name: "record",
    description: "record what has happened in the progress file (cutovers done or failed, retirements, servers decommissioned or relocated); checks before writing; keeps the file's comments and order",
    declare: (c) =>
      c
        .requiredOption("--progress <file>", "progress file (YAML) to append to; created when missing")
        .option("--inventory <dir>", "inventory directory", defaultInventoryDir())
        .option("--profile <file>", "planning profile (YAML): its calendar decides which cutover days get a warning")
        .option("--as-of <date>", "day of recording YYYY-MM-DD; nothing after it can be recorded [today]", parseDateOption("--as-of"))
        .option("--window <start..end>", "cutover window of the --done / --failed results, e.g. 2026-12-05..2026-12-06")
        .option("--done <systems>", "systems moved for good in the window, comma-separated (repeatable)", collect)
        .option("--failed <system:reason>", "a system that failed in the window and was rolled back, with why (repeatable)", collect)
        .option("--retired <systems>", "systems switched off --on the day, comma-separated (repeatable)", collect)
        .option("--decommissioned <servers>", "servers decommissioned --on the day, comma-separated (repeatable)", collect)
        .option("--relocated <servers>", "servers moved to the target site --on the day, comma-separated (repeatable)", collect)
        .option("--on <date>", "day of --retired, --decommissioned, --relocated YYYY-MM-DD", parseDateOption("--on")),
    examples: [
      'dcplan record --progress progress.yaml --window 2026-11-28..2026-11-29 --done loa-p-chu,sms-gateway-bg --failed "web-xa-bg:tên miền chưa trỏ lại"',
      "dcplan record --progress progress.yaml --retired du-lich-bg --on 2026-11-29",
      "dcplan record --progress progress.yaml --decommissioned bg-vm-cu-khong-ro-01 --on 2026-11-28",
    ],
    load: async () => (await import("./record.js")).action,
  },
  {
    name: "diff",
    description: "what changed between two plans: systems that changed wave, disposition, date or status, servers whose decommission moved, the deadline verdict before and after",
    declare: (c) =>
      c
        .argument("<old>", "the plan before (JSON written by `dcplan plan`)")
        .argument("<new>", "the plan after")
        .option("--format <format>", `one of ${DIFF_FORMATS.join(", ")}`, parseChoice("--format", DIFF_FORMATS), "text")
        .option("--out <file>", "write here (atomically) instead of standard output"),
    examples: ["dcplan diff plan-2026-11-22.json plan.json", "dcplan diff plan-2026-11-22.json plan.json --format md > pr-body.md"],
    load: async () => (await import("./diff.js")).action,
  },
];

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
