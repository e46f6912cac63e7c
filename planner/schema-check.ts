// Checks a JSON value against a zod schema without building the copy zod's parse returns: the
// schema's definition (objects, arrays, records, optional fields, strings with their length,
// pattern and refinement checks, numbers with their bounds and integer checks, booleans, enums,
// literals, unknown/any, z.lazy references) is compiled once into plain predicates; an object's own refinement
// (superRefine) runs through zod on that object alone. It answers only "valid or not"; a caller
// runs zod itself on an invalid value for the located messages. A schema using anything else
// (unions, transforms, defaults, catch-alls…) is not compiled: `compileCheck` returns undefined and
// callers use zod. On a 20,000-system plan this takes a fraction of zod's time and no memory.
import type { z } from "zod";

/** A compiled check: true when the value would pass the schema's parse. */
export type Check = (value: unknown) => boolean;

type Def = { type: string; checks?: { _zod: { def: CheckDef } }[]; [k: string]: unknown };
type CheckDef = { check: string; [k: string]: unknown };

const CACHE = new WeakMap<object, Check | null>();

/** The check of `schema`, or undefined when it uses something this compiler does not know. */
export function compileCheck(schema: z.ZodType): Check | undefined {
  const cached = CACHE.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  let check: Check | undefined;
  try {
    check = compile(schema);
  } catch {
    check = undefined;
  }
  CACHE.set(schema, check ?? null);
  return check;
}

class Unsupported extends Error {}

/** Schemas behind z.lazy being compiled, for references back to them. */
const COMPILING = new Map<unknown, { check?: Check }>();

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function compile(schema: unknown): Check {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case "object": {
      if (def.catchall !== undefined) throw new Unsupported("catchall");
      const fields = Object.entries(def.shape as Record<string, unknown>).map(([key, s]) => [key, compile(s), defOf(s).type === "optional"] as const);
      // an object's own refinement (superRefine: it reports issues instead of returning a verdict) is
      // zod's to run, on that object alone (such objects are few: a plan's waves)
      const own = checks.length === 0 ? () => true : (v: unknown) => (schema as z.ZodType).safeParse(v).success;
      return (v) => {
        if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        for (const [key, check, optional] of fields) {
          const x = o[key];
          if (x === undefined ? !optional : !check(x)) return false;
        }
        return own(v);
      };
    }
    case "optional": {
      const inner = compile(def.innerType);
      return (v) => v === undefined || inner(v);
    }
    case "array": {
      const element = compile(def.element);
      const own = checksOf(checks, "array");
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return own(v);
      };
    }
    case "record": {
      const key = compile(def.keyType);
      const value = compile(def.valueType);
      return (v) => {
        if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
        for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k) && (!key(k) || !value((v as Record<string, unknown>)[k]))) return false;
        return true;
      };
    }
    case "string": {
      const own = checksOf(checks, "string");
      return (v) => typeof v === "string" && own(v);
    }
    case "number": {
      const own = checksOf(checks, "number");
      return (v) => typeof v === "number" && Number.isFinite(v) && own(v);
    }
    case "unknown":
    case "any":
      // anything passes (a deadline option's `change`, a JSON merge patch)
      return () => true;
    case "boolean":
      if (checks.length > 0) throw new Unsupported("boolean checks");
      return (v) => typeof v === "boolean";
    case "enum": {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => values.has(v as never);
    }
    case "literal": {
      const values = new Set(def.values as unknown[]);
      return (v) => values.has(v);
    }
    case "lazy": {
      // a schema declared later in its file (or recursive): compiled once; a reference back to a
      // schema still being compiled reads its check when it runs
      const target = (def.getter as () => unknown)();
      const pending = COMPILING.get(target);
      if (pending) return (v) => pending.check!(v);
      const slot: { check?: Check } = {};
      COMPILING.set(target, slot);
      try {
        slot.check = compile(target);
      } finally {
        COMPILING.delete(target);
      }
      return slot.check;
    }
    default:
      throw new Unsupported(def.type);
  }
}

/** The checks of a string, number, array or object as one predicate. */
// The predicates take the value the type switch in `compile` established.
type Pred = (v: any) => boolean;

function checksOf(checks: readonly CheckDef[], on: "string" | "number" | "array" | "object"): Pred {
  const preds: Pred[] = checks.map((c): Pred => {
    switch (c.check) {
      case "min_length":
        if (on !== "string" && on !== "array") throw new Unsupported(c.check);
        return (v: string | unknown[]) => v.length >= (c.minimum as number);
      case "max_length":
        if (on !== "string" && on !== "array") throw new Unsupported(c.check);
        return (v: string | unknown[]) => v.length <= (c.maximum as number);
      case "length_equals":
        if (on !== "string" && on !== "array") throw new Unsupported(c.check);
        return (v: string | unknown[]) => v.length === (c.length as number);
      case "string_format": {
        if (on !== "string" || c.format !== "regex") throw new Unsupported(`${c.check}:${String(c.format)}`);
        const pattern = c.pattern as RegExp;
        return (v: string) => {
          pattern.lastIndex = 0;
          return pattern.test(v);
        };
      }
      case "greater_than":
        if (on !== "number") throw new Unsupported(c.check);
        return c.inclusive ? (v: number) => v >= (c.value as number) : (v: number) => v > (c.value as number);
      case "less_than":
        if (on !== "number") throw new Unsupported(c.check);
        return c.inclusive ? (v: number) => v <= (c.value as number) : (v: number) => v < (c.value as number);
      case "number_format":
        if (on !== "number" || c.format !== "safeint") throw new Unsupported(`${c.check}:${String(c.format)}`);
        return (v: number) => Number.isSafeInteger(v);
      case "custom": {
        const fn = c.fn as (v: unknown) => unknown;
        if (typeof fn !== "function" || fn.constructor.name === "AsyncFunction") throw new Unsupported("custom");
        // zod passes a refinement whose function returns a truthy value
        return (v: unknown) => Boolean(fn(v));
      }
      default:
        throw new Unsupported(c.check);
    }
  });
  if (preds.length === 0) return () => true;
  if (preds.length === 1) return preds[0];
  return (v) => preds.every((p) => p(v));
}
