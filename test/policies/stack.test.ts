// `dcplan check --stack` on the committed sample stacks: what `dcplan render` writes is checked
// byte for byte (findings point at the lines of render's own files, the Helm releases at their
// values files), and the sample stacks pass every rule.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { policyContext } from "../../policies/context.js";
import { allPolicies, objectOf, TYPES, typeToken } from "../../policies/crossguard.js";
import { stackObjects } from "../../policies/check.js";
import { evaluate } from "../../policies/evaluate.js";
import type { KObject } from "../../policies/model.js";
import { subjectOf } from "../../policies/model.js";
import { objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { renderStack } from "../../stacks/render.js";
import { releaseArgs } from "../../stacks/components/PlatformServices.js";
import { buildStackObjects, buildStackReleases, buildStackSecrets, prepareStack } from "../../stacks/stack.js";
import { captureIo, tempDir } from "../fixtures.js";
import { configSecrets, configValues, scenario } from "../stacks/fixtures.js";

async function checkStack(stack: string) {
  const io = captureIo();
  const status = await run(["check", "--stack", stack, "--format", "json"], io);
  return { status, report: JSON.parse(io.out) as { findings: { file: string; line: number; kind: string; name: string; rule: string }[] } };
}

describe("what the builders produce", () => {
  it("passes every rule, for tenants of levels 1 to 4 with their Forklift plans and Helm releases, on both paths alike", () => {
    const { index, plan } = scenario();
    const stack = prepareStack(parseStackConfig(objectConfigSource(configValues(), configSecrets())), index, plan);
    const built = buildStackObjects(stack);
    const secrets = buildStackSecrets(stack);
    const releases = buildStackReleases(stack).map((r) => objectOf(TYPES.helmRelease, releaseArgs(r) as unknown as Record<string, unknown>, r.name)!);
    const objects = [...built.platform, ...built.backup, ...built.wan, ...built.migration, ...built.services, ...secrets.backup, ...secrets.wan, ...secrets.migration, ...releases] as unknown as KObject[];
    expect(releases.map((r) => r.metadata.name)).toEqual(["metallb", "velero", "fluent-bit", "fluent-bit-events"]);
    expect(new Set(objects.filter((o) => o.kind === "Namespace" && o.metadata.labels?.["dcplan.gov.vn/tenant"] === "true").map((o) => o.metadata.labels?.["dcplan.gov.vn/security-level"]))).toEqual(new Set(["1", "2", "3", "4"]));
    const viaCheck = evaluate(objects, policyContext(objects)).map((f) => `${f.rule}|${subjectOf(objects[f.object])}: ${f.message}`).sort();
    const viaCrossGuard: string[] = [];
    const resources = objects.map((o, i) => (o.kind === "Release" ? { type: TYPES.helmRelease, props: structuredClone(o.spec), urn: `urn:r${i}`, name: o.metadata.name } : { type: typeToken(o), props: structuredClone(o), urn: `urn:r${i}`, name: `r${i}` }) as unknown as PolicyResource);
    for (const policy of allPolicies()) {
      const report = (m: string) => viaCrossGuard.push(`${policy.name}|${m}`);
      const extra = { getConfig: () => ({}), notApplicable: () => undefined, stackTags: new Map() };
      if ("validateResource" in policy) for (const r of resources) (policy as ResourceValidationPolicy & { validateResource: (a: ResourceValidationArgs, r: (m: string) => void) => void }).validateResource({ ...r, ...extra } as unknown as ResourceValidationArgs, report);
      else (policy as StackValidationPolicy & { validateStack: (a: StackValidationArgs, r: (m: string) => void) => void }).validateStack({ resources, ...extra } as unknown as StackValidationArgs, report);
    }
    expect(viaCheck).toEqual(viaCrossGuard.sort());
    expect(viaCheck).toEqual([]);
  });
});

describe("dcplan check --stack", () => {
  for (const stack of ["dev", "staging", "prod"]) {
    it(`${stack}: clean`, async () => {
      const { status, report } = await checkStack(stack);
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    });
  }

  it("reads the objects at the files and lines dcplan render writes", async () => {
    const out = tempDir();
    await renderStack({ root: process.cwd(), stack: "prod", out, env: {} });
    const { objects } = await stackObjects(process.cwd(), "prod", {});
    expect(objects.length).toBeGreaterThan(30);
    // The Helm releases, in install order, at their values files (after the generated header); a value's line is its own.
    const releases = objects.filter((o) => o.object.kind === "Release");
    expect(releases.map((o) => [o.object.metadata.name, o.file, o.line])).toEqual(
      ["metallb", "velero", "fluent-bit", "fluent-bit-events"].map((n) => [n, `prod/helm/${n}.values.yaml`, 2]),
    );
    const fluentBit = releases[2];
    const valuesLines = readFileSync(join(out, "helm", "fluent-bit.values.yaml"), "utf8").split("\n");
    expect(valuesLines[fluentBit.lineOf(["spec", "values", "config", "outputs"]) - 1]).toMatch(/^  outputs: \|/);
    expect(fluentBit.object.spec).toMatchObject({ chart: "charts/fluent-bit-0.58.1.tgz", version: "0.58.1", namespace: "logging" });
    for (const o of objects.filter((x) => x.object.kind !== "Release")) {
      expect(o.file.startsWith("prod/")).toBe(true);
      const lines = readFileSync(join(out, o.file.slice("prod/".length)), "utf8").split("\n");
      expect(lines[o.line - 1]).toMatch(/^apiVersion: /);
      let end = o.line - 1;
      while (end < lines.length && lines[end] !== "---") end++;
      const doc = lines.slice(o.line - 1, end);
      expect(doc).toContain(`kind: ${o.object.kind}`);
      expect(doc).toContain(`  name: ${o.object.metadata.name}`);
    }
  });


});
