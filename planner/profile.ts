// The planning profile: read the YAML file (`--profile`), validate it on its own (schema, dates,
// blackouts, pins on allowed days) and against the inventory (pinned systems exist, target site
// exists, no two pins contradict each other inside a move group), then resolve every default.
// Problems become ProfileError findings located at file:line:col with the `yaml` package.
import { type Finding, ProfileError } from "../common/errors.js";
import type { InventoryIndex } from "../inventory/model.js";
import { moveGroups } from "../inventory/queries/move-groups.js";
import { locate, readYamlFile } from "../inventory/yaml-source.js";
import { Calendar, MAX_WINDOW_DAYS } from "./calendar.js";
import { maxDate } from "./dates.js";
import type { ResolvedProfile } from "./plan-schema.js";
import { type Pin, Profile } from "./profile-schema.js";

/** Defaults of the contract and of dcplan's additions. */
export const PROFILE_DEFAULTS = {
  deadline: "2026-12-31",
  horizonEnd: "2030-12-31",
  weekdays: ["sat", "sun"] as ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[],
  maxSystems: 8,
  quietPeriodDays: 30,
  headroomPct: 20,
  cpuOvercommit: 4,
  procurementLeadDays: 60,
  /** Share of the smaller TSLCD uplink one wave's data copy may use; the rest carries production traffic. */
  wanUsableShare: 0.5,
  /** Effort points a quarter of the later phases' work (one point ≈ a person-week of the centre's team). */
  effortPerQuarter: 40,
  /** Assumed uplink when no site states its TSLCD bandwidth, Mbit/s. */
  wanMbpsUnknown: 100,
};

/** A profile as read, with where it came from (for locating later findings). */
export interface LoadedProfile {
  readonly profile: Profile;
  /** Path as the user gave it; undefined for an in-memory profile. */
  readonly file?: string;
  readonly text?: string;
}

/** Reads and schema-checks a profile file; throws ProfileError with every problem located. */
export function loadProfile(file: string, text?: string): LoadedProfile {
  const { docs, findings } = readYamlFile(file, text);
  if (findings.length > 0) throw new ProfileError(findings);
  if (docs.length > 1) throw new ProfileError([{ severity: "error", rule: "document-shape", file, ...locate(file, 1, [], text), message: "a profile is one YAML document; found more than one" }]);
  const raw = docs[0] ?? {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ProfileError([{ severity: "error", rule: "document-shape", file, ...locate(file, 0, [], text), message: "a profile must be a mapping of settings (startDate, deadline, windows, pins…)" }]);
  }
  const result = Profile.safeParse(raw);
  if (!result.success) {
    const out: Finding[] = result.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const merge = issue.message.startsWith("YAML merge keys");
      const unknown = merge || issue.message.startsWith("unknown field");
      return { severity: "error" as const, rule: merge ? "merge-key" : unknown ? "unknown-field" : "profile-schema", ...locate(file, 0, path, text, { atKey: unknown }), file, path, message: issue.message === "Invalid input" ? "has the wrong type" : issue.message };
    });
    throw new ProfileError(out);
  }
  return { profile: result.data, file, text };
}

/** Finding at `path` of the profile, located when the profile came from a file. */
function at(loaded: LoadedProfile, path: (string | number)[], rule: string, message: string): Finding {
  const place = loaded.file ? locate(loaded.file, 0, path, loaded.text) : {};
  return { severity: "error", rule, ...place, path, message };
}

/** Checks that need no inventory: blackouts in order, deadline after start, pins on allowed days. */
export function profileFindings(loaded: LoadedProfile, asOf: string): Finding[] {
  const p = loaded.profile;
  const out: Finding[] = [];
  (p.blackouts ?? []).forEach((b, i) => {
    if (b.from > b.to) out.push(at(loaded, ["blackouts", i, "from"], "blackout-order", `blackout starts (${b.from}) after it ends (${b.to})`));
  });
  const start = maxDate(p.startDate ?? asOf, asOf);
  const horizon = p.horizonEnd ?? PROFILE_DEFAULTS.horizonEnd;
  if (horizon < start) out.push(at(loaded, ["horizonEnd"], "horizon-order", `horizonEnd ${horizon} is before the start date ${start}`));
  const calendar = new Calendar({ weekdays: p.windows?.weekdays ?? PROFILE_DEFAULTS.weekdays, blackouts: (p.blackouts ?? []).filter((b) => b.from <= b.to) });
  const seen = new Map<string, number>();
  (p.pins ?? []).forEach((pin, i) => {
    const first = seen.get(pin.system);
    if (first !== undefined) out.push(at(loaded, ["pins", i, "system"], "pin-duplicate", `system "${pin.system}" is pinned twice (also pins[${first}])`));
    else seen.set(pin.system, i);
    if (pin.date !== undefined) {
      const why = calendar.blockedBecause(pin.date);
      if (why) out.push(at(loaded, ["pins", i, "date"], "pin-not-allowed", `pin date ${pin.date} is not an allowed cutover day (${why})`));
    }
  });
  return out;
}

/** Checks against the inventory: target site and pinned systems exist; pins in one move group agree. */
export function profileInventoryFindings(loaded: LoadedProfile, index: InventoryIndex): Finding[] {
  const p = loaded.profile;
  const out: Finding[] = [];
  if (p.targetSite !== undefined && !index.sites.has(p.targetSite)) {
    out.push(at(loaded, ["targetSite"], "unknown-site", `target site "${p.targetSite}" is not a site of the inventory (sites: ${[...index.sites.keys()].sort().join(", ")})`));
  }
  const pins = p.pins ?? [];
  pins.forEach((pin, i) => {
    if (!index.systems.has(pin.system)) {
      out.push(at(loaded, ["pins", i, "system"], "unknown-system", `pins a system "${pin.system}" that is not in the inventory`));
      return;
    }
    const d = index.systems.get(pin.system)!.disposition;
    if (d === "retain" || d === "retire") out.push(at(loaded, ["pins", i, "system"], "pin-not-moving", `system "${pin.system}" has disposition "${d}" in the inventory, so it has no wave to pin`));
  });
  if (pins.length > 1) {
    // Pins of systems that must cut over together must agree on one date, and no hold-back may come
    // after that date.
    const groupOf = new Map<string, string>();
    for (const g of moveGroups(index)) for (const s of g.systems) groupOf.set(s, g.id);
    const byGroup = new Map<string, { pin: Pin; i: number }[]>();
    pins.forEach((pin, i) => {
      const g = groupOf.get(pin.system);
      if (g === undefined) return;
      const list = byGroup.get(g) ?? [];
      list.push({ pin, i });
      byGroup.set(g, list);
    });
    for (const list of byGroup.values()) {
      const dated = list.filter((x) => x.pin.date !== undefined);
      const first = dated[0];
      for (const x of dated.slice(1)) {
        if (x.pin.date !== first.pin.date) out.push(at(loaded, ["pins", x.i, "date"], "pin-contradiction", `"${x.pin.system}" is pinned to ${x.pin.date} but must cut over together with "${first.pin.system}", pinned to ${first.pin.date}`));
      }
      if (first) {
        for (const x of list) {
          if (x.pin.notBefore !== undefined && x.pin.notBefore > first.pin.date!) {
            out.push(at(loaded, ["pins", x.i, "notBefore"], "pin-contradiction", `"${x.pin.system}" is held back until ${x.pin.notBefore} but must cut over together with "${first.pin.system}", pinned to ${first.pin.date}`));
          }
        }
      }
    }
  }
  return out;
}

/** The profile with every default resolved, plus what the planner needs beyond the contract. */
export interface PlanningProfile extends ResolvedProfile {
  /** Target site from the profile (undefined: the planner proposes one). */
  readonly targetSite?: string;
  /** True when the profile fixed maxDataGiB; otherwise a wave's limit is dataGiBPerWindowDay × its days. */
  readonly fixedMaxData: boolean;
  /** Effort points a quarter of the later phases (always resolved). */
  readonly effortPerQuarter: number;
}

/** Smaller TSLCD uplink among the inventory's data-centre sites that have servers, Mbit/s. */
export function interSiteMbps(index: InventoryIndex): number {
  const used = new Set<string>();
  for (const s of index.inventory.servers) used.add(s.site);
  let best = Infinity;
  for (const site of [...index.sites.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!used.has(site.id)) continue;
    const mbps = site.wan?.tslcdMbps;
    if (mbps !== undefined && mbps > 0) best = Math.min(best, mbps);
  }
  return best === Infinity ? PROFILE_DEFAULTS.wanMbpsUnknown : best;
}

/** GiB a link of `mbps` carries in one day at `share` of its bandwidth: Mbit/s × share × 86 400 s × 10⁶ / 8 / 2³⁰. */
export function gibPerDay(mbps: number, share: number): number {
  return Math.floor(((mbps * share * 86_400 * 1e6) / 8 / 2 ** 30) * 10) / 10;
}

/** Resolves defaults (contract: start = as-of, deadline 2026-12-31, horizon 2030-12-31, …). */
export function resolveProfile(profile: Profile, index: InventoryIndex, asOf: string): PlanningProfile {
  const startDate = maxDate(profile.startDate ?? asOf, asOf);
  const horizonEnd = profile.horizonEnd ?? PROFILE_DEFAULTS.horizonEnd;
  const weekdays = [...(profile.windows?.weekdays ?? PROFILE_DEFAULTS.weekdays)];
  const order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  weekdays.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const blackouts = [...(profile.blackouts ?? [])]
    .map((b) => ({ from: b.from, to: b.to, reason: b.reason }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const wanUsableShare = profile.wanUsableShare ?? PROFILE_DEFAULTS.wanUsableShare;
  const wanMbps = interSiteMbps(index);
  const perDay = gibPerDay(wanMbps, wanUsableShare);
  let maxDataGiB = profile.waveLimits?.maxDataGiB;
  if (maxDataGiB === undefined) {
    // Report the limit of the longest window the calendar offers, so every wave's own limit
    // (perDay × its days) is within the reported figure.
    const windows = new Calendar({ weekdays, blackouts }).windows(startDate, horizonEnd > startDate ? horizonEnd : startDate);
    const longest = windows.reduce((m, w) => Math.max(m, w.days), 0) || Math.min(MAX_WINDOW_DAYS, weekdays.length);
    maxDataGiB = Math.max(0.1, Math.floor(perDay * longest * 10) / 10);
  }
  const pins = [...(profile.pins ?? [])]
    .map((p) => ({ system: p.system, ...(p.date !== undefined ? { date: p.date } : {}), ...(p.notBefore !== undefined ? { notBefore: p.notBefore } : {}) }))
    .sort((a, b) => (a.system < b.system ? -1 : a.system > b.system ? 1 : 0));
  return {
    startDate,
    deadline: profile.deadline ?? PROFILE_DEFAULTS.deadline,
    horizonEnd,
    weekdays,
    blackouts,
    maxSystems: profile.waveLimits?.maxSystems ?? PROFILE_DEFAULTS.maxSystems,
    maxDataGiB,
    quietPeriodDays: profile.quietPeriodDays ?? PROFILE_DEFAULTS.quietPeriodDays,
    headroomPct: profile.headroomPct ?? PROFILE_DEFAULTS.headroomPct,
    cpuOvercommit: profile.cpuOvercommit ?? PROFILE_DEFAULTS.cpuOvercommit,
    pins,
    procurementLeadDays: profile.procurementLeadDays ?? PROFILE_DEFAULTS.procurementLeadDays,
    maxDataGiBSource: profile.waveLimits?.maxDataGiB !== undefined ? "profile" : "wan",
    wanMbps,
    wanUsableShare,
    dataGiBPerWindowDay: perDay,
    effortPerQuarter: profile.laterPhases?.effortPerQuarter ?? PROFILE_DEFAULTS.effortPerQuarter,
    targetSite: profile.targetSite,
    fixedMaxData: profile.waveLimits?.maxDataGiB !== undefined,
  };
}

/** Loads (when `file` is given), checks against the inventory and resolves a profile; throws ProfileError. */
export function prepareProfile(file: string | undefined, index: InventoryIndex, asOf: string, text?: string): PlanningProfile {
  const loaded: LoadedProfile = file === undefined ? { profile: {} } : loadProfile(file, text);
  return checkProfile(loaded, index, asOf);
}

/** Validates an already-read profile against the inventory and resolves it; throws ProfileError. */
export function checkProfile(loaded: LoadedProfile, index: InventoryIndex, asOf: string): PlanningProfile {
  const findings = [...profileFindings(loaded, asOf), ...profileInventoryFindings(loaded, index)];
  if (findings.length > 0) throw new ProfileError(findings);
  return resolveProfile(loaded.profile, index, asOf);
}

/** The resolved profile as printed by `dcplan validate --profile` (one setting per line). */
export function profileSummary(file: string, p: PlanningProfile): string {
  const lines = [
    "",
    `Profile ${file}: valid. Resolved values:`,
    `  startDate ${p.startDate}, deadline ${p.deadline}, horizonEnd ${p.horizonEnd}`,
    `  targetSite ${p.targetSite ?? "(proposed by the planner)"}`,
    `  windows.weekdays [${p.weekdays.join(", ")}]; blackouts: ${p.blackouts.length === 0 ? "none" : p.blackouts.map((b) => `${b.from}..${b.to} (${b.reason})`).join("; ")}; Vietnamese public holidays always blocked`,
    `  waveLimits.maxSystems ${p.maxSystems}, waveLimits.maxDataGiB ${p.maxDataGiB}${p.maxDataGiBSource === "wan" ? ` (from the WAN: ${p.wanMbps} Mbit/s × ${p.wanUsableShare} usable = ${p.dataGiBPerWindowDay} GiB per window day)` : ""}`,
    `  quietPeriodDays ${p.quietPeriodDays}, headroomPct ${p.headroomPct}, cpuOvercommit ${p.cpuOvercommit}, procurementLeadDays ${p.procurementLeadDays}`,
    `  laterPhases.effortPerQuarter ${p.effortPerQuarter}`,
    `  pins: ${p.pins.length === 0 ? "none" : p.pins.map((x) => `${x.system} ${x.date ? `on ${x.date}` : `not before ${x.notBefore}`}`).join(", ")}`,
  ];
  return `${lines.join("\n")}\n`;
}
