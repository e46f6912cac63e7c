// YAML text of a manifest or a values file that every YAML reader takes the same way. dcplan writes
// YAML 1.2 (the `yaml` library), which needs no quotes around `2026-12-05T00:00:00+07:00`, `on` or
// `22:00`; readers that follow YAML 1.1 (PyYAML, and go-yaml decoding into typed fields) would read
// them as a timestamp, a boolean or the base-60 number 1320. Such strings are written quoted.
import { Document, isScalar, visit } from "yaml";

/** Plain strings a YAML 1.1 reader would not take as strings: booleans, timestamps, base-60 numbers. */
const YAML11_NOT_STRING = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$|^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)|^[-+]?\d[\d_]*(:[0-5]?\d)+(\.\d*)?$/;

/** YAML text of `value` (keys as given, no line folding), quoting strings YAML 1.1 would misread. */
export function yamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === "string" && node.type !== "BLOCK_LITERAL" && YAML11_NOT_STRING.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}
