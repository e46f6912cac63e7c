// Paths inside the dcplan package, found from this file whether it runs from source or from dist/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the dcplan package (the folder of its package.json). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "dcplan") return dir;
    dir = dirname(dir);
  }
  throw new Error("cannot find the dcplan package root");
}

/** The bundled sample inventory, the default of every `--inventory`. */
export function sampleInventoryDir(): string {
  return join(packageRoot(), "inventory", "sample");
}

/** The bundled sample inventory as a path relative to the working directory when that is shorter (for messages). */
export function defaultInventoryDir(): string {
  const abs = sampleInventoryDir();
  const rel = relative(process.cwd(), abs);
  return rel !== "" && rel.length < abs.length ? rel : abs;
}
