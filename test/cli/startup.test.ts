// Start-up stays cheap: what `dcplan --help` loads (the static imports reachable from main.ts) is
// the registry and commander, never a command's module or a heavy package; each command loads only
// what it needs. Checked on the source's import graph, so the test does not depend on timing.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, EXPORT_FORMATS, RENDER_SECRET_ENV_NAMES } from "../../planner/cli/commands/index.js";

const ROOT = join(__dirname, "..", "..");

/** Value imports of a TypeScript source: `import … from`, `export … from`, `import "x"`; type-only ones left out. */
export function valueImports(source: string): string[] {
  const out: string[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of text.matchAll(/^\s*(import|export)\s+([^;'"]*?)\s*from\s*["']([^"']+)["']/gm)) {
    const clause = m[2].trim();
    if (/^type\b/.test(clause)) continue;
    const braces = /^\{([\s\S]*)\}$/.exec(clause);
    if (braces && braces[1].split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "))) continue;
    out.push(m[3]);
  }
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push(m[1]);
  return out;
}

/** Local modules (relative to the project) and packages statically reachable from `entry`. */
function reachable(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    const rel = relative(ROOT, file).split("\\").join("/");
    if (modules.has(rel)) return;
    modules.add(rel);
    for (const spec of valueImports(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else if (!spec.startsWith("node:")) packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  };
  visit(join(ROOT, entry));
  return { modules, packages };
}

describe("start-up", () => {
  it("loads no command module and no package but commander before a command runs", () => {
    const { modules, packages } = reachable("planner/cli/main.ts");
    expect([...packages]).toEqual(["commander"]);
    expect([...modules].filter((m) => m.startsWith("planner/cli/commands/"))).toEqual(["planner/cli/commands/index.ts"]);
    expect([...modules].filter((m) => m.startsWith("inventory/") || m.startsWith("stacks/"))).toEqual(["inventory/calendar-date.ts"]);
  });

  it("lets validate load the inventory, not the planner, the exporters or Pulumi", () => {
    const { modules, packages } = reachable("planner/cli/commands/validate.ts");
    for (const heavy of ["exceljs", "@pulumi/pulumi", "@pulumi/kubernetes", "date-holidays", "graphology", "yaml", "js-yaml"]) expect(packages).not.toContain(heavy);
    expect([...modules].filter((m) => m.startsWith("planner/") && !m.startsWith("planner/cli/"))).toEqual(["planner/export/i18n.ts"]);
  });

  it("registers each command once, with a module that exports its action", async () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) expect(typeof (await c.load())).toBe("function");
  });

  it("declares the same choices as the modules that use them", async () => {
    const { SECRET_ENV } = await import("../../stacks/render.js");
    expect([...RENDER_SECRET_ENV_NAMES].sort()).toEqual(Object.values(SECRET_ENV).sort());
    expect((await import("../../planner/cli/commands/export.js")).EXPORT_FORMATS).toBe(EXPORT_FORMATS);
  });

  it("reads import statements as TypeScript emits them", () => {
    expect(valueImports('import type { A } from "a";\nimport { type B } from "b";\nimport { type C, D } from "c";\nexport { E } from "./e.js";\nimport "f";\nimport {\n  G,\n  H,\n} from "g";\n// import x from "h";\n')).toEqual(["c", "./e.js", "g", "f"]);
  });
});
