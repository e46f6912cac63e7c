export { type AffinityGroup, moveGroups } from "./move-groups.js";
export { type EdgeFilter, sccIndexed, stronglyConnectedComponents, systemAdjacency, tarjan } from "./scc.js";
export { type Condensation, condensation, condenseIndexed, type IndexedCondensation } from "./condensation.js";
export { topologicalLayers } from "./layers.js";
export { type IndexedGraph, indexAdjacency, systemGraph, systemGraphOf } from "./system-graph.js";
export { type Workloads, workloadsOn } from "./workloads.js";
export { type DuplicateCandidate, duplicateFunctionCandidates } from "./duplicates.js";
