export { type AffinityGroup, moveGroups } from "./move-groups.js";
export { type EdgeFilter, stronglyConnectedComponents, systemAdjacency, tarjan } from "./scc.js";
export { type Condensation, condensation } from "./condensation.js";
export { type Workloads, workloadsOn } from "./workloads.js";
export { type DuplicateCandidate, duplicateFunctionCandidates } from "./duplicates.js";
