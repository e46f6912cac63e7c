// JSON merge patch (RFC 7386): how a deadline option states its change to the planning profile.
// A patch is a JSON value; an object patch merges key by key into an object target (a null value
// removes the key, a nested object merges recursively), anything else — arrays included — replaces
// the target whole. So a patch of `pins` or `windows.weekdays` carries the complete new list.
// `composePatches` gives the one patch equivalent to applying two in turn, for options that pull
// two levers at once.

/** A JSON value (what a merge patch and a profile are made of). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is { [key: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);

/** `target` with `patch` applied per RFC 7386 §2 (pure: neither argument is changed). */
export function applyMergePatch(target: unknown, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const out: { [key: string]: Json } = isObject(target) ? { ...(target as { [key: string]: Json }) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** One patch equal to applying `first` and then `second` (both objects: merged key by key). */
export function composePatches(first: Json, second: Json): Json {
  if (!isObject(first) || !isObject(second)) return clone(second);
  const out: { [key: string]: Json } = { ...first };
  for (const [key, value] of Object.entries(second)) {
    // A null in `second` must survive so that it still removes the key from the target.
    out[key] = key in out && isObject(out[key]) && isObject(value) ? composePatches(out[key], value) : clone(value);
  }
  return out;
}

/** The patch with its object keys sorted at every level: one spelling per patch (memo keys, stable output). */
export function canonicalPatch(patch: Json): Json {
  if (Array.isArray(patch)) return patch.map(canonicalPatch);
  if (!isObject(patch)) return patch;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(patch).sort()) out[key] = canonicalPatch(patch[key]);
  return out;
}

function clone(v: Json): Json {
  if (Array.isArray(v)) return v.map(clone);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}
