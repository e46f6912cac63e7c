// `dcplan check --stack` on the committed sample stacks: what `dcplan render` writes is checked
// byte for byte (findings point at the lines of render's own files), and the sample stacks pass
// every rule but the ones whose platform objects are still missing (KNOWN_GAPS).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../planner/cli/main.js";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { policyContext } from "../../policies/context.js";
import { allPolicies, typeToken } from "../../policies/crossguard.js";
import { stackObjects } from "../../policies/check.js";
import { evaluate } from "../../policies/evaluate.js";
import type { KObject } from "../../policies/model.js";
import { subjectOf } from "../../policies/model.js";
import { objectConfigSource, parseStackConfig } from "../../stacks/config.js";
import { renderStack } from "../../stacks/render.js";
import { buildStackObjects, buildStackSecrets, prepareStack } from "../../stacks/stack.js";
import { captureIo, tempDir } from "../fixtures.js";
import { configSecrets, configValues, scenario } from "../stacks/fixtures.js";

/** Rules the builders' output fails today, and why: no Fluent Bit pipeline is built yet, so no tenant's logs reach the SOC (the platform's log path is issue 10's work). */
const KNOWN_GAPS = ["logs-to-soc"];

async function checkStack(stack: string) {
  const io = captureIo();
  const status = await run(["check", "--stack", stack, "--format", "json"], io);
  return { status, report: JSON.parse(io.out) as { findings: { file: string; line: number; kind: string; name: string; rule: string }[] } };
}

describe("what the builders produce", () => {
  it("passes every rule but the known gaps, for tenants of levels 1 to 4, on both paths alike", () => {
    const { index, plan } = scenario();
    const stack = prepareStack(parseStackConfig(objectConfigSource(configValues(), configSecrets())), index, plan);
    const built = buildStackObjects(stack);
    const secrets = buildStackSecrets(stack);
    const objects = [...built.platform, ...built.backup, ...built.wan, ...secrets.backup, ...secrets.wan] as unknown as KObject[];
    expect(new Set(objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.labels?.["dcplan.gov.vn/security-level"]))).toEqual(new Set(["1", "2", "3", "4"]));
    const viaCheck = evaluate(objects, policyContext(objects)).map((f) => `${f.rule}|${subjectOf(objects[f.object])}: ${f.message}`).sort();
    const viaCrossGuard: string[] = [];
    const resources = objects.map((o, i) => ({ type: typeToken(o), props: structuredClone(o), urn: `urn:r${i}`, name: `r${i}` }) as unknown as PolicyResource);
    for (const policy of allPolicies()) {
      const report = (m: string) => viaCrossGuard.push(`${policy.name}|${m}`);
      const extra = { getConfig: () => ({}), notApplicable: () => undefined, stackTags: new Map() };
      if ("validateResource" in policy) for (const r of resources) (policy as ResourceValidationPolicy & { validateResource: (a: ResourceValidationArgs, r: (m: string) => void) => void }).validateResource({ ...r, ...extra } as unknown as ResourceValidationArgs, report);
      else (policy as StackValidationPolicy & { validateStack: (a: StackValidationArgs, r: (m: string) => void) => void }).validateStack({ resources, ...extra } as unknown as StackValidationArgs, report);
    }
    expect(viaCheck).toEqual(viaCrossGuard.sort());
    expect(viaCheck.filter((l) => !KNOWN_GAPS.includes(l.split("|")[0]))).toEqual([]);
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
    for (const o of objects) {
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
