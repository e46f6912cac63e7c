// Per-agency plans: the verdict speaks of the agency's own share and is true — an agency with
// nothing to move says so (never a green "met" with a date after the deadline), an agency whose
// systems all cut over in time is met with its own last date, a late one counts its own late systems.
import { beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { agencySummaryTable, agencyVerdict, ownersOf, planForOwner, renderByOwner } from "../../planner/export/by-owner.js";
import { planMigration } from "../../planner/plan.js";
import { Plan } from "../../planner/plan-schema.js";
import { loadProfile } from "../../planner/profile.js";
import { makeFixturePlan } from "./fixture-plan.js";

const DATE = /(\d{2})\/(\d{2})\/(\d{4})/g;
const iso = (d: string) => d.replace(/(\d{2})\/(\d{2})\/(\d{4})/, "$3-$2-$1");

describe("agencyVerdict", () => {
  const plan = makeFixturePlan();

  it("an agency with nothing to move says so, with no date after the deadline", () => {
    const v = agencyVerdict(planForOwner(plan, "xa-tan-yen"), "vi");
    expect(v.tone).toBe("none");
    expect(v.text).toBe("KHÔNG CÓ HỆ THỐNG PHẢI CHUYỂN: 1 hệ thống của cơ quan giữ nguyên hoặc dừng hoạt động, không thuộc đợt chuyển đổi nào.");
    expect(agencyVerdict(planForOwner(plan, "xa-tan-yen"), "en").text).toBe("NOTHING TO MOVE: the agency's 1 systems are retained or retired where they are, in no cutover wave.");
  });

  it("an agency whose moving systems all cut over in time is met, with its own last wave", () => {
    const v = agencyVerdict(planForOwner(plan, "vp-ubnd"), "vi");
    expect(v).toEqual({ tone: "met", text: "ĐẠT: 2 hệ thống của cơ quan chuyển xong trước hạn 31/12/2026 (đợt chuyển đổi cuối của cơ quan kết thúc ngày 06/12/2026)." });
  });

  it("a late agency counts its own late systems", () => {
    expect(agencyVerdict(planForOwner(plan, "so-tai-chinh"), "vi")).toEqual({
      tone: "not-met",
      text: "KHÔNG ĐẠT: 1/2 hệ thống phải chuyển của cơ quan trễ hạn 31/12/2026; đợt chuyển đổi cuối của cơ quan kết thúc ngày 17/01/2027.",
    });
    // an unscheduled system has no last wave to name
    expect(agencyVerdict(planForOwner(plan, "so-nnmt"), "vi").text).toBe("KHÔNG ĐẠT: 1/1 hệ thống phải chuyển của cơ quan trễ hạn 31/12/2026; có hệ thống chưa xếp được đợt chuyển đổi.");
  });

  it("opens the agency's workbook with its verdict and counts", () => {
    const t = agencySummaryTable(planForOwner(plan, "so-khcn"), "vi");
    expect(t.rows.map((r) => r[0])).toEqual(["Kết luận thời hạn", "Hệ thống thông tin", "Hệ thống phải chuyển", "Hệ thống trễ hạn", "Máy chủ", "Máy chủ thanh lý", "Ngày thanh lý máy chủ cuối cùng"]);
    expect(t.rows.map((r) => r[1]).slice(1)).toEqual([4, 2, 0, 6, 3, "2027-02-16"]);
    // nothing decommissioned: no last date
    expect(agencySummaryTable(planForOwner(plan, "so-tai-chinh"), "vi").rows.map((r) => r[0])).not.toContain("Ngày thanh lý máy chủ cuối cùng");
  });
});

describe("the per-agency plans of the sample", () => {
  let plan: Plan;
  beforeAll(async () => {
    const loaded = await loadInventory(new URL("../../inventory/sample", import.meta.url).pathname, { asOf: "2026-11-30", locateWarnings: false });
    const { profile } = loadProfile(new URL("../../planner/sample/profile.yaml", import.meta.url).pathname);
    plan = Plan.parse(planMigration(loaded, profile, "2026-11-30"));
  });

  it("state a verdict that never contradicts its own dates", async () => {
    const files = await renderByOwner({ plan, lang: "vi" }, "html");
    expect(files).toHaveLength(ownersOf(plan).length);
    const tones = new Map<string, number>();
    for (const f of files) {
      const agency = f.name.replace(/\.html$/, "");
      const part = planForOwner(plan, agency);
      const verdict = /<p class="verdict ([a-z-]+)" data-figure="verdict">([^<]*)<\/p>/.exec(f.content as string);
      expect(verdict, f.name).not.toBeNull();
      const [, tone, text] = verdict!;
      tones.set(tone, (tones.get(tone) ?? 0) + 1);
      const moving = part.systems.filter((s) => s.wave !== undefined || part.unscheduled.some((u) => u.system === s.id));
      const late = moving.filter((s) => plan.deadline.late.includes(s.id));
      if (moving.length === 0) {
        expect(tone, f.name).toBe("none");
        expect(text, f.name).toMatch(/^KHÔNG CÓ HỆ THỐNG PHẢI CHUYỂN/);
      } else if (late.length === 0) {
        expect(tone, f.name).toBe("met");
        // a "met" verdict's dates are all on or before the deadline
        for (const d of text.match(DATE) ?? []) expect(iso(d) <= plan.deadline.date, `${f.name}: ${text}`).toBe(true);
      } else {
        expect(tone, f.name).toBe("not-met");
        expect(text, f.name).toContain(`KHÔNG ĐẠT: ${late.length}/${moving.length} hệ thống`);
      }
    }
    // the sample has all three kinds of agency
    expect([...tones.keys()].sort()).toEqual(["met", "none", "not-met"]);
  });
});
