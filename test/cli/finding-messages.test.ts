// Every finding message the inventory, the planning profile, the price book, the plan file, the
// importers, the survey and a stack's configuration write (and every import note) has its Vietnamese twin
// (planner/cli/messages/findings.ts): read statically from their sources (so a message added in
// English alone fails here), and dynamically from bad inputs run through the CLI, whose
// Vietnamese lines are pinned.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import { FINDING_TWINS, findingMessageVi } from "../../planner/cli/messages/index.js";
import { captureIo, tempDir, writeTree } from "../fixtures.js";

const ROOT = join(__dirname, "..", "..");

/** Sources whose finding messages the catalogue translates. */
const SOURCES = [
  "inventory/schema.ts",
  "inventory/load.ts",
  "inventory/rules.ts",
  "inventory/yaml-source.ts",
  "planner/profile.ts",
  "planner/profile-schema.ts",
  "planner/read-plan.ts",
  "planner/cost/price-book.ts",
  "planner/cost/price-book-schema.ts",
  ...["assemble", "cells", "csv", "csv-sources", "dependencies", "mapping", "merge", "netbox", "rvtools", "workbook", "xlsx-read"].map((f) => `inventory/import/${f}.ts`),
  "survey/read.ts",
  "survey/run.ts",
  "stacks/config.ts",
  "stacks/render.ts",
];

/**
 * The message texts written as literals in `source`: the string after `message:` or `error:`, or
 * the last argument of the profile's `at(loaded, path, rule, …)`; `${suggest(…)}` (an optional
 * "did you mean") becomes nothing and every other `${…}` the value `x`.
 */
export function literalMessages(source: string): string[] {
  const out: string[] = [];
  source = source.replace(/^\s*(?:\/\/|\/?\*).*$/gm, ""); // comments are not messages
  const starts = /(?:\b(?:message|error):\s*|\bat\(loaded, \[[^\]]*\], "[^"]*",\s*)(["`])/g;
  for (const m of source.matchAll(starts)) {
    const quote = m[1];
    let i = m.index + m[0].length;
    let text = "";
    while (i < source.length && source[i] !== quote) {
      if (source[i] === "\\") {
        text += source[i + 1];
        i += 2;
      } else if (quote === "`" && source.startsWith("${", i)) {
        let depth = 1;
        let j = i + 2;
        while (depth > 0) {
          if (source[j] === "{") depth++;
          else if (source[j] === "}") depth--;
          j++;
        }
        text += source.slice(i + 2, j - 1).startsWith("suggest(") ? "" : "x";
        i = j;
      } else text += source[i++];
    }
    out.push(text);
  }
  return out;
}

describe("finding messages in Vietnamese", () => {
  it("reads the literal messages of a source, with their values as x", () => {
    expect(literalMessages('push({ message: `unknown "${key}"${suggest(key, k)}; expected ${k.join(", ")}` }); z.string({ error: "must be a string" })')).toEqual(['unknown "x"; expected x', "must be a string"]);
    expect(literalMessages('at(loaded, ["pins", i], "pin-duplicate", `system "${p}" is pinned twice`)')).toEqual(['system "x" is pinned twice']);
  });

  it("has a twin for every message those sources write", () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of SOURCES) {
      for (const message of literalMessages(readFileSync(join(ROOT, file), "utf8"))) {
        seen++;
        const known = FINDING_TWINS.some((twin) => findingMessageVi(twin.rules?.[0] ?? "any", message) !== undefined);
        if (!known) missing.push(`${file}: ${message}`);
      }
    }
    expect(seen).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });

  it("prints an invalid inventory's findings in Vietnamese, place and subject as they are", async () => {
    const dir = writeTree({
      "a.yaml": [
        "sites:",
        "  - { id: DC_BN, name: x, kind: datacenter }",
        "  - { id: dc-bg, name: y, kind: cloudy, pue: 0.5 }",
        "agencies:",
        "  - { id: so-tt, name: Sở, kind: department, ownr: x }",
        "servers:",
        "  - { id: h1, site: dc-xx, kind: physical, cpuCores: 2 }",
        "  - { id: vm1, site: dc-bg, kind: virtual, cpuCores: 2, memoryGiB: 4, hostedOn: vm1 }",
        "systems:",
        "  - { id: s1, name: S, owner: so-tt, function: f, securityLevel: 7, servers: [h1], dependsOn: [{ target: s1, coupling: tight }] }",
        "  - { id: s1, name: S2, owner: so-tt, function: f, securityLevel: 2, servers: [] }",
        "sitez: []",
      ].join("\n"),
    });
    const vi = captureIo("2026-11-22", { lang: "vi" });
    expect(await run(["validate", "--inventory", dir], vi)).toBe(2);
    expect(vi.err.split(dir).join("INV")).toMatchInlineSnapshot(`
      "INV/a.yaml:2:11: DC_BN id: phải là nhãn DNS-1123: chữ thường, chữ số và '-', dài 1–63 ký tự, bắt đầu và kết thúc bằng chữ hoặc số (nhận được "DC_BN")
      INV/a.yaml:3:33: dc-bg kind: phải là một trong "datacenter", "cloud", "colocation" (nhận được "cloudy")
      INV/a.yaml:3:46: dc-bg pue: phải ≥ 1 (nhận được 0.5)
      INV/a.yaml:5:46: so-tt ownr: trường "ownr" không có trong định dạng
      INV/a.yaml:7:5: h1 memoryGiB: là bắt buộc với máy chủ vật lý
      INV/a.yaml:7:21: h1 site: địa điểm "dc-xx" không tồn tại (cần mã của một địa điểm)
      INV/a.yaml:8:81: vm1 hostedOn: máy ảo không thể chạy trên chính nó
      INV/a.yaml:10:66: s1 securityLevel: phải là cấp độ an toàn thông tin 1–5 (nhận được 7)
      INV/a.yaml:10:106: s1 dependsOn[0].target: hệ thống không thể phụ thuộc vào chính nó
      INV/a.yaml:11:11: s1 id: mã "s1" bị trùng (mã là duy nhất trong toàn bộ dữ liệu kiểm kê); hệ thống này trùng với hệ thống đã khai báo tại INV/a.yaml:10:11
      INV/a.yaml:12:1: khoá cấp cao nhất "sitez" không hợp lệ (có phải là "sites"?); cần một trong sites, agencies, servers, systems, externals
      "
    `);
    const en = captureIo("2026-11-22", { lang: "en" });
    expect(await run(["validate", "--inventory", dir], en)).toBe(2);
    expect(en.err.split(dir).join("INV")).toMatchInlineSnapshot(`
      "INV/a.yaml:2:11: DC_BN id: must be a DNS-1123 label: lowercase letters, digits and '-', 1–63 characters, starting and ending with a letter or digit (got "DC_BN")
      INV/a.yaml:3:33: dc-bg kind: must be one of "datacenter", "cloud", "colocation" (got "cloudy")
      INV/a.yaml:3:46: dc-bg pue: must be ≥ 1 (got 0.5)
      INV/a.yaml:5:46: so-tt ownr: unknown field "ownr"
      INV/a.yaml:7:5: h1 memoryGiB: is required for a physical server
      INV/a.yaml:7:21: h1 site: site "dc-xx" does not exist (expected the id of a site)
      INV/a.yaml:8:81: vm1 hostedOn: a VM cannot be hosted on itself
      INV/a.yaml:10:66: s1 securityLevel: must be a security level 1–5 (got 7)
      INV/a.yaml:10:106: s1 dependsOn[0].target: a system cannot depend on itself
      INV/a.yaml:11:11: s1 id: duplicate id "s1" (ids are unique across all entity kinds); this system repeats the system defined at INV/a.yaml:10:11
      INV/a.yaml:12:1: unknown top-level key "sitez" (did you mean "sites"?); expected sites, agencies, servers, systems, externals
      "
    `);
  });

  it("prints a bad profile's findings in Vietnamese", async () => {
    const dir = tempDir();
    const profile = join(writeTree({ "p.yaml": "deadline: 2026-02-30\nwaveLimits: { maxSystem: 3 }\nheadroomPct: 120\npins:\n  - { system: nope, date: 2026-12-05 }\n  - { system: qlvb-bn }\nblackouts:\n  - { from: 2026-12-10, to: 2026-12-01, reason: x }\n" }, dir), "p.yaml");
    const vi = captureIo("2026-11-22", { lang: "vi" });
    expect(await run(["validate", "--profile", profile], vi)).toBe(2);
    expect(vi.err.split(dir).join("DIR")).toMatchInlineSnapshot(`
      "DIR/p.yaml:1:11: deadline: phải là một ngày có thật dạng YYYY-MM-DD
      DIR/p.yaml:2:15: waveLimits.maxSystem: trường "maxSystem" không có trong định dạng (có phải là "maxSystems"?)
      DIR/p.yaml:3:14: headroomPct: phải nhỏ hơn 100
      DIR/p.yaml:6:5: pins[1]: mỗi mục cố định ngày cần đúng một trong hai trường "date" hoặc "notBefore"
      "
    `);
  });
});

describe("more findings in Vietnamese: the price book, the plan file, an import", () => {
  it("prints a bad price book's, a bad plan file's and a bad CSV import's findings in Vietnamese", async () => {
    const dir = writeTree({
      "prices.yaml": "currency: VND\ndiscountRatePct: 120\nlabour: { engineerDays: 200000 }\nbogus: 1\n",
      "plan.json": '{ "schemaVersion": 1, ',
      "servers.csv": "\uFEFF*Server name,*Cores,*Memory (In MB),*OS name,Server type\nbn-a,,4096,Ubuntu,Virtual\nbn-b,4,4096,Ubuntu,Container\n",
      "deps.csv": "source,target,port,protocol,coupling\nbn-a,ndxp,443,tcp,tite\n",
    });
    const said: string[] = [];
    for (const argv of [
      ["plan", "--prices", join(dir, "prices.yaml"), "--as-of", "2026-11-22"],
      ["export", "--plan", join(dir, "plan.json"), "--format", "html", "--out", join(dir, "r.html")],
      ["import", "--from", "csv", join(dir, "servers.csv"), join(dir, "deps.csv"), "--site", "dc-bn", "--out", join(dir, "inv"), "--inventory", "inventory/sample", "--dry-run"],
    ]) {
      const io = captureIo("2026-11-22", { lang: "vi" });
      expect(await run(argv, io), argv.join(" ")).toBe(2);
      said.push(io.err.split(dir).join("DIR"));
    }
    expect(said.join("")).toMatchInlineSnapshot(`
      "DIR/prices.yaml:2:18: discountRatePct: không được quá 100
      DIR/prices.yaml:3:11: labour.engineerDays: trường "engineerDays" không có trong định dạng
      DIR/prices.yaml:4:1: bogus: trường "bogus" không có trong định dạng
      DIR/plan.json:1:23: không phải JSON hợp lệ: Expected double-quoted property name
      DIR/deps.csv:2:19: bn-a coupling: phải là tight (chặt) hoặc loose (lỏng) (nhận được "tite")
      DIR/servers.csv:2:1: bn-a Host: máy ảo cần ghi máy chủ vật lý mà nó chạy trên đó: thêm cột "Host", hoặc đặt hosts.default trong tệp ánh xạ
      DIR/servers.csv:2:6: bn-a Cores: trống: số lõi CPU là bắt buộc
      DIR/servers.csv:3:20: bn-b Server type: phải là Virtual (máy ảo) hoặc Physical (máy vật lý) (nhận được "Container")
      "
    `);
  });
});

describe("the import's notes in Vietnamese", () => {
  it("says in Vietnamese which dependency it did not import", async () => {
    const dir = writeTree({
      "s.csv": "\uFEFF*Server name,*Cores,*Memory (In MB),*OS name,Server type\nbn-sa-x1,4,4096,Ubuntu,Physical\n",
      "d.csv": "source,target,port,protocol,coupling\nbn-sa-x1,nowhere-sys,443,tcp,\n",
    });
    const vi = captureIo("2026-11-22", { lang: "vi" });
    expect(await run(["import", "--from", "csv", join(dir, "s.csv"), join(dir, "d.csv"), "--site", "dc-bn", "--out", join(dir, "inv"), "--inventory", "inventory/sample", "--dry-run"], vi)).toBe(0);
    expect(vi.out.split("\n").slice(-3).join("\n")).toMatchInlineSnapshot(`
      "các dòng phụ thuộc không nhập được (1):
        không nhập quan hệ phụ thuộc bn-sa-x1 → nowhere-sys: "bn-sa-x1" không phải hệ thống, hệ thống bên ngoài hay máy chủ mà một hệ thống liệt kê
      "
    `);
  });
});

describe("the price book's own messages in Vietnamese", () => {
  it("says what currency and unit a price takes", async () => {
    const dir = writeTree({ "prices.yaml": "currency: EUR\nelectricity: { amount: -2300, unit: kWh, quoted: 2026-09-01 }\n" });
    const io = captureIo("2026-11-22", { lang: "vi" });
    expect(await run(["plan", "--as-of", "2026-11-22", "--prices", join(dir, "prices.yaml")], io)).toBe(2);
    expect(io.err.split(dir).join("DIR")).toMatchInlineSnapshot(`
      "DIR/prices.yaml:1:11: currency: phải là VND (mọi số tiền tính bằng đồng), nhận được "EUR"
      DIR/prices.yaml:2:24: electricity.amount: phải ≥ 0 (giá không thể âm)
      DIR/prices.yaml:2:37: electricity.unit: đơn vị "kWh" không hợp lệ: giá này tính theo kwh
      "
    `);
  });
});
