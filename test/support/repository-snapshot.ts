import type { botHarness } from './bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;

const P = 'warwickshire';

/** Maps and Sets as plain arrays, and the sender's lease left out: it is renewed by every drain. */
function plain(_key: string, value: unknown): unknown {
  if (_key === 'sender') return undefined;
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value.values()];
  return value;
}

/** The outbox's batches, messages and once-keys; a partition a read merely touched is left out. */
function outboxContents(harness: Harness): unknown {
  const partitions = (harness.outboxRepository as unknown as { partitions: Map<string, { batches: Map<string, unknown>; messages: Map<string, unknown>; onceKeys: Set<string> }> })
    .partitions;
  return [...partitions.entries()].filter(([, p]) => p.batches.size + p.messages.size + p.onceKeys.size > 0);
}

/**
 * Everything the harness's repositories hold for the partnership, as one comparable string, so a
 * test can show that a turn wrote nothing: the plan and each action's history, members,
 * organisations, self-assessment rounds and returns, meetings, the update round and the outbox.
 */
export async function repositorySnapshot(harness: Harness): Promise<string> {
  const actions = await harness.actions.list(P);
  const rounds = await harness.assessments.listRounds(P);
  const statementYears = await harness.assurance.listRequests(P);
  return JSON.stringify(
    {
      actions,
      actionHistory: await Promise.all(actions.map((r) => harness.actions.history(P, r.action.id))),
      members: await harness.members.list(P),
      organisations: await harness.organisations.list(P),
      rounds,
      returns: await Promise.all(rounds.map((r) => harness.assessments.listReturns(P, r.id))),
      meetings: await harness.meetingRepository.list(P),
      statementYears,
      statements: await Promise.all(statementYears.map((r) => harness.assurance.listStatements(P, r.year))),
      updateRound: (await harness.services.updateRequests.progress(P))?.round ?? null,
      outbox: outboxContents(harness),
      priorities: await harness.priorityRepository.list(P),
      proactiveSends: harness.messenger.sent.length,
    },
    plain,
  );
}
