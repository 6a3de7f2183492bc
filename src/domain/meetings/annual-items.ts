import type { AgendaItem } from './meeting';

/** A quarter of the UK financial year: Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March. */
export type FinancialQuarter = 1 | 2 | 3 | 4;

export const QUARTER_MONTHS: Record<FinancialQuarter, string> = { 1: 'April to June', 2: 'July to September', 3: 'October to December', 4: 'January to March' };

/** The financial-year quarter of a UK calendar date (YYYY-MM-DD), and the year it belongs to ("2026-27"). */
export function financialQuarterOf(date: string): { quarter: FinancialQuarter; year: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= 4 ? year : year - 1;
  const quarter = (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as FinancialQuarter;
  return { quarter, year: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}` };
}

/** An item the SOP asks for once a year, the quarter whose meeting takes it, and the standing item it follows. */
export interface AnnualItem {
  readonly quarter: FinancialQuarter;
  readonly after: string;
  readonly item: AgendaItem;
}

/**
 * The annual items of the OPCC Prevent Duty SOP (2024), each with the passage it comes from in
 * `basis`. Only the CTLP workshop has a quarter in the SOP itself; for the others the SOP says
 * "annually" and the comment on each says which reading of the SOP places it. Q2 (July–September)
 * has no annual item: nothing in the SOP points there.
 */
export const ANNUAL_ITEMS: readonly AnnualItem[] = [
  {
    // The SOP gives no quarter ("reviewed at least annually"). Q1: the first meeting of the financial
    // year, so the Group agrees how it works for the year that the Situational Assessment agreed
    // "before the start of each financial year" (SOP 4.2) and the plan that follows it (SOP 4.3) cover.
    quarter: 1,
    after: 'minutes',
    item: {
      id: 'terms-of-reference-review',
      title: "Annual review of the Steering Group's Terms of Reference",
      details: [],
      source: 'annual',
      basis: 'SOP 4.1 Multi-agency partnership group: the agreed Terms of Reference "will be reviewed at least annually"',
    },
  },
  {
    // The SOP gives no quarter ("at least annually"). Q1: the financial year the report covers has
    // closed, so the report can give the whole year and the Situational Assessment agreed for the new one.
    quarter: 1,
    after: 'communications',
    item: {
      id: 'swpb-annual-report',
      title: 'Annual report to the Safer Warwickshire Partnership Board (SWPB)',
      details: ['Situational assessment, action plan, referral pathway, Channel panel, training, overall compliance and engagement of key partners.'],
      source: 'annual',
      basis: 'SOP 4.1 Multi-agency partnership group: the Group "will report at least annually" to the SWPB',
    },
  },
  {
    // The SOP gives no quarter: the presentation is a minimum element of the annual risk assessment,
    // whose elements feed the Q4 workshop (SOP 4.2). Q3 is the last meeting before that workshop.
    quarter: 3,
    after: 'hopa-briefing',
    item: {
      id: 'ctlp-presentation',
      title: 'Presentation of the Counter-Terrorism Local Profile (CTLP) by Counter-Terrorism Policing West Midlands (CTPWM)',
      details: [],
      source: 'annual',
      basis:
        'SOP 4.2 Local risk assessment process, minimum elements: "Counter-Terrorism Local Profile (CTLP) to the Prevent Steering Group by Counter-Terrorism Policing West Midlands"',
    },
  },
  {
    // The SOP gives no quarter for either statement. Q3, beside the CTLP presentation: the Group's
    // assessment of the risk of not meeting the duty, "reflected in the annual benchmarking assurance
    // process", is another minimum element of the annual risk assessment (SOP 4.2), due before the Q4 workshop.
    quarter: 3,
    after: 'channel-panel',
    item: {
      id: 'assurance-statements',
      title: 'Annual assurance statements: outcome',
      details: ["The Channel Panel Chair reports the outcome of the Home Office's Annual Assurance Statement.", "Partners' annual assurance statements to the Group."],
      source: 'annual',
      basis: 'SOP 4.5 Channel panel: "the outcome of the Annual Assurance Statement"; SOP 5: "an annual assurance statement/report to the Prevent Steering Group"',
    },
  },
  {
    // The SOP names the quarter: "a countywide partnership workshop during Q4 of each financial year".
    quarter: 4,
    after: 'hopa-briefing',
    item: {
      id: 'ctlp-workshop',
      title: 'Q4 countywide CTLP workshop: key priorities and risks for the revised Situational Assessment',
      details: ['The revised Situational Assessment is agreed before the new financial year starts.'],
      source: 'annual',
      basis: 'SOP 4.2 Local risk assessment process: "a countywide partnership workshop during Q4 of each financial year"',
    },
  },
  {
    // The SOP gives no quarter: it is reviewed "annually in line with the risk assessment process",
    // which ends with the Q4 workshop (SOP 4.2), so Q4.
    quarter: 4,
    after: 'permissive-environments',
    item: {
      id: 'sop-review',
      title: 'Annual review of the OPCC Prevent Duty Standard Operating Procedure (SOP)',
      details: ["Takes into account the most recent Home Office assessment of Warwickshire's compliance."],
      source: 'annual',
      basis: 'SOP 5 Monitoring and Assurance, Annual Review: "This SOP will be reviewed annually in line with the risk assessment process"',
    },
  },
];

/** The annual items whose quarter a meeting on this UK date falls in, each saying which quarter that is. */
export function annualItemsFor(meetingDate: string): AnnualItem[] {
  const { quarter, year } = financialQuarterOf(meetingDate);
  const when = `Annual item: Q${quarter} of ${year} (${QUARTER_MONTHS[quarter]}).`;
  return ANNUAL_ITEMS.filter((a) => a.quarter === quarter).map((a) => ({ ...a, item: { ...a.item, details: [when, ...a.item.details] } }));
}
