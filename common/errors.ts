// Findings (problems found in user input) and the few error classes the program throws.
// Commands throw; only the CLI entry point maps a class to an exit status (see planner/cli/main.ts).

/** Where a finding points: a file and a 1-based line and column, when known. */
export interface Place {
  /** Path of the file as the user gave it (relative paths stay relative). */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly col?: number;
}

/** One problem in user input: an error blocks the run, a warning is shown and the run goes on. */
export interface Finding extends Place {
  readonly severity: "error" | "warning";
  /** Short kebab-case name of the rule that produced it, e.g. `duplicate-id`. */
  readonly rule: string;
  /** Id of the entity the finding is about, when there is one. */
  readonly entity?: string;
  /** Path of the offending field inside the entity, e.g. `["usage", "cpuPct"]`. */
  readonly path?: readonly (string | number)[];
  /** What is wrong, in plain words. */
  readonly message: string;
  /** The whole finding in Vietnamese, its subject named as a reader knows it (progress warnings carry it; the CLI prints it under --lang vi instead of entity, path and message). */
  readonly vi?: string;
}

/** `a.b[2].c` from `["a","b",2,"c"]`. */
export function dotPath(path: readonly (string | number)[] | undefined): string {
  if (!path || path.length === 0) return "";
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** Formats a finding as `file:line:col: entity field: message` (parts that are unknown are left out). */
export function formatFinding(f: Finding): string {
  let place = "";
  if (f.file) {
    place = f.file;
    if (f.line !== undefined) {
      place += `:${f.line}`;
      if (f.col !== undefined) place += `:${f.col}`;
    }
    place += ": ";
  }
  const subject = [f.entity, dotPath(f.path)].filter((s) => s && s.length > 0).join(" ");
  const warn = f.severity === "warning" ? "warning: " : "";
  return `${place}${warn}${subject ? `${subject}: ` : ""}${f.message}`;
}

/** Orders findings by file, line, column, then message, so output is stable. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      a.message.localeCompare(b.message),
  );
}

/** Base of every error the CLI reports without a stack trace. */
export abstract class DcplanError extends Error {
  /** Exit status the CLI uses for this error. */
  abstract readonly exitCode: 1 | 2;
  /** One line per problem, already formatted. */
  lines(): string[] {
    return [this.message];
  }
}

/** Bad input made of findings (inventory, profile, plan file, stack configuration): exit 2. */
export class InputError extends DcplanError {
  readonly exitCode = 2 as const;
  constructor(
    /** What was being read, e.g. "inventory", "profile", "plan". */
    readonly what: string,
    /** Every problem found, errors first; at least one has severity `error`. */
    readonly findings: readonly Finding[],
  ) {
    const errors = findings.filter((f) => f.severity === "error").length;
    super(`invalid ${what}: ${errors} error${errors === 1 ? "" : "s"}`);
    this.name = new.target.name;
  }
  override lines(): string[] {
    return sortFindings(this.findings.filter((f) => f.severity === "error")).map(formatFinding);
  }
}

/** The inventory directory has errors. */
export class InventoryError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("inventory", findings);
  }
}

/** The planning profile has errors or contradicts itself. */
export class ProfileError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("profile", findings);
  }
}

/** The price book (`--prices`) has errors, or lacks a price the plan needs. */
export class PriceBookError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("price book", findings);
  }
}

/** A plan file given to `export` does not match the plan schema. */
export class PlanFileError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("plan", findings);
  }
}

/** The indicator rows given to the report (`--indicators FILE`) are not a valid table. */
export class ReportRowsError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("indicator rows", findings);
  }
}

/** The progress file (`--progress`: what has actually happened) has errors or contradicts the inventory. */
export class ProgressError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("progress file", findings);
  }
}

/** Pulumi stack configuration is invalid (raised before any resource is registered). */
export class ConfigError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("stack configuration", findings);
  }
}

/** Kubernetes manifests given to `dcplan check` cannot be read as objects (YAML syntax, no kind…). */
export class ManifestError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("manifests", findings);
  }
}

/** A policy configuration file (severities and parameters per rule) is invalid. */
export class PolicyConfigError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("policy configuration", findings);
  }
}

/** `dcplan check` found violations of mandatory rules (already printed): exit 1. */
export class PolicyViolationError extends DcplanError {
  readonly exitCode = 1 as const;
  constructor(
    /** Mandatory findings, by rule id. */
    readonly mandatory: ReadonlyMap<string, number>,
  ) {
    const total = [...mandatory.values()].reduce((a, b) => a + b, 0);
    super(`check failed: ${total} finding${total === 1 ? "" : "s"} of ${mandatory.size} mandatory rule${mandatory.size === 1 ? "" : "s"} (${[...mandatory.keys()].join(", ")})`);
    this.name = "PolicyViolationError";
  }
}

/**
 * An output path that cannot be written as asked (`--out` onto a directory, a device, a symbolic
 * link, below a file…): exit 2, the path named in the finding, nothing written.
 */
export class OutputError extends InputError {
  constructor(findings: readonly Finding[]) {
    super("output", findings);
  }
}

/** A source given to `dcplan import` or `dcplan survey import` (RVTools, NetBox, CSV, workbook, mapping, survey forms) has errors. */
export class ImportError extends InputError {
  constructor(findings: readonly Finding[], what = "import source") {
    super(what, findings);
  }
  /** One line per error, spreadsheet places (`file.xlsx:Sheet!C12`) in sheet, row, column order. */
  override lines(): string[] {
    const key = (f: Finding): [string, string, number, number, number, number] => {
      const m = /^(.*):(.*)!([A-Z]*)(\d+)$/.exec(f.file ?? "");
      if (!m) return [f.file ?? "", "", f.line ?? 0, f.col ?? 0, 0, 0];
      const col = [...m[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return [m[1], m[2], Number(m[4]), col, 0, 0];
    };
    const errors = this.findings.filter((f) => f.severity === "error");
    return errors
      .map((f) => ({ f, k: key(f) }))
      .sort((a, b) => a.k[0].localeCompare(b.k[0]) || a.k[1].localeCompare(b.k[1]) || a.k[2] - b.k[2] || a.k[3] - b.k[3] || a.f.message.localeCompare(b.f.message))
      .map(({ f }) => formatFinding(f));
  }
}

/** Bad command-line arguments: exit 2. */
export class UsageError extends DcplanError {
  readonly exitCode = 2 as const;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A bug or an environment failure (disk full…): exit 1. */
export class InternalError extends DcplanError {
  readonly exitCode = 1 as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InternalError";
  }
}
