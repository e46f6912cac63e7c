// The logs-to-SOC rule reads Fluent Bit pipelines in every form a cluster has them.
import { describe, expect, it } from "vitest";
import { policyContext } from "../../policies/context.js";
import { LOG_RETENTION_TABLE } from "../../policies/log-retention-table.js";
import { isFluentBitRelease, logsToSoc, SOC_LEVELS } from "../../policies/logging.js";
import type { KObject } from "../../policies/model.js";
import { fluentBit, namespace } from "./fixtures.js";

const run = (objects: KObject[], socHosts: string[] = []) => logsToSoc.check(objects, policyContext(objects), { socHosts }).map((v) => v.message);
const tenant = namespace("portal", 3);
const classic = (conf: string): KObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "fluent-bit", namespace: "logging" }, data: { "fluent-bit.conf": conf } });
const BASE = (fluentBit() as unknown as { data: Record<string, string> }).data["fluent-bit.conf"];

describe("logs-to-soc", () => {
  it("accepts the chart's ConfigMap with a TLS syslog output, and checks the SOC hosts when given", () => {
    expect(run([tenant, fluentBit()])).toEqual([]);
    expect(run([tenant, fluentBit()], ["soc.bacninh.gov.vn"])).toEqual([]);
    expect(run([tenant, fluentBit()], ["soc.bacgiang.gov.vn"])).toEqual([expect.stringMatching(/goes to soc\.bacninh\.gov\.vn, not to the SOC/)]);
  });
  it("sees a grep filter that drops the namespace, and a tail path that does not read it", () => {
    const dropped = BASE.replace("[OUTPUT]", "[FILTER]\n    Name grep\n    Match kube.*\n    Exclude $kubernetes['namespace_name'] ^(portal|kube-system)$\n[OUTPUT]");
    expect(run([tenant, classic(dropped)])).toEqual([expect.stringMatching(/a grep filter drops its records/)]);
    const other = BASE.replace("/var/log/containers/*.log", "/var/log/containers/*_kube-system_*.log");
    expect(run([tenant, classic(other)])).toEqual([expect.stringMatching(/no tail input reads its container logs/)]);
  });
  it("reads the YAML configuration format and a fluent-bit Helm release's values", () => {
    const yaml: KObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "fluent-bit", namespace: "logging" },
      data: { "fluent-bit.yaml": "pipeline:\n  inputs:\n    - name: tail\n      path: /var/log/containers/*.log\n      tag: kube.*\n  outputs:\n    - name: http\n      match: 'kube.*'\n      host: soc.bacninh.gov.vn\n      tls: on\n" },
    };
    expect(run([tenant, yaml])).toEqual([]);
    const [, , ...sections] = BASE.split("[");
    const inputs = `[${sections[0]}`;
    const outputs = `[${sections[2]}`;
    const release: KObject = { apiVersion: "helm.sh/v3", kind: "Release", metadata: { name: "fluent-bit", namespace: "logging" }, spec: { chart: "fluent-bit", version: "0.58.1", values: { config: { inputs, outputs: outputs.replace("tls On", "tls Off") } } } };
    expect(run([tenant, release])).toEqual([expect.stringMatching(/output syslog to soc\.bacninh\.gov\.vn does not use TLS \(in Release\/fluent-bit\)/)]);
  });
  it("recognises the fluent-bit chart by name, repository path or archive (what the stacks install air-gapped), and no other chart", () => {
    const release = (chart: string): KObject => ({ apiVersion: "helm.sh/v3", kind: "Release", metadata: { name: "r" }, spec: { chart } });
    expect(["fluent-bit", "fluent/fluent-bit", "charts/fluent-bit-0.58.1.tgz", "/opt/charts/fluent-bit-0.58.1-rc.1.tgz"].map((c) => isFluentBitRelease(release(c)))).toEqual([true, true, true, true]);
    expect(["fluent-bit-exporter", "charts/velero-12.1.0.tgz", "charts/fluent-bit-tools.tgz"].map((c) => isFluentBitRelease(release(c)))).toEqual([false, false, false]);
  });
  it("applies from the levels the log retention table collects centrally (3–5), not below", () => {
    expect(SOC_LEVELS).toEqual(LOG_RETENTION_TABLE.filter((t) => t.central).flatMap((t) => t.levels));
    expect(SOC_LEVELS).toEqual([3, 4, 5]);
    expect(logsToSoc.levels).toEqual([3, 4, 5]);
    expect(run([namespace("portal", 2)])).toEqual([]);
    expect(run([namespace("portal", 4)])).toHaveLength(1);
  });
  it("names every tenant when no pipeline exists", () => expect(run([tenant])).toEqual([expect.stringMatching(/no Fluent Bit pipeline among the objects/)]));
});
