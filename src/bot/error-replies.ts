import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { problemCard, type ProblemCardData } from '../cards/problem-card';
import { CardTooLargeError } from '../cards/render';
import { AuditNotRecordedError } from '../domain/audit/audit-recorder';
import { isDomainError, type DomainError } from '../domain/errors';
import { GuidanceNotConfiguredError } from '../domain/guidance/guidance-service';
import type { Logger } from '../logger';
import { sendCard } from './send-card';
import { answerWithCard } from './universal-actions';

type ProblemWithoutReference = Omit<ProblemCardData, 'reference'>;

/** The single place where coded domain errors become words for users. */
export function describeProblem(error: unknown): ProblemWithoutReference {
  if (error instanceof GuidanceNotConfiguredError) {
    return {
      title: 'This partnership has not set up its guidance yet',
      message: 'Your Prevent Officer has not loaded the local referral pathway and training information into the bot.',
      hint: "Use your organisation's safeguarding procedure and speak to your designated safeguarding lead or Prevent lead.",
      showEmergencyLine: true,
      severity: 'warning',
    };
  }
  if (error instanceof AuditNotRecordedError) {
    return {
      title: 'Saved, but not recorded in the audit log',
      message: 'Your change was saved. The audit log could not record it; the failure has been logged for the Prevent Officer. Please do not send it again.',
      severity: 'warning',
    };
  }
  if (error instanceof CardTooLargeError) {
    return { title: 'That answer is too large to show in Teams', message: 'Please ask for something narrower.', severity: 'warning' };
  }
  if (isDomainError(error)) return describeDomainError(error);
  return {
    title: 'Something went wrong',
    message: 'The bot could not finish that. Nothing you sent has been lost; please try again in a moment.',
  };
}

function describeDomainError(error: DomainError): ProblemWithoutReference {
  switch (error.code) {
    case 'storage-unavailable':
      return { title: 'Not saved, try again', message: 'The bot could not reach its storage, so nothing was saved. Please try again in a moment.' };
    case 'conflict':
      return { title: 'Someone else changed this first', message: 'Nothing was saved. Open the latest version and try again.', severity: 'warning' };
    case 'forbidden':
      return { title: 'You cannot do that', message: error.message, severity: 'warning' };
    case 'not-found':
      return { title: 'Not found', message: error.message, severity: 'warning' };
    case 'invalid':
      return { title: 'Please check what you entered', message: error.message, details: error.details, severity: 'warning' };
  }
}

export function newReference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** Logs the error with a reference and tells the user, with the same reference, what happened. */
export async function replyWithProblem(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const reference = newReference();
  const level = isDomainError(error) && error.code !== 'storage-unavailable' ? 'warn' : 'error';
  logger[level]({ err: error, reference, activityType: context.activity.type }, 'turn failed');
  const card = problemCard({ ...describeProblem(error), reference });
  // An Action.Execute is answered with the problem card in place of the card that was pressed.
  if (!answerWithCard(context, card)) await sendCard(context, card);
}
