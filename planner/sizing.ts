// Right-sizing: the size a server's workload takes at the target site. Measured 95th-percentile
// usage plus a 30 % margin, rounded to sizes people actually provision (vCPUs in steps of 2,
// memory in steps of 2 GiB, storage in steps of 10 GiB), never above what it has today. Without a
// measurement the current allocation is kept.
//
// Units: a virtual server's cpuCores are vCPUs and stay vCPUs. A physical server moved as a virtual
// one (P2V) gets one vCPU per physical core it actually uses. A physical server that stays at the
// target site and runs its systems itself occupies its whole hardware: cores × cpuOvercommit vCPUs.
import type { Server } from "../inventory/schema.js";
import type { Size } from "./plan-schema.js";

/** Headroom added to measured p95 usage before rounding. */
export const SIZING_MARGIN = 1.3;

const roundUpTo = (x: number, step: number): number => Math.ceil(x / step - 1e-9) * step;

/** Size of a moved server's workload at the target site (right-sized from usage when measured). */
export function rightSize(server: Server): Size {
  const cores = server.cpuCores ?? 0;
  const mem = server.memoryGiB ?? 0;
  const disk = server.storageGiB ?? 0;
  const u = server.usage ?? {};
  const cpu = u.cpuPct === undefined ? cores : Math.min(cores, Math.max(1, cores <= 1 ? 1 : roundUpTo((cores * u.cpuPct * SIZING_MARGIN) / 100, 2)));
  const memory = u.memoryPct === undefined ? mem : Math.min(mem, Math.max(Math.min(mem, 2), roundUpTo((mem * u.memoryPct * SIZING_MARGIN) / 100, 2)));
  const storage = u.storageUsedPct === undefined ? disk : Math.min(disk, Math.max(Math.min(disk, 10), roundUpTo((disk * u.storageUsedPct * SIZING_MARGIN) / 100, 10)));
  return { cpuCores: cpu, memoryGiB: round1(memory), storageGiB: round1(storage) };
}

/** Size a server takes as it is today (a VM's allocation; a physical server's whole hardware). */
export function allocatedSize(server: Server, cpuOvercommit: number): Size {
  const cores = server.cpuCores ?? 0;
  return {
    cpuCores: server.kind === "physical" ? cores * cpuOvercommit : cores,
    memoryGiB: round1(server.memoryGiB ?? 0),
    storageGiB: round1(server.storageGiB ?? 0),
  };
}

/** Rounds to one decimal, so sums print stably. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Component-wise a + b. */
export function addSize(a: Size, b: Size): Size {
  return { cpuCores: round1(a.cpuCores + b.cpuCores), memoryGiB: round1(a.memoryGiB + b.memoryGiB), storageGiB: round1(a.storageGiB + b.storageGiB) };
}

export const ZERO_SIZE: Size = { cpuCores: 0, memoryGiB: 0, storageGiB: 0 };

/** True when `a` ≤ `b` in every component (with a small tolerance for rounding). */
export function fitsIn(a: Size, b: Size): boolean {
  return a.cpuCores <= b.cpuCores + 1e-6 && a.memoryGiB <= b.memoryGiB + 1e-6 && a.storageGiB <= b.storageGiB + 1e-6;
}
