// Reads the province's inventory workbook (`dcplan import --from workbook`, the template of
// template.ts filled in by a department or commune) into a batch. Every sheet of the template must
// be there; columns are found by their header (so they may be moved); example rows (id `vi-du…`)
// and empty rows are skipped. Each cell is checked by its column's type — whole number, number and
// range, date, choice, and references to sites, agencies, servers and systems, which must exist in
// the workbook or the inventory — then each row by the inventory's own schema (a VM needs its host,
// a physical server its cores…). Every problem names its cell: `file.xlsx:Máy chủ!E12`.
import type { z } from "zod";
import type { Finding } from "../../common/errors.js";
import { ENTITY_SCHEMAS, ID_PATTERN, type Agency, type External, type Server, type Site, type System } from "../schema.js";
import { type ImportContext, pushTo } from "./assemble.js";
import { cellChoice, cellDate, cellNumber, cellText, type Converted } from "./cells.js";
import { normaliseHeader } from "./columns.js";
import { emptyBatch, type ImportBatch } from "./types.js";
import { EXAMPLE_PREFIX, entryId, type ListName, SHEET, WORKBOOK_SHEETS, type WorkbookColumn, type WorkbookSheet } from "./workbook-layout.js";
import { type Cell, cellPlace, readXlsxRows } from "./xlsx-read.js";

interface Row {
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** Reads one workbook (see file header). */
export async function readWorkbook(file: string, ctx: ImportContext): Promise<ImportBatch> {
  const batch = emptyBatch("workbook");
  const wanted = new Set(WORKBOOK_SHEETS.map((s) => s.name));
  const rows = new Map<string, Row[]>();
  const read = await readXlsxRows(
    file,
    (name) => wanted.has(name.normalize("NFC")),
    (sheet, row, cells) => {
      const name = sheet.normalize("NFC");
      pushTo(rows, name, { row, cells });
    },
  );
  batch.findings.push(...read.findings);
  if (read.findings.length > 0) return batch;
  const present = new Set(read.sheets.map((s) => s.normalize("NFC")));
  for (const sheet of WORKBOOK_SHEETS) {
    if (!present.has(sheet.name)) batch.findings.push({ severity: "error", rule: "missing-sheet", file, message: `missing sheet "${sheet.name}": the workbook must keep every sheet of the template (${WORKBOOK_SHEETS.map((s) => s.name).join(", ")}); write dcplan template to get a fresh one` });
  }
  if (batch.findings.length > 0) return batch;

  // Locate the columns of each sheet.
  const layouts = new Map<string, { sheet: WorkbookSheet; col: Map<string, number>; data: Row[] }>();
  for (const sheet of WORKBOOK_SHEETS) {
    const all = rows.get(sheet.name) ?? [];
    const header = all[0];
    const col = new Map<string, number>();
    if (header) {
      header.cells.forEach((c, i) => {
        const text = cellText(c);
        if (text === undefined) return;
        const h = normaliseHeader(text.replace(/\s*\*\s*$/, ""));
        const column = sheet.columns.find((x) => normaliseHeader(x.header) === h || x.field.toLowerCase() === h);
        if (column && !col.has(column.field)) col.set(column.field, i);
      });
    }
    for (const c of sheet.columns) {
      if (c.required && !col.has(c.field)) batch.findings.push({ severity: "error", rule: "missing-column", file: cellPlace(file, sheet.name, header?.row ?? 1), message: `missing column "${c.header}" (the template's header row must be kept)` });
    }
    layouts.set(sheet.key, { sheet, col, data: all.slice(1) });
  }
  if (batch.findings.length > 0) return batch;

  // Ids the references may name: the inventory's and the workbook's own.
  const known: Record<ListName, Set<string>> = { sites: new Set(), agencies: new Set(), servers: new Set(), systems: new Set(), targets: new Set() };
  const agencyNames = new Map<string, string>();
  for (const e of ctx.scan.byId.values()) {
    if (e.collection === "sites") known.sites.add(e.id);
    if (e.collection === "agencies") {
      known.agencies.add(e.id);
      if (typeof e.raw.name === "string") agencyNames.set(e.raw.name.normalize("NFC").toLocaleLowerCase("vi"), e.id);
    }
    if (e.collection === "servers") known.servers.add(e.id);
    if (e.collection === "systems" || e.collection === "externals") known.targets.add(e.id);
    if (e.collection === "systems") known.systems.add(e.id);
  }
  const idCol = (key: string) => layouts.get(key)!.col.get("id");
  for (const [key, list] of [["sites", "sites"], ["agencies", "agencies"], ["servers", "servers"], ["systems", "systems"], ["externals", "targets"]] as const) {
    const { data } = layouts.get(key)!;
    const c = idCol(key);
    for (const r of data) {
      const id = c === undefined ? undefined : cellText(r.cells[c] ?? null);
      if (id === undefined || id.startsWith(EXAMPLE_PREFIX)) continue;
      known[list].add(id);
      if (key === "systems") known.targets.add(id);
      if (key === "agencies") {
        const name = cellText(r.cells[layouts.get(key)!.col.get("name") ?? 0] ?? null);
        if (name !== undefined) agencyNames.set(name.toLocaleLowerCase("vi"), id);
      }
    }
  }

  const resolveRef = (list: ListName, text: string): string | undefined => {
    const id = entryId(text);
    if (known[list].has(id)) return id;
    if (list === "agencies") return agencyNames.get(text.toLocaleLowerCase("vi"));
    return undefined;
  };

  const convert = (c: WorkbookColumn, cell: Cell): Converted<unknown> => {
    const t = c.type;
    switch (t.kind) {
      case "id": {
        const v = cellText(cell);
        if (v === undefined) return { ok: true, value: undefined };
        return ID_PATTERN.test(v) ? { ok: true, value: v } : { ok: false, message: `must be lowercase letters without accents, digits and '-', 1–63 characters (got ${JSON.stringify(v)})` };
      }
      case "text":
        return { ok: true, value: cellText(cell) };
      case "int":
        return cellNumber(cell, { int: true, min: t.min, max: t.max, exclusiveMin: t.exclusiveMin });
      case "number":
        return cellNumber(cell, { min: t.min, max: t.max, exclusiveMin: t.exclusiveMin });
      case "date":
        return cellDate(cell);
      case "choice": {
        const r = cellChoice(cell, t.choices as ReadonlyMap<string, readonly string[]>, t.what);
        if (r.ok && c.field === "containerReady" && r.value !== undefined) return { ok: true, value: r.value === "true" };
        return r;
      }
      case "ref": {
        const v = cellText(cell);
        if (v === undefined) return { ok: true, value: undefined };
        const id = resolveRef(t.list, v);
        return id !== undefined ? { ok: true, value: id } : { ok: false, message: `unknown ${t.what} ${JSON.stringify(v)}: choose one from the drop-down list (sheet ${SHEET.lists}) or add it to sheet ${listSheetName(t.list)}` };
      }
      case "refs": {
        const v = cellText(cell);
        if (v === undefined) return { ok: true, value: [] };
        const parts = v.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean);
        const unknown = parts.filter((p) => resolveRef(t.list, p) === undefined);
        if (unknown.length > 0) return { ok: false, message: `unknown ${t.what}${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => JSON.stringify(u)).join(", ")}: list them on sheet ${listSheetName(t.list)} or check the ids` };
        return { ok: true, value: parts.map((p) => resolveRef(t.list, p)!) };
      }
      case "tags": {
        const v = cellText(cell);
        return { ok: true, value: v === undefined ? undefined : v.split(/[,;]+/).map((p) => p.trim()).filter(Boolean) };
      }
    }
  };

  const seen = new Map<string, string>();
  for (const sheet of WORKBOOK_SHEETS) {
    const { col, data } = layouts.get(sheet.key)!;
    for (const r of data) {
      const idIndex = col.get("id");
      const rawId = idIndex !== undefined ? cellText(r.cells[idIndex] ?? null) : undefined;
      const first = col.get(sheet.columns[0].field);
      if (first !== undefined && cellText(r.cells[first] ?? null)?.startsWith(EXAMPLE_PREFIX)) continue; // the example row
      const entity: Record<string, unknown> = {};
      let bad = false;
      const subject = sheet.key === "dependencies" ? cellText(r.cells[col.get("system") ?? 0] ?? null) : rawId;
      for (const c of sheet.columns) {
        const index = col.get(c.field);
        if (index === undefined) continue;
        const result = convert(c, r.cells[index] ?? null);
        if (!result.ok) {
          batch.findings.push(cellFinding(file, sheet.name, r.row, index, subject, c.field, result.message));
          bad = true;
          continue;
        }
        if (result.value === undefined || (Array.isArray(result.value) && result.value.length === 0 && c.field !== "servers")) continue;
        setPath(entity, c.field, result.value);
      }
      if (bad) continue;
      if (sheet.key === "dependencies") {
        if (entity.system === undefined || entity.target === undefined || entity.coupling === undefined) {
          const missing = ["system", "target", "coupling"].find((f) => entity[f] === undefined)!;
          batch.findings.push(cellFinding(file, sheet.name, r.row, col.get(missing) ?? 1, subject, missing, "is required"));
          continue;
        }
        batch.dependencies.push({
          from: entity.system as string,
          to: entity.target as string,
          coupling: entity.coupling as "tight" | "loose",
          ...(entity.port !== undefined ? { port: entity.port as number } : {}),
          ...(entity.protocol !== undefined ? { protocol: entity.protocol as "tcp" | "udp" } : {}),
          origin: { file, sheet: sheet.name, row: r.row },
        });
        continue;
      }
      if (rawId === undefined) {
        batch.findings.push(cellFinding(file, sheet.name, r.row, idIndex ?? 1, undefined, "id", "is empty: every row needs its id (Mã)"));
        continue;
      }
      const dup = seen.get(rawId);
      if (dup !== undefined) {
        batch.findings.push(cellFinding(file, sheet.name, r.row, idIndex ?? 1, rawId, "id", `duplicate id: also at ${dup}`));
        continue;
      }
      seen.set(rawId, cellPlace(file, sheet.name, r.row, (idIndex ?? 0) + 0));
      if (sheet.key === "systems" && entity.servers === undefined) entity.servers = [];
      const schema = ENTITY_SCHEMAS[sheet.key] as z.ZodType;
      const parsed = schema.safeParse(entity);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.map(String).join(".");
          const column = sheet.columns.find((c) => c.field === field || c.field.startsWith(`${field}.`) || field.startsWith(`${c.field}.`));
          const index = column ? col.get(column.field) : undefined;
          const value = issue.path.reduce<unknown>((v, p) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined), entity);
          const message = value === undefined && issue.code === "invalid_type" ? "is required" : issue.message;
          batch.findings.push(cellFinding(file, sheet.name, r.row, index ?? idIndex ?? 1, rawId, field || "id", message));
        }
        continue;
      }
      const origin = { file, sheet: sheet.name, row: r.row };
      ctx.ids.reserve(rawId);
      switch (sheet.key) {
        case "sites":
          batch.sites.push({ entity: parsed.data as Site, origin });
          break;
        case "agencies":
          batch.agencies.push({ entity: parsed.data as Agency, origin });
          break;
        case "servers": {
          const server = parsed.data as Server;
          batch.servers.push({ entity: server, origin, facts: { name: server.vmName ?? server.id } });
          break;
        }
        case "systems":
          batch.systems.push({ entity: parsed.data as System, origin });
          break;
        case "externals":
          batch.externals.push({ entity: parsed.data as External, origin });
          break;
      }
    }
  }
  return batch;
}

function listSheetName(list: ListName): string {
  return { sites: SHEET.sites, agencies: SHEET.agencies, servers: SHEET.servers, systems: SHEET.systems, targets: `${SHEET.systems} or ${SHEET.externals}` }[list];
}

function cellFinding(file: string, sheet: string, row: number, col: number, entity: string | undefined, field: string, message: string): Finding {
  return { severity: "error", rule: "invalid-cell", file: cellPlace(file, sheet, row, col), entity, path: field.split("."), message };
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split(".");
  let target = obj;
  for (const s of steps.slice(0, -1)) target = (target[s] ??= {}) as Record<string, unknown>;
  target[steps[steps.length - 1]] = value;
}
