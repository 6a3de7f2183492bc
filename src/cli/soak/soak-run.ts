import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../config';
import { startBot } from '../../index';
import { silentLogger, type Logger } from '../../logger';
import { startAzurite } from '../local/azurite';
import { startFakeConnector } from '../local/fake-connector';
import { freePort } from '../local/free-port';
import { openRepositories } from '../storage-from-config';
import { answerText, BotClient, submitDataOf } from './bot-client';
import { seedSoakPartnership, type SoakPartner } from './soak-seed';

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

export interface SoakReport {
  readonly seconds: number;
  readonly partners: number;
  readonly submitsSent: number;
  readonly accepted: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly duplicatesSent: number;
  readonly duplicatesSuppressed: number;
  readonly stored: number;
  readonly errors: readonly string[];
  readonly connectorBreaches: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Every way storage disagrees with what partners were told; empty for a clean run. */
  readonly mismatches: readonly string[];
}

/** A small seeded generator (mulberry32), so a run's choices can be repeated. */
function dice(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!);
}

const STATUSES = ['on-track', 'at-risk', 'off-track', 'complete'] as const;

/**
 * Starts its own Azurite (in memory, loopback, free port), the fake connector and the bot in local
 * mode; has `partners` partner leads (five to an organisation, so some race for the same action)
 * open and submit action updates through /api/messages until the time or the submit cap runs out;
 * then reads every action's history and checks each accepted submit is stored exactly once.
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
    const repositories = await openRepositories(config);
    const plan = await seedSoakPartnership(repositories, {
      partnershipId: 'soak',
      partners: options.partners,
      partnersPerOrganisation: 5,
      actionsPerOrganisation: 8,
      tenants: Math.max(1, Math.ceil(options.partners / 10)),
    });
    const bot = await startBot(config, logger);
    const client = new BotClient(`http://127.0.0.1:${bot.port}`, connector);

    let submitsSent = 0;
    let duplicatesSent = 0;
    let duplicatesSuppressed = 0;
    const accepted: string[] = [];
    const refused: Record<string, number> = {};
    const errors: string[] = [];
    const latencies: number[] = [];
    const deadline = performance.now() + options.seconds * 1000;

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
      while (performance.now() < deadline && submitsSent < maxSubmits) {
        const actionIds = plan.actionsByOrganisation.get(partner.organisationId)!;
        const actionId = actionIds[Math.floor(random() * actionIds.length)]!;
        const opened = await client.message(partner, `update action ${actionId}`);
        const card = opened.answers.at(-1);
        const data = submitDataOf(card);
        if (opened.status >= 300 || !card || data?.['verb'] !== 'action-update') {
          errors.push(`${partner.aadObjectId} opening ${actionId}: HTTP ${opened.status}, ${answerText(card).slice(0, 120)}`);
          await sleep(thinkMs);
          continue;
        }
        await sleep(thinkMs / 2);
        own += 1;
        const value: Record<string, unknown> = {
          ...data,
          status: STATUSES[Math.floor(random() * STATUSES.length)],
          progressNote: `Soak update ${own} from ${partner.name} on ${actionId}`,
          evidenceUrl: '',
          revisedDate: '',
        };
        const nonce = String(value['nonce']);
        submitsSent += 1;
        const result = await client.submit(partner, value, card.activityId);
        latencies.push(result.ms);
        const outcome = outcomeOf(result.status, answerText(result.answers.at(-1)), actionId);
        if (outcome === 'accepted' || outcome === AUDIT_MISSED) accepted.push(nonce);
        if (outcome.startsWith('error')) errors.push(`${partner.aadObjectId} submitting ${actionId}: ${outcome}`);
        else if (outcome !== 'accepted') refused[outcome] = (refused[outcome] ?? 0) + 1;

        if (outcome === 'accepted' && random() < duplicateShare) {
          duplicatesSent += 1;
          const again = await client.submit(partner, value, card.activityId);
          const repeat = outcomeOf(again.status, answerText(again.answers.at(-1)), actionId);
          if (repeat === 'duplicate') duplicatesSuppressed += 1;
          else errors.push(`${partner.aadObjectId} repeating ${nonce}: expected "already recorded", got ${repeat}`);
        }
        await sleep(thinkMs / 2);
      }
    };
    await Promise.all(plan.partners.map(partnerRun));
    await bot.close();

    const storedCounts = new Map<string, number>();
    for (const actionIds of plan.actionsByOrganisation.values()) {
      for (const actionId of actionIds) {
        for (const progress of await repositories.actions.history(plan.partnershipId, actionId)) {
          if (progress.nonce) storedCounts.set(progress.nonce, (storedCounts.get(progress.nonce) ?? 0) + 1);
        }
      }
    }
    const acceptedSet = new Set(accepted);
    const mismatches = [
      ...[...storedCounts].filter(([, count]) => count > 1).map(([nonce, count]) => `submit ${nonce} stored ${count} times`),
      ...accepted.filter((nonce) => !storedCounts.has(nonce)).map((nonce) => `accepted submit ${nonce} is not stored`),
      ...[...storedCounts.keys()].filter((nonce) => !acceptedSet.has(nonce)).map((nonce) => `submit ${nonce} is stored but the partner was not told it was saved`),
      ...(accepted.length !== acceptedSet.size ? [`${accepted.length - acceptedSet.size} submits were accepted twice`] : []),
      ...(errors.length > 0 ? [`${errors.length} errors, first: ${errors[0]}`] : []),
      ...(accepted.length === 0 ? ['no submit was accepted'] : []),
    ];
    return {
      seconds: options.seconds,
      partners: options.partners,
      submitsSent,
      accepted: accepted.length,
      refused,
      duplicatesSent,
      duplicatesSuppressed,
      stored: [...storedCounts.values()].reduce((sum, count) => sum + count, 0),
      errors,
      connectorBreaches: connector.breaches,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      mismatches,
    };
  } finally {
    await connector.close();
    await azurite.stop();
  }
}

const AUDIT_MISSED = 'error: saved, but not recorded in the audit log';

type Outcome = 'accepted' | 'duplicate' | 'conflict' | 'not saved' | `error: ${string}`;

/** What the partner was told, read from the card the bot put in front of them. */
function outcomeOf(status: number, text: string, actionId: string): Outcome {
  if (status >= 300) return `error: HTTP ${status}`;
  if (text.includes('already been recorded')) return 'duplicate';
  // Stored, and the partner is told so, but the audit log missed it: counted as accepted, and as an error.
  if (text.includes('Saved, but not recorded in the audit log')) return AUDIT_MISSED;
  if (text.includes(`Action ${actionId} updated`)) return 'accepted';
  if (text.includes('someone updated this action a moment ago')) return 'conflict';
  if (text.includes('Not saved')) return 'not saved';
  return `error: unexpected answer ${text.replace(/"(type|\$schema|version|weight|size|wrap|style|bleed|spacing)":("[^"]*"|true|false),?/g, '').slice(0, 300)}`;
}
