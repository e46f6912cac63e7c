// The platform's connection to TSLCD (mạng truyền số liệu chuyên dùng, the dedicated government
// data network) and the Internet DMZ with MetalLB: IPAddressPools per zone, BGPPeers to the
// provider-edge routers (TCP-MD5 password through a Secret reference, never inline),
// BGPAdvertisements naming their pools explicitly, L2Advertisements where configured.
// `checkWan` runs before anything is built or registered and reports every problem at once.
import type { Finding } from "../../common/errors.js";
import { configFinding, type Wan } from "../config.js";
import { type AddressRange, isIpAddress, overlaps, parseRange } from "./ip.js";
import { byKindNamespaceName, compareIds, k8s, type K8sObject, LABEL_PREFIX, MANAGED_BY } from "./objects.js";

/** Name of the Secret holding a peer's BGP password. */
export function bgpSecretName(peer: string): string {
  return `bgp-password-${peer}`;
}

/** A tenant as the WAN checks see it. */
export interface WanTenant {
  readonly id: string;
  readonly securityLevel: number;
}

const MAX_ASN = 4294967295;

/** Seconds of a Go duration (`1m30s` → 90), or undefined. */
export function durationSeconds(text: string): number | undefined {
  if (text === "0") return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]];
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}

/** Peers (names) that receive an advertisement of `pool`. */
export function peersOfPool(wan: Wan, pool: string): string[] {
  const all = wan.peers.map((p) => p.name);
  const out = new Set<string>();
  for (const a of wan.advertisements) {
    if (!a.pools.includes(pool)) continue;
    for (const p of a.peers ?? all) out.add(p);
  }
  return [...out].sort(compareIds);
}

/**
 * Every problem of the WAN configuration, each naming its key: addresses that do not parse, pools
 * overlapping each other or the node/pod/service networks, ASNs out of range, peers with both or
 * neither of peerASN/dynamicASN, hold/keepalive times that make no sense, references to unknown
 * pools/peers, missing passwords, and security level 4–5 tenants reachable through fewer than
 * `minPeersLevel4` peers (through the TSLCD pools they may use).
 */
export function checkWan(wan: Wan, tenants: readonly WanTenant[], passwords: ReadonlySet<string>, file?: string): Finding[] {
  const findings: Finding[] = [];
  const err = (path: (string | number)[], message: string, rule: string) => findings.push(configFinding("wan", path, message, rule, file));
  const ranges: { range: AddressRange; owner: string; path: (string | number)[] }[] = [];
  const collect = (list: readonly string[], key: string, owner: string) =>
    list.forEach((text, i) => {
      const r = parseRange(text);
      if (typeof r === "string") err([key, i], r, "invalid-address");
      else ranges.push({ range: r, owner, path: [key, i] });
    });
  collect(wan.nodeCidrs, "nodeCidrs", "the node network");
  collect(wan.podCidrs, "podCidrs", "the pod network");
  collect(wan.serviceCidrs, "serviceCidrs", "the service network");
  const clusterRanges = ranges.length;
  const names = (list: readonly { name: string }[], key: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.name)) err([key, i, "name"], `duplicate name "${x.name}"`, "duplicate-name");
      seen.add(x.name);
    });
    return seen;
  };
  const poolNames = names(wan.pools, "pools");
  const peerNames = names(wan.peers, "peers");
  names(wan.advertisements, "advertisements");
  names(wan.l2Advertisements, "l2Advertisements");
  wan.pools.forEach((p, pi) =>
    p.addresses.forEach((text, i) => {
      const r = parseRange(text);
      if (typeof r === "string") err(["pools", pi, "addresses", i], r, "invalid-address");
      else ranges.push({ range: r, owner: `pool "${p.name}"`, path: ["pools", pi, "addresses", i] });
    }),
  );
  // Pool ranges against every earlier range (pools and cluster networks); cluster networks may
  // overlap each other (that is the cluster's business, not the WAN's).
  for (let i = clusterRanges; i < ranges.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = ranges[i];
      const b = ranges[j];
      if (a.owner === b.owner && j >= clusterRanges) {
        if (overlaps(a.range, b.range)) err(a.path, `${a.range.text} overlaps ${b.range.text} in the same pool`, "pool-overlap");
        continue;
      }
      if (overlaps(a.range, b.range)) err(a.path, `${a.range.text} of ${a.owner} overlaps ${b.range.text} of ${b.owner}`, "pool-overlap");
    }
  }
  wan.peers.forEach((p, i) => {
    if (!isIpAddress(p.address)) err(["peers", i, "address"], `"${p.address}" is not an IPv4 or IPv6 address`, "invalid-address");
    if (p.sourceAddress !== undefined && !isIpAddress(p.sourceAddress)) err(["peers", i, "sourceAddress"], `"${p.sourceAddress}" is not an IPv4 or IPv6 address`, "invalid-address");
    if (p.myASN < 1 || p.myASN > MAX_ASN) err(["peers", i, "myASN"], `ASN ${p.myASN} is outside 1–${MAX_ASN}`, "invalid-asn");
    if (p.peerASN !== undefined && (p.peerASN < 1 || p.peerASN > MAX_ASN)) err(["peers", i, "peerASN"], `ASN ${p.peerASN} is outside 1–${MAX_ASN}`, "invalid-asn");
    if ((p.peerASN === undefined) === (p.dynamicASN === undefined)) {
      err(["peers", i], "set exactly one of peerASN (the router's AS number) and dynamicASN (internal/external)", "peer-asn");
    }
    const hold = p.holdTime === undefined ? 90 : durationSeconds(p.holdTime);
    const keep = p.keepaliveTime === undefined ? (hold === 0 ? 0 : 30) : durationSeconds(p.keepaliveTime);
    if (hold === undefined) err(["peers", i, "holdTime"], `"${p.holdTime}" is not a duration`, "bgp-timers");
    if (keep === undefined) err(["peers", i, "keepaliveTime"], `"${p.keepaliveTime}" is not a duration`, "bgp-timers");
    if (hold !== undefined && hold !== 0 && hold < 3) err(["peers", i, "holdTime"], `hold time ${p.holdTime} must be 0 (no keepalives) or at least 3s (RFC 4271)`, "bgp-timers");
    if (hold !== undefined && keep !== undefined) {
      if (hold === 0 && keep !== 0) err(["peers", i, "keepaliveTime"], "must be 0 when the hold time is 0", "bgp-timers");
      if (hold !== 0 && keep >= hold) err(["peers", i, "keepaliveTime"], `keepalive ${keep}s must be below the hold time ${hold}s (usually a third of it)`, "bgp-timers");
    }
    if (p.authenticated && !passwords.has(p.name)) {
      findings.push(configFinding("bgpPasswords", [p.name], `peer "${p.name}" is authenticated but has no password: \`pulumi config set --secret --path 'bgpPasswords.${p.name}' …\``, "missing-secret", file));
    }
  });
  wan.advertisements.forEach((a, i) => {
    a.pools.forEach((p, j) => poolNames.has(p) || err(["advertisements", i, "pools", j], `no pool named "${p}"`, "unknown-reference"));
    (a.peers ?? []).forEach((p, j) => peerNames.has(p) || err(["advertisements", i, "peers", j], `no peer named "${p}"`, "unknown-reference"));
  });
  wan.l2Advertisements.forEach((a, i) => a.pools.forEach((p, j) => poolNames.has(p) || err(["l2Advertisements", i, "pools", j], `no pool named "${p}"`, "unknown-reference")));
  for (const t of tenants) {
    if (t.securityLevel < 4) continue;
    const pools = wan.pools.filter((p) => p.zone === "tslcd" && (p.namespaces === undefined || p.namespaces.includes(t.id)));
    const peers = new Set(pools.flatMap((p) => peersOfPool(wan, p.name)));
    if (peers.size < wan.minPeersLevel4) {
      err(
        ["advertisements"],
        `system ${t.id} (security level ${t.securityLevel}) is reachable through ${peers.size} BGP peer${peers.size === 1 ? "" : "s"} on TSLCD; it needs at least ${wan.minPeersLevel4}: advertise a tslcd pool it may use to more peers`,
        "level4-redundancy",
      );
    }
  }
  return findings;
}

/** Every MetalLB object (without the password Secrets), sorted. Call checkWan first. */
export function buildWan(wan: Wan): K8sObject[] {
  const ns = wan.namespace;
  const meta = (name: string, extra: Record<string, string> = {}) => ({ name, namespace: ns, labels: { ...MANAGED_BY, ...extra } });
  const out: K8sObject[] = [];
  for (const p of wan.pools) {
    out.push(
      k8s("metallb.io/v1beta1", "IPAddressPool", meta(p.name, { [`${LABEL_PREFIX}/zone`]: p.zone }), {
        spec: {
          addresses: p.addresses,
          autoAssign: p.autoAssign ?? p.zone !== "management",
          avoidBuggyIPs: p.avoidBuggyIPs,
          serviceAllocation: p.namespaces ? { namespaces: [...p.namespaces].sort(compareIds) } : undefined,
        },
      }),
    );
  }
  for (const p of wan.peers) {
    out.push(
      k8s("metallb.io/v1beta2", "BGPPeer", meta(p.name), {
        spec: {
          dynamicASN: p.dynamicASN,
          ebgpMultiHop: p.ebgpMultiHop,
          holdTime: p.holdTime ?? "90s",
          keepaliveTime: p.keepaliveTime ?? "30s",
          myASN: p.myASN,
          nodeSelectors: p.nodeSelector ? [{ matchLabels: p.nodeSelector }] : undefined,
          passwordSecret: p.authenticated ? { name: bgpSecretName(p.name), namespace: ns } : undefined,
          peerASN: p.peerASN,
          peerAddress: p.address,
          peerPort: p.port,
          sourceAddress: p.sourceAddress,
        },
      }),
    );
  }
  for (const a of wan.advertisements) {
    out.push(
      k8s("metallb.io/v1beta1", "BGPAdvertisement", meta(a.name), {
        spec: { aggregationLength: a.aggregationLength, communities: a.communities, ipAddressPools: a.pools, localPref: a.localPref, peers: a.peers },
      }),
    );
  }
  for (const a of wan.l2Advertisements) {
    out.push(k8s("metallb.io/v1beta1", "L2Advertisement", meta(a.name), { spec: { interfaces: a.interfaces, ipAddressPools: a.pools } }));
  }
  return out.sort(byKindNamespaceName);
}

/** The password Secret of each authenticated peer (type basic-auth, key `password`, as MetalLB requires). */
export function wanSecrets(wan: Wan, passwords: ReadonlyMap<string, string>): K8sObject[] {
  return wan.peers
    .filter((p) => p.authenticated)
    .map((p) => {
      const password = passwords.get(p.name);
      if (password === undefined) throw new Error(`no BGP password for peer ${p.name}`); // checkWan reports it first
      return k8s("v1", "Secret", { name: bgpSecretName(p.name), namespace: wan.namespace, labels: { ...MANAGED_BY } }, { stringData: { password }, type: "kubernetes.io/basic-auth" });
    })
    .sort(byKindNamespaceName);
}
