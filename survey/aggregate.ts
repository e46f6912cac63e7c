// Aggregates the returned survey forms for the provincial meeting: who returned and who did not;
// per commune or ward, its IT staff, daily IT workload and what that workload needs in full-time
// staff (hours a day ÷ 8, rounded up) against the full-time IT staff it has, its problems and the
// support it asks for; per problem (area and system): how many units report it, how often and how
// badly; per telecom provider: the units on its TSLCD and Internet lines, their line problems and
// the staff proposed from it; and the headcount asked for, by form of support (people at the unit
// — hired from a telecom provider or on call — are the headcount; person-months = people ×
// months). Pure: responses and units in, numbers out; sorted so the same forms give the same bytes.
import { PROBLEM_AREAS, PROVIDERS, SEVERITIES, STAFFING_FORMS, SUPPORT_FORMS, SYSTEMS, type SurveyUnit } from "./form.js";
import type { SurveyResponse } from "./types.js";

/** Hours of IT work a full-time person covers a day. */
export const HOURS_PER_PERSON_DAY = 8;

/** One commune or ward in the aggregate. */
export interface UnitSummary {
  readonly unit: SurveyUnit;
  readonly file?: string;
  readonly date?: string;
  readonly fullTime: number;
  readonly partTime: number;
  /** Staff with an IT degree (post-graduate, university, college or vocational). */
  readonly itTrained: number;
  readonly requestsPerDay: number;
  readonly hoursPerDay: number;
  /** Full-time people the daily workload needs: ⌈hours a day ÷ 8⌉. */
  readonly fteNeeded: number;
  /** What the workload needs beyond the full-time staff it has (≥ 0). */
  readonly fteGap: number;
  readonly problems: number;
  readonly severe: number;
  readonly tslcdProvider?: string;
  readonly tslcdMbps?: number;
  readonly internetProvider?: string;
  readonly internetMbps?: number;
  /** People asked for at the unit (staffing forms). */
  readonly people: number;
  readonly personMonths: number;
}

/** One problem (area and system) across units. */
export interface ProblemSummary {
  readonly area: string;
  readonly system: string;
  /** Units reporting it (ids, sorted). */
  readonly units: readonly string[];
  readonly reports: number;
  readonly severe: number;
  readonly daily: number;
  readonly downtimeHours: number;
}

/** One telecom provider across units. */
export interface ProviderSummary {
  readonly provider: string;
  readonly tslcdUnits: number;
  /** Mean TSLCD bandwidth of the units that gave one, Mbit/s. */
  readonly meanTslcdMbps?: number;
  readonly internetUnits: number;
  /** Units on its TSLCD or Internet lines that report a line problem. */
  readonly lineProblemUnits: number;
  /** Units proposing it for support. */
  readonly proposedBy: number;
  readonly people: number;
  readonly personMonths: number;
}

/** One form of support across units. */
export interface FormSummary {
  readonly form: string;
  readonly units: number;
  readonly people: number;
  readonly personMonths: number;
}

/** The whole aggregate. */
export interface SurveySummary {
  /** ISO date of the summary. */
  readonly date: string;
  /** True when any form is the bundled fictional sample. */
  readonly sample: boolean;
  readonly expected: number;
  readonly returned: number;
  readonly missing: readonly SurveyUnit[];
  readonly perUnit: readonly UnitSummary[];
  readonly perProblem: readonly ProblemSummary[];
  readonly perProvider: readonly ProviderSummary[];
  readonly perForm: readonly FormSummary[];
  readonly totals: {
    readonly staff: number;
    readonly fullTime: number;
    readonly partTime: number;
    readonly unitsWithoutFullTime: number;
    readonly requestsPerDay: number;
    readonly hoursPerDay: number;
    readonly fteNeeded: number;
    readonly fteGap: number;
    readonly problems: number;
    readonly severe: number;
    /** People asked for at the units (staffing forms) and their person-months. */
    readonly people: number;
    readonly personMonths: number;
    readonly unitsAskingPeople: number;
  };
}

const byName = (a: SurveyUnit, b: SurveyUnit) => a.name.localeCompare(b.name, "vi") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sum = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const TRAINED = new Set(["Sau đại học CNTT", "Đại học CNTT", "Cao đẳng CNTT", "Trung cấp CNTT"]);

/** Aggregates `responses` of the surveyed `units` (see file header). */
export function aggregateSurvey(units: readonly SurveyUnit[], responses: readonly SurveyResponse[], date: string): SurveySummary {
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const got = new Map(responses.map((r) => [r.unit, r]));
  const missing = units.filter((u) => !got.has(u.id)).sort(byName);

  const perUnit: UnitSummary[] = responses
    .map((r) => {
      const hours = sum(r.workload.map((w) => (w.centreHours ?? 0) + (w.officeHours ?? 0)));
      const fullTime = r.staff.filter((s) => s.mode === "Chuyên trách").length;
      const fteNeeded = Math.ceil(round1(hours) / HOURS_PER_PERSON_DAY);
      const staffing = r.support.filter((s) => STAFFING_FORMS.includes(s.form));
      return {
        unit: unitOf.get(r.unit)!,
        file: r.file,
        date: r.date,
        fullTime,
        partTime: r.staff.length - fullTime,
        itTrained: r.staff.filter((s) => TRAINED.has(s.qualification)).length,
        requestsPerDay: round1(sum(r.workload.map((w) => (w.centreRequests ?? 0) + (w.officeRequests ?? 0)))),
        hoursPerDay: round1(hours),
        fteNeeded,
        fteGap: Math.max(0, fteNeeded - fullTime),
        problems: r.problems.length,
        severe: r.problems.filter((p) => p.severity === SEVERITIES[0]).length,
        tslcdProvider: r.tslcdProvider,
        tslcdMbps: r.tslcdMbps,
        internetProvider: r.internetProvider,
        internetMbps: r.internetMbps,
        people: sum(staffing.map((s) => s.people)),
        personMonths: sum(staffing.map((s) => s.people * s.months)),
      };
    })
    .sort((a, b) => byName(a.unit, b.unit));

  const problems = new Map<string, { area: string; system: string; units: Set<string>; reports: number; severe: number; daily: number; downtime: number }>();
  for (const r of responses) {
    for (const p of r.problems) {
      const system = p.system ?? "—";
      const key = `${p.area}\u0000${system}`;
      let e = problems.get(key);
      if (!e) problems.set(key, (e = { area: p.area, system, units: new Set(), reports: 0, severe: 0, daily: 0, downtime: 0 }));
      e.units.add(r.unit);
      e.reports++;
      if (p.severity === SEVERITIES[0]) e.severe++;
      if (p.frequency === "Hằng ngày") e.daily++;
      e.downtime += p.downtimeHours ?? 0;
    }
  }
  const areaRank = (a: string) => (PROBLEM_AREAS as readonly string[]).indexOf(a);
  const systemRank = (s: string) => ((SYSTEMS as readonly string[]).includes(s) ? (SYSTEMS as readonly string[]).indexOf(s) : SYSTEMS.length);
  const perProblem: ProblemSummary[] = [...problems.values()]
    .map((e) => ({ area: e.area, system: e.system, units: [...e.units].sort(), reports: e.reports, severe: e.severe, daily: e.daily, downtimeHours: round1(e.downtime) }))
    .sort((a, b) => b.units.length - a.units.length || b.severe - a.severe || areaRank(a.area) - areaRank(b.area) || systemRank(a.system) - systemRank(b.system));

  const perProvider: ProviderSummary[] = PROVIDERS.map((provider) => {
    const tslcd = responses.filter((r) => r.tslcdProvider === provider);
    const internet = responses.filter((r) => r.internetProvider === provider);
    const lineProblem = responses.filter((r) => (r.tslcdProvider === provider || r.internetProvider === provider) && r.problems.some((p) => (p.area === "Đường truyền TSLCD" && r.tslcdProvider === provider) || (p.area === "Đường truyền Internet" && r.internetProvider === provider)));
    const proposed = responses.flatMap((r) => r.support.filter((s) => s.provider === provider).map((s) => ({ r, s })));
    const mbps = tslcd.map((r) => r.tslcdMbps).filter((m): m is number => m !== undefined);
    return {
      provider,
      tslcdUnits: tslcd.length,
      meanTslcdMbps: mbps.length > 0 ? round1(sum(mbps) / mbps.length) : undefined,
      internetUnits: internet.length,
      lineProblemUnits: lineProblem.length,
      proposedBy: new Set(proposed.map((p) => p.r.unit)).size,
      people: sum(proposed.filter((p) => STAFFING_FORMS.includes(p.s.form)).map((p) => p.s.people)),
      personMonths: sum(proposed.filter((p) => STAFFING_FORMS.includes(p.s.form)).map((p) => p.s.people * p.s.months)),
    };
  }).filter((p) => p.tslcdUnits + p.internetUnits + p.proposedBy > 0);

  const perForm: FormSummary[] = SUPPORT_FORMS.map((form) => {
    const rows = responses.flatMap((r) => r.support.filter((s) => s.form === form).map((s) => ({ r, s })));
    return { form, units: new Set(rows.map((x) => x.r.unit)).size, people: sum(rows.map((x) => x.s.people)), personMonths: sum(rows.map((x) => x.s.people * x.s.months)) };
  }).filter((f) => f.units > 0);

  const staffing = perUnit.filter((u) => u.people > 0);
  return {
    date,
    sample: responses.some((r) => r.sample === true),
    expected: units.length,
    returned: responses.length,
    missing,
    perUnit,
    perProblem,
    perProvider,
    perForm,
    totals: {
      staff: sum(perUnit.map((u) => u.fullTime + u.partTime)),
      fullTime: sum(perUnit.map((u) => u.fullTime)),
      partTime: sum(perUnit.map((u) => u.partTime)),
      unitsWithoutFullTime: perUnit.filter((u) => u.fullTime === 0).length,
      requestsPerDay: round1(sum(perUnit.map((u) => u.requestsPerDay))),
      hoursPerDay: round1(sum(perUnit.map((u) => u.hoursPerDay))),
      fteNeeded: sum(perUnit.map((u) => u.fteNeeded)),
      fteGap: sum(perUnit.map((u) => u.fteGap)),
      problems: sum(perUnit.map((u) => u.problems)),
      severe: sum(perUnit.map((u) => u.severe)),
      people: sum(perUnit.map((u) => u.people)),
      personMonths: sum(perUnit.map((u) => u.personMonths)),
      unitsAskingPeople: staffing.length,
    },
  };
}
