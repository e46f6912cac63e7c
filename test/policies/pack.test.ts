// The policy pack as Pulumi runs it for `pulumi preview --policy-pack policies`: Pulumi's own
// runner (@pulumi/pulumi/cmd/run-policy-pack) started in policies/ with the pack directory as
// program, which loads policies/package.json's `main` (the compiled pack in dist/policies) and
// serves the analyzer over gRPC. The test then asks for the pack's info and analyses one resource.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPolicies, TYPES, typeToken } from "../../policies/crossguard.js";
import { world } from "./fixtures.js";

const ROOT = resolve(".");
const PACK = join(ROOT, "policies");
// The same grpc-js and generated stubs the Pulumi SDK uses (a transitive dependency, resolved through it).
const fromPulumi = createRequire(createRequire(join(ROOT, "package.json")).resolve("@pulumi/pulumi"));
const grpc = fromPulumi("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
const analyzerGrpc = fromPulumi("./proto/analyzer_grpc_pb.js") as { AnalyzerClient: new (address: string, credentials: unknown) => Record<string, (...args: unknown[]) => void> };
const analyzerPb = fromPulumi("./proto/analyzer_pb.js") as Record<string, new () => Record<string, (...args: unknown[]) => unknown>>;
const emptyPb = fromPulumi("google-protobuf/google/protobuf/empty_pb.js") as { Empty: new () => unknown };
const structPb = fromPulumi("google-protobuf/google/protobuf/struct_pb.js") as { Struct: { fromJavaScript(v: unknown): unknown } };

const built = existsSync(join(ROOT, "dist/policies/index.js"));
let runner: ChildProcess | undefined;
let client: Record<string, (...args: unknown[]) => void>;

function call<T>(method: string, request: unknown): Promise<T> {
  return new Promise((res, rej) => client[method](request, (err: Error | null, reply: T) => (err ? rej(err) : res(reply))));
}

describe.skipIf(!built)("policy pack under Pulumi's policy-pack runner (needs `npm run build`)", () => {
  beforeAll(async () => {
    runner = spawn(process.execPath, [fromPulumi.resolve("./cmd/run-policy-pack"), "127.0.0.1:1", PACK], { cwd: PACK, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    runner.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<string>((res, rej) => {
      runner!.stdout!.on("data", (d: Buffer) => {
        const m = /^(\d+)\s*$/m.exec(d.toString());
        if (m) res(m[1]);
      });
      runner!.on("exit", (code) => rej(new Error(`the policy-pack runner exited (${code}) before serving: ${stderr}`)));
    });
    client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  });

  afterAll(() => {
    runner?.kill();
  });

  it("loads the compiled pack from policies/package.json and lists every rule", async () => {
    const info = await call<{ getName(): string; getVersion(): string; getPoliciesList(): { getName(): string }[] }>("getAnalyzerInfo", new emptyPb.Empty());
    expect(info.getName()).toBe("dcplan");
    expect(info.getVersion()).toBe("0.1.0");
    // A mismatch here means dist/ is older than policies/*.ts: run `npm run build`.
    expect(info.getPoliciesList().map((p) => p.getName()).sort()).toEqual(allPolicies().map((p) => p.name).sort());
  });

  it("reports a violation for a resource that breaks a rule", async () => {
    const req = new analyzerPb.AnalyzeRequest();
    req.setType(TYPES.namespace);
    req.setName("ns");
    req.setUrn(`urn:pulumi:dev::dcplan::${TYPES.namespace}::ns`);
    req.setOptions(new analyzerPb.AnalyzerResourceOptions()); // the engine always sends options
    req.setProperties(structPb.Struct.fromJavaScript({ metadata: { name: "ns", labels: { "dcplan.gov.vn/security-level": "4", "pod-security.kubernetes.io/enforce": "baseline" } } }));
    const reply = await call<{ getDiagnosticsList(): { getPolicyname(): string }[] }>("analyze", req);
    expect(reply.getDiagnosticsList().map((d) => d.getPolicyname())).toContain("namespace-pod-security");
  });


  it("analyses a stack: a tenant namespace without its default deny, reported at the namespace with the same words as dcplan check", async () => {
    const objects = world({ portal: 3 }).filter((o) => !(o.kind === "NetworkPolicy" && o.metadata.name === "default-deny"));
    const req = new analyzerPb.AnalyzeStackRequest();
    objects.forEach((o, i) => {
      const r = new analyzerPb.AnalyzerResource();
      r.setType(typeToken(o));
      r.setName(`r${i}`);
      r.setUrn(`urn:pulumi:dev::dcplan::${typeToken(o)}::r${i}`);
      r.setOptions(new analyzerPb.AnalyzerResourceOptions());
      r.setProperties(structPb.Struct.fromJavaScript(o));
      req.addResources(r);
    });
    const reply = await call<{ getDiagnosticsList(): { getPolicyname(): string; getMessage(): string; getUrn(): string; getEnforcementlevel(): number }[] }>("analyzeStack", req);
    const diagnostics = reply.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), message: d.getMessage(), urn: d.getUrn() }));
    expect(diagnostics).toEqual([
      {
        policy: "tenant-default-deny",
        message: expect.stringContaining("Namespace/portal: tenant namespace portal has no default-deny NetworkPolicy"),
        urn: "urn:pulumi:dev::dcplan::kubernetes:core/v1:Namespace::r0",
      },
    ]);
  });
});
