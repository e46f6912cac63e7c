// The recovery point a cron schedule guarantees: the longest gap between two runs.
import { describe, expect, it } from "vitest";
import { BACKUP_TABLE } from "../../policies/backup-table.js";
import { maxGapHours } from "../../policies/cron.js";

describe("maxGapHours", () => {
  it("gives the backup table's intervals: daily 24 h, every 6 hours 6 h", () => {
    expect(BACKUP_TABLE.map((t) => maxGapHours([t.cron]))).toEqual([24, 24, 6]);
  });
  it("takes the worst gap, not the average", () => {
    expect(maxGapHours(["0 1,3 * * *"])).toBe(22);
    expect(maxGapHours(["0 1 * * 1-5"])).toBe(72); // Friday 01:00 to Monday 01:00
    expect(maxGapHours(["30 2 1 * *"])).toBe(31 * 24);
  });
  it("combines several schedules", () => expect(maxGapHours(["0 1 * * *", "0 13 * * *"])).toBe(12));
  it("matches a day on either day field when both are restricted, as cron does", () => {
    expect(maxGapHours(["0 0 1 * 0"])).toBeLessThanOrEqual(7 * 24); // every Sunday and every 1st
    expect(maxGapHours(["0 0 1 * *"])).toBe(31 * 24);
  });
  it("is infinite for a schedule that never runs", () => expect(maxGapHours(["0 0 30 2 *"])).toBe(Infinity));
  it("handles steps and ranges", () => {
    expect(maxGapHours(["*/15 * * * *"])).toBe(0.25);
    expect(maxGapHours(["5/20 8-17 * * *"])).toBe(14 + 20 / 60); // 17:45 to 08:05
  });
});
