// placeholder replaced by the survey commit
import type { CommandAction } from "./index.js";
export const action: CommandAction = async () => {};
