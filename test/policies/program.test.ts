// Both deploy paths on the committed sample stacks: the CrossGuard policies over exactly what the
// Pulumi program registers (under runtime mocks; Helm releases as `kubernetes:helm.sh/v3:Release`)
// and `dcplan check --stack` over what `dcplan render` writes (manifests, and the releases read
// back from helm/install.sh and their values files) find the same things: nothing on the sample,
// and the same findings word for word when the same platform object is taken away from both.
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { beforeAll, describe, expect, it } from "vitest";
import { stackObjects, systemRecords } from "../../policies/check.js";
import { policyContext } from "../../policies/context.js";
import { allPolicies, objectOf } from "../../policies/crossguard.js";
import { evaluate } from "../../policies/evaluate.js";
import { type KObject, subjectOf } from "../../policies/model.js";
import type * as Program from "../../stacks/program.js";
import { SECRET_ENV, stackFileConfigSource } from "../../stacks/render.js";
import { installMocks, registered, settle, unwrapSecrets, valueOf } from "../stacks/pulumi-mocks.js";

/** Secrets of the committed stacks (the program needs them to register the credential Secrets). */
const STACK_ENV = {
  [SECRET_ENV.backupCredentials]: JSON.stringify({ "dc-bn": { accessKeyId: "a", secretAccessKey: "b" }, "dc-bg": { accessKeyId: "c", secretAccessKey: "d" } }),
  [SECRET_ENV.bgpPasswords]: JSON.stringify({ "pe-tslcd-bn-1": "1", "pe-tslcd-bn-2": "2", "pe-tslcd-bg-1": "3", "pe-tslcd-bg-2": "4" }),
  [SECRET_ENV.vsphereCredentials]: JSON.stringify({ "dc-bg": { user: "forklift@vsphere.local", password: "v" }, "dc-bn": { user: "forklift@vsphere.local", password: "w" } }),
};

let program: typeof Program;

beforeAll(async () => {
  await installMocks();
  program = await import("../../stacks/program.js");
});

/** The Kubernetes resources the program registers for a committed stack, secrets revealed. */
async function registeredResources(stack: string): Promise<PolicyResource[]> {
  await installMocks(stack);
  const result = await program.runProgram(stackFileConfigSource(".", stack, STACK_ENV), { root: "." });
  await valueOf(result.outputs.namespaces);
  await settle();
  return registered
    .filter((r) => r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:"))
    .map((r, i) => ({ type: r.type, name: r.name, urn: `urn:pulumi:${stack}::dcplan::${r.type}::${r.name}#${i}`, props: unwrapSecrets(r.inputs) as Record<string, unknown> }) as unknown as PolicyResource);
}

/** Every catalogue policy run as the CrossGuard pack runs it: `rule|subject: message` lines, sorted. */
function viaCrossGuard(resources: readonly PolicyResource[], systems: ReturnType<typeof systemRecords> | undefined): string[] {
  const out: string[] = [];
  const extra = { getConfig: () => ({}), notApplicable: () => undefined, stackTags: new Map() };
  for (const policy of allPolicies(systems)) {
    const report = (m: string) => out.push(`${policy.name}|${m}`);
    if ("validateResource" in policy) for (const r of resources) (policy as ResourceValidationPolicy & { validateResource: (a: ResourceValidationArgs, r: (m: string) => void) => void }).validateResource({ ...r, ...extra } as unknown as ResourceValidationArgs, report);
    else (policy as StackValidationPolicy & { validateStack: (a: StackValidationArgs, r: (m: string) => void) => void }).validateStack({ resources, ...extra } as unknown as StackValidationArgs, report);
  }
  return out.sort();
}

/** The same catalogue through dcplan check's core, on objects. */
function viaCheck(objects: readonly KObject[], systems: ReturnType<typeof systemRecords>): string[] {
  return evaluate(objects, policyContext(objects, systems)).map((f) => `${f.rule}|${subjectOf(objects[f.object])}: ${f.message}`).sort();
}

describe("CrossGuard on what Pulumi registers, dcplan check on what render writes", () => {
  it("prod: the same objects on both paths (Helm releases included), no finding on either, and the same findings once the log shipping and a faster backup are taken away", async () => {
    const resources = await registeredResources("prod");
    const { objects: located, index, plan } = await stackObjects(process.cwd(), "prod", {});
    const rendered = located.map((l) => l.object);
    const systems = systemRecords(index, plan);
    const fromPulumi = resources.map((r) => objectOf(r.type, r.props, r.name)!);
    const key = (o: KObject) => `${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}`;
    // render writes no Secret without --secrets-from-env; everything else is on both paths.
    expect(rendered.map(key).sort()).toEqual(fromPulumi.filter((o) => o.kind !== "Secret" || o.metadata.name === "soc-ca").map(key).sort());
    expect(fromPulumi.filter((o) => o.kind === "Release").map((o) => o.metadata.name)).toEqual(["metallb", "velero", "fluent-bit", "fluent-bit-events"]);

    expect(viaCrossGuard(resources, systems)).toEqual([]);
    expect(viaCheck(rendered, systems)).toEqual([]);
    // The pack as Pulumi runs it has no inventory: the namespaces' labels and RPO annotation tell it the same.
    expect(viaCrossGuard(resources, undefined)).toEqual([]);
    const slower = (r: PolicyResource) => {
      const o = objectOf(r.type, r.props, r.name)!;
      return o.kind === "Schedule" && o.metadata.name === "level-3-every-4h-vms" ? { ...r, props: { ...r.props, spec: { ...(r.props.spec as object), schedule: "30 1 * * *" } } } : r;
    };
    const daily = viaCrossGuard(resources.map(slower) as PolicyResource[], undefined);
    expect(daily).toEqual([expect.stringMatching(/^backup-interval-meets-rpo\|Namespace\/vbdlis-bg: .*recovery point objective is 4 h/)]);
    expect(viaCheck(rendered.map((o) => (o.kind === "Schedule" && o.metadata.name === "level-3-every-4h-vms" ? { ...o, spec: { ...(o.spec as object), schedule: "30 1 * * *" } } : o)), systems)).toEqual(daily);

    const takenAway = (o: KObject) => (o.kind === "Release" && String(o.metadata.name).startsWith("fluent-bit")) || (o.kind === "Schedule" && o.metadata.name === "level-3-every-4h-vms");
    const lessPulumi = resources.filter((r) => !takenAway(objectOf(r.type, r.props, r.name)!));
    const lessRendered = rendered.filter((o) => !takenAway(o));
    const found = viaCheck(lessRendered, systems);
    expect(viaCrossGuard(lessPulumi, systems)).toEqual(found);
    expect(found.map((f) => f.split(":")[0])).toEqual([
      "logs-to-soc|Namespace/csdl-dat-dai-bn",
      "logs-to-soc|Namespace/qlvb-dang",
      "logs-to-soc|Namespace/vbdlis-bg",
      "tenant-backed-up|Namespace/vbdlis-bg",
    ]);
  });
});
