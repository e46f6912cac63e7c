export * from "./errors.js";
export * from "./schema.js";
export * from "./model.js";
export * from "./graph.js";
export * from "./load.js";
export * from "./rules.js";
export * from "./yaml-source.js";
export * from "./queries/index.js";
