// Entry point of the dcplan CrossGuard policy pack: the only place a PolicyPack is constructed
// (construction starts a gRPC server and keeps the process alive; see docs/policies.md). The rules
// are the catalogue (catalogue.ts, one file per family); crossguard.ts turns each into a policy.
// Run with `pulumi preview --policy-pack policies` after `npm run build`: Pulumi loads the compiled
// copy of this file through policies/package.json (docs/policies.md).
import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./crossguard.js";

new PolicyPack("dcplan", { policies: allPolicies() });
