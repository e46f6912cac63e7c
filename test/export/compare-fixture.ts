// Scenarios for the comparison tests: thirty systems at the closing site planned with three
// profiles — the profile as it is (deadline missed), six systems a wave, and Tuesdays too.
import type { Scenario } from "../../planner/export/compare.js";
import { planMigration } from "../../planner/plan.js";
import type { Profile } from "../../planner/profile-schema.js";
import { makeSite } from "../fixtures.js";
import { inventoryOf, loaded, sys } from "../planner/fixtures.js";

const base = inventoryOf(Array.from({ length: 30 }, (_, i) => sys(`s${String(i + 1).padStart(2, "0")}`, [], { name: `Dịch vụ công số ${i + 1}` })));
/** The inventory: dc-bg a colocation site, so the target is never in question. */
export const compareInventory = { ...base, sites: [base.sites[0], makeSite({ id: "dc-bg", name: "Phòng máy Bắc Giang", kind: "colocation" })] };

/** The three profiles, by scenario name. */
export const compareProfiles: Readonly<Record<string, Profile>> = {
  "hien-tai": { title: "Như hiện nay", targetSite: "dc-bn", waveLimits: { maxSystems: 4 } },
  "sau-he-thong": { title: "Sáu hệ thống mỗi đợt", targetSite: "dc-bn", waveLimits: { maxSystems: 6 } },
  "them-thu-ba": { title: "Thêm thứ Ba", targetSite: "dc-bn", waveLimits: { maxSystems: 4 }, windows: { weekdays: ["tue", "sat", "sun"] } },
};

/** The scenarios planned as of 2026-11-22. */
export function compareScenariosFixture(): Scenario[] {
  const input = loaded(compareInventory);
  return Object.entries(compareProfiles).map(([name, profile]) => ({ name, ...(profile.title !== undefined ? { title: profile.title } : {}), profile: `${name}.yaml`, plan: planMigration(input, profile, "2026-11-22") }));
}
