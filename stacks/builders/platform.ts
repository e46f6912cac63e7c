// The platform's own namespaces and the guard rails of log shipping: the namespaces the platform
// services' Helm releases run in (Velero, MetalLB, the log forwarders; Pod Security `privileged`,
// since Velero's node agent, MetalLB's speaker and Fluent Bit read the host), the SOC's CA as a
// Secret for Fluent Bit, and the logging namespace's NetworkPolicies: deny everything, then allow
// egress to the SOC's addresses on its port, DNS when the SOC is named by host name, and, for the
// events collector alone, the API server. Pure and deterministic.
import { isIpAddress } from "./ip.js";
import { EVENTS_RELEASE, type SocEndpoint } from "./helm/fluent-bit-values.js";
import { byKindNamespaceName, compareIds, k8s, type K8sObject, LABEL_PREFIX, MANAGED_BY } from "./objects.js";
import { NAMESPACE_NAME_LABEL } from "./tenancy.js";

/** Label marking a platform namespace (not a tenant). */
export const PLATFORM_LABEL = `${LABEL_PREFIX}/platform`;

/** Name of the Secret holding the SOC's CA in the logging namespace. */
export const SOC_CA_SECRET = "soc-ca";

/** What the platform objects need. */
export interface PlatformServicesModel {
  /** Namespaces of Velero, MetalLB and the log forwarders. */
  readonly namespaces: { readonly velero: string; readonly metallb: string; readonly logging: string };
  /** Pod Security version pinned in the labels. */
  readonly podSecurityVersion: string;
  readonly soc: SocEndpoint;
  /** CIDRs of the SOC's receivers. */
  readonly socCidrs: readonly string[];
  /** PEM of the SOC's CA. */
  readonly socCa: string;
  /** API server endpoints and port, for the events collector. */
  readonly apiServerCidrs: readonly string[];
  readonly apiServerPort: number;
}

function namespace(name: string, component: string, version: string): K8sObject {
  return k8s("v1", "Namespace", {
    name,
    labels: {
      ...MANAGED_BY,
      [PLATFORM_LABEL]: component,
      "pod-security.kubernetes.io/enforce": "privileged",
      "pod-security.kubernetes.io/enforce-version": version,
      "pod-security.kubernetes.io/warn": "privileged",
      "pod-security.kubernetes.io/warn-version": version,
      "pod-security.kubernetes.io/audit": "privileged",
      "pod-security.kubernetes.io/audit-version": version,
    },
  });
}

/** The namespaces, the CA Secret and the logging NetworkPolicies, sorted by kind, namespace and name. */
export function buildPlatformServices(model: PlatformServicesModel): K8sObject[] {
  const ns = model.namespaces;
  const v = model.podSecurityVersion;
  const names = new Map<string, string>([
    [ns.velero, "backup"],
    [ns.metallb, "wan"],
    [ns.logging, "logging"],
  ]);
  const out: K8sObject[] = [...names].map(([name, component]) => namespace(name, component, v));
  const meta = (name: string) => ({ name, namespace: ns.logging, labels: { ...MANAGED_BY, [PLATFORM_LABEL]: "logging" } });
  out.push(k8s("v1", "Secret", meta(SOC_CA_SECRET), { stringData: { "ca.crt": model.socCa }, type: "Opaque" }));
  const policy = (name: string, spec: Record<string, unknown>) => k8s("networking.k8s.io/v1", "NetworkPolicy", meta(name), { spec });
  out.push(policy("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
  out.push(
    policy("allow-egress-to-soc", {
      egress: [{ ports: [{ port: model.soc.port, protocol: "TCP" }], to: [...model.socCidrs].sort(compareIds).map((cidr) => ({ ipBlock: { cidr } })) }],
      podSelector: {},
      policyTypes: ["Egress"],
    }),
  );
  if (!isIpAddress(model.soc.host)) {
    out.push(
      policy("allow-dns", {
        egress: [
          {
            ports: [
              { port: 53, protocol: "UDP" },
              { port: 53, protocol: "TCP" },
            ],
            to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          },
        ],
        podSelector: {},
        policyTypes: ["Egress"],
      }),
    );
  }
  out.push(
    policy("allow-events-to-apiserver", {
      egress: [{ ports: [{ port: model.apiServerPort, protocol: "TCP" }], to: [...model.apiServerCidrs].sort(compareIds).map((cidr) => ({ ipBlock: { cidr } })) }],
      podSelector: { matchLabels: { "app.kubernetes.io/instance": EVENTS_RELEASE } },
      policyTypes: ["Egress"],
    }),
  );
  return out.sort(byKindNamespaceName);
}
