// Reading the price book (`--prices FILE`): YAML with positions (inventory/yaml-source.ts), one
// mapping, checked against the schema (price-book-schema.ts). Every problem becomes a PriceBookError
// finding located at file:line:col; the whole file is checked before anything is thrown.
import { type Finding, PriceBookError } from "../../common/errors.js";
import { locate, readYamlFile } from "../../inventory/yaml-source.js";
import { PriceBook } from "./price-book-schema.js";

/** A price book as read, with where it came from (for locating later findings). */
export interface LoadedPriceBook {
  readonly book: PriceBook;
  /** Path as the user gave it; undefined for an in-memory book. */
  readonly file?: string;
  readonly text?: string;
}

/** Reads and schema-checks a price book file; throws PriceBookError with every problem located. */
export function loadPriceBook(file: string, text?: string): LoadedPriceBook {
  const { docs, findings } = readYamlFile(file, text);
  if (findings.length > 0) throw new PriceBookError(findings);
  if (docs.length > 1) throw new PriceBookError([{ severity: "error", rule: "document-shape", file, ...locate(file, 1, [], text), message: "a price book is one YAML document; found more than one" }]);
  const raw = docs[0];
  if (raw === null || raw === undefined || typeof raw !== "object" || Array.isArray(raw)) {
    throw new PriceBookError([{ severity: "error", rule: "document-shape", file, ...locate(file, 0, [], text), message: "a price book must be a mapping (currency, hardware, electricity, labour…)" }]);
  }
  const result = PriceBook.safeParse(raw);
  if (!result.success) {
    const out: Finding[] = result.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const unknown = issue.message.startsWith("unknown field");
      // A record key that is not an id: say which key and why (zod nests the reason).
      const message =
        issue.code === "invalid_key"
          ? `"${String(path[path.length - 1])}" is not a valid id: ${issue.issues[0]?.message ?? "must be a DNS-1123 label"}`
          : issue.message === "Invalid input"
            ? "has the wrong type"
            : issue.message;
      return {
        severity: "error" as const,
        rule: unknown ? "unknown-field" : "price-book-schema",
        ...locate(file, 0, path, text, { atKey: unknown }),
        file,
        path,
        message,
      };
    });
    throw new PriceBookError(out);
  }
  return { book: result.data, file, text };
}

/** A finding at `path` of the book, located when the book came from a file (a missing path: its deepest existing parent). */
export function priceBookFinding(loaded: LoadedPriceBook, path: readonly (string | number)[], rule: string, message: string): Finding {
  const place = loaded.file ? locate(loaded.file, 0, path, loaded.text) : {};
  return { severity: "error", rule, ...place, path, message };
}
