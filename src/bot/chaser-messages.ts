import { chaserCard } from '../cards/chaser-card';
import type { ChaseTarget } from '../domain/chasers/chaser-service';
import type { ChaseSubject } from '../domain/chasers/chasers';
import type { NewMessage } from '../domain/outbox/outbox';
import { addressFor, NO_CHAT_YET } from './enqueue-for-leads';

export interface ChaserMessages {
  readonly messages: NewMessage[];
  /** People and organisations that cannot be chased, and why. */
  readonly unreached: string[];
  readonly alreadyChased: number;
  readonly organisations: number;
}

/**
 * A chaser card for everyone owing a reply who can be reached and has not been chased today. Each
 * carries its once-key, so the outbox takes it only once a day however many times this runs.
 */
export function chaserMessages(targets: readonly ChaseTarget[]): ChaserMessages {
  const messages: NewMessage[] = [];
  const unreached: string[] = [];
  const organisations = new Set<string>();
  let alreadyChased = 0;
  for (const target of targets) {
    if (target.chasedToday) {
      alreadyChased += 1;
      continue;
    }
    const { organisation } = target.owing;
    const address = addressFor(target.reference, target.channel);
    if (!address) {
      unreached.push(`${target.recipient.name} (${organisation.name}): ${NO_CHAT_YET}`);
      continue;
    }
    organisations.add(organisation.id);
    messages.push({
      kind: 'chaser',
      subjectId: `${target.subject.kind}|${target.subject.id}`,
      recipient: { aadObjectId: target.recipient.aadObjectId, name: target.recipient.name, organisationId: organisation.id, organisationName: organisation.name },
      ...address,
      card: chaserCard(target.subject, target.owing),
      onceKey: target.onceKey,
    });
  }
  return { messages, unreached, alreadyChased, organisations: organisations.size };
}

/** Organisations owing a reply with nobody registered to answer for them. */
export function leaderless(subjects: readonly ChaseSubject[]): string[] {
  return subjects.flatMap((s) => s.owing.filter((o) => o.recipients.length === 0).map((o) => `${o.organisation.name} (${s.title}): no Prevent lead is registered`));
}
