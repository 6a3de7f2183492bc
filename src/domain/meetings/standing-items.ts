import type { AgendaItem } from './meeting';

/**
 * The standing items of a quarterly Prevent Steering Group meeting, as the OPCC Prevent Duty SOP
 * (2024) sets them out; `basis` names the SOP section each comes from.
 */
export const STANDING_ITEMS: readonly AgendaItem[] = [
  { id: 'welcome', title: 'Welcome and apologies', details: [], source: 'standing', basis: 'SOP 4.1 Multi-agency partnership group (attendance)' },
  { id: 'minutes', title: 'Minutes and matters arising', details: [], source: 'standing', basis: 'SOP 4.8 (the minutes record decisions)' },
  {
    id: 'situational-assessment',
    title: 'Situational Assessment review and changes in the local Prevent context',
    details: [],
    source: 'standing',
    basis: 'SOP 4.2 Local risk assessment process',
  },
  { id: 'ctlp', title: 'Counter-Terrorism Local Profile (CTLP) update', details: [], source: 'standing', basis: 'SOP 4.2 and 4.7' },
  {
    id: 'hopa-briefing',
    title: 'Briefing from the Home Office Prevent Advisor (HOPA) or CTPWM',
    details: [],
    source: 'standing',
    basis: 'SOP 4.7 Reducing permissive environments: "at each quarterly meeting via CTLP updates and briefings from the Home Office Prevent Advisor (HOPA) or CTPWM"',
  },
  {
    id: 'channel-panel',
    title: 'Channel Panel update: caseload, reviews completed, issues of concern',
    details: ['Numbers only: never details of people.'],
    source: 'standing',
    basis: 'SOP 4.5 Channel panel',
  },
  { id: 'referral-data', title: 'Referral data', details: [], source: 'standing', basis: 'SOP 4.4 Referral pathway' },
  { id: 'action-plan', title: 'Partnership action plan progress', details: [], source: 'standing', basis: 'SOP 4.3 Partnership plan' },
  { id: 'training', title: 'Training', details: [], source: 'standing', basis: 'SOP 4.6 Training programme' },
  { id: 'communications', title: 'Communications and engagement plan', details: [], source: 'standing', basis: 'SOP 4.8 Communications and engagement' },
  {
    id: 'permissive-environments',
    title: 'Permissive environments: venue hire and IT filtering',
    details: [],
    source: 'standing',
    basis: 'SOP 4.7 Reducing permissive environments',
  },
  { id: 'aob', title: 'Any other business', details: [], source: 'standing' },
];
