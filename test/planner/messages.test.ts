// The message catalog: every entry renders a non-empty English and Vietnamese sentence, the
// Vietnamese in NFC with dd/mm/yyyy dates and Vietnamese number grouping; the sample plan carries
// a Vietnamese translation of every sentence the planner wrote into it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { joinMessages, type Message, MessageLog, moveGroupReason, MSG, planMessageStrings, planTranslations, plainRefs, type RefNames, refNamesOf, resolveIdsInEnglish, resolveRefs, settingName, viDate, viNum } from "../../planner/messages.js";
import { planMigration } from "../../planner/plan.js";
import { Plan } from "../../planner/plan-schema.js";

const frag: Message = { en: "wave full (8 systems)", vi: "đợt đã đủ 8 hệ thống" };
const D = "2026-12-19";

/** One set of parameters per catalog entry; the type makes a new entry without a case a compile error. */
const CASES: { [K in keyof typeof MSG]: Parameters<(typeof MSG)[K]> } = {
  whereService: [],
  whereTarget: [{ target: "dc-bn" }],
  whereSite: [{ site: "dc-bg" }],
  dispositionPinned: [{ disposition: "retain" }],
  consolidateWithoutSurvivor: [{ system: "a", fn: "email" }],
  noSurvivorKeepsRunning: [],
  mergedIntoPinned: [{ into: "b" }],
  mergedIntoBest: [{ into: "b", fn: "email" }],
  staysWithPinned: [{ system: { id: "a-db", name: "CSDL A" }, site: { id: "dc-bg", name: "Trung tâm Bắc Giang" }, target: "dc-bn", pinned: { id: "a", name: "Hệ thống A" }, via: [{ id: "a-cache", name: "Bộ đệm A" }] }],
  staysRemaining: [{ where: MSG.whereSite({ site: "dc-bg" }) }],
  duplicateMerged: [{ fn: "email", where: MSG.whereSite({ site: "dc-bg" }), survivor: "b", survivorSite: "dc-bn", score: 64.5, other: "a", otherScore: 21 }],
  duplicateMergedByGroup: [
    { fn: "qlvb-db", where: MSG.whereSite({ site: "dc-bg" }), survivor: "bn-qlvb-db", survivorSite: "dc-bn", group: { id: "g-bn-qlvb", score: 61.3, scored: 2 }, other: { id: "g-bg-qlvb", score: 40, scored: 2 }, pin: { system: "bg-qlvb", into: "bn-qlvb" } },
  ],
  survivesWithGroup: [{ fn: "qlvb", group: { id: "g-bn-qlvb", score: 61.3, scored: 2 }, against: [{ id: "g-bg-qlvb", score: 40, scored: 2 }] }],
  retireNoDependants: [],
  retireOnlyRetiring: [{ users: ["x", "y"] }],
  keptRetiring: [{ user: "x" }],
  noServers: [],
  alreadyAtTarget: [{ target: "dc-bn" }],
  relocateHardware: [{ where: MSG.whereSite({ site: "dc-bg" }), target: "dc-bn" }],
  foldStandalone: [{ servers: ["bn-sa-yte-01"], target: { id: "dc-bn", name: "Trung tâm Bắc Ninh" }, shared: false }],
  replatformReady: [{ where: MSG.whereSite({ site: "dc-bg" }), target: "dc-bn" }],
  rehostVm: [{ where: MSG.whereSite({ site: "dc-bg" }), target: "dc-bn" }],
  consolidateIntoDeparting: [{ system: "a", into: "b", retired: false, next: "c" }],
  dependsOnRetired: [{ system: "a", disposition: "rehost", target: "old" }],
  singleSystem: [],
  tightDependency: [{ from: "a", to: "b" }],
  shareServer: [{ server: "s1", systems: ["a", "b"] }],
  mergedCycle: [{ reasons: MSG.tightDependency({ from: "a", to: "b" }) }],
  groupStays: [{ reasons: [MSG.shareServer({ server: "s1", systems: ["a", "b"] })] }],
  tightCouplingSplit: [{ system: { id: "a", name: "Hệ thống A" }, target: { id: "dc-bn", name: "Trung tâm Bắc Ninh" }, other: { id: "b", name: "Hệ thống B" }, otherSite: { id: "dc-bg", name: "Trung tâm Bắc Giang" }, mergedInto: { id: "c", name: "Hệ thống C" } }],
  pinIgnored: [{ system: "a", disposition: "retain" }],
  pinOutsideWindows: [{ system: "a", date: D, start: "2026-11-22", horizonEnd: "2030-12-31" }],
  pinTwice: [{ system: "a", date: D, systems: ["a", "b"], firstDate: "2026-12-12" }],
  pinHeldBack: [{ unit: "g-a", date: D, notBefore: "2027-01-01" }],
  pulledWithPinned: [{ unit: "g-a", pinned: "g-b" }],
  conflictHeldBack: [{ notBefore: D }],
  conflictSurvivor: [{ units: ["g-a"] }],
  conflictPinLimits: [],
  conflictOversizedPins: [],
  conflictCapacity: [],
  pinConflict: [{ systems: ["a"], date: D, conflict: MSG.conflictCapacity() }],
  pinnedNote: [{ systems: ["a"], date: D }],
  oversizedNote: [{ group: "g-a", systems: 12, dataGiB: 10420.5, limits: { maxSystems: 8, dataGiB: 2000 } }],
  oversizedWarning: [{ group: "g-a", members: ["a", "b", "c"], dataGiB: 10420, wave: 2 }],
  forcedOversizedWave: [{ wave: 3, groups: ["g-a", "g-c"], systems: ["a", "b", "c", "d"], dataGiB: 10457, maxSystems: 3, limit: 10058.2, consolidations: ["a → c", "d → b"] }],
  deferBeforeProcurement: [{ from: D }],
  deferCapacity: [{ shortage: MSG.shortage({ dimension: "cpu", need: 1200, have: 1000 }), from: D }],
  shortage: [{ dimension: "memory", need: 4096.5, have: 4000 }],
  deferPilot: [{ level: 4 }],
  deferGroupSize: [{ systems: 12, dataGiB: 3000 }],
  deferWaveFull: [{ maxSystems: 8, wave: 4 }],
  deferData: [{ limit: 2500.5, wave: 3 }],
  waveWasFull: [{ wave: 6, systems: 6, maxSystems: 8, dataGiB: 6395, limit: 10058.2 }],
  waveTakenByOversized: [{ wave: 2, group: { id: "g-a", name: "Hệ thống A", systems: ["a", "b", "c"] }, systems: 3, dataGiB: 10420 }],
  procurementReason: [{ wave: 3, start: D, cpu: 1600, memory: 8192, storage: 120000, headroomPct: 20, cores: 32, vcpus: 128, overcommit: 4, buyMemory: 512, buyStorage: 10240, by: "2026-12-18" }],
  needsProcurementNote: [{ by: "2026-12-18" }],
  pilotNote: [{ wave: 1, level: 4 }],
  unscheduledHeldBack: [{ notBefore: "2031-01-01", horizonEnd: "2030-12-31" }],
  unscheduledWaits: [{ provider: "g-a", horizonEnd: "2030-12-31" }],
  unscheduledNoRoom: [{ horizonEnd: "2030-12-31", why: frag }],
  unscheduledNoWindow: [{ horizonEnd: "2030-12-31" }],
  inWave: [{ wave: 4, start: D, end: "2026-12-20", together: { systems: ["a", "b"], reason: MSG.singleSystem() } }],
  pinnedInProfile: [{ date: D }],
  heldBackInProfile: [{ date: D }],
  pinNotHonoured: [{ conflict: MSG.conflictPinLimits() }],
  waitsForUnit: [{ unit: "g-a", wave: 2 }],
  notEarlier: [{ windowStart: D, why: frag }],
  readyFrom: [{ date: D }],
  pilotRisk: [{ risk: 213, level: 2 }],
  unscheduledReason: [{ reason: MSG.unscheduledNoWindow({ horizonEnd: "2030-12-31" }) }],
  retiredOn: [{ date: "2026-11-29" }],
  consumerBeforeProvider: [{ system: "a", wave: 2, provider: "b", providerWave: 3, coupling: "loose" }],
  splitsTotal: [{ count: 3 }],
  capacityInitial: [{ target: "dc-bn", headroomPct: 20, cpu: 1234, memory: 5678.5, storage: 123456, rackUnits: { used: 300, total: 420 }, powerWatts: { used: 40000, total: 64000 } }],
  capacityRelocated: [{ server: "bg-host-1", date: D }],
  capacityProcured: [{ cores: 32, memory: 512, storage: 10240, racks: 2, powerKw: 12.5 }],
  capacityFreed: [{ server: "bn-old-1", date: D }],
  targetGiven: [{ target: "dc-bn" }],
  targetProposed: [{ total: 81.25, freeCompute: 30, support: 12.5, pue: 15, wan: 15, critical: 8.75 }],
  targetSiteScore: [{ site: "dc-bn", total: 81.25, freeVcpus: 1200, supportedPct: 60, deadline: "2026-12-31", pue: 1.6, tslcdMbps: 1000, critical: 123.45 }],
  deadlinePassed: [{ deadline: "2026-12-31", start: "2027-01-05" }],
  tooFewWindows: [{ dimension: "systems", moving: 42, oversized: [{ group: { id: "g-vbdlis-bg", name: "Hệ thống VBDLIS", systems: ["vbdlis-bg", "vbdlis-bg-db", "vbdlis-bg-gis"] }, systems: 3, dataGiB: 10420 }], rest: 39, restWaves: 5, limit: 8, need: 6, windows: 4, days: 8, deadline: "2026-12-31" }],
  blockedDays: [{ count: 2, days: [{ date: "2026-09-02", why: MSG.publicHoliday({ name: "Quốc khánh (National Day)", nameVi: "Quốc khánh" }) }], more: true }],
  pinnedAfterDeadline: [{ systems: ["a"], date: "2027-01-09" }],
  heldBackChain: [{ systems: ["a"], date: "2027-01-09" }],
  chainWhere: [{ wave: 6, start: "2027-01-02" }],
  landsInDeferred: [{ unit: { id: "g-a", name: "Hệ thống A" }, systems: ["a"], dataGiB: 9400, where: MSG.chainWhere({ wave: 6, start: "2027-01-02" }), windowStart: "2026-12-26", why: frag }],
  landsInFilled: [{ unit: { id: "g-a", name: "Hệ thống A" }, systems: ["a"], where: MSG.chainWhere({}) }],
  chainWaits: [{ unit: { id: "g-a", name: "Hệ thống A", systems: ["a"] }, provider: { id: "g-b", name: "Hệ thống B", systems: ["b", "c"] }, hard: true, wave: undefined }],
  chainProcured: [{ wave: 5, by: "2027-01-01", cores: 32, memoryGiB: 512, storageGiB: 10240, racks: 1, powerKw: 4 }],
  notCutoverWeekday: [{ weekday: "mon" }],
  publicHoliday: [{ name: "Tết Nguyên Đán, day 2 (lunar New Year)", nameVi: "Tết Nguyên Đán, mùng 2" }],
  blackout: [{ from: D, to: "2026-12-20", reason: "khóa sổ cuối năm" }],
  standaloneSwitchedOff: [{ what: MSG.lastWorkloadLeaves({ date: D }), target: "dc-bn" }],
  standaloneNoSystem: [{ target: "dc-bn" }],
  standaloneKept: [{ systems: [{ id: "a", name: "Hệ thống A" }] }],
  systemRetained: [{ system: "a" }],
  systemUnscheduled: [{ system: "a" }],
  targetHost: [],
  targetStorage: [],
  targetNoSystem: [],
  targetRuns: [{ systems: ["a"] }],
  everySystemLeaves: [{ systems: [{ id: "a", disposition: "retire" }], freedOn: D }],
  stillRuns: [{ system: "a", why: MSG.systemRetained({ system: "a" }), site: "dc-bg" }],
  carriesHardwareBound: [{ system: "hsm", target: "dc-bn", wave: 3, start: D }],
  reuseVm: [{ systems: ["a"], target: "dc-bn", wave: 3 }],
  noSystemRuns: [],
  leavesWithoutSuccessor: [{ systems: [{ id: "a", disposition: "consolidate" }], freedOn: D }],
  noWorkload: [],
  lastWorkloadLeaves: [{ date: D }],
  hostRelocated: [{ what: MSG.lastWorkloadLeaves({ date: D }), supportEnds: "2030-06-30", target: "dc-bn", relocateOn: "2026-12-26", availableFrom: "2026-12-28" }],
  hostDecommissioned: [{ what: MSG.noWorkload(), why: MSG.supportTooSoon({ supportEnds: "2023-01-31" }) }],
  supportUnknown: [],
  supportTooSoon: [{ supportEnds: "2023-01-31" }],
  noWindowToMove: [],
  siteKeepsRunning: [{ site: "dc-bg", kind: "network" }],
  storageRelocated: [{ site: "dc-bg", freedOn: D, supportEnds: "2030-06-30", target: "dc-bn", relocateOn: "2026-12-26" }],
  siteEmpty: [{ site: "dc-bg", freedOn: D, storage: { supportEnds: undefined } }],
  rackSpaceWarning: [{ target: "dc-bn", rackUnits: 1000, racks: 20 }],
  powerWarning: [{ target: "dc-bn", kw: 120.5, powerKw: 100 }],
  noFootprintRoom: [],
  procurementFootprint: [{ wave: 3, start: D, rackUnits: 900, rackUnitsHave: 840, watts: 70000, wattsHave: 64000, headroomPct: 20, racks: 2, powerKw: 7.5, by: "2026-12-18" }],
  roadmapReplatform: [],
  roadmapExpandShared: [{ fn: "sso" }],
  roadmapConnectNational: [{ externals: [{ id: "csdl-dan-cu", name: "Cơ sở dữ liệu quốc gia về dân cư" }] }],
  roadmapOverdue: [{ due: "2022-09-30", start: "2027-01-01", by: "2027-01-05" }],
  roadmapLate: [{ due: "2027-01-12", by: "2027-03-05", effortPerQuarter: 40 }],
  nationalConnection: [{ system: { id: "lgsp-bn", name: "LGSP Bắc Ninh" }, externals: [{ id: "ndxp", name: "NDXP" }], takesOver: [{ id: "lgsp-bg", name: "LGSP Bắc Giang" }], due: "2026-12-31", on: "2026-12-20", wave: 4, met: true }],
  roadmapCloud: [{ level: 2 }],
  roadmapBigData: [{ dataGiB: 10420 }],
  roadmapAi: [{ users: 48000 }],
  roadmapHardwareRefresh: [{ supportEnds: "2029-03-31" }],
  roadmapOsUpgrade: [{ os: "Windows Server 2016", endOfSupport: "2027-01-12" }],
};

const ISO = /\b\d{4}-\d{2}-\d{2}\b/;

describe("message catalog", () => {
  for (const key of Object.keys(MSG) as (keyof typeof MSG)[]) {
    it(`${key} renders English and Vietnamese`, () => {
      const msg = (MSG[key] as (...a: unknown[]) => Message)(...(CASES[key] as unknown[]));
      expect(msg.en.trim()).not.toBe("");
      expect(msg.vi.trim()).not.toBe("");
      expect(msg.vi).not.toBe(msg.en);
      expect(msg.vi).toBe(msg.vi.normalize("NFC"));
      expect(msg.vi).not.toMatch(ISO);
      expect(`${msg.en} ${msg.vi}`).not.toMatch(/undefined|NaN|\[object/);
    });
  }

  it("formats Vietnamese dates and numbers", () => {
    expect(viDate("2026-12-31")).toBe("31/12/2026");
    expect(viNum(10420.5)).toBe("10.420,5");
    expect(viNum(1234567)).toBe("1.234.567");
    expect(MSG.oversizedWarning(CASES.oversizedWarning[0]).vi).toContain("10.420 GiB");
  });

  it("translates the inventory's move-group reasons and passes unknown text through", () => {
    expect(moveGroupReason("tight dependency a → b").en).toBe("tight dependency a → b");
    expect(moveGroupReason("tight dependency a → b").vi).toBe("a phụ thuộc chặt vào b");
    expect(moveGroupReason("share server s1: a, b").en).toBe("share server s1: a, b");
    expect(moveGroupReason("share server s1: a, b").vi).toBe("a, b dùng chung máy chủ s1");
    expect(moveGroupReason("something new")).toEqual({ en: "something new", vi: "something new" });
  });

  it("shows every entity by its name and keeps the ids in the contract text", () => {
    const names: RefNames = {
      system: (id) => ({ a: "Hệ thống A", b: "Hệ thống B", c: "Hệ thống C" })[id],
      site: (id) => (id === "dc-bn" ? "Trung tâm Bắc Ninh" : undefined),
      agency: () => undefined,
      external: () => undefined,
      groupSystems: (id) => ({ "g-a": ["a"], "g-ab": ["a", "b"] })[id],
    };
    const tight = MSG.tightDependency({ from: "a", to: "b" });
    expect(tight.en).toBe("tight dependency a → b");
    expect(resolveRefs(tight.shown!.vi, "vi", names)).toBe("Hệ thống A phụ thuộc chặt vào Hệ thống B");
    expect(resolveRefs(tight.shown!.en, "en", names)).toBe("tight dependency Hệ thống A → Hệ thống B");
    // the English people read is the contract text with each id by its name, so the plan need not store it
    expect(resolveIdsInEnglish(tight.en, names)).toBe(resolveRefs(tight.shown!.en, "en", names));
    // a group of one system is that system; of several, "the group of …"
    const waits = MSG.waitsForUnit({ unit: "g-ab", wave: 3 });
    expect(waits.en).toBe("waits for g-ab (wave 3)");
    expect(resolveRefs(waits.shown!.vi, "vi", names)).toBe("chờ nhóm gồm Hệ thống A; Hệ thống B (đợt 3)");
    expect(resolveIdsInEnglish(waits.en, names)).toBe("waits for the group of Hệ thống A, Hệ thống B (wave 3)");
    // a function and a setting in words
    expect(resolveRefs(MSG.roadmapExpandShared({ fn: "sso" }).shown!.vi, "vi", names)).toBe("dịch vụ đăng nhập tập trung (SSO) dùng chung của tỉnh: mở rộng cho mọi sở, ngành, xã, phường qua mạng TSLCD");
    expect(settingName("waveLimits.maxSystems", "vi")).toBe("số hệ thống tối đa mỗi đợt");
    // long lists are cut
    const many = MSG.targetRuns({ systems: ["a", "b", "c", "d", "e", "f", "g", "h"] });
    expect(many.en).toBe("at the target site and runs a, b, c, d, e, f, g, h");
    expect(resolveRefs(many.shown!.vi, "vi", names)).toBe("tại trung tâm giữ lại và đang chạy Hệ thống A; Hệ thống B; Hệ thống C; d; e và 3 hệ thống khác");
    expect(plainRefs(many.shown!.en)).toBe(many.en);
  });

  it("reads contract English the same through the plan's one look-up per word as through the look-ups one by one", () => {
    // Ids shared between kinds (a group, system, site, agency and external all called "a"), names
    // that are empty, words that are ids only in some sentences, quoted function ids, "group" before ids.
    const id = fc.constantFrom("a", "b", "c", "g-a", "dc-bn", "sso", "x1");
    const name = fc.option(fc.constantFrom("", "Hệ thống A", "Sở B", "Trạm C"), { nil: undefined });
    const entries = fc.array(fc.record({ id, name }), { maxLength: 5 });
    const lists = fc.record({ systems: fc.array(fc.record({ id, name: fc.constantFrom("Hệ thống A", "Hệ thống B", ""), function: fc.constantFrom("sso", "x1") }), { maxLength: 5 }), sites: entries, agencies: entries, externals: entries, groups: fc.array(fc.record({ id, systems: fc.array(id, { maxLength: 3 }) }), { maxLength: 3 }) });
    const word = fc.constantFrom("a", "b", "c", "g-a", "dc-bn", '"sso"', "x1", "group ", "move group ", "waits for ", " ", ", ", "→", "a.b", "-a", "(wave 3)");
    fc.assert(
      fc.property(lists, fc.array(word, { maxLength: 12 }), (plan, words) => {
        const text = words.join("");
        const fast = refNamesOf(plan as unknown as Parameters<typeof refNamesOf>[0]);
        const { englishToken: _, ...oneByOne } = fast;
        expect(resolveIdsInEnglish(text, fast)).toBe(resolveIdsInEnglish(text, oneByOne));
      }),
      { numRuns: 500 },
    );
  });

  for (const key of Object.keys(MSG) as (keyof typeof MSG)[]) {
    it(`${key}: the forms people read resolve completely`, () => {
      const msg = (MSG[key] as (...a: unknown[]) => Message)(...(CASES[key] as unknown[]));
      const none: RefNames = { system: () => undefined, site: () => undefined, agency: () => undefined, external: () => undefined, groupSystems: () => undefined };
      for (const t of [msg.en, msg.vi, resolveRefs(msg.shown?.vi ?? msg.vi, "vi", none), resolveRefs(msg.shown?.en ?? msg.en, "en", none)]) expect(t).not.toMatch(/[\uE000-\uE002]/);
      // without names, the Vietnamese people read is the Vietnamese with ids
      expect(resolveRefs(msg.shown?.vi ?? msg.vi, "vi", none).replace(/ và \d+ hệ thống khác/, "")).toBeTruthy();
    });
  }

  it("gives every message's Vietnamese with ids as its shown Vietnamese with the references by id (made when asked for), joined messages too", () => {
    const all = (Object.keys(MSG) as (keyof typeof MSG)[]).map((key) => (MSG[key] as (...a: unknown[]) => Message)(...(CASES[key] as unknown[])));
    const marked = all.filter((x) => x.shown !== undefined);
    expect(marked.length).toBeGreaterThan(20);
    for (const x of all) expect(x.vi).toBe(plainRefs(x.shown?.vi ?? x.vi));
    // Asked twice, the same text; a joined message's is its parts' joined.
    for (const x of marked) expect(x.vi).toBe(x.vi);
    const joined = joinMessages([marked[0], all.find((x) => x.shown === undefined)!, marked[1]], " | ");
    expect(joined.vi).toBe([marked[0].vi, all.find((x) => x.shown === undefined)!.vi, marked[1].vi].join(" | "));
    expect(joined.vi).toBe(plainRefs(joined.shown!.vi));
    expect(joinMessages([all.find((x) => x.shown === undefined)!, MSG.noWorkload()])).toEqual({ en: `${all.find((x) => x.shown === undefined)!.en}; no workload`, vi: `${all.find((x) => x.shown === undefined)!.vi}; không có tải` });
  });

  it("puts the forms people read in the plan's translations: vi for all, en where it differs", () => {
    const log = new MessageLog();
    const a = log.say(MSG.systemRetained({ system: "a" }));
    const b = log.say(MSG.noWorkload());
    const plan = {
      systems: [{ id: "a", name: "Hệ thống A", reasons: [a] }],
      waves: [],
      servers: [{ reasons: [b] }],
      capacity: [],
      procurement: [],
      unscheduled: [],
      deadline: { criticalChain: [] },
      violations: [],
      warnings: [],
      targetSiteReasons: [],
      groups: [],
      roadmap: [],
    };
    const h = log.say(MSG.unscheduledNoWindow({ horizonEnd: "2030-12-31" }));
    plan.servers.push({ reasons: [h] });
    expect(planTranslations(plan, log)).toEqual({
      vi: { "a is retained": "Hệ thống A được giữ nguyên", "no window left before horizonEnd 2030-12-31": "không còn khung chuyển đổi nào trước ngày kết thúc lộ trình 31/12/2030", "no workload": "không có tải" },
      // "a is retained" reads "Hệ thống A is retained" from the contract text itself: not stored
      en: { "no window left before horizonEnd 2030-12-31": "no window left before the end of the roadmap 2030-12-31" },
    });
  });

  it("logs what was said, keeping the English for the plan", () => {
    const log = new MessageLog();
    expect(log.say(MSG.retiredOn({ date: D }))).toBe(`switched off on ${D}, the end of the first cutover window`);
    expect(log.viOf(`switched off on ${D}, the end of the first cutover window`)).toBe("tắt vào ngày 19/12/2026, ngày cuối của khung chuyển đổi đầu tiên");
  });
});

describe("translations of the sample plan", () => {
  it("has a Vietnamese translation for every message string, keys sorted", async () => {
    const loaded = await loadInventory(new URL("../../inventory/sample", import.meta.url).pathname, { asOf: "2026-11-23", locateWarnings: false });
    const plan = Plan.parse(planMigration(loaded, {}, "2026-11-23"));
    const vi = plan.translations!.vi;
    // Walk the plan's message fields directly, not through planMessageStrings.
    const strings = [
      ...plan.systems.flatMap((s) => s.reasons),
      ...plan.servers.flatMap((s) => s.reasons),
      ...plan.waves.flatMap((w) => w.notes),
      ...plan.capacity.map((c) => c.reason),
      ...plan.procurement.map((p) => p.reason),
      ...plan.unscheduled.map((u) => u.reason),
      ...plan.deadline.criticalChain.map((c) => c.message),
      ...(plan.deadline.nationalConnections ?? []).map((c) => c.reason),
      ...plan.violations.map((v) => v.message),
      ...plan.warnings.map((v) => v.message),
      ...plan.targetSiteReasons,
      ...plan.groups.map((g) => g.reason),
      ...plan.roadmap.map((r) => r.reason),
    ];
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.filter((s) => vi[s] === undefined)).toEqual([]);
    expect(new Set(planMessageStrings(plan))).toEqual(new Set(strings));
    const keys = Object.keys(vi);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(keys.length).toBe(new Set(strings).size);
    for (const t of Object.values(vi)) {
      expect(t).toBe(t.normalize("NFC"));
      expect(t).not.toMatch(ISO);
    }
  });
});

describe("reference markers, scanned by hand", () => {
  const REF_RE = /\uE000([a-z-]+)\uE001([^\uE002]*)\uE002/g;
  const LISTS = new Set(["systems", "groups", "servers", "externals", "pair"]);
  const byRegex = (text: string): string => text.replace(REF_RE, (_, kind: string, payload: string) => (LISTS.has(kind) ? payload.split(",").join(", ") : payload));

  it("give what the regular expression gives for any text, well-formed or not", () => {
    const piece = fc.constantFrom("\uE000", "\uE001", "\uE002", "system", "systems", "servers", "groups", "externals", "pair", "pairs", "server", "group", "sites", "-", ",", "a", "Ấ", " ", "\uE000system\uE001sso\uE002", "\uE000systems\uE001a,b\uE002", "\uE000servers\uE001s1,s2,s3\uE002", "\uE000pair\uE001a → b,c\uE002", "\uE000externals\uE001x,y\uE002", "\uE000groups\uE001g,h\uE002", "\uE000serverz\uE001p,q\uE002", "\uE000site\uE001a,b\uE002");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(plainRefs(text)).toBe(byRegex(text));
      }),
      { numRuns: 4000, seed: 20261130 },
    );
  });
});
