// The catalogue stays whole: every message in both languages with the same parameters, the
// Vietnamese really Vietnamese, every command, option and argument of the registry with Vietnamese
// help, and the template syntax doing what the catalogue relies on.
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../planner/cli/commands/index.js";
import { buildProgram } from "../../planner/cli/main.js";
import { CLI_MESSAGES, COMMAND_HELP_VI, FINDING_TWINS, fill, matchTemplate, placeholders, translateText } from "../../planner/cli/messages/index.js";
import { captureIo } from "../fixtures.js";

/** English function words that never belong in a Vietnamese sentence. */
const ENGLISH = /\b(the|and|of|is|are|not|with|must|from|into|wave|waves|system|systems|server|servers|file|files|wrote|none|nothing|missing|error|warning|late)\b/i;

/** The text of a template a reader sees in Vietnamese: without parameters, options, commands, file names, quoted values and dcplan's own config vocabulary kept on purpose. */
function words(template: string): string {
  return template
    .replace(/\{[^}]*\}/g, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/"[^"]*"|'[^']*'/g, " ")
    .replace(/--[a-z-]+/g, " ")
    .replace(/\bdcplan(:[\w.]+)?( [a-z-]+)*/g, " ")
    .replace(/[\w.-]+\.(yaml|md|xlsx|html|json)\b/g, " ");
}

describe("the CLI catalogue", () => {
  const keys = Object.keys(CLI_MESSAGES.en);

  it("has every key in both languages", () => {
    expect(Object.keys(CLI_MESSAGES.vi).sort()).toEqual([...keys].sort());
  });

  it("uses the same parameters in both languages", () => {
    for (const key of keys) expect(placeholders(CLI_MESSAGES.vi[key as keyof typeof CLI_MESSAGES.vi]), key).toEqual(placeholders(CLI_MESSAGES.en[key as keyof typeof CLI_MESSAGES.en]));
  });

  it("has Vietnamese that is not the English and has no English words", () => {
    for (const key of keys) {
      const en = CLI_MESSAGES.en[key as keyof typeof CLI_MESSAGES.en];
      const vi = CLI_MESSAGES.vi[key as keyof typeof CLI_MESSAGES.vi];
      // a template made of parameters and punctuation only reads the same in both
      if (/[A-Za-zÀ-ỹ]/.test(words(en))) expect(vi, key).not.toBe(en);
      expect(words(vi), key).not.toMatch(ENGLISH);
    }
  });

  it("fails the test above when a Vietnamese message is English or lacks a parameter (the checks catch it)", () => {
    expect(words("wrote {path}: the plan")).toMatch(ENGLISH);
    expect(placeholders("Đã ghi {path}")).not.toEqual(placeholders("Wrote {path} ({size} KB)"));
  });
});

describe("the finding messages", () => {
  it("have the same parameters in both languages, Vietnamese that is not the English, no English words", () => {
    for (const twin of FINDING_TWINS) {
      expect(placeholders(twin.vi), twin.en).toEqual(placeholders(twin.en));
      expect(twin.vi, twin.en).not.toBe(twin.en);
      expect(words(twin.vi).replace(/\b(true|false|hostedOn|consolidateInto|disposition|consolidate|startDate|deadline|windows|pins|DNS-1123|YAML|YYYY-MM-DD|mon|sun|from|to|reason|date|notBefore|sites|CPU)\b/g, " "), twin.en).not.toMatch(ENGLISH);
    }
  });

  it("are each recognised as written (no template shadows another)", () => {
    for (const twin of FINDING_TWINS) {
      const names = placeholders(twin.en);
      const example = fill(twin.en, Object.fromEntries(names.map((n) => [n, `«${n}»`])), "en");
      const first = FINDING_TWINS.find((t) => (!t.rules || !twin.rules || t.rules.some((r) => twin.rules!.includes(r))) && matchTemplate(t.en, example));
      expect(first?.en, twin.en).toBe(twin.en);
    }
  });
});

describe("templates", () => {
  it("fill parameters, English plurals and numbers the language's way", () => {
    expect(fill("{n} {n|file|files}", { n: 1 }, "en")).toBe("1 file");
    expect(fill("{n} {n|file|files}", { n: 1234 }, "en")).toBe("1234 files");
    expect(fill("{n} tệp", { n: 1234 }, "vi")).toBe("1.234 tệp");
    expect(fill("{n} GiB", { n: 10058.2 }, "vi")).toBe("10.058,2 GiB");
    expect(() => fill("{missing}", {}, "en")).toThrow(/missing/);
  });

  it("recognise English written elsewhere and give the Vietnamese with the same values", () => {
    const twins = [{ en: "error: unknown option '{option}'", vi: "lỗi: không có tuỳ chọn '{option}'" }];
    expect(translateText(twins, "error: unknown option '--x'", "vi")).toBe("lỗi: không có tuỳ chọn '--x'");
    expect(translateText(twins, "error: unknown option '--x'", "en")).toBe("error: unknown option '--x'");
    expect(translateText(twins, "something else", "vi")).toBeUndefined();
    expect(matchTemplate("{a} {n|item|items} in {b}", "3 items in x.yaml")).toEqual({ a: "3", b: "x.yaml" });
  });
});

describe("Vietnamese help", () => {
  const program = buildProgram(captureIo(), "en");

  it("describes every command, option and argument of the registry", () => {
    for (const entry of COMMANDS) {
      const help = COMMAND_HELP_VI[entry.name];
      expect(help, `no Vietnamese help for ${entry.name}`).toBeDefined();
      const command = program.commands.find((c) => c.name() === entry.name)!;
      for (const option of command.options) {
        if (option.long === "--lang") continue; // main.ts's own, described once
        expect(help.options[option.long!], `${entry.name} ${option.long}`).toBeDefined();
      }
      for (const argument of command.registeredArguments) expect(help.arguments?.[argument.name()], `${entry.name} <${argument.name()}>`).toBeDefined();
    }
  });

  it("names no command, option or argument that does not exist", () => {
    for (const [name, help] of Object.entries(COMMAND_HELP_VI)) {
      const command = program.commands.find((c) => c.name() === name);
      expect(command, `Vietnamese help for a command that does not exist: ${name}`).toBeDefined();
      for (const flag of Object.keys(help.options)) expect(command!.options.some((o) => o.long === flag), `${name} ${flag}`).toBe(true);
      for (const arg of Object.keys(help.arguments ?? {})) expect(command!.registeredArguments.some((a) => a.name() === arg), `${name} <${arg}>`).toBe(true);
    }
  });

  it("has no English words in its sentences", () => {
    for (const [name, help] of Object.entries(COMMAND_HELP_VI)) {
      for (const text of [help.description, ...Object.values(help.options), ...Object.values(help.arguments ?? {})]) {
        expect(words(text).replace(/\b(template|import|json|dot|mermaid|html|xlsx|csv|md|report|all|none|some|rvtools|netbox|workbook|stack|manifest|Secret|Pulumi|Kubernetes|Velero|MetalLB|TSLCD|RVTools|NetBox|CSV|Azure|Migrate|XLSX|HTML|JSON|YAML|YYYY-MM-DD|YYYY|H1|H2|datacenter|CLI|kubectl|apply|CNTT|TÊN|Markdown)\b/g, " "), `${name}: ${text}`).not.toMatch(ENGLISH);
      }
    }
  });
});
