// Reads an input file as UTF-8 text, or says why it cannot, as a finding with its place: the file
// is missing, unreadable (permissions, a directory, a device…), too large for one string, or not
// UTF-8 — then the line and column of the first byte that is not, so Latin-1 or Windows-1252 text
// is reported instead of turning silently into replacement characters (U+FFFD).
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import type { Finding } from "./errors.js";

/** The longest string V8 makes (2²⁹ − 24 UTF-16 code units); a file beyond it cannot be one text. */
const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** The text of a file, or the finding that explains why there is none. */
export type TextOrFinding = { readonly text: string; readonly finding?: undefined } | { readonly text?: undefined; readonly finding: Finding };

/** Why a file system call failed, in words (the error code names the cause). */
export function ioProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "file not found";
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    case "EISDIR":
      return "is a directory, not a file";
    case "ELOOP":
      return "is a symbolic link that loops back on itself";
    case "ENOTDIR":
      return "cannot be read: a part of its path is not a directory";
    default:
      return `cannot be read: ${(err as Error).message}`;
  }
}

/** Files up to this size are read into one buffer used again and again (the text is copied out of it). */
const SCRATCH_MAX_BYTES = 64 << 20;
let scratch: Buffer | undefined;

/**
 * A buffer of `size` bytes to read a file into: a view of this thread's scratch buffer (grown as
 * needed) for files up to SCRATCH_MAX_BYTES, else a buffer of its own. An inventory is read in
 * files of a few MB; a fresh buffer each was a fresh mapping each, faulted in page by page.
 */
function scratchOf(size: number): Buffer {
  if (size > SCRATCH_MAX_BYTES) return Buffer.allocUnsafe(size);
  if (scratch === undefined || scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch === undefined ? 0 : Math.min(2 * scratch.length, SCRATCH_MAX_BYTES)));
  return scratch.subarray(0, size);
}

/**
 * Reads `file` as UTF-8 (a leading byte order mark is kept; YAML readers skip it). Only regular
 * files are read: a directory, a FIFO or a device is a finding too (reading a FIFO would wait forever).
 */
export function readText(file: string, rule = "unreadable-file"): TextOrFinding {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (err) {
    return { finding: { severity: "error", rule, file, message: ioProblem(err) } };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { finding: { severity: "error", rule, file, message: "is a directory, not a file" } };
    if (!stat.isFile()) return { finding: { severity: "error", rule, file, message: "is not a regular file (a device, a pipe or a socket); give a file" } };
    if (stat.size > MAX_TEXT_BYTES) {
      return { finding: { severity: "error", rule: "file-too-large", file, message: `is ${(stat.size / 2 ** 20).toFixed(0)} MiB; files over ${Math.floor(MAX_TEXT_BYTES / 2 ** 20)} MiB cannot be read: split it into several files` } };
    }
    const bytes = scratchOf(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const data = read === bytes.length ? bytes : bytes.subarray(0, read);
    if (!isUtf8(data)) return { finding: notUtf8(file, data) };
    return { text: data.toString("utf8") };
  } catch (err) {
    return { finding: { severity: "error", rule, file, message: ioProblem(err) } };
  } finally {
    closeSync(fd);
  }
}

/** The finding for bytes that are not UTF-8: where the first bad byte is, and what the file probably is. */
export function notUtf8(file: string, data: Uint8Array): Finding {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    return { severity: "error", rule: "not-utf8", file, line: 1, col: 1, message: "is UTF-16 text; save it as UTF-8" };
  }
  const at = firstInvalidUtf8(data);
  // Line and column of the bad byte: lines counted by LF, the column in characters of the valid text before it.
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (data[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = Buffer.from(data.subarray(lineStart, at)).toString("utf8").length + 1;
  let bad = 0;
  for (let i = at; i < data.length; ) {
    const next = firstInvalidUtf8(data, i);
    if (next >= data.length) break;
    bad++;
    i = next + 1;
  }
  const hex = data[at].toString(16).toUpperCase().padStart(2, "0");
  return {
    severity: "error",
    rule: "not-utf8",
    file,
    line,
    col,
    message: `is not UTF-8 text: byte 0x${hex} here${bad > 1 ? ` and ${bad - 1} more` : ""} (the file looks like Latin-1 or Windows-125x); save it as UTF-8`,
  };
}

/** Offset of the first byte at or after `from` that is not part of a well-formed UTF-8 sequence; `data.length` when none. */
export function firstInvalidUtf8(data: Uint8Array, from = 0): number {
  let i = from;
  while (i < data.length) {
    const b = data[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= data.length) return i; // cut off at the end of the file
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = data[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return data.length;
}
