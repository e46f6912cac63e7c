// The files of an inventory directory: every *.yaml / *.yml below it, recursively, sorted by path
// (code-unit order with `/` separators, the same on every machine); hidden entries and
// node_modules are skipped. Symbolic links are followed while they stay inside the directory;
// a link that leads out of it, dangles, loops, or is a second way to a file or directory read
// already is reported and not read. (Links used to be skipped silently: a linked file's systems
// vanished from the plan and the proposed target site changed.)
import { readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { Finding } from "../common/errors.js";
import { ioProblem } from "../common/read-text.js";

/** What listing found: the files to read and the problems with links and directories. */
export interface InventoryFiles {
  /** YAML files to read, sorted by path; a linked file is listed by its link's path. */
  readonly files: string[];
  readonly findings: Finding[];
}

const YAML_NAME = /\.ya?ml$/i;

function skipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

function byPath(a: string, b: string): number {
  const x = a.split(sep).join("/");
  const y = b.split(sep).join("/");
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `path` is `root` or lies below it (both real paths). */
function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Lists the YAML files below `dir` (which must be a readable directory), following links that stay inside it. */
export function inventoryFiles(dir: string): InventoryFiles {
  const root = realpathSync(dir);
  const files: string[] = [];
  const findings: Finding[] = [];
  /** Real path of every file and directory read, with the path it was read by. */
  const seenFiles = new Map<string, string>();
  const seenDirs = new Map<string, string>([[root, dir]]);
  const links: string[] = [];

  const walk = (path: string, real: string): void => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (err) {
      findings.push({ severity: "error", rule: "unreadable-directory", file: path, message: `directory ${ioProblem(err).replace(/^file not found$/, "not found")}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const p = join(path, entry.name);
      const r = join(real, entry.name);
      if (entry.isSymbolicLink()) links.push(p);
      else if (entry.isDirectory()) {
        seenDirs.set(r, p);
        walk(p, r);
      } else if (entry.isFile() && YAML_NAME.test(entry.name)) {
        seenFiles.set(r, p);
        files.push(p);
      } else if (YAML_NAME.test(entry.name) && !entry.isFile()) {
        findings.push({ severity: "error", rule: "unreadable-file", file: p, message: "is not a regular file (a device, a pipe or a socket): it is not read" });
      }
    }
  };
  walk(dir, root);

  // Links last, in path order, so which of two ways to one file counts as the second is stable.
  while (links.length > 0) {
    links.sort(byPath);
    const link = links.shift()!;
    const problem = (rule: string, message: string): void => void findings.push({ severity: "error", rule, file: link, message });
    let target: string;
    try {
      target = realpathSync(link);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      let points = "";
      try {
        points = ` to ${readlinkSync(link)}`;
      } catch {
        // unreadable link: the message says so without the target
      }
      if (code === "ELOOP") problem("symlink-loop", `is a symbolic link${points} that loops back on itself: it is not read`);
      else if (code === "ENOENT") problem("symlink-dangling", `is a symbolic link${points}, which does not exist: it is not read`);
      else problem("unreadable-file", ioProblem(err));
      continue;
    }
    let stat;
    try {
      stat = statSync(target);
    } catch (err) {
      problem("unreadable-file", ioProblem(err));
      continue;
    }
    const shown = relative(dirname(link), target) || ".";
    if (stat.isDirectory()) {
      if (!inside(target, root)) {
        problem("symlink-outside", `is a symbolic link to the directory ${target}, outside the inventory directory: it is not read (copy what it holds into the inventory, or give that directory as --inventory)`);
      } else if (inside(realpathSync(dirname(link)), target)) {
        problem("symlink-loop", `is a symbolic link to ${shown}, a directory that contains the link itself (a loop): it is not read`);
      } else if (seenDirs.has(target)) {
        problem("symlink-duplicate", `is a symbolic link to ${seenDirs.get(target)}, a directory read already: it is not read twice`);
      } else {
        seenDirs.set(target, link);
        walk(link, target);
      }
      continue;
    }
    if (!YAML_NAME.test(link)) continue; // a link named like a non-YAML file is not part of the inventory
    if (!stat.isFile()) {
      problem("unreadable-file", `is a symbolic link to ${target}, which is not a regular file: it is not read`);
    } else if (!inside(target, root)) {
      problem("symlink-outside", `is a symbolic link to ${target}, outside the inventory directory: it is not read (copy the file into the inventory, or give its directory as --inventory)`);
    } else if (seenFiles.has(target)) {
      problem("symlink-duplicate", `is a symbolic link to ${seenFiles.get(target)}, which is read already: it is not read twice (remove one of them)`);
    } else {
      seenFiles.set(target, link);
      files.push(link);
    }
  }
  return { files: files.sort(byPath), findings };
}
