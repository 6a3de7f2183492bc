import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config';
import { startBot } from '../../src/index';
import { silentLogger, type Logger } from '../../src/logger';
import { startAzurite } from '../local/azurite';
import { startFakeConnector } from '../local/fake-connector';
import { freePort } from '../local/free-port';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { ASSESSMENT_SAVE_VERB } from '../../src/cards/assessment-cards';
import { RATINGS } from '../../src/domain/assessment/framework';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { answerText, BotClient, inputIdsOf, submitDataOf, submitDataTitled } from './bot-client';
import { seedSoakPartnership, seedSoakRound, type SoakPartner } from './soak-seed';
import { seededDice as dice } from '../local/seeded-dice';

export interface SoakOptions {
  readonly seconds: number;
  readonly partners: number;
  /** A hard cap on submits, whatever the time. */
  readonly maxSubmits?: number;
  /** Share of accepted submits sent a second time unchanged (same nonce), as a retried click would be. */
  readonly duplicateShare?: number;
  /** Pause between one partner's requests, so the bot's answers stay inside Teams' rate limits. */
  readonly thinkMs?: number;
  readonly seed?: number;
  readonly logger?: Logger;
}

/** The figures for one kind of submit: action updates, or rating-page saves. */
export interface SubmitFigures {
  readonly sent: number;
  readonly accepted: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly duplicatesSent: number;
  readonly duplicatesSuppressed: number;
  /** Rows in storage carrying one of this kind's submit nonces: action history, or rating history. */
  readonly stored: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface SoakReport {
  readonly seconds: number;
  readonly partners: number;
  readonly updates: SubmitFigures;
  readonly ratings: SubmitFigures;
  readonly errors: readonly string[];
  readonly connectorBreaches: number;
  /** Every way storage disagrees with what partners were told; empty for a clean run. */
  readonly mismatches: readonly string[];
}

/** What one kind of submit has seen so far in a run. */
class Tally {
  readonly accepted: string[] = [];
  readonly refused: Record<string, number> = {};
  readonly latencies: number[] = [];
  sent = 0;
  duplicatesSent = 0;
  duplicatesSuppressed = 0;

  constructor(readonly kind: string) {}

  /** Counts storage against what partners were told: each accepted nonce stored once, nothing else stored. */
  mismatches(storedCounts: ReadonlyMap<string, number>): string[] {
    const acceptedSet = new Set(this.accepted);
    return [
      ...[...storedCounts].filter(([, count]) => count > 1).map(([nonce, count]) => `${this.kind} ${nonce} stored ${count} times`),
      ...this.accepted.filter((nonce) => !storedCounts.has(nonce)).map((nonce) => `accepted ${this.kind} ${nonce} is not stored`),
      ...[...storedCounts.keys()].filter((nonce) => !acceptedSet.has(nonce)).map((nonce) => `${this.kind} ${nonce} is stored but the partner was not told it was saved`),
      ...(this.accepted.length !== acceptedSet.size ? [`${this.accepted.length - acceptedSet.size} ${this.kind}s were accepted twice`] : []),
      ...(this.accepted.length === 0 ? [`no ${this.kind} was accepted`] : []),
    ];
  }

  figures(storedCounts: ReadonlyMap<string, number>): SubmitFigures {
    return {
      sent: this.sent,
      accepted: this.accepted.length,
      refused: this.refused,
      duplicatesSent: this.duplicatesSent,
      duplicatesSuppressed: this.duplicatesSuppressed,
      stored: [...storedCounts.values()].reduce((sum, count) => sum + count, 0),
      p50Ms: percentile(this.latencies, 0.5),
      p99Ms: percentile(this.latencies, 0.99),
    };
  }
}

function countNonces(nonces: readonly (string | undefined)[], into: Map<string, number>): void {
  for (const nonce of nonces) if (nonce) into.set(nonce, (into.get(nonce) ?? 0) + 1);
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!);
}

const STATUSES = ['on-track', 'at-risk', 'off-track', 'complete'] as const;

/**
 * Starts its own Azurite (in memory, loopback, free port), the fake connector and the bot in local
 * mode; has `partners` partner leads (five to an organisation, so some race for the same action and
 * the same self-assessment return) take turns submitting action updates and saving rating pages
 * through /api/messages until the time or the submit cap runs out; then reads every action's history
 * and every return's rating history and checks each accepted submit is stored exactly once.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const logger = options.logger ?? silentLogger;
  const maxSubmits = options.maxSubmits ?? options.partners * options.seconds;
  const duplicateShare = options.duplicateShare ?? 0.1;
  const thinkMs = options.thinkMs ?? 1600;
  const seed = options.seed ?? 1;
  const azurite = await startAzurite();
  const connector = await startFakeConnector();
  try {
    const config = loadConfig({
      PORT: String(await freePort()),
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_NAME_PREFIX: `soak${randomBytes(3).toString('hex')}`,
      DEFAULT_PARTNERSHIP_ID: 'soak',
      LOG_LEVEL: 'silent',
    });
    const repositories = await openTableRepositories(config);
    const assessments = new AssessmentTableRepository(repositories.storage.client('assessments'));
    const plan = await seedSoakPartnership(repositories, {
      partnershipId: 'soak',
      partners: options.partners,
      partnersPerOrganisation: 5,
      actionsPerOrganisation: 8,
      tenants: Math.max(1, Math.ceil(options.partners / 10)),
    });
    const roundId = await seedSoakRound(assessments, plan.partnershipId);
    const bot = await startBot(config, logger);
    const client = new BotClient(`http://127.0.0.1:${bot.port}`, connector);

    const updates = new Tally('update');
    const ratings = new Tally('rating save');
    const errors: string[] = [];
    const deadline = performance.now() + options.seconds * 1000;
    const submitted = () => updates.sent + ratings.sent;

    /** Sends one submit, counts what the partner was told, and repeats it unchanged now and then. */
    const sendCounted = async (
      tally: Tally,
      partner: SoakPartner,
      value: Record<string, unknown>,
      replyToId: string,
      random: () => number,
      outcomeOf: (status: number, text: string) => Outcome,
    ) => {
      const nonce = String(value['nonce']);
      tally.sent += 1;
      const result = await client.submit(partner, value, replyToId);
      tally.latencies.push(result.ms);
      const outcome = outcomeOf(result.status, answerText(result.answers.at(-1)));
      if (outcome === 'accepted' || outcome === AUDIT_MISSED) tally.accepted.push(nonce);
      if (outcome.startsWith('error')) errors.push(`${partner.aadObjectId} sending ${tally.kind} ${nonce}: ${outcome}`);
      else if (outcome !== 'accepted') tally.refused[outcome] = (tally.refused[outcome] ?? 0) + 1;

      if (outcome === 'accepted' && random() < duplicateShare) {
        tally.duplicatesSent += 1;
        const again = await client.submit(partner, value, replyToId);
        const repeat = outcomeOf(again.status, answerText(again.answers.at(-1)));
        // A repeated rating save that changes nothing is answered "saved" without writing: still suppressed, as the storage check confirms.
        if (repeat === 'duplicate' || (repeat === 'accepted' && tally === ratings)) tally.duplicatesSuppressed += 1;
        else errors.push(`${partner.aadObjectId} repeating ${tally.kind} ${nonce}: expected "already recorded", got ${repeat}`);
      }
    };

    const updateAction = async (partner: SoakPartner, random: () => number, own: number) => {
      const actionIds = plan.actionsByOrganisation.get(partner.organisationId)!;
      const actionId = actionIds[Math.floor(random() * actionIds.length)]!;
      const opened = await client.message(partner, `update action ${actionId}`);
      const card = opened.answers.at(-1);
      const data = submitDataOf(card);
      if (opened.status >= 300 || !card || data?.['verb'] !== 'action-update') {
        errors.push(`${partner.aadObjectId} opening ${actionId}: HTTP ${opened.status}, ${answerText(card).slice(0, 120)}`);
        return;
      }
      await sleep(thinkMs / 2);
      const value: Record<string, unknown> = {
        ...data,
        status: STATUSES[Math.floor(random() * STATUSES.length)],
        progressNote: `Soak update ${own} from ${partner.name} on ${actionId}`,
        evidenceUrl: '',
        revisedDate: '',
      };
      await sendCounted(updates, partner, value, card.activityId, random, (status, text) => updateOutcome(status, text, actionId));
    };

    /** Opens the organisation's return where it left off and rates one item, with details new each time so the save always changes something. */
    const rateItem = async (partner: SoakPartner, random: () => number, own: number) => {
      const opened = await client.message(partner, 'self-assessment');
      const card = opened.answers.at(-1);
      const data = submitDataTitled(card, 'Save');
      const ratingInputs = inputIdsOf(card, 'rating-');
      if (opened.status >= 300 || !card || data?.['verb'] !== ASSESSMENT_SAVE_VERB || data['roundId'] !== roundId || ratingInputs.length === 0) {
        errors.push(`${partner.aadObjectId} opening the self-assessment: HTTP ${opened.status}, ${answerText(card).slice(0, 120)}`);
        return;
      }
      await sleep(thinkMs / 2);
      const ratingInput = ratingInputs[Math.floor(random() * ratingInputs.length)]!;
      const value: Record<string, unknown> = {
        ...data,
        [ratingInput]: RATINGS[Math.floor(random() * RATINGS.length)],
        [ratingInput.replace(/^rating-/, 'details-')]: `Soak rating ${own} from ${partner.name}`,
      };
      await sendCounted(ratings, partner, value, card.activityId, random, ratingOutcome);
    };

    const partnerRun = async (partner: SoakPartner, index: number) => {
      try {
        await partnerTurns(partner, index);
      } catch (error) {
        // A request that timed out or failed outright ends this partner's run and counts as an error.
        errors.push(`${partner.aadObjectId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const partnerTurns = async (partner: SoakPartner, index: number) => {
      const random = dice(seed * 1000 + index);
      // Staggered starts, so the partners do not all arrive in the same instant.
      await sleep(Math.floor((index / options.partners) * thinkMs));
      let own = 0;
      while (performance.now() < deadline && submitted() < maxSubmits) {
        own += 1;
        // Alternating, starting on a different kind for odd and even partners, so both kinds run all the time.
        if ((own + index) % 2 === 0) await updateAction(partner, random, own);
        else await rateItem(partner, random, own);
        await sleep(thinkMs / 2);
      }
    };
    await Promise.all(plan.partners.map(partnerRun));
    await bot.close();

    const storedUpdates = new Map<string, number>();
    const storedRatings = new Map<string, number>();
    for (const [organisationId, actionIds] of plan.actionsByOrganisation) {
      for (const actionId of actionIds)
        countNonces(
          (await repositories.actions.history(plan.partnershipId, actionId)).map((p) => p.nonce),
          storedUpdates,
        );
      countNonces(
        (await assessments.history(plan.partnershipId, roundId, organisationId)).map((entry) => entry.nonce),
        storedRatings,
      );
    }
    const mismatches = [...updates.mismatches(storedUpdates), ...ratings.mismatches(storedRatings), ...(errors.length > 0 ? [`${errors.length} errors, first: ${errors[0]}`] : [])];
    return {
      seconds: options.seconds,
      partners: options.partners,
      updates: updates.figures(storedUpdates),
      ratings: ratings.figures(storedRatings),
      errors,
      connectorBreaches: connector.breaches,
      mismatches,
    };
  } finally {
    await connector.close();
    await azurite.stop();
  }
}

const AUDIT_MISSED = 'error: saved, but not recorded in the audit log';

type Outcome = 'accepted' | 'duplicate' | 'conflict' | 'not saved' | `error: ${string}`;

function unexpected(text: string): Outcome {
  return `error: unexpected answer ${text.replace(/"(type|\$schema|version|weight|size|wrap|style|bleed|spacing)":("[^"]*"|true|false),?/g, '').slice(0, 300)}`;
}

/** What the partner was told about an action update, read from the card the bot put in front of them. */
function updateOutcome(status: number, text: string, actionId: string): Outcome {
  if (status >= 300) return `error: HTTP ${status}`;
  if (text.includes('already been recorded')) return 'duplicate';
  // Stored, and the partner is told so, but the audit log missed it: counted as accepted, and as an error.
  if (text.includes('Saved, but not recorded in the audit log')) return AUDIT_MISSED;
  if (text.includes(`Action ${actionId} updated`)) return 'accepted';
  if (text.includes('someone updated this action a moment ago')) return 'conflict';
  if (text.includes('Not saved')) return 'not saved';
  return unexpected(text);
}

/** What the partner was told about a rating-page save: the receipt, or the page back with the reason. */
function ratingOutcome(status: number, text: string): Outcome {
  if (status >= 300) return `error: HTTP ${status}`;
  if (text.includes('already recorded; not saved twice')) return 'duplicate';
  if (/Benchmark \d+ of \d+ saved/.test(text)) return 'accepted';
  if (text.includes('saved this a moment ago')) return 'conflict';
  if (text.includes('Not saved')) return 'not saved';
  return unexpected(text);
}
