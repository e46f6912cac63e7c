import { WholeFile, wholeFileBytes } from "../../common/io.js";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateInventory } from "../../bench/generate.js";
import { benchProfile } from "../../bench/plan.bench.js";
import { writeInventoryYaml } from "../../bench/write.js";
import { loadInventorySync } from "../../inventory/load.js";
import { type BackgroundTranslations, inventoryNames, lastTranslationsMadeBy, streamTranslations } from "../../planner/background-translations.js";
import { orderedTranslationsText, translationsText, viMember } from "../../planner/translations-text.js";
import { InternalError } from "../../common/errors.js";
import type { Plan } from "../../planner/plan-schema.js";
import { run } from "../../planner/cli/main.js";
import { MessageLog, MSG, objectKeyOrder, type RefNames, type ShownForms, translationEntry, translationsFor } from "../../planner/messages.js";
import { planWithProfile, serialisePlan } from "../../planner/plan.js";
import { checkProfile } from "../../planner/profile.js";
import { captureIo, tempDir } from "../fixtures.js";

/** The text of translation pieces, each read as it comes (a whole file is readable only until the next piece is asked for). */
function piecesText(pieces: Iterable<string | Uint8Array | WholeFile>): string {
  const bytes: Buffer[] = [];
  for (const p of pieces) bytes.push(typeof p === "string" ? Buffer.from(p) : p instanceof WholeFile ? wholeFileBytes(p) : Buffer.from(p));
  return Buffer.concat(bytes).toString("utf8");
}

const SAMPLE = join(__dirname, "..", "..", "inventory", "sample");

const inventoryNamesOf = (loaded: ReturnType<typeof loadInventorySync>) => inventoryNames(loaded.index);

/** `plan`'s translations made on a second thread from a finished plan's `log`: its sentences replayed, in the order said, into a stream (as if said while planning). */
function translateInBackground(plan: Plan, log: MessageLog, dir: string, always: boolean): BackgroundTranslations | undefined {
  const named = (xs: readonly { readonly id: string; readonly name: string }[]) => xs.map((x) => ({ id: x.id, name: x.name }));
  const stream = streamTranslations(() => ({ systems: plan.systems.map((s) => ({ id: s.id, name: s.name, function: s.function })), sites: named(plan.sites), agencies: named(plan.agencies), externals: named(plan.externals) }), dir, always);
  for (const [key, shown] of log.said()) stream.log.say(shown.marked ? { en: key, vi: "", shown: { en: shown.en, vi: shown.vi } } : { en: key, vi: shown.vi });
  stream.groups(plan.groups);
  return stream.finish(plan, log);
}

const names: RefNames = {
  system: (id) => (id.startsWith("s") ? `Hệ thống ${id}` : undefined),
  site: () => undefined,
  agency: () => undefined,
  external: () => undefined,
  groupSystems: () => undefined,
};

describe("translations written as they are made", () => {
  it("give the text of the translations object, whatever the keys (array-index keys too) and whether any English is stored", () => {
    const key = fc.oneof(fc.string(), fc.constantFrom("0", "7", "10", "4294967294", "4294967295", "01", "s1 moves"), fc.nat().map(String));
    const sentence = fc.record({ en: fc.string(), vi: fc.string(), marked: fc.boolean() });
    fc.assert(
      // Sentences in the order said, some not in the plan; members handed over as text or as UTF-8 bytes.
      fc.property(fc.uniqueArray(fc.tuple(key, sentence, fc.boolean(), fc.boolean()), { selector: ([k]) => k, maxLength: 40 }), (said) => {
        const shown = new Map<string, ShownForms>(said.map(([k, s]) => [k, s]));
        const held = said.filter(([, , inPlan]) => inPlan).map(([k]) => k);
        const strings = [...held, ...held, "not said"];
        const keys = said.map(([k]) => k);
        const entries = said.map(([k, s]) => translationEntry(k, s, names));
        const used = Uint8Array.from(said.map(([, , inPlan]) => (inPlan ? 1 : 0)));
        const member = (i: number) => (said[i][3] ? Buffer.from(viMember(keys[i], entries[i][1])) : viMember(keys[i], entries[i][1]));
        const pieces = orderedTranslationsText(keys, objectKeyOrder(keys, used), member, (i) => entries[i][2]);
        const streamed = Buffer.concat([...pieces].map((p) => (typeof p === "string" ? Buffer.from(p) : p))).toString("utf8");
        expect(streamed).toBe([...translationsText(translationsFor(strings, names, (k) => shown.get(k)))].join(""));
        expect(JSON.parse(`{"t": ${streamed}}`).t).toEqual(translationsFor(strings, names, (k) => shown.get(k)));
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it("made on a second thread are those of the plan made on one", () => {
    const loaded = loadInventorySync(SAMPLE, { asOf: "2026-11-23", locateWarnings: false });
    const detailed = planWithProfile(loaded, checkProfile({ profile: {} }, loaded.index, "2026-11-23"), "2026-11-23", undefined, { deferTranslations: true });
    const dir = tempDir();
    const background = translateInBackground(detailed.plan, detailed.messages, dir, true);
    expect(background).toBeDefined();
    const text = piecesText(background!.pieces());
    // The worker's file is gone once copied.
    expect(readdirSync(dir)).toEqual([]);
    background!.close();
    const alone = planWithProfile(loaded, checkProfile({ profile: {} }, loaded.index, "2026-11-23"), "2026-11-23").plan;
    expect(text).toBe([...translationsText(alone.translations!)].join(""));
    // Closed before it is read, it leaves no file behind; a directory not made yet is not needed.
    const early = translateInBackground(detailed.plan, detailed.messages, dir, true)!;
    early.close();
    expect(readdirSync(dir)).toEqual([]);
    const elsewhere = translateInBackground(detailed.plan, detailed.messages, join(dir, "not", "yet"), true)!;
    expect(piecesText(elsewhere.pieces())).toBe(text);
    elsewhere.close();
    // Once the worker has its input the plan and the log are let go: the value is not kept anywhere.
    expect(() => background!.value()).toThrow(InternalError);
  });

  it("made while the plan is made (the sentences handed over as they are said) are those made after", () => {
    const loaded = loadInventorySync(SAMPLE, { asOf: "2026-11-23", locateWarnings: false });
    const alone = planWithProfile(loaded, checkProfile({ profile: {} }, loaded.index, "2026-11-23"), "2026-11-23").plan;
    const dir = tempDir();
    const stream = streamTranslations(() => inventoryNamesOf(loaded), dir, true);
    const { plan } = planWithProfile(loaded, checkProfile({ profile: {} }, loaded.index, "2026-11-23"), "2026-11-23", undefined, { deferTranslations: true, log: stream.log, onGroups: (g) => stream.groups(g) });
    const background = stream.finish(plan)!;
    expect(background).toBeDefined();
    const text = piecesText(background.pieces());
    expect(lastTranslationsMadeBy()).toBe("worker");
    expect(text).toBe([...translationsText(alone.translations!)].join(""));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("are made on the main thread when the worker fails, and leave no file behind when planning stops early", () => {
    const loaded = loadInventorySync(SAMPLE, { asOf: "2026-11-23", locateWarnings: false });
    const alone = planWithProfile(loaded, checkProfile({ profile: {} }, loaded.index, "2026-11-23"), "2026-11-23").plan;
    const dir = tempDir();
    // Names the worker cannot read: it fails once the groups come, and the main thread makes them.
    const broken = streamTranslations(() => ({ systems: [null] }) as never, dir, true);
    const { plan } = planWithProfile(loaded, checkProfile({ profile: {} }, loaded.index, "2026-11-23"), "2026-11-23", undefined, { deferTranslations: true, log: broken.log, onGroups: (g) => broken.groups(g) });
    const background = broken.finish(plan)!;
    const text = piecesText(background.pieces());
    expect(lastTranslationsMadeBy()).toBe("here");
    expect(text).toBe([...translationsText(alone.translations!)].join(""));
    background.close();
    expect(readdirSync(dir)).toEqual([]);
    // Planning that stops (an error) after the worker started: closed, nothing left.
    const stopped = streamTranslations(() => inventoryNamesOf(loaded), dir, true);
    stopped.log.say(MSG.targetHost());
    expect(readdirSync(dir)).toHaveLength(1);
    stopped.close();
    expect(readdirSync(dir)).toEqual([]);
    // Without the move groups the worker cannot resolve: made here.
    const groupless = streamTranslations(() => inventoryNamesOf(loaded), dir, true);
    groupless.log.say(MSG.targetHost());
    expect(groupless.finish(plan)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("dcplan plan with its translations made on a second thread", () => {
  const saved = process.env.DCPLAN_THREADS;
  afterEach(() => {
    if (saved === undefined) delete process.env.DCPLAN_THREADS;
    else process.env.DCPLAN_THREADS = saved;
  });

  it("writes the same file as on one thread, for an inventory large enough to use it", async () => {
    const dir = tempDir();
    const inventory = generateInventory({ seed: 3, servers: 8_000, asOf: "2026-11-22" });
    writeInventoryYaml(inventory, join(dir, "inv"));
    const p = benchProfile(inventory);
    const profile = join(dir, "profile.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(profile, `targetSite: ${p.targetSite}\nwaveLimits:\n  maxSystems: ${p.waveLimits.maxSystems}\n  maxDataGiB: ${p.waveLimits.maxDataGiB}\n`);
    const files: string[] = [];
    for (const threads of ["1", undefined]) {
      if (threads === undefined) delete process.env.DCPLAN_THREADS;
      else process.env.DCPLAN_THREADS = threads;
      const out = join(dir, `plan-${threads ?? "auto"}.json`);
      const io = captureIo("2026-11-22");
      expect(await run(["plan", "--inventory", join(dir, "inv"), "--profile", profile, "--as-of", "2026-11-22", "--out", out, "--options-budget", "0"], io)).toBe(0);
      files.push(readFileSync(out, "utf8"));
      if (threads === undefined) expect(lastTranslationsMadeBy()).toBe("worker");
    }
    expect(files[1]).toBe(files[0]);
    const plan = JSON.parse(files[0]) as { translations: { vi: Record<string, string> } };
    expect(Object.keys(plan.translations.vi).length).toBeGreaterThanOrEqual(10_000);
    // And the file is the plan's own serialisation.
    const loaded = loadInventorySync(join(dir, "inv"), { asOf: "2026-11-22", locateWarnings: false });
    expect(files[0]).toBe(serialisePlan(planWithProfile(loaded, checkProfile({ profile: { targetSite: p.targetSite, waveLimits: p.waveLimits } }, loaded.index, "2026-11-22"), "2026-11-22").plan));
  }, 120_000);
});
