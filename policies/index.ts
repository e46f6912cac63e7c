// Entry point of the dcplan CrossGuard policy pack: the only place a PolicyPack is constructed
// (construction starts a gRPC server and keeps the process alive; see docs/policies.md). The rules
// live in rules.ts. Run with `pulumi preview --policy-pack policies` after `npm run build`: Pulumi loads
// the compiled copy of this file through policies/package.json (docs/policies.md).
import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./rules.js";

new PolicyPack("dcplan", { policies: allPolicies() });
