// Platform objects: the custom resources of the platform services dcplan configures — Velero
// (schedules that really keep what they promise, exactly one default location), MetalLB (pools that
// do not overlap, BGP passwords only by Secret reference) and Forklift (migration plans land VMs in
// tenant namespaces, on the storage classes their level allows, from providers reached over
// verified TLS). Object shapes follow the upstream CRDs (Velero v1.18, MetalLB v0.16, Forklift
// v2.12.5) — and the Helm releases that install them (chart version and images pinned).
import { type AddressRange, overlaps, parseRange } from "../stacks/builders/ip.js";
import { isValidCron, ttlHours } from "./backup-table.js";
import { tenantNamespaces } from "./context.js";
import { ALL_LEVELS, arr, isKind, type KObject, nameOf, obj, objectsByNamespace, type ObjectRule, type SetRule, str, type Violation } from "./model.js";
import { SOURCES } from "./sources.js";
import { parseImage } from "./workload.js";
import { storageMapOf } from "./workloads.js";

export const veleroScheduleSafe: ObjectRule = {
  id: "velero-schedule-safe",
  family: "platform",
  scope: "object",
  title: "Every Velero Schedule has an explicit template.ttl, a valid 5-field cron and useOwnerReferencesInBackup: false",
  why: "Without a ttl Velero silently keeps backups 30 days whatever the level needs; a broken cron never backs up; with owner references, deleting or recreating the Schedule deletes every backup it made.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Schedule"],
  sources: [SOURCES.velero, SOURCES.tcvnBackup(ALL_LEVELS)],
  applies: (o) => isKind(o, "velero.io", "Schedule"),
  check(o) {
    const s = obj(o.spec);
    const template = obj(s.template);
    const out: { message: string; path?: (string | number)[] }[] = [];
    const ttl = typeof template.ttl === "string" ? ttlHours(template.ttl) : undefined;
    if (ttl === undefined || ttl <= 0) {
      out.push({ message: `template.ttl is ${JSON.stringify(template.ttl ?? null)}: without an explicit retention Velero keeps backups 30 days whatever the security level needs. Set template.ttl from policies/backup-table.ts (e.g. "720h0m0s").`, path: ["spec", "template"] });
    }
    if (typeof s.schedule !== "string" || !isValidCron(s.schedule)) {
      out.push({ message: `schedule ${JSON.stringify(s.schedule ?? null)} is not a valid 5-field cron expression, so no backup would ever run. Use e.g. "0 1 * * *".`, path: ["spec", "schedule"] });
    }
    if (s.useOwnerReferencesInBackup !== false) {
      out.push({ message: "useOwnerReferencesInBackup must be false: with owner references, deleting or recreating the Schedule garbage-collects every backup it made. Set spec.useOwnerReferencesInBackup: false.", path: ["spec"] });
    }
    return out;
  },
};

export const singleDefaultBackupLocation: SetRule = {
  id: "single-default-backup-location",
  family: "platform",
  scope: "set",
  title: "Exactly one Velero BackupStorageLocation per namespace is the default",
  why: "Backups that name no location go to the default: with none they fail, with two the primary/offsite split is a coin toss.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["BackupStorageLocation"],
  sources: [SOURCES.velero],
  check(objects) {
    const byNs = new Map<string, number[]>();
    objects.forEach((o, i) => {
      if (!isKind(o, "velero.io", "BackupStorageLocation")) return;
      const ns = o.metadata?.namespace ?? "velero";
      byNs.set(ns, [...(byNs.get(ns) ?? []), i]);
    });
    const out: Violation[] = [];
    for (const [ns, indexes] of byNs) {
      const defaults = indexes.filter((i) => obj(objects[i].spec).default === true);
      if (defaults.length !== 1) {
        out.push({
          object: defaults.length > 1 ? defaults[1] : indexes[0],
          message: `namespace ${ns} has ${defaults.length} default BackupStorageLocations (${defaults.map((i) => nameOf(objects[i])).join(", ") || "none"}): backups without an explicit location go to the default, so there must be exactly one, at the primary site. Set spec.default: true on the primary location only.`,
          path: ["spec", "default"],
        });
      }
    }
    return out;
  },
};

export const bgpPasswordNotInline: ObjectRule = {
  id: "bgp-password-not-inline",
  family: "platform",
  scope: "object",
  title: "MetalLB BGPPeers reference their TCP-MD5 password through passwordSecret, never spec.password",
  why: "An inline password is plain text in the object, in every backup of it and in every `kubectl get -o yaml`.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["BGPPeer"],
  sources: [SOURCES.metallb, SOURCES.cis("5.4.2", "consider external secret storage"), SOURCES.nsa("Network separation and hardening: Secrets")],
  applies: (o) => isKind(o, "metallb.io", "BGPPeer"),
  check: (o) =>
    obj(o.spec).password !== undefined
      ? [{ message: "spec.password puts the BGP session password in plain text in the object (and in every backup of it). Put it in a kubernetes.io/basic-auth Secret and set spec.passwordSecret (dcplan:bgpPasswords does this).", path: ["spec", "password"] }]
      : [],
};

export const ipAddressPoolsDisjoint: SetRule = {
  id: "ip-address-pools-disjoint",
  family: "platform",
  scope: "set",
  title: "MetalLB IPAddressPools do not overlap one another (IPv4 and IPv6), and every address parses",
  why: "Two pools holding the same address hand it to two Services, and the one announced last over BGP wins the traffic.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["IPAddressPool"],
  sources: [SOURCES.metallb],
  check(objects) {
    const out: Violation[] = [];
    const seen: { range: AddressRange; pool: string }[] = [];
    objects.forEach((o, i) => {
      if (!isKind(o, "metallb.io", "IPAddressPool")) return;
      arr(obj(o.spec).addresses).forEach((a, j) => {
        const text = String(a);
        const range = parseRange(text);
        if (typeof range === "string") {
          out.push({ object: i, message: `IPAddressPool ${nameOf(o)}: ${range}. Fix the address in dcplan:wan.pools.`, path: ["spec", "addresses", j] });
          return;
        }
        for (const other of seen) {
          if (overlaps(range, other.range)) out.push({ object: i, message: `IPAddressPool ${nameOf(o)} (${text}) overlaps pool ${other.pool} (${other.range.text}): MetalLB would hand the same address to two services. Make the pools disjoint.`, path: ["spec", "addresses", j] });
        }
        seen.push({ range, pool: nameOf(o) });
      });
    });
    return out;
  },
};

const isPlan = (o: KObject) => isKind(o, "forklift.konveyor.io", "Plan");

/**
 * Storage classes allowed per level, as the province names them on the shared cluster: levels 1–2
 * on replicated Ceph RBD (or the encrypted class), level 3 on encrypted RBD only, levels 4–5 only on
 * the encrypted class of the secure pool, which no lower level may use.
 */
export const DEFAULT_STORAGE_CLASSES: Readonly<Record<string, readonly string[]>> = {
  "1": ["ceph-rbd", "ceph-rbd-encrypted"],
  "2": ["ceph-rbd", "ceph-rbd-encrypted"],
  "3": ["ceph-rbd-encrypted"],
  "4": ["ceph-rbd-encrypted-secure"],
  "5": ["ceph-rbd-encrypted-secure"],
};

export const forkliftStorageClassAllowed: SetRule = {
  id: "forklift-storage-class-allowed",
  family: "platform",
  scope: "set",
  title: "A Forklift Plan's StorageMap maps every datastore to a storage class allowed for the security level of the Plan's target namespace",
  why: "Where a migrated VM's disks land decides their protection: level 4–5 data belongs on the secure pool's encrypted storage, not on whatever class a map names.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Plan (Forklift)", "StorageMap"],
  sources: [SOURCES.forklift, SOURCES.decreeLevels45, SOURCES.tcvnServerAccess([4, 5])],
  params: {
    storageClasses: {
      description: "storage classes allowed per security level (\"1\"…\"5\")",
      default: DEFAULT_STORAGE_CLASSES,
      schema: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
    },
  },
  check(objects, ctx, params) {
    const allowed = params.storageClasses as Record<string, string[]>;
    const out: Violation[] = [];
    objects.forEach((o, i) => {
      if (!isPlan(o)) return;
      const target = str(obj(o.spec).targetNamespace);
      const level = ctx.levelOf(target);
      const map = storageMapOf(o, objects);
      const ref = obj(obj(obj(o.spec).map).storage);
      if (!map) {
        out.push({ object: i, message: `references StorageMap ${str(ref.namespace) ?? o.metadata?.namespace ?? "?"}/${str(ref.name) ?? "?"}, which is not among the checked objects: where its VMs' disks land cannot be verified. Check the Plan together with its StorageMap.`, path: ["spec", "map", "storage"] });
        return;
      }
      if (level === undefined) return;
      const classes = allowed[String(level)] ?? [];
      const wrong = [...new Set(arr(obj(map.spec).map).map((m) => str(obj(obj(m).destination).storageClass) ?? "(none)"))].filter((sc) => !classes.includes(sc));
      if (wrong.length > 0) {
        out.push({ object: i, message: `migrates VMs of a security level ${level} system into ${target}, but StorageMap ${nameOf(map)} puts disks on storage class ${wrong.join(", ")}; level ${level} allows ${classes.join(", ") || "no class"}. Map the datastores to an allowed class.`, path: ["spec", "map", "storage"] });
      }
    });
    return out;
  },
};

/** True when a Secret among the objects sets `key` to "true" (stringData, or base64 data). */
function secretFlag(objects: readonly KObject[], ns: string | undefined, name: string | undefined, key: string): boolean {
  const s = (objectsByNamespace(objects).get(ns ?? "") ?? []).find((o) => o.kind === "Secret" && o.apiVersion === "v1" && nameOf(o) === name);
  if (!s) return false;
  const plain = obj(s.stringData)[key];
  if (plain !== undefined) return String(plain).trim().toLowerCase() === "true";
  const data = obj(s.data)[key];
  if (typeof data === "string") return Buffer.from(data, "base64").toString("utf8").trim().toLowerCase() === "true";
  return false;
}

export const forkliftProviderVerifiedTls: SetRule = {
  id: "forklift-provider-verified-tls",
  family: "platform",
  scope: "set",
  title: "A Forklift source Provider is reached over https with certificate verification (no insecureSkipVerify in its Secret)",
  why: "The provider's credentials are vCenter administrator credentials; without a verified TLS connection anyone on the path can capture them and the VM disks in transit.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Provider (Forklift)", "Secret"],
  sources: [SOURCES.forklift, SOURCES.tcvnNetwork(ALL_LEVELS), SOURCES.nsa("Network separation and hardening: Encryption")],
  check(objects) {
    const out: Violation[] = [];
    objects.forEach((o, i) => {
      if (!isKind(o, "forklift.konveyor.io", "Provider")) return;
      const spec = obj(o.spec);
      const url = str(spec.url);
      if (url === undefined || url === "") return; // the host provider: the local cluster
      if (!/^https:\/\//i.test(url)) out.push({ object: i, message: `reaches its source at ${url} without TLS: the credentials and VM disks cross the network in the clear. Use the https:// endpoint.`, path: ["spec", "url"] });
      const secret = obj(spec.secret);
      const ns = str(secret.namespace) ?? o.metadata?.namespace;
      if (secretFlag(objects, ns, str(secret.name), "insecureSkipVerify")) {
        out.push({ object: i, message: `its Secret ${ns}/${str(secret.name)} sets insecureSkipVerify: true, so any certificate is accepted. Remove it and put the source's CA certificate in the Secret's cacert key.`, path: ["spec", "secret"] });
      }
    });
    return out;
  },
};

export const forkliftTargetNamespaceTenant: SetRule = {
  id: "forklift-target-namespace-tenant",
  family: "platform",
  scope: "set",
  title: "A Forklift Plan migrates VMs into a tenant namespace of the platform (labelled dcplan.gov.vn/tenant, or a system of the inventory/plan)",
  why: "Only tenant namespaces come with a security level, quota, default deny, backup and RBAC; VMs landing anywhere else have none of them.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Plan (Forklift)", "Namespace"],
  sources: [SOURCES.forklift, SOURCES.cis("5.7.1", "administrative boundaries using namespaces"), SOURCES.decreePrinciples],
  check(objects, ctx) {
    const tenants = new Set(tenantNamespaces(objects).map((t) => t.name));
    const out: Violation[] = [];
    objects.forEach((o, i) => {
      if (!isPlan(o)) return;
      const target = str(obj(o.spec).targetNamespace);
      if (target !== undefined && (tenants.has(target) || ctx.approvedLevelOf(target) !== undefined)) return;
      out.push({ object: i, message: `migrates VMs into namespace ${target ?? "(none)"}, which is not a tenant namespace (no Namespace labelled dcplan.gov.vn/tenant=true among the checked objects, no such system in the inventory or plan). Set spec.targetNamespace to the system's namespace.`, path: ["spec", "targetNamespace"] });
    });
    return out;
  },
};

/** The platform family, in catalogue order. */
/** An exact chart version (SemVer 2, optional leading v): no range, no wildcard. */
const EXACT_VERSION = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** What is wrong with an image a chart's values set, or undefined when it is pinned. */
function unpinnedImage(value: unknown): string | undefined {
  if (typeof value === "string") {
    const ref = parseImage(value);
    if (ref.digest) return undefined;
    return ref.tag === undefined || ref.tag === "latest" ? `image ${value}${ref.tag === undefined ? " (no tag: latest)" : ""}` : undefined;
  }
  const image = obj(value);
  const repository = str(image.repository);
  if (repository === undefined) return undefined;
  if (str(image.digest)) return undefined;
  const tag = image.tag === undefined || image.tag === null ? undefined : String(image.tag);
  if (tag === undefined || tag === "") return `image ${repository} with no tag (the chart's default, which moves with the chart)`;
  return tag === "latest" ? `image ${repository}:latest` : undefined;
}

/** Every image a chart's values set, with its path inside `values`: `image:` strings and `{repository, tag}` maps (the charts' convention). */
function valueImages(values: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(values)) return values.flatMap((v, i) => valueImages(v, [...path, i]));
  if (values === null || typeof values !== "object") return [];
  const out: { path: (string | number)[]; value: unknown }[] = [];
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    if (k === "image" && (typeof v === "string" || str(obj(v).repository) !== undefined)) out.push({ path: [...path, k], value: v });
    else out.push(...valueImages(v, [...path, k]));
  }
  return out;
}

export const helmReleasePinned: ObjectRule = {
  id: "helm-release-pinned",
  family: "platform",
  scope: "object",
  title: "A Helm release installs an exact chart version, and every image its values set is pinned (a version tag, not `latest`, or a digest)",
  why: "A chart range or a floating image installs something nobody reviewed the next time the release is applied, and an air-gapped registry holds only the versions carried in; pinning is what makes `pulumi up` and `helm upgrade` install the same thing twice.",
  severity: "mandatory",
  levels: ALL_LEVELS,
  kinds: ["Release (Helm)"],
  sources: [SOURCES.nsa("Kubernetes Pod security: Building secure container images"), SOURCES.tcvnApplication(ALL_LEVELS)],
  applies: (o) => isKind(o, "helm.sh", "Release"),
  check(o) {
    const spec = obj(o.spec);
    const out: { message: string; path?: (string | number)[] }[] = [];
    const version = spec.version === undefined || spec.version === null ? undefined : String(spec.version);
    if (version === undefined || !EXACT_VERSION.test(version)) {
      out.push({ message: `chart ${str(spec.chart) ?? "?"} is installed at ${version === undefined ? "no version (the newest the repository has)" : `version ${JSON.stringify(version)}, not an exact version`}. Set version to the exact chart version the values were written for (e.g. 0.58.1).`, path: ["spec", "version"] });
    }
    for (const image of valueImages(spec.values)) {
      const wrong = unpinnedImage(image.value);
      if (wrong) out.push({ message: `values ${image.path.join(".")}: ${wrong} changes under the running service. Pin a released version tag (or a digest) mirrored into the internal registry.`, path: ["spec", "values", ...image.path] });
    }
    return out;
  },
};

export const PLATFORM_RULES = [veleroScheduleSafe, singleDefaultBackupLocation, bgpPasswordNotInline, ipAddressPoolsDisjoint, forkliftStorageClassAllowed, forkliftProviderVerifiedTls, forkliftTargetNamespaceTenant, helmReleasePinned];
