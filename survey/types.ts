// One returned survey form as read (read.ts) or as written into a form (template.ts, the sample).
// Field names follow survey/form.ts; choices keep their Vietnamese text.

/** A member of the unit's IT staff. */
export interface StaffMember {
  readonly name: string;
  readonly role?: string;
  /** "Chuyên trách" (full-time IT) or "Kiêm nhiệm" (IT on top of another post). */
  readonly mode: string;
  readonly qualification: string;
  readonly years?: number;
  readonly note?: string;
}

/** The daily volume of one IT task. */
export interface WorkloadRow {
  readonly task: string;
  /** Requests a day at the public-service centre (Trung tâm Phục vụ hành chính công). */
  readonly centreRequests?: number;
  /** Hours of work a day at the centre. */
  readonly centreHours?: number;
  readonly officeRequests?: number;
  readonly officeHours?: number;
  readonly note?: string;
}

/** A problem the unit reports. */
export interface ProblemRow {
  readonly area: string;
  readonly system?: string;
  readonly description: string;
  readonly frequency: string;
  readonly severity: string;
  /** Hours of interrupted work a month. */
  readonly downtimeHours?: number;
}

/** Support the unit asks for. */
export interface SupportRow {
  readonly form: string;
  readonly tasks?: string;
  readonly people: number;
  readonly months: number;
  /** ISO date. */
  readonly start?: string;
  readonly provider?: string;
  readonly note?: string;
}

/** One unit's answers. */
export interface SurveyResponse {
  /** Where it was read from (absent for a response being written). */
  readonly file?: string;
  /** The bundled, fictional sample (marked in the workbook's properties). */
  readonly sample?: boolean;
  /** Commune or ward id. */
  readonly unit: string;
  readonly preparer: string;
  readonly position?: string;
  readonly phone: string;
  readonly email?: string;
  /** ISO date the form was filled in. */
  readonly date: string;
  readonly officials?: number;
  readonly pcsCentre?: number;
  readonly pcsOffices?: number;
  readonly tslcdProvider: string;
  readonly tslcdMbps?: number;
  readonly internetProvider?: string;
  readonly internetMbps?: number;
  readonly note?: string;
  readonly staff: readonly StaffMember[];
  readonly workload: readonly WorkloadRow[];
  readonly problems: readonly ProblemRow[];
  readonly support: readonly SupportRow[];
}
