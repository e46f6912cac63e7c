// A configuration value that must never be printed, logged or written to disk by accident. The
// plaintext is held in a private field; String(), JSON.stringify and util.inspect all show a
// redaction marker. Components hand the value to Pulumi only through `pulumi.secret(...)`; `dcplan
// render` reveals it only when the operator asked for Secret manifests (see docs/deploy.md).
import { inspect } from "node:util";

const REDACTED = "[secret]";

/** A secret configuration value (S3 credentials, BGP passwords). */
export class SecretValue<T = string> {
  readonly #value: T;
  constructor(value: T) {
    this.#value = value;
  }
  /** The plaintext; call only where it goes straight into `pulumi.secret` or a Secret manifest. */
  reveal(): T {
    return this.#value;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return REDACTED;
  }
}
