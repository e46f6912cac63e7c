// Appending facts to a progress file's text: everything already there stays byte for byte
// (comments, order, spacing, quoting), new entries follow the list's style, a second identical
// append changes nothing.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { appendFacts, type FactsToRecord, NEW_FILE_HEADER, placeAppendFinding } from "../../../planner/progress/append.js";

const FILE = `# Tiến độ hợp nhất — ghi sau mỗi cuối tuần
schemaVersion: 1
cutovers:
  # đợt thí điểm
  - start: 2026-11-28    # thứ Bảy
    end: 2026-11-29
    systems:
      - system: web-xa-bg
        result: failed
        reason: 'tên miền chưa trỏ lại'   # quoted with single quotes on purpose
      - { system: loa-p-chu,   result: done }
retirements:
  - { system: du-lich-bg, on: 2026-11-29 }
# servers come later
`;

const WEEKEND: FactsToRecord = {
  window: { start: "2026-12-05", end: "2026-12-06" },
  systems: [
    { system: "portal-bg", result: "done" },
    { system: "lgsp-bg", result: "failed", reason: "replication lag; rolled back to dc-bg" },
  ],
  retirements: [{ system: "ca-tin-bao", on: "2026-12-01" }],
  servers: [{ server: "bg-srv-12", decommissionedOn: "2026-12-06" }],
};

describe("appendFacts", () => {
  it("keeps every byte that was there and adds the facts after it", () => {
    const r = appendFacts(FILE, WEEKEND);
    expect(r.text).toBe(`# Tiến độ hợp nhất — ghi sau mỗi cuối tuần
schemaVersion: 1
cutovers:
  # đợt thí điểm
  - start: 2026-11-28    # thứ Bảy
    end: 2026-11-29
    systems:
      - system: web-xa-bg
        result: failed
        reason: 'tên miền chưa trỏ lại'   # quoted with single quotes on purpose
      - { system: loa-p-chu,   result: done }
  - start: 2026-12-05
    end: 2026-12-06
    systems:
      - { system: portal-bg, result: done }
      - { system: lgsp-bg, result: failed, reason: "replication lag; rolled back to dc-bg" }
retirements:
  - { system: du-lich-bg, on: 2026-11-29 }
  - { system: ca-tin-bao, on: 2026-12-01 }
servers:
  - { server: bg-srv-12, decommissionedOn: 2026-12-06 }
# servers come later
`);
    expect(r.added).toEqual(["portal-bg done in 2026-12-05..2026-12-06", "lgsp-bg failed in 2026-12-05..2026-12-06 (replication lag; rolled back to dc-bg)", "ca-tin-bao retired on 2026-12-01", "bg-srv-12 decommissioned on 2026-12-06"]);
    // Every original line is still there, in order.
    const lines = r.text.split("\n");
    let i = 0;
    for (const l of FILE.split("\n")) {
      while (i < lines.length && lines[i] !== l) i++;
      expect(i).toBeLessThan(lines.length);
    }
  });

  it("is idempotent: the same facts a second time add nothing", () => {
    const once = appendFacts(FILE, WEEKEND);
    const twice = appendFacts(once.text, WEEKEND);
    expect(twice.text).toBe(once.text);
    expect(twice.added).toEqual([]);
    expect(twice.already).toHaveLength(4);
  });

  it("adds to an existing window, skipping what it already holds", () => {
    const r = appendFacts(FILE, { window: { start: "2026-11-28", end: "2026-11-29" }, systems: [{ system: "loa-p-chu", result: "done" }, { system: "sms-gateway-bg", result: "done" }], retirements: [], servers: [] });
    expect(r.added).toEqual(["sms-gateway-bg done in 2026-11-28..2026-11-29"]);
    expect(r.already).toEqual(["loa-p-chu done in 2026-11-28..2026-11-29"]);
    expect(r.text).toContain("      - { system: loa-p-chu,   result: done }\n      - { system: sms-gateway-bg, result: done }\n");
    expect(parse(r.text).cutovers).toHaveLength(1);
  });

  it("a different reason for the same failure is a new fact (the checker then refuses it)", () => {
    const r = appendFacts(FILE, { window: { start: "2026-11-28", end: "2026-11-29" }, systems: [{ system: "web-xa-bg", result: "failed", reason: "other" }], retirements: [], servers: [] });
    expect(r.added).toHaveLength(1);
  });

  it("creates a file, block style by default", () => {
    const r = appendFacts(undefined, WEEKEND);
    expect(r.text).toBe(`${NEW_FILE_HEADER}cutovers:
  - start: 2026-12-05
    end: 2026-12-06
    systems:
      - system: portal-bg
        result: done
      - system: lgsp-bg
        result: failed
        reason: "replication lag; rolled back to dc-bg"
retirements:
  - { system: ca-tin-bao, on: 2026-12-01 }
servers:
  - { server: bg-srv-12, decommissionedOn: 2026-12-06 }
`);
    expect(parse(r.text)).toEqual({ schemaVersion: 1, cutovers: [{ start: "2026-12-05", end: "2026-12-06", systems: [{ system: "portal-bg", result: "done" }, { system: "lgsp-bg", result: "failed", reason: "replication lag; rolled back to dc-bg" }] }], retirements: [{ system: "ca-tin-bao", on: "2026-12-01" }], servers: [{ server: "bg-srv-12", decommissionedOn: "2026-12-06" }] });
  });

  it("turns empty lists into block lists and keeps their comments", () => {
    const r = appendFacts("schemaVersion: 1\ncutovers: []   # none yet\nretirements:\nservers: ~\n", WEEKEND);
    expect(r.text.split("\n").slice(0, 3)).toEqual(["schemaVersion: 1", "cutovers:   # none yet", "  - start: 2026-12-05"]);
    expect(parse(r.text).retirements).toEqual([{ system: "ca-tin-bao", on: "2026-12-01" }]);
    expect(parse(r.text).servers).toHaveLength(1);
  });

  it("tells findings on the appended lines from findings on the file's own lines", () => {
    const r = appendFacts(FILE, { window: { start: "2026-11-28", end: "2026-11-29" }, systems: [{ system: "ghost", result: "done" }], retirements: [], servers: [] });
    const newLine = r.text.split("\n").findIndex((l) => l.includes("ghost")) + 1;
    expect(placeAppendFinding({ file: "p.yaml", line: newLine, col: 17 }, r, "dcplan record")).toEqual({ file: "dcplan record" });
    // The retirement's line moved down by one; its finding is put back on its line in the file as it is.
    const retired = FILE.split("\n").findIndex((l) => l.includes("du-lich-bg")) + 1;
    expect(placeAppendFinding({ file: "p.yaml", line: retired + 1, col: 5 }, r, "dcplan record")).toEqual({ file: "p.yaml", line: retired, col: 5 });
  });
});
