// A map's value at a key, made the first time it is asked for: the memo the planner's hot loops
// use to make a sentence (or a nested map) once per id, date or site instead of once per entity.

/** `map`'s value at `key`; `make()` stored there first when it has none (undefined counts as none). */
export function getOrMake<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
