import { escapeMarkdown, truncate } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

/** A problem is told in a few lines; bounds keep a card echoing a huge payload under Teams' size limit. */
const MESSAGE_MAX = 1_000;
const DETAIL_MAX = 300;
const DETAILS_MAX = 30;

/** Tells the user what went wrong and what to do; used for every coded error at the bot edge. */
export const PROBLEM_TEMPLATE = 'problem';

export interface ProblemCardData {
  readonly title: string;
  readonly message: string;
  readonly details?: readonly string[];
  readonly hint?: string;
  /** Shown when the user was looking for safeguarding help, so the 999 line is never lost. */
  readonly showEmergencyLine?: boolean;
  /** A short code support can search the logs for. */
  readonly reference: string;
  readonly severity?: 'warning' | 'error';
}

export function problemCard(data: ProblemCardData): AdaptiveCardJson {
  return renderCard(PROBLEM_TEMPLATE, {
    title: data.title,
    message: truncate(data.message, MESSAGE_MAX),
    // Details often name what was sent (a field, an item id), so they are shown as text, never as Markdown.
    details: (data.details ?? []).slice(0, DETAILS_MAX).map((detail) => escapeMarkdown(truncate(detail, DETAIL_MAX))),
    hint: data.hint ?? '',
    showEmergencyLine: data.showEmergencyLine ?? false,
    reference: data.reference,
    style: data.severity === 'warning' ? 'warning' : 'attention',
  });
}
