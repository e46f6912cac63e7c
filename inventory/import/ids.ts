// Inventory ids for imported things. A source names a VM "BN-QLVB-App 01" or a host
// "esx01.bn.gov.vn"; the inventory needs a DNS-1123 label unique across every entity kind. slugId
// lowercases, drops Vietnamese diacritics (đ → d), turns every other character into "-" and trims to
// 63 characters; IdAllocator then makes it unique against the ids already taken, adding -2, -3…
import { ID_PATTERN } from "../schema.js";

/** A DNS-1123 label made from any name (see file header); "x" when nothing usable is left. */
export function slugId(name: string, prefix = ""): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
  let s = `${prefix}${ascii}`.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (s.length > 63) s = s.slice(0, 63).replace(/-+$/g, "");
  return s === "" ? "x" : s;
}

/** The part of a host name before its domain (`esx01.bn.gov.vn` → `esx01`); IP addresses stay whole. */
export function shortHostName(name: string): string {
  const trimmed = name.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(trimmed)) return trimmed;
  return trimmed.split(".")[0] || trimmed;
}

/** Hands out unique ids: a wanted id, or the wanted id with -2, -3… when it is taken. */
export class IdAllocator {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  /** True when `id` is already in use. */
  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** Marks `id` as used (an existing entity kept under its id). */
  reserve(id: string): void {
    this.taken.add(id);
  }

  /** A free id based on `wanted` (which must already be a valid label), reserved. */
  allocate(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id) || !ID_PATTERN.test(id); n++) {
      const suffix = `-${n}`;
      id = `${wanted.slice(0, 63 - suffix.length).replace(/-+$/g, "")}${suffix}`;
    }
    this.taken.add(id);
    return id;
  }
}
