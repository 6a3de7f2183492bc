import { screenForPersonalData } from '../domain/privacy/screen';
import type { PersonalDataScreen } from '../domain/privacy/personal-data-error';
import { ACTION_UPDATE_VERB } from './action-cards';
import { ASSESSMENT_SAVE_VERB, ASSESSMENT_START_VERB } from './assessment-cards';
import { ASSURANCE_SAVE_VERB } from './assurance-cards';
import { AGENDA_EDIT_VERB, DECISION_SAVE_VERB, MEETING_SCHEDULE_VERB } from './meeting-cards';
import { ORGANISATION_SAVE_VERB } from './partnership-cards';
import { FIGURES_SAVE_VERB } from './figures-cards';
import { PRIORITY_SAVE_VERB } from './priority-cards';

/** A stored field someone types into: matched by name (or pattern, for per-item inputs) and named for the user. */
export interface FreeTextField {
  readonly field: string | RegExp;
  readonly label: string;
  /**
   * `service`: the domain service screens it and gives the form back with the typed text (it also
   * guards writes that do not come from a card). `submit`: screened by screenFreeText when the card
   * is submitted, before any handler runs.
   */
  readonly screenedBy: 'service' | 'submit';
}

/**
 * Every card submit field that is free text and gets stored, by verb, and where it is screened for
 * personal data before it is written (test/unit/bot/free-text-screen.test.ts keeps this list
 * complete against the submit schemas). Questions typed on the ask card are answered, never stored.
 */
export const FREE_TEXT_FIELDS: Readonly<Record<string, readonly FreeTextField[]>> = {
  [ACTION_UPDATE_VERB]: [
    { field: 'progressNote', label: 'the progress note', screenedBy: 'service' },
    { field: 'evidenceUrl', label: 'the evidence link', screenedBy: 'submit' },
  ],
  [MEETING_SCHEDULE_VERB]: [{ field: 'location', label: 'the location', screenedBy: 'submit' }],
  [AGENDA_EDIT_VERB]: [
    { field: 'title', label: 'the agenda item', screenedBy: 'service' },
    { field: 'owner', label: 'the item owner', screenedBy: 'submit' },
  ],
  [DECISION_SAVE_VERB]: [
    { field: 'text', label: 'the decision', screenedBy: 'service' },
    { field: 'actionText', label: 'the new action', screenedBy: 'service' },
  ],
  [ASSESSMENT_START_VERB]: [{ field: 'name', label: 'the round name', screenedBy: 'submit' }],
  [ASSESSMENT_SAVE_VERB]: [{ field: /^details-/, label: 'the supporting details', screenedBy: 'service' }],
  [ASSURANCE_SAVE_VERB]: [{ field: /^note-/, label: 'the notes', screenedBy: 'service' }],
  [FIGURES_SAVE_VERB]: [{ field: 'issuesOfConcern', label: 'the issues of concern', screenedBy: 'service' }],
  [PRIORITY_SAVE_VERB]: [
    { field: 'title', label: 'the title', screenedBy: 'service' },
    { field: 'description', label: 'the description', screenedBy: 'service' },
    { field: 'source', label: 'the source', screenedBy: 'service' },
  ],
  [ORGANISATION_SAVE_VERB]: [
    { field: 'name', label: "the organisation's name", screenedBy: 'submit' },
    { field: 'aliases', label: 'the other names', screenedBy: 'submit' },
  ],
};

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * One problem line per field that looks like it holds personal data, naming the field; empty when
 * clean. Only `submit` fields unless told otherwise: the others are screened by their service.
 */
export function screenFreeText(verb: string, data: unknown, screen: PersonalDataScreen = screenForPersonalData, which: 'submit' | 'all' = 'submit'): string[] {
  const fields = (FREE_TEXT_FIELDS[verb] ?? []).filter((f) => which === 'all' || f.screenedBy === 'submit');
  if (fields.length === 0 || typeof data !== 'object' || data === null) return [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const match = fields.find((f) => (typeof f.field === 'string' ? f.field === key : f.field.test(key)));
    if (!match) continue;
    const findings = textsOf(value).flatMap((text) => screen(text));
    for (const finding of new Set(findings)) problems.push(`${match.label}: ${finding}`);
  }
  return problems;
}
