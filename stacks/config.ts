// The one place that reads stack configuration. `pulumi.Config` is not covered by Pulumi's runtime
// mocks, and `dcplan render` must read the same keys from the YAML files without the Pulumi CLI, so
// both go through a `ConfigSource` (a plain key → value lookup) and one zod schema. Every problem
// becomes a finding naming the key (`dcplan:wan.peers[1].holdTime`), raised as one ConfigError before
// any resource is registered. Keys, defaults and secrecy are listed once in CONFIG_KEYS; Pulumi.yaml
// documents the same keys (a test keeps the two in step).
import { z } from "zod";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, type Finding } from "../common/errors.js";
import { Id, IsoDate } from "../inventory/schema.js";
import { locate } from "../inventory/yaml-source.js";
import { SecretValue } from "./secret.js";

/** The Pulumi config namespace of the project (`dcplan:waveCutoff`). */
export const CONFIG_NAMESPACE = "dcplan";

/** Raw configuration values by key (without the `dcplan:` prefix), already parsed from YAML/JSON. */
export interface ConfigSource {
  /** Value of a plain key, or undefined when unset. */
  value(key: string): unknown;
  /** Plaintext of a secret key, or undefined when unset. */
  secret(key: string): unknown;
  /** Where the values come from, for messages (a stack file path, "pulumi config"). */
  readonly origin?: string;
  /** Findings the source itself produced (e.g. a secret key stored in plaintext). */
  readonly findings?: readonly Finding[];
  /** Stack name (`dev`, `prod`), when known: the default of `clusterIdentifier`. */
  readonly stack?: string;
}

/** A ConfigSource over plain objects: what tests and `dcplan render` use. */
export function objectConfigSource(values: Record<string, unknown>, secrets: Record<string, unknown> = {}, origin?: string): ConfigSource {
  return {
    value: (key) => values[key],
    secret: (key) => secrets[key],
    origin,
  };
}

/**
 * The ConfigSource of a running Pulumi program. Secret keys are read as plaintext so their shape
 * can be validated before any resource exists; they are wrapped in SecretValue at once and reach
 * Pulumi only through `pulumi.secret`. A secret key stored in plaintext is reported.
 */
export async function pulumiConfigSource(): Promise<ConfigSource> {
  const pulumi = await import("@pulumi/pulumi");
  const cfg = new pulumi.Config(CONFIG_NAMESPACE);
  const findings: Finding[] = [];
  // Pulumi hands every value to the program as a string (objects and numbers as JSON); string keys
  // stay strings, so a context named `123` or `true` is not turned into a number or boolean.
  const read = (key: string): unknown => {
    const raw = cfg.get(key);
    if (raw === undefined || STRING_KEYS.has(key)) return raw;
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };
  const kubernetes = new pulumi.Config("kubernetes");
  findings.push(...ignoredProviderConfig((k) => kubernetes.get(k)));
  // isConfigSecret is exported by the runtime but missing from its type declarations.
  const isSecret = (pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
  for (const k of CONFIG_KEYS) {
    if (k.secret && isSecret && cfg.get(k.key) !== undefined && !isSecret(`${CONFIG_NAMESPACE}:${k.key}`)) {
      findings.push({
        severity: "error",
        rule: "secret-in-plaintext",
        entity: `${CONFIG_NAMESPACE}:${k.key}`,
        message: `is stored in plaintext; set it with \`pulumi config set --secret --path '${k.key}…'\``,
      });
    }
  }
  // Findings name the stack file when it is where Pulumi's working directory expects it, so they can be located.
  const stackFile = join("stacks", `Pulumi.${pulumi.getStack()}.yaml`);
  return { value: read, secret: read, origin: existsSync(stackFile) ? stackFile : undefined, findings, stack: pulumi.getStack() };
}

/** Keys of the `kubernetes:` namespace that choose the cluster, and the dcplan key that does it instead. */
export const PROVIDER_KEYS: Readonly<Record<string, string>> = { context: "kubeContext", kubeconfig: "kubeconfig", cluster: "kubeContext" };

/**
 * Errors for `kubernetes:context`, `kubernetes:kubeconfig` and `kubernetes:cluster` set in a stack:
 * they configure Pulumi's default Kubernetes provider, which no dcplan resource uses (the program
 * creates its own provider from `dcplan:kubeContext` / `dcplan:kubeconfig`), so setting them would
 * silently leave the program on the current kubeconfig context, possibly another cluster.
 */
export function ignoredProviderConfig(get: (key: string) => unknown): Finding[] {
  return Object.entries(PROVIDER_KEYS)
    .filter(([k]) => get(k) !== undefined)
    .map(([k, ours]) => ({
      severity: "error" as const,
      rule: "ignored-provider-config",
      entity: `kubernetes:${k}`,
      message: `is not read: dcplan's resources use their own Kubernetes provider; set \`pulumi config set ${ours} …\` instead and remove this key (\`pulumi config rm kubernetes:${k}\`)`,
    }));
}

/** Adds line and column (in the stack file) to the findings of a ConfigError about keys of that file; other errors pass unchanged. */
export function locateInStackFile(err: unknown, stackFile: string | undefined): unknown {
  if (!(err instanceof ConfigError) || stackFile === undefined) return err;
  const located = err.findings.map((f) =>
    f.file === stackFile && f.line === undefined && (f.entity?.startsWith(`${CONFIG_NAMESPACE}:`) || f.entity?.startsWith("kubernetes:")) ? { ...f, ...locate(stackFile, 0, ["config", f.entity, ...(f.path ?? [])]) } : f,
  );
  return new ConfigError(located);
}

// ---------------------------------------------------------------------------------------------
// Schema

const nonEmpty = z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });
const k8sName = Id;
/** Go duration as used by Kubernetes APIs (`90s`, `1m30s`, `0s`). */
const GoDuration = z.string({ error: "must be a duration like 90s" }).regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$|^0$/, { error: "must be a duration like 90s or 1m30s" });

/** What a MetalLB address pool faces: TSLCD services, the Internet DMZ, or management. */
export const Zone = z.enum(["tslcd", "dmz", "management"]);
export type Zone = z.infer<typeof Zone>;

/** `dcplan:sites`: which site holds the primary backups and which the offsite copy. */
export const Sites = z.strictObject({
  /** Site whose object store takes the primary backups [the plan's target site]. */
  primary: Id.optional(),
  /** Site that holds the offsite copy [the other site of the inventory]. */
  offsite: Id.optional(),
});

/** `dcplan:tenancy`: quota headroom, Pod Security version, node pool, agency groups, egress CIDRs. */
export const Tenancy = z.strictObject({
  /** Share added on top of measured usage when sizing quotas, percent [30]. */
  headroomPct: z.number({ error: "must be a number" }).min(0).max(400).default(30),
  /** Pod Security Standards version pinned in the namespace labels [v1.33]. */
  podSecurityVersion: z.string().regex(/^v1\.\d+$/, { error: "must be a Kubernetes minor version like v1.33" }).default("v1.33"),
  /** Node label key that selects a node pool [dcplan.gov.vn/node-pool]. */
  nodePoolLabel: z.string().min(1).default("dcplan.gov.vn/node-pool"),
  /** Node pool for security levels 4–5 [secure]. */
  securePool: k8sName.default("secure"),
  /** Prefix of the identity-provider group of an agency; the agency id is appended [dcplan:agency:]. */
  groupPrefix: z.string().min(1).default("dcplan:agency:"),
  /** Egress CIDRs per external id (NDXP, NDOP…) or per system that is not on the platform [none]. */
  egressCidrs: z.record(Id, z.array(nonEmpty).min(1)).default({}),
});
export type Tenancy = z.infer<typeof Tenancy>;

/** One S3-compatible object store (a site's). */
export const BackupLocation = z.strictObject({
  /** S3-compatible endpoint URL, e.g. https://s3.dc-bn.example.gov.vn. */
  endpoint: z.url({ error: "must be an http(s) URL" }),
  /** Bucket name. */
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "must be an S3 bucket name (3–63 lowercase letters, digits, '.', '-')" }),
  /** Region string the object store expects [minio]. */
  region: nonEmpty.default("minio"),
  /** Prefix inside the bucket [none]. */
  prefix: z.string().regex(/^[a-z0-9][a-z0-9/-]*$/).optional(),
});
export type BackupLocation = z.infer<typeof BackupLocation>;

/** `dcplan:backup`: Velero namespace, provider and an object store per site. */
export const Backup = z.strictObject({
  /** Namespace Velero runs in [velero]. */
  namespace: k8sName.default("velero"),
  /** Velero object-store plugin provider name [aws] (S3-compatible). */
  provider: nonEmpty.default("aws"),
  /** Object store per site id; must contain the primary and the offsite site. */
  locations: z.record(Id, BackupLocation),
});
export type Backup = z.infer<typeof Backup>;

/** One MetalLB IPAddressPool. */
export const Pool = z.strictObject({
  /** IPAddressPool name. */
  name: k8sName,
  /** What the addresses face: TSLCD services, Internet DMZ, management. */
  zone: Zone,
  /** CIDRs (`10.1.0.0/24`, `2001:db8::/64`) or ranges (`10.1.0.10-10.1.0.20`). */
  addresses: z.array(nonEmpty).min(1, { error: "must list at least one CIDR or range" }),
  /** Let MetalLB assign from this pool without an explicit request [zone tslcd/dmz: true, management: false]. */
  autoAssign: z.boolean().optional(),
  /** Avoid .0 and .255 addresses [false]. */
  avoidBuggyIPs: z.boolean().optional(),
  /** Restrict the pool to these namespaces (system ids) [any namespace]. */
  namespaces: z.array(k8sName).optional(),
});
export type Pool = z.infer<typeof Pool>;

/** One BGP session to a TSLCD provider-edge router. */
export const Peer = z.strictObject({
  /** BGPPeer name. */
  name: k8sName,
  /** Provider-edge router address (IPv4 or IPv6). */
  address: nonEmpty,
  /** Our AS number, 1–4294967295. */
  myASN: z.number().int(),
  /** The router's AS number (exactly one of peerASN / dynamicASN). */
  peerASN: z.number().int().optional(),
  /** `internal` or `external` when the router's ASN is learnt (exactly one of peerASN / dynamicASN). */
  dynamicASN: z.enum(["internal", "external"]).optional(),
  /** BGP port [179]. */
  port: z.number().int().min(1).max(16384).optional(),
  /** Hold time, e.g. `90s` [90s]; 0 or ≥ 3 s. */
  holdTime: GoDuration.optional(),
  /** Keepalive, e.g. `30s` [30s]; below the hold time. */
  keepaliveTime: GoDuration.optional(),
  /** The session is multi-hop eBGP [false]. */
  ebgpMultiHop: z.boolean().optional(),
  /** Source address of the session [node address]. */
  sourceAddress: nonEmpty.optional(),
  /** Whether the session is authenticated with a TCP-MD5 password from `dcplan:bgpPasswords` [true]. */
  authenticated: z.boolean().default(true),
  /** Node labels that select the nodes peering with this router [all nodes]. */
  nodeSelector: z.record(z.string(), z.string()).optional(),
});
export type Peer = z.infer<typeof Peer>;

const COMMUNITY = /^(\d{1,5}:\d{1,5}|large:\d{1,10}:\d{1,10}:\d{1,10})$/;
/** One BGPAdvertisement. */
export const Advertisement = z.strictObject({
  /** BGPAdvertisement name. */
  name: k8sName,
  /** Pools announced, by name (explicit: no selectors). */
  pools: z.array(k8sName).min(1, { error: "must name at least one pool" }),
  /** BGP communities (`65000:100` or `large:1:2:3`) [none]. */
  communities: z.array(z.string().regex(COMMUNITY, { error: "must be a community like 65000:100 or large:1:2:3" })).optional(),
  /** LOCAL_PREF attribute (iBGP) [none]. */
  localPref: z.number().int().min(0).max(4294967295).optional(),
  /** Peers that receive it, by name [all peers]. */
  peers: z.array(k8sName).optional(),
  /** Aggregation length IPv4 [32]. */
  aggregationLength: z.number().int().min(0).max(32).optional(),
});
export type Advertisement = z.infer<typeof Advertisement>;

/** One L2Advertisement. */
export const L2Advertisement = z.strictObject({
  /** L2Advertisement name. */
  name: k8sName,
  /** Pools announced with ARP/NDP, by name. */
  pools: z.array(k8sName).min(1),
  /** Interfaces to announce from [all]. */
  interfaces: z.array(nonEmpty).optional(),
});
export type L2Advertisement = z.infer<typeof L2Advertisement>;

/** `dcplan:wan`: MetalLB pools, peers and advertisements, and the cluster networks they must avoid. */
export const Wan = z.strictObject({
  /** Namespace MetalLB runs in [metallb-system]. */
  namespace: k8sName.default("metallb-system"),
  /** CIDRs of the cluster nodes (pools must not overlap them). */
  nodeCidrs: z.array(nonEmpty).default([]),
  /** Pod CIDRs. */
  podCidrs: z.array(nonEmpty).default([]),
  /** Service CIDRs. */
  serviceCidrs: z.array(nonEmpty).default([]),
  pools: z.array(Pool).default([]),
  peers: z.array(Peer).default([]),
  advertisements: z.array(Advertisement).default([]),
  /** L2 announcements, where a pool is reached on a local segment [none]. */
  l2Advertisements: z.array(L2Advertisement).default([]),
  /** Fewest peers a security level 4–5 system must be reachable through [2]. */
  minPeersLevel4: z.number().int().min(1).default(2),
});
export type Wan = z.infer<typeof Wan>;

/** Where rehosted virtual machines land: KubeVirt on the shared cluster (migrated by Forklift) or the target site's hypervisor. */
export const VmPlatform = z.enum(["kubevirt", "hypervisor"], { error: 'must be "kubevirt" or "hypervisor"' });
export type VmPlatform = z.infer<typeof VmPlatform>;

/** Security levels as the keys of a per-level map (`"1"` … `"5"`). */
export const LEVEL_KEYS = ["1", "2", "3", "4", "5"] as const;

const httpsUrl = (what: string) =>
  z.string({ error: "must be a string" }).refine((u) => /^https:\/\/[^\s/]+/.test(u) && URL.canParse(u), { error: `must be an https:// URL (${what})` });

/** A Kubernetes object name (DNS-1123 subdomain), e.g. a storage class. */
const objectName = z.string({ error: "must be a string" }).regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, { error: "must be a Kubernetes object name (lowercase letters, digits, '-', '.')" });

/** One vSphere network (port group) of a source site and what its NICs become on KubeVirt. */
export const NetworkMapping = z
  .strictObject({
    /** vSphere network (port group) name, as vCenter shows it. */
    source: nonEmpty,
    /** `pod` (the pod network, NAT), `multus` (a NetworkAttachmentDefinition: keeps the VLAN and static IPs) or `ignored` [pod]. */
    destination: z.enum(["pod", "multus", "ignored"]).default("pod"),
    /** `namespace/name` of the NetworkAttachmentDefinition; required for multus. */
    attachment: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: "must be namespace/name of a NetworkAttachmentDefinition" }).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.destination === "multus" && m.attachment === undefined) ctx.addIssue({ code: "custom", path: ["attachment"], message: "is required for a multus destination (namespace/name of the NetworkAttachmentDefinition)" });
    if (m.destination !== "multus" && m.attachment !== undefined) ctx.addIssue({ code: "custom", path: ["attachment"], message: `is only used with destination multus, not ${m.destination}` });
  });
export type NetworkMapping = z.infer<typeof NetworkMapping>;

/** The vSphere of one closing site, as Forklift's source Provider sees it. */
export const VsphereSource = z.strictObject({
  /** vCenter SDK endpoint, e.g. https://vcenter.dc-bg.example.gov.vn/sdk. */
  url: httpsUrl("the vCenter SDK endpoint, e.g. https://vcenter.example/sdk"),
  /** `vcenter` or `esxi` [vcenter]. */
  sdkEndpoint: z.enum(["vcenter", "esxi"]).default("vcenter"),
  /** VDDK init image (the VMware disk library, built by the province), from the internal registry [none: slower transfer without VDDK]. */
  vddkInitImage: nonEmpty.optional(),
  /** CIDRs of the vCenter and the ESXi hosts the migration pods reach (443, 902). */
  cidrs: z.array(nonEmpty).min(1, { error: "must list the vCenter and ESXi management CIDRs" }),
  /** Datastores the site's VMs use, by name. */
  datastores: z.array(nonEmpty).min(1, { error: "must name at least one datastore" }),
  /** The site's VM networks and their destination. */
  networks: z.array(NetworkMapping).min(1, { error: "must map at least one network" }),
});
export type VsphereSource = z.infer<typeof VsphereSource>;

/** `dcplan:kubevirt`: Forklift's namespace, the vSphere of each closing site, the storage class of each security level. */
export const KubeVirt = z.strictObject({
  /** Namespace of the Forklift operator, its Providers, maps and Plans [konveyor-forklift]. */
  namespace: k8sName.default("konveyor-forklift"),
  /** vSphere per closing site id. */
  sources: z.record(Id, VsphereSource).default({}),
  /** StorageClass of the VM disks per security level ("1" … "5"). */
  storageClasses: z.partialRecord(z.enum(LEVEL_KEYS, { error: "must be a security level 1–5" }), objectName).default({}),
  /** Volume mode of VM disks [Filesystem]. */
  volumeMode: z.enum(["Filesystem", "Block"]).default("Filesystem"),
  /** Local time of a wave's cutover on its first day, HH:MM [00:00]. */
  cutoverTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time HH:MM" }).default("00:00"),
  /** UTC offset of the cutover time [+07:00, Vietnam]. */
  utcOffset: z.string().regex(/^[+-]([01]\d|2[0-3]):[0-5]\d$/, { error: "must be an offset like +07:00" }).default("+07:00"),
});
export type KubeVirt = z.infer<typeof KubeVirt>;

/** Where one chart comes from and its pinned version. */
export const ChartSource = z.strictObject({
  /** Chart version; must be pinned exactly (e.g. 12.1.0) [the version dcplan's values are built for]. */
  version: z.string({ error: "must be a string" }).optional(),
  /** Chart archive (.tgz), relative to Pulumi.yaml: the air-gapped way [none]. */
  archive: nonEmpty.optional(),
  /** Chart repository URL [the upstream repository]. */
  repository: httpsUrl("a Helm chart repository").optional(),
});
export type ChartSource = z.infer<typeof ChartSource>;

/** `dcplan:helm`: the internal image registry and the source of each platform chart. */
export const Helm = z.strictObject({
  /** Registry every platform image is pulled from (host[:port][/path]), mirroring upstream paths [the upstream registries]. */
  imageRegistry: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d+)?(\/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)*$/, { error: "must be a registry like registry.example.gov.vn:5000 or registry.example/mirror" }).optional(),
  /** Chart sources: velero, metallb, fluentBit. */
  charts: z
    .strictObject({
      velero: ChartSource.default({}),
      metallb: ChartSource.default({}),
      fluentBit: ChartSource.default({}),
    })
    .default({ velero: {}, metallb: {}, fluentBit: {} }),
});
export type Helm = z.infer<typeof Helm>;

/** `dcplan:logging`: Fluent Bit's namespace, the SOC endpoint and its CA, the audit log. */
export const Logging = z.strictObject({
  /** Namespace of the log forwarders [logging]. */
  namespace: k8sName.default("logging"),
  /** The provincial SOC that receives every log. */
  soc: z.strictObject({
    /** `tls://host:port` (syslog over TLS, RFC 5425) or `https://host[:port]/path` (JSON lines over HTTPS). */
    endpoint: z.string({ error: "must be a string" }),
    /** CIDRs of the SOC's receivers: the only place the logging namespace may send to. */
    cidrs: z.array(nonEmpty).min(1, { error: "must list the SOC's addresses" }),
    /** PEM file of the CA that signed the SOC's certificate, relative to Pulumi.yaml; required. */
    caFile: nonEmpty.optional(),
  }),
  /** Kubernetes audit log on the control-plane nodes, under /var/log [/var/log/kubernetes/audit/audit.log]. */
  auditLogPath: z.string().regex(/^\/var\/log\/[^\s]+$/, { error: "must be a file under /var/log/" }).default("/var/log/kubernetes/audit/audit.log"),
  /** CIDRs of the API server endpoints the events collector reads from [dcplan:wan nodeCidrs]. */
  apiServerCidrs: z.array(nonEmpty).optional(),
  /** API server port [6443]. */
  apiServerPort: z.number().int().min(1).max(65535).default(6443),
  /** Agency that operates the platform, for records outside tenant namespaces [platform]. */
  platformAgency: Id.default("platform"),
});
export type Logging = z.infer<typeof Logging>;

/** Credentials of one vCenter (Forklift's provider Secret). */
const VsphereCredentials = z.strictObject({
  user: nonEmpty,
  password: nonEmpty,
  /** PEM of the vCenter's CA; without it the certificate must chain to a public root. */
  cacert: nonEmpty.optional(),
});

const S3Credentials = z.strictObject({
  accessKeyId: nonEmpty,
  secretAccessKey: nonEmpty,
});

/** One configuration key: its name, whether it is secret, and its zod schema. */
export interface ConfigKey {
  readonly key: string;
  readonly secret: boolean;
  readonly schema: z.ZodType;
}

/** Every key the program reads, in documentation order. */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  { key: "inventory", secret: false, schema: nonEmpty.default("inventory/sample") },
  { key: "plan", secret: false, schema: nonEmpty.optional() },
  { key: "profile", secret: false, schema: nonEmpty.optional() },
  { key: "progress", secret: false, schema: nonEmpty.optional() },
  { key: "asOf", secret: false, schema: IsoDate.optional() },
  { key: "waveCutoff", secret: false, schema: z.number({ error: "must be a whole number ≥ 0" }).int({ error: "must be a whole number ≥ 0" }).min(0, { error: "must be ≥ 0" }) },
  { key: "kubeconfig", secret: false, schema: nonEmpty.optional() },
  { key: "kubeContext", secret: false, schema: nonEmpty.optional() },
  { key: "clusterIdentifier", secret: false, schema: nonEmpty.optional() },
  { key: "sites", secret: false, schema: Sites.default({}) },
  { key: "tenancy", secret: false, schema: Tenancy.default(Tenancy.parse({})) },
  { key: "backup", secret: false, schema: Backup },
  { key: "backupCredentials", secret: true, schema: z.record(Id, S3Credentials).default({}) },
  { key: "wan", secret: false, schema: Wan.default(Wan.parse({})) },
  { key: "bgpPasswords", secret: true, schema: z.record(Id, nonEmpty).default({}) },
  { key: "vmPlatform", secret: false, schema: VmPlatform.default("hypervisor") },
  { key: "kubevirt", secret: false, schema: KubeVirt.default(KubeVirt.parse({})) },
  { key: "vsphereCredentials", secret: true, schema: z.record(Id, VsphereCredentials).default({}) },
  { key: "helm", secret: false, schema: Helm.default(Helm.parse({})) },
  { key: "logging", secret: false, schema: Logging },
];

/** Keys whose values are plain strings (never parsed as JSON). */
const STRING_KEYS = new Set(["inventory", "plan", "profile", "progress", "asOf", "kubeconfig", "kubeContext", "clusterIdentifier", "vmPlatform"]);

/** Validated stack configuration. Secrets are SecretValue; paths are as configured (relative to the project root). */
export interface StackConfig {
  readonly inventory: string;
  readonly plan?: string;
  readonly profile?: string;
  readonly progress?: string;
  readonly asOf?: string;
  readonly waveCutoff: number;
  readonly kubeconfig?: string;
  readonly kubeContext?: string;
  readonly clusterIdentifier?: string;
  readonly sites: z.infer<typeof Sites>;
  readonly tenancy: Tenancy;
  readonly backup: Backup;
  readonly backupCredentials: ReadonlyMap<string, SecretValue<{ accessKeyId: string; secretAccessKey: string }>>;
  readonly wan: Wan;
  readonly bgpPasswords: ReadonlyMap<string, SecretValue<string>>;
  readonly vmPlatform: VmPlatform;
  readonly kubevirt: KubeVirt;
  readonly vsphereCredentials: ReadonlyMap<string, SecretValue<VsphereCredential>>;
  readonly helm: Helm;
  readonly logging: Logging;
}

/** Credentials of one vCenter as configured. */
export type VsphereCredential = z.infer<typeof VsphereCredentials>;

/** Finding about config key `key` at `path` inside its value. */
export function configFinding(key: string, path: readonly (string | number)[], message: string, rule = "invalid-config", file?: string): Finding {
  return { severity: "error", rule, entity: `${CONFIG_NAMESPACE}:${key}`, path: path.length ? [...path] : undefined, message, file };
}

/** Reads and validates every key; throws ConfigError listing every problem (each naming its key). */
export function parseStackConfig(source: ConfigSource): StackConfig {
  const findings: Finding[] = [...(source.findings ?? [])];
  const out: Record<string, unknown> = {};
  for (const k of CONFIG_KEYS) {
    // "" is how Pulumi.yaml declares an optional string (a declared key without a default is required).
    const given = k.secret ? source.secret(k.key) : source.value(k.key);
    const raw = given === "" ? undefined : given;
    const r = k.schema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const message = raw === undefined && issue.path.length === 0 ? missingMessage(k) : issue.message;
        // Never echo a secret's value: zod messages name types and patterns, not values.
        findings.push(configFinding(k.key, issue.path as (string | number)[], message, raw === undefined ? "missing-config" : "invalid-config", source.origin));
      }
      continue;
    }
    out[k.key] = r.data;
  }
  if (findings.some((f) => f.severity === "error")) throw new ConfigError(findings);
  const creds = out.backupCredentials as Record<string, { accessKeyId: string; secretAccessKey: string }>;
  const passwords = out.bgpPasswords as Record<string, string>;
  const vsphere = out.vsphereCredentials as Record<string, VsphereCredential>;
  return {
    ...(out as Omit<StackConfig, "backupCredentials" | "bgpPasswords" | "vsphereCredentials">),
    backupCredentials: new Map(Object.keys(creds).sort().map((s) => [s, new SecretValue(creds[s])])),
    bgpPasswords: new Map(Object.keys(passwords).sort().map((p) => [p, new SecretValue(passwords[p])])),
    vsphereCredentials: new Map(Object.keys(vsphere).sort().map((s) => [s, new SecretValue(vsphere[s])])),
  };
}

function missingMessage(k: ConfigKey): string {
  return k.secret
    ? `is required: set it with \`pulumi config set --secret --path '${k.key}…'\` (see docs/deploy.md)`
    : `is required: set it with \`pulumi config set ${k.key} …\` (see docs/deploy.md)`;
}
