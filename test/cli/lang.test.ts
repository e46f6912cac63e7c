// The language of a run: --lang on every command of the registry, the default from the locale
// (LC_ALL, LC_MESSAGES, LANG), Vietnamese otherwise.
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../planner/cli/commands/index.js";
import { argvLang, defaultLang, localeLang } from "../../planner/cli/lang.js";
import { buildProgram, run } from "../../planner/cli/main.js";
import { captureIo, makeInventory, writeInventory } from "../fixtures.js";

/** An Io whose environment is `env` (no other variable). */
function ioWithEnv(env: Record<string, string>) {
  return Object.assign(captureIo(), { env });
}

describe("the default language", () => {
  it("follows the locale: vi_* is Vietnamese, en_* English, anything else or nothing Vietnamese", () => {
    expect(defaultLang({ LANG: "vi_VN.UTF-8" })).toBe("vi");
    expect(defaultLang({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(defaultLang({ LANG: "en_GB" })).toBe("en");
    expect(defaultLang({ LANG: "vi" })).toBe("vi");
    expect(defaultLang({ LANG: "C.UTF-8" })).toBe("vi");
    expect(defaultLang({ LANG: "POSIX" })).toBe("vi");
    expect(defaultLang({ LANG: "fr_FR.UTF-8" })).toBe("vi");
    expect(defaultLang({})).toBe("vi");
    expect(defaultLang(undefined)).toBe("vi");
  });

  it("takes LC_ALL before LC_MESSAGES before LANG, skipping empty ones, as POSIX does", () => {
    expect(defaultLang({ LC_ALL: "en_US.UTF-8", LANG: "vi_VN.UTF-8" })).toBe("en");
    expect(defaultLang({ LC_MESSAGES: "vi_VN", LANG: "en_US.UTF-8" })).toBe("vi");
    expect(defaultLang({ LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" })).toBe("en");
    // a locale that is set but not one dcplan speaks decides too: Vietnamese, not the next variable
    expect(defaultLang({ LC_ALL: "C", LANG: "en_US.UTF-8" })).toBe("vi");
  });

  it("reads locale names and the --lang of a command line", () => {
    expect(localeLang("en_US@euro")).toBe("en");
    expect(localeLang("env")).toBeUndefined();
    expect(argvLang(["plan", "--lang", "en"])).toBe("en");
    expect(argvLang(["plan", "--lang=vi"])).toBe("vi");
    expect(argvLang(["plan", "--lang", "fr"])).toBeUndefined();
    expect(argvLang(["plan", "--", "--lang", "en"])).toBeUndefined();
    expect(argvLang(["--lang", "vi", "plan", "--lang", "en"])).toBe("en");
  });

  it("chooses what validate prints: English under en_US, Vietnamese under vi_VN, C or nothing", async () => {
    const dir = writeInventory(makeInventory());
    const first = async (env: Record<string, string>, ...extra: string[]) => {
      const io = ioWithEnv(env);
      expect(await run(["validate", "--inventory", dir, ...extra], io)).toBe(0);
      return io.out.split("\n")[0].split(dir).join("INV");
    };
    expect(await first({ LANG: "en_US.UTF-8" })).toBe("Inventory INV: 1 file, valid.");
    expect(await first({ LANG: "vi_VN.UTF-8" })).toBe("Dữ liệu kiểm kê INV: 1 tệp, hợp lệ.");
    expect(await first({ LANG: "C.UTF-8" })).toBe("Dữ liệu kiểm kê INV: 1 tệp, hợp lệ.");
    expect(await first({})).toBe("Dữ liệu kiểm kê INV: 1 tệp, hợp lệ.");
    // --lang wins over the locale, either way
    expect(await first({ LANG: "vi_VN.UTF-8" }, "--lang", "en")).toBe("Inventory INV: 1 file, valid.");
    expect(await first({ LANG: "en_US.UTF-8" }, "--lang", "vi")).toBe("Dữ liệu kiểm kê INV: 1 tệp, hợp lệ.");
  });
});

describe("--lang on every command", () => {
  it("is declared on every command of the registry, defaulting to the run's language", () => {
    for (const lang of ["vi", "en"] as const) {
      const program = buildProgram(captureIo(), lang);
      for (const entry of COMMANDS) {
        const command = program.commands.find((c) => c.name() === entry.name)!;
        const option = command.options.find((o) => o.long === "--lang");
        expect(option, `${entry.name} --lang`).toBeDefined();
        expect(option!.defaultValue, `${entry.name} --lang default`).toBe(lang);
      }
    }
  });

  it("is accepted by every command (its --help in each language) and a bad value is a usage error, exit 2", async () => {
    for (const entry of COMMANDS) {
      const en = captureIo();
      expect(await run([entry.name, "--lang", "en", "--help"], en), `${entry.name} --lang en --help`).toBe(0);
      expect(en.out).toMatch(/^Usage: dcplan /);
      expect(en.out).toContain("--lang <lang>");
      const vi = captureIo();
      expect(await run([entry.name, "--lang", "vi", "--help"], vi), `${entry.name} --lang vi --help`).toBe(0);
      expect(vi.out).toMatch(/^Cách dùng: dcplan /);
      expect(vi.out).toContain("Tuỳ chọn:");
      const bad = captureIo();
      expect(await run([entry.name, "--lang", "fr"], bad), `${entry.name} --lang fr`).toBe(2);
      expect(bad.err, entry.name).toBe('dcplan: --lang must be one of vi, en, got "fr"\n');
    }
  });

  it("reaches the command: options.lang is the run's language", async () => {
    for (const entry of COMMANDS) {
      for (const [argv, env, want] of [
        [["--lang", "en"], { LANG: "vi_VN.UTF-8" }, "en"],
        [[], { LANG: "en_US.UTF-8" }, "en"],
        [[], {}, "vi"],
      ] as const) {
        const program = buildProgram(ioWithEnv({ ...env }), argvLang(argv) ?? defaultLang(env));
        const command = program.commands.find((c) => c.name() === entry.name)!;
        let seen: unknown;
        command.action((...parsed: unknown[]) => {
          seen = (parsed[parsed.length - 2] as Record<string, unknown>).lang;
        });
        // required options and arguments get values their parsers accept: only the parse matters here
        const valueOf: Record<string, string> = { "--format": "html", "--from": "csv", step: "template" };
        const required = command.options.filter((o) => o.mandatory).flatMap((o) => [o.long!, valueOf[o.long!] ?? "x"]);
        const args = command.registeredArguments.filter((a) => a.required).map((a) => valueOf[a.name()] ?? "x");
        await program.parseAsync([entry.name, ...args, ...required, ...argv], { from: "user" });
        expect(seen, `${entry.name} ${argv.join(" ")} ${JSON.stringify(env)}`).toBe(want);
      }
    }
  });
});
