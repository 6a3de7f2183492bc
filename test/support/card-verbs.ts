import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ZodEffects, ZodObject, type ZodTypeAny } from 'zod';
import { ACTION_OPEN_VERB, ACTION_UPDATE_VERB, ACTIONS_PAGE_VERB, actionOpenSubmitSchema, actionsPageSubmitSchema, actionUpdateSubmitSchema } from '../../src/cards/action-cards';
import { NOT_REPLIED_PAGE_VERB, notRepliedPageSubmitSchema } from '../../src/cards/not-replied-card';
import { ASK_VERB, askSubmitSchema } from '../../src/cards/ask-action';
import { CHANNEL_CARD_VIEW_VERB, channelCardViewSubmitSchema } from '../../src/cards/channel-mention';
import {
  ASSESSMENT_OPEN_VERB,
  ASSESSMENT_PROGRESS_VIEW_VERB,
  assessmentProgressViewSubmitSchema,
  ASSESSMENT_SAVE_VERB,
  ASSESSMENT_START_VERB,
  assessmentOpenSubmitSchema,
  assessmentSaveSubmitSchema,
  assessmentStartSubmitSchema,
} from '../../src/cards/assessment-cards';
import { CHASER_OPEN_VERB, chaserOpenSubmitSchema } from '../../src/cards/chaser-card';
import { ASSURANCE_OPEN_VERB, ASSURANCE_SAVE_VERB, assuranceOpenSubmitSchema, assuranceSaveSubmitSchema } from '../../src/cards/assurance-cards';
import {
  AGENDA_EDIT_VERB,
  AGENDA_VIEW_VERB,
  agendaViewSubmitSchema,
  DECISION_SAVE_VERB,
  MEETING_REPLY_VERB,
  MEETING_SCHEDULE_VERB,
  agendaEditSubmitSchema,
  decisionSaveSubmitSchema,
  meetingReplySubmitSchema,
  meetingScheduleSubmitSchema,
} from '../../src/cards/meeting-cards';
import {
  MEMBER_FORM_VERB,
  MEMBER_SAVE_VERB,
  ORGANISATION_EDIT_VERB,
  ORGANISATION_FORM_VERB,
  ORGANISATION_PICK_VERB,
  ORGANISATION_SAVE_VERB,
  memberSaveSubmitSchema,
  openFormSubmitSchema,
  organisationEditSubmitSchema,
  organisationSaveSubmitSchema,
  PARTNERSHIP_PAGE_VERB,
  partnershipPageSubmitSchema,
} from '../../src/cards/partnership-cards';
import { FIGURES_OPEN_VERB, FIGURES_SAVE_VERB, figuresOpenSubmitSchema, figuresSaveSubmitSchema } from '../../src/cards/figures-cards';
import { ROUND_PROGRESS_VIEW_VERB, roundProgressViewSubmitSchema } from '../../src/cards/update-request-cards';
import {
  PRIORITIES_AGREE_VERB,
  PRIORITIES_VIEW_VERB,
  PRIORITY_FORM_VERB,
  PRIORITY_LINK_OPEN_VERB,
  PRIORITY_LINK_SAVE_VERB,
  PRIORITY_SAVE_VERB,
  prioritiesAgreeSubmitSchema,
  prioritiesViewSubmitSchema,
  priorityFormSubmitSchema,
  priorityLinkOpenSubmitSchema,
  priorityLinkSaveSubmitSchema,
  prioritySaveSubmitSchema,
} from '../../src/cards/priority-cards';
import { SUMMARY_BENCHMARK_VERB, SUMMARY_OPEN_VERB, summaryBenchmarkSubmitSchema, summaryOpenSubmitSchema } from '../../src/cards/summary-cards';

/** The schema src/bot/register-handlers.ts parses each verb's submit with. */
export const VERB_SCHEMAS: Readonly<Record<string, ZodTypeAny>> = {
  [CHANNEL_CARD_VIEW_VERB]: channelCardViewSubmitSchema,
  [ASK_VERB]: askSubmitSchema,
  [ACTION_OPEN_VERB]: actionOpenSubmitSchema,
  [ACTION_UPDATE_VERB]: actionUpdateSubmitSchema,
  [MEETING_SCHEDULE_VERB]: meetingScheduleSubmitSchema,
  [MEETING_REPLY_VERB]: meetingReplySubmitSchema,
  [AGENDA_EDIT_VERB]: agendaEditSubmitSchema,
  [AGENDA_VIEW_VERB]: agendaViewSubmitSchema,
  [ROUND_PROGRESS_VIEW_VERB]: roundProgressViewSubmitSchema,
  [ASSESSMENT_PROGRESS_VIEW_VERB]: assessmentProgressViewSubmitSchema,
  [DECISION_SAVE_VERB]: decisionSaveSubmitSchema,
  [ASSESSMENT_START_VERB]: assessmentStartSubmitSchema,
  [ASSESSMENT_OPEN_VERB]: assessmentOpenSubmitSchema,
  [ASSESSMENT_SAVE_VERB]: assessmentSaveSubmitSchema,
  [CHASER_OPEN_VERB]: chaserOpenSubmitSchema,
  [SUMMARY_BENCHMARK_VERB]: summaryBenchmarkSubmitSchema,
  [SUMMARY_OPEN_VERB]: summaryOpenSubmitSchema,
  [MEMBER_FORM_VERB]: openFormSubmitSchema,
  [ORGANISATION_FORM_VERB]: openFormSubmitSchema,
  [ORGANISATION_PICK_VERB]: openFormSubmitSchema,
  [ORGANISATION_EDIT_VERB]: organisationEditSubmitSchema,
  [MEMBER_SAVE_VERB]: memberSaveSubmitSchema,
  [ORGANISATION_SAVE_VERB]: organisationSaveSubmitSchema,
  [ACTIONS_PAGE_VERB]: actionsPageSubmitSchema,
  [PARTNERSHIP_PAGE_VERB]: partnershipPageSubmitSchema,
  [NOT_REPLIED_PAGE_VERB]: notRepliedPageSubmitSchema,
  [ASSURANCE_OPEN_VERB]: assuranceOpenSubmitSchema,
  [ASSURANCE_SAVE_VERB]: assuranceSaveSubmitSchema,
  [FIGURES_OPEN_VERB]: figuresOpenSubmitSchema,
  [FIGURES_SAVE_VERB]: figuresSaveSubmitSchema,
  [PRIORITIES_VIEW_VERB]: prioritiesViewSubmitSchema,
  [PRIORITY_FORM_VERB]: priorityFormSubmitSchema,
  [PRIORITY_SAVE_VERB]: prioritySaveSubmitSchema,
  [PRIORITIES_AGREE_VERB]: prioritiesAgreeSubmitSchema,
  [PRIORITY_LINK_OPEN_VERB]: priorityLinkOpenSubmitSchema,
  [PRIORITY_LINK_SAVE_VERB]: priorityLinkSaveSubmitSchema,
};

const CARDS_DIR = path.resolve(__dirname, '../../src/cards');

/** Every `*_VERB` string exported by a module in src/cards: what cards can send back to the bot. */
export function exportedCardVerbs(): string[] {
  const verbs = new Set<string>();
  for (const file of readdirSync(CARDS_DIR).filter((f) => f.endsWith('.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(path.join(CARDS_DIR, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (name.endsWith('_VERB') && typeof value === 'string') verbs.add(value);
    }
  }
  return [...verbs].sort();
}

/** The field names a submit schema reads (through refinements), for generating payloads around them. */
export function schemaKeys(schema: ZodTypeAny): string[] {
  let inner: ZodTypeAny = schema;
  while (inner instanceof ZodEffects) inner = inner.innerType();
  return inner instanceof ZodObject ? Object.keys(inner.shape as Record<string, unknown>) : [];
}
