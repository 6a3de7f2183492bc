import { renderCard, type AdaptiveCardJson } from './render';

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
    message: data.message,
    details: data.details ?? [],
    hint: data.hint ?? '',
    showEmergencyLine: data.showEmergencyLine ?? false,
    reference: data.reference,
    style: data.severity === 'warning' ? 'warning' : 'attention',
  });
}
