// One module per command; each adds its command to the program. Add a line per command.
import type { Command } from "commander";
import type { Io } from "../../../common/io.js";
import { addDiffCommand } from "./diff.js";
import { addExplainCommand } from "./explain.js";
import { addExportCommand } from "./export.js";
import { addGraphCommand } from "./graph.js";
import { addPlanCommand } from "./plan.js";
import { addRecordCommand } from "./record.js";
import { addRenderCommand } from "./render.js";
import { addValidateCommand } from "./validate.js";

/** Adds one command to the program. */
export type AddCommand = (program: Command, io: Io) => void;

export const COMMANDS: AddCommand[] = [
  addValidateCommand,
  addGraphCommand,
  addExportCommand,
  addPlanCommand,
  addExplainCommand,
  addRenderCommand,
  addRecordCommand,
  addDiffCommand,
];
