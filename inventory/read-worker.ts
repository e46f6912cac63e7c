// The second thread of parallel-read.ts: reads, parses and validates the inventory files it is
// given, in order, and hands each one back as soon as it is done. What it does to a file is what
// load.ts does on the main thread (readText, the fast reader with each top-level list entry
// checked against its entity schema as it is read); what it hands back is the file's text, its
// documents (their streamed lists emptied), the valid entities as one JSON text (the main thread's
// JSON.parse of it costs a tenth of reading the YAML) and the invalid entries with their issues.
// A file the fast reader gives up on, or whose values JSON would not carry exactly (-0, a
// `__proto__` key), is handed back unread and the main thread reads it itself.
import type { z } from "zod";
import { readText } from "../common/read-text.js";
import { reply, workerInput } from "../common/worker.js";
import { type Collection, ENTITY_SCHEMAS, isCollectionKey } from "./schema.js";
import { plainEntity } from "./plain-entities.js";
import { readYamlSubset } from "./yaml-subset.js";
import type { WorkerFile, WorkerInput, WorkerInvalid } from "./parallel-read.js";

/** True when JSON.parse(JSON.stringify(v)) is `v` again, value for value and key for key. */
function jsonExact(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  if (v === null || typeof v !== "object") return typeof v !== "undefined" && typeof v !== "bigint" && typeof v !== "function" && typeof v !== "symbol";
  if (Array.isArray(v)) return v.every(jsonExact);
  for (const k in v as object) if (k === "__proto__" || !jsonExact((v as Record<string, unknown>)[k])) return false;
  return Object.getPrototypeOf(v) === Object.prototype;
}

/** One file, read, parsed and validated (see file header). */
function readOne(file: string, withText: boolean): WorkerFile {
  const read = readText(file);
  if (read.finding) return { file, finding: read.finding };
  const text = read.text;
  const valid: [number, Collection, number, unknown][] = [];
  const invalid: WorkerInvalid[] = [];
  let exact = true;
  const docs = readYamlSubset(text, (d, key, i, raw) => {
    if (!isCollectionKey(key)) return;
    const plain = plainEntity(key, raw);
    if (plain !== undefined) {
      // Always the same as JSON (plain-entities.ts).
      valid.push([d, key, i, plain]);
      return;
    }
    const result = (ENTITY_SCHEMAS[key] as z.ZodType).safeParse(raw);
    if (result.success) {
      if (exact && !jsonExact(result.data)) exact = false;
      valid.push([d, key, i, result.data]);
    } else {
      valid.push([d, key, i, null]);
      invalid.push({ raw, issues: result.error.issues.map((x) => ({ code: x.code, message: x.message, path: x.path as (string | number)[], ...("values" in x && Array.isArray(x.values) ? { values: x.values as unknown[] } : {}) })) });
    }
  });
  if (docs === undefined || !exact) return { file, text };
  return { file, ...(withText ? { text } : {}), docs, entries: JSON.stringify(valid), invalid };
}

const { files, texts } = workerInput<WorkerInput>();
for (const file of files) {
  let message: WorkerFile;
  try {
    message = readOne(file, texts !== false);
  } catch (err) {
    // Anything unexpected: the main thread reads the file itself and meets the same problem there.
    message = { file, failed: String((err as Error)?.message ?? err) };
  }
  reply(message);
}
