// The commands a planner copies in their first hour: every `npx dcplan …` of the README (its code
// blocks, and inline code that is a whole command) and every example of every command's --help;
// the README lines that are not dcplan commands, each with why this test does not run it; and a
// workspace to run them in: a temporary copy of the project's samples (inventory, profile, prices,
// survey forms, stacks, the agency manifests `check` examples read) plus the files a planner brings to `import` (an RVTools workbook, NetBox
// and CSV exports, a mapping file), made here because the examples name them.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRvtools, writeRvtoolsWorkbook } from "../../bench/rvtools-workbook.js";
import { COMMANDS } from "../../planner/cli/commands/index.js";
import { tempDir } from "../fixtures.js";

/** One command as written, and where it is written. */
export interface Example {
  readonly command: string;
  readonly where: string;
}

/** README lines that are not dcplan commands, by their first words, with why they are not run here. */
export const NOT_RUN: Readonly<Record<string, string>> = {
  "npm ci": "installs and builds; .ci/run runs it on a clean clone",
  "npm start": "the main job (scripts/main-job.sh, on the built dist/); .ci/run runs it on a clean clone, and its dcplan commands are those of the planner's session run here",
  "npm test": "runs this test",
  "npm run": "development scripts; .ci/run type-checks, bench is run by hand",
  "npx tsx scripts/output-hashes.ts": "a refactoring aid hashing every output (minutes); scripts/output-hashes.ts has its own test",
  pulumi: "the Pulumi CLI is not part of the project; the stacks are tested under pulumi.runtime.setMocks",
  kubectl: "needs a Kubernetes API server; the manifests render writes are validated offline by test/stacks",
  "sh manifests/helm/install.sh": "runs helm against a Kubernetes API server (none here); test/stacks checks the script render writes",
};

/** The README's commands: each line of a ```sh block and each inline `npx dcplan …` that is a whole command, split at `&&`. */
export function readmeCommands(readme: string): Example[] {
  const out: Example[] = [];
  const lines = readme.split("\n");
  let inShell = false;
  lines.forEach((line, i) => {
    const where = `README.md:${i + 1}`;
    if (/^```/.test(line)) {
      inShell = !inShell && /^```(sh|bash|shell)\s*$/.test(line);
      return;
    }
    if (inShell) {
      const command = line.replace(/(^|\s)#.*$/, "").trim(); // a shell comment is not part of the command
      if (command !== "") for (const part of command.split(/\s&&\s/)) out.push({ command: part.trim(), where });
      return;
    }
    for (const m of line.matchAll(/`(npx dcplan [^`…]+)`/g)) for (const part of m[1].split(/\s&&\s/)) out.push({ command: part.trim(), where });
  });
  return out;
}

/** Every command's --help examples, in the registry's order. */
export function helpExamples(): Example[] {
  return COMMANDS.flatMap((c) => c.examples.map((command) => ({ command, where: `dcplan ${c.name} --help` })));
}

/** Whether `command` is one this test runs (a dcplan command), else the reason it does not. */
export function notRunReason(command: string): string | undefined {
  if (/^(npx )?dcplan /.test(command)) return undefined;
  const key = Object.keys(NOT_RUN).find((k) => command === k || command.startsWith(`${k} `));
  return key === undefined ? "UNLISTED: neither a dcplan command nor in NOT_RUN" : NOT_RUN[key];
}

/** The command line bash runs for an example: `npx dcplan` becomes the `dcplan` of the workspace's PATH (npx would look for a published package). */
export function shellLine(command: string): string {
  return command.replace(/^npx dcplan /, "dcplan ");
}

/** A temporary copy of the project's samples, the files a planner brings to import, and a bin/dcplan that runs this checkout's source. */
export async function makeWorkspace(root: string): Promise<{ dir: string; bin: string }> {
  const dir = tempDir("dcplan-examples-");
  for (const d of ["inventory/sample", "planner/sample", "survey/sample", "stacks", "test/policies/agency"]) cpSync(join(root, d), join(dir, d), { recursive: true, filter: (src) => !src.endsWith(".ts") });
  cpSync(join(root, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  await writeImportInputs(dir);
  const bin = join(dir, ".bin");
  mkdirSync(bin);
  const loader = join(root, "node_modules", "tsx", "dist", "loader.mjs");
  writeFileSync(join(bin, "dcplan"), `#!/bin/sh\nexec "${process.execPath}" --import "${loader}" "${join(root, "planner", "cli", "main.ts")}" "$@"\n`, { mode: 0o755 });
  return { dir, bin };
}

/** The import examples' files: vcenter-bn.xlsx (RVTools), mapping.yaml, NetBox's sites/devices/virtual-machines JSON, Azure Migrate's and a dependency CSV. */
async function writeImportInputs(dir: string): Promise<void> {
  await writeRvtoolsWorkbook(join(dir, "vcenter-bn.xlsx"), generateRvtools(12, 3, "vc01.dc-bn.bacninh.gov.vn", "DC-BacNinh", 6));
  writeFileSync(join(dir, "mapping.yaml"), "idPrefix: vc-\nsites: { DC-BacNinh: dc-bn, ttthdl-bg: dc-bg }\nowners:\n  - { cluster: CL-01, owner: so-khcn }\n");
  const api = "https://netbox.bacgiang.gov.vn/api";
  const site = { id: 2, url: `${api}/dcim/sites/2/`, display: "TTTHDL Bắc Giang", name: "TTTHDL Bắc Giang", slug: "dc-bg" };
  const page = (path: string, results: unknown[]) => ({ count: results.length, next: null, previous: null, results, path });
  const host = {
    id: 1,
    url: `${api}/dcim/devices/1/`,
    name: "nb-esx-01",
    device_type: { id: 11, url: `${api}/dcim/device-types/11/`, model: "PowerEdge R740", slug: "poweredge-r740", manufacturer: { id: 1, url: `${api}/dcim/manufacturers/1/`, name: "Dell", slug: "dell" } },
    role: { id: 3, url: `${api}/dcim/device-roles/3/`, name: "hypervisor", slug: "hypervisor" },
    site,
    status: { value: "active", label: "Active" },
    custom_fields: { cpu_cores: 40, memory_gb: 512 },
    tags: [],
  };
  const vm = {
    id: 11,
    url: `${api}/virtualization/virtual-machines/11/`,
    name: "nb-portal-01",
    status: { value: "active", label: "Active" },
    site,
    device: { id: 1, url: `${api}/dcim/devices/1/`, name: "nb-esx-01" },
    vcpus: 4,
    memory: 8192,
    disk: 102400,
    tags: [],
    custom_fields: {},
  };
  const json = (name: string, data: unknown) => writeFileSync(join(dir, name), `${JSON.stringify(data, null, 2)}\n`);
  json("sites.json", page("dcim/sites", [site]));
  json("devices.json", page("dcim/devices", [host]));
  json("virtual-machines.json", page("virtualization/virtual-machines", [vm]));
  writeFileSync(
    join(dir, "azure-migrate.csv"),
    "\uFEFF*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,OS version,OS architecture,Server type\nbn-sa-tn-01,10.1.5.41,8,32768,Windows Server 2016,,x64,Physical\n",
  );
  writeFileSync(join(dir, "dependencies.csv"), "source,target,port,protocol,coupling\nbn-sa-tn-01,ndxp,443,tcp,\n");
}
