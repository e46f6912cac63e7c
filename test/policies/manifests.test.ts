// Reading manifests: multi-document files, Lists, helm output, JSON, and where fields are.
import { describe, expect, it } from "vitest";
import { parseManifestText } from "../../policies/manifests.js";

describe("parseManifestText", () => {
  it("reads every document of a helm template output, skipping empty ones", () => {
    const text = "---\n# Source: c/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# Source: c/templates/empty.yaml\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\nspec:\n  replicas: 1\n";
    const { objects, findings } = parseManifestText(text, "out.yaml");
    expect(findings).toEqual([]);
    expect(objects.map((o) => [o.object.kind, o.object.metadata.name, o.line])).toEqual([
      ["ConfigMap", "a", 3],
      ["Deployment", "b", 10],
    ]);
    expect(objects[1].lineOf(["spec", "replicas"])).toBe(15);
    expect(objects[1].lineOf(["spec", "template", "spec"])).toBe(15); // missing: its deepest existing parent
  });
  it("expands List and typed lists, locating each item", () => {
    const text = "apiVersion: v1\nkind: DeploymentList\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: a }\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: b }\n    spec: { replicas: 3 }\n";
    const { objects } = parseManifestText(text, "l.yaml");
    expect(objects.map((o) => [o.object.metadata.name, o.line])).toEqual([
      ["a", 4],
      ["b", 7],
    ]);
    expect(objects[1].lineOf(["spec", "replicas"])).toBe(10);
  });
  it("reads JSON, and names an object by generateName", () => {
    const { objects } = parseManifestText('{"apiVersion":"batch/v1","kind":"Job","metadata":{"generateName":"migrate-"}}', "j.json");
    expect(objects[0].object.metadata.name).toBe("migrate-…");
  });
  it("reads values as kubectl does: dates stay strings, anchors merge", () => {
    const { objects } = parseManifestText("apiVersion: forklift.konveyor.io/v1beta1\nkind: Migration\nmetadata: { name: m }\nx: &base { plan: p }\nspec:\n  <<: *base\n  cutover: 2026-12-05T00:00:00+07:00\n", "m.yaml");
    expect(objects[0].object.spec).toEqual({ plan: "p", cutover: "2026-12-05T00:00:00+07:00" });
  });
  it("reports duplicate keys and syntax errors with line and column", () => {
    const { findings } = parseManifestText("apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: { name: x }\n", "d.yaml");
    expect(findings).toEqual([expect.objectContaining({ file: "d.yaml", line: 3, col: 1, message: expect.stringMatching(/YAML syntax error: Map keys must be unique/) })]);
  });
});
