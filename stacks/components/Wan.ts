// The MetalLB side of the WAN as one Pulumi component: checks the configuration (checkWan), then
// wraps buildWan (pools, BGP peers, advertisements) and wanSecrets (BGP passwords, as secrets).
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../common/errors.js";
import { buildWan, checkWan, type WanTenant, wanSecrets } from "../builders/wan.js";
import type { Wan as WanConfig } from "../config.js";
import type { SecretValue } from "../secret.js";
import { RegistrationBatches, registerWithSecrets } from "./register.js";

/** Arguments of Wan. */
export interface WanArgs {
  /** Pools, peers, advertisements and the cluster networks they must not overlap; required. */
  readonly wan: WanConfig;
  /** Deployed tenants with their security level (levels 4–5 need redundant peers); required. */
  readonly tenants: readonly WanTenant[];
  /** TCP-MD5 password per authenticated peer name; required for each; only ever registered as secrets. */
  readonly passwords: ReadonlyMap<string, SecretValue<string>>;
  /** Kubernetes provider of the target cluster [Pulumi's default provider]. */
  readonly provider?: k8s.Provider;
  /** What every child waits for: the MetalLB release, whose chart brings the CRDs [nothing]. */
  readonly after?: readonly pulumi.Resource[];
  /** Batching shared with the program's other components [batches of 10 of its own]. */
  readonly batches?: RegistrationBatches;
}

/** MetalLB IPAddressPools, BGPPeers (password by Secret reference), BGP and L2 advertisements. */
export class Wan extends pulumi.ComponentResource {
  /** IPAddressPool names. */
  readonly pools: pulumi.Output<string[]>;
  /** BGPPeer names. */
  readonly peers: pulumi.Output<string[]>;

  /** The registered Secrets (credentials or passwords), for inspection and tests; complete once `ready` resolves. */
  secrets: readonly pulumi.CustomResource[] = [];
  /** The other registered resources, in builder order; complete once `ready` resolves. */
  resources: readonly pulumi.CustomResource[] = [];
  /** Resolves when every child is constructed. */
  readonly ready: Promise<void>;

  constructor(name: string, args: WanArgs, opts?: pulumi.ComponentResourceOptions) {
    const findings = checkWan(args.wan, args.tenants, new Set(args.passwords.keys()));
    if (findings.length > 0) throw new ConfigError(findings);
    const objects = buildWan(args.wan);
    const secrets = wanSecrets(args.wan, new Map([...args.passwords].map(([peer, v]) => [peer, v.reveal()])));
    super("dcplan:wan:Wan", name, {}, opts);
    this.pools = pulumi.output(args.wan.pools.map((p) => p.name));
    this.peers = pulumi.output(args.wan.peers.map((p) => p.name));
    const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider, dependsOn: args.after ? [...args.after] : undefined };
    this.ready = (args.batches ?? new RegistrationBatches()).run(registerWithSecrets(name, secrets, objects, childOpts, ["BGPPeer"])).then((r) => {
      this.secrets = r.secrets;
      this.resources = r.resources;
      this.registerOutputs({ pools: this.pools, peers: this.peers });
    });
  }
}
