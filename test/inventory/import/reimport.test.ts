// Re-import merges, never overwrites. Property (fixed seeds): import an RVTools estate, edit the
// file by hand (a system with dependencies and a disposition, comments above and inside servers,
// x- keys, tags, a support date), change the source (sizes, power, hosts, VMs gone and new),
// import again → every hand-written line is still there byte for byte and in order, the systems
// section is unchanged, every non-measured field is as the person left it, every measured fact
// is the new source's, vanished VMs are kept and listed, new ones added, and the inventory
// validates. Also: the diff printed before writing, and --dry-run writing nothing.
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRvtools, type RvtoolsEstate, type VmRecord, writeRvtoolsWorkbook } from "../../../bench/rvtools-workbook.js";
import { slugId } from "../../../inventory/import/ids.js";
import { diffLines } from "../../../inventory/import/line-diff.js";
import { MEASURED_FIELDS } from "../../../inventory/import/merge.js";
import { loadInventorySync } from "../../../inventory/load.js";
import { tempDir } from "../../fixtures.js";
import { baseInventory, dcplanImport, serversOf, tempFile } from "./helpers.js";

interface Edits {
  /** VMs (indexes) that get a person's comment above them. */
  readonly commentAbove: number[];
  /** VMs that get an x-note and tags. */
  readonly annotated: number[];
  /** VMs listed by the hand-written system. */
  readonly inSystem: number[];
}

interface Change {
  /** VMs (indexes) whose size and power change. */
  readonly resized: number[];
  /** VMs removed from the source. */
  readonly removed: number[];
  /** New VMs added to the source. */
  readonly added: number;
  /** VMs moved to another host (vMotion). */
  readonly moved: number[];
}

const SYSTEM_BLOCK = (servers: string[]) => `
systems:
  # Hệ thống thông tin bệnh viện — khai báo bằng tay, đừng xóa (Sở Y tế, 11/2026)
  - id: his-bn
    name: Hệ thống thông tin bệnh viện (HIS)
    owner: so-yte
    function: hospital-information
    securityLevel: 3
    servers: [${servers.join(", ")}]
    dependsOn:
      - { target: ndxp, coupling: loose, port: 443 }   # liên thông NDXP
    disposition: rehost
    x-decision: "Công văn 123/SYT-KHTC ngày 15/11/2026"
`;

/** Applies hand edits to the first import's text; returns the new text and the lines a person wrote. */
function handEdit(text: string, estate: RvtoolsEstate, e: Edits): { text: string; written: string[] } {
  let out = text;
  const written: string[] = [];
  for (const i of e.commentAbove) {
    const id = slugId(estate.vms[i].name);
    const line = `  # Ghi chú của anh Nam: ${id} chạy cổng thanh toán, hỏi trước khi tắt`;
    out = out.replace(new RegExp(`(\\n)(  # source: [^\\n]*\\n  - id: ${id}\\n)`), `$1${line}\n$2`);
    const inner = `    # RAM tăng tạm thời đợt cao điểm, xem lại tháng 1`;
    out = out.replace(new RegExp(`(\\n  - id: ${id}\\n    site: dc-bn\\n)`), `$1${inner}\n`);
    written.push(line, inner);
  }
  for (const i of e.annotated) {
    const id = slugId(estate.vms[i].name);
    const block = new RegExp(`(\\n  - id: ${id}\\n(?:    [^\\n]*\\n)*?    x-source: [^\\n]*\\n)`);
    const extra = `    tags: [prod, "thanh-toan"]\n    x-note: 'Chủ hệ thống: phòng CNTT — "đừng đổi IP"'\n`;
    out = out.replace(block, `$1${extra}`);
    written.push(...extra.trimEnd().split("\n"));
  }
  const host = `    supportEnds: "2027-03-31"   # hợp đồng bảo hành mở rộng`;
  out = out.replace(/(\n  - id: esx001\n(?:    [^\n]*\n)*?    x-source: [^\n]*\n)/, `$1${host}\n`);
  written.push(host);
  const system = SYSTEM_BLOCK(e.inSystem.map((i) => slugId(estate.vms[i].name)));
  out += system;
  written.push(...system.split("\n").filter((l) => l !== ""));
  const mine = new Set(written);
  return { text: out, written: out.split("\n").filter((l) => mine.has(l)) };
}

function changeSource(estate: RvtoolsEstate, c: Change): RvtoolsEstate {
  const removed = new Set(c.removed);
  const vms: VmRecord[] = estate.vms
    .map((vm, i) => {
      let v = vm;
      if (c.resized.includes(i)) v = { ...v, cpus: v.cpus * 2, memoryMiB: v.memoryMiB + 4096, provisionedMiB: v.provisionedMiB + 102400, power: v.power === "poweredOn" ? "poweredOff" : "poweredOn" };
      if (c.moved.includes(i)) v = { ...v, host: estate.hosts[(estate.hosts.findIndex((h) => h.name === v.host) + 1) % estate.hosts.length].name };
      return v;
    })
    .filter((_, i) => !removed.has(i));
  for (let k = 0; k < c.added; k++) vms.push({ ...estate.vms[0], name: `bn-new-vm-${k}`, uuid: `new-${k}`, cpus: 4 });
  const names = new Set(vms.map((v) => v.name));
  return { ...estate, vms, nics: estate.nics?.filter((n) => names.has(n.vm)), partitions: estate.partitions?.filter((p) => names.has(p.vm)) };
}

/** True when `lines` occur in `text` in this order, each as a whole line. */
function inOrder(text: string, lines: readonly string[]): boolean {
  const all = text.split("\n");
  let at = 0;
  for (const l of lines) {
    const i = all.indexOf(l, at);
    if (i < 0) return false;
    at = i + 1;
  }
  return true;
}

const indexes = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 });

describe("re-import", () => {
  it("keeps every hand edit byte for byte and changes only measured facts (property, fixed seed)", async () => {
    const N = 12;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.record({ commentAbove: indexes(N), annotated: indexes(N), inSystem: fc.uniqueArray(fc.integer({ min: 0, max: N - 1 }), { minLength: 1, maxLength: 4 }) }),
        fc.record({ resized: indexes(N), removed: indexes(N), added: fc.integer({ min: 0, max: 3 }), moved: indexes(N) }),
        async (seed, edits, change) => {
          const estate = generateRvtools(N, seed, undefined, undefined, 4);
          const inv = baseInventory();
          const first = tempFile("vc.xlsx");
          await writeRvtoolsWorkbook(first, estate);
          expect((await dcplanImport([first, "--from", "rvtools", "--site", "dc-bn", "--out", inv])).status).toBe(0);
          const file = join(inv, "rvtools-dc-bn.yaml");
          const { text: edited, written } = handEdit(readFileSync(file, "utf8"), estate, edits);
          writeFileSync(file, edited);
          const beforeServers = serversOf(file);
          const systemsBefore = edited.slice(edited.indexOf("\nsystems:"));

          const next = changeSource(estate, change);
          const second = tempFile("vc.xlsx");
          await writeRvtoolsWorkbook(second, next);
          const r = await dcplanImport([second, "--from", "rvtools", "--site", "dc-bn", "--out", inv]);
          expect(r.err).toBe("");
          expect(r.status).toBe(0);
          const after = readFileSync(file, "utf8");

          expect(inOrder(after, written)).toBe(true);
          expect(after.slice(after.indexOf("\nsystems:"))).toBe(systemsBefore);
          const afterServers = serversOf(file);
          const freshInv = baseInventory();
          expect((await dcplanImport([second, "--from", "rvtools", "--site", "dc-bn", "--out", freshInv])).status).toBe(0);
          const fresh = serversOf(join(freshInv, "rvtools-dc-bn.yaml"));
          for (const [id, before] of beforeServers) {
            const now = afterServers.get(id)!;
            expect(now, id).toBeDefined();
            const src = fresh.get(id);
            for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) {
              const measured = MEASURED_FIELDS.some((f) => f.split(".")[0] === key);
              if (!measured || !src) expect(now[key], `${id} ${key}`).toEqual(before[key]);
              else if (key === "usage" || key === "os") {
                const n = now[key] as Record<string, unknown>;
                const b = (before[key] ?? {}) as Record<string, unknown>;
                const f = (src[key] ?? {}) as Record<string, unknown>;
                for (const sub of new Set([...Object.keys(n), ...Object.keys(b), ...Object.keys(f)])) expect(n[sub], `${id} ${key}.${sub}`).toEqual(sub in f ? f[sub] : b[sub]);
              } else expect(now[key], `${id} ${key}`).toEqual(src[key] ?? before[key]);
            }
          }
          for (const [id] of fresh) expect(afterServers.has(id), id).toBe(true);
          const removedIds = change.removed.map((i) => slugId(estate.vms[i].name));
          if (removedIds.length > 0) expect(r.out).toContain(`vanished from the source (${removedIds.length};`);
          for (const id of removedIds) expect(r.out).toContain(`  ${id}`);
          loadInventorySync(inv, { asOf: "2026-11-30" });
        },
      ),
      { seed: 1207, numRuns: 12 },
    );
  });

  it("prints the diff before writing, and writes nothing with --dry-run", async () => {
    const estate = generateRvtools(4, 5);
    const inv = baseInventory();
    const first = tempFile("vc.xlsx");
    await writeRvtoolsWorkbook(first, estate);
    await dcplanImport([first, "--from", "rvtools", "--site", "dc-bn", "--out", inv]);
    const file = join(inv, "rvtools-dc-bn.yaml");
    const before = readFileSync(file, "utf8");
    const next = { ...estate, vms: estate.vms.map((v, i) => (i === 1 ? { ...v, cpus: 16 } : v)) };
    const second = tempFile("vc.xlsx");
    await writeRvtoolsWorkbook(second, next);
    const id = slugId(estate.vms[1].name);
    const r = await dcplanImport([second, "--from", "rvtools", "--site", "dc-bn", "--out", inv, "--dry-run"]);
    expect(r.status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(before);
    const diff = r.out.split("\n");
    expect(diff[0]).toBe(`--- a/${file}`);
    expect(diff).toContain(`-    cpuCores: ${estate.vms[1].cpus}`);
    expect(diff).toContain("+    cpuCores: 16");
    expect(r.out).toContain("0 entities new, 1 servers with changed facts; would write 1 file (dry run: nothing written)");
    expect(before.split("\n").filter((l) => l.startsWith(`  - id: ${id}`))).toHaveLength(1);
  });
});


describe("importing into the hand-written sample inventory", () => {
  it("updates the measured facts of its VMs in place and adds only the importer's own lines to its files", async () => {
    const SAMPLE = join(__dirname, "..", "..", "..", "inventory", "sample");
    const inv = tempDir();
    cpSync(SAMPLE, inv, { recursive: true });
    const sample = loadInventorySync(inv, { asOf: "2026-11-30" }).inventory;
    const hosts = sample.servers.filter((s) => s.site === "dc-bn" && s.kind === "physical" && sample.servers.some((v) => v.hostedOn === s.id));
    const vms = sample.servers.filter((s) => s.site === "dc-bn" && s.kind === "virtual");
    const resized = new Set(vms.slice(0, 3).map((v) => v.id));
    const estate: RvtoolsEstate = {
      vcenter: "vc01.dc-bn.bacninh.gov.vn",
      hosts: hosts.map((h) => ({ name: `${h.id}.dc-bn.local`, datacenter: "DC-BN", cluster: "CL-01", sockets: 2, coresPerCpu: h.cpuCores! / 2, memoryMiB: h.memoryGiB! * 1024, vendor: "", model: h.model ?? "", esx: `${h.os?.name ?? "VMware ESXi"} ${h.os?.version ?? ""}` })),
      vms: vms.map((v, i) => ({
        name: v.id,
        power: "poweredOn" as const,
        cpus: resized.has(v.id) ? v.cpuCores! * 2 : v.cpuCores!,
        memoryMiB: v.memoryGiB! * 1024,
        provisionedMiB: (v.storageGiB ?? 0) * 1024,
        inUseMiB: Math.round(((v.storageGiB ?? 0) * 1024 * (v.usage?.storageUsedPct ?? 50)) / 100),
        osConfig: `${v.os?.name ?? "Other Linux"} ${v.os?.version ?? ""}`.trim(),
        host: `${v.hostedOn}.dc-bn.local`,
        cluster: "CL-01",
        datacenter: "DC-BN",
        uuid: `4211-${String(i).padStart(4, "0")}`,
      })),
    };
    const file = tempFile("vc01-dc-bn.xlsx");
    await writeRvtoolsWorkbook(file, estate);
    const before = new Map(readdirSync(inv).map((f) => [f, readFileSync(join(inv, f), "utf8")]));
    const r = await dcplanImport([file, "--from", "rvtools", "--site", "dc-bn", "--out", inv]);
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(inv).sort()).toEqual([...before.keys()].sort()); // nothing new: every server was already there
    const after = loadInventorySync(inv, { asOf: "2026-11-30" }).inventory;
    for (const v of vms) expect(after.servers.find((s) => s.id === v.id)!.cpuCores, v.id).toBe(resized.has(v.id) ? v.cpuCores! * 2 : v.cpuCores);
    // Every line people wrote is still there, in order; the only lines gone are the resized VMs' cpuCores.
    const removed: string[] = [];
    for (const [f, text] of before) {
      const ops = diffLines(text.split("\n"), readFileSync(join(inv, f), "utf8").split("\n"));
      removed.push(...ops.filter((o) => o.kind === "-").map((o) => o.line));
      for (const o of ops.filter((x) => x.kind === "+")) expect(o.line, f).toMatch(/^\s*(# source: vc01-dc-bn\.xlsx (vInfo|vHost) row \d+|x-source: \{.*\}|cpuCores: \d+|usage: \{.*\}|storageUsedPct: [\d.]+)$/);
    }
    expect(removed.sort()).toEqual(vms.slice(0, 3).map((v) => `    cpuCores: ${v.cpuCores}`).sort());
    expect(r.out).toContain(`0 entities new, ${3} servers with changed facts`);
  });
});
