// In-memory fixture builders shared by the tests: a test states only what matters to it.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import type { Io } from "../common/io.js";
import type { Agency, External, Inventory, Server, Site, System } from "../inventory/schema.js";

export function makeSite(over: Partial<Site> = {}): Site {
  return { id: "dc-bn", name: "Trung tâm tích hợp dữ liệu tỉnh Bắc Ninh", kind: "datacenter", racks: 20, powerKw: 200, pue: 1.6, wan: { tslcdMbps: 1000, internetMbps: 500 }, ...over };
}

export function makeAgency(over: Partial<Agency> = {}): Agency {
  return { id: "so-khcn", name: "Sở Khoa học và Công nghệ", kind: "department", ...over };
}

export function makeServer(over: Partial<Server> = {}): Server {
  const kind = over.kind ?? "physical";
  const base: Server =
    kind === "virtual"
      ? { id: "vm-1", site: "dc-bn", kind, hostedOn: "host-1", cpuCores: 4, memoryGiB: 16, storageGiB: 200 }
      : kind === "physical"
        ? { id: "host-1", site: "dc-bn", kind, cpuCores: 32, memoryGiB: 512, storageGiB: 4000, powerWatts: 600, rackUnits: 2 }
        : { id: `${kind}-1`, site: "dc-bn", kind, powerWatts: 300, rackUnits: 2 };
  return { ...base, ...over } as Server;
}

export function makeSystem(over: Partial<System> = {}): System {
  return { id: "qlvb-bn", name: "Hệ thống quản lý văn bản và điều hành", owner: "so-khcn", function: "document-management", securityLevel: 3, servers: ["vm-1"], ...over } as System;
}

export function makeExternal(over: Partial<External> = {}): External {
  return { id: "ndxp", name: "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", endpoint: "https://ndxp.gov.vn", ...over };
}

/** A small valid inventory: one site, one agency, a host with one VM, one system, NDXP. */
export function makeInventory(over: Partial<Inventory> = {}): Inventory {
  return {
    sites: [makeSite()],
    agencies: [makeAgency()],
    servers: [makeServer(), makeServer({ kind: "virtual" })],
    systems: [makeSystem()],
    externals: [makeExternal()],
    ...over,
  };
}

/** A fresh temporary directory. */
export function tempDir(prefix = "dcplan-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path → text, or a value stringified as YAML) into a fresh temporary directory. */
export function writeTree(files: Record<string, string | object>, dir = tempDir()): string {
  for (const [path, content] of Object.entries(files)) {
    const p = join(dir, path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, typeof content === "string" ? content : stringify(content));
  }
  return dir;
}

/** Writes an inventory as one YAML file in a fresh temporary directory. */
export function writeInventory(inventory: Inventory, dir = tempDir()): string {
  return writeTree({ "inventory.yaml": inventory }, dir);
}

/** An Io that records what a command prints; an English locale and piped standard output unless `options` say otherwise. */
export function captureIo(today = "2026-11-22", options: { readonly lang?: "vi" | "en"; readonly stdoutIsTTY?: boolean } = {}): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    isTTY: false,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    // English unless asked: the tests written before --lang pin English text.
    env: { LANG: options.lang === "vi" ? "vi_VN.UTF-8" : "en_US.UTF-8" },
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    today: () => today,
  };
  return io;
}
