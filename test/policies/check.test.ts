// `dcplan check` as a user runs it: the bundled agency manifests give exactly the pinned findings,
// the three report formats (SARIF valid against the 2.1.0 schema), policy configuration overrides,
// and every kind of bad input located, with exit status 2.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { CHECK_FORMATS as DECLARED_FORMATS } from "../../planner/cli/commands/index.js";
import { run } from "../../planner/cli/main.js";
import { CHECK_FORMATS } from "../../policies/check.js";
import { captureIo, tempDir, writeTree } from "../fixtures.js";

const AGENCY = "test/policies/agency";

async function check(...args: string[]) {
  const io = captureIo();
  const status = await run(["check", ...args], io);
  return { status, out: io.out, err: io.err };
}

describe("dcplan check on the bundled agency manifests", () => {
  it("reports exactly the expected findings, with the sample inventory telling the levels", async () => {
    const r = await check("--manifests", AGENCY, "--inventory", "inventory/sample");
    expect(r.status).toBe(1);
    expect(r.err).toMatchInlineSnapshot(`
      "check failed: 19 findings of 15 mandatory rules (network-policy-no-allow-all, rbac-no-wildcards, rbac-agency-not-cluster-wide, no-default-namespace, no-privileged-containers, no-host-namespaces, no-host-ports, no-host-path, image-tag-pinned, image-digest-pinned, image-registry-allowed, probes-configured, replicas-high-availability, pod-disruption-budget, spread-across-nodes)
      "
    `);
    expect(r.out).toMatchInlineSnapshot(`
      "test/policies/agency/so-gddt-tuyen-sinh/tuyen-sinh.yaml:22: Deployment/tuyen-sinh-web: service-account-token-not-automounted: mounts the token of service account default, which no RoleBinding in these objects grants anything: a stolen token for nothing. Set automountServiceAccountToken: false in the pod template (or on the ServiceAccount).
      test/policies/agency/so-gddt-tuyen-sinh/tuyen-sinh.yaml:23: Deployment/tuyen-sinh-web: read-only-root-filesystem: container web has a writable root filesystem. Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the application writes (e.g. /tmp).
      test/policies/agency/so-gddt-tuyen-sinh/tuyen-sinh.yaml:23: Deployment/tuyen-sinh-web: resources-requests-limits: container web does not set resources requests.cpu, requests.memory, limits.cpu, limits.memory. Size them from measured use (the namespace quota is in the ResourceQuota tenant-quota).
      test/policies/agency/so-gddt-tuyen-sinh/tuyen-sinh.yaml:23: Deployment/tuyen-sinh-web: probes-configured: container web has no livenessProbe and no readinessProbe. Add them (an HTTP GET on a health endpoint, or a TCP check of the serving port).
      test/policies/agency/so-gddt-tuyen-sinh/tuyen-sinh.yaml:24: Deployment/tuyen-sinh-web: image-tag-pinned: container web uses image registry.dc.bacninh.gov.vn/so-gddt/tuyen-sinh-web:latest, which changes under the running system. Pin a released version tag (and its digest from level 3).
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:14: ClusterRole/giam-sat-node-exporter: rbac-no-wildcards: rule 0 grants "*" in resources, apiGroups: that covers every present and future resource. List exactly the verbs and resources the workload needs (see the tenant-operator Role).
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:48: DaemonSet/node-exporter: no-host-namespaces: sets hostNetwork: true, sharing the node's network with the pod. Remove hostNetwork.
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:49: DaemonSet/node-exporter: no-host-namespaces: sets hostPID: true, sharing the node's processes with the pod. Remove hostPID.
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:51: DaemonSet/node-exporter: probes-configured: container node-exporter has no readinessProbe. Add them (an HTTP GET on a health endpoint, or a TCP check of the serving port).
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:52: DaemonSet/node-exporter: image-registry-allowed: container node-exporter pulls quay.io/prometheus/node-exporter:v1.9.1 from quay.io, which is not an allowed registry (registry.dc.bacninh.gov.vn). Mirror the image into the internal registry and reference it there.
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:60: DaemonSet/node-exporter: no-host-ports: container node-exporter binds host port 9100, outside every NetworkPolicy. Remove hostPort and expose it through a Service.
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:73: DaemonSet/node-exporter: no-privileged-containers: container node-exporter is privileged: it can take over the node and every workload on it. Remove securityContext.privileged (or set it to false).
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:82: DaemonSet/node-exporter: no-host-path: volume proc mounts host path /proc from the node. Use a PersistentVolumeClaim, a ConfigMap/Secret, or emptyDir.
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:85: DaemonSet/node-exporter: no-host-path: volume sys mounts host path /sys from the node. Use a PersistentVolumeClaim, a ConfigMap/Secret, or emptyDir.
      test/policies/agency/so-khcn-giam-sat/node-exporter.yaml:88: DaemonSet/node-exporter: no-host-path: volume root mounts host path / from the node. Use a PersistentVolumeClaim, a ConfigMap/Secret, or emptyDir.
      test/policies/agency/ttpvhcc-kho-so-hoa/rendered.yaml:48: Deployment/kho-so-hoa-api: pod-disruption-budget: no PodDisruptionBudget selects its pods (labels {"app.kubernetes.io/name":"kho-so-hoa","app.kubernetes.io/instance":"kho-so-hoa"}), so a node drain may stop every replica of a security level 3 system at once. Add a PodDisruptionBudget with maxUnavailable: 1 selecting them.
      test/policies/agency/ttpvhcc-kho-so-hoa/rendered.yaml:57: Deployment/kho-so-hoa-api: replicas-high-availability: runs 1 replica for a security level 3 system: a single node drain or crash takes the service down. Set spec.replicas to at least 2 (or an autoscaler's minReplicas).
      test/policies/agency/ttpvhcc-kho-so-hoa/rendered.yaml:68: Deployment/kho-so-hoa-api: spread-across-nodes: does not spread its replicas across nodes, so they may all land on one node and fail with it (security level 3). Add a topologySpreadConstraint with topologyKey kubernetes.io/hostname and a labelSelector matching its pods.
      test/policies/agency/ttpvhcc-kho-so-hoa/rendered.yaml:77: Deployment/kho-so-hoa-api: image-digest-pinned: container api uses image registry.dc.bacninh.gov.vn/ttpvhcc/kho-so-hoa-api:2.3.1 without a digest; level 3 systems run only digest-pinned images. Append @sha256:<digest> of the reviewed image (e.g. from \`crane digest\` or the registry).
      test/policies/agency/ttpvhcc-kho-so-hoa/rendered.yaml:86: Deployment/kho-so-hoa-api: secrets-as-files: container api reads Secret kho-so-hoa-db into environment variable DB_PASSWORD. Mount the Secret as a volume and read the file.
      test/policies/agency/x-tien-du-loa/loa.yaml:51: NetworkPolicy/allow-all: network-policy-no-allow-all: ingress rule 0 has no \`from\`, which means every source: it opens the namespace to the whole cluster and network and undoes the default deny. Name the peers (a namespaceSelector on kubernetes.io/metadata.name, or the CIDRs of the system reached).
      test/policies/agency/x-tien-du-loa/loa.yaml:59: RoleBinding/vendor-admin: rbac-agency-not-cluster-wide: binds agency group dcplan:agency:x-tien-du to ClusterRole admin: cluster roles such as admin and edit can change the NetworkPolicies and RBAC the platform manages. Bind the tenant-operator Role instead.
      test/policies/agency/x-tien-du-loa/loa.yaml:71: ConfigMap/loa-lich-phat: no-default-namespace: is in namespace default, which belongs to no system (no security level, quota, default deny or backup). Put it in the namespace of the system it belongs to.
      test/policies/agency/x-tien-du-loa/loa.yaml:78: Job/loa-import-danh-ba: namespace-level-known: has no namespace: kubectl would put it in the current context's namespace, so its system and security level cannot be told and the level-dependent rules were not applied. Set metadata.namespace to the system's namespace.

      summary:
        namespace-level-known                  advisory   1 finding
        network-policy-no-allow-all            mandatory  1 finding
        rbac-no-wildcards                      mandatory  1 finding
        rbac-agency-not-cluster-wide           mandatory  1 finding
        no-default-namespace                   mandatory  1 finding
        no-privileged-containers               mandatory  1 finding
        no-host-namespaces                     mandatory  2 findings
        no-host-ports                          mandatory  1 finding
        no-host-path                           mandatory  3 findings
        read-only-root-filesystem              advisory   1 finding
        service-account-token-not-automounted  advisory   1 finding
        resources-requests-limits              advisory   1 finding
        secrets-as-files                       advisory   1 finding
        image-tag-pinned                       mandatory  1 finding
        image-digest-pinned                    mandatory  1 finding
        image-registry-allowed                 mandatory  1 finding
        probes-configured                      mandatory  2 findings
        replicas-high-availability             mandatory  1 finding
        pod-disruption-budget                  mandatory  1 finding
        spread-across-nodes                    mandatory  1 finding

      check: 19 objects, 46 rules: FAILED: 15 mandatory rules violated (19 findings); 5 advisory rules with 5 findings
      "
    `);
  });

  it("without an inventory skips the level-dependent rules and says so", async () => {
    const r = await check("--manifests", AGENCY);
    const rules = (r.out.match(/^[^ ]+:\d+: [^:]+: ([a-z-]+):/gm) ?? []).map((l) => l.split(": ")[2].replace(/:$/, ""));
    expect(rules).not.toContain("replicas-high-availability");
    expect(rules).not.toContain("image-digest-pinned");
    expect(r.out).toMatch(/namespace kho-so-hoa-bn has no known security level/);
    expect(r.status).toBe(1); // the level-independent mandatory rules still fail
  });

  it("the compliant LGSP manifests pass on their own", async () => {
    const r = await check("--manifests", join(AGENCY, "so-khcn-lgsp"), "--inventory", "inventory/sample");
    expect(r.status).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "check: 4 objects, 46 rules: passed: no mandatory rule violated
      "
    `);
  });

  it("writes JSON with the findings and a count per rule", async () => {
    const r = await check("--manifests", AGENCY, "--inventory", "inventory/sample", "--format", "json");
    const report = JSON.parse(r.out);
    expect(report.result).toBe("fail");
    expect(report.objects).toBe(19);
    expect(report.findings).toHaveLength(24);
    expect(report.findings[0]).toEqual({
      file: "test/policies/agency/so-gddt-tuyen-sinh/tuyen-sinh.yaml",
      line: 22,
      kind: "Deployment",
      name: "tuyen-sinh-web",
      namespace: "tuyen-sinh",
      rule: "service-account-token-not-automounted",
      severity: "advisory",
      message: expect.stringMatching(/^mounts the token of service account default/),
    });
    expect(report.summary.find((s: { rule: string }) => s.rule === "no-host-path")).toEqual({ rule: "no-host-path", severity: "mandatory", findings: 3 });
  });

  it("writes SARIF 2.1.0 that validates against the schema, to a file with --out", async () => {
    const out = join(tempDir(), "check.sarif");
    const r = await check("--manifests", AGENCY, "--inventory", "inventory/sample", "--format", "sarif", "--out", out);
    expect(r.status).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^wrote sarif report of 24 findings on 19 objects to /);
    const log = JSON.parse(readFileSync(out, "utf8"));
    const schema = JSON.parse(readFileSync("test/policies/data/sarif-schema-2.1.0.json", "utf8"));
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const results = log.runs[0].results;
    expect(results).toHaveLength(24);
    const rules = log.runs[0].tool.driver.rules;
    for (const res of results) expect(rules[res.ruleIndex].id).toBe(res.ruleId);
    const privileged = results.find((x: { ruleId: string }) => x.ruleId === "no-privileged-containers");
    expect(privileged.level).toBe("error");
    expect(privileged.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "test/policies/agency/so-khcn-giam-sat/node-exporter.yaml" }, region: { startLine: 73 } });
    expect(results.find((x: { ruleId: string }) => x.ruleId === "secrets-as-files").level).toBe("warning");
  });

  it("the same inputs give the same bytes", async () => {
    const a = await check("--manifests", AGENCY, "--inventory", "inventory/sample", "--format", "sarif");
    const b = await check("--manifests", AGENCY, "--inventory", "inventory/sample", "--format", "sarif");
    expect(a.out).toBe(b.out);
  });
});

describe("dcplan check with a policy configuration (Pulumi's --policy-pack-config format)", () => {
  const node = join(AGENCY, "so-khcn-giam-sat");
  it("turns rules advisory or off, and sets their parameters", async () => {
    const config = writeTree({
      "prod.json": JSON.stringify({ all: "advisory", "image-registry-allowed": { enforcementLevel: "mandatory", registries: ["registry.dc.bacninh.gov.vn", "quay.io/prometheus"] }, "no-host-path": "disabled" }, null, 2),
    });
    const r = await check("--manifests", node, "--policy-config", join(config, "prod.json"));
    expect(r.status).toBe(0);
    expect(r.out).not.toMatch(/no-host-path|image-registry-allowed/);
    expect(r.out).toMatch(/no-privileged-containers  advisory/);
    expect(r.out).toMatch(/check: 4 objects, 45 rules: passed: no mandatory rule violated; 6 advisory rules with 7 findings/);
  });

  it("rejects unknown rules and parameters and bad values, at their line", async () => {
    const config = writeTree({ "bad.json": '{\n  "no-host-pid": "advisory",\n  "image-registry-allowed": { "registries": [], "color": "red" },\n  "probes-configured": "optional"\n}\n' });
    const r = await check("--manifests", node, "--policy-config", join(config, "bad.json"));
    expect(r.status).toBe(2);
    expect(r.err.replaceAll(config, "<dir>")).toMatchInlineSnapshot(`
      "<dir>/bad.json:2:18: no-host-pid: no rule with this id (rules starting like it: no-host-namespaces, no-host-ports, no-host-path); the catalogue is listed in docs/policies.md
      <dir>/bad.json:3:45: image-registry-allowed: registries: value must NOT have fewer than 1 items
      <dir>/bad.json:3:58: image-registry-allowed: rule image-registry-allowed has no parameter "color" (parameters: registries)
      <dir>/bad.json:4:24: probes-configured: enforcement level "optional" is not one of mandatory, advisory, disabled
      "
    `);
  });
});

describe("dcplan check on bad input: located, every problem at once, exit 2", () => {
  it("unparseable YAML, an object without kind, a scalar document, a list item without name", async () => {
    const dir = writeTree({
      "a/broken.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [a, b\n",
      "b/nokind.yaml": "---\napiVersion: v1\nmetadata:\n  name: settings\n---\njust a string\n",
      "c/list.yaml": "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {}\n",
      "c/values.yml": "replicaCount: 2\nimage:\n  repository: nginx\n",
      "notes.txt": "ignored",
    });
    const r = await check("--manifests", dir);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.replaceAll(dir, "<dir>")).toMatchInlineSnapshot(`
      "<dir>/a/broken.yaml:6:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]
      <dir>/b/nokind.yaml:2:1: document 1 has no kind: it is not a Kubernetes object (kubectl would reject it)
      <dir>/b/nokind.yaml:6:1: document 2 is a string, not a Kubernetes object
      <dir>/c/list.yaml:4:5: item 1 of List (ConfigMap) has no metadata.name
      <dir>/c/values.yml:1:1: document 1 has no kind and no apiVersion: it is not a Kubernetes object (kubectl would reject it)
      "
    `);
  });

  it("an unknown stack, a missing directory, nothing to check", async () => {
    const stack = await check("--stack", "nope");
    expect(stack.status).toBe(2);
    expect(stack.err.replaceAll(process.cwd(), "<root>")).toMatchInlineSnapshot(`
      "<root>/stacks/Pulumi.nope.yaml: no stack file for stack "nope"
      "
    `);
    const missing = await check("--manifests", "no/such/dir");
    expect(missing.status).toBe(2);
    expect(missing.err).toMatchInlineSnapshot(`
      "no/such/dir: no such file or directory
      "
    `);
    const nothing = await check();
    expect(nothing.status).toBe(2);
    expect(nothing.err).toMatchInlineSnapshot(`
      "dcplan: give --stack NAME, --manifests PATH, or both
      "
    `);
    const format = await check("--manifests", AGENCY, "--format", "xml");
    expect(format.status).toBe(2);
    expect(format.err).toMatchInlineSnapshot(`
      "dcplan: --format must be one of text, json, sarif, got "xml"
      "
    `);
  });

  it("declares the same formats it implements", () => expect([...DECLARED_FORMATS]).toEqual([...CHECK_FORMATS]));

  it("an empty directory is an error, an empty document is not", async () => {
    const empty = tempDir();
    expect((await check("--manifests", empty)).err).toMatch(/no manifest files/);
    const dir = tempDir();
    writeFileSync(join(dir, "helm.yaml"), "---\n# Source: chart/templates/empty.yaml\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n  namespace: portal\n---\n");
    const r = await check("--manifests", dir);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^check: 1 object, 46 rules: passed/m);
  });
});

describe("dcplan check as a process", () => {
  const dcplan = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "planner/cli/main.ts", "check", ...args], { encoding: "utf8", env: { ...process.env, CI: "true", LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" } });
  it("exits 1 on mandatory findings, 2 on bad input, never with a stack trace", () => {
    const failing = dcplan("--manifests", AGENCY, "--inventory", "inventory/sample");
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/^check failed: 19 findings of 15 mandatory rules/);
    const bad = dcplan("--manifests", writeTree({ "x.yaml": "kind: [\n" }));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/x\.yaml:\d+:\d+: YAML syntax error/);
    expect(bad.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(dcplan("--manifests", join(AGENCY, "so-khcn-lgsp"), "--inventory", "inventory/sample").status).toBe(0);
  });
});
