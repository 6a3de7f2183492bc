import { z } from 'zod';
import { ukDate } from '../domain/clock';
import { CHASE_KINDS, type ChaseSubject, type Owing } from '../domain/chasers/chasers';
import { escapeMarkdown } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

/** The chaser's button: opens the same update, self-assessment or agenda reply card the person owes. */
export const CHASER_OPEN_VERB = 'chaser-open';

export const chaserOpenSubmitSchema = z.object({
  verb: z.literal(CHASER_OPEN_VERB),
  kind: z.enum(CHASE_KINDS),
  subjectId: z.string().trim().min(1).max(200),
  organisationId: z.string().trim().min(1).max(100),
});
export type ChaserOpenSubmit = z.infer<typeof chaserOpenSubmitSchema>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "has not yet updated 2 actions: 6.1, 6.4" and the like, for one organisation. */
export function owedLine(subject: ChaseSubject, owing: Owing): string {
  const name = escapeMarkdown(owing.organisation.name);
  switch (subject.kind) {
    case 'update-round':
      return `${name} has not yet updated ${plural(owing.items.length, 'action', 'actions')} of the action plan: ${owing.items.join(', ')}.`;
    case 'self-assessment':
      return `${name} has not yet submitted its return for ${escapeMarkdown(subject.title.replace(/^Self-assessment /, 'self-assessment '))}.`;
    case 'meeting':
      return `${name} has not yet said whether it will attend the ${escapeMarkdown(subject.title)}.`;
    case 'assurance-statement':
      return `${name} has not yet confirmed its ${escapeMarkdown(subject.title.replace(/^Annual/, 'annual'))}.`;
    case 'figures':
      return `${name} has not yet returned its figures for ${escapeMarkdown(subject.id)}: ${owing.items.map(escapeMarkdown).join(', ')}.`;
  }
}

export function deadlineLine(subject: ChaseSubject): string {
  if (!subject.deadline) return 'Please reply as soon as you can.';
  const date = ukDate(subject.deadline);
  switch (subject.kind) {
    case 'update-round':
      return `Updates are due by ${date}.`;
    case 'self-assessment':
      return `The round closes on ${date}.`;
    case 'meeting':
      return `The meeting is on ${date}: please reply before then.`;
    case 'assurance-statement':
      return `Statements are due by ${date}.`;
    case 'figures':
      return `Figures are due by ${date}.`;
  }
}

const BUTTONS: Record<ChaseSubject['kind'], string> = {
  'update-round': 'Open the update card',
  'self-assessment': 'Open the self-assessment',
  meeting: 'Reply to the agenda',
  'assurance-statement': 'Open the assurance statement',
  figures: 'Open the figures card',
};

/** A reminder to one organisation's lead about what it still owes, with a button to do it now. */
export function chaserCard(subject: ChaseSubject, owing: Owing): AdaptiveCardJson {
  return renderCard('chaser', {
    title: `Reminder: ${escapeMarkdown(subject.title)}`,
    owedLine: owedLine(subject, owing),
    deadlineLine: deadlineLine(subject),
    organisation: escapeMarkdown(owing.organisation.name),
    buttonTitle: BUTTONS[subject.kind],
    verb: CHASER_OPEN_VERB,
    kind: subject.kind,
    subjectId: subject.id,
    organisationId: owing.organisation.id,
  });
}
