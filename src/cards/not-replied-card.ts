import { ukDate } from '../domain/clock';
import type { ChaseSubject } from '../domain/chasers/chasers';
import { chaserDates } from '../domain/chasers/chasers';
import type { ChaseTarget } from '../domain/chasers/chaser-service';
import { escapeMarkdown } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

export interface NotRepliedData {
  readonly subjects: readonly ChaseSubject[];
  readonly targets: readonly ChaseTarget[];
  readonly chaserWorkingDays: readonly number[];
  /** The Prevent Officer gets a "Send chasers" button. */
  readonly canChase: boolean;
}

function schedule(subject: ChaseSubject, workingDays: readonly number[]): string {
  if (!subject.deadline) return 'No deadline was set, so no chasers are scheduled; "send chasers" reminds them now.';
  return `Due ${ukDate(subject.deadline)}. Chasers go out on ${chaserDates(subject.deadline, workingDays).map(ukDate).join(' and ')}.`;
}

/** "who hasn't replied": per open subject, each organisation still owing and who answers for it. */
export function notRepliedCard(data: NotRepliedData): AdaptiveCardJson {
  return renderCard('not-replied', {
    canChase: data.canChase,
    subjects: data.subjects.map((subject) => ({
      heading: escapeMarkdown(subject.title),
      schedule: schedule(subject, data.chaserWorkingDays),
      lines: subject.owing.map((owing) => {
        const items = owing.items.length > 0 ? ` (${owing.items.join(', ')})` : '';
        const people = data.targets
          .filter((t) => t.subject === subject && t.owing === owing)
          .map((t) => `${escapeMarkdown(t.recipient.name)}${t.chasedToday ? ', chased today' : ''}${t.reference ? '' : ', has not opened a chat with the bot'}`);
        return `${escapeMarkdown(owing.organisation.name)}${items}: ${people.length > 0 ? people.join('; ') : 'no Prevent lead is registered'}`;
      }),
    })),
  });
}
