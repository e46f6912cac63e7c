// A large inventory file with one bad value at its very end: a site, then physical servers until
// the file holds the bytes asked for, then one server whose memoryGiB is -4. Written in chunks, so
// the writer never holds the file in memory. Used by the bad-input test (25 MB) and by the
// benchmark's large-input module (200 MB): locating that error must cost memory proportional to
// the file, not a full `yaml` parse (≈ 60× the file).
import { closeSync, openSync, writeSync } from "node:fs";

/** Where the bad value is and what dcplan must say about it. */
export interface BadValueAt {
  /** 1-based line and column of the bad value. */
  readonly line: number;
  readonly column: number;
  /** The finding's text after `file:line:col: `. */
  readonly message: string;
  /** Bytes written. */
  readonly bytes: number;
}

const HEAD = "sites:\n  - id: dc-bn\n    name: Bắc Ninh\n    kind: datacenter\nservers:\n";
const server = (i: number): string =>
  `  - id: host-${i}\n    site: dc-bn\n    kind: physical\n    cpuCores: 32\n    memoryGiB: 256\n    storageGiB: 4000\n    model: "Dell PowerEdge R740"\n    usage: { cpuPct: 40, memoryPct: 50 }\n    tags: [hypervisor, prod]\n`;
const LAST = "  - id: host-last\n    site: dc-bn\n    kind: physical\n    cpuCores: 32\n    memoryGiB: -4\n";

/** Writes at least `bytes` bytes of valid servers and one bad value at the end to `file`; says where the bad value is. */
export function writeInventoryWithBadEnd(file: string, bytes: number): BadValueAt {
  const fd = openSync(file, "w");
  try {
    let written = writeSync(fd, HEAD);
    let lines = HEAD.split("\n").length - 1;
    let i = 0;
    while (written < bytes) {
      const chunk: string[] = [];
      for (let k = 0; k < 1000 && written < bytes; k++) {
        const s = server(i++);
        chunk.push(s);
        written += Buffer.byteLength(s);
        lines += 9;
      }
      writeSync(fd, chunk.join(""));
    }
    written += writeSync(fd, LAST);
    return { line: lines + LAST.split("\n").length - 1, column: 16, message: "host-last memoryGiB: must be > 0 (got -4)", bytes: written };
  } finally {
    closeSync(fd);
  }
}
