// Pulumi runtime mocks for the stack tests: records every registered resource (type, name,
// inputs) and unwraps outputs. Call installMocks() BEFORE dynamically importing modules that
// create resources (ESM hoists static imports above setMocks; see ENVIRONMENT.md).
import * as pulumi from "@pulumi/pulumi";

/** One resource registered under the mocks. */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** Provider reference (`urn::id`), when the resource names one. */
  readonly provider?: string;
}

/** Resources registered since the last reset(). */
export const registered: Registered[] = [];

/** Installs the mocks (idempotent per stack name); clears the record. */
export async function installMocks(stack = "test"): Promise<void> {
  registered.length = 0;
  await pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown>, provider: args.provider });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        return args.inputs;
      },
    },
    "dcplan",
    stack,
    false,
  );
}

/** The value of an output, as a promise. */
export function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

/** Waits until the resources registered so far have settled (their registrations are asynchronous): no new one for 5 turns of the event loop. */
export async function settle(): Promise<void> {
  let quiet = 0;
  let seen = registered.length;
  while (quiet < 5) {
    await new Promise((r) => setImmediate(r));
    quiet = registered.length === seen ? quiet + 1 : 0;
    seen = registered.length;
  }
}
