// Shared by the import tests: a base inventory (sites and agencies) in a temporary directory, a
// way to run `dcplan import` through the CLI, and readers for what it wrote.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { run } from "../../../planner/cli/main.js";
import { captureIo, tempDir, writeTree } from "../../fixtures.js";

/** Sites dc-bn and dc-bg and a few agencies, as the province's inventory has them. */
export const BASE_FILES: Record<string, string> = {
  "sites.yaml": `sites:
  - { id: dc-bn, name: Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh, kind: datacenter, racks: 8, powerKw: 60, pue: 1.6 }
  - { id: dc-bg, name: Trung tâm tích hợp dữ liệu tỉnh Bắc Giang (cũ), kind: datacenter, racks: 10, powerKw: 40, pue: 1.9 }
`,
  "agencies.yaml": `agencies:
  - { id: so-khcn, name: Sở Khoa học và Công nghệ, kind: department }
  - { id: so-yte, name: Sở Y tế, kind: department }
  - { id: so-gddt, name: Sở Giáo dục và Đào tạo, kind: department }
  - { id: so-tc, name: Sở Tài chính, kind: department }
  - { id: so-nnmt, name: Sở Nông nghiệp và Môi trường, kind: department }
  - { id: so-noi-vu, name: Sở Nội vụ, kind: department }
  - { id: van-phong-ubnd, name: Văn phòng Ủy ban nhân dân tỉnh, kind: department }
  - { id: x-tien-du, name: UBND xã Tiên Du, kind: commune }
`,
  "externals.yaml": `externals:
  - { id: ndxp, name: "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)" }
`,
};

/** A fresh inventory directory holding the base files (plus `extra`). */
export function baseInventory(extra: Record<string, string> = {}): string {
  return writeTree({ ...BASE_FILES, ...extra });
}

/** Runs `dcplan import …` in-process; returns the status and what it printed. */
export async function dcplanImport(args: readonly string[]): Promise<{ status: number; out: string; err: string }> {
  const io = captureIo("2026-11-30");
  const status = await run(["import", ...args], io);
  return { status, out: io.out, err: io.err };
}

/** The servers (by id) of a YAML file. */
export function serversOf(file: string): Map<string, Record<string, unknown>> {
  const doc = jsYaml.load(readFileSync(file, "utf8"), { schema: jsYaml.CORE_SCHEMA }) as { servers?: Record<string, unknown>[] };
  return new Map((doc.servers ?? []).map((s) => [s.id as string, s]));
}

/** A YAML file's parsed content. */
export function yamlOf(file: string): Record<string, unknown[]> {
  return jsYaml.load(readFileSync(file, "utf8"), { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown[]>;
}

/** A path in a fresh temporary directory. */
export function tempFile(name: string): string {
  return join(tempDir("dcplan-import-src-"), name);
}

/** Replaces the directory prefix in command output, for snapshots. */
export function stripDir(text: string, ...dirs: string[]): string {
  let out = text;
  for (const d of dirs) out = out.split(`${d}/`).join("").split(d).join("<dir>");
  return out;
}
